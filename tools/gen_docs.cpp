// Writes the reference parts of the documentation from the code's registries, so the docs cannot
// say something the driver does not do:
//   README.md   the blocks between <!-- generated:NAME --> and <!-- end generated -->
//               (properties, tables, procedures);
//   docs/tables.md, docs/procedures.md, docs/odbc-conformance.md   whole files.
//
//   gen_docs --source DIR --write   rewrite them in DIR
//   gen_docs --source DIR --check   exit 1, naming the stale files, when they differ
//
// The ctest test docs_up_to_date runs --check; `cmake --build BUILD --target docs` runs --write.

#include <sql.h>
#include <sqlext.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "driver/config/properties.h"
#include "driver/convert/escapes.h"
#include "driver/handles/functions.h"
#include "driver/handles/info.h"
#include "procedures/registry.h"
#include "schema/auditlog/audit_api.h"
#include "schema/boards/board_table.h"
#include "schema/boards/column_types.h"
#include "schema/registry.h"

namespace {

using monday::DataType;
using monday::Value;
using monday::schema::ConstraintOp;
using monday::schema::TableDef;

constexpr std::string_view kRegenerate = "cmake --build <build dir> --target docs";

// ---------------------------------------------------------------------------------------------
// Markdown helpers

// A table cell: no line breaks, and a '|' must not end the cell.
std::string cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string code(std::string_view text) { return "`" + std::string(text) + "`"; }

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const auto& part : parts) {
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

std::string generatedNote() {
  return "<!-- Generated from the code by tools/gen_docs.cpp; do not edit by hand. Regenerate with `" +
         std::string(kRegenerate) + "`. -->\n";
}

// ---------------------------------------------------------------------------------------------
// Connection properties (driver/config/properties.cpp)

std::string propertyValues(const monday::config::PropertyDef& property) {
  using monday::config::PropertyKind;
  switch (property.kind) {
    case PropertyKind::Choice: {
      std::vector<std::string> choices;
      for (auto choice : property.choices) choices.push_back(code(choice));
      return joined(choices, ", ");
    }
    case PropertyKind::Integer:
      return std::to_string(property.min_value) + " – " + std::to_string(property.max_value);
    case PropertyKind::Boolean: return "`true`, `false`";
    case PropertyKind::Secret: return "secret (`env:NAME`, `file:PATH`)";
    case PropertyKind::Path: return "file path";
    case PropertyKind::Url: return "URL";
    case PropertyKind::Text: return "text";
  }
  return "";
}

// "Required with AuthScheme=JWT." for the properties the registry requires; "" for the others.
std::string requirement(const monday::config::PropertyDef& property) {
  if (property.required_when.empty() || !property.default_value.empty()) return "";
  std::vector<std::string> terms;
  for (const auto& term : property.required_when) {
    std::vector<std::string> values;
    for (auto value : term.values) values.emplace_back(value);
    terms.push_back(std::string(term.property) + "=" + joined(values, " or "));
  }
  return " **Required** with " + joined(terms, " and ") + ".";
}

std::string propertiesBlock() {
  std::ostringstream out;
  out << "| Property | Aliases | Default | Values | Description |\n";
  out << "| --- | --- | --- | --- | --- |\n";
  for (const auto& property : monday::config::propertyRegistry()) {
    std::vector<std::string> aliases;
    for (auto alias : property.aliases) aliases.push_back(code(alias));
    out << "| " << code(property.name) << " | " << joined(aliases, ", ") << " | "
        << (property.default_value.empty() ? std::string() : code(property.default_value)) << " | "
        << cell(propertyValues(property)) << " | " << cell(std::string(property.description) + requirement(property))
        << " |\n";
  }
  return out.str();
}

// ---------------------------------------------------------------------------------------------
// Tables (schema/registry.*, schema/boards/, schema/auditlog/, schema/system/)

// "`id` =, IN" / "`timestamp` =, <, <=, >, >=".
std::string keyText(const monday::schema::KeyColumn& key) {
  std::vector<std::string> ops;
  for (auto op : key.ops) ops.emplace_back(monday::schema::constraintOpText(op));
  if (key.accepts_in) ops.insert(ops.begin() + (ops.empty() ? 0 : 1), "IN");
  return joined(ops, ", ");
}

std::string keysSummary(const TableDef& table) {
  if (table.keys.empty()) return "—";
  std::vector<std::string> parts;
  for (const auto& key : table.keys) parts.push_back(code(key.column) + " " + keyText(key));
  return joined(parts, "; ");
}

std::string writesSummary(const TableDef& table) {
  std::vector<std::string> parts;
  if (table.writes.insert) parts.emplace_back("INSERT");
  if (table.writes.update) parts.emplace_back("UPDATE");
  if (table.writes.remove) parts.emplace_back("DELETE");
  return parts.empty() ? "—" : joined(parts, ", ");
}

std::string sqlType(const monday::schema::ColumnDef& column) {
  std::string type(monday::declaredTypeName(column.type));
  if (column.size > 0 && column.type == DataType::Varchar) type += "(" + std::to_string(column.size) + ")";
  return type;
}

// A board table as every board's gets it: the fixed item columns and their pushdown, with no
// board columns (those depend on the account). Built by the real factory so it cannot drift.
std::shared_ptr<const TableDef> genericBoardTable(bool subitems) {
  static monday::schema::boards::BoardMeta board{.id = "1", .name = "<board name>", .state = "active",
                                                  .type = "board"};
  static monday::schema::boards::BoardMeta subitems_board{.id = "2", .name = "Subitems of <board name>",
                                                           .state = "active", .type = "sub_items_board"};
  monday::schema::boards::NamedBoardTable named{
      .name = subitems ? "<board name>_subitems" : "<board name>",
      .board = &board,
      .source = subitems ? &subitems_board : &board,
      .subitems = subitems,
  };
  auto table = std::make_shared<TableDef>(
      *monday::schema::boards::makeBoardTable(named, monday::schema::boards::ColumnNaming::Title).table);
  // The factory names the made-up board; say what holds for every board instead.
  table->description = subitems ? "Subitems of one board, read from its hidden subitems board: one row per active "
                                  "subitem, with the item it belongs to in parent_item_id."
                                : "Items of one board: one row per active item; the fixed columns, then the board's "
                                  "own columns typed by column type.";
  return table;
}

struct SchemaGroup {
  std::string title;      // heading
  std::string anchor_note;  // a sentence under the heading
  std::vector<std::shared_ptr<const TableDef>> tables;
};

std::vector<SchemaGroup> schemaGroups() {
  std::vector<SchemaGroup> groups;
  groups.push_back({"Schema `monday` (`Schema=GraphQL`, the default)",
                    "monday's GraphQL API; `SELECT … FROM Items` and `FROM monday.Items` both work.",
                    monday::schema::graphqlTables()});
  groups.push_back({"Schema `boards`: one table per board",
                    "`Schema=GraphQL` also offers every board the token can see as a table of its items "
                    "(and `<board name>_subitems` for its subitems), named by `BoardTableNames` and "
                    "`BoardColumnNames`. Every board table starts with these fixed columns; the board's own "
                    "columns follow, typed by column type.",
                    {genericBoardTable(false), genericBoardTable(true)}});
  groups.push_back({"Schema `sys`: the driver's own state",
                    "Offered on every connection whatever its `Schema`; reading them costs no API call. "
                    "`SQLTables` lists them as `SYSTEM TABLE`.",
                    monday::schema::systemTables()});
  auto audit_api = monday::schema::auditlog::makeGraphqlAuditLogApi();
  groups.push_back({"`Schema=AuditLog` (schema `monday`)",
                    "A connection with `Schema=AuditLog` offers these instead of the GraphQL tables.",
                    monday::schema::auditLogTables(audit_api)});
  return groups;
}

std::string tablesBlock() {
  std::ostringstream out;
  out << "Every column, its SQL type and description: [docs/tables.md](docs/tables.md).\n";
  for (const auto& group : schemaGroups()) {
    out << "\n### " << group.title << "\n\n" << group.anchor_note << "\n\n";
    out << "| Table | Description | Sent to the API | Writes |\n| --- | --- | --- | --- |\n";
    for (const auto& table : group.tables) {
      out << "| " << code(table->name) << " | " << cell(table->description) << " | " << cell(keysSummary(*table))
          << " | " << writesSummary(*table) << " |\n";
    }
  }
  return out.str();
}

// How a WHERE term on a board column part travels to items_page (schema/boards/column_types.h).
std::string filterText(monday::schema::boards::FilterKind kind) {
  using monday::schema::boards::FilterKind;
  switch (kind) {
    case FilterKind::None: return "";
    case FilterKind::NotEmptyOnly: return "IS NOT NULL";
    case FilterKind::Emptiness: return "IS [NOT] NULL";
    case FilterKind::Text: return "=, IN, LIKE, IS [NOT] NULL";
    case FilterKind::TextContains: return "=, IN, LIKE (as contains), IS [NOT] NULL";
    case FilterKind::Code: return "=, IN, IS NOT NULL";
    case FilterKind::Number: return "=, IN, <>, <, <=, >, >=, IS [NOT] NULL";
    case FilterKind::StatusLabel: return "=, IN, <>, LIKE (by label), IS [NOT] NULL";
    case FilterKind::StatusId: return "=, IN, <>, IS [NOT] NULL";
    case FilterKind::DropdownLabels: return "=, IN (by label), LIKE, IS [NOT] NULL";
    case FilterKind::Date: return "=, IN, <, <=, >, >=, IS [NOT] NULL";
    case FilterKind::TimelineStart:
    case FilterKind::TimelineEnd: return "=, <, <=, >, >=, IS [NOT] NULL";
    case FilterKind::Checkbox: return "= 0/1, <> 0/1";
    case FilterKind::Rating: return "=, IN, IS [NOT] NULL";
    case FilterKind::PersonIds:
    case FilterKind::LinkedIds: return "=, IN (an id in the list), IS [NOT] NULL";
  }
  return "";
}

// The board columns each monday column type becomes (schema/boards/column_types.cpp).
std::string boardColumnTypesSection() {
  std::ostringstream out;
  out << "\n### Board columns by monday column type\n\n"
      << "A board column named `c` (see `BoardColumnNames`) becomes these SQL columns: `c` for its main "
         "value, `c_<part>` for the others. *Sent to the API*: the terms items_page applies. *Writable*: "
         "INSERT and UPDATE may set it.\n\n"
      << "| monday type | SQL columns | Sent to the API | Writable |\n| --- | --- | --- | --- |\n";
  for (const auto& info : monday::schema::boards::allColumnTypes()) {
    std::vector<std::string> parts;
    std::vector<std::string> filters;
    for (const auto& part : info.parts) {
      const std::string name = "c" + std::string(part.suffix);
      std::string type(monday::declaredTypeName(part.type));
      parts.push_back(code(name) + " " + type + (part.meaning.empty() ? "" : " (" + std::string(part.meaning) + ")"));
      const std::string filter = filterText(part.filter);
      if (!filter.empty()) filters.push_back(code(name) + " " + filter);
    }
    out << "| " << (info.type.empty() ? std::string("any other type") : code(info.type)) << " | "
        << cell(joined(parts, "; ")) << " | " << cell(filters.empty() ? "—" : joined(filters, "; ")) << " | "
        << (info.encode ? "yes" : "no") << " |\n";
  }
  return out.str();
}

std::string tablesDocument() {
  std::ostringstream out;
  out << generatedNote() << "\n# Tables\n\n"
      << "Every table the driver offers, every column with its SQL type (as `SQLColumns` reports it) and "
         "description (`SQLColumns` `REMARKS`). *Sent to the API* lists the comparisons on a column that "
         "the driver sends to monday instead of filtering the rows itself; every other condition is "
         "evaluated by the SQL engine, with the same result.\n";
  for (const auto& group : schemaGroups()) {
    out << "\n## " << group.title << "\n\n" << group.anchor_note << "\n";
    for (const auto& table : group.tables) {
      out << "\n### " << table->schema << "." << table->name << "\n\n" << table->description << "\n\n";
      if (!table->primary_key.empty()) {
        std::vector<std::string> key;
        for (const auto& column : table->primary_key) key.push_back(code(column));
        out << "Primary key: " << joined(key, ", ") << ".\n\n";
      }
      const auto& writes = table->writes;
      if (writes.insert) out << "- `INSERT`: " << writes.insert_summary << "\n";
      if (writes.update) out << "- `UPDATE`: " << writes.update_summary << "\n";
      if (writes.remove) out << "- `DELETE`: " << writes.delete_summary << "\n";
      if (writes.any()) out << "\n";
      out << "| Column | SQL type | Description | Sent to the API |\n| --- | --- | --- | --- |\n";
      for (const auto& column : table->columns) {
        std::string pushed;
        for (const auto& key : table->keys) {
          if (key.column == column.name) pushed = keyText(key);
        }
        out << "| " << code(column.name) << " | " << sqlType(column) << (column.nullable ? "" : " NOT NULL")
            << " | " << cell(column.description) << " | " << cell(pushed) << " |\n";
      }
    }
    if (group.tables.front()->schema == monday::schema::boards::kBoardSchema) out << boardColumnTypesSection();
  }
  return out.str();
}

// ---------------------------------------------------------------------------------------------
// Procedures (procedures/registry.*)

std::string valueText(const Value& value) {
  if (std::holds_alternative<std::int64_t>(value)) return std::to_string(std::get<std::int64_t>(value));
  if (std::holds_alternative<double>(value)) {
    std::ostringstream out;
    out << std::get<double>(value);
    return out.str();
  }
  if (std::holds_alternative<std::string>(value)) return "'" + std::get<std::string>(value) + "'";
  return "NULL";
}

std::string procedureParameters(const monday::procedures::ProcedureDef& procedure) {
  std::vector<std::string> parts;
  for (const auto& parameter : procedure.parameters) {
    if (parameter.required) {
      parts.push_back(code(parameter.name));
    } else if (monday::isNull(parameter.default_value)) {
      parts.push_back(code("[" + parameter.name + "]"));
    } else {
      parts.push_back(code("[" + parameter.name + " = " + valueText(parameter.default_value) + "]"));
    }
  }
  return parts.empty() ? "—" : joined(parts, ", ");
}

std::string proceduresBlock() {
  std::ostringstream out;
  out << "Parameters, their types and descriptions, and the result columns: "
         "[docs/procedures.md](docs/procedures.md).\n\n";
  out << "| Procedure | Parameters (in call order; `[optional = default]`) | Result columns |\n| --- | --- | --- |\n";
  for (const auto& procedure : monday::procedures::allProcedures()) {
    std::vector<std::string> results;
    for (const auto& result : procedure->results) results.push_back(code(result.name));
    out << "| " << code(procedure->name) << (procedure->mutating ? " *changes data*" : "") << " | "
        << cell(procedureParameters(*procedure)) << " | " << joined(results, ", ") << " |\n";
  }
  return out.str();
}

std::string proceduresDocument() {
  std::ostringstream out;
  out << generatedNote() << "\n# Stored procedures\n\n"
      << "Call them with `EXEC Name @Param = value`, `CALL Name(...)`, `{call Name(?)}` or as a table-valued "
         "function (`SELECT * FROM Name(...)`); see the README. Every parameter is an input; the results "
         "come back as a result set. *changes data*: refused on a `ReadOnly=true` connection.\n";
  for (const auto& procedure : monday::procedures::allProcedures()) {
    out << "\n## " << procedure->name << (procedure->mutating ? " *changes data*" : "") << "\n\n"
        << procedure->description << "\n\n";
    if (!procedure->parameters.empty()) {
      out << "| Parameter | SQL type | Required | Default | Description |\n| --- | --- | --- | --- | --- |\n";
      for (const auto& parameter : procedure->parameters) {
        out << "| " << code(parameter.name) << " | " << monday::declaredTypeName(parameter.type) << " | "
            << (parameter.required ? "yes" : "no") << " | "
            << (monday::isNull(parameter.default_value) ? std::string() : code(valueText(parameter.default_value)))
            << " | " << cell(parameter.description) << " |\n";
      }
      out << "\n";
    }
    out << "| Result column | SQL type | Description |\n| --- | --- | --- |\n";
    for (const auto& result : procedure->results) {
      out << "| " << code(result.name) << " | " << monday::declaredTypeName(result.type) << " | "
          << cell(result.description) << " |\n";
    }
  }
  return out.str();
}

// ---------------------------------------------------------------------------------------------
// ODBC conformance (driver/handles/functions.cpp, driver/handles/info.cpp)

struct FunctionName {
  SQLUSMALLINT id;
  const char* name;
  const char* level;  // ODBC 3.8 conformance level, or the ODBC 3 replacement of a deprecated one
};

// Every ODBC 3.8 function the driver manager may route to a driver, with its conformance level.
const std::vector<FunctionName>& odbcFunctions() {
  static const std::vector<FunctionName> functions = {
      {SQL_API_SQLALLOCCONNECT, "SQLAllocConnect", "deprecated (SQLAllocHandle)"},
      {SQL_API_SQLALLOCENV, "SQLAllocEnv", "deprecated (SQLAllocHandle)"},
      {SQL_API_SQLALLOCHANDLE, "SQLAllocHandle", "Core"},
      {SQL_API_SQLALLOCHANDLESTD, "SQLAllocHandleStd", "X/Open (driver manager)"},
      {SQL_API_SQLALLOCSTMT, "SQLAllocStmt", "deprecated (SQLAllocHandle)"},
      {SQL_API_SQLBINDCOL, "SQLBindCol", "Core"},
      {SQL_API_SQLBINDPARAM, "SQLBindParam", "deprecated (SQLBindParameter)"},
      {SQL_API_SQLBINDPARAMETER, "SQLBindParameter", "Core"},
      {SQL_API_SQLBROWSECONNECT, "SQLBrowseConnect", "Level 1"},
      {SQL_API_SQLBULKOPERATIONS, "SQLBulkOperations", "Level 1"},
      {SQL_API_SQLCANCEL, "SQLCancel", "Core"},
      {SQL_API_SQLCANCELHANDLE, "SQLCancelHandle", "Core (3.8)"},
      {SQL_API_SQLCLOSECURSOR, "SQLCloseCursor", "Core"},
      {SQL_API_SQLCOLATTRIBUTE, "SQLColAttribute", "Core"},
      {SQL_API_SQLCOLATTRIBUTES, "SQLColAttributes", "deprecated (SQLColAttribute)"},
      {SQL_API_SQLCOLUMNPRIVILEGES, "SQLColumnPrivileges", "Level 2"},
      {SQL_API_SQLCOLUMNS, "SQLColumns", "Core"},
      {SQL_API_SQLCONNECT, "SQLConnect", "Core"},
      {SQL_API_SQLCOPYDESC, "SQLCopyDesc", "Core"},
      {SQL_API_SQLDATASOURCES, "SQLDataSources", "Core (driver manager)"},
      {SQL_API_SQLDESCRIBECOL, "SQLDescribeCol", "Core"},
      {SQL_API_SQLDESCRIBEPARAM, "SQLDescribeParam", "Level 2"},
      {SQL_API_SQLDISCONNECT, "SQLDisconnect", "Core"},
      {SQL_API_SQLDRIVERCONNECT, "SQLDriverConnect", "Core"},
      {SQL_API_SQLDRIVERS, "SQLDrivers", "Core (driver manager)"},
      {SQL_API_SQLENDTRAN, "SQLEndTran", "Core"},
      {SQL_API_SQLERROR, "SQLError", "deprecated (SQLGetDiagRec)"},
      {SQL_API_SQLEXECDIRECT, "SQLExecDirect", "Core"},
      {SQL_API_SQLEXECUTE, "SQLExecute", "Core"},
      {SQL_API_SQLEXTENDEDFETCH, "SQLExtendedFetch", "deprecated (SQLFetchScroll)"},
      {SQL_API_SQLFETCH, "SQLFetch", "Core"},
      {SQL_API_SQLFETCHSCROLL, "SQLFetchScroll", "Core"},
      {SQL_API_SQLFOREIGNKEYS, "SQLForeignKeys", "Level 2"},
      {SQL_API_SQLFREECONNECT, "SQLFreeConnect", "deprecated (SQLFreeHandle)"},
      {SQL_API_SQLFREEENV, "SQLFreeEnv", "deprecated (SQLFreeHandle)"},
      {SQL_API_SQLFREEHANDLE, "SQLFreeHandle", "Core"},
      {SQL_API_SQLFREESTMT, "SQLFreeStmt", "Core"},
      {SQL_API_SQLGETCONNECTATTR, "SQLGetConnectAttr", "Core"},
      {SQL_API_SQLGETCONNECTOPTION, "SQLGetConnectOption", "deprecated (SQLGetConnectAttr)"},
      {SQL_API_SQLGETCURSORNAME, "SQLGetCursorName", "Core"},
      {SQL_API_SQLGETDATA, "SQLGetData", "Core"},
      {SQL_API_SQLGETDESCFIELD, "SQLGetDescField", "Core"},
      {SQL_API_SQLGETDESCREC, "SQLGetDescRec", "Core"},
      {SQL_API_SQLGETDIAGFIELD, "SQLGetDiagField", "Core"},
      {SQL_API_SQLGETDIAGREC, "SQLGetDiagRec", "Core"},
      {SQL_API_SQLGETENVATTR, "SQLGetEnvAttr", "Core"},
      {SQL_API_SQLGETFUNCTIONS, "SQLGetFunctions", "Core"},
      {SQL_API_SQLGETINFO, "SQLGetInfo", "Core"},
      {SQL_API_SQLGETSTMTATTR, "SQLGetStmtAttr", "Core"},
      {SQL_API_SQLGETSTMTOPTION, "SQLGetStmtOption", "deprecated (SQLGetStmtAttr)"},
      {SQL_API_SQLGETTYPEINFO, "SQLGetTypeInfo", "Core"},
      {SQL_API_SQLMORERESULTS, "SQLMoreResults", "Level 1"},
      {SQL_API_SQLNATIVESQL, "SQLNativeSql", "Core"},
      {SQL_API_SQLNUMPARAMS, "SQLNumParams", "Core"},
      {SQL_API_SQLNUMRESULTCOLS, "SQLNumResultCols", "Core"},
      {SQL_API_SQLPARAMDATA, "SQLParamData", "Core"},
      {SQL_API_SQLPARAMOPTIONS, "SQLParamOptions", "deprecated (SQLSetStmtAttr)"},
      {SQL_API_SQLPREPARE, "SQLPrepare", "Core"},
      {SQL_API_SQLPRIMARYKEYS, "SQLPrimaryKeys", "Level 1"},
      {SQL_API_SQLPROCEDURECOLUMNS, "SQLProcedureColumns", "Level 1"},
      {SQL_API_SQLPROCEDURES, "SQLProcedures", "Level 1"},
      {SQL_API_SQLPUTDATA, "SQLPutData", "Core"},
      {SQL_API_SQLROWCOUNT, "SQLRowCount", "Core"},
      {SQL_API_SQLSETCONNECTATTR, "SQLSetConnectAttr", "Core"},
      {SQL_API_SQLSETCONNECTOPTION, "SQLSetConnectOption", "deprecated (SQLSetConnectAttr)"},
      {SQL_API_SQLSETCURSORNAME, "SQLSetCursorName", "Core"},
      {SQL_API_SQLSETDESCFIELD, "SQLSetDescField", "Core"},
      {SQL_API_SQLSETDESCREC, "SQLSetDescRec", "Core"},
      {SQL_API_SQLSETENVATTR, "SQLSetEnvAttr", "Core"},
      {SQL_API_SQLSETPARAM, "SQLSetParam", "deprecated (SQLBindParameter)"},
      {SQL_API_SQLSETPOS, "SQLSetPos", "Level 1"},
      {SQL_API_SQLSETSCROLLOPTIONS, "SQLSetScrollOptions", "deprecated (SQLSetStmtAttr)"},
      {SQL_API_SQLSETSTMTATTR, "SQLSetStmtAttr", "Core"},
      {SQL_API_SQLSETSTMTOPTION, "SQLSetStmtOption", "deprecated (SQLSetStmtAttr)"},
      {SQL_API_SQLSPECIALCOLUMNS, "SQLSpecialColumns", "Core"},
      {SQL_API_SQLSTATISTICS, "SQLStatistics", "Core"},
      {SQL_API_SQLTABLEPRIVILEGES, "SQLTablePrivileges", "Level 2"},
      {SQL_API_SQLTABLES, "SQLTables", "Core"},
      {SQL_API_SQLTRANSACT, "SQLTransact", "deprecated (SQLEndTran)"},
  };
  return functions;
}

#define INFO(name) {name, #name}
struct InfoName {
  SQLUSMALLINT id;
  const char* name;
};

// The SQLGetInfo keys of ODBC 3.8 (ODBC 3 names; the ODBC 2 keys that still have their own id
// at the end).
const std::vector<InfoName>& infoNames() {
  static const std::vector<InfoName> names = {
      INFO(SQL_ACCESSIBLE_PROCEDURES), INFO(SQL_ACCESSIBLE_TABLES), INFO(SQL_ACTIVE_ENVIRONMENTS),
      INFO(SQL_AGGREGATE_FUNCTIONS), INFO(SQL_ALTER_DOMAIN), INFO(SQL_ALTER_TABLE),
      INFO(SQL_ASYNC_DBC_FUNCTIONS), INFO(SQL_ASYNC_MODE), INFO(SQL_ASYNC_NOTIFICATION),
      INFO(SQL_BATCH_ROW_COUNT), INFO(SQL_BATCH_SUPPORT), INFO(SQL_BOOKMARK_PERSISTENCE),
      INFO(SQL_CATALOG_LOCATION), INFO(SQL_CATALOG_NAME), INFO(SQL_CATALOG_NAME_SEPARATOR),
      INFO(SQL_CATALOG_TERM), INFO(SQL_CATALOG_USAGE), INFO(SQL_COLLATION_SEQ), INFO(SQL_COLUMN_ALIAS),
      INFO(SQL_CONCAT_NULL_BEHAVIOR), INFO(SQL_CONVERT_BIGINT), INFO(SQL_CONVERT_BINARY), INFO(SQL_CONVERT_BIT),
      INFO(SQL_CONVERT_CHAR), INFO(SQL_CONVERT_DATE), INFO(SQL_CONVERT_DECIMAL), INFO(SQL_CONVERT_DOUBLE),
      INFO(SQL_CONVERT_FLOAT), INFO(SQL_CONVERT_FUNCTIONS), INFO(SQL_CONVERT_GUID), INFO(SQL_CONVERT_INTEGER),
      INFO(SQL_CONVERT_INTERVAL_DAY_TIME), INFO(SQL_CONVERT_INTERVAL_YEAR_MONTH),
      INFO(SQL_CONVERT_LONGVARBINARY), INFO(SQL_CONVERT_LONGVARCHAR), INFO(SQL_CONVERT_NUMERIC),
      INFO(SQL_CONVERT_REAL), INFO(SQL_CONVERT_SMALLINT), INFO(SQL_CONVERT_TIME), INFO(SQL_CONVERT_TIMESTAMP),
      INFO(SQL_CONVERT_TINYINT), INFO(SQL_CONVERT_VARBINARY), INFO(SQL_CONVERT_VARCHAR),
      INFO(SQL_CONVERT_WCHAR), INFO(SQL_CONVERT_WLONGVARCHAR), INFO(SQL_CONVERT_WVARCHAR),
      INFO(SQL_CORRELATION_NAME), INFO(SQL_CREATE_ASSERTION), INFO(SQL_CREATE_CHARACTER_SET),
      INFO(SQL_CREATE_COLLATION), INFO(SQL_CREATE_DOMAIN), INFO(SQL_CREATE_SCHEMA), INFO(SQL_CREATE_TABLE),
      INFO(SQL_CREATE_TRANSLATION), INFO(SQL_CREATE_VIEW), INFO(SQL_CURSOR_COMMIT_BEHAVIOR),
      INFO(SQL_CURSOR_ROLLBACK_BEHAVIOR), INFO(SQL_CURSOR_SENSITIVITY), INFO(SQL_DATA_SOURCE_NAME),
      INFO(SQL_DATA_SOURCE_READ_ONLY), INFO(SQL_DATABASE_NAME), INFO(SQL_DATETIME_LITERALS),
      INFO(SQL_DBMS_NAME), INFO(SQL_DBMS_VER), INFO(SQL_DDL_INDEX), INFO(SQL_DEFAULT_TXN_ISOLATION),
      INFO(SQL_DESCRIBE_PARAMETER), INFO(SQL_DM_VER), INFO(SQL_DRIVER_AWARE_POOLING_SUPPORTED),
      INFO(SQL_DRIVER_HDBC), INFO(SQL_DRIVER_HDESC), INFO(SQL_DRIVER_HENV), INFO(SQL_DRIVER_HLIB),
      INFO(SQL_DRIVER_HSTMT), INFO(SQL_DRIVER_NAME), INFO(SQL_DRIVER_ODBC_VER), INFO(SQL_DRIVER_VER),
      INFO(SQL_DROP_ASSERTION), INFO(SQL_DROP_CHARACTER_SET), INFO(SQL_DROP_COLLATION), INFO(SQL_DROP_DOMAIN),
      INFO(SQL_DROP_SCHEMA), INFO(SQL_DROP_TABLE), INFO(SQL_DROP_TRANSLATION), INFO(SQL_DROP_VIEW),
      INFO(SQL_DYNAMIC_CURSOR_ATTRIBUTES1), INFO(SQL_DYNAMIC_CURSOR_ATTRIBUTES2),
      INFO(SQL_EXPRESSIONS_IN_ORDERBY), INFO(SQL_FILE_USAGE), INFO(SQL_FORWARD_ONLY_CURSOR_ATTRIBUTES1),
      INFO(SQL_FORWARD_ONLY_CURSOR_ATTRIBUTES2), INFO(SQL_GETDATA_EXTENSIONS), INFO(SQL_GROUP_BY),
      INFO(SQL_IDENTIFIER_CASE), INFO(SQL_IDENTIFIER_QUOTE_CHAR), INFO(SQL_INDEX_KEYWORDS),
      INFO(SQL_INFO_SCHEMA_VIEWS), INFO(SQL_INSERT_STATEMENT), INFO(SQL_INTEGRITY),
      INFO(SQL_KEYSET_CURSOR_ATTRIBUTES1), INFO(SQL_KEYSET_CURSOR_ATTRIBUTES2), INFO(SQL_KEYWORDS),
      INFO(SQL_LIKE_ESCAPE_CLAUSE), INFO(SQL_MAX_ASYNC_CONCURRENT_STATEMENTS), INFO(SQL_MAX_BINARY_LITERAL_LEN),
      INFO(SQL_MAX_CATALOG_NAME_LEN), INFO(SQL_MAX_CHAR_LITERAL_LEN), INFO(SQL_MAX_COLUMN_NAME_LEN),
      INFO(SQL_MAX_COLUMNS_IN_GROUP_BY), INFO(SQL_MAX_COLUMNS_IN_INDEX), INFO(SQL_MAX_COLUMNS_IN_ORDER_BY),
      INFO(SQL_MAX_COLUMNS_IN_SELECT), INFO(SQL_MAX_COLUMNS_IN_TABLE), INFO(SQL_MAX_CONCURRENT_ACTIVITIES),
      INFO(SQL_MAX_CURSOR_NAME_LEN), INFO(SQL_MAX_DRIVER_CONNECTIONS), INFO(SQL_MAX_IDENTIFIER_LEN),
      INFO(SQL_MAX_INDEX_SIZE), INFO(SQL_MAX_PROCEDURE_NAME_LEN), INFO(SQL_MAX_ROW_SIZE),
      INFO(SQL_MAX_ROW_SIZE_INCLUDES_LONG), INFO(SQL_MAX_SCHEMA_NAME_LEN), INFO(SQL_MAX_STATEMENT_LEN),
      INFO(SQL_MAX_TABLE_NAME_LEN), INFO(SQL_MAX_TABLES_IN_SELECT), INFO(SQL_MAX_USER_NAME_LEN),
      INFO(SQL_MULT_RESULT_SETS), INFO(SQL_MULTIPLE_ACTIVE_TXN), INFO(SQL_NEED_LONG_DATA_LEN),
      INFO(SQL_NON_NULLABLE_COLUMNS), INFO(SQL_NULL_COLLATION), INFO(SQL_NUMERIC_FUNCTIONS),
      INFO(SQL_ODBC_INTERFACE_CONFORMANCE), INFO(SQL_ODBC_VER), INFO(SQL_OJ_CAPABILITIES),
      INFO(SQL_ORDER_BY_COLUMNS_IN_SELECT), INFO(SQL_PARAM_ARRAY_ROW_COUNTS), INFO(SQL_PARAM_ARRAY_SELECTS),
      INFO(SQL_POS_OPERATIONS), INFO(SQL_PROCEDURE_TERM), INFO(SQL_PROCEDURES), INFO(SQL_QUOTED_IDENTIFIER_CASE),
      INFO(SQL_ROW_UPDATES), INFO(SQL_SCHEMA_TERM), INFO(SQL_SCHEMA_USAGE), INFO(SQL_SCROLL_OPTIONS),
      INFO(SQL_SEARCH_PATTERN_ESCAPE), INFO(SQL_SERVER_NAME), INFO(SQL_SPECIAL_CHARACTERS),
      INFO(SQL_SQL_CONFORMANCE), INFO(SQL_SQL92_DATETIME_FUNCTIONS), INFO(SQL_SQL92_FOREIGN_KEY_DELETE_RULE),
      INFO(SQL_SQL92_FOREIGN_KEY_UPDATE_RULE), INFO(SQL_SQL92_GRANT), INFO(SQL_SQL92_NUMERIC_VALUE_FUNCTIONS),
      INFO(SQL_SQL92_PREDICATES), INFO(SQL_SQL92_RELATIONAL_JOIN_OPERATORS), INFO(SQL_SQL92_REVOKE),
      INFO(SQL_SQL92_ROW_VALUE_CONSTRUCTOR), INFO(SQL_SQL92_STRING_FUNCTIONS),
      INFO(SQL_SQL92_VALUE_EXPRESSIONS), INFO(SQL_STANDARD_CLI_CONFORMANCE),
      INFO(SQL_STATIC_CURSOR_ATTRIBUTES1), INFO(SQL_STATIC_CURSOR_ATTRIBUTES2), INFO(SQL_STRING_FUNCTIONS),
      INFO(SQL_SUBQUERIES), INFO(SQL_SYSTEM_FUNCTIONS), INFO(SQL_TABLE_TERM), INFO(SQL_TIMEDATE_ADD_INTERVALS),
      INFO(SQL_TIMEDATE_DIFF_INTERVALS), INFO(SQL_TIMEDATE_FUNCTIONS), INFO(SQL_TXN_CAPABLE),
      INFO(SQL_TXN_ISOLATION_OPTION), INFO(SQL_UNION), INFO(SQL_USER_NAME), INFO(SQL_XOPEN_CLI_YEAR),
      // ODBC 2 keys, deprecated but still asked by older applications.
      INFO(SQL_FETCH_DIRECTION), INFO(SQL_LOCK_TYPES), INFO(SQL_ODBC_API_CONFORMANCE),
      INFO(SQL_ODBC_SAG_CLI_CONFORMANCE), INFO(SQL_ODBC_SQL_CONFORMANCE), INFO(SQL_OUTER_JOINS),
      INFO(SQL_POSITIONED_STATEMENTS), INFO(SQL_SCROLL_CONCURRENCY), INFO(SQL_STATIC_SENSITIVITY),
      INFO(SQL_DTC_TRANSITION_COST),
      // ODBC 3.8, but missing from unixODBC's headers.
      {180, "SQL_RETURN_ESCAPE_CLAUSE"},
  };
  return names;
}
#undef INFO

// Answers that come from the connection rather than from the driver.
bool perConnection(SQLUSMALLINT id) {
  return id == SQL_DATA_SOURCE_NAME || id == SQL_USER_NAME || id == SQL_SERVER_NAME || id == SQL_DBMS_VER;
}

std::string infoValueText(SQLUSMALLINT id, const monday::handles::InfoValue& value) {
  if (perConnection(id)) return "from the connection";
  if (std::holds_alternative<std::string>(value)) {
    const auto& text = std::get<std::string>(value);
    if (text.empty()) return "\"\"";
    // Long lists (SQL_KEYWORDS) would swamp the table.
    if (text.size() > 60) return "\"" + text.substr(0, 57) + "…\"";
    return "\"" + text + "\"";
  }
  if (std::holds_alternative<SQLUSMALLINT>(value)) {
    return std::to_string(std::get<SQLUSMALLINT>(value)) + " (SQLUSMALLINT)";
  }
  if (std::holds_alternative<SQLUINTEGER>(value)) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "0x%08X", static_cast<unsigned>(std::get<SQLUINTEGER>(value)));
    return std::string(buffer) + " (SQLUINTEGER)";
  }
  return std::to_string(std::get<SQLULEN>(value)) + " (SQLULEN)";
}

