#pragma once
// Aggregates a table can have monday compute (REFERENCE §13, tests/sandbox/reference-additions.md):
// the engine recognises `SELECT <groups>, COUNT(*) | COUNT(c) | SUM(c) ... FROM t [WHERE k = v]
// GROUP BY <groups>` (driver/engine/aggregate_pushdown.h) and asks the table whether it can
// answer it exactly; a table that can returns a plan, run when the statement executes. Exactly is
// the rule: a plan exists only for shapes whose answer equals what SQLite would compute from a
// full scan, NULLs, labels and numbers included. Anything else is scanned and aggregated locally.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "driver/common/value.h"

namespace monday::schema {

struct ScanContext;

enum class AggregateFunction { CountRows, Count, CountDistinct, Sum, Average, Min, Max };

// "COUNT(*)", "SUM", ... for plans and messages.
constexpr std::string_view aggregateFunctionName(AggregateFunction function) {
  switch (function) {
    case AggregateFunction::CountRows: return "COUNT(*)";
    case AggregateFunction::Count: return "COUNT";
    case AggregateFunction::CountDistinct: return "COUNT(DISTINCT)";
    case AggregateFunction::Sum: return "SUM";
    case AggregateFunction::Average: return "AVG";
    case AggregateFunction::Min: return "MIN";
    case AggregateFunction::Max: return "MAX";
  }
  return "?";
}

struct AggregateTerm {
  AggregateFunction function = AggregateFunction::CountRows;
  std::size_t column = 0;  // TableDef::columns index; unused for CountRows
};

struct AggregateQuery {
  std::vector<std::size_t> group_columns;  // TableDef::columns indexes, GROUP BY order
  std::vector<AggregateTerm> aggregates;
  // WHERE column = value / IN (values), ANDed; by TableDef::columns index.
  std::vector<std::pair<std::size_t, std::vector<Value>>> equals;
  std::string api_version;  // the connection's API-Version ("2026-10"): what monday offers it
};

// One row per group: the group columns' values (in group_columns order), then the aggregates'.
using AggregateRows = std::vector<std::vector<Value>>;

struct AggregatePlan {
  std::string description;  // for sys_last_query: "aggregate COUNT_ITEMS by LABEL(status)"
  // Runs the plan. nullopt: monday cannot give the exact answer after all (a group_by limit would
  // cut groups); the engine then scans and aggregates locally. Throws monday::Error.
  std::function<std::optional<AggregateRows>(ScanContext&)> run;
};

// A table's answer to "can monday compute this exactly?": a plan, or nullopt.
using AggregatePlanner = std::function<std::optional<AggregatePlan>(const AggregateQuery&)>;

}  // namespace monday::schema
