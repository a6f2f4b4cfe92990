#pragma once
// Writing strings the driver returns (names, info strings, attribute values, connection strings)
// into application buffers, for both ANSI (UTF-8) and W (UTF-16) entry points. Which lengths are
// in characters and which in bytes depends on the function (ANSI §7.8); callers say which.

#include <cstdint>
#include <limits>
#include <string_view>

namespace monday::convert {

// Utf8: the A functions' text. Utf16: the W functions' and SQL_C_WCHAR's wide text, which is
// UTF-16 under unixODBC and UTF-32 under iODBC (convert/wide.h decides which).
enum class CharEncoding { Utf8, Utf16 };

enum class LengthUnit {
  Characters,  // SQLDescribeColW, SQLGetDiagRecW, SQLDriverConnectW ... (code units for UTF-16)
  Bytes,       // SQLGetInfoW, SQLColAttributeW, SQLGetDiagFieldW, SQLGet*AttrW ...
};

struct TextWriteResult {
  std::int64_t full_length = 0;  // length of the whole text, excluding the terminator, in the unit
  bool truncated = false;        // the application should see 01004
};

// Copies `utf8` as NUL-terminated text (converted to UTF-16 when asked). `capacity` counts the
// terminator, in `unit`. Never splits a UTF-8 sequence or a surrogate pair. A null buffer only
// reports the length (and is not truncation). Throws monday::Error HY090 for a negative capacity.
TextWriteResult writeText(std::string_view utf8, void* buffer, std::int64_t capacity,
                          CharEncoding encoding, LengthUnit unit);

// Stores a length into whatever integer type the API uses; ignores null pointers and clamps to
// the type's range (a SQLSMALLINT length cannot hold more than 32767).
template <class T>
void storeLength(T* target, std::int64_t value) {
  if (target == nullptr) return;
  if (value > static_cast<std::int64_t>(std::numeric_limits<T>::max())) {
    value = static_cast<std::int64_t>(std::numeric_limits<T>::max());
  }
  *target = static_cast<T>(value);
}

}  // namespace monday::convert
