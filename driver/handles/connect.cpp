// SQLConnect, SQLDriverConnect and SQLDisconnect bodies.

#include <algorithm>

#include "driver/common/error.h"
#include "driver/config/dsn.h"
#include "driver/config/properties.h"
#include "driver/engine/session.h"
#include "driver/handles/connection.h"
#include "driver/handles/descriptor.h"
#include "driver/handles/statement.h"
#include "driver/log/logger.h"

namespace monday::handles {

namespace {

constexpr SQLUINTEGER kMaxTimeoutSeconds = 3600;

config::AttributeMap dsnAttributes(std::string_view dsn, const config::AttributeMap* override_map) {
  if (dsn.empty()) return {};
  if (override_map) return *override_map;
  return config::readDsn(dsn);
}

}  // namespace

ResolvedConnection resolveConnectionString(std::string_view connection_string,
                                           const config::AttributeMap* dsn_override) {
  config::AttributeMap given = config::parseConnectionString(connection_string);
  // DSN and DRIVER: whichever comes first decides; the other is ignored (ODBC SQLDriverConnect).
  for (const auto& item : given.items()) {
    if (config::equalsIgnoreCase(item.key, "DRIVER")) {
      given.remove("DSN");
      break;
    }
    if (config::equalsIgnoreCase(item.key, "DSN")) {
      given.remove("DRIVER");
      break;
    }
  }
  // Perl's DBD::ODBC appends "UID=;PWD=" to every connection string: as in SQLConnect, an empty
  // one means "use the DSN's token", not "use an empty token".
  for (const std::string_view key : {"UID", "PWD"}) {
    if (given.get(key) == "") given.remove(key);
  }
  const std::string dsn = given.get("DSN").value_or("");
  const config::AttributeMap from_dsn = dsnAttributes(dsn, dsn_override);
  return {config::Settings::fromAttributes(given, from_dsn)};
}

ResolvedConnection resolveDsnLogin(std::string_view dsn, std::string_view user,
                                   std::string_view password,
                                   const config::AttributeMap* dsn_override) {
  config::AttributeMap given;
  given.add("DSN", std::string(dsn));
  if (!user.empty()) given.add("UID", std::string(user));
  // An empty PWD means "use the DSN's token", not "use an empty token".
  if (!password.empty()) given.add("PWD", std::string(password));
  const config::AttributeMap from_dsn = dsnAttributes(dsn, dsn_override);
  return {config::Settings::fromAttributes(given, from_dsn)};
}

log::Logger* Connection::logger() {
  std::lock_guard lock(session_pointer_mutex_);
  return session_ ? &session_->logger() : nullptr;
}

SQLRETURN Connection::openSession(config::Settings settings) {
  config::Settings for_connect = settings;
  if (login_timeout_ > 0) {
    for_connect.timeout_seconds = static_cast<int>(std::min(login_timeout_, kMaxTimeoutSeconds));
  }
  std::shared_ptr<engine::Session> session = engine::Session::connect(for_connect);
  if (login_timeout_ > 0) session->setRequestTimeout(settings.timeout_seconds);
  if (connection_timeout_ > 0) {
    session->setRequestTimeout(static_cast<int>(std::min(connection_timeout_, kMaxTimeoutSeconds)));
  }
  for (const auto& warning : settings.warnings) diag().add(warning);
  for (const auto& warning : session->connectWarnings()) diag().add(warning);
  // Set before connecting (what pyodbc does): the session starts in that mode.
  session->setManualCommit(autocommit_ == SQL_AUTOCOMMIT_OFF);
  {
    std::lock_guard lock(session_pointer_mutex_);
    session_ = std::move(session);
  }
  settings_ = std::move(settings);
  return SQL_SUCCESS;
}

SQLRETURN Connection::connect(std::string_view dsn, std::string_view user, std::string_view password) {
  ensureNotConnected();
  if (dsn.empty()) {
    throw Error(sqlstate::kDataSourceNotFound,
                "Data source name not found: SQLConnect needs a DSN. Use SQLDriverConnect for "
                "connection strings without a DSN.");
  }
  return openSession(resolveDsnLogin(dsn, user, password).settings);
}

SQLRETURN Connection::driverConnect(std::string_view connection_string, SQLUSMALLINT completion,
                                    bool has_window, std::string& out_connection_string) {
  ensureNotConnected();
  switch (completion) {
    case SQL_DRIVER_NOPROMPT:
    case SQL_DRIVER_COMPLETE:
    case SQL_DRIVER_COMPLETE_REQUIRED:
      break;
    case SQL_DRIVER_PROMPT:
      throw Error(sqlstate::kDialogFailed,
                  std::string("Dialog failed: this driver has no connection dialog") +
                      (has_window ? "" : " (and no window handle was given)") +
                      ". Use SQL_DRIVER_NOPROMPT or SQL_DRIVER_COMPLETE and put every property "
                      "(for example APIToken) in the connection string or the DSN.");
    default:
      throw Error(sqlstate::kInvalidDriverCompletion, "Invalid driver completion " + std::to_string(completion) +
                               ": use SQL_DRIVER_NOPROMPT, SQL_DRIVER_COMPLETE, "
                               "SQL_DRIVER_COMPLETE_REQUIRED or SQL_DRIVER_PROMPT.");
  }
  openSession(resolveConnectionString(connection_string).settings);
  out_connection_string = settings_->toConnectionString();
  return SQL_SUCCESS;
}

namespace {

// The value of a property given under its name or any alias, in the connection string first.
std::optional<std::string> propertyValue(const config::AttributeMap& given, const config::AttributeMap& from_dsn,
                                         std::string_view name) {
  const config::PropertyDef* wanted = config::findProperty(name);
  for (const config::AttributeMap* map : {&given, &from_dsn}) {
    for (const auto& item : map->items()) {
      if (config::findProperty(item.key) == wanted && !item.value.empty()) return item.value;
    }
  }
  return std::nullopt;
}

// "KEY:Prompt=?" for SQLBrowseConnect's output; `*` marks an optional one, {a,b} the choices.
std::string browseRequest(std::string_view key, std::string_view prompt, bool optional, std::string_view choices = "") {
  std::string out = optional ? "*" : "";
  out.append(key).append(":").append(prompt).append("=");
  out.append(choices.empty() ? "?" : "{" + std::string(choices) + "}");
  return out;
}

// What the authentication scheme and schema still need, as SQLBrowseConnect requests.
std::vector<std::string> missingForBrowse(const config::AttributeMap& given, const config::AttributeMap& from_dsn) {
  auto has = [&](std::string_view name) { return propertyValue(given, from_dsn, name).has_value(); };
  auto is = [&](std::string_view name, std::string_view wanted) {
    const auto value = propertyValue(given, from_dsn, name);
    return value && config::equalsIgnoreCase(*value, wanted);
  };
  std::vector<std::string> missing;
  if (!has("AuthScheme")) missing.push_back(browseRequest("AuthScheme", "Authentication", true, "Token,OAuth,JWT"));
  if (!has("Schema")) missing.push_back(browseRequest("Schema", "Schema", true, "GraphQL,AuditLog"));
  if (is("AuthScheme", "OAuth")) {
    if (!has("OAuthClientId")) missing.push_back(browseRequest("OAuthClientId", "OAuth client ID", false));
    if (!has("OAuthClientSecret")) missing.push_back(browseRequest("OAuthClientSecret", "OAuth client secret", false));
    if (!has("OAuthAccessToken") && !has("InitiateOAuth")) {
      missing.push_back(browseRequest("InitiateOAuth", "Initiate OAuth", false, "OFF,GETANDREFRESH,REFRESH"));
    }
  } else if (is("AuthScheme", "JWT")) {
    if (!has("JWTToken")) missing.push_back(browseRequest("JWTToken", "JWT from monday", false));
    if (!has("JWTSigningSecret")) missing.push_back(browseRequest("JWTSigningSecret", "App signing secret", false));
  } else if (!has("APIToken")) {
    missing.push_back(browseRequest("APIToken", "API token", false));
  }
  if (is("Schema", "AuditLog") && !has("Domain") && !is("AuditLogSource", "GraphQL")) {
    missing.push_back(browseRequest("Domain", "Account URL", false));
  }
  return missing;
}

}  // namespace

SQLRETURN Connection::browseConnect(std::string_view connection_string, std::string& out_connection_string) {
  ensureNotConnected();
  config::AttributeMap step = config::parseConnectionString(connection_string);
  config::AttributeMap merged;
  // A later call may correct an earlier value: the newest one wins (not a repeated key).
  for (const auto& item : step.items()) merged.add(item.key, item.value);
  if (browse_attributes_) {
    for (const auto& item : browse_attributes_->items()) {
      if (!merged.contains(item.key)) merged.add(item.key, item.value);
    }
  }
  browse_attributes_.reset();
  const std::string dsn = merged.get("DSN").value_or("");
  const config::AttributeMap from_dsn = dsnAttributes(dsn, nullptr);
  const std::vector<std::string> missing = missingForBrowse(merged, from_dsn);
  // Optional attributes are offered, but only required ones hold the connection back.
  if (std::any_of(missing.begin(), missing.end(), [](const std::string& m) { return m.front() != '*'; })) {
    out_connection_string.clear();
    for (const auto& request : missing) out_connection_string += (out_connection_string.empty() ? "" : ";") + request;
    browse_attributes_ = std::move(merged);
    return SQL_NEED_DATA;
  }
  openSession(config::Settings::fromAttributes(merged, from_dsn));
  out_connection_string = settings_->toConnectionString();
  return SQL_SUCCESS;
}

SQLRETURN Connection::disconnect() {
  if (!session_) {
    throw Error(sqlstate::kConnectionNotOpen, "Connection not open: nothing to disconnect.");
  }
  if (session_->transactionOpen()) {
    // ODBC's rule: the transaction stays active and the connection open; the application ends it.
    throw Error(sqlstate::kInvalidTransactionState,
                "Invalid transaction state: a manual-commit transaction is still open on this connection. End it "
                "with SQLEndTran (commit or rollback) before disconnecting.");
  }
  // ODBC: disconnecting frees the connection's statements and explicit descriptors.
  statements_.clear();
  descriptors_.clear();
  std::shared_ptr<engine::Session> closing;
  {
    std::lock_guard lock(session_pointer_mutex_);
    closing = std::move(session_);
  }
  if (closing && closing->logger().enabled(log::Level::Info)) {
    closing->logger().write(log::Level::Info, "odbc", "disconnected");
  }
  closing.reset();
  settings_.reset();
  return SQL_SUCCESS;
}

}  // namespace monday::handles
