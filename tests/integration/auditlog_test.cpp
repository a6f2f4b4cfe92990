// Schema=AuditLog through the driver manager, for both sources: the REST audit-log API (audit
// token, Domain) and the GraphQL audit_logs queries (admin token). Filtered queries must return
// exactly the rows of a full scan filtered by SQL, their filters must reach the API (request log),
// the 50-a-minute limit must be waited out, and every wrong setup must fail with a clear message.
#include <gtest/gtest.h>

#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include "tests/integration/odbc_support.h"

using namespace monday::test;

namespace {

using Rows = std::vector<std::vector<std::optional<std::string>>>;

const char* kColumns =
    "timestamp, account_id, user_id, event, slug, ip_address, user_agent, client_name, client_version, os_name, "
    "os_version, device_name, device_type, activity_metadata";
// Total order over entries (two may share a second, even an event and a user).
const char* kOrder = "timestamp, event, user_id, ip_address, activity_metadata, user_agent";

std::string restConnectionString(const std::string& token = "sandbox-audit-token", const std::string& extra = "") {
  std::string s = "Driver=monday;Schema=AuditLog;APIToken=" + token + ";Domain=" + sandboxUrl() +
                  ";SSLServerCert=" + caFile();
  return extra.empty() ? s : s + ";" + extra;
}

std::string graphqlConnectionString(const std::string& token = "sandbox-admin-token", const std::string& extra = "") {
  std::string s = "Driver=monday;Schema=AuditLog;AuditLogSource=GraphQL;APIToken=" + token + ";APIURL=" +
                  sandboxUrl() + "/v2;SSLServerCert=" + caFile();
  return extra.empty() ? s : s + ";" + extra;
}

std::size_t collectBody(char* data, std::size_t size, std::size_t count, void* out) {
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

// GET /__sandbox/audit: the sandbox's audit settings and the number of seeded entries.
rapidjson::Document sandboxAuditInfo() {
  std::string body;
  CURL* curl = curl_easy_init();
  const std::string url = sandboxUrl() + "/__sandbox/audit";
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_CAINFO, caFile().c_str());
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collectBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
  curl_easy_perform(curl);
  curl_easy_cleanup(curl);
  rapidjson::Document d;
  d.Parse(body.c_str());
  return d;
}

void setSandboxAudit(const std::string& json) { ASSERT_EQ(sandboxControl("/__sandbox/audit", json), 200) << json; }

// Every test leaves the sandbox's audit settings as monday has them.
const char* kMondayAuditSettings = R"({"plan":"enterprise","minute_limit":50,"window_seconds":60})";

std::string text(const rapidjson::Value& object, const char* name) {
  if (!object.IsObject()) return {};
  auto it = object.FindMember(name);
  return it != object.MemberEnd() && it->value.IsString() ? it->value.GetString() : "";
}

bool isAuditRequest(const rapidjson::Document& line) {
  const std::string path = text(line, "path");
  if (path == "/audit-api/get-logs") return true;
  return path == "/v2" && text(line, "query").find("audit_logs(") != std::string::npos;
}

// What an audit request asked for: the REST query string, or the GraphQL variables as JSON text.
std::string requestedFilters(const rapidjson::Document& line) {
  if (text(line, "path") == "/audit-api/get-logs") return text(line, "query_string") + "&";
  auto variables = line.FindMember("variables");
  if (variables == line.MemberEnd() || !variables->value.IsObject()) return {};
  std::string out;
  for (const auto& member : variables->value.GetObject()) {
    out += std::string(member.name.GetString()) + "=";
    if (member.value.IsString()) out += member.value.GetString();
    else if (member.value.IsInt()) out += std::to_string(member.value.GetInt());
    else if (member.value.IsArray()) {
      for (const auto& v : member.value.GetArray()) out += std::string(v.IsString() ? v.GetString() : "") + ",";
    }
    out += "&";
  }
  return out;
}

std::vector<std::string> auditRequestsSince(std::size_t from) {
  std::vector<std::string> out;
  for (const auto& line : requestsSince(from)) {
    if (isAuditRequest(line)) out.push_back(requestedFilters(line));
  }
  return out;
}

class AuditLogSource : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    // 50 requests per 2 s instead of per minute: the limit stays in force, the suite stays fast.
    setSandboxAudit(R"({"plan":"enterprise","minute_limit":50,"window_seconds":2})");
    const std::string extra = "AuditRequestsPerMinute=1000";
    const std::string text = rest() ? restConnectionString("sandbox-audit-token", extra)
                                    : graphqlConnectionString("sandbox-admin-token", extra);
    ASSERT_TRUE(SQL_SUCCEEDED(connection_.driverConnect(text))) << describe(connection_.lastDiagnostics());
  }
  void TearDown() override {
    setSandboxAudit(kMondayAuditSettings);
    clearSandboxFaults();
  }
  bool rest() const { return GetParam() == "REST"; }

  Environment env_;
  Connection connection_{env_};
};

}  // namespace

