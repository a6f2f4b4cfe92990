// The scan plan xBestIndex writes into idxStr and xFilter reads back.
#include <gtest/gtest.h>

#include "driver/common/error.h"
#include "driver/engine/scan_plan.h"

namespace monday::engine {
namespace {

using Kind = ScanPlan::ArgumentKind;

TEST(ScanPlan, EveryPartRoundTrips) {
  ScanPlan plan;
  plan.arguments = {{Kind::Equals, 0},
                    {Kind::InList, 3},
                    {Kind::Compare, 5, schema::ConstraintOp::Ge},
                    {Kind::Limit},
                    {Kind::Offset}};
  plan.order_by = {{2, true}, {0, false}};
  plan.columns_used = 0x800000000000001fULL;
  plan.local = {{7, 65}, {1, 2}};
  const std::string text = plan.encode();
  EXPECT_EQ(text, "E0,I3,C5:5,L,O,S2:1,S0:0,U800000000000001f|7:65,1:2");
  EXPECT_EQ(ScanPlan::decode(text), plan);
}

TEST(ScanPlan, AFullScanIsAnEmptyPlan) {
  EXPECT_EQ(ScanPlan{}.encode(), "|");
  EXPECT_EQ(ScanPlan::decode("|"), ScanPlan{});
  EXPECT_EQ(ScanPlan::decode("|4:2").local, (std::vector<ScanPlan::LocalTerm>{{4, 2}}));
}

TEST(ScanPlan, ArgumentsKeepArgvOrder) {
  const ScanPlan plan = ScanPlan::decode("L,E2,O|");
  ASSERT_EQ(plan.arguments.size(), 3U);
  EXPECT_EQ(plan.arguments[0].kind, Kind::Limit);
  EXPECT_EQ(plan.arguments[1], (ScanPlan::Argument{Kind::Equals, 2}));
  EXPECT_EQ(plan.arguments[2].kind, Kind::Offset);
}

TEST(ScanPlan, TextItDidNotWriteIsRefused) {
  for (const char* text : {"", "E1", "E|", "Ex|", "E-1|", "C1|", "C1:99|", "S1:2|", "L3|", "Q1|", "Uzz|", "|x", "|1"}) {
    EXPECT_THROW(ScanPlan::decode(text), Error) << text;
  }
}

}  // namespace
}  // namespace monday::engine
