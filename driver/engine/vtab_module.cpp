// The generic SQLite virtual table over a schema::TableDef. xBestIndex decides which WHERE terms
// and LIMIT travel to the API (key columns with = / IN, LIMIT/OFFSET as a page-size hint) and
// prices each plan in API requests, so SQLite prefers plans that call monday less. xFilter turns
// the plan into a ScanRequest; rows stream from the table's RowSource. No constraint is ever
// marked "omit": SQLite re-checks every term, so pushdown can only narrow, never change, results.

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <optional>

#include "driver/common/cell_check.h"
#include "driver/common/sql_lexer.h"
#include "driver/engine/c_boundary.h"
#include "driver/engine/scan_plan.h"
#include "driver/engine/session_state.h"
#include "driver/engine/sqlite_values.h"
#include "driver/engine/write_session.h"
#include "schema/paging/api_scan.h"

namespace monday::engine {

namespace {

struct ApiVtab {
  sqlite3_vtab base{};  // must be first: SQLite hands us &base
  SessionState* session = nullptr;
  std::shared_ptr<const schema::TableDef> table;
};

struct ApiCursor {
  sqlite3_vtab_cursor base{};
  ApiVtab* vtab = nullptr;
  std::unique_ptr<schema::RowSource> source;
  std::shared_ptr<const ScanCache::Rows> cached;  // replaying a cached scan
  std::size_t cached_index = 0;
  std::vector<Value> row;
  bool eof = true;
  sqlite3_int64 rowid = 0;
  std::string cache_key;
  ScanCache::Rows recording;  // rows of this scan, stored in the cache when it completes
  bool recording_overflow = false;
  long long scan_serial = 0;      // distinguishes this scan's rows from other scans' (rowid)
  long long report_serial = 0;    // the plan report the scan records into
  std::size_t report_index = 0;   // its table's entry there
};

std::string createTableStatement(const schema::TableDef& table) {
  std::string sql = "CREATE TABLE x(";
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    const auto& column = table.columns[i];
    if (i) sql += ", ";
    sql += sql::quoteIdentifier(column.name) + " " + std::string(declaredTypeName(column.type));
    if (column.size > 0 && (column.type == DataType::Varchar)) sql += "(" + std::to_string(column.size) + ")";
    if (!column.nullable) sql += " NOT NULL";
  }
  return sql + ")";
}

int connectTable(sqlite3* db, void* aux, int argc, const char* const* argv, sqlite3_vtab** out, char** error) noexcept {
  auto* session = static_cast<SessionState*>(aux);
  return guardedConnectCall(error, *session, [&]() -> int {
    // argv: module name, schema name, table name, then our argument: the TableDef's name.
    std::string wanted = argc > 3 ? argv[3] : argv[2];
    if (wanted.size() >= 2 && (wanted.front() == '"' || wanted.front() == '\'')) {
      wanted = wanted.substr(1, wanted.size() - 2);
    }
    std::shared_ptr<const schema::TableDef> found;
    for (const auto& table : session->tables) {
      if (table->name == wanted) {
        found = table;
        break;
      }
    }
    if (auto created = session->board_tables.find(wanted); !found && created != session->board_tables.end()) {
      found = created->second.table;
    }
    if (found) {
      const int rc = sqlite3_declare_vtab(db, createTableStatement(*found).c_str());
      if (rc != SQLITE_OK) return rc;
      auto vtab = std::make_unique<ApiVtab>();
      vtab->session = session;
      vtab->table = std::move(found);
      *out = &vtab.release()->base;
      return SQLITE_OK;
    }
    *error = sqlite3_mprintf("no table definition named %s", wanted.c_str());
    return SQLITE_ERROR;
  });
}

int disconnectTable(sqlite3_vtab* vtab) noexcept {
  sqlite3_free(vtab->zErrMsg);
  delete reinterpret_cast<ApiVtab*>(vtab);
  return SQLITE_OK;
}

// SQLite's operator codes for the terms a key column may accept besides '='.
std::optional<schema::ConstraintOp> otherOp(unsigned char op) {
  switch (op) {
    case SQLITE_INDEX_CONSTRAINT_NE: return schema::ConstraintOp::Ne;
    case SQLITE_INDEX_CONSTRAINT_LT: return schema::ConstraintOp::Lt;
    case SQLITE_INDEX_CONSTRAINT_LE: return schema::ConstraintOp::Le;
    case SQLITE_INDEX_CONSTRAINT_GT: return schema::ConstraintOp::Gt;
    case SQLITE_INDEX_CONSTRAINT_GE: return schema::ConstraintOp::Ge;
    case SQLITE_INDEX_CONSTRAINT_LIKE: return schema::ConstraintOp::Like;
    case SQLITE_INDEX_CONSTRAINT_ISNULL: return schema::ConstraintOp::IsNull;
    case SQLITE_INDEX_CONSTRAINT_ISNOTNULL: return schema::ConstraintOp::IsNotNull;
    default: return std::nullopt;
  }
}

const schema::KeyColumn* keyFor(const schema::TableDef& table, const std::string& column) {
  for (const auto& candidate : table.keys) {
    if (candidate.column == column) return &candidate;
  }
  return nullptr;
}

// SQLite's spelling of a constraint operator, for the plan report.
const char* sqliteOpText(int op) {
  switch (op) {
    case SQLITE_INDEX_CONSTRAINT_EQ: return "=";
    case SQLITE_INDEX_CONSTRAINT_GT: return ">";
    case SQLITE_INDEX_CONSTRAINT_LE: return "<=";
    case SQLITE_INDEX_CONSTRAINT_LT: return "<";
    case SQLITE_INDEX_CONSTRAINT_GE: return ">=";
    case SQLITE_INDEX_CONSTRAINT_MATCH: return "MATCH";
    case SQLITE_INDEX_CONSTRAINT_LIKE: return "LIKE";
    case SQLITE_INDEX_CONSTRAINT_GLOB: return "GLOB";
    case SQLITE_INDEX_CONSTRAINT_REGEXP: return "REGEXP";
    case SQLITE_INDEX_CONSTRAINT_NE: return "<>";
    case SQLITE_INDEX_CONSTRAINT_ISNOT: return "IS NOT";
    case SQLITE_INDEX_CONSTRAINT_ISNOTNULL: return "IS NOT NULL";
    case SQLITE_INDEX_CONSTRAINT_ISNULL: return "IS NULL";
    case SQLITE_INDEX_CONSTRAINT_IS: return "IS";
    default: return "(function)";
  }
}

bool comparesValues(int op) {
  return op == SQLITE_INDEX_CONSTRAINT_EQ || op == SQLITE_INDEX_CONSTRAINT_NE || op == SQLITE_INDEX_CONSTRAINT_LT ||
         op == SQLITE_INDEX_CONSTRAINT_LE || op == SQLITE_INDEX_CONSTRAINT_GT || op == SQLITE_INDEX_CONSTRAINT_GE;
}

// Chooses what goes to the API (engine/scan_plan.h says how the plan travels to xFilter): '='
// and IN on key columns, other operators a key accepts, ORDER BY when the table delivers exactly
// SQLite's order, LIMIT/OFFSET when no sort is left to do, and the columns used.
int bestIndex(sqlite3_vtab* base, sqlite3_index_info* info) noexcept {
  auto* vtab = reinterpret_cast<ApiVtab*>(base);
  return guardedVtabCall(base, *vtab->session, [&]() -> int {
    const schema::TableDef& table = *vtab->table;
    schema::ScanShape shape;
    ScanPlan plan;
    int argv_index = 0;
    int limit_constraint = -1;
    int offset_constraint = -1;
    bool unique = false;
    auto addArgument = [&](ScanPlan::Argument argument, int constraint) {
      info->aConstraintUsage[constraint].argvIndex = ++argv_index;
      info->aConstraintUsage[constraint].omit = 0;  // SQLite re-checks: pushdown only narrows
      plan.arguments.push_back(argument);
    };
    auto addLocal = [&](int column, int op) { plan.local.push_back({column, op}); };

    for (int i = 0; i < info->nConstraint; ++i) {
      const auto& constraint = info->aConstraint[i];
      if (!constraint.usable) continue;
      if (constraint.op == SQLITE_INDEX_CONSTRAINT_LIMIT) {
        limit_constraint = i;
        continue;
      }
      if (constraint.op == SQLITE_INDEX_CONSTRAINT_OFFSET) {
        offset_constraint = i;
        continue;
      }
      if (constraint.iColumn < 0) continue;
      const schema::ColumnDef& definition = table.columns[static_cast<std::size_t>(constraint.iColumn)];
      const std::string& column = definition.name;
      const schema::KeyColumn* key = keyFor(table, column);
      if (!key) {
        addLocal(constraint.iColumn, constraint.op);
        continue;
      }
      // The API compares text its own way; a term under another collation (NOCASE ...) could keep
      // rows a translation for SQLite's binary comparison would miss.
      if (comparesValues(constraint.op) &&
          (definition.type == DataType::Varchar || definition.type == DataType::LongVarchar)) {
        const char* collation = sqlite3_vtab_collation(info, i);
        if (collation && sqlite3_stricmp(collation, "BINARY") != 0) {
          addLocal(constraint.iColumn, constraint.op);
          continue;
        }
      }
      if (constraint.op == SQLITE_INDEX_CONSTRAINT_EQ) {
        if (!key->accepts(schema::ConstraintOp::Eq) || shape.constrains(column)) {
          addLocal(constraint.iColumn, constraint.op);
          continue;
        }
        const bool is_in = sqlite3_vtab_in(info, i, -1) != 0;
        if (is_in && key->accepts_in) sqlite3_vtab_in(info, i, 1);
        addArgument({is_in && key->accepts_in ? ScanPlan::ArgumentKind::InList : ScanPlan::ArgumentKind::Equals,
                     constraint.iColumn},
                    i);
        shape.constrained.push_back(column);
        shape.in_list_sizes.push_back(is_in ? 10 : 1);  // IN list lengths are unknown when planning
        if (!is_in && table.primary_key.size() == 1 && table.primary_key.front() == column) unique = true;
        continue;
      }
      auto op = otherOp(constraint.op);
      bool duplicate = false;
      if (op) {
        for (const auto& [name, existing] : shape.other) duplicate = duplicate || (name == column && existing == *op);
      }
      if (!op || !key->accepts(*op) || duplicate) {
        addLocal(constraint.iColumn, constraint.op);
        continue;
      }
      addArgument({ScanPlan::ArgumentKind::Compare, constraint.iColumn, *op}, i);
      shape.other.emplace_back(column, *op);
    }

    // ORDER BY: consumed only when the table says its scan returns exactly SQLite's order.
    bool ordered = false;
    if (info->nOrderBy > 0 && table.orders) {
      bool on_columns = true;
      for (int i = 0; i < info->nOrderBy; ++i) {
        const auto& term = info->aOrderBy[i];
        if (term.iColumn < 0) {
          on_columns = false;
          break;
        }
        shape.order_by.push_back({table.columns[static_cast<std::size_t>(term.iColumn)].name, term.desc != 0});
      }
      if (on_columns && table.orders(shape)) {
        ordered = true;
        info->orderByConsumed = 1;
        for (int i = 0; i < info->nOrderBy; ++i) plan.order_by.push_back({info->aOrderBy[i].iColumn, info->aOrderBy[i].desc != 0});
      } else {
        shape.order_by.clear();
      }
    }

    // LIMIT/OFFSET reach us only when SQLite could push them (one table, every term given to us).
    // SQLite offers them even when it still has to sort: then every row must come, and a small
    // page size would only multiply requests, so they are used only without a sort left to do.
    if (limit_constraint >= 0 && (info->nOrderBy == 0 || ordered)) {
      addArgument({ScanPlan::ArgumentKind::Limit}, limit_constraint);
      sqlite3_value* value = nullptr;
      if (sqlite3_vtab_rhs_value(info, limit_constraint, &value) == SQLITE_OK && value) {
        shape.limit = sqlite3_value_int64(value);
      } else {
        shape.limit = 100;
      }
      if (offset_constraint >= 0) {
        addArgument({ScanPlan::ArgumentKind::Offset}, offset_constraint);
        if (sqlite3_vtab_rhs_value(info, offset_constraint, &value) == SQLITE_OK && value) {
          *shape.limit += sqlite3_value_int64(value);
        }
      }
    }
    if (table.fetch_used_columns) plan.columns_used = static_cast<std::uint64_t>(info->colUsed);

    schema::ScanEstimate estimate = table.estimate ? table.estimate(shape) : schema::ScanEstimate{};
    // One request is worth a thousand rows of local work: a plan that calls monday less wins.
    info->estimatedCost = estimate.requests * 1000.0 + estimate.rows;
    info->estimatedRows = static_cast<sqlite3_int64>(std::max(1.0, estimate.rows));
    if (unique) info->idxFlags |= SQLITE_INDEX_SCAN_UNIQUE;
    info->idxStr = sqlite3_mprintf("%s", plan.encode().c_str());
    info->needToFreeIdxStr = 1;
    return SQLITE_OK;
  });
}

void cacheKeyAppend(std::string& key, const Value& value) {
  std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) key += "n;";
        else if constexpr (std::is_same_v<T, std::int64_t>) key += "i" + std::to_string(v) + ";";
        else if constexpr (std::is_same_v<T, double>) key += "d" + std::to_string(v) + ";";
        else if constexpr (std::is_same_v<T, std::string>) key += "s" + std::to_string(v.size()) + ":" + v + ";";
        else key += "b;";
      },
      value);
}

