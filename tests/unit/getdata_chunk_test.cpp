// Repeated SQLGetData on one value (ANCHORS §7.7): pieces continue where the last one stopped,
// lengths report what was left, the last piece is SQL_SUCCESS, the call after it SQL_NO_DATA, and
// no piece ends inside a UTF-8 sequence or a surrogate pair.

#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "driver/convert/to_c.h"
#include "driver/convert/utf.h"

namespace monday::convert {
namespace {

struct Piece {
  SQLRETURN rc;
  SQLLEN indicator;
  std::string text;  // UTF-8 (converted back for SQL_C_WCHAR)
};

class Chunker {
 public:
  Chunker(Value value, DataType type) : value_(std::move(value)), type_(type) {}

  Piece next(SQLSMALLINT c_type, SQLLEN buffer_length) {
    std::vector<unsigned char> buffer(static_cast<std::size_t>(std::max<SQLLEN>(buffer_length, 1)) + 2, 0xEE);
    SQLLEN indicator = -777;
    CTarget t;
    t.c_type = c_type;
    t.data = buffer.data();
    t.buffer_length = buffer_length;
    t.indicator = &indicator;
    t.octet_length = &indicator;
    std::vector<Warning> warnings;
    const SQLRETURN rc = convertToC(value_, {type_, SQL_C_WCHAR}, t, &progress_, warnings);
    Piece p{rc, indicator, {}};
    if (rc == SQL_SUCCESS_WITH_INFO) {
      EXPECT_EQ(warnings.size(), 1u);
      if (!warnings.empty()) {
        EXPECT_EQ(warnings[0].state, "01004");
      }
    }
    if (rc == SQL_NO_DATA) {
      EXPECT_EQ(indicator, -777) << "SQL_NO_DATA must not touch the indicator";
    } else if (buffer_length > 0 && indicator != SQL_NULL_DATA) {
      // A NULL leaves the buffer untouched and unterminated: only a value is read back, and never
      // beyond the buffer.
      if (c_type == SQL_C_WCHAR) {
        std::u16string units;
        for (std::size_t i = 0; i + 1 < buffer.size(); i += 2) {
          char16_t unit;
          std::memcpy(&unit, buffer.data() + i, sizeof unit);
          if (unit == 0) break;
          units.push_back(unit);
        }
        p.text = utf16ToUtf8(units);
      } else if (c_type == SQL_C_BINARY) {
        const SQLLEN n = std::min(indicator, buffer_length);
        p.text.assign(reinterpret_cast<const char*>(buffer.data()), static_cast<std::size_t>(n));
      } else {
        const auto* text = reinterpret_cast<const char*>(buffer.data());
        p.text.assign(text, strnlen(text, buffer.size()));
      }
    }
    return p;
  }

