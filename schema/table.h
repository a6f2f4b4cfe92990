#pragma once
// A table is data: its columns (SQL type, where the value sits in monday's JSON, a description),
// the key columns whose constraints can travel to the API, and a scan function that turns pushed
// constraints into GraphQL requests. The SQLite virtual-table adapter, the ODBC catalog and the
// docs are all driven by these definitions (DESIGN decision 2).

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "driver/common/data_type.h"
#include "driver/common/json.h"
#include "driver/common/value.h"
#include "schema/aggregate.h"
#include "schema/mutation.h"

namespace monday::client {
class ApiClient;
}

namespace monday::schema {

// How a column's JSON value becomes a SQL value.
enum class Decode : std::uint8_t {
  Text,       // string (numbers/booleans are written as text)
  Id,         // monday ID (a string of digits) → 64-bit integer
  Integer,    // number or numeric string → 64-bit integer
  Real,       // number or numeric string → double
  Boolean,    // true/false (or "true"/"false") → 1/0
  Timestamp,  // ISO 8601 → 'YYYY-MM-DD HH:MM:SS' UTC
  Date,       // ISO 8601 → 'YYYY-MM-DD'
  Json,       // any JSON → its text; a JSON scalar string (monday's JSON type) is kept as is
};

struct RowView;

struct ColumnDef {
  std::string name;
  DataType type = DataType::Varchar;
  // Dotted GraphQL path from the row object ("workspace.id"); empty: the field named like the
  // column. A leading '^' reads from the parent object instead ("^id" = the board id of a column
  // row). A leading '@' names a member the row source computes and adds to the row itself
  // ("@role"); it is never asked of the API.
  std::string path;
  Decode decode = Decode::Text;
  std::string description;
  std::int64_t size = 0;  // 0 = the type's default
  bool nullable = true;
  // Reads the value itself instead of `path`/`decode` (board columns, whose cells sit in a list).
  std::function<Value(const RowView&)> read;

  // Where the value sits in the row's JSON ("" for a column that reads itself).
  std::string_view source() const {
    if (read && path.empty()) return {};
    return path.empty() ? std::string_view(name) : std::string_view(path);
  }
};

// Comparison operators a key column may accept besides '=' (and IN, which is '=' with a list).
// SQLite re-checks every pushed term, so a table may push a term whose API semantics are only
// approximately SQL's (a superset of rows), never one that could drop a row SQL would keep.
enum class ConstraintOp : std::uint8_t { Eq, Ne, Lt, Le, Gt, Ge, Like, IsNull, IsNotNull };

std::string_view constraintOpText(ConstraintOp op);  // "=", "<>", "<", ..., "LIKE", "IS NULL"

// A column whose constraints the API can apply.
struct KeyColumn {
  std::string column;
  bool accepts_in = true;  // IN (...) can be answered in one scan
  std::vector<ConstraintOp> ops = {ConstraintOp::Eq};
  bool accepts(ConstraintOp op) const {
    for (auto o : ops) {
      if (o == op) return true;
    }
    return false;
  }
};

// One ORDER BY term, by column name.
struct OrderTerm {
  std::string column;
  bool descending = false;
};

// A pushed term other than '=' / IN: `column op value` (no value for IS [NOT] NULL).
struct Constraint {
  std::string column;
  ConstraintOp op;
  Value value;
};

// What the planner pushed down for one scan.
struct ScanRequest {
  // Key column name → the values it must equal (one for '=', several for IN).
  std::vector<std::pair<std::string, std::vector<Value>>> equals;
  // Every other pushed term (ranges, LIKE, <>, IS NULL ...), ANDed with `equals`.
  std::vector<Constraint> constraints;
  std::optional<std::int64_t> limit;  // rows SQLite will read at most (LIMIT + OFFSET)
  // ORDER BY the scan must deliver (only when TableDef::orders accepted it at planning time).
  std::vector<OrderTerm> order_by;
  // Columns the statement reads (by index); empty = all. Only for tables that fetch_used_columns.
  std::vector<bool> columns_used;

