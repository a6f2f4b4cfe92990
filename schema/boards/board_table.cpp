#include "schema/boards/board_table.h"

#include <algorithm>
#include <cmath>

#include "schema/boards/board_aggregates.h"
#include "schema/boards/board_filters.h"
#include "schema/boards/board_writes.h"
#include "schema/item_calls.h"

namespace monday::schema::boards {

namespace {

constexpr double kPageSize = 500;      // items_page maximum
constexpr double kIdsPerRequest = 100;  // items(ids:) maximum

std::vector<ColumnDef> fixedColumns(bool subitems, bool multi_level) {
  std::vector<ColumnDef> columns = {
      {.name = "id", .type = DataType::BigInt, .decode = Decode::Id, .description = "Item id.", .nullable = false},
      {.name = "name", .description = "Item name (monday's Name column).", .nullable = false},
      {.name = "group_id", .path = "group.id", .description = "Group the item is in.", .size = 64},
      {.name = "group_title", .path = "group.title", .description = "Title of the item's group."},
      {.name = "state", .description = "Item state (items_page lists active items).", .size = 16},
      {.name = "creator_id", .type = DataType::BigInt, .decode = Decode::Id,
       .description = "User who created the item."},
      {.name = "created_at", .type = DataType::Timestamp, .decode = Decode::Timestamp,
       .description = "When the item was created (UTC)."},
      {.name = "updated_at", .type = DataType::Timestamp, .decode = Decode::Timestamp,
       .description = "When the item last changed (UTC)."},
      {.name = "url", .description = "Link to the item in monday.", .size = 512},
  };
  if (subitems) {
    columns.push_back({.name = "parent_item_id", .type = DataType::BigInt, .path = "parent_item.id",
                       .decode = Decode::Id,
                       .description = "The item this subitem belongs to (a row of the parent board's table)."});
  }
  if (multi_level) {
    columns.push_back({.name = "parent_item_id", .type = DataType::BigInt, .path = "parent_item.id",
                       .decode = Decode::Id,
                       .description = "The item one level up (a row of this table); NULL for a top-level item."});
    columns.push_back(itemDepthColumn());
    ColumnDef has_subitems{.name = std::string(kHasSubitems), .type = DataType::Bit,
                           .description = "Whether the item has subitems; its rollup columns are then what monday "
                                          "calculates from them, and cannot be changed."};
    // monday's is_leaf, on every cell: true when the item has no subitems. NULL when no cell was read.
    has_subitems.read = [](const RowView& row) -> Value {
      if (!row.node || !row.node->IsObject()) return std::monostate{};
      auto cells = row.node->FindMember("column_values");
      if (cells == row.node->MemberEnd() || !cells->value.IsArray()) return std::monostate{};
      for (const auto& cell : cells->value.GetArray()) {
        if (!cell.IsObject()) continue;
        auto leaf = cell.FindMember("is_leaf");
        if (leaf != cell.MemberEnd() && leaf->value.IsBool()) return std::int64_t{leaf->value.GetBool() ? 0 : 1};
      }
      return std::monostate{};
    };
    columns.push_back(std::move(has_subitems));
  }
  return columns;
}

// Reads one part of one board column from the item's column_values list.
std::function<Value(const RowView&)> cellReader(std::string column_id, Value (*decode)(const Cell&)) {
  return [column_id = std::move(column_id), decode](const RowView& row) -> Value {
    if (!row.node || !row.node->IsObject()) return std::monostate{};
    auto cells = row.node->FindMember("column_values");
    if (cells == row.node->MemberEnd() || !cells->value.IsArray()) return std::monostate{};
    for (const auto& cell : cells->value.GetArray()) {
      auto id = cell.FindMember("id");
      if (id == cell.MemberEnd() || !id->value.IsString()) continue;
      if (column_id.size() == id->value.GetStringLength() && column_id == id->value.GetString()) return decode(cell);
    }
    return std::monostate{};
  };
}

// Share of rows a pushed term is expected to keep, for the planner.
double selectivity(ConstraintOp op) {
  switch (op) {
    case ConstraintOp::Eq: return 0.1;
    case ConstraintOp::Ne: return 0.9;
    case ConstraintOp::Like: return 0.25;
    case ConstraintOp::IsNull: return 0.3;
    case ConstraintOp::IsNotNull: return 0.7;
    default: return 0.4;  // ranges
  }
}

ScanEstimate estimateBoard(const BoardTableSpec& spec, const ScanShape& shape) {
  const double items = std::max<double>(1, static_cast<double>(spec.items_count.value_or(500)));
  for (std::size_t i = 0; i < shape.constrained.size(); ++i) {
    if (shape.constrained[i] != "id") continue;
    const double ids = static_cast<double>(shape.in_list_sizes[i]);
    // One id at a time is what a join asks for row by row; the engine answers repeated lookups
    // from one cached scan of the board, so each costs a fraction of a request.
    if (ids == 1) return {1, 0.05};
    return {ids, std::ceil(ids / kIdsPerRequest)};
  }
  double rows = items;
  for (std::size_t i = 0; i < shape.constrained.size(); ++i) {
    rows *= std::min(1.0, 0.1 * static_cast<double>(shape.in_list_sizes[i]));
  }
  for (const auto& [column, op] : shape.other) rows *= selectivity(op);
  if (shape.limit) rows = std::min(rows, static_cast<double>(std::max<std::int64_t>(1, *shape.limit)));
  rows = std::max(1.0, rows);
  return {rows, std::max(1.0, std::ceil(rows / kPageSize))};
}

// monday sorts what SQLite would only for sortable parts, and only their non-empty cells (where
// blanks go is unpublished): ORDER BY is taken when every term's column is sortable and carries
// a pushed IS NOT NULL. Never with an id list (items(ids:) has no order).
bool ordersBoard(const BoardTableSpec& spec, const TableDef& table, const ScanShape& shape) {
  // A multi-level board's listing puts each item's subitems after it; in what order a sort
  // would put the levels is unpublished, so SQLite sorts.
  if (spec.multi_level) return false;
  if (shape.order_by.empty() || shape.constrains("id")) return false;
  for (const auto& term : shape.order_by) {
    const int index = table.columnIndex(term.column);
    const ColumnBinding* binding = index < 0 ? nullptr : spec.bindingFor(static_cast<std::size_t>(index));
    if (!binding || !binding->part->sortable) return false;
    bool not_null = false;
    for (const auto& [column, op] : shape.other) not_null = not_null || (column == term.column && op == ConstraintOp::IsNotNull);
    if (!not_null) return false;
  }
  return true;
}

std::string describeColumn(const ColumnMeta& column, const ColumnPart& part) {
  std::string text = "monday column '" + column.title + "' (id " + column.id + ", type " + column.type + "): " +
                     std::string(part.meaning) + ".";
  if (!column.description.empty() && part.suffix.empty()) text += " " + column.description;
  return text;
}

}  // namespace

const ColumnBinding* BoardTableSpec::bindingFor(std::size_t column_index) const {
  for (const auto& binding : bindings) {
    if (binding.column_index == column_index) return &binding;
  }
  return nullptr;
}

BoardTable makeBoardTable(const NamedBoardTable& named, ColumnNaming naming) {
  auto spec = std::make_shared<BoardTableSpec>();
  spec->board_id = named.source->id;
  spec->table_name = named.name;
  spec->subitems = named.subitems;
  spec->multi_level = named.source->multi_level;
  spec->items_count = named.source->items_count;

  auto table = std::make_shared<TableDef>();
  table->name = named.name;
  table->row_estimate = named.source->items_count;
  table->schema = std::string(kBoardSchema);
  table->description = named.subitems
                           ? "Subitems of the monday board '" + named.board->name + "' (board " + named.board->id +
                                 "; their own board " + named.source->id + "): one row per active subitem."
                       : spec->multi_level
                           ? "Items of the multi-level monday board '" + named.board->name + "' (board " +
                                 named.board->id + "): one row per active item of every level (depth 0 to 4, "
                                 "parent_item_id one level up), the board's columns typed by column type; a parent's "
                                 "rollup columns hold what monday calculates from its children."
                           : "Items of the monday board '" + named.board->name + "' (board " + named.board->id +
                                 "): one row per active item, the board's columns typed by column type.";
  table->columns = fixedColumns(named.subitems, spec->multi_level);
  spec->fixed_columns = table->columns.size();
  spec->fixed_filters = {{"name", "name", FilterKind::Text}, {"group_id", "group", FilterKind::Code}};

  NameSet names;
  for (const auto& column : table->columns) names.take(column.name);
  for (const auto& column : named.source->columns) {
    if (column.type == "name") continue;  // the fixed `name` column
    const ColumnTypeInfo& info = columnTypeInfo(column.type);
    std::vector<std::string_view> suffixes;
    for (const auto& part : info.parts) suffixes.push_back(part.suffix);
    if (suffixes.empty()) continue;
    const std::string base = naming == ColumnNaming::Id ? columnBaseName(column.id) : columnBaseName(column.title);
    const std::string sql_base = names.claim(base, columnBaseName(column.id), suffixes);
    spec->columns.push_back(column);
    for (const auto& part : info.parts) {
      ColumnDef def;
      def.name = sql_base + std::string(part.suffix);
      def.type = part.type;
      def.size = part.size;
      def.description = describeColumn(column, part);
      def.read = cellReader(column.id, part.decode);
      spec->bindings.push_back({table->columns.size(), spec->columns.size() - 1, &part});
      table->columns.push_back(std::move(def));
    }
  }

  table->keys = {{"id", true, {ConstraintOp::Eq}}};
  for (const auto& fixed : spec->fixed_filters) {
    std::vector<ConstraintOp> ops = pushableOps(fixed.kind);
    std::erase_if(ops, [](ConstraintOp op) { return op != ConstraintOp::Eq && op != ConstraintOp::Like; });
    if (fixed.kind == FilterKind::Code) std::erase(ops, ConstraintOp::Like);
    table->keys.push_back({fixed.sql_name, true, ops});
  }
  for (const auto& binding : spec->bindings) {
    const FilterKind kind = binding.part->filter;
    if (kind == FilterKind::None) continue;
    table->keys.push_back({table->columns[binding.column_index].name, pushesInLists(kind), pushableOps(kind)});
  }
  table->primary_key = {"id"};
  table->fetch_used_columns = true;

  std::shared_ptr<const BoardTableSpec> shared = spec;
  table->writes = boardTableWrites(shared, *table);
  const TableDef* self = table.get();
  table->scan = [shared](ScanContext& context, const ScanRequest& request) {
    return scanBoardTable(context, request, shared);
  };
  table->estimate = [shared](const ScanShape& shape) { return estimateBoard(*shared, shape); };
  table->orders = [shared, self](const ScanShape& shape) { return ordersBoard(*shared, *self, shape); };
  // monday's aggregate query on a multi-level board is unpublished (does it count every level? a
  // parent's rollup as well as its children?): there SQLite aggregates the rows.
  if (!spec->multi_level) table->aggregates = boardAggregates(shared, self);

  BoardTable result;
  result.signature = table->schema + "." + table->name + "|" + spec->board_id;
  for (const auto& column : table->columns) {
    result.signature += "|" + column.name + ":" + std::string(declaredTypeName(column.type));
  }
  for (const auto& column : spec->columns) result.signature += "|" + column.id + ":" + column.type + ":" + column.settings;
  result.table = std::move(table);
  return result;
}

}  // namespace monday::schema::boards