// Fails (returns false) when the driver answers a key or implements a function this tool cannot
// name: the checklist must never leave something out silently.
bool conformanceDocument(std::string& document) {
  bool complete = true;
  // What SQLGetFunctions(SQL_API_ODBC3_ALL_FUNCTIONS) reports.
  SQLUSMALLINT bitmap[SQL_API_ODBC3_ALL_FUNCTIONS_SIZE];
  monday::handles::fillOdbc3FunctionBitmap(bitmap);
  auto reported = [&](SQLUSMALLINT id) { return SQL_FUNC_EXISTS(bitmap, id) != SQL_FALSE; };

  std::set<SQLUSMALLINT> named_functions;
  for (const auto& function : odbcFunctions()) named_functions.insert(function.id);
  for (SQLUSMALLINT id : monday::handles::implementedFunctions()) {
    if (!named_functions.contains(id)) {
      std::cerr << "gen_docs: the driver implements ODBC function id " << id
                << ", which tools/gen_docs.cpp cannot name; add it to odbcFunctions().\n";
      complete = false;
    }
  }
  std::set<SQLUSMALLINT> named_info;
  for (const auto& info : infoNames()) named_info.insert(info.id);
  for (SQLUSMALLINT id : monday::handles::knownInfoIds()) {
    if (!named_info.contains(id)) {
      std::cerr << "gen_docs: the driver answers SQLGetInfo id " << id
                << ", which tools/gen_docs.cpp cannot name; add it to infoNames().\n";
      complete = false;
    }
  }

  std::ostringstream out;
  out << generatedNote() << "\n# ODBC conformance\n\n"
      << "What the driver implements, as it reports it: the functions from `SQLGetFunctions` (the list in "
         "`driver/handles/functions.cpp`) and the `SQLGetInfo` answers (`driver/handles/info.cpp`). The "
         "level is the function's ODBC 3.8 conformance level; deprecated ODBC 2 functions name their "
         "replacement (the driver manager maps most of them when the driver lacks them).\n\n";
  std::size_t implemented = 0;
  for (const auto& function : odbcFunctions()) implemented += reported(function.id) ? 1 : 0;
  out << "## Functions (" << implemented << " of " << odbcFunctions().size() << " implemented)\n\n";
  out << "| | Function | Level |\n| --- | --- | --- |\n";
  auto sorted_functions = odbcFunctions();
  std::sort(sorted_functions.begin(), sorted_functions.end(),
            [](const FunctionName& a, const FunctionName& b) { return std::string_view(a.name) < b.name; });
  for (const auto& function : sorted_functions) {
    out << "| " << (reported(function.id) ? "[x]" : "[ ]") << " | " << code(function.name) << " | "
        << function.level << " |\n";
  }

  // Scalar functions and cursors: from the escape table that also sets the *_FUNCTIONS masks.
  out << "\n## Scalar functions in `{fn ...}`\n\n"
      << "Every function listed works inside `{fn ...}` with the argument counts shown; the `SQL_*_FUNCTIONS` "
         "masks of `SQLGetInfo` advertise exactly these (tests/integration/scalar_functions_test.cpp runs each "
         "one). `TIMESTAMPADD` and `TIMESTAMPDIFF` take all nine `SQL_TSI_*` intervals.\n\n"
      << "| Function | Family | Arguments |\n| --- | --- | --- |\n";
  auto functions = monday::convert::escapeFunctions();
  std::sort(functions.begin(), functions.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  for (const auto& f : functions) {
    out << "| " << code(f.name) << " | " << f.family << " | "
        << (f.min_args == f.max_args ? std::to_string(f.min_args)
                                     : std::to_string(f.min_args) + " to " + std::to_string(f.max_args))
        << " |\n";
  }
  out << "\nSQL-92 forms outside escapes: `EXTRACT(field FROM x)`, `POSITION(a IN b)`, "
         "`TRIM([BOTH|LEADING|TRAILING] [c] FROM x)`, `SUBSTRING(x FROM a [FOR b])`, `CHAR_LENGTH`, "
         "`CHARACTER_LENGTH`, `OCTET_LENGTH`, `BIT_LENGTH`, `CAST(x AS DATE|TIME|TIMESTAMP|DECIMAL(p,s)|"
         "VARCHAR(n)|INTEGER|DOUBLE)`, `CURRENT_DATE`, `CURRENT_TIME`, `CURRENT_TIMESTAMP`, `DATE '...'`, "
         "`TIME '...'`, `TIMESTAMP '...'`, `||`; escapes `{d}`, `{t}`, `{ts}`, `{oj}` (nested joins too), "
         "`{escape}`, `{call}` and `{?= call}` (a return value is not supported).\n";
  out << "\n## Cursors\n\n"
      << "| Cursor type | What it does |\n| --- | --- |\n"
      << "| `SQL_CURSOR_FORWARD_ONLY` (default) | Streams rows page by page as they are fetched. |\n"
      << "| `SQL_CURSOR_STATIC` | Reads the result once when it opens (spilling to a temporary file past 16 MB); "
         "`SQLFetchScroll` NEXT, PRIOR, FIRST, LAST, ABSOLUTE, RELATIVE and BOOKMARK, bookmarks (fixed and "
         "variable), `SQLSetPos(SQL_POSITION)`, `SQLExtendedFetch`. |\n"
      << "| `SQL_CURSOR_KEYSET_DRIVEN`, `SQL_CURSOR_DYNAMIC` | Become static, with `01S02`. |\n";

  const monday::handles::InfoContext context;
  auto sorted_info = infoNames();
  std::sort(sorted_info.begin(), sorted_info.end(),
            [](const InfoName& a, const InfoName& b) { return std::string_view(a.name) < b.name; });
  std::size_t answered = 0;
  for (const auto& info : sorted_info) answered += monday::handles::infoValue(info.id, context) ? 1 : 0;
  out << "\n## SQLGetInfo (" << answered << " of " << sorted_info.size() << " keys answered)\n\n"
      << "Bitmasks are shown in hex; *from the connection* means the answer depends on the DSN, user "
         "or monday API version. A key not answered returns `HY096`.\n\n";
  out << "| | Key | Answer |\n| --- | --- | --- |\n";
  for (const auto& info : sorted_info) {
    auto value = monday::handles::infoValue(info.id, context);
    out << "| " << (value ? "[x]" : "[ ]") << " | " << code(info.name) << " | "
        << (value ? cell(infoValueText(info.id, *value)) : std::string("not answered")) << " |\n";
  }
  document = out.str();
  return complete;
}

// ---------------------------------------------------------------------------------------------
// Files

bool readFile(const std::string& path, std::string& text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  text = buffer.str();
  return true;
}

bool writeFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  return static_cast<bool>(out);
}

