// The entity tables of schema `monday` through the driver manager: listed and typed in the
// catalog, their rows equal to the sandbox's seeded data (dataset.json), keys pushed to the API
// (checked by counting and reading the requests the sandbox logged), and ActivityLogs filters
// giving exactly what SQL gives on a full scan.
#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>
#include <map>
#include <set>

#include "tests/integration/odbc_support.h"

using namespace monday::test;

namespace {

using Rows = std::vector<std::vector<std::optional<std::string>>>;
using Tuples = std::multiset<std::vector<std::string>>;

const char* const kEntityTables[] = {"Account", "AccountProducts", "AccountRoles", "ActivityLogs", "Assets",
                                     "AuditEventCatalogue", "BoardDependencies", "BoardDocs", "BoardUsers", "BoardViews",
                                     "ColumnTypeSchema", "ColumnValues", "CustomActivities", "DocBlocks", "DocMarkdown", "Docs", "Favorites", "Folders", "ManagedColumns",
                                     "Me", "PlatformDailyLimit", "PlatformUsageByApp", "PlatformUsageByDay",
                                     "PlatformUsageByUser", "Replies", "Subitems", "Tags", "TeamUsers", "Teams", "TimelineItems",
                                     "Updates", "UpdateViewers", "Webhooks", "WorkspaceUsers"};

std::string str(const rapidjson::Value& object, const char* name) {
  auto it = object.FindMember(name);
  if (it == object.MemberEnd() || it->value.IsNull()) return "NULL";
  if (it->value.IsString()) return it->value.GetString();
  if (it->value.IsBool()) return it->value.GetBool() ? "1" : "0";
  if (it->value.IsInt64()) return std::to_string(it->value.GetInt64());
  return "?";
}

std::vector<std::string> strings(const rapidjson::Value& object, const char* name) {
  std::vector<std::string> out;
  auto it = object.FindMember(name);
  if (it == object.MemberEnd() || !it->value.IsArray()) return out;
  for (const auto& v : it->value.GetArray()) out.emplace_back(v.GetString());
  return out;
}

// '2026-03-01T10:00:00Z' → '2026-03-01 10:00:00', as the driver shows timestamps.
std::string sqlTime(const std::string& iso) {
  if (iso.size() < 19) return iso;
  std::string out = iso.substr(0, 19);
  out[10] = ' ';
  return out;
}

// Rows as tuples of text; NULL is "NULL", timestamps cut to seconds.
Tuples tuples(const Rows& rows) {
  Tuples out;
  for (const auto& row : rows) {
    std::vector<std::string> tuple;
    for (const auto& cell : row) tuple.push_back(cell.value_or("NULL"));
    out.insert(tuple);
  }
  return out;
}

const rapidjson::Value& board(const std::string& name) {
  for (const auto& b : dataset()["boards"].GetArray()) {
    if (str(b, "name") == name) return b;
  }
  throw std::runtime_error("no board " + name);
}

std::map<std::string, const rapidjson::Value*> itemsById() {
  std::map<std::string, const rapidjson::Value*> items;
  for (const auto& b : dataset()["boards"].GetArray()) {
    for (const auto& item : b["items"].GetArray()) items[str(item, "id")] = &item;
  }
  return items;
}

std::string userStatus(const std::string& id) {
  for (const auto& user : dataset()["users"].GetArray()) {
    if (str(user, "id") == id) return str(user, "status");
  }
  return "";
}

// The documents of the requests logged since `before`.
std::vector<std::string> documentsSince(std::size_t before) {
  std::vector<std::string> out;
  for (const auto& request : requestsSince(before)) {
    if (request.HasMember("query") && request["query"].IsString()) out.emplace_back(request["query"].GetString());
  }
  return out;
}

std::string variablesText(const rapidjson::Document& request) {
  if (!request.HasMember("variables") || !request["variables"].IsObject()) return "";
  std::string out;
  for (const auto& member : request["variables"].GetObject()) {
    out += std::string(member.name.GetString()) + "=";
    if (member.value.IsArray()) {
      for (const auto& v : member.value.GetArray()) out += (v.IsString() ? v.GetString() : "#") + std::string(",");
    } else if (member.value.IsString()) {
      out += member.value.GetString();
    }
    out += ";";
  }
  return out;
}

class EntityTables : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(SQL_SUCCEEDED(connection_.connectDsn("monday-sandbox"))) << describe(connection_.lastDiagnostics());
  }
  Rows run(const std::string& sql) { return query(connection_, sql); }

  Environment env_;
  Connection connection_{env_};
};

}  // namespace

// --- catalog ------------------------------------------------------------------------------------

TEST_F(EntityTables, EveryTableIsListedWithDescribedColumnsWhoseTypesMatchDescribeCol) {
  std::set<std::string> listed;
  {
    Statement statement(connection_);
    ASSERT_ODBC_OK(SQLTables(statement.handle(), nullptr, 0, (SQLCHAR*)"monday", SQL_NTS, (SQLCHAR*)"%", SQL_NTS,
                             nullptr, 0),
                   SQL_HANDLE_STMT, statement.handle());
    for (const auto& row : statement.fetchAllText()) listed.insert(row[2].value());
  }
  for (const char* table : kEntityTables) {
    SCOPED_TRACE(table);
    EXPECT_TRUE(listed.contains(table));
    std::vector<std::pair<std::string, int>> catalog;
    {
      Statement statement(connection_);
      ASSERT_ODBC_OK(SQLColumns(statement.handle(), nullptr, 0, (SQLCHAR*)"monday", SQL_NTS, (SQLCHAR*)table, SQL_NTS,
                                nullptr, 0),
                     SQL_HANDLE_STMT, statement.handle());
      for (const auto& row : statement.fetchAllText()) {
        catalog.emplace_back(row[3].value(), std::stoi(row[4].value()));
        EXPECT_FALSE(row[11].value_or("").empty()) << row[3].value() << " has no REMARKS";
      }
    }
    ASSERT_FALSE(catalog.empty());
    Statement statement(connection_);
    ASSERT_ODBC_OK(SQLPrepare(statement.handle(), (SQLCHAR*)(std::string("SELECT * FROM ") + table).c_str(), SQL_NTS),
                   SQL_HANDLE_STMT, statement.handle());
    SQLSMALLINT count = statement.columnCount();
    ASSERT_EQ(static_cast<std::size_t>(count), catalog.size());
    for (SQLUSMALLINT c = 1; c <= count; ++c) {
      SQLCHAR name[128];
      SQLSMALLINT length = 0, type = 0, digits = 0, nullable = 0;
      SQLULEN size = 0;
      ASSERT_ODBC_OK(SQLDescribeCol(statement.handle(), c, name, sizeof name, &length, &type, &size, &digits, &nullable),
                     SQL_HANDLE_STMT, statement.handle());
      EXPECT_EQ(reinterpret_cast<char*>(name), catalog[c - 1].first);
      EXPECT_EQ(type, catalog[c - 1].second) << name;
    }
  }
}

