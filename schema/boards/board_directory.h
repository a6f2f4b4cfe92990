#pragma once
// The connection's cache of board tables: board and column metadata fetched in bulk, turned into
// named TableDefs, kept for MetadataCacheTTL seconds. SQLTables/SQLColumns read it without
// creating any SQLite table; the engine creates a board's virtual table on first use.

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "schema/boards/board_naming.h"
#include "schema/boards/board_table.h"

namespace monday::client {
class ApiClient;
}

namespace monday::schema::boards {

struct BoardDirectoryOptions {
  TableNaming table_naming = TableNaming::Name;
  ColumnNaming column_naming = ColumnNaming::Title;
  std::chrono::seconds ttl{300};
};

class BoardDirectory {
 public:
  struct Entry {
    std::string key;   // stable across renames: "board:<id>" or "board:<id>:subitems"
    std::string name;  // SQL table name
    BoardTable table;
  };

  explicit BoardDirectory(BoardDirectoryOptions options) : options_(options) {}

  // Whether the metadata is missing or older than the TTL.
  bool stale() const;
  // Fetches the metadata again (a few requests for a thousand boards). Throws monday::Error.
  void refresh(client::ApiClient& api);
  // Refreshes when stale; true when it fetched.
  bool refreshIfStale(client::ApiClient& api);
  // Time since the last fetch (max when never fetched).
  std::chrono::steady_clock::duration age() const;

  const std::vector<Entry>& entries() const { return entries_; }
  // By SQL name, ignoring ASCII case as SQLite does.
  const Entry* find(std::string_view name) const;
  const Entry* findKey(std::string_view key) const;

 private:
  BoardDirectoryOptions options_;
  std::vector<Entry> entries_;
  bool loaded_ = false;
  std::chrono::steady_clock::time_point loaded_at_;
};

}  // namespace monday::schema::boards