// Identifies a scan's result within a statement: the table and everything pushed to it.
std::string scanKey(const schema::TableDef& table, const schema::ScanRequest& request) {
  std::string key = table.schema + "." + table.name + "|";
  for (const auto& [column, values] : request.equals) {
    key += column + "=";
    for (const auto& value : values) cacheKeyAppend(key, value);
  }
  for (const auto& constraint : request.constraints) {
    key += constraint.column + std::string(schema::constraintOpText(constraint.op));
    cacheKeyAppend(key, constraint.value);
  }
  if (request.limit) key += "|limit=" + std::to_string(*request.limit);
  for (const auto& term : request.order_by) key += "|order=" + term.column + (term.descending ? " desc" : "");
  if (!request.columns_used.empty()) {
    key += "|columns=";
    for (bool used : request.columns_used) key.push_back(used ? '1' : '0');
  }
  return key;
}

schema::ScanShape shapeOf(const schema::ScanRequest& request) {
  schema::ScanShape shape;
  for (const auto& [column, values] : request.equals) {
    shape.constrained.push_back(column);
    shape.in_list_sizes.push_back(values.size());
  }
  for (const auto& constraint : request.constraints) shape.other.emplace_back(constraint.column, constraint.op);
  shape.limit = request.limit;
  shape.order_by = request.order_by;
  return shape;
}