// --- single-row tables ---------------------------------------------------------------------------

TEST_F(EntityTables, AccountAndMeAreTheTokensAccountAndUser) {
  const auto& account = dataset()["account"];
  auto rows = run("SELECT id, name, slug, tier, country_code FROM Account");
  EXPECT_EQ(tuples(rows), (Tuples{{str(account, "id"), str(account, "name"), str(account, "slug"), str(account, "tier"),
                                   str(account, "country_code")}}));

  const auto& avery = dataset()["users"][0];  // sandbox-admin-token belongs to the first user
  auto me = run("SELECT id, name, email, status FROM Me");
  EXPECT_EQ(tuples(me), (Tuples{{str(avery, "id"), str(avery, "name"), str(avery, "email"), str(avery, "status")}}));
  // Me has the columns of Users and agrees with it.
  EXPECT_EQ(tuples(run("SELECT u.name FROM Me m JOIN Users u ON u.id = m.id")), (Tuples{{str(avery, "name")}}));
}

TEST_F(EntityTables, AccountRolesAndProductsMatchTheSeededAccount) {
  Tuples roles, products;
  for (const auto& r : dataset()["account_roles"].GetArray()) roles.insert({str(r, "id"), str(r, "name"), str(r, "roleType")});
  for (const auto& p : dataset()["account"]["products"].GetArray()) {
    products.insert({str(p, "id"), str(p, "kind"), str(p, "tier"), str(p, "default_workspace_id")});
  }
  ASSERT_GE(roles.size(), 5u);
  ASSERT_FALSE(products.empty());
  std::size_t before = requestCount();
  EXPECT_EQ(tuples(run("SELECT id, name, role_type FROM AccountRoles")), roles);
  EXPECT_EQ(tuples(run("SELECT id, kind, tier, default_workspace_id FROM AccountProducts")), products);
  auto documents = documentsSince(before);
  ASSERT_EQ(documents.size(), 2u);  // one request each: neither list pages
  EXPECT_NE(documents[0].find("account_roles"), std::string::npos);
  EXPECT_NE(documents[1].find("account { products {"), std::string::npos);
  // The default workspace of a product is a workspace Workspaces lists.
  EXPECT_EQ(tuples(run("SELECT w.id FROM AccountProducts p JOIN Workspaces w ON w.id = p.default_workspace_id")).size(),
            products.size());
}

TEST_F(EntityTables, PlatformUsageAndDailyLimitMatchTheSeededAnalytics) {
  const auto& usage = dataset()["platform_usage"];
  const std::string updated = sqlTime(str(usage, "last_updated"));
  std::map<std::string, std::string> user_names;
  for (const auto& u : dataset()["users"].GetArray()) user_names[str(u, "id")] = str(u, "name");

  Tuples days, users, apps;
  for (const auto& d : usage["by_day"].GetArray()) days.insert({str(d, "day"), str(d, "usage"), updated});
  for (const auto& u : usage["by_user"].GetArray()) {
    users.insert({str(u, "user_id"), user_names.at(str(u, "user_id")), str(u, "usage")});
  }
  bool removed_app = false;
  for (const auto& a : usage["by_app"].GetArray()) {
    apps.insert({str(a, "api_app_id"), str(a, "app_id"), str(a, "app_name"), str(a, "usage")});
    removed_app |= str(a, "app_id") == "NULL";
  }
  ASSERT_EQ(days.size(), 14u);
  ASSERT_EQ(users.size(), 6u);
  ASSERT_TRUE(removed_app) << "the seeded analytics should hold an app monday no longer names";

  EXPECT_EQ(tuples(run("SELECT day, usage, last_updated FROM PlatformUsageByDay")), days);
  EXPECT_EQ(tuples(run("SELECT user_id, user_name, usage FROM PlatformUsageByUser")), users);
  // An app monday answers null for keeps its row: its id and name are NULL, its usage is there.
  EXPECT_EQ(tuples(run("SELECT api_app_id, app_id, app_name, usage FROM PlatformUsageByApp")), apps);
  // Analysts total the days and join the users.
  std::int64_t total = 0;
  for (const auto& d : usage["by_day"].GetArray()) total += d["usage"].GetInt64();
  EXPECT_EQ(tuples(run("SELECT SUM(usage) FROM PlatformUsageByDay")), (Tuples{{std::to_string(total)}}));
  EXPECT_EQ(tuples(run("SELECT COUNT(*) FROM PlatformUsageByUser p JOIN Users u ON u.id = p.user_id")),
            (Tuples{{std::to_string(users.size())}}));

  // The sandbox enforces its default daily limit of 25,000 calls and sells no add-on.
  EXPECT_EQ(tuples(run("SELECT base, total, addon_active, addon_quantity FROM PlatformDailyLimit")),
            (Tuples{{"25000", "25000", "0", "0"}}));
}

TEST_F(EntityTables, FavoritesAreTheTokenUsersOwnList) {
  const std::string admin = str(dataset()["users"][0], "id");
  Tuples mine;
  for (const auto& f : dataset()["favorites"].GetArray()) {
    if (str(f, "user_id") != admin) continue;
    mine.insert({str(f, "id"), str(f, "object_id"), str(f, "object_type"), str(f, "folder_id"),
                 f["created_at"].IsNull() ? "NULL" : sqlTime(str(f, "created_at"))});
  }
  ASSERT_GE(mine.size(), 4u);
  ASSERT_LT(mine.size(), dataset()["favorites"].Size()) << "another user's favorites should be seeded too";
  EXPECT_EQ(tuples(run("SELECT id, object_id, object_type, folder_id, created_at FROM Favorites")), mine);
  // The favorite boards join to Boards by object id.
  std::size_t boards = 0;
  for (const auto& t : mine) boards += t[2] == "Board";
  EXPECT_EQ(tuples(run("SELECT COUNT(*) FROM Favorites f JOIN Boards b ON b.id = f.object_id WHERE f.object_type = 'Board'")),
            (Tuples{{std::to_string(boards)}}));
  // Listed in the order of their positions, fractional ones included.
  auto positions = run("SELECT position FROM Favorites ORDER BY position");
  ASSERT_EQ(positions.size(), mine.size());
  EXPECT_EQ(positions[1][0].value_or(""), "65450.5");
}

