// Environment, connection and statement attributes; cursor names; transactions.

#include "driver/handles/connection.h"
#include "driver/handles/environment.h"
#include "driver/handles/statement.h"
#include "driver/odbc/entry.h"

using namespace monday;
using namespace monday::handles;

namespace {

// String attribute values: ANSI lengths are bytes, W lengths are bytes too (SQLSetConnectAttrW).
std::optional<std::string> attributeText(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER length, bool is_wide) {
  if (!Connection::isStringAttribute(attribute) || value == nullptr) return std::nullopt;
  if (is_wide) {
    const long long chars = length == SQL_NTS ? SQL_NTS : length / 2;
    return odbc::wide(static_cast<SQLWCHAR*>(value), chars);
  }
  return odbc::narrow(static_cast<SQLCHAR*>(value), length);
}

SQLRETURN endTransaction(SQLSMALLINT handle_type, SQLHANDLE handle, SQLSMALLINT completion) {
  if (handle_type == SQL_HANDLE_ENV) {
    return guarded<Environment>(SQL_HANDLE_ENV, handle, "SQLEndTran",
                                [&](Environment& e) { return e.endTransactions(completion); });
  }
  if (handle_type == SQL_HANDLE_DBC) {
    return guarded<Connection>(SQL_HANDLE_DBC, handle, "SQLEndTran", [&](Connection& c) {
      if (!c.connected()) throw Error(sqlstate::kConnectionNotOpen, "Connection not open.");
      return c.endTransaction(completion);
    });
  }
  return SQL_INVALID_HANDLE;
}

}  // namespace

