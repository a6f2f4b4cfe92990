// Boards: every board the token can see, in every state (filter on `state`).
#include "schema/graphql/api_scan.h"
#include "schema/registry.h"
#include "schema/writes/writes.h"

namespace monday::schema {

namespace {

const RootList kBoards{.operation = "Boards", .field = "boards", .fixed_arguments = "state: all",
                       .page_size = 100, .ids_per_request = 100};

}  // namespace

TableDef makeBoardsTable() {
  TableDef table;
  table.name = "Boards";
  table.description = "Boards the token's user can see, in every state (active, archived, deleted).";
  table.columns = {
      {"id", DataType::BigInt, "id", Decode::Id, "Board id.", 0, false},
      {"name", DataType::Varchar, "name", Decode::Text, "Board name.", 0, false},
      {"description", DataType::LongVarchar, "description", Decode::Text, "Board description."},
      {"board_kind", DataType::Varchar, "board_kind", Decode::Text, "public, private or share.", 16},
      {"state", DataType::Varchar, "state", Decode::Text, "active, archived or deleted.", 16},
      {"type", DataType::Varchar, "type", Decode::Text,
       "board, sub_items_board (the hidden board holding a board's subitems), document or custom_object.", 32},
      {"workspace_id", DataType::BigInt, "workspace_id", Decode::Id,
       "Workspace holding the board; NULL for the main workspace."},
      {"board_folder_id", DataType::BigInt, "board_folder_id", Decode::Id, "Folder holding the board, if any."},
      {"items_count", DataType::Integer, "items_count", Decode::Integer, "Number of items on the board."},
      {"permissions", DataType::Varchar, "permissions", Decode::Text,
       "Who can edit: everyone, collaborators, assignee or owners.", 32},
      {"creator_id", DataType::BigInt, "creator.id", Decode::Id, "User who created the board."},
      {"top_group_id", DataType::Varchar, "top_group.id", Decode::Text, "Id of the board's first group.", 64},
      {"hierarchy_type", DataType::Varchar, "hierarchy_type", Decode::Text, "classic or multi_level.", 16},
      {"item_terminology", DataType::Varchar, "item_terminology", Decode::Text,
       "What the board calls its items (item, task, lead ...).", 64},
      {"url", DataType::Varchar, "url", Decode::Text, "Link to the board in monday.", 512},
      {"created_at", DataType::Timestamp, "created_at", Decode::Timestamp, "When the board was created (UTC)."},
      {"updated_at", DataType::Timestamp, "updated_at", Decode::Timestamp, "When the board last changed (UTC)."},
  };
  table.keys = {{"id", true}};
  table.primary_key = {"id"};
  table.foreign_keys = {{{"workspace_id"}, "Workspaces", {"id"}}};
  table.scan = [](ScanContext& context, const ScanRequest& request) {
    return scanRootList(context, request, kBoards);
  };
  table.estimate = [](const ScanShape& shape) { return estimateRootList(shape, kBoards, 200); };
  table.writes = boardsWrites();
  return table;
}

}  // namespace monday::schema
