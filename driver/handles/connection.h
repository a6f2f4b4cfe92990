#pragma once
// SQL_HANDLE_DBC: settings, the engine session, connection attributes, and the statements and
// explicit descriptors allocated on it.

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "driver/config/connection_string.h"
#include "driver/config/settings.h"
#include "driver/convert/out_buffer.h"
#include "driver/handles/handle.h"

namespace monday::engine {
class Session;
struct ServerInfo;
}

namespace monday::handles {

class Environment;
class Statement;
class Descriptor;

// Statement attributes an application may set on the connection (ODBC 2 style) to become the
// defaults of statements allocated afterwards.
struct StatementDefaults {
  SQLULEN query_timeout = 0;
  SQLULEN max_rows = 0;
  SQLULEN metadata_id = SQL_FALSE;
  SQLULEN noscan = SQL_NOSCAN_OFF;
  SQLULEN row_array_size = 1;
};

// How SQLDriverConnect resolves the attributes, separated from the network step so it can be
// tested: connection-string keys win over the DSN's; DSN and DRIVER do not mix (first one wins).
struct ResolvedConnection {
  config::Settings settings;
};
ResolvedConnection resolveConnectionString(std::string_view connection_string,
                                           const config::AttributeMap* dsn_override = nullptr);
// The same for SQLConnect(DSN, UID, PWD); PWD is the APIToken alias, UID is accepted and unused.
ResolvedConnection resolveDsnLogin(std::string_view dsn, std::string_view user,
                                   std::string_view password,
                                   const config::AttributeMap* dsn_override = nullptr);

class Connection final : public Handle {
 public:
  explicit Connection(Environment& environment);
  ~Connection() override;

  std::mutex& callMutex() override { return mutex_; }
  SQLINTEGER odbcVersion() const override;
  log::Logger* logger() override;

  Environment& environment() { return environment_; }

  // --- connecting (connect.cpp) ---
  SQLRETURN connect(std::string_view dsn, std::string_view user, std::string_view password);
  // Fills `out_connection_string`; the caller writes it to the application's buffer.
  SQLRETURN driverConnect(std::string_view connection_string, SQLUSMALLINT completion,
                          bool has_window, std::string& out_connection_string);
  // SQLBrowseConnect: each call adds attributes; SQL_NEED_DATA with `out_connection_string`
  // naming what is still missing, or SQL_SUCCESS once connected (then the full string).
  SQLRETURN browseConnect(std::string_view connection_string, std::string& out_connection_string);
  SQLRETURN disconnect();
  bool connected() const { return session_ != nullptr; }
  // Throws 08003 when not connected.
  engine::Session& session();
  // A reference that stays valid while another thread disconnects (SQLCancel).
  std::shared_ptr<engine::Session> sessionForCancel();
  const config::Settings* settings() const { return settings_ ? &*settings_ : nullptr; }

  // --- attributes (connection_attributes.cpp) ---
  SQLRETURN setAttribute(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER length,
                         const std::optional<std::string>& text_value);
  SQLRETURN getAttribute(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER buffer_length,
                         SQLINTEGER* string_length, convert::CharEncoding encoding);
  // Attributes whose value is a string (decoded by the A/W entry points before setAttribute).
  static bool isStringAttribute(SQLINTEGER attribute);

  // SQLEndTran on this connection (SQL_COMMIT or SQL_ROLLBACK). A rollback closes the cursors
  // of the connection's statements (SQL_CURSOR_ROLLBACK_BEHAVIOR = SQL_CB_CLOSE).
  SQLRETURN endTransaction(SQLSMALLINT completion);

  const StatementDefaults& statementDefaults() const { return statement_defaults_; }
  SQLUINTEGER connectionTimeout() const { return connection_timeout_; }
  bool readOnly() const { return access_mode_ == SQL_MODE_READ_ONLY; }

  // --- children (called with callMutex() held) ---
  Statement* createStatement();
  void destroyStatement(Statement* statement);
  Descriptor* createDescriptor();
  void destroyDescriptor(Descriptor* descriptor);
  bool hasStatements() const { return !statements_.empty(); }
  const std::vector<std::unique_ptr<Statement>>& statements() const { return statements_; }

 private:
  SQLRETURN openSession(config::Settings settings);
  // What SQLBrowseConnect calls gave so far (cleared on success, error and disconnect).
  std::optional<config::AttributeMap> browse_attributes_;
  void ensureNotConnected() const;

  Environment& environment_;
  std::mutex mutex_;
  // Guards session_ itself (not the session's use) so SQLCancel can copy it without mutex_.
  mutable std::mutex session_pointer_mutex_;
  std::shared_ptr<engine::Session> session_;
  std::optional<config::Settings> settings_;

  SQLUINTEGER login_timeout_ = 0;
  SQLUINTEGER connection_timeout_ = 0;
  SQLUINTEGER access_mode_ = SQL_MODE_READ_WRITE;
  SQLUINTEGER autocommit_ = SQL_AUTOCOMMIT_ON;
  SQLUINTEGER packet_size_ = 0;
  SQLUINTEGER ansi_app_ = SQL_AA_FALSE;
  SQLPOINTER quiet_mode_ = nullptr;
  StatementDefaults statement_defaults_;

  std::vector<std::unique_ptr<Statement>> statements_;
  std::vector<std::unique_ptr<Descriptor>> descriptors_;
};

}  // namespace monday::handles
