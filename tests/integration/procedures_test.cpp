// Stored procedures through the driver manager: every call syntax, bound parameters, each
// procedure's effect read back from the sandbox, SQLProcedures / SQLProcedureColumns, ReadOnly,
// errors, and mutations that are never sent twice. Mutating tests reset the sandbox afterwards.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "tests/integration/odbc_support.h"

using namespace monday::test;

namespace {

// Seeded data (tests/sandbox/README.md): Sales Pipeline has groups topics and group_q4, Project
// Tracker a file column "files", update 300000001 and assets 1100000001... 1100000007.
constexpr const char* kTracker = "5000000001";
constexpr const char* kSales = "5000000002";
constexpr const char* kSalesItem = "9000000091";  // "Acme Corp", group topics
constexpr const char* kSalesItem2 = "9000000092";  // "Globex", group topics
constexpr const char* kUpdate = "300000001";
constexpr const char* kAsset = "1100000004";  // cv-jane-doe.pdf, 98112 bytes
constexpr const char* kDoc = "12000001";       // "Project brief": titles, a list, a table with cells
constexpr const char* kTrackerItem = "9000000031";  // on Project Tracker, whose doc column monday_doc is "Brief"

using Rows = std::vector<std::vector<std::optional<std::string>>>;

std::string text(const Rows& rows, std::size_t row = 0, std::size_t column = 0) {
  if (rows.size() <= row || rows[row].size() <= column || !rows[row][column]) return "<none>";
  return *rows[row][column];
}

// The bytes a seeded asset is served with (tests/sandbox/src/http/control.mjs).
std::string seededAssetBytes(const std::string& id, const std::string& name, std::size_t size) {
  const std::string seed = "monday sandbox file " + id + " " + name + "\n";
  std::string out;
  while (out.size() < size) out += seed;
  out.resize(size);
  return out;
}

std::string tempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("monday-odbc-procedures-" + name)).string();
}

class Procedures : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(SQL_SUCCEEDED(connection_.connectDsn("monday-sandbox"))) << describe(connection_.lastDiagnostics());
  }
  // Procedures change the sandbox; every test starts from the seeded data.
  void TearDown() override {
    clearSandboxFaults();
    EXPECT_EQ(sandboxControl("/__sandbox/reset", "{}"), 200);
  }

  // Runs `sql`, which must fail; returns its first diagnostic.
  Diagnostic failure(Connection& connection, const std::string& sql) {
    Statement statement(connection);
    const SQLRETURN rc = statement.execDirect(sql);
    EXPECT_EQ(rc, SQL_ERROR) << sql;
    auto records = statement.diagnostics();
    return records.empty() ? Diagnostic{} : records.front();
  }
  Diagnostic failure(const std::string& sql) { return failure(connection_, sql); }

  Environment env_;
  Connection connection_{env_};
};

// Reads a column as bytes (SQL_C_BINARY), piece by piece.
std::optional<std::string> binaryColumn(SQLHSTMT stmt, SQLUSMALLINT column) {
  std::string bytes;
  for (;;) {
    char buffer[4096];
    SQLLEN indicator = 0;
    const SQLRETURN rc = SQLGetData(stmt, column, SQL_C_BINARY, buffer, sizeof buffer, &indicator);
    if (rc == SQL_NO_DATA) break;
    EXPECT_TRUE(SQL_SUCCEEDED(rc)) << describe(diagnostics(SQL_HANDLE_STMT, stmt));
    if (!SQL_SUCCEEDED(rc)) return std::nullopt;
    if (indicator == SQL_NULL_DATA) return std::nullopt;
    const SQLLEN got = (indicator == SQL_NO_TOTAL || indicator > static_cast<SQLLEN>(sizeof buffer))
                           ? static_cast<SQLLEN>(sizeof buffer)
                           : indicator;
    bytes.append(buffer, static_cast<std::size_t>(got));
    if (rc == SQL_SUCCESS) break;
  }
  return bytes;
}

}  // namespace

// --- call syntaxes and parameters ------------------------------------------------------------

TEST_F(Procedures, EveryCallSyntaxRunsTheProcedure) {
  const std::vector<std::string> calls = {
      std::string("EXEC DuplicateItem ") + kSalesItem,
      std::string("EXECUTE DuplicateItem @ItemId = ") + kSalesItem + ", @BoardId = " + kSales,
      std::string("CALL DuplicateItem(") + kSalesItem + ", " + kSales + ", 0)",
      std::string("{call DuplicateItem(") + kSalesItem + ")}",
      std::string("{ CALL monday.DuplicateItem(") + kSalesItem + ") }",
      std::string("SELECT item_id, item_name FROM DuplicateItem(") + kSalesItem + ")",
  };
  std::set<std::string> copies;
  for (const auto& call : calls) {
    SCOPED_TRACE(call);
    const Rows rows = query(connection_, call);
    ASSERT_EQ(rows.size(), 1u);
    const std::string id = text(rows, 0, 0);
    EXPECT_EQ(text(rows, 0, 1), "Acme Corp");
    EXPECT_NE(id, kSalesItem);
    copies.insert(id);
    // The copy exists on the same board, in the same group.
    const Rows back = query(connection_, "SELECT name, board_id, group_id FROM Items WHERE id = " + id);
    ASSERT_EQ(back.size(), 1u);
    EXPECT_EQ(text(back, 0, 0), "Acme Corp");
    EXPECT_EQ(text(back, 0, 1), kSales);
    EXPECT_EQ(text(back, 0, 2), "topics");
  }
  EXPECT_EQ(copies.size(), calls.size());
}

TEST_F(Procedures, ResultSetIsDescribedBeforeExecution) {
  Statement statement(connection_);
  ASSERT_ODBC_OK(SQLPrepare(statement.handle(), (SQLCHAR*)"{call ArchiveItem(?)}", SQL_NTS), SQL_HANDLE_STMT,
                 statement.handle());
  SQLSMALLINT columns = 0;
  ASSERT_ODBC_OK(SQLNumResultCols(statement.handle(), &columns), SQL_HANDLE_STMT, statement.handle());
  EXPECT_EQ(columns, 5);
  SQLCHAR name[64];
  SQLSMALLINT name_length = 0, type = 0, digits = 0, nullable = 0;
  SQLULEN size = 0;
  ASSERT_ODBC_OK(SQLDescribeCol(statement.handle(), 1, name, sizeof name, &name_length, &type, &size, &digits, &nullable),
                 SQL_HANDLE_STMT, statement.handle());
  EXPECT_STREQ(reinterpret_cast<char*>(name), "item_id");
  EXPECT_EQ(type, SQL_BIGINT);
  SQLSMALLINT parameters = 0;
  ASSERT_ODBC_OK(SQLNumParams(statement.handle(), &parameters), SQL_HANDLE_STMT, statement.handle());
  EXPECT_EQ(parameters, 1);
}

TEST_F(Procedures, BoundParametersWorkAndThePreparedCallRunsAgain) {
  Statement statement(connection_);
  ASSERT_ODBC_OK(SQLPrepare(statement.handle(), (SQLCHAR*)"{call MoveItemToGroup(?, ?)}", SQL_NTS), SQL_HANDLE_STMT,
                 statement.handle());
  SQLBIGINT item = 0;
  char group[32] = "group_q4";
  SQLLEN group_length = SQL_NTS;
  ASSERT_ODBC_OK(SQLBindParameter(statement.handle(), 1, SQL_PARAM_INPUT, SQL_C_SBIGINT, SQL_BIGINT, 0, 0, &item, 0,
                                  nullptr),
                 SQL_HANDLE_STMT, statement.handle());
  ASSERT_ODBC_OK(SQLBindParameter(statement.handle(), 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 32, 0, group,
                                  sizeof group, &group_length),
                 SQL_HANDLE_STMT, statement.handle());
  for (const char* id : {kSalesItem, kSalesItem2}) {
    item = std::stoll(id);
    ASSERT_ODBC_OK(SQLExecute(statement.handle()), SQL_HANDLE_STMT, statement.handle());
    const Rows rows = statement.fetchAllText();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(text(rows, 0, 0), id);
    EXPECT_EQ(text(rows, 0, 3), "group_q4");
    SQLCloseCursor(statement.handle());
  }
  const Rows back = query(connection_, std::string("SELECT id, group_id FROM Items WHERE id IN (") + kSalesItem + ", " +
                                           kSalesItem2 + ") ORDER BY id");
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(text(back, 0, 1), "group_q4");
  EXPECT_EQ(text(back, 1, 1), "group_q4");
}

