#pragma once
// Local tables: what the application creates with CREATE [TEMP] TABLE (or VIEW) in the
// connection's own SQLite database. BI tools use them as scratch space; they never reach
// monday, are truly transactional, and vanish with the connection.

#include <vector>

#include "driver/engine/session.h"

namespace monday::engine {

class SessionState;

// SQLTables' schema names for them: SQLite's own, "main" for CREATE TABLE and "temp" for
// CREATE TEMP TABLE.
inline constexpr const char* kLocalSchemaName = "main";
inline constexpr const char* kTemporarySchemaName = "temp";

// Every local table and view with its columns and primary key, read from SQLite's schema now.
std::vector<CatalogTable> localCatalog(SessionState& state);

}  // namespace monday::engine
