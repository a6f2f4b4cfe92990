// SQLConnect, SQLDriverConnect, SQLDisconnect (ANSI and W).

#include "driver/handles/connection.h"
#include "driver/odbc/entry.h"

using namespace monday;
using namespace monday::handles;
using monday::odbc::CharEncoding;

namespace {

// `decode` turns the application's input string into UTF-8 (inside the guarded body, so a bad
// length becomes a diagnostic).
template <class Decode>
SQLRETURN driverConnect(SQLHDBC hdbc, SQLHWND hwnd, Decode decode, void* out, SQLSMALLINT out_max,
                        SQLSMALLINT* out_length, SQLUSMALLINT completion, CharEncoding encoding) {
  return guarded<Connection>(SQL_HANDLE_DBC, hdbc, "SQLDriverConnect", [&](Connection& c) {
    const std::string in = decode();
    std::string out_string;
    c.driverConnect(in, completion, hwnd != nullptr, out_string);
    if (out_max < 0) odbc::badLength(out_max);
    const auto written = convert::writeText(out_string, out, out_max, encoding, convert::LengthUnit::Characters);
    convert::storeLength(out_length, written.full_length);
    if (written.truncated) {
      c.diag().add(sqlstate::kStringTruncated,
                   "String data, right truncated: the output connection string did not fit; the "
                   "connection is open.");
    }
    return SQL_SUCCESS;
  });
}

// SQLBrowseConnect writes its output like SQLDriverConnect, for SQL_NEED_DATA too.
template <class Decode>
SQLRETURN browseConnect(SQLHDBC hdbc, Decode decode, void* out, SQLSMALLINT out_max, SQLSMALLINT* out_length,
                        CharEncoding encoding) {
  return guarded<Connection>(SQL_HANDLE_DBC, hdbc, "SQLBrowseConnect", [&](Connection& c) {
    const std::string in = decode();
    std::string out_string;
    const SQLRETURN rc = c.browseConnect(in, out_string);
    if (out_max < 0) odbc::badLength(out_max);
    const auto written = convert::writeText(out_string, out, out_max, encoding, convert::LengthUnit::Characters);
    convert::storeLength(out_length, written.full_length);
    // A warning turns SQL_SUCCESS into SQL_SUCCESS_WITH_INFO (handles::guarded).
    if (written.truncated) c.diag().add(sqlstate::kStringTruncated, "String data, right truncated: the browse result did not fit.");
    return rc;
  });
}

}  // namespace

extern "C" {

SQLRETURN SQL_API SQLBrowseConnect(SQLHDBC hdbc, SQLCHAR* szConnStrIn, SQLSMALLINT cbConnStrIn, SQLCHAR* szConnStrOut,
                                   SQLSMALLINT cbConnStrOutMax, SQLSMALLINT* pcbConnStrOut) {
  return browseConnect(
      hdbc, [&] { return odbc::narrow(szConnStrIn, cbConnStrIn); }, szConnStrOut, cbConnStrOutMax, pcbConnStrOut,
      odbc::kAnsi);
}

SQLRETURN SQL_API SQLBrowseConnectW(SQLHDBC hdbc, SQLWCHAR* szConnStrIn, SQLSMALLINT cbConnStrIn,
                                    SQLWCHAR* szConnStrOut, SQLSMALLINT cbConnStrOutMax, SQLSMALLINT* pcbConnStrOut) {
  return browseConnect(
      hdbc, [&] { convert::noteWideConnectString(szConnStrIn, cbConnStrIn); return odbc::wide(szConnStrIn, cbConnStrIn); }, szConnStrOut, cbConnStrOutMax, pcbConnStrOut,
      odbc::kWide);
}

SQLRETURN SQL_API SQLConnect(SQLHDBC ConnectionHandle, SQLCHAR* ServerName, SQLSMALLINT NameLength1,
                             SQLCHAR* UserName, SQLSMALLINT NameLength2, SQLCHAR* Authentication,
                             SQLSMALLINT NameLength3) {
  return guarded<Connection>(SQL_HANDLE_DBC, ConnectionHandle, "SQLConnect", [&](Connection& c) {
    return c.connect(odbc::narrow(ServerName, NameLength1), odbc::narrow(UserName, NameLength2),
                     odbc::narrow(Authentication, NameLength3));
  });
}

SQLRETURN SQL_API SQLConnectW(SQLHDBC hdbc, SQLWCHAR* szDSN, SQLSMALLINT cbDSN, SQLWCHAR* szUID,
                              SQLSMALLINT cbUID, SQLWCHAR* szAuthStr, SQLSMALLINT cbAuthStr) {
  return guarded<Connection>(SQL_HANDLE_DBC, hdbc, "SQLConnectW", [&](Connection& c) {
    convert::noteWideConnectString(szDSN, cbDSN);
    return c.connect(odbc::wide(szDSN, cbDSN), odbc::wide(szUID, cbUID), odbc::wide(szAuthStr, cbAuthStr));
  });
}

SQLRETURN SQL_API SQLDriverConnect(SQLHDBC hdbc, SQLHWND hwnd, SQLCHAR* szConnStrIn, SQLSMALLINT cbConnStrIn,
                                   SQLCHAR* szConnStrOut, SQLSMALLINT cbConnStrOutMax,
                                   SQLSMALLINT* pcbConnStrOut, SQLUSMALLINT fDriverCompletion) {
  return driverConnect(
      hdbc, hwnd, [&] { return odbc::narrow(szConnStrIn, cbConnStrIn); }, szConnStrOut, cbConnStrOutMax,
      pcbConnStrOut, fDriverCompletion, odbc::kAnsi);
}

SQLRETURN SQL_API SQLDriverConnectW(SQLHDBC hdbc, SQLHWND hwnd, SQLWCHAR* szConnStrIn, SQLSMALLINT cbConnStrIn,
                                    SQLWCHAR* szConnStrOut, SQLSMALLINT cbConnStrOutMax,
                                    SQLSMALLINT* pcbConnStrOut, SQLUSMALLINT fDriverCompletion) {
  return driverConnect(
      hdbc, hwnd, [&] { convert::noteWideConnectString(szConnStrIn, cbConnStrIn); return odbc::wide(szConnStrIn, cbConnStrIn); }, szConnStrOut, cbConnStrOutMax,
      pcbConnStrOut, fDriverCompletion, odbc::kWide);
}

SQLRETURN SQL_API SQLDisconnect(SQLHDBC ConnectionHandle) {
  return guarded<Connection>(SQL_HANDLE_DBC, ConnectionHandle, "SQLDisconnect",
                             [&](Connection& c) { return c.disconnect(); });
}

}  // extern "C"
