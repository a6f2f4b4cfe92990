#pragma once
// JSON Web Tokens. Two uses: reading the `exp` of monday's OAuth 2.1 access tokens (not ours to
// verify), and verifying the HS256 JWTs monday sends to an app endpoint (REFERENCE §6.3) so
// their shortLivedToken can be trusted.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace monday::auth {

// The `exp` claim (seconds since the epoch) of a JWT, without verifying it; nullopt when the
// token is not a JWT or has no exp.
std::optional<std::int64_t> unverifiedExpiry(std::string_view token);

struct IntegrationJwt {
  std::string short_lived_token;  // secret: an API token for this user, valid about 5 minutes
  std::string user_id;
  std::string account_id;
  std::int64_t expires_at = 0;
};

// Verifies signature (HS256 with `signing_secret`), `exp` (30 s leeway for clock skew) and, when
// `audience` is not empty, `aud`. A leading "Bearer " is ignored. Throws monday::Error 28000 with
// a message that says what is wrong, never the token.
IntegrationJwt verifyIntegrationJwt(std::string_view token, std::string_view signing_secret,
                                    std::string_view audience,
                                    std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

// HS256 signature of `header.payload` (raw bytes); exposed for tests.
std::string hmacSha256(std::string_view key, std::string_view data);

}  // namespace monday::auth
