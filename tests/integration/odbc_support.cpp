#include "tests/integration/odbc_support.h"

#include <curl/curl.h>
#include <rapidjson/document.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace monday::test {

namespace {
// Before any ODBC call: register the build-tree driver and DSNs of the run directory with the
// driver manager, exactly as ctest's ENVIRONMENT would.
[[maybe_unused]] const bool kEnvironmentReady = [] {
  const char* dir = std::getenv("MONDAY_TEST_RUN_DIR");
  std::string run = dir && *dir ? dir : MONDAY_DEFAULT_RUN_DIR;
  setenv("MONDAY_TEST_RUN_DIR", run.c_str(), 0);
  setenv("ODBCSYSINI", run.c_str(), 0);
  setenv("ODBCINSTINI", "odbcinst.ini", 0);
  setenv("ODBCINI", (run + "/odbc.ini").c_str(), 0);
  return true;
}();
}  // namespace

std::string runDir() {
  const char* dir = std::getenv("MONDAY_TEST_RUN_DIR");
  if (!dir || !*dir) {
    ADD_FAILURE() << "MONDAY_TEST_RUN_DIR is not set: run the integration tests through ctest";
    return ".";
  }
  return dir;
}

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string sandboxUrl() {
  std::string url = readFile(runDir() + "/url");
  while (!url.empty() && (url.back() == '\n' || url.back() == '\r')) url.pop_back();
  return url;
}

std::string caFile() { return runDir() + "/ca.pem"; }

std::string sandboxConnectionString(const std::string& token, const std::string& extra) {
  std::string s = "Driver=monday;APIURL=" + sandboxUrl() + "/v2;SSLServerCert=" + caFile() + ";APIToken=" + token;
  if (!extra.empty()) s += ";" + extra;
  return s;
}

std::vector<Diagnostic> diagnostics(SQLSMALLINT handle_type, SQLHANDLE handle) {
  std::vector<Diagnostic> records;
  for (SQLSMALLINT i = 1;; ++i) {
    SQLCHAR state[6] = {0};
    SQLCHAR message[2048] = {0};
    SQLINTEGER native = 0;
    SQLSMALLINT length = 0;
    SQLRETURN rc = SQLGetDiagRec(handle_type, handle, i, state, &native, message, sizeof message, &length);
    if (!SQL_SUCCEEDED(rc)) break;
    records.push_back({reinterpret_cast<char*>(state), reinterpret_cast<char*>(message), native});
  }
  return records;
}

std::string describe(const std::vector<Diagnostic>& records) {
  std::string out;
  for (const auto& r : records) out += "[" + r.state + "] " + r.message + "\n";
  return out.empty() ? "(no diagnostics)" : out;
}

Environment::Environment() {
  SQLRETURN rc = SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env_);
  EXPECT_TRUE(SQL_SUCCEEDED(rc));
  rc = SQLSetEnvAttr(env_, SQL_ATTR_ODBC_VERSION, reinterpret_cast<SQLPOINTER>(SQL_OV_ODBC3), 0);
  EXPECT_TRUE(SQL_SUCCEEDED(rc));
}

Environment::~Environment() {
  if (env_) SQLFreeHandle(SQL_HANDLE_ENV, env_);
}

Connection::Connection(Environment& env) {
  SQLRETURN rc = SQLAllocHandle(SQL_HANDLE_DBC, env.handle(), &dbc_);
  EXPECT_TRUE(SQL_SUCCEEDED(rc));
}

Connection::~Connection() {
  if (connected_) SQLDisconnect(dbc_);
  if (dbc_) SQLFreeHandle(SQL_HANDLE_DBC, dbc_);
}

SQLRETURN Connection::driverConnect(const std::string& connection_string, std::string* out) {
  SQLCHAR buffer[4096] = {0};
  SQLSMALLINT length = 0;
  SQLRETURN rc = SQLDriverConnect(dbc_, nullptr, (SQLCHAR*)connection_string.c_str(), SQL_NTS, buffer, sizeof buffer,
                                  &length, SQL_DRIVER_NOPROMPT);
  last_ = diagnostics(SQL_HANDLE_DBC, dbc_);
  connected_ = SQL_SUCCEEDED(rc);
  if (out) *out = reinterpret_cast<char*>(buffer);
  return rc;
}

SQLRETURN Connection::connectDsn(const std::string& dsn, const std::string& uid, const std::string& pwd) {
  SQLRETURN rc = SQLConnect(dbc_, (SQLCHAR*)dsn.c_str(), SQL_NTS, (SQLCHAR*)uid.c_str(), SQL_NTS,
                            (SQLCHAR*)pwd.c_str(), SQL_NTS);
  last_ = diagnostics(SQL_HANDLE_DBC, dbc_);
  connected_ = SQL_SUCCEEDED(rc);
  return rc;
}

Statement::Statement(Connection& connection) {
  SQLRETURN rc = SQLAllocHandle(SQL_HANDLE_STMT, connection.handle(), &stmt_);
  EXPECT_TRUE(SQL_SUCCEEDED(rc)) << describe(monday::test::diagnostics(SQL_HANDLE_DBC, connection.handle()));
}

