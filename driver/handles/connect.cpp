// SQLConnect, SQLDriverConnect and SQLDisconnect bodies.

#include <algorithm>

#include "driver/common/error.h"
#include "driver/config/dsn.h"
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
    throw Error("IM002",
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
      throw Error("IM008",
                  std::string("Dialog failed: this driver has no connection dialog") +
                      (has_window ? "" : " (and no window handle was given)") +
                      ". Use SQL_DRIVER_NOPROMPT or SQL_DRIVER_COMPLETE and put every property "
                      "(for example APIToken) in the connection string or the DSN.");
    default:
      throw Error("HY110", "Invalid driver completion " + std::to_string(completion) +
                               ": use SQL_DRIVER_NOPROMPT, SQL_DRIVER_COMPLETE, "
                               "SQL_DRIVER_COMPLETE_REQUIRED or SQL_DRIVER_PROMPT.");
  }
  openSession(resolveConnectionString(connection_string).settings);
  out_connection_string = settings_->toConnectionString();
  return SQL_SUCCESS;
}

SQLRETURN Connection::disconnect() {
  if (!session_) {
    throw Error(sqlstate::kConnectionNotOpen, "Connection not open: nothing to disconnect.");
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