constexpr std::string_view kEndMarker = "<!-- end generated -->";

// Replaces the text between <!-- generated:NAME --> and the next end marker.
bool replaceBlock(std::string& text, const std::string& name, const std::string& content) {
  const std::string start_marker = "<!-- generated:" + name + " -->";
  const auto start = text.find(start_marker);
  if (start == std::string::npos) {
    std::cerr << "gen_docs: README.md has no " << start_marker << " marker.\n";
    return false;
  }
  const auto body = start + start_marker.size();
  const auto end = text.find(kEndMarker, body);
  if (end == std::string::npos) {
    std::cerr << "gen_docs: README.md: " << start_marker << " has no " << kEndMarker << " after it.\n";
    return false;
  }
  text.replace(body, end - body, "\n" + content);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::string source;
  bool write = false;
  bool check = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--source" && i + 1 < argc) {
      source = argv[++i];
    } else if (arg == "--write") {
      write = true;
    } else if (arg == "--check") {
      check = true;
    } else {
      std::cerr << "usage: gen_docs --source DIR (--write | --check)\n";
      return 2;
    }
  }
  if (source.empty() || write == check) {
    std::cerr << "usage: gen_docs --source DIR (--write | --check)\n";
    return 2;
  }

  std::map<std::string, std::string> wanted;  // path relative to source → contents
  std::string readme;
  if (!readFile(source + "/README.md", readme)) {
    std::cerr << "gen_docs: cannot read " << source << "/README.md\n";
    return 2;
  }
  bool ok = replaceBlock(readme, "properties", propertiesBlock()) &&
            replaceBlock(readme, "tables", tablesBlock()) && replaceBlock(readme, "procedures", proceduresBlock());
  if (!ok) return 2;
  wanted["README.md"] = readme;
  wanted["docs/tables.md"] = tablesDocument();
  wanted["docs/procedures.md"] = proceduresDocument();
  std::string conformance;
  if (!conformanceDocument(conformance)) return 2;
  wanted["docs/odbc-conformance.md"] = conformance;

  std::vector<std::string> stale;
  for (const auto& [relative, contents] : wanted) {
    std::string current;
    if (readFile(source + "/" + relative, current) && current == contents) continue;
    stale.push_back(relative);
  }
  if (check) {
    if (stale.empty()) {
      std::cout << "Generated documentation is up to date.\n";
      return 0;
    }
    std::cerr << "The generated documentation no longer matches the code: " << joined(stale, ", ")
              << ".\nRegenerate it with `" << kRegenerate
              << "` (or `gen_docs --source <repo> --write`) and commit the result.\n";
    return 1;
  }
  std::error_code ignored;
  std::filesystem::create_directories(source + "/docs", ignored);
  for (const auto& relative : stale) {
    const std::string path = source + "/" + relative;
    if (!writeFile(path, wanted[relative])) {
      std::cerr << "gen_docs: cannot write " << path << " (does " << source << "/docs exist?)\n";
      return 2;
    }
    std::cout << "Wrote " << relative << "\n";
  }
  if (stale.empty()) std::cout << "Generated documentation is up to date.\n";
  return 0;
}
