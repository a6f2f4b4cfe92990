#pragma once
// Result sets of the ODBC catalog functions, built from the engine's table list. Column names,
// order, types and row order follow the MS reference pages for each function (ANCHORS §7.3-7.5);
// ODBC 2 applications get the ODBC 2 column names and date type codes.
//
// Pure functions of their inputs, so tests/unit/catalog_test.cpp can check them without a
// connection.

#include <sql.h>
#include <sqlext.h>

#include <vector>

#include "driver/engine/session.h"
#include "driver/handles/statement.h"

namespace monday::handles::catalog {

struct Context {
  bool metadata_id = false;  // SQL_ATTR_METADATA_ID: arguments are identifiers, not patterns
  SQLINTEGER odbc_version = SQL_OV_ODBC3;
};

using Tables = std::vector<engine::CatalogTable>;

DriverResult tables(const Tables& all, const CatalogArg& catalog, const CatalogArg& schema,
                    const CatalogArg& table, const CatalogArg& table_type, const Context& context);
DriverResult columns(const Tables& all, const CatalogArg& catalog, const CatalogArg& schema,
                     const CatalogArg& table, const CatalogArg& column, const Context& context);
DriverResult primaryKeys(const Tables& all, const CatalogArg& catalog, const CatalogArg& schema,
                         const CatalogArg& table, const Context& context);
DriverResult statistics(const Tables& all, const CatalogArg& catalog, const CatalogArg& schema,
                        const CatalogArg& table, SQLUSMALLINT unique, const Context& context);
DriverResult specialColumns(const Tables& all, SQLUSMALLINT identifier_type, const CatalogArg& catalog,
                            const CatalogArg& schema, const CatalogArg& table, SQLUSMALLINT nullable,
                            const Context& context);
DriverResult foreignKeys(const Tables& all, const CatalogArg& pk_schema, const CatalogArg& pk_table,
                         const CatalogArg& fk_schema, const CatalogArg& fk_table, const Context& context);
using Procedures = std::vector<engine::CatalogProcedure>;

DriverResult procedures(const Procedures& all, const CatalogArg& catalog, const CatalogArg& schema,
                        const CatalogArg& procedure, const Context& context);
// Input parameters (COLUMN_TYPE SQL_PARAM_INPUT) then result-set columns (SQL_RESULT_COL).
DriverResult procedureColumns(const Procedures& all, const CatalogArg& catalog, const CatalogArg& schema,
                              const CatalogArg& procedure, const CatalogArg& column, const Context& context);
// What the connection's user may do to each table and column: SELECT everywhere, INSERT / UPDATE
// / DELETE where monday has the mutation and the connection is not ReadOnly; `grantee` is the user.
DriverResult tablePrivileges(const Tables& all, const CatalogArg& catalog, const CatalogArg& schema,
                             const CatalogArg& table, const std::string& grantee, const Context& context);
DriverResult columnPrivileges(const Tables& all, const CatalogArg& catalog, const CatalogArg& schema,
                              const CatalogArg& table, const CatalogArg& column, const std::string& grantee,
                              const Context& context);
DriverResult typeInfo(SQLSMALLINT data_type, const Context& context);

// Items of a SQLTables TableType argument: "'TABLE', 'VIEW'" -> {TABLE, VIEW}.
std::vector<std::string> parseTableTypes(std::string_view list);

}  // namespace monday::handles::catalog
