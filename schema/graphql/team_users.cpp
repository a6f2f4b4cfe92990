// TeamUsers: the members and owners of every team.
#include "schema/paging/members.h"
#include "schema/registry.h"

namespace monday::schema {

namespace {

NestedScan teamUsersScan() {
  // teams() has no limit/page; Team.users does, and is followed up when a page comes back full.
  return {.operation = "TeamUsers",
          .parents = RootParents{.field = "teams", .per_page = 0, .ids_per_request = 100, .key_column = "team_id"},
          .children = {userMembers("users", "member", 500), userMembers("owners", "owner")}};
}

}  // namespace

TableDef makeTeamUsersTable() {
  TableDef table;
  table.name = "TeamUsers";
  table.description =
      "Members and owners of every team: one row per (team, role, user). Members are listed as monday's Team.users "
      "lists them (active and pending users).";
  table.columns = memberColumns({.name = "team_id", .type = DataType::BigInt, .path = "^id", .decode = Decode::Id,
                                 .description = "The team.", .nullable = false},
                                "member or owner", false);
  table.keys = {{"team_id", true}};
  table.primary_key = {"team_id", "role", "user_id"};
  table.foreign_keys = {{{"team_id"}, "Teams", {"id"}}};
  table.scan = [](ScanContext& context, const ScanRequest& request) {
    return scanNested(context, request, teamUsersScan());
  };
  table.estimate = [](const ScanShape& shape) { return estimateNested(shape, teamUsersScan(), 6, 20); };
  return table;
}

}  // namespace monday::schema
