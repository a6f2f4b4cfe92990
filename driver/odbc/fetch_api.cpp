// Result metadata, binding and fetching.

#include "driver/handles/statement.h"
#include "driver/odbc/entry.h"

using namespace monday;
using namespace monday::handles;

extern "C" {

SQLRETURN SQL_API SQLNumResultCols(SQLHSTMT StatementHandle, SQLSMALLINT* ColumnCount) {
  return guarded<Statement>(SQL_HANDLE_STMT, StatementHandle, "SQLNumResultCols",
                            [&](Statement& s) { return s.numResultCols(ColumnCount); });
}

SQLRETURN SQL_API SQLDescribeCol(SQLHSTMT StatementHandle, SQLUSMALLINT ColumnNumber, SQLCHAR* ColumnName,
                                 SQLSMALLINT BufferLength, SQLSMALLINT* NameLength, SQLSMALLINT* DataType,
                                 SQLULEN* ColumnSize, SQLSMALLINT* DecimalDigits, SQLSMALLINT* Nullable) {
  return guarded<Statement>(SQL_HANDLE_STMT, StatementHandle, "SQLDescribeCol", [&](Statement& s) {
    return s.describeCol(ColumnNumber, ColumnName, BufferLength, NameLength, odbc::kAnsi, DataType, ColumnSize,
                         DecimalDigits, Nullable);
  });
}

SQLRETURN SQL_API SQLDescribeColW(SQLHSTMT hstmt, SQLUSMALLINT icol, SQLWCHAR* szColName, SQLSMALLINT cbColNameMax,
                                  SQLSMALLINT* pcbColName, SQLSMALLINT* pfSqlType, SQLULEN* pcbColDef,
                                  SQLSMALLINT* pibScale, SQLSMALLINT* pfNullable) {
  return guarded<Statement>(SQL_HANDLE_STMT, hstmt, "SQLDescribeColW", [&](Statement& s) {
    return s.describeCol(icol, szColName, cbColNameMax, pcbColName, odbc::kWide, pfSqlType, pcbColDef, pibScale,
                         pfNullable);
  });
}

SQLRETURN SQL_API SQLColAttribute(SQLHSTMT StatementHandle, SQLUSMALLINT ColumnNumber,
                                  SQLUSMALLINT FieldIdentifier, SQLPOINTER CharacterAttribute,
                                  SQLSMALLINT BufferLength, SQLSMALLINT* StringLength, SQLLEN* NumericAttribute) {
  return guarded<Statement>(SQL_HANDLE_STMT, StatementHandle, "SQLColAttribute", [&](Statement& s) {
    return s.colAttribute(ColumnNumber, FieldIdentifier, CharacterAttribute, BufferLength, StringLength,
                          NumericAttribute, odbc::kAnsi);
  });
}

SQLRETURN SQL_API SQLColAttributeW(SQLHSTMT hstmt, SQLUSMALLINT iCol, SQLUSMALLINT iField, SQLPOINTER pCharAttr,
                                   SQLSMALLINT cbCharAttrMax, SQLSMALLINT* pcbCharAttr, SQLLEN* pNumAttr) {
  return guarded<Statement>(SQL_HANDLE_STMT, hstmt, "SQLColAttributeW", [&](Statement& s) {
    return s.colAttribute(iCol, iField, pCharAttr, cbCharAttrMax, pcbCharAttr, pNumAttr, odbc::kWide);
  });
}

SQLRETURN SQL_API SQLBindCol(SQLHSTMT StatementHandle, SQLUSMALLINT ColumnNumber, SQLSMALLINT TargetType,
                             SQLPOINTER TargetValue, SQLLEN BufferLength, SQLLEN* StrLen_or_Ind) {
  return guarded<Statement>(SQL_HANDLE_STMT, StatementHandle, "SQLBindCol", [&](Statement& s) {
    return s.bindCol(ColumnNumber, TargetType, TargetValue, BufferLength, StrLen_or_Ind);
  });
}

SQLRETURN SQL_API SQLFetch(SQLHSTMT StatementHandle) {
  return guarded<Statement>(SQL_HANDLE_STMT, StatementHandle, "SQLFetch", [&](Statement& s) { return s.fetch(); });
}

SQLRETURN SQL_API SQLFetchScroll(SQLHSTMT StatementHandle, SQLSMALLINT FetchOrientation, SQLLEN FetchOffset) {
  return guarded<Statement>(SQL_HANDLE_STMT, StatementHandle, "SQLFetchScroll",
                            [&](Statement& s) { return s.fetchScroll(FetchOrientation, FetchOffset); });
}

SQLRETURN SQL_API SQLExtendedFetch(SQLHSTMT hstmt, SQLUSMALLINT fFetchType, SQLLEN irow, SQLULEN* pcrow,
                                   SQLUSMALLINT* rgfRowStatus) {
  return guarded<Statement>(SQL_HANDLE_STMT, hstmt, "SQLExtendedFetch",
                            [&](Statement& s) { return s.extendedFetch(fFetchType, irow, pcrow, rgfRowStatus); });
}

SQLRETURN SQL_API SQLGetData(SQLHSTMT StatementHandle, SQLUSMALLINT ColumnNumber, SQLSMALLINT TargetType,
                             SQLPOINTER TargetValue, SQLLEN BufferLength, SQLLEN* StrLen_or_Ind) {
  return guarded<Statement>(SQL_HANDLE_STMT, StatementHandle, "SQLGetData", [&](Statement& s) {
    return s.getData(ColumnNumber, TargetType, TargetValue, BufferLength, StrLen_or_Ind);
  });
}

SQLRETURN SQL_API SQLSetPos(SQLHSTMT hstmt, SQLSETPOSIROW irow, SQLUSMALLINT fOption, SQLUSMALLINT fLock) {
  return guarded<Statement>(SQL_HANDLE_STMT, hstmt, "SQLSetPos",
                            [&](Statement& s) { return s.setPos(irow, fOption, fLock); });
}

}  // extern "C"
