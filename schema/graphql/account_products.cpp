// AccountProducts: the monday products (work management, CRM, dev, service...) the account has.
#include "schema/paging/api_scan.h"
#include "schema/registry.h"

namespace monday::schema {

TableDef makeAccountProductsTable() {
  TableDef table;
  table.name = "AccountProducts";
  table.description = "The account's active products (account.products): each product's kind, tier and default workspace.";
  table.columns = {
      {.name = "id", .type = DataType::BigInt, .decode = Decode::Id, .description = "Account product id."},
      {.name = "kind",
       .description = "Product kind (core, marketing, crm, software, projectManagement, service, forms, whiteboard...).",
       .size = 64},
      {.name = "tier", .description = "The product's tier.", .size = 32},
      {.name = "default_workspace_id", .type = DataType::BigInt, .decode = Decode::Id,
       .description = "The product's default workspace (Workspaces.id)."},
  };
  table.primary_key = {"id"};
  table.foreign_keys = {{{"default_workspace_id"}, "Workspaces", {"id"}}};
  table.scan = [](ScanContext& context, const ScanRequest&) {
    return scanRootPath(context, "AccountProducts", "account.products");
  };
  table.estimate = [](const ScanShape&) { return ScanEstimate{4, 1}; };
  return table;
}

}  // namespace monday::schema
