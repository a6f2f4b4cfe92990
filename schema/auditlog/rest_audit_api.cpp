// The audit log through monday's REST endpoint: GET <Domain>/audit-api/get-logs?page=&per_page=
// &filters=<JSON>, answered with {"page", "per_page", "next_page", "data": [entries]} (REFERENCE §8).

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <charconv>

#include "driver/client/audit_rest_client.h"
#include "schema/auditlog/audit_api.h"

namespace monday::schema::auditlog {

namespace {

// per_page above 1000 is refused (REFERENCE §8 [P]).
constexpr int kMaxPerPage = 1000;

// The `filters` parameter: a JSON object with only the filters in use ("" when there are none).
std::string filtersJson(const AuditLogQuery& query) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  bool any = false;
  writer.StartObject();
  auto text = [&](const char* key, const std::optional<std::string>& value) {
    if (!value) return;
    writer.Key(key);
    writer.String(value->c_str(), static_cast<rapidjson::SizeType>(value->size()));
    any = true;
  };
  text("start_time", query.start_time);
  text("end_time", query.end_time);
  if (query.user_id) {
    // The entries carry user_id as a number, so the filter sends one too.
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(query.user_id->data(), query.user_id->data() + query.user_id->size(), id);
    writer.Key("user_id");
    if (ec == std::errc() && end == query.user_id->data() + query.user_id->size()) {
      writer.Int64(id);
    } else {
      writer.String(query.user_id->c_str());
    }
    any = true;
  }
  if (!query.events.empty()) {
    writer.Key("events");
    writer.StartArray();
    for (const auto& event : query.events) writer.String(event.c_str(), static_cast<rapidjson::SizeType>(event.size()));
    writer.EndArray();
    any = true;
  }
  text("ip_address", query.ip_address);
  writer.EndObject();
  return any ? std::string(buffer.GetString(), buffer.GetSize()) : std::string();
}

class RestAuditLogApi final : public AuditLogApi {
 public:
  explicit RestAuditLogApi(std::shared_ptr<client::AuditRestClient> client) : client_(std::move(client)) {}

  int maxPageSize() const override { return kMaxPerPage; }
  bool nestedUser() const override { return false; }

  AuditLogPage logs(ScanContext&, const AuditLogQuery& query, int page, int per_page, const std::string&) override {
    return readRestAuditLogPage(std::make_shared<rapidjson::Document>(client_->getLogs(page, per_page, filtersJson(query))));
  }

  Page eventCatalogue(ScanContext&) override { return documentedEventCatalogue(); }

 private:
  std::shared_ptr<client::AuditRestClient> client_;
};

}  // namespace

AuditLogPage readRestAuditLogPage(std::shared_ptr<rapidjson::Document> answer) {
  AuditLogPage out;
  out.rows.document = answer;
  for (const auto& entry : listAt(*answer, "data").GetArray()) {
    if (entry.IsObject()) out.rows.rows.push_back({&entry, nullptr});
  }
  // next_page is null (or absent) on the last page.
  if (!answer->IsObject()) return out;
  if (auto next = answer->FindMember("next_page"); next != answer->MemberEnd() && next->value.IsInt()) {
    out.next_page = next->value.GetInt();
  }
  return out;
}

std::shared_ptr<AuditLogApi> makeRestAuditLogApi(std::shared_ptr<client::AuditRestClient> client) {
  return std::make_shared<RestAuditLogApi>(std::move(client));
}

}  // namespace monday::schema::auditlog
