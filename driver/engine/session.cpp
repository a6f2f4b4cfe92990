#include "driver/engine/session.h"

#include <set>

#include "driver/auth/credentials.h"
#include "driver/common/json.h"
#include "driver/common/sql_lexer.h"
#include "driver/engine/board_tables.h"
#include "driver/engine/catalog_entry.h"
#include "driver/engine/local_tables.h"
#include "driver/engine/odbc_functions.h"
#include "driver/engine/procedure_module.h"
#include "driver/engine/session_state.h"
#include "schema/auditlog/audit_log_schema.h"
#include "schema/registry.h"
#include "schema/system/system_table.h"

namespace monday::engine {

namespace {

void execSql(sqlite3* db, const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string why = message ? message : "unknown error";
    sqlite3_free(message);
    throw Error(sqlstate::kGeneralError, "Cannot set up the SQL engine: " + why);
  }
}

// Schema=GraphQL: one call proves the endpoint, TLS and the token, and tells us who we are.
void proveGraphqlConnection(SessionState& state, const config::Settings& settings) {
  static const std::string kConnectQuery = "query Connect { me { id name email } version { value } }";
  rapidjson::Document none;
  rapidjson::Document answer = state.api->query(kConnectQuery, none);
  const auto& data = answer["data"];
  if (auto me = data.FindMember("me"); me != data.MemberEnd()) {
    state.server.user_name = jsonMemberText(me->value, "name");
    state.server.user_email = jsonMemberText(me->value, "email");
  }
  if (auto version = data.FindMember("version"); version != data.MemberEnd()) {
    state.server.api_version = jsonMemberText(version->value, "value");
  }
  if (state.server.api_version.empty()) state.server.api_version = settings.api_version;
  {
    const std::string& url = settings.api_url;
    auto start = url.find("://");
    start = start == std::string::npos ? 0 : start + 3;
    state.server.endpoint = url.substr(start, url.find('/', start) - start);
  }
  if (!state.server.api_version.empty() && state.server.api_version != settings.api_version) {
    state.logger->write(log::Level::Info, "connect",
                        "monday served API version " + state.server.api_version + " instead of " +
                            settings.api_version);
  }
}

// Schema=AuditLog: the AuditLogs and AuditEvents tables over the source AuditLogSource names.
std::vector<std::shared_ptr<const schema::TableDef>> openAuditLogTables(SessionState& state,
                                                                        const config::Settings& settings) {
  auto audit = schema::auditlog::openAuditLog(settings, *state.api, state.logger);
  state.audit_rest = audit.rest;
  state.server.user_name = audit.user_name;
  state.server.user_email = audit.user_email;
  state.server.account_name = audit.account_slug;
  state.server.api_version = audit.api_version.empty() ? settings.api_version : audit.api_version;
  state.server.endpoint = audit.endpoint;
  return audit.tables;
}

}  // namespace

Session::Session(std::unique_ptr<SessionState> state) : state_(std::move(state)) {}
Session::~Session() = default;

