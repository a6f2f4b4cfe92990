// ManagedColumns: the account's managed status and dropdown columns (managed_column, API 2025-07+).
#include "schema/paging/api_scan.h"
#include "schema/registry.h"

namespace monday::schema {

namespace {

// managed_column(id:) takes the column ids (strings, not monday IDs). The state filter is left to
// SQL: a state monday does not know would be a GraphQL error instead of no rows.
const RootList kManagedColumns{
    .operation = "ManagedColumns", .field = "managed_column", .page_size = 0, .id_column = "",
    .filters = {{.column = "id", .argument = "id", .type = "[String!]", .per_request = 100}}};

}  // namespace

TableDef makeManagedColumnsTable() {
  TableDef table;
  table.name = "ManagedColumns";
  table.description =
      "The account's managed columns: status and dropdown columns whose labels only their owners may change, used "
      "on many boards. Needs managed-column permission.";
  table.columns = {
      {.name = "id", .description = "Managed column id.", .size = 64, .nullable = false},
      {.name = "title", .description = "Title.", .size = 255},
      {.name = "description", .description = "Description.", .size = 1024},
      {.name = "state", .description = "active, inactive or deleted.", .size = 16},
      {.name = "revision", .type = DataType::Integer, .decode = Decode::Integer,
       .description = "Version of the column's settings; it grows with every change."},
      {.name = "settings_json", .type = DataType::LongVarchar, .decode = Decode::Json,
       .description = "The column's settings (its labels) as JSON."},
      {.name = "created_by", .type = DataType::BigInt, .decode = Decode::Id, .description = "Creator (Users.id)."},
      {.name = "updated_by", .type = DataType::BigInt, .decode = Decode::Id, .description = "Last editor (Users.id)."},
      {.name = "created_at", .type = DataType::Timestamp, .decode = Decode::Timestamp, .description = "Created (UTC)."},
      {.name = "updated_at", .type = DataType::Timestamp, .decode = Decode::Timestamp,
       .description = "Last changed (UTC)."},
  };
  table.keys = {{"id", true}};
  table.primary_key = {"id"};
  table.foreign_keys = {{{"created_by"}, "Users", {"id"}}, {{"updated_by"}, "Users", {"id"}}};
  table.scan = [](ScanContext& context, const ScanRequest& request) {
    return scanRootList(context, request, kManagedColumns);
  };
  table.estimate = [](const ScanShape& shape) { return estimateRootList(shape, kManagedColumns, 10); };
  return table;
}

}  // namespace monday::schema
