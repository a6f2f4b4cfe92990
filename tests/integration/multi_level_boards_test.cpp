// Multi-level boards through the driver manager, against the sandbox's "Portfolio Project": items
// nest five levels deep on the board itself (monday's "Working with multi-level boards" guide).
// The board table, Items and Subitems show every level with its depth and parent; rollup columns
// hold what monday calculates; filters reach every level and return exactly what SQL over a full
// scan returns; an older API version still lists the board; a nested INSERT is a create_subitem.
//
// Expected values come from the seeded data (dataset.json): the tree from parent_item_id, the
// leaves' cells from their column_values.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "tests/integration/odbc_support.h"

using namespace monday::test;

namespace {

using Rows = std::vector<std::vector<std::optional<std::string>>>;

constexpr const char* kBoard = "Portfolio Project";
constexpr const char* kTable = "boards.\"Portfolio Project\"";

std::string text(const rapidjson::Value& object, const char* name) {
  auto it = object.FindMember(name);
  return it == object.MemberEnd() || !it->value.IsString() ? "NULL" : it->value.GetString();
}

struct SeededItem {
  std::string id, name, parent, notes;
  int depth = 0;
};

// The board's active items, id → item, with each one's depth from its chain of parents.
std::map<std::string, SeededItem> seededTree(std::string* board_id) {
  std::map<std::string, SeededItem> items;
  for (const auto& board : dataset()["boards"].GetArray()) {
    if (text(board, "name") != kBoard) continue;
    *board_id = text(board, "id");
    EXPECT_EQ(text(board, "hierarchy_type"), "multi_level");
    for (const auto& item : board["items"].GetArray()) {
      if (text(item, "state") != "active") continue;
      SeededItem seeded{text(item, "id"), text(item, "name"), text(item, "parent_item_id"), "NULL"};
      for (const auto& cell : item["column_values"].GetArray()) {
        if (text(cell, "id") == "text" && text(cell, "text") != "") seeded.notes = text(cell, "text");
      }
      items[seeded.id] = seeded;
    }
  }
  for (auto& [id, item] : items) {
    for (std::string up = item.parent; up != "NULL"; up = items.at(up).parent) ++item.depth;
  }
  return items;
}

std::string idOf(const std::map<std::string, SeededItem>& items, const std::string& name) {
  for (const auto& [id, item] : items) {
    if (item.name == name) return id;
  }
  ADD_FAILURE() << "no seeded item " << name;
  return "0";
}

std::set<std::vector<std::string>> tuples(const Rows& rows) {
  std::set<std::vector<std::string>> out;
  for (const auto& row : rows) {
    std::vector<std::string> tuple;
    for (const auto& cell : row) tuple.push_back(cell.value_or("NULL"));
    out.insert(tuple);
  }
  return out;
}

class MultiLevelBoards : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(sandboxControl("/__sandbox/reset", "{}"), 200);
    items_ = seededTree(&board_id_);
    ASSERT_EQ(items_.size(), 14u) << "the seeded Portfolio Project changed";
    ASSERT_TRUE(SQL_SUCCEEDED(connection_.connectDsn("monday-sandbox"))) << describe(connection_.lastDiagnostics());
  }
  void TearDown() override { sandboxControl("/__sandbox/reset", "{}"); }

  Rows run(const std::string& sql) { return query(connection_, sql); }

  // id, parent_item_id, depth of every seeded item, as the tables should show them.
  std::set<std::vector<std::string>> expectedTree(bool subitems_only = false) const {
    std::set<std::vector<std::string>> out;
    for (const auto& [id, item] : items_) {
      if (subitems_only && item.depth == 0) continue;
      out.insert({id, item.parent, std::to_string(item.depth)});
    }
    return out;
  }

  Environment env_;
  Connection connection_{env_};
  std::string board_id_;
  std::map<std::string, SeededItem> items_;
};