TEST_P(AuditLogSource, FullScanReadsEverySeededEntryAtTheLargestPageSize) {
  const auto info = sandboxAuditInfo();
  ASSERT_TRUE(info.IsObject() && info.HasMember("entries"));
  const long long seeded = info["entries"].GetInt64();
  ASSERT_GT(seeded, 2000);

  const std::size_t before = requestCount();
  auto rows = query(connection_, std::string("SELECT ") + kColumns + " FROM AuditLogs");
  EXPECT_EQ(static_cast<long long>(rows.size()), seeded);
  const auto requests = auditRequestsSince(before);
  ASSERT_EQ(requests.size(), static_cast<std::size_t>((seeded + 999) / 1000));
  for (const auto& r : requests) {
    EXPECT_NE(r.find(rest() ? "per_page=1000" : "limit=1000"), std::string::npos) << r;
  }
  // Every row is complete: a time, the account, an event, a client.
  for (const auto& row : rows) {
    ASSERT_TRUE(row[0] && row[0]->size() == 19) << row[0].value_or("NULL");
    EXPECT_EQ(row[1].value_or(""), "9000001");
    EXPECT_TRUE(row[3].has_value());
    EXPECT_EQ(row[4].value_or(""), "sandbox");
    ASSERT_TRUE(row[13].has_value());
    EXPECT_EQ(row[13]->front(), '{') << *row[13];
  }
}

