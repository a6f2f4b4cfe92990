#include "driver/net/url.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <memory>

namespace monday::net {

namespace {

struct UrlHandleDeleter {
  void operator()(CURLU* handle) const { curl_url_cleanup(handle); }
};
using UrlHandle = std::unique_ptr<CURLU, UrlHandleDeleter>;

// One part of a parsed URL; nullopt when the URL has none.
std::optional<std::string> part(CURLU* handle, CURLUPart which, unsigned flags = 0) {
  char* text = nullptr;
  if (curl_url_get(handle, which, &text, flags) != CURLUE_OK || !text) return std::nullopt;
  std::string out(text);
  curl_free(text);
  return out;
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

}  // namespace

std::optional<Url> parseUrl(std::string_view text) {
  // curl would stop at an embedded NUL and read the rest as absent; such text is not a URL.
  if (text.empty() || text.find('\0') != std::string_view::npos) return std::nullopt;
  for (unsigned char c : text) {
    if (c <= 0x20 || c == 0x7f) return std::nullopt;  // no spaces or controls in a property's URL
  }
  UrlHandle handle(curl_url());
  if (!handle) return std::nullopt;
  const std::string owned(text);
  if (curl_url_set(handle.get(), CURLUPART_URL, owned.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK) {
    return std::nullopt;
  }
  Url url;
  auto scheme = part(handle.get(), CURLUPART_SCHEME);
  auto host = part(handle.get(), CURLUPART_HOST);
  if (!scheme || !host || host->empty()) return std::nullopt;
  url.scheme = lower(*scheme);
  url.host = lower(*host);
  if (auto port = part(handle.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT)) {
    url.port = std::atoi(port->c_str());
  }
  url.path = part(handle.get(), CURLUPART_PATH).value_or("/");
  url.has_query = part(handle.get(), CURLUPART_QUERY).has_value();
  url.has_fragment = part(handle.get(), CURLUPART_FRAGMENT).has_value();
  url.has_userinfo = part(handle.get(), CURLUPART_USER).has_value() ||
                     part(handle.get(), CURLUPART_PASSWORD).has_value() ||
                     part(handle.get(), CURLUPART_OPTIONS).has_value();
  return url;
}

bool isLoopbackHost(std::string_view host) {
  return host == "127.0.0.1" || host == "localhost" || host == "[::1]";
}

bool isSafeToSendCredentials(std::string_view text) {
  const auto url = parseUrl(text);
  if (!url || url->has_userinfo) return false;
  if (url->scheme == "https") return true;
  return url->scheme == "http" && isLoopbackHost(url->host);
}

bool isLoopbackHttpUrl(std::string_view text) {
  const auto url = parseUrl(text);
  return url && !url->has_userinfo && url->scheme == "http" && isLoopbackHost(url->host);
}

std::string displayOrigin(std::string_view text) {
  const auto url = parseUrl(text);
  if (!url) return "(not a valid URL)";
  const bool default_port = (url->scheme == "https" && url->port == 443) || (url->scheme == "http" && url->port == 80);
  return url->scheme + "://" + url->host + (default_port ? std::string() : ":" + std::to_string(url->port));
}

std::string displayWithoutQuery(std::string_view text) {
  const auto url = parseUrl(text);
  if (!url) return "(not a valid URL)";
  return displayOrigin(text) + url->path;
}

std::string percentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
        c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0x0F];
    }
  }
  return out;
}

}  // namespace monday::net
