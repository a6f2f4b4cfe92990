#pragma once
// Helpers for tests that load the real driver through the unixODBC driver manager and talk to the
// sandbox. The run directory (MONDAY_TEST_RUN_DIR) holds the sandbox's url, CA, request log,
// seeded dataset and the odbc(inst).ini files that register the build-tree driver.

#include <sql.h>
#include <sqlext.h>

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace monday::test {

std::string runDir();
std::string sandboxUrl();              // https://127.0.0.1:PORT
std::string caFile();                  // the sandbox's CA certificate
std::string readFile(const std::string& path);

// A DSN-less connection string to the sandbox with `token`, plus `extra` attributes.
std::string sandboxConnectionString(const std::string& token = "sandbox-admin-token", const std::string& extra = "");

struct Diagnostic {
  std::string state;
  std::string message;
  SQLINTEGER native = 0;
};
std::vector<Diagnostic> diagnostics(SQLSMALLINT handle_type, SQLHANDLE handle);
std::string describe(const std::vector<Diagnostic>& records);

// RAII handles. Failures inside are test failures with the driver's diagnostics attached.
class Environment {
 public:
  Environment();
  ~Environment();
  SQLHENV handle() const { return env_; }

 private:
  SQLHENV env_ = SQL_NULL_HENV;
};

class Connection {
 public:
  explicit Connection(Environment& env);
  ~Connection();
  SQLHDBC handle() const { return dbc_; }
  // Returns the SQLRETURN; on failure the diagnostics are in lastDiagnostics().
  SQLRETURN driverConnect(const std::string& connection_string, std::string* out = nullptr);
  SQLRETURN connectDsn(const std::string& dsn, const std::string& uid = "", const std::string& pwd = "");
  const std::vector<Diagnostic>& lastDiagnostics() const { return last_; }
  bool connected() const { return connected_; }

 private:
  SQLHDBC dbc_ = SQL_NULL_HDBC;
  bool connected_ = false;
  std::vector<Diagnostic> last_;
};

class Statement {
 public:
  explicit Statement(Connection& connection);
  ~Statement();
  SQLHSTMT handle() const { return stmt_; }
  SQLRETURN execDirect(const std::string& sql);
  std::vector<Diagnostic> diagnostics() const { return monday::test::diagnostics(SQL_HANDLE_STMT, stmt_); }
  SQLSMALLINT columnCount();
  // Fetches every remaining row as text (NULL → nullopt), reading each cell with SQLGetData.
  std::vector<std::vector<std::optional<std::string>>> fetchAllText();

 private:
  SQLHSTMT stmt_ = SQL_NULL_HSTMT;
};

// UTF-8 <-> UTF-16 for the W entry points (unixODBC's SQLWCHAR is UTF-16).
std::u16string utf16(const std::string& utf8);
std::string utf8(const std::u16string& utf16_text);

// Runs `sql` on a fresh statement and returns all rows as text; fails the test on error.
std::vector<std::vector<std::optional<std::string>>> query(Connection& connection, const std::string& sql);

// The sandbox's seeded data (dataset.json).
const rapidjson::Document& dataset();

// Number of requests the sandbox has logged so far (lines of requests.jsonl).
std::size_t requestCount();
// The logged requests after the first `from` lines, parsed.
std::vector<rapidjson::Document> requestsSince(std::size_t from);
// Of those, the GraphQL API requests (/v2): control calls and the other paths left out.
std::vector<rapidjson::Document> apiRequestsSince(std::size_t from);

// Sends JSON to a sandbox control endpoint (/__sandbox/...). Returns the HTTP status.
long sandboxControl(const std::string& path, const std::string& json, const std::string& method = "POST");
// Drops any fault a test queued but did not use up.
inline void clearSandboxFaults() { sandboxControl("/__sandbox/faults", "", "DELETE"); }

}  // namespace monday::test

#define ASSERT_ODBC_OK(rc, handle_type, handle)                                                   \
  ASSERT_TRUE(SQL_SUCCEEDED(rc)) << "rc=" << (rc) << " "                                           \
                                 << monday::test::describe(monday::test::diagnostics(handle_type, handle))
