// The generic SQLite virtual table over a schema::TableDef. xBestIndex decides which WHERE terms
// and LIMIT travel to the API (key columns with = / IN, LIMIT/OFFSET as a page-size hint) and
// prices each plan in API requests, so SQLite prefers plans that call monday less. xFilter turns
// the plan into a ScanRequest; rows stream from the table's RowSource. No constraint is ever
// marked "omit": SQLite re-checks every term, so pushdown can only narrow, never change, results.

#include <sqlite3.h>

#include <cstring>
#include <optional>
#include <sstream>

#include "driver/engine/session_state.h"

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
};

Value fromSqlite(sqlite3_value* value) {
  switch (sqlite3_value_type(value)) {
    case SQLITE_INTEGER: return static_cast<std::int64_t>(sqlite3_value_int64(value));
    case SQLITE_FLOAT: return sqlite3_value_double(value);
    case SQLITE_TEXT:
      return std::string(reinterpret_cast<const char*>(sqlite3_value_text(value)),
                         static_cast<std::size_t>(sqlite3_value_bytes(value)));
    case SQLITE_BLOB: {
      const auto* bytes = static_cast<const unsigned char*>(sqlite3_value_blob(value));
      return Blob{std::vector<unsigned char>(bytes, bytes + sqlite3_value_bytes(value))};
    }
    default: return std::monostate{};
  }
}

std::string quoteIdentifier(const std::string& name) {
  std::string out = "\"";
  for (char c : name) {
    out.push_back(c);
    if (c == '"') out.push_back('"');
  }
  return out + "\"";
}

std::string createTableStatement(const schema::TableDef& table) {
  std::string sql = "CREATE TABLE x(";
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    const auto& column = table.columns[i];
    if (i) sql += ", ";
    sql += quoteIdentifier(column.name) + " " + std::string(declaredTypeName(column.type));
    if (column.size > 0 && (column.type == DataType::Varchar)) sql += "(" + std::to_string(column.size) + ")";
    if (!column.nullable) sql += " NOT NULL";
  }
  return sql + ")";
}

int failWith(sqlite3_vtab* vtab, SessionState* session, const Error& error) {
  session->pending_error = error;
  sqlite3_free(vtab->zErrMsg);
  vtab->zErrMsg = sqlite3_mprintf("%s", error.message().c_str());
  return SQLITE_ERROR;
}

int connectTable(sqlite3* db, void* aux, int argc, const char* const* argv, sqlite3_vtab** out, char** error) {
  auto* session = static_cast<SessionState*>(aux);
  // argv: module name, schema name, table name, then our argument: the TableDef's name.
  std::string wanted = argc > 3 ? argv[3] : argv[2];
  if (wanted.size() >= 2 && (wanted.front() == '"' || wanted.front() == '\'')) {
    wanted = wanted.substr(1, wanted.size() - 2);
  }
  for (const auto& table : session->tables) {
    if (table->name != wanted) continue;
    int rc = sqlite3_declare_vtab(db, createTableStatement(*table).c_str());
    if (rc != SQLITE_OK) return rc;
    auto vtab = std::make_unique<ApiVtab>();
    vtab->session = session;
    vtab->table = table;
    *out = &vtab.release()->base;
    return SQLITE_OK;
  }
  *error = sqlite3_mprintf("no table definition named %s", wanted.c_str());
  return SQLITE_ERROR;
}

