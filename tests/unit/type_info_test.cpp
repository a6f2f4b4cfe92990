// The one TypeInfo table: every DataType maps to exactly one row, rows are in DATA_TYPE order,
// ODBC 2 applications get 9/10/11 for dates, and column facts agree with the table.

#include "driver/convert/type_info.h"

#include <gtest/gtest.h>

#include <set>

namespace monday::convert {
namespace {

constexpr DataType kAllDataTypes[] = {DataType::Bit,  DataType::Integer, DataType::BigInt,    DataType::Double,
                                      DataType::Decimal, DataType::Date, DataType::Time,      DataType::Timestamp,
                                      DataType::Varchar, DataType::LongVarchar, DataType::LongVarBinary};

TEST(TypeInfo, EveryDataTypeHasExactlyOneRowThatStoresIt) {
  for (DataType type : kAllDataTypes) {
    const TypeInfo& info = typeInfo(sqlTypeOf(type));
    EXPECT_EQ(info.data_type, type) << declaredTypeName(type);
    EXPECT_EQ(info.type_name, declaredTypeName(type));
    int rows = 0;
    for (const auto& row : typeInfoTable()) rows += row.id == sqlTypeOf(type) ? 1 : 0;
    EXPECT_EQ(rows, 1);
  }
}

TEST(TypeInfo, EverySqlTypeIdHasARow) {
  std::set<SqlTypeId> ids;
  for (const auto& row : typeInfoTable()) ids.insert(row.id);
  EXPECT_EQ(ids.size(), typeInfoTable().size());
  EXPECT_EQ(ids.size(), static_cast<std::size_t>(SqlTypeId::Timestamp) + 1);
}

TEST(TypeInfo, RowsAreOrderedByDataTypeForOdbc3AndOdbc2) {
  for (SQLINTEGER version : {SQL_OV_ODBC3, SQL_OV_ODBC2}) {
    SQLSMALLINT previous = -32768;
    for (const auto& row : typeInfoTable()) {
      const SQLSMALLINT code = conciseType(row, version);
      EXPECT_LT(previous, code) << row.type_name;
      previous = code;
    }
  }
}

TEST(TypeInfo, TextIsUnicodeAndDatesFollowTheOdbcVersion) {
  EXPECT_EQ(typeInfo(sqlTypeOf(DataType::Varchar)).odbc3_type, SQL_WVARCHAR);
  EXPECT_EQ(typeInfo(sqlTypeOf(DataType::LongVarchar)).odbc3_type, SQL_WLONGVARCHAR);
  EXPECT_EQ(typeInfo(sqlTypeOf(DataType::BigInt)).odbc3_type, SQL_BIGINT);
  EXPECT_EQ(typeInfo(sqlTypeOf(DataType::Bit)).odbc3_type, SQL_BIT);
  const TypeInfo& ts = typeInfo(SqlTypeId::Timestamp);
  EXPECT_EQ(conciseType(ts, SQL_OV_ODBC3), SQL_TYPE_TIMESTAMP);
  EXPECT_EQ(conciseType(ts, SQL_OV_ODBC3_80), SQL_TYPE_TIMESTAMP);
  EXPECT_EQ(conciseType(ts, SQL_OV_ODBC2), SQL_TIMESTAMP);
  EXPECT_EQ(ts.verbose_type, SQL_DATETIME);
  EXPECT_EQ(ts.datetime_sub, SQL_CODE_TIMESTAMP);
  EXPECT_TRUE(matchesSqlType(ts, SQL_TIMESTAMP));
  EXPECT_TRUE(matchesSqlType(ts, SQL_TYPE_TIMESTAMP));
  EXPECT_FALSE(matchesSqlType(ts, SQL_TYPE_DATE));
}

TEST(TypeInfo, ColumnFactsFollowTheOdbcAppendix) {
  const ColumnFacts text = columnFacts(SqlTypeId::WVarchar, 100, 0);
  EXPECT_EQ(text.column_size, 100u);
  EXPECT_EQ(text.octet_length, 200);  // UTF-16
  EXPECT_EQ(text.display_size, 100);
  EXPECT_FALSE(text.decimal_digits.has_value());
  EXPECT_EQ(text.char_octet_length, SQLLEN{200});

  const ColumnFacts text_default = columnFacts(SqlTypeId::WVarchar, 0, 0);
  EXPECT_EQ(text_default.column_size, static_cast<SQLULEN>(defaultColumnSize(DataType::Varchar)));

  const ColumnFacts big = columnFacts(SqlTypeId::BigInt, 0, 0);
  EXPECT_EQ(big.column_size, 19u);
  EXPECT_EQ(big.octet_length, 8);
  EXPECT_EQ(big.display_size, 20);
  EXPECT_EQ(big.decimal_digits, SQLSMALLINT{0});

  const ColumnFacts ts = columnFacts(SqlTypeId::Timestamp, 0, 3);
  EXPECT_EQ(ts.column_size, 23u);
  EXPECT_EQ(ts.decimal_digits, SQLSMALLINT{3});
  EXPECT_EQ(ts.octet_length, static_cast<SQLLEN>(sizeof(SQL_TIMESTAMP_STRUCT)));

  const ColumnFacts plain_ts = columnFacts(SqlTypeId::Timestamp, 0, 0);
  EXPECT_EQ(plain_ts.column_size, 19u);

  const ColumnFacts dec = columnFacts(SqlTypeId::Decimal, 12, 4);
  EXPECT_EQ(dec.column_size, 12u);
  EXPECT_EQ(dec.decimal_digits, SQLSMALLINT{4});
  EXPECT_EQ(dec.display_size, 14);
}

TEST(TypeInfo, DefaultCTypesMatchOdbc) {
  EXPECT_EQ(typeInfo(SqlTypeId::WVarchar).default_c_type, SQL_C_WCHAR);
  EXPECT_EQ(typeInfo(SqlTypeId::Decimal).default_c_type, SQL_C_CHAR);
  EXPECT_EQ(typeInfo(SqlTypeId::BigInt).default_c_type, SQL_C_SBIGINT);
  EXPECT_EQ(typeInfo(SqlTypeId::Date).default_c_type, SQL_C_TYPE_DATE);
}

}  // namespace
}  // namespace monday::convert
