#include "driver/convert/utf.h"

namespace monday::convert {

namespace {

// Decodes one code point starting at `i`; advances `i` past what it consumed. Malformed input
// (overlong forms, surrogates encoded in UTF-8, values above U+10FFFF, truncated sequences)
// yields U+FFFD and consumes a single byte, so decoding always resynchronises.
char32_t decodeUtf8(std::string_view s, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) {
    ++i;
    return lead;
  }
  std::size_t length = 0;
  char32_t cp = 0;
  char32_t minimum = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2;
    cp = lead & 0x1F;
    minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    cp = lead & 0x0F;
    minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    cp = lead & 0x07;
    minimum = 0x10000;
  } else {
    ++i;
    return kReplacementChar;
  }
  if (i + length > s.size()) {
    ++i;
    return kReplacementChar;
  }
  for (std::size_t k = 1; k < length; ++k) {
    const unsigned char c = byte(i + k);
    if ((c & 0xC0) != 0x80) {
      ++i;
      return kReplacementChar;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  if (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return kReplacementChar;
  }
  i += length;
  return cp;
}

void appendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool isHighSurrogate(char16_t u) { return u >= 0xD800 && u <= 0xDBFF; }
bool isLowSurrogate(char16_t u) { return u >= 0xDC00 && u <= 0xDFFF; }

}  // namespace

std::u16string utf8ToUtf16(std::string_view utf8) {
  std::u16string out;
  out.reserve(utf8.size());
  std::size_t i = 0;
  while (i < utf8.size()) {
    const char32_t cp = decodeUtf8(utf8, i);
    if (cp >= 0x10000) {
      const char32_t v = cp - 0x10000;
      out.push_back(static_cast<char16_t>(0xD800 + (v >> 10)));
      out.push_back(static_cast<char16_t>(0xDC00 + (v & 0x3FF)));
    } else {
      out.push_back(static_cast<char16_t>(cp));
    }
  }
  return out;
}

std::string utf16ToUtf8(std::u16string_view utf16) {
  std::string out;
  out.reserve(utf16.size());
  for (std::size_t i = 0; i < utf16.size(); ++i) {
    const char16_t u = utf16[i];
    if (isHighSurrogate(u) && i + 1 < utf16.size() && isLowSurrogate(utf16[i + 1])) {
      const char32_t cp = 0x10000 + ((static_cast<char32_t>(u - 0xD800) << 10) |
                                     static_cast<char32_t>(utf16[i + 1] - 0xDC00));
      appendUtf8(out, cp);
      ++i;
    } else if (isHighSurrogate(u) || isLowSurrogate(u)) {
      appendUtf8(out, kReplacementChar);
    } else {
      appendUtf8(out, u);
    }
  }
  return out;
}

std::u16string_view u16FromNts(const char16_t* text) {
  if (text == nullptr) return {};
  std::size_t n = 0;
  while (text[n] != 0) ++n;
  return {text, n};
}

bool isValidUtf8(std::string_view utf8) {
  std::size_t i = 0;
  while (i < utf8.size()) {
    const std::size_t before = i;
    const char32_t cp = decodeUtf8(utf8, i);
    // A genuine U+FFFD is three bytes; a replacement for bad input consumed exactly one.
    if (cp == kReplacementChar && i - before == 1) return false;
  }
  return true;
}

std::size_t utf8PrefixLength(std::string_view utf8, std::size_t max_bytes) {
  if (max_bytes >= utf8.size()) return utf8.size();
  std::size_t cut = max_bytes;
  // Step back over continuation bytes to the start of the sequence that straddles the cut. A
  // sequence is at most 4 bytes, so more than 3 continuation bytes means broken input: cut there.
  int steps = 0;
  while (cut > 0 && steps < 3 && (static_cast<unsigned char>(utf8[cut]) & 0xC0) == 0x80) {
    --cut;
    ++steps;
  }
  if ((static_cast<unsigned char>(utf8[cut]) & 0xC0) == 0x80) return max_bytes;
  return cut;
}

std::size_t utf16PrefixLength(std::u16string_view utf16, std::size_t max_units) {
  if (max_units >= utf16.size()) return utf16.size();
  std::size_t cut = max_units;
  if (cut > 0 && isHighSurrogate(utf16[cut - 1]) && isLowSurrogate(utf16[cut])) --cut;
  return cut;
}

std::size_t utf16Length(std::string_view utf8) {
  std::size_t units = 0;
  std::size_t i = 0;
  while (i < utf8.size()) {
    units += decodeUtf8(utf8, i) >= 0x10000 ? 2 : 1;
  }
  return units;
}

}  // namespace monday::convert
