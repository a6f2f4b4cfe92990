// Times one SQL statement through the driver manager and reports wall time, rows, and the
// process's peak memory, as one JSON line. Used by tests/bench/run.sh.
//   scan_bench "<connection string>" "<sql>" [microseconds of work per row]
#include <sql.h>
#include <sqlext.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

namespace {

void fail(SQLSMALLINT type, SQLHANDLE handle, const char* what) {
  SQLCHAR state[6] = {0}, message[1024] = {0};
  SQLINTEGER native = 0;
  SQLSMALLINT length = 0;
  SQLGetDiagRec(type, handle, 1, state, &native, message, sizeof message, &length);
  std::fprintf(stderr, "%s failed: [%s] %s\n", what, state, message);
  std::exit(1);
}

// The connection's request count and most requests in flight, from sys_api_usage (which costs no
// API call), so the figures are the statement's own whatever the connection sent before it.
struct Usage {
  long long requests = 0;
  long long peak_in_flight = 0;
  long long complexity_used = 0;
};

Usage usageOf(SQLHDBC dbc) {
  SQLHSTMT stmt;
  SQLAllocHandle(SQL_HANDLE_STMT, dbc, &stmt);
  Usage usage;
  const char* sql = "SELECT requests, peak_in_flight, complexity_used FROM sys.sys_api_usage WHERE scope = 'connection'";
  // Another driver (the SQLite ODBC baseline) has no sys_api_usage: its figures stay 0.
  if (SQL_SUCCEEDED(SQLExecDirect(stmt, (SQLCHAR*)sql, SQL_NTS)) && SQL_SUCCEEDED(SQLFetch(stmt))) {
    SQLLEN indicator = 0;
    SQLGetData(stmt, 1, SQL_C_SBIGINT, &usage.requests, 0, &indicator);
    SQLGetData(stmt, 2, SQL_C_SBIGINT, &usage.peak_in_flight, 0, &indicator);
    SQLGetData(stmt, 3, SQL_C_SBIGINT, &usage.complexity_used, 0, &indicator);
  }
  SQLFreeHandle(SQL_HANDLE_STMT, stmt);
  return usage;
}

long peakRssKb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3 && argc != 4) {
    std::fprintf(stderr, "usage: %s CONNECTION_STRING SQL [MICROSECONDS_OF_WORK_PER_ROW]\n", argv[0]);
    return 2;
  }
  // An application that does something with each row (a slow consumer): the driver's read-ahead
  // should hide the API's latency behind this work.
  const auto work_per_row = std::chrono::microseconds(argc == 4 ? std::atol(argv[3]) : 0);
  SQLHENV env;
  SQLHDBC dbc;
  SQLHSTMT stmt;
  SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env);
  SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, reinterpret_cast<SQLPOINTER>(SQL_OV_ODBC3), 0);
  SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc);
  if (!SQL_SUCCEEDED(SQLDriverConnect(dbc, nullptr, (SQLCHAR*)argv[1], SQL_NTS, nullptr, 0, nullptr, SQL_DRIVER_NOPROMPT))) {
    fail(SQL_HANDLE_DBC, dbc, "connect");
  }
  const long rss_connected = peakRssKb();
  const Usage before = usageOf(dbc);
  SQLAllocHandle(SQL_HANDLE_STMT, dbc, &stmt);
  const auto start = std::chrono::steady_clock::now();
  if (!SQL_SUCCEEDED(SQLExecDirect(stmt, (SQLCHAR*)argv[2], SQL_NTS))) fail(SQL_HANDLE_STMT, stmt, "execute");
  SQLSMALLINT columns = 0;
  SQLNumResultCols(stmt, &columns);
  long long rows = 0;
  long long bytes = 0;
  char buffer[4096];
  SQLLEN indicator = 0;
  for (;;) {
    SQLRETURN rc = SQLFetch(stmt);
    if (rc == SQL_NO_DATA) break;
    if (!SQL_SUCCEEDED(rc)) fail(SQL_HANDLE_STMT, stmt, "fetch");
    for (SQLUSMALLINT c = 1; c <= columns; ++c) {
      SQLGetData(stmt, c, SQL_C_CHAR, buffer, sizeof buffer, &indicator);
      if (indicator > 0) bytes += indicator;
    }
    ++rows;
    if (work_per_row.count() > 0) std::this_thread::sleep_for(work_per_row);
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  SQLFreeHandle(SQL_HANDLE_STMT, stmt);
  const Usage after = usageOf(dbc);
  std::printf(
      "{\"rows\":%lld,\"bytes\":%lld,\"seconds\":%.3f,\"requests\":%lld,\"peak_in_flight\":%lld,"
      "\"complexity_points\":%lld,\"peak_rss_kb\":%ld,\"rss_after_connect_kb\":%ld}\n",
      rows, bytes, seconds, after.requests - before.requests, after.peak_in_flight,
      after.complexity_used - before.complexity_used, peakRssKb(), rss_connected);
  SQLDisconnect(dbc);
  SQLFreeHandle(SQL_HANDLE_DBC, dbc);
  SQLFreeHandle(SQL_HANDLE_ENV, env);
  return 0;
}
