// Teams: the account's teams.
#include "schema/paging/api_scan.h"
#include "schema/registry.h"

namespace monday::schema {

namespace {

// teams() takes ids but no limit/page: one request returns every team.
const RootList kTeams{.operation = "Teams", .field = "teams", .page_size = 0, .ids_per_request = 100};

}  // namespace

TableDef makeTeamsTable() {
  TableDef table;
  table.name = "Teams";
  table.description = "Teams of the account. Their members and owners are in TeamUsers.";
  table.columns = {
      {.name = "id", .type = DataType::BigInt, .decode = Decode::Id, .description = "Team id.", .nullable = false},
      {.name = "name", .description = "Team name.", .nullable = false},
      {.name = "is_guest", .type = DataType::Bit, .decode = Decode::Boolean,
       .description = "Whether this is a team of guests."},
      {.name = "picture_url", .description = "Link to the team's picture.", .size = 512},
      {.name = "created_at", .type = DataType::Timestamp, .decode = Decode::Timestamp,
       .description = "When the team was created (UTC)."},
  };
  table.keys = {{"id", true}};
  table.primary_key = {"id"};
  table.scan = [](ScanContext& context, const ScanRequest& request) { return scanRootList(context, request, kTeams); };
  table.estimate = [](const ScanShape& shape) { return estimateRootList(shape, kTeams, 20); };
  return table;
}

}  // namespace monday::schema
