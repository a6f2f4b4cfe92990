#pragma once
// The SQL engine of one ODBC connection: an in-memory SQLite database whose API tables are
// virtual tables over monday's API. The ODBC layer talks only to Session and Statement.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "driver/common/data_type.h"
#include "driver/common/value.h"
#include "driver/engine/result_set.h"

namespace monday::config {
struct Settings;
}
namespace monday::log {
class Logger;
}

namespace monday::engine {

struct CatalogColumn {
  std::string name;
  DataType type = DataType::Varchar;
  std::int64_t size = 0;  // 0 = type default
  std::int16_t scale = 0;
  bool nullable = true;
  std::string remarks;
};

struct CatalogTable {
  std::string schema;  // "monday" for entity tables, "sys" for driver tables
  std::string name;
  std::string type;    // "TABLE" or "SYSTEM TABLE"
  std::string remarks;
  std::vector<CatalogColumn> columns;
  std::vector<std::string> primary_key;
};

// Facts learned while connecting, for SQLGetInfo (user name, DBMS version ...).
struct ServerInfo {
  std::string user_name;
  std::string user_email;
  std::string account_name;
  std::string api_version;  // the version monday says it served
  std::string endpoint;     // host of the GraphQL endpoint
};

class SessionState;

// A prepared SQL statement. Also the ResultSet of a query once executed.
class Statement final : public ResultSet {
 public:
  ~Statement() override;

  std::size_t parameterCount() const;
  // 1-based, like ODBC. Values persist across executions until rebound.
  void bind(std::size_t index, const Value& value);

  // Runs the statement from the start. Queries are positioned before their first row (the first
  // row is already fetched, so API errors surface here, not in the first SQLFetch).
  // Throws monday::Error.
  void execute();

  // Rows changed by INSERT/UPDATE/DELETE; -1 for queries.
  std::int64_t rowCount() const;

  // 0 = no limit. Applies to the next execute.
  void setMaxRows(std::int64_t max_rows);

  // Result columns; available right after prepare (types inferred where SQLite has none, refined
  // from the first row at execute).
  const std::vector<ResultColumn>& columns() const override;
  bool next() override;
  const Value& value(std::size_t index) const override;

 private:
  friend class Session;
  struct Impl;
  explicit Statement(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

class Session {
 public:
  // Connects: validates credentials with one API call. Throws monday::Error (28000 rejected
  // token, 08001 unreachable/TLS, HYT00 timeout, HY000 other API errors).
  static std::unique_ptr<Session> connect(const config::Settings& settings);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Compiles one SQL statement. Throws monday::Error (42000 syntax, 42S02 unknown table, 42S22
  // unknown column).
  std::unique_ptr<Statement> prepare(std::string_view sql);

  // Every table with its columns, for SQLTables/SQLColumns/SQLPrimaryKeys.
  std::vector<CatalogTable> catalog() const;

  const ServerInfo& serverInfo() const;

  // The connection's driver log (LogFile/Verbosity); disabled when no LogFile is set.
  log::Logger& logger() const;

  // Asks running work to stop (SQLCancel). Safe from any thread.
  void interrupt();

  // Seconds an HTTP request may take; 0 = the connection's Timeout property.
  void setRequestTimeout(int seconds);

 private:
  explicit Session(std::unique_ptr<SessionState> state);
  std::unique_ptr<SessionState> state_;
};

}  // namespace monday::engine
