// One page of the audit log, read from either source's answer: its entries and the next page.
#include <gtest/gtest.h>

#include "driver/common/json.h"
#include "schema/auditlog/audit_api.h"

namespace monday::schema::auditlog {
namespace {

std::shared_ptr<rapidjson::Document> answer(std::string_view text) {
  auto document = std::make_shared<rapidjson::Document>();
  EXPECT_TRUE(parseJson(text, *document)) << text;
  return document;
}

TEST(AuditLogPage, RestEntriesAndNextPage) {
  const auto page = readRestAuditLogPage(
      answer(R"({"page":1,"per_page":2,"next_page":2,"data":[{"event":"login"},"not an entry",{"event":"export"}]})"));
  ASSERT_EQ(page.rows.rows.size(), 2u);
  EXPECT_STREQ((*page.rows.rows[1].node)["event"].GetString(), "export");
  EXPECT_EQ(page.next_page, 2);
  EXPECT_FALSE(readRestAuditLogPage(answer(R"({"next_page":null,"data":[]})")).next_page);
}

TEST(AuditLogPage, GraphqlEntriesAndPagination) {
  const auto page = readGraphqlAuditLogPage(
      answer(R"({"data":{"audit_logs":{"logs":[{"event":"login"}],"pagination":{"has_more_pages":true}}}})"), 4);
  ASSERT_EQ(page.rows.rows.size(), 1u);
  EXPECT_EQ(page.next_page, 5) << "without next_page_number, the page after the one asked for";
  const auto last = readGraphqlAuditLogPage(
      answer(R"({"data":{"audit_logs":{"logs":[],"pagination":{"has_more_pages":false,"next_page_number":9}}}})"), 1);
  EXPECT_FALSE(last.next_page);
}

TEST(AuditLogPage, AnswersOfAnotherShapeAreEmptyPages) {
  for (std::string_view text : {R"([])", R"({"data":"x"})", R"({"data":{"audit_logs":[1]}})", R"({"data":{}})"}) {
    EXPECT_TRUE(readGraphqlAuditLogPage(answer(text), 1).rows.rows.empty()) << text;
    EXPECT_TRUE(readRestAuditLogPage(answer(text)).rows.rows.empty()) << text;
    EXPECT_FALSE(readRestAuditLogPage(answer(text)).next_page) << text;
  }
}

}  // namespace
}  // namespace monday::schema::auditlog