TEST_F(Procedures, NamedParameterMarkersBindInTheOrderWritten) {
  Statement statement(connection_);
  // @GroupId comes first in the text, so it is parameter 1 although it is the second parameter.
  ASSERT_ODBC_OK(SQLPrepare(statement.handle(), (SQLCHAR*)"EXEC MoveItemToGroup @GroupId = ?, @ItemId = ?", SQL_NTS),
                 SQL_HANDLE_STMT, statement.handle());
  char group[32] = "group_q4";
  SQLLEN group_length = SQL_NTS;
  SQLBIGINT item = std::stoll(kSalesItem);
  ASSERT_ODBC_OK(SQLBindParameter(statement.handle(), 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 32, 0, group,
                                  sizeof group, &group_length),
                 SQL_HANDLE_STMT, statement.handle());
  ASSERT_ODBC_OK(SQLBindParameter(statement.handle(), 2, SQL_PARAM_INPUT, SQL_C_SBIGINT, SQL_BIGINT, 0, 0, &item, 0,
                                  nullptr),
                 SQL_HANDLE_STMT, statement.handle());
  ASSERT_ODBC_OK(SQLExecute(statement.handle()), SQL_HANDLE_STMT, statement.handle());
  const Rows rows = statement.fetchAllText();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(text(rows, 0, 0), kSalesItem);
  EXPECT_EQ(text(rows, 0, 3), "group_q4");
}

TEST_F(Procedures, NativeSqlShowsTheRewrittenCall) {
  const std::string in = "{call DuplicateItem(?, {fn ABS(-5)})}";
  char out[512];
  SQLINTEGER length = 0;
  ASSERT_ODBC_OK(SQLNativeSql(connection_.handle(), (SQLCHAR*)in.c_str(), SQL_NTS, (SQLCHAR*)out, sizeof out, &length),
                 SQL_HANDLE_DBC, connection_.handle());
  EXPECT_STREQ(out, "SELECT * FROM \"monday\".\"DuplicateItem\"(?, abs(-5))");
  ASSERT_ODBC_OK(SQLNativeSql(connection_.handle(), (SQLCHAR*)"EXEC ArchiveItem @ItemId = 1", SQL_NTS, (SQLCHAR*)out,
                              sizeof out, &length),
                 SQL_HANDLE_DBC, connection_.handle());
  EXPECT_STREQ(out, "SELECT * FROM \"monday\".\"ArchiveItem\" WHERE \"ItemId\" = 1");
}

TEST_F(Procedures, AProcedureCanBeJoinedToATable) {
  // Archive every item of a group in one statement: the table feeds the procedure row by row.
  const Rows rows = query(connection_, std::string("SELECT a.item_id, a.state FROM Items i, ArchiveItem(i.id) a "
                                                   "WHERE i.board_id = ") +
                                           kSales + " AND i.group_id = 'group_q4' ORDER BY a.item_id");
  ASSERT_EQ(rows.size(), 40u);
  for (const auto& row : rows) EXPECT_EQ(row[1].value_or(""), "archived");
  const Rows left = query(connection_, std::string("SELECT COUNT(*) FROM Items WHERE board_id = ") + kSales +
                                           " AND group_id = 'group_q4'");
  EXPECT_EQ(text(left), "0");
}

// --- each procedure, effect read back ----------------------------------------------------------

TEST_F(Procedures, DuplicateBoardCopiesStructureOrItems) {
  const Rows structure = query(connection_, std::string("EXEC DuplicateBoard ") + kSales);
  ASSERT_EQ(structure.size(), 1u);
  const std::string empty_copy = text(structure, 0, 0);
  EXPECT_EQ(text(structure, 0, 1), "Duplicate of Sales Pipeline");
  EXPECT_EQ(text(structure, 0, 3), "0");  // is_async

  const Rows full = query(connection_, std::string("EXEC DuplicateBoard @BoardId = ") + kSales +
                                           ", @DuplicateType = 'items', @BoardName = 'Sales copy'");
  ASSERT_EQ(full.size(), 1u);
  const std::string copy = text(full, 0, 0);
  EXPECT_EQ(text(full, 0, 1), "Sales copy");

  EXPECT_EQ(text(query(connection_, "SELECT name FROM Boards WHERE id = " + copy)), "Sales copy");
  EXPECT_EQ(text(query(connection_, "SELECT COUNT(*) FROM Items WHERE board_id = " + empty_copy)), "0");
  EXPECT_EQ(text(query(connection_, "SELECT COUNT(*) FROM Items WHERE board_id = " + copy)),
            text(query(connection_, std::string("SELECT COUNT(*) FROM Items WHERE board_id = ") + kSales)));
  EXPECT_EQ(text(query(connection_, "SELECT COUNT(*) FROM Groups WHERE board_id = " + copy)), "2");
}

TEST_F(Procedures, DuplicateGroupAddsATitledCopy) {
  const Rows rows = query(connection_, std::string("CALL DuplicateGroup(") + kSales + ", 'group_q4', 'Q4 again')");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(text(rows, 0, 0), kSales);
  const std::string group = text(rows, 0, 1);
  EXPECT_EQ(text(rows, 0, 2), "Q4 again");
  EXPECT_EQ(text(query(connection_, std::string("SELECT title FROM Groups WHERE board_id = ") + kSales +
                                        " AND id = '" + group + "'")),
            "Q4 again");
  EXPECT_EQ(text(query(connection_, std::string("SELECT COUNT(*) FROM Items WHERE board_id = ") + kSales +
                                        " AND group_id = '" + group + "'")),
            "40");
}

TEST_F(Procedures, MoveItemToBoardMovesTheItem) {
  const Rows rows = query(connection_, std::string("EXEC MoveItemToBoard @ItemId = ") + kSalesItem +
                                           ", @BoardId = " + kTracker + ", @GroupId = 'topics'");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(text(rows, 0, 0), kSalesItem);
  EXPECT_EQ(text(rows, 0, 2), kTracker);
  const Rows back = query(connection_, std::string("SELECT board_id, group_id FROM Items WHERE id = ") + kSalesItem);
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(text(back, 0, 0), kTracker);
  EXPECT_EQ(text(back, 0, 1), "topics");

  // monday's rule, checked by the sandbox: a mapping must list every column of the source board.
  const Diagnostic error = failure(std::string("EXEC MoveItemToBoard ") + kSalesItem2 + ", " + kTracker +
                                   ", 'topics', '{\"status\": \"status\"}'");
  EXPECT_NE(error.message.find("must map every column"), std::string::npos) << error.message;
  const Diagnostic bad_json =
      failure(std::string("EXEC MoveItemToBoard ") + kSalesItem2 + ", " + kTracker + ", 'topics', '{oops'");
  EXPECT_EQ(bad_json.state, "22018");
  EXPECT_NE(bad_json.message.find("ColumnsMapping is not valid JSON"), std::string::npos) << bad_json.message;
}

