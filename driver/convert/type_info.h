#pragma once
// The ONE table of SQL types the driver reports. SQLGetTypeInfo, SQLColumns, SQLDescribeCol and
// SQLColAttribute all read it, so the type a BI tool sees in the catalog is the type it gets when
// it runs SELECT * (ANCHORS §7.3, §7.5).

#include <sql.h>
#include <sqlext.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "driver/common/data_type.h"

namespace monday::convert {

// Every type the driver can report. SmallInt exists only for the driver's own catalog result
// sets (ODBC says their code columns are SMALLINT); table columns never use it.
enum class SqlTypeId : std::uint8_t {
  WLongVarchar,
  WVarchar,
  Bit,
  BigInt,
  LongVarBinary,
  Decimal,
  Integer,
  SmallInt,
  Double,
  Date,
  Time,
  Timestamp,
};

struct TypeInfo {
  SqlTypeId id;
  DataType data_type;               // how values of this type are stored and converted
  std::string_view type_name;       // TYPE_NAME; equals declaredTypeName() where one exists
  SQLSMALLINT odbc3_type;           // concise type for ODBC 3.x applications
  SQLSMALLINT odbc2_type;           // concise type for ODBC 2.x applications (dates 9/10/11)
  SQLSMALLINT verbose_type;         // SQL_DESC_TYPE / SQL_DATA_TYPE (SQL_DATETIME for dates)
  SQLSMALLINT datetime_sub;         // SQL_DATETIME_SUB / SQL_DESC_DATETIME_INTERVAL_CODE, or 0
  std::int64_t max_column_size;     // COLUMN_SIZE in SQLGetTypeInfo
  std::string_view literal_prefix;  // "" = NULL
  std::string_view literal_suffix;
  std::string_view create_params;
  bool case_sensitive;
  SQLSMALLINT searchable;           // SQL_SEARCHABLE / SQL_ALL_EXCEPT_LIKE ...
  bool is_numeric;                  // UNSIGNED_ATTRIBUTE is NULL for non-numeric types
  std::optional<SQLSMALLINT> minimum_scale;
  std::optional<SQLSMALLINT> maximum_scale;
  std::optional<SQLSMALLINT> num_prec_radix;
  SQLSMALLINT default_c_type;       // what SQL_C_DEFAULT means for this type
};

// Ordered by DATA_TYPE (ODBC 3 codes), as SQLGetTypeInfo must return them.
std::span<const TypeInfo> typeInfoTable();
const TypeInfo& typeInfo(SqlTypeId id);
SqlTypeId sqlTypeOf(DataType type);

// The concise type code for an application of ODBC version `odbc_version` (SQL_OV_ODBC2/3/3_80).
SQLSMALLINT conciseType(const TypeInfo& info, SQLINTEGER odbc_version);

// What one column of a given type, size and scale looks like to ODBC (ANCHORS §7.6; MS appendix D
// "Column Size, Decimal Digits, Transfer Octet Length, and Display Size").
struct ColumnFacts {
  const TypeInfo* info = nullptr;
  SQLULEN column_size = 0;         // SQLDescribeCol ColumnSize / SQLColumns COLUMN_SIZE
  std::optional<SQLSMALLINT> decimal_digits;  // NULL for types where it does not apply
  SQLLEN octet_length = 0;         // transfer octet length of the default C type
  SQLLEN display_size = 0;
  SQLLEN desc_length = 0;          // SQL_DESC_LENGTH: characters for text, else column size
  SQLSMALLINT desc_precision = 0;  // SQL_DESC_PRECISION
  SQLSMALLINT desc_scale = 0;      // SQL_DESC_SCALE
  std::optional<SQLLEN> char_octet_length;  // CHAR_OCTET_LENGTH, text only
};

// `size` 0 means the type's default size; `scale` is decimal digits (fractional seconds for
// timestamps).
ColumnFacts columnFacts(SqlTypeId id, std::int64_t size, std::int16_t scale);

// Whether an ODBC SQL type code (from SQLGetTypeInfo's argument) matches a table row, accepting
// ODBC 2 date codes as aliases of the ODBC 3 ones.
bool matchesSqlType(const TypeInfo& info, SQLSMALLINT requested);

// Text of a concise C type for messages ("SQL_C_LONG").
std::string_view cTypeName(SQLSMALLINT c_type);

}  // namespace monday::convert
