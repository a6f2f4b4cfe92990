// BoardUsers: who owns and who subscribes to each board, people and teams in one table.
#include "schema/paging/members.h"
#include "schema/registry.h"

namespace monday::schema {

namespace {

NestedScan boardUsersScan() {
  return {.operation = "BoardUsers",
          .parents = RootParents{.field = "boards", .arguments = std::string(kEveryBoard), .per_page = 25,
                                 .ids_per_request = 25, .key_column = "board_id"},
          .children = {userMembers("owners", "owner"), userMembers("subscribers", "subscriber"),
                       // Team lists take limit/page (default 25); full pages are followed up.
                       teamMembers("team_owners", "owner", 100), teamMembers("team_subscribers", "subscriber", 100)}};
}

}  // namespace

TableDef makeBoardUsersTable() {
  TableDef table;
  table.name = "BoardUsers";
  table.description =
      "Owners and subscribers of every board, users and teams alike: one row per (board, role, member). A board "
      "owner is usually listed as a subscriber too.";
  table.columns = memberColumns({.name = "board_id", .type = DataType::BigInt, .path = "^id", .decode = Decode::Id,
                                 .description = "The board.", .nullable = false},
                                "owner or subscriber", true);
  table.keys = {{"board_id", true}};
  // No primary key: user_id and team_id are each NULL on half the rows.
  table.scan = [](ScanContext& context, const ScanRequest& request) {
    return scanNested(context, request, boardUsersScan());
  };
  table.estimate = [](const ScanShape& shape) { return estimateNested(shape, boardUsersScan(), 8, 200); };
  return table;
}

}  // namespace monday::schema
