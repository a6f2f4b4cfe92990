// Workspaces: every workspace the token can see, in every state.
#include "schema/graphql/api_scan.h"
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
      {"id", DataType::BigInt, "id", Decode::Id, "Workspace id.", 0, false},
      {"name", DataType::Varchar, "name", Decode::Text, "Workspace name.", 0, false},
      {"kind", DataType::Varchar, "kind", Decode::Text, "open, closed or template.", 16},
      {"description", DataType::LongVarchar, "description", Decode::Text, "Workspace description."},
      {"state", DataType::Varchar, "state", Decode::Text, "active, archived or deleted.", 16},
      {"is_default_workspace", DataType::Bit, "is_default_workspace", Decode::Boolean,
       "Whether this is the account's main workspace."},
      {"created_at", DataType::Timestamp, "created_at", Decode::Timestamp, "When the workspace was created (UTC)."},
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
