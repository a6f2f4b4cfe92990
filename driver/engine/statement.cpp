#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <set>

#include "driver/engine/board_tables.h"
#include "driver/engine/expression_types.h"
#include "driver/engine/plan_report.h"
#include "driver/engine/session.h"
#include "driver/engine/parameter_types.h"
#include "driver/engine/session_state.h"
#include "driver/engine/transactions.h"
#include "procedures/registry.h"

namespace monday::engine {

namespace {

// SQLite's messages are good but generic; give them the SQLSTATE and a hint a person can use.
Error sqlError(sqlite3* db, int rc, SessionState& state) {
  if (state.pending_error) {
    Error error = *state.pending_error;
    state.pending_error.reset();
    return error;
  }
  const std::string message = sqlite3_errmsg(db);
  const int primary = rc & 0xff;
  if (primary == SQLITE_INTERRUPT) return Error(sqlstate::kOperationCanceled, "The statement was cancelled.");
  if (message.rfind("no such table: ", 0) == 0) {
    return Error(sqlstate::kTableNotFound,
                 "Table " + message.substr(15) +
                     " does not exist. SQLTables (or the README's table list) shows the tables this "
                     "connection offers, e.g. Boards, Items, Users, and every board as "
                     "boards.\"<board name>\".");
  }
  if (message.rfind("no such column: ", 0) == 0) {
    return Error(sqlstate::kColumnNotFound,
                 "Column " + message.substr(16) + " does not exist. SQLColumns lists each table's columns.");
  }
  if (message.find("may not be modified") != std::string::npos) {
    return Error(sqlstate::kOptionalFeatureNotImplemented,
                 "This table cannot be changed (" + message + "). Tables that can be changed: " +
                     writableTablesText(state) + ".");
  }
  if (message.find("syntax error") != std::string::npos || message.rfind("near ", 0) == 0 ||
      message.find("incomplete input") != std::string::npos || message.find("no such function") != std::string::npos ||
      message.find("wrong number of arguments") != std::string::npos || message.find("ambiguous") != std::string::npos) {
    return Error(sqlstate::kSyntaxErrorOrAccessViolation, "SQL error: " + message + ".");
  }
  if (primary == SQLITE_CONSTRAINT) return Error(sqlstate::kIntegrityViolation, message);
  if (primary == SQLITE_LOCKED) {
    // DROP TABLE (or ALTER) on a local table that an open cursor of this connection still reads.
    return Error(sqlstate::kGeneralError,
                 "The table is still being read by an open cursor of this connection (" + message +
                     "). Close that cursor (SQLCloseCursor, SQLFreeStmt with SQL_CLOSE, or fetch to the end) "
                     "before dropping or altering the table.");
  }
  if (primary == SQLITE_NOMEM) return Error(sqlstate::kMemoryAllocation, "Out of memory.");
  if (primary == SQLITE_TOOBIG) return Error(sqlstate::kStringRightTruncated, message);
  return Error(sqlstate::kSyntaxErrorOrAccessViolation, "SQL error: " + message + ".");
}

// Text bound where a number belongs, as that number; 22018 when it is not one.
Value numberFromText(const std::string& text, std::size_t index) {
  std::string_view trimmed = text;
  while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.front()))) trimmed.remove_prefix(1);
  while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.back()))) trimmed.remove_suffix(1);
  std::int64_t integer = 0;
  const char* begin = trimmed.data();
  const char* end = begin + trimmed.size();
  if (!trimmed.empty() && *begin == '+') ++begin;
  if (auto [stop, ec] = std::from_chars(begin, end, integer); ec == std::errc() && stop == end && begin != end) {
    return integer;
  }
  double real = 0;
  if (auto [stop, ec] = std::from_chars(begin, end, real); ec == std::errc() && stop == end && begin != end &&
                                                          std::isfinite(real)) {
    return real;
  }
  throw Error(sqlstate::kInvalidCharacterValue,
              "Invalid character value for cast specification: parameter " + std::to_string(index) +
                  " is compared with or stored as a number, and '" + text.substr(0, 40) +
                  (text.size() > 40 ? "...'" : "'") + " is not a number.");
}

