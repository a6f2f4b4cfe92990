// Transactions. monday has none: a mutation is final the moment monday applies it. What the
// driver can honestly offer is SQLite's transactions over the local tables (CREATE [TEMP]
// TABLE, scratch space for BI tools), with every change sent to monday listed, so that a
// ROLLBACK never pretends to undo what it cannot.

#include <algorithm>

#include "driver/engine/board_tables.h"
#include "driver/engine/session.h"
#include "driver/engine/session_state.h"
#include "driver/engine/transactions.h"

namespace monday::engine {

namespace {

bool sqliteTransactionOpen(const SessionState& state) { return sqlite3_get_autocommit(state.db) == 0; }

void runOrThrow(SessionState& state, const char* sql) {
  state.pending_error.reset();
  if (sqlite3_exec(state.db, sql, nullptr, nullptr, nullptr) == SQLITE_OK) return;
  if (state.pending_error) {
    Error error = *state.pending_error;
    state.pending_error.reset();
    throw error;
  }
  throw Error(sqlstate::kGeneralError, std::string(sql) + " failed: " + sqlite3_errmsg(state.db) + ".");
}

}  // namespace

void beginStatement(SessionState& state, bool writes) {
  if (!state.manual_commit) {
    // Autocommit: each statement is its own transaction, unless the application opened one
    // with a BEGIN statement of its own.
    if (!sqliteTransactionOpen(state)) state.writes.applied.clear();
    return;
  }
  // Lazily: a session that only reads never holds a transaction open.
  if (writes && !sqliteTransactionOpen(state)) runOrThrow(state, "BEGIN");
}

void settleStatement(SessionState& state, bool succeeded) {
  // Inside a transaction SQLite would hold the virtual tables' rows until COMMIT (xSync). A
  // change to monday is final anyway, so it is sent when its statement ends, exactly as in
  // autocommit mode; a statement that failed sends nothing more.
  if (!sqliteTransactionOpen(state)) return;
  MutationBatch* batch = state.writes.batch();
  if (!batch) return;
  if (!succeeded) {
    batch->dropQueued();
    state.writes.finish();
    return;
  }
  try {
    batch->flush();
  } catch (...) {
    state.writes.send_failed = true;
    state.writes.finish();
    throw;
  }
  state.writes.finish();
}

void afterTransactionControl(SessionState& state, TransactionVerb verb) {
  if (verb == TransactionVerb::Commit) state.writes.applied.clear();
  if (verb != TransactionVerb::Rollback) return;
  forgetRolledBackBoardTables(state);
  std::vector<std::string> applied = std::move(state.writes.applied);
  state.writes.applied.clear();
  if (!applied.empty()) throw Error(sqlstate::kOptionalFeatureNotImplemented, rollbackRefusal(applied));
}

void Session::setManualCommit(bool manual) {
  if (state_->manual_commit && !manual) commit();
  state_->manual_commit = manual;
  state_->writes.applied.clear();
}

bool Session::transactionOpen() const {
  return state_->manual_commit && (sqliteTransactionOpen(*state_) || !state_->writes.applied.empty());
}

void Session::commit() {
  if (sqliteTransactionOpen(*state_)) runOrThrow(*state_, "COMMIT");
  state_->writes.applied.clear();
}

void Session::rollback() {
  if (sqliteTransactionOpen(*state_)) {
    runOrThrow(*state_, "ROLLBACK");
    forgetRolledBackBoardTables(*state_);
  }
  std::vector<std::string> applied = std::move(state_->writes.applied);
  state_->writes.applied.clear();
  if (applied.empty()) return;
  throw Error(sqlstate::kOptionalFeatureNotImplemented, rollbackRefusal(applied));
}

std::string rollbackRefusal(const std::vector<std::string>& applied) {
  std::string text =
      "ROLLBACK undid the changes to local tables, but monday has no transactions: these changes were "
      "already applied in monday and cannot be undone: ";
  const std::size_t shown = std::min<std::size_t>(applied.size(), 20);
  for (std::size_t i = 0; i < shown; ++i) text += (i ? "; " : "") + applied[i];
  if (applied.size() > shown) text += "; and " + std::to_string(applied.size() - shown) + " more";
  return text + ". Undo them with UPDATE/DELETE statements if needed.";
}

}  // namespace monday::engine
