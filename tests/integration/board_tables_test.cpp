// Every board as a table (schema `boards`) through the driver manager, against the sandbox:
// listed by SQLTables from one bulk metadata fetch with unique names, typed by column type in
// SQLColumns, filtered queries that return exactly what a full scan filtered by SQL returns while
// sending no more requests, id lists batched into items(ids:), the plan in sys_last_query, and an
// expired items_page cursor restarted without the application noticing.
//
// Expected values come from the sandbox's seeded data (dataset.json), from GraphQL asked directly
// (for what dataset.json does not hold, like linked item ids) and from the same SQL run over a
// materialized full scan, which SQLite cannot push anything into.
#include <gtest/gtest.h>

#include <curl/curl.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <thread>

#include "tests/integration/odbc_support.h"

using namespace monday::test;

namespace {

using Rows = std::vector<std::vector<std::optional<std::string>>>;
using Tuples = std::multiset<std::vector<std::string>>;

constexpr const char* kTracker = "Project Tracker";  // one column of every type, subitems
constexpr const char* kBugs = "Bug Backlog";         // 1,250 items: three 500-item pages
constexpr const char* kSales = "Sales Pipeline";

std::string str(const rapidjson::Value& object, const char* name) {
  auto it = object.FindMember(name);
  if (it == object.MemberEnd() || it->value.IsNull()) return "NULL";
  if (it->value.IsString()) return it->value.GetString();
  if (it->value.IsBool()) return it->value.GetBool() ? "1" : "0";
  if (it->value.IsInt64()) return std::to_string(it->value.GetInt64());
  return "?";
}

std::string quoted(const std::string& table) { return "boards.\"" + table + "\""; }

const rapidjson::Value& seededBoard(const std::string& name) {
  for (const auto& b : dataset()["boards"].GetArray()) {
    if (str(b, "name") == name) return b;
  }
  throw std::runtime_error("no seeded board " + name);
}

std::vector<const rapidjson::Value*> activeItems(const rapidjson::Value& board) {
  std::vector<const rapidjson::Value*> items;
  for (const auto& item : board["items"].GetArray()) {
    if (str(item, "state") == "active") items.push_back(&item);
  }
  return items;
}

const rapidjson::Value* cellOf(const rapidjson::Value& item, const std::string& column_id) {
  for (const auto& cell : item["column_values"].GetArray()) {
    if (str(cell, "id") == column_id) return &cell;
  }
  return nullptr;
}

// A cell's `value` JSON string, parsed (an empty object when the cell has none).
rapidjson::Document cellValue(const rapidjson::Value& item, const std::string& column_id) {
  rapidjson::Document value(rapidjson::kObjectType);
  const auto* cell = cellOf(item, column_id);
  if (!cell || !(*cell)["value"].IsString()) return value;
  value.Parse((*cell)["value"].GetString());
  if (value.HasParseError() || !value.IsObject()) value.SetObject();
  return value;
}

std::string documentOf(const rapidjson::Document& request) {
  return request.HasMember("query") && request["query"].IsString() ? request["query"].GetString() : "";
}

Tuples tuples(const Rows& rows) {
  Tuples out;
  for (const auto& row : rows) {
    std::vector<std::string> tuple;
    for (const auto& cell : row) tuple.push_back(cell.value_or("NULL"));
    out.insert(tuple);
  }
  return out;
}

std::vector<std::string> column(const Rows& rows, std::size_t index) {
  std::vector<std::string> out;
  for (const auto& row : rows) out.push_back(row.at(index).value_or("NULL"));
  return out;
}

// Writes a response body into a string (for the direct GraphQL calls below).
std::size_t appendBody(char* data, std::size_t size, std::size_t count, void* out) {
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

// Asks the sandbox's GraphQL API directly with the admin token, for ground truth the seeded
// dataset does not hold. The document must be valid against monday's schema (the request log is
// checked after the run).
rapidjson::Document graphql(const std::string& document) {
  rapidjson::Document body(rapidjson::kObjectType);
  body.AddMember("query", rapidjson::Value(document.c_str(), body.GetAllocator()), body.GetAllocator());
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  body.Accept(writer);
  const std::string payload = buffer.GetString();

  CURL* curl = curl_easy_init();
  const std::string url = sandboxUrl() + "/v2";
  curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
  headers = curl_slist_append(headers, "Authorization: sandbox-admin-token");
  headers = curl_slist_append(headers, "API-Version: 2026-10");
  std::string response;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_CAINFO, caFile().c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, payload.c_str());
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, appendBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response);
  const CURLcode rc = curl_easy_perform(curl);
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  rapidjson::Document parsed;
  EXPECT_EQ(rc, CURLE_OK);
  parsed.Parse(response.c_str(), response.size());
  EXPECT_FALSE(parsed.HasParseError()) << response;
  EXPECT_TRUE(parsed.IsObject() && parsed.HasMember("data") && !parsed.HasMember("errors")) << response;
  return parsed;
}

// One row of SQLTables/SQLColumns: catalog functions answer as result sets.
struct CatalogColumn {
  std::string name;
  int data_type = 0;
  std::string remarks;
};

class BoardTables : public ::testing::Test {
 protected:
  void SetUp() override {
    // Earlier tests may have written to the boards; every test here reads the seeded data.
    ASSERT_EQ(sandboxControl("/__sandbox/reset", "{}"), 200);
    ASSERT_TRUE(SQL_SUCCEEDED(connection_.connectDsn("monday-sandbox"))) << describe(connection_.lastDiagnostics());
  }
  void TearDown() override {
    clearSandboxFaults();
    sandboxControl("/__sandbox/reset", "{}");  // start-up config (cursor TTL) and data again
  }

