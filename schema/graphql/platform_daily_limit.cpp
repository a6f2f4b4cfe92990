// PlatformDailyLimit: the account's daily API call limit (platform_api.daily_limit), one row.
#include "schema/paging/api_scan.h"
#include "schema/registry.h"

namespace monday::schema {

TableDef makePlatformDailyLimitTable() {
  TableDef table;
  table.name = "PlatformDailyLimit";
  table.description =
      "The account's daily API call limit (one row): the plan's base, the total with add-ons, and the add-on bought. "
      "Compare with PlatformUsageByDay; sys.sys_api_usage shows what this connection spent.";
  table.columns = {
      {.name = "base", .type = DataType::Integer, .decode = Decode::Integer, .description = "The plan's daily call limit."},
      {.name = "total", .type = DataType::Integer, .decode = Decode::Integer,
       .description = "The daily call limit including add-ons."},
      {.name = "addon_active", .type = DataType::Bit, .path = "addon.is_active", .decode = Decode::Boolean,
       .description = "Whether the account owns an active daily-limit add-on."},
      {.name = "addon_quantity", .type = DataType::Integer, .path = "addon.quantity", .decode = Decode::Integer,
       .description = "Daily-limit add-on units the account owns."},
  };
  table.scan = [](ScanContext& context, const ScanRequest&) {
    return scanRootPath(context, "PlatformDailyLimit", "platform_api.daily_limit");
  };
  table.estimate = [](const ScanShape&) { return ScanEstimate{1, 1}; };
  return table;
}

}  // namespace monday::schema
