// CreateColumn: adds a column to a board; monday answers with the new column.
#include "driver/common/column_types.h"
#include "driver/common/error.h"
#include "procedures/column_result.h"

namespace monday::procedures {

namespace {

std::string columnType(const Arguments& arguments) {
  const std::string given = arguments.requiredText("ColumnType");
  if (auto type = mondayColumnType(given)) return *type;
  throw Error(sqlstate::kInvalidCharacterValue,
              "CreateColumn: ColumnType '" + given +
                  "' is not a monday column type (e.g. text, long_text, numbers, status, dropdown, date, "
                  "timeline, people, checkbox, link, email, phone, tags, rating).");
}

}  // namespace

ProcedureDef makeCreateColumnProcedure() {
  ProcedureDef procedure;
  procedure.name = "CreateColumn";
  procedure.description = "Adds a column to a board; it appears in Columns and on the board's table. Returns the "
                          "new column.";
  procedure.mutating = true;
  procedure.parameters = {
      {"BoardId", DataType::BigInt, true, {}, "The board to add the column to."},
      {"Title", DataType::Varchar, true, {}, "The new column's title."},
      {"ColumnType", DataType::Varchar, true, {}, "monday's column type: text, numbers, status, date, people ..."},
      {"Description", DataType::Varchar, false, {}, "The column's description."},
      {"Defaults", DataType::LongVarchar, false, {},
       "The column's settings as a JSON object, e.g. status labels {\"labels\": {\"1\": \"Done\"}}."},
      {"AfterColumnId", DataType::Varchar, false, {}, "The column to place it after; at the end when omitted."},
      {"ColumnId", DataType::Varchar, false, {}, "The id to give it; monday picks one when omitted."},
  };
  procedure.results = columnResultColumns();
  procedure.run = [](ProcedureContext& context, const Arguments& arguments) {
    static const std::string kDocument =
        "mutation CreateColumn($board: ID!, $title: String!, $type: ColumnType!, $description: String, "
        "$defaults: JSON, $after: ID, $id: String) { create_column(board_id: $board, title: $title, column_type: "
        "$type, description: $description, defaults: $defaults, after_column_id: $after, id: $id) { " +
        std::string(kColumnSelection) + " } }";
    const std::string board = arguments.requiredId("BoardId");
    Variables variables;
    variables.set("board", board)
        .set("title", arguments.requiredText("Title"))
        .set("type", columnType(arguments))
        .setIfGiven("description", arguments.text("Description"))
        .setIfGiven("defaults", jsonObjectArgument(arguments, "Defaults", R"({"labels": {"1": "Done"}})"))
        .setIfGiven("after", arguments.text("AfterColumnId"))
        .setIfGiven("id", arguments.text("ColumnId"));
    return mutateColumnRow(context, "CreateColumn", kDocument, variables, "create_column", board);
  };
  return procedure;
}

}  // namespace monday::procedures