TEST_F(MultiLevelBoards, TheBoardIsOneTableWithParentAndDepthColumnsAndNoSubitemsCompanion) {
  Statement statement(connection_);
  ASSERT_TRUE(SQL_SUCCEEDED(SQLTables(statement.handle(), nullptr, 0, (SQLCHAR*)"boards", SQL_NTS,
                                      (SQLCHAR*)"Portfolio Project%", SQL_NTS, nullptr, 0)));
  const Rows tables = statement.fetchAllText();
  ASSERT_EQ(tables.size(), 1u) << "its subtasks column names the board itself: no separate subitems table";
  EXPECT_EQ(tables[0][2].value_or(""), kBoard);
  EXPECT_NE(tables[0][4].value_or("").find("every level"), std::string::npos) << tables[0][4].value_or("");

  const Rows columns = run("SELECT * FROM " + std::string(kTable) + " LIMIT 0");
  Statement described(connection_);
  ASSERT_TRUE(SQL_SUCCEEDED(SQLColumns(described.handle(), nullptr, 0, (SQLCHAR*)"boards", SQL_NTS,
                                       (SQLCHAR*)kBoard, SQL_NTS, nullptr, 0)));
  std::map<std::string, int> types;
  for (const auto& row : described.fetchAllText()) types[row[3].value_or("")] = std::stoi(row[4].value_or("0"));
  EXPECT_EQ(types["parent_item_id"], SQL_BIGINT);
  EXPECT_EQ(types["depth"], SQL_INTEGER);
  EXPECT_EQ(types.count("budget"), 1u);
  EXPECT_EQ(types.count("status"), 1u);
  EXPECT_TRUE(columns.empty());
}

TEST_F(MultiLevelBoards, TheBoardTableShowsEveryLevelWithItsParentAndDepthInOneRequest) {
  run("SELECT COUNT(*) FROM " + std::string(kTable) + " WHERE 0");  // board metadata, loaded once
  const std::size_t before = requestCount();
  const Rows rows = run("SELECT id, parent_item_id, depth FROM " + std::string(kTable));
  const auto requests = apiRequestsSince(before);

  EXPECT_EQ(tuples(rows), expectedTree());
  std::set<std::string> depths;
  for (const auto& row : rows) depths.insert(row[2].value_or(""));
  EXPECT_EQ(depths, (std::set<std::string>{"0", "1", "2", "3", "4"}));
  ASSERT_EQ(requests.size(), 1u) << "every level from one items_page, asked for with allItems";
  const std::string document = requests[0]["query"].GetString();
  EXPECT_NE(document.find("hierarchy_scope_config: $scope"), std::string::npos) << document;
  EXPECT_STREQ(requests[0]["variables"]["scope"].GetString(), "allItems");
}

TEST_F(MultiLevelBoards, RollupColumnsHoldWhatMondayCalculatesFromTheChildren) {
  const Rows rows = run("SELECT name, budget, status, notes FROM " + std::string(kTable) + " ORDER BY id");
  std::map<std::string, std::vector<std::string>> by_name;
  for (const auto& row : rows) {
    by_name[row[0].value_or("")] = {row[1].value_or("NULL"), row[2].value_or("NULL"), row[3].value_or("NULL")};
  }
  // Leaves: their own cells (seeded: Hero section sketch 1200 Done; Front end 4000; Back end 3500.5).
  EXPECT_EQ(by_name["Hero section sketch"], (std::vector<std::string>{"1200", "Done", "Three variants"}));
  EXPECT_EQ(by_name["Front end"][0], "4000");
  // Parents: monday's SUM over the leaves below them, at every level.
  EXPECT_EQ(by_name["Build"][0], "7500.5");
  EXPECT_EQ(by_name["Design"][0], "2000");
  EXPECT_EQ(by_name["Wireframes"][0], "1200");
  EXPECT_EQ(by_name["Website relaunch"][0], "9500.5");
  // A parent's status is a count per label (BatteryValue), not one label: no label.
  EXPECT_EQ(by_name["Website relaunch"][1], "NULL");
  EXPECT_EQ(by_name["Front end"][2], "React");
}

