#pragma once
// What one connection's engine holds. Internal to driver/engine.

#include <sqlite3.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "driver/client/api_client.h"
#include "driver/client/audit_rest_client.h"
#include "driver/common/error.h"
#include "driver/config/settings.h"
#include "driver/engine/aggregate_pushdown.h"
#include "driver/engine/session.h"
#include "driver/engine/transactions.h"
#include "driver/engine/write_session.h"
#include "driver/log/logger.h"
#include "schema/boards/board_directory.h"
#include "schema/system/query_report.h"
#include "schema/table.h"

namespace monday::engine {

// Rows of scans that completed during the current statement, keyed by table and pushed
// constraints. In a join SQLite may re-run the same inner scan once per outer row; with this
// cache that costs one API round trip, not one per row (DESIGN decision 5).
class ScanCache {
 public:
  static constexpr std::size_t kMaxRowsPerEntry = 10000;
  static constexpr std::size_t kMaxEntries = 256;

  using Rows = std::vector<std::vector<Value>>;
  std::shared_ptr<const Rows> find(const std::string& key) const {
    auto it = entries_.find(key);
    return it == entries_.end() ? nullptr : it->second;
  }
  void store(const std::string& key, Rows rows) {
    if (entries_.size() >= kMaxEntries) entries_.clear();
    entries_[key] = std::make_shared<const Rows>(std::move(rows));
  }
  void clear() {
    entries_.clear();
    lookups_.clear();
  }

  // Point lookups (`id = ?` once per outer row of a join) counted per scan they narrow; after a
  // few, the engine reads that scan whole once and answers the rest from this cache.
  int countLookup(const std::string& base_key) { return ++lookups_[base_key]; }

 private:
  std::map<std::string, std::shared_ptr<const Rows>> entries_;
  std::map<std::string, int> lookups_;
};

// Warnings of the running statement (a cell that read as NULL, a long wait for the budget ...),
// handed to the ODBC statement as 01000 diagnostics. Capped: a board full of bad cells must not
// fill the application's memory with diagnostics.
class StatementWarnings {
 public:
  static constexpr std::size_t kMaxShown = 20;
  void add(std::string message) {
    if (shown_.size() < kMaxShown) shown_.push_back(std::move(message));
    else ++dropped_;
  }
  std::vector<std::string> take() {
    std::vector<std::string> out = std::move(shown_);
    if (dropped_ > 0) out.push_back(std::to_string(dropped_) + " more warning(s) of the same kind were not listed.");
    shown_.clear();
    dropped_ = 0;
    return out;
  }
  void clear() {
    shown_.clear();
    dropped_ = 0;
  }

 private:
  std::vector<std::string> shown_;
  std::size_t dropped_ = 0;
};

// A board table created in SQLite (lazily, on first use) from the board directory.
struct CreatedBoardTable {
  std::string name;       // the SQL name it was created under
  std::string signature;  // BoardTable::signature at creation
  std::shared_ptr<const schema::TableDef> table;
};

class SessionState {
 public:
  ~SessionState() {
    if (db) sqlite3_close_v2(db);
  }

  config::Settings settings;
  std::shared_ptr<log::Logger> logger;
  std::unique_ptr<client::ApiClient> api;
  // Schema=AuditLog with AuditLogSource=REST: the audit-log API client (also held by its tables).
  std::shared_ptr<client::AuditRestClient> audit_rest;
  sqlite3* db = nullptr;
  std::vector<std::shared_ptr<const schema::TableDef>> tables;
  ServerInfo server;
  ScanCache scan_cache;
  // The monday::Error behind the last SQLite failure raised inside a virtual table, so the
  // statement can report its real SQLSTATE instead of SQLite's generic error.
  std::optional<Error> pending_error;
  // INSERT/UPDATE/DELETE: queued mutations and remembered rows (vtab_write.cpp).
  WriteSession writes;
  StatementWarnings warnings;
  std::vector<Warning> connect_warnings;  // Session::connectWarnings

  // Manual-commit mode (SQL_ATTR_AUTOCOMMIT off; transactions.cpp). Changes applied in monday
  // since the transaction began are in writes.applied.
  bool manual_commit = false;
  // Set by the authorizer while a statement is prepared: BEGIN, COMMIT or ROLLBACK.
  TransactionVerb prepared_transaction_verb = TransactionVerb::None;
  // What the statement being prepared reads and writes, as the authorizer reports it (only while
  // recording_access): parameter markers are typed from these columns (parameter_types.h).
  struct ColumnAccess {
    std::string database;
    std::string table;
    std::string column;  // "" for the table an INSERT writes
  };
  bool recording_access = false;
  std::vector<ColumnAccess> prepared_access;

  // Board tables (schema "boards", board_tables.cpp): the metadata cache, and the tables created
  // in SQLite so far by their directory key ("board:<id>"), which is also their module argument.
  std::unique_ptr<schema::boards::BoardDirectory> boards;
  std::map<std::string, CreatedBoardTable> board_tables;

  // The plan of the running statement and of the previous one (sys_last_query; plan_report.cpp).
  schema::QueryReport report;
  schema::QueryReport last_report;
  long long report_serial = 0;  // bumped for every new report
  long long scan_serial = 0;    // bumped for every scan (xFilter) of the connection
  client::ApiUsage report_usage_start;

  // Aggregates pushed to monday (aggregate_pushdown.h), by the plan id their rewritten statement
  // names in monday_aggregate(<id>); a statement drops its plan when it is freed.
  long long aggregate_serial = 0;
  std::map<long long, AggregateSlot> aggregate_plans;

  // A table by schema and name, API, system and created board tables alike; null when unknown.
  const schema::TableDef* findTable(const std::string& schema_name, const std::string& table_name) const {
    for (const auto& table : tables) {
      if (table->name == table_name && table->schema == schema_name) return table.get();
    }
    for (const auto& [key, created] : board_tables) {
      if (created.name == table_name && created.table->schema == schema_name) return created.table.get();
    }
    return nullptr;
  }
};

// Registers the `monday_api` virtual-table module on the session's database.
void registerApiModule(SessionState& state);

}  // namespace monday::engine