Statement::~Statement() {
  if (stmt_) SQLFreeHandle(SQL_HANDLE_STMT, stmt_);
}

SQLRETURN Statement::execDirect(const std::string& sql) {
  return SQLExecDirect(stmt_, (SQLCHAR*)sql.c_str(), SQL_NTS);
}

SQLSMALLINT Statement::columnCount() {
  SQLSMALLINT count = 0;
  SQLNumResultCols(stmt_, &count);
  return count;
}

std::vector<std::vector<std::optional<std::string>>> Statement::fetchAllText() {
  std::vector<std::vector<std::optional<std::string>>> rows;
  const SQLSMALLINT columns = columnCount();
  for (;;) {
    SQLRETURN rc = SQLFetch(stmt_);
    if (rc == SQL_NO_DATA) break;
    if (!SQL_SUCCEEDED(rc)) {
      ADD_FAILURE() << "SQLFetch failed: " << describe(diagnostics());
      break;
    }
    std::vector<std::optional<std::string>> row;
    for (SQLSMALLINT c = 1; c <= columns; ++c) {
      std::string value;
      bool is_null = false;
      for (;;) {
        char buffer[256];
        SQLLEN indicator = 0;
        SQLRETURN get = SQLGetData(stmt_, static_cast<SQLUSMALLINT>(c), SQL_C_CHAR, buffer, sizeof buffer, &indicator);
        if (get == SQL_NO_DATA) break;
        if (!SQL_SUCCEEDED(get)) {
          ADD_FAILURE() << "SQLGetData failed: " << describe(diagnostics());
          break;
        }
        if (indicator == SQL_NULL_DATA) {
          is_null = true;
          break;
        }
        value += buffer;
        if (get == SQL_SUCCESS) break;
      }
      row.push_back(is_null ? std::nullopt : std::optional<std::string>(value));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<std::vector<std::optional<std::string>>> query(Connection& connection, const std::string& sql) {
  Statement statement(connection);
  SQLRETURN rc = statement.execDirect(sql);
  EXPECT_TRUE(SQL_SUCCEEDED(rc)) << sql << "\n" << describe(statement.diagnostics());
  if (!SQL_SUCCEEDED(rc)) return {};
  return statement.fetchAllText();
}

const rapidjson::Document& dataset() {
  static rapidjson::Document document = [] {
    rapidjson::Document d;
    std::string text = readFile(runDir() + "/dataset.json");
    d.Parse(text.c_str(), text.size());
    EXPECT_FALSE(d.HasParseError()) << "dataset.json is not valid JSON";
    return d;
  }();
  return document;
}

std::size_t requestCount() {
  std::ifstream in(runDir() + "/requests.jsonl");
  std::size_t lines = 0;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) ++lines;
  }
  return lines;
}

std::vector<rapidjson::Document> requestsSince(std::size_t from) {
  std::ifstream in(runDir() + "/requests.jsonl");
  std::vector<rapidjson::Document> result;
  std::string line;
  std::size_t index = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    if (index++ < from) continue;
    rapidjson::Document d;
    d.Parse(line.c_str(), line.size());
    result.push_back(std::move(d));
  }
  return result;
}

std::vector<rapidjson::Document> apiRequestsSince(std::size_t from) {
  std::vector<rapidjson::Document> out;
  for (auto& request : requestsSince(from)) {
    if (request.HasMember("control")) continue;
    if (!request.HasMember("path") || !request["path"].IsString() || std::string(request["path"].GetString()) != "/v2") {
      continue;
    }
    out.push_back(std::move(request));
  }
  return out;
}

namespace {
std::size_t ignoreBody(char*, std::size_t size, std::size_t count, void*) { return size * count; }
}  // namespace

long sandboxControl(const std::string& path, const std::string& json, const std::string& method) {
  CURL* curl = curl_easy_init();
  const std::string url = sandboxUrl() + path;
  curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_CAINFO, caFile().c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, json.c_str());
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str());
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, ignoreBody);
  long status = 0;
  if (curl_easy_perform(curl) == CURLE_OK) curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  return status;
}

std::u16string utf16(const std::string& text) {
  std::u16string out;
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    char32_t cp;
    int extra;
    if (c < 0x80) { cp = c; extra = 0; }
    else if ((c >> 5) == 6) { cp = c & 0x1f; extra = 1; }
    else if ((c >> 4) == 14) { cp = c & 0x0f; extra = 2; }
    else { cp = c & 0x07; extra = 3; }
    for (int k = 1; k <= extra && i + static_cast<std::size_t>(k) < text.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]) & 0x3f);
    }
    i += static_cast<std::size_t>(extra) + 1;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out.push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
      out.push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3ff)));
    } else {
      out.push_back(static_cast<char16_t>(cp));
    }
  }
  return out;
}

std::string utf8(const std::u16string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char32_t cp = text[i];
    if (cp >= 0xD800 && cp < 0xDC00 && i + 1 < text.size()) cp = 0x10000 + ((cp - 0xD800) << 10) + (text[++i] - 0xDC00);
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
    } else if (cp < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3f)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
    }
  }
  return out;
}

}  // namespace monday::test
