#pragma once
// PKCE (RFC 7636, S256) and the OAuth `state` value: both random, base64url, unguessable.

#include <string>
#include <string_view>

namespace monday::auth {

struct Pkce {
  std::string verifier;   // secret: kept by the client, sent only to the token endpoint
  std::string challenge;  // base64url(SHA-256(verifier)), sent in the authorization URL
};

Pkce makePkce();
std::string pkceChallenge(std::string_view verifier);
// A fresh `state` for one authorization request (CSRF protection, checked on the callback).
std::string makeState();

// SHA-256 of `bytes`, raw (32 bytes).
std::string sha256(std::string_view bytes);

}  // namespace monday::auth
