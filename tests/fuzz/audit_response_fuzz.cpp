// Answers of monday's audit log, from either source: the REST endpoint (client/audit_response.cpp)
// and the GraphQL audit_logs query (client/api_response.cpp). A usable answer is paged as the
// AuditLogs table pages it (schema/auditlog/*_audit_api.cpp) and every entry is decoded by every
// column of that table, as SQLite would read them.
// Input: a first line naming the source ("GraphQL"; anything else is REST), then an HTTP answer
// in the form fuzz_support.h describes.

#include "driver/client/api_response.h"
#include "driver/client/audit_response.h"
#include "driver/common/numbers.h"
#include "schema/auditlog/audit_api.h"
#include "schema/registry.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

using namespace monday;

void decodeEntries(const schema::TableDef& table, const schema::auditlog::AuditLogPage& page) {
  for (const auto& row : page.rows.rows) {
    for (const auto& column : table.columns) (void)schema::readColumn(column, row);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // The tables only keep their source for scans, which never run here.
  static const schema::TableDef rest_table =
      schema::auditlog::makeAuditLogsTable(schema::auditlog::makeRestAuditLogApi(nullptr));
  static const schema::TableDef graphql_table =
      schema::auditlog::makeAuditLogsTable(schema::auditlog::makeGraphqlAuditLogApi());

  std::string_view text = fuzz::bytes(data, size);
  const bool graphql = fuzz::takeLine(text) == "GraphQL";
  const net::HttpResponse response = fuzz::httpResponse(text);

  if (graphql) {
    client::ApiOutcome outcome = client::readApiResponse(response);
    if (outcome.kind != client::ApiOutcome::Kind::Data) return 0;
    const auto answer = std::make_shared<rapidjson::Document>(std::move(outcome.document));
    const int page_asked = 1 + static_cast<int>(size % 7);
    const auto page = schema::auditlog::readGraphqlAuditLogPage(answer, page_asked);
    decodeEntries(graphql_table, page);
    return 0;
  }
  client::AuditOutcome outcome = client::readAuditResponse(response, "https://example.monday.com/audit-api/get-logs");
  MONDAY_FUZZ_CHECK(outcome.wait.count() >= 0 && outcome.wait.count() <= kMaxServerWaitSeconds);
  MONDAY_FUZZ_CHECK(outcome.kind == client::AuditOutcome::Kind::Data || outcome.error.has_value());
  if (outcome.kind != client::AuditOutcome::Kind::Data) return 0;
  const auto answer = std::make_shared<rapidjson::Document>(std::move(outcome.document));
  const auto page = schema::auditlog::readRestAuditLogPage(answer);
  decodeEntries(rest_table, page);
  return 0;
}
