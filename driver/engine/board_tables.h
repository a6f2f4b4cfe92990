#pragma once
// Board tables in the SQL engine: the schema `boards` is an attached database that starts empty.
// A statement naming a board table that does not exist yet fails to prepare with "no such
// table"; Session::prepare then asks createBoardTable, which looks the name up in the metadata
// cache (schema/boards/board_directory.h), creates the virtual table and lets it prepare again.
// SQLTables/SQLColumns list every board from the cache without creating anything.

#include <string>
#include <vector>

#include "driver/engine/session.h"

namespace monday::engine {

class SessionState;

// The schema name board tables live in.
inline constexpr const char* kBoardSchemaName = "boards";

// Sets up the board directory for a Schema=GraphQL connection (no request yet).
void openBoardTables(SessionState& state);

// Creates the board table SQLite reported missing ("Bug Backlog" or "boards.Bug Backlog").
// Returns false when no board has that name. Throws monday::Error when the metadata fetch fails.
bool createBoardTable(SessionState& state, const std::string& missing_name);

// When the metadata cache has expired and board tables exist: fetch it again and re-create the
// tables whose board changed (dropped when the board is gone).
void refreshBoardTablesIfStale(SessionState& state);

// After a ROLLBACK: board tables created inside the transaction are gone from SQLite's schema
// again; forget them so the next statement that names one creates it anew.
void forgetRolledBackBoardTables(SessionState& state);

// Every board table, for the catalog functions.
std::vector<CatalogTable> boardCatalog(SessionState& state);

}  // namespace monday::engine
