#pragma once
// One monday board as a SQL table (schema `boards`): fixed item columns first, then the board's
// columns typed by column type (column_types.h), with the planner told which WHERE terms and
// ORDER BY items_page can take (board_filters.h). A board's subitems are a companion table of
// the same shape, read from the board's hidden subitems board, with parent_item_id.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "schema/boards/board_metadata.h"
#include "schema/boards/board_naming.h"
#include "schema/boards/column_types.h"
#include "schema/table.h"

namespace monday::schema::boards {

inline constexpr std::string_view kBoardSchema = "boards";

// A SQL column of a board table that holds a part of a monday column.
struct ColumnBinding {
  std::size_t column_index;  // in TableDef::columns
  std::size_t meta_index;    // in BoardTableSpec::columns
  const ColumnPart* part;
};

// A fixed column a filter can be pushed on: name, group_id.
struct FixedFilter {
  std::string sql_name;
  std::string column_id;  // items_page rule column ("name", "group")
  FilterKind kind;
};

// Everything a board table's scan needs, shared by its TableDef's functions.
// The column of a multi-level board's table that says whether the item has subitems.
inline constexpr std::string_view kHasSubitems = "has_subitems";

struct BoardTableSpec {
  std::string board_id;        // the board whose items are the rows
  std::string table_name;
  bool subitems = false;
  bool multi_level = false;  // rows of every level, with parent_item_id and depth
  std::optional<std::int64_t> items_count;
  std::vector<ColumnMeta> columns;  // the board columns with SQL columns, in board order
  std::vector<ColumnBinding> bindings;
  std::size_t fixed_columns = 0;    // TableDef::columns before the first binding
  std::vector<FixedFilter> fixed_filters;

  const ColumnBinding* bindingFor(std::size_t column_index) const;
};

struct BoardTable {
  std::shared_ptr<const TableDef> table;
  std::string signature;  // changes whenever the table's SQL shape or filter mapping would
};

BoardTable makeBoardTable(const NamedBoardTable& named, ColumnNaming naming);

// The scan behind a board table (board_scan.cpp).
std::unique_ptr<RowSource> scanBoardTable(ScanContext& context, const ScanRequest& request,
                                          const std::shared_ptr<const BoardTableSpec>& spec);

}  // namespace monday::schema::boards
