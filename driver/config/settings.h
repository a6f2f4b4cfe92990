#pragma once
// Validated connection settings: what the rest of the driver reads. Built from the attributes of
// a connection string and/or a DSN; every check that can fail before touching the network
// happens here, with a message that names the property and what to do.

#include <string>
#include <vector>

#include "driver/common/error.h"
#include "driver/config/connection_string.h"

namespace monday::config {

enum class AuthScheme { Token };
enum class ApiSchema { GraphQL, AuditLog };

struct Settings {
  std::string dsn;  // data source name, "" for DSN-less connections
  AuthScheme auth_scheme = AuthScheme::Token;
  std::string api_token;  // secret
  ApiSchema schema = ApiSchema::GraphQL;
  std::string api_version;
  std::string api_url;
  std::string ssl_server_cert;
  int timeout_seconds = 60;
  std::string log_file;
  int verbosity = 1;

  // Non-fatal findings (unknown keys), reported as SQL_SUCCESS_WITH_INFO / 01S00.
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
};

}  // namespace monday::config
