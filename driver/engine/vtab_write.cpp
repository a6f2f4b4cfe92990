// INSERT, UPDATE and DELETE on the API tables: SQLite's virtual-table write path (xUpdate and the
// transaction calls) over schema::TableWrites. Each row becomes the mutation calls its table
// declares; calls are queued in the statement's MutationBatch and sent as aliased mutations when
// a request is full and when the statement ends (xSync). A request that fails stops the
// statement with a message that says which rows reached monday; nothing is ever sent twice.

#include <sqlite3.h>

#include <algorithm>
#include <map>

#include "driver/client/api_client.h"
#include "driver/engine/c_boundary.h"
#include "driver/engine/session_state.h"
#include "driver/engine/sqlite_values.h"
#include "driver/engine/write_session.h"

namespace monday::engine {

namespace {

const char* statementName(WriteVerb verb) {
  switch (verb) {
    case WriteVerb::Insert: return "INSERT";
    case WriteVerb::Update: return "UPDATE";
    case WriteVerb::Delete: return "DELETE";
  }
  return "";
}

std::string statementsOf(const schema::TableWrites& writes) {
  std::string out;
  auto add = [&](bool present, const char* name) {
    if (!present) return;
    if (!out.empty()) out += ", ";
    out += name;
  };
  add(static_cast<bool>(writes.insert), "INSERT");
  add(static_cast<bool>(writes.update), "UPDATE");
  add(static_cast<bool>(writes.remove), "DELETE");
  return out;
}

bool supports(const schema::TableWrites& writes, WriteVerb verb) {
  switch (verb) {
    case WriteVerb::Insert: return static_cast<bool>(writes.insert);
    case WriteVerb::Update: return static_cast<bool>(writes.update);
    case WriteVerb::Delete: return static_cast<bool>(writes.remove);
  }
  return false;
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

Error readOnlyError(WriteVerb verb, const schema::TableDef& table) {
  return Error(sqlstate::kSyntaxErrorOrAccessViolation,
               std::string(statementName(verb)) + " on " + table.name +
                   " would change monday data, and this connection is read-only (ReadOnly=true). "
                   "Connect without ReadOnly (or with ReadOnly=false) to change data.");
}

Error unsupportedError(WriteVerb verb, const schema::TableDef& table, const SessionState& state) {
  const std::string possible = statementsOf(table.writes);
  std::string text = possible.empty()
                         ? table.name + " is read-only: monday has no mutation that " +
                               (verb == WriteVerb::Insert ? "creates" : verb == WriteVerb::Update ? "changes" : "deletes") +
                               " its rows, so " + statementName(verb) + " is not supported."
                         : std::string(statementName(verb)) + " is not supported on " + table.name +
                               ": monday has no mutation for it. " + table.name + " accepts " + possible + ".";
  return Error(sqlstate::kOptionalFeatureNotImplemented,
               text + " Tables that can be changed: " + writableTablesText(state) + ".");
}

Error columnNotWritable(WriteVerb verb, const schema::TableDef& table, const std::string& column,
                        const std::vector<std::string>& allowed) {
  return Error(sqlstate::kSyntaxErrorOrAccessViolation,
               table.name + "." + column + " cannot be " + (verb == WriteVerb::Insert ? "set by INSERT" : "changed by UPDATE") +
                   " (monday computes it or has no mutation for it). " +
                   (allowed.empty() ? std::string("No column can be ") + (verb == WriteVerb::Insert ? "given." : "changed.")
                                    : std::string(verb == WriteVerb::Insert ? "INSERT" : "UPDATE") + " on " + table.name +
                                          " accepts: " + joined(allowed) + "."));
}


std::size_t callsPerRequest(client::ApiClient& api) {
  // A small per-minute budget (trial accounts: 1,000,000 points) caps a request below monday's
  // per-request limit: a request the budget can never pay for would be refused forever.
  std::size_t calls = kMaxCallsPerRequest;
  if (auto limit = api.budget().limit; limit && *limit > 0) {
    const auto affordable = static_cast<std::size_t>(*limit * 9 / 10 / kPointsPerMutation);
    calls = std::clamp<std::size_t>(affordable, 1, calls);
  }
  return calls;
}

}  // namespace

void WriteSession::rememberRow(const schema::TableDef* table, sqlite3_int64 rowid, const std::vector<Value>& row) {
  rows_[{table, rowid}] = row;
}

const std::vector<Value>* WriteSession::recallRow(const schema::TableDef* table, sqlite3_int64 rowid) const {
  auto it = rows_.find({table, rowid});
  return it == rows_.end() ? nullptr : &it->second;
}

MutationBatch& WriteSession::batchFor(SessionState& state, const schema::TableDef& table, WriteVerb verb) {
  if (batch_ && (batch_table_ != &table || batch_verb_ != verb)) {
    batch_->flush();
    finish();
  }
  if (!batch_) {
    client::ApiClient* api = state.api.get();
    batch_ = std::make_unique<MutationBatch>(
        verb, table.name, callsPerRequest(*api),
        [api](const std::string& document, const rapidjson::Value& variables) {
          return api->mutateBatch(document, variables);
        });
    // Parameter arrays report per set; jobs would blur which set changed what.
    if (state.settings.bulk_job_threshold > 0 && !parameter_array) {
      batch_->useBulkJobs({.threshold = static_cast<std::size_t>(state.settings.bulk_job_threshold),
                           .run = [api](const client::BulkItemJob& job) { return client::runBulkItemJob(*api, job); }});
    }
    batch_table_ = &table;
    batch_verb_ = verb;
  }
  return *batch_;
}

void WriteSession::finish() {
  if (batch_) {
    if (std::string summary = batch_->appliedSummary(); !summary.empty()) applied.push_back(std::move(summary));
    finished_ = std::move(batch_);
  }
  batch_table_ = nullptr;
}

int updateApiRow(sqlite3_vtab* vtab, SessionState& state, const schema::TableDef& table, int argc,
                 sqlite3_value** argv, sqlite3_int64* rowid) noexcept {
  WriteSession& writes = state.writes;
  const WriteVerb verb = argc == 1                                    ? WriteVerb::Delete
                         : sqlite3_value_type(argv[0]) == SQLITE_NULL ? WriteVerb::Insert
                                                                      : WriteVerb::Update;
  try {
    if (state.settings.read_only) throw readOnlyError(verb, table);
    if (!supports(table.writes, verb)) throw unsupportedError(verb, table, state);

    std::vector<Value> before;
    if (verb != WriteVerb::Insert) {
      const sqlite3_int64 old_rowid = sqlite3_value_int64(argv[0]);
      const std::vector<Value>* remembered = writes.recallRow(&table, old_rowid);
      if (!remembered) {
        throw Error(sqlstate::kGeneralError, "Internal error: the row to " + std::string(statementName(verb)) + " in " +
                                                 table.name + " was not found among the rows just read.");
      }
      before = *remembered;
      if (verb == WriteVerb::Update && sqlite3_value_int64(argv[1]) != old_rowid) {
        throw Error(sqlstate::kSyntaxErrorOrAccessViolation, "The rowid of " + table.name + " cannot be changed.");
      }
    }
    std::vector<Value> after;
    if (verb != WriteVerb::Delete) {
      after.reserve(table.columns.size());
      for (std::size_t i = 0; i < table.columns.size() && static_cast<int>(i) + 2 < argc; ++i) {
        after.push_back(valueFromSqlite(argv[i + 2]));
      }
      after.resize(table.columns.size());
    }

    MutationBatch& batch = writes.batchFor(state, table, verb);
    const std::size_t row_number = batch.rowCount() + 1;
    std::vector<schema::MutationCall> calls;
    try {
      const schema::TableWrites& spec = table.writes;
      switch (verb) {
        case WriteVerb::Insert: {
          for (std::size_t i = 0; i < after.size(); ++i) {
            if (!isNull(after[i]) && !contains(spec.insert_columns, table.columns[i].name)) {
              throw columnNotWritable(verb, table, table.columns[i].name, spec.insert_columns);
            }
          }
          calls = spec.insert(schema::RowValues(table, after));
          *rowid = writes.newRowid();
          break;
        }
        case WriteVerb::Update: {
          const schema::RowValues old_row(table, before);
          const schema::RowValues new_row(table, after);
          const std::vector<std::string> changed = schema::changedColumns(old_row, new_row);
          for (const auto& column : changed) {
            if (!contains(spec.update_columns, column)) throw columnNotWritable(verb, table, column, spec.update_columns);
          }
          if (!changed.empty()) calls = spec.update(old_row, new_row, changed);
          break;
        }
        case WriteVerb::Delete:
          calls = spec.remove(schema::RowValues(table, before));
          break;
      }
    } catch (const Error& error) {
      std::string text = std::string(statementName(verb)) + " on " + table.name + ", row " + std::to_string(row_number) +
                         ": " + error.message();
      if (batch.requestsSent() > 0) text += " " + batch.stateSummary();
      else if (!writes.parameter_array) text += " Nothing was sent to monday.";
      throw Error(error.state(), text, error.nativeCode());
    }
    try {
      batch.add(writes.current_group, std::move(calls));
    } catch (const Error&) {
      writes.send_failed = true;
      throw;
    }
    return SQLITE_OK;
  } catch (...) {
    return failVirtualTable(vtab, state, currentError("a table write"));
  }
}

int beginApiWrite(sqlite3_vtab*, SessionState&) noexcept { return SQLITE_OK; }

int syncApiWrite(sqlite3_vtab* vtab, SessionState& state) noexcept {
  MutationBatch* batch = state.writes.batch();
  if (!batch) return SQLITE_OK;
  return guardedVtabCall(vtab, state, [&] {
    try {
      batch->flush();
    } catch (...) {
      state.writes.send_failed = true;
      throw;
    }
    return SQLITE_OK;
  });
}

int commitApiWrite(sqlite3_vtab* vtab, SessionState& state) noexcept {
  return guardedVtabCall(vtab, state, [&] {
    state.writes.finish();
    return SQLITE_OK;
  });
}

int rollbackApiWrite(sqlite3_vtab* vtab, SessionState& state) noexcept {
  return guardedVtabCall(vtab, state, [&] {
    if (MutationBatch* batch = state.writes.batch()) batch->dropQueued();
    state.writes.finish();
    return SQLITE_OK;
  });
}

std::string writableTablesText(const SessionState& state) {
  std::string listed;
  std::map<std::string, std::size_t> per_schema;  // schemas with many tables (boards) are counted
  for (const auto& table : state.tables) {
    if (!table->writes.any()) continue;
    if (table->schema != "monday") {
      ++per_schema[table->schema];
      continue;
    }
    listed += (listed.empty() ? "" : ", ") + table->name + " (" + statementsOf(table->writes) + ")";
  }
  for (const auto& [schema, count] : per_schema) {
    listed += (listed.empty() ? "" : ", ") + std::string("every table of schema ") + schema + " (" +
              std::to_string(count) + " tables)";
  }
  return listed.empty() ? std::string("none") : listed;
}

namespace {

int authorizeChecked(SessionState& state, int action, const char* table_name, const char* column, const char* database) {
  if (action == SQLITE_TRANSACTION && table_name) {  // the first argument is the operation
    const std::string_view operation = table_name;
    state.prepared_transaction_verb = operation == "BEGIN"      ? TransactionVerb::Begin
                                      : operation == "COMMIT"   ? TransactionVerb::Commit
                                      : operation == "ROLLBACK" ? TransactionVerb::Rollback
                                                                : TransactionVerb::None;
    return SQLITE_OK;
  }
  if (state.recording_access && table_name && database &&
      (action == SQLITE_READ || action == SQLITE_INSERT || action == SQLITE_UPDATE)) {
    state.prepared_access.push_back({database, table_name, action == SQLITE_INSERT || !column ? "" : column});
  }
  if (action != SQLITE_INSERT && action != SQLITE_UPDATE && action != SQLITE_DELETE) return SQLITE_OK;
  // Each schema is an attached database of that name, so SQLite's database name is the schema.
  const schema::TableDef* table = table_name && database ? state.findTable(database, table_name) : nullptr;
  if (!table) return SQLITE_OK;
  const WriteVerb verb = action == SQLITE_INSERT ? WriteVerb::Insert : action == SQLITE_UPDATE ? WriteVerb::Update : WriteVerb::Delete;
  if (state.settings.read_only) {
    state.pending_error = readOnlyError(verb, *table);
    return SQLITE_DENY;
  }
  if (!supports(table->writes, verb)) {
    state.pending_error = unsupportedError(verb, *table, state);
    return SQLITE_DENY;
  }
  if (verb == WriteVerb::Update && column && !contains(table->writes.update_columns, column)) {
    state.pending_error = columnNotWritable(verb, *table, column, table->writes.update_columns);
    return SQLITE_DENY;
  }
  return SQLITE_OK;
}

int authorize(void* user, int action, const char* table_name, const char* column, const char* database,
              const char*) noexcept {
  auto& state = *static_cast<SessionState*>(user);
  return guardedAuthorizerCall(state, [&] { return authorizeChecked(state, action, table_name, column, database); });
}

}  // namespace

void installWriteAuthorizer(SessionState& state) { sqlite3_set_authorizer(state.db, cCallback(authorize), &state); }

}  // namespace monday::engine
