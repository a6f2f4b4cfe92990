// SQLGetInfo (ANSI and W: lengths in bytes for both) and SQLGetFunctions.

#include "driver/handles/connection.h"
#include "driver/handles/info_call.h"
#include "driver/odbc/entry.h"

using namespace monday;
using namespace monday::handles;

extern "C" {

SQLRETURN SQL_API SQLGetInfo(SQLHDBC ConnectionHandle, SQLUSMALLINT InfoType, SQLPOINTER InfoValue,
                             SQLSMALLINT BufferLength, SQLSMALLINT* StringLength) {
  return guarded<Connection>(SQL_HANDLE_DBC, ConnectionHandle, "SQLGetInfo", [&](Connection& c) {
    return getInfo(c, InfoType, InfoValue, BufferLength, StringLength, odbc::kAnsi);
  });
}

SQLRETURN SQL_API SQLGetInfoW(SQLHDBC hdbc, SQLUSMALLINT fInfoType, SQLPOINTER rgbInfoValue, SQLSMALLINT cbInfoValueMax,
                              SQLSMALLINT* pcbInfoValue) {
  return guarded<Connection>(SQL_HANDLE_DBC, hdbc, "SQLGetInfoW", [&](Connection& c) {
    return getInfo(c, fInfoType, rgbInfoValue, cbInfoValueMax, pcbInfoValue, odbc::kWide);
  });
}

SQLRETURN SQL_API SQLGetFunctions(SQLHDBC ConnectionHandle, SQLUSMALLINT FunctionId, SQLUSMALLINT* Supported) {
  return guarded<Connection>(SQL_HANDLE_DBC, ConnectionHandle, "SQLGetFunctions",
                             [&](Connection&) { return getFunctions(FunctionId, Supported); });
}

}  // extern "C"
