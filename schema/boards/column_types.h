#pragma once
// Every monday column type, described once (column_types.cpp): the SQL columns it becomes on a
// board table, the GraphQL fragment those need, how each SQL value is decoded from the cell, and
// how a WHERE term on it can travel to items_page as a query_params rule. Writes (JSON per type)
// belong here too, as one more member of ColumnTypeInfo.
//
// Naming rule: a board column with SQL base name `c` gives `c` for its main typed value,
// `c_<part>` for further typed parts (c_id, c_ids, c_from, c_to, c_time, c_lat ...), `c_text` for
// monday's display text where it differs from the typed value, and `c_value` for the raw `value`
// JSON of types whose value holds more than the typed columns show.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/document.h>

#include "driver/common/data_type.h"
#include "driver/common/value.h"
#include "schema/table.h"

namespace monday::schema::boards {

// How a WHERE term on one SQL column becomes an items_page rule (board_filters.cpp). Every kind
// pushes only terms whose API answer is a superset of SQL's; SQLite re-checks every row.
enum class FilterKind : std::uint8_t {
  None,            // never pushed
  NotEmptyOnly,    // IS NOT NULL → is_not_empty
  Emptiness,       // IS [NOT] NULL → is_empty / is_not_empty
  Text,            // = / IN → any_of, LIKE → contains_text, IS [NOT] NULL (any_of ignores case: superset)
  TextContains,    // = / IN / LIKE → contains_text, IS [NOT] NULL (people names, phone, country name ...)
  Code,            // = / IN → any_of (country codes), IS NOT NULL → is_not_empty
  Number,          // = IN <> < <= > >= → any_of / not_any_of / greater_than ..., IS [NOT] NULL
  StatusLabel,     // = IN <> LIKE by label → label ids from the column settings, IS [NOT] NULL
  StatusId,        // = IN <> on the label id, IS [NOT] NULL
  DropdownLabels,  // = / IN by label → option ids; LIKE → contains_text; IS [NOT] NULL
  Date,            // = IN → any_of EXACT days, ranges → greater/lower_than_or_equal, IS [NOT] NULL
  TimelineStart,   // ranges, = on the start date (compare_attribute START_DATE), IS [NOT] NULL
  TimelineEnd,     // the same on the end date (END_DATE)
  Checkbox,        // = 1 / <> 0 → is_not_empty, = 0 / <> 1 → is_empty
  Rating,          // = / IN → any_of 1..5, IS NULL → any_of [0], IS NOT NULL → not_any_of [0]
  PersonIds,       // = / IN on the id list → any_of person-<id>, IS NOT NULL → is_not_empty
  LinkedIds,       // = / IN on the id list → any_of <item id>, IS [NOT] NULL
};

// A board column's cell as the API returned it: {id, text, value, <aliased typed fields>}.
using Cell = rapidjson::Value;

// One SQL column a monday column type produces.
struct ColumnPart {
  std::string_view suffix;  // "" = the base name, else appended: "_id", "_from", "_value" ...
  DataType type = DataType::Varchar;
  std::int64_t size = 0;    // 0 = the type's default
  std::string_view meaning;  // for REMARKS: "label", "label id (settings.labels[].id)" ...
  Value (*decode)(const Cell& cell) = nullptr;
  FilterKind filter = FilterKind::None;
  bool sortable = false;  // monday's order_by sorts it as SQLite would (non-NULL values)
};

struct ColumnMeta;
struct ColumnTypeInfo;

// What an INSERT or UPDATE gives one board column (column_writes.cpp): the SQL value of each of
// its parts, and which parts the statement sets (INSERT: the non-NULL ones; UPDATE: the changed
// ones; never none).
struct CellInput {
  const ColumnMeta& column;
  const ColumnTypeInfo& info;
  std::vector<const Value*> values;  // per info.parts
  std::vector<bool> given;           // per info.parts

  // The part with this suffix ("" = the main part); nullptr when the type has no such part.
  const Value* part(std::string_view suffix) const;
  bool givenPart(std::string_view suffix) const;
  // "<table column name>" for messages, e.g. "Status" or "Status_id".
  std::string sqlName(std::string_view suffix) const;
  std::string table_column_base;  // the SQL base name of the column on its board table
};

struct ColumnTypeInfo {
  std::string_view type;      // monday ColumnType ("status"); "" = the fallback for unknown types
  std::string_view fragment;  // inline fragment with aliased fields, "" when id/text/value suffice
  std::vector<ColumnPart> parts;
  // Writes: the JSON monday's column_values takes for this column ("null" clears it), or nullptr
  // when monday does not let the API write the type (formula, mirror, creation_log ...). Throws
  // monday::Error (22018 for a value the type cannot take) naming the SQL column.
  std::string (*encode)(const CellInput& input) = nullptr;
};

// The descriptor of a monday column type; unknown types get the generic text + value one.
const ColumnTypeInfo& columnTypeInfo(std::string_view type);

// Every described type, for docs and tests.
const std::vector<ColumnTypeInfo>& allColumnTypes();

// Sets ColumnTypeInfo::encode of every type monday lets the API write (column_writes.cpp).
void attachEncoders(std::vector<ColumnTypeInfo>& types);

}  // namespace monday::schema::boards