int disconnectTable(sqlite3_vtab* vtab) {
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

// Plan tokens in idxStr, one per argv slot: "E<col>" equality, "I<col>" IN list (all values at
// once), "C<col>:<op>" another operator (schema::ConstraintOp as a number), "L" limit, "O"
// offset; separated by ','.
int bestIndex(sqlite3_vtab* base, sqlite3_index_info* info) {
  auto* vtab = reinterpret_cast<ApiVtab*>(base);
  const schema::TableDef& table = *vtab->table;
  schema::ScanShape shape;
  std::string plan;
  int argv_index = 0;
  int limit_constraint = -1;
  int offset_constraint = -1;
  bool unique = false;
  auto addToken = [&](const std::string& token, int constraint) {
    info->aConstraintUsage[constraint].argvIndex = ++argv_index;
    info->aConstraintUsage[constraint].omit = 0;  // SQLite re-checks: pushdown only narrows
    if (!plan.empty()) plan.push_back(',');
    plan += token;
  };

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
    const std::string& column = table.columns[static_cast<std::size_t>(constraint.iColumn)].name;
    const schema::KeyColumn* key = keyFor(table, column);
    if (!key) continue;
    if (constraint.op == SQLITE_INDEX_CONSTRAINT_EQ) {
      if (!key->accepts(schema::ConstraintOp::Eq) || shape.constrains(column)) continue;
      const bool is_in = sqlite3_vtab_in(info, i, -1) != 0;
      if (is_in && key->accepts_in) sqlite3_vtab_in(info, i, 1);
      addToken((is_in && key->accepts_in ? "I" : "E") + std::to_string(constraint.iColumn), i);
      shape.constrained.push_back(column);
      shape.in_list_sizes.push_back(is_in ? 10 : 1);  // IN list lengths are unknown when planning
      if (!is_in && table.primary_key.size() == 1 && table.primary_key.front() == column) unique = true;
      continue;
    }
    auto op = otherOp(constraint.op);
    if (!op || !key->accepts(*op)) continue;
    bool duplicate = false;
    for (const auto& [name, existing] : shape.other) duplicate = duplicate || (name == column && existing == *op);
    if (duplicate) continue;
    addToken("C" + std::to_string(constraint.iColumn) + ":" + std::to_string(static_cast<int>(*op)), i);
    shape.other.emplace_back(column, *op);
  }

  // LIMIT/OFFSET reach us only when SQLite could push them (one table, every term given to us).
  if (limit_constraint >= 0) {
    addToken("L", limit_constraint);
    sqlite3_value* value = nullptr;
    if (sqlite3_vtab_rhs_value(info, limit_constraint, &value) == SQLITE_OK && value) {
      shape.limit = sqlite3_value_int64(value);
    } else {
      shape.limit = 100;
    }
    if (offset_constraint >= 0) {
      addToken("O", offset_constraint);
      if (sqlite3_vtab_rhs_value(info, offset_constraint, &value) == SQLITE_OK && value) {
        *shape.limit += sqlite3_value_int64(value);
      }
    }
  }

  schema::ScanEstimate estimate = table.estimate ? table.estimate(shape) : schema::ScanEstimate{};
  // One request is worth a thousand rows of local work: a plan that calls monday less wins.
  info->estimatedCost = estimate.requests * 1000.0 + estimate.rows;
  info->estimatedRows = static_cast<sqlite3_int64>(std::max(1.0, estimate.rows));
  if (unique) info->idxFlags |= SQLITE_INDEX_SCAN_UNIQUE;
  info->idxStr = sqlite3_mprintf("%s", plan.c_str());
  info->needToFreeIdxStr = 1;
  return SQLITE_OK;
}

int openCursor(sqlite3_vtab* base, sqlite3_vtab_cursor** out) {
  auto cursor = std::make_unique<ApiCursor>();
  cursor->vtab = reinterpret_cast<ApiVtab*>(base);
  *out = &cursor.release()->base;
  return SQLITE_OK;
}

int closeCursor(sqlite3_vtab_cursor* base) {
  delete reinterpret_cast<ApiCursor*>(base);
  return SQLITE_OK;
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
  const schema::RowView* view = cursor->source->next();
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
  cursor->eof = false;
  ++cursor->rowid;
  if (!cursor->recording_overflow) {
    if (cursor->recording.size() < ScanCache::kMaxRowsPerEntry) {
      cursor->recording.push_back(cursor->row);
    } else {
      cursor->recording_overflow = true;
      cursor->recording.clear();
    }
  }
}