// Waits shorter than this go unmentioned: a second or two is normal paging.
constexpr std::chrono::milliseconds kNoticeableWait{3000};

std::int64_t declaredSize(const char* declared) {
  if (!declared) return 0;
  const char* open = std::strchr(declared, '(');
  return open ? std::atoll(open + 1) : 0;
}

std::optional<DataType> declaredTypeOf(sqlite3* db, const std::string& database, const std::string& table,
                                       const std::string& column) {
  const char* declared = nullptr;
  if (sqlite3_table_column_metadata(db, database.c_str(), table.c_str(), column.c_str(), &declared, nullptr, nullptr,
                                    nullptr, nullptr) != SQLITE_OK ||
      declared == nullptr) {
    return std::nullopt;
  }
  return parseDeclaredType(declared);
}

bool sameName(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// Each marker's type from its context, looked up in what the authorizer saw the statement touch.
std::vector<std::optional<DataType>> typeParameters(SessionState& state, std::string_view sql_text) {
  const auto& access = state.prepared_access;
  ParameterTypeLookup lookup;
  lookup.column = [&](std::string_view qualifier, std::string_view column) -> std::optional<DataType> {
    bool qualifier_names_a_table = false;
    for (const auto& a : access) qualifier_names_a_table = qualifier_names_a_table || sameName(a.table, qualifier);
    std::optional<DataType> found;
    std::set<std::pair<std::string, std::string>> tried;
    for (const auto& a : access) {
      if (qualifier_names_a_table && !sameName(a.table, qualifier)) continue;
      // Columns the statement reads or sets by name, and every column of the table it inserts into.
      if (!a.column.empty() && !sameName(a.column, column)) continue;
      if (!tried.insert({a.database, a.table}).second) continue;
      auto type = declaredTypeOf(state.db, a.database, a.table, std::string(column));
      if (!type) continue;
      if (found && *found != *type) return std::nullopt;  // two tables disagree: say nothing
      found = type;
    }
    return found;
  };
  lookup.insert_target_columns = [&]() {
    std::vector<std::string> names;
    for (const auto& a : access) {
      if (!a.column.empty()) continue;
      sqlite3_stmt* info = nullptr;
      const std::string pragma = "PRAGMA " + sql::quoteIdentifier(a.database) + ".table_info(" +
                                 sql::quoteIdentifier(a.table) + ")";
      if (sqlite3_prepare_v2(state.db, pragma.c_str(), -1, &info, nullptr) != SQLITE_OK) continue;
      while (sqlite3_step(info) == SQLITE_ROW) names.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(info, 1)));
      sqlite3_finalize(info);
      break;
    }
    return names;
  };
  lookup.function_argument = [](std::string_view function, std::size_t argument) -> std::optional<DataType> {
    auto procedure = procedures::findProcedure(function);
    if (!procedure || argument >= procedure->parameters.size()) return std::nullopt;
    return procedure->parameters[argument].type;
  };
  return inferParameterTypes(sql::tokenize(sql_text), lookup);
}

}  // namespace

struct Statement::Impl {
  SessionState* state = nullptr;
  sqlite3_stmt* stmt = nullptr;  // the one that runs: local_stmt, or pushed_stmt when monday aggregates
  sqlite3_stmt* local_stmt = nullptr;   // the statement as the application wrote it
  sqlite3_stmt* pushed_stmt = nullptr;  // an aggregate rewritten over monday_aggregate (aggregate_pushdown.h)
  long long aggregate_plan = 0;
  std::vector<ResultColumn> columns;
  std::vector<bool> inferred;  // column type was guessed (no declared type)
  std::vector<Value> row;
  bool first_row_buffered = false;
  bool done = true;
  bool executed = false;
  std::int64_t max_rows = 0;
  std::int64_t delivered = 0;
  std::int64_t changes = -1;
  std::string sql;             // as the application gave it, for sys_last_query
  TransactionVerb transaction_verb = TransactionVerb::None;  // BEGIN / COMMIT / ROLLBACK statements
  std::vector<std::optional<DataType>> parameter_types;     // per marker, from its context
  client::ApiUsage usage_at_execute;                         // for the waits this run made
  std::chrono::milliseconds wait_reported{0};

