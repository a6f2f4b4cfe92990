// AuditLogs: the account's audit log, one row per logged event (logins, exports, permission
// changes ...). Time ranges, user_id, event and ip_address travel to monday as filters; LIMIT
// sets the page size; pages are read lazily, so an early stop costs no further requests.

#include <algorithm>
#include <cmath>

#include "schema/auditlog/audit_api.h"
#include "schema/registry.h"

namespace monday::schema::auditlog {

namespace {

std::vector<ColumnDef> auditLogColumns(bool nested_user) {
  // GraphQL entries name the user as `user { id name email }`, REST entries as flat fields.
  const std::string user_id = nested_user ? "user.id" : "user_id";
  const std::string user_name = nested_user ? "user.name" : "user_name";
  const std::string user_email = nested_user ? "user.email" : "user_email";
  return {
      {.name = "timestamp", .type = DataType::Timestamp, .decode = Decode::Timestamp,
       .description = "When the event happened (UTC)."},
      {.name = "account_id", .type = DataType::BigInt, .decode = Decode::Id,
       .description = "Account the event belongs to."},
      {.name = "user_id", .type = DataType::BigInt, .path = user_id, .decode = Decode::Id,
       .description = "User who did it (see Users in Schema=GraphQL)."},
      {.name = "user_name", .path = user_name,
       .description = "The user's name, where the API gives it (AuditLogSource=GraphQL)."},
      {.name = "user_email", .path = user_email,
       .description = "The user's email address, where the API gives it (AuditLogSource=GraphQL).", .size = 320},
      {.name = "event", .description = "What happened, e.g. login, failed-login, export-board (see AuditEvents).",
       .size = 128},
      {.name = "slug", .description = "The account's slug (its subdomain).", .size = 128},
      {.name = "ip_address", .description = "IP address the event came from.", .size = 64},
      {.name = "user_agent", .description = "The client's user agent string.", .size = 1024},
      {.name = "client_name", .description = "Browser or app name.", .size = 128},
      {.name = "client_version", .description = "Browser or app version.", .size = 64},
      {.name = "os_name", .description = "Operating system.", .size = 128},
      {.name = "os_version", .description = "Operating system version.", .size = 64},
      {.name = "device_name", .description = "Device name.", .size = 128},
      {.name = "device_type", .description = "Device type, e.g. desktop or mobile.", .size = 64},
      {.name = "activity_metadata", .type = DataType::LongVarchar, .decode = Decode::Json,
       .description = "Details of the event as JSON; the keys depend on the event (AuditEvents.metadata_details)."},
  };
}

// Pages through one filtered scan. The page size stays the same for the whole scan: monday's
// page numbers count in pages of the size asked for.
std::unique_ptr<RowSource> scanAuditLogs(ScanContext& context, const ScanRequest& request,
                                         const std::shared_ptr<AuditLogApi>& api, const std::string& selection) {
  AuditLogQuery query = auditLogQueryFor(request);
  if (query.matches_nothing || (request.limit && *request.limit <= 0)) return emptySource();
  int per_page = api->maxPageSize();
  if (request.limit) per_page = static_cast<int>(std::clamp<std::int64_t>(*request.limit, 1, per_page));

  struct Cursor {
    int page = 1;
    bool done = false;
  };
  auto cursor = std::make_shared<Cursor>();
  return std::make_unique<PagedSource>(
      [context, api, selection, query = std::move(query), per_page, cursor]() mutable -> std::optional<Page> {
        if (cursor->done) return std::nullopt;
        AuditLogPage page = api->logs(context, query, cursor->page, per_page, selection);
        if (!page.next_page || page.rows.rows.empty()) {
          cursor->done = true;
        } else if (*page.next_page <= cursor->page) {
          // Following it would loop or skip entries; a short result must never look complete.
          throw Error(sqlstate::kGeneralError,
                      "monday's audit-log API named page " + std::to_string(*page.next_page) +
                          " as the page after page " + std::to_string(cursor->page) +
                          "; the driver stopped rather than return an incomplete or repeated log.");
        } else {
          cursor->page = *page.next_page;
        }
        return std::move(page.rows);
      });
}

ScanEstimate estimateAuditLogs(const ScanShape& shape, int page_size) {
  double rows = 50000;  // a busy Enterprise account logs this much in a few months
  for (const auto& [column, op] : shape.other) {
    if (column == "timestamp") rows /= 4;  // each bound of a time range
  }
  for (std::size_t i = 0; i < shape.constrained.size(); ++i) {
    const auto& column = shape.constrained[i];
    const double values = static_cast<double>(shape.in_list_sizes[i]);
    if (column == "timestamp") rows /= 100;
    if (column == "user_id") rows /= 20;
    if (column == "event") rows = rows * values / 25;
    if (column == "ip_address") rows /= 50;
  }
  if (shape.limit) rows = std::min(rows, static_cast<double>(*shape.limit));
  rows = std::max(rows, 1.0);
  return {rows, std::max(1.0, std::ceil(rows / page_size))};
}

}  // namespace

TableDef makeAuditLogsTable(std::shared_ptr<AuditLogApi> api) {
  TableDef table;
  table.name = "AuditLogs";
  table.description =
      "The account's audit log (Enterprise): sign-ins, exports, user and security changes, one row "
      "per event, newest first.";
  table.columns = auditLogColumns(api->nestedUser());
  using Op = ConstraintOp;
  table.keys = {
      {.column = "timestamp", .accepts_in = false, .ops = {Op::Eq, Op::Lt, Op::Le, Op::Gt, Op::Ge}},
      {.column = "user_id", .accepts_in = false},
      {.column = "event", .accepts_in = true},
      {.column = "ip_address", .accepts_in = false},
  };
  const std::string selection = selectionFor(table.columns);
  const int page_size = api->maxPageSize();
  table.scan = [api, selection](ScanContext& context, const ScanRequest& request) {
    return scanAuditLogs(context, request, api, selection);
  };
  table.estimate = [page_size](const ScanShape& shape) { return estimateAuditLogs(shape, page_size); };
  return table;
}

}  // namespace monday::schema::auditlog