TEST_F(EntityTables, ManagedColumnsMatchAndTheirIdsArePushed) {
  Tuples all;
  std::string active_id;
  for (const auto& c : dataset()["managed_columns"].GetArray()) {
    all.insert({str(c, "id"), str(c, "title"), str(c, "state"), str(c, "revision"), str(c, "created_by"),
                sqlTime(str(c, "updated_at"))});
    if (str(c, "state") == "active") active_id = str(c, "id");
  }
  ASSERT_GE(all.size(), 2u);
  EXPECT_EQ(tuples(run("SELECT id, title, state, revision, created_by, updated_at FROM ManagedColumns")), all);

  std::size_t before = requestCount();
  auto active = run("SELECT id, settings_json FROM ManagedColumns WHERE id = '" + active_id + "'");
  ASSERT_EQ(active.size(), 1u);
  EXPECT_NE(active[0][1].value_or("").find("\"Delivered\""), std::string::npos);
  auto requests = requestsSince(before);
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(variablesText(requests[0]), "id=" + active_id + ",;");
  // A state monday does not know is no rows, not an error.
  EXPECT_TRUE(run("SELECT id FROM ManagedColumns WHERE state = 'archived'").empty());
}

TEST_F(EntityTables, BoardDependenciesAreEveryEdgeAndBoardIdIsPushed) {
  Tuples edges;
  std::string board_with_edges;
  std::size_t boards_with_column = 0;
  for (const auto& b : dataset()["boards"].GetArray()) {
    bool has_column = false;
    for (const auto& c : b["columns"].GetArray()) has_column |= str(c, "type") == "dependency";
    boards_with_column += has_column;
    for (const auto& e : b["dependencies"].GetArray()) {
      edges.insert({str(b, "id"), str(e, "item_id"), str(e, "source_item_id"), str(e, "dependency_type"), str(e, "lag")});
      board_with_edges = str(b, "id");
    }
  }
  ASSERT_GE(edges.size(), 5u);
  ASSERT_GE(boards_with_column, 2u);
  std::set<std::string> types;
  for (const auto& e : edges) types.insert(e[3]);
  EXPECT_GE(types.size(), 2u) << "the seeded edges should have several dependency types";

  std::size_t before = requestCount();
  EXPECT_EQ(tuples(run("SELECT board_id, item_id, predecessor_item_id, dependency_type, lag FROM BoardDependencies")), edges);
  // The board list, then one request for every board with a dependency column (fewer than ten).
  auto documents = documentsSince(before);
  ASSERT_EQ(documents.size(), 2u);
  EXPECT_NE(documents[0].find("columns(types: [dependency])"), std::string::npos);
  EXPECT_NE(documents[1].find("include_items_without_predecessors: false"), std::string::npos);

  Tuples one;
  for (const auto& e : edges) {
    if (e[0] == board_with_edges) one.insert(e);
  }
  before = requestCount();
  EXPECT_EQ(tuples(run("SELECT board_id, item_id, predecessor_item_id, dependency_type, lag FROM BoardDependencies "
                       "WHERE board_id = " + board_with_edges)),
            one);
  auto requests = requestsSince(before);
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(variablesText(requests[0]), "a0=" + board_with_edges + ";a0_page=;");
  // Each edge joins to the items on both of its ends.
  EXPECT_EQ(tuples(run("SELECT COUNT(*) FROM BoardDependencies d JOIN Items i ON i.id = d.item_id "
                       "JOIN Items p ON p.id = d.predecessor_item_id WHERE d.board_id = " + board_with_edges)),
            (Tuples{{std::to_string(one.size())}}));
}

TEST_F(EntityTables, UpdateViewersPageThroughEveryViewerAndKeepDepartedUsers) {
  std::map<std::string, std::string> user_names;
  for (const auto& u : dataset()["users"].GetArray()) user_names[str(u, "id")] = str(u, "name");
  Tuples viewers;
  std::string busiest;
  std::size_t most = 0, departed = 0;
  for (const auto& u : dataset()["updates"].GetArray()) {
    for (const auto& v : u["viewers"].GetArray()) {
      auto name = user_names.find(str(v, "user_id"));
      departed += name == user_names.end();
      viewers.insert({str(u, "id"), str(v, "user_id"), str(v, "medium"), name == user_names.end() ? "NULL" : name->second});
    }
    if (u["viewers"].Size() > most) most = u["viewers"].Size(), busiest = str(u, "id");
  }
  ASSERT_GT(most, 100u) << "one update should have more viewers than one page of viewers(limit: 100)";
  ASSERT_GT(departed, 0u);
  EXPECT_EQ(tuples(run("SELECT update_id, user_id, medium, user_name FROM UpdateViewers")), viewers);

  // One update: updates(ids:) with its first page of viewers, then its second page alone.
  std::size_t before = requestCount();
  EXPECT_EQ(run("SELECT user_id FROM UpdateViewers WHERE update_id = " + busiest).size(), most);
  EXPECT_EQ(requestCount() - before, 2u);
  // Who saw it by email, as an analyst would ask.
  std::size_t by_email = 0;
  for (const auto& v : viewers) by_email += v[0] == busiest && v[2] == "email";
  EXPECT_EQ(tuples(run("SELECT COUNT(*) FROM UpdateViewers WHERE update_id = " + busiest + " AND medium = 'email'")),
            (Tuples{{std::to_string(by_email)}}));
}

