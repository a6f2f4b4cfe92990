#pragma once
// The two ways monday serves an account's audit log (REFERENCE §8, §2.1), behind one interface so
// the AuditLogs and AuditEvents tables read the same whichever source a connection uses:
//   REST     GET https://<account>.monday.com/audit-api/get-logs, the audit-log token as Bearer;
//   GraphQL  the audit_logs / audit_event_catalogue queries (API 2025-07+), an admin's API token.
// Both take the same filters: a time range, one user, a list of events, one IP address.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "driver/common/error.h"
#include "schema/paging/api_scan.h"
#include "schema/table.h"

namespace monday::client {
class AuditRestClient;
}

namespace monday::schema::auditlog {

// The filters monday applies, from the SQL terms SQLite pushed (audit_log_query.cpp).
struct AuditLogQuery {
  std::optional<std::string> start_time;  // ISO 8601 UTC, "2026-03-01T09:59:59Z"
  std::optional<std::string> end_time;
  std::optional<std::string> user_id;     // digits
  std::vector<std::string> events;        // any of these (empty = every event)
  std::optional<std::string> ip_address;
  bool matches_nothing = false;           // the terms contradict each other: no request needed
};

// Turns the pushed terms on timestamp, user_id, event and ip_address into monday's filters.
// Every filter is as wide as or wider than the SQL term (SQLite re-checks each term), and a term
// whose value cannot be expressed exactly enough is simply not sent.
AuditLogQuery auditLogQueryFor(const ScanRequest& request);

// One page of log entries and where the next one is (nullopt = this was the last page).
struct AuditLogPage {
  Page rows;
  std::optional<int> next_page;
};

// The entries of one answer and where the next page is: REST {"data": [...], "next_page"},
// GraphQL {"data": {"audit_logs": {"logs": [...], "pagination": {...}}}} for page `page`. What
// is not an entry is skipped; pure, so that tests and the fuzz target reach it without a server.
AuditLogPage readRestAuditLogPage(std::shared_ptr<rapidjson::Document> answer);
AuditLogPage readGraphqlAuditLogPage(std::shared_ptr<rapidjson::Document> answer, int page);

class AuditLogApi {
 public:
  virtual ~AuditLogApi() = default;
  // The largest page the source serves; the driver always asks for it (or for the LIMIT).
  virtual int maxPageSize() const = 0;
  // Whether entries carry `user { id name email }` (GraphQL) or a flat `user_id` (REST).
  virtual bool nestedUser() const = 0;
  // `selection` is the GraphQL selection of one entry (used by the GraphQL source only).
  virtual AuditLogPage logs(ScanContext& context, const AuditLogQuery& query, int page, int per_page,
                            const std::string& selection) = 0;
  // Every event type monday logs, as rows with name, description, metadata_details.
  virtual Page eventCatalogue(ScanContext& context) = 0;
};

// monday's error for a GraphQL audit query, reworded to say which token or plan is needed.
Error explainGraphqlAuditError(const Error& error);

std::shared_ptr<AuditLogApi> makeRestAuditLogApi(std::shared_ptr<client::AuditRestClient> client);
std::shared_ptr<AuditLogApi> makeGraphqlAuditLogApi();

// The events monday documents for its audit log, as a catalogue (name, description,
// metadata_details null). The REST API has no catalogue endpoint, so that source serves this list.
Page documentedEventCatalogue();

}  // namespace monday::schema::auditlog
