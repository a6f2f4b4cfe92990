#pragma once
// Validated connection settings: what the rest of the driver reads. Built from the attributes of
// a connection string and/or a DSN; every check that can fail before touching the network
// happens here, with a message that names the property and what to do.

#include <chrono>
#include <string>
#include <vector>

#include "driver/common/error.h"
#include "driver/config/auth_settings.h"
#include "driver/config/connection_string.h"
#include "driver/net/http_client.h"
#include "driver/net/retry_policy.h"

namespace monday::config {

enum class AuthScheme { Token, OAuth, JWT };
enum class ApiSchema { GraphQL, AuditLog };
enum class AuditLogSource { Rest, GraphQL };

struct Settings {
  std::string dsn;     // data source name, "" for DSN-less connections
  std::string driver;  // DRIVER as the application gave it (DSN-less connections)
  AuthScheme auth_scheme = AuthScheme::Token;
  std::string api_token;  // secret
  OAuthSettings oauth;    // AuthScheme=OAuth (driver/config/auth_settings.h)
  JwtSettings jwt;        // AuthScheme=JWT
  ApiSchema schema = ApiSchema::GraphQL;
  std::string api_version;
  std::string api_url;
  std::string ssl_server_cert;
  int timeout_seconds = 60;
  int max_retries = 5;              // MaxRetries
  int max_retry_wait_seconds = 180;  // MaxRetryWait
  std::string log_file;
  int verbosity = 1;
  // StrictProperties: an unknown or repeated key, or a LogFile that cannot be written, fails the
  // connection instead of warning.
  bool strict_properties = false;
  // ProxyServer/ProxyPort/ProxyUser/ProxyPassword/ProxyExceptions; with no ProxyServer, libcurl's
  // usual environment (https_proxy, no_proxy ...) applies.
  net::ProxyOptions proxy;
  // Board tables (schema boards).
  bool board_tables_by_id = false;    // BoardTableNames=Id
  bool board_columns_by_id = false;   // BoardColumnNames=Id
  int metadata_cache_ttl_seconds = 300;  // MetadataCacheTTL
  int cache_ttl_seconds = 0;             // CacheTTL: answers of reads kept this long (0 = off)
  int cache_max_mb = 64;                 // CacheMaxMB
  int max_concurrent_requests = 4;       // MaxConcurrentRequests
  bool aggregate_pushdown = true;        // AggregatePushdown: monday's aggregate query answers GROUP BY
  int bulk_job_threshold = 0;            // BulkJobThreshold: more rows than this go as bulk jobs (0 = never)
  // Schema=AuditLog (driver/config/audit_log_settings.cpp checks them).
  std::string audit_domain;  // https://<account>.monday.com, no trailing slash; "" unless REST needs it
  AuditLogSource audit_source = AuditLogSource::Rest;
  int audit_requests_per_minute = 50;
  // ReadOnly: no statement or procedure may change monday data.
  bool read_only = false;

  // The transport options every HTTP client of this connection uses (TLS trust, proxy), with
  // the properties its messages name. Clients of another server than APIURL (the audit log's
  // Domain, OAuth's AuthURL) name theirs instead.
  net::TransportOptions transport() const {
    return {.ca_file = ssl_server_cert,
            .proxy = proxy,
            .property_names = {.url = "APIURL", .timeout = "Timeout", .ca_file = "SSLServerCert"}};
  }
  // MaxRetries and MaxRetryWait, for every client's retry policy.
  net::RetryLimits retryLimits() const {
    return {.max_retries = max_retries, .max_wait = std::chrono::seconds(max_retry_wait_seconds)};
  }

  // Non-fatal findings (unknown or repeated keys, values changed), reported as
  // SQL_SUCCESS_WITH_INFO (01S00, 01S02) and written to the log.
  std::vector<Warning> warnings;

  // The attributes the application itself gave (canonical names, input order). With the DSN
  // they reconnect to the same place; values stored only in the DSN stay out of it.
  AttributeMap given_attributes;

  // `given` comes from the connection string, `from_dsn` from odbc.ini; `given` wins.
  // Throws monday::Error: 08001 for a bad value, 28000 for missing credentials, HYC00 for a
  // feature that is not available yet.
  static Settings fromAttributes(const AttributeMap& given, const AttributeMap& from_dsn = {});

  // The output connection string of SQLDriverConnect: DSN first when there was one.
  std::string toConnectionString() const;

  // AuthScheme=OAuth with InitiateOAuth=OFF and no access token yet: the connection opens
  // without any API call, so the OAuth procedures can get a token.
  bool awaitsOAuthToken() const {
    return auth_scheme == AuthScheme::OAuth && oauth.initiate == InitiateOAuth::Off &&
           oauth.access_token.empty() && oauth.refresh_token.empty();
  }
};

}  // namespace monday::config
