#pragma once
// Aggregates answered by monday (schema/aggregate.h). A statement of the shape
//
//   SELECT <group columns and aggregates, in any expressions> FROM <one table> [alias]
//   [WHERE col = literal | col IN (literals) [AND ...]] [GROUP BY <columns>]
//   [HAVING ...] [ORDER BY ...] [LIMIT ...]
//
// is read with the shared lexer; when the table's planner accepts the groups, aggregates and
// filters, the statement is rewritten to read the grouped rows from the `monday_aggregate` table
// function, so HAVING, ORDER BY, LIMIT and every expression around the aggregates still run in
// SQLite over exact values. Anything else (a join, a subquery, a parameter, an aggregate or
// filter the table cannot push) is left alone and aggregated locally, as before.

#include <sqlite3.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "schema/aggregate.h"

namespace monday::schema {
struct TableDef;
}

namespace monday::engine {

class SessionState;

// A pushed aggregate waiting for its statement to run (SessionState::aggregate_plans).
struct AggregateSlot {
  schema::AggregatePlan plan;
  std::shared_ptr<const schema::TableDef> table;  // kept alive: a refresh may replace the session's
  std::size_t width = 0;   // values per row: groups then aggregates
  bool fell_back = false;  // the last run could not be answered by monday (the statement runs locally)
};

struct PushedAggregate {
  long long plan_id = 0;  // key in SessionState::aggregate_plans
  std::string sql;        // the statement over monday_aggregate(plan_id)
};

// The rewritten statement when `sql` (already prepared as `original`, whose authorizer recorded
// the tables it reads) is an aggregate the table can have monday compute; nullopt otherwise.
// Registers the plan in the session; the caller drops it with forgetAggregate.
std::optional<PushedAggregate> pushAggregate(SessionState& state, std::string_view sql, sqlite3_stmt* original);
void forgetAggregate(SessionState& state, long long plan_id);
// Whether the plan's last run could not be answered by monday (the statement must run locally).
bool aggregateFellBack(const SessionState& state, long long plan_id);

// Registers the `monday_aggregate` table function on the session's database.
void registerAggregateModule(SessionState& state);

}  // namespace monday::engine
