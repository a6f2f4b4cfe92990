#include "driver/handles/info.h"

#include <cstdio>
#include <map>

#include "driver/convert/escapes.h"

#ifndef MONDAY_ODBC_VERSION
#define MONDAY_ODBC_VERSION "0.0.0"
#endif

namespace monday::handles {

namespace {

using US = SQLUSMALLINT;
using UI = SQLUINTEGER;

// Conversions {fn CONVERT} / CAST can do between the types the driver has.
constexpr UI kConvertFromAny = SQL_CVT_CHAR | SQL_CVT_VARCHAR | SQL_CVT_LONGVARCHAR | SQL_CVT_WCHAR |
                               SQL_CVT_WVARCHAR | SQL_CVT_WLONGVARCHAR | SQL_CVT_INTEGER |
                               SQL_CVT_SMALLINT | SQL_CVT_TINYINT | SQL_CVT_BIGINT | SQL_CVT_BIT |
                               SQL_CVT_DOUBLE | SQL_CVT_FLOAT | SQL_CVT_REAL | SQL_CVT_DECIMAL |
                               SQL_CVT_NUMERIC;
constexpr UI kConvertFromText = kConvertFromAny | SQL_CVT_DATE | SQL_CVT_TIME | SQL_CVT_TIMESTAMP;
constexpr UI kConvertFromDate = SQL_CVT_CHAR | SQL_CVT_VARCHAR | SQL_CVT_LONGVARCHAR | SQL_CVT_WCHAR |
                                SQL_CVT_WVARCHAR | SQL_CVT_WLONGVARCHAR | SQL_CVT_DATE | SQL_CVT_TIMESTAMP;
constexpr UI kConvertFromTime = SQL_CVT_CHAR | SQL_CVT_VARCHAR | SQL_CVT_LONGVARCHAR | SQL_CVT_WCHAR |
                                SQL_CVT_WVARCHAR | SQL_CVT_WLONGVARCHAR | SQL_CVT_TIME;

// SQLite words that are not in ODBC's reserved-word list (SQL_KEYWORDS wants only those).
constexpr const char* kKeywords =
    "ABORT,ANALYZE,ATTACH,AUTOINCREMENT,CONFLICT,DATABASE,DETACH,EXCLUSIVE,EXPLAIN,FAIL,GLOB,"
    "IF,IGNORE,INDEXED,INSTEAD,ISNULL,LIMIT,NOTNULL,OFFSET,PLAN,PRAGMA,QUERY,RAISE,RECURSIVE,"
    "REGEXP,REINDEX,RENAME,REPLACE,ROW,TEMP,VACUUM,VIRTUAL,WITHOUT";

const std::map<US, InfoValue>& fixedAnswers() {
  static const std::map<US, InfoValue> answers = [] {
    const convert::EscapeFunctionMasks& fn = convert::escapeFunctionMasks();
    std::map<US, InfoValue> m;
    auto s = [&](US id, std::string v) { m[id] = std::move(v); };
    auto us = [&](US id, US v) { m[id] = v; };
    auto ui = [&](US id, UI v) { m[id] = v; };
    auto ul = [&](US id, SQLULEN v) { m[id] = v; };

    // Identity.
    s(SQL_DRIVER_NAME, "libmondayodbc.so");
    s(SQL_DRIVER_VER, driverVersionString(MONDAY_ODBC_VERSION));
    s(SQL_DRIVER_ODBC_VER, "03.80");
    s(SQL_ODBC_VER, "03.80");
    s(SQL_DBMS_NAME, "monday.com");
    s(SQL_DM_VER, "");
    s(SQL_XOPEN_CLI_YEAR, "1995");
    s(SQL_DATABASE_NAME, "");
    s(SQL_DATA_SOURCE_READ_ONLY, "N");
    s(SQL_ACCESSIBLE_TABLES, "Y");
    s(SQL_ACCESSIBLE_PROCEDURES, "Y");  // every listed procedure can be called (ReadOnly refuses mutating ones)
    s(SQL_PROCEDURES, "Y");             // EXEC / CALL / {call}, listed by SQLProcedures
    ul(SQL_DRIVER_HDBC, 0);
    ul(SQL_DRIVER_HENV, 0);
    ul(SQL_DRIVER_HSTMT, 0);
    ul(SQL_DRIVER_HDESC, 0);
    ul(SQL_DRIVER_HLIB, 0);

    // Terms, names and quoting.
    s(SQL_IDENTIFIER_QUOTE_CHAR, "\"");
    s(SQL_CATALOG_NAME, "N");
    s(SQL_CATALOG_NAME_SEPARATOR, "");
    s(SQL_CATALOG_TERM, "");
    us(SQL_CATALOG_LOCATION, 0);
    ui(SQL_CATALOG_USAGE, 0);
    s(SQL_SCHEMA_TERM, "schema");
    ui(SQL_SCHEMA_USAGE, SQL_SU_DML_STATEMENTS | SQL_SU_TABLE_DEFINITION | SQL_SU_PROCEDURE_INVOCATION);
    s(SQL_TABLE_TERM, "table");
    s(SQL_PROCEDURE_TERM, "procedure");
    us(SQL_IDENTIFIER_CASE, SQL_IC_MIXED);
    us(SQL_QUOTED_IDENTIFIER_CASE, SQL_IC_MIXED);
    s(SQL_SEARCH_PATTERN_ESCAPE, "\\");
    s(SQL_LIKE_ESCAPE_CLAUSE, "Y");
    s(SQL_SPECIAL_CHARACTERS, "");
    s(SQL_KEYWORDS, kKeywords);
    s(SQL_COLLATION_SEQ, "UTF-8");
    // Board names become table names and column titles column names, so names can be long
    // (plus a "_<board id>" suffix on a clash); the catalog results declare their name columns
    // with the same 512 (handles/catalog.cpp), and DBD::ODBC accepts at most 512.
    us(SQL_MAX_CATALOG_NAME_LEN, 0);
    us(SQL_MAX_SCHEMA_NAME_LEN, 128);
    us(SQL_MAX_TABLE_NAME_LEN, 512);
    us(SQL_MAX_COLUMN_NAME_LEN, 512);
    us(SQL_MAX_IDENTIFIER_LEN, 512);
    us(SQL_MAX_CURSOR_NAME_LEN, 128);
    us(SQL_MAX_PROCEDURE_NAME_LEN, 128);
    us(SQL_MAX_USER_NAME_LEN, 0);

    // SQL capability (SQLite's, plus the escapes the driver rewrites).
    ui(SQL_SQL_CONFORMANCE, SQL_SC_SQL92_ENTRY);
    ui(SQL_ODBC_INTERFACE_CONFORMANCE, SQL_OIC_CORE);
    us(SQL_ODBC_API_CONFORMANCE, SQL_OAC_LEVEL1);
    us(SQL_ODBC_SAG_CLI_CONFORMANCE, SQL_OSCC_COMPLIANT);
    us(SQL_ODBC_SQL_CONFORMANCE, SQL_OSC_CORE);
    ui(SQL_STANDARD_CLI_CONFORMANCE, SQL_SCC_ISO92_CLI);
    ui(SQL_AGGREGATE_FUNCTIONS, SQL_AF_ALL | SQL_AF_AVG | SQL_AF_COUNT | SQL_AF_DISTINCT | SQL_AF_MAX |
                                    SQL_AF_MIN | SQL_AF_SUM);
    ui(SQL_NUMERIC_FUNCTIONS, fn.numeric_functions);
    ui(SQL_STRING_FUNCTIONS, fn.string_functions);
    ui(SQL_TIMEDATE_FUNCTIONS, fn.timedate_functions);
    ui(SQL_SYSTEM_FUNCTIONS, fn.system_functions);
    ui(SQL_CONVERT_FUNCTIONS, fn.convert_functions);
    for (US id : {US{SQL_CONVERT_BIGINT}, US{SQL_CONVERT_BIT}, US{SQL_CONVERT_DECIMAL}, US{SQL_CONVERT_DOUBLE},
                  US{SQL_CONVERT_FLOAT}, US{SQL_CONVERT_INTEGER}, US{SQL_CONVERT_NUMERIC}, US{SQL_CONVERT_REAL},
                  US{SQL_CONVERT_SMALLINT}, US{SQL_CONVERT_TINYINT}}) {
      ui(id, kConvertFromAny);
    }
    for (US id : {US{SQL_CONVERT_CHAR}, US{SQL_CONVERT_VARCHAR}, US{SQL_CONVERT_LONGVARCHAR}, US{SQL_CONVERT_WCHAR},
                  US{SQL_CONVERT_WVARCHAR}, US{SQL_CONVERT_WLONGVARCHAR}}) {
      ui(id, kConvertFromText);
    }
    ui(SQL_CONVERT_DATE, kConvertFromDate);
    ui(SQL_CONVERT_TIMESTAMP, kConvertFromDate | SQL_CVT_TIME);
    ui(SQL_CONVERT_TIME, kConvertFromTime);
    for (US id : {US{SQL_CONVERT_BINARY}, US{SQL_CONVERT_VARBINARY}, US{SQL_CONVERT_LONGVARBINARY},
                  US{SQL_CONVERT_GUID}, US{SQL_CONVERT_INTERVAL_DAY_TIME}, US{SQL_CONVERT_INTERVAL_YEAR_MONTH}}) {
      ui(id, 0);
    }
    // TIMESTAMPADD/TIMESTAMPDIFF take every interval (engine/odbc_functions.cpp).
    constexpr UI kAllIntervals = SQL_FN_TSI_FRAC_SECOND | SQL_FN_TSI_SECOND | SQL_FN_TSI_MINUTE | SQL_FN_TSI_HOUR |
                                 SQL_FN_TSI_DAY | SQL_FN_TSI_WEEK | SQL_FN_TSI_MONTH | SQL_FN_TSI_QUARTER |
                                 SQL_FN_TSI_YEAR;
    ui(SQL_TIMEDATE_ADD_INTERVALS, kAllIntervals);
    ui(SQL_TIMEDATE_DIFF_INTERVALS, kAllIntervals);
    // DATE '...', TIME '...', TIMESTAMP '...' are rewritten to text literals (convert/escapes.cpp).
    ui(SQL_DATETIME_LITERALS, SQL_DL_SQL92_DATE | SQL_DL_SQL92_TIME | SQL_DL_SQL92_TIMESTAMP);
    ui(SQL_SQL92_PREDICATES, SQL_SP_BETWEEN | SQL_SP_COMPARISON | SQL_SP_EXISTS | SQL_SP_IN |
                                 SQL_SP_ISNOTNULL | SQL_SP_ISNULL | SQL_SP_LIKE);
    ui(SQL_SQL92_RELATIONAL_JOIN_OPERATORS, SQL_SRJO_CROSS_JOIN | SQL_SRJO_INNER_JOIN |
                                                SQL_SRJO_LEFT_OUTER_JOIN | SQL_SRJO_RIGHT_OUTER_JOIN |
                                                SQL_SRJO_FULL_OUTER_JOIN | SQL_SRJO_NATURAL_JOIN);
    ui(SQL_SQL92_VALUE_EXPRESSIONS, SQL_SVE_CASE | SQL_SVE_CAST | SQL_SVE_COALESCE | SQL_SVE_NULLIF);
    ui(SQL_SQL92_STRING_FUNCTIONS, SQL_SSF_LOWER | SQL_SSF_UPPER | SQL_SSF_SUBSTRING | SQL_SSF_TRIM_BOTH |
                                       SQL_SSF_TRIM_LEADING | SQL_SSF_TRIM_TRAILING);
    ui(SQL_SQL92_NUMERIC_VALUE_FUNCTIONS, SQL_SNVF_BIT_LENGTH | SQL_SNVF_CHAR_LENGTH | SQL_SNVF_CHARACTER_LENGTH |
                                              SQL_SNVF_EXTRACT | SQL_SNVF_OCTET_LENGTH | SQL_SNVF_POSITION);
    ui(SQL_SQL92_DATETIME_FUNCTIONS, SQL_SDF_CURRENT_DATE | SQL_SDF_CURRENT_TIME | SQL_SDF_CURRENT_TIMESTAMP);
    ui(SQL_SQL92_ROW_VALUE_CONSTRUCTOR, SQL_SRVC_VALUE_EXPRESSION | SQL_SRVC_NULL);
    ui(SQL_SQL92_FOREIGN_KEY_DELETE_RULE, 0);
    ui(SQL_SQL92_FOREIGN_KEY_UPDATE_RULE, 0);
    ui(SQL_SQL92_GRANT, 0);
    ui(SQL_SQL92_REVOKE, 0);
    ui(SQL_OJ_CAPABILITIES, SQL_OJ_LEFT | SQL_OJ_RIGHT | SQL_OJ_FULL | SQL_OJ_NESTED | SQL_OJ_NOT_ORDERED |
                                SQL_OJ_INNER | SQL_OJ_ALL_COMPARISON_OPS);
    s(SQL_OUTER_JOINS, "Y");
    us(SQL_GROUP_BY, SQL_GB_NO_RELATION);
    s(SQL_ORDER_BY_COLUMNS_IN_SELECT, "N");
    s(SQL_EXPRESSIONS_IN_ORDERBY, "Y");
    ui(SQL_SUBQUERIES, SQL_SQ_COMPARISON | SQL_SQ_EXISTS | SQL_SQ_IN | SQL_SQ_CORRELATED_SUBQUERIES);
    ui(SQL_UNION, SQL_U_UNION | SQL_U_UNION_ALL);
    us(SQL_CORRELATION_NAME, SQL_CN_ANY);
    s(SQL_COLUMN_ALIAS, "Y");
    us(SQL_CONCAT_NULL_BEHAVIOR, SQL_CB_NULL);
    us(SQL_NULL_COLLATION, SQL_NC_LOW);
    us(SQL_NON_NULLABLE_COLUMNS, SQL_NNC_NON_NULL);
    s(SQL_INTEGRITY, "N");
    s(SQL_DESCRIBE_PARAMETER, "N");
    s(SQL_NEED_LONG_DATA_LEN, "N");
    s(SQL_MAX_ROW_SIZE_INCLUDES_LONG, "N");
    s(SQL_MULT_RESULT_SETS, "N");
    s(SQL_MULTIPLE_ACTIVE_TXN, "Y");
    s(SQL_ROW_UPDATES, "N");
    us(SQL_FILE_USAGE, SQL_FILE_NOT_SUPPORTED);
    ui(SQL_ALTER_DOMAIN, 0);
    ui(SQL_ALTER_TABLE, 0);
    ui(SQL_CREATE_ASSERTION, 0);
    ui(SQL_CREATE_CHARACTER_SET, 0);
    ui(SQL_CREATE_COLLATION, 0);
    ui(SQL_CREATE_DOMAIN, 0);
    ui(SQL_CREATE_SCHEMA, 0);
    // Local tables only (CREATE [TEMP] TABLE in the connection's own SQLite database; README
    // "Local tables"): monday's tables are created in monday, not by SQL.
    ui(SQL_CREATE_TABLE, SQL_CT_CREATE_TABLE | SQL_CT_LOCAL_TEMPORARY | SQL_CT_COMMIT_PRESERVE |
                             SQL_CT_COLUMN_CONSTRAINT | SQL_CT_COLUMN_DEFAULT | SQL_CT_TABLE_CONSTRAINT |
                             SQL_CT_CONSTRAINT_NAME_DEFINITION);
    ui(SQL_CREATE_TRANSLATION, 0);
    ui(SQL_CREATE_VIEW, 0);
    ui(SQL_DROP_ASSERTION, 0);
    ui(SQL_DROP_CHARACTER_SET, 0);
    ui(SQL_DROP_COLLATION, 0);
    ui(SQL_DROP_DOMAIN, 0);
    ui(SQL_DROP_SCHEMA, 0);
    ui(SQL_DROP_TABLE, SQL_DT_DROP_TABLE);
    ui(SQL_DROP_TRANSLATION, 0);
    ui(SQL_DROP_VIEW, 0);
    ui(SQL_DDL_INDEX, 0);
    ui(SQL_INDEX_KEYWORDS, SQL_IK_NONE);
    ui(SQL_INFO_SCHEMA_VIEWS, 0);
    ui(SQL_INSERT_STATEMENT, 0);
    ui(SQL_MAX_BINARY_LITERAL_LEN, 0);
    ui(SQL_MAX_CHAR_LITERAL_LEN, 0);
    ui(SQL_MAX_INDEX_SIZE, 0);
    ui(SQL_MAX_ROW_SIZE, 0);
    ui(SQL_MAX_STATEMENT_LEN, 0);
    us(SQL_MAX_COLUMNS_IN_GROUP_BY, 0);
    us(SQL_MAX_COLUMNS_IN_INDEX, 0);
    us(SQL_MAX_COLUMNS_IN_ORDER_BY, 0);
    us(SQL_MAX_COLUMNS_IN_SELECT, 2000);  // SQLite's SQLITE_MAX_COLUMN
    us(SQL_MAX_COLUMNS_IN_TABLE, 2000);
    us(SQL_MAX_TABLES_IN_SELECT, 64);     // SQLite's join limit
    ui(SQL_DTC_TRANSITION_COST, 0);
#ifdef SQL_RETURN_ESCAPE_CLAUSE
    ui(SQL_RETURN_ESCAPE_CLAUSE, 0);
#else
    ui(180, 0);  // SQL_RETURN_ESCAPE_CLAUSE (ODBC 3.8, missing from older headers): SQL_RC_NONE
#endif

    // Cursors, fetching, transactions.
    ui(SQL_GETDATA_EXTENSIONS, SQL_GD_ANY_COLUMN | SQL_GD_ANY_ORDER | SQL_GD_BOUND | SQL_GD_BLOCK);
    // Forward-only streams; static cursors are read whole when they open and scroll over a local
    // copy (spilled to a temporary file when large). Keyset and dynamic ones are not offered.
    ui(SQL_SCROLL_OPTIONS, SQL_SO_FORWARD_ONLY | SQL_SO_STATIC);
    ui(SQL_FETCH_DIRECTION, SQL_FD_FETCH_NEXT | SQL_FD_FETCH_FIRST | SQL_FD_FETCH_LAST | SQL_FD_FETCH_PRIOR |
                                SQL_FD_FETCH_ABSOLUTE | SQL_FD_FETCH_RELATIVE | SQL_FD_FETCH_BOOKMARK);
    ui(SQL_SCROLL_CONCURRENCY, SQL_SCCO_READ_ONLY);
    ui(SQL_FORWARD_ONLY_CURSOR_ATTRIBUTES1, SQL_CA1_NEXT | SQL_CA1_POS_POSITION);
    ui(SQL_FORWARD_ONLY_CURSOR_ATTRIBUTES2, SQL_CA2_READ_ONLY_CONCURRENCY | SQL_CA2_MAX_ROWS_SELECT);
    ui(SQL_STATIC_CURSOR_ATTRIBUTES1,
       SQL_CA1_NEXT | SQL_CA1_ABSOLUTE | SQL_CA1_RELATIVE | SQL_CA1_BOOKMARK | SQL_CA1_POS_POSITION);
    ui(SQL_STATIC_CURSOR_ATTRIBUTES2, SQL_CA2_READ_ONLY_CONCURRENCY | SQL_CA2_MAX_ROWS_SELECT | SQL_CA2_CRC_EXACT);
    ui(SQL_DYNAMIC_CURSOR_ATTRIBUTES1, 0);
    ui(SQL_DYNAMIC_CURSOR_ATTRIBUTES2, 0);
    ui(SQL_KEYSET_CURSOR_ATTRIBUTES1, 0);
    ui(SQL_KEYSET_CURSOR_ATTRIBUTES2, 0);
    ui(SQL_CURSOR_SENSITIVITY, SQL_INSENSITIVE);
    ui(SQL_STATIC_SENSITIVITY, 0);
    ui(SQL_BOOKMARK_PERSISTENCE, SQL_BP_SCROLL);  // valid while the cursor is open, wherever it scrolls
    ui(SQL_LOCK_TYPES, SQL_LCK_NO_CHANGE);
    ui(SQL_POS_OPERATIONS, SQL_POS_POSITION);
    ui(SQL_POSITIONED_STATEMENTS, 0);
    // Transactions are SQLite's, over the local tables, DDL included; a change sent to monday is
    // applied when its statement runs and a ROLLBACK that cannot undo it fails (README
    // "Transactions"). One SQLite database per connection: serializable.
    us(SQL_TXN_CAPABLE, SQL_TC_ALL);
    ui(SQL_DEFAULT_TXN_ISOLATION, SQL_TXN_SERIALIZABLE);
    ui(SQL_TXN_ISOLATION_OPTION, SQL_TXN_SERIALIZABLE);
    us(SQL_CURSOR_COMMIT_BEHAVIOR, SQL_CB_PRESERVE);
    us(SQL_CURSOR_ROLLBACK_BEHAVIOR, SQL_CB_CLOSE);
    us(SQL_MAX_CONCURRENT_ACTIVITIES, 0);
    us(SQL_MAX_DRIVER_CONNECTIONS, 0);
    us(SQL_ACTIVE_ENVIRONMENTS, 0);
    ui(SQL_ASYNC_MODE, SQL_AM_NONE);
    ui(SQL_MAX_ASYNC_CONCURRENT_STATEMENTS, 0);
    ui(SQL_ASYNC_DBC_FUNCTIONS, SQL_ASYNC_DBC_NOT_CAPABLE);
    ui(SQL_ASYNC_NOTIFICATION, SQL_ASYNC_NOTIFICATION_NOT_CAPABLE);
    ui(SQL_DRIVER_AWARE_POOLING_SUPPORTED, SQL_DRIVER_AWARE_POOLING_NOT_CAPABLE);
    ui(SQL_BATCH_ROW_COUNT, 0);
    ui(SQL_BATCH_SUPPORT, 0);
    ui(SQL_PARAM_ARRAY_ROW_COUNTS, SQL_PARC_NO_BATCH);
    ui(SQL_PARAM_ARRAY_SELECTS, SQL_PAS_NO_SELECT);
    return m;
  }();
  return answers;
}

std::string dbmsVersion(const std::string& api_version) {
  // ODBC wants ##.##.####; monday versions are YYYY-MM.
  int year = 0;
  int month = 0;
  if (std::sscanf(api_version.c_str(), "%d-%d", &year, &month) != 2) return "00.00.0000";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%02d.%02d.0000 (monday API %s)", year % 100, month,
                api_version.c_str());
  return buffer;
}

}  // namespace