// The plan report entry of the table a cursor reads (null when no report runs).
schema::TableReport* reportOf(const ApiCursor* cursor) {
  SessionState* session = cursor->vtab->session;
  if (!session->report.present || cursor->report_serial != session->report_serial ||
      cursor->report_index >= session->report.tables.size()) {
    return nullptr;
  }
  return &session->report.tables[cursor->report_index];
}

// Adds the requests and complexity spent since `before` to the cursor's table in the report.
void chargeReport(const ApiCursor* cursor, const client::ApiUsage& before) {
  if (schema::TableReport* entry = reportOf(cursor)) {
    const client::ApiUsage after = cursor->vtab->session->api->usage();
    entry->requests += after.requests - before.requests;
    entry->complexity += after.complexity - before.complexity;
  }
}

// A value the column's type cannot hold becomes NULL with a warning naming the row, the column
// and the raw text, instead of failing the application's fetch (the column's text and _value
// forms, where the table has them, still carry the raw value).
void dropUnfitValues(const schema::TableDef& table, std::vector<Value>& row, StatementWarnings& warnings) {
  for (std::size_t i = 0; i < row.size(); ++i) {
    auto raw = unfitText(table.columns[i].type, row[i]);
    if (!raw) continue;
    std::string where = table.schema + "." + table.name;
    if (!table.primary_key.empty()) {
      const int key = table.columnIndex(table.primary_key.front());
      if (key >= 0) where += " row " + table.primary_key.front() + " = " + schema::valueText(row[static_cast<std::size_t>(key)]);
    }
    if (raw->size() > 80) raw = raw->substr(0, 80) + "...";
    warnings.add("The value '" + *raw + "' of column " + table.columns[i].name + " (" + where +
                 ") is not a valid " + std::string(declaredTypeName(table.columns[i].type)) +
                 "; it reads as NULL.");
    row[i] = std::monostate{};
  }
}

