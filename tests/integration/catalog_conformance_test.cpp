// The catalog functions BI tools read before they query, consistent for every kind of table:
// entity, board, system and local. Every type SQLColumns reports is one SQLGetTypeInfo lists;
// SQLStatistics gives a board's items count; the privileges say what SQL may really do.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "tests/integration/odbc_support.h"

using namespace monday::test;

namespace {

using Rows = std::vector<std::vector<std::optional<std::string>>>;

class CatalogConformance : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(SQL_SUCCEEDED(connection_.driverConnect(sandboxConnectionString()))) << describe(connection_.lastDiagnostics());
    Statement local(connection_);
    ASSERT_TRUE(SQL_SUCCEEDED(local.execDirect("CREATE TEMP TABLE picks (id BIGINT PRIMARY KEY, note VARCHAR(20))")));
    Statement index(connection_);
    ASSERT_TRUE(SQL_SUCCEEDED(index.execDirect("CREATE INDEX picks_note ON picks (note)")));
    Statement fill(connection_);
    ASSERT_TRUE(SQL_SUCCEEDED(fill.execDirect("INSERT INTO picks VALUES (1, 'a'), (2, 'b')")));
  }
  template <class Call>
  Rows catalog(Call call) {
    Statement statement(connection_);
    const SQLRETURN rc = call(statement.handle());
    EXPECT_TRUE(SQL_SUCCEEDED(rc)) << describe(statement.diagnostics());
    return statement.fetchAllText();
  }
  Environment env_;
  Connection connection_{env_};
};

struct TableRef {
  const char* schema;
  const char* table;
};

const TableRef kTables[] = {{"monday", "Items"}, {"boards", "Project Tracker"}, {"sys", "sys_api_usage"}, {"temp", "picks"}};

std::size_t activeItems(const char* board_name) {
  for (const auto& board : dataset()["boards"].GetArray()) {
    if (std::string(board["name"].GetString()) != board_name) continue;
    std::size_t n = 0;
    for (const auto& item : board["items"].GetArray()) n += std::string(item["state"].GetString()) == "active";
    return n;
  }
  return 0;
}

}  // namespace

TEST_F(CatalogConformance, EveryColumnTypeIsOneTypeInfoLists) {
  std::set<std::string> listed;
  for (const auto& row : catalog([](SQLHSTMT s) { return SQLGetTypeInfo(s, SQL_ALL_TYPES); })) listed.insert(*row[1]);
  for (const auto& ref : kTables) {
    const Rows columns = catalog([&](SQLHSTMT s) {
      return SQLColumns(s, nullptr, 0, (SQLCHAR*)ref.schema, SQL_NTS, (SQLCHAR*)ref.table, SQL_NTS, nullptr, 0);
    });
    ASSERT_FALSE(columns.empty()) << ref.schema << "." << ref.table;
    for (const auto& column : columns) {
      EXPECT_TRUE(listed.count(column[4].value_or(""))) << ref.table << "." << *column[3] << " has type " << *column[4];
      EXPECT_TRUE(column[16].has_value()) << "ORDINAL_POSITION";
    }
  }
}

