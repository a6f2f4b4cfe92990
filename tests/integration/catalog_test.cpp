// Catalog functions through the driver manager: what BI tools use to draw their navigators.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "tests/integration/odbc_support.h"

using namespace monday::test;

namespace {

class Catalog : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(SQL_SUCCEEDED(connection_.connectDsn("monday-sandbox"))) << describe(connection_.lastDiagnostics());
  }
  Environment env_;
  Connection connection_{env_};
};

}  // namespace

TEST_F(Catalog, TablesListsTheApiTables) {
  Statement statement(connection_);
  ASSERT_ODBC_OK(SQLTables(statement.handle(), nullptr, 0, nullptr, 0, (SQLCHAR*)"%", SQL_NTS, nullptr, 0),
                 SQL_HANDLE_STMT, statement.handle());
  auto rows = statement.fetchAllText();
  std::set<std::string> names;
  std::set<std::string> schemas;
  for (const auto& row : rows) {
    const std::string schema = row[1].value_or("");
    schemas.insert(schema);
    if (schema == "monday") names.insert(row[2].value());
    // The sys tables describe the connection, not monday data.
    EXPECT_EQ(row[3].value(), schema == "sys" ? "SYSTEM TABLE" : "TABLE") << schema << "." << row[2].value_or("");
  }
  EXPECT_EQ(schemas, (std::set<std::string>{"boards", "monday", "sys"}));
  for (const char* table : {"Boards", "Columns", "Groups", "Items", "Users", "Workspaces"}) {
    EXPECT_TRUE(names.contains(table)) << table;
  }
}

TEST_F(Catalog, ColumnsDescribeTypesAndRemarks) {
  Statement statement(connection_);
  ASSERT_ODBC_OK(SQLColumns(statement.handle(), nullptr, 0, nullptr, 0, (SQLCHAR*)"Items", SQL_NTS, nullptr, 0),
                 SQL_HANDLE_STMT, statement.handle());
  auto rows = statement.fetchAllText();
  std::map<std::string, std::vector<std::optional<std::string>>> by_name;
  for (auto& row : rows) by_name[row[3].value()] = row;
  ASSERT_TRUE(by_name.contains("id"));
  EXPECT_EQ(std::stoi(by_name["id"][4].value()), SQL_BIGINT);
  EXPECT_EQ(std::stoi(by_name["name"][4].value()), SQL_WVARCHAR);
  EXPECT_EQ(std::stoi(by_name["created_at"][4].value()), SQL_TYPE_TIMESTAMP);
  EXPECT_FALSE(by_name["board_id"][11].value_or("").empty()) << "every column has a description";
  EXPECT_EQ(by_name["id"][16].value(), "1");  // ORDINAL_POSITION
}

TEST_F(Catalog, ColumnsTypesMatchDescribeColOfSelectStar) {
  std::map<std::string, int> from_columns;
  {
    Statement statement(connection_);
    ASSERT_ODBC_OK(SQLColumns(statement.handle(), nullptr, 0, nullptr, 0, (SQLCHAR*)"Boards", SQL_NTS, nullptr, 0),
                   SQL_HANDLE_STMT, statement.handle());
    for (auto& row : statement.fetchAllText()) from_columns[row[3].value()] = std::stoi(row[4].value());
  }
  Statement statement(connection_);
  ASSERT_ODBC_OK(SQLPrepare(statement.handle(), (SQLCHAR*)"SELECT * FROM Boards", SQL_NTS), SQL_HANDLE_STMT,
                 statement.handle());
  SQLSMALLINT count = statement.columnCount();
  ASSERT_EQ(static_cast<std::size_t>(count), from_columns.size());
  for (SQLUSMALLINT c = 1; c <= count; ++c) {
    SQLCHAR name[128];
    SQLSMALLINT length = 0, type = 0, digits = 0, nullable = 0;
    SQLULEN size = 0;
    ASSERT_ODBC_OK(SQLDescribeCol(statement.handle(), c, name, sizeof name, &length, &type, &size, &digits, &nullable),
                   SQL_HANDLE_STMT, statement.handle());
    EXPECT_EQ(type, from_columns[reinterpret_cast<char*>(name)]) << name;
  }
}

TEST_F(Catalog, PrimaryKeys) {
  Statement statement(connection_);
  ASSERT_ODBC_OK(SQLPrimaryKeys(statement.handle(), nullptr, 0, nullptr, 0, (SQLCHAR*)"Columns", SQL_NTS),
                 SQL_HANDLE_STMT, statement.handle());
  auto rows = statement.fetchAllText();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][3].value(), "board_id");
  EXPECT_EQ(rows[1][3].value(), "id");
}

TEST_F(Catalog, TypeInfoListsEveryTypeTheDriverReturns) {
  Statement statement(connection_);
  ASSERT_ODBC_OK(SQLGetTypeInfo(statement.handle(), SQL_ALL_TYPES), SQL_HANDLE_STMT, statement.handle());
  std::set<int> types;
  for (auto& row : statement.fetchAllText()) types.insert(std::stoi(row[1].value()));
  for (int type : {SQL_BIT, SQL_INTEGER, SQL_BIGINT, SQL_DOUBLE, SQL_WVARCHAR, SQL_WLONGVARCHAR, SQL_TYPE_DATE,
                   SQL_TYPE_TIMESTAMP}) {
    EXPECT_TRUE(types.contains(type)) << type;
  }
}

TEST_F(Catalog, ForeignKeysLinkItemsToBoardsGroupsAndParents) {
  Statement to_boards(connection_);
  ASSERT_ODBC_OK(SQLForeignKeys(to_boards.handle(), nullptr, 0, nullptr, 0, (SQLCHAR*)"Boards", SQL_NTS, nullptr, 0,
                                nullptr, 0, nullptr, 0),
                 SQL_HANDLE_STMT, to_boards.handle());
  std::set<std::string> referencing;
  for (const auto& row : to_boards.fetchAllText()) {
    EXPECT_EQ(row[2].value_or(""), "Boards");
    EXPECT_EQ(row[3].value_or(""), "id");
    referencing.insert(row[6].value_or("") + "." + row[7].value_or(""));
  }
  for (const char* key : {"Items.board_id", "Columns.board_id", "Groups.board_id", "Subitems.parent_board_id"}) {
    EXPECT_TRUE(referencing.contains(key)) << key;
  }

  Statement from_items(connection_);
  ASSERT_ODBC_OK(SQLForeignKeys(from_items.handle(), nullptr, 0, nullptr, 0, nullptr, 0, nullptr, 0, nullptr, 0,
                                (SQLCHAR*)"Items", SQL_NTS),
                 SQL_HANDLE_STMT, from_items.handle());
  std::vector<std::string> keys;
  for (const auto& row : from_items.fetchAllText()) {
    keys.push_back(row[2].value_or("") + "." + row[3].value_or("") + "<-" + row[7].value_or("") + "#" + row[8].value_or(""));
  }
  EXPECT_EQ(keys, (std::vector<std::string>{"Boards.id<-board_id#1", "Groups.board_id<-board_id#1", "Groups.id<-group_id#2",
                                            "Items.id<-parent_item_id#1"}));
}