TEST_F(Procedures, ArchiveBoardGroupAndItem) {
  const Rows board = query(connection_, "EXEC ArchiveBoard 5000000004");
  EXPECT_EQ(text(board, 0, 2), "archived");
  EXPECT_EQ(text(query(connection_, "SELECT state FROM Boards WHERE id = 5000000004")), "archived");

  const Rows group = query(connection_, std::string("EXEC ArchiveGroup ") + kSales + ", 'group_q4'");
  EXPECT_EQ(text(group, 0, 1), "group_q4");
  EXPECT_EQ(text(group, 0, 3), "1");
  // monday's board.groups leaves archived groups out, as its board.items_page leaves archived items.
  EXPECT_EQ(text(query(connection_, std::string("SELECT COUNT(*) FROM Groups WHERE board_id = ") + kSales +
                                        " AND id = 'group_q4'")),
            "0");

  const Rows item = query(connection_, std::string("EXEC ArchiveItem ") + kSalesItem);
  EXPECT_EQ(text(item, 0, 4), "archived");
  EXPECT_EQ(text(query(connection_, std::string("SELECT COUNT(*) FROM Items WHERE id = ") + kSalesItem)), "0");
}

TEST_F(Procedures, CreateNotificationReachesTheUser) {
  const Rows sent = query(connection_, std::string("EXEC CreateNotification @UserId = 10000002, @TargetId = ") +
                                           kSalesItem + ", @Text = 'Please review Acme'");
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(text(sent, 0, 1), "Please review Acme");
  // The recipient (the member token) sees it.
  Connection member(env_);
  ASSERT_TRUE(SQL_SUCCEEDED(member.connectDsn("monday-sandbox-member"))) << describe(member.lastDiagnostics());
  const Rows theirs = query(member, "SELECT json_extract(json, '$.id'), json_extract(json, '$.text'), "
                                    "json_extract(json, '$.item.id') FROM ExecuteGraphQL('{ notifications { id text "
                                    "item { id } } }')");
  ASSERT_EQ(theirs.size(), 1u);
  EXPECT_EQ(text(theirs, 0, 0), text(sent, 0, 0));
  EXPECT_EQ(text(theirs, 0, 1), "Please review Acme");
  EXPECT_EQ(text(theirs, 0, 2), kSalesItem);
  const Diagnostic bad = failure("EXEC CreateNotification 10000002, 9000000091, 'x', 'Board'");
  EXPECT_EQ(bad.state, "22018");
}

TEST_F(Procedures, AddFileToColumnFromAPathAndDownloadItBack) {
  const std::string path = tempPath("upload.txt");
  const std::string bytes = std::string("hello from ODBC\n") + std::string(1, '\0') + "binary tail";
  {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
  }
  const std::size_t before = requestCount();
  const Rows rows = query(connection_, "EXEC AddFileToColumn @ItemId = 9000000031, @ColumnId = 'files', @FilePath = '" +
                                           path + "'");
  std::filesystem::remove(path);
  ASSERT_EQ(rows.size(), 1u);
  const std::string asset = text(rows, 0, 0);
  EXPECT_EQ(text(rows, 0, 1), "monday-odbc-procedures-upload.txt");
  EXPECT_EQ(text(rows, 0, 2), "txt");
  EXPECT_EQ(text(rows, 0, 3), std::to_string(bytes.size()));
  // One multipart request to /v2/file, never retried.
  std::size_t uploads = 0;
  for (const auto& request : requestsSince(before)) {
    if (std::string(request["path"].GetString()) == "/v2/file") ++uploads;
  }
  EXPECT_EQ(uploads, 1u);

  Statement download(connection_);
  ASSERT_ODBC_OK(download.execDirect("SELECT asset_name, file_size, local_path, content FROM DownloadAsset(" + asset + ")"),
                 SQL_HANDLE_STMT, download.handle());
  ASSERT_ODBC_OK(SQLFetch(download.handle()), SQL_HANDLE_STMT, download.handle());
  EXPECT_EQ(binaryColumn(download.handle(), 4).value_or("<null>"), bytes);
  // The file column now lists it.
  const Rows cell = query(connection_, "SELECT json_extract(json, '$.column_values[0].value') FROM ExecuteGraphQL("
                                       "'{ items(ids: [9000000031]) { column_values(ids: [\"files\"]) { value } } }')");
  EXPECT_NE(text(cell).find(asset), std::string::npos) << text(cell);
}

TEST_F(Procedures, AddFileToUpdateWithInlineBytes) {
  Statement statement(connection_);
  ASSERT_ODBC_OK(SQLPrepare(statement.handle(),
                            (SQLCHAR*)"EXEC AddFileToUpdate @UpdateId = ?, @Content = ?, @FileName = 'notes.bin'", SQL_NTS),
                 SQL_HANDLE_STMT, statement.handle());
  SQLBIGINT update = std::stoll(kUpdate);
  unsigned char content[] = {0x00, 0xff, 0x10, 0x20, 0x7f};
  SQLLEN content_length = sizeof content;
  ASSERT_ODBC_OK(SQLBindParameter(statement.handle(), 1, SQL_PARAM_INPUT, SQL_C_SBIGINT, SQL_BIGINT, 0, 0, &update, 0,
                                  nullptr),
                 SQL_HANDLE_STMT, statement.handle());
  ASSERT_ODBC_OK(SQLBindParameter(statement.handle(), 2, SQL_PARAM_INPUT, SQL_C_BINARY, SQL_LONGVARBINARY,
                                  sizeof content, 0, content, sizeof content, &content_length),
                 SQL_HANDLE_STMT, statement.handle());
  ASSERT_ODBC_OK(SQLExecute(statement.handle()), SQL_HANDLE_STMT, statement.handle());
  const Rows rows = statement.fetchAllText();
  ASSERT_EQ(rows.size(), 1u);
  const std::string asset = text(rows, 0, 0);
  EXPECT_EQ(text(rows, 0, 1), "notes.bin");
  EXPECT_EQ(text(rows, 0, 3), "5");
  bool found = false;
  const std::string update_assets = std::string("SELECT a.value FROM ExecuteGraphQL('query ($ids: [ID!]) { updates(ids: "
                                                "$ids) { assets { id } } }', '{\"ids\": [") +
                                    kUpdate + "]}') AS u, json_each(json_extract(u.json, '$.assets')) AS a";
  for (const auto& row : query(connection_, update_assets)) {
    found = found || (row[0] && row[0]->find(asset) != std::string::npos);
  }
  EXPECT_TRUE(found) << "asset " << asset << " not on update " << kUpdate;

  const Diagnostic no_file = failure("EXEC AddFileToUpdate 300000001");
  EXPECT_EQ(no_file.state, "42000");
  EXPECT_NE(no_file.message.find("needs the file"), std::string::npos) << no_file.message;
  const Diagnostic missing = failure("EXEC AddFileToUpdate 300000001, '/no/such/file.txt'");
  EXPECT_NE(missing.message.find("cannot read the file '/no/such/file.txt'"), std::string::npos) << missing.message;
}

TEST_F(Procedures, DownloadAssetToALocalPathWithoutLoggingTheSignedUrl) {
  const std::string log_path = tempPath("download.log");
  const std::string directory = tempPath("downloads");
  std::filesystem::remove(log_path);
  std::filesystem::create_directories(directory);
  Connection logged(env_);
  ASSERT_TRUE(SQL_SUCCEEDED(logged.driverConnect(
      sandboxConnectionString("sandbox-admin-token", "LogFile=" + log_path + ";Verbosity=3"))))
      << describe(logged.lastDiagnostics());
  const Rows rows = query(logged, std::string("EXEC DownloadAsset @AssetId = ") + kAsset + ", @LocalPath = '" +
                                      directory + "'");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(text(rows, 0, 1), "cv-jane-doe.pdf");
  EXPECT_EQ(text(rows, 0, 3), "98112");
  const std::string written = directory + "/cv-jane-doe.pdf";
  EXPECT_EQ(text(rows, 0, 4), written);
  EXPECT_FALSE(rows[0][5].has_value());  // no content: it went to the file
  EXPECT_EQ(readFile(written), seededAssetBytes(kAsset, "cv-jane-doe.pdf", 98112));

  const std::string log = readFile(log_path);
  EXPECT_NE(log.find("/__sandbox/files/" + std::string(kAsset) + "/cv-jane-doe.pdf status=200"), std::string::npos)
      << log;
  EXPECT_EQ(log.find("X-Amz-Signature"), std::string::npos) << "the signed URL leaked into the log";
  std::filesystem::remove_all(directory);
  std::filesystem::remove(log_path);

  const Diagnostic unknown = failure("EXEC DownloadAsset 1");
  EXPECT_NE(unknown.message.find("asset 1 does not exist"), std::string::npos) << unknown.message;
}

