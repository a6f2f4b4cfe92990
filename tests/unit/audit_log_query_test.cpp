// Pushed SQL terms → monday's audit-log filters: never narrower than the SQL term.
#include <gtest/gtest.h>

#include "schema/auditlog/audit_api.h"

namespace monday::schema::auditlog {
namespace {

ScanRequest withTerm(const std::string& column, ConstraintOp op, Value value) {
  ScanRequest request;
  request.constraints.push_back({column, op, std::move(value)});
  return request;
}

TEST(AuditLogQuery, RangesBecomeStartAndEndTimeWidenedByASecond) {
  ScanRequest request = withTerm("timestamp", ConstraintOp::Ge, std::string("2026-03-01 10:00:00"));
  request.constraints.push_back({"timestamp", ConstraintOp::Lt, std::string("2026-04-01")});
  const auto q = auditLogQueryFor(request);
  EXPECT_EQ(q.start_time, "2026-03-01T09:59:59Z");
  EXPECT_EQ(q.end_time, "2026-04-01T00:00:01Z");
  EXPECT_FALSE(q.matches_nothing);
}

TEST(AuditLogQuery, TheNarrowestBoundOfEachSideWins) {
  ScanRequest request = withTerm("timestamp", ConstraintOp::Gt, std::string("2026-03-01"));
  request.constraints.push_back({"timestamp", ConstraintOp::Ge, std::string("2026-03-05 08:30")});
  request.constraints.push_back({"timestamp", ConstraintOp::Le, std::string("2026-06-01 00:00:00.250")});
  request.constraints.push_back({"timestamp", ConstraintOp::Lt, std::string("2026-07-01")});
  const auto q = auditLogQueryFor(request);
  EXPECT_EQ(q.start_time, "2026-03-05T08:29:59Z");
  EXPECT_EQ(q.end_time, "2026-06-01T00:00:01Z");
}

TEST(AuditLogQuery, EqualityIsATwoSecondWindow) {
  ScanRequest request;
  request.equals.push_back({"timestamp", {std::string("2026-03-01 10:00:00")}});
  const auto q = auditLogQueryFor(request);
  EXPECT_EQ(q.start_time, "2026-03-01T09:59:59Z");
  EXPECT_EQ(q.end_time, "2026-03-01T10:00:01Z");
}

TEST(AuditLogQuery, LiteralsThatDoNotSortLikeTheColumnAreNotSent) {
  for (Value value : {Value(std::string("2026-03-01T10:00:00Z")), Value(std::int64_t{20260301}),
                      Value(std::string("yesterday")), Value(std::string("2026-13-01")), Value(std::string("2026-03-01 10"))}) {
    const auto q = auditLogQueryFor(withTerm("timestamp", ConstraintOp::Gt, value));
    EXPECT_FALSE(q.start_time.has_value());
    EXPECT_FALSE(q.matches_nothing);
  }
}

TEST(AuditLogQuery, AnEmptyRangeNeedsNoRequest) {
  ScanRequest request = withTerm("timestamp", ConstraintOp::Gt, std::string("2026-05-01"));
  request.constraints.push_back({"timestamp", ConstraintOp::Lt, std::string("2026-04-01")});
  EXPECT_TRUE(auditLogQueryFor(request).matches_nothing);
}

TEST(AuditLogQuery, UserIdAcceptsWhatSqlWouldMatchAnInteger) {
  auto userQuery = [](Value v) {
    ScanRequest request;
    request.equals.push_back({"user_id", {std::move(v)}});
    return auditLogQueryFor(request);
  };
  EXPECT_EQ(userQuery(std::int64_t{10000001}).user_id, "10000001");
  EXPECT_EQ(userQuery(std::string("10000001")).user_id, "10000001");
  EXPECT_EQ(userQuery(10000001.0).user_id, "10000001");
  EXPECT_TRUE(userQuery(1.5).matches_nothing);
  EXPECT_TRUE(userQuery(std::monostate{}).matches_nothing);
  const auto odd = userQuery(std::string(" 10000001"));  // left to SQLite, not guessed
  EXPECT_FALSE(odd.user_id.has_value());
  EXPECT_FALSE(odd.matches_nothing);
}

TEST(AuditLogQuery, EventListsGoAsOneFilterUnlessAValueCannotBeSent) {
  ScanRequest request;
  request.equals.push_back({"event", {std::string("login"), std::monostate{}, std::string("logout")}});
  EXPECT_EQ(auditLogQueryFor(request).events, (std::vector<std::string>{"login", "logout"}));

  ScanRequest odd;
  odd.equals.push_back({"event", {std::string("login"), 1.5}});
  const auto q = auditLogQueryFor(odd);
  EXPECT_TRUE(q.events.empty());
  EXPECT_FALSE(q.matches_nothing);

  ScanRequest nulls;
  nulls.equals.push_back({"event", {std::monostate{}}});
  EXPECT_TRUE(auditLogQueryFor(nulls).matches_nothing);
}

TEST(AuditLogQuery, IpAddressIsExact) {
  ScanRequest request;
  request.equals.push_back({"ip_address", {std::string("192.0.2.10")}});
  EXPECT_EQ(auditLogQueryFor(request).ip_address, "192.0.2.10");
}

TEST(AuditLogQuery, NothingPushedIsNoFilter) {
  const auto q = auditLogQueryFor(ScanRequest{});
  EXPECT_FALSE(q.start_time || q.end_time || q.user_id || q.ip_address || !q.events.empty() || q.matches_nothing);
}

}  // namespace
}  // namespace monday::schema::auditlog
