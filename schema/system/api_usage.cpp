// sys.sys_api_usage: what this connection's API calls cost and what is left of monday's limits.
// Two rows: scope 'connection' (this ODBC connection) and 'token' (every connection of this
// process that uses the same API token and endpoint: monday's budget is per token, so they
// share it). The budget columns are the token's in both rows.
#include <ctime>

#include <rapidjson/document.h>

#include "driver/client/api_client.h"
#include "schema/registry.h"
#include "schema/system/system_table.h"

namespace monday::schema {

namespace {

using Allocator = rapidjson::Document::AllocatorType;

std::string isoUtc(client::WallTime at) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(at);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

void put(rapidjson::Value& row, const char* name, rapidjson::Value value, Allocator& allocator) {
  row.AddMember(rapidjson::StringRef(name), value, allocator);
}

template <typename T>
void putOptional(rapidjson::Value& row, const char* name, const std::optional<T>& value, Allocator& allocator) {
  if (value) put(row, name, rapidjson::Value(static_cast<std::int64_t>(*value)), allocator);
}

void putTime(rapidjson::Value& row, const char* name, const std::optional<client::WallTime>& at, Allocator& allocator) {
  if (at) put(row, name, rapidjson::Value(isoUtc(*at).c_str(), allocator), allocator);
}

double secondsOf(std::chrono::milliseconds duration) { return static_cast<double>(duration.count()) / 1000.0; }

rapidjson::Value usageRow(const char* scope, long connections, const client::UsageCounters& counters,
                          const client::BudgetSnapshot& budget, client::WallTime now, std::optional<int> peak_in_flight,
                          Allocator& allocator) {
  rapidjson::Value row(rapidjson::kObjectType);
  put(row, "scope", rapidjson::Value(rapidjson::StringRef(scope)), allocator);
  put(row, "connections", rapidjson::Value(static_cast<std::int64_t>(connections)), allocator);
  put(row, "requests", rapidjson::Value(static_cast<std::int64_t>(counters.requests)), allocator);
  put(row, "retries", rapidjson::Value(static_cast<std::int64_t>(counters.retries)), allocator);
  put(row, "complexity_used", rapidjson::Value(static_cast<std::int64_t>(counters.complexity)), allocator);
  put(row, "limit_answers", rapidjson::Value(static_cast<std::int64_t>(counters.limit_answers)), allocator);
  put(row, "waits", rapidjson::Value(static_cast<std::int64_t>(counters.waits)), allocator);
  put(row, "wait_seconds", rapidjson::Value(secondsOf(counters.waited)), allocator);
  put(row, "budget_waits", rapidjson::Value(static_cast<std::int64_t>(counters.budget_waits)), allocator);
  put(row, "budget_wait_seconds", rapidjson::Value(secondsOf(counters.budget_waited)), allocator);
  put(row, "api_seconds", rapidjson::Value(secondsOf(counters.elapsed)), allocator);
  putOptional(row, "last_query_cost", budget.last_cost, allocator);
  putOptional(row, "budget_limit", budget.limit, allocator);
  putOptional(row, "budget_left", budget.left, allocator);
  putTime(row, "budget_reset_at", budget.resets_at, allocator);
  if (budget.resets_at) {
    const auto left = std::chrono::ceil<std::chrono::seconds>(*budget.resets_at - now).count();
    put(row, "budget_reset_in_seconds", rapidjson::Value(static_cast<std::int64_t>(std::max<long long>(0, left))),
        allocator);
  }
  putOptional(row, "minute_request_limit", budget.minute_request_limit, allocator);
  putOptional(row, "minute_requests_left", budget.minute_requests_left, allocator);
  put(row, "daily_limit_exceeded", rapidjson::Value(budget.daily_limit_exceeded), allocator);
  putTime(row, "daily_limit_reset_at", budget.daily_limit_resets_at, allocator);
  putOptional(row, "peak_in_flight", peak_in_flight, allocator);
  return row;
}

std::unique_ptr<RowSource> scanApiUsage(ScanContext& context, const ScanRequest&) {
  const client::ApiUsage mine = context.api.usage();
  const client::BudgetSnapshot budget = context.api.budget();
  const auto now = std::chrono::system_clock::now();
  auto rows = std::make_shared<rapidjson::Document>(rapidjson::kArrayType);
  auto& allocator = rows->GetAllocator();
  rows->PushBack(usageRow("connection", 1, mine, budget, now, context.api.peakInFlight(), allocator), allocator);
  rows->PushBack(usageRow("token", std::max(1L, budget.connections), budget.totals, budget, now, std::nullopt, allocator),
                 allocator);
  return documentRows(std::move(rows));
}

}  // namespace

TableDef makeApiUsageTable() {
  TableDef table;
  table.name = "sys_api_usage";
  table.schema = std::string(kSystemSchema);
  table.description =
      "monday API usage and limits as the driver sees them: one row for this connection, one for every "
      "connection of this process that shares its API token (monday's budget is per token). Local; "
      "reading it costs no API call.";
  table.columns = {
      {.name = "scope",
       .description = "'connection' (this ODBC connection) or 'token' (all connections of this process with the same "
       "token and endpoint).",
       .size = 16, .nullable = false},
      {.name = "connections", .type = DataType::Integer, .decode = Decode::Integer,
       .description = "Connections counted in this row (1 for 'connection').", .nullable = false},
      {.name = "requests", .type = DataType::BigInt, .decode = Decode::Integer,
       .description = "HTTP requests sent to monday, retries included.", .nullable = false},
      {.name = "retries", .type = DataType::BigInt, .decode = Decode::Integer,
       .description = "Requests that repeated an earlier one after a limit or a transient error.",
       .nullable = false},
      {.name = "complexity_used", .type = DataType::BigInt, .decode = Decode::Integer,
       .description = "Complexity points monday charged, as its complexity field reported them.",
       .nullable = false},
      {.name = "limit_answers", .type = DataType::BigInt, .decode = Decode::Integer,
       .description = "Answers that were a limit: 429 (complexity budget, minute, concurrency, IP), 423, daily limit.",
       .nullable = false},
      {.name = "waits", .type = DataType::BigInt, .decode = Decode::Integer,
       .description = "Pauses before a request: budget waits plus waits before retries.", .nullable = false},
      {.name = "wait_seconds", .type = DataType::Double, .decode = Decode::Real,
       .description = "Seconds spent in those pauses.", .nullable = false},
      {.name = "budget_waits", .type = DataType::BigInt, .decode = Decode::Integer,
       .description = "Of waits: pauses before sending because the request would have exhausted the per-minute "
       "complexity budget (the wait ends when the window resets).",
       .nullable = false},
      {.name = "budget_wait_seconds", .type = DataType::Double, .decode = Decode::Real,
       .description = "Seconds spent in budget waits.", .nullable = false},
      {.name = "api_seconds", .type = DataType::Double, .decode = Decode::Real,
       .description = "Seconds spent in HTTP requests.", .nullable = false},
      {.name = "last_query_cost", .type = DataType::BigInt, .decode = Decode::Integer,
       .description = "Complexity of the most recent charged call of the token; NULL before the first."},
      {.name = "budget_limit", .type = DataType::BigInt, .decode = Decode::Integer,
       .description = "Complexity points per minute (from monday's RateLimit-Policy header or error bodies); NULL when "
       "monday has not said."},
      {.name = "budget_left", .type = DataType::BigInt, .decode = Decode::Integer,
       .description = "Points left in the current window, as monday last reported them; NULL when unknown."},
      {.name = "budget_reset_at", .type = DataType::Timestamp, .decode = Decode::Timestamp,
       .description = "When the current budget window resets (UTC); NULL when no window is open or it is unknown."},
      {.name = "budget_reset_in_seconds", .type = DataType::Integer, .decode = Decode::Integer,
       .description = "Seconds until budget_reset_at."},
      {.name = "minute_request_limit", .type = DataType::BigInt, .decode = Decode::Integer,
       .description = "Requests per minute the plan allows (RateLimit-Policy minuteRate); NULL when unknown."},
      {.name = "minute_requests_left", .type = DataType::BigInt, .decode = Decode::Integer,
       .description = "Requests left this minute (RateLimit minuteRate); NULL when unknown."},
      {.name = "daily_limit_exceeded", .type = DataType::Bit, .decode = Decode::Boolean,
       .description = "1 when monday answered DAILY_LIMIT_EXCEEDED and no call has succeeded since.",
       .nullable = false},
      {.name = "daily_limit_reset_at", .type = DataType::Timestamp, .decode = Decode::Timestamp,
       .description = "When the daily call limit resets (00:00 UTC) if it was exceeded."},
      {.name = "peak_in_flight", .type = DataType::Integer, .decode = Decode::Integer,
       .description = "Connection row: the most requests this connection had in flight at once (MaxConcurrentRequests bounds "
       "each scan). NULL on the token row."},
  };
  table.scan = scanApiUsage;
  table.estimate = [](const ScanShape&) { return localScanEstimate(2); };
  return table;
}

}  // namespace monday::schema