  Rows run(const std::string& sql) { return query(connection_, sql); }
  // A statement without a result set (INSERT ...).
  void execute(const std::string& sql) {
    Statement statement(connection_);
    const SQLRETURN rc = statement.execDirect(sql);
    EXPECT_TRUE(SQL_SUCCEEDED(rc)) << sql << "\n" << describe(statement.diagnostics());
  }
  Rows run(Connection& connection, const std::string& sql) { return query(connection, sql); }

  // Runs `sql`; returns its rows and the API requests it sent.
  std::pair<Rows, std::vector<rapidjson::Document>> counted(const std::string& sql) {
    const std::size_t before = requestCount();
    Rows rows = run(sql);
    return {std::move(rows), apiRequestsSince(before)};
  }

  // The tables SQLTables lists in schema `boards` (schema, name, type, remarks).
  static Rows listBoards(Connection& connection) {
    Statement statement(connection);
    EXPECT_TRUE(SQL_SUCCEEDED(SQLTables(statement.handle(), nullptr, 0, (SQLCHAR*)"boards", SQL_NTS, (SQLCHAR*)"%",
                                        SQL_NTS, nullptr, 0)))
        << describe(statement.diagnostics());
    Rows rows;
    for (auto& row : statement.fetchAllText()) rows.push_back({row[1], row[2], row[3], row[4]});
    return rows;
  }

  static std::vector<CatalogColumn> columnsOf(Connection& connection, const std::string& table) {
    Statement statement(connection);
    EXPECT_TRUE(SQL_SUCCEEDED(SQLColumns(statement.handle(), nullptr, 0, (SQLCHAR*)"boards", SQL_NTS,
                                         (SQLCHAR*)table.c_str(), SQL_NTS, nullptr, 0)))
        << describe(statement.diagnostics());
    std::vector<CatalogColumn> out;
    for (const auto& row : statement.fetchAllText()) {
      out.push_back({row[3].value_or(""), std::stoi(row[4].value_or("0")), row[11].value_or("")});
    }
    return out;
  }

  // sys_last_query as name → value maps, one per table row.
  std::vector<std::map<std::string, std::string>> lastQuery() {
    Statement statement(connection_);
    EXPECT_TRUE(SQL_SUCCEEDED(statement.execDirect(
        "SELECT statement, table_schema, table_name, pushed_to_api, evaluated_locally, fetch_method, "
        "order_by_pushed, limit_pushed, rows_fetched, table_requests, table_complexity, statement_requests, "
        "statement_complexity, scans FROM sys.sys_last_query")))
        << describe(statement.diagnostics());
    static const char* const kNames[] = {"statement",       "table_schema",     "table_name",         "pushed_to_api",
                                         "evaluated_locally", "fetch_method",   "order_by_pushed",    "limit_pushed",
                                         "rows_fetched",    "table_requests",   "table_complexity",   "statement_requests",
                                         "statement_complexity", "scans"};
    std::vector<std::map<std::string, std::string>> out;
    for (const auto& row : statement.fetchAllText()) {
      std::map<std::string, std::string> entry;
      for (std::size_t i = 0; i < row.size(); ++i) entry[kNames[i]] = row[i].value_or("NULL");
      out.push_back(std::move(entry));
    }
    return out;
  }

  Environment env_;
  Connection connection_{env_};
};

// The seeded boards with a visible subitems board (their subtasks column points at it).
std::set<std::string> boardsWithSubitems() {
  std::set<std::string> ids;
  for (const auto& b : dataset()["boards"].GetArray()) ids.insert(str(b, "id"));
  std::set<std::string> parents;
  for (const auto& b : dataset()["boards"].GetArray()) {
    for (const auto& c : b["columns"].GetArray()) {
      if (str(c, "type") != "subtasks" || c["archived"].GetBool()) continue;
      rapidjson::Document settings;
      settings.Parse(c["settings"].GetString());
      // A multi-level board's subtasks column names the board itself: its subitems are its own rows.
      const auto subitems_board = settings.IsObject() && settings.HasMember("boardIds") && !settings["boardIds"].Empty()
                                      ? std::to_string(settings["boardIds"][0].GetInt64())
                                      : std::string();
      if (ids.contains(subitems_board) && subitems_board != str(b, "id")) {
        parents.insert(str(b, "id"));
      }
    }
  }
  return parents;
}

// The board tables the seeded data should give: every board but the hidden subitems boards under
// its name, plus "<name>_subitems" for each board with subitems.
std::set<std::string> expectedTableNames(bool by_id) {
  const auto with_subitems = boardsWithSubitems();
  std::set<std::string> names;
  for (const auto& b : dataset()["boards"].GetArray()) {
    if (str(b, "type") == "sub_items_board" || str(b, "state") == "deleted") continue;
    const std::string name = by_id ? "board_" + str(b, "id") : str(b, "name");
    names.insert(name);
    if (with_subitems.contains(str(b, "id"))) names.insert(name + "_subitems");
  }
  return names;
}