TEST_F(EntityTables, TimelineItemsFollowEachItemsCursorAndNameTheirCustomActivity) {
  Tuples activities, timeline;
  std::map<std::string, std::size_t> per_item;
  std::string board_id;
  for (const auto& a : dataset()["custom_activities"].GetArray()) {
    activities.insert({str(a, "id"), str(a, "name"), str(a, "icon_id"), str(a, "color")});
  }
  for (const auto& x : dataset()["timeline_items"].GetArray()) {
    timeline.insert({str(x, "id"), str(x, "item_id"), str(x, "board_id"), str(x, "type"), str(x, "title"),
                     str(x, "content"), str(x, "custom_activity_id"), str(x, "user_id"), sqlTime(str(x, "created_at"))});
    ++per_item[str(x, "item_id")];
    board_id = str(x, "board_id");
  }
  ASSERT_GE(activities.size(), 3u);
  auto busiest = std::max_element(per_item.begin(), per_item.end(), [](auto& a, auto& b) { return a.second < b.second; });
  ASSERT_GT(busiest->second, 100u) << "one item should have more than a page of timeline_items_page(limit: 100)";
  EXPECT_EQ(tuples(run("SELECT id, name, icon_id, color FROM CustomActivities")), activities);

  // Every timeline item of one board: its items listed, their timelines in batches, cursors followed.
  const char* columns = "SELECT id, item_id, board_id, type, title, content, custom_activity_id, user_id, created_at ";
  EXPECT_EQ(tuples(run(std::string(columns) + "FROM TimelineItems WHERE board_id = " + board_id)), timeline);

  // One item: timeline(id:) then its second page by cursor, nothing else.
  std::size_t before = requestCount();
  EXPECT_EQ(run("SELECT id FROM TimelineItems WHERE item_id = " + busiest->first).size(), busiest->second);
  auto documents = documentsSince(before);
  ASSERT_EQ(documents.size(), 2u);
  EXPECT_EQ(documents[0].find("cursor: $a0_cursor"), std::string::npos);
  EXPECT_NE(documents[1].find("cursor: $a0_cursor"), std::string::npos);
  // Every timeline item names a custom activity the account has.
  EXPECT_EQ(tuples(run("SELECT COUNT(*) FROM TimelineItems t JOIN CustomActivities a ON a.id = t.custom_activity_id "
                       "WHERE t.item_id = " + busiest->first)),
            (Tuples{{std::to_string(busiest->second)}}));
  // An activity id pushed as custom_activity(ids:).
  const std::string first = (*activities.begin())[0];
  before = requestCount();
  EXPECT_EQ(run("SELECT name FROM CustomActivities WHERE id = '" + first + "'").size(), 1u);
  auto requests = requestsSince(before);
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(variablesText(requests[0]), "ids=" + first + ",;");
}

TEST_F(EntityTables, DocMarkdownExportsEveryDocAndPushesDocIds) {
  Tuples expected;
  std::string long_doc, long_doc_name;
  for (const auto& d : dataset()["docs"].GetArray()) {
    expected.insert({str(d, "id"), str(d, "markdown"), "1"});
    if (d["blocks"].Size() > 100) long_doc = str(d, "id"), long_doc_name = str(d, "name");
  }
  ASSERT_FALSE(long_doc.empty());
  EXPECT_EQ(tuples(run("SELECT doc_id, markdown, success FROM DocMarkdown")), expected);

  std::size_t before = requestCount();
  auto one = run("SELECT markdown FROM DocMarkdown WHERE doc_id = " + long_doc);
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(requestCount() - before, 1u);
  const std::string markdown = one[0][0].value_or("");
  // The doc's title block, and its check list with its ticks, all 120 steps in one export.
  EXPECT_EQ(markdown.rfind("# " + long_doc_name, 0), 0u) << markdown.substr(0, 80);
  EXPECT_NE(markdown.find("- [x] Launch step 3\n"), std::string::npos);
  EXPECT_NE(markdown.find("- [ ] Launch step 119\n- [x] Launch step 120"), std::string::npos);

  // A doc monday cannot export keeps its row, with the reason and no Markdown.
  auto missing = run("SELECT doc_id, markdown, success, error FROM DocMarkdown WHERE doc_id = 999999999");
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_FALSE(missing[0][1].has_value());
  EXPECT_EQ(missing[0][2].value_or(""), "0");
  EXPECT_NE(missing[0][3].value_or("").find("not found"), std::string::npos);
}

TEST_F(EntityTables, BoardDocsAreTheDocsInDocColumnsReadFromTheirFile) {
  Tuples expected;
  std::string board_id;
  for (const auto& b : dataset()["boards"].GetArray()) {
    for (const auto& item : b["items"].GetArray()) {
      if (str(item, "state") != "active") continue;
      for (const auto& cell : item["column_values"].GetArray()) {
        if (str(cell, "type") != "doc" || !cell["value"].IsString()) continue;
        rapidjson::Document value;
        value.Parse(cell["value"].GetString());
        if (!value.IsObject() || !value.HasMember("files") || value["files"].Empty()) continue;
        const auto& file = value["files"][0];
        // monday documents a doc column's text as always "": the doc is only in the file.
        EXPECT_EQ(str(cell, "text"), "");
        expected.insert({str(b, "id"), str(item, "id"), str(cell, "id"), std::to_string(file["docId"].GetInt64()),
                         std::to_string(file["objectId"].GetInt64())});
        board_id = str(b, "id");
      }
    }
  }
  ASSERT_GE(expected.size(), 3u);
  EXPECT_EQ(tuples(run("SELECT board_id, item_id, column_id, doc_id, object_id FROM BoardDocs WHERE board_id = " +
                       board_id)),
            expected);
  // Each joins to its doc, and to that doc's Markdown.
  EXPECT_EQ(tuples(run("SELECT COUNT(*) FROM BoardDocs b JOIN Docs d ON d.id = b.doc_id "
                       "JOIN DocMarkdown m ON m.doc_id = b.doc_id WHERE b.board_id = " + board_id +
                       " AND m.markdown LIKE '# ' || d.name || '%'")),
            (Tuples{{std::to_string(expected.size())}}));
}

TEST_F(EntityTables, ColumnTypeSchemaHasEveryTypeAndAnUnknownTypeSendsNothing) {
  std::size_t before = requestCount();
  auto all = run("SELECT column_type, json_schema FROM ColumnTypeSchema");
  EXPECT_EQ(all.size(), 43u) << "every value of monday's ColumnType enum (API 2026-10)";
  EXPECT_EQ(requestCount() - before, 3u) << "15 aliased fields a request";
  std::map<std::string, std::string> schemas;
  for (const auto& row : all) schemas[row[0].value()] = row[1].value_or("");
  ASSERT_TRUE(schemas.contains("status"));
  // The status type's settings are its labels, each with a label text and an index.
  EXPECT_NE(schemas["status"].find("\"labels\""), std::string::npos) << schemas["status"];
  EXPECT_NE(schemas["status"].find("\"is_done\""), std::string::npos) << schemas["status"];

  before = requestCount();
  EXPECT_EQ(tuples(run("SELECT column_type FROM ColumnTypeSchema WHERE column_type IN ('rating', 'text')")),
            (Tuples{{"rating"}, {"text"}}));
  EXPECT_EQ(requestCount() - before, 1u);
  before = requestCount();
  EXPECT_TRUE(run("SELECT column_type FROM ColumnTypeSchema WHERE column_type = 'spreadsheet'").empty());
  EXPECT_EQ(requestCount() - before, 0u);
}

// --- root lists ----------------------------------------------------------------------------------