TEST_F(Procedures, ExecuteGraphQLReturnsListElementsAndValuesAsRows) {
  const Rows rows = query(connection_, "SELECT field, row_index, json_extract(json, '$.name') FROM ExecuteGraphQL("
                                       "'{ boards(ids: [5000000001, 5000000002]) { id name } me { name } }') "
                                       "ORDER BY field, row_index");
  ASSERT_EQ(rows.size(), 3u);  // the client's own complexity field is not a row
  EXPECT_EQ(text(rows, 0, 0), "boards");
  std::set<std::string> names = {text(rows, 0, 2), text(rows, 1, 2)};
  EXPECT_EQ(names, (std::set<std::string>{"Project Tracker", "Sales Pipeline"}));
  EXPECT_EQ(text(rows, 2, 0), "me");
  EXPECT_FALSE(rows[2][1].has_value());
  EXPECT_EQ(text(rows, 2, 2), "Avery Stone");

  const Rows with_variables = query(connection_, "EXEC ExecuteGraphQL @Query = 'query ($ids: [ID!]) { boards(ids: "
                                                 "$ids) { name } }', @Variables = '{\"ids\": [5000000002]}'");
  ASSERT_EQ(with_variables.size(), 1u);
  EXPECT_EQ(text(with_variables, 0, 2), "{\"name\":\"Sales Pipeline\"}");

  // A fragment defined after the operation still works (the driver's complexity field goes into
  // the operation, not the fragment).
  const Rows fragment = query(connection_, "SELECT json_extract(json, '$.name') FROM ExecuteGraphQL('query { boards(ids: "
                                           "[5000000001]) { ...B } } fragment B on Board { id name }')");
  EXPECT_EQ(text(fragment), "Project Tracker");

  const Rows created = query(connection_, "CALL ExecuteGraphQL('mutation { create_group(board_id: 5000000002, "
                                          "group_name: \"From GraphQL\") { id title } }')");
  ASSERT_EQ(created.size(), 1u);
  EXPECT_EQ(text(created, 0, 0), "create_group");
  EXPECT_EQ(text(query(connection_, "SELECT COUNT(*) FROM Groups WHERE board_id = 5000000002 AND title = 'From GraphQL'")),
            "1");

  const Diagnostic bad_variables = failure("EXEC ExecuteGraphQL '{ me { id } }', '[1]'");
  EXPECT_EQ(bad_variables.state, "22018");
  const Diagnostic graphql_error = failure("EXEC ExecuteGraphQL '# expected-invalid (schema check skips it)\n{ no_such_field }'");
  EXPECT_NE(graphql_error.message.find("no_such_field"), std::string::npos) << graphql_error.message;
}

TEST_F(Procedures, LikeAndUnlikeAnUpdate) {
  const Rows like = query(connection_, std::string("SELECT update_id, likes FROM LikeUpdate(") + kUpdate + ")");
  ASSERT_EQ(like.size(), 1u);
  EXPECT_EQ(text(like, 0, 0), kUpdate);
  EXPECT_EQ(text(like, 0, 1), "[{\"creator_id\":\"10000001\",\"reaction_type\":\"like\"}]");
  // The like is the connection's user's (10000001), seen by a later read of the update.
  const Rows liked = query(connection_, std::string("SELECT json_extract(json, '$.likes[0].creator_id') FROM "
                                                    "ExecuteGraphQL('{ updates(ids: [") + kUpdate + "]) { likes { creator_id } } }')");
  EXPECT_EQ(text(liked), "10000001");
  const Rows unliked = query(connection_, std::string("EXEC UnlikeUpdate @UpdateId = ") + kUpdate);
  ASSERT_EQ(unliked.size(), 1u);
  EXPECT_EQ(text(unliked, 0, 0), kUpdate);
  EXPECT_EQ(text(unliked, 0, 3), "[]");
  EXPECT_EQ(text(query(connection_, std::string("SELECT json_array_length(json, '$.likes') FROM ExecuteGraphQL('{ "
                                                "updates(ids: [") + kUpdate + "]) { likes { id } } }')")),
            "0");
  const Diagnostic bad = failure("{call LikeUpdate('30000000x')}");
  EXPECT_EQ(bad.state, "22018");
  EXPECT_NE(bad.message.find("UpdateId expects a monday id"), std::string::npos) << bad.message;
}

TEST_F(Procedures, PinAndUnpinAnUpdate) {
  const std::string item = text(query(connection_, std::string("SELECT item_id FROM Updates WHERE id = ") + kUpdate));
  const Rows pinned = query(connection_, std::string("CALL PinUpdate(") + kUpdate + ")");
  ASSERT_EQ(pinned.size(), 1u);
  EXPECT_EQ(text(pinned, 0, 1), item);
  EXPECT_EQ(text(pinned, 0, 4), "[{\"item_id\":\"" + item + "\"}]");
  const Rows unpinned = query(connection_, std::string("EXEC UnpinUpdate ") + kUpdate + ", " + item);
  EXPECT_EQ(text(unpinned, 0, 4), "[]");
  EXPECT_EQ(text(query(connection_, std::string("SELECT json_array_length(json, '$.pinned_to_top') FROM ExecuteGraphQL('{ "
                                                "updates(ids: [") + kUpdate + "]) { pinned_to_top { item_id } } }')")),
            "0");
}

TEST_F(Procedures, ClearItemUpdatesEmptiesTheItemsUpdates) {
  const std::string item = text(query(connection_, std::string("SELECT item_id FROM Updates WHERE id = ") + kUpdate));
  ASSERT_NE(text(query(connection_, "SELECT COUNT(*) FROM Updates WHERE item_id = " + item)), "0");
  const Rows cleared = query(connection_, "EXEC ClearItemUpdates @ItemId = " + item);
  ASSERT_EQ(cleared.size(), 1u);
  EXPECT_EQ(text(cleared, 0, 0), item);
  EXPECT_EQ(text(cleared, 0, 4), "active");
  EXPECT_EQ(text(query(connection_, "SELECT COUNT(*) FROM Updates WHERE item_id = " + item)), "0");
  const Diagnostic unknown = failure("EXEC ClearItemUpdates 1");
  EXPECT_EQ(unknown.state, "HY000");
}

