// AccountRoles: the roles a user of the account can hold (account_roles, API 2025-04 and later).
#include "schema/paging/api_scan.h"
#include "schema/registry.h"

namespace monday::schema {

TableDef makeAccountRolesTable() {
  TableDef table;
  table.name = "AccountRoles";
  table.description =
      "The account's user roles: the four every account has (admin, member, view_only, guest) and any custom roles "
      "its plan allows. Needs the account:read scope.";
  table.columns = {
      {.name = "id", .type = DataType::BigInt, .decode = Decode::Id, .description = "Role id.", .nullable = false},
      {.name = "name", .description = "Role name (admin, member, view_only, guest, or a custom role's name).", .size = 128},
      {.name = "role_type", .path = "roleType",
       .description = "basic_role for the four built-in roles; custom roles have their own type.", .size = 64},
  };
  table.primary_key = {"id"};
  // account_roles takes no arguments and can only be asked at the root: one request, every role.
  table.scan = [](ScanContext& context, const ScanRequest&) { return scanRootPath(context, "AccountRoles", "account_roles"); };
  table.estimate = [](const ScanShape&) { return ScanEstimate{8, 1}; };
  return table;
}

}  // namespace monday::schema
