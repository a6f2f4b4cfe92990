// ODBC catalog search patterns and identifier arguments.

#include "driver/convert/search_pattern.h"

#include <gtest/gtest.h>

namespace monday::convert {
namespace {

TEST(SearchPattern, PercentMatchesAnyRunIncludingEmpty) {
  EXPECT_TRUE(matchesSearchPattern("%", ""));
  EXPECT_TRUE(matchesSearchPattern("%", "Boards"));
  EXPECT_TRUE(matchesSearchPattern("Bo%", "Boards"));
  EXPECT_TRUE(matchesSearchPattern("%ards", "Boards"));
  EXPECT_TRUE(matchesSearchPattern("B%r%s", "Boards"));
  EXPECT_FALSE(matchesSearchPattern("B%x%", "Boards"));
}

TEST(SearchPattern, UnderscoreMatchesExactlyOneCharacterNotOneByte) {
  EXPECT_TRUE(matchesSearchPattern("Caf_", "Caf\xC3\xA9"));
  EXPECT_FALSE(matchesSearchPattern("Caf__", "Caf\xC3\xA9"));
  EXPECT_FALSE(matchesSearchPattern("_", ""));
}

TEST(SearchPattern, BackslashEscapesWildcards) {
  EXPECT_TRUE(matchesSearchPattern("board\\_items", "board_items"));
  EXPECT_FALSE(matchesSearchPattern("board\\_items", "boardXitems"));
  EXPECT_TRUE(matchesSearchPattern("100\\%", "100%"));
  EXPECT_FALSE(matchesSearchPattern("100\\%", "1000"));
}

TEST(SearchPattern, CaseInsensitiveLikeIdentifiers) {
  EXPECT_TRUE(matchesSearchPattern("boards", "Boards"));
  EXPECT_TRUE(matchesSearchPattern("ITEMS", "Items"));
}

TEST(SearchPattern, BacktracksAcrossRepeatedPrefixes) {
  EXPECT_TRUE(matchesSearchPattern("%aab", "aaaab"));
  EXPECT_FALSE(matchesSearchPattern("%aab", "aaaa"));
}

TEST(Identifier, CaseInsensitiveUnlessQuoted) {
  EXPECT_TRUE(matchesIdentifier("boards", "Boards"));
  EXPECT_TRUE(matchesIdentifier(" Boards ", "Boards"));
  EXPECT_FALSE(matchesIdentifier("Bo%", "Boards"));  // no wildcards in identifiers
  EXPECT_TRUE(matchesIdentifier("\"Boards\"", "Boards"));
  EXPECT_FALSE(matchesIdentifier("\"boards\"", "Boards"));
  EXPECT_TRUE(matchesIdentifier("\"say \"\"hi\"\"\"", "say \"hi\""));
}

TEST(SearchPattern, LiteralPatternDetection) {
  EXPECT_TRUE(isLiteralPattern("Boards"));
  EXPECT_TRUE(isLiteralPattern("board\\_items"));
  EXPECT_FALSE(isLiteralPattern("board_items"));
  EXPECT_FALSE(isLiteralPattern("B%"));
}

}  // namespace
}  // namespace monday::convert
