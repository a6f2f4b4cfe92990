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
  config::AttributeMap known = merged;  // what the application gave wins over the DSN
  for (const auto& item : from_dsn.items()) known.add(item.key, item.value);
  const std::vector<std::string> missing = config::browseRequests(known);
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
