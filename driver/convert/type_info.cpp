#include "driver/convert/type_info.h"

#include <array>

namespace monday::convert {

namespace {

constexpr std::int64_t kMaxVarcharSize = 65535;
constexpr std::int64_t kMaxLongVarcharSize = 1073741823;  // SQLite's default SQLITE_MAX_LENGTH

// Kept in DATA_TYPE order: -10, -9, -7, -5, -4, 3, 4, 5, 8, 91, 92, 93.
const std::array<TypeInfo, 12> kTypes = {{
    {SqlTypeId::WLongVarchar, DataType::LongVarchar, "LONGVARCHAR", SQL_WLONGVARCHAR,
     SQL_WLONGVARCHAR, SQL_WLONGVARCHAR, 0, kMaxLongVarcharSize, "'", "'", "", true, SQL_SEARCHABLE,
     false, std::nullopt, std::nullopt, std::nullopt, SQL_C_WCHAR},
    {SqlTypeId::WVarchar, DataType::Varchar, "VARCHAR", SQL_WVARCHAR, SQL_WVARCHAR, SQL_WVARCHAR, 0,
     kMaxVarcharSize, "'", "'", "max length", true, SQL_SEARCHABLE, false, std::nullopt,
     std::nullopt, std::nullopt, SQL_C_WCHAR},
    {SqlTypeId::Bit, DataType::Bit, "BIT", SQL_BIT, SQL_BIT, SQL_BIT, 0, 1, "", "", "", false,
     SQL_ALL_EXCEPT_LIKE, false, std::nullopt, std::nullopt, std::nullopt, SQL_C_BIT},
    {SqlTypeId::BigInt, DataType::BigInt, "BIGINT", SQL_BIGINT, SQL_BIGINT, SQL_BIGINT, 0, 19, "",
     "", "", false, SQL_ALL_EXCEPT_LIKE, true, SQLSMALLINT{0}, SQLSMALLINT{0}, SQLSMALLINT{10},
     SQL_C_SBIGINT},
    {SqlTypeId::LongVarBinary, DataType::LongVarBinary, "LONGVARBINARY", SQL_LONGVARBINARY, SQL_LONGVARBINARY,
     SQL_LONGVARBINARY, 0, kMaxLongVarcharSize, "X'", "'", "", false, SQL_ALL_EXCEPT_LIKE, false, std::nullopt,
     std::nullopt, std::nullopt, SQL_C_BINARY},
    {SqlTypeId::Decimal, DataType::Decimal, "DECIMAL", SQL_DECIMAL, SQL_DECIMAL, SQL_DECIMAL, 0, 38,
     "", "", "precision,scale", false, SQL_ALL_EXCEPT_LIKE, true, SQLSMALLINT{0}, SQLSMALLINT{38},
     SQLSMALLINT{10}, SQL_C_CHAR},
    {SqlTypeId::Integer, DataType::Integer, "INTEGER", SQL_INTEGER, SQL_INTEGER, SQL_INTEGER, 0, 10,
     "", "", "", false, SQL_ALL_EXCEPT_LIKE, true, SQLSMALLINT{0}, SQLSMALLINT{0},
     SQLSMALLINT{10}, SQL_C_SLONG},
    {SqlTypeId::SmallInt, DataType::Integer, "SMALLINT", SQL_SMALLINT, SQL_SMALLINT, SQL_SMALLINT,
     0, 5, "", "", "", false, SQL_ALL_EXCEPT_LIKE, true, SQLSMALLINT{0}, SQLSMALLINT{0},
     SQLSMALLINT{10}, SQL_C_SSHORT},
    {SqlTypeId::Double, DataType::Double, "DOUBLE", SQL_DOUBLE, SQL_DOUBLE, SQL_DOUBLE, 0, 15, "", "",
     "", false, SQL_ALL_EXCEPT_LIKE, true, std::nullopt, std::nullopt, SQLSMALLINT{10},
     SQL_C_DOUBLE},
    {SqlTypeId::Date, DataType::Date, "DATE", SQL_TYPE_DATE, SQL_DATE, SQL_DATETIME, SQL_CODE_DATE,
     10, "'", "'", "", false, SQL_ALL_EXCEPT_LIKE, false, std::nullopt, std::nullopt, std::nullopt,
     SQL_C_TYPE_DATE},
    {SqlTypeId::Time, DataType::Time, "TIME", SQL_TYPE_TIME, SQL_TIME, SQL_DATETIME, SQL_CODE_TIME,
     8, "'", "'", "", false, SQL_ALL_EXCEPT_LIKE, false, SQLSMALLINT{0}, SQLSMALLINT{0},
     std::nullopt, SQL_C_TYPE_TIME},
    {SqlTypeId::Timestamp, DataType::Timestamp, "TIMESTAMP", SQL_TYPE_TIMESTAMP, SQL_TIMESTAMP,
     SQL_DATETIME, SQL_CODE_TIMESTAMP, 29, "'", "'", "", false, SQL_ALL_EXCEPT_LIKE, false,
     SQLSMALLINT{0}, SQLSMALLINT{9}, std::nullopt, SQL_C_TYPE_TIMESTAMP},
}};

}  // namespace

std::span<const TypeInfo> typeInfoTable() { return kTypes; }

const TypeInfo& typeInfo(SqlTypeId id) {
  for (const auto& t : kTypes) {
    if (t.id == id) return t;
  }
  return kTypes[1];  // unreachable: every SqlTypeId has a row (checked by a unit test)
}

SqlTypeId sqlTypeOf(DataType type) {
  switch (type) {
    case DataType::Bit: return SqlTypeId::Bit;
    case DataType::Integer: return SqlTypeId::Integer;
    case DataType::BigInt: return SqlTypeId::BigInt;
    case DataType::Double: return SqlTypeId::Double;
    case DataType::Decimal: return SqlTypeId::Decimal;
    case DataType::Date: return SqlTypeId::Date;
    case DataType::Time: return SqlTypeId::Time;
    case DataType::Timestamp: return SqlTypeId::Timestamp;
    case DataType::Varchar: return SqlTypeId::WVarchar;
    case DataType::LongVarchar: return SqlTypeId::WLongVarchar;
    case DataType::LongVarBinary: return SqlTypeId::LongVarBinary;
  }
  return SqlTypeId::WVarchar;
}

SQLSMALLINT conciseType(const TypeInfo& info, SQLINTEGER odbc_version) {
  return odbc_version == SQL_OV_ODBC2 ? info.odbc2_type : info.odbc3_type;
}

ColumnFacts columnFacts(SqlTypeId id, std::int64_t size, std::int16_t scale) {
  ColumnFacts f;
  const TypeInfo& info = typeInfo(id);
  f.info = &info;
  if (scale < 0) scale = 0;
  switch (id) {
    case SqlTypeId::WVarchar:
    case SqlTypeId::WLongVarchar: {
      std::int64_t chars = size > 0 ? size : defaultColumnSize(info.data_type);
      if (chars > info.max_column_size) chars = info.max_column_size;
      f.column_size = static_cast<SQLULEN>(chars);
      f.octet_length = static_cast<SQLLEN>(chars * 2);  // default C type is SQL_C_WCHAR (UTF-16)
      f.display_size = static_cast<SQLLEN>(chars);
      f.desc_length = static_cast<SQLLEN>(chars);
      f.char_octet_length = f.octet_length;
      break;
    }
    case SqlTypeId::LongVarBinary: {
      std::int64_t bytes = size > 0 ? size : defaultColumnSize(info.data_type);
      if (bytes > info.max_column_size) bytes = info.max_column_size;
      f.column_size = static_cast<SQLULEN>(bytes);
      f.octet_length = static_cast<SQLLEN>(bytes);  // default C type is SQL_C_BINARY
      f.display_size = static_cast<SQLLEN>(bytes * 2);  // two hex digits a byte
      f.desc_length = static_cast<SQLLEN>(bytes);
      break;
    }
    case SqlTypeId::Bit:
      f.column_size = 1;
      f.octet_length = 1;
      f.display_size = 1;
      f.desc_length = 1;
      f.desc_precision = 1;
      break;
    case SqlTypeId::SmallInt:
      f.column_size = 5;
      f.decimal_digits = 0;
      f.octet_length = 2;
      f.display_size = 6;
      f.desc_length = 5;
      f.desc_precision = 5;
      break;
    case SqlTypeId::Integer:
      f.column_size = 10;
      f.decimal_digits = 0;
      f.octet_length = 4;
      f.display_size = 11;
      f.desc_length = 10;
      f.desc_precision = 10;
      break;
    case SqlTypeId::BigInt:
      f.column_size = 19;
      f.decimal_digits = 0;
      f.octet_length = 8;
      f.display_size = 20;
      f.desc_length = 19;
      f.desc_precision = 19;
      break;
    case SqlTypeId::Double:
      f.column_size = 15;
      f.octet_length = 8;
      f.display_size = 24;
      f.desc_length = 15;
      f.desc_precision = 15;
      break;
    case SqlTypeId::Decimal: {
      std::int64_t precision = size > 0 ? size : defaultColumnSize(DataType::Decimal);
      if (precision > 38) precision = 38;
      if (scale > precision) scale = static_cast<std::int16_t>(precision);
      f.column_size = static_cast<SQLULEN>(precision);
      f.decimal_digits = scale;
      f.octet_length = static_cast<SQLLEN>(precision + 2);  // default C type is SQL_C_CHAR
      f.display_size = static_cast<SQLLEN>(precision + 2);
      f.desc_length = static_cast<SQLLEN>(precision);
      f.desc_precision = static_cast<SQLSMALLINT>(precision);
      f.desc_scale = scale;
      break;
    }
    case SqlTypeId::Date:
      f.column_size = 10;
      f.decimal_digits = 0;
      f.octet_length = sizeof(SQL_DATE_STRUCT);
      f.display_size = 10;
      f.desc_length = 10;
      break;
    case SqlTypeId::Time:
      f.column_size = 8;
      f.decimal_digits = 0;
      f.octet_length = sizeof(SQL_TIME_STRUCT);
      f.display_size = 8;
      f.desc_length = 8;
      break;
    case SqlTypeId::Timestamp: {
      if (scale > 9) scale = 9;
      const SQLULEN chars = scale > 0 ? 20 + static_cast<SQLULEN>(scale) : 19;
      f.column_size = chars;
      f.decimal_digits = scale;
      f.octet_length = sizeof(SQL_TIMESTAMP_STRUCT);
      f.display_size = static_cast<SQLLEN>(chars);
      f.desc_length = static_cast<SQLLEN>(chars);
      f.desc_precision = scale;  // fractional seconds precision
      f.desc_scale = 0;
      break;
    }
  }
  return f;
}

bool matchesSqlType(const TypeInfo& info, SQLSMALLINT requested) {
  return requested == info.odbc3_type || requested == info.odbc2_type;
}

std::string_view cTypeName(SQLSMALLINT c_type) {
  switch (c_type) {
    case SQL_C_CHAR: return "SQL_C_CHAR";
    case SQL_C_WCHAR: return "SQL_C_WCHAR";
    case SQL_C_BINARY: return "SQL_C_BINARY";
    case SQL_C_BIT: return "SQL_C_BIT";
    case SQL_C_TINYINT: return "SQL_C_TINYINT";
    case SQL_C_STINYINT: return "SQL_C_STINYINT";
    case SQL_C_UTINYINT: return "SQL_C_UTINYINT";
    case SQL_C_SHORT: return "SQL_C_SHORT";
    case SQL_C_SSHORT: return "SQL_C_SSHORT";
    case SQL_C_USHORT: return "SQL_C_USHORT";
    case SQL_C_LONG: return "SQL_C_LONG";
    case SQL_C_SLONG: return "SQL_C_SLONG";
    case SQL_C_ULONG: return "SQL_C_ULONG";
    case SQL_C_SBIGINT: return "SQL_C_SBIGINT";
    case SQL_C_UBIGINT: return "SQL_C_UBIGINT";
    case SQL_C_FLOAT: return "SQL_C_FLOAT";
    case SQL_C_DOUBLE: return "SQL_C_DOUBLE";
    case SQL_C_NUMERIC: return "SQL_C_NUMERIC";
    case SQL_C_DATE: return "SQL_C_DATE";
    case SQL_C_TIME: return "SQL_C_TIME";
    case SQL_C_TIMESTAMP: return "SQL_C_TIMESTAMP";
    case SQL_C_TYPE_DATE: return "SQL_C_TYPE_DATE";
    case SQL_C_TYPE_TIME: return "SQL_C_TYPE_TIME";
    case SQL_C_TYPE_TIMESTAMP: return "SQL_C_TYPE_TIMESTAMP";
    case SQL_C_GUID: return "SQL_C_GUID";
    case SQL_C_DEFAULT: return "SQL_C_DEFAULT";
    default: return "an interval or other C type";
  }
}

}  // namespace monday::convert