TEST_F(Procedures, CreateRenameAndDeleteAColumn) {
  const Rows created = query(connection_, std::string("EXEC CreateColumn @BoardId = ") + kSales +
                                              ", @Title = 'Notes from ODBC', @ColumnType = 'TEXT', @Description = 'n', "
                                              "@ColumnId = 'odbc_notes', @AfterColumnId = 'name'");
  ASSERT_EQ(created.size(), 1u);
  EXPECT_EQ(text(created, 0, 0), kSales);
  EXPECT_EQ(text(created, 0, 1), "odbc_notes");
  EXPECT_EQ(text(created, 0, 2), "Notes from ODBC");
  EXPECT_EQ(text(created, 0, 3), "text");
  EXPECT_EQ(text(created, 0, 4), "n");
  EXPECT_EQ(text(created, 0, 5), "0");
  const Rows column = query(connection_, std::string("SELECT id, type, title FROM Columns WHERE board_id = ") + kSales +
                                             " AND id = 'odbc_notes'");
  ASSERT_EQ(column.size(), 1u);
  EXPECT_EQ(text(column, 0, 1), "text");
  EXPECT_EQ(text(column, 0, 2), "Notes from ODBC");
  const Rows status = query(connection_, std::string("{call CreateColumn(") + kSales +
                                             ", 'Stage', 'status', NULL, '{\"labels\": {\"1\": \"Won\"}}')}");
  EXPECT_EQ(text(status, 0, 3), "status");
  EXPECT_NE(text(query(connection_, std::string("SELECT settings FROM Columns WHERE board_id = ") + kSales +
                                        " AND id = '" + text(status, 0, 1) + "'")).find("Won"),
            std::string::npos);

  std::size_t before = requestCount();
  const Diagnostic bad_type = failure(std::string("EXEC CreateColumn ") + kSales + ", 'x', 'spreadsheet'");
  EXPECT_EQ(bad_type.state, "22018");
  EXPECT_NE(bad_type.message.find("ColumnType 'spreadsheet' is not a monday column type"), std::string::npos)
      << bad_type.message;
  const Diagnostic bad_defaults = failure(std::string("EXEC CreateColumn ") + kSales + ", 'x', 'status', NULL, '[1'");
  EXPECT_EQ(bad_defaults.state, "22018");
  EXPECT_NE(bad_defaults.message.find("Defaults must be a JSON object"), std::string::npos) << bad_defaults.message;
  EXPECT_EQ(requestCount(), before) << "bad input must be refused before monday is asked";

  const std::string id = "odbc_notes";
  const Rows renamed = query(connection_, std::string("EXEC ChangeColumnMetadata ") + kSales + ", '" + id +
                                              "', 'title', 'Renamed by ODBC'");
  ASSERT_EQ(renamed.size(), 1u);
  EXPECT_EQ(text(renamed, 0, 0), kSales);
  EXPECT_EQ(text(renamed, 0, 1), id);
  EXPECT_EQ(text(renamed, 0, 2), "Renamed by ODBC");
  EXPECT_EQ(text(renamed, 0, 3), "text");
  query(connection_, std::string("EXECUTE ChangeColumnMetadata @BoardId = ") + kSales + ", @ColumnId = '" + id +
                         "', @ColumnProperty = 'DESCRIPTION', @Value = 'set through ODBC'");
  const Rows back = query(connection_, std::string("SELECT title, description FROM Columns WHERE board_id = ") +
                                           kSales + " AND id = '" + id + "'");
  EXPECT_EQ(text(back, 0, 0), "Renamed by ODBC");
  EXPECT_EQ(text(back, 0, 1), "set through ODBC");

  before = requestCount();
  const Diagnostic bad_property =
      failure(std::string("EXEC ChangeColumnMetadata ") + kSales + ", '" + id + "', 'width', '10'");
  EXPECT_EQ(bad_property.state, "22018");
  EXPECT_NE(bad_property.message.find("ColumnProperty 'width' is not one of title, description"), std::string::npos)
      << bad_property.message;
  EXPECT_EQ(requestCount(), before) << "a bad ColumnProperty must be refused before monday is asked";

  const Rows deleted = query(connection_, std::string("{call DeleteColumn(") + kSales + ", '" + id + "')}");
  ASSERT_EQ(deleted.size(), 1u);
  EXPECT_EQ(text(deleted, 0, 1), id);
  EXPECT_EQ(text(deleted, 0, 5), "1");
  EXPECT_EQ(text(query(connection_, std::string("SELECT COUNT(*) FROM Columns WHERE board_id = ") + kSales +
                                        " AND id = '" + id + "'")),
            "0");
  const Diagnostic name_column = failure(std::string("EXEC DeleteColumn ") + kSales + ", 'name'");
  EXPECT_EQ(name_column.state, "HY000");
  EXPECT_NE(name_column.message.find("name column cannot be deleted"), std::string::npos) << name_column.message;
}

TEST_F(Procedures, GetAccountReturnsTheSeededAccount) {
  // tests/sandbox/src/data/generate.mjs seeds this account.
  const Rows account = query(connection_, "EXEC GetAccount");
  ASSERT_EQ(account.size(), 1u);
  const std::vector<std::string> expected = {"9000001", "Sandbox Co", "sandbox", "enterprise", "100", "yearly",
                                             "enterprise", "9", "US", "monday"};
  for (std::size_t column = 0; column < expected.size(); ++column) {
    EXPECT_EQ(text(account, 0, column), expected[column]) << "column " << column;
  }
  EXPECT_GT(std::stoi(text(account, 0, 10)), 0);
  EXPECT_EQ(text(account, 0, 11), "<none>");  // no logo
  EXPECT_EQ(text(account, 0, 12), "1");
  EXPECT_EQ(text(account, 0, 13), "core");
  EXPECT_EQ(text(account, 0, 16), "2021-03-14");
  EXPECT_EQ(text(query(connection_, "SELECT slug FROM GetAccount()")), "sandbox");
}

// --- docs ------------------------------------------------------------------------------------------

TEST_F(Procedures, CreateDocBlockAddsABlockThatDocBlocksLists) {
  const std::string doc = std::string(" FROM DocBlocks WHERE doc_id = ") + kDoc;
  const std::string count_before = text(query(connection_, "SELECT COUNT(*)" + doc));
  const Rows created = query(connection_, std::string("EXEC CreateDocBlock @DocId = ") + kDoc +
                                              ", @BlockType = 'normal_text', @Content = "
                                              "'{\"deltaFormat\": [{\"insert\": \"Written through ODBC\"}]}'");
  ASSERT_EQ(created.size(), 1u);
  const std::string block = text(created, 0, 0);
  EXPECT_EQ(block.size(), 36u) << block;  // monday's block ids are UUIDs
  EXPECT_EQ(text(created, 0, 1), kDoc);
  EXPECT_EQ(text(created, 0, 2), "normal text");
  EXPECT_EQ(text(created, 0, 3), "<none>");
  EXPECT_NE(text(created, 0, 5).find("Written through ODBC"), std::string::npos) << text(created, 0, 5);
  EXPECT_EQ(text(created, 0, 6), "10000001");
  EXPECT_NE(text(created, 0, 7), "<none>");
  // Without AfterBlockId the block comes first in the doc.
  EXPECT_EQ(text(query(connection_, "SELECT COUNT(*)" + doc)), std::to_string(std::stoi(count_before) + 1));
  const Rows first = query(connection_, "SELECT id, type, json_extract(content, '$.deltaFormat[0].insert')" + doc +
                                            " ORDER BY position LIMIT 1");
  EXPECT_EQ(text(first, 0, 0), block);
  EXPECT_EQ(text(first, 0, 1), "normal text");
  EXPECT_EQ(text(first, 0, 2), "Written through ODBC");

  // After a given block, in the spelling DocBlocks shows ('large title').
  const Rows after = query(connection_, std::string("{call CreateDocBlock(") + kDoc +
                                            ", 'large title', '{\"deltaFormat\": [{\"insert\": \"Next\"}]}', '" +
                                            block + "')}");
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(text(after, 0, 2), "large title");
  const Rows order = query(connection_, "SELECT id" + doc + " ORDER BY position LIMIT 2");
  ASSERT_EQ(order.size(), 2u);
  EXPECT_EQ(text(order, 1, 0), text(after, 0, 0));

  const std::size_t before = requestCount();
  const Diagnostic bad_type = failure(std::string("CALL CreateDocBlock(") + kDoc + ", 'paragraph', '{}')");
  EXPECT_EQ(bad_type.state, "22018");
  EXPECT_NE(bad_type.message.find("BlockType 'paragraph' is not a monday doc block type"), std::string::npos)
      << bad_type.message;
  const Diagnostic bad_content = failure(std::string("EXEC CreateDocBlock ") + kDoc + ", 'quote', 'just text'");
  EXPECT_EQ(bad_content.state, "22018");
  EXPECT_NE(bad_content.message.find("CreateDocBlock: Content must be a JSON object"), std::string::npos)
      << bad_content.message;
  EXPECT_EQ(requestCount(), before) << "bad input must be refused before monday is asked";
}

