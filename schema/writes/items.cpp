// Items (and Subitems): INSERT = create_item / create_subitem, UPDATE = rename, move to a group,
// archive or delete, DELETE = delete_item.
#include "driver/common/error.h"
#include "schema/writes/writes.h"

namespace monday::schema {

namespace {

bool has(const std::vector<std::string>& changed, std::string_view column) {
  for (const auto& name : changed) {
    if (name == column) return true;
  }
  return false;
}

// UPDATE of an item row: name, group_id and state, in that order (a renamed item can still be
// archived in the same statement).
std::vector<MutationCall> updateItem(const RowValues& before, const RowValues& after, const std::vector<std::string>& changed) {
  std::vector<MutationCall> calls;
  const std::string item_id = before.id("id");
  const std::string& table = before.table().name;
  if (has(changed, "name")) {
    after.require("name", "Renaming an item (UPDATE " + table + " SET name)");
    calls.push_back(item_calls::changeValues(before.id("board_id"), item_id, "{\"name\":" + jsonQuoted(after.text("name")) + "}"));
  }
  if (has(changed, "group_id")) {
    after.require("group_id", "Moving an item (UPDATE " + table + " SET group_id)");
    calls.push_back(item_calls::moveToGroup(item_id, after.text("group_id")));
  }
  if (has(changed, "state")) calls.push_back(item_calls::changeState(item_id, after.text("state"), table));
  return calls;
}

}  // namespace

TableWrites itemsWrites() {
  TableWrites writes;
  writes.insert_columns = {"name", "board_id", "group_id", "parent_item_id"};
  writes.insert = [](const RowValues& row) -> std::vector<MutationCall> {
    row.require("name", "INSERT into Items");
    if (!row.isNull("parent_item_id")) {
      return {item_calls::createSubitem(row.id("parent_item_id"), row.text("name"), "")};
    }
    row.require("board_id", "INSERT into Items (or parent_item_id, for a subitem)");
    return {item_calls::create(row.id("board_id"), row.text("name"), row.text("group_id"), "")};
  };
  writes.update_columns = {"name", "group_id", "state"};
  writes.update = updateItem;
  writes.remove = [](const RowValues& row) -> std::vector<MutationCall> { return {item_calls::remove(row.id("id"))}; };
  writes.insert_summary =
      "creates an item (create_item) from name, board_id and optional group_id; with parent_item_id, a subitem "
      "(create_subitem; board_id is then ignored).";
  writes.update_summary =
      "name renames (change_multiple_column_values), group_id moves the item (move_item_to_group), state = "
      "'archived' archives it (archive_item) and 'deleted' deletes it (delete_item).";
  writes.delete_summary = "deletes the item (delete_item; monday keeps it in the trash for 30 days).";
  return writes;
}

TableWrites subitemsWrites() {
  TableWrites writes = itemsWrites();
  writes.insert_columns = {"name", "parent_item_id"};
  writes.insert = [](const RowValues& row) -> std::vector<MutationCall> {
    row.require("name", "INSERT into " + row.table().name);
    row.require("parent_item_id", "INSERT into " + row.table().name);
    return {item_calls::createSubitem(row.id("parent_item_id"), row.text("name"), "")};
  };
  writes.insert_summary = "creates a subitem under parent_item_id (create_subitem).";
  return writes;
}

}  // namespace monday::schema
