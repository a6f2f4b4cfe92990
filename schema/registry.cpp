#include "schema/registry.h"

namespace monday::schema {

const std::vector<std::shared_ptr<const TableDef>>& graphqlTables() {
  static const std::vector<std::shared_ptr<const TableDef>> tables = [] {
    std::vector<std::shared_ptr<const TableDef>> list;
    for (auto make : {makeBoardsTable, makeColumnsTable, makeGroupsTable, makeItemsTable, makeUsersTable,
                      makeWorkspacesTable}) {
      list.push_back(std::make_shared<const TableDef>(make()));
    }
    return list;
  }();
  return tables;
}

}  // namespace monday::schema
