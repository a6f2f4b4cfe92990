// Boards: every board the token can see, in every state (filter on `state`).
#include "driver/common/error.h"
#include "schema/paging/api_scan.h"
#include "schema/registry.h"

namespace monday::schema {

namespace {

const RootList kBoards{.operation = "Boards", .field = "boards", .fixed_arguments = std::string(kEveryBoard),
                       .page_size = 100, .ids_per_request = 100};

// Boards: INSERT = create_board, UPDATE = update_board (name, description) or archive/delete via
// state, DELETE = delete_board.
std::string boardKind(const RowValues& row) {
  if (row.isNull("board_kind")) return "public";
  const std::string kind = row.text("board_kind");
  if (kind != "public" && kind != "private" && kind != "share") {
    throw Error(sqlstate::kInvalidCharacterValue,
                "Boards.board_kind must be 'public', 'private' or 'share', not '" + kind + "'.");
  }
  return kind;
}

MutationCall updateBoard(const std::string& board_id, const char* attribute, std::string value) {
  MutationCall call{"update_board",
                    {enumArgument("board_attribute", "BoardAttributes!", attribute), idArgument("board_id", board_id),
                     stringArgument("new_value", std::move(value))}};
  call.selection = "";  // update_board returns JSON
  return call;
}

TableWrites boardsWrites() {
  TableWrites writes;
  writes.insert_columns = {"name", "description", "board_kind", "workspace_id", "board_folder_id"};
  writes.insert = [](const RowValues& row) -> std::vector<MutationCall> {
    row.require("name", "INSERT into Boards");
    MutationCall call{"create_board", {stringArgument("board_name", row.text("name")),
                                       enumArgument("board_kind", "BoardKind!", boardKind(row))}};
    if (!row.isNull("description")) call.arguments.push_back(stringArgument("description", row.text("description"), false));
    if (!row.isNull("workspace_id")) call.arguments.push_back(idArgument("workspace_id", row.id("workspace_id"), false));
    if (!row.isNull("board_folder_id")) call.arguments.push_back(idArgument("folder_id", row.id("board_folder_id"), false));
    return {call};
  };
  writes.update_columns = {"name", "description", "state"};
  writes.update = [](const RowValues& before, const RowValues& after, const std::vector<std::string>& changed) {
    std::vector<MutationCall> calls;
    const std::string board_id = before.id("id");
    for (const auto& column : changed) {
      if (column == "name") {
        after.require("name", "Renaming a board (UPDATE Boards SET name)");
        calls.push_back(updateBoard(board_id, "name", after.text("name")));
      } else if (column == "description") {
        calls.push_back(updateBoard(board_id, "description", after.text("description")));
      } else if (column == "state") {
        const std::string state = after.text("state");
        if (state == "archived") {
          calls.push_back({"archive_board", {idArgument("board_id", board_id)}});
        } else if (state == "deleted") {
          calls.push_back({"delete_board", {idArgument("board_id", board_id)}});
        } else {
          throw Error(sqlstate::kInvalidCharacterValue,
                      "Boards.state can only be set to 'archived' (archive_board) or 'deleted' (delete_board), not '" + state +
                          "': monday cannot restore a board through its API.");
        }
      }
    }
    return calls;
  };
  writes.remove = [](const RowValues& row) -> std::vector<MutationCall> {
    return {{"delete_board", {idArgument("board_id", row.id("id"))}}};
  };
  writes.insert_summary =
      "creates a board (create_board) from name, optional board_kind (default public), description, workspace_id and "
      "board_folder_id.";
  writes.update_summary =
      "name and description change the board (update_board); state = 'archived' archives it (archive_board), "
      "'deleted' deletes it (delete_board).";
  writes.delete_summary = "deletes the board (delete_board; monday keeps it in the trash for 30 days).";
  return writes;
}

}  // namespace

TableDef makeBoardsTable() {
  TableDef table;
  table.name = "Boards";
  table.description = "Boards the token's user can see, in every state (active, archived, deleted).";
  table.columns = {
      {.name = "id", .type = DataType::BigInt, .decode = Decode::Id, .description = "Board id.", .nullable = false},
      {.name = "name", .description = "Board name.", .nullable = false},
      {.name = "description", .type = DataType::LongVarchar, .description = "Board description."},
      {.name = "board_kind", .description = "public, private or share.", .size = 16},
      {.name = "state", .description = "active, archived or deleted.", .size = 16},
      {.name = "type",
       .description = "board, sub_items_board (the hidden board holding a board's subitems), document or custom_object.",
       .size = 32},
      {.name = "workspace_id", .type = DataType::BigInt, .decode = Decode::Id,
       .description = "Workspace holding the board; NULL for the main workspace."},
      {.name = "board_folder_id", .type = DataType::BigInt, .decode = Decode::Id,
       .description = "Folder holding the board, if any."},
      {.name = "items_count", .type = DataType::Integer, .decode = Decode::Integer,
       .description = "Number of items on the board."},
      {.name = "permissions", .description = "Who can edit: everyone, collaborators, assignee or owners.", .size = 32},
      {.name = "creator_id", .type = DataType::BigInt, .path = "creator.id", .decode = Decode::Id,
       .description = "User who created the board."},
      {.name = "top_group_id", .path = "top_group.id", .description = "Id of the board's first group.", .size = 64},
      {.name = "hierarchy_type", .description = "classic or multi_level.", .size = 16},
      {.name = "item_terminology", .description = "What the board calls its items (item, task, lead ...).",
       .size = 64},
      {.name = "url", .description = "Link to the board in monday.", .size = 512},
      {.name = "created_at", .type = DataType::Timestamp, .decode = Decode::Timestamp,
       .description = "When the board was created (UTC)."},
      {.name = "updated_at", .type = DataType::Timestamp, .decode = Decode::Timestamp,
       .description = "When the board last changed (UTC)."},
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
