// Catalog functions on a statement: fetch the engine's table list, build the result with
// catalog.cpp, and open it as the statement's cursor.

#include "driver/engine/session.h"
#include "driver/handles/catalog.h"
#include "driver/handles/connection.h"
#include "driver/handles/statement.h"

namespace monday::handles {

namespace {

catalog::Context contextOf(const Statement& s, SQLINTEGER odbc_version) {
  return {s.metadataId(), odbc_version};
}

}  // namespace

SQLRETURN Statement::openCatalog(const CatalogBuilder& build) {
  requireNoOpenCursor();
  RunningGuard running(*this);
  applyRequestTimeout();
  const catalog::Tables all = connection_.session().catalog();
  startResult(build(all));
  return SQL_SUCCESS;
}

SQLRETURN Statement::tables(const CatalogArg& catalog, const CatalogArg& schema, const CatalogArg& table,
                            const CatalogArg& table_type) {
  const auto context = contextOf(*this, odbcVersion());
  return openCatalog([&](const catalog::Tables& all) {
    return catalog::tables(all, catalog, schema, table, table_type, context);
  });
}

SQLRETURN Statement::columns(const CatalogArg& catalog, const CatalogArg& schema, const CatalogArg& table,
                             const CatalogArg& column) {
  const auto context = contextOf(*this, odbcVersion());
  return openCatalog([&](const catalog::Tables& all) {
    return catalog::columns(all, catalog, schema, table, column, context);
  });
}

SQLRETURN Statement::primaryKeys(const CatalogArg& catalog, const CatalogArg& schema, const CatalogArg& table) {
  const auto context = contextOf(*this, odbcVersion());
  return openCatalog([&](const catalog::Tables& all) {
    return catalog::primaryKeys(all, catalog, schema, table, context);
  });
}

SQLRETURN Statement::statistics(const CatalogArg& catalog, const CatalogArg& schema, const CatalogArg& table,
                                SQLUSMALLINT unique, SQLUSMALLINT) {
  const auto context = contextOf(*this, odbcVersion());
  return openCatalog([&](const catalog::Tables& all) {
    return catalog::statistics(all, catalog, schema, table, unique, context);
  });
}

SQLRETURN Statement::specialColumns(SQLUSMALLINT identifier_type, const CatalogArg& catalog,
                                    const CatalogArg& schema, const CatalogArg& table, SQLUSMALLINT,
                                    SQLUSMALLINT nullable) {
  const auto context = contextOf(*this, odbcVersion());
  return openCatalog([&](const catalog::Tables& all) {
    return catalog::specialColumns(all, identifier_type, catalog, schema, table, nullable, context);
  });
}

SQLRETURN Statement::foreignKeys(const CatalogArg&, const CatalogArg& pk_schema, const CatalogArg& pk_table,
                                 const CatalogArg&, const CatalogArg& fk_schema, const CatalogArg& fk_table) {
  requireNoOpenCursor();
  if (!pk_table && !fk_table) {
    throw Error(sqlstate::kInvalidArgumentValue,
                "Invalid use of null pointer: SQLForeignKeys needs PKTableName or FKTableName.");
  }
  // The relations the tables declare (schema::ForeignKey): items → boards, subitems → items ...
  return openCatalog([&](const std::vector<engine::CatalogTable>& all) {
    return catalog::foreignKeys(all, pk_schema, pk_table, fk_schema, fk_table, contextOf(*this, odbcVersion()));
  });
}

SQLRETURN Statement::procedures(const CatalogArg& catalog, const CatalogArg& schema, const CatalogArg& procedure) {
  requireNoOpenCursor();
  const auto context = contextOf(*this, odbcVersion());
  startResult(catalog::procedures(connection_.session().procedures(), catalog, schema, procedure, context));
  return SQL_SUCCESS;
}

SQLRETURN Statement::procedureColumns(const CatalogArg& catalog, const CatalogArg& schema, const CatalogArg& procedure,
                                      const CatalogArg& column) {
  requireNoOpenCursor();
  const auto context = contextOf(*this, odbcVersion());
  startResult(
      catalog::procedureColumns(connection_.session().procedures(), catalog, schema, procedure, column, context));
  return SQL_SUCCESS;
}

SQLRETURN Statement::tablePrivileges(const CatalogArg& catalog, const CatalogArg& schema, const CatalogArg& table) {
  const auto context = contextOf(*this, odbcVersion());
  const std::string grantee = connection_.session().serverInfo().user_email;
  return openCatalog([&](const catalog::Tables& all) {
    return catalog::tablePrivileges(all, catalog, schema, table, grantee, context);
  });
}

SQLRETURN Statement::columnPrivileges(const CatalogArg& catalog, const CatalogArg& schema, const CatalogArg& table,
                                      const CatalogArg& column) {
  const auto context = contextOf(*this, odbcVersion());
  const std::string grantee = connection_.session().serverInfo().user_email;
  return openCatalog([&](const catalog::Tables& all) {
    return catalog::columnPrivileges(all, catalog, schema, table, column, grantee, context);
  });
}

SQLRETURN Statement::typeInfo(SQLSMALLINT data_type) {
  requireNoOpenCursor();
  startResult(catalog::typeInfo(data_type, contextOf(*this, odbcVersion())));
  return SQL_SUCCESS;
}

}  // namespace monday::handles
