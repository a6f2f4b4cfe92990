// WorkspaceUsers: owners and subscribers of every workspace, users and teams in one table.
#include "schema/paging/members.h"
#include "schema/registry.h"

namespace monday::schema {

namespace {

// The four member lists of a workspace take limit/page (default 25); full pages are followed up.
NestedScan workspaceUsersScan() {
  return {.operation = "WorkspaceUsers",
          .parents = RootParents{.field = "workspaces", .arguments = "state: all", .per_page = 25,
                                 .ids_per_request = 25, .key_column = "workspace_id"},
          .children = {userMembers("owners_subscribers", "owner", 100),
                       userMembers("users_subscribers", "subscriber", 100),
                       teamMembers("team_owners_subscribers", "owner", 100),
                       teamMembers("teams_subscribers", "subscriber", 100)}};
}

}  // namespace

TableDef makeWorkspaceUsersTable() {
  TableDef table;
  table.name = "WorkspaceUsers";
  table.description =
      "Owners and subscribers (members) of every workspace, users and teams alike: one row per (workspace, role, "
      "member), as monday's owners_subscribers, users_subscribers, team_owners_subscribers and teams_subscribers "
      "list them.";
  table.columns = memberColumns({.name = "workspace_id", .type = DataType::BigInt, .path = "^id",
                                 .decode = Decode::Id,
                                 .description = "The workspace.", .nullable = false},
                                "owner or subscriber", true);
  table.keys = {{"workspace_id", true}};
  // No primary key: user_id and team_id are each NULL on half the rows.
  table.scan = [](ScanContext& context, const ScanRequest& request) {
    return scanNested(context, request, workspaceUsersScan());
  };
  table.estimate = [](const ScanShape& shape) { return estimateNested(shape, workspaceUsersScan(), 20, 20); };
  return table;
}

}  // namespace monday::schema
