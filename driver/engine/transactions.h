#pragma once
// Internal to driver/engine: the statement-side steps of manual-commit transactions
// (transactions.cpp; the public side is Session::commit/rollback/setManualCommit).

#include <string>
#include <vector>

namespace monday::engine {

class SessionState;

// What a transaction-control statement the application ran itself does (SQLite's authorizer
// tells, while the statement is prepared).
enum class TransactionVerb { None, Begin, Commit, Rollback };

// Before a statement runs: in manual-commit mode a statement that writes opens the SQLite
// transaction if none is open; in autocommit mode the journal of applied changes starts afresh
// (unless a BEGIN statement of the application's opened a transaction).
void beginStatement(SessionState& state, bool writes);

// After a statement ran (or failed) inside an open transaction: sends its queued mutations now
// (or drops them when it failed), so monday sees a change when its statement ends, as in
// autocommit mode. Throws monday::Error when a request fails.
void settleStatement(SessionState& state, bool succeeded);

// After a BEGIN / COMMIT / ROLLBACK statement of the application's: the journal ends with the
// transaction, and a ROLLBACK that could not undo changes applied in monday throws HYC00 as
// SQLEndTran does.
void afterTransactionControl(SessionState& state, TransactionVerb verb);

// The HYC00 message of a ROLLBACK that could not undo `applied`.
std::string rollbackRefusal(const std::vector<std::string>& applied);

}  // namespace monday::engine
