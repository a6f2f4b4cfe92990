#include "driver/auth/pkce.h"

#include <openssl/sha.h>

#include "driver/auth/encoding.h"

namespace monday::auth {

std::string sha256(std::string_view bytes) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), digest);
  return std::string(reinterpret_cast<const char*>(digest), sizeof digest);
}

std::string pkceChallenge(std::string_view verifier) { return base64UrlEncode(sha256(verifier)); }

Pkce makePkce() {
  Pkce pkce;
  pkce.verifier = base64UrlEncode(randomBytes(32));  // 43 characters, the minimum RFC 7636 allows
  pkce.challenge = pkceChallenge(pkce.verifier);
  return pkce;
}

std::string makeState() { return base64UrlEncode(randomBytes(18)); }

}  // namespace monday::auth