std::string lower(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

// --- 1. SQLTables ------------------------------------------------------------------------------

TEST_F(BoardTables, SQLTablesListsEveryBoardAndSubitemsTableFromOneBulkFetch) {
  const std::size_t before = requestCount();
  const Rows listed = listBoards(connection_);
  const auto requests = apiRequestsSince(before);

  std::set<std::string> names;
  std::set<std::string> folded;
  for (const auto& row : listed) {
    EXPECT_EQ(row[0].value_or(""), "boards");
    EXPECT_EQ(row[2].value_or(""), "TABLE");
    EXPECT_FALSE(row[3].value_or("").empty()) << row[1].value_or("") << " has no REMARKS";
    names.insert(row[1].value());
    EXPECT_TRUE(folded.insert(lower(row[1].value())).second) << "two tables named " << row[1].value();
  }
  EXPECT_EQ(names, expectedTableNames(false));
  EXPECT_TRUE(names.contains("Project Tracker_subitems"));
  EXPECT_TRUE(names.contains("Old Roadmap 2024")) << "archived boards are tables too";
  EXPECT_TRUE(names.contains("Équipe Café ☕ – Planung 2027")) << "names stay as monday shows them";

  // Boards and columns come in bulk (100 boards a request), never one request per board.
  const std::size_t boards = dataset()["boards"].Size();
  std::printf("[ measure ] SQLTables over %zu boards: %zu requests\n", boards, requests.size());
  RecordProperty("sqltables_requests", static_cast<int>(requests.size()));
  RecordProperty("sqltables_boards", static_cast<int>(boards));
  EXPECT_GE(requests.size(), 1u);
  EXPECT_LE(requests.size(), boards / 100 + 1);
  for (const auto& request : requests) {
    const std::string document = documentOf(request);
    EXPECT_NE(document.find("boards("), std::string::npos) << document;
    EXPECT_NE(document.find("columns"), std::string::npos) << "columns must come with the boards: " << document;
    EXPECT_EQ(document.find("items_page"), std::string::npos) << "listing must not read items: " << document;
  }

  // Listed again and described, every table: all from the cache.
  const std::size_t cached = requestCount();
  EXPECT_EQ(listBoards(connection_).size(), listed.size());
  for (const auto& name : names) EXPECT_FALSE(columnsOf(connection_, name).empty()) << name;
  EXPECT_TRUE(apiRequestsSince(cached).empty()) << "SQLTables/SQLColumns must use the metadata cache";
}

TEST_F(BoardTables, ClashingBoardNamesGetTheBoardIdAsSuffix) {
  // Two new boards whose names clash with seeded ones (once exactly, once only in case, which
  // SQL identifiers ignore). The oldest board keeps the plain name.
  execute("INSERT INTO monday.Boards (name, board_kind) VALUES ('Sales Pipeline', 'public')");
  execute("INSERT INTO monday.Boards (name, board_kind) VALUES ('bug backlog', 'public')");
  const auto& sales = seededBoard(kSales);
  const auto& bugs = seededBoard(kBugs);
  const Rows created = run("SELECT id, name FROM monday.Boards WHERE name IN ('Sales Pipeline', 'bug backlog') "
                           "AND id NOT IN (" + str(sales, "id") + ", " + str(bugs, "id") + ") ORDER BY id");
  ASSERT_EQ(created.size(), 2u);
  const std::string new_sales = created[0][1].value() == "Sales Pipeline" ? created[0][0].value() : created[1][0].value();
  const std::string new_bugs = created[0][1].value() == "bug backlog" ? created[0][0].value() : created[1][0].value();

  Connection fresh(env_);  // a new connection: its own metadata cache
  ASSERT_TRUE(SQL_SUCCEEDED(fresh.connectDsn("monday-sandbox"))) << describe(fresh.lastDiagnostics());
  std::set<std::string> names;
  std::set<std::string> folded;
  for (const auto& row : listBoards(fresh)) {
    names.insert(row[1].value());
    EXPECT_TRUE(folded.insert(lower(row[1].value())).second) << "two tables named " << row[1].value();
  }
  EXPECT_TRUE(names.contains("Sales Pipeline"));
  EXPECT_TRUE(names.contains("Sales Pipeline_" + new_sales));
  EXPECT_TRUE(names.contains("Bug Backlog"));
  EXPECT_TRUE(names.contains("bug backlog_" + new_bugs));

  // The plain name still reads the seeded board; the suffixed one the new, empty board.
  EXPECT_EQ(run(fresh, "SELECT COUNT(*) FROM boards.\"Sales Pipeline\"")[0][0].value(),
            std::to_string(activeItems(sales).size()));
  EXPECT_EQ(run(fresh, "SELECT COUNT(*) FROM boards.\"Sales Pipeline_" + new_sales + "\"")[0][0].value(),
            run(fresh, "SELECT COUNT(*) FROM monday.Items WHERE board_id = " + new_sales)[0][0].value());
}

TEST_F(BoardTables, BoardTableNamesIdNamesTablesByBoardId) {
  Connection by_id(env_);
  ASSERT_TRUE(SQL_SUCCEEDED(by_id.driverConnect(sandboxConnectionString("sandbox-admin-token", "BoardTableNames=Id"))))
      << describe(by_id.lastDiagnostics());
  const std::set<std::string> expected = expectedTableNames(true);
  std::set<std::string> names;
  for (const auto& row : listBoards(by_id)) names.insert(row[1].value());
  EXPECT_EQ(names, expected);
  EXPECT_EQ(run(by_id, "SELECT COUNT(*) FROM boards.board_" + str(seededBoard(kBugs), "id"))[0][0].value(),
            std::to_string(activeItems(seededBoard(kBugs)).size()));
}

// --- 2. SQLColumns -----------------------------------------------------------------------------

TEST_F(BoardTables, SQLColumnsTypesEveryColumnByItsMondayTypeWithRemarks) {
  const auto catalog = columnsOf(connection_, kTracker);
  std::map<std::string, const CatalogColumn*> by_name;
  for (const auto& c : catalog) {
    EXPECT_FALSE(c.remarks.empty()) << c.name << " has no REMARKS";
    EXPECT_TRUE(by_name.emplace(c.name, &c).second) << "column " << c.name << " twice";
  }
  const std::vector<std::pair<std::string, int>> expected = {
      {"id", SQL_BIGINT},                  {"name", SQL_WVARCHAR},
      {"group_id", SQL_WVARCHAR},          {"group_title", SQL_WVARCHAR},
      {"creator_id", SQL_BIGINT},          {"created_at", SQL_TYPE_TIMESTAMP},
      {"updated_at", SQL_TYPE_TIMESTAMP},  {"budget", SQL_DOUBLE},
      {"hours", SQL_DOUBLE},               {"due_date", SQL_TYPE_DATE},
      {"due_date_time", SQL_TYPE_TIME},    {"due_date_value", SQL_WLONGVARCHAR},
      {"approved", SQL_BIT},               {"timeline_from", SQL_TYPE_DATE},
      {"timeline_to", SQL_TYPE_DATE},      {"timeline_value", SQL_WLONGVARCHAR},
      {"sprint_week_from", SQL_TYPE_DATE}, {"sprint_week_to", SQL_TYPE_DATE},
      {"status", SQL_WVARCHAR},            {"status_id", SQL_INTEGER},
      {"status_value", SQL_WLONGVARCHAR},  {"priority", SQL_WVARCHAR},
      {"owner", SQL_WVARCHAR},             {"owner_ids", SQL_WVARCHAR},
      {"owner_team_ids", SQL_WVARCHAR},    {"owner_value", SQL_WLONGVARCHAR},
      {"customer", SQL_WVARCHAR},          {"customer_ids", SQL_WVARCHAR},
      {"customer_country", SQL_WVARCHAR},  {"depends_on", SQL_WVARCHAR},
      {"depends_on_ids", SQL_WVARCHAR},    {"category", SQL_WVARCHAR},
      {"category_ids", SQL_WVARCHAR},      {"category_value", SQL_WLONGVARCHAR},
      {"notes", SQL_WVARCHAR},             {"description", SQL_WLONGVARCHAR},
      {"rating", SQL_INTEGER},             {"stand_up_time", SQL_TYPE_TIME},
      {"created", SQL_TYPE_TIMESTAMP},     {"item_id", SQL_BIGINT},
      {"country", SQL_WVARCHAR},           {"country_code", SQL_WVARCHAR},
      {"site_lat", SQL_DOUBLE},            {"site_lng", SQL_DOUBLE},
  };
  for (const auto& [name, type] : expected) {
    auto it = by_name.find(name);
    if (it == by_name.end()) {
      ADD_FAILURE() << "no column " << name;
      continue;
    }
    EXPECT_EQ(it->second->data_type, type) << name;
  }
  // The fixed columns come first, in their documented order.
  ASSERT_GE(catalog.size(), 9u);
  EXPECT_EQ(catalog[0].name, "id");
  EXPECT_EQ(catalog[1].name, "name");

  // Every monday column of the board has SQL columns, each saying which monday column it shows.
  const auto& board = seededBoard(kTracker);
  for (const auto& c : board["columns"].GetArray()) {
    if (str(c, "type") == "name" || c["archived"].GetBool()) continue;
    const std::string tag = "(id " + str(c, "id") + ", type " + str(c, "type") + ")";
    const bool described = std::any_of(catalog.begin(), catalog.end(),
                                       [&](const CatalogColumn& sql) { return sql.remarks.find(tag) != std::string::npos; });
    EXPECT_TRUE(described) << "no SQL column shows monday column " << tag;
  }
  EXPECT_NE(by_name.at("status")->remarks.find("'Status'"), std::string::npos) << by_name.at("status")->remarks;

  // The subitems table has the parent's id, and SQLDescribeCol agrees with SQLColumns.
  const auto subitems = columnsOf(connection_, "Project Tracker_subitems");
  EXPECT_TRUE(std::any_of(subitems.begin(), subitems.end(), [](const CatalogColumn& c) {
    return c.name == "parent_item_id" && c.data_type == SQL_BIGINT;
  }));
  Statement statement(connection_);
  ASSERT_ODBC_OK(SQLPrepare(statement.handle(), (SQLCHAR*)"SELECT * FROM boards.\"Project Tracker\"", SQL_NTS),
                 SQL_HANDLE_STMT, statement.handle());
  const SQLSMALLINT count = statement.columnCount();
  ASSERT_EQ(static_cast<std::size_t>(count), catalog.size());
  for (SQLUSMALLINT c = 1; c <= count; ++c) {
    SQLCHAR name[256];
    SQLSMALLINT length = 0, type = 0, digits = 0, nullable = 0;
    SQLULEN size = 0;
    ASSERT_ODBC_OK(SQLDescribeCol(statement.handle(), c, name, sizeof name, &length, &type, &size, &digits, &nullable),
                   SQL_HANDLE_STMT, statement.handle());
    EXPECT_EQ(reinterpret_cast<char*>(name), catalog[c - 1].name);
    EXPECT_EQ(type, catalog[c - 1].data_type) << name;
  }
}

TEST_F(BoardTables, TypedColumnsHoldTheCellsOfTheSeededItems) {
  const auto& board = seededBoard(kTracker);
  const Rows rows = run(
      "SELECT id, status, status_id, status_value, due_date, approved, timeline_from, timeline_to, timeline_value, "
      "owner, owner_ids, budget, category, customer, customer_ids, customer_country, depends_on_ids "
      "FROM boards.\"Project Tracker\"");
  const auto items = activeItems(board);
  ASSERT_EQ(rows.size(), items.size());
  std::map<std::string, const rapidjson::Value*> by_id;
  for (const auto* item : items) by_id[str(*item, "id")] = item;

  // Linked item ids and display values are only readable through typed fields: ask GraphQL.
  const auto truth = graphql(
      "query { boards(ids: [" + str(board, "id") +
      "]) { items_page(limit: 500) { items { id column_values(ids: [\"connect_boards\", \"mirror\", \"dependency\"]) "
      "{ id ... on BoardRelationValue { relation_ids: linked_item_ids relation_display: display_value } "
      "... on MirrorValue { mirror_display: display_value } "
      "... on DependencyValue { dependency_ids: linked_item_ids } } } } } }");
  std::map<std::string, std::map<std::string, std::string>> linked;  // item → field → text
  for (const auto& item : truth["data"]["boards"][0]["items_page"]["items"].GetArray()) {
    auto& fields = linked[item["id"].GetString()];
    for (const auto& cell : item["column_values"].GetArray()) {
      for (const char* list : {"relation_ids", "dependency_ids"}) {
        if (!cell.HasMember(list)) continue;
        std::string ids;
        for (const auto& id : cell[list].GetArray()) ids += (ids.empty() ? "" : ",") + std::string(id.GetString());
        fields[list] = ids.empty() ? "NULL" : ids;
      }
      for (const char* shown : {"relation_display", "mirror_display"}) {
        if (cell.HasMember(shown)) {
          fields[shown] = cell[shown].IsString() && cell[shown].GetStringLength() ? cell[shown].GetString() : "NULL";
        }
      }
    }
  }

  std::size_t linked_rows = 0;
  for (const auto& row : rows) {
    const std::string id = row[0].value();
    SCOPED_TRACE("item " + id);
    ASSERT_TRUE(by_id.contains(id));
    const auto& item = *by_id[id];
    auto text = [&](const char* column_id) {
      const auto* cell = cellOf(item, column_id);
      const std::string t = cell ? str(*cell, "text") : "NULL";
      return t.empty() ? std::string("NULL") : t;
    };
    auto at = [&](std::size_t i) { return row[i].value_or("NULL"); };

    // status: label text, label id, raw value JSON side by side.
    EXPECT_EQ(at(1), text("status"));
    const auto status = cellValue(item, "status");
    if (at(1) != "NULL") {
      EXPECT_EQ(at(2), std::to_string(status["index"].GetInt64()));
    }
    EXPECT_EQ(at(3), str(*cellOf(item, "status"), "value"));
    // date → DATE
    const auto due = cellValue(item, "date4");
    EXPECT_EQ(at(4), due.HasMember("date") ? str(due, "date") : "NULL");
    // checkbox → BIT
    const auto approved = cellValue(item, "checkbox");
    const bool checked = approved.HasMember("checked") &&
                         ((approved["checked"].IsBool() && approved["checked"].GetBool()) ||
                          (approved["checked"].IsString() && std::string(approved["checked"].GetString()) == "true"));
    EXPECT_EQ(at(5), checked ? "1" : "0");
    // timeline → two DATE columns and the JSON
    const auto timeline = cellValue(item, "timeline");
    EXPECT_EQ(at(6), timeline.HasMember("from") ? str(timeline, "from") : "NULL");
    EXPECT_EQ(at(7), timeline.HasMember("to") ? str(timeline, "to") : "NULL");
    EXPECT_EQ(at(8), str(*cellOf(item, "timeline"), "value"));
    // people → names and ids
    EXPECT_EQ(at(9), text("person"));
    std::string person_ids;
    const auto people = cellValue(item, "person");
    if (people.HasMember("personsAndTeams")) {
      for (const auto& p : people["personsAndTeams"].GetArray()) {
        if (str(p, "kind") == "person") person_ids += (person_ids.empty() ? "" : ",") + str(p, "id");
      }
    }
    EXPECT_EQ(at(10), person_ids.empty() ? "NULL" : person_ids);
    // numbers → DOUBLE
    if (text("numbers") == "NULL") {
      EXPECT_EQ(at(11), "NULL");
    } else {
      EXPECT_NEAR(std::stod(at(11)), std::stod(text("numbers")), 1e-9);
    }
    // dropdown → labels
    EXPECT_EQ(at(12), text("dropdown"));
    // relation / mirror / dependency → display value and linked ids, as GraphQL gives them
    const auto& truth_fields = linked[id];
    EXPECT_EQ(at(14), truth_fields.contains("relation_ids") ? truth_fields.at("relation_ids") : "NULL");
    EXPECT_EQ(at(13) == "NULL", at(14) == "NULL") << "a relation shows names exactly when it links items";
    if (at(14) != "NULL") {
      ++linked_rows;
      EXPECT_EQ(at(13), truth_fields.at("relation_display"));
    }
    EXPECT_EQ(at(15), truth_fields.contains("mirror_display") ? truth_fields.at("mirror_display") : "NULL");
    EXPECT_EQ(at(16), truth_fields.contains("dependency_ids") ? truth_fields.at("dependency_ids") : "NULL");
  }
  EXPECT_GT(linked_rows, 0u) << "the seeded board should link some items to Customer Accounts";
}

// --- 3. Filtered queries: pushed version == full scan filtered by SQL --------------------------

namespace {

struct FilterCase {
  const char* table;
  const char* columns;
  const char* where;
  const char* tail;      // ORDER BY / LIMIT ("" = none)
  bool expect_pushed;    // at least one term must reach the API
  bool strictly_fewer;   // the pushed version must send fewer requests than the full scan
};

const char* const kTrackerColumns =
    "id, name, group_id, status, priority, budget, due_date, notes, approved, owner, rating, category, "
    "timeline_from, timeline_to";
const char* const kBugColumns = "id, name, status, priority, estimate_h, reported_on, component, regression";
const char* const kSalesColumns = "id, name, stage, deal_value, expected_close, signed, country_code, source";

const FilterCase kCases[] = {
    {kTracker, kTrackerColumns, "status = 'Done'", "", true, false},
    {kTracker, kTrackerColumns, "status IN ('Done', 'Stuck')", "", true, false},
    {kTracker, kTrackerColumns, "status <> 'Done'", "", true, false},
    {kTracker, kTrackerColumns, "status NOT IN ('Done', 'Stuck')", "", false, false},
    {kTracker, kTrackerColumns, "status_id = 1", "", true, false},
    {kTracker, kTrackerColumns, "notes LIKE '%an%'", "", true, false},
    {kTracker, kTrackerColumns, "name LIKE '%FLOW%'", "", true, false},
    {kTracker, kTrackerColumns, "owner LIKE '%Aisha%'", "", true, false},
    {kTracker, kTrackerColumns, "due_date IS NULL", "", true, false},
    {kTracker, kTrackerColumns, "due_date IS NOT NULL", "", true, false},
    {kTracker, kTrackerColumns, "notes IS NULL", "", true, false},
    {kTracker, kTrackerColumns, "budget > 1000 AND budget <= 5000", "", true, false},
    {kTracker, kTrackerColumns, "budget >= 2500.5 OR budget < 100", "", false, false},
    {kTracker, kTrackerColumns, "due_date >= '2026-06-01' AND due_date < '2027-01-01'", "", true, false},
    {kTracker, kTrackerColumns, "due_date = '2027-03-16'", "", true, false},
    {kTracker, kTrackerColumns, "timeline_from >= '2026-03-01' AND timeline_to <= '2026-12-31'", "", true, false},
    {kTracker, kTrackerColumns, "status = 'Done' OR priority = 'Critical'", "", false, false},
    {kTracker, kTrackerColumns, "(status = 'Stuck' AND approved = 1) OR budget < 500", "", false, false},
    {kTracker, kTrackerColumns, "status = 'Working on it' AND approved = 1", "", true, false},
    {kTracker, kTrackerColumns, "approved = 0", "", true, false},
    {kTracker, kTrackerColumns, "rating = 5", "", true, false},
    {kTracker, kTrackerColumns, "rating IS NULL", "", true, false},
    {kTracker, kTrackerColumns, "category = 'Finance'", "", true, false},
    {kTracker, kTrackerColumns, "category IN ('Finance', 'Marketing')", "", true, false},
    {kTracker, kTrackerColumns, "group_id = 'topics'", "", true, false},
    {kTracker, kTrackerColumns, "priority = 'No such label'", "", false, false},
    {kTracker, "budget, id, name", "budget IS NOT NULL", "ORDER BY budget DESC LIMIT 5", true, false},
    {kTracker, "budget, id, name", "budget > 0", "ORDER BY budget", true, false},
    {kBugs, kBugColumns, "status = 'Done'", "", true, true},
    {kBugs, kBugColumns, "status IS NULL", "", true, true},
    {kBugs, kBugColumns, "estimate_h > 10 AND regression = 1", "", true, true},
    {kBugs, kBugColumns, "priority IN ('Critical', 'High') AND reported_on >= '2026-03-01'", "", true, false},
    {kBugs, kBugColumns, "component LIKE '%Kickoff%'", "", true, true},
    {kBugs, kBugColumns, "component IN ('scope budget', 'alpha alpha')", "", true, true},
    {kBugs, kBugColumns, "status NOT IN ('Done', 'Stuck')", "", false, false},
    {kBugs, "estimate_h, id", "estimate_h IS NOT NULL", "ORDER BY estimate_h DESC LIMIT 20", true, true},
    {kSales, kSalesColumns, "stage <> 'Won' AND deal_value BETWEEN 1000 AND 50000", "", true, false},
    {kSales, kSalesColumns, "country_code = 'DE'", "", true, false},
    {kSales, kSalesColumns, "signed = 1 AND expected_close IS NOT NULL", "", true, false},
    {kSales, kSalesColumns, "source = 'Referral' OR stage = 'Lost'", "", false, false},
};

}  // namespace

TEST_F(BoardTables, FilteredQueriesReturnWhatAFullScanFilteredBySqlReturns) {
  // Eighty scans in a row would spend more than a minute's complexity budget and make the driver
  // wait (limits_test covers that); here only rows and request counts matter.
  ASSERT_EQ(sandboxControl("/__sandbox/config", R"({"complexity_budget": 1000000000})"), 200);
  auto points = [](const std::vector<rapidjson::Document>& requests) {
    long long sum = 0;
    for (const auto& request : requests) sum += request["complexity"].GetInt64();
    return sum;
  };
  long long points_pushed = 0, points_full = 0;
  // Create the tables (one metadata fetch) before counting.
  for (const char* table : {kTracker, kBugs, kSales}) run("SELECT COUNT(*) FROM " + quoted(table) + " WHERE id = 0");

  std::size_t total_pushed = 0, total_full = 0, empty_results = 0;
  for (const auto& c : kCases) {
    const std::string tail = *c.tail ? std::string(" ") + c.tail : "";
    const std::string pushed_sql =
        std::string("SELECT ") + c.columns + " FROM " + quoted(c.table) + " WHERE " + c.where + tail;
    // A MATERIALIZED CTE reads the whole board first; SQLite cannot push WHERE, ORDER BY or LIMIT
    // into it, so this is the full scan filtered by SQL.
    const std::string full_sql = std::string("WITH t AS MATERIALIZED (SELECT * FROM ") + quoted(c.table) +
                                 ") SELECT " + c.columns + " FROM t WHERE " + c.where + tail;
    SCOPED_TRACE(pushed_sql);

    auto [expected, full_requests] = counted(full_sql);
    const auto full_plan = lastQuery();
    ASSERT_EQ(full_plan.size(), 1u);
    EXPECT_EQ(full_plan[0].at("pushed_to_api"), "NULL") << "the reference must be a plain full scan";

    auto [actual, pushed_requests] = counted(pushed_sql);
    const auto plan = lastQuery();
    ASSERT_EQ(plan.size(), 1u);

    if (std::string(c.tail).find("ORDER BY") != std::string::npos) {
      // Same order of the sort key; rows equal as sets where ties cannot change which rows come.
      EXPECT_EQ(column(actual, 0), column(expected, 0));
      if (std::string(c.tail).find("LIMIT") == std::string::npos) {
        EXPECT_EQ(tuples(actual), tuples(expected));
      }
    } else {
      EXPECT_EQ(tuples(actual), tuples(expected));
    }
    EXPECT_LE(pushed_requests.size(), full_requests.size());
    if (c.strictly_fewer) {
      EXPECT_LT(pushed_requests.size(), full_requests.size());
    }
    if (c.expect_pushed) {
      EXPECT_NE(plan[0].at("pushed_to_api"), "NULL") << "nothing reached the API";
    }
    EXPECT_EQ(plan[0].at("statement_requests"), std::to_string(pushed_requests.size()));
    for (const auto& request : pushed_requests) {
      const std::string document = documentOf(request);
      if (plan[0].at("pushed_to_api") != "NULL" && document.find("next_items_page") == std::string::npos) {
        EXPECT_NE(document.find("query_params"), std::string::npos) << document;
      }
    }

    if (expected.empty()) ++empty_results;
    total_pushed += pushed_requests.size();
    total_full += full_requests.size();
    points_pushed += points(pushed_requests);
    points_full += points(full_requests);
    std::printf("[ measure ] %-16s %-75s rows=%-4zu pushed=%zu full=%zu requests | %s\n", c.table,
                (std::string(c.where) + tail).c_str(), actual.size(), pushed_requests.size(), full_requests.size(),
                plan[0].at("pushed_to_api").c_str());
  }
  std::printf("[ measure ] %zu filtered queries: %zu requests pushed, %zu as full scans; complexity %lld pushed, "
              "%lld as full scans\n",
              std::size(kCases), total_pushed, total_full, points_pushed, points_full);
  RecordProperty("pushed_complexity", std::to_string(points_pushed));
  RecordProperty("full_scan_complexity", std::to_string(points_full));
  // Only the unknown label may match nothing: comparing empty results proves little.
  EXPECT_LE(empty_results, 1u);
  RecordProperty("filtered_queries", static_cast<int>(std::size(kCases)));
  RecordProperty("pushed_requests", static_cast<int>(total_pushed));
  RecordProperty("full_scan_requests", static_cast<int>(total_full));
}

TEST_F(BoardTables, LimitWithoutOrderStopsAfterOneSmallPage) {
  run("SELECT COUNT(*) FROM " + quoted(kBugs) + " WHERE id = 0");
  auto [all_done, unused] = counted("SELECT id FROM " + quoted(kBugs) + " WHERE status = 'Done'");
  std::set<std::string> done;
  for (const auto& row : all_done) done.insert(row[0].value());

  auto [rows, requests] = counted("SELECT id FROM " + quoted(kBugs) + " WHERE status = 'Done' LIMIT 7");
  ASSERT_EQ(rows.size(), 7u);
  for (const auto& row : rows) EXPECT_TRUE(done.contains(row[0].value())) << row[0].value();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0]["variables"]["limit"].GetInt(), 7);
  std::printf("[ measure ] LIMIT 7 on a filtered 1,250-item board: %zu request\n", requests.size());
}

