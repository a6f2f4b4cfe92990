#pragma once
// One table definition as the catalog functions see it (SQLTables, SQLColumns, SQLStatistics,
// the privileges ...): the same for entity, system and board tables.

#include "driver/engine/session.h"
#include "schema/table.h"

namespace monday::engine {

CatalogTable catalogEntry(const schema::TableDef& table, std::string type, bool read_only);

}  // namespace monday::engine