std::string driverVersionString(std::string_view semantic_version) {
  int major = 0;
  int minor = 0;
  int patch = 0;
  const std::string text(semantic_version);
  std::sscanf(text.c_str(), "%d.%d.%d", &major, &minor, &patch);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%02d.%02d.%04d", major % 100, minor % 100, patch % 10000);
  return buffer;
}

std::optional<InfoValue> infoValue(SQLUSMALLINT id, const InfoContext& context) {
  switch (id) {
    case SQL_DATA_SOURCE_NAME: return InfoValue{context.data_source_name};
    case SQL_USER_NAME: return InfoValue{context.user_name};
    case SQL_SERVER_NAME: return InfoValue{context.server_name};
    case SQL_DBMS_VER: return InfoValue{dbmsVersion(context.api_version)};
    default: break;
  }
  const auto& answers = fixedAnswers();
  auto it = answers.find(id);
  if (it == answers.end()) return std::nullopt;
  return it->second;
}

std::vector<SQLUSMALLINT> knownInfoIds() {
  std::vector<SQLUSMALLINT> ids = {SQL_DATA_SOURCE_NAME, SQL_USER_NAME, SQL_SERVER_NAME, SQL_DBMS_VER};
  for (const auto& [id, value] : fixedAnswers()) ids.push_back(id);
  return ids;
}

}  // namespace monday::handles
