// Conversions as the ODBC reference's tables allow them, through the driver manager: every SQL type
// the driver's columns have fetched as every C type (ANSI and Unicode), parameters of every C type
// bound as every SQL type, expression columns described with the type their values have, and
// SQL_C_NUMERIC honouring the ARD's precision and scale.
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "tests/integration/odbc_support.h"

using namespace monday::test;

namespace {

class Conversions : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(SQL_SUCCEEDED(connection_.driverConnect(sandboxConnectionString()))) << describe(connection_.lastDiagnostics());
    for (const char* sql :
         {"CREATE TEMP TABLE typed (c_bit BIT, c_int INTEGER, c_big BIGINT, c_dbl DOUBLE, c_dec DECIMAL(10,2), "
          "c_date DATE, c_time TIME, c_ts TIMESTAMP, c_text VARCHAR(40), c_when VARCHAR(40), c_blob BLOB)",
          "INSERT INTO typed VALUES (1, 1, 1, 1.0, 1.0, '2026-03-15', '14:30:45', '2026-03-15 14:30:45', '1', "
          "'2026-03-15 14:30:45', x'0102')"}) {
      Statement s(connection_);
      ASSERT_TRUE(SQL_SUCCEEDED(s.execDirect(sql))) << describe(s.diagnostics());
    }
  }
  Environment env_;
  Connection connection_{env_};
};

enum class Kind { Character, Numeric, Date, Time, Timestamp, Binary };

struct Column {
  const char* name;
  Kind kind;
};

const std::vector<Column> kColumns = {{"c_bit", Kind::Numeric},  {"c_int", Kind::Numeric},      {"c_big", Kind::Numeric},
                                      {"c_dbl", Kind::Numeric},  {"c_dec", Kind::Numeric},      {"c_date", Kind::Date},
                                      {"c_time", Kind::Time},    {"c_ts", Kind::Timestamp},     {"c_text", Kind::Character},
                                      {"c_blob", Kind::Binary}};

const std::vector<SQLSMALLINT> kNumericC = {SQL_C_BIT,    SQL_C_STINYINT, SQL_C_UTINYINT, SQL_C_SSHORT,
                                            SQL_C_USHORT, SQL_C_SLONG,    SQL_C_ULONG,    SQL_C_SBIGINT,
                                            SQL_C_UBIGINT, SQL_C_FLOAT,   SQL_C_DOUBLE,   SQL_C_NUMERIC};

bool allowedToC(Kind from, SQLSMALLINT c) {
  if (c == SQL_C_CHAR || c == SQL_C_WCHAR || c == SQL_C_BINARY) return true;
  const bool numeric = std::find(kNumericC.begin(), kNumericC.end(), c) != kNumericC.end();
  switch (from) {
    case Kind::Character: return true;
    case Kind::Numeric: return numeric;
    case Kind::Date: return c == SQL_C_TYPE_DATE || c == SQL_C_TYPE_TIMESTAMP;
    case Kind::Time: return c == SQL_C_TYPE_TIME || c == SQL_C_TYPE_TIMESTAMP;
    case Kind::Timestamp: return c == SQL_C_TYPE_DATE || c == SQL_C_TYPE_TIME || c == SQL_C_TYPE_TIMESTAMP;
    case Kind::Binary: return false;
  }
  return false;
}

}  // namespace

TEST_F(Conversions, EveryColumnTypeAsEveryCTypeWithBothEntryPoints) {
  std::vector<SQLSMALLINT> targets = {SQL_C_CHAR, SQL_C_WCHAR, SQL_C_BINARY, SQL_C_TYPE_DATE, SQL_C_TYPE_TIME,
                                      SQL_C_TYPE_TIMESTAMP};
  targets.insert(targets.end(), kNumericC.begin(), kNumericC.end());
  for (bool wide : {false, true}) {
    for (const auto& column : kColumns) {
      for (SQLSMALLINT target : targets) {
        // A character column holds a date-like text for date targets.
        const std::string name = column.kind == Kind::Character &&
                                         (target == SQL_C_TYPE_DATE || target == SQL_C_TYPE_TIME || target == SQL_C_TYPE_TIMESTAMP)
                                     ? "c_when"
                                     : column.name;
        SQLHSTMT stmt = SQL_NULL_HSTMT;
        SQLAllocHandle(SQL_HANDLE_STMT, connection_.handle(), &stmt);
        const std::string sql = "SELECT " + name + " FROM typed";
        SQLRETURN rc;
        if (wide) {
          const std::u16string text = utf16(sql);
          rc = SQLExecDirectW(stmt, (SQLWCHAR*)text.c_str(), SQL_NTS);
        } else {
          rc = SQLExecDirect(stmt, (SQLCHAR*)sql.c_str(), SQL_NTS);
        }
        ASSERT_TRUE(SQL_SUCCEEDED(rc)) << sql;
        ASSERT_TRUE(SQL_SUCCEEDED(SQLFetch(stmt)));
        alignas(16) unsigned char buffer[256] = {0};
        SQLLEN indicator = 0;
        rc = SQLGetData(stmt, 1, target, buffer, sizeof buffer, &indicator);
        const auto d = diagnostics(SQL_HANDLE_STMT, stmt);
        const std::string cell = name + " as C type " + std::to_string(target) + (wide ? " (W)" : " (A)");
        if (allowedToC(column.kind, target)) {
          EXPECT_TRUE(SQL_SUCCEEDED(rc)) << cell << ": " << describe(d);
          EXPECT_NE(indicator, SQL_NULL_DATA) << cell;
        } else {
          EXPECT_EQ(rc, SQL_ERROR) << cell;
          EXPECT_EQ(d.empty() ? "" : d[0].state, "07006") << cell;
        }
        SQLFreeHandle(SQL_HANDLE_STMT, stmt);
      }
    }
  }
}

