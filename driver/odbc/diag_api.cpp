// SQLGetDiagRec, SQLGetDiagField, SQLError (ANSI and W). These read diagnostics; they never clear
// them (the one exception to the dispatcher's rule).

#include "driver/handles/connection.h"
#include "driver/handles/descriptor.h"
#include "driver/handles/diag_access.h"
#include "driver/handles/environment.h"
#include "driver/handles/statement.h"
#include "driver/odbc/entry.h"

using namespace monday;
using namespace monday::handles;

namespace {

template <class Body>
SQLRETURN readingDiagnostics(SQLSMALLINT handle_type, SQLHANDLE handle, std::string_view function, Body body) {
  constexpr bool kKeepDiagnostics = false;
  switch (handle_type) {
    case SQL_HANDLE_ENV: return guarded<Environment>(SQL_HANDLE_ENV, handle, function, body, kKeepDiagnostics);
    case SQL_HANDLE_DBC: return guarded<Connection>(SQL_HANDLE_DBC, handle, function, body, kKeepDiagnostics);
    case SQL_HANDLE_STMT: return guarded<Statement>(SQL_HANDLE_STMT, handle, function, body, kKeepDiagnostics);
    case SQL_HANDLE_DESC: return guarded<Descriptor>(SQL_HANDLE_DESC, handle, function, body, kKeepDiagnostics);
    default: return SQL_INVALID_HANDLE;
  }
}

SQLRETURN sqlError(SQLHENV henv, SQLHDBC hdbc, SQLHSTMT hstmt, void* state, SQLINTEGER* native, void* message,
                   SQLSMALLINT capacity, SQLSMALLINT* length, odbc::CharEncoding encoding) {
  auto body = [&](Handle& h) { return nextErrorRecord(h, state, native, message, capacity, length, encoding); };
  if (hstmt != SQL_NULL_HSTMT) return readingDiagnostics(SQL_HANDLE_STMT, hstmt, "SQLError", body);
  if (hdbc != SQL_NULL_HDBC) return readingDiagnostics(SQL_HANDLE_DBC, hdbc, "SQLError", body);
  if (henv != SQL_NULL_HENV) return readingDiagnostics(SQL_HANDLE_ENV, henv, "SQLError", body);
  return SQL_INVALID_HANDLE;
}

}  // namespace

extern "C" {

SQLRETURN SQL_API SQLGetDiagRec(SQLSMALLINT HandleType, SQLHANDLE Handle, SQLSMALLINT RecNumber, SQLCHAR* Sqlstate,
                                SQLINTEGER* NativeError, SQLCHAR* MessageText, SQLSMALLINT BufferLength,
                                SQLSMALLINT* TextLength) {
  return readingDiagnostics(HandleType, Handle, "SQLGetDiagRec", [&](handles::Handle& h) {
    return getDiagRec(h, RecNumber, Sqlstate, NativeError, MessageText, BufferLength, TextLength, odbc::kAnsi);
  });
}

SQLRETURN SQL_API SQLGetDiagRecW(SQLSMALLINT fHandleType, SQLHANDLE handle, SQLSMALLINT iRecord, SQLWCHAR* szSqlState,
                                 SQLINTEGER* pfNativeError, SQLWCHAR* szErrorMsg, SQLSMALLINT cbErrorMsgMax,
                                 SQLSMALLINT* pcbErrorMsg) {
  return readingDiagnostics(fHandleType, handle, "SQLGetDiagRecW", [&](handles::Handle& h) {
    return getDiagRec(h, iRecord, szSqlState, pfNativeError, szErrorMsg, cbErrorMsgMax, pcbErrorMsg, odbc::kWide);
  });
}

SQLRETURN SQL_API SQLGetDiagField(SQLSMALLINT HandleType, SQLHANDLE Handle, SQLSMALLINT RecNumber,
                                  SQLSMALLINT DiagIdentifier, SQLPOINTER DiagInfo, SQLSMALLINT BufferLength,
                                  SQLSMALLINT* StringLength) {
  return readingDiagnostics(HandleType, Handle, "SQLGetDiagField", [&](handles::Handle& h) {
    return getDiagField(h, RecNumber, DiagIdentifier, DiagInfo, BufferLength, StringLength, odbc::kAnsi);
  });
}

SQLRETURN SQL_API SQLGetDiagFieldW(SQLSMALLINT fHandleType, SQLHANDLE handle, SQLSMALLINT iRecord,
                                   SQLSMALLINT fDiagField, SQLPOINTER rgbDiagInfo, SQLSMALLINT cbDiagInfoMax,
                                   SQLSMALLINT* pcbDiagInfo) {
  return readingDiagnostics(fHandleType, handle, "SQLGetDiagFieldW", [&](handles::Handle& h) {
    return getDiagField(h, iRecord, fDiagField, rgbDiagInfo, cbDiagInfoMax, pcbDiagInfo, odbc::kWide);
  });
}

SQLRETURN SQL_API SQLError(SQLHENV EnvironmentHandle, SQLHDBC ConnectionHandle, SQLHSTMT StatementHandle,
                           SQLCHAR* Sqlstate, SQLINTEGER* NativeError, SQLCHAR* MessageText,
                           SQLSMALLINT BufferLength, SQLSMALLINT* TextLength) {
  return sqlError(EnvironmentHandle, ConnectionHandle, StatementHandle, Sqlstate, NativeError, MessageText,
                  BufferLength, TextLength, odbc::kAnsi);
}

SQLRETURN SQL_API SQLErrorW(SQLHENV henv, SQLHDBC hdbc, SQLHSTMT hstmt, SQLWCHAR* szSqlState,
                            SQLINTEGER* pfNativeError, SQLWCHAR* szErrorMsg, SQLSMALLINT cbErrorMsgMax,
                            SQLSMALLINT* pcbErrorMsg) {
  return sqlError(henv, hdbc, hstmt, szSqlState, pfNativeError, szErrorMsg, cbErrorMsgMax, pcbErrorMsg,
                  odbc::kWide);
}

}  // extern "C"
