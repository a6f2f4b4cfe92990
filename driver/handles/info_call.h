#pragma once
// SQLGetInfo / SQLGetFunctions bodies (the answers themselves are in info.h and functions.h).

#include "driver/convert/out_buffer.h"

#include <sql.h>
#include <sqlext.h>

namespace monday::handles {

class Connection;

SQLRETURN getInfo(Connection& connection, SQLUSMALLINT id, SQLPOINTER value, SQLSMALLINT buffer_length,
                  SQLSMALLINT* string_length, convert::CharEncoding encoding);
SQLRETURN getFunctions(SQLUSMALLINT function, SQLUSMALLINT* supported);

}  // namespace monday::handles
