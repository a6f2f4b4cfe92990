#include "driver/config/properties.h"

#include <array>
#include <string>

#include "driver/config/connection_string.h"
#include "driver/config/settings.h"

namespace monday::config {

namespace {

// People paste the host with a slash; the endpoints are appended to it.
std::string withoutTrailingSlashes(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

const std::vector<PropertyDef>& registry() {
  static const std::vector<PropertyDef> properties = {
      {.name = "AuthScheme",
       .aliases = {},
       .kind = PropertyKind::Choice,
       .default_value = "Token",
       .choices = {"Token", "OAuth", "JWT"},
       .description = "How the driver authenticates. Token: a monday personal API token in APIToken. "
                      "OAuth: your monday OAuth app (OAuthClientId, InitiateOAuth ...). JWT: the "
                      "shortLivedToken of a JWT monday sent to your app (JWTToken, JWTSigningSecret).",
       .bind = [](Settings& s, const std::string& v) {
         s.auth_scheme = v == "OAuth" ? AuthScheme::OAuth : v == "JWT" ? AuthScheme::JWT : AuthScheme::Token;
       },
       .prompt = "Authentication"},
      {.name = "APIToken",
       .aliases = {"Token", "PWD"},
       .kind = PropertyKind::Secret,
       .default_value = "",
       .description =
           "Your monday API token (Developer Center > My access tokens). PWD is accepted as an "
           "alias so tools that ask for a password work. Never logged.",
       .bind = [](Settings& s, const std::string& v) { s.api_token = v; },
       .required_when = {{"AuthScheme", {"Token"}}},
       .needed = "your monday API token (monday: avatar > Developers > My access tokens), in the connection "
                  "string or the DSN",
       .credential = true,
       .prompt = "API token"},
      // AuthScheme=OAuth and JWT (driver/auth/). Every Secret may also be given as env:NAME or
      // file:PATH (driver/config/secret_reference.h).
      {.name = "InitiateOAuth",
       .aliases = {},
       .kind = PropertyKind::Choice,
       .default_value = "OFF",
       .choices = {"OFF", "GETANDREFRESH", "REFRESH"},
       .description = "AuthScheme=OAuth: OFF uses OAuthAccessToken as given (or none yet, for the "
                      "OAuth procedures). GETANDREFRESH uses the tokens saved in "
                      "OAuthSettingsLocation, refreshing them, and opens the browser to authorize "
                      "when there are none. REFRESH only uses and refreshes saved tokens (or "
                      "exchanges OAuthVerifier) and never opens a browser: for headless machines.",
       .bind = [](Settings& s, const std::string& v) {
         s.oauth.initiate = v == "GETANDREFRESH" ? InitiateOAuth::GetAndRefresh
             : v == "REFRESH" ? InitiateOAuth::Refresh
             : InitiateOAuth::Off;
       },
       .used_when = {{"AuthScheme", {"OAuth"}}},
       .required_when = {{"AuthScheme", {"OAuth"}}, {"OAuthAccessToken", {""}}},
       .prompt = "Initiate OAuth"},
      {.name = "OAuthClientId",
       .aliases = {"ClientId"},
       .kind = PropertyKind::Text,
       .default_value = "",
       .description = "Client ID of your monday OAuth app (Developer Center > your app > Basic "
                      "information).",
       .bind = [](Settings& s, const std::string& v) { s.oauth.client_id = v; },
       .used_when = {{"AuthScheme", {"OAuth"}}},
       .required_when = {{"AuthScheme", {"OAuth"}}, {"InitiateOAuth", {"GETANDREFRESH", "REFRESH"}}},
       .needed = "the Client ID of your monday OAuth app (Developer Center > your app > Basic information)",
       .credential = true,
       .prompt = "OAuth client ID"},
      {.name = "OAuthClientSecret",
       .aliases = {"ClientSecret"},
       .kind = PropertyKind::Secret,
       .default_value = "",
       .description = "Client secret of your monday OAuth app. Never logged; give it as "
                      "env:NAME or file:PATH to keep it out of the DSN.",
       .bind = [](Settings& s, const std::string& v) { s.oauth.client_secret = v; },
       .used_when = {{"AuthScheme", {"OAuth"}}},
       .required_when = {{"AuthScheme", {"OAuth"}}, {"InitiateOAuth", {"GETANDREFRESH", "REFRESH"}}},
       .needed = "the Client secret of your monday OAuth app (Developer Center > your app > Basic information)",
       .credential = true,
       .prompt = "OAuth client secret"},
      {.name = "OAuthFlow",
       .aliases = {},
       .kind = PropertyKind::Choice,
       .default_value = "Classic",
       .choices = {"Classic", "OAuth2.1"},
       .description = "Which monday OAuth flow your app version uses. Classic: /oauth2/token, a "
                      "long-lived token. OAuth2.1 (the app's \"New OAuth flow\" toggle): "
                      "/oauth_ms/oauth/token, PKCE, expiring access tokens and rotating refresh "
                      "tokens.",
       .bind = [](Settings& s, const std::string& v) {
         s.oauth.flow = v == "OAuth2.1" ? OAuthFlow::OAuth21 : OAuthFlow::Classic;
       },
       .used_when = {{"AuthScheme", {"OAuth"}}}},
      {.name = "CallbackURL",
       .aliases = {"RedirectURI"},
       .kind = PropertyKind::Text,
       .default_value = "http://localhost:33333/callback",
       .description = "Redirect URL registered in your monday app (OAuth > Redirect URLs), compared "
                      "exactly. For InitiateOAuth=GETANDREFRESH it must be http://localhost, "
                      "127.0.0.1 or [::1] with a port: the driver listens there, on loopback only.",
       .bind = [](Settings& s, const std::string& v) { s.oauth.callback_url = v; },
       .used_when = {{"AuthScheme", {"OAuth"}}}},
      {.name = "Scope",
       .aliases = {"OAuthScope"},
       .kind = PropertyKind::Text,
       .default_value = "",
       .description = "Space-separated monday scopes to request (e.g. me:read boards:read). Empty: "
                      "every scope configured for the app.",
       .bind = [](Settings& s, const std::string& v) { s.oauth.scope = v; },
       .used_when = {{"AuthScheme", {"OAuth"}}}},
      {.name = "AuthURL",
       .aliases = {"OAuthServerURL"},
       .kind = PropertyKind::Url,
       .default_value = "https://auth.monday.com",
       .description = "monday's OAuth host (authorize and token endpoints). Only change it to reach "
                      "the local sandbox or a proxy.",
       .bind = [](Settings& s, const std::string& v) { s.oauth.auth_url = withoutTrailingSlashes(v); },
       .used_when = {{"AuthScheme", {"OAuth"}}}},
      {.name = "OAuthAccessToken",
       .aliases = {},
       .kind = PropertyKind::Secret,
       .default_value = "",
       .description = "InitiateOAuth=OFF: an OAuth access token your application obtained (sent as "
                      "Bearer). Never logged.",
       .bind = [](Settings& s, const std::string& v) { s.oauth.access_token = v; },
       .used_when = {{"AuthScheme", {"OAuth"}}}},
      {.name = "OAuthRefreshToken",
       .aliases = {},
       .kind = PropertyKind::Secret,
       .default_value = "",
       .description = "InitiateOAuth=OFF with OAuthFlow=OAuth2.1: the refresh token that goes with "
                      "OAuthAccessToken, used when it expires (the new tokens stay in memory). "
                      "Never logged.",
       .bind = [](Settings& s, const std::string& v) { s.oauth.refresh_token = v; },
       .used_when = {{"AuthScheme", {"OAuth"}}}},
      {.name = "OAuthVerifier",
       .aliases = {},
       .kind = PropertyKind::Secret,
       .default_value = "",
       .description = "Headless authorization: the code parameter of the redirect after you "
                      "approved in a browser elsewhere. The driver exchanges it once, saves the "
                      "tokens to OAuthSettingsLocation and connects. Never logged.",
       .bind = [](Settings& s, const std::string& v) { s.oauth.verifier = v; },
       .used_when = {{"AuthScheme", {"OAuth"}}}},
      {.name = "OAuthCodeVerifier",
       .aliases = {"CodeVerifier"},
       .kind = PropertyKind::Secret,
       .default_value = "",
       .description = "With OAuthVerifier and OAuthFlow=OAuth2.1: the PKCE code verifier that "
                      "GetOAuthAuthorizationURL returned with the authorization URL.",
       .bind = [](Settings& s, const std::string& v) { s.oauth.code_verifier = v; },
       .used_when = {{"AuthScheme", {"OAuth"}}}},
      {.name = "OAuthSettingsLocation",
       .aliases = {},
       .kind = PropertyKind::Path,
       .default_value = "",
       .description = "Encrypted file (AES-256-GCM) where the driver keeps OAuth tokens. Default: "
                      "$XDG_CONFIG_HOME/monday-odbc/oauth-<OAuthClientId>.settings "
                      "(~/.config/... without XDG_CONFIG_HOME).",
       .bind = [](Settings& s, const std::string& v) { s.oauth.settings_location = v; },
       .used_when = {{"AuthScheme", {"OAuth"}}}},
      {.name = "OAuthSettingsKey",
       .aliases = {},
       .kind = PropertyKind::Secret,
       .default_value = "",
       .description = "Key of the settings file: 64 hex digits (openssl rand -hex 32), best as "
                      "env:NAME or file:PATH. Default: environment variable "
                      "MONDAY_ODBC_SETTINGS_KEY, else the per-user key file "
                      "~/.config/monday-odbc/settings.key (created with mode 0600).",
       .bind = [](Settings& s, const std::string& v) { s.oauth.settings_key = v; },
       .used_when = {{"AuthScheme", {"OAuth"}}}},
      {.name = "OAuthAuthorizationTimeout",
       .aliases = {},
       .kind = PropertyKind::Integer,
       .default_value = "300",
       .min_value = 5,
       .max_value = 3600,
       .description = "InitiateOAuth=GETANDREFRESH: seconds to wait for you to approve in the "
                      "browser before the connection fails.",
       .bind = [](Settings& s, const std::string& v) { s.oauth.authorization_timeout_seconds = std::stoi(v); },
       .used_when = {{"AuthScheme", {"OAuth"}}}},
      {.name = "JWTToken",
       .aliases = {"JWT"},
       .kind = PropertyKind::Secret,
       .default_value = "",
       .description = "AuthScheme=JWT: the JWT monday sent to your app endpoint (its Authorization "
                      "header, with or without Bearer). Never logged.",
       .bind = [](Settings& s, const std::string& v) { s.jwt.token = v; },
       .used_when = {{"AuthScheme", {"JWT"}}},
       .required_when = {{"AuthScheme", {"JWT"}}},
       .needed = "the JWT monday sent to your app endpoint in its Authorization header",
       .credential = true,
       .prompt = "JWT from monday"},
      {.name = "JWTSigningSecret",
       .aliases = {"SigningSecret"},
       .kind = PropertyKind::Secret,
       .default_value = "",
       .description = "AuthScheme=JWT: your app's Signing Secret, to verify the JWT (HS256). Never "
                      "logged.",
       .bind = [](Settings& s, const std::string& v) { s.jwt.signing_secret = v; },
       .used_when = {{"AuthScheme", {"JWT"}}},
       .required_when = {{"AuthScheme", {"JWT"}}},
       .needed = "your app's Signing Secret (Developer Center > your app > Basic information), to verify the JWT",
       .credential = true,
       .prompt = "App signing secret"},
      {.name = "JWTAudience",
       .aliases = {},
       .kind = PropertyKind::Text,
       .default_value = "",
       .description = "AuthScheme=JWT: when set, the JWT's aud claim must equal it (your endpoint's "
                      "URL).",
       .bind = [](Settings& s, const std::string& v) { s.jwt.audience = v; },
       .used_when = {{"AuthScheme", {"JWT"}}}},
      {.name = "Schema",
       .aliases = {},
       .kind = PropertyKind::Choice,
       .default_value = "GraphQL",
       .choices = {"GraphQL", "AuditLog"},
       .description = "Which monday API the tables come from. GraphQL: the platform API (boards, "
                      "items, users ...). AuditLog: the account's audit log (tables AuditLogs and "
                      "AuditEvents; Enterprise plan, see Domain and AuditLogSource).",
       .bind = [](Settings& s, const std::string& v) {
         s.schema = v == "AuditLog" ? ApiSchema::AuditLog : ApiSchema::GraphQL;
       },
       .prompt = "Schema"},
      {.name = "Domain",
       .aliases = {"URL"},
       .kind = PropertyKind::Url,
       .default_value = "",
       .description = "Schema=AuditLog: your account's URL, https://<account>.monday.com (the address "
                      "monday shows in the browser). The audit-log API lives under it.",
       .bind = [](Settings& s, const std::string& v) { s.audit_domain = v; },
       .used_when = {{"Schema", {"AuditLog"}}, {"AuditLogSource", {"REST"}}},
       .required_when = {{"Schema", {"AuditLog"}}, {"AuditLogSource", {"REST"}}},
       .needed = "your account's URL, for example Domain=https://myaccount.monday.com (the address monday "
                  "shows in the browser); the audit-log API lives under it",
       .prompt = "Account URL"},
      {.name = "AuditLogSource",
       .aliases = {},
       .kind = PropertyKind::Choice,
       .default_value = "REST",
       .choices = {"REST", "GraphQL"},
       .description = "Schema=AuditLog: where the audit log comes from. REST: monday's audit-log API "
                      "at Domain, with APIToken = the audit-log token (Admin > Security > Audit > "
                      "Monitor by API). GraphQL: the audit_logs queries of the platform API "
                      "(2025-07 and later), with APIToken = an account admin's personal API token.",
       .bind = [](Settings& s, const std::string& v) {
         s.audit_source = v == "GraphQL" ? AuditLogSource::GraphQL : AuditLogSource::Rest;
       }},
      {.name = "AuditRequestsPerMinute",
       .aliases = {},
       .kind = PropertyKind::Integer,
       .default_value = "50",
       .min_value = 1,
       .max_value = 1000,
       .description = "Schema=AuditLog with AuditLogSource=REST: requests per minute the driver allows "
                      "itself against the audit-log API (monday allows 50). Lower it when another "
                      "tool reads the audit log with the same token; the driver waits rather than "
                      "fails when the limit is reached.",
       .bind = [](Settings& s, const std::string& v) { s.audit_requests_per_minute = std::stoi(v); }},
      {.name = "APIVersion",
       .aliases = {"API-Version"},
       .kind = PropertyKind::Text,
       .default_value = "2026-10",
       .description = "monday API version sent as the API-Version header (YYYY-MM).",
       .bind = [](Settings& s, const std::string& v) { s.api_version = v; }},
      {.name = "APIURL",
       .aliases = {"GraphQLURL"},
       .kind = PropertyKind::Url,
       .default_value = "https://api.monday.com/v2",
       .description = "GraphQL endpoint. Only change it to reach a proxy or the local sandbox.",
       .bind = [](Settings& s, const std::string& v) { s.api_url = v; }},
      {.name = "SSLServerCert",
       .aliases = {"CAFile"},
       .kind = PropertyKind::Path,
       .default_value = "",
       .description = "PEM file with the certificate or CA to trust instead of the system store. "
                      "TLS verification is always on.",
       .bind = [](Settings& s, const std::string& v) { s.ssl_server_cert = v; }},
      {.name = "Timeout",
       .aliases = {},
       .kind = PropertyKind::Integer,
       .default_value = "60",
       .min_value = 1,
       .max_value = 3600,
       .description = "Seconds to wait for one HTTP request before failing with HYT00.",
       .bind = [](Settings& s, const std::string& v) { s.timeout_seconds = std::stoi(v); }},
      {.name = "MaxRetries",
       .aliases = {},
       .kind = PropertyKind::Integer,
       .default_value = "5",
       .min_value = 0,
       .max_value = 50,
       .description = "How many times one API call is sent again after monday answers with a rate "
                      "limit (429: complexity budget, concurrency, per-field, IP or minute limit), a lock "
                      "(423) or a transient server error. Changes (mutations) are resent only after rate-"
                      "limit answers that say monday ran none of them. 0: fail at once.",
       .bind = [](Settings& s, const std::string& v) { s.max_retries = std::stoi(v); }},
      {.name = "MaxRetryWait",
       .aliases = {},
       .kind = PropertyKind::Integer,
       .default_value = "180",
       .min_value = 0,
       .max_value = 3600,
       .description = "Most seconds one API call may spend waiting for monday's limits: before "
                      "sending, so the per-minute complexity budget is not exhausted, and before "
                      "each retry. When a wait would exceed it the call fails (or is sent without "
                      "waiting) with a message that says how long monday asked to wait.",
       .bind = [](Settings& s, const std::string& v) { s.max_retry_wait_seconds = std::stoi(v); }},
      {.name = "BoardTableNames",
       .aliases = {},
       .kind = PropertyKind::Choice,
       .default_value = "Name",
       .choices = {"Name", "Id"},
       .description = "How board tables (schema boards) are named. Name: the board's name (a name "
                      "several boards share gets _<board id> on all but the oldest). Id: "
                      "board_<board id>, stable even when boards are renamed.",
       .bind = [](Settings& s, const std::string& v) { s.board_tables_by_id = v == "Id"; }},
      {.name = "BoardColumnNames",
       .aliases = {},
       .kind = PropertyKind::Choice,
       .default_value = "Title",
       .choices = {"Title", "Id"},
       .description = "How a board table's columns are named. Title: the column title in "
                      "lower_snake_case (due_date). Id: the monday column id (date4).",
       .bind = [](Settings& s, const std::string& v) { s.board_columns_by_id = v == "Id"; }},
      {.name = "MetadataCacheTTL",
       .aliases = {},
       .kind = PropertyKind::Integer,
       .default_value = "300",
       .min_value = 0,
       .max_value = 86400,
       .description = "Seconds the driver keeps the list of boards and their columns (board tables, "
                      "SQLTables/SQLColumns) before fetching it again. 0: fetch on every catalog call "
                      "and for every new board table.",
       .bind = [](Settings& s, const std::string& v) { s.metadata_cache_ttl_seconds = std::stoi(v); }},
      {.name = "CacheTTL",
       .aliases = {},
       .kind = PropertyKind::Integer,
       .default_value = "0",
       .min_value = 0,
       .max_value = 86400,
       .description = "Seconds an answer of a read is kept and reused for an identical request (a dashboard "
                      "that refreshes the same charts). 0 (the default): off, every query asks monday. Shared by "
                      "the connections of the process with the same token; any INSERT, UPDATE, DELETE or "
                      "changing procedure through one of them empties it. sys_cache shows it; EXEC ClearCache "
                      "empties it.",
       .bind = [](Settings& s, const std::string& v) { s.cache_ttl_seconds = std::stoi(v); }},
      {.name = "CacheMaxMB",
       .aliases = {},
       .kind = PropertyKind::Integer,
       .default_value = "64",
       .min_value = 1,
       .max_value = 4096,
       .description = "Most memory the CacheTTL cache may use, in MB; the least recently used answers go first.",
       .bind = [](Settings& s, const std::string& v) { s.cache_max_mb = std::stoi(v); }},
      {.name = "MaxConcurrentRequests",
       .aliases = {},
       .kind = PropertyKind::Integer,
       .default_value = "4",
       .min_value = 1,
       .max_value = 40,
       .description = "Most requests one scan keeps in flight: the groups of a large board, or the boards of an "
                      "Items, ColumnValues, Subitems or Updates scan, are read side by side, and the next page is fetched while the application reads "
                      "the current one. 40 is monday's concurrency limit for its smallest plans; the per-minute "
                      "complexity budget is shared by all of them. 1: one request at a time, no read-ahead.",
       .bind = [](Settings& s, const std::string& v) { s.max_concurrent_requests = std::stoi(v); }},
      {.name = "AggregatePushdown",
       .aliases = {},
       .kind = PropertyKind::Boolean,
       .default_value = "true",
       .description = "Whether COUNT/SUM/AVG/MIN/MAX over a board table (grouped by columns monday can group by) "
                      "are computed by monday's aggregate query, one request instead of reading every item. Only "
                      "shapes whose answer is exactly the one a full read gives are sent; sys_last_query shows "
                      "which. false: always read the items and aggregate locally.",
       .bind = [](Settings& s, const std::string& v) { s.aggregate_pushdown = v == "true"; }},
      {.name = "BulkJobThreshold",
       .aliases = {},
       .kind = PropertyKind::Integer,
       .default_value = "0",
       .min_value = 0,
       .max_value = 1000000,
       .description = "A DELETE, or an UPDATE … SET state = 'archived', of more items than this goes to monday as "
                      "one asynchronous bulk job per board (bulk_delete_items / bulk_archive_items) instead of "
                      "aliased calls; the statement returns when the jobs have ended, counts the items they "
                      "changed and lists the ones they could not as warnings. 0 (the default): never. Subitems are "
                      "never sent as jobs.",
       .bind = [](Settings& s, const std::string& v) { s.bulk_job_threshold = std::stoi(v); }},
      {.name = "ProxyServer",
       .aliases = {},
       .kind = PropertyKind::Text,
       .default_value = "",
       .description = "A proxy for every request (host name, or http://host:port). Empty: the usual "
                      "environment variables apply (https_proxy, HTTPS_PROXY, all_proxy, no_proxy). "
                      "https requests pass through it as CONNECT tunnels, so TLS stays end to end.",
       .bind = [](Settings& s, const std::string& v) { s.proxy.server = v; }},
      {.name = "ProxyPort",
       .aliases = {},
       .kind = PropertyKind::Integer,
       .default_value = "0",
       .min_value = 0,
       .max_value = 65535,
       .description = "The proxy's port; 0: the one in ProxyServer, else 1080.",
       .bind = [](Settings& s, const std::string& v) { s.proxy.port = std::stoi(v); }},
      {.name = "ProxyUser",
       .aliases = {},
       .kind = PropertyKind::Text,
       .default_value = "",
       .description = "User name for a proxy that asks for credentials.",
       .bind = [](Settings& s, const std::string& v) { s.proxy.user = v; }},
      {.name = "ProxyPassword",
       .aliases = {},
       .kind = PropertyKind::Secret,
       .default_value = "",
       .description = "Password for ProxyUser. Never logged or shown; env:NAME and file:PATH work.",
       .bind = [](Settings& s, const std::string& v) { s.proxy.password = v; }},
      {.name = "ProxyExceptions",
       .aliases = {},
       .kind = PropertyKind::Text,
       .default_value = "",
       .description = "Hosts reached without the proxy, comma separated (e.g. localhost,127.0.0.1); * "
                      "for all. Overrides no_proxy.",
       .bind = [](Settings& s, const std::string& v) { s.proxy.exceptions = v; }},
      {.name = "LogFile",
       .aliases = {},
       .kind = PropertyKind::Path,
       .default_value = "",
       .description = "Append a driver log (requests, timings, retries; secrets redacted) to this file.",
       .bind = [](Settings& s, const std::string& v) { s.log_file = v; }},
      {.name = "Verbosity",
       .aliases = {"LogLevel"},
       .kind = PropertyKind::Integer,
       .default_value = "1",
       .min_value = 0,
       .max_value = 5,
       .description = "Log detail. 0: errors only. 1: one line per request (operation, status, time, cost). "
                      "2: also plans, waits and retries. 3: also each GraphQL document and its variables as "
                      "sent (what you typed is data and appears; tokens and secrets never do). 4 and 5 "
                      "(other drivers' most detailed levels) mean 3, with a 01S02 warning.",
       .bind = [](Settings& s, const std::string& v) { s.verbosity = std::stoi(v); }},
      {.name = "StrictProperties",
       .aliases = {},
       .kind = PropertyKind::Boolean,
       .default_value = "false",
       .description = "true: an unknown or repeated connection property, or a LogFile that cannot be "
                      "written, fails the connection (08001) instead of giving a warning.",
       .bind = [](Settings& s, const std::string& v) { s.strict_properties = v == "true"; }},
      {.name = "ReadOnly",
       .aliases = {},
       .kind = PropertyKind::Boolean,
       .default_value = "false",
       .description = "true: refuse every statement and procedure that would change monday data "
                      "(INSERT, UPDATE, DELETE, DuplicateItem, ArchiveBoard, mutations in "
                      "ExecuteGraphQL ...).",
       .bind = [](Settings& s, const std::string& v) { s.read_only = v == "true"; }},
  };
  return properties;
}

constexpr std::array<std::string_view, 9> kIgnoredKeys = {
    "DSN", "Driver", "FileDSN", "SaveFile", "Description", "UID", "Trace", "TraceFile", "Threading"};

}  // namespace

std::span<const PropertyDef> propertyRegistry() { return registry(); }

const PropertyDef* findProperty(std::string_view name) {
  for (const auto& def : registry()) {
    if (equalsIgnoreCase(def.name, name)) return &def;
    for (auto alias : def.aliases) {
      if (equalsIgnoreCase(alias, name)) return &def;
    }
  }
  return nullptr;
}

bool isIgnoredKey(std::string_view name) {
  for (auto key : kIgnoredKeys) {
    if (equalsIgnoreCase(key, name)) return true;
  }
  return false;
}

PropertyValue propertyValue(const AttributeMap& attributes, const PropertyDef& def) {
  for (const auto& item : attributes.items()) {
    // An empty value (APIToken=) is the same as none: the ODBC way of clearing a DSN's value.
    if (!item.value.empty() && findProperty(item.key) == &def) return {item.value, true};
  }
  return {std::string(def.default_value), false};
}

bool holds(const Condition& condition, const AttributeMap& attributes) {
  for (const auto& term : condition) {
    const PropertyDef* def = findProperty(term.property);
    const std::string value = def ? propertyValue(attributes, *def).value : std::string();
    bool matched = false;
    for (auto wanted : term.values) matched = matched || equalsIgnoreCase(wanted, value);
    if (!matched) return false;
  }
  return true;
}

std::vector<std::string> browseRequests(const AttributeMap& attributes) {
  std::vector<std::string> requests;
  for (const auto& def : registry()) {
    if (def.prompt.empty() || !holds(def.used_when, attributes) || propertyValue(attributes, def).given) continue;
    const bool required = !def.required_when.empty() && holds(def.required_when, attributes);
    std::string request = required ? "" : "*";
    request.append(def.name).append(":").append(def.prompt).append("=");
    if (def.choices.empty()) {
      request += "?";
    } else {
      request += "{";
      for (std::size_t i = 0; i < def.choices.size(); ++i) request.append(i ? "," : "").append(def.choices[i]);
      request += "}";
    }
    requests.push_back(std::move(request));
  }
  return requests;
}

}  // namespace monday::config
