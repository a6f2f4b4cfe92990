// Strings the driver returns through API output buffers: character vs byte lengths, UTF-16 for W
// functions, truncation without splitting characters, and length-only calls.

#include "driver/convert/out_buffer.h"

#include <gtest/gtest.h>
#include <sql.h>

#include <cstring>

#include "driver/common/error.h"

namespace monday::convert {
namespace {

TEST(OutBuffer, Utf8FitsWithTerminator) {
  char buffer[8];
  const auto r = writeText("abc", buffer, sizeof buffer, CharEncoding::Utf8, LengthUnit::Characters);
  EXPECT_FALSE(r.truncated);
  EXPECT_EQ(r.full_length, 3);
  EXPECT_STREQ(buffer, "abc");
}

TEST(OutBuffer, Utf8TruncatesAtACharacterBoundary) {
  char buffer[4];
  const auto r = writeText("ab\xE2\x82\xAC", buffer, sizeof buffer, CharEncoding::Utf8, LengthUnit::Bytes);
  EXPECT_TRUE(r.truncated);
  EXPECT_EQ(r.full_length, 5);
  EXPECT_STREQ(buffer, "ab");
}

TEST(OutBuffer, Utf16LengthsInCharacters) {
  char16_t buffer[8];
  const auto r = writeText("h\xC3\xA9", buffer, 8, CharEncoding::Utf16, LengthUnit::Characters);
  EXPECT_FALSE(r.truncated);
  EXPECT_EQ(r.full_length, 2);
  EXPECT_EQ(std::u16string(buffer), u"hé");
}

TEST(OutBuffer, Utf16LengthsInBytes) {
  char16_t buffer[8];
  const auto r = writeText("monday.com", buffer, sizeof buffer, CharEncoding::Utf16, LengthUnit::Bytes);
  EXPECT_TRUE(r.truncated);
  EXPECT_EQ(r.full_length, 20);  // 10 characters, 2 bytes each
  EXPECT_EQ(std::u16string(buffer), u"monday.");  // 16 bytes = 7 characters + terminator
}

TEST(OutBuffer, Utf16NeverSplitsASurrogatePair) {
  char16_t buffer[3];
  const auto r = writeText("a\xF0\x9F\x98\x80", buffer, 3, CharEncoding::Utf16, LengthUnit::Characters);
  EXPECT_TRUE(r.truncated);
  EXPECT_EQ(std::u16string(buffer), u"a");
}

TEST(OutBuffer, NullBufferOnlyReportsTheLength) {
  const auto r = writeText("abcdef", nullptr, 0, CharEncoding::Utf16, LengthUnit::Bytes);
  EXPECT_FALSE(r.truncated);
  EXPECT_EQ(r.full_length, 12);
}

TEST(OutBuffer, ZeroCapacityWithABufferIsTruncation) {
  char buffer[1] = {'x'};
  const auto r = writeText("abc", buffer, 0, CharEncoding::Utf8, LengthUnit::Bytes);
  EXPECT_TRUE(r.truncated);
  EXPECT_EQ(buffer[0], 'x');  // nothing written, not even a terminator
}

TEST(OutBuffer, NegativeCapacityIsHY090) {
  char buffer[4];
  try {
    writeText("abc", buffer, -1, CharEncoding::Utf8, LengthUnit::Bytes);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.state(), "HY090");
  }
}

TEST(OutBuffer, StoreLengthClampsToTheTargetType) {
  SQLSMALLINT small = 0;
  storeLength(&small, 100000);
  EXPECT_EQ(small, 32767);
  SQLLEN big = 0;
  storeLength(&big, 100000);
  EXPECT_EQ(big, 100000);
  storeLength(static_cast<SQLINTEGER*>(nullptr), 5);  // ignored, no crash
}

}  // namespace
}  // namespace monday::convert
