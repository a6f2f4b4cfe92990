// Cells in the shapes monday documents for them, not only the ones the seeded data happens to
// hold (REFERENCE §11.1): each test stores a cell in the sandbox the way monday keeps it and
// reads it back through the driver manager as an application would.
#include <gtest/gtest.h>

#include <string>

#include "tests/integration/odbc_support.h"

using namespace monday::test;

namespace {

constexpr const char* kTracker = "boards.\"Project Tracker\"";
constexpr const char* kItem = "9000000031";

class ColumnShapes : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(sandboxControl("/__sandbox/reset", "{}"), 200);
    ASSERT_TRUE(SQL_SUCCEEDED(connection_.driverConnect(sandboxConnectionString())))
        << describe(connection_.lastDiagnostics());
  }
  void TearDown() override { sandboxControl("/__sandbox/reset", "{}"); }

  void store(const std::string& column_id, const std::string& raw) {
    ASSERT_EQ(sandboxControl("/__sandbox/cells", std::string(R"({"item_id":)") + kItem + R"(,"column_id":")" +
                                                     column_id + R"(","raw":)" + raw + "}"),
              200);
  }
  // One row: the item's `columns`, as text (NULL → "NULL").
  std::vector<std::string> read(const std::string& columns) {
    const auto rows = query(connection_, "SELECT " + columns + " FROM " + kTracker + " WHERE id = " + kItem);
    EXPECT_EQ(rows.size(), 1u);
    std::vector<std::string> out;
    if (rows.empty()) return out;
    for (const auto& cell : rows[0]) out.push_back(cell.value_or("NULL"));
    return out;
  }
  Environment env_;
  Connection connection_{env_};
};

}  // namespace

// The admin token's user works in America/New_York: monday shows this cell to it as
// "2026-06-30 22:30" (text) and "22:30:00" (DateValue.time), while the stored moment is
// 2026-07-01 02:30 UTC. The SQL columns say UTC, so they must show the stored moment.
TEST_F(ColumnShapes, ADateWithATimeIsTheUtcMomentMondayStoresNotTheCallersLocalTime) {
  store("date4", R"({"date":"2026-07-01","time":"02:30:00","changed_at":"2026-06-01T00:00:00.000Z"})");
  const auto row = read("due_date, due_date_time");
  ASSERT_EQ(row.size(), 2u);
  EXPECT_EQ(row[0], "2026-07-01");
  EXPECT_EQ(row[1], "02:30:00");
}

TEST_F(ColumnShapes, ADateWithoutATimeAndAClearedDate) {
  // monday's documented example: no "time" key at all, an "icon" key.
  store("date4", R"({"date":"2022-07-19","icon":null,"changed_at":"2022-07-21T12:00:00.000Z"})");
  auto row = read("due_date, due_date_time");
  ASSERT_EQ(row.size(), 2u);
  EXPECT_EQ(row[0], "2022-07-19");
  EXPECT_EQ(row[1], "NULL");
  store("date4", "null");
  row = read("due_date, due_date_time, due_date_value");
  ASSERT_EQ(row.size(), 3u);
  EXPECT_EQ(row[0], "NULL");
  EXPECT_EQ(row[1], "NULL");
  EXPECT_EQ(row[2], "NULL");
}

// monday's doc column: `text` is always "", the doc is DocValue.file.
TEST_F(ColumnShapes, ADocColumnShowsTheDocFromDocValueFileThoughItsTextIsEmpty) {
  const auto docs = query(connection_, "SELECT id, object_id, url FROM Docs ORDER BY id LIMIT 1");
  ASSERT_EQ(docs.size(), 1u);
  const std::string id = docs[0][0].value(), object_id = docs[0][1].value(), url = docs[0][2].value();
  store("monday_doc", R"({"files":[{"name":"Brief","fileType":"MONDAY_DOC","docId":)" + id + R"(,"objectId":)" +
                          object_id + R"(,"linkToFile":")" + url +
                          R"(","createdAt":"2026-06-01T00:00:00.000Z","createdBy":"10000001"}]})");
  auto row = read("brief, brief_object_id");
  ASSERT_EQ(row.size(), 2u);
  EXPECT_EQ(row[0], url);
  EXPECT_EQ(row[1], object_id);

  // Cleared ({"clear_all":true} leaves no file): NULL, not "".
  store("monday_doc", "null");
  row = read("brief, brief_object_id");
  ASSERT_EQ(row.size(), 2u);
  EXPECT_EQ(row[0], "NULL");
  EXPECT_EQ(row[1], "NULL");
}
