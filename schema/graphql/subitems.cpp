// Subitems: the subitems of every item. They are items of the boards' hidden subitems boards
// (type sub_items_board), or of a multi-level board itself (every level below the top), so a full
// scan pages through those boards and keeps the items that have a parent; a parent_item_id lookup
// asks the parents for their subitems, a parent_board_id lookup finds the parent board's subitems
// board in its subtasks column's settings (boardIds).
#include <cmath>

#include <rapidjson/document.h>

#include "driver/client/api_client.h"
#include "driver/common/json.h"
#include "schema/paging/item_pages.h"
#include "schema/paging/nested_scan.h"
#include "schema/item_calls.h"
#include "schema/registry.h"

namespace monday::schema {

namespace {

bool memberIs(const rapidjson::Value* object, const char* name, const char* value) {
  if (!object || !object->IsObject()) return false;
  auto found = object->FindMember(name);
  return found != object->MemberEnd() && found->value.IsString() && std::string_view(found->value.GetString()) == value;
}

bool hasParentItem(const RowView& row) {
  auto parent = row.node->FindMember("parent_item");
  return parent != row.node->MemberEnd() && parent->value.IsObject();
}

// items_page shows active items only; a parent's subitems list shows archived ones too.
bool isActive(const RowView& row) { return memberIs(row.node, "state", "active"); }

// The subitems boards of `parent_boards`, from their subtasks columns' settings; nullopt when a
// subtasks column does not say (then every subitems board is read and SQLite filters).
std::optional<std::vector<std::string>> subitemsBoardsOf(ScanContext& context, const std::vector<std::string>& parent_boards) {
  static const std::string document =
      "query SubitemsBoards($ids: [ID!], $limit: Int) { boards(ids: $ids, limit: $limit, " + std::string(kEveryBoard) +
      ") { id columns(types: [subtasks]) { settings } } }";
  std::vector<std::string> found;
  for (const auto& chunk : chunkIds(parent_boards, 100)) {
    rapidjson::Document variables(rapidjson::kObjectType);
    auto& allocator = variables.GetAllocator();
    variables.AddMember("ids", idArray(chunk, allocator), allocator);
    variables.AddMember("limit", static_cast<int>(chunk.size()), allocator);
    rapidjson::Document response = context.api.query(document, variables);
    for (const auto& board : listAt(response["data"], "boards").GetArray()) {
      if (!board.IsObject()) continue;
      for (const auto& column : listAt(board, "columns").GetArray()) {
        if (!column.IsObject()) continue;
        auto settings = column.FindMember("settings");
        if (settings == column.MemberEnd()) return std::nullopt;
        rapidjson::Document parsed;
        const rapidjson::Value* object = &settings->value;
        if (settings->value.IsString()) {  // JSON scalars may come as text
          if (!parseJson(std::string_view(settings->value.GetString(), settings->value.GetStringLength()), parsed)) {
            return std::nullopt;
          }
          object = &parsed;
        }
        if (!object->IsObject() || !object->HasMember("boardIds")) return std::nullopt;
        for (const auto& id : listAt(*object, "boardIds").GetArray()) {
          if (id.IsString()) found.emplace_back(id.GetString());
          else if (id.IsInt64()) found.push_back(std::to_string(id.GetInt64()));
        }
      }
    }
  }
  return found;
}

std::unique_ptr<RowSource> scanSubitems(ScanContext& context, const ScanRequest& request) {
  ItemPagesOptions options{.operation = "Subitems", .selection = selectionFor(context.table.columns)};
  if (const auto* values = request.valuesFor("id")) {
    auto ids = idValues(*values);
    if (ids.empty()) return emptySource();
    return keepRows(objectRows(itemsByIds(context, std::move(options), std::move(ids))), hasParentItem);
  }
  if (request.valuesFor("parent_item_id")) {
    // Item.subitems weighs 1,000 per parent in monday's complexity: 25 parents a request.
    NestedScan scan{.operation = "SubitemsOfItems",
                    .parents = ItemParents{.item_column = "parent_item_id", .ids_per_request = 25,
                                           .any_state_by_id = true},
                    .children = {{.field = "subitems"}}};
    return keepRows(scanNested(context, request, std::move(scan)), isActive);
  }
  std::optional<std::vector<std::string>> boards;
  if (const auto* values = request.valuesFor("board_id")) {
    boards = idValues(*values);
  } else if (const auto* parents = request.valuesFor("parent_board_id")) {
    auto ids = idValues(*parents);
    if (ids.empty()) return emptySource();
    boards = subitemsBoardsOf(context, ids);
  }
  if (boards && boards->empty()) return emptySource();
  options.only_subitem_boards = !boards;
  return keepRows(objectRows(itemsOfBoards(context, std::move(options), std::move(boards))), hasParentItem);
}


// Writes. INSERT = create_subitem under parent_item_id; UPDATE and DELETE as for Items.
TableWrites subitemsWrites() {
  TableWrites writes;
  writes.insert_columns = {"name", "parent_item_id"};
  writes.insert = [](const RowValues& row) -> std::vector<MutationCall> {
    row.require("name", "INSERT into " + row.table().name);
    row.require("parent_item_id", "INSERT into " + row.table().name);
    return {item_calls::createSubitem(row.id("parent_item_id"), row.text("name"), "")};
  };
  writes.update_columns = {"name", "group_id", "state"};
  writes.update = item_calls::updateRow;
  writes.remove = [](const RowValues& row) -> std::vector<MutationCall> { return {item_calls::remove(row.id("id"))}; };
  writes.insert_summary = "creates a subitem under parent_item_id (create_subitem).";
  writes.update_summary = item_calls::kUpdateSummary;
  writes.delete_summary = item_calls::kDeleteSummary;
  return writes;
}

}  // namespace

TableDef makeSubitemsTable() {
  TableDef table;
  table.name = "Subitems";
  table.description =
      "Active subitems of every item, with the item they belong to (parent_item_id) and its board "
      "(parent_board_id); board_id is the hidden subitems board, or on a multi-level board the board itself, "
      "where subitems nest down to depth 4. The same rows appear in Items.";
  table.columns = makeItemsTable().columns;
  for (auto& column : table.columns) {
    if (column.name == "board_id") {
      column.description = "The board the subitem lives on: the hidden subitems board, or a multi-level board itself.";
    }
    if (column.name == "parent_item_id") {
      column.description = "The item the subitem belongs to (joins Items.id).";
      column.nullable = false;
    }
  }
  table.columns.push_back({.name = "parent_board_id", .type = DataType::BigInt, .path = "parent_item.board.id",
                           .decode = Decode::Id,
                           .description = "The board of the parent item."});
  table.keys = {{"id", true}, {"parent_item_id", true}, {"board_id", true}, {"parent_board_id", true}};
  table.primary_key = {"id"};
  table.foreign_keys = {{{"parent_item_id"}, "Items", {"id"}}, {{"parent_board_id"}, "Boards", {"id"}}};
  table.scan = scanSubitems;
  table.estimate = [](const ScanShape& shape) -> ScanEstimate {
    for (std::size_t i = 0; i < shape.constrained.size(); ++i) {
      const double n = static_cast<double>(shape.in_list_sizes[i]);
      if (shape.constrained[i] == "id") return {n, std::ceil(n / 100)};
      if (shape.constrained[i] == "parent_item_id") return {3 * n, std::ceil(n / 25)};
    }
    for (std::size_t i = 0; i < shape.constrained.size(); ++i) {
      const double n = static_cast<double>(shape.in_list_sizes[i]);
      if (shape.constrained[i] == "board_id") return {300 * n, itemPageRequests(n, 300, 500)};
      if (shape.constrained[i] == "parent_board_id") return {300 * n, 1 + itemPageRequests(n, 300, 500)};
    }
    return {20000, itemPageRequests(std::nullopt, 300, 500)};
  };
  table.writes = subitemsWrites();
  return table;
}

}  // namespace monday::schema