// Reads the next row into cursor->row (or sets eof). Throws monday::Error.
void advance(ApiCursor* cursor) {
  if (cursor->cached) {
    if (cursor->cached_index >= cursor->cached->size()) {
      cursor->eof = true;
      return;
    }
    cursor->row = (*cursor->cached)[cursor->cached_index++];
    cursor->eof = false;
    ++cursor->rowid;
    return;
  }
  const client::ApiUsage before = cursor->vtab->session->api->usage();
  const schema::RowView* view = cursor->source->next();
  chargeReport(cursor, before);
  if (!view) {
    cursor->eof = true;
    if (!cursor->recording_overflow) {
      cursor->vtab->session->scan_cache.store(cursor->cache_key, std::move(cursor->recording));
    }
    cursor->recording.clear();
    return;
  }
  const auto& columns = cursor->vtab->table->columns;
  cursor->row.resize(columns.size());
  for (std::size_t i = 0; i < columns.size(); ++i) cursor->row[i] = schema::readColumn(columns[i], *view);
  dropUnfitValues(*cursor->vtab->table, cursor->row, cursor->vtab->session->warnings);
  cursor->eof = false;
  ++cursor->rowid;
  if (schema::TableReport* entry = reportOf(cursor)) ++entry->rows;
  if (!cursor->recording_overflow) {
    if (cursor->recording.size() < ScanCache::kMaxRowsPerEntry) {
      cursor->recording.push_back(cursor->row);
    } else {
      cursor->recording_overflow = true;
      cursor->recording.clear();
    }
  }
}

