// Folders: the folders of every workspace.
#include "schema/paging/api_scan.h"
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
      {.name = "id", .type = DataType::BigInt, .decode = Decode::Id, .description = "Folder id.", .nullable = false},
      {.name = "name", .description = "Folder name.", .nullable = false},
      {.name = "workspace_id", .type = DataType::BigInt, .path = "workspace.id", .decode = Decode::Id,
       .description = "Workspace holding the folder."},
      {.name = "parent_id", .type = DataType::BigInt, .path = "parent.id", .decode = Decode::Id,
       .description = "Parent folder of a sub-folder; NULL at the top level."},
      {.name = "owner_id", .type = DataType::BigInt, .decode = Decode::Id, .description = "User who owns the folder."},
      {.name = "color", .description = "Folder colour name (e.g. BRIGHT_BLUE, NULL = none).", .size = 32},
      {.name = "custom_icon", .description = "Folder icon (FOLDER, WORK ...).", .size = 32},
      {.name = "font_weight", .description = "Font weight of the folder name.", .size = 32},
      {.name = "created_at", .type = DataType::Timestamp, .decode = Decode::Timestamp,
       .description = "When the folder was created (UTC)."},
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