// --- 4. id IN (...) ----------------------------------------------------------------------------

TEST_F(BoardTables, LongIdListsAreBatchedIntoItemsByIdCallsOfAHundred) {
  const auto& bugs = seededBoard(kBugs);
  std::vector<std::string> wanted;
  std::set<std::string> expected;
  for (const auto& item : bugs["items"].GetArray()) {
    if (wanted.size() >= 240) break;
    wanted.push_back(str(item, "id"));
    if (str(item, "state") == "active") expected.insert(str(item, "id"));
  }
  // Items of another board and an id nobody has: sent, but no row of this table.
  for (const auto* item : activeItems(seededBoard(kTracker))) {
    wanted.push_back(str(*item, "id"));
    if (wanted.size() >= 250) break;
  }
  wanted.push_back("9999999999");
  std::string list;
  for (const auto& id : wanted) list += (list.empty() ? "" : ", ") + id;
  run("SELECT COUNT(*) FROM " + quoted(kBugs) + " WHERE id = 0");

  auto [rows, requests] = counted("SELECT id, name FROM " + quoted(kBugs) + " WHERE id IN (" + list + ")");
  std::set<std::string> got;
  for (const auto& row : rows) got.insert(row[0].value());
  EXPECT_EQ(got, expected);
  EXPECT_EQ(rows.size(), expected.size());

  const std::size_t batches = (wanted.size() + 99) / 100;
  EXPECT_EQ(requests.size(), batches);
  std::set<std::string> sent;
  for (const auto& request : requests) {
    EXPECT_NE(documentOf(request).find("items(ids:"), std::string::npos) << documentOf(request);
    const auto& ids = request["variables"]["ids"];
    ASSERT_TRUE(ids.IsArray());
    EXPECT_LE(ids.Size(), 100u);
    for (const auto& id : ids.GetArray()) sent.insert(id.GetString());
  }
  EXPECT_EQ(sent, std::set<std::string>(wanted.begin(), wanted.end()));
  std::printf("[ measure ] id IN (%zu ids): %zu items(ids:) requests\n", wanted.size(), requests.size());
  RecordProperty("id_in_ids", static_cast<int>(wanted.size()));
  RecordProperty("id_in_requests", static_cast<int>(requests.size()));

  const auto plan = lastQuery();
  ASSERT_EQ(plan.size(), 1u);
  EXPECT_EQ(plan[0].at("fetch_method"), "items(ids:)");
  EXPECT_EQ(plan[0].at("table_requests"), std::to_string(batches));
}

