#pragma once
// UTF-8 <-> UTF-16 for the W entry points and SQL_C_WCHAR data. The driver works in UTF-8; UTF-16
// appears only at the application boundary. Invalid input (a lone surrogate, a broken UTF-8
// sequence) becomes U+FFFD instead of failing: application text must never crash a call, and the
// replacement is visible to the user rather than silently dropped.

#include <cstddef>
#include <string>
#include <string_view>

namespace monday::convert {

inline constexpr char32_t kReplacementChar = 0xFFFD;

std::u16string utf8ToUtf16(std::string_view utf8);
std::string utf16ToUtf8(std::u16string_view utf16);

// Reads a NUL-terminated UTF-16 string.
std::u16string_view u16FromNts(const char16_t* text);

bool isValidUtf8(std::string_view utf8);

// The longest prefix of `utf8` of at most `max_bytes` bytes that does not end inside a multi-byte
// sequence (for chunked SQL_C_CHAR output).
std::size_t utf8PrefixLength(std::string_view utf8, std::size_t max_bytes);

// The longest prefix of `utf16` of at most `max_units` code units that does not split a surrogate
// pair (for chunked SQL_C_WCHAR output).
std::size_t utf16PrefixLength(std::u16string_view utf16, std::size_t max_units);

// Number of UTF-16 code units `utf8` becomes (without converting).
std::size_t utf16Length(std::string_view utf8);

}  // namespace monday::convert
