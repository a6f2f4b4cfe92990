#pragma once
// The SQL engine of one ODBC connection: an in-memory SQLite database whose API tables are
// virtual tables over monday's API. The ODBC layer talks only to Session and Statement.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "driver/common/data_type.h"
#include "driver/common/error.h"
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
  struct ForeignKey {
    std::vector<std::string> columns;
    std::string table;  // in the same schema
    std::vector<std::string> referenced_columns;
  };
  std::vector<ForeignKey> foreign_keys;
  // Rows the table has, when known without a scan (SQLStatistics' cardinality).
  std::optional<std::int64_t> row_estimate;
  // What SQL may do to the table: "SELECT", "INSERT", "UPDATE", "DELETE" (SQLTablePrivileges), and
  // the columns an UPDATE may set (SQLColumnPrivileges); ReadOnly leaves SELECT alone.
  std::vector<std::string> privileges;
  std::vector<std::string> updatable_columns;
  // Indexes of local tables (SQLStatistics): name, unique, columns in order.
  struct Index {
    std::string name;
    bool unique = false;
    std::vector<std::string> columns;
  };
  std::vector<Index> indexes;
};

// Facts learned while connecting, for SQLGetInfo (user name, DBMS version ...).
struct ServerInfo {
  std::string user_name;
  std::string user_email;
  std::string account_name;
  std::string api_version;  // the version monday says it served
  std::string endpoint;     // host of the GraphQL endpoint
};

// A stored procedure as SQLProcedures / SQLProcedureColumns show it.
struct CatalogProcedureColumn {
  std::string name;
  DataType type = DataType::Varchar;
  std::int64_t size = 0;  // 0 = type default
  bool is_result = false;  // a result-set column; otherwise an input parameter
  bool required = false;   // input parameters only
  std::string default_value;  // COLUMN_DEF as ODBC writes it ('text', 0 ...); "" = none
  std::string remarks;
};

struct CatalogProcedure {
  std::string schema;  // "monday"
  std::string name;
  std::string remarks;
  bool mutating = false;  // changes monday data (refused when ReadOnly)
  std::vector<CatalogProcedureColumn> columns;  // input parameters in order, then result columns
};

// EXEC / EXECUTE / CALL / {call} statements → the SELECT that runs the procedure (what SQLNativeSql
// shows and what Session::prepare runs); any other SQL comes back unchanged. Throws monday::Error
// 42000 for an unknown procedure or parameter, HYC00 for {? = call ...}.
std::string rewriteProcedureCalls(std::string_view sql);

// What SQLNativeSql shows for a call: the same SELECT, translated by syntax alone, for any
// procedure name (procedures::translateCall); other SQL unchanged.
std::string translateProcedureCalls(std::string_view sql);

class SessionState;

// A prepared SQL statement. Also the ResultSet of a query once executed.
class Statement final : public ResultSet {
 public:
  ~Statement() override;

  std::size_t parameterCount() const;
  // The type parameter `index` (1-based) takes from what it is compared with, inserted into or
  // passed to; nullopt when the statement does not say (parameter_types.h).
  std::optional<DataType> parameterType(std::size_t index) const;
  // 1-based, like ODBC. Values persist across executions until rebound. Text bound where the
  // statement compares or stores a number is read as that number, as SQL does; text that is not
  // a number there is 22018.
  void bind(std::size_t index, const Value& value);

  // Runs the statement from the start. Queries are positioned before their first row (the first
  // row is already fetched, so API errors surface here, not in the first SQLFetch).
  // Throws monday::Error.
  void execute();

  // Rows changed by INSERT/UPDATE/DELETE; -1 for queries.
  std::int64_t rowCount() const;

  // Parameter arrays (SQL_ATTR_PARAMSET_SIZE > 1) of a statement without a result set: runs it
  // once per set as one unit, so the rows of every set share batched API requests instead of one
  // request per set. `bind_set(i)` binds set i; it returns false to skip the set and may throw
  // for it. Once a request to monday fails, the later sets are not run.
  struct SetOutcome {
    enum class Status { Success, Error, Skipped, NotRun };
    Status status = Status::NotRun;
    std::int64_t rows = 0;  // rows the set changed in monday
    std::optional<Error> error;
  };
  std::vector<SetOutcome> executeSets(std::size_t sets, const std::function<bool(std::size_t)>& bind_set);

  // 0 = no limit. Applies to the next execute.
  void setMaxRows(std::int64_t max_rows);

  // Ends the current run early (the cursor closes): SQLite lets go of the tables it reads, so a
  // DROP TABLE on them works again. Bound values stay.
  void close();

  // Result columns; available right after prepare (types inferred where SQLite has none, refined
  // from the first row at execute).
  const std::vector<ResultColumn>& columns() const override;
  bool next() override;
  const Value& value(std::size_t index) const override;
  std::vector<std::string> takeWarnings() override;

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

  // Every stored procedure, for SQLProcedures/SQLProcedureColumns (procedure_module.cpp).
  std::vector<CatalogProcedure> procedures() const;

  const ServerInfo& serverInfo() const;

  // What connecting found worth a warning beyond the settings' own (a LogFile that cannot be
  // written), for the connection's diagnostics.
  const std::vector<Warning>& connectWarnings() const;

  // The connection's driver log (LogFile/Verbosity); disabled when no LogFile is set.
  log::Logger& logger() const;

  // Asks running work to stop (SQLCancel). Safe from any thread.
  void interrupt();

  // Seconds an HTTP request may take; 0 = the connection's Timeout property.
  void setRequestTimeout(int seconds);

  // --- transactions (transactions.cpp) ---
  // Local tables (CREATE [TEMP] TABLE) live in SQLite and are truly transactional. A change sent
  // to monday is applied when its statement runs, in either mode; in manual-commit mode it is
  // remembered until the transaction ends, so that a ROLLBACK can say what it could not undo.
  // Switching manual-commit off commits the open transaction (ODBC's rule).
  void setManualCommit(bool manual);
  // True while work of a manual-commit transaction waits for SQLEndTran.
  bool transactionOpen() const;
  // COMMIT: the local tables' changes become permanent. Throws monday::Error when SQLite cannot.
  void commit();
  // ROLLBACK: the local tables' changes are undone. When changes were already applied in monday
  // since the transaction began, throws HYC00 listing them (they stay applied); the local part
  // is rolled back all the same.
  void rollback();

 private:
  explicit Session(std::unique_ptr<SessionState> state);
  std::unique_ptr<SessionState> state_;
};

}  // namespace monday::engine
