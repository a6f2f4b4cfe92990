#pragma once
// The application's "wide" characters (SQLWCHAR, SQL_C_WCHAR) differ by driver manager: unixODBC
// passes UTF-16 (2-byte units), iODBC passes wchar_t, which is UTF-32 (4-byte units) on Linux.
// One library serves both: the form is decided once, when first needed, by whether iODBC's
// driver manager is loaded in the process (it exports `iodbc_version`). MONDAY_ODBC_WIDE=utf16 or
// utf32 in the environment overrides the detection.

#include <cstddef>
#include <string>
#include <string_view>

namespace monday::convert {

enum class WideForm { Utf16, Utf32 };

WideForm wideForm();
// The first connection string a W connect function receives settles the form when nothing else
// did (an application with iODBC linked in statically); `length` in characters or SQL_NTS (< 0).
void noteWideConnectString(const void* text, long long length);
// Bytes per wide character unit: 2 or 4.
std::size_t wideUnitSize();

// The application's wide text → UTF-8. `units` counts wide units (not bytes).
std::string wideToUtf8(const void* text, std::size_t units);
// Units before the terminating zero unit.
std::size_t wideNtsLength(const void* text);

// UTF-8 → the application's wide form, as raw units, and how many of those units fit in
// `max_units` without splitting a character.
struct WideText {
  std::u16string utf16;
  std::u32string utf32;
  std::size_t units() const;
  const void* data() const;
};
WideText utf8ToWide(std::string_view utf8);
std::size_t widePrefixLength(const WideText& text, std::size_t max_units);

}  // namespace monday::convert