TEST_F(EntityTables, TeamsTagsAndFoldersMatchTheSeededData) {
  Tuples teams, tags, folders;
  for (const auto& t : dataset()["teams"].GetArray()) teams.insert({str(t, "id"), str(t, "name")});
  for (const auto& t : dataset()["tags"].GetArray()) tags.insert({str(t, "id"), str(t, "name"), str(t, "color")});
  for (const auto& f : dataset()["folders"].GetArray()) {
    folders.insert({str(f, "id"), str(f, "name"), str(f, "workspace_id"), str(f, "parent_id")});
  }
  EXPECT_EQ(tuples(run("SELECT id, name FROM Teams")), teams);
  EXPECT_EQ(tuples(run("SELECT id, name, color FROM Tags")), tags);
  EXPECT_EQ(tuples(run("SELECT id, name, workspace_id, parent_id FROM Folders")), folders);
}

TEST_F(EntityTables, TagAndFolderKeysArePushedAsArguments) {
  const auto& tags = dataset()["tags"];
  const std::string a = str(tags[1], "id"), b = str(tags[3], "id");
  std::size_t before = requestCount();
  EXPECT_EQ(tuples(run("SELECT id FROM Tags WHERE id IN (" + a + ", " + b + ")")), (Tuples{{a}, {b}}));
  auto requests = requestsSince(before);
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(variablesText(requests[0]), "ids=" + a + "," + b + ",;");

  // Folders of one workspace: folders(workspace_ids:), one request.
  const std::string workspace = str(dataset()["folders"][1], "workspace_id");
  Tuples expected;
  for (const auto& f : dataset()["folders"].GetArray()) {
    if (str(f, "workspace_id") == workspace) expected.insert({str(f, "id")});
  }
  ASSERT_GE(expected.size(), 2u);
  before = requestCount();
  EXPECT_EQ(tuples(run("SELECT id FROM Folders WHERE workspace_id = " + workspace)), expected);
  requests = requestsSince(before);
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_NE(variablesText(requests[0]).find("workspace_ids=" + workspace + ","), std::string::npos);
}

TEST_F(EntityTables, DocsAndDocBlocksMatchAndBlocksPageThroughLongDocs) {
  Tuples docs, blocks;
  const rapidjson::Value* longest = nullptr;
  for (const auto& d : dataset()["docs"].GetArray()) {
    docs.insert({str(d, "id"), str(d, "object_id"), str(d, "name"), str(d, "workspace_id")});
    for (const auto& b : d["blocks"].GetArray()) {
      blocks.insert({str(d, "id"), str(b, "id"), str(b, "type"), str(b, "parent_block_id"), str(b, "content")});
    }
    if (!longest || d["blocks"].Size() > (*longest)["blocks"].Size()) longest = &d;
  }
  EXPECT_EQ(tuples(run("SELECT id, object_id, name, workspace_id FROM Docs")), docs);
  EXPECT_EQ(tuples(run("SELECT doc_id, id, type, parent_block_id, content FROM DocBlocks")), blocks);

  // A doc of more than 100 blocks: the first page comes with the doc, the rest in a follow-up.
  const std::size_t count = (*longest)["blocks"].Size();
  ASSERT_GT(count, 100u);
  std::size_t before = requestCount();
  auto rows = run("SELECT id FROM DocBlocks WHERE doc_id = " + str(*longest, "id"));
  EXPECT_EQ(rows.size(), count);
  EXPECT_EQ(requestCount() - before, 2u);

  before = requestCount();
  EXPECT_EQ(run("SELECT name FROM Docs WHERE object_id = " + str(*longest, "object_id")).size(), 1u);
  auto requests = requestsSince(before);
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_NE(variablesText(requests[0]).find("object_ids=" + str(*longest, "object_id")), std::string::npos);
}

TEST_F(EntityTables, WebhooksOfEveryBoardInOneBatchedRequest) {
  Tuples expected;
  for (const auto& w : dataset()["webhooks"].GetArray()) {
    expected.insert({str(w, "id"), str(w, "board_id"), str(w, "event"), str(w, "config")});
  }
  ASSERT_FALSE(expected.empty());
  std::size_t before = requestCount();
  EXPECT_EQ(tuples(run("SELECT id, board_id, event, config FROM Webhooks")), expected);
  // One request lists the boards, one asks every board's webhooks through aliases.
  EXPECT_EQ(requestCount() - before, 2u);

  const std::string tracker = str(board("Project Tracker"), "id");
  before = requestCount();
  EXPECT_EQ(run("SELECT id FROM Webhooks WHERE board_id = " + tracker).size(), expected.size());
  EXPECT_EQ(requestCount() - before, 1u);
}

// --- lists nested under boards, workspaces and teams ----------------------------------------------

TEST_F(EntityTables, BoardViewsMatchAndBoardIdIsPushed) {
  Tuples expected;
  for (const auto& b : dataset()["boards"].GetArray()) {
    for (const auto& v : b["views"].GetArray()) {
      expected.insert({str(b, "id"), str(v, "id"), str(v, "name"), str(v, "type"), str(v, "filter")});
    }
  }
  EXPECT_EQ(tuples(run("SELECT board_id, id, name, type, filter FROM BoardViews")), expected);
  const auto& tracker = board("Project Tracker");
  std::size_t before = requestCount();
  EXPECT_EQ(run("SELECT id FROM BoardViews WHERE board_id = " + str(tracker, "id")).size(), tracker["views"].Size());
  EXPECT_EQ(requestCount() - before, 1u);
}

TEST_F(EntityTables, BoardUsersHoldOwnersAndSubscribersUsersAndTeams) {
  Tuples expected;
  for (const auto& b : dataset()["boards"].GetArray()) {
    const std::string id = str(b, "id");
    for (const auto& u : strings(b, "owner_ids")) expected.insert({id, "owner", "user", u});
    for (const auto& u : strings(b, "subscriber_ids")) expected.insert({id, "subscriber", "user", u});
    for (const auto& t : strings(b, "team_owner_ids")) expected.insert({id, "owner", "team", t});
    for (const auto& t : strings(b, "team_subscriber_ids")) expected.insert({id, "subscriber", "team", t});
  }
  EXPECT_EQ(tuples(run("SELECT board_id, role, member_kind, COALESCE(user_id, team_id) FROM BoardUsers")), expected);

  const std::string a = str(board("Sales Pipeline"), "id"), b = str(board("Hiring"), "id");
  std::size_t before = requestCount();
  auto rows = run("SELECT board_id, role, member_kind, COALESCE(user_id, team_id) FROM BoardUsers WHERE board_id IN (" +
                  a + ", " + b + ")");
  EXPECT_EQ(requestCount() - before, 1u);
  Tuples wanted;
  for (const auto& row : expected) {
    if (row[0] == a || row[0] == b) wanted.insert(row);
  }
  EXPECT_EQ(tuples(rows), wanted);
}

