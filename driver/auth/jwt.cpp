#include "driver/auth/jwt.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <rapidjson/document.h>

#include "driver/auth/encoding.h"
#include "driver/common/error.h"
#include "driver/common/json.h"
#include "driver/common/numbers.h"

namespace monday::auth {

namespace {

constexpr std::int64_t kLeewaySeconds = 30;

struct JwtParts {
  std::string_view header;
  std::string_view payload;
  std::string_view signature;
};

std::optional<JwtParts> split(std::string_view token) {
  const auto first = token.find('.');
  if (first == std::string_view::npos) return std::nullopt;
  const auto second = token.find('.', first + 1);
  if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos) return std::nullopt;
  return JwtParts{token.substr(0, first), token.substr(first + 1, second - first - 1), token.substr(second + 1)};
}

bool parseObject(std::string_view part, rapidjson::Document& out) {
  auto json = base64UrlDecode(part);
  if (!json) return false;
  return parseJson(*json, out) && out.IsObject();
}

std::optional<std::int64_t> numberClaim(const rapidjson::Document& claims, const char* name) {
  auto it = claims.FindMember(name);
  if (it == claims.MemberEnd()) return std::nullopt;
  if (it->value.IsInt64()) return it->value.GetInt64();
  if (it->value.IsNumber()) return clampedInteger(it->value.GetDouble(), INT64_MIN / 2, INT64_MAX / 2);
  return std::nullopt;
}

std::string textClaim(const rapidjson::Document& claims, const char* name) {
  auto it = claims.FindMember(name);
  if (it == claims.MemberEnd()) return {};
  if (it->value.IsString()) return it->value.GetString();
  if (it->value.IsInt64()) return std::to_string(it->value.GetInt64());
  return {};
}

[[noreturn]] void rejected(const std::string& why) {
  throw Error(sqlstate::kInvalidAuthorization, "The JWT in JWTToken was rejected: " + why);
}

}  // namespace

std::string hmacSha256(std::string_view key, std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(data.data()),
       data.size(), digest, &length);
  return std::string(reinterpret_cast<const char*>(digest), length);
}

std::optional<std::int64_t> unverifiedExpiry(std::string_view token) {
  auto parts = split(token);
  if (!parts) return std::nullopt;
  rapidjson::Document claims;
  if (!parseObject(parts->payload, claims)) return std::nullopt;
  return numberClaim(claims, "exp");
}

IntegrationJwt verifyIntegrationJwt(std::string_view token, std::string_view signing_secret,
                                    std::string_view audience, std::chrono::system_clock::time_point now) {
  while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
  if (token.size() > 7 && (token.substr(0, 7) == "Bearer " || token.substr(0, 7) == "bearer ")) token.remove_prefix(7);
  while (!token.empty() && (token.back() == ' ' || token.back() == '\n' || token.back() == '\r')) token.remove_suffix(1);

  auto parts = split(token);
  if (!parts) {
    rejected("it is not a JWT (three base64url parts: header.payload.signature). Pass the "
             "Authorization header monday sent to your endpoint.");
  }
  // The signature first: nothing of an unauthenticated token is parsed, so a forged token can
  // only ever cost one HMAC.
  const std::string expected = hmacSha256(
      signing_secret, std::string_view(token.data(), parts->header.size() + 1 + parts->payload.size()));
  const auto signature = base64UrlDecode(parts->signature);
  if (!signature || signature->size() != expected.size() ||
      CRYPTO_memcmp(signature->data(), expected.data(), expected.size()) != 0) {
    rejected("its signature is not an HS256 signature by JWTSigningSecret. Use the Signing Secret of the "
             "app that received the JWT (not its Client secret); monday signs these tokens with HS256.");
  }
  rapidjson::Document header;
  rapidjson::Document claims;
  if (!parseObject(parts->header, header) || !parseObject(parts->payload, claims)) {
    rejected("it is not a JWT (three base64url parts: header.payload.signature). Pass the "
             "Authorization header monday sent to your endpoint.");
  }
  auto alg = header.FindMember("alg");
  if (alg == header.MemberEnd() || !alg->value.IsString() || std::string_view(alg->value.GetString()) != "HS256") {
    rejected("its algorithm is not HS256, the only one monday uses for these tokens.");
  }
  const auto exp = numberClaim(claims, "exp");
  const std::int64_t now_seconds =
      std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  if (!exp) rejected("it has no exp (expiry) claim.");
  if (*exp + kLeewaySeconds < now_seconds) {
    rejected("it expired " + std::to_string(now_seconds - *exp) +
             " seconds ago. monday's JWTs are short-lived: use the one from a fresh request.");
  }
  if (!audience.empty() && textClaim(claims, "aud") != audience) {
    rejected("its aud claim is not the JWTAudience you set (the endpoint the JWT was meant for).");
  }
  IntegrationJwt out;
  out.short_lived_token = textClaim(claims, "shortLivedToken");
  if (out.short_lived_token.empty()) {
    rejected("it carries no shortLivedToken. Only JWTs from integration actions and board "
             "webhooks carry one.");
  }
  out.user_id = textClaim(claims, "userId");
  out.account_id = textClaim(claims, "accountId");
  out.expires_at = *exp;
  return out;
}

}  // namespace monday::auth
