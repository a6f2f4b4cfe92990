// UTF-8 <-> UTF-16 conversion: round trips, surrogate pairs, invalid input, safe cut points.

#include "driver/convert/utf.h"

#include <gtest/gtest.h>

namespace monday::convert {
namespace {

TEST(Utf, AsciiRoundTrips) {
  EXPECT_EQ(utf8ToUtf16("hello"), u"hello");
  EXPECT_EQ(utf16ToUtf8(u"hello"), "hello");
}

TEST(Utf, MultiByteAndSupplementaryCharactersRoundTrip) {
  const std::string text = "Gr\xC3\xBC\xC3\x9F" "e \xE2\x82\xAC \xF0\x9F\x98\x80";  // Grüße € 😀
  const std::u16string wide = utf8ToUtf16(text);
  EXPECT_EQ(wide, u"Grüße € 😀");
  EXPECT_EQ(wide.size(), 10u);  // the emoji is a surrogate pair
  EXPECT_EQ(utf16ToUtf8(wide), text);
  EXPECT_EQ(utf16Length(text), wide.size());
}

TEST(Utf, LoneSurrogatesBecomeReplacementCharacter) {
  const std::u16string lone_high = {u'a', char16_t(0xD83D), u'b'};
  EXPECT_EQ(utf16ToUtf8(lone_high), "a\xEF\xBF\xBD" "b");
  const std::u16string lone_low = {char16_t(0xDE00)};
  EXPECT_EQ(utf16ToUtf8(lone_low), "\xEF\xBF\xBD");
}

TEST(Utf, InvalidUtf8BecomesReplacementCharacterAndResynchronises) {
  EXPECT_EQ(utf8ToUtf16("a\xFF" "b"), u"a\uFFFDb");
  EXPECT_EQ(utf8ToUtf16("\xC3"), u"\uFFFD");                 // truncated sequence
  EXPECT_EQ(utf8ToUtf16("\xC0\xAF"), u"\uFFFD\uFFFD");       // overlong '/'
  EXPECT_EQ(utf8ToUtf16("\xED\xA0\x80"), u"\uFFFD\uFFFD\uFFFD");  // UTF-8-encoded surrogate
  EXPECT_FALSE(isValidUtf8("a\xFF"));
  EXPECT_TRUE(isValidUtf8("\xEF\xBF\xBD"));  // a real U+FFFD is valid
  EXPECT_TRUE(isValidUtf8("plain"));
}

TEST(Utf, Utf8PrefixNeverSplitsASequence) {
  const std::string text = "a\xE2\x82\xAC" "b";  // a € b
  EXPECT_EQ(utf8PrefixLength(text, 1), 1u);
  EXPECT_EQ(utf8PrefixLength(text, 2), 1u);
  EXPECT_EQ(utf8PrefixLength(text, 3), 1u);
  EXPECT_EQ(utf8PrefixLength(text, 4), 4u);
  EXPECT_EQ(utf8PrefixLength(text, 99), text.size());
}

TEST(Utf, Utf16PrefixNeverSplitsASurrogatePair) {
  const std::u16string text = u"a😀b";
  EXPECT_EQ(utf16PrefixLength(text, 1), 1u);
  EXPECT_EQ(utf16PrefixLength(text, 2), 1u);
  EXPECT_EQ(utf16PrefixLength(text, 3), 3u);
}

}  // namespace
}  // namespace monday::convert
