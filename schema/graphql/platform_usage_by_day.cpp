// PlatformUsageByDay: the account's API calls per day (platform_api.daily_analytics.by_day).
#include "schema/paging/api_scan.h"
#include "schema/registry.h"

namespace monday::schema {

TableDef makePlatformUsageByDayTable() {
  TableDef table;
  table.name = "PlatformUsageByDay";
  table.description =
      "API calls the account made per day over the past 14 days, counted against its daily call limit "
      "(platform_api.daily_analytics; Enterprise accounts). monday refreshes the figures about every 10 minutes.";
  table.columns = {
      {.name = "day", .type = DataType::Date, .decode = Decode::Date, .description = "The day.", .nullable = false},
      {.name = "usage", .type = DataType::Integer, .decode = Decode::Integer, .description = "API calls made that day.",
       .nullable = false},
      {.name = "last_updated", .type = DataType::Timestamp, .path = "^last_updated", .decode = Decode::Timestamp,
       .description = "When monday last updated the usage figures (UTC)."},
  };
  table.primary_key = {"day"};
  table.scan = [](ScanContext& context, const ScanRequest&) {
    return scanRootPath(context, "PlatformUsageByDay", "platform_api.daily_analytics.by_day", "last_updated");
  };
  table.estimate = [](const ScanShape&) { return ScanEstimate{14, 1}; };
  return table;
}

}  // namespace monday::schema
