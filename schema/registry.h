#pragma once
// Every table the driver offers by name, built from the one list in schema/table_list.h. Adding a
// table is one new file plus one line there.

#include <memory>
#include <vector>

#include "schema/table.h"

namespace monday::schema {

#define GRAPHQL_TABLE(name) TableDef make##name##Table();
#define SYSTEM_TABLE(name) TableDef make##name##Table();
#include "schema/table_list.h"

namespace auditlog {
class AuditLogApi;
#define AUDIT_TABLE(name) TableDef make##name##Table(std::shared_ptr<AuditLogApi> api);
#include "schema/table_list.h"
}  // namespace auditlog

// Tables of Schema=GraphQL, in catalog order.
const std::vector<std::shared_ptr<const TableDef>>& graphqlTables();

// Tables of Schema=AuditLog, reading through `api` (the connection's REST or GraphQL source).
std::vector<std::shared_ptr<const TableDef>> auditLogTables(const std::shared_ptr<auditlog::AuditLogApi>& api);

// System tables, offered on every connection whatever its Schema.
const std::vector<std::shared_ptr<const TableDef>>& systemTables();

}  // namespace monday::schema
