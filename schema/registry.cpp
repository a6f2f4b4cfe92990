#include "schema/registry.h"

namespace monday::schema {

const std::vector<std::shared_ptr<const TableDef>>& graphqlTables() {
  static const std::vector<std::shared_ptr<const TableDef>> tables = {
#define GRAPHQL_TABLE(name) std::make_shared<const TableDef>(make##name##Table()),
#include "schema/table_list.h"
  };
  return tables;
}

std::vector<std::shared_ptr<const TableDef>> auditLogTables(const std::shared_ptr<auditlog::AuditLogApi>& api) {
  return {
#define AUDIT_TABLE(name) std::make_shared<const TableDef>(auditlog::make##name##Table(api)),
#include "schema/table_list.h"
  };
}

const std::vector<std::shared_ptr<const TableDef>>& systemTables() {
  static const std::vector<std::shared_ptr<const TableDef>> tables = {
#define SYSTEM_TABLE(name) std::make_shared<const TableDef>(make##name##Table()),
#include "schema/table_list.h"
  };
  return tables;
}

}  // namespace monday::schema