 private:
  Value value_;
  DataType type_;
  GetDataProgress progress_;
};

TEST(GetDataChunks, CharPiecesReassembleWithRemainingLengths) {
  const std::string text = "abcdefghijklmnopqrstuvwxyz";  // 26 bytes
  Chunker chunker(text, DataType::LongVarchar);
  Piece p1 = chunker.next(SQL_C_CHAR, 11);
  EXPECT_EQ(p1.rc, SQL_SUCCESS_WITH_INFO);
  EXPECT_EQ(p1.indicator, 26);
  EXPECT_EQ(p1.text, "abcdefghij");
  Piece p2 = chunker.next(SQL_C_CHAR, 11);
  EXPECT_EQ(p2.rc, SQL_SUCCESS_WITH_INFO);
  EXPECT_EQ(p2.indicator, 16);
  EXPECT_EQ(p2.text, "klmnopqrst");
  Piece p3 = chunker.next(SQL_C_CHAR, 11);
  EXPECT_EQ(p3.rc, SQL_SUCCESS);
  EXPECT_EQ(p3.indicator, 6);
  EXPECT_EQ(p3.text, "uvwxyz");
  EXPECT_EQ(chunker.next(SQL_C_CHAR, 11).rc, SQL_NO_DATA);
  EXPECT_EQ(chunker.next(SQL_C_CHAR, 11).rc, SQL_NO_DATA);
}

TEST(GetDataChunks, CharPiecesNeverSplitUtf8Sequences) {
  const std::string text = "\xC3\xA9\xC3\xA9\xC3\xA9\xE2\x82\xAC";  // ééé€ (9 bytes)
  Chunker chunker(text, DataType::Varchar);
  std::string assembled;
  for (int i = 0; i < 20; ++i) {
    Piece p = chunker.next(SQL_C_CHAR, 4);  // room for 3 bytes: one 2-byte char fits, two do not
    if (p.rc == SQL_NO_DATA) break;
    ASSERT_TRUE(isValidUtf8(p.text)) << "piece " << i;
    assembled += p.text;
  }
  EXPECT_EQ(assembled, text);
}

TEST(GetDataChunks, WcharLengthsAreBytesAndPairsStayWhole) {
  const std::string text = "a\xF0\x9F\x98\x80" "bc";  // a 😀 b c = 5 UTF-16 units
  Chunker chunker(text, DataType::Varchar);
  Piece p1 = chunker.next(SQL_C_WCHAR, 6);  // room for 2 units + terminator; the pair would split
  EXPECT_EQ(p1.rc, SQL_SUCCESS_WITH_INFO);
  EXPECT_EQ(p1.indicator, 10);  // bytes remaining
  EXPECT_EQ(p1.text, "a");
  Piece p2 = chunker.next(SQL_C_WCHAR, 6);
  EXPECT_EQ(p2.indicator, 8);
  EXPECT_EQ(p2.text, "\xF0\x9F\x98\x80");
  Piece p3 = chunker.next(SQL_C_WCHAR, 6);
  EXPECT_EQ(p3.rc, SQL_SUCCESS);
  EXPECT_EQ(p3.indicator, 4);
  EXPECT_EQ(p3.text, "bc");
  EXPECT_EQ(chunker.next(SQL_C_WCHAR, 6).rc, SQL_NO_DATA);
}

TEST(GetDataChunks, ZeroLengthBufferReportsTheLengthWithoutConsuming) {
  Chunker chunker(std::string("hello"), DataType::Varchar);
  Piece probe = chunker.next(SQL_C_CHAR, 0);
  EXPECT_EQ(probe.rc, SQL_SUCCESS_WITH_INFO);
  EXPECT_EQ(probe.indicator, 5);
  Piece whole = chunker.next(SQL_C_CHAR, 16);
  EXPECT_EQ(whole.rc, SQL_SUCCESS);
  EXPECT_EQ(whole.text, "hello");
}

TEST(GetDataChunks, EmptyStringIsReturnedOnceThenNoData) {
  Chunker chunker(std::string(), DataType::Varchar);
  Piece p = chunker.next(SQL_C_CHAR, 8);
  EXPECT_EQ(p.rc, SQL_SUCCESS);
  EXPECT_EQ(p.indicator, 0);
  EXPECT_EQ(p.text, "");
  EXPECT_EQ(chunker.next(SQL_C_CHAR, 8).rc, SQL_NO_DATA);
}

TEST(GetDataChunks, BinaryPiecesHaveNoTerminator) {
  Chunker chunker(std::string("0123456789"), DataType::LongVarchar);
  Piece p1 = chunker.next(SQL_C_BINARY, 4);
  EXPECT_EQ(p1.rc, SQL_SUCCESS_WITH_INFO);
  EXPECT_EQ(p1.indicator, 10);
  EXPECT_EQ(p1.text, "0123");
  Piece p2 = chunker.next(SQL_C_BINARY, 4);
  EXPECT_EQ(p2.text, "4567");
  Piece p3 = chunker.next(SQL_C_BINARY, 4);
  EXPECT_EQ(p3.rc, SQL_SUCCESS);
  EXPECT_EQ(p3.text, "89");
  EXPECT_EQ(chunker.next(SQL_C_BINARY, 4).rc, SQL_NO_DATA);
}

TEST(GetDataChunks, FixedSizeValuesComeOnceThenNoData) {
  Chunker chunker(std::int64_t{42}, DataType::BigInt);
  Piece p = chunker.next(SQL_C_SBIGINT, 8);
  EXPECT_EQ(p.rc, SQL_SUCCESS);
  EXPECT_EQ(p.indicator, 8);
  EXPECT_EQ(chunker.next(SQL_C_SBIGINT, 8).rc, SQL_NO_DATA);
}

TEST(GetDataChunks, NumbersAsTextComeWholeOnceThenNoData) {
  Chunker chunker(std::int64_t{5000000001}, DataType::BigInt);
  Piece p = chunker.next(SQL_C_CHAR, 32);
  EXPECT_EQ(p.rc, SQL_SUCCESS);
  EXPECT_EQ(p.text, "5000000001");
  EXPECT_EQ(chunker.next(SQL_C_CHAR, 32).rc, SQL_NO_DATA);
}

TEST(GetDataChunks, NullIsReturnedOnceThenNoData) {
  Chunker chunker(std::monostate{}, DataType::Varchar);
  Piece p = chunker.next(SQL_C_CHAR, 8);
  EXPECT_EQ(p.rc, SQL_SUCCESS);
  EXPECT_EQ(p.indicator, SQL_NULL_DATA);
  EXPECT_EQ(chunker.next(SQL_C_CHAR, 8).rc, SQL_NO_DATA);
}

}  // namespace
}  // namespace monday::convert