// --- 5. sys_last_query -------------------------------------------------------------------------

TEST_F(BoardTables, SysLastQueryShowsPushedAndLocalTermsRequestsAndComplexity) {
  run("SELECT COUNT(*) FROM " + quoted(kTracker) + " WHERE id = 0");
  const std::string sql =
      "SELECT id, name FROM boards.\"Project Tracker\" WHERE status = 'Done' AND budget > 1000 "
      "AND notes LIKE '%a%' AND priority <> 'No such label' AND length(name) > 3";
  const std::size_t before = requestCount();
  const Rows rows = run(sql);
  const auto requests = apiRequestsSince(before);
  long long complexity = 0;
  for (const auto& request : requests) complexity += request["complexity"].GetInt64();

  const auto plan = lastQuery();
  ASSERT_EQ(plan.size(), 1u);
  const auto& row = plan[0];
  EXPECT_EQ(row.at("statement"), sql);
  EXPECT_EQ(row.at("table_schema"), "boards");
  EXPECT_EQ(row.at("table_name"), "Project Tracker");
  EXPECT_EQ(row.at("fetch_method"), "items_page");
  EXPECT_NE(row.at("pushed_to_api").find("status any_of"), std::string::npos) << row.at("pushed_to_api");
  EXPECT_NE(row.at("pushed_to_api").find("numbers greater_than 1000"), std::string::npos) << row.at("pushed_to_api");
  EXPECT_NE(row.at("pushed_to_api").find("text contains_text \"a\""), std::string::npos) << row.at("pushed_to_api");
  EXPECT_NE(row.at("evaluated_locally").find("priority"), std::string::npos) << row.at("evaluated_locally");
  EXPECT_NE(row.at("evaluated_locally").find("not in the column settings"), std::string::npos)
      << row.at("evaluated_locally");
  EXPECT_EQ(row.at("table_requests"), std::to_string(requests.size()));
  EXPECT_EQ(row.at("statement_requests"), std::to_string(requests.size()));
  EXPECT_EQ(row.at("statement_complexity"), std::to_string(complexity));
  EXPECT_EQ(row.at("table_complexity"), std::to_string(complexity));
  EXPECT_GT(complexity, 0);
  EXPECT_GE(std::stoll(row.at("rows_fetched")), static_cast<long long>(rows.size()));
  std::printf("[ measure ] sys_last_query: %s requests, %s complexity points, pushed: %s | local: %s\n",
              row.at("statement_requests").c_str(), row.at("statement_complexity").c_str(),
              row.at("pushed_to_api").c_str(), row.at("evaluated_locally").c_str());

  // Reading it costs nothing and does not replace it.
  const std::size_t quiet = requestCount();
  EXPECT_EQ(lastQuery()[0].at("statement"), sql);
  EXPECT_TRUE(apiRequestsSince(quiet).empty());

  // A term the API could not take is never reported as pushed.
  run("SELECT id FROM boards.\"Project Tracker\" WHERE priority = 'No such label'");
  const auto unknown = lastQuery();
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_EQ(unknown[0].at("pushed_to_api"), "NULL");
  EXPECT_NE(unknown[0].at("evaluated_locally").find("priority"), std::string::npos);

  // ORDER BY and LIMIT that monday applies are shown too.
  run("SELECT budget FROM boards.\"Project Tracker\" WHERE budget IS NOT NULL ORDER BY budget DESC LIMIT 3");
  const auto ordered = lastQuery();
  ASSERT_EQ(ordered.size(), 1u);
  EXPECT_EQ(ordered[0].at("order_by_pushed"), "budget DESC");
  run("SELECT id FROM boards.\"Project Tracker\" WHERE status = 'Done' LIMIT 3");
  const auto limited = lastQuery();
  ASSERT_EQ(limited.size(), 1u);
  EXPECT_EQ(limited[0].at("limit_pushed"), "3");
}

