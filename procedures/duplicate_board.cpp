// DuplicateBoard: copies a board: its structure, optionally its items and their updates. monday
// may finish a large copy asynchronously (is_async = 1): the board exists, its items follow.
#include "driver/common/error.h"
#include "procedures/graphql_call.h"

namespace monday::procedures {

namespace {

// monday's DuplicateBoardType, from its own names or the short ones the README shows.
std::string duplicateType(const Arguments& arguments) {
  const std::string given = arguments.text("DuplicateType").value_or("structure");
  static const std::vector<std::pair<std::string_view, std::string_view>> kTypes = {
      {"structure", "duplicate_board_with_structure"},
      {"items", "duplicate_board_with_pulses"},
      {"items_and_updates", "duplicate_board_with_pulses_and_updates"},
      {"duplicate_board_with_structure", "duplicate_board_with_structure"},
      {"duplicate_board_with_pulses", "duplicate_board_with_pulses"},
      {"duplicate_board_with_pulses_and_updates", "duplicate_board_with_pulses_and_updates"},
  };
  for (const auto& [name, type] : kTypes) {
    if (sameName(given, name)) return std::string(type);
  }
  throw Error(sqlstate::kInvalidCharacterValue,
              "DuplicateBoard: DuplicateType '" + given +
                  "' is not one of structure, items, items_and_updates (or monday's names "
                  "duplicate_board_with_structure, duplicate_board_with_pulses, "
                  "duplicate_board_with_pulses_and_updates).");
}

}  // namespace

ProcedureDef makeDuplicateBoardProcedure() {
  ProcedureDef procedure;
  procedure.name = "DuplicateBoard";
  procedure.description = "Copies a board: its structure, and with DuplicateType 'items' or 'items_and_updates' its "
                          "items (and their updates). Returns the new board.";
  procedure.mutating = true;
  procedure.parameters = {
      {"BoardId", DataType::BigInt, true, {}, "The board to copy."},
      {"DuplicateType", DataType::Varchar, false, std::string("structure"),
       "structure (columns and groups), items (also the items) or items_and_updates."},
      {"BoardName", DataType::Varchar, false, {}, "Name of the copy; monday names it 'Duplicate of ...' when omitted."},
      {"WorkspaceId", DataType::BigInt, false, {}, "Workspace for the copy; the original's when omitted."},
      {"FolderId", DataType::BigInt, false, {}, "Folder for the copy; the original's when omitted."},
      {"KeepSubscribers", DataType::Bit, false, std::int64_t{0}, "1 to copy the board's subscribers too."},
  };
  procedure.results = {
      {"board_id", DataType::BigInt, "The new board's id."},
      {"board_name", DataType::Varchar, "The new board's name."},
      {"workspace_id", DataType::BigInt, "The workspace it is in."},
      {"is_async", DataType::Bit, "1 when monday is still copying items in the background."},
  };
  procedure.run = [](ProcedureContext& context, const Arguments& arguments) {
    static const std::string kDocument =
        "mutation DuplicateBoard($board: ID!, $type: DuplicateBoardType!, $name: String, $workspace: ID, "
        "$folder: ID, $keep: Boolean) { duplicate_board(board_id: $board, duplicate_type: $type, board_name: "
        "$name, workspace_id: $workspace, folder_id: $folder, keep_subscribers: $keep) { is_async board { id name "
        "workspace_id } } }";
    Variables variables;
    variables.set("board", arguments.requiredId("BoardId"))
        .set("type", duplicateType(arguments))
        .setIfGiven("name", arguments.text("BoardName"))
        .setIfGiven("workspace", arguments.id("WorkspaceId"))
        .setIfGiven("folder", arguments.id("FolderId"))
        .setIfGiven("keep", arguments.boolean("KeepSubscribers"));
    return mutateOneRow(context, "DuplicateBoard", kDocument, variables, "duplicate_board",
                        {{"board.id", schema::Decode::Id},
                         {"board.name", schema::Decode::Text},
                         {"board.workspace_id", schema::Decode::Id},
                         {"is_async", schema::Decode::Boolean}});
  };
  return procedure;
}

}  // namespace monday::procedures