TEST_F(Procedures, AddContentToDocFromMarkdownAppendsBlocks) {
  const std::string doc = std::string(" FROM DocBlocks WHERE doc_id = ") + kDoc;
  const Rows added = query(connection_, std::string("EXECUTE AddContentToDocFromMarkdown @DocId = ") + kDoc +
                                            ", @Markdown = '# Added by ODBC\n\nA paragraph\n\n- one\n- two'");
  ASSERT_EQ(added.size(), 1u);
  EXPECT_EQ(text(added, 0, 0), "1");
  EXPECT_EQ(text(added, 0, 2), "<none>");
  const std::string block_ids = text(added, 0, 1);
  EXPECT_EQ(text(query(connection_, "SELECT json_array_length('" + block_ids + "')")), "4") << block_ids;
  // Appended at the end, in order, with the ids monday named.
  const Rows last = query(connection_, "SELECT id, type, json_extract(content, '$.deltaFormat[0].insert')" + doc +
                                           " ORDER BY position DESC LIMIT 4");
  ASSERT_EQ(last.size(), 4u);
  const std::vector<std::string> types = {"bulleted list", "bulleted list", "normal text", "large title"};
  const std::vector<std::string> texts = {"two", "one", "A paragraph", "Added by ODBC"};
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(text(last, i, 0), text(query(connection_, "SELECT json_extract('" + block_ids + "', '$[" +
                                                           std::to_string(3 - i) + "]')")));
    EXPECT_EQ(text(last, i, 1), types[i]);
    EXPECT_EQ(text(last, i, 2), texts[i]);
  }
  // After a given block: right behind it.
  const std::string anchor = text(query(connection_, "SELECT id" + doc + " ORDER BY position LIMIT 1"));
  const Rows inserted = query(connection_, std::string("SELECT block_ids FROM AddContentToDocFromMarkdown(") + kDoc +
                                               ", '## Inserted', '" + anchor + "')");
  const Rows second = query(connection_, "SELECT id, type" + doc + " ORDER BY position LIMIT 1 OFFSET 1");
  EXPECT_EQ("[\"" + text(second, 0, 0) + "\"]", text(inserted));
  EXPECT_EQ(text(second, 0, 1), "medium title");

  const std::size_t before = requestCount();
  const Diagnostic blank = failure(std::string("{call AddContentToDocFromMarkdown(") + kDoc + ", '  \n ')}");
  EXPECT_EQ(blank.state, "22018");
  EXPECT_NE(blank.message.find("Markdown is empty"), std::string::npos) << blank.message;
  const Diagnostic bad_doc = failure("EXEC AddContentToDocFromMarkdown 'brief', '# x'");
  EXPECT_EQ(bad_doc.state, "22018");
  EXPECT_NE(bad_doc.message.find("DocId expects a monday id"), std::string::npos) << bad_doc.message;
  EXPECT_EQ(requestCount(), before) << "bad input must be refused before monday is asked";
}

TEST_F(Procedures, DuplicateDocMakesADocWithTheSameBlocks) {
  const Rows copied = query(connection_, std::string("CALL DuplicateDoc(") + kDoc + ")");
  ASSERT_EQ(copied.size(), 1u);
  const std::string copy = text(copied, 0, 0);
  ASSERT_NE(copy, "<none>") << text(copied, 0, 1);
  EXPECT_NE(copy, kDoc);
  EXPECT_NE(text(copied, 0, 1).find("\"success\":true"), std::string::npos) << text(copied, 0, 1);
  const Rows listed = query(connection_, "SELECT name, workspace_id FROM Docs WHERE id = " + copy);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(text(listed, 0, 0), "Copy of Project brief");
  EXPECT_EQ(text(listed, 0, 1), text(query(connection_, std::string("SELECT workspace_id FROM Docs WHERE id = ") + kDoc)));
  // The same blocks in the same order, under ids of their own.
  auto outline = [&](const std::string& doc) {
    return text(query(connection_, "SELECT group_concat(type || ':' || content, '|') FROM (SELECT type, content FROM "
                                   "DocBlocks WHERE doc_id = " + doc + " ORDER BY position)"));
  };
  EXPECT_EQ(outline(copy), outline(kDoc));
  EXPECT_EQ(text(query(connection_, "SELECT COUNT(*) FROM DocBlocks a JOIN DocBlocks b ON a.id = b.id WHERE a.doc_id = " +
                                        copy + " AND b.doc_id = " + kDoc)),
            "0");
  const Rows named = query(connection_, std::string("EXEC DuplicateDoc @DocId = ") + kDoc +
                                            ", @DuplicateType = 'duplicate_doc_with_content_and_updates'");
  EXPECT_NE(text(named, 0, 0), copy);

  const std::size_t before = requestCount();
  const Diagnostic bad_type = failure(std::string("EXEC DuplicateDoc ") + kDoc + ", 'everything'");
  EXPECT_EQ(bad_type.state, "22018");
  EXPECT_NE(bad_type.message.find("DuplicateType 'everything' is not one of content, content_and_updates"),
            std::string::npos)
      << bad_type.message;
  EXPECT_EQ(requestCount(), before) << "bad input must be refused before monday is asked";
  const Diagnostic unknown = failure("EXEC DuplicateDoc 1");
  EXPECT_EQ(unknown.state, "HY000");
  EXPECT_NE(unknown.message.find("Document 1 was not found"), std::string::npos) << unknown.message;
}

TEST_F(Procedures, CreateDocBoardPutsANewDocInTheItemsDocColumn) {
  const std::string item_name = text(query(connection_, std::string("SELECT name FROM Items WHERE id = ") + kTrackerItem));
  const Rows created = query(connection_, std::string("EXEC CreateDocBoard @ItemId = ") + kTrackerItem +
                                              ", @ColumnId = 'monday_doc'");
  ASSERT_EQ(created.size(), 1u);
  const std::string doc = text(created, 0, 0), object_id = text(created, 0, 1), url = text(created, 0, 5);
  EXPECT_EQ(text(created, 0, 2), item_name);
  EXPECT_EQ(text(created, 0, 3), "public");
  EXPECT_NE(url.find(object_id), std::string::npos) << url;
  // The doc column shows the new doc, and Docs lists it.
  const Rows cell = query(connection_, std::string("SELECT brief, brief_object_id FROM boards.\"Project Tracker\" WHERE id = ") +
                                           kTrackerItem);
  ASSERT_EQ(cell.size(), 1u);
  EXPECT_EQ(text(cell, 0, 0), url);
  EXPECT_EQ(text(cell, 0, 1), object_id);
  const Rows listed = query(connection_, "SELECT object_id, name, url FROM Docs WHERE id = " + doc);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(text(listed, 0, 0), object_id);
  EXPECT_EQ(text(listed, 0, 1), item_name);
  EXPECT_EQ(text(listed, 0, 2), url);

  const std::size_t before = requestCount();
  const Diagnostic empty_column = failure(std::string("{call CreateDocBoard(") + kTrackerItem + ", '')}");
  EXPECT_EQ(empty_column.state, "22018");
  EXPECT_NE(empty_column.message.find("ColumnId is empty"), std::string::npos) << empty_column.message;
  EXPECT_EQ(requestCount(), before) << "bad input must be refused before monday is asked";
  const Diagnostic not_a_doc_column = failure(std::string("CALL CreateDocBoard(") + kTrackerItem + ", 'name')");
  EXPECT_EQ(not_a_doc_column.state, "HY000");
  EXPECT_NE(not_a_doc_column.message.find("is not a doc column"), std::string::npos) << not_a_doc_column.message;
}

// --- mutations are never sent twice ------------------------------------------------------------