TEST_F(CatalogConformance, StatisticsGiveRowCountsAndIndexes) {
  const Rows board = catalog([](SQLHSTMT s) {
    return SQLStatistics(s, nullptr, 0, (SQLCHAR*)"boards", SQL_NTS, (SQLCHAR*)"Project Tracker", SQL_NTS, SQL_INDEX_ALL,
                         SQL_QUICK);
  });
  ASSERT_FALSE(board.empty());
  EXPECT_EQ(board[0][6], std::optional<std::string>(std::to_string(SQL_TABLE_STAT)));
  ASSERT_TRUE(board[0][10].has_value()) << "a board's items count is its cardinality";
  EXPECT_GE(std::stoll(*board[0][10]), static_cast<long long>(activeItems("Project Tracker")));

  const Rows local = catalog([](SQLHSTMT s) {
    return SQLStatistics(s, nullptr, 0, (SQLCHAR*)"temp", SQL_NTS, (SQLCHAR*)"picks", SQL_NTS, SQL_INDEX_ALL, SQL_QUICK);
  });
  EXPECT_EQ(local[0][10], std::optional<std::string>("2"));
  bool note_index = false;
  for (const auto& row : local) note_index = note_index || (row[5] == std::optional<std::string>("picks_note") && row[8] == std::optional<std::string>("note"));
  EXPECT_TRUE(note_index);
  const Rows unique_only = catalog([](SQLHSTMT s) {
    return SQLStatistics(s, nullptr, 0, (SQLCHAR*)"temp", SQL_NTS, (SQLCHAR*)"picks", SQL_NTS, SQL_INDEX_UNIQUE, SQL_QUICK);
  });
  for (const auto& row : unique_only) EXPECT_NE(row[5], std::optional<std::string>("picks_note"));
}

TEST_F(CatalogConformance, SpecialColumnsNameTheKeyOfEveryKeyedTable) {
  for (const auto& ref : {TableRef{"monday", "Items"}, TableRef{"boards", "Project Tracker"}, TableRef{"temp", "picks"}}) {
    const Rows rows = catalog([&](SQLHSTMT s) {
      return SQLSpecialColumns(s, SQL_BEST_ROWID, nullptr, 0, (SQLCHAR*)ref.schema, SQL_NTS, (SQLCHAR*)ref.table, SQL_NTS,
                               SQL_SCOPE_SESSION, SQL_NULLABLE);
    });
    ASSERT_EQ(rows.size(), 1u) << ref.table;
    EXPECT_EQ(rows[0][1], std::optional<std::string>("id")) << ref.table;
  }
}

TEST_F(CatalogConformance, PrivilegesSayWhatSqlMayDo) {
  auto privileges = [&](Connection& c, const char* schema, const char* table) {
    Statement statement(c);
    EXPECT_TRUE(SQL_SUCCEEDED(
        SQLTablePrivileges(statement.handle(), nullptr, 0, (SQLCHAR*)schema, SQL_NTS, (SQLCHAR*)table, SQL_NTS)));
    std::string out;
    for (const auto& row : statement.fetchAllText()) out += (out.empty() ? "" : ",") + row[5].value_or("");
    return out;
  };
  EXPECT_EQ(privileges(connection_, "boards", "Project Tracker"), "DELETE,INSERT,SELECT,UPDATE");
  EXPECT_EQ(privileges(connection_, "monday", "Users"), "SELECT");
  EXPECT_EQ(privileges(connection_, "temp", "picks"), "DELETE,INSERT,SELECT,UPDATE");
  Connection read_only(env_);
  ASSERT_TRUE(SQL_SUCCEEDED(read_only.driverConnect(sandboxConnectionString("sandbox-admin-token", "ReadOnly=true"))));
  EXPECT_EQ(privileges(read_only, "boards", "Project Tracker"), "SELECT");

  const Rows columns = catalog([](SQLHSTMT s) {
    return SQLColumnPrivileges(s, nullptr, 0, (SQLCHAR*)"boards", SQL_NTS, (SQLCHAR*)"Project Tracker", SQL_NTS,
                               (SQLCHAR*)"%", SQL_NTS);
  });
  bool id_updatable = false;
  bool name_updatable = false;
  for (const auto& row : columns) {
    EXPECT_EQ(row[5], std::optional<std::string>("avery.stone@sandbox-co.example"));
    if (row[6] == std::optional<std::string>("UPDATE")) {
      id_updatable = id_updatable || row[3] == std::optional<std::string>("id");
      name_updatable = name_updatable || row[3] == std::optional<std::string>("name");
    }
  }
  EXPECT_FALSE(id_updatable) << "monday ids do not change";
  EXPECT_TRUE(name_updatable);
}
