// Groups: the groups of every board, one row per (board, group).
#include "driver/common/error.h"
#include "schema/paging/api_scan.h"
#include "schema/registry.h"

namespace monday::schema {

namespace {

const BoardChildList kGroups{.operation = "BoardGroups", .field = "groups", .boards_per_page = 25};

// Groups: INSERT = create_group, UPDATE = update_group (title, color, position) or archive_group,
// DELETE = delete_group.
MutationCall updateGroup(const RowValues& row, const char* attribute, std::string value) {
  return {"update_group",
          {idArgument("board_id", row.id("board_id")), enumArgument("group_attribute", "GroupAttributes!", attribute),
           stringArgument("group_id", row.text("id")), stringArgument("new_value", std::move(value))}};
}

TableWrites groupsWrites() {
  TableWrites writes;
  writes.insert_columns = {"board_id", "title", "color"};
  writes.insert = [](const RowValues& row) -> std::vector<MutationCall> {
    row.require("board_id", "INSERT into Groups");
    row.require("title", "INSERT into Groups");
    MutationCall call{"create_group", {idArgument("board_id", row.id("board_id")), stringArgument("group_name", row.text("title"))}};
    if (!row.isNull("color")) call.arguments.push_back(stringArgument("group_color", row.text("color"), false));
    return {call};
  };
  writes.update_columns = {"title", "color", "position", "archived"};
  writes.update = [](const RowValues& before, const RowValues& after, const std::vector<std::string>& changed) {
    std::vector<MutationCall> calls;
    for (const auto& column : changed) {
      if (column == "archived") {
        if (after.text("archived") != "1" && after.text("archived") != "true") {
          throw Error(sqlstate::kInvalidCharacterValue,
                      "Groups.archived can only be set to 1 (archive_group): monday cannot unarchive a group through its API.");
        }
        calls.push_back({"archive_group", {idArgument("board_id", before.id("board_id")), stringArgument("group_id", before.text("id"))}});
      } else {
        after.require(column, "UPDATE Groups SET " + column);
        calls.push_back(updateGroup(before, column.c_str(), after.text(column)));
      }
    }
    return calls;
  };
  writes.remove = [](const RowValues& row) -> std::vector<MutationCall> {
    return {{"delete_group", {idArgument("board_id", row.id("board_id")), stringArgument("group_id", row.text("id"))}}};
  };
  writes.insert_summary = "creates a group (create_group) on board_id with title and optional color.";
  writes.update_summary = "title, color and position change the group (update_group); archived = 1 archives it (archive_group).";
  writes.delete_summary = "deletes the group and its items (delete_group); monday refuses to delete a board's last group.";
  return writes;
}

}  // namespace

TableDef makeGroupsTable() {
  TableDef table;
  table.name = "Groups";
  table.description = "Groups of every board (the sections items are organised in).";
  table.columns = {
      {.name = "board_id", .type = DataType::BigInt, .path = "^id", .decode = Decode::Id,
       .description = "Board the group belongs to.", .nullable = false},
      {.name = "id", .description = "Group id, unique within its board (e.g. topics).", .size = 64, .nullable = false},
      {.name = "title", .description = "Group title.", .nullable = false},
      {.name = "color", .description = "Group colour (hex).", .size = 16},
      {.name = "position", .description = "Sort position within the board.", .size = 32},
      {.name = "archived", .type = DataType::Bit, .decode = Decode::Boolean,
       .description = "Whether the group is archived."},
      {.name = "deleted", .type = DataType::Bit, .decode = Decode::Boolean,
       .description = "Whether the group is deleted."},
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
