// PlatformUsageByUser: the users who made the most API calls (platform_api.daily_analytics.by_user).
#include "schema/paging/api_scan.h"
#include "schema/registry.h"

namespace monday::schema {

TableDef makePlatformUsageByUserTable() {
  TableDef table;
  table.name = "PlatformUsageByUser";
  table.description =
      "The six users with the most API calls over the past 14 days (platform_api.daily_analytics; Enterprise "
      "accounts).";
  table.columns = {
      {.name = "user_id", .type = DataType::BigInt, .path = "user.id", .decode = Decode::Id,
       .description = "The user (Users.id); NULL when monday no longer names the user."},
      {.name = "user_name", .path = "user.name", .description = "The user's name.", .size = 255},
      {.name = "usage", .type = DataType::Integer, .decode = Decode::Integer,
       .description = "API calls the user made over the past 14 days.", .nullable = false},
      {.name = "last_updated", .type = DataType::Timestamp, .path = "^last_updated", .decode = Decode::Timestamp,
       .description = "When monday last updated the usage figures (UTC)."},
  };
  table.foreign_keys = {{{"user_id"}, "Users", {"id"}}};
  table.scan = [](ScanContext& context, const ScanRequest&) {
    return scanRootPath(context, "PlatformUsageByUser", "platform_api.daily_analytics.by_user", "last_updated");
  };
  table.estimate = [](const ScanShape&) { return ScanEstimate{6, 1}; };
  return table;
}

}  // namespace monday::schema
