// URLs from connection properties and from monday's answers (net/url.cpp, libcurl's URL API):
// APIURL, AuthURL, Domain, CallbackURL, asset download URLs. Checked besides crashes: credentials
// go only over https or to a loopback host by plain http, never to a URL with userinfo; what
// messages show of a URL never carries userinfo.
// Input: the URL text.

#include "driver/net/url.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace monday::net;
  const std::string_view text = monday::fuzz::bytes(data, size);
  const std::optional<Url> url = parseUrl(text);
  const bool safe = isSafeToSendCredentials(text);
  const bool loopback = isLoopbackHttpUrl(text);
  const std::string origin = displayOrigin(text);
  const std::string shown = displayWithoutQuery(text);
  if (!url) {
    MONDAY_FUZZ_CHECK(!safe && !loopback);
    MONDAY_FUZZ_CHECK(origin == "(not a valid URL)" && shown == origin);
    return 0;
  }
  MONDAY_FUZZ_CHECK(!url->host.empty());
  if (safe || loopback) MONDAY_FUZZ_CHECK(!url->has_userinfo);
  if (safe) MONDAY_FUZZ_CHECK(url->scheme == "https" || (url->scheme == "http" && isLoopbackHost(url->host)));
  if (loopback) MONDAY_FUZZ_CHECK(url->scheme == "http" && isLoopbackHost(url->host));
  // The origin is scheme://host[:port]: nothing of the userinfo.
  MONDAY_FUZZ_CHECK(origin.rfind(url->scheme + "://" + url->host, 0) == 0);
  MONDAY_FUZZ_CHECK(origin.find('@') == std::string::npos);
  MONDAY_FUZZ_CHECK(shown.rfind(origin, 0) == 0);
  return 0;
}
