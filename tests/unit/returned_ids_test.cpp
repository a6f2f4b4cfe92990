// The ids a cursor chain remembers for a restart: numeric ids are found only once frozen, and
// ids that are not plain numbers (or would not round-trip as one) are kept as text.
#include <gtest/gtest.h>

#include "schema/paging/items_page_chain.h"

using monday::schema::ReturnedIds;

TEST(ReturnedIds, IdsAreFoundOnlyAfterARestartFreezesThem) {
  ReturnedIds ids;
  ids.add("5000000300");
  ids.add("12");
  EXPECT_FALSE(ids.containsFrozen("12"));
  ids.freeze();
  EXPECT_TRUE(ids.containsFrozen("12"));
  EXPECT_TRUE(ids.containsFrozen("5000000300"));
  EXPECT_FALSE(ids.containsFrozen("13"));
  ids.add("13");
  EXPECT_FALSE(ids.containsFrozen("13")) << "added after the restart: not yet searchable";
  ids.freeze();
  EXPECT_TRUE(ids.containsFrozen("13"));
  EXPECT_EQ(ids.size(), 3u);
}

TEST(ReturnedIds, IdsThatAreNotPlainNumbersKeepTheirText) {
  ReturnedIds ids;
  ids.add("007");
  ids.add("abc");
  ids.add("99999999999999999999");  // more than 64 bits
  ids.freeze();
  EXPECT_TRUE(ids.containsFrozen("007"));
  EXPECT_FALSE(ids.containsFrozen("7")) << "\"007\" is not the id 7";
  EXPECT_TRUE(ids.containsFrozen("abc"));
  EXPECT_TRUE(ids.containsFrozen("99999999999999999999"));
  EXPECT_FALSE(ids.containsFrozen(""));
}
