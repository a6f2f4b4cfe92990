#pragma once
// Text encodings OAuth needs: base64url (JWTs, PKCE), percent-encoding (URLs and form bodies)
// and query-string parsing (the redirect the browser brings back).

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "driver/net/url.h"

namespace monday::auth {

std::string base64UrlEncode(std::string_view bytes);
// nullopt when `text` is not base64url (padding '=' is accepted and ignored).
std::optional<std::string> base64UrlDecode(std::string_view text);

// OAuth's URLs and form bodies use the driver's one percent-encoder.
using net::percentEncode;
// '+' becomes a space (form encoding); a bad %XX sequence is kept as it is.
std::string percentDecode(std::string_view text);

using QueryParameters = std::vector<std::pair<std::string, std::string>>;
// "a=1&b=x%20y" → {{"a","1"},{"b","x y"}}.
QueryParameters parseQuery(std::string_view query);
// The first value of `name`, or nullopt.
std::optional<std::string> queryValue(const QueryParameters& parameters, std::string_view name);
// {{"a","1"},{"b","x y"}} → "a=1&b=x%20y"; empty values are kept, skipped ones are not given.
std::string formEncode(const QueryParameters& parameters);

// Random bytes from OpenSSL's CSPRNG; throws monday::Error HY000 if it fails.
std::string randomBytes(std::size_t count);

}  // namespace monday::auth