TEST_F(EntityTables, WorkspaceUsersHoldOwnersAndSubscribers) {
  Tuples expected;
  for (const auto& w : dataset()["workspaces"].GetArray()) {
    const std::string id = str(w, "id");
    for (const auto& u : strings(w, "owner_ids")) expected.insert({id, "owner", "user", u});
    for (const auto& u : strings(w, "subscriber_ids")) expected.insert({id, "subscriber", "user", u});
    for (const auto& t : strings(w, "team_owner_ids")) expected.insert({id, "owner", "team", t});
    for (const auto& t : strings(w, "team_subscriber_ids")) expected.insert({id, "subscriber", "team", t});
  }
  EXPECT_EQ(tuples(run("SELECT workspace_id, role, member_kind, COALESCE(user_id, team_id) FROM WorkspaceUsers")),
            expected);
  const std::string leadership = str(dataset()["workspaces"][3], "id");
  std::size_t before = requestCount();
  auto rows = run("SELECT user_id FROM WorkspaceUsers WHERE workspace_id = " + leadership +
                  " AND role = 'subscriber' AND member_kind = 'user'");
  EXPECT_EQ(rows.size(), strings(dataset()["workspaces"][3], "subscriber_ids").size());
  EXPECT_EQ(requestCount() - before, 1u);
}

TEST_F(EntityTables, TeamUsersHoldMembersAndOwners) {
  Tuples expected;
  for (const auto& t : dataset()["teams"].GetArray()) {
    for (const auto& u : strings(t, "user_ids")) {
      // Team.users lists active and pending users, as monday's users() does by default.
      if (userStatus(u) != "INACTIVE") expected.insert({str(t, "id"), "member", u});
    }
    for (const auto& u : strings(t, "owner_ids")) expected.insert({str(t, "id"), "owner", u});
  }
  EXPECT_EQ(tuples(run("SELECT team_id, role, user_id FROM TeamUsers")), expected);
  const std::string sales = str(dataset()["teams"][1], "id");
  std::size_t before = requestCount();
  auto rows = run("SELECT user_id FROM TeamUsers WHERE team_id = " + sales + " AND role = 'owner'");
  EXPECT_EQ(tuples(rows), (Tuples{{strings(dataset()["teams"][1], "owner_ids").at(0)}}));
  auto requests = requestsSince(before);
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(variablesText(requests[0]), "ids=" + sales + ",;");
}

// --- subitems ------------------------------------------------------------------------------------

TEST_F(EntityTables, SubitemsAreTheActiveItemsWithAParent) {
  auto items = itemsById();
  Tuples expected;
  std::vector<std::string> parents;
  for (const auto& [id, item] : items) {
    if (str(*item, "parent_item_id") == "NULL" || str(*item, "state") != "active") continue;
    const std::string parent = str(*item, "parent_item_id");
    expected.insert({id, str(*item, "name"), parent, str(*item, "board_id"), str(*items.at(parent), "board_id")});
    if (std::find(parents.begin(), parents.end(), parent) == parents.end()) parents.push_back(parent);
  }
  ASSERT_GT(expected.size(), 10u);
  EXPECT_EQ(tuples(run("SELECT id, name, parent_item_id, board_id, parent_board_id FROM Subitems")), expected);

  // By parent: the parents' subitems lists, 25 parents a request.
  const std::string list = parents[0] + ", " + parents[1] + ", " + parents[2];
  Tuples wanted;
  for (const auto& row : expected) {
    if (row[2] == parents[0] || row[2] == parents[1] || row[2] == parents[2]) wanted.insert(row);
  }
  std::size_t before = requestCount();
  EXPECT_EQ(tuples(run("SELECT id, name, parent_item_id, board_id, parent_board_id FROM Subitems WHERE parent_item_id IN (" +
                       list + ")")),
            wanted);
  EXPECT_EQ(requestCount() - before, 1u);

  // By the parent's board: its subitems board is found in the subtasks column's settings.
  const std::string tracker = str(board("Project Tracker"), "id");
  Tuples of_tracker;
  for (const auto& row : expected) {
    if (row[4] == tracker) of_tracker.insert(row);
  }
  before = requestCount();
  EXPECT_EQ(tuples(run("SELECT id, name, parent_item_id, board_id, parent_board_id FROM Subitems WHERE parent_board_id = " +
                       tracker)),
            of_tracker);
  EXPECT_EQ(requestCount() - before, 2u) << "the subtasks column's settings, then one items_page";

  // By id: a lookup that is not a subitem gives nothing.
  const std::string subitem = expected.begin()->at(0);
  EXPECT_EQ(run("SELECT id FROM Subitems WHERE id IN (" + subitem + ", " + parents[0] + ")").size(), 1u);
}

// --- lists nested under items --------------------------------------------------------------------

TEST_F(EntityTables, ColumnValuesOfAnItemEqualTheSeededCells) {
  const auto& tracker = board("Project Tracker");
  const rapidjson::Value* item = nullptr;
  for (const auto& candidate : tracker["items"].GetArray()) {
    if (str(candidate, "state") == "active") {
      item = &candidate;
      break;
    }
  }
  ASSERT_NE(item, nullptr);
  Tuples expected;
  for (const auto& cell : (*item)["column_values"].GetArray()) {
    expected.insert({str(cell, "id"), str(cell, "type"), str(cell, "text"), str(cell, "value")});
  }
  ASSERT_GT(expected.size(), 30u) << "the everything board has a column of every type";
  std::size_t before = requestCount();
  auto rows = run("SELECT column_id, column_type, text, value FROM ColumnValues WHERE item_id = " + str(*item, "id"));
  EXPECT_EQ(tuples(rows), expected);
  EXPECT_EQ(requestCount() - before, 1u);
}

TEST_F(EntityTables, ColumnValuesPushColumnIdsAndMatchEveryActiveItem) {
  const auto& tracker = board("Project Tracker");
  Tuples expected;
  for (const auto& item : tracker["items"].GetArray()) {
    if (str(item, "state") != "active") continue;
    for (const auto& cell : item["column_values"].GetArray()) {
      if (str(cell, "id") == "status") expected.insert({str(item, "id"), str(cell, "text"), str(cell, "value")});
    }
  }
  std::size_t before = requestCount();
  auto rows = run("SELECT item_id, text, value FROM ColumnValues WHERE board_id = " + str(tracker, "id") +
                  " AND column_id = 'status'");
  EXPECT_EQ(tuples(rows), expected);
  auto requests = requestsSince(before);
  ASSERT_EQ(requests.size(), 1u) << "60 items are one items_page of 100";
  EXPECT_NE(variablesText(requests[0]).find("column_ids=status,"), std::string::npos);
  EXPECT_NE(std::string(requests[0]["query"].GetString()).find("column_values(capabilities: [CALCULATED], ids: $column_ids)"), std::string::npos);
}