int filter(sqlite3_vtab_cursor* base, int, const char* idx_str, int argc, sqlite3_value** argv) {
  auto* cursor = reinterpret_cast<ApiCursor*>(base);
  ApiVtab* vtab = cursor->vtab;
  SessionState* session = vtab->session;
  const schema::TableDef& table = *vtab->table;
  try {
    schema::ScanRequest request;
    std::int64_t limit = -1;
    std::int64_t offset = 0;
    std::string plan = idx_str ? idx_str : "";
    std::stringstream tokens(plan);
    std::string token;
    int slot = 0;
    while (std::getline(tokens, token, ',') && slot < argc) {
      sqlite3_value* argument = argv[slot++];
      if (token == "L") {
        limit = sqlite3_value_int64(argument);
      } else if (token == "O") {
        offset = std::max<sqlite3_int64>(0, sqlite3_value_int64(argument));
      } else if (token[0] == 'C') {
        const auto colon = token.find(':');
        const std::size_t column = std::stoul(token.substr(1, colon - 1));
        const auto op = static_cast<schema::ConstraintOp>(std::stoi(token.substr(colon + 1)));
        request.constraints.push_back({table.columns[column].name, op, fromSqlite(argument)});
      } else {
        const std::size_t column = std::stoul(token.substr(1));
        std::vector<Value> values;
        if (token[0] == 'I') {
          sqlite3_value* element = nullptr;
          for (int rc = sqlite3_vtab_in_first(argument, &element); rc == SQLITE_OK && element;
               rc = sqlite3_vtab_in_next(argument, &element)) {
            values.push_back(fromSqlite(element));
          }
        } else {
          values.push_back(fromSqlite(argument));
        }
        request.equals.emplace_back(table.columns[column].name, std::move(values));
      }
    }
    if (limit >= 0) request.limit = limit + offset;

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

    cursor->rowid = 0;
    cursor->cache_key = key;
    cursor->recording.clear();
    cursor->recording_overflow = false;
    cursor->cached = session->scan_cache.find(key);
    cursor->cached_index = 0;
    cursor->source.reset();
    if (session->logger->enabled(log::Level::Debug)) {
      std::string pushed;
      for (const auto& [column, values] : request.equals) {
        pushed += (pushed.empty() ? "" : ", ") + column + (values.size() == 1 ? " = 1 value" : " IN " + std::to_string(values.size()) + " values");
      }
      for (const auto& constraint : request.constraints) {
        pushed += (pushed.empty() ? "" : ", ") + constraint.column + " " + std::string(schema::constraintOpText(constraint.op));
      }
      if (request.limit) pushed += (pushed.empty() ? "" : ", ") + std::string("limit ") + std::to_string(*request.limit);
      session->logger->write(log::Level::Debug, "plan",
                             "scan " + table.name + " pushed to the API: " + (pushed.empty() ? "nothing (full scan)" : pushed) +
                                 (cursor->cached ? "; answered from this statement's cache" : ""));
    }
    if (!cursor->cached) {
      schema::ScanContext context{*session->api, table};
      cursor->source = table.scan(context, request);
    }
    advance(cursor);
    return SQLITE_OK;
  } catch (const Error& error) {
    cursor->eof = true;
    return failWith(base->pVtab, session, error);
  } catch (const std::exception& error) {
    cursor->eof = true;
    return failWith(base->pVtab, session, Error(sqlstate::kGeneralError, error.what()));
  }
}

int next(sqlite3_vtab_cursor* base) {
  auto* cursor = reinterpret_cast<ApiCursor*>(base);
  try {
    advance(cursor);
    return SQLITE_OK;
  } catch (const Error& error) {
    cursor->eof = true;
    return failWith(base->pVtab, cursor->vtab->session, error);
  } catch (const std::exception& error) {
    cursor->eof = true;
    return failWith(base->pVtab, cursor->vtab->session, Error(sqlstate::kGeneralError, error.what()));
  }
}

int eof(sqlite3_vtab_cursor* base) { return reinterpret_cast<ApiCursor*>(base)->eof ? 1 : 0; }

int column(sqlite3_vtab_cursor* base, sqlite3_context* context, int index) {
  auto* cursor = reinterpret_cast<ApiCursor*>(base);
  const Value& value = cursor->row.at(static_cast<std::size_t>(index));
  std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) sqlite3_result_null(context);
        else if constexpr (std::is_same_v<T, std::int64_t>) sqlite3_result_int64(context, v);
        else if constexpr (std::is_same_v<T, double>) sqlite3_result_double(context, v);
        else if constexpr (std::is_same_v<T, std::string>)
          sqlite3_result_text64(context, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
        else sqlite3_result_blob64(context, v.bytes.data(), v.bytes.size(), SQLITE_TRANSIENT);
      },
      value);
  return SQLITE_OK;
}

int rowid(sqlite3_vtab_cursor* base, sqlite3_int64* out) {
  *out = reinterpret_cast<ApiCursor*>(base)->rowid;
  return SQLITE_OK;
}

sqlite3_module makeModule() {
  sqlite3_module module{};
  module.iVersion = 1;
  module.xCreate = connectTable;
  module.xConnect = connectTable;
  module.xBestIndex = bestIndex;
  module.xDisconnect = disconnectTable;
  module.xDestroy = disconnectTable;
  module.xOpen = openCursor;
  module.xClose = closeCursor;
  module.xFilter = filter;
  module.xNext = next;
  module.xEof = eof;
  module.xColumn = column;
  module.xRowid = rowid;
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
