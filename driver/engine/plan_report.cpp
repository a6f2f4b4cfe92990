#include "driver/engine/plan_report.h"

#include "driver/engine/session_state.h"

namespace monday::engine {

namespace {

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : "; ") + part;
  return out;
}

void logReport(SessionState& state, const schema::QueryReport& report) {
  if (!state.logger->enabled(log::Level::Debug)) return;
  std::string line = "statement cost " + std::to_string(report.requests) + " requests, " +
                     std::to_string(report.complexity) + " complexity points";
  for (const auto& table : report.tables) {
    line += " | " + table.schema + "." + table.table + ": " + std::to_string(table.scans) + " scans (" +
            std::to_string(table.cache_hits) + " cached), " + std::to_string(table.rows) + " rows, " +
            std::to_string(table.requests) + " requests; API: " + (table.pushed.empty() ? "-" : joined(table.pushed)) +
            "; local: " + (table.local.empty() ? "-" : joined(table.local));
    if (!table.order_by.empty()) line += "; order_by " + table.order_by;
    if (table.limit) line += "; limit " + std::to_string(*table.limit);
  }
  state.logger->write(log::Level::Debug, "plan", line);
}

}  // namespace

void finishReport(SessionState& state) {
  if (!state.report.present) return;
  const client::ApiUsage now = state.api->usage();
  state.report.requests = now.requests - state.report_usage_start.requests;
  state.report.complexity = now.complexity - state.report_usage_start.complexity;
  logReport(state, state.report);
  // A statement that only read sys_last_query keeps the report it showed: reading the plan twice
  // (or once per column, as some tools do) must not replace it with its own.
  bool only_plan = state.report.requests == 0 && !state.report.tables.empty();
  for (const auto& table : state.report.tables) {
    only_plan = only_plan && table.schema == "sys" && table.table == "sys_last_query";
  }
  if (only_plan) {
    state.report = schema::QueryReport{};
    return;
  }
  state.last_report = std::move(state.report);
  state.report = schema::QueryReport{};
}

long long startReport(SessionState& state, const std::string& sql) {
  finishReport(state);
  state.report = schema::QueryReport{};
  state.report.sql = sql;
  state.report.present = true;
  state.report_usage_start = state.api->usage();
  return ++state.report_serial;
}

}  // namespace monday::engine
