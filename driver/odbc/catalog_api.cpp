// Catalog functions (ANSI and W). NULL arguments stay NULL (std::nullopt): ODBC gives NULL and ""
// different meanings.

#include "driver/handles/statement.h"
#include "driver/odbc/entry.h"

using namespace monday;
using namespace monday::handles;
using odbc::narrowArg;
using odbc::wideArg;

extern "C" {

SQLRETURN SQL_API SQLTables(SQLHSTMT StatementHandle, SQLCHAR* CatalogName, SQLSMALLINT NameLength1,
                            SQLCHAR* SchemaName, SQLSMALLINT NameLength2, SQLCHAR* TableName,
                            SQLSMALLINT NameLength3, SQLCHAR* TableType, SQLSMALLINT NameLength4) {
  return guarded<Statement>(SQL_HANDLE_STMT, StatementHandle, "SQLTables", [&](Statement& s) {
    return s.tables(narrowArg(CatalogName, NameLength1), narrowArg(SchemaName, NameLength2),
                    narrowArg(TableName, NameLength3), narrowArg(TableType, NameLength4));
  });
}

SQLRETURN SQL_API SQLTablesW(SQLHSTMT hstmt, SQLWCHAR* szCatalogName, SQLSMALLINT cbCatalogName,
                             SQLWCHAR* szSchemaName, SQLSMALLINT cbSchemaName, SQLWCHAR* szTableName,
                             SQLSMALLINT cbTableName, SQLWCHAR* szTableType, SQLSMALLINT cbTableType) {
  return guarded<Statement>(SQL_HANDLE_STMT, hstmt, "SQLTablesW", [&](Statement& s) {
    return s.tables(wideArg(szCatalogName, cbCatalogName), wideArg(szSchemaName, cbSchemaName),
                    wideArg(szTableName, cbTableName), wideArg(szTableType, cbTableType));
  });
}

SQLRETURN SQL_API SQLColumns(SQLHSTMT StatementHandle, SQLCHAR* CatalogName, SQLSMALLINT NameLength1,
                             SQLCHAR* SchemaName, SQLSMALLINT NameLength2, SQLCHAR* TableName,
                             SQLSMALLINT NameLength3, SQLCHAR* ColumnName, SQLSMALLINT NameLength4) {
  return guarded<Statement>(SQL_HANDLE_STMT, StatementHandle, "SQLColumns", [&](Statement& s) {
    return s.columns(narrowArg(CatalogName, NameLength1), narrowArg(SchemaName, NameLength2),
                     narrowArg(TableName, NameLength3), narrowArg(ColumnName, NameLength4));
  });
}

SQLRETURN SQL_API SQLColumnsW(SQLHSTMT hstmt, SQLWCHAR* szCatalogName, SQLSMALLINT cbCatalogName,
                              SQLWCHAR* szSchemaName, SQLSMALLINT cbSchemaName, SQLWCHAR* szTableName,
                              SQLSMALLINT cbTableName, SQLWCHAR* szColumnName, SQLSMALLINT cbColumnName) {
  return guarded<Statement>(SQL_HANDLE_STMT, hstmt, "SQLColumnsW", [&](Statement& s) {
    return s.columns(wideArg(szCatalogName, cbCatalogName), wideArg(szSchemaName, cbSchemaName),
                     wideArg(szTableName, cbTableName), wideArg(szColumnName, cbColumnName));
  });
}

SQLRETURN SQL_API SQLPrimaryKeys(SQLHSTMT hstmt, SQLCHAR* szCatalogName, SQLSMALLINT cbCatalogName,
                                 SQLCHAR* szSchemaName, SQLSMALLINT cbSchemaName, SQLCHAR* szTableName,
                                 SQLSMALLINT cbTableName) {
  return guarded<Statement>(SQL_HANDLE_STMT, hstmt, "SQLPrimaryKeys", [&](Statement& s) {
    return s.primaryKeys(narrowArg(szCatalogName, cbCatalogName), narrowArg(szSchemaName, cbSchemaName),
                         narrowArg(szTableName, cbTableName));
  });
}

SQLRETURN SQL_API SQLPrimaryKeysW(SQLHSTMT hstmt, SQLWCHAR* szCatalogName, SQLSMALLINT cbCatalogName,
                                  SQLWCHAR* szSchemaName, SQLSMALLINT cbSchemaName, SQLWCHAR* szTableName,
                                  SQLSMALLINT cbTableName) {
  return guarded<Statement>(SQL_HANDLE_STMT, hstmt, "SQLPrimaryKeysW", [&](Statement& s) {
    return s.primaryKeys(wideArg(szCatalogName, cbCatalogName), wideArg(szSchemaName, cbSchemaName),
                         wideArg(szTableName, cbTableName));
  });
}

SQLRETURN SQL_API SQLForeignKeys(SQLHSTMT hstmt, SQLCHAR* szPkCatalogName, SQLSMALLINT cbPkCatalogName,
                                 SQLCHAR* szPkSchemaName, SQLSMALLINT cbPkSchemaName, SQLCHAR* szPkTableName,
                                 SQLSMALLINT cbPkTableName, SQLCHAR* szFkCatalogName, SQLSMALLINT cbFkCatalogName,
                                 SQLCHAR* szFkSchemaName, SQLSMALLINT cbFkSchemaName, SQLCHAR* szFkTableName,
                                 SQLSMALLINT cbFkTableName) {
  return guarded<Statement>(SQL_HANDLE_STMT, hstmt, "SQLForeignKeys", [&](Statement& s) {
    return s.foreignKeys(narrowArg(szPkCatalogName, cbPkCatalogName), narrowArg(szPkSchemaName, cbPkSchemaName),
                         narrowArg(szPkTableName, cbPkTableName), narrowArg(szFkCatalogName, cbFkCatalogName),
                         narrowArg(szFkSchemaName, cbFkSchemaName), narrowArg(szFkTableName, cbFkTableName));
  });
}

SQLRETURN SQL_API SQLForeignKeysW(SQLHSTMT hstmt, SQLWCHAR* szPkCatalogName, SQLSMALLINT cbPkCatalogName,
                                  SQLWCHAR* szPkSchemaName, SQLSMALLINT cbPkSchemaName, SQLWCHAR* szPkTableName,
                                  SQLSMALLINT cbPkTableName, SQLWCHAR* szFkCatalogName, SQLSMALLINT cbFkCatalogName,
                                  SQLWCHAR* szFkSchemaName, SQLSMALLINT cbFkSchemaName, SQLWCHAR* szFkTableName,
                                  SQLSMALLINT cbFkTableName) {
  return guarded<Statement>(SQL_HANDLE_STMT, hstmt, "SQLForeignKeysW", [&](Statement& s) {
    return s.foreignKeys(wideArg(szPkCatalogName, cbPkCatalogName), wideArg(szPkSchemaName, cbPkSchemaName),
                         wideArg(szPkTableName, cbPkTableName), wideArg(szFkCatalogName, cbFkCatalogName),
                         wideArg(szFkSchemaName, cbFkSchemaName), wideArg(szFkTableName, cbFkTableName));
  });
}

SQLRETURN SQL_API SQLStatistics(SQLHSTMT StatementHandle, SQLCHAR* CatalogName, SQLSMALLINT NameLength1,
                                SQLCHAR* SchemaName, SQLSMALLINT NameLength2, SQLCHAR* TableName,
                                SQLSMALLINT NameLength3, SQLUSMALLINT Unique, SQLUSMALLINT Reserved) {
  return guarded<Statement>(SQL_HANDLE_STMT, StatementHandle, "SQLStatistics", [&](Statement& s) {
    return s.statistics(narrowArg(CatalogName, NameLength1), narrowArg(SchemaName, NameLength2),
                        narrowArg(TableName, NameLength3), Unique, Reserved);
  });
}

SQLRETURN SQL_API SQLStatisticsW(SQLHSTMT hstmt, SQLWCHAR* szCatalogName, SQLSMALLINT cbCatalogName,
                                 SQLWCHAR* szSchemaName, SQLSMALLINT cbSchemaName, SQLWCHAR* szTableName,
                                 SQLSMALLINT cbTableName, SQLUSMALLINT fUnique, SQLUSMALLINT fAccuracy) {
  return guarded<Statement>(SQL_HANDLE_STMT, hstmt, "SQLStatisticsW", [&](Statement& s) {
    return s.statistics(wideArg(szCatalogName, cbCatalogName), wideArg(szSchemaName, cbSchemaName),
                        wideArg(szTableName, cbTableName), fUnique, fAccuracy);
  });
}

SQLRETURN SQL_API SQLSpecialColumns(SQLHSTMT StatementHandle, SQLUSMALLINT IdentifierType, SQLCHAR* CatalogName,
                                    SQLSMALLINT NameLength1, SQLCHAR* SchemaName, SQLSMALLINT NameLength2,
                                    SQLCHAR* TableName, SQLSMALLINT NameLength3, SQLUSMALLINT Scope,
                                    SQLUSMALLINT Nullable) {
  return guarded<Statement>(SQL_HANDLE_STMT, StatementHandle, "SQLSpecialColumns", [&](Statement& s) {
    return s.specialColumns(IdentifierType, narrowArg(CatalogName, NameLength1), narrowArg(SchemaName, NameLength2),
                            narrowArg(TableName, NameLength3), Scope, Nullable);
  });
}

SQLRETURN SQL_API SQLSpecialColumnsW(SQLHSTMT hstmt, SQLUSMALLINT fColType, SQLWCHAR* szCatalogName,
                                     SQLSMALLINT cbCatalogName, SQLWCHAR* szSchemaName, SQLSMALLINT cbSchemaName,
                                     SQLWCHAR* szTableName, SQLSMALLINT cbTableName, SQLUSMALLINT fScope,
                                     SQLUSMALLINT fNullable) {
  return guarded<Statement>(SQL_HANDLE_STMT, hstmt, "SQLSpecialColumnsW", [&](Statement& s) {
    return s.specialColumns(fColType, wideArg(szCatalogName, cbCatalogName), wideArg(szSchemaName, cbSchemaName),
                            wideArg(szTableName, cbTableName), fScope, fNullable);
  });
}

SQLRETURN SQL_API SQLProcedures(SQLHSTMT hstmt, SQLCHAR* szCatalogName, SQLSMALLINT cbCatalogName,
                                SQLCHAR* szSchemaName, SQLSMALLINT cbSchemaName, SQLCHAR* szProcName,
                                SQLSMALLINT cbProcName) {
  return guarded<Statement>(SQL_HANDLE_STMT, hstmt, "SQLProcedures", [&](Statement& s) {
    return s.procedures(narrowArg(szCatalogName, cbCatalogName), narrowArg(szSchemaName, cbSchemaName),
                        narrowArg(szProcName, cbProcName));
  });
}

SQLRETURN SQL_API SQLProceduresW(SQLHSTMT hstmt, SQLWCHAR* szCatalogName, SQLSMALLINT cbCatalogName,
                                 SQLWCHAR* szSchemaName, SQLSMALLINT cbSchemaName, SQLWCHAR* szProcName,
                                 SQLSMALLINT cbProcName) {
  return guarded<Statement>(SQL_HANDLE_STMT, hstmt, "SQLProceduresW", [&](Statement& s) {
    return s.procedures(wideArg(szCatalogName, cbCatalogName), wideArg(szSchemaName, cbSchemaName),
                        wideArg(szProcName, cbProcName));
  });
}

SQLRETURN SQL_API SQLProcedureColumns(SQLHSTMT hstmt, SQLCHAR* szCatalogName, SQLSMALLINT cbCatalogName,
                                      SQLCHAR* szSchemaName, SQLSMALLINT cbSchemaName, SQLCHAR* szProcName,
                                      SQLSMALLINT cbProcName, SQLCHAR* szColumnName, SQLSMALLINT cbColumnName) {
  return guarded<Statement>(SQL_HANDLE_STMT, hstmt, "SQLProcedureColumns", [&](Statement& s) {
    return s.procedureColumns(narrowArg(szCatalogName, cbCatalogName), narrowArg(szSchemaName, cbSchemaName),
                              narrowArg(szProcName, cbProcName), narrowArg(szColumnName, cbColumnName));
  });
}

SQLRETURN SQL_API SQLProcedureColumnsW(SQLHSTMT hstmt, SQLWCHAR* szCatalogName, SQLSMALLINT cbCatalogName,
                                       SQLWCHAR* szSchemaName, SQLSMALLINT cbSchemaName, SQLWCHAR* szProcName,
                                       SQLSMALLINT cbProcName, SQLWCHAR* szColumnName, SQLSMALLINT cbColumnName) {
  return guarded<Statement>(SQL_HANDLE_STMT, hstmt, "SQLProcedureColumnsW", [&](Statement& s) {
    return s.procedureColumns(wideArg(szCatalogName, cbCatalogName), wideArg(szSchemaName, cbSchemaName),
                              wideArg(szProcName, cbProcName), wideArg(szColumnName, cbColumnName));
  });
}

SQLRETURN SQL_API SQLTablePrivileges(SQLHSTMT hstmt, SQLCHAR* szCatalogName, SQLSMALLINT cbCatalogName,
                                     SQLCHAR* szSchemaName, SQLSMALLINT cbSchemaName, SQLCHAR* szTableName,
                                     SQLSMALLINT cbTableName) {
  return guarded<Statement>(SQL_HANDLE_STMT, hstmt, "SQLTablePrivileges", [&](Statement& s) {
    return s.tablePrivileges(narrowArg(szCatalogName, cbCatalogName), narrowArg(szSchemaName, cbSchemaName),
                             narrowArg(szTableName, cbTableName));
  });
}

SQLRETURN SQL_API SQLTablePrivilegesW(SQLHSTMT hstmt, SQLWCHAR* szCatalogName, SQLSMALLINT cbCatalogName,
                                      SQLWCHAR* szSchemaName, SQLSMALLINT cbSchemaName, SQLWCHAR* szTableName,
                                      SQLSMALLINT cbTableName) {
  return guarded<Statement>(SQL_HANDLE_STMT, hstmt, "SQLTablePrivilegesW", [&](Statement& s) {
    return s.tablePrivileges(wideArg(szCatalogName, cbCatalogName), wideArg(szSchemaName, cbSchemaName),
                             wideArg(szTableName, cbTableName));
  });
}

SQLRETURN SQL_API SQLColumnPrivileges(SQLHSTMT hstmt, SQLCHAR* szCatalogName, SQLSMALLINT cbCatalogName,
                                      SQLCHAR* szSchemaName, SQLSMALLINT cbSchemaName, SQLCHAR* szTableName,
                                      SQLSMALLINT cbTableName, SQLCHAR* szColumnName, SQLSMALLINT cbColumnName) {
  return guarded<Statement>(SQL_HANDLE_STMT, hstmt, "SQLColumnPrivileges", [&](Statement& s) {
    return s.columnPrivileges(narrowArg(szCatalogName, cbCatalogName), narrowArg(szSchemaName, cbSchemaName),
                              narrowArg(szTableName, cbTableName), narrowArg(szColumnName, cbColumnName));
  });
}

SQLRETURN SQL_API SQLColumnPrivilegesW(SQLHSTMT hstmt, SQLWCHAR* szCatalogName, SQLSMALLINT cbCatalogName,
                                       SQLWCHAR* szSchemaName, SQLSMALLINT cbSchemaName, SQLWCHAR* szTableName,
                                       SQLSMALLINT cbTableName, SQLWCHAR* szColumnName, SQLSMALLINT cbColumnName) {
  return guarded<Statement>(SQL_HANDLE_STMT, hstmt, "SQLColumnPrivilegesW", [&](Statement& s) {
    return s.columnPrivileges(wideArg(szCatalogName, cbCatalogName), wideArg(szSchemaName, cbSchemaName),
                              wideArg(szTableName, cbTableName), wideArg(szColumnName, cbColumnName));
  });
}

SQLRETURN SQL_API SQLGetTypeInfo(SQLHSTMT StatementHandle, SQLSMALLINT DataType) {
  return guarded<Statement>(SQL_HANDLE_STMT, StatementHandle, "SQLGetTypeInfo",
                            [&](Statement& s) { return s.typeInfo(DataType); });
}

SQLRETURN SQL_API SQLGetTypeInfoW(SQLHSTMT StatementHandle, SQLSMALLINT DataType) {
  return guarded<Statement>(SQL_HANDLE_STMT, StatementHandle, "SQLGetTypeInfoW",
                            [&](Statement& s) { return s.typeInfo(DataType); });
}

}  // extern "C"
