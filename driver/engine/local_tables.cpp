#include "driver/engine/local_tables.h"

#include <cstdlib>
#include <cstring>
#include <map>
#include <string>

#include "driver/common/sql_lexer.h"
#include "driver/engine/session_state.h"

namespace monday::engine {

namespace {

// Rows of a query on the session's own schema tables, as text.
std::vector<std::vector<std::string>> rows(SessionState& state, const std::string& sql) {
  std::vector<std::vector<std::string>> out;
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(state.db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) return out;
  while (sqlite3_step(statement) == SQLITE_ROW) {
    std::vector<std::string> row;
    for (int i = 0; i < sqlite3_column_count(statement); ++i) {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, i));
      row.emplace_back(text ? text : "");
    }
    out.push_back(std::move(row));
  }
  sqlite3_finalize(statement);
  return out;
}

std::int64_t declaredSize(const std::string& declared) {
  const auto open = declared.find('(');
  return open == std::string::npos ? 0 : std::atoll(declared.c_str() + open + 1);
}

void addTables(SessionState& state, const std::string& schema, const char* master, std::vector<CatalogTable>& out) {
  const bool temporary = schema == kTemporarySchemaName;
  for (const auto& table_row :
       rows(state, "SELECT name, type FROM " + sql::quoteIdentifier(schema) + "." + master +
                       " WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")) {
    CatalogTable table;
    table.schema = schema;
    table.name = table_row[0];
    table.type = table_row[1] == "view" ? "VIEW" : temporary ? "LOCAL TEMPORARY" : "TABLE";
    table.remarks = temporary ? "Local temporary table of this connection (CREATE TEMP TABLE); never sent to monday."
                              : "Local table of this connection (CREATE TABLE); never sent to monday, gone when the "
                                "connection closes.";
    std::map<int, std::string> key_positions;
    // cid, name, type, notnull, dflt_value, pk
    for (const auto& column_row : rows(state, "PRAGMA " + sql::quoteIdentifier(schema) + ".table_info(" + sql::quoteIdentifier(table.name) + ")")) {
      CatalogColumn column;
      column.name = column_row[1];
      column.type = parseDeclaredType(column_row[2]).value_or(DataType::Varchar);
      column.size = declaredSize(column_row[2]);
      if (column.size == 0) column.size = defaultColumnSize(column.type);
      column.nullable = column_row[3] != "1";
      table.columns.push_back(std::move(column));
      if (const int position = std::atoi(column_row[5].c_str()); position > 0) key_positions[position] = column_row[1];
    }
    for (const auto& [position, name] : key_positions) table.primary_key.push_back(name);
    // Local: everything is allowed, and counting the rows costs no request.
    table.privileges = {"SELECT", "INSERT", "UPDATE", "DELETE"};
    for (const auto& column : table.columns) table.updatable_columns.push_back(column.name);
    if (table_row[1] == "table") {  // a view may read monday: no count that would cost requests
      const auto counted = rows(state, "SELECT COUNT(*) FROM " + sql::quoteIdentifier(schema) + "." + sql::quoteIdentifier(table.name));
      if (!counted.empty()) table.row_estimate = std::atoll(counted[0][0].c_str());
    }
    // seq, name, unique, origin, partial
    for (const auto& index_row : rows(state, "PRAGMA " + sql::quoteIdentifier(schema) + ".index_list(" + sql::quoteIdentifier(table.name) + ")")) {
      CatalogTable::Index index{index_row[1], index_row[2] == "1", {}};
      for (const auto& column_row : rows(state, "PRAGMA " + sql::quoteIdentifier(schema) + ".index_info(" + sql::quoteIdentifier(index.name) + ")")) {
        index.columns.push_back(column_row[2]);  // seqno, cid, name
      }
      table.indexes.push_back(std::move(index));
    }
    out.push_back(std::move(table));
  }
}

}  // namespace

std::vector<CatalogTable> localCatalog(SessionState& state) {
  std::vector<CatalogTable> out;
  addTables(state, kLocalSchemaName, "sqlite_schema", out);
  addTables(state, kTemporarySchemaName, "sqlite_temp_schema", out);
  return out;
}

}  // namespace monday::engine