std::unique_ptr<Session> Session::connect(const config::Settings& settings) {
  auto state = std::make_unique<SessionState>();
  state->settings = settings;
  state->logger = std::make_shared<log::Logger>(settings.log_file, settings.verbosity);
  if (const std::string& why = state->logger->openFailure(); !why.empty()) {
    const std::string text = "LogFile '" + settings.log_file + "' cannot be written (" + why +
                             "): the driver log is off for this connection. Give a file the application may write.";
    if (settings.strict_properties) throw Error(sqlstate::kUnableToConnect, text + " (StrictProperties=true makes this an error.)");
    state->connect_warnings.push_back({std::string(sqlstate::kGeneralWarning), text});
  }
  for (const auto& warning : settings.warnings) {
    state->logger->write(log::Level::Error, "connect", "warning " + warning.state + ": " + warning.message);
  }
  state->api = std::make_unique<client::ApiClient>(settings, state->logger);
  state->logger->write(log::Level::Info, "connect", "connecting to " + settings.api_url + " with " +
                                                         state->api->credentials().describe() + ", API-Version " +
                                                         settings.api_version);

  std::vector<std::shared_ptr<const schema::TableDef>> api_tables;
  if (settings.schema == config::ApiSchema::AuditLog) {
    api_tables = openAuditLogTables(*state, settings);
  } else if (settings.awaitsOAuthToken()) {
    // AuthScheme=OAuth, InitiateOAuth=OFF and no token yet: open without calling monday, so the
    // OAuth procedures can get a token (the web flow). API tables fail with 28000 until then.
    state->logger->write(log::Level::Info, "connect", "no OAuth access token yet: connected without an API call");
    api_tables = schema::graphqlTables();
  } else {
    proveGraphqlConnection(*state, settings);
    api_tables = schema::graphqlTables();
  }

  // The SQL engine: an in-memory SQLite database with the API tables in schema "monday" and the
  // driver's system tables in schema "sys".
  if (sqlite3_open_v2(":memory:", &state->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                      nullptr) != SQLITE_OK) {
    throw Error(sqlstate::kMemoryAllocation, "Cannot open the in-memory SQL engine (SQLite).");
  }
  sqlite3_extended_result_codes(state->db, 1);
  state->tables = std::move(api_tables);
  for (const auto& table : schema::systemTables()) state->tables.push_back(table);
  registerApiModule(*state);
  registerAggregateModule(*state);
  installWriteAuthorizer(*state);
  std::set<std::string> attached;  // one in-memory database per SQL schema ("monday", "sys" ...)
  for (const auto& table : state->tables) {
    if (attached.insert(table->schema).second) {
      execSql(state->db, "ATTACH DATABASE ':memory:' AS " + sql::quoteIdentifier(table->schema));
    }
  }
  for (const auto& table : state->tables) {
    execSql(state->db, "CREATE VIRTUAL TABLE " + sql::quoteIdentifier(table->schema) + "." + sql::quoteIdentifier(table->name) +
                           " USING monday_api(" + sql::quoteIdentifier(table->name) + ")");
  }
  registerProcedures(*state);
  registerOdbcFunctions(*state);
  if (settings.schema == config::ApiSchema::GraphQL) {
    // Every board as a table of its own, created on first use (board_tables.cpp).
    execSql(state->db, "ATTACH DATABASE ':memory:' AS " + sql::quoteIdentifier(kBoardSchemaName));
    openBoardTables(*state);
  }
  state->logger->write(log::Level::Info, "connect",
                       "connected as " + state->server.user_name + "; " + std::to_string(state->tables.size()) +
                           " tables");
  return std::unique_ptr<Session>(new Session(std::move(state)));
}

std::vector<CatalogTable> Session::catalog() const {
  std::vector<CatalogTable> result;
  for (const auto& table : state_->tables) {
    result.push_back(catalogEntry(*table, schema::isSystemTable(*table) ? "SYSTEM TABLE" : "TABLE",
                                  state_->settings.read_only));
  }
  for (auto& board_table : boardCatalog(*state_)) result.push_back(std::move(board_table));
  for (auto& local_table : localCatalog(*state_)) result.push_back(std::move(local_table));
  return result;
}

const ServerInfo& Session::serverInfo() const { return state_->server; }

const std::vector<Warning>& Session::connectWarnings() const { return state_->connect_warnings; }

log::Logger& Session::logger() const { return *state_->logger; }

void Session::interrupt() {
  state_->api->cancel();
  if (state_->audit_rest) state_->audit_rest->cancel();
  if (state_->db) sqlite3_interrupt(state_->db);
}

void Session::setRequestTimeout(int seconds) {
  state_->api->setTimeout(seconds);
  if (state_->audit_rest) state_->audit_rest->setTimeout(seconds);
}

}  // namespace monday::engine
