// Catalog result sets built from a fixed table list: shapes (names, order, types), the SQLTables
// special enumerations, search patterns and row order.

#include "driver/handles/catalog.h"

#include <gtest/gtest.h>

#include "driver/common/error.h"

namespace monday::handles::catalog {
namespace {

Tables sampleTables() {
  engine::CatalogTable boards;
  boards.schema = "monday";
  boards.name = "Boards";
  boards.type = "TABLE";
  boards.remarks = "Boards you can see.";
  boards.columns = {{"id", DataType::BigInt, 0, 0, false, "Board id."},
                    {"name", DataType::Varchar, 255, 0, false, ""},
                    {"created_at", DataType::Timestamp, 0, 0, true, ""}};
  boards.primary_key = {"id"};

  engine::CatalogTable items = boards;
  items.name = "Items";
  items.remarks = "";
  items.columns = {{"id", DataType::BigInt, 0, 0, false, ""}, {"board_id", DataType::BigInt, 0, 0, true, ""}};

  engine::CatalogTable usage;
  usage.schema = "sys";
  usage.name = "api_usage";
  usage.type = "SYSTEM TABLE";
  usage.columns = {{"complexity", DataType::Integer, 0, 0, true, ""}};

  engine::CatalogTable board_items = boards;
  board_items.name = "board_items";
  board_items.primary_key = {};
  return {usage, items, boards, board_items};
}

std::vector<std::string> columnNames(const DriverResult& r) {
  std::vector<std::string> names;
  for (const auto& c : r.rows->columns()) names.push_back(c.name);
  return names;
}

std::vector<std::vector<Value>> rows(DriverResult& r) {
  std::vector<std::vector<Value>> out;
  while (r.rows->next()) {
    std::vector<Value> row;
    for (std::size_t i = 0; i < r.rows->columns().size(); ++i) row.push_back(r.rows->value(i));
    out.push_back(std::move(row));
  }
  return out;
}

std::string text(const Value& v) { return isNull(v) ? "NULL" : std::get<std::string>(v); }
std::int64_t number(const Value& v) { return std::get<std::int64_t>(v); }

const Context kOdbc3{};
const std::optional<std::string> kNull;
std::optional<std::string> arg(const char* s) { return std::string(s); }

TEST(CatalogTables, ShapeAndOrderByTypeThenSchemaThenName) {
  DriverResult r = tables(sampleTables(), kNull, kNull, kNull, kNull, kOdbc3);
  EXPECT_EQ(columnNames(r), (std::vector<std::string>{"TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS"}));
  auto all = rows(r);
  ASSERT_EQ(all.size(), 4u);
  // ODBC orders by TABLE_TYPE as text: 'SYSTEM TABLE' < 'TABLE'.
  EXPECT_EQ(text(all[0][2]), "api_usage");
  EXPECT_EQ(text(all[1][2]), "Boards");
  EXPECT_EQ(text(all[2][2]), "Items");
  EXPECT_EQ(text(all[3][2]), "board_items");
  EXPECT_EQ(text(all[1][0]), "NULL");  // no catalogs
  EXPECT_EQ(text(all[1][4]), "Boards you can see.");
  // Names are declared as long as SQLGetInfo allows (512); descriptions wider still, or DBD::ODBC truncates them.
  EXPECT_EQ(r.rows->columns()[2].size, 512);
  EXPECT_GE(r.rows->columns()[4].size, 4000);
  EXPECT_EQ(text(all[2][4]), "NULL");
}

TEST(CatalogTables, Odbc2ApplicationsGetOdbc2ColumnNames) {
  Context odbc2;
  odbc2.odbc_version = SQL_OV_ODBC2;
  DriverResult r = tables(sampleTables(), kNull, kNull, kNull, kNull, odbc2);
  EXPECT_EQ(columnNames(r)[0], "TABLE_QUALIFIER");
  EXPECT_EQ(columnNames(r)[1], "TABLE_OWNER");
}

TEST(CatalogTables, SpecialEnumerations) {
  DriverResult catalogs = tables(sampleTables(), arg("%"), arg(""), arg(""), kNull, kOdbc3);
  EXPECT_TRUE(rows(catalogs).empty());

  DriverResult schemas = tables(sampleTables(), arg(""), arg("%"), arg(""), kNull, kOdbc3);
  auto s = rows(schemas);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(text(s[0][1]), "monday");
  EXPECT_EQ(text(s[1][1]), "sys");
  EXPECT_EQ(text(s[0][2]), "NULL");

  DriverResult types = tables(sampleTables(), arg(""), arg(""), arg(""), arg("%"), kOdbc3);
  auto t = rows(types);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(text(t[0][3]), "SYSTEM TABLE");
  EXPECT_EQ(text(t[1][3]), "TABLE");
}

TEST(CatalogTables, PatternsEscapesAndTypeLists) {
  auto names = [](DriverResult r) {
    std::vector<std::string> out;
    for (auto& row : rows(r)) out.push_back(text(row[2]));
    return out;
  };
  EXPECT_EQ(names(tables(sampleTables(), kNull, kNull, arg("board_items"), kNull, kOdbc3)),
            (std::vector<std::string>{"board_items"}));
  // '_' is a wildcard; escaped it is literal.
  EXPECT_EQ(names(tables(sampleTables(), kNull, kNull, arg("board\\_items"), kNull, kOdbc3)),
            (std::vector<std::string>{"board_items"}));
  EXPECT_EQ(names(tables(sampleTables(), kNull, kNull, arg("B%"), kNull, kOdbc3)),
            (std::vector<std::string>{"Boards", "board_items"}));
  EXPECT_EQ(names(tables(sampleTables(), kNull, arg("sys"), kNull, kNull, kOdbc3)),
            (std::vector<std::string>{"api_usage"}));
  EXPECT_EQ(names(tables(sampleTables(), kNull, kNull, kNull, arg("'SYSTEM TABLE'"), kOdbc3)),
            (std::vector<std::string>{"api_usage"}));
  EXPECT_EQ(names(tables(sampleTables(), kNull, kNull, kNull, arg("'VIEW', 'TABLE'"), kOdbc3)).size(), 3u);
  EXPECT_TRUE(names(tables(sampleTables(), kNull, kNull, kNull, arg("VIEW"), kOdbc3)).empty());
  // A catalog name that is not ours matches nothing; "" means "tables without a catalog".
  EXPECT_TRUE(names(tables(sampleTables(), arg("other"), kNull, kNull, kNull, kOdbc3)).empty());
  EXPECT_EQ(names(tables(sampleTables(), arg(""), kNull, kNull, kNull, kOdbc3)).size(), 4u);
}

TEST(CatalogTables, MetadataIdTurnsPatternsIntoIdentifiers) {
  Context identifiers;
  identifiers.metadata_id = true;
  DriverResult r = tables(sampleTables(), kNull, kNull, arg("B%"), kNull, identifiers);
  EXPECT_TRUE(rows(r).empty());
  DriverResult exact = tables(sampleTables(), kNull, kNull, arg("boards"), kNull, identifiers);
  EXPECT_EQ(rows(exact).size(), 1u);
}

TEST(CatalogColumns, EighteenColumnsWithSpecTypesAndValues) {
  DriverResult r = columns(sampleTables(), kNull, kNull, arg("Boards"), kNull, kOdbc3);
  EXPECT_EQ(columnNames(r),
            (std::vector<std::string>{"TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE",
                                      "TYPE_NAME", "COLUMN_SIZE", "BUFFER_LENGTH", "DECIMAL_DIGITS",
                                      "NUM_PREC_RADIX", "NULLABLE", "REMARKS", "COLUMN_DEF", "SQL_DATA_TYPE",
                                      "SQL_DATETIME_SUB", "CHAR_OCTET_LENGTH", "ORDINAL_POSITION", "IS_NULLABLE"}));
  EXPECT_EQ(r.reported_types[4], convert::SqlTypeId::SmallInt);
  EXPECT_EQ(r.reported_types[6], convert::SqlTypeId::Integer);
  auto all = rows(r);
  ASSERT_EQ(all.size(), 3u);
  // id BIGINT NOT NULL
  EXPECT_EQ(number(all[0][4]), SQL_BIGINT);
  EXPECT_EQ(text(all[0][5]), "BIGINT");
  EXPECT_EQ(number(all[0][6]), 19);
  EXPECT_EQ(number(all[0][10]), SQL_NO_NULLS);
  EXPECT_EQ(text(all[0][11]), "Board id.");
  EXPECT_EQ(text(all[0][17]), "NO");
  EXPECT_EQ(number(all[0][16]), 1);
  // name WVARCHAR(255)
  EXPECT_EQ(number(all[1][4]), SQL_WVARCHAR);
  EXPECT_EQ(number(all[1][6]), 255);
  EXPECT_EQ(number(all[1][7]), 510);
  EXPECT_EQ(number(all[1][15]), 510);
  EXPECT_TRUE(isNull(all[1][8]));  // no decimal digits for text
  // created_at: concise TYPE_TIMESTAMP, verbose SQL_DATETIME + subcode
  EXPECT_EQ(number(all[2][4]), SQL_TYPE_TIMESTAMP);
  EXPECT_EQ(number(all[2][13]), SQL_DATETIME);
  EXPECT_EQ(number(all[2][14]), SQL_CODE_TIMESTAMP);
  EXPECT_EQ(text(all[2][17]), "YES");
  EXPECT_EQ(number(all[2][16]), 3);
}

TEST(CatalogColumns, Odbc2DateCodesAndColumnNames) {
  Context odbc2;
  odbc2.odbc_version = SQL_OV_ODBC2;
  DriverResult r = columns(sampleTables(), kNull, kNull, arg("Boards"), arg("created_at"), odbc2);
  EXPECT_EQ(columnNames(r)[6], "PRECISION");
  auto all = rows(r);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(number(all[0][4]), SQL_TIMESTAMP);
}

TEST(CatalogColumns, OrderedByTableThenOrdinal) {
  DriverResult r = columns(sampleTables(), kNull, arg("monday"), kNull, arg("id"), kOdbc3);
  auto all = rows(r);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(text(all[0][2]), "Boards");
  EXPECT_EQ(text(all[1][2]), "Items");
  EXPECT_EQ(text(all[2][2]), "board_items");
}

TEST(CatalogKeys, PrimaryKeysStatisticsAndSpecialColumns) {
  DriverResult pk = primaryKeys(sampleTables(), kNull, kNull, arg("Boards"), kOdbc3);
  EXPECT_EQ(columnNames(pk), (std::vector<std::string>{"TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME",
                                                       "KEY_SEQ", "PK_NAME"}));
  auto keys = rows(pk);
  ASSERT_EQ(keys.size(), 1u);
  EXPECT_EQ(text(keys[0][3]), "id");
  EXPECT_EQ(number(keys[0][4]), 1);

  DriverResult stats = statistics(sampleTables(), kNull, kNull, arg("Boards"), SQL_INDEX_ALL, kOdbc3);
  EXPECT_EQ(columnNames(stats).size(), 13u);
  auto s = rows(stats);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(number(s[0][6]), SQL_TABLE_STAT);
  EXPECT_EQ(number(s[1][3]), SQL_FALSE);
  EXPECT_EQ(text(s[1][8]), "id");

  DriverResult best = specialColumns(sampleTables(), SQL_BEST_ROWID, kNull, kNull, arg("Boards"), SQL_NULLABLE, kOdbc3);
  auto b = rows(best);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(text(b[0][1]), "id");
  EXPECT_EQ(number(b[0][2]), SQL_BIGINT);
  DriverResult rowver = specialColumns(sampleTables(), SQL_ROWVER, kNull, kNull, arg("Boards"), SQL_NULLABLE, kOdbc3);
  EXPECT_TRUE(rows(rowver).empty());
  EXPECT_EQ(columnNames(rowver).size(), 8u);
}

TEST(CatalogKeys, TableNameIsRequired) {
  try {
    primaryKeys(sampleTables(), kNull, kNull, kNull, kOdbc3);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.state(), "HY009");
  }
}

TEST(CatalogEmptyShapes, ForeignKeysProceduresPrivileges) {
  EXPECT_EQ(columnNames(foreignKeys({}, kNull, std::string("Boards"), kNull, kNull, kOdbc3)).size(), 14u);
  EXPECT_EQ(columnNames(procedures({}, kNull, kNull, kNull, kOdbc3)).size(), 8u);
  EXPECT_EQ(columnNames(procedureColumns({}, kNull, kNull, kNull, kNull, kOdbc3)).size(), 19u);
  EXPECT_EQ(columnNames(tablePrivileges({}, kNull, kNull, kNull, "me", kOdbc3)).size(), 7u);
  EXPECT_EQ(columnNames(columnPrivileges({}, kNull, kNull, std::string("Boards"), kNull, "me", kOdbc3)).size(), 8u);
  DriverResult fk = foreignKeys({}, kNull, std::string("Boards"), kNull, kNull, kOdbc3);
  EXPECT_TRUE(rows(fk).empty());
}

TEST(CatalogForeignKeys, DeclaredKeysBothWaysWithCompositeKeySequence) {
  engine::CatalogTable boards{.schema = "monday", .name = "Boards", .type = "TABLE"};
  boards.primary_key = {"id"};
  engine::CatalogTable groups{.schema = "monday", .name = "Groups", .type = "TABLE"};
  groups.primary_key = {"board_id", "id"};
  groups.foreign_keys = {{{"board_id"}, "Boards", {"id"}}};
  engine::CatalogTable items{.schema = "monday", .name = "Items", .type = "TABLE"};
  items.foreign_keys = {{{"board_id"}, "Boards", {"id"}}, {{"board_id", "group_id"}, "Groups", {"board_id", "id"}}};
  const Tables all{boards, groups, items};
  // Who points at Boards: ordered by the foreign-key table.
  DriverResult to_boards_result = foreignKeys(all, kNull, std::string("Boards"), kNull, kNull, kOdbc3);
  const auto to_boards = rows(to_boards_result);
  ASSERT_EQ(to_boards.size(), 2u);
  EXPECT_EQ(text(to_boards[0][6]), "Groups");
  EXPECT_EQ(text(to_boards[1][6]), "Items");
  EXPECT_EQ(text(to_boards[1][7]), "board_id");
  EXPECT_EQ(text(to_boards[1][3]), "id");
  // What Items points at: the composite key comes as two rows with KEY_SEQ 1 and 2.
  DriverResult from_items_result = foreignKeys(all, kNull, kNull, kNull, std::string("Items"), kOdbc3);
  const auto from_items = rows(from_items_result);
  ASSERT_EQ(from_items.size(), 3u);
  EXPECT_EQ(text(from_items[1][2]), "Groups");
  EXPECT_EQ(text(from_items[1][7]), "board_id");
  EXPECT_EQ(number(from_items[1][8]), 1);
  EXPECT_EQ(text(from_items[2][7]), "group_id");
  EXPECT_EQ(text(from_items[2][3]), "id");
  EXPECT_EQ(number(from_items[2][8]), 2);
  EXPECT_EQ(text(from_items[0][11]), "fk_Items_board_id");
}

TEST(CatalogTypeInfo, NineteenColumnsEveryTypeOrderedByDataType) {
  DriverResult r = typeInfo(SQL_ALL_TYPES, kOdbc3);
  auto names = columnNames(r);
  ASSERT_EQ(names.size(), 19u);
  EXPECT_EQ(names[0], "TYPE_NAME");
  EXPECT_EQ(names[1], "DATA_TYPE");
  EXPECT_EQ(names[18], "INTERVAL_PRECISION");
  auto all = rows(r);
  ASSERT_EQ(all.size(), convert::typeInfoTable().size());
  for (std::size_t i = 1; i < all.size(); ++i) EXPECT_LT(number(all[i - 1][1]), number(all[i][1]));
  // Every type a table column can have is listed.
  for (DataType t : {DataType::Bit, DataType::Integer, DataType::BigInt, DataType::Double, DataType::Decimal,
                     DataType::Date, DataType::Time, DataType::Timestamp, DataType::Varchar, DataType::LongVarchar}) {
    bool found = false;
    for (auto& row : all) found = found || text(row[0]) == declaredTypeName(t);
    EXPECT_TRUE(found) << declaredTypeName(t);
  }
}

TEST(CatalogTypeInfo, FilterByTypeAndOdbc2Dates) {
  DriverResult ts = typeInfo(SQL_TYPE_TIMESTAMP, kOdbc3);
  auto rows3 = rows(ts);
  ASSERT_EQ(rows3.size(), 1u);
  EXPECT_EQ(text(rows3[0][0]), "TIMESTAMP");
  EXPECT_EQ(text(rows3[0][3]), "'");
  Context odbc2;
  odbc2.odbc_version = SQL_OV_ODBC2;
  DriverResult ts2 = typeInfo(SQL_TIMESTAMP, odbc2);
  auto rows2 = rows(ts2);
  ASSERT_EQ(rows2.size(), 1u);
  EXPECT_EQ(number(rows2[0][1]), SQL_TIMESTAMP);
  DriverResult none = typeInfo(SQL_GUID, kOdbc3);
  EXPECT_TRUE(rows(none).empty());
}

TEST(CatalogTableTypes, ParsesQuotedLists) {
  EXPECT_EQ(parseTableTypes("'TABLE','VIEW'"), (std::vector<std::string>{"TABLE", "VIEW"}));
  EXPECT_EQ(parseTableTypes(" table , 'SYSTEM TABLE' "), (std::vector<std::string>{"TABLE", "SYSTEM TABLE"}));
  EXPECT_TRUE(parseTableTypes("").empty());
}

}  // namespace
}  // namespace monday::handles::catalog