// A join asks `id = ?` of an inner table once per outer row. Once the same scan has been narrowed
// that way a few times in one statement, it is read whole once (when it fits the scan cache) and
// every further lookup is answered from memory: a join costs the table's pages, not one request
// per outer row.
constexpr int kLookupsBeforeWholeScan = 3;

std::optional<std::string> lookupId(const Value& value) {
  auto ids = schema::idValues({value});
  if (ids.empty()) return std::nullopt;
  return ids.front();
}

std::shared_ptr<const ScanCache::Rows> answerLookup(ApiCursor* cursor, const schema::ScanRequest& request,
                                                     schema::ScanContext& context) {
  SessionState* session = cursor->vtab->session;
  const schema::TableDef& table = *cursor->vtab->table;
  if (table.primary_key.size() != 1 || request.limit || !table.estimate) return nullptr;
  const int key_index = table.columnIndex(table.primary_key.front());
  const auto* values = request.valuesFor(table.primary_key.front());
  if (key_index < 0 || !values || values->size() != 1) return nullptr;
  const auto wanted = lookupId(values->front());
  if (!wanted) return nullptr;

  schema::ScanRequest whole = request;
  std::erase_if(whole.equals, [&](const auto& entry) { return entry.first == table.primary_key.front(); });
  const std::string whole_key = scanKey(table, whole);
  auto rows = session->scan_cache.find(whole_key);
  if (!rows) {
    if (session->scan_cache.countLookup(whole_key) < kLookupsBeforeWholeScan) return nullptr;
    if (table.estimate(shapeOf(whole)).rows > static_cast<double>(ScanCache::kMaxRowsPerEntry)) return nullptr;
    ScanCache::Rows all;
    const client::ApiUsage before = session->api->usage();
    auto source = table.scan(context, whole);
    bool fits = true;
    while (const schema::RowView* view = source->next()) {
      if (all.size() >= ScanCache::kMaxRowsPerEntry) {
        fits = false;
        break;
      }
      std::vector<Value> row(table.columns.size());
      for (std::size_t i = 0; i < table.columns.size(); ++i) row[i] = schema::readColumn(table.columns[i], *view);
      all.push_back(std::move(row));
    }
    chargeReport(cursor, before);
    if (schema::TableReport* entry = reportOf(cursor)) entry->rows += static_cast<long long>(all.size());
    if (!fits) {
      session->scan_cache.store(whole_key + "|too-large", {});
      return nullptr;
    }
    session->scan_cache.store(whole_key, std::move(all));
    rows = session->scan_cache.find(whole_key);
  }
  auto matches = std::make_shared<ScanCache::Rows>();
  for (const auto& row : *rows) {
    if (auto id = lookupId(row[static_cast<std::size_t>(key_index)]); id && *id == *wanted) matches->push_back(row);
  }
  return matches;
}

std::string describeValues(const std::vector<Value>& values) {
  return values.size() == 1 ? " = 1 value" : " IN " + std::to_string(values.size()) + " values";
}