  // A run that waited for monday's limits longer than people notice says so (01000), and how
  // long and why, instead of looking hung or slow for no reason.
  void noteLongWaits() {
    const client::ApiUsage now = state->api->usage();
    const auto waited = now.waited - usage_at_execute.waited;
    if (waited - wait_reported < kNoticeableWait) return;
    const auto budget = now.budget_waited - usage_at_execute.budget_waited;
    const auto other = waited - budget;
    auto seconds = [](std::chrono::milliseconds d) {
      char text[32];
      std::snprintf(text, sizeof text, "%.1f", static_cast<double>(d.count()) / 1000.0);
      return std::string(text);
    };
    std::string why;
    if (budget.count() > 0) why += seconds(budget) + " s so as not to exhaust the per-minute complexity budget";
    if (other.count() > 0) {
      why += std::string(why.empty() ? "" : ", ") + seconds(other) + " s for limit answers (429/423) and retries";
    }
    const std::string text = "This statement waited " + seconds(waited) + " s for monday's API limits (" + why +
                             "). sys_api_usage shows the budget; fewer columns or a narrower WHERE cost less.";
    state->warnings.add(text);
    state->logger->write(log::Level::Info, "wait", text);
    wait_reported = waited;
  }
  long long report_serial = 0;  // the plan report this statement runs under (plan_report.h)
  bool report_fresh = false;    // prepared, not executed yet: the report is prepare's

  ~Impl() {
    if (pushed_stmt) sqlite3_finalize(pushed_stmt);
    if (local_stmt) sqlite3_finalize(local_stmt);
    if (aggregate_plan) forgetAggregate(*state, aggregate_plan);
  }

  // The statement an execution starts with: the pushed aggregate unless it is off.
  void chooseStatement() {
    sqlite3_reset(local_stmt);
    if (pushed_stmt) sqlite3_reset(pushed_stmt);
    stmt = pushed_stmt ? pushed_stmt : local_stmt;
  }

  // After the first step of a pushed aggregate: when monday could not answer it exactly (its
  // group_by limit would cut groups), the statement runs as written. Returns the step's result.
  bool fallBackIfNeeded(bool stepped) {
    if (stmt != pushed_stmt || !aggregateFellBack(*state, aggregate_plan)) return stepped;
    sqlite3_reset(pushed_stmt);
    stmt = local_stmt;
    done = false;
    return step();
  }

  // Column metadata right after prepare. Declared types come from the tables; expressions get a
  // type from their shape in the SQL text, and only the ones that say nothing stay "unknown"
  // (reported as text) until the first row shows their storage class (DESIGN decision 6).
  void describe(std::string_view statement_text) {
    const int count = sqlite3_column_count(stmt);
    columns.clear();
    inferred.clear();
    std::vector<std::optional<DataType>> shapes = inferSelectListTypes(statement_text);
    if (shapes.size() != static_cast<std::size_t>(count)) shapes.assign(static_cast<std::size_t>(count), std::nullopt);
    for (int i = 0; i < count; ++i) {
      ResultColumn column;
      column.name = sqlite3_column_name(stmt, i) ? sqlite3_column_name(stmt, i) : "";
      const char* declared = sqlite3_column_decltype(stmt, i);
      auto type = declared ? parseDeclaredType(declared) : std::nullopt;
      if (!type) type = shapes[static_cast<std::size_t>(i)];
      column.type = type.value_or(DataType::Varchar);
      column.size = declaredSize(declared);
      column.nullable = Nullability::Unknown;
      inferred.push_back(!type.has_value());
      if (const char* table = sqlite3_column_table_name(stmt, i)) {
        column.base_table = table;
        column.base_column = sqlite3_column_origin_name(stmt, i) ? sqlite3_column_origin_name(stmt, i) : "";
        column.schema_name = sqlite3_column_database_name(stmt, i) ? sqlite3_column_database_name(stmt, i) : "";
        if (const auto* def = state->findTable(column.schema_name, column.base_table)) {
          if (const auto* source = def->column(column.base_column)) {
            column.nullable = source->nullable ? Nullability::Nullable : Nullability::NoNulls;
            if (column.size == 0) column.size = source->size;
          }
        }
      }
      if (column.size == 0) column.size = defaultColumnSize(column.type);
      columns.push_back(std::move(column));
    }
  }