extern "C" {

SQLRETURN SQL_API SQLSetEnvAttr(SQLHENV EnvironmentHandle, SQLINTEGER Attribute, SQLPOINTER Value,
                                SQLINTEGER StringLength) {
  return guarded<Environment>(SQL_HANDLE_ENV, EnvironmentHandle, "SQLSetEnvAttr",
                              [&](Environment& e) { return e.setAttribute(Attribute, Value, StringLength); });
}

SQLRETURN SQL_API SQLGetEnvAttr(SQLHENV EnvironmentHandle, SQLINTEGER Attribute, SQLPOINTER Value,
                                SQLINTEGER BufferLength, SQLINTEGER* StringLength) {
  return guarded<Environment>(SQL_HANDLE_ENV, EnvironmentHandle, "SQLGetEnvAttr", [&](Environment& e) {
    return e.getAttribute(Attribute, Value, BufferLength, StringLength);
  });
}

SQLRETURN SQL_API SQLSetConnectAttr(SQLHDBC ConnectionHandle, SQLINTEGER Attribute, SQLPOINTER Value,
                                    SQLINTEGER StringLength) {
  return guarded<Connection>(SQL_HANDLE_DBC, ConnectionHandle, "SQLSetConnectAttr", [&](Connection& c) {
    return c.setAttribute(Attribute, Value, StringLength, attributeText(Attribute, Value, StringLength, false));
  });
}

SQLRETURN SQL_API SQLSetConnectAttrW(SQLHDBC hdbc, SQLINTEGER fAttribute, SQLPOINTER rgbValue, SQLINTEGER cbValue) {
  return guarded<Connection>(SQL_HANDLE_DBC, hdbc, "SQLSetConnectAttrW", [&](Connection& c) {
    return c.setAttribute(fAttribute, rgbValue, cbValue, attributeText(fAttribute, rgbValue, cbValue, true));
  });
}

SQLRETURN SQL_API SQLGetConnectAttr(SQLHDBC ConnectionHandle, SQLINTEGER Attribute, SQLPOINTER Value,
                                    SQLINTEGER BufferLength, SQLINTEGER* StringLength) {
  return guarded<Connection>(SQL_HANDLE_DBC, ConnectionHandle, "SQLGetConnectAttr", [&](Connection& c) {
    return c.getAttribute(Attribute, Value, BufferLength, StringLength, odbc::kAnsi);
  });
}

SQLRETURN SQL_API SQLGetConnectAttrW(SQLHDBC hdbc, SQLINTEGER fAttribute, SQLPOINTER rgbValue, SQLINTEGER cbValueMax,
                                     SQLINTEGER* pcbValue) {
  return guarded<Connection>(SQL_HANDLE_DBC, hdbc, "SQLGetConnectAttrW", [&](Connection& c) {
    return c.getAttribute(fAttribute, rgbValue, cbValueMax, pcbValue, odbc::kWide);
  });
}

SQLRETURN SQL_API SQLSetStmtAttr(SQLHSTMT StatementHandle, SQLINTEGER Attribute, SQLPOINTER Value,
                                 SQLINTEGER StringLength) {
  return guarded<Statement>(SQL_HANDLE_STMT, StatementHandle, "SQLSetStmtAttr",
                            [&](Statement& s) { return s.setAttribute(Attribute, Value, StringLength); });
}

SQLRETURN SQL_API SQLSetStmtAttrW(SQLHSTMT hstmt, SQLINTEGER fAttribute, SQLPOINTER rgbValue, SQLINTEGER cbValueMax) {
  // No statement attribute is a string, so A and W are the same.
  return guarded<Statement>(SQL_HANDLE_STMT, hstmt, "SQLSetStmtAttrW",
                            [&](Statement& s) { return s.setAttribute(fAttribute, rgbValue, cbValueMax); });
}

SQLRETURN SQL_API SQLGetStmtAttr(SQLHSTMT StatementHandle, SQLINTEGER Attribute, SQLPOINTER Value,
                                 SQLINTEGER BufferLength, SQLINTEGER* StringLength) {
  return guarded<Statement>(SQL_HANDLE_STMT, StatementHandle, "SQLGetStmtAttr", [&](Statement& s) {
    return s.getAttribute(Attribute, Value, BufferLength, StringLength);
  });
}

SQLRETURN SQL_API SQLGetStmtAttrW(SQLHSTMT hstmt, SQLINTEGER fAttribute, SQLPOINTER rgbValue, SQLINTEGER cbValueMax,
                                  SQLINTEGER* pcbValue) {
  return guarded<Statement>(SQL_HANDLE_STMT, hstmt, "SQLGetStmtAttrW", [&](Statement& s) {
    return s.getAttribute(fAttribute, rgbValue, cbValueMax, pcbValue);
  });
}

SQLRETURN SQL_API SQLSetCursorName(SQLHSTMT StatementHandle, SQLCHAR* CursorName, SQLSMALLINT NameLength) {
  return guarded<Statement>(SQL_HANDLE_STMT, StatementHandle, "SQLSetCursorName",
                            [&](Statement& s) { return s.setCursorName(odbc::narrow(CursorName, NameLength)); });
}

SQLRETURN SQL_API SQLSetCursorNameW(SQLHSTMT hstmt, SQLWCHAR* szCursor, SQLSMALLINT cbCursor) {
  return guarded<Statement>(SQL_HANDLE_STMT, hstmt, "SQLSetCursorNameW",
                            [&](Statement& s) { return s.setCursorName(odbc::wide(szCursor, cbCursor)); });
}

SQLRETURN SQL_API SQLGetCursorName(SQLHSTMT StatementHandle, SQLCHAR* CursorName, SQLSMALLINT BufferLength,
                                   SQLSMALLINT* NameLength) {
  return guarded<Statement>(SQL_HANDLE_STMT, StatementHandle, "SQLGetCursorName", [&](Statement& s) {
    return s.getCursorName(CursorName, BufferLength, NameLength, odbc::kAnsi);
  });
}

SQLRETURN SQL_API SQLGetCursorNameW(SQLHSTMT hstmt, SQLWCHAR* szCursor, SQLSMALLINT cbCursorMax, SQLSMALLINT* pcbCursor) {
  return guarded<Statement>(SQL_HANDLE_STMT, hstmt, "SQLGetCursorNameW", [&](Statement& s) {
    return s.getCursorName(szCursor, cbCursorMax, pcbCursor, odbc::kWide);
  });
}

SQLRETURN SQL_API SQLEndTran(SQLSMALLINT HandleType, SQLHANDLE Handle, SQLSMALLINT CompletionType) {
  return endTransaction(HandleType, Handle, CompletionType);
}

SQLRETURN SQL_API SQLTransact(SQLHENV EnvironmentHandle, SQLHDBC ConnectionHandle, SQLUSMALLINT CompletionType) {
  if (ConnectionHandle != SQL_NULL_HDBC) {
    return endTransaction(SQL_HANDLE_DBC, ConnectionHandle, static_cast<SQLSMALLINT>(CompletionType));
  }
  return endTransaction(SQL_HANDLE_ENV, EnvironmentHandle, static_cast<SQLSMALLINT>(CompletionType));
}

}  // extern "C"