// The request a plan asks for, with the values SQLite passed for its arguments (argv order).
schema::ScanRequest requestFor(const ScanPlan& plan, const schema::TableDef& table, int argc, sqlite3_value** argv) {
  auto columnName = [&](int column) -> const std::string& {
    if (column < 0 || static_cast<std::size_t>(column) >= table.columns.size()) {
      throw Error(sqlstate::kGeneralError, "Internal driver error: the scan plan names column " +
                                               std::to_string(column) + " of " + table.name + ".");
    }
    return table.columns[static_cast<std::size_t>(column)].name;
  };
  schema::ScanRequest request;
  for (const ScanPlan::Order& order : plan.order_by) request.order_by.push_back({columnName(order.column), order.descending});
  if (plan.columns_used) {
    request.columns_used.resize(table.columns.size());
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      request.columns_used[i] = (*plan.columns_used >> std::min<std::size_t>(i, 63)) & 1U;  // bit 63: all the rest
    }
  }
  std::int64_t limit = -1;
  std::int64_t offset = 0;
  const std::size_t given = static_cast<std::size_t>(std::max(0, argc));
  for (std::size_t slot = 0; slot < plan.arguments.size() && slot < given; ++slot) {
    const ScanPlan::Argument& argument = plan.arguments[slot];
    sqlite3_value* value = argv[slot];
    switch (argument.kind) {
      case ScanPlan::ArgumentKind::Limit: limit = sqlite3_value_int64(value); break;
      case ScanPlan::ArgumentKind::Offset: offset = std::max<sqlite3_int64>(0, sqlite3_value_int64(value)); break;
      case ScanPlan::ArgumentKind::Compare:
        request.constraints.push_back({columnName(argument.column), argument.op, valueFromSqlite(value)});
        break;
      case ScanPlan::ArgumentKind::Equals:
        request.equals.emplace_back(columnName(argument.column), std::vector<Value>{valueFromSqlite(value)});
        break;
      case ScanPlan::ArgumentKind::InList: {
        std::vector<Value> values;
        sqlite3_value* element = nullptr;
        for (int rc = sqlite3_vtab_in_first(value, &element); rc == SQLITE_OK && element;
             rc = sqlite3_vtab_in_next(value, &element)) {
          values.push_back(valueFromSqlite(element));
        }
        request.equals.emplace_back(columnName(argument.column), std::move(values));
        break;
      }
    }
  }
  if (limit >= 0) request.limit = limit + offset;
  return request;
}

// A cursor about to read `key`'s rows: from the statement's scan cache when they are there.
void startCursor(ApiCursor* cursor, std::string key) {
  SessionState* session = cursor->vtab->session;
  cursor->rowid = 0;
  cursor->scan_serial = ++session->scan_serial;
  cursor->cached = session->scan_cache.find(key);
  cursor->cache_key = std::move(key);
  cursor->recording.clear();
  cursor->recording_overflow = false;
  cursor->cached_index = 0;
  cursor->source.reset();
  cursor->report_serial = session->report_serial;
}

// The plan report: this table's entry, the terms SQLite keeps for itself, what order and limit
// the scan was asked for.
void reportScanStart(ApiCursor* cursor, const ScanPlan& plan, const schema::ScanRequest& request) {
  SessionState* session = cursor->vtab->session;
  const schema::TableDef& table = *cursor->vtab->table;
  if (!session->report.present) return;
  schema::TableReport& entry = session->report.tableEntry(table.schema, table.name);
  cursor->report_index = static_cast<std::size_t>(&entry - session->report.tables.data());
  ++entry.scans;
  for (const ScanPlan::LocalTerm& term : plan.local) {
    if (static_cast<std::size_t>(term.column) < table.columns.size()) {
      schema::addOnce(entry.local, table.columns[static_cast<std::size_t>(term.column)].name + " " +
                                       sqliteOpText(term.sqlite_op));
    }
  }
  if (!request.order_by.empty()) {
    std::string order;
    for (const auto& term : request.order_by) {
      order += (order.empty() ? "" : ", ") + term.column + (term.descending ? " DESC" : "");
    }
    entry.order_by = order;
  }
  if (request.limit) entry.limit = request.limit;
}

// What went to monday: as the table described it, or by column for tables that do not describe
// their requests. A table that kept every term local said so; listing those as pushed would be false.
std::vector<std::string> pushedOf(const schema::ScanNotes& notes, const schema::ScanRequest& request) {
  if (!notes.pushed.empty() || !notes.local.empty()) return notes.pushed;
  std::vector<std::string> pushed;
  for (const auto& [column, values] : request.equals) pushed.push_back(column + describeValues(values));
  for (const auto& constraint : request.constraints) {
    pushed.push_back(constraint.column + " " + std::string(schema::constraintOpText(constraint.op)));
  }
  return pushed;
}