// --- 6. Expired cursors ------------------------------------------------------------------------

TEST_F(BoardTables, AnExpiredItemsPageCursorRestartsTransparently) {
  const auto& bugs = seededBoard(kBugs);
  std::set<std::string> expected;
  for (const auto* item : activeItems(bugs)) expected.insert(str(*item, "id"));
  ASSERT_GT(expected.size(), 1000u) << "needs several 500-item pages";
  run("SELECT COUNT(*) FROM " + quoted(kBugs) + " WHERE id = 0");
  // Cursors now live two seconds after their first page.
  ASSERT_EQ(sandboxControl("/__sandbox/config", R"({"cursor_ttl_seconds": 2})"), 200);

  // One request at a time: read-ahead would fetch every page before the pause, and the chain's
  // restart is what this test is about.
  Connection one_at_a_time(env_);
  ASSERT_TRUE(SQL_SUCCEEDED(one_at_a_time.driverConnect(sandboxConnectionString("sandbox-admin-token",
                                                                                 "MaxConcurrentRequests=1"))));
  const std::size_t before = requestCount();
  Statement statement(one_at_a_time);
  ASSERT_ODBC_OK(statement.execDirect("SELECT id FROM " + quoted(kBugs)), SQL_HANDLE_STMT, statement.handle());
  std::vector<std::string> ids;
  for (int i = 0; i < 10; ++i) {
    ASSERT_ODBC_OK(SQLFetch(statement.handle()), SQL_HANDLE_STMT, statement.handle());
    char buffer[32];
    SQLLEN indicator = 0;
    ASSERT_ODBC_OK(SQLGetData(statement.handle(), 1, SQL_C_CHAR, buffer, sizeof buffer, &indicator), SQL_HANDLE_STMT,
                   statement.handle());
    ids.emplace_back(buffer);
  }
  // The application pauses longer than the cursor lives; the next page needs the cursor.
  std::this_thread::sleep_for(std::chrono::milliseconds(4500));
  for (const auto& row : statement.fetchAllText()) ids.push_back(row[0].value());

  EXPECT_EQ(ids.size(), expected.size()) << "no row lost or repeated";
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()), expected);

  // The sandbox refused the old cursor once, and the driver began again with items_page.
  const auto requests = apiRequestsSince(before);
  std::size_t first_pages = 0, next_pages = 0;
  for (const auto& request : requests) {
    const std::string document = documentOf(request);
    if (document.find("next_items_page") != std::string::npos) ++next_pages;
    else if (document.find("items_page(") != std::string::npos) ++first_pages;
  }
  // One restart; a loaded machine may need another, but never the driver's give-up limit.
  EXPECT_GE(first_pages, 2u) << "the cursor should have expired and the chain restarted";
  EXPECT_LE(first_pages, 6u);
  EXPECT_GE(next_pages, 3u) << "the expired page and the pages after the restart";
  std::printf("[ measure ] expired cursor: %zu requests (%zu first pages, %zu next pages) for %zu rows\n",
              requests.size(), first_pages, next_pages, ids.size());
}