  const std::vector<Value>* valuesFor(const std::string& column) const {
    for (const auto& [name, values] : equals) {
      if (name == column) return &values;
    }
    return nullptr;
  }
  std::vector<const Constraint*> constraintsOn(const std::string& column) const {
    std::vector<const Constraint*> found;
    for (const auto& constraint : constraints) {
      if (constraint.column == column) found.push_back(&constraint);
    }
    return found;
  }
};

// One row as JSON: the object itself and, for nested lists, the object that contains it.
struct RowView {
  const rapidjson::Value* node = nullptr;
  const rapidjson::Value* parent = nullptr;
};

class RowSource {
 public:
  virtual ~RowSource() = default;
  // The next row, or nullptr at the end. The view stays valid until the next call.
  // Throws monday::Error.
  virtual const RowView* next() = 0;
};

// What a scan of a given shape is expected to cost, for the planner (xBestIndex).
struct ScanEstimate {
  double rows = 1000;
  double requests = 1;
};

struct TableDef;

// What a scan told the API and what it left to SQLite, reported back for the plan
// (sys_last_query, the log at Verbosity >= 2). Scans fill it when they build their requests.
struct ScanNotes {
  std::vector<std::string> pushed;  // terms the API applies, in monday's words ("status any_of [1]")
  std::vector<std::string> local;   // pushed terms the API cannot apply; SQLite filters them alone
  std::string method;               // how the rows are fetched ("items_page", "items(ids:)" ...)
};

struct QueryReport;  // schema/system/query_report.h

// Handed to a scan function; sources may keep a copy (both referents outlive every scan).
struct ScanContext {
  client::ApiClient& api;
  const TableDef& table;
  ScanNotes* notes = nullptr;                 // where to tell what was pushed; may be null
  const QueryReport* last_query = nullptr;    // the previous statement's plan, for sys_last_query
};

// Which key columns a planned scan constrains (values unknown at planning time).
struct ScanShape {
  std::vector<std::string> constrained;  // key column names with '=' or IN
  std::vector<std::size_t> in_list_sizes;  // for each constrained column, 1 for '=', n for IN
  std::optional<std::int64_t> limit;
  std::vector<std::pair<std::string, ConstraintOp>> other;  // pushed terms besides '=' / IN
  std::vector<OrderTerm> order_by;  // the statement's ORDER BY on this table (for TableDef::orders)
  bool constrains(const std::string& column) const {
    for (const auto& c : constrained) {
      if (c == column) return true;
    }
    return false;
  }
};

// A column (or columns) holding the key of a row of another table in the same schema; shown
// by SQLForeignKeys so BI tools can join without being told. monday enforces none of them.
struct ForeignKey {
  std::vector<std::string> columns;
  std::string table;
  std::vector<std::string> referenced_columns;
};

struct TableDef {
  std::string name;
  std::string schema = "monday";
  std::string description;
  std::vector<ColumnDef> columns;
  std::vector<KeyColumn> keys;
  std::vector<std::string> primary_key;
  std::vector<ForeignKey> foreign_keys;
  std::function<std::unique_ptr<RowSource>(ScanContext&, const ScanRequest&)> scan;
  std::function<ScanEstimate(const ScanShape&)> estimate;
  // Whether a scan of this shape returns rows in shape.order_by's order exactly as SQLite would
  // sort them (then SQLite skips its sort and a LIMIT can stop the paging). Empty = never.
  std::function<bool(const ScanShape&)> orders;
  // The scan fetches only ScanRequest::columns_used (the others read as NULL).
  bool fetch_used_columns = false;
  // How many rows the table has, when monday says without a scan (a board's items_count);
  // SQLStatistics reports it as the table's cardinality.
  std::optional<std::int64_t> row_estimate;
  // What INSERT/UPDATE/DELETE do in monday (schema/mutation.h); empty = read-only table.
  TableWrites writes;
  // Aggregates monday can compute for this table (schema/aggregate.h); empty = none.
  AggregatePlanner aggregates;

  const ColumnDef* column(const std::string& column_name) const;
  int columnIndex(const std::string& column_name) const;  // -1 when absent
};

// Reads a column's value from a row, per its Decode.
Value readColumn(const ColumnDef& column, const RowView& row);

// The GraphQL selection set that fetches every non-parent, non-computed column ("id name workspace { id }").
std::string selectionFor(const std::vector<ColumnDef>& columns);

}  // namespace monday::schema