// After an API scan has started: what it pushed and kept, in the plan report.
void reportScanPushed(ApiCursor* cursor, const schema::ScanNotes& notes, const std::vector<std::string>& pushed) {
  schema::TableReport* entry = reportOf(cursor);
  if (!entry) return;
  for (const auto& text : pushed) schema::addOnce(entry->pushed, text);
  for (const auto& text : notes.local) schema::addOnce(entry->local, text);
  if (!notes.method.empty()) schema::addOnce(entry->methods, notes.method);
}

// The planner's log line for one scan (Debug).
void logScan(const ApiCursor* cursor, const schema::ScanNotes& notes, const std::vector<std::string>& pushed_terms,
             const schema::ScanRequest& request) {
  const SessionState* session = cursor->vtab->session;
  const schema::TableDef& table = *cursor->vtab->table;
  std::string pushed;
  for (const auto& text : pushed_terms) pushed += (pushed.empty() ? "" : ", ") + text;
  for (const auto& term : request.order_by) {
    pushed += (pushed.empty() ? "" : ", ") + std::string("order by ") + term.column + (term.descending ? " desc" : "");
  }
  if (request.limit) pushed += (pushed.empty() ? "" : ", ") + std::string("limit ") + std::to_string(*request.limit);
  std::string kept;
  for (const auto& text : notes.local) kept += (kept.empty() ? "" : ", ") + text;
  session->logger->write(log::Level::Debug, "plan",
                         "scan " + table.schema + "." + table.name + " pushed to the API: " +
                             (pushed.empty() ? "nothing (full scan)" : pushed) +
                             (kept.empty() ? "" : "; not pushed: " + kept) +
                             (cursor->cached ? "; answered from this statement's cache" : ""));
}

// xFilter: read the plan, turn it into a request, answer it from the statement's cache or start
// the API scan, report and log what was done, and read the first row.
int filter(sqlite3_vtab_cursor* base, int, const char* idx_str, int argc, sqlite3_value** argv) noexcept {
  auto* cursor = reinterpret_cast<ApiCursor*>(base);
  SessionState* session = cursor->vtab->session;
  const schema::TableDef& table = *cursor->vtab->table;
  cursor->eof = true;  // until advance() finds a row: a failed filter leaves no row behind
  return guardedVtabCall(base->pVtab, *session, [&] {
    const ScanPlan plan = ScanPlan::decode(idx_str ? idx_str : "|");
    const schema::ScanRequest request = requestFor(plan, table, argc, argv);
    startCursor(cursor, scanKey(table, request));
    reportScanStart(cursor, plan, request);

    schema::ScanNotes notes;
    schema::ScanContext context{*session->api, table, &notes, &session->last_report};
    if (!cursor->cached) cursor->cached = answerLookup(cursor, request, context);
    if (cursor->cached) {
      if (schema::TableReport* entry = reportOf(cursor)) ++entry->cache_hits;
    } else {
      const client::ApiUsage before = session->api->usage();
      cursor->source = table.scan(context, request);
      chargeReport(cursor, before);
    }
    const std::vector<std::string> pushed = pushedOf(notes, request);
    if (!cursor->cached) reportScanPushed(cursor, notes, pushed);
    if (session->logger->enabled(log::Level::Debug)) logScan(cursor, notes, pushed, request);
    advance(cursor);
    return SQLITE_OK;
  });
}

int next(sqlite3_vtab_cursor* base) noexcept {
  auto* cursor = reinterpret_cast<ApiCursor*>(base);
  cursor->eof = true;  // until advance() finds a row
  return guardedVtabCall(base->pVtab, *cursor->vtab->session, [&] {
    advance(cursor);
    return SQLITE_OK;
  });
}

int eof(sqlite3_vtab_cursor* base) noexcept { return reinterpret_cast<ApiCursor*>(base)->eof ? 1 : 0; }

int column(sqlite3_vtab_cursor* base, sqlite3_context* context, int index) noexcept {
  auto* cursor = reinterpret_cast<ApiCursor*>(base);
  return guardedVtabCall(base->pVtab, *cursor->vtab->session, [&] {
    resultFromValue(context, cursor->row.at(static_cast<std::size_t>(index)));
    return SQLITE_OK;
  });
}

