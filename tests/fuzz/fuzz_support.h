#pragma once
// What the fuzz targets share: reading a whole HTTP answer from the fuzzer's bytes in a form
// that seed files can be written in by hand:
//
//   429                                  status (digits; anything else reads as 0)
//   Retry-After: 30                      headers, one a line, until an empty line
//   RateLimit: "minuteRate";r=0
//
//   {"errors":[...]}                     the body: every byte after the empty line
//
// Header names are lower-cased and values trimmed as the transport does (net/http_client.cpp); a
// trailing '\r' is dropped from every line of the head.

#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "driver/net/http_client.h"

namespace monday::fuzz {

inline std::string_view bytes(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// The first line of `text` (without '\r'), removing it and its '\n' from `text`.
inline std::string_view takeLine(std::string_view& text) {
  const std::size_t end = text.find('\n');
  std::string_view line = text.substr(0, end);
  text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

inline net::HttpResponse httpResponse(std::string_view text) {
  net::HttpResponse response;
  // Statuses as libcurl reports them: at most three digits.
  for (char c : takeLine(text).substr(0, 3)) {
    if (c < '0' || c > '9') break;
    response.status = response.status * 10 + (c - '0');
  }
  while (!text.empty()) {
    const std::string_view line = takeLine(text);
    if (line.empty()) break;
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string name(line.substr(0, colon));
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
    response.headers.emplace_back(std::move(name), std::string(value));
  }
  response.body = std::string(text);
  return response;
}

// A failed check: abort, so that libFuzzer keeps the input and the run fails.
[[noreturn]] inline void violated(const char* what) {
  std::fprintf(stderr, "fuzz invariant violated: %s\n", what);
  std::abort();
}

#define MONDAY_FUZZ_CHECK(condition) \
  do {                               \
    if (!(condition)) ::monday::fuzz::violated(#condition); \
  } while (0)

}  // namespace monday::fuzz
