// sys.sys_last_query: the plan of the previous statement on this connection, one row per table it
// read: which WHERE terms went to monday's API, which SQLite evaluated alone, ORDER BY and LIMIT
// pushed, and what it cost. Reading it costs no API call (and does not replace it: the report
// shown is always the statement before the one reading it).
#include <rapidjson/document.h>

#include "schema/registry.h"
#include "schema/system/query_report.h"
#include "schema/system/system_table.h"

namespace monday::schema {

namespace {

using Allocator = rapidjson::Document::AllocatorType;

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : "; ") + part;
  return out;
}

void putText(rapidjson::Value& row, const char* name, const std::string& text, Allocator& allocator) {
  if (!text.empty()) row.AddMember(rapidjson::StringRef(name), rapidjson::Value(text.c_str(), allocator), allocator);
}

void putNumber(rapidjson::Value& row, const char* name, long long number, Allocator& allocator) {
  row.AddMember(rapidjson::StringRef(name), rapidjson::Value(static_cast<std::int64_t>(number)), allocator);
}

rapidjson::Value statementRow(const QueryReport& report, Allocator& allocator) {
  rapidjson::Value row(rapidjson::kObjectType);
  putText(row, "statement", report.sql, allocator);
  putNumber(row, "statement_requests", report.requests, allocator);
  putNumber(row, "statement_complexity", report.complexity, allocator);
  return row;
}

std::unique_ptr<RowSource> scanLastQuery(ScanContext& context, const ScanRequest&) {
  auto rows = std::make_shared<rapidjson::Document>(rapidjson::kArrayType);
  auto& allocator = rows->GetAllocator();
  const QueryReport* report = context.last_query;
  if (report && report->present) {
    if (report->tables.empty()) rows->PushBack(statementRow(*report, allocator), allocator);
    for (const auto& table : report->tables) {
      rapidjson::Value row = statementRow(*report, allocator);
      putText(row, "table_schema", table.schema, allocator);
      putText(row, "table_name", table.table, allocator);
      putNumber(row, "scans", table.scans, allocator);
      putNumber(row, "cache_hits", table.cache_hits, allocator);
      putText(row, "pushed_to_api", joined(table.pushed), allocator);
      putText(row, "evaluated_locally", joined(table.local), allocator);
      putText(row, "fetch_method", joined(table.methods), allocator);
      putText(row, "order_by_pushed", table.order_by, allocator);
      if (table.limit) putNumber(row, "limit_pushed", *table.limit, allocator);
      putNumber(row, "rows_fetched", table.rows, allocator);
      putNumber(row, "table_requests", table.requests, allocator);
      putNumber(row, "table_complexity", table.complexity, allocator);
      rows->PushBack(row, allocator);
    }
  }
  return documentRows(std::move(rows));
}

}  // namespace

TableDef makeLastQueryTable() {
  TableDef table;
  table.name = "sys_last_query";
  table.schema = std::string(kSystemSchema);
  table.description =
      "The plan of the previous statement on this connection: one row per table it read, with the WHERE "
      "terms monday's API applied, the terms SQLite evaluated itself, ORDER BY/LIMIT pushed, rows fetched, "
      "requests and complexity points. Local; reading it costs no API call.";
  table.columns = {
      {.name = "statement", .type = DataType::LongVarchar, .description = "SQL text of the previous statement."},
      {.name = "table_schema", .description = "Schema of the table read (monday, boards, sys).", .size = 32},
      {.name = "table_name", .description = "Table read; NULL when the statement read no table."},
      {.name = "scans", .type = DataType::BigInt, .decode = Decode::Integer,
       .description = "Times the table was scanned (a join may scan an inner table once per outer row)."},
      {.name = "cache_hits", .type = DataType::BigInt, .decode = Decode::Integer,
       .description = "Scans answered from the statement's scan cache without a request."},
      {.name = "pushed_to_api", .type = DataType::LongVarchar,
       .description = "Terms monday's API applied, in monday's words (e.g. 'status any_of [1]', 'items(ids:) 3 ids'), "
       "separated by '; '. SQLite re-checks them on every row."},
      {.name = "evaluated_locally", .type = DataType::LongVarchar,
       .description = "Terms SQLite offered to the table that the API could not apply (SQLite filtered those rows "
       "itself), separated by '; '. Terms SQLite never offers a virtual table (functions, OR across "
       "tables, NOT IN ...) are always local and not listed."},
      {.name = "fetch_method", .description = "How rows were fetched: items_page, items(ids:), boards(ids:) ..."},
      {.name = "order_by_pushed",
       .description = "ORDER BY monday applied (SQLite skipped its sort); NULL when SQLite sorted, or no ORDER BY."},
      {.name = "limit_pushed", .type = DataType::BigInt, .decode = Decode::Integer,
       .description = "LIMIT (+ OFFSET) the scan stopped at; NULL when SQLite had to read every row."},
      {.name = "rows_fetched", .type = DataType::BigInt, .decode = Decode::Integer,
       .description = "Rows the table's scans returned to SQLite."},
      {.name = "table_requests", .type = DataType::BigInt, .decode = Decode::Integer,
       .description = "API requests this table's scans sent."},
      {.name = "table_complexity", .type = DataType::BigInt, .decode = Decode::Integer,
       .description = "Complexity points those requests cost."},
      {.name = "statement_requests", .type = DataType::BigInt, .decode = Decode::Integer,
       .description = "API requests of the whole statement (metadata look-ups included)."},
      {.name = "statement_complexity", .type = DataType::BigInt, .decode = Decode::Integer,
       .description = "Complexity points of the whole statement."},
  };
  table.scan = scanLastQuery;
  table.estimate = [](const ScanShape&) { return localScanEstimate(3); };
  return table;
}

}  // namespace monday::schema
