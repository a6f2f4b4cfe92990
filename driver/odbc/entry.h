#pragma once
// Helpers for the exported entry points: decoding ANSI (UTF-8) and W (UTF-16) string arguments.
// These run inside handles::guarded bodies, so a bad length becomes an HY090 diagnostic.
//
// Rule (ClickHouse's, ANCHORS §0.9): the driver never calls its own exported SQLxxx functions —
// with a driver manager in between, the call could land in the DM's wrapper with handles the DM
// does not know. Entry points call handles:: code only.

#include <sql.h>
#include <sqlext.h>
#include <sqlucode.h>

#include <cstring>
#include <optional>
#include <string>

#include "driver/common/error.h"
#include "driver/convert/out_buffer.h"
#include "driver/convert/utf.h"
#include "driver/convert/wide.h"
#include "driver/handles/dispatch.h"

// unixODBC's SQLWCHAR is 16-bit UTF-16 unless SQL_WCHART_CONVERT is defined (then it would be
// wchar_t, UTF-32). Everything here assumes UTF-16.
static_assert(sizeof(SQLWCHAR) == sizeof(char16_t), "SQLWCHAR must be UTF-16 (build without SQL_WCHART_CONVERT)");

namespace monday::odbc {

using convert::CharEncoding;
inline constexpr CharEncoding kAnsi = CharEncoding::Utf8;
inline constexpr CharEncoding kWide = CharEncoding::Utf16;

[[noreturn]] inline void badLength(long long length) {
  throw Error(sqlstate::kInvalidStringOrBufferLength,
              "Invalid string or buffer length " + std::to_string(length) +
                  ": give a length of zero or more, or SQL_NTS for a NUL-terminated string.");
}

// ANSI text: bytes of UTF-8. A null pointer is the empty string.
inline std::string narrow(const SQLCHAR* text, long long length) {
  if (text == nullptr) return {};
  const char* p = reinterpret_cast<const char*>(text);
  if (length == SQL_NTS) return std::string(p);
  if (length < 0) badLength(length);
  return std::string(p, static_cast<std::size_t>(length));
}

// W text: `length` counts wide characters, as in every W function's string arguments. The
// units are UTF-16 under unixODBC and UTF-32 under iODBC (convert/wide.h), whatever SQLWCHAR's
// declared size in the headers this was compiled with.
inline std::string wide(const SQLWCHAR* text, long long length) {
  if (text == nullptr) return {};
  if (length == SQL_NTS) return convert::wideToUtf8(text, convert::wideNtsLength(text));
  if (length < 0) badLength(length);
  return convert::wideToUtf8(text, static_cast<std::size_t>(length));
}

// Catalog-function arguments keep NULL distinct from "".
inline std::optional<std::string> narrowArg(const SQLCHAR* text, SQLSMALLINT length) {
  if (text == nullptr) return std::nullopt;
  return narrow(text, length);
}
inline std::optional<std::string> wideArg(const SQLWCHAR* text, SQLSMALLINT length) {
  if (text == nullptr) return std::nullopt;
  return wide(text, length);
}

}  // namespace monday::odbc
