// The SQL-to-C conversion matrix of the ODBC reference ("Converting Data from SQL to C Data
// Types"), cell by cell, for every SQL type the driver's columns have: a cell the reference
// allows converts a value of that type (SQL_SUCCESS or a truncation warning), a cell it forbids
// is 07006. Values of each row are chosen to fit the target category, so a failure here is the
// conversion's, not the sample's.

#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "driver/convert/to_c.h"
#include "driver/convert/type_info.h"

namespace monday::convert {
namespace {

enum class Category { Character, ExactNumeric, ApproximateNumeric, Date, Time, Timestamp, Binary };

struct SqlRow {
  DataType type;
  Category category;
  Value sample;            // for character, numeric and binary targets
  Value datetime_sample;   // for date/time/timestamp targets
  Value interval_sample;   // for interval targets
  Value guid_sample;       // for SQL_C_GUID
};

const std::vector<SqlRow>& rows() {
  static const std::vector<SqlRow> list = {
      {DataType::Varchar, Category::Character, std::string("42"), std::string("2026-03-15 14:30:45"), std::string("42"),
       std::string("6F9619FF-8B86-D011-B42D-00C04FC964FF")},
      {DataType::LongVarchar, Category::Character, std::string("42"), std::string("2026-03-15 14:30:45"),
       std::string("42"), std::string("{6F9619FF-8B86-D011-B42D-00C04FC964FF}")},
      {DataType::Bit, Category::ExactNumeric, std::int64_t{1}, std::int64_t{1}, std::int64_t{1}, std::int64_t{1}},
      {DataType::Integer, Category::ExactNumeric, std::int64_t{42}, std::int64_t{42}, std::int64_t{42}, std::int64_t{42}},
      {DataType::BigInt, Category::ExactNumeric, std::int64_t{42}, std::int64_t{42}, std::int64_t{42}, std::int64_t{42}},
      {DataType::Decimal, Category::ExactNumeric, std::string("42"), std::string("42"), std::string("42"), std::string("42")},
      {DataType::Double, Category::ApproximateNumeric, 42.0, 42.0, 42.0, 42.0},
      {DataType::Date, Category::Date, std::string("2026-03-15"), std::string("2026-03-15"), std::string("2026-03-15"),
       std::string("2026-03-15")},
      {DataType::Time, Category::Time, std::string("14:30:45"), std::string("14:30:45"), std::string("14:30:45"),
       std::string("14:30:45")},
      {DataType::Timestamp, Category::Timestamp, std::string("2026-03-15 14:30:45"), std::string("2026-03-15 14:30:45"),
       std::string("2026-03-15 14:30:45"), std::string("2026-03-15 14:30:45")},
      {DataType::LongVarBinary, Category::Binary, Blob{{1, 2, 3}}, Blob{{1, 2, 3}}, Blob{{1, 2, 3}}, Blob{{1, 2, 3}}},
  };
  return list;
}

const std::vector<SQLSMALLINT> kNumericTargets = {SQL_C_BIT,   SQL_C_STINYINT, SQL_C_UTINYINT, SQL_C_SSHORT,
                                                  SQL_C_USHORT, SQL_C_SLONG,   SQL_C_ULONG,    SQL_C_SBIGINT,
                                                  SQL_C_UBIGINT, SQL_C_FLOAT,  SQL_C_DOUBLE,   SQL_C_NUMERIC};
const std::vector<SQLSMALLINT> kSingleFieldIntervals = {SQL_C_INTERVAL_YEAR, SQL_C_INTERVAL_MONTH, SQL_C_INTERVAL_DAY,
                                                        SQL_C_INTERVAL_HOUR, SQL_C_INTERVAL_MINUTE, SQL_C_INTERVAL_SECOND};
const std::vector<SQLSMALLINT> kMultiFieldIntervals = {
    SQL_C_INTERVAL_YEAR_TO_MONTH,   SQL_C_INTERVAL_DAY_TO_HOUR,     SQL_C_INTERVAL_DAY_TO_MINUTE,
    SQL_C_INTERVAL_DAY_TO_SECOND,   SQL_C_INTERVAL_HOUR_TO_MINUTE, SQL_C_INTERVAL_HOUR_TO_SECOND,
    SQL_C_INTERVAL_MINUTE_TO_SECOND};

bool contains(const std::vector<SQLSMALLINT>& list, SQLSMALLINT c) {
  return std::find(list.begin(), list.end(), c) != list.end();
}

// The reference's matrix.
bool allowed(Category from, SQLSMALLINT to) {
  if (to == SQL_C_CHAR || to == SQL_C_WCHAR || to == SQL_C_BINARY) return true;
  switch (from) {
    case Category::Character: return true;
    case Category::ExactNumeric: return contains(kNumericTargets, to) || contains(kSingleFieldIntervals, to);
    case Category::ApproximateNumeric: return contains(kNumericTargets, to);
    case Category::Date: return to == SQL_C_TYPE_DATE || to == SQL_C_TYPE_TIMESTAMP;
    case Category::Time: return to == SQL_C_TYPE_TIME || to == SQL_C_TYPE_TIMESTAMP;
    case Category::Timestamp: return to == SQL_C_TYPE_DATE || to == SQL_C_TYPE_TIME || to == SQL_C_TYPE_TIMESTAMP;
    case Category::Binary: return false;
  }
  return false;
}

std::vector<SQLSMALLINT> allTargets() {
  std::vector<SQLSMALLINT> out = {SQL_C_CHAR, SQL_C_WCHAR, SQL_C_BINARY, SQL_C_TYPE_DATE, SQL_C_TYPE_TIME,
                                  SQL_C_TYPE_TIMESTAMP, SQL_C_GUID};
  out.insert(out.end(), kNumericTargets.begin(), kNumericTargets.end());
  out.insert(out.end(), kSingleFieldIntervals.begin(), kSingleFieldIntervals.end());
  out.insert(out.end(), kMultiFieldIntervals.begin(), kMultiFieldIntervals.end());
  return out;
}

// SQLSTATE of the conversion, or "ok" / "ok+<warning>".
std::string run(const Value& value, DataType type, SQLSMALLINT c_type) {
  alignas(16) unsigned char buffer[512] = {0};
  SQLLEN indicator = 0;
  CTarget t;
  t.c_type = c_type;
  t.data = buffer;
  t.buffer_length = sizeof buffer;
  t.indicator = &indicator;
  t.octet_length = &indicator;
  std::vector<Warning> warnings;
  try {
    const SQLRETURN rc = convertToC(value, {type, typeInfo(sqlTypeOf(type)).default_c_type}, t, nullptr, warnings);
    return rc == SQL_SUCCESS ? "ok" : "ok+" + (warnings.empty() ? std::string("?") : warnings[0].state);
  } catch (const Error& e) {
    return e.state();
  }
}

TEST(ConversionMatrix, EveryAllowedCellConvertsAndEveryForbiddenOneIs07006) {
  std::size_t cells = 0;
  for (const auto& row : rows()) {
    for (SQLSMALLINT target : allTargets()) {
      ++cells;
      const bool datetime_target =
          target == SQL_C_TYPE_DATE || target == SQL_C_TYPE_TIME || target == SQL_C_TYPE_TIMESTAMP;
      const Value& value = datetime_target                                   ? row.datetime_sample
                           : contains(kSingleFieldIntervals, target)          ? row.interval_sample
                           : target == SQL_C_GUID                             ? row.guid_sample
                                                                              : row.sample;
      std::string got;
      // 42 is out of SQL_C_BIT's range (22003, rightly): a bit takes 0 or 1.
      if (target == SQL_C_BIT && row.category != Category::Binary && !datetime_target &&
          (row.category == Category::Character || row.category == Category::ExactNumeric ||
           row.category == Category::ApproximateNumeric)) {
        const Value one = row.category == Category::Character || row.type == DataType::Decimal ? Value{std::string("1")}
                          : row.category == Category::ApproximateNumeric                    ? Value{1.0}
                                                                                             : Value{std::int64_t{1}};
        got = run(one, row.type, target);
      } else if (row.category == Category::Character && contains(kMultiFieldIntervals, target)) {
        // Text spells multi-field intervals in their own layouts.
        const char* layout = target == SQL_C_INTERVAL_YEAR_TO_MONTH    ? "1-6"
                             : target == SQL_C_INTERVAL_DAY_TO_HOUR     ? "3 04"
                             : target == SQL_C_INTERVAL_DAY_TO_MINUTE   ? "3 04:05"
                             : target == SQL_C_INTERVAL_DAY_TO_SECOND   ? "3 04:05:06.5"
                             : target == SQL_C_INTERVAL_HOUR_TO_MINUTE  ? "04:05"
                             : target == SQL_C_INTERVAL_HOUR_TO_SECOND  ? "04:05:06"
                                                                        : "05:06";
        got = run(std::string(layout), row.type, target);
      } else {
        got = run(value, row.type, target);
      }
      const std::string cell = std::string(declaredTypeName(row.type)) + " -> C type " + std::to_string(target);
      if (allowed(row.category, target)) {
        EXPECT_TRUE(got == "ok" || got == "ok+01004" || got == "ok+01S07") << cell << ": " << got;
      } else {
        EXPECT_EQ(got, "07006") << cell;
      }
    }
  }
  EXPECT_GT(cells, 300u);
}

TEST(ConversionMatrix, DateToTimestampZeroesTheTimeAndTimestampToDateWarns) {
  alignas(16) SQL_TIMESTAMP_STRUCT ts{};
  SQLLEN indicator = 0;
  CTarget t;
  t.c_type = SQL_C_TYPE_TIMESTAMP;
  t.data = &ts;
  t.indicator = &indicator;
  t.octet_length = &indicator;
  std::vector<Warning> warnings;
  ASSERT_EQ(convertToC(std::string("2026-03-15"), {DataType::Date, SQL_C_TYPE_DATE}, t, nullptr, warnings), SQL_SUCCESS);
  EXPECT_EQ(ts.year, 2026);
  EXPECT_EQ(ts.day, 15);
  EXPECT_EQ(ts.hour + ts.minute + ts.second + ts.fraction, 0u);
  EXPECT_EQ(run(std::string("2026-03-15 14:30:45"), DataType::Timestamp, SQL_C_TYPE_DATE), "ok+01S07");
}

TEST(ConversionMatrix, IntervalsAndGuidsCarryTheirFields) {
  alignas(16) SQL_INTERVAL_STRUCT interval{};
  SQLLEN indicator = 0;
  CTarget t;
  t.c_type = SQL_C_INTERVAL_DAY_TO_SECOND;
  t.data = &interval;
  t.indicator = &indicator;
  t.octet_length = &indicator;
  std::vector<Warning> warnings;
  ASSERT_EQ(convertToC(std::string("-3 04:05:06.25"), {DataType::Varchar, SQL_C_WCHAR}, t, nullptr, warnings), SQL_SUCCESS);
  EXPECT_EQ(interval.interval_type, SQL_IS_DAY_TO_SECOND);
  EXPECT_EQ(interval.interval_sign, SQL_TRUE);
  EXPECT_EQ(interval.intval.day_second.day, 3u);
  EXPECT_EQ(interval.intval.day_second.second, 6u);
  EXPECT_EQ(interval.intval.day_second.fraction, 250000000u);
  t.c_type = SQL_C_INTERVAL_MONTH;
  ASSERT_EQ(convertToC(std::int64_t{-7}, {DataType::BigInt, SQL_C_SBIGINT}, t, nullptr, warnings), SQL_SUCCESS);
  EXPECT_EQ(interval.intval.year_month.month, 7u);
  EXPECT_EQ(interval.interval_sign, SQL_TRUE);

  alignas(16) SQLGUID guid{};
  t.c_type = SQL_C_GUID;
  t.data = &guid;
  ASSERT_EQ(convertToC(std::string("6F9619FF-8B86-D011-B42D-00C04FC964FF"), {DataType::Varchar, SQL_C_WCHAR}, t,
                       nullptr, warnings),
            SQL_SUCCESS);
  EXPECT_EQ(guid.Data1, 0x6F9619FFu);
  EXPECT_EQ(guid.Data2, 0x8B86);
  EXPECT_EQ(guid.Data4[7], 0xFF);
}

}  // namespace
}  // namespace monday::convert