TEST_F(Procedures, AMutationThatMayHaveRunIsNotRetried) {
  ASSERT_EQ(sandboxControl("/__sandbox/faults", "{\"kind\": \"http500\", \"count\": 1, \"path\": \"/v2\"}"), 200);
  const std::size_t before = requestCount();
  const Diagnostic error = failure(std::string("EXEC DuplicateItem ") + kSalesItem + ", " + kSales);
  EXPECT_NE(error.message.find("may or may not have been applied"), std::string::npos) << error.message;
  // With BoardId given the call is this one mutation: the failed answer was not followed by a resend.
  std::size_t sent = 0;
  for (const auto& request : requestsSince(before)) {
    if (std::string(request["path"].GetString()) == "/v2") ++sent;
  }
  EXPECT_EQ(sent, 1u);
  EXPECT_EQ(text(query(connection_, std::string("SELECT COUNT(*) FROM Items WHERE board_id = ") + kSales +
                                        " AND name = 'Acme Corp'")),
            "1");
}

TEST_F(Procedures, ANewMutatingProcedureWhoseAnswerIsLostIsNotResent) {
  const std::string item = text(query(connection_, std::string("SELECT item_id FROM Updates WHERE id = ") + kUpdate));
  ASSERT_EQ(sandboxControl("/__sandbox/faults", "{\"kind\": \"http500\", \"count\": 1, \"path\": \"/v2\"}"), 200);
  const std::size_t before = requestCount();
  const Diagnostic error = failure("EXEC ClearItemUpdates " + item);
  EXPECT_NE(error.message.find("may or may not have been applied"), std::string::npos) << error.message;
  std::size_t sent = 0;
  for (const auto& request : requestsSince(before)) {
    if (std::string(request["path"].GetString()) == "/v2") ++sent;
  }
  EXPECT_EQ(sent, 1u);
}

TEST_F(Procedures, TheDocProceduresAreNotResentWhenTheAnswerIsLost) {
  for (const std::string& call : {std::string("EXEC CreateDocBlock ") + kDoc + ", 'divider', '{}'",
                                  std::string("EXEC AddContentToDocFromMarkdown ") + kDoc + ", '# lost'",
                                  std::string("EXEC DuplicateDoc ") + kDoc,
                                  std::string("EXEC CreateDocBoard ") + kTrackerItem + ", 'monday_doc'"}) {
    SCOPED_TRACE(call);
    ASSERT_EQ(sandboxControl("/__sandbox/faults", "{\"kind\": \"http500\", \"count\": 1, \"path\": \"/v2\"}"), 200);
    const std::size_t before = requestCount();
    const Diagnostic error = failure(call);
    EXPECT_NE(error.message.find("may or may not have been applied"), std::string::npos) << error.message;
    std::size_t sent = 0;
    for (const auto& request : requestsSince(before)) {
      if (std::string(request["path"].GetString()) == "/v2") ++sent;
    }
    EXPECT_EQ(sent, 1u);
  }
}

TEST_F(Procedures, AFailedUploadIsNotRetried) {
  ASSERT_EQ(sandboxControl("/__sandbox/faults", "{\"kind\": \"http502\", \"count\": 1, \"path\": \"/v2/file\"}"), 200);
  Statement statement(connection_);
  ASSERT_ODBC_OK(SQLPrepare(statement.handle(), (SQLCHAR*)"EXEC AddFileToColumn 9000000031, 'files', @Content = ?, @FileName = 'x.txt'", SQL_NTS),
                 SQL_HANDLE_STMT, statement.handle());
  char content[] = "abc";
  SQLLEN length = 3;
  ASSERT_ODBC_OK(SQLBindParameter(statement.handle(), 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_LONGVARBINARY, 3, 0, content,
                                  sizeof content, &length),
                 SQL_HANDLE_STMT, statement.handle());
  const std::size_t before = requestCount();
  EXPECT_EQ(SQLExecute(statement.handle()), SQL_ERROR);
  const auto records = statement.diagnostics();
  ASSERT_FALSE(records.empty());
  EXPECT_NE(records[0].message.find("may or may not have been added"), std::string::npos) << records[0].message;
  std::size_t uploads = 0;
  for (const auto& request : requestsSince(before)) {
    if (std::string(request["path"].GetString()) == "/v2/file") ++uploads;
  }
  EXPECT_EQ(uploads, 1u);
}

// --- ReadOnly ------------------------------------------------------------------------------------

TEST_F(Procedures, ReadOnlyRefusesMutatingProceduresBeforeCallingMonday) {
  Connection read_only(env_);
  ASSERT_TRUE(SQL_SUCCEEDED(read_only.driverConnect(sandboxConnectionString("sandbox-admin-token", "ReadOnly=true"))))
      << describe(read_only.lastDiagnostics());
  const std::size_t before = requestCount();
  for (const std::string& call : {std::string("EXEC ArchiveItem ") + kSalesItem, std::string("{call DuplicateBoard(") + kSales + ")}",
                                 std::string("EXEC LikeUpdate ") + kUpdate, std::string("EXEC UnlikeUpdate ") + kUpdate,
                                 std::string("EXEC PinUpdate ") + kUpdate, std::string("EXEC UnpinUpdate ") + kUpdate,
                                 std::string("EXEC ClearItemUpdates ") + kSalesItem,
                                 std::string("EXEC DeleteColumn ") + kSales + ", 'status'",
                                 std::string("EXEC ChangeColumnMetadata ") + kSales + ", 'status', 'title', 'x'",
                                 std::string("EXEC CreateColumn ") + kSales + ", 'x', 'text'",
                                 std::string("EXEC CreateDocBlock ") + kDoc + ", 'divider', '{}'",
                                 std::string("EXEC AddContentToDocFromMarkdown ") + kDoc + ", '# x'",
                                 std::string("EXEC DuplicateDoc ") + kDoc,
                                 std::string("EXEC CreateDocBoard ") + kTrackerItem + ", 'monday_doc'",
                                 std::string("EXEC ExecuteGraphQL 'mutation { archive_item(item_id: 9000000091) { id } }'")}) {
    SCOPED_TRACE(call);
    const Diagnostic refused = failure(read_only, call);
    EXPECT_EQ(refused.state, "42000");
    EXPECT_NE(refused.message.find("read-only (ReadOnly=true)"), std::string::npos) << refused.message;
  }
  EXPECT_EQ(requestCount(), before) << "a refused procedure must not reach monday";
  // Reading still works, GetAccount included.
  EXPECT_EQ(text(query(read_only, "{call GetAccount()}"), 0, 1), "Sandbox Co");
  const Rows me = query(read_only, "SELECT json_extract(json, '$.id') FROM ExecuteGraphQL('{ me { id } }')");
  EXPECT_EQ(text(me), "10000001");
  EXPECT_EQ(text(query(connection_, std::string("SELECT COUNT(*) FROM Items WHERE id = ") + kSalesItem)), "1");
}

// --- errors ----------------------------------------------------------------------------------------

TEST_F(Procedures, ErrorsSayWhatIsWrong) {
  const Diagnostic unknown = failure("EXEC ArchiveEverything 1");
  EXPECT_EQ(unknown.state, "42000");
  EXPECT_NE(unknown.message.find("Procedure ArchiveEverything does not exist"), std::string::npos) << unknown.message;
  EXPECT_NE(unknown.message.find("ArchiveItem"), std::string::npos);

  const Diagnostic too_many = failure("CALL ArchiveItem(1, 2)");
  EXPECT_EQ(too_many.state, "42000");
  EXPECT_NE(too_many.message.find("takes at most 1 argument"), std::string::npos) << too_many.message;

  const Diagnostic missing = failure("EXEC MoveItemToGroup 9000000091");
  EXPECT_EQ(missing.state, "42000");
  EXPECT_NE(missing.message.find("MoveItemToGroup needs the parameter GroupId"), std::string::npos) << missing.message;

  const Diagnostic wrong_type = failure("EXEC ArchiveItem 'abc'");
  EXPECT_EQ(wrong_type.state, "22018");
  EXPECT_NE(wrong_type.message.find("ItemId expects a monday id"), std::string::npos) << wrong_type.message;

  const Diagnostic return_value = failure("{? = call ArchiveItem(1)}");
  EXPECT_EQ(return_value.state, "HYC00");

  // monday's own errors come through with its message.
  const Diagnostic no_item = failure("EXEC ArchiveItem 1");
  EXPECT_NE(no_item.message.find("Item 1 was not found"), std::string::npos) << no_item.message;
  const Diagnostic no_group = failure(std::string("EXEC MoveItemToGroup ") + kSalesItem + ", 'no_such_group'");
  EXPECT_NE(no_group.message.find("no_such_group"), std::string::npos) << no_group.message;
}

