// AuditEventCatalogue: the events monday's audit log records, read over GraphQL
// (audit_event_catalogue, API 2025-07+), so a Schema=GraphQL connection has the catalogue too.
#include "schema/paging/api_scan.h"
#include "schema/registry.h"

namespace monday::schema {

TableDef makeAuditEventCatalogueTable() {
  TableDef table;
  table.name = "AuditEventCatalogue";
  table.description =
      "Event types monday's audit log records and the activity_metadata keys each carries (Enterprise accounts; an "
      "account admin's token). The same catalogue as AuditEvents under Schema=AuditLog.";
  table.columns = {
      {.name = "name", .description = "Event name, as in the audit log's event.", .size = 128, .nullable = false},
      {.name = "description", .description = "What the event records.", .size = 1024},
      {.name = "metadata_details", .type = DataType::LongVarchar, .decode = Decode::Json,
       .description = "The activity_metadata keys the event carries, as JSON."},
  };
  table.primary_key = {"name"};
  table.scan = [](ScanContext& context, const ScanRequest&) {
    return scanRootPath(context, "AuditEventCatalogue", "audit_event_catalogue");
  };
  table.estimate = [](const ScanShape&) { return ScanEstimate{50, 1}; };
  return table;
}

}  // namespace monday::schema
