// SQLNativeSql shows the SQL the driver runs for any syntactically valid statement, calls of
// procedures that do not exist and return-value calls included, with only the SQLSTATEs its
// reference lists; preparing a call of a missing procedure is what fails.
#include <gtest/gtest.h>

#include <string>

#include "tests/integration/odbc_support.h"

using namespace monday::test;

namespace {

class NativeSql : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(SQL_SUCCEEDED(connection_.driverConnect(sandboxConnectionString()))) << describe(connection_.lastDiagnostics());
  }
  SQLRETURN native(const std::string& in, std::string& out, bool wide = false) {
    SQLINTEGER length = 0;
    SQLRETURN rc;
    if (wide) {
      const std::u16string text = utf16(in);
      SQLWCHAR buffer[2048] = {0};
      rc = SQLNativeSqlW(connection_.handle(), (SQLWCHAR*)text.c_str(), SQL_NTS, buffer, 2048, &length);
      out = utf8(std::u16string(reinterpret_cast<char16_t*>(buffer)));
    } else {
      char buffer[4096] = {0};
      rc = SQLNativeSql(connection_.handle(), (SQLCHAR*)in.c_str(), SQL_NTS, (SQLCHAR*)buffer, sizeof buffer, &length);
      out = buffer;
    }
    return rc;
  }
  Environment env_;
  Connection connection_{env_};
};

}  // namespace

TEST_F(NativeSql, TranslatesEveryEscapeWithBothEntryPoints) {
  for (bool wide : {false, true}) {
    std::string out;
    ASSERT_EQ(native("SELECT {fn UCASE(name)}, {d '2026-01-02'} FROM Boards WHERE {fn LEFT(name, 1)} = 'S'", out, wide),
              SQL_SUCCESS);
    EXPECT_EQ(out, "SELECT upper(name), '2026-01-02' FROM Boards WHERE odbc_left(name, 1) = 'S'");
    ASSERT_EQ(native("{CALL NoSuchProcedure(?, 2)}", out, wide), SQL_SUCCESS) << describe(diagnostics(SQL_HANDLE_DBC, connection_.handle()));
    EXPECT_EQ(out, "SELECT * FROM \"monday\".\"NoSuchProcedure\"(?, 2)");
    ASSERT_EQ(native("{?= CALL SomeFunction(?)}", out, wide), SQL_SUCCESS);
    EXPECT_NE(out.find("SELECT * FROM \"monday\".\"SomeFunction\"(?)"), std::string::npos) << out;
    ASSERT_EQ(native("{call ArchiveItem(?)}", out, wide), SQL_SUCCESS);
    EXPECT_EQ(out, "SELECT * FROM \"monday\".\"ArchiveItem\"(?)");
  }
}

TEST_F(NativeSql, ASyntaxErrorIs42000) {
  std::string out;
  ASSERT_EQ(native("SELECT {fn UCASE(name) FROM Boards", out), SQL_ERROR);
  EXPECT_EQ(diagnostics(SQL_HANDLE_DBC, connection_.handle()).at(0).state, "42000");
}

TEST_F(NativeSql, AMissingProcedureFailsAtPrepare) {
  Statement statement(connection_);
  ASSERT_EQ(SQLPrepare(statement.handle(), (SQLCHAR*)"{CALL NoSuchProcedure(?)}", SQL_NTS), SQL_ERROR);
  const auto d = statement.diagnostics();
  ASSERT_FALSE(d.empty());
  EXPECT_EQ(d[0].state, "42000");
  EXPECT_NE(d[0].message.find("NoSuchProcedure does not exist"), std::string::npos) << d[0].message;
}
