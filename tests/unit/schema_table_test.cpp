// Table definitions: reading values out of monday's JSON and building GraphQL selections.
#include <gtest/gtest.h>

#include <set>

#include "schema/paging/api_scan.h"
#include "schema/registry.h"
#include "schema/table.h"

using namespace monday;
using namespace monday::schema;

namespace {

Value read(const char* json, ColumnDef column, const char* parent_json = "{}") {
  static rapidjson::Document doc, parent;
  doc.Parse(json);
  parent.Parse(parent_json);
  return readColumn(column, RowView{&doc, &parent});
}

}  // namespace

TEST(ReadColumn, IdsBecomeIntegersBeyond32Bits) {
  Value v = read(R"({"id":"5000000001"})", {"id", DataType::BigInt, "id", Decode::Id});
  ASSERT_TRUE(std::holds_alternative<std::int64_t>(v));
  EXPECT_EQ(std::get<std::int64_t>(v), 5000000001LL);
}

TEST(ReadColumn, NestedAndParentPaths) {
  EXPECT_EQ(std::get<std::int64_t>(read(R"({"board":{"id":"42"}})", {"b", DataType::BigInt, "board.id", Decode::Id})),
            42);
  EXPECT_EQ(std::get<std::int64_t>(read(R"({})", {"b", DataType::BigInt, "^id", Decode::Id}, R"({"id":"7"})")), 7);
  EXPECT_TRUE(isNull(read(R"({"board":null})", {"b", DataType::BigInt, "board.id", Decode::Id})));
}

TEST(ReadColumn, TimestampsAreNormalisedToUtc) {
  ColumnDef ts{"t", DataType::Timestamp, "t", Decode::Timestamp};
  EXPECT_EQ(std::get<std::string>(read(R"({"t":"2026-03-01T10:00:00Z"})", ts)), "2026-03-01 10:00:00");
  EXPECT_EQ(std::get<std::string>(read(R"({"t":"2026-03-01T10:00:00.123Z"})", ts)), "2026-03-01 10:00:00");
  EXPECT_EQ(std::get<std::string>(read(R"({"t":"2026-03-01T01:30:00+02:00"})", ts)), "2026-02-28 23:30:00");
  EXPECT_TRUE(isNull(read(R"({"t":""})", ts)));
}

TEST(ReadColumn, BooleansAndJson) {
  EXPECT_EQ(std::get<std::int64_t>(read(R"({"b":true})", {"b", DataType::Bit, "b", Decode::Boolean})), 1);
  EXPECT_EQ(std::get<std::int64_t>(read(R"({"b":"false"})", {"b", DataType::Bit, "b", Decode::Boolean})), 0);
  EXPECT_EQ(std::get<std::string>(read(R"({"s":{"labels":{"1":"Done"}}})", {"s", DataType::LongVarchar, "s", Decode::Json})),
            R"({"labels":{"1":"Done"}})");
  // monday's JSON scalar often arrives as a string that holds JSON: keep it as it is.
  EXPECT_EQ(std::get<std::string>(read(R"({"s":"{\"a\":1}"})", {"s", DataType::LongVarchar, "s", Decode::Json})),
            R"({"a":1})");
}

TEST(ReadColumn, NonNumericIdIsKeptAsTextNotInvented) {
  Value v = read(R"({"id":"abc"})", {"id", DataType::BigInt, "id", Decode::Id});
  ASSERT_TRUE(std::holds_alternative<std::string>(v));
}

TEST(Selection, BuiltFromColumnPathsWithoutDuplicates) {
  std::vector<ColumnDef> columns = {{"id", DataType::BigInt, "id", Decode::Id},
                                    {"g", DataType::Varchar, "group.id", Decode::Text},
                                    {"gt", DataType::Varchar, "group.title", Decode::Text},
                                    {"b", DataType::BigInt, "^id", Decode::Id}};
  EXPECT_EQ(selectionFor(columns), "id group { id title }");
}

TEST(Ids, OnlyDigitsTravelAsIdsAndChunksDropDuplicates) {
  auto ids = idValues({std::int64_t{5}, std::string("17"), std::string("x1"), 3.0, std::monostate{}});
  EXPECT_EQ(ids, (std::vector<std::string>{"5", "17", "3"}));
  auto chunks = chunkIds({"1", "2", "1", "3", "4"}, 2);
  ASSERT_EQ(chunks.size(), 2u);
  EXPECT_EQ(chunks[0], (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(chunks[1], (std::vector<std::string>{"3", "4"}));
}

TEST(Registry, EveryTableIsWellFormed) {
  std::set<std::string> names;
  for (const auto& table : graphqlTables()) {
    EXPECT_TRUE(names.insert(table->name).second) << "duplicate table " << table->name;
    EXPECT_FALSE(table->description.empty()) << table->name;
    EXPECT_TRUE(table->scan) << table->name;
    EXPECT_TRUE(table->estimate) << table->name;
    std::set<std::string> columns;
    for (const auto& column : table->columns) {
      EXPECT_TRUE(columns.insert(column.name).second) << table->name << "." << column.name;
      EXPECT_FALSE(column.description.empty()) << table->name << "." << column.name;
    }
    for (const auto& key : table->keys) EXPECT_NE(table->column(key.column), nullptr) << key.column;
    for (const auto& pk : table->primary_key) EXPECT_NE(table->column(pk), nullptr) << pk;
  }
  for (const char* expected : {"Boards", "Columns", "Groups", "Items", "Users", "Workspaces"}) {
    EXPECT_TRUE(names.contains(expected)) << expected;
  }
}

TEST(Registry, ItemsPlannerPrefersBoardScansOverPerRowLookups) {
  const TableDef* items = nullptr;
  const TableDef* boards = nullptr;
  for (const auto& table : graphqlTables()) {
    if (table->name == "Items") items = table.get();
    if (table->name == "Boards") boards = table.get();
  }
  ASSERT_TRUE(items && boards);
  // Boards outer + Items by board_id must be far cheaper than Items outer + Boards by id.
  auto cost = [](ScanEstimate e) { return e.requests * 1000 + e.rows; };
  ScanEstimate boards_full = boards->estimate({});
  ScanEstimate items_by_board = items->estimate({{"board_id"}, {1}, std::nullopt});
  ScanEstimate items_full = items->estimate({});
  ScanEstimate board_by_id = boards->estimate({{"id"}, {1}, std::nullopt});
  double boards_outer = cost(boards_full) + boards_full.rows * cost(items_by_board);
  double items_outer = cost(items_full) + items_full.rows * cost(board_by_id);
  EXPECT_LT(boards_outer * 10, items_outer);
}