TEST_F(Conversions, ACastToDateFetchesAsATimestampAtMidnight) {
  Statement statement(connection_);
  ASSERT_TRUE(SQL_SUCCEEDED(statement.execDirect("SELECT CAST(created_at AS DATE) FROM Boards LIMIT 1")))
      << describe(statement.diagnostics());
  SQLSMALLINT type = 0;
  SQLDescribeCol(statement.handle(), 1, nullptr, 0, nullptr, &type, nullptr, nullptr, nullptr);
  EXPECT_EQ(type, SQL_TYPE_DATE);
  ASSERT_EQ(SQLFetch(statement.handle()), SQL_SUCCESS);
  SQL_TIMESTAMP_STRUCT ts{};
  SQLLEN indicator = 0;
  ASSERT_EQ(SQLGetData(statement.handle(), 1, SQL_C_TYPE_TIMESTAMP, &ts, sizeof ts, &indicator), SQL_SUCCESS)
      << describe(statement.diagnostics());
  EXPECT_GT(ts.year, 2000);
  EXPECT_EQ(ts.hour + ts.minute + ts.second + ts.fraction, 0u);
}

TEST_F(Conversions, ExpressionColumnsAreDescribedWithTheirValuesType) {
  Statement statement(connection_);
  ASSERT_TRUE(SQL_SUCCEEDED(statement.execDirect(
      "SELECT COUNT(*), CASE WHEN c_int > 0 THEN 10 ELSE 20 END, CAST(c_ts AS DATE), CAST(c_int AS VARCHAR(10)), "
      "{fn TIMESTAMPADD(SQL_TSI_DAY, 1, c_ts)}, {fn TIMESTAMPDIFF(SQL_TSI_DAY, c_date, c_ts)}, EXTRACT(YEAR FROM c_ts), "
      "CASE WHEN c_int > 0 THEN 'yes' END, CAST(c_dbl AS DECIMAL(10, 2)) FROM typed")))
      << describe(statement.diagnostics());
  const std::vector<SQLSMALLINT> expected = {SQL_BIGINT,         SQL_BIGINT, SQL_TYPE_DATE, SQL_WVARCHAR, SQL_TYPE_TIMESTAMP,
                                             SQL_BIGINT,         SQL_BIGINT, SQL_WVARCHAR, SQL_DECIMAL};
  for (SQLUSMALLINT i = 1; i <= expected.size(); ++i) {
    SQLSMALLINT type = 0;
    SQLDescribeCol(statement.handle(), i, nullptr, 0, nullptr, &type, nullptr, nullptr, nullptr);
    EXPECT_EQ(type, expected[i - 1]) << "column " << i;
  }
}

