// ArchiveBoard: archives a board (restorable in monday; Boards shows it with state 'archived').
#include "procedures/graphql_call.h"

namespace monday::procedures {

ProcedureDef makeArchiveBoardProcedure() {
  ProcedureDef procedure;
  procedure.name = "ArchiveBoard";
  procedure.description = "Archives a board; it stays in Boards with state 'archived' and can be restored in monday.";
  procedure.mutating = true;
  procedure.parameters = {
      {"BoardId", DataType::BigInt, true, {}, "The board to archive."},
  };
  procedure.results = {
      {"board_id", DataType::BigInt, "The archived board."},
      {"board_name", DataType::Varchar, "Its name."},
      {"state", DataType::Varchar, "Its state now: archived.", 16},
  };
  procedure.run = [](ProcedureContext& context, const Arguments& arguments) {
    static const std::string kDocument =
        "mutation ArchiveBoard($board: ID!) { archive_board(board_id: $board) { id name state } }";
    Variables variables;
    variables.set("board", arguments.requiredId("BoardId"));
    return mutateOneRow(context, "ArchiveBoard", kDocument, variables, "archive_board",
                        {{"id", schema::Decode::Id}, {"name", schema::Decode::Text}, {"state", schema::Decode::Text}});
  };
  return procedure;
}

}  // namespace monday::procedures
