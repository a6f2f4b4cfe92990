// Input from outside — server answers, headers, tokens — must never crash the host process or
// turn into nonsense: JSON nests within a limit, and numbers are clamped before they become
// integers or durations.

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <string>

#include "driver/auth/encoding.h"
#include "driver/auth/jwt.h"
#include "driver/client/api_response.h"
#include "driver/client/audit_response.h"
#include "driver/client/rate_limit_headers.h"
#include "driver/common/error.h"
#include "driver/common/json.h"
#include "driver/common/numbers.h"

namespace monday {
namespace {

net::HttpResponse answer(long status, std::string body, std::vector<std::pair<std::string, std::string>> headers = {}) {
  net::HttpResponse r;
  r.status = status;
  r.body = std::move(body);
  r.headers = std::move(headers);
  return r;
}

TEST(OutsideJson, DeepNestingIsRefusedWithoutRecursing) {
  rapidjson::Document document;
  std::string problem;
  // Half a million levels: RapidJSON's recursive reader overflows the stack long before this.
  EXPECT_FALSE(parseJson(std::string(500'000, '['), document, &problem));
  EXPECT_NE(problem.find("nested deeper"), std::string::npos) << problem;
  EXPECT_TRUE(document.IsNull());
  const std::string deep_object = std::string(kMaxJsonDepth + 1, '[') + std::string(kMaxJsonDepth + 1, ']');
  EXPECT_FALSE(parseJson(deep_object, document));
  const std::string allowed = std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']');
  EXPECT_TRUE(parseJson(allowed, document));
}

TEST(OutsideJson, BracketsInsideStringsDoNotCount) {
  rapidjson::Document document;
  const std::string text = "{\"a\":\"" + std::string(10'000, '[') + "\\\"[\"}";
  ASSERT_TRUE(parseJson(text, document));
  EXPECT_TRUE(document.IsObject());
}

TEST(OutsideJson, InvalidTextSaysWhere) {
  rapidjson::Document document;
  std::string problem;
  EXPECT_FALSE(parseJson("{\"a\":", document, &problem));
  EXPECT_NE(problem.find("offset"), std::string::npos) << problem;
  EXPECT_FALSE(parseJson("", document, &problem));
}

TEST(OutsideJson, ADeeplyNestedApiAnswerIsNotJsonNotACrash) {
  const auto outcome = client::readApiResponse(answer(200, std::string(1'000'000, '[')));
  EXPECT_EQ(outcome.kind, client::ApiOutcome::Kind::RetryAfter);
  EXPECT_TRUE(outcome.transient_server_error);
  ASSERT_TRUE(outcome.error);
  EXPECT_EQ(outcome.error->state(), "08S01");
}

TEST(OutsideJson, ADeeplyNestedAuditAnswerIsNotACrash) {
  const auto outcome = client::readAuditResponse(answer(200, std::string(1'000'000, '{')), "https://acme.monday.com/audit-api");
  EXPECT_NE(outcome.kind, client::AuditOutcome::Kind::Data);
}

TEST(OutsideJson, AnUnsignedDeeplyNestedJwtIsRejectedByItsSignature) {
  const std::string nested = auth::base64UrlEncode(std::string(1'000'000, '['));
  const std::string token = nested + "." + nested + ".c2lnbmF0dXJl";
  try {
    auth::verifyIntegrationJwt(token, "signing-secret", "", std::chrono::system_clock::now());
    FAIL() << "accepted";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.message()).find("signature"), std::string::npos) << e.message();
  }
}

TEST(OutsideJson, ASignedButDeeplyNestedJwtIsRejectedNotCrashed) {
  const std::string nested = auth::base64UrlEncode(std::string(100'000, '['));
  const std::string signed_part = nested + "." + nested;
  const std::string token = signed_part + "." + auth::base64UrlEncode(auth::hmacSha256("signing-secret", signed_part));
  EXPECT_THROW(auth::verifyIntegrationJwt(token, "signing-secret", "", std::chrono::system_clock::now()), Error);
  EXPECT_FALSE(auth::unverifiedExpiry(token));
}

TEST(OutsideNumbers, DoublesAreClampedNotConverted) {
  EXPECT_EQ(clampedInteger(1e300), INT64_MAX);
  EXPECT_EQ(clampedInteger(-1e300), INT64_MIN);
  EXPECT_EQ(clampedInteger(9.3e18), INT64_MAX);
  EXPECT_EQ(clampedInteger(42.9), 42);
  EXPECT_EQ(clampedInteger(-1.5, 0, 10), 0);
  EXPECT_FALSE(clampedInteger(std::nan("")));
}

TEST(OutsideNumbers, DecimalTextIsClampedNotDropped) {
  EXPECT_EQ(clampedDecimal("99999999999999999999999999", 0, 100), 100);
  EXPECT_EQ(clampedDecimal(" 30 "), 30);
  EXPECT_EQ(clampedDecimal("-99999999999999999999999999"), INT64_MIN);
  EXPECT_EQ(clampedDecimal("-9223372036854775808"), INT64_MIN);
  EXPECT_FALSE(clampedDecimal("30s"));
  EXPECT_FALSE(clampedDecimal(""));
  EXPECT_FALSE(clampedDecimal("-"));
  EXPECT_EQ(serverWait(INT64_MAX).count(), kMaxServerWaitSeconds);
  EXPECT_EQ(serverWait(-5).count(), 0);
}

TEST(OutsideNumbers, AHugeRetryAfterIsTheLongestWaitNotNoWait) {
  const auto outcome = client::readApiResponse(
      answer(429, R"({"errors":[{"message":"Rate limit exceeded","extensions":{"code":"RATE_LIMIT_EXCEEDED"}}]})",
             {{"retry-after", "99999999999999999999999999"}}));
  ASSERT_EQ(outcome.kind, client::ApiOutcome::Kind::RetryAfter);
  EXPECT_EQ(outcome.wait.count(), kMaxServerWaitSeconds);
  // The wait must survive conversion to the units the retry loop works in.
  EXPECT_GT(std::chrono::duration_cast<std::chrono::milliseconds>(outcome.wait).count(), 0);
}

TEST(OutsideNumbers, AHugeRetryInSecondsIsTheLongestWait) {
  const auto outcome = client::readApiResponse(answer(
      429,
      R"({"errors":[{"message":"Complexity budget exhausted","extensions":{"code":"COMPLEXITY_BUDGET_EXHAUSTED","retry_in_seconds":1e300,"complexity_budget_left":-1e300,"complexity_budget_limit":1e300}}]})"));
  ASSERT_EQ(outcome.kind, client::ApiOutcome::Kind::RetryAfter);
  EXPECT_EQ(outcome.wait.count(), kMaxServerWaitSeconds);
}

TEST(OutsideNumbers, HugeComplexityFieldsAreClamped) {
  const auto outcome = client::readApiResponse(answer(
      200, R"({"data":{"complexity":{"before":1e300,"query":1e300,"after":-1e300,"reset_in_x_seconds":1e300}}})"));
  ASSERT_EQ(outcome.kind, client::ApiOutcome::Kind::Data);
  ASSERT_TRUE(outcome.complexity);
  EXPECT_GT(outcome.complexity->query, 1'000'000'000'000);
  EXPECT_LT(outcome.complexity->after, -1'000'000'000'000);
  EXPECT_LE(outcome.complexity->query, INT64_MAX / 4) << "differences of budget numbers must not overflow";
  EXPECT_EQ(outcome.complexity->reset_in_seconds, kMaxServerWaitSeconds);
}

TEST(OutsideNumbers, AHugeAuditRetryIsTheLongestWait) {
  const auto outcome = client::readAuditResponse(
      answer(429, R"({"retry_in_seconds":1e300})", {{"retry-after", "123456789012345678901234567890"}}),
      "https://acme.monday.com/audit-api");
  ASSERT_EQ(outcome.kind, client::AuditOutcome::Kind::RetryAfter);
  EXPECT_EQ(outcome.wait.count(), kMaxServerWaitSeconds);
}

TEST(OutsideNumbers, HugeRateLimitHeadersAreClamped) {
  const auto state = client::parseRateLimitHeaders(R"("complexityMinute";q=5000000;w=60)",
                                                   R"("complexityMinute";r=99999999999999999999999;t=99999999999999999999)");
  ASSERT_TRUE(state.complexity_reset_seconds);
  EXPECT_GT(*state.complexity_reset_seconds, 0);
}

}  // namespace
}  // namespace monday