// SQLite's multi-index OR plan runs one scan per OR branch and drops rows whose rowid it has
// seen: a rowid must name the row, not its position in one scan. The primary key when it is one
// integer column (item ids ...), else a hash of the primary key, else unique per scan and row.
sqlite3_int64 naturalRowid(const ApiCursor& cursor) {
  const schema::TableDef& table = *cursor.vtab->table;
  if (table.primary_key.size() == 1) {
    const int index = table.columnIndex(table.primary_key.front());
    if (index >= 0) {
      if (const auto* id = std::get_if<std::int64_t>(&cursor.row[static_cast<std::size_t>(index)])) return *id;
    }
  }
  if (!table.primary_key.empty()) {
    std::string key;
    for (const auto& column : table.primary_key) {
      const int index = table.columnIndex(column);
      if (index >= 0) cacheKeyAppend(key, cursor.row[static_cast<std::size_t>(index)]);
    }
    std::uint64_t hash = 1469598103934665603ULL;  // FNV-1a
    for (unsigned char c : key) hash = (hash ^ c) * 1099511628211ULL;
    return static_cast<sqlite3_int64>(hash & 0x7fffffffffffffffULL);
  }
  return static_cast<sqlite3_int64>((static_cast<std::uint64_t>(cursor.scan_serial) << 32) |
                                    static_cast<std::uint64_t>(cursor.rowid & 0xffffffff));
}

int rowid(sqlite3_vtab_cursor* base, sqlite3_int64* out) noexcept {
  auto* cursor = reinterpret_cast<ApiCursor*>(base);
  return guardedVtabCall(base->pVtab, *cursor->vtab->session, [&] {
    // UPDATE and DELETE name rows by rowid: a writable table's rows are remembered under theirs.
    // The same row must always get the same rowid: SQLite asks more than once per row during an
    // UPDATE (old and new rowid) and de-duplicates OR plans by it. UPDATE and DELETE name rows by
    // rowid, so a writable table's rows are remembered under theirs.
    *out = naturalRowid(*cursor);
    WriteSession& writes = cursor->vtab->session->writes;
    if (writes.remember_rows && cursor->vtab->table->writes.any()) {
      writes.rememberRow(cursor->vtab->table.get(), *out, cursor->row);
    }
    return SQLITE_OK;
  });
}

// The write path lives in vtab_write.cpp.
int update(sqlite3_vtab* base, int argc, sqlite3_value** argv, sqlite3_int64* rowid_out) noexcept {
  auto* vtab = reinterpret_cast<ApiVtab*>(base);
  return updateApiRow(base, *vtab->session, *vtab->table, argc, argv, rowid_out);
}
int begin(sqlite3_vtab* base) noexcept { return beginApiWrite(base, *reinterpret_cast<ApiVtab*>(base)->session); }
int sync(sqlite3_vtab* base) noexcept { return syncApiWrite(base, *reinterpret_cast<ApiVtab*>(base)->session); }
int commit(sqlite3_vtab* base) noexcept { return commitApiWrite(base, *reinterpret_cast<ApiVtab*>(base)->session); }
int rollback(sqlite3_vtab* base) noexcept { return rollbackApiWrite(base, *reinterpret_cast<ApiVtab*>(base)->session); }

sqlite3_module makeModule() {
  sqlite3_module module{};
  module.iVersion = 1;
  module.xCreate = cCallback(connectTable);
  module.xConnect = cCallback(connectTable);
  module.xBestIndex = cCallback(bestIndex);
  module.xDisconnect = cCallback(disconnectTable);
  module.xDestroy = cCallback(disconnectTable);
  module.xOpen = cCallback(&openCursorOf<ApiVtab, ApiCursor>);
  module.xClose = cCallback(&closeCursorOf<ApiCursor>);
  module.xFilter = cCallback(filter);
  module.xNext = cCallback(next);
  module.xEof = cCallback(eof);
  module.xColumn = cCallback(column);
  module.xRowid = cCallback(rowid);
  module.xUpdate = cCallback(update);
  module.xBegin = cCallback(begin);
  module.xSync = cCallback(sync);
  module.xCommit = cCallback(commit);
  module.xRollback = cCallback(rollback);
  return module;
}

const sqlite3_module kApiModule = makeModule();

}  // namespace

void registerApiModule(SessionState& state) {
  int rc = sqlite3_create_module_v2(state.db, "monday_api", &kApiModule, &state, nullptr);
  if (rc != SQLITE_OK) {
    throw Error(sqlstate::kGeneralError, std::string("Cannot register the API tables: ") + sqlite3_errmsg(state.db));
  }
}

}  // namespace monday::engine
