// Workspaces: every workspace the token can see, in every state.
#include "schema/paging/api_scan.h"
#include "schema/registry.h"

namespace monday::schema {

namespace {

const RootList kWorkspaces{.operation = "Workspaces", .field = "workspaces", .fixed_arguments = "state: all",
                           .page_size = 100, .ids_per_request = 100};

}  // namespace

TableDef makeWorkspacesTable() {
  TableDef table;
  table.name = "Workspaces";
  table.description = "Workspaces of the account, in every state (active, archived, deleted).";
  table.columns = {
      {.name = "id", .type = DataType::BigInt, .decode = Decode::Id, .description = "Workspace id.",
       .nullable = false},
      {.name = "name", .description = "Workspace name.", .nullable = false},
      {.name = "kind", .description = "open, closed or template.", .size = 16},
      {.name = "description", .type = DataType::LongVarchar, .description = "Workspace description."},
      {.name = "state", .description = "active, archived or deleted.", .size = 16},
      {.name = "is_default_workspace", .type = DataType::Bit, .decode = Decode::Boolean,
       .description = "Whether this is the account's main workspace."},
      {.name = "created_at", .type = DataType::Timestamp, .decode = Decode::Timestamp,
       .description = "When the workspace was created (UTC)."},
  };
  table.keys = {{"id", true}};
  table.primary_key = {"id"};
  table.scan = [](ScanContext& context, const ScanRequest& request) {
    return scanRootList(context, request, kWorkspaces);
  };
  table.estimate = [](const ScanShape& shape) { return estimateRootList(shape, kWorkspaces, 20); };
  return table;
}

}  // namespace monday::schema
