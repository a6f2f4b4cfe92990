#include "driver/convert/wide.h"

#include <dlfcn.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>

#include "driver/convert/utf.h"

namespace monday::convert {

namespace {

// 0: not looked yet; 1: UTF-16; 2: UTF-32. `decided`: no later observation may change it.
std::atomic<int> g_form{0};
std::atomic<bool> g_decided{false};

void detectOnce() {
  if (g_form.load() != 0) return;
  int form = 1;
  bool decided = false;
  if (const char* forced = std::getenv("MONDAY_ODBC_WIDE"); forced && *forced) {
    if (std::strcmp(forced, "utf32") == 0 || std::strcmp(forced, "UTF32") == 0) form = 2, decided = true;
    if (std::strcmp(forced, "utf16") == 0 || std::strcmp(forced, "UTF16") == 0) form = 1, decided = true;
  }
  // iODBC's shared library exports this; an application linked with it statically does not,
  // which noteWideConnectString() covers.
  if (!decided && dlsym(RTLD_DEFAULT, "iodbc_version") != nullptr) form = 2, decided = true;
  int expected = 0;
  if (g_form.compare_exchange_strong(expected, form)) g_decided = decided;
}

}  // namespace

WideForm wideForm() {
  detectOnce();
  return g_form.load() == 2 ? WideForm::Utf32 : WideForm::Utf16;
}

void noteWideConnectString(const void* text, long long length) {
  detectOnce();
  if (g_decided.load() || text == nullptr || (length >= 0 && length < 2)) return;
  // A connection string has at least two characters ("DSN=..."). As UTF-16 its second unit is
  // never zero; as little-endian UTF-32 the second 16-bit unit of an ASCII (BMP) text is.
  const auto* units = static_cast<const char16_t*>(text);
  if (units[0] != 0 && units[1] == 0 && units[2] != 0) g_form = 2;
  g_decided = true;
}

std::size_t wideUnitSize() { return wideForm() == WideForm::Utf32 ? 4 : 2; }

std::string wideToUtf8(const void* text, std::size_t units) {
  if (wideForm() == WideForm::Utf16) {
    return utf16ToUtf8(std::u16string_view(static_cast<const char16_t*>(text), units));
  }
  const auto* p = static_cast<const char32_t*>(text);
  std::u16string utf16;
  utf16.reserve(units);
  for (std::size_t i = 0; i < units; ++i) {
    char32_t c = p[i];
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;  // not a character: replace it
    if (c >= 0x10000) {
      c -= 0x10000;
      utf16.push_back(static_cast<char16_t>(0xD800 + (c >> 10)));
      utf16.push_back(static_cast<char16_t>(0xDC00 + (c & 0x3FF)));
    } else {
      utf16.push_back(static_cast<char16_t>(c));
    }
  }
  return utf16ToUtf8(utf16);
}

std::size_t wideNtsLength(const void* text) {
  std::size_t n = 0;
  if (wideForm() == WideForm::Utf16) {
    const auto* p = static_cast<const char16_t*>(text);
    while (p[n] != 0) ++n;
  } else {
    const auto* p = static_cast<const char32_t*>(text);
    while (p[n] != 0) ++n;
  }
  return n;
}

std::size_t WideText::units() const { return wideForm() == WideForm::Utf16 ? utf16.size() : utf32.size(); }
const void* WideText::data() const {
  return wideForm() == WideForm::Utf16 ? static_cast<const void*>(utf16.data()) : static_cast<const void*>(utf32.data());
}

WideText utf8ToWide(std::string_view utf8) {
  WideText out;
  out.utf16 = utf8ToUtf16(utf8);
  if (wideForm() == WideForm::Utf32) {
    out.utf32.reserve(out.utf16.size());
    for (std::size_t i = 0; i < out.utf16.size(); ++i) {
      const char16_t u = out.utf16[i];
      if (u >= 0xD800 && u <= 0xDBFF && i + 1 < out.utf16.size()) {
        out.utf32.push_back(0x10000 + ((static_cast<char32_t>(u) - 0xD800) << 10) + (out.utf16[i + 1] - 0xDC00));
        ++i;
      } else {
        out.utf32.push_back(u);
      }
    }
    out.utf16.clear();
  }
  return out;
}

std::size_t widePrefixLength(const WideText& text, std::size_t max_units) {
  if (wideForm() == WideForm::Utf16) return utf16PrefixLength(text.utf16, max_units);
  return std::min(max_units, text.utf32.size());
}

}  // namespace monday::convert
