// DeleteColumn: deletes a column of a board, with its values; monday answers with the column.
#include "procedures/column_result.h"

namespace monday::procedures {

ProcedureDef makeDeleteColumnProcedure() {
  ProcedureDef procedure;
  procedure.name = "DeleteColumn";
  procedure.description = "Deletes a column of a board (not the name column); it leaves Columns and its values "
                          "leave the items. Returns the column.";
  procedure.mutating = true;
  procedure.parameters = {
      {"BoardId", DataType::BigInt, true, {}, "The board the column is on."},
      {"ColumnId", DataType::Varchar, true, {}, "The column to delete (Columns.id)."},
  };
  procedure.results = columnResultColumns();
  procedure.run = [](ProcedureContext& context, const Arguments& arguments) {
    static const std::string kDocument =
        "mutation DeleteColumn($board: ID!, $column: String!) { delete_column(board_id: $board, column_id: $column) "
        "{ " + std::string(kColumnSelection) + " } }";
    const std::string board = arguments.requiredId("BoardId");
    Variables variables;
    variables.set("board", board).set("column", arguments.requiredText("ColumnId"));
    return mutateColumnRow(context, "DeleteColumn", kDocument, variables, "delete_column", board);
  };
  return procedure;
}

}  // namespace monday::procedures
