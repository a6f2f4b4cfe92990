#include "schema/registry.h"

namespace monday::schema {

const std::vector<std::shared_ptr<const TableDef>>& graphqlTables() {
  static const std::vector<std::shared_ptr<const TableDef>> tables = [] {
    std::vector<std::shared_ptr<const TableDef>> list;
    for (auto make : {makeAccountTable, makeActivityLogsTable, makeAssetsTable, makeBoardsTable, makeBoardUsersTable,
                      makeBoardViewsTable, makeColumnsTable, makeColumnValuesTable, makeDocBlocksTable, makeDocsTable,
                      makeFoldersTable, makeGroupsTable, makeItemsTable, makeMeTable, makeRepliesTable,
                      makeSubitemsTable, makeTagsTable, makeTeamsTable, makeTeamUsersTable, makeUpdatesTable,
                      makeUsersTable, makeWebhooksTable, makeWorkspacesTable, makeWorkspaceUsersTable}) {
      list.push_back(std::make_shared<const TableDef>(make()));
    }
    return list;
  }();
  return tables;
}

const std::vector<std::shared_ptr<const TableDef>>& systemTables() {
  static const std::vector<std::shared_ptr<const TableDef>> tables = [] {
    std::vector<std::shared_ptr<const TableDef>> list;
    for (auto make : {makeApiUsageTable, makeLastQueryTable, makeCacheTable}) list.push_back(std::make_shared<const TableDef>(make()));
    return list;
  }();
  return tables;
}

}  // namespace monday::schema
