#pragma once
// C -> SQL conversion for parameters: an application buffer bound with SQLBindParameter becomes
// the monday::Value given to engine::Statement::bind. The parameter's SQL type (from the IPD)
// decides the value's form, so '42' bound as SQL_INTEGER compares as a number.

#include <sql.h>
#include <sqlext.h>

#include "driver/common/value.h"

#include "driver/convert/length_slot.h"

namespace monday::convert {

struct ParameterSource {
  SQLSMALLINT c_type = SQL_C_CHAR;
  SQLSMALLINT sql_type = SQL_VARCHAR;
  const void* data = nullptr;           // already offset for binding offset / row
  SQLLEN buffer_length = 0;
  LengthSlot length_or_indicator;       // SQL_NTS, SQL_NULL_DATA or a byte length
  SQLSMALLINT decimal_digits = 0;
};

// Throws monday::Error: 22003 out of range, 22018 text that is not a number, 22007 bad date,
// HY009 a null data pointer for a non-NULL value, HYC00 data-at-execution, HY003/HY004 unknown
// C/SQL types.
Value convertParameter(const ParameterSource& source);

// The C type SQL_C_DEFAULT means for a parameter of `sql_type`.
SQLSMALLINT defaultCTypeForSqlType(SQLSMALLINT sql_type);

// Whether `sql_type` is one of ODBC's SQL type codes (else HY004 at bind time).
bool isKnownSqlType(SQLSMALLINT sql_type);

}  // namespace monday::convert
