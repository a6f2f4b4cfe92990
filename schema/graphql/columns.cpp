// Columns: the columns of every board, one row per (board, column).
#include "schema/paging/api_scan.h"
#include "schema/registry.h"

namespace monday::schema {

namespace {

const BoardChildList kColumns{.operation = "BoardColumns", .field = "columns", .boards_per_page = 25};

// Columns: INSERT = create_column, UPDATE = change_column_title / change_column_metadata,
// DELETE = delete_column.
TableWrites columnsWrites() {
  TableWrites writes;
  writes.insert_columns = {"board_id", "id", "title", "type", "description", "settings"};
  writes.insert = [](const RowValues& row) -> std::vector<MutationCall> {
    row.require("board_id", "INSERT into Columns");
    row.require("title", "INSERT into Columns");
    row.require("type", "INSERT into Columns");
    MutationCall call{"create_column", {idArgument("board_id", row.id("board_id")), stringArgument("title", row.text("title")),
                                        enumArgument("column_type", "ColumnType!", row.text("type"))}};
    if (!row.isNull("id")) call.arguments.push_back(stringArgument("id", row.text("id"), false));
    if (!row.isNull("description")) call.arguments.push_back(stringArgument("description", row.text("description"), false));
    if (!row.isNull("settings")) call.arguments.push_back(jsonArgument("defaults", row.text("settings")));
    return {call};
  };
  writes.update_columns = {"title", "description"};
  writes.update = [](const RowValues& before, const RowValues& after, const std::vector<std::string>& changed) {
    std::vector<MutationCall> calls;
    for (const auto& column : changed) {
      if (column == "title") {
        after.require("title", "UPDATE Columns SET title");
        calls.push_back({"change_column_title", {idArgument("board_id", before.id("board_id")),
                                                 stringArgument("column_id", before.text("id")),
                                                 stringArgument("title", after.text("title"))}});
      } else if (column == "description") {
        calls.push_back({"change_column_metadata", {idArgument("board_id", before.id("board_id")),
                                                    stringArgument("column_id", before.text("id")),
                                                    enumArgument("column_property", "ColumnProperty", "description"),
                                                    stringArgument("value", after.text("description"), false)}});
      }
    }
    return calls;
  };
  writes.remove = [](const RowValues& row) -> std::vector<MutationCall> {
    return {{"delete_column", {idArgument("board_id", row.id("board_id")), stringArgument("column_id", row.text("id"))}}};
  };
  writes.insert_summary =
      "creates a column (create_column) on board_id with title and type (a monday column type), optional id, "
      "description and settings (sent as the column's defaults JSON).";
  writes.update_summary = "title (change_column_title) and description (change_column_metadata).";
  writes.delete_summary = "deletes the column (delete_column).";
  return writes;
}

}  // namespace

TableDef makeColumnsTable() {
  TableDef table;
  table.name = "Columns";
  table.description = "Columns of every board: id, title, type and settings (status labels, dropdown options).";
  table.columns = {
      {.name = "board_id", .type = DataType::BigInt, .path = "^id", .decode = Decode::Id,
       .description = "Board the column belongs to.", .nullable = false},
      {.name = "id", .description = "Column id, unique within its board (e.g. status, date4).", .size = 64,
       .nullable = false},
      {.name = "title", .description = "Column title as shown on the board.", .nullable = false},
      {.name = "type", .description = "Column type (status, numbers, date, people ...).", .size = 32,
       .nullable = false},
      {.name = "description", .type = DataType::LongVarchar, .description = "Column description."},
      {.name = "width", .type = DataType::Integer, .decode = Decode::Integer,
       .description = "Display width in pixels."},
      {.name = "archived", .type = DataType::Bit, .decode = Decode::Boolean,
       .description = "Whether the column is archived."},
      {.name = "settings", .type = DataType::LongVarchar, .decode = Decode::Json,
       .description = "Column settings as JSON (status labels by id, dropdown options ...)."},
  };
  table.keys = {{"board_id", true}};
  table.primary_key = {"board_id", "id"};
  table.foreign_keys = {{{"board_id"}, "Boards", {"id"}}};
  table.scan = [](ScanContext& context, const ScanRequest& request) {
    return scanBoardChildren(context, request, kColumns);
  };
  table.estimate = [](const ScanShape& shape) { return estimateBoardChildren(shape, kColumns, 12); };
  table.writes = columnsWrites();
  return table;
}

}  // namespace monday::schema