// --- catalog -------------------------------------------------------------------------------------

TEST_F(Procedures, InfoSaysProceduresAreSupported) {
  char value[8];
  SQLSMALLINT length = 0;
  ASSERT_ODBC_OK(SQLGetInfo(connection_.handle(), SQL_PROCEDURES, value, sizeof value, &length), SQL_HANDLE_DBC,
                 connection_.handle());
  EXPECT_STREQ(value, "Y");
  ASSERT_ODBC_OK(SQLGetInfo(connection_.handle(), SQL_ACCESSIBLE_PROCEDURES, value, sizeof value, &length),
                 SQL_HANDLE_DBC, connection_.handle());
  EXPECT_STREQ(value, "Y");
}

TEST_F(Procedures, SQLProceduresListsTheRegistry) {
  Statement statement(connection_);
  ASSERT_ODBC_OK(SQLProcedures(statement.handle(), nullptr, 0, nullptr, 0, nullptr, 0), SQL_HANDLE_STMT,
                 statement.handle());
  ASSERT_EQ(statement.columnCount(), 8);
  std::vector<std::string> names;
  for (SQLUSMALLINT i = 1; i <= 8; ++i) {
    SQLCHAR name[64];
    SQLSMALLINT name_length = 0, type = 0, digits = 0, nullable = 0;
    SQLULEN size = 0;
    SQLDescribeCol(statement.handle(), i, name, sizeof name, &name_length, &type, &size, &digits, &nullable);
    names.emplace_back(reinterpret_cast<char*>(name));
  }
  EXPECT_EQ(names, (std::vector<std::string>{"PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME", "NUM_INPUT_PARAMS",
                                             "NUM_OUTPUT_PARAMS", "NUM_RESULT_SETS", "REMARKS", "PROCEDURE_TYPE"}));
  const Rows rows = statement.fetchAllText();
  std::map<std::string, std::vector<std::optional<std::string>>> by_name;
  for (const auto& row : rows) by_name[row[2].value_or("")] = row;
  for (const char* wanted : {"AddFileToColumn", "AddFileToUpdate", "ArchiveBoard", "ArchiveGroup", "ArchiveItem",
                             "CreateNotification", "DownloadAsset", "DuplicateBoard", "DuplicateGroup", "DuplicateItem",
                             "ExecuteGraphQL", "MoveItemToBoard", "MoveItemToGroup", "LikeUpdate", "UnlikeUpdate",
                             "PinUpdate", "UnpinUpdate", "ClearItemUpdates", "CreateColumn", "DeleteColumn",
                             "ChangeColumnMetadata", "GetAccount", "CreateDocBlock", "AddContentToDocFromMarkdown",
                             "DuplicateDoc", "CreateDocBoard"}) {
    EXPECT_EQ(by_name.count(wanted), 1u) << wanted;
  }
  const auto& duplicate = by_name["DuplicateItem"];
  EXPECT_FALSE(duplicate[0].has_value());
  EXPECT_EQ(duplicate[1].value_or(""), "monday");
  EXPECT_EQ(duplicate[3].value_or(""), "3");
  EXPECT_EQ(duplicate[4].value_or(""), "0");
  EXPECT_EQ(duplicate[5].value_or(""), "1");
  EXPECT_FALSE(duplicate[6].value_or("").empty());
  EXPECT_EQ(duplicate[7].value_or(""), std::to_string(SQL_PT_PROCEDURE));
  for (std::size_t i = 1; i < rows.size(); ++i) EXPECT_LT(rows[i - 1][2].value_or(""), rows[i][2].value_or(""));

  Statement pattern(connection_);
  ASSERT_ODBC_OK(SQLProcedures(pattern.handle(), nullptr, 0, (SQLCHAR*)"monday", SQL_NTS, (SQLCHAR*)"Archive%", SQL_NTS),
                 SQL_HANDLE_STMT, pattern.handle());
  const Rows archive = pattern.fetchAllText();
  ASSERT_EQ(archive.size(), 3u);
  EXPECT_EQ(text(archive, 0, 2), "ArchiveBoard");
  EXPECT_EQ(text(archive, 2, 2), "ArchiveItem");
}

TEST_F(Procedures, SQLProcedureColumnsListsParametersThenResultColumns) {
  Statement statement(connection_);
  ASSERT_ODBC_OK(SQLProcedureColumns(statement.handle(), nullptr, 0, nullptr, 0, (SQLCHAR*)"DuplicateItem", SQL_NTS,
                                     nullptr, 0),
                 SQL_HANDLE_STMT, statement.handle());
  ASSERT_EQ(statement.columnCount(), 19);
  const Rows rows = statement.fetchAllText();
  ASSERT_EQ(rows.size(), 8u);  // 3 parameters, 5 result columns
  // COLUMN_NAME, COLUMN_TYPE, DATA_TYPE, TYPE_NAME, NULLABLE, COLUMN_DEF, ORDINAL_POSITION
  auto row = [&](std::size_t i) {
    return std::vector<std::string>{text(rows, i, 3), text(rows, i, 4), text(rows, i, 5), text(rows, i, 6),
                                    text(rows, i, 11), text(rows, i, 13), text(rows, i, 17)};
  };
  const std::string input = std::to_string(SQL_PARAM_INPUT);
  const std::string result = std::to_string(SQL_RESULT_COL);
  EXPECT_EQ(row(0), (std::vector<std::string>{"ItemId", input, std::to_string(SQL_BIGINT), "BIGINT", "0", "<none>", "1"}));
  EXPECT_EQ(row(1), (std::vector<std::string>{"BoardId", input, std::to_string(SQL_BIGINT), "BIGINT", "1", "<none>", "2"}));
  EXPECT_EQ(row(2), (std::vector<std::string>{"WithUpdates", input, std::to_string(SQL_BIT), "BIT", "1", "0", "3"}));
  EXPECT_EQ(row(3), (std::vector<std::string>{"item_id", result, std::to_string(SQL_BIGINT), "BIGINT", "1", "<none>", "1"}));
  EXPECT_EQ(row(4)[0], "item_name");
  EXPECT_EQ(row(4)[6], "2");
  EXPECT_FALSE(text(rows, 0, 12).empty());  // REMARKS describe each parameter

  Statement binary(connection_);
  ASSERT_ODBC_OK(SQLProcedureColumns(binary.handle(), nullptr, 0, nullptr, 0, (SQLCHAR*)"DownloadAsset", SQL_NTS,
                                     (SQLCHAR*)"content", SQL_NTS),
                 SQL_HANDLE_STMT, binary.handle());
  const Rows content = binary.fetchAllText();
  ASSERT_EQ(content.size(), 1u);
  EXPECT_EQ(text(content, 0, 5), std::to_string(SQL_LONGVARBINARY));

  Statement defaults(connection_);
  ASSERT_ODBC_OK(SQLProcedureColumns(defaults.handle(), nullptr, 0, nullptr, 0, (SQLCHAR*)"DuplicateBoard", SQL_NTS,
                                     (SQLCHAR*)"DuplicateType", SQL_NTS),
                 SQL_HANDLE_STMT, defaults.handle());
  EXPECT_EQ(text(defaults.fetchAllText(), 0, 13), "'structure'");
}
