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
      {"statement", DataType::LongVarchar, "statement", Decode::Text, "SQL text of the previous statement."},
      {"table_schema", DataType::Varchar, "table_schema", Decode::Text, "Schema of the table read (monday, boards, sys).",
       32},
      {"table_name", DataType::Varchar, "table_name", Decode::Text,
       "Table read; NULL when the statement read no table."},
      {"scans", DataType::BigInt, "scans", Decode::Integer,
       "Times the table was scanned (a join may scan an inner table once per outer row)."},
      {"cache_hits", DataType::BigInt, "cache_hits", Decode::Integer,
       "Scans answered from the statement's scan cache without a request."},
      {"pushed_to_api", DataType::LongVarchar, "pushed_to_api", Decode::Text,
       "Terms monday's API applied, in monday's words (e.g. 'status any_of [1]', 'items(ids:) 3 ids'), "
       "separated by '; '. SQLite re-checks them on every row."},
      {"evaluated_locally", DataType::LongVarchar, "evaluated_locally", Decode::Text,
       "Terms SQLite offered to the table that the API could not apply (SQLite filtered those rows "
       "itself), separated by '; '. Terms SQLite never offers a virtual table (functions, OR across "
       "tables, NOT IN ...) are always local and not listed."},
      {"fetch_method", DataType::Varchar, "fetch_method", Decode::Text,
       "How rows were fetched: items_page, items(ids:), boards(ids:) ..."},
      {"order_by_pushed", DataType::Varchar, "order_by_pushed", Decode::Text,
       "ORDER BY monday applied (SQLite skipped its sort); NULL when SQLite sorted, or no ORDER BY."},
      {"limit_pushed", DataType::BigInt, "limit_pushed", Decode::Integer,
       "LIMIT (+ OFFSET) the scan stopped at; NULL when SQLite had to read every row."},
      {"rows_fetched", DataType::BigInt, "rows_fetched", Decode::Integer, "Rows the table's scans returned to SQLite."},
      {"table_requests", DataType::BigInt, "table_requests", Decode::Integer, "API requests this table's scans sent."},
      {"table_complexity", DataType::BigInt, "table_complexity", Decode::Integer,
       "Complexity points those requests cost."},
      {"statement_requests", DataType::BigInt, "statement_requests", Decode::Integer,
       "API requests of the whole statement (metadata look-ups included)."},
      {"statement_complexity", DataType::BigInt, "statement_complexity", Decode::Integer,
       "Complexity points of the whole statement."},
  };
  table.scan = scanLastQuery;
  table.estimate = [](const ScanShape&) { return localScanEstimate(3); };
  return table;
}

}  // namespace monday::schema
