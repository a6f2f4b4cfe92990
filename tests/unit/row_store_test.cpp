// A static cursor's rows: every value kind read back exactly, in memory and after spilling to a
// temporary file once the memory limit is passed.
#include <gtest/gtest.h>

#include "driver/engine/row_store.h"

namespace monday::engine {
namespace {

std::vector<Value> sample(std::int64_t i) {
  return {std::monostate{}, i, 0.5 + static_cast<double>(i), std::string("row ") + std::to_string(i) + " é",
          Blob{{static_cast<unsigned char>(i & 0xff), 0, 255}}};
}

TEST(RowStore, KeepsEveryValueKind) {
  RowStore store;
  for (int i = 0; i < 100; ++i) store.append(sample(i));
  EXPECT_FALSE(store.spilled());
  ASSERT_EQ(store.size(), 100u);
  EXPECT_EQ(store.row(0), sample(0));
  EXPECT_EQ(store.row(57), sample(57));
  EXPECT_EQ(store.row(99), sample(99));
}

TEST(RowStore, SpillsToATemporaryFilePastItsMemoryLimit) {
  RowStore store(4096);
  for (int i = 0; i < 2000; ++i) store.append(sample(i));
  EXPECT_TRUE(store.spilled());
  EXPECT_GT(store.bytes(), 4096u);
  // Random access, backwards included, reads what was written.
  for (int i : {1999, 0, 1024, 3, 1500}) EXPECT_EQ(store.row(static_cast<std::size_t>(i)), sample(i)) << i;
}

}  // namespace
}  // namespace monday::engine
