// SQLGetInfo answers and SQLGetFunctions: every key BI tools ask has an answer of the documented
// type, and the implemented-function list matches the exported entry points.

#include "driver/handles/info.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "driver/handles/functions.h"

namespace monday::handles {
namespace {

enum class Kind { String, USmallInt, UInteger };

struct Expected {
  SQLUSMALLINT id;
  Kind kind;
};

// ANCHORS §7.2 plus what isql, pyodbc, DBI and PHP ask; types per the SQLGetInfo reference.
const Expected kKeys[] = {
    {SQL_DRIVER_NAME, Kind::String}, {SQL_DRIVER_VER, Kind::String}, {SQL_DRIVER_ODBC_VER, Kind::String},
    {SQL_DBMS_NAME, Kind::String}, {SQL_DBMS_VER, Kind::String}, {SQL_DATA_SOURCE_NAME, Kind::String},
    {SQL_SERVER_NAME, Kind::String}, {SQL_DATABASE_NAME, Kind::String}, {SQL_USER_NAME, Kind::String},
    {SQL_DATA_SOURCE_READ_ONLY, Kind::String}, {SQL_IDENTIFIER_QUOTE_CHAR, Kind::String},
    {SQL_CATALOG_NAME_SEPARATOR, Kind::String}, {SQL_CATALOG_TERM, Kind::String}, {SQL_SCHEMA_TERM, Kind::String},
    {SQL_TABLE_TERM, Kind::String}, {SQL_PROCEDURE_TERM, Kind::String}, {SQL_CATALOG_USAGE, Kind::UInteger},
    {SQL_SCHEMA_USAGE, Kind::UInteger}, {SQL_CATALOG_LOCATION, Kind::USmallInt},
    {SQL_IDENTIFIER_CASE, Kind::USmallInt}, {SQL_QUOTED_IDENTIFIER_CASE, Kind::USmallInt},
    {SQL_SEARCH_PATTERN_ESCAPE, Kind::String}, {SQL_LIKE_ESCAPE_CLAUSE, Kind::String},
    {SQL_SPECIAL_CHARACTERS, Kind::String}, {SQL_KEYWORDS, Kind::String}, {SQL_MAX_COLUMN_NAME_LEN, Kind::USmallInt},
    {SQL_MAX_TABLE_NAME_LEN, Kind::USmallInt}, {SQL_MAX_SCHEMA_NAME_LEN, Kind::USmallInt},
    {SQL_MAX_CATALOG_NAME_LEN, Kind::USmallInt}, {SQL_MAX_IDENTIFIER_LEN, Kind::USmallInt},
    {SQL_SQL_CONFORMANCE, Kind::UInteger}, {SQL_ODBC_INTERFACE_CONFORMANCE, Kind::UInteger},
    {SQL_AGGREGATE_FUNCTIONS, Kind::UInteger}, {SQL_NUMERIC_FUNCTIONS, Kind::UInteger},
    {SQL_STRING_FUNCTIONS, Kind::UInteger}, {SQL_TIMEDATE_FUNCTIONS, Kind::UInteger},
    {SQL_SYSTEM_FUNCTIONS, Kind::UInteger}, {SQL_CONVERT_FUNCTIONS, Kind::UInteger},
    {SQL_CONVERT_VARCHAR, Kind::UInteger}, {SQL_CONVERT_BIGINT, Kind::UInteger},
    {SQL_CONVERT_WVARCHAR, Kind::UInteger}, {SQL_CONVERT_TIMESTAMP, Kind::UInteger},
    {SQL_TIMEDATE_ADD_INTERVALS, Kind::UInteger}, {SQL_TIMEDATE_DIFF_INTERVALS, Kind::UInteger},
    {SQL_DATETIME_LITERALS, Kind::UInteger}, {SQL_SQL92_PREDICATES, Kind::UInteger},
    {SQL_SQL92_RELATIONAL_JOIN_OPERATORS, Kind::UInteger}, {SQL_SQL92_VALUE_EXPRESSIONS, Kind::UInteger},
    {SQL_SQL92_STRING_FUNCTIONS, Kind::UInteger}, {SQL_SQL92_NUMERIC_VALUE_FUNCTIONS, Kind::UInteger},
    {SQL_SQL92_DATETIME_FUNCTIONS, Kind::UInteger}, {SQL_OJ_CAPABILITIES, Kind::UInteger},
    {SQL_OUTER_JOINS, Kind::String}, {SQL_GROUP_BY, Kind::USmallInt}, {SQL_ORDER_BY_COLUMNS_IN_SELECT, Kind::String},
    {SQL_EXPRESSIONS_IN_ORDERBY, Kind::String}, {SQL_SUBQUERIES, Kind::UInteger}, {SQL_UNION, Kind::UInteger},
    {SQL_CORRELATION_NAME, Kind::USmallInt}, {SQL_COLUMN_ALIAS, Kind::String},
    {SQL_CONCAT_NULL_BEHAVIOR, Kind::USmallInt}, {SQL_NULL_COLLATION, Kind::USmallInt},
    {SQL_GETDATA_EXTENSIONS, Kind::UInteger}, {SQL_SCROLL_OPTIONS, Kind::UInteger},
    {SQL_FORWARD_ONLY_CURSOR_ATTRIBUTES1, Kind::UInteger}, {SQL_FORWARD_ONLY_CURSOR_ATTRIBUTES2, Kind::UInteger},
    {SQL_STATIC_CURSOR_ATTRIBUTES1, Kind::UInteger}, {SQL_STATIC_CURSOR_ATTRIBUTES2, Kind::UInteger},
    {SQL_TXN_CAPABLE, Kind::USmallInt}, {SQL_DEFAULT_TXN_ISOLATION, Kind::UInteger},
    {SQL_CURSOR_COMMIT_BEHAVIOR, Kind::USmallInt}, {SQL_CURSOR_ROLLBACK_BEHAVIOR, Kind::USmallInt},
    {SQL_MULT_RESULT_SETS, Kind::String}, {SQL_MULTIPLE_ACTIVE_TXN, Kind::String},
    {SQL_MAX_CONCURRENT_ACTIVITIES, Kind::USmallInt}, {SQL_MAX_DRIVER_CONNECTIONS, Kind::USmallInt},
    {SQL_ASYNC_MODE, Kind::UInteger}, {SQL_BATCH_SUPPORT, Kind::UInteger}, {SQL_PARAM_ARRAY_ROW_COUNTS, Kind::UInteger},
    {SQL_PARAM_ARRAY_SELECTS, Kind::UInteger}, {SQL_DTC_TRANSITION_COST, Kind::UInteger},
    {180 /* SQL_RETURN_ESCAPE_CLAUSE */, Kind::UInteger}, {SQL_TXN_ISOLATION_OPTION, Kind::UInteger},
    {SQL_ACCESSIBLE_TABLES, Kind::String}, {SQL_ACCESSIBLE_PROCEDURES, Kind::String},
    {SQL_PROCEDURES, Kind::String}, {SQL_MAX_STATEMENT_LEN, Kind::UInteger}, {SQL_NEED_LONG_DATA_LEN, Kind::String},
    {SQL_ODBC_API_CONFORMANCE, Kind::USmallInt}, {SQL_ODBC_SQL_CONFORMANCE, Kind::USmallInt},
    {SQL_FILE_USAGE, Kind::USmallInt}, {SQL_BOOKMARK_PERSISTENCE, Kind::UInteger},
    {SQL_DESCRIBE_PARAMETER, Kind::String}, {SQL_INTEGRITY, Kind::String}, {SQL_XOPEN_CLI_YEAR, Kind::String},
    {SQL_CURSOR_SENSITIVITY, Kind::UInteger}, {SQL_POS_OPERATIONS, Kind::UInteger},
    {SQL_SCROLL_CONCURRENCY, Kind::UInteger}, {SQL_FETCH_DIRECTION, Kind::UInteger},
    {SQL_MAX_COLUMNS_IN_SELECT, Kind::USmallInt}, {SQL_MAX_TABLES_IN_SELECT, Kind::USmallInt},
    {SQL_NON_NULLABLE_COLUMNS, Kind::USmallInt}, {SQL_CREATE_TABLE, Kind::UInteger}, {SQL_ALTER_TABLE, Kind::UInteger},
    {SQL_INDEX_KEYWORDS, Kind::UInteger}, {SQL_INSERT_STATEMENT, Kind::UInteger}, {SQL_UNION_STATEMENT, Kind::UInteger},
};

TEST(GetInfo, EveryKeyToolsAskHasAnAnswerOfTheDocumentedType) {
  const InfoContext context;
  for (const auto& key : kKeys) {
    const auto answer = infoValue(key.id, context);
    ASSERT_TRUE(answer.has_value()) << "info type " << key.id;
    switch (key.kind) {
      case Kind::String: EXPECT_TRUE(std::holds_alternative<std::string>(*answer)) << key.id; break;
      case Kind::USmallInt: EXPECT_TRUE(std::holds_alternative<SQLUSMALLINT>(*answer)) << key.id; break;
      case Kind::UInteger: EXPECT_TRUE(std::holds_alternative<SQLUINTEGER>(*answer)) << key.id; break;
    }
  }
}

TEST(GetInfo, IdentityAndBehaviourAnswers) {
  InfoContext context;
  context.data_source_name = "monday-sandbox";
  context.user_name = "avery@example.com";
  context.api_version = "2026-10";
  context.server_name = "api.monday.com";
  auto str = [&](SQLUSMALLINT id) { return std::get<std::string>(*infoValue(id, context)); };
  auto ui = [&](SQLUSMALLINT id) { return std::get<SQLUINTEGER>(*infoValue(id, context)); };
  auto us = [&](SQLUSMALLINT id) { return std::get<SQLUSMALLINT>(*infoValue(id, context)); };
  EXPECT_EQ(str(SQL_DBMS_NAME), "monday.com");
  EXPECT_EQ(str(SQL_DRIVER_ODBC_VER), "03.80");
  EXPECT_EQ(str(SQL_DATA_SOURCE_NAME), "monday-sandbox");
  EXPECT_EQ(str(SQL_USER_NAME), "avery@example.com");
  EXPECT_EQ(str(SQL_SERVER_NAME), "api.monday.com");
  EXPECT_EQ(str(SQL_DBMS_VER).substr(0, 10), "26.10.0000");
  EXPECT_EQ(str(SQL_IDENTIFIER_QUOTE_CHAR), "\"");
  EXPECT_EQ(str(SQL_SEARCH_PATTERN_ESCAPE), "\\");
  EXPECT_EQ(ui(SQL_CATALOG_USAGE), 0u);
  EXPECT_TRUE(ui(SQL_SCHEMA_USAGE) & SQL_SU_DML_STATEMENTS);
  EXPECT_EQ(us(SQL_TXN_CAPABLE), SQL_TC_ALL);  // local tables are transactional (README "Transactions")
  const SQLUINTEGER getdata = ui(SQL_GETDATA_EXTENSIONS);
  EXPECT_TRUE(getdata & SQL_GD_ANY_COLUMN);
  EXPECT_TRUE(getdata & SQL_GD_ANY_ORDER);
  EXPECT_TRUE(getdata & SQL_GD_BOUND);
  EXPECT_EQ(ui(SQL_SCROLL_OPTIONS), static_cast<SQLUINTEGER>(SQL_SO_FORWARD_ONLY | SQL_SO_STATIC));
}

TEST(GetInfo, DriverVersionFormat) {
  EXPECT_EQ(driverVersionString("0.1.0"), "00.01.0000");
  EXPECT_EQ(driverVersionString("1.12.345"), "01.12.0345");
}

TEST(GetInfo, UnknownDriverSpecificIdsAreUnknown) {
  EXPECT_FALSE(infoValue(1001, InfoContext{}).has_value());
  EXPECT_FALSE(knownInfoIds().empty());
}

// The implemented-function list must match what driver/odbc exports: read the entry-point sources
// next to this file's source tree.
std::set<std::string> exportedFunctionNames() {
  const std::filesystem::path here = std::filesystem::path(__FILE__).parent_path();
  const std::filesystem::path odbc_dir = here / ".." / ".." / "driver" / "odbc";
  std::set<std::string> names;
  const std::regex definition(R"(SQLRETURN SQL_API (SQL[A-Za-z]+)\()");
  for (const auto& entry : std::filesystem::directory_iterator(odbc_dir)) {
    if (entry.path().extension() != ".cpp") continue;
    std::ifstream file(entry.path());
    std::stringstream text;
    text << file.rdbuf();
    const std::string source = text.str();
    for (std::sregex_iterator it(source.begin(), source.end(), definition), end; it != end; ++it) {
      std::string name = (*it)[1];
      if (name.size() > 1 && name.back() == 'W') name.pop_back();
      names.insert(name);
    }
  }
  return names;
}

std::string functionName(SQLUSMALLINT id) {
  switch (id) {
#define NAME(x) case SQL_API_##x: return #x;
    NAME(SQLALLOCCONNECT) NAME(SQLALLOCENV) NAME(SQLALLOCHANDLE) NAME(SQLALLOCSTMT) NAME(SQLBROWSECONNECT) NAME(SQLEXTENDEDFETCH) NAME(SQLPARAMDATA) NAME(SQLPUTDATA) NAME(SQLBINDCOL)
    NAME(SQLBINDPARAMETER) NAME(SQLCANCEL) NAME(SQLCLOSECURSOR) NAME(SQLCOLATTRIBUTE) NAME(SQLCOLUMNPRIVILEGES)
    NAME(SQLCOLUMNS) NAME(SQLCONNECT) NAME(SQLCOPYDESC) NAME(SQLDESCRIBECOL) NAME(SQLDESCRIBEPARAM)
    NAME(SQLDISCONNECT) NAME(SQLDRIVERCONNECT) NAME(SQLENDTRAN) NAME(SQLERROR) NAME(SQLEXECDIRECT)
    NAME(SQLEXECUTE) NAME(SQLFETCH) NAME(SQLFETCHSCROLL) NAME(SQLFOREIGNKEYS) NAME(SQLFREECONNECT)
    NAME(SQLFREEENV) NAME(SQLFREEHANDLE) NAME(SQLFREESTMT) NAME(SQLGETCONNECTATTR) NAME(SQLGETCURSORNAME)
    NAME(SQLGETDATA) NAME(SQLGETDESCFIELD) NAME(SQLGETDESCREC) NAME(SQLGETDIAGFIELD) NAME(SQLGETDIAGREC)
    NAME(SQLGETENVATTR) NAME(SQLGETFUNCTIONS) NAME(SQLGETINFO) NAME(SQLGETSTMTATTR) NAME(SQLGETTYPEINFO)
    NAME(SQLMORERESULTS) NAME(SQLNATIVESQL) NAME(SQLNUMPARAMS) NAME(SQLNUMRESULTCOLS) NAME(SQLPREPARE)
    NAME(SQLPRIMARYKEYS) NAME(SQLPROCEDURECOLUMNS) NAME(SQLPROCEDURES) NAME(SQLROWCOUNT) NAME(SQLSETCONNECTATTR)
    NAME(SQLSETCURSORNAME) NAME(SQLSETDESCFIELD) NAME(SQLSETDESCREC) NAME(SQLSETENVATTR) NAME(SQLSETPOS)
    NAME(SQLSETSTMTATTR) NAME(SQLSPECIALCOLUMNS) NAME(SQLSTATISTICS) NAME(SQLTABLEPRIVILEGES) NAME(SQLTABLES)
    NAME(SQLTRANSACT)
#undef NAME
    default: return "unknown " + std::to_string(id);
  }
}

std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

TEST(GetFunctions, TheListMatchesTheExportedEntryPoints) {
  std::set<std::string> exported;
  for (const auto& name : exportedFunctionNames()) exported.insert(upper(name));
  ASSERT_FALSE(exported.empty()) << "could not read driver/odbc sources";
  std::set<std::string> implemented;
  for (SQLUSMALLINT id : implementedFunctions()) implemented.insert(functionName(id));
  EXPECT_EQ(implemented, exported);
}

TEST(GetFunctions, BitmapAndArrayAgreeWithTheList) {
  SQLUSMALLINT bitmap[SQL_API_ODBC3_ALL_FUNCTIONS_SIZE];
  fillOdbc3FunctionBitmap(bitmap);
  SQLUSMALLINT array[100];
  fillOdbc2FunctionArray(array);
  for (SQLUSMALLINT id : implementedFunctions()) {
    EXPECT_TRUE(SQL_FUNC_EXISTS(bitmap, id)) << id;
    if (id < 100) {
      EXPECT_EQ(array[id], SQL_TRUE) << id;
    }
  }
  EXPECT_TRUE(SQL_FUNC_EXISTS(bitmap, SQL_API_SQLBROWSECONNECT));
  EXPECT_TRUE(SQL_FUNC_EXISTS(bitmap, SQL_API_SQLPUTDATA));
  EXPECT_EQ(array[SQL_API_SQLPUTDATA], SQL_TRUE);
  EXPECT_TRUE(isImplementedFunction(SQL_API_SQLFETCHSCROLL));
  EXPECT_FALSE(isImplementedFunction(SQL_API_SQLBULKOPERATIONS));
}

}  // namespace
}  // namespace monday::handles
