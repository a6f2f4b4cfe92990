// AuditEvents: the catalogue of events the audit log records — what can appear in
// AuditLogs.event, and which keys its activity_metadata carries.

#include "schema/auditlog/audit_api.h"
#include "schema/registry.h"

namespace monday::schema::auditlog {

TableDef makeAuditEventsTable(std::shared_ptr<AuditLogApi> api) {
  TableDef table;
  table.name = "AuditEvents";
  table.description = "Event types the audit log records (the values of AuditLogs.event).";
  table.columns = {
      {.name = "name", .description = "Event name, as in AuditLogs.event.", .size = 128, .nullable = false},
      {.name = "description", .description = "What the event records.", .size = 1024},
      {.name = "metadata_details", .type = DataType::LongVarchar, .decode = Decode::Json,
       .description = "The activity_metadata keys the event carries, as JSON (AuditLogSource=GraphQL; NULL with REST, "
       "which has no catalogue)."},
  };
  table.primary_key = {"name"};
  table.scan = [api](ScanContext& context, const ScanRequest&) -> std::unique_ptr<RowSource> {
    // The catalogue is small and comes in one answer.
    auto fetched = std::make_shared<bool>(false);
    return std::make_unique<PagedSource>([context, api, fetched]() mutable -> std::optional<Page> {
      if (*fetched) return std::nullopt;
      *fetched = true;
      return api->eventCatalogue(context);
    });
  };
  table.estimate = [](const ScanShape&) { return ScanEstimate{50, 1}; };
  return table;
}

}  // namespace monday::schema::auditlog
