#pragma once
// The aggregate planner of a board table (schema/aggregate.h): which GROUP BY / COUNT / SUM ...
// shapes monday's aggregate query answers exactly for this board, and how.

#include <memory>

#include "schema/aggregate.h"
#include "schema/boards/board_table.h"

namespace monday::schema::boards {

// `table` is the board table the spec belongs to (it outlives the planner: both live in it).
AggregatePlanner boardAggregates(std::shared_ptr<const BoardTableSpec> spec, const TableDef* table);

}  // namespace monday::schema::boards
