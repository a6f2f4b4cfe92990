// Columns: the columns of every board, one row per (board, column).
#include "schema/graphql/api_scan.h"
#include "schema/registry.h"
#include "schema/writes/writes.h"

namespace monday::schema {

namespace {

const BoardChildList kColumns{.operation = "BoardColumns", .field = "columns", .boards_per_page = 25};

}  // namespace

TableDef makeColumnsTable() {
  TableDef table;
  table.name = "Columns";
  table.description = "Columns of every board: id, title, type and settings (status labels, dropdown options).";
  table.columns = {
      {"board_id", DataType::BigInt, "^id", Decode::Id, "Board the column belongs to.", 0, false},
      {"id", DataType::Varchar, "id", Decode::Text, "Column id, unique within its board (e.g. status, date4).", 64, false},
      {"title", DataType::Varchar, "title", Decode::Text, "Column title as shown on the board.", 0, false},
      {"type", DataType::Varchar, "type", Decode::Text, "Column type (status, numbers, date, people ...).", 32, false},
      {"description", DataType::LongVarchar, "description", Decode::Text, "Column description."},
      {"width", DataType::Integer, "width", Decode::Integer, "Display width in pixels."},
      {"archived", DataType::Bit, "archived", Decode::Boolean, "Whether the column is archived."},
      {"settings", DataType::LongVarchar, "settings", Decode::Json,
       "Column settings as JSON (status labels by id, dropdown options ...)."},
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
