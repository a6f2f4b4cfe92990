// The item mutations shared by Items, Subitems and every board table.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "driver/common/error.h"
#include "schema/item_calls.h"

namespace monday::schema {

std::string jsonQuoted(std::string_view text) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
  return std::string(buffer.GetString(), buffer.GetSize());
}

ColumnDef itemDepthColumn() {
  ColumnDef column{.name = "depth", .type = DataType::Integer,
                   .path = "parent_item.parent_item.parent_item.parent_item.id",
                   .description = "Level of the item: 0 for a top-level item, 1 for a subitem, and on a multi-level "
                                  "board down to 4 (five levels).",
                   .nullable = false};
  column.read = [](const RowView& row) -> Value {
    std::int64_t depth = 0;
    for (const rapidjson::Value* node = row.node; node && node->IsObject();) {
      auto parent = node->FindMember("parent_item");
      if (parent == node->MemberEnd() || !parent->value.IsObject()) break;
      ++depth;
      node = &parent->value;
    }
    return depth;
  };
  return column;
}

namespace item_calls {

namespace {

bool has(const std::vector<std::string>& changed, std::string_view column) {
  for (const auto& name : changed) {
    if (name == column) return true;
  }
  return false;
}

}  // namespace

std::vector<MutationCall> updateRow(const RowValues& before, const RowValues& after, const std::vector<std::string>& changed) {
  std::vector<MutationCall> calls;
  const std::string item_id = before.id("id");
  const std::string& table = before.table().name;
  if (has(changed, "name")) {
    after.require("name", "Renaming an item (UPDATE " + table + " SET name)");
    calls.push_back(changeValues(before.id("board_id"), item_id, "{\"name\":" + jsonQuoted(after.text("name")) + "}"));
  }
  if (has(changed, "group_id")) {
    after.require("group_id", "Moving an item (UPDATE " + table + " SET group_id)");
    calls.push_back(moveToGroup(item_id, after.text("group_id")));
  }
  if (has(changed, "state")) calls.push_back(changeState(item_id, after.text("state"), table, bulkBoardOf(before)));
  return calls;
}

std::string bulkBoardOf(const RowValues& row) {
  const TableDef& table = row.table();
  if (table.columnIndex("board_id") < 0 || row.isNull("board_id")) return {};
  if (table.columnIndex("parent_item_id") >= 0 && !row.isNull("parent_item_id")) return {};
  return row.id("board_id");
}

MutationCall create(std::string board_id, std::string name, std::string group_id, std::string column_values) {
  MutationCall call{"create_item", {idArgument("board_id", std::move(board_id)), stringArgument("item_name", std::move(name))}};
  if (!group_id.empty()) call.arguments.push_back(stringArgument("group_id", std::move(group_id), false));
  if (!column_values.empty()) {
    // create_labels_if_missing stays off: an unknown status or dropdown label is an error rather
    // than a typo silently turned into a new label.
    call.arguments.push_back(jsonArgument("column_values", std::move(column_values)));
  }
  return call;
}

MutationCall createSubitem(std::string parent_item_id, std::string name, std::string column_values) {
  MutationCall call{"create_subitem",
                    {idArgument("parent_item_id", std::move(parent_item_id)), stringArgument("item_name", std::move(name))}};
  if (!column_values.empty()) call.arguments.push_back(jsonArgument("column_values", std::move(column_values)));
  return call;
}

MutationCall changeValues(std::string board_id, std::string item_id, std::string column_values) {
  return {"change_multiple_column_values",
          {idArgument("board_id", std::move(board_id)), idArgument("item_id", std::move(item_id), false),
           jsonArgument("column_values", std::move(column_values), true)}};
}

MutationCall moveToGroup(std::string item_id, std::string group_id) {
  return {"move_item_to_group", {idArgument("item_id", std::move(item_id), false), stringArgument("group_id", std::move(group_id))}};
}

namespace {

MutationCall withBulkForm(MutationCall call, const char* job_field, std::string board_id, std::string item_id) {
  if (!board_id.empty()) call.bulk = MutationCall::BulkForm{job_field, std::move(board_id), std::move(item_id)};
  return call;
}

}  // namespace

MutationCall archive(std::string item_id, std::string board_id) {
  MutationCall call{"archive_item", {idArgument("item_id", item_id, false)}};
  return withBulkForm(std::move(call), "bulk_archive_items", std::move(board_id), std::move(item_id));
}

MutationCall remove(std::string item_id, std::string board_id) {
  MutationCall call{"delete_item", {idArgument("item_id", item_id, false)}};
  return withBulkForm(std::move(call), "bulk_delete_items", std::move(board_id), std::move(item_id));
}

MutationCall changeState(const std::string& item_id, const std::string& new_state, std::string_view table,
                         const std::string& board_id) {
  if (new_state == "archived") return archive(item_id, board_id);
  if (new_state == "deleted") return remove(item_id, board_id);
  throw Error(sqlstate::kInvalidCharacterValue,
              std::string(table) + ".state can only be set to 'archived' (archive_item) or 'deleted' (delete_item), not '" +
                  new_state + "': monday cannot restore or otherwise change an item's state through its API.");
}

}  // namespace item_calls

}  // namespace monday::schema
