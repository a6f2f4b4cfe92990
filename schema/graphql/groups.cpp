// Groups: the groups of every board, one row per (board, group).
#include "schema/graphql/api_scan.h"
#include "schema/registry.h"
#include "schema/writes/writes.h"

namespace monday::schema {

namespace {

const BoardChildList kGroups{.operation = "BoardGroups", .field = "groups", .boards_per_page = 25};

}  // namespace

TableDef makeGroupsTable() {
  TableDef table;
  table.name = "Groups";
  table.description = "Groups of every board (the sections items are organised in).";
  table.columns = {
      {"board_id", DataType::BigInt, "^id", Decode::Id, "Board the group belongs to.", 0, false},
      {"id", DataType::Varchar, "id", Decode::Text, "Group id, unique within its board (e.g. topics).", 64, false},
      {"title", DataType::Varchar, "title", Decode::Text, "Group title.", 0, false},
      {"color", DataType::Varchar, "color", Decode::Text, "Group colour (hex).", 16},
      {"position", DataType::Varchar, "position", Decode::Text, "Sort position within the board.", 32},
      {"archived", DataType::Bit, "archived", Decode::Boolean, "Whether the group is archived."},
      {"deleted", DataType::Bit, "deleted", Decode::Boolean, "Whether the group is deleted."},
  };
  table.keys = {{"board_id", true}};
  table.primary_key = {"board_id", "id"};
  table.foreign_keys = {{{"board_id"}, "Boards", {"id"}}};
  table.scan = [](ScanContext& context, const ScanRequest& request) {
    return scanBoardChildren(context, request, kGroups);
  };
  table.estimate = [](const ScanShape& shape) { return estimateBoardChildren(shape, kGroups, 4); };
  table.writes = groupsWrites();
  return table;
}

}  // namespace monday::schema
