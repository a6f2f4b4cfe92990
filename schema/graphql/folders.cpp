// Folders: the folders of every workspace.
#include "schema/graphql/api_scan.h"
#include "schema/registry.h"

namespace monday::schema {

namespace {

// folders(limit:) is at most 100 (monday's folders reference).
const RootList kFolders{.operation = "Folders", .field = "folders", .page_size = 100, .ids_per_request = 100,
                        .filters = {{.column = "workspace_id", .argument = "workspace_ids", .type = "[ID]",
                                     .per_request = 100}}};

}  // namespace

TableDef makeFoldersTable() {
  TableDef table;
  table.name = "Folders";
  table.description = "Folders that organise boards, dashboards and docs inside workspaces (sub-folders included).";
  table.columns = {
      {"id", DataType::BigInt, "id", Decode::Id, "Folder id.", 0, false},
      {"name", DataType::Varchar, "name", Decode::Text, "Folder name.", 0, false},
      {"workspace_id", DataType::BigInt, "workspace.id", Decode::Id, "Workspace holding the folder."},
      {"parent_id", DataType::BigInt, "parent.id", Decode::Id, "Parent folder of a sub-folder; NULL at the top level."},
      {"owner_id", DataType::BigInt, "owner_id", Decode::Id, "User who owns the folder."},
      {"color", DataType::Varchar, "color", Decode::Text, "Folder colour name (e.g. BRIGHT_BLUE, NULL = none).", 32},
      {"custom_icon", DataType::Varchar, "custom_icon", Decode::Text, "Folder icon (FOLDER, WORK ...).", 32},
      {"font_weight", DataType::Varchar, "font_weight", Decode::Text, "Font weight of the folder name.", 32},
      {"created_at", DataType::Timestamp, "created_at", Decode::Timestamp, "When the folder was created (UTC)."},
  };
  table.keys = {{"id", true}, {"workspace_id", true}};
  table.primary_key = {"id"};
  table.foreign_keys = {{{"workspace_id"}, "Workspaces", {"id"}}};
  table.scan = [](ScanContext& context, const ScanRequest& request) {
    return scanRootList(context, request, kFolders);
  };
  table.estimate = [](const ScanShape& shape) { return estimateRootList(shape, kFolders, 50); };
  return table;
}

}  // namespace monday::schema
