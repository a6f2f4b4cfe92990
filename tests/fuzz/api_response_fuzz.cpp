// monday's GraphQL answers (client/api_response.cpp): any status, headers and body a server or a
// proxy in between can send. The answer is read as the client reads it, its figures go into the
// complexity budget as the client's do (client/api_budget.cpp), and the rows of a usable answer
// are decoded by every column of every GraphQL table (schema/table.cpp readColumn).
// Input: an HTTP answer in the form fuzz_support.h describes.

#include "driver/client/api_budget.h"
#include "driver/client/api_response.h"
#include "driver/common/numbers.h"
#include "schema/registry.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

using namespace monday;

// Every object in a list, down to a few levels (boards[].items_page.items[] is three), with the
// object that holds the list as its parent.
void decodeRows(const rapidjson::Value& holder, int depth) {
  if (depth > 4 || !holder.IsObject()) return;
  for (const auto& member : holder.GetObject()) {
    if (member.value.IsObject()) decodeRows(member.value, depth + 1);
    if (!member.value.IsArray()) continue;
    for (const auto& element : member.value.GetArray()) {
      if (!element.IsObject()) continue;
      const schema::RowView row{&element, &holder};
      for (const auto& table : schema::graphqlTables()) {
        for (const auto& column : table->columns) (void)schema::readColumn(column, row);
      }
      decodeRows(element, depth + 1);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const net::HttpResponse response = fuzz::httpResponse(fuzz::bytes(data, size));
  // Fixed clocks: the same input must always take the same path.
  const auto wall_now = std::chrono::system_clock::time_point(std::chrono::seconds(1'800'000'000));
  const auto steady_now = client::SteadyTime(std::chrono::hours(24 * 365));

  client::ApiOutcome outcome = client::readApiResponse(response, wall_now);
  MONDAY_FUZZ_CHECK(outcome.wait.count() >= 0 && outcome.wait.count() <= kMaxServerWaitSeconds);
  MONDAY_FUZZ_CHECK(outcome.kind == client::ApiOutcome::Kind::Data || outcome.error.has_value());
  if (outcome.kind == client::ApiOutcome::Kind::RetryAfter) MONDAY_FUZZ_CHECK(outcome.wait.count() >= 1);

  client::ApiBudget budget;
  budget.observe(outcome, "query", steady_now, wall_now);
  (void)budget.waitBefore(budget.estimate("query", false), steady_now);
  (void)budget.snapshot(steady_now + std::chrono::seconds(30), wall_now + std::chrono::seconds(30));

  if (outcome.kind == client::ApiOutcome::Kind::Data) {
    const auto found = outcome.document.FindMember("data");
    MONDAY_FUZZ_CHECK(found != outcome.document.MemberEnd() && found->value.IsObject());
    decodeRows(found->value, 0);
  }
  return 0;
}
