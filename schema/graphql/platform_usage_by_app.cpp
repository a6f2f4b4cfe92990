// PlatformUsageByApp: the apps that made the most API calls (platform_api.daily_analytics.by_app).
#include "schema/paging/api_scan.h"
#include "schema/registry.h"

namespace monday::schema {

TableDef makePlatformUsageByAppTable() {
  TableDef table;
  table.name = "PlatformUsageByApp";
  table.description =
      "The six apps with the most API calls over the past 14 days (platform_api.daily_analytics; Enterprise "
      "accounts).";
  table.columns = {
      {.name = "api_app_id", .type = DataType::BigInt, .decode = Decode::Id,
       .description = "The app's API consumer id.", .nullable = false},
      {.name = "app_id", .type = DataType::BigInt, .path = "app.id", .decode = Decode::Id,
       .description = "The app's id; NULL when monday no longer has the app."},
      {.name = "app_name", .path = "app.name", .description = "The app's name.", .size = 255},
      {.name = "usage", .type = DataType::Integer, .decode = Decode::Integer,
       .description = "API calls the app made over the past 14 days.", .nullable = false},
      {.name = "last_updated", .type = DataType::Timestamp, .path = "^last_updated", .decode = Decode::Timestamp,
       .description = "When monday last updated the usage figures (UTC)."},
  };
  table.primary_key = {"api_app_id"};
  table.scan = [](ScanContext& context, const ScanRequest&) {
    return scanRootPath(context, "PlatformUsageByApp", "platform_api.daily_analytics.by_app", "last_updated");
  };
  table.estimate = [](const ScanShape&) { return ScanEstimate{6, 1}; };
  return table;
}

}  // namespace monday::schema
