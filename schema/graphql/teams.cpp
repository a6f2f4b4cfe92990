// Teams: the account's teams.
#include "schema/graphql/api_scan.h"
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
      {"id", DataType::BigInt, "id", Decode::Id, "Team id.", 0, false},
      {"name", DataType::Varchar, "name", Decode::Text, "Team name.", 0, false},
      {"is_guest", DataType::Bit, "is_guest", Decode::Boolean, "Whether this is a team of guests."},
      {"picture_url", DataType::Varchar, "picture_url", Decode::Text, "Link to the team's picture.", 512},
      {"created_at", DataType::Timestamp, "created_at", Decode::Timestamp, "When the team was created (UTC)."},
  };
  table.keys = {{"id", true}};
  table.primary_key = {"id"};
  table.scan = [](ScanContext& context, const ScanRequest& request) { return scanRootList(context, request, kTeams); };
  table.estimate = [](const ScanShape& shape) { return estimateRootList(shape, kTeams, 20); };
  return table;
}

}  // namespace monday::schema
