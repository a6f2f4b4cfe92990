#pragma once
// Every table the driver offers. One factory per file under schema/graphql/; the registry just
// lists them, so adding a table is one new file plus one line here.

#include <memory>
#include <vector>

#include "schema/table.h"

namespace monday::schema {

TableDef makeAccountTable();
TableDef makeActivityLogsTable();
TableDef makeAssetsTable();
TableDef makeBoardsTable();
TableDef makeBoardUsersTable();
TableDef makeBoardViewsTable();
TableDef makeColumnsTable();
TableDef makeColumnValuesTable();
TableDef makeDocBlocksTable();
TableDef makeDocsTable();
TableDef makeFoldersTable();
TableDef makeGroupsTable();
TableDef makeItemsTable();
TableDef makeMeTable();
TableDef makeRepliesTable();
TableDef makeSubitemsTable();
TableDef makeTagsTable();
TableDef makeTeamsTable();
TableDef makeTeamUsersTable();
TableDef makeUpdatesTable();
TableDef makeUsersTable();
TableDef makeWebhooksTable();
TableDef makeWorkspacesTable();
TableDef makeWorkspaceUsersTable();

// System tables (schema "sys", schema/system/): driver state, no API calls.
TableDef makeApiUsageTable();
TableDef makeCacheTable();
TableDef makeLastQueryTable();

// Tables of Schema=GraphQL, in catalog order.
const std::vector<std::shared_ptr<const TableDef>>& graphqlTables();

// System tables, offered on every connection whatever its Schema.
const std::vector<std::shared_ptr<const TableDef>>& systemTables();

}  // namespace monday::schema