TEST_F(MultiLevelBoards, FiltersReachEveryLevelAndReturnWhatSqlOverAFullScanReturns) {
  for (const std::string where : {"notes = 'React'", "budget > 3000", "name LIKE '%wireframe%'", "depth = 3",
                                  "status = 'Done'"}) {
    const Rows pushed = run("SELECT id, name, depth FROM " + std::string(kTable) + " WHERE " + where);
    // A MATERIALIZED CTE is the whole board filtered by SQL: SQLite pushes nothing into it.
    const Rows local = run("WITH t AS MATERIALIZED (SELECT * FROM " + std::string(kTable) +
                           ") SELECT id, name, depth FROM t WHERE " + where);
    EXPECT_EQ(tuples(pushed), tuples(local)) << where;
    EXPECT_FALSE(pushed.empty()) << where;
  }
  // The subitem that matches comes with its parents from monday; SQL keeps only the match.
  const Rows react = run("SELECT name, depth FROM " + std::string(kTable) + " WHERE notes = 'React'");
  ASSERT_EQ(react.size(), 1u);
  EXPECT_EQ(react[0][0].value_or(""), "Front end");
  EXPECT_EQ(react[0][1].value_or(""), "2");
}

TEST_F(MultiLevelBoards, ItemsAndSubitemsShowEveryLevelAndCountLikeTheirScans) {
  // Items does not know the board is multi-level: its first page says so, and the chain starts
  // again with every level, once.
  std::size_t before = requestCount();
  EXPECT_EQ(tuples(run("SELECT id, parent_item_id, depth FROM Items WHERE board_id = " + board_id_)), expectedTree());
  const auto requests = apiRequestsSince(before);
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_FALSE(requests[0]["variables"].HasMember("scope"));
  EXPECT_STREQ(requests[1]["variables"]["scope"].GetString(), "allItems");
  // A full scan reads the multi-level board on its own chain, with every level.
  std::set<std::vector<std::string>> from_full_scan;
  for (const auto& row : run("SELECT id, parent_item_id, depth, board_id FROM Items")) {
    if (row[3].value_or("") == board_id_) from_full_scan.insert({*row[0], row[1].value_or("NULL"), *row[2]});
  }
  EXPECT_EQ(from_full_scan, expectedTree());
  EXPECT_EQ(run("SELECT COUNT(*) FROM Items WHERE board_id = " + board_id_)[0][0].value_or(""),
            std::to_string(items_.size()));

  std::set<std::vector<std::string>> subitems;
  for (const auto& row : run("SELECT id, parent_item_id, depth, board_id, parent_board_id FROM Subitems")) {
    if (row[3].value_or("") != board_id_) continue;
    EXPECT_EQ(row[4].value_or(""), board_id_) << "a multi-level subitem's parent is on the same board";
    subitems.insert({*row[0], row[1].value_or("NULL"), *row[2]});
  }
  EXPECT_EQ(subitems, expectedTree(/*subitems_only=*/true));
  // ColumnValues asks for calculated columns too: a parent's rollup is there.
  const Rows budget = run("SELECT text FROM ColumnValues WHERE item_id = " + idOf(items_, "Website relaunch") +
                          " AND column_id = 'numbers'");
  ASSERT_EQ(budget.size(), 1u);
  EXPECT_EQ(budget[0][0].value_or(""), "9500.5");
  // The children of one item: Item.subitems lists every descendant; SQL keeps the direct ones.
  const std::string design = idOf(items_, "Design");
  const Rows children = run("SELECT name FROM Subitems WHERE parent_item_id = " + design + " ORDER BY name");
  ASSERT_EQ(children.size(), 2u);
  EXPECT_EQ(children[0][0].value_or(""), "Visual style");
  EXPECT_EQ(children[1][0].value_or(""), "Wireframes");
}

TEST_F(MultiLevelBoards, AnApiVersionBefore2026_04StillListsAndReadsTheBoard) {
  Connection older(env_);
  ASSERT_TRUE(SQL_SUCCEEDED(older.driverConnect(sandboxConnectionString("sandbox-admin-token", "APIVersion=2026-01"))))
      << describe(older.lastDiagnostics());
  const Rows boards = query(older, "SELECT hierarchy_type FROM Boards WHERE id = " + board_id_);
  ASSERT_EQ(boards.size(), 1u) << "monday leaves multi-level boards out before 2026-04 unless asked for";
  EXPECT_EQ(boards[0][0].value_or(""), "multi_level");
  EXPECT_EQ(tuples(query(older, "SELECT id, parent_item_id, depth FROM " + std::string(kTable))), expectedTree());
  EXPECT_EQ(query(older, "SELECT COUNT(*) FROM Items WHERE board_id = " + board_id_)[0][0].value_or(""),
            std::to_string(items_.size()));
}