  void readRow() {
    const int count = sqlite3_column_count(stmt);
    row.resize(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
      switch (sqlite3_column_type(stmt, i)) {
        case SQLITE_INTEGER: row[i] = static_cast<std::int64_t>(sqlite3_column_int64(stmt, i)); break;
        case SQLITE_FLOAT: row[i] = sqlite3_column_double(stmt, i); break;
        case SQLITE_TEXT:
          row[i] = std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, i)),
                               static_cast<std::size_t>(sqlite3_column_bytes(stmt, i)));
          break;
        case SQLITE_BLOB: {
          const auto* bytes = static_cast<const unsigned char*>(sqlite3_column_blob(stmt, i));
          row[i] = Blob{std::vector<unsigned char>(bytes, bytes + sqlite3_column_bytes(stmt, i))};
          break;
        }
        default: row[i] = std::monostate{};
      }
    }
  }

  // Steps once; true with a row in `row`, false when done. Throws monday::Error.
  bool step() {
    state->pending_error.reset();
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
      readRow();
      return true;
    }
    done = true;
    if (rc == SQLITE_DONE) return false;
    Error error = sqlError(state->db, rc, *state);
    sqlite3_reset(stmt);
    throw error;
  }

  // With the first row in hand, expression columns get the type their value really has.
  void refineInferredTypes() {
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (!inferred[i]) continue;
      if (std::holds_alternative<std::int64_t>(row[i])) columns[i].type = DataType::BigInt;
      else if (std::holds_alternative<double>(row[i])) columns[i].type = DataType::Double;
      else continue;
      columns[i].size = defaultColumnSize(columns[i].type);
      inferred[i] = false;
    }
  }
};

