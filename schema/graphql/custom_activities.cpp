// CustomActivities: the activity kinds of the Emails & Activities timeline (custom_activity).
#include "schema/paging/api_scan.h"
#include "schema/registry.h"

namespace monday::schema {

namespace {

// custom_activity(ids:) takes the activities' string ids; name/icon/colour are left to SQL (an
// icon or colour monday does not know would be a GraphQL error instead of no rows).
const RootList kCustomActivities{
    .operation = "CustomActivities", .field = "custom_activity", .page_size = 0, .id_column = "",
    .filters = {{.column = "id", .argument = "ids", .type = "[String!]", .per_request = 100}}};

}  // namespace

TableDef makeCustomActivitiesTable() {
  TableDef table;
  table.name = "CustomActivities";
  table.description =
      "The account's custom activity kinds for the Emails & Activities timeline (monday CRM): what TimelineItems."
      "custom_activity_id names.";
  table.columns = {
      {.name = "id", .description = "Custom activity id.", .size = 64, .nullable = false},
      {.name = "name", .description = "Name.", .size = 255},
      {.name = "type", .description = "Type of the activity, when monday gives one.", .size = 64},
      {.name = "icon_id", .description = "Its icon (LOCATION, CONFERENCE, PAPERPLANE ...).", .size = 32},
      {.name = "color", .description = "Its colour (GO_GREEN, CELTIC_BLUE ...).", .size = 32},
  };
  table.keys = {{"id", true}};
  table.primary_key = {"id"};
  table.scan = [](ScanContext& context, const ScanRequest& request) {
    return scanRootList(context, request, kCustomActivities);
  };
  table.estimate = [](const ScanShape& shape) { return estimateRootList(shape, kCustomActivities, 10); };
  return table;
}

}  // namespace monday::schema
