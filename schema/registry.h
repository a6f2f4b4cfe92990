#pragma once
// Every table the driver offers. One factory per file under schema/graphql/; the registry just
// lists them, so adding a table is one new file plus one line here.

#include <memory>
#include <vector>

#include "schema/table.h"

namespace monday::schema {

TableDef makeBoardsTable();
TableDef makeColumnsTable();
TableDef makeGroupsTable();
TableDef makeItemsTable();
TableDef makeUsersTable();
TableDef makeWorkspacesTable();

// Tables of Schema=GraphQL, in catalog order.
const std::vector<std::shared_ptr<const TableDef>>& graphqlTables();

}  // namespace monday::schema