TEST_F(EntityTables, ColumnValuesShowLinkedItemsOfRelationsMirrorsAndSubitems) {
  const auto& tracker = board("Project Tracker");
  auto items = itemsById();
  auto rows = run("SELECT item_id, column_type, display_value, linked_item_ids FROM ColumnValues WHERE board_id = " +
                  str(tracker, "id") + " AND column_type IN ('board_relation', 'dependency', 'mirror', 'subtasks')");
  std::map<std::string, std::map<std::string, std::string>> linked;  // item → type → ids
  int relations_with_links = 0;
  for (const auto& row : rows) {
    const std::string item = row[0].value(), type = row[1].value();
    ASSERT_TRUE(row[3].has_value()) << type << " cells always list their linked ids";
    std::string ids = row[3].value();
    linked[item][type] = ids;
    // Names of the linked items, joined as monday's display_value joins them.
    std::string names;
    std::string digits;
    for (char c : ids + ",") {
      if (c >= '0' && c <= '9') {
        digits.push_back(c);
      } else if (!digits.empty()) {
        if (!names.empty()) names += ", ";
        names += str(*items.at(digits), "name");
        digits.clear();
      }
    }
    if (type == "board_relation" || type == "dependency") {
      EXPECT_EQ(row[2].value_or(""), names) << item << " " << type;
      if (ids != "[]") ++relations_with_links;
    }
    if (type == "subtasks") {
      std::string expected = "[";
      for (const auto& id : strings(*items.at(item), "subitem_ids")) expected += (expected.size() > 1 ? "," : "") + id;
      EXPECT_EQ(ids, expected + "]");
    }
  }
  EXPECT_GT(relations_with_links, 5);
  // A mirror shows values of the items its relation links to.
  int mirrors = 0;
  for (const auto& [item, by_type] : linked) {
    if (by_type.contains("mirror") && by_type.contains("board_relation") && by_type.at("mirror") != "[]") {
      EXPECT_EQ(by_type.at("mirror"), by_type.at("board_relation")) << item;
      ++mirrors;
    }
  }
  EXPECT_GT(mirrors, 0);
  // linked_item_ids joins through json_each.
  auto joined = run("SELECT COUNT(*) FROM ColumnValues cv, json_each(cv.linked_item_ids) j JOIN Items i ON i.id = j.value "
                    "WHERE cv.board_id = " + str(tracker, "id") + " AND cv.column_type = 'subtasks'");
  std::size_t subitems = 0;
  for (const auto& item : tracker["items"].GetArray()) {
    if (str(item, "state") == "active") {
      for (const auto& s : strings(item, "subitem_ids")) subitems += str(*items.at(s), "state") == "active" ? 1 : 0;
    }
  }
  EXPECT_EQ(joined.at(0).at(0).value(), std::to_string(subitems));
}

TEST_F(EntityTables, UpdatesAndRepliesMatchAndTheirKeysArePushed) {
  Tuples updates, replies;
  for (const auto& u : dataset()["updates"].GetArray()) {
    updates.insert({str(u, "id"), str(u, "item_id"), str(u, "creator_id"), str(u, "text_body"), sqlTime(str(u, "created_at"))});
  }
  for (const auto& r : dataset()["replies"].GetArray()) {
    replies.insert({str(r, "id"), str(r, "update_id"), str(r, "creator_id"), str(r, "body")});
  }
  ASSERT_GT(replies.size(), 5u);
  EXPECT_EQ(tuples(run("SELECT id, item_id, creator_id, text_body, substr(created_at, 1, 19) FROM Updates")), updates);
  EXPECT_EQ(tuples(run("SELECT id, update_id, creator_id, body FROM Replies")), replies);

  const auto& first = dataset()["updates"][0];
  const std::string item = str(first, "item_id");
  std::size_t expected_on_item = 0;
  for (const auto& u : dataset()["updates"].GetArray()) expected_on_item += str(u, "item_id") == item ? 1 : 0;
  std::size_t before = requestCount();
  EXPECT_EQ(run("SELECT id FROM Updates WHERE item_id = " + item).size(), expected_on_item);
  EXPECT_EQ(requestCount() - before, 1u);

  before = requestCount();
  EXPECT_EQ(tuples(run("SELECT id FROM Updates WHERE id = " + str(first, "id"))), (Tuples{{str(first, "id")}}));
  EXPECT_EQ(requestCount() - before, 1u);

  // Updates of one board: Board.updates, one request.
  auto items = itemsById();
  const std::string sales = str(board("Sales Pipeline"), "id");
  std::size_t on_board = 0;
  for (const auto& u : dataset()["updates"].GetArray()) on_board += str(*items.at(str(u, "item_id")), "board_id") == sales;
  ASSERT_GT(on_board, 0u);
  before = requestCount();
  EXPECT_EQ(run("SELECT id, board_id FROM Updates WHERE board_id = " + sales).size(), on_board);
  EXPECT_EQ(requestCount() - before, 1u);

  // Replies of one update: updates(ids:) { replies }, one request.
  for (const auto& u : dataset()["updates"].GetArray()) {
    if (u["reply_ids"].Size() == 0) continue;
    before = requestCount();
    EXPECT_EQ(run("SELECT id FROM Replies WHERE update_id = " + str(u, "id")).size(), u["reply_ids"].Size());
    EXPECT_EQ(requestCount() - before, 1u);
    break;
  }
}

TEST_F(EntityTables, AssetsAreTheFilesOfActiveItemsFromColumnsAndUpdates) {
  auto items = itemsById();
  std::map<std::string, std::string> update_item;
  for (const auto& u : dataset()["updates"].GetArray()) update_item[str(u, "id")] = str(u, "item_id");
  Tuples expected;
  std::string with_file;
  for (const auto& a : dataset()["assets"].GetArray()) {
    std::string item = str(a, "item_id");
    if (item == "NULL") item = update_item.at(str(a, "update_id"));
    if (str(*items.at(item), "state") != "active") continue;
    expected.insert({item, str(a, "id"), str(a, "name"), str(a, "file_extension"), str(a, "uploaded_by")});
    with_file = item;
  }
  ASSERT_GT(expected.size(), 3u);
  EXPECT_EQ(tuples(run("SELECT item_id, id, name, file_extension, uploaded_by_id FROM Assets")), expected);
  std::size_t before = requestCount();
  auto rows = run("SELECT id FROM Assets WHERE item_id = " + with_file);
  EXPECT_FALSE(rows.empty());
  EXPECT_EQ(requestCount() - before, 1u);
}

