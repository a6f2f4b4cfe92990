// Board tables: INSERT = create_item (create_subitem on a subitems table) with every given column
// in column_values; UPDATE = change_multiple_column_values for the name and changed columns, plus
// move_item_to_group / archive_item / delete_item for group_id and state; DELETE = delete_item.
#include "schema/boards/board_writes.h"

#include <algorithm>

#include "driver/common/error.h"
#include "schema/item_calls.h"

namespace monday::schema::boards {

namespace {

// The board a bulk job on this table's items names; none for a subitems table, whose items live
// on monday's hidden subitems board.
std::string bulkBoard(const BoardTableSpec& spec) { return spec.subitems ? std::string() : spec.board_id; }

// The column_values object for the board columns whose parts `given` says the statement sets;
// "" when there are none. `name` (when not empty) goes in as monday's "name" key.
std::string columnValues(const BoardTableSpec& spec, const RowValues& row, const std::vector<bool>& given,
                         const std::string& name_json) {
  std::string json;
  if (!name_json.empty()) json += "\"name\":" + name_json;
  for (std::size_t meta = 0; meta < spec.columns.size(); ++meta) {
    const ColumnMeta& column = spec.columns[meta];
    const ColumnTypeInfo& info = columnTypeInfo(column.type);
    CellInput input{column, info, std::vector<const Value*>(info.parts.size(), nullptr),
                    std::vector<bool>(info.parts.size(), false), {}};
    bool any = false;
    for (const auto& binding : spec.bindings) {
      if (binding.meta_index != meta) continue;
      const auto part = static_cast<std::size_t>(binding.part - info.parts.data());
      if (part >= info.parts.size()) continue;
      input.values[part] = &row.values()[binding.column_index];
      input.given[part] = given[binding.column_index];
      any = any || input.given[part];
      const std::string& sql_name = row.table().columns[binding.column_index].name;
      input.table_column_base = sql_name.substr(0, sql_name.size() - binding.part->suffix.size());
    }
    if (!any || !info.encode) continue;
    json += (json.empty() ? "" : ",") + jsonQuoted(column.id) + ":" + info.encode(input);
  }
  return json.empty() ? std::string() : "{" + json + "}";
}

// monday answers a write to a parent's rollup cell with success and changes nothing: say so
// before anything is sent, rather than count a row that did not change.
void refuseRollupChanges(const BoardTableSpec& spec, const RowValues& before, const std::vector<bool>& given) {
  const Value& has_subitems = before.get(kHasSubitems);
  const auto* flag = std::get_if<std::int64_t>(&has_subitems);
  if (!flag || *flag == 0) return;
  for (const auto& binding : spec.bindings) {
    if (!given[binding.column_index] || !spec.columns[binding.meta_index].calculated) continue;
    throw Error(sqlstate::kSyntaxErrorOrAccessViolation,
                before.table().name + "." + before.table().columns[binding.column_index].name + " of item " +
                    before.id("id") + " is a rollup: monday calculates it from the item's subitems and ignores a "
                    "change to it. Change the subitems instead.");
  }
}

std::vector<std::string> writableColumns(const BoardTableSpec& spec, const TableDef& table,
                                         std::vector<std::string> fixed) {
  for (const auto& binding : spec.bindings) {
    if (columnTypeInfo(spec.columns[binding.meta_index].type).encode) fixed.push_back(table.columns[binding.column_index].name);
  }
  return fixed;
}

}  // namespace

TableWrites boardTableWrites(const std::shared_ptr<const BoardTableSpec>& spec, const TableDef& table) {
  TableWrites writes;
  writes.insert_columns = writableColumns(
      *spec, table,
      spec->subitems      ? std::vector<std::string>{"name", "parent_item_id"}
      : spec->multi_level ? std::vector<std::string>{"name", "group_id", "parent_item_id"}
                          : std::vector<std::string>{"name", "group_id"});
  writes.insert = [spec](const RowValues& row) -> std::vector<MutationCall> {
    row.require("name", "INSERT into " + row.table().name);
    std::vector<bool> given(row.values().size());
    for (std::size_t i = 0; i < given.size(); ++i) given[i] = !isNull(row.values()[i]);
    const std::string values = columnValues(*spec, row, given, "");
    if (spec->subitems) row.require("parent_item_id", "INSERT into " + row.table().name);
    // On a multi-level board a subitem at any level is created under its parent, on the board itself.
    if (spec->subitems || (spec->multi_level && !row.isNull("parent_item_id"))) {
      return {item_calls::createSubitem(row.id("parent_item_id"), row.text("name"), values)};
    }
    return {item_calls::create(spec->board_id, row.text("name"), row.text("group_id"), values)};
  };
  writes.update_columns = writableColumns(*spec, table, {"name", "group_id", "state"});
  writes.update = [spec](const RowValues& before, const RowValues& after,
                         const std::vector<std::string>& changed) -> std::vector<MutationCall> {
    const auto& columns = after.table().columns;
    std::vector<bool> given(columns.size(), false);
    bool renamed = false;
    for (const auto& name : changed) {
      if (name == "name") renamed = true;
      const int index = after.table().columnIndex(name);
      if (index >= 0) given[static_cast<std::size_t>(index)] = true;
    }
    if (renamed) after.require("name", "Renaming an item (UPDATE " + after.table().name + " SET name)");
    const std::string item_id = before.id("id");
    if (spec->multi_level) refuseRollupChanges(*spec, before, given);
    std::vector<MutationCall> calls;
    const std::string values = columnValues(*spec, after, given, renamed ? jsonQuoted(after.text("name")) : "");
    if (!values.empty()) calls.push_back(item_calls::changeValues(spec->board_id, item_id, values));
    if (std::find(changed.begin(), changed.end(), "group_id") != changed.end()) {
      after.require("group_id", "Moving an item (UPDATE " + after.table().name + " SET group_id)");
      calls.push_back(item_calls::moveToGroup(item_id, after.text("group_id")));
    }
    if (std::find(changed.begin(), changed.end(), "state") != changed.end()) {
      calls.push_back(item_calls::changeState(item_id, after.text("state"), after.table().name, bulkBoard(*spec)));
    }
    return calls;
  };
  writes.remove = [spec](const RowValues& row) -> std::vector<MutationCall> {
    return {item_calls::remove(row.id("id"), bulkBoard(*spec))};
  };
  writes.insert_summary =
      spec->subitems
          ? "creates a subitem under parent_item_id (create_subitem) with the given column values."
          : std::string("creates an item (create_item) with name, optional group_id and the given column values, in one "
                        "call") +
                (spec->multi_level ? "; with parent_item_id, a subitem one level below it (create_subitem), on this board."
                                   : ".");
  writes.update_summary =
      "name and column values change in one change_multiple_column_values call; group_id moves the item "
      "(move_item_to_group); state = 'archived' / 'deleted' archives or deletes it.";
  writes.delete_summary = "deletes the item (delete_item).";
  return writes;
}

}  // namespace monday::schema::boards