TEST_P(AuditLogSource, FilteredQueriesEqualTheFullScanFilteredBySql) {
  // Values to filter on, taken from the log itself.
  auto all = query(connection_, "SELECT timestamp, user_id, ip_address FROM AuditLogs ORDER BY timestamp DESC");
  ASSERT_GT(all.size(), 1000u);
  const std::string newer = all[300][0].value();
  const std::string older = all[900][0].value();
  std::string shared;  // a second with more than one entry
  for (std::size_t i = 1; i < all.size() && shared.empty(); ++i) {
    if (all[i][0] == all[i - 1][0]) shared = all[i][0].value();
  }
  ASSERT_FALSE(shared.empty());
  std::map<std::string, int> per_user;
  for (const auto& row : all) {
    if (row[1]) ++per_user[*row[1]];
  }
  const std::string user = std::max_element(per_user.begin(), per_user.end(), [](auto& a, auto& b) {
                             return a.second < b.second;
                           })->first;
  const std::string other_user = per_user.begin()->first == user ? std::next(per_user.begin())->first
                                                                 : per_user.begin()->first;
  const std::string ip = all[10][2].value();
  const std::string day = older.substr(0, 10);

  struct Case {
    std::string where;
    std::vector<std::string> pushed;  // must appear in every audit request of the filtered query
  };
  const std::vector<Case> cases = {
      {"timestamp > '" + newer + "'", {"start_time"}},
      {"timestamp >= '" + newer + "'", {"start_time"}},
      {"timestamp < '" + older + "'", {"end_time"}},
      {"timestamp <= '" + older + "'", {"end_time"}},
      {"timestamp BETWEEN '" + older + "' AND '" + newer + "'", {"start_time", "end_time"}},
      {"timestamp = '" + shared + "'", {"start_time", "end_time"}},
      {"timestamp >= '" + day + "' AND timestamp < '" + day + " 12:00'", {"start_time", "end_time"}},
      {"timestamp >= datetime('" + day + "', '-3 days')", {"start_time"}},
      {"timestamp > '" + day + "T00:00:00Z'", {}},  // not SQL's time order: left to SQLite
      {"user_id = " + user, {"user_id"}},
      {"user_id = '" + user + "'", {"user_id"}},
      {"user_id IN (" + user + ", " + other_user + ")", {"user_id"}},
      {"event = 'export-board'", {"export-board"}},
      {"event IN ('login', 'failed-login', 'user-role-change')", {"failed-login", "user-role-change"}},
      {"event = 'no-such-event'", {"no-such-event"}},
      {"ip_address = '" + ip + "'", {"ip_address"}},
      {"event = 'login' AND user_id = " + user + " AND timestamp BETWEEN '" + older + "' AND '" + newer + "'",
       {"user_id", "start_time", "end_time", "login"}},
      {"ip_address = '" + ip + "' AND event IN ('login', 'logout') AND timestamp < '" + newer + "'",
       {"ip_address", "end_time", "logout"}},
      {"user_id IS NULL", {}},
      {"event LIKE 'export%' AND timestamp >= '" + older + "'", {"start_time"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.where);
    const std::size_t before = requestCount();
    const std::string filtered = std::string("SELECT ") + kColumns + " FROM AuditLogs WHERE " + c.where +
                                 " ORDER BY " + kOrder;
    Rows got = query(connection_, filtered);
    const auto requests = auditRequestsSince(before);
    ASSERT_FALSE(requests.empty());
    for (const auto& request : requests) {
      for (const auto& word : c.pushed) EXPECT_NE(request.find(word), std::string::npos) << request;
    }
    if (c.pushed.empty()) {
      for (const auto& request : requests) {
        EXPECT_EQ(request.find("start_time"), std::string::npos) << request;
        EXPECT_EQ(request.find("user_id"), std::string::npos) << request;
      }
    }
    // The reference: every entry, filtered by SQLite alone (the CTE is materialized first).
    const std::size_t reference_start = requestCount();
    Rows expected = query(connection_, std::string("WITH everything AS MATERIALIZED (SELECT * FROM AuditLogs) ") +
                                           "SELECT " + kColumns + " FROM everything WHERE " + c.where + " ORDER BY " +
                                           kOrder);
    for (const auto& request : auditRequestsSince(reference_start)) {
      EXPECT_EQ(request.find("filters="), std::string::npos) << "the reference scan must not be filtered: " << request;
      EXPECT_EQ(request.find("start_time"), std::string::npos) << request;
    }
    EXPECT_EQ(got, expected) << got.size() << " rows filtered vs " << expected.size() << " expected";
    EXPECT_LT(got.size(), all.size());
  }
}

TEST_P(AuditLogSource, LimitSetsThePageSizeAndStopsPaging) {
  std::size_t before = requestCount();
  auto rows = query(connection_, "SELECT timestamp, event FROM AuditLogs LIMIT 5");
  EXPECT_EQ(rows.size(), 5u);
  auto requests = auditRequestsSince(before);
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_NE(requests[0].find(rest() ? "per_page=5&" : "limit=5&"), std::string::npos) << requests[0];

  // A LIMIT above the largest page: full pages, and all the rows there are.
  const auto logins = std::stoul(query(connection_, "SELECT COUNT(*) FROM AuditLogs WHERE event = 'login'")[0][0].value());
  ASSERT_LT(logins, 1500u);
  before = requestCount();
  rows = query(connection_, "SELECT timestamp FROM AuditLogs WHERE event = 'login' LIMIT 1500");
  EXPECT_EQ(rows.size(), logins);
  requests = auditRequestsSince(before);
  ASSERT_FALSE(requests.empty());
  EXPECT_NE(requests[0].find(rest() ? "per_page=1000&" : "limit=1000&"), std::string::npos) << requests[0];
}

TEST_P(AuditLogSource, EventCatalogueListsEveryLoggedEvent) {
  auto events = query(connection_, "SELECT name, description, metadata_details FROM AuditEvents ORDER BY name");
  ASSERT_GE(events.size(), 20u);
  std::set<std::string> names;
  for (const auto& row : events) {
    names.insert(row[0].value());
    EXPECT_TRUE(row[1].has_value());
    // GraphQL has monday's metadata details; the REST API has no catalogue, so none.
    EXPECT_EQ(row[2].has_value(), !rest());
  }
  for (const auto& row : query(connection_, "SELECT DISTINCT event FROM AuditLogs")) {
    EXPECT_TRUE(names.count(row[0].value())) << row[0].value();
  }
  auto joined = query(connection_,
                      "SELECT e.name, COUNT(l.event) FROM AuditEvents e LEFT JOIN AuditLogs l ON l.event = e.name "
                      "GROUP BY e.name HAVING COUNT(l.event) = 0");
  EXPECT_TRUE(joined.empty()) << "every catalogue event appears in the seeded log";
}

TEST_P(AuditLogSource, RateLimitIsWaitedOutNotReported) {
  // The waits are asserted as the driver asked for them (its log, sys_api_usage), not timed.
  const std::string log_path = runDir() + "/audit-wait-" + GetParam() + ".log";
  std::remove(log_path.c_str());
  Connection logged(env_);
  const std::string extra = "AuditRequestsPerMinute=1000;LogFile=" + log_path + ";Verbosity=2";
  ASSERT_TRUE(SQL_SUCCEEDED(logged.driverConnect(rest() ? restConnectionString("sandbox-audit-token", extra)
                                                        : graphqlConnectionString("sandbox-admin-token", extra))))
      << describe(logged.lastDiagnostics());
  const std::size_t before = requestCount();
  if (rest()) {
    // monday's 50 a minute, scaled down: 3 requests per 3 s window.
    setSandboxAudit(R"({"minute_limit":3,"window_seconds":3})");
  } else {
    // The GraphQL API's minute limit answers 429 with Retry-After; two of them in a row.
    ASSERT_EQ(sandboxControl("/__sandbox/faults",
                             R"({"kind":"rate_limit_429","count":2,"path":"/v2","retry_in_seconds":1})"),
              200);
  }
  const char* events[] = {"login", "logout", "failed-login", "export-board", "download-attachment",
                          "user-invite", "delete-board", "create-team"};
  for (const char* event : events) {
    auto rows = query(logged, std::string("SELECT COUNT(*) FROM AuditLogs WHERE event = '") + event + "'");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_GT(std::stol(rows[0][0].value()), 0) << event;
  }
  std::size_t refused = 0;
  for (const auto& line : requestsSince(before)) {
    if (line.HasMember("status") && line["status"].GetInt() == 429) ++refused;
  }
  EXPECT_GE(refused, rest() ? 1u : 2u);
  double waited_seconds = 0;
  if (rest()) {
    // "... waiting N ms before retrying page P"
    const std::string log = readFile(log_path);
    for (std::size_t at = log.find("waiting "); at != std::string::npos; at = log.find("waiting ", at + 1)) {
      if (log.compare(log.find(' ', at + 8), 4, " ms ") == 0) waited_seconds += std::atof(log.c_str() + at + 8) / 1000;
    }
  } else {
    const auto rows = query(logged, "SELECT wait_seconds FROM sys_api_usage WHERE scope = 'connection'");
    waited_seconds = std::atof(rows.at(0).at(0).value_or("0").c_str());
  }
  EXPECT_GE(waited_seconds, 1.0) << "the driver must have asked to wait";
}

TEST_P(AuditLogSource, BothSourcesReturnTheSameLog) {
  Environment env;
  Connection other(env);
  const std::string text = rest() ? graphqlConnectionString("sandbox-admin-token", "AuditRequestsPerMinute=1000")
                                  : restConnectionString("sandbox-audit-token", "AuditRequestsPerMinute=1000");
  ASSERT_TRUE(SQL_SUCCEEDED(other.driverConnect(text))) << describe(other.lastDiagnostics());
  const std::string sql = std::string("SELECT ") + kColumns + " FROM AuditLogs WHERE timestamp >= '2026-09-01' ORDER BY " + kOrder;
  auto mine = query(connection_, sql);
  auto theirs = query(other, sql);
  EXPECT_GT(mine.size(), 100u);
  EXPECT_EQ(mine, theirs);
  // Only GraphQL names the user.
  auto names = query(connection_, "SELECT COUNT(*) FROM AuditLogs WHERE user_id IS NOT NULL AND user_name IS NOT NULL "
                                  "AND user_email LIKE '%@%' AND timestamp >= '2026-09-01'");
  EXPECT_EQ(names[0][0].value() != "0", !rest());
}

INSTANTIATE_TEST_SUITE_P(Sources, AuditLogSource, ::testing::Values("REST", "GraphQL"),
                         [](const auto& test_info) { return test_info.param; });

// ---- Connecting wrong: each failure says what to change. ----

namespace {

Diagnostic connectFailure(const std::string& connection_string) {
  Environment env;
  Connection connection(env);
  SQLRETURN rc = connection.driverConnect(connection_string);
  EXPECT_FALSE(SQL_SUCCEEDED(rc)) << connection_string;
  EXPECT_FALSE(connection.lastDiagnostics().empty());
  return connection.lastDiagnostics().empty() ? Diagnostic{} : connection.lastDiagnostics().front();
}

class AuditLogConnectErrors : public ::testing::Test {
 protected:
  void TearDown() override { setSandboxAudit(kMondayAuditSettings); }
};

}  // namespace

TEST_F(AuditLogConnectErrors, PersonalTokenOnTheRestApiNamesTheAuditToken) {
  const auto d = connectFailure(restConnectionString("sandbox-admin-token"));
  EXPECT_EQ(d.state, "28000");
  EXPECT_NE(d.message.find("audit-log token"), std::string::npos) << d.message;
  EXPECT_NE(d.message.find("Monitor by API"), std::string::npos) << d.message;
  EXPECT_NE(d.message.find("AuditLogSource=GraphQL"), std::string::npos) << d.message;
  EXPECT_EQ(d.message.find("sandbox-admin-token"), std::string::npos) << "never echo the token";
}

TEST_F(AuditLogConnectErrors, AuditTokenOnTheGraphqlApiNamesThePersonalToken) {
  const auto d = connectFailure(graphqlConnectionString("sandbox-audit-token"));
  EXPECT_EQ(d.state, "28000");
  EXPECT_NE(d.message.find("personal API token of an account admin"), std::string::npos) << d.message;
  EXPECT_NE(d.message.find("AuditLogSource=REST"), std::string::npos) << d.message;
  EXPECT_EQ(d.message.find("sandbox-audit-token"), std::string::npos) << "never echo the token";
}

TEST_F(AuditLogConnectErrors, MissingDomainSaysWhatToSet) {
  const auto d = connectFailure("Driver=monday;Schema=AuditLog;APIToken=sandbox-audit-token;SSLServerCert=" + caFile());
  EXPECT_EQ(d.state, "08001");
  EXPECT_NE(d.message.find("Domain"), std::string::npos) << d.message;
  EXPECT_NE(d.message.find("https://myaccount.monday.com"), std::string::npos) << d.message;
}

TEST_F(AuditLogConnectErrors, WrongDomainIsNotFound) {
  const auto d = connectFailure("Driver=monday;Schema=AuditLog;APIToken=sandbox-audit-token;Domain=" + sandboxUrl() +
                                "/elsewhere;SSLServerCert=" + caFile());
  EXPECT_EQ(d.state, "08001");
  EXPECT_NE(d.message.find("Check Domain"), std::string::npos) << d.message;
}

TEST_F(AuditLogConnectErrors, MissingTokenNamesTheTokenTheSourceNeeds) {
  auto d = connectFailure("Driver=monday;Schema=AuditLog;Domain=" + sandboxUrl() + ";SSLServerCert=" + caFile());
  EXPECT_EQ(d.state, "28000");
  EXPECT_NE(d.message.find("audit-log token"), std::string::npos) << d.message;
  d = connectFailure("Driver=monday;Schema=AuditLog;AuditLogSource=GraphQL;APIURL=" + sandboxUrl() +
                     "/v2;SSLServerCert=" + caFile());
  EXPECT_EQ(d.state, "28000");
  EXPECT_NE(d.message.find("account admin"), std::string::npos) << d.message;
}

TEST_F(AuditLogConnectErrors, NonEnterpriseAccountIsRefusedForBothSources) {
  setSandboxAudit(R"({"plan":"pro"})");
  for (const auto& text : {restConnectionString(), graphqlConnectionString()}) {
    const auto d = connectFailure(text);
    EXPECT_EQ(d.state, "42000") << text;
    EXPECT_NE(d.message.find("only on the Enterprise plan"), std::string::npos) << d.message;
  }
}

TEST_F(AuditLogConnectErrors, MemberTokenOnGraphqlNeedsAnAdmin) {
  const auto d = connectFailure(graphqlConnectionString("sandbox-member-token"));
  EXPECT_EQ(d.state, "42000");
  EXPECT_NE(d.message.find("account admin"), std::string::npos) << d.message;
}

TEST_F(AuditLogConnectErrors, OAuthCannotReadTheAuditLog) {
  for (const auto& text : {restConnectionString("x", "AuthScheme=OAuth"),
                           graphqlConnectionString("x", "AuthScheme=OAuth")}) {
    const auto d = connectFailure(text);
    EXPECT_EQ(d.state, "08001") << d.message;
    EXPECT_NE(d.message.find("only with AuthScheme=Token"), std::string::npos) << d.message;
  }
}

TEST_F(AuditLogConnectErrors, GraphqlSourceNeedsApiVersion202507) {
  const auto d = connectFailure(graphqlConnectionString("sandbox-admin-token", "APIVersion=2025-04"));
  EXPECT_EQ(d.state, "08001");
  EXPECT_NE(d.message.find("2025-07"), std::string::npos) << d.message;
}

// The GraphQL schema offers the same catalogue as a table, so an analyst on an ordinary
// connection needs no Schema=AuditLog one to read it; a member's token is refused, not empty.
TEST(AuditEventCatalogue, TheGraphqlSchemasTableEqualsTheAuditSchemasCatalogue) {
  Environment env;
  Connection audit(env), graphql(env), member(env);
  ASSERT_TRUE(SQL_SUCCEEDED(audit.driverConnect(graphqlConnectionString()))) << describe(audit.lastDiagnostics());
  ASSERT_TRUE(SQL_SUCCEEDED(graphql.connectDsn("monday-sandbox"))) << describe(graphql.lastDiagnostics());
  const auto expected = query(audit, "SELECT name, description, metadata_details FROM AuditEvents ORDER BY name");
  ASSERT_GE(expected.size(), 20u);
  EXPECT_EQ(query(graphql, "SELECT name, description, metadata_details FROM AuditEventCatalogue ORDER BY name"), expected);

  ASSERT_TRUE(SQL_SUCCEEDED(member.connectDsn("monday-sandbox-member"))) << describe(member.lastDiagnostics());
  Statement statement(member);
  EXPECT_FALSE(SQL_SUCCEEDED(statement.execDirect("SELECT name FROM AuditEventCatalogue")));
  const auto d = statement.diagnostics();
  ASSERT_FALSE(d.empty());
  EXPECT_NE(d.front().message.find("admin"), std::string::npos) << d.front().message;
}