TEST_F(Conversions, GetDataNumericHonoursTheArdsPrecisionAndScale) {
  Statement statement(connection_);
  ASSERT_TRUE(SQL_SUCCEEDED(statement.execDirect("SELECT 123.456")));
  ASSERT_EQ(SQLFetch(statement.handle()), SQL_SUCCESS);
  SQLHDESC ard = nullptr;
  SQLGetStmtAttr(statement.handle(), SQL_ATTR_APP_ROW_DESC, &ard, 0, nullptr);
  SQLSetDescField(ard, 1, SQL_DESC_TYPE, (SQLPOINTER)SQL_C_NUMERIC, 0);
  SQLSetDescField(ard, 1, SQL_DESC_PRECISION, (SQLPOINTER)10, 0);
  SQLSetDescField(ard, 1, SQL_DESC_SCALE, (SQLPOINTER)2, 0);
  SQL_NUMERIC_STRUCT numeric{};
  SQLLEN indicator = 0;
  const SQLRETURN rc = SQLGetData(statement.handle(), 1, SQL_C_NUMERIC, &numeric, sizeof numeric, &indicator);
  // Digits beyond the scale are cut, with 01S07, as the reference says for SQL_C_NUMERIC.
  ASSERT_EQ(rc, SQL_SUCCESS_WITH_INFO) << describe(statement.diagnostics());
  EXPECT_EQ(statement.diagnostics().at(0).state, "01S07");
  EXPECT_EQ(numeric.precision, 10);
  EXPECT_EQ(numeric.scale, 2);
  EXPECT_EQ(numeric.val[0] | (numeric.val[1] << 8), 12345);  // 123.45 at scale 2
}

TEST_F(Conversions, ParametersOfEveryCTypeAsEverySqlType) {
  struct CValue {
    SQLSMALLINT c_type;
    Kind kind;
    std::vector<unsigned char> bytes;  // the C value
  };
  SQL_DATE_STRUCT date{2026, 3, 15};
  SQL_TIME_STRUCT time{14, 30, 45};
  SQL_TIMESTAMP_STRUCT ts{2026, 3, 15, 14, 30, 45, 0};
  SQLINTEGER one = 1;
  double real = 1.0;
  auto bytesOf = [](const void* p, std::size_t n) {
    return std::vector<unsigned char>(static_cast<const unsigned char*>(p), static_cast<const unsigned char*>(p) + n);
  };
  const std::vector<CValue> values = {{SQL_C_SLONG, Kind::Numeric, bytesOf(&one, sizeof one)},
                                      {SQL_C_DOUBLE, Kind::Numeric, bytesOf(&real, sizeof real)},
                                      {SQL_C_TYPE_DATE, Kind::Date, bytesOf(&date, sizeof date)},
                                      {SQL_C_TYPE_TIME, Kind::Time, bytesOf(&time, sizeof time)},
                                      {SQL_C_TYPE_TIMESTAMP, Kind::Timestamp, bytesOf(&ts, sizeof ts)}};
  const std::vector<std::pair<SQLSMALLINT, Kind>> sql_types = {
      {SQL_VARCHAR, Kind::Character},       {SQL_WVARCHAR, Kind::Character}, {SQL_INTEGER, Kind::Numeric},
      {SQL_BIGINT, Kind::Numeric},          {SQL_DOUBLE, Kind::Numeric},     {SQL_DECIMAL, Kind::Numeric},
      {SQL_BIT, Kind::Numeric},             {SQL_TYPE_DATE, Kind::Date},     {SQL_TYPE_TIME, Kind::Time},
      {SQL_TYPE_TIMESTAMP, Kind::Timestamp}};
  // The reference's C-to-SQL table.
  auto allowed = [](Kind c, Kind sql) {
    if (sql == Kind::Character) return true;
    switch (c) {
      case Kind::Numeric: return sql == Kind::Numeric;
      case Kind::Date: return sql == Kind::Date || sql == Kind::Timestamp;
      case Kind::Time: return sql == Kind::Time || sql == Kind::Timestamp;
      case Kind::Timestamp: return sql == Kind::Date || sql == Kind::Time || sql == Kind::Timestamp;
      default: return true;
    }
  };
  for (const auto& value : values) {
    for (const auto& [sql_type, sql_kind] : sql_types) {
      Statement statement(connection_);
      ASSERT_TRUE(SQL_SUCCEEDED(SQLPrepare(statement.handle(), (SQLCHAR*)"SELECT ?", SQL_NTS)));
      std::vector<unsigned char> buffer = value.bytes;
      SQLLEN indicator = static_cast<SQLLEN>(buffer.size());
      SQLBindParameter(statement.handle(), 1, SQL_PARAM_INPUT, value.c_type, sql_type, 20, 0, buffer.data(),
                       static_cast<SQLLEN>(buffer.size()), &indicator);
      const SQLRETURN rc = SQLExecute(statement.handle());
      const auto d = statement.diagnostics();
      const std::string cell = "C type " + std::to_string(value.c_type) + " as SQL type " + std::to_string(sql_type);
      if (allowed(value.kind, sql_kind)) {
        EXPECT_TRUE(SQL_SUCCEEDED(rc)) << cell << ": " << describe(d);
      } else {
        EXPECT_EQ(rc, SQL_ERROR) << cell;
        EXPECT_EQ(d.empty() ? "" : d[0].state, "07006") << cell;
      }
    }
  }
}
