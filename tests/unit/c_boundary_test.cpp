// The guard every SQLite callback runs in: an exception of any kind becomes a SQLite error that
// carries the driver's diagnostic, and never unwinds into SQLite's C frames.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <stdexcept>

#include "driver/engine/c_boundary.h"

namespace monday::engine {
namespace {

class CBoundary : public ::testing::Test {
 protected:
  ~CBoundary() override { sqlite3_free(vtab_.zErrMsg); }
  SessionState state_;
  sqlite3_vtab vtab_{};
};

TEST_F(CBoundary, DriverErrorKeepsItsSqlstateAndMessage) {
  const int rc = guardedVtabCall(&vtab_, state_, []() -> int {
    throw Error(sqlstate::kInvalidDatetimeFormat, "2027-02-30 is no date.");
  });
  EXPECT_EQ(rc, SQLITE_ERROR);
  ASSERT_TRUE(state_.pending_error);
  EXPECT_EQ(state_.pending_error->state(), "22007");
  ASSERT_NE(vtab_.zErrMsg, nullptr);
  EXPECT_STREQ(vtab_.zErrMsg, "2027-02-30 is no date.");
}

TEST_F(CBoundary, StandardExceptionBecomesGeneralError) {
  const int rc = guardedVtabCall(&vtab_, state_, []() -> int { throw std::out_of_range("vector::at"); });
  EXPECT_EQ(rc, SQLITE_ERROR);
  ASSERT_TRUE(state_.pending_error);
  EXPECT_EQ(state_.pending_error->state(), "HY000");
  EXPECT_STREQ(vtab_.zErrMsg, "vector::at");
}

TEST_F(CBoundary, AnythingThrownBecomesGeneralError) {
  const int rc = guardedVtabCall(&vtab_, state_, []() -> int { throw 42; });
  EXPECT_EQ(rc, SQLITE_ERROR);
  ASSERT_TRUE(state_.pending_error);
  EXPECT_EQ(state_.pending_error->state(), "HY000");
  EXPECT_NE(std::string(vtab_.zErrMsg).find("Internal driver error"), std::string::npos);
}

TEST_F(CBoundary, SuccessPassesTheBodysCodeThrough) {
  EXPECT_EQ(guardedVtabCall(&vtab_, state_, [] { return SQLITE_OK; }), SQLITE_OK);
  EXPECT_FALSE(state_.pending_error);
  EXPECT_EQ(vtab_.zErrMsg, nullptr);
}

TEST_F(CBoundary, ConnectFailureGoesToSqlitesErrorText) {
  char* message = nullptr;
  const int rc = guardedConnectCall(&message, state_, []() -> int { throw std::bad_alloc(); });
  EXPECT_EQ(rc, SQLITE_ERROR);
  ASSERT_NE(message, nullptr);
  EXPECT_EQ(state_.pending_error->state(), "HY000");
  sqlite3_free(message);
}

TEST_F(CBoundary, AuthorizerDeniesOnException) {
  EXPECT_EQ(guardedAuthorizerCall(state_, []() -> int { throw std::runtime_error("lost"); }), SQLITE_DENY);
  EXPECT_EQ(state_.pending_error->message(), "lost");
}

// Through a real SQLite database: a throwing SQL function fails the statement with the driver's
// message, and SQLite (C code, no unwind tables) is never crossed by the exception.
void throwingFunction(sqlite3_context* context, int, sqlite3_value**) noexcept {
  auto& state = *static_cast<SessionState*>(sqlite3_user_data(context));
  guardedFunctionCall(context, state, [] { throw Error(sqlstate::kNumericOutOfRange, "out of range"); });
}

TEST_F(CBoundary, ThrowingSqlFunctionFailsTheStatementInsideSqlite) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_create_function_v2(db, "explode", 0, SQLITE_UTF8, &state_, cCallback(throwingFunction), nullptr,
                                       nullptr, nullptr),
            SQLITE_OK);
  char* message = nullptr;
  EXPECT_EQ(sqlite3_exec(db, "SELECT explode()", nullptr, nullptr, &message), SQLITE_ERROR);
  ASSERT_NE(message, nullptr);
  EXPECT_STREQ(message, "out of range");
  EXPECT_EQ(state_.pending_error->state(), "22003");
  sqlite3_free(message);
  sqlite3_close(db);
}

}  // namespace
}  // namespace monday::engine