Statement::Statement(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Statement::~Statement() = default;

std::size_t Statement::parameterCount() const {
  return static_cast<std::size_t>(sqlite3_bind_parameter_count(impl_->stmt));
}

std::optional<DataType> Statement::parameterType(std::size_t index) const {
  if (index == 0 || index > impl_->parameter_types.size()) return std::nullopt;
  return impl_->parameter_types[index - 1];
}

void Statement::bind(std::size_t index, const Value& given) {
  sqlite3_stmt* stmt = impl_->stmt;
  // `1 = ?` with '1' bound as text: SQLite would compare text with a number and find them
  // different; SQL reads the text as the number the context calls for.
  Value numeric;
  const Value* chosen = &given;
  if (const auto* text = std::get_if<std::string>(&given)) {
    if (auto type = parameterType(index); type && isNumericType(*type)) {
      numeric = numberFromText(*text, index);
      chosen = &numeric;
    }
  }
  const Value& value = *chosen;
  // SQLite refuses new values for a statement stepped since its last reset, even one that ran to
  // the end; bound values survive a reset, and a reset of a reset statement costs nothing.
  sqlite3_reset(stmt);
  const int position = static_cast<int>(index);
  int rc = std::visit(
      [&](const auto& v) -> int {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) return sqlite3_bind_null(stmt, position);
        else if constexpr (std::is_same_v<T, std::int64_t>) return sqlite3_bind_int64(stmt, position, v);
        else if constexpr (std::is_same_v<T, double>) return sqlite3_bind_double(stmt, position, v);
        else if constexpr (std::is_same_v<T, std::string>)
          return sqlite3_bind_text64(stmt, position, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
        else return sqlite3_bind_blob64(stmt, position, v.bytes.data(), v.bytes.size(), SQLITE_TRANSIENT);
      },
      value);
  if (rc == SQLITE_RANGE) {
    throw Error(sqlstate::kInvalidDescriptorIndex,
                "Parameter " + std::to_string(index) + " does not exist; the statement has " +
                    std::to_string(parameterCount()) + " parameter markers.");
  }
  if (rc != SQLITE_OK) throw Error(sqlstate::kGeneralError, sqlite3_errmsg(impl_->state->db));
}

void Statement::execute() {
  Impl& s = *impl_;
  s.chooseStatement();
  s.state->scan_cache.clear();
  // The first run after prepare continues the report prepare started (its metadata look-ups
  // count); every later run is a statement of its own.
  if (!s.report_fresh || s.state->report_serial != s.report_serial) s.report_serial = startReport(*s.state, s.sql);
  s.report_fresh = false;
  s.state->writes.forgetRows();
  if (!s.state->writes.parameter_array) {  // executeSets counts the waits of all its sets
    s.state->warnings.clear();
    s.usage_at_execute = s.state->api->usage();
    s.wait_reported = std::chrono::milliseconds(0);
  }
  s.state->writes.remember_rows = !sqlite3_stmt_readonly(s.stmt);
  s.state->api->resetCancel();
  if (s.state->audit_rest) s.state->audit_rest->resetCancel();
  s.first_row_buffered = false;
  s.done = false;
  s.delivered = 0;
  s.changes = -1;
  s.executed = true;
  SessionState& state = *s.state;
  beginStatement(state, !sqlite3_stmt_readonly(s.stmt));
  if (s.columns.empty()) {
    // Not a query: run it to completion now.
    const bool settles = !state.writes.parameter_array;  // executeSets settles all sets at once
    try {
      while (s.step()) {
      }
    } catch (...) {
      if (settles) settleStatement(state, false);
      throw;
    }
    s.changes = sqlite3_changes64(state.db);
    if (settles) settleStatement(state, true);
    if (MutationBatch* batch = state.writes.finished()) {
      // Bulk jobs: the rows a job could not change were passed to it, but not changed.
      auto report = batch->takeJobReport();
      s.changes -= static_cast<std::int64_t>(std::min<std::size_t>(report.rows_unchanged, static_cast<std::size_t>(s.changes)));
      for (auto& note : report.notes) state.warnings.add(std::move(note));
    }
    afterTransactionControl(state, s.transaction_verb);
    return;
  }
  if (s.fallBackIfNeeded(s.step())) {
    s.first_row_buffered = true;
    s.refineInferredTypes();
  }
}

std::int64_t Statement::rowCount() const { return impl_->changes; }

std::vector<Statement::SetOutcome> Statement::executeSets(std::size_t sets,
                                                          const std::function<bool(std::size_t)>& bind_set) {
  using Status = SetOutcome::Status;
  SessionState& state = *impl_->state;
  WriteSession& writes = state.writes;
  std::vector<SetOutcome> outcomes(sets);
  writes.clearFinished();
  writes.send_failed = false;
  state.warnings.clear();
  impl_->usage_at_execute = state.api->usage();
  impl_->wait_reported = std::chrono::milliseconds(0);
  writes.parameter_array = true;
  struct UnitGuard {
    WriteSession& writes;
    ~UnitGuard() {
      writes.parameter_array = false;
      writes.current_group = 0;
    }
  } guard{writes};

  // One transaction around every set: the virtual tables queue rows until COMMIT (xSync), so the
  // sets share requests. A request that fills up is sent at once.
  auto run = [&](const char* sql) { return sqlite3_exec(state.db, sql, nullptr, nullptr, nullptr); };
  beginStatement(state, !sqlite3_stmt_readonly(impl_->stmt));  // manual-commit: the unit joins its transaction
  const bool own_transaction = sqlite3_get_autocommit(state.db) != 0;
  if (own_transaction && run("BEGIN") != SQLITE_OK) throw Error(sqlstate::kGeneralError, sqlite3_errmsg(state.db));
  for (std::size_t i = 0; i < sets && !writes.send_failed; ++i) {
    SetOutcome& outcome = outcomes[i];
    try {
      if (!bind_set(i)) {
        outcome.status = Status::Skipped;
        continue;
      }
      writes.current_group = i;
      execute();
      outcome.status = Status::Success;
      outcome.rows = rowCount();
    } catch (const Error& error) {
      outcome.status = Status::Error;
      outcome.error = error;
      // A set that failed before its rows were sent leaves nothing behind.
      if (!writes.send_failed) {
        if (MutationBatch* batch = writes.batch()) batch->dropQueuedOfGroup(i);
      }
    }
  }
  std::optional<Error> end_error;
  if (!own_transaction) {
    // Inside the application's transaction: the sets' rows go to monday now, as they would at
    // the end of the unit in autocommit mode (a change to monday cannot wait for SQLEndTran).
    try {
      settleStatement(state, !writes.send_failed);
    } catch (const Error& error) {
      end_error = error;
    }
  } else {
    if (writes.send_failed) {
      run("ROLLBACK");  // after a failed request nothing more is sent
    } else if (state.pending_error.reset(); run("COMMIT") != SQLITE_OK) {
      end_error = state.pending_error ? *state.pending_error : Error(sqlstate::kGeneralError, sqlite3_errmsg(state.db));
      state.pending_error.reset();
      if (sqlite3_get_autocommit(state.db) == 0) run("ROLLBACK");
    }
  }

  // What monday applied, set by set, from the batch's journal.
  const MutationBatch* batch = writes.finished();
  if (!batch) {
    if (end_error) throw *end_error;
    return outcomes;
  }
  const std::vector<long long> applied = batch->appliedPerGroup(sets);
  std::vector<RowFate> worst(sets, RowFate::Applied);
  for (const auto& row : batch->rows()) {
    if (row.group >= sets || row.fate == RowFate::Applied) continue;
    if (worst[row.group] == RowFate::Applied || row.fate == RowFate::Unknown) worst[row.group] = row.fate;
  }
  // The error that describes the failed request: the set whose row sent it, or the COMMIT.
  std::optional<Error> request_error = end_error;
  for (std::size_t i = 0; !request_error && i < sets; ++i) {
    if (outcomes[i].status == Status::Error && worst[i] != RowFate::Applied) request_error = outcomes[i].error;
  }
  bool first = true;
  for (std::size_t i = 0; i < sets; ++i) {
    SetOutcome& outcome = outcomes[i];
    if (outcome.status != Status::Success && outcome.status != Status::Error) continue;
    if (outcome.status == Status::Success) outcome.rows = applied[i];
    if (worst[i] == RowFate::Applied) continue;
    if (worst[i] == RowFate::Dropped || worst[i] == RowFate::Queued) {
      if (outcome.status == Status::Success) outcome.status = Status::NotRun;  // never sent
      continue;
    }
    outcome.status = Status::Error;
    outcome.rows = applied[i];
    if (first && request_error) {
      outcome.error = request_error;
    } else if (!outcome.error || first) {
      const Error& cause = request_error ? *request_error : Error(sqlstate::kGeneralError, "monday did not apply it.");
      outcome.error = Error(cause.state(),
                            "Parameter set " + std::to_string(i + 1) + " was " +
                                (worst[i] == RowFate::Unknown ? "in the request that may or may not have been applied"
                                                              : "not applied by monday") +
                                "; see the first error of this statement.",
                            cause.nativeCode());
    }
    first = false;
  }
  return outcomes;
}

void Statement::setMaxRows(std::int64_t max_rows) { impl_->max_rows = max_rows; }

void Statement::close() {
  impl_->chooseStatement();
  impl_->done = true;
  impl_->first_row_buffered = false;
}

const std::vector<ResultColumn>& Statement::columns() const { return impl_->columns; }

bool Statement::next() {
  Impl& s = *impl_;
  if (!s.executed) throw Error(sqlstate::kInvalidCursorState, "The statement has not been executed.");
  if (s.max_rows > 0 && s.delivered >= s.max_rows) return false;
  if (s.first_row_buffered) {
    s.first_row_buffered = false;
    ++s.delivered;
    return true;
  }
  if (s.done) return false;
  if (!s.step()) return false;
  ++s.delivered;
  return true;
}

const Value& Statement::value(std::size_t index) const { return impl_->row.at(index); }

std::vector<std::string> Statement::takeWarnings() {
  impl_->noteLongWaits();
  return impl_->state->warnings.take();
}

std::unique_ptr<Statement> Session::prepare(std::string_view original_sql) {
  // EXEC / CALL / {call} become a SELECT over the procedure (procedure_module.cpp).
  const std::string rewritten = rewriteProcedureCalls(original_sql);
  const std::string_view sql = rewritten;
  SessionState& state = *state_;
  auto impl = std::make_unique<Statement::Impl>();
  impl->state = &state;
  impl->sql = std::string(original_sql);
  impl->report_serial = startReport(state, impl->sql);
  impl->report_fresh = true;
  // A cancel (SQLCancel) belongs to the statement it interrupted; the look-ups this prepare may
  // send start fresh.
  state.api->resetCancel();
  if (state.audit_rest) state.audit_rest->resetCancel();
  if (state.settings.metadata_cache_ttl_seconds > 0) refreshBoardTablesIfStale(state);
  const char* tail = nullptr;
  state.pending_error.reset();
  state.prepared_transaction_verb = TransactionVerb::None;  // the authorizer sets it
  int rc = SQLITE_OK;
  // A board table is created the first time a statement names it (board_tables.h): prepare,
  // create what SQLite reports missing, prepare again.
  struct AccessRecording {
    SessionState& state;
    ~AccessRecording() { state.recording_access = false; }
  } recording{state};
  for (int created = 0;; ++created) {
    state.prepared_access.clear();
    state.recording_access = true;
    rc = sqlite3_prepare_v3(state.db, sql.data(), static_cast<int>(sql.size()), 0, &impl->stmt, &tail);
    state.recording_access = false;
    if (rc == SQLITE_OK) break;
    const std::string message = sqlite3_errmsg(state.db);
    Error error = sqlError(state.db, rc, state);  // before createBoardTable runs SQL of its own
    constexpr std::string_view kNoSuchTable = "no such table: ";
    if (created >= 64 || message.rfind(kNoSuchTable, 0) != 0 ||
        !createBoardTable(state, message.substr(kNoSuchTable.size()))) {
      throw error;
    }
  }
  impl->local_stmt = impl->stmt;  // ~Impl finalizes it, whatever is thrown below
  if (!impl->stmt) throw Error(sqlstate::kSyntaxErrorOrAccessViolation, "The SQL statement is empty.");
  // One statement per call, as ODBC expects; trailing blanks and semicolons are fine.
  for (const char* p = tail; p && p < sql.data() + sql.size(); ++p) {
    if (!std::isspace(static_cast<unsigned char>(*p)) && *p != ';') {
      throw Error(sqlstate::kSyntaxErrorOrAccessViolation,
                  "Only one SQL statement can be run at a time; split the text after the first ';'.");
    }
  }
  impl->transaction_verb = state.prepared_transaction_verb;
  if (sqlite3_bind_parameter_count(impl->stmt) > 0) impl->parameter_types = typeParameters(state, sql);
  impl->describe(sql);
  // An aggregate monday can compute runs as one aggregate request instead of a full read; the
  // statement keeps its own description (names, types) and falls back to itself when needed.
  if (auto pushed = pushAggregate(state, sql, impl->local_stmt)) {
    impl->aggregate_plan = pushed->plan_id;
    sqlite3_stmt* pushed_stmt = nullptr;
    if (sqlite3_prepare_v3(state.db, pushed->sql.c_str(), -1, 0, &pushed_stmt, nullptr) == SQLITE_OK && pushed_stmt &&
        sqlite3_column_count(pushed_stmt) == sqlite3_column_count(impl->local_stmt)) {
      impl->pushed_stmt = pushed_stmt;
      impl->stmt = pushed_stmt;
    } else {
      if (pushed_stmt) sqlite3_finalize(pushed_stmt);
      state.logger->write(log::Level::Debug, "plan", "aggregate not pushed: the rewritten statement did not prepare (" +
                                                         std::string(sqlite3_errmsg(state.db)) + ")");
    }
  }
  return std::unique_ptr<Statement>(new Statement(std::move(impl)));
}

}  // namespace monday::engine
