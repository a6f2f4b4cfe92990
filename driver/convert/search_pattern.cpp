#include "driver/convert/search_pattern.h"

#include <string>
#include <vector>

#include "driver/convert/utf.h"

namespace monday::convert {

namespace {

std::u32string codePoints(std::string_view utf8) {
  const std::u16string wide = utf8ToUtf16(utf8);
  std::u32string out;
  out.reserve(wide.size());
  for (std::size_t i = 0; i < wide.size(); ++i) {
    const char16_t u = wide[i];
    if (u >= 0xD800 && u <= 0xDBFF && i + 1 < wide.size()) {
      out.push_back(0x10000 + ((static_cast<char32_t>(u - 0xD800) << 10) |
                               static_cast<char32_t>(wide[i + 1] - 0xDC00)));
      ++i;
    } else {
      out.push_back(u);
    }
  }
  return out;
}

char32_t fold(char32_t c) { return (c >= U'A' && c <= U'Z') ? c - U'A' + U'a' : c; }

struct Token {
  enum class Kind { Literal, AnyOne, AnyRun } kind;
  char32_t ch = 0;
};

std::vector<Token> tokenize(std::string_view pattern) {
  const std::u32string p = codePoints(pattern);
  std::vector<Token> tokens;
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (p[i] == static_cast<char32_t>(kSearchPatternEscape) && i + 1 < p.size()) {
      tokens.push_back({Token::Kind::Literal, p[++i]});
    } else if (p[i] == U'%') {
      if (tokens.empty() || tokens.back().kind != Token::Kind::AnyRun) {
        tokens.push_back({Token::Kind::AnyRun, 0});
      }
    } else if (p[i] == U'_') {
      tokens.push_back({Token::Kind::AnyOne, 0});
    } else {
      tokens.push_back({Token::Kind::Literal, p[i]});
    }
  }
  return tokens;
}

}  // namespace

bool matchesSearchPattern(std::string_view pattern, std::string_view value) {
  const std::vector<Token> tokens = tokenize(pattern);
  const std::u32string text = codePoints(value);
  // Classic wildcard matching with one backtrack point: the most recent '%'.
  std::size_t t = 0;  // token index
  std::size_t s = 0;  // text index
  std::size_t star_token = std::string::npos;
  std::size_t star_text = 0;
  while (s < text.size()) {
    if (t < tokens.size() && tokens[t].kind == Token::Kind::AnyRun) {
      star_token = t++;
      star_text = s;
    } else if (t < tokens.size() &&
               (tokens[t].kind == Token::Kind::AnyOne || fold(tokens[t].ch) == fold(text[s]))) {
      ++t;
      ++s;
    } else if (star_token != std::string::npos) {
      t = star_token + 1;
      s = ++star_text;
    } else {
      return false;
    }
  }
  while (t < tokens.size() && tokens[t].kind == Token::Kind::AnyRun) ++t;
  return t == tokens.size();
}

bool matchesIdentifier(std::string_view identifier, std::string_view value) {
  while (!identifier.empty() && identifier.front() == ' ') identifier.remove_prefix(1);
  while (!identifier.empty() && identifier.back() == ' ') identifier.remove_suffix(1);
  if (identifier.size() >= 2 && identifier.front() == '"' && identifier.back() == '"') {
    std::string unquoted;
    const std::string_view inner = identifier.substr(1, identifier.size() - 2);
    for (std::size_t i = 0; i < inner.size(); ++i) {
      unquoted.push_back(inner[i]);
      if (inner[i] == '"' && i + 1 < inner.size() && inner[i + 1] == '"') ++i;
    }
    return unquoted == value;
  }
  const std::u32string a = codePoints(identifier);
  const std::u32string b = codePoints(value);
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (fold(a[i]) != fold(b[i])) return false;
  }
  return true;
}

bool isLiteralPattern(std::string_view pattern) {
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == kSearchPatternEscape) {
      ++i;
    } else if (pattern[i] == '%' || pattern[i] == '_') {
      return false;
    }
  }
  return true;
}

}  // namespace monday::convert
