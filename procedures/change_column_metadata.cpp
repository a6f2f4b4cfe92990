// ChangeColumnMetadata: renames a column or changes its description.
#include "driver/common/error.h"
#include "procedures/column_result.h"

namespace monday::procedures {

namespace {

// monday's ColumnProperty. Checked here so a typo fails with a clear message before anything is
// sent, instead of as a GraphQL validation error.
std::string columnProperty(const Arguments& arguments) {
  const std::string given = arguments.requiredText("ColumnProperty");
  for (std::string_view property : {"title", "description"}) {
    if (sameName(given, property)) return std::string(property);
  }
  throw Error(sqlstate::kInvalidCharacterValue,
              "ChangeColumnMetadata: ColumnProperty '" + given + "' is not one of title, description.");
}

}  // namespace

ProcedureDef makeChangeColumnMetadataProcedure() {
  ProcedureDef procedure;
  procedure.name = "ChangeColumnMetadata";
  procedure.description = "Changes a column's title or description. Returns the column.";
  procedure.mutating = true;
  procedure.parameters = {
      {"BoardId", DataType::BigInt, true, {}, "The board the column is on."},
      {"ColumnId", DataType::Varchar, true, {}, "The column to change (Columns.id)."},
      {"ColumnProperty", DataType::Varchar, true, {}, "What to change: title or description."},
      {"Value", DataType::Varchar, true, {}, "The new title or description."},
  };
  procedure.results = columnResultColumns();
  procedure.run = [](ProcedureContext& context, const Arguments& arguments) {
    static const std::string kDocument =
        "mutation ChangeColumnMetadata($board: ID!, $column: String!, $property: ColumnProperty, $value: String) { "
        "change_column_metadata(board_id: $board, column_id: $column, column_property: $property, value: $value) { " +
        std::string(kColumnSelection) + " } }";
    const std::string board = arguments.requiredId("BoardId");
    Variables variables;
    variables.set("board", board)
        .set("column", arguments.requiredText("ColumnId"))
        .set("property", columnProperty(arguments))
        .set("value", arguments.requiredText("Value"));
    return mutateColumnRow(context, "ChangeColumnMetadata", kDocument, variables, "change_column_metadata", board);
  };
  return procedure;
}

}  // namespace monday::procedures
