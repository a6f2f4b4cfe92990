#pragma once
// URLs from connection properties and from monday's answers, parsed by libcurl's own URL parser:
// the same parser that later decides where a request goes, so a check made here holds for the
// request. Hand-cut parsing ("the host ends at the first ':'") let
// http://localhost:x@elsewhere/ pass as loopback while curl sent the request, token and all, to
// `elsewhere` in cleartext.

#include <optional>
#include <string>
#include <string_view>

namespace monday::net {

struct Url {
  std::string scheme;  // lower case: "https", "http", ...
  std::string host;    // lower case; IPv6 addresses keep their brackets: "[::1]"
  int port = 0;        // the explicit port, or the scheme's default
  std::string path;    // "/" at least
  bool has_query = false;
  bool has_fragment = false;
  bool has_userinfo = false;  // user or password before the host
};

// nullopt when the text is not an absolute URL libcurl would accept.
std::optional<Url> parseUrl(std::string_view text);

// 127.0.0.1, localhost or [::1]: the only hosts plain http may reach.
bool isLoopbackHost(std::string_view host);

// https:// to any host, or http:// to a loopback host; never with user:password@ in it.
bool isSafeToSendCredentials(std::string_view url);

// http:// to a loopback host, without userinfo.
bool isLoopbackHttpUrl(std::string_view url);

// What a message or log may show of a URL: scheme://host[:port], never userinfo, path or query.
std::string displayOrigin(std::string_view url);

// displayOrigin plus the path: still no userinfo, query (signed URLs carry keys there) or fragment.
std::string displayWithoutQuery(std::string_view url);

// RFC 3986: the unreserved characters (A-Z a-z 0-9 - . _ ~) stay, every other byte becomes %XX.
// The one encoder for query-string values (the audit log's filters) and form bodies (OAuth).
std::string percentEncode(std::string_view text);

}  // namespace monday::net
