#pragma once
// The ODBC functions this driver implements: one list feeding SQLGetFunctions, both as the ODBC 3
// bitmap (SQL_API_ODBC3_ALL_FUNCTIONS) and the ODBC 2 array (SQL_API_ALL_FUNCTIONS). It must name
// exactly the SQLxxx entry points driver/odbc exports (a unit test reads both).

#include <sql.h>
#include <sqlext.h>

#include <span>

namespace monday::handles {

std::span<const SQLUSMALLINT> implementedFunctions();
bool isImplementedFunction(SQLUSMALLINT id);

// `bitmap` has SQL_API_ODBC3_ALL_FUNCTIONS_SIZE (250) elements.
void fillOdbc3FunctionBitmap(SQLUSMALLINT* bitmap);
// `flags` has 100 elements, indexed by the ODBC 2 function id.
void fillOdbc2FunctionArray(SQLUSMALLINT* flags);

}  // namespace monday::handles
