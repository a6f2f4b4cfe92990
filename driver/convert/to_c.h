#pragma once
// SQL -> C conversion: one engine value of a column with a DECLARED DataType into an application
// buffer of a SQL_C_* type. The declared type decides the rules, not SQLite's storage class (a
// DATE column arrives as text, a BIT column as an integer). The matrix and SQLSTATEs follow MS
// "Converting Data from SQL to C Data Types"; tests/unit/to_c_test.cpp is its golden table.

#include <sql.h>
#include <sqlext.h>

#include <cstddef>
#include <string>
#include <vector>

#include "driver/common/data_type.h"
#include "driver/common/error.h"
#include "driver/common/value.h"
#include "driver/convert/length_slot.h"

namespace monday::convert {

// Where the converted value goes. Pointers already include any bind offset and row position.
struct CTarget {
  SQLSMALLINT c_type = SQL_C_CHAR;
  void* data = nullptr;
  SQLLEN buffer_length = 0;      // bytes; used by character and binary targets
  LengthSlot indicator;          // receives SQL_NULL_DATA (may be the same as octet_length)
  LengthSlot octet_length;
  SQLSMALLINT precision = 0;     // SQL_C_NUMERIC; 0 = driver default (38)
  SQLSMALLINT scale = 0;         // SQL_C_NUMERIC
};

struct SourceColumn {
  DataType type = DataType::Varchar;
  SQLSMALLINT default_c_type = SQL_C_WCHAR;  // what SQL_C_DEFAULT resolves to
};

// Where repeated SQLGetData calls on one column have got to. Bound columns pass none.
struct GetDataProgress {
  bool started = false;
  bool finished = false;        // everything returned: the next call gets SQL_NO_DATA
  std::size_t offset = 0;       // bytes (char, binary) or UTF-16 units (wchar) already returned
  std::string cached;           // the payload of the first call, reused by later ones
  std::u16string cached_wide;
  std::u32string cached_wide32;  // the same under iODBC, whose wide characters are UTF-32
};

// Returns SQL_SUCCESS, SQL_SUCCESS_WITH_INFO (warnings appended: 01004, 01S07) or SQL_NO_DATA
// (only with `progress`, when the value was already returned). Throws monday::Error for 22002,
// 22003, 22018, 07006, HY003, HY090.
SQLRETURN convertToC(const Value& value, const SourceColumn& source, const CTarget& target,
                     GetDataProgress* progress, std::vector<Warning>& warnings);

// Folds aliases (SQL_C_LONG -> SQL_C_SLONG, SQL_C_DATE -> SQL_C_TYPE_DATE ...) and resolves
// SQL_C_DEFAULT.
SQLSMALLINT normalizeCType(SQLSMALLINT c_type, SQLSMALLINT default_c_type);

// Whether `c_type` is a C type code ODBC defines (else HY003 at bind time).
bool isKnownCType(SQLSMALLINT c_type);

// Size of a fixed-length C type, 0 for variable-length ones (char, wchar, binary).
SQLLEN fixedCTypeSize(SQLSMALLINT c_type);

// The text form of a value under its declared type (what SQL_C_CHAR receives): canonical
// date/time text, shortest round-trip doubles, "0"/"1" for bits.
std::string valueAsText(const Value& value, DataType type);

}  // namespace monday::convert
