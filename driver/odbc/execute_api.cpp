// Preparing and executing statements, parameters, row counts.

#include "driver/convert/escapes.h"
#include "driver/engine/session.h"
#include "driver/handles/connection.h"
#include "driver/handles/statement.h"
#include "driver/odbc/entry.h"

using namespace monday;
using namespace monday::handles;

namespace {

template <class Decode>
SQLRETURN nativeSql(SQLHDBC hdbc, Decode decode, void* out, SQLINTEGER out_max, SQLINTEGER* out_length,
                    odbc::CharEncoding encoding) {
  return guarded<Connection>(SQL_HANDLE_DBC, hdbc, "SQLNativeSql", [&](Connection& c) {
    const std::string in = decode();
    // The same rewriting SQLPrepare applies (escapes -> SQLite), without preparing.
    if (!c.connected()) throw Error(sqlstate::kConnectionNotOpen, "Connection not open.");
    // Syntax only: SQLNativeSql translates a call of a procedure that does not exist too; only
    // SQLSTATEs its reference lists can come out of here (42000 for a syntax error).
    const std::string native = engine::translateProcedureCalls(convert::rewriteEscapes(in));
    if (out_max < 0) odbc::badLength(out_max);
    const auto written = convert::writeText(native, out, out_max, encoding, convert::LengthUnit::Characters);
    convert::storeLength(out_length, written.full_length);
    if (written.truncated) {
      c.diag().add(sqlstate::kStringTruncated, "String data, right truncated: use a larger buffer.");
    }
    return SQL_SUCCESS;
  });
}

}  // namespace

extern "C" {

SQLRETURN SQL_API SQLPrepare(SQLHSTMT StatementHandle, SQLCHAR* StatementText, SQLINTEGER TextLength) {
  return guarded<Statement>(SQL_HANDLE_STMT, StatementHandle, "SQLPrepare",
                            [&](Statement& s) { return s.prepare(odbc::narrow(StatementText, TextLength)); });
}

SQLRETURN SQL_API SQLPrepareW(SQLHSTMT hstmt, SQLWCHAR* szSqlStr, SQLINTEGER cbSqlStr) {
  return guarded<Statement>(SQL_HANDLE_STMT, hstmt, "SQLPrepareW",
                            [&](Statement& s) { return s.prepare(odbc::wide(szSqlStr, cbSqlStr)); });
}

SQLRETURN SQL_API SQLExecute(SQLHSTMT StatementHandle) {
  return guarded<Statement>(SQL_HANDLE_STMT, StatementHandle, "SQLExecute",
                            [&](Statement& s) { return s.execute(); });
}

SQLRETURN SQL_API SQLParamData(SQLHSTMT StatementHandle, SQLPOINTER* Value) {
  return guarded<Statement>(SQL_HANDLE_STMT, StatementHandle, "SQLParamData",
                            [&](Statement& s) { return s.paramData(Value); });
}

SQLRETURN SQL_API SQLPutData(SQLHSTMT StatementHandle, SQLPOINTER Data, SQLLEN StrLen_or_Ind) {
  return guarded<Statement>(SQL_HANDLE_STMT, StatementHandle, "SQLPutData",
                            [&](Statement& s) { return s.putData(Data, StrLen_or_Ind); });
}

SQLRETURN SQL_API SQLExecDirect(SQLHSTMT StatementHandle, SQLCHAR* StatementText, SQLINTEGER TextLength) {
  return guarded<Statement>(SQL_HANDLE_STMT, StatementHandle, "SQLExecDirect",
                            [&](Statement& s) { return s.execDirect(odbc::narrow(StatementText, TextLength)); });
}

SQLRETURN SQL_API SQLExecDirectW(SQLHSTMT hstmt, SQLWCHAR* szSqlStr, SQLINTEGER cbSqlStr) {
  return guarded<Statement>(SQL_HANDLE_STMT, hstmt, "SQLExecDirectW",
                            [&](Statement& s) { return s.execDirect(odbc::wide(szSqlStr, cbSqlStr)); });
}

SQLRETURN SQL_API SQLNativeSql(SQLHDBC hdbc, SQLCHAR* szSqlStrIn, SQLINTEGER cbSqlStrIn, SQLCHAR* szSqlStr,
                               SQLINTEGER cbSqlStrMax, SQLINTEGER* pcbSqlStr) {
  return nativeSql(hdbc, [&] { return odbc::narrow(szSqlStrIn, cbSqlStrIn); }, szSqlStr, cbSqlStrMax, pcbSqlStr,
                   odbc::kAnsi);
}

SQLRETURN SQL_API SQLNativeSqlW(SQLHDBC hdbc, SQLWCHAR* szSqlStrIn, SQLINTEGER cbSqlStrIn, SQLWCHAR* szSqlStr,
                                SQLINTEGER cbSqlStrMax, SQLINTEGER* pcbSqlStr) {
  return nativeSql(hdbc, [&] { return odbc::wide(szSqlStrIn, cbSqlStrIn); }, szSqlStr, cbSqlStrMax, pcbSqlStr,
                   odbc::kWide);
}

SQLRETURN SQL_API SQLBindParameter(SQLHSTMT hstmt, SQLUSMALLINT ipar, SQLSMALLINT fParamType, SQLSMALLINT fCType,
                                   SQLSMALLINT fSqlType, SQLULEN cbColDef, SQLSMALLINT ibScale, SQLPOINTER rgbValue,
                                   SQLLEN cbValueMax, SQLLEN* pcbValue) {
  return guarded<Statement>(SQL_HANDLE_STMT, hstmt, "SQLBindParameter", [&](Statement& s) {
    return s.bindParameter(ipar, fParamType, fCType, fSqlType, cbColDef, ibScale, rgbValue, cbValueMax, pcbValue);
  });
}

SQLRETURN SQL_API SQLNumParams(SQLHSTMT hstmt, SQLSMALLINT* pcpar) {
  return guarded<Statement>(SQL_HANDLE_STMT, hstmt, "SQLNumParams", [&](Statement& s) { return s.numParams(pcpar); });
}

SQLRETURN SQL_API SQLDescribeParam(SQLHSTMT hstmt, SQLUSMALLINT ipar, SQLSMALLINT* pfSqlType, SQLULEN* pcbParamDef,
                                   SQLSMALLINT* pibScale, SQLSMALLINT* pfNullable) {
  return guarded<Statement>(SQL_HANDLE_STMT, hstmt, "SQLDescribeParam", [&](Statement& s) {
    return s.describeParam(ipar, pfSqlType, pcbParamDef, pibScale, pfNullable);
  });
}

SQLRETURN SQL_API SQLRowCount(SQLHSTMT StatementHandle, SQLLEN* RowCount) {
  return guarded<Statement>(SQL_HANDLE_STMT, StatementHandle, "SQLRowCount",
                            [&](Statement& s) { return s.rowCount(RowCount); });
}

SQLRETURN SQL_API SQLMoreResults(SQLHSTMT hstmt) {
  return guarded<Statement>(SQL_HANDLE_STMT, hstmt, "SQLMoreResults", [&](Statement& s) { return s.moreResults(); });
}

SQLRETURN SQL_API SQLCloseCursor(SQLHSTMT StatementHandle) {
  return guarded<Statement>(SQL_HANDLE_STMT, StatementHandle, "SQLCloseCursor",
                            [&](Statement& s) { return s.closeCursor(true); });
}

}  // extern "C"
