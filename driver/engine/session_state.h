#pragma once
// What one connection's engine holds. Internal to driver/engine.

#include <sqlite3.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "driver/client/api_client.h"
#include "driver/common/error.h"
#include "driver/config/settings.h"
#include "driver/engine/session.h"
#include "driver/log/logger.h"
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
  void clear() { entries_.clear(); }

 private:
  std::map<std::string, std::shared_ptr<const Rows>> entries_;
};

class SessionState {
 public:
  ~SessionState() {
    if (db) sqlite3_close_v2(db);
  }

  config::Settings settings;
  std::shared_ptr<log::Logger> logger;
  std::unique_ptr<client::ApiClient> api;
  sqlite3* db = nullptr;
  std::vector<std::shared_ptr<const schema::TableDef>> tables;
  ServerInfo server;
  ScanCache scan_cache;
  // The monday::Error behind the last SQLite failure raised inside a virtual table, so the
  // statement can report its real SQLSTATE instead of SQLite's generic error.
  std::optional<Error> pending_error;
};

// Registers the `monday_api` virtual-table module on the session's database.
void registerApiModule(SessionState& state);

}  // namespace monday::engine
