// One bad value never breaks a board: an impossible date or time is refused with 22007 before
// anything is sent, and a value already stored in monday that its column's type cannot hold (left
// by another tool) reads as NULL with a warning naming it, while the rest of the scan goes on.
#include <gtest/gtest.h>

#include <string>

#include "tests/integration/odbc_support.h"

using namespace monday::test;

namespace {

constexpr const char* kTracker = "boards.\"Project Tracker\"";
constexpr const char* kItem = "9000000031";

class BadValues : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(sandboxControl("/__sandbox/reset", "{}"), 200);
    ASSERT_TRUE(SQL_SUCCEEDED(connection_.driverConnect(sandboxConnectionString())))
        << describe(connection_.lastDiagnostics());
  }
  void TearDown() override { sandboxControl("/__sandbox/reset", "{}"); }

  std::size_t mutationsSince(std::size_t from) {
    std::size_t n = 0;
    for (const auto& request : requestsSince(from)) {
      auto q = request.FindMember("query");
      n += q != request.MemberEnd() && q->value.IsString() && std::string(q->value.GetString()).rfind("mutation", 0) == 0;
    }
    return n;
  }
  void expectRefused(const std::string& sql, const std::string& column) {
    const std::size_t before = requestCount();
    Statement statement(connection_);
    ASSERT_EQ(statement.execDirect(sql), SQL_ERROR) << sql;
    const auto d = statement.diagnostics();
    ASSERT_FALSE(d.empty());
    EXPECT_EQ(d[0].state, "22007") << d[0].message;
    EXPECT_NE(d[0].message.find(column), std::string::npos) << d[0].message;
    EXPECT_EQ(mutationsSince(before), 0u) << sql;
  }
  Environment env_;
  Connection connection_{env_};
};

}  // namespace

TEST_F(BadValues, ImpossibleDatesAndTimesAreRefusedBeforeSending) {
  expectRefused(std::string("INSERT INTO ") + kTracker + " (name, due_date) VALUES ('x', '2027-02-30')", "due_date");
  expectRefused(std::string("INSERT INTO ") + kTracker + " (name, due_date) VALUES ('x', '2027-13-01')", "due_date");
  expectRefused(std::string("INSERT INTO ") + kTracker + " (name, due_date, due_date_time) VALUES ('x', '2027-02-03', '24:00')",
                "due_date_time");
  expectRefused(std::string("INSERT INTO ") + kTracker +
                    " (name, timeline_from, timeline_to) VALUES ('x', '2027-02-01', '2027-02-29')",
                "timeline_to");
  expectRefused(std::string("UPDATE ") + kTracker + " SET stand_up_time = '25:61' WHERE id = " + kItem, "stand_up_time");
  // A real leap day is fine.
  Statement statement(connection_);
  EXPECT_TRUE(SQL_SUCCEEDED(statement.execDirect(std::string("INSERT INTO ") + kTracker +
                                                 " (name, due_date) VALUES ('leap', '2028-02-29')")))
      << describe(statement.diagnostics());
}

TEST_F(BadValues, AStoredValueTheTypeCannotHoldReadsAsNullWithAWarning) {
  ASSERT_EQ(sandboxControl("/__sandbox/cells", std::string(R"({"item_id":)") + kItem +
                                                   R"(,"column_id":"date4","raw":{"date":"2027-02-30"}})"),
            200);
  ASSERT_EQ(sandboxControl("/__sandbox/cells", std::string(R"({"item_id":)") + kItem +
                                                   R"(,"column_id":"numbers","raw":"about 40"})"),
            200);
  Statement statement(connection_);
  const std::string sql = std::string("SELECT id, due_date, due_date_value, budget FROM ") + kTracker + " ORDER BY id";
  // The warnings come with the call that read the rows: SQLExecDirect here (ORDER BY reads the
  // board before the first row), SQLFetch when rows stream.
  std::vector<Diagnostic> warnings;
  const SQLRETURN executed = SQLExecDirect(statement.handle(), (SQLCHAR*)sql.c_str(), SQL_NTS);
  ASSERT_TRUE(SQL_SUCCEEDED(executed)) << describe(statement.diagnostics());
  if (executed == SQL_SUCCESS_WITH_INFO) warnings = statement.diagnostics();
  std::size_t rows = 0;
  bool saw_bad_row = false;
  while (true) {
    const SQLRETURN rc = SQLFetch(statement.handle());
    if (rc == SQL_NO_DATA) break;
    ASSERT_TRUE(SQL_SUCCEEDED(rc)) << describe(statement.diagnostics());
    if (rc == SQL_SUCCESS_WITH_INFO) {
      for (auto& d : statement.diagnostics()) warnings.push_back(d);
    }
    ++rows;
    char id[32] = {0};
    SQLLEN id_length = 0;
    SQLGetData(statement.handle(), 1, SQL_C_CHAR, id, sizeof id, &id_length);
    if (std::string(id) != kItem) continue;
    saw_bad_row = true;
    SQL_DATE_STRUCT date{};
    SQLLEN date_indicator = 0;
    EXPECT_TRUE(SQL_SUCCEEDED(SQLGetData(statement.handle(), 2, SQL_C_TYPE_DATE, &date, sizeof date, &date_indicator)));
    EXPECT_EQ(date_indicator, SQL_NULL_DATA);
    char raw[256] = {0};
    SQLLEN raw_length = 0;
    ASSERT_TRUE(SQL_SUCCEEDED(SQLGetData(statement.handle(), 3, SQL_C_CHAR, raw, sizeof raw, &raw_length)));
    EXPECT_NE(std::string(raw).find("2027-02-30"), std::string::npos) << "the JSON form keeps the raw value: " << raw;
    double budget = 0;
    SQLLEN budget_indicator = 0;
    EXPECT_TRUE(SQL_SUCCEEDED(SQLGetData(statement.handle(), 4, SQL_C_DOUBLE, &budget, sizeof budget, &budget_indicator)));
    EXPECT_EQ(budget_indicator, SQL_NULL_DATA);
  }
  EXPECT_TRUE(saw_bad_row);
  EXPECT_GT(rows, 5u) << "the rest of the board still arrives";
  std::string all;
  for (const auto& w : warnings) {
    EXPECT_EQ(w.state, "01000");
    all += w.message + "\n";
  }
  EXPECT_NE(all.find("2027-02-30"), std::string::npos) << all;
  EXPECT_NE(all.find("due_date"), std::string::npos) << all;
  EXPECT_NE(all.find(kItem), std::string::npos) << all;
  EXPECT_NE(all.find("about 40"), std::string::npos) << all;
}
