#include "driver/engine/board_tables.h"

#include "driver/common/sql_lexer.h"
#include "driver/engine/catalog_entry.h"
#include "driver/engine/session_state.h"

namespace monday::engine {

namespace {

// An unknown board table name fetches the metadata again when it is at least this old, so a
// board created a moment ago is usable without waiting for MetadataCacheTTL.
constexpr std::chrono::seconds kRefreshOnMissAfter{30};

std::string quoteLiteral(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    out.push_back(c);
    if (c == '\'') out.push_back('\'');
  }
  return out + "'";
}

bool run(SessionState& state, const std::string& sql, std::string* why) {
  char* message = nullptr;
  if (sqlite3_exec(state.db, sql.c_str(), nullptr, nullptr, &message) == SQLITE_OK) return true;
  if (why) *why = message ? message : "unknown error";
  sqlite3_free(message);
  return false;
}

bool createTable(SessionState& state, const schema::boards::BoardDirectory::Entry& entry) {
  state.board_tables[entry.key] = CreatedBoardTable{entry.name, entry.table.signature, entry.table.table};
  std::string why;
  if (run(state, "CREATE VIRTUAL TABLE " + sql::quoteIdentifier(kBoardSchemaName) + "." + sql::quoteIdentifier(entry.name) + " USING monday_api(" +
                     quoteLiteral(entry.key) + ")",
          &why)) {
    state.logger->write(log::Level::Debug, "boards", "created board table " + entry.name + " (" + entry.key + ")");
    return true;
  }
  state.board_tables.erase(entry.key);
  throw Error(sqlstate::kGeneralError, "Cannot create the board table " + entry.name + ": " + why);
}

// After a refresh: tables whose board is gone are dropped; renamed or changed ones re-created.
void reconcile(SessionState& state) {
  std::vector<std::string> keys;
  for (const auto& [key, created] : state.board_tables) keys.push_back(key);
  for (const auto& key : keys) {
    const CreatedBoardTable created = state.board_tables.at(key);
    const auto* entry = state.boards->findKey(key);
    if (entry && entry->name == created.name && entry->table.signature == created.signature) continue;
    std::string why;
    if (!run(state, "DROP TABLE " + sql::quoteIdentifier(kBoardSchemaName) + "." + sql::quoteIdentifier(created.name), &why)) {
      // A statement still reads it: keep the old definition until the next refresh.
      state.logger->write(log::Level::Info, "boards", "kept the old definition of " + created.name + ": " + why);
      continue;
    }
    state.board_tables.erase(key);
    if (entry) createTable(state, *entry);
  }
}

// The table part of SQLite's "no such table: X" (X may be "schema.table"); empty when X names
// another schema.
std::string boardTableName(const std::string& missing) {
  const std::string prefix = std::string(kBoardSchemaName) + ".";
  if (missing.size() > prefix.size() && schema::boards::foldIdentifier(missing.substr(0, prefix.size())) == prefix) {
    return missing.substr(prefix.size());
  }
  return missing;
}

}  // namespace

void openBoardTables(SessionState& state) {
  schema::boards::BoardDirectoryOptions options;
  options.table_naming =
      state.settings.board_tables_by_id ? schema::boards::TableNaming::Id : schema::boards::TableNaming::Name;
  options.column_naming =
      state.settings.board_columns_by_id ? schema::boards::ColumnNaming::Id : schema::boards::ColumnNaming::Title;
  options.ttl = std::chrono::seconds(state.settings.metadata_cache_ttl_seconds);
  state.boards = std::make_unique<schema::boards::BoardDirectory>(options);
}

bool createBoardTable(SessionState& state, const std::string& missing_name) {
  if (!state.boards) return false;
  const std::string name = boardTableName(missing_name);
  if (state.boards->refreshIfStale(*state.api)) reconcile(state);
  const auto* entry = state.boards->find(name);
  if (!entry && state.boards->age() >= kRefreshOnMissAfter) {
    state.boards->refresh(*state.api);
    reconcile(state);
    entry = state.boards->find(name);
  }
  if (!entry) {
    // The name may exist under another schema (monday.X) with a lookalike board: nothing to do.
    return false;
  }
  if (auto existing = state.board_tables.find(entry->key); existing != state.board_tables.end()) {
    // Already there (SQLite looked for it under another name or schema): not ours to fix.
    return false;
  }
  return createTable(state, *entry);
}

void refreshBoardTablesIfStale(SessionState& state) {
  if (!state.boards || state.board_tables.empty() || !state.boards->stale()) return;
  state.boards->refresh(*state.api);
  reconcile(state);
}

void forgetRolledBackBoardTables(SessionState& state) {
  for (auto it = state.board_tables.begin(); it != state.board_tables.end();) {
    const std::string sql = "SELECT 1 FROM " + sql::quoteIdentifier(kBoardSchemaName) + ".sqlite_schema WHERE name = " +
                            quoteLiteral(it->second.name);
    bool exists = false;
    sqlite3_exec(
        state.db, sql.c_str(),
        [](void* found, int, char**, char**) {
          *static_cast<bool*>(found) = true;
          return 0;
        },
        &exists, nullptr);
    it = exists ? std::next(it) : state.board_tables.erase(it);
  }
}

std::vector<CatalogTable> boardCatalog(SessionState& state) {
  std::vector<CatalogTable> result;
  if (!state.boards) return result;
  if (state.boards->refreshIfStale(*state.api)) reconcile(state);
  for (const auto& entry : state.boards->entries()) {
    result.push_back(catalogEntry(*entry.table.table, "TABLE", state.settings.read_only));
  }
  return result;
}

}  // namespace monday::engine
