// ColumnValues: one row per cell of every item: the column's type, its text, the raw value JSON,
// and for relation, dependency, mirror and subitems columns the display value and linked item ids.
#include <algorithm>
#include <array>
#include <set>
#include <string_view>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "schema/paging/nested_scan.h"
#include "schema/registry.h"

namespace monday::schema {

namespace {

// display_value is asked only where monday has it and does not rate-limit it (formula's is limited
// to 10,000 values a minute, REFERENCE §4), together with the ids the column links to.
constexpr std::string_view kCellSelection =
    "id type text value "
    "... on BoardRelationValue { display_value linked_item_ids } "
    "... on DependencyValue { display_value linked_item_ids } "
    "... on MirrorValue { display_value mirrored_items { linked_item { id } } } "
    "... on SubtasksValue { display_value subitems_ids }";

// ColumnType as monday's 2026-10 schema declares it; a value outside it matches no column.
constexpr std::array<std::string_view, 43> kColumnTypes = {
    "auto_number", "board_relation", "button", "checkbox", "color_picker", "country", "creation_log", "date",
    "dependency", "doc", "dropdown", "email", "file", "formula", "group", "hour", "integration",
    "item_assignees", "item_id", "last_updated", "link", "location", "long_text", "mirror", "numbers", "people",
    "phone", "progress", "rating", "status", "tags", "team", "text", "timeline", "time_tracking", "vote", "week",
    "world_clock", "unsupported", "name", "person", "direct_doc", "subtasks"};

bool knownColumnType(const std::string& type) {
  return std::find(kColumnTypes.begin(), kColumnTypes.end(), type) != kColumnTypes.end();
}

void addIds(const rapidjson::Value& ids, std::vector<std::string>& out) {
  if (!ids.IsArray()) return;
  for (const auto& id : ids.GetArray()) {
    if (id.IsString()) out.emplace_back(id.GetString());
    else if (id.IsInt64()) out.push_back(std::to_string(id.GetInt64()));
  }
}

// "@linked_item_ids": the linked ids as a JSON array of numbers ([] when the column links nothing),
// so SQL can join through json_each(linked_item_ids).
void addLinkedItemIds(rapidjson::Value& cell, rapidjson::Document::AllocatorType& allocator) {
  std::vector<std::string> ids;
  bool links = false;
  for (const char* field : {"linked_item_ids", "subitems_ids"}) {
    auto found = cell.FindMember(field);
    if (found == cell.MemberEnd()) continue;
    links = true;
    addIds(found->value, ids);
  }
  auto mirrored = cell.FindMember("mirrored_items");
  if (mirrored != cell.MemberEnd()) {
    links = true;
    if (mirrored->value.IsArray()) {
      for (const auto& entry : mirrored->value.GetArray()) {
        if (!entry.IsObject()) continue;
        auto item = entry.FindMember("linked_item");
        if (item == entry.MemberEnd() || !item->value.IsObject()) continue;
        auto id = item->value.FindMember("id");
        if (id != item->value.MemberEnd() && id->value.IsString()) ids.emplace_back(id->value.GetString());
      }
    }
  }
  if (!links) return;
  std::set<std::string> seen;
  std::string text = "[";
  for (const auto& id : ids) {
    if (id.empty() || !std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
    if (!seen.insert(id).second) continue;
    if (text.size() > 1) text += ",";
    text += id;
  }
  text += "]";
  cell.AddMember("@linked_item_ids", rapidjson::Value(text.c_str(), allocator), allocator);
}

std::optional<NestedScan> columnValuesScan(const ScanRequest& request) {
  NestedScan scan{.operation = "ColumnValues",
                  .parents = ItemParents{.item_column = "item_id", .board_column = "board_id", .per_page = 100,
                                         .selection = "board { id }"},
                  .annotate = addLinkedItemIds};
  // Rollup columns of a multi-level board are left out without CALCULATED, leaves included; with
  // it monday returns them along with every other column (on any board).
  std::string arguments = "capabilities: [CALCULATED]";
  auto variables = std::make_shared<rapidjson::Document>(rapidjson::kObjectType);
  auto& allocator = variables->GetAllocator();
  auto push = [&](const char* column, const char* argument, const char* type, auto accept) -> bool {
    const auto* values = request.valuesFor(column);
    if (!values) return true;
    std::vector<std::string> wanted;
    for (auto& text : textValues(*values)) {
      if (accept(text) && std::find(wanted.begin(), wanted.end(), text) == wanted.end()) wanted.push_back(text);
    }
    if (wanted.empty()) return false;  // no value can match a column
    if (!arguments.empty()) arguments += ", ";
    arguments += std::string(argument) + ": $" + column + "s";
    if (!scan.declarations.empty()) scan.declarations += ", ";
    scan.declarations += "$" + std::string(column) + "s: " + type;
    variables->AddMember(rapidjson::Value((std::string(column) + "s").c_str(), allocator),
                         idArray(wanted, allocator), allocator);
    return true;
  };
  if (!push("column_id", "ids", "[String!]", [](const std::string&) { return true; })) return std::nullopt;
  if (!push("column_type", "types", "[ColumnType!]", knownColumnType)) return std::nullopt;
  scan.children = {{.field = "column_values", .arguments = arguments, .selection = std::string(kCellSelection)}};
  scan.variables = std::move(variables);
  return scan;
}

}  // namespace

TableDef makeColumnValuesTable() {
  TableDef table;
  table.name = "ColumnValues";
  table.description =
      "Every cell of every active item, one row per (item, column): the column type, monday's text, the raw value "
      "JSON, and for board_relation, dependency, mirror and subtasks columns the display value and linked item ids.";
  table.columns = {
      {.name = "item_id", .type = DataType::BigInt, .path = "^id", .decode = Decode::Id,
       .description = "The item (joins Items.id).", .nullable = false},
      {.name = "board_id", .type = DataType::BigInt, .path = "^board.id", .decode = Decode::Id,
       .description = "The item's board.", .nullable = false},
      {.name = "column_id", .path = "id", .description = "The column (joins Columns.id with board_id).", .size = 64,
       .nullable = false},
      {.name = "column_type", .path = "type", .description = "Column type (status, numbers, date, people ...).",
       .size = 32, .nullable = false},
      {.name = "text", .type = DataType::LongVarchar,
       .description = "The cell as monday displays it; NULL for empty status/dropdown cells and relation, mirror and formula columns."},
      {.name = "value", .type = DataType::LongVarchar, .decode = Decode::Json,
       .description = "The stored value as JSON (e.g. {\"index\":1} for a status); NULL when empty or computed."},
      {.name = "display_value", .type = DataType::LongVarchar,
       .description = "For board_relation, dependency, mirror and subtasks columns: the linked items' names or mirrored values."},
      {.name = "linked_item_ids", .type = DataType::LongVarchar, .path = "@linked_item_ids", .decode = Decode::Json,
       .description = "For board_relation, dependency, mirror and subtasks columns: the linked item ids as a JSON array "
       "(join with json_each); NULL for other columns."},
  };
  table.keys = {{"item_id", true}, {"board_id", true}, {"column_id", true}, {"column_type", true}};
  table.primary_key = {"item_id", "column_id"};
  table.foreign_keys = {{{"item_id"}, "Items", {"id"}}, {{"board_id"}, "Boards", {"id"}}};
  table.scan = [](ScanContext& context, const ScanRequest& request) -> std::unique_ptr<RowSource> {
    auto scan = columnValuesScan(request);
    if (!scan) return emptySource();
    return scanNested(context, request, std::move(*scan));
  };
  table.estimate = [](const ScanShape& shape) {
    double cells_per_item = shape.constrains("column_id") ? 1.5 : 15;
    NestedScan scan{.parents = ItemParents{.item_column = "item_id", .board_column = "board_id", .per_page = 100}};
    return estimateNested(shape, scan, cells_per_item, 20000);
  };
  return table;
}

}  // namespace monday::schema