TEST_F(MultiLevelBoards, InsertWithAParentCreatesASubitemOneLevelBelowItOnTheBoard) {
  const std::string wireframe = idOf(items_, "Home page wireframe");  // depth 3
  const std::size_t before = requestCount();
  Statement statement(connection_);
  ASSERT_TRUE(SQL_SUCCEEDED(statement.execDirect("INSERT INTO " + std::string(kTable) +
                                                 " (name, parent_item_id, notes) VALUES ('Footer sketch', " +
                                                 wireframe + ", 'Two variants')")))
      << describe(statement.diagnostics());
  int subitem_calls = 0;
  for (const auto& request : apiRequestsSince(before)) {
    const std::string document = request["query"].GetString();
    if (document.find("create_subitem") != std::string::npos) ++subitem_calls;
    EXPECT_EQ(document.find("create_item("), std::string::npos) << document;
  }
  EXPECT_EQ(subitem_calls, 1);
  const Rows rows = run("SELECT parent_item_id, depth, notes FROM " + std::string(kTable) +
                        " WHERE name = 'Footer sketch'");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0], (std::vector<std::optional<std::string>>{wireframe, "4", "Two variants"}));
}

TEST_F(MultiLevelBoards, AParentsRollupCannotBeChangedButItsOtherColumnsAndTheLeavesCan) {
  const Rows flags = run("SELECT name, has_subitems FROM " + std::string(kTable) + " WHERE name IN ('Build', 'Front end')"
                         " ORDER BY name");
  ASSERT_EQ(flags.size(), 2u);
  EXPECT_EQ(flags[0], (std::vector<std::optional<std::string>>{"Build", "1"}));
  EXPECT_EQ(flags[1], (std::vector<std::optional<std::string>>{"Front end", "0"}));

  // monday would answer success and change nothing: the driver refuses before sending anything.
  std::size_t before = requestCount();
  {
    Statement statement(connection_);
    EXPECT_EQ(statement.execDirect("UPDATE " + std::string(kTable) + " SET budget = 5 WHERE name = 'Build'"), SQL_ERROR);
    const auto diagnostics = statement.diagnostics();
    ASSERT_FALSE(diagnostics.empty());
    EXPECT_EQ(diagnostics[0].state, "42000");
    EXPECT_NE(diagnostics[0].message.find("is a rollup"), std::string::npos) << diagnostics[0].message;
  }
  for (const auto& request : apiRequestsSince(before)) {
    EXPECT_EQ(std::string(request["query"].GetString()).find("mutation"), std::string::npos) << "nothing is written";
  }

  // A leaf's budget and a parent's plain column change; the parents' sums follow the leaf.
  before = requestCount();
  Statement leaf(connection_);
  ASSERT_TRUE(SQL_SUCCEEDED(leaf.execDirect("UPDATE " + std::string(kTable) + " SET budget = 4100 WHERE name = 'Front end'")))
      << describe(leaf.diagnostics());
  Statement parent(connection_);
  ASSERT_TRUE(SQL_SUCCEEDED(parent.execDirect("UPDATE " + std::string(kTable) + " SET notes = 'Two teams' WHERE name = 'Build'")))
      << describe(parent.diagnostics());
  const Rows build = run("SELECT budget, notes FROM " + std::string(kTable) + " WHERE name = 'Build'");
  ASSERT_EQ(build.size(), 1u);
  EXPECT_EQ(build[0], (std::vector<std::optional<std::string>>{"7600.5", "Two teams"}));
  EXPECT_EQ(run("SELECT budget FROM " + std::string(kTable) + " WHERE name = 'Website relaunch'")[0][0].value_or(""),
            "9600.5");
}

}  // namespace
