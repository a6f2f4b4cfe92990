// The audit log through the platform API (2025-07 and later): audit_logs(page, limit, user_id,
// events, ip_address, start_time, end_time) { logs pagination } and audit_event_catalogue
// (REFERENCE §2.1). Filters travel as variables, never in the document.

#include <algorithm>
#include <cctype>

#include "driver/client/api_client.h"
#include "schema/auditlog/audit_api.h"

namespace monday::schema::auditlog {

namespace {

// monday documents no maximum for audit_logs(limit:); the REST twin serves at most 1000 per page
// (REFERENCE §8 [P]) and both read the same log, so the same page size is assumed here.
constexpr int kMaxLimit = 1000;

bool mentionsEnterprise(std::string_view text) {
  static constexpr std::string_view kWord = "enterprise";
  auto it = std::search(text.begin(), text.end(), kWord.begin(), kWord.end(),
                        [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
  return it != text.end();
}

void putString(rapidjson::Document& variables, const char* name, const std::string& value) {
  auto& allocator = variables.GetAllocator();
  variables.AddMember(rapidjson::StringRef(name), rapidjson::Value(value.c_str(), allocator), allocator);
}

class GraphqlAuditLogApi final : public AuditLogApi {
 public:
  int maxPageSize() const override { return kMaxLimit; }
  bool nestedUser() const override { return true; }

  AuditLogPage logs(ScanContext& context, const AuditLogQuery& query, int page, int per_page,
                    const std::string& selection) override {
    const std::string document =
        "query AuditLogs($page: Int, $limit: Int, $user_id: ID, $events: [String!], $ip_address: String, "
        "$start_time: ISO8601DateTime, $end_time: ISO8601DateTime) { audit_logs(page: $page, limit: $limit, "
        "user_id: $user_id, events: $events, ip_address: $ip_address, start_time: $start_time, "
        "end_time: $end_time) { logs { " +
        selection + " } pagination { page has_more_pages next_page_number } } }";
    rapidjson::Document variables(rapidjson::kObjectType);
    auto& allocator = variables.GetAllocator();
    variables.AddMember("page", page, allocator);
    variables.AddMember("limit", per_page, allocator);
    // Only the filters in use are sent, so the request log shows exactly what was pushed.
    if (query.user_id) putString(variables, "user_id", *query.user_id);
    if (!query.events.empty()) {
      rapidjson::Value events(rapidjson::kArrayType);
      for (const auto& event : query.events) events.PushBack(rapidjson::Value(event.c_str(), allocator), allocator);
      variables.AddMember("events", events, allocator);
    }
    if (query.ip_address) putString(variables, "ip_address", *query.ip_address);
    if (query.start_time) putString(variables, "start_time", *query.start_time);
    if (query.end_time) putString(variables, "end_time", *query.end_time);

    return readGraphqlAuditLogPage(std::make_shared<rapidjson::Document>(run(context, document, variables)), page);
  }

  Page eventCatalogue(ScanContext& context) override {
    static const std::string kDocument =
        "query AuditEventCatalogue { audit_event_catalogue { name description metadata_details } }";
    rapidjson::Document none;
    auto answer = std::make_shared<rapidjson::Document>(run(context, kDocument, none));
    Page out;
    out.document = answer;
    for (const auto& entry : listAt((*answer)["data"], "audit_event_catalogue").GetArray()) {
      if (entry.IsObject()) out.rows.push_back({&entry, nullptr});
    }
    return out;
  }

 private:
  static rapidjson::Document run(ScanContext& context, const std::string& document, const rapidjson::Value& variables) {
    try {
      return context.api.query(document, variables);
    } catch (const Error& error) {
      throw explainGraphqlAuditError(error);
    }
  }
};

}  // namespace

AuditLogPage readGraphqlAuditLogPage(std::shared_ptr<rapidjson::Document> answer, int page) {
  AuditLogPage out;
  out.rows.document = answer;
  if (!answer->IsObject()) return out;
  const auto data = answer->FindMember("data");
  if (data == answer->MemberEnd() || !data->value.IsObject()) return out;
  auto result = data->value.FindMember("audit_logs");
  if (result == data->value.MemberEnd() || !result->value.IsObject()) return out;
  const auto& logs = listAt(result->value, "logs");
  for (const auto& entry : logs.GetArray()) {
    if (entry.IsObject()) out.rows.rows.push_back({&entry, nullptr});
  }
  if (auto pagination = result->value.FindMember("pagination");
      pagination != result->value.MemberEnd() && pagination->value.IsObject()) {
    const auto& p = pagination->value;
    auto more = p.FindMember("has_more_pages");
    auto next = p.FindMember("next_page_number");
    const bool has_more = more != p.MemberEnd() && more->value.IsBool() && more->value.GetBool();
    if (has_more) out.next_page = next != p.MemberEnd() && next->value.IsInt() ? next->value.GetInt() : page + 1;
  }
  return out;
}

Error explainGraphqlAuditError(const Error& error) {
  if (error.state() == sqlstate::kInvalidAuthorization) {
    return Error(error.state(),
                 "monday's GraphQL API rejected the token. With Schema=AuditLog and "
                 "AuditLogSource=GraphQL, APIToken must be a personal API token of an account admin "
                 "(monday: avatar > Developers > My access tokens). An audit-log token (Admin > "
                 "Security > Audit > Monitor by API) works only with AuditLogSource=REST and Domain.",
                 error.nativeCode());
  }
  if (mentionsEnterprise(error.message())) {
    return Error(sqlstate::kSyntaxErrorOrAccessViolation,
                 "monday's audit log is available only on the Enterprise plan, and this account is on "
                 "another plan. (" + error.message() + ")",
                 error.nativeCode());
  }
  if (error.state() == sqlstate::kSyntaxErrorOrAccessViolation) {
    return Error(error.state(),
                 "Reading the audit log needs the personal API token of an account admin (permission "
                 "manage_account_security) on an Enterprise account. (" + error.message() + ")",
                 error.nativeCode());
  }
  return error;
}

std::shared_ptr<AuditLogApi> makeGraphqlAuditLogApi() { return std::make_shared<GraphqlAuditLogApi>(); }

}  // namespace monday::schema::auditlog