// --- activity logs -------------------------------------------------------------------------------

namespace {

// monday's created_at: 100-ns ticks since 1970 → 'YYYY-MM-DD HH:MM:SS'.
std::string ticksToSql(const std::string& ticks) {
  std::time_t seconds = static_cast<std::time_t>(std::stoll(ticks) / 10'000'000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M:%S", &tm);
  return buffer;
}

}  // namespace

TEST_F(EntityTables, ActivityLogsOfABoardMatchTheSeededLog) {
  const auto& tracker = board("Project Tracker");
  Tuples expected;
  for (const auto& l : tracker["activity_logs"].GetArray()) {
    expected.insert({str(l, "id"), str(l, "event"), str(l, "user_id"), ticksToSql(str(l, "created_at")), str(l, "item_id"),
                     str(l, "group_id"), str(l, "column_id")});
  }
  std::size_t before = requestCount();
  auto rows = run("SELECT id, event, user_id, created_at, item_id, group_id, column_id FROM ActivityLogs WHERE board_id = " +
                  str(tracker, "id"));
  EXPECT_EQ(tuples(rows), expected);
  EXPECT_EQ(requestCount() - before, 1u);

  // A board with more than one page of 500 entries is followed up page by page.
  const auto& bugs = board("Bug Backlog");
  const std::size_t count = bugs["activity_logs"].Size();
  ASSERT_GT(count, 1000u);
  before = requestCount();
  EXPECT_EQ(run("SELECT id FROM ActivityLogs WHERE board_id = " + str(bugs, "id")).size(), count);
  EXPECT_EQ(requestCount() - before, 1 + count / 500);
}

TEST_F(EntityTables, ActivityLogsFiltersPushedDownEqualSqlOnAFullScan) {
  const auto& bugs = board("Bug Backlog");
  const std::string id = str(bugs, "id");
  const auto& logs = bugs["activity_logs"];
  // Values from the data: a time in the middle of the log, one that many entries share, a user,
  // an item with a column change, its group.
  std::vector<std::string> times;
  for (const auto& l : logs.GetArray()) times.push_back(ticksToSql(str(l, "created_at")));
  std::sort(times.begin(), times.end());
  const std::string middle = times[times.size() / 2], early = times[times.size() / 5], late = times[times.size() * 4 / 5];
  std::string user, item, group;
  for (const auto& l : logs.GetArray()) {
    if (str(l, "column_id") != "NULL") {
      user = str(l, "user_id");
      item = str(l, "item_id");
      group = str(l, "group_id");
      break;
    }
  }
  ASSERT_FALSE(item.empty());
  const std::vector<std::string> predicates = {
      "created_at >= '" + middle + "'",
      "created_at > '" + middle + "'",
      "created_at < '" + middle + "'",
      "created_at <= '" + middle + "'",
      "created_at BETWEEN '" + early + "' AND '" + late + "'",
      "created_at >= '" + middle.substr(0, 10) + "'",                    // a date only
      "created_at <= '" + middle.substr(0, 10) + "T12:00:00Z'",          // ISO with T: compared as text
      "created_at > '" + middle.substr(0, 16) + "'",                     // to the minute
      "created_at < 20260101",                                           // a number: SQL keeps no text row
      "user_id = " + user,
      "user_id IN (" + user + ", 10000001, 10000005)",
      "item_id = " + item,
      "group_id = '" + group + "'",
      "column_id = 'status'",
      "column_id = 'status' AND created_at >= '" + early + "' AND user_id <> 10000001",
      "item_id = " + item + " AND created_at < '" + late + "'",
  };
  const std::string columns = "id, event, user_id, created_at, item_id, group_id, column_id";
  for (const auto& predicate : predicates) {
    SCOPED_TRACE(predicate);
    std::size_t before = requestCount();
    auto pushed = run("SELECT " + columns + " FROM ActivityLogs WHERE board_id = " + id + " AND " + predicate);
    const std::size_t pushed_requests = requestCount() - before;
    auto documents = documentsSince(before);
    // LIMIT keeps SQLite from moving the WHERE terms into the subquery: a plain full scan.
    before = requestCount();
    auto reference = run("SELECT " + columns + " FROM (SELECT * FROM ActivityLogs WHERE board_id = " + id +
                         " LIMIT 1000000) WHERE " + predicate);
    const std::size_t full_requests = requestCount() - before;
    EXPECT_EQ(tuples(pushed), tuples(reference));
    EXPECT_LE(pushed_requests, full_requests);
    ASSERT_FALSE(documents.empty());
    if (predicate.rfind("created_at >=", 0) == 0 || predicate.rfind("user_id =", 0) == 0 ||
        predicate.rfind("item_id =", 0) == 0) {
      EXPECT_LT(pushed_requests, full_requests) << "the filter went to the API and saved pages";
    }
  }
  // The filters appear as activity_logs arguments, values as variables.
  std::size_t before = requestCount();
  run("SELECT id FROM ActivityLogs WHERE board_id = " + id + " AND user_id = " + user + " AND created_at >= '" + middle +
      "' AND group_id = '" + group + "'");
  auto requests = requestsSince(before);
  ASSERT_EQ(requests.size(), 1u);
  const std::string document = requests[0]["query"].GetString();
  EXPECT_NE(document.find("user_ids: $user_ids"), std::string::npos) << document;
  EXPECT_NE(document.find("group_ids: $group_ids"), std::string::npos) << document;
  EXPECT_NE(document.find("from: $from"), std::string::npos) << document;
  EXPECT_EQ(document.find(middle.substr(0, 10)), std::string::npos) << "values travel as variables";
}

TEST_F(EntityTables, ActivityLogsOfEveryBoardEqualTheSeededLogs) {
  std::size_t total = 0;
  for (const auto& b : dataset()["boards"].GetArray()) total += b["activity_logs"].Size();
  EXPECT_EQ(run("SELECT id FROM ActivityLogs").size(), total);
  // A user filter on every board: one listing page of boards carries it.
  const std::string user = "10000004";
  std::size_t expected = 0;
  for (const auto& b : dataset()["boards"].GetArray()) {
    for (const auto& l : b["activity_logs"].GetArray()) expected += str(l, "user_id") == user;
  }
  EXPECT_EQ(run("SELECT id FROM ActivityLogs WHERE user_id = " + user).size(), expected);
}
