#pragma once
// The plan of one SQL statement as it really ran: for each table it read, what went to monday's
// API and what SQLite had to filter itself, and what the statement cost in requests and
// complexity points. The engine fills it while the statement runs; sys_last_query shows the
// previous statement's, and the log prints it at Verbosity >= 2.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace monday::schema {

struct TableReport {
  std::string schema;
  std::string table;
  long long scans = 0;           // xFilter calls (a join may scan a table once per outer row)
  long long cache_hits = 0;      // scans answered from the statement's scan cache, no request
  std::vector<std::string> pushed;  // terms the API applied ("status any_of [1]"), each once
  std::vector<std::string> local;   // terms SQLite filtered alone (offered to the table, not pushed)
  std::vector<std::string> methods;  // how rows were fetched ("items_page", "items(ids:)" ...)
  std::string order_by;          // ORDER BY the API delivered ("" = SQLite sorted, if needed)
  std::optional<std::int64_t> limit;  // LIMIT (+ OFFSET) the API was asked to stop at
  long long rows = 0;            // rows the scans returned to SQLite
  long long requests = 0;        // API requests these scans sent
  long long complexity = 0;      // complexity points those requests cost
};

struct QueryReport {
  std::string sql;
  std::vector<TableReport> tables;  // in the order the statement first read them
  long long requests = 0;           // every request of the statement, metadata included
  long long complexity = 0;
  bool present = false;             // false before the first statement of the connection

  TableReport& tableEntry(const std::string& schema_name, const std::string& table_name) {
    for (auto& entry : tables) {
      if (entry.schema == schema_name && entry.table == table_name) return entry;
    }
    tables.push_back(TableReport{.schema = schema_name, .table = table_name});
    return tables.back();
  }
};

// Adds `text` to `list` unless it is there already.
inline void addOnce(std::vector<std::string>& list, const std::string& text) {
  for (const auto& existing : list) {
    if (existing == text) return;
  }
  list.push_back(text);
}

}  // namespace monday::schema
