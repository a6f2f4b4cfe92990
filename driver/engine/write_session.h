#pragma once
// The write side of one connection's engine: what INSERT/UPDATE/DELETE on the API tables have
// queued and sent. Internal to driver/engine (vtab_write.cpp fills it, statement.cpp reads the
// outcome of parameter arrays).
//
// SQLite hands a virtual table one row at a time (xUpdate) and says when the statement's
// transaction ends (xSync/xCommit/xRollback). Rows are queued in a MutationBatch and sent when a
// request is full or the statement ends, so a multi-row statement costs a few requests, not one
// per row.

#include <sqlite3.h>

#include <cstddef>
#include <memory>
#include <map>
#include <utility>
#include <vector>

#include "driver/client/mutation_batch.h"
#include "driver/common/value.h"
#include "schema/table.h"

namespace monday::engine {

// The batching is the client's (GraphQL, no SQLite); the engine only decides when rows go out.
using client::kMaxCallsPerRequest;
using client::kPointsPerMutation;
using client::MutationBatch;
using client::RowFate;
using client::WriteVerb;

class SessionState;

class WriteSession {
 public:
  // UPDATE and DELETE name a row by the rowid SQLite got from the scan; the row's values (its
  // keys) are remembered under the table and that rowid for the rest of the statement.
  void rememberRow(const schema::TableDef* table, sqlite3_int64 rowid, const std::vector<Value>& row);
  const std::vector<Value>* recallRow(const schema::TableDef* table, sqlite3_int64 rowid) const;
  sqlite3_int64 newRowid() { return next_rowid_++; }
  void forgetRows() { rows_.clear(); }
  // Rows are remembered only while a statement that writes runs: a query that asks for rowids
  // (an OR plan) must not keep a copy of every row it reads.
  bool remember_rows = false;

  // The batch of the running statement (or parameter-array unit), created on its first row.
  MutationBatch& batchFor(SessionState& state, const schema::TableDef& table, WriteVerb verb);
  MutationBatch* batch() { return batch_.get(); }
  // Ends the unit: the batch becomes `finished()` (for parameter-array outcomes).
  void finish();
  const MutationBatch* finished() const { return finished_.get(); }
  MutationBatch* finished() { return finished_.get(); }
  void clearFinished() { finished_.reset(); }

  // What finished batches changed in monday, one line each, for the transaction journal: a
  // ROLLBACK lists them as changes it cannot undo (session.cpp).
  std::vector<std::string> applied;
  // Notes a change made outside a batch (a mutating procedure).
  void noteApplied(std::string what) { applied.push_back(std::move(what)); }

  // Parameter arrays: the set whose rows SQLite is handing over now.
  std::size_t current_group = 0;
  // A request failed: later parameter sets must not be run.
  bool send_failed = false;
  // Running the sets of a parameter array as one unit (statement.cpp).
  bool parameter_array = false;

 private:
  std::map<std::pair<const schema::TableDef*, sqlite3_int64>, std::vector<Value>> rows_;
  sqlite3_int64 next_rowid_ = 1;
  std::unique_ptr<MutationBatch> batch_;
  const schema::TableDef* batch_table_ = nullptr;
  WriteVerb batch_verb_ = WriteVerb::Insert;
  std::unique_ptr<MutationBatch> finished_;
};

// The virtual-table write entry points, installed on the module by vtab_module.cpp. `table` is
// the vtab's definition; errors go to state.pending_error and the vtab's zErrMsg.
int updateApiRow(sqlite3_vtab* vtab, SessionState& state, const schema::TableDef& table, int argc,
                 sqlite3_value** argv, sqlite3_int64* rowid) noexcept;
int beginApiWrite(sqlite3_vtab* vtab, SessionState& state) noexcept;
int syncApiWrite(sqlite3_vtab* vtab, SessionState& state) noexcept;
int commitApiWrite(sqlite3_vtab* vtab, SessionState& state) noexcept;
int rollbackApiWrite(sqlite3_vtab* vtab, SessionState& state) noexcept;

// Refuses, while a statement is prepared, what can never work: any write on a ReadOnly
// connection (42000), a statement a table has no mutation for (HYC00), SET on a column monday
// does not let change (42000). Installed once per connection.
void installWriteAuthorizer(SessionState& state);

// "Items (INSERT, UPDATE, DELETE), Groups (INSERT, UPDATE, DELETE) …": the writable tables.
std::string writableTablesText(const SessionState& state);

}  // namespace monday::engine
