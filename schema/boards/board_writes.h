#pragma once
// INSERT/UPDATE/DELETE on a board table (and its subitems companion): items are created with
// their column values in the same call, columns are written with the JSON their type takes
// (column_writes.cpp), and read-only column types are refused by name.

#include <memory>

#include "schema/boards/board_table.h"
#include "schema/mutation.h"

namespace monday::schema::boards {

TableWrites boardTableWrites(const std::shared_ptr<const BoardTableSpec>& spec, const TableDef& table);

}  // namespace monday::schema::boards
