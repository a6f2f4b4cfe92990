#pragma once
// Helpers for the OAuth integration tests: the sandbox's OAuth apps (tests/sandbox/README.md),
// its OAuth control endpoints, a "person at a browser" made of HTTP requests, temporary settings
// directories and environment variables that restore themselves. Secrets handled here are never
// printed: assertions compare them, messages do not show them.

#include <curl/curl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

#include "tests/integration/odbc_support.h"

namespace monday::test::oauth {

struct App {
  std::string client_id;
  std::string client_secret;
  std::string signing_secret;
  std::string flow;  // the OAuthFlow property
};
inline const App kClassicApp{"sandbox-classic-client-id", "sandbox-classic-client-secret",
                             "sandbox-classic-signing-secret", "Classic"};
inline const App kNewFlowApp{"sandbox-oauth21-client-id", "sandbox-oauth21-client-secret",
                             "sandbox-oauth21-signing-secret", "OAuth2.1"};
// A settings-file key for tests (64 hex digits); real keys come from `openssl rand -hex 32`.
inline const std::string kSettingsKey = "5a1e5a1e00112233445566778899aabbccddeeff0123456789abcdef01234567";

inline std::string scriptPath(const std::string& name) {
  return (std::filesystem::path(__FILE__).parent_path() / name).string();
}

inline std::string sourceRoot() {
  return std::filesystem::path(__FILE__).parent_path().parent_path().parent_path().parent_path().string();
}

struct HttpAnswer {
  long status = 0;
  std::string body;
  std::string location;  // redirect target, not followed
};

inline std::size_t appendTo(char* data, std::size_t size, std::size_t count, void* out) {
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

// One HTTPS request to the sandbox (trusting its CA). `target` is a path or a full URL.
inline HttpAnswer sandboxHttp(const std::string& method, const std::string& target, const std::string& body = "",
                              const std::string& content_type = "application/json") {
  HttpAnswer answer;
  CURL* curl = curl_easy_init();
  const std::string url = target.rfind("https://", 0) == 0 ? target : sandboxUrl() + target;
  curl_slist* headers = curl_slist_append(nullptr, ("Content-Type: " + content_type).c_str());
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_CAINFO, caFile().c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str());
  if (method == "POST") curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, appendTo);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &answer.body);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
  if (curl_easy_perform(curl) == CURLE_OK) {
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &answer.status);
    char* location = nullptr;
    curl_easy_getinfo(curl, CURLINFO_REDIRECT_URL, &location);
    if (location) answer.location = location;
  }
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  return answer;
}

inline rapidjson::Document sandboxJson(const std::string& method, const std::string& path, const std::string& json = "") {
  const HttpAnswer answer = sandboxHttp(method, path, json);
  rapidjson::Document d;
  d.Parse(answer.body.c_str());
  EXPECT_EQ(answer.status, 200) << method << " " << path;
  EXPECT_FALSE(d.HasParseError()) << method << " " << path;
  return d;
}

inline std::string jsonText(const std::string& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.String(value.c_str());
  return buffer.GetString();
}

inline long long oauthStat(const char* name) {
  const auto stats = sandboxJson("GET", "/__sandbox/oauth/stats");
  return stats.HasMember(name) ? stats[name].GetInt64() : -1;
}

inline void setOAuthConfig(const std::string& json) { sandboxJson("POST", "/__sandbox/oauth/config", json); }

inline int freeLoopbackPort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  close(fd);
  return ntohs(address.sin_port);
}

inline std::string callbackUrl(int port) { return "http://127.0.0.1:" + std::to_string(port) + "/callback"; }

// The value of `name` in a URL's query string (percent-decoded).
inline std::string queryParameter(const std::string& url, const std::string& name) {
  const auto question = url.find('?');
  if (question == std::string::npos) return {};
  std::string query = url.substr(question + 1);
  std::size_t start = 0;
  while (start <= query.size()) {
    const auto amp = query.find('&', start);
    const std::string pair = query.substr(start, amp - start);
    const auto eq = pair.find('=');
    if (pair.substr(0, eq) == name && eq != std::string::npos) {
      CURL* curl = curl_easy_init();
      int length = 0;
      char* decoded = curl_easy_unescape(curl, pair.c_str() + eq + 1, static_cast<int>(pair.size() - eq - 1), &length);
      std::string out(decoded, static_cast<std::size_t>(length));
      curl_free(decoded);
      curl_easy_cleanup(curl);
      return out;
    }
    if (amp == std::string::npos) break;
    start = amp + 1;
  }
  return {};
}

// A person approving in a browser somewhere: opens the authorization URL, presses Approve.
// Returns where monday sends the browser (the redirect URL with code and state), not followed.
inline std::string approveInBrowserElsewhere(const std::string& authorization_url) {
  const HttpAnswer page = sandboxHttp("GET", authorization_url);
  EXPECT_EQ(page.status, 200) << "the consent page did not load";
  const std::string marker = "name=\"request_id\" value=\"";
  const auto at = page.body.find(marker);
  if (at == std::string::npos) return {};
  const auto start = at + marker.size();
  const std::string request_id = page.body.substr(start, page.body.find('"', start) - start);
  const HttpAnswer answer = sandboxHttp("POST", "/oauth2/authorize", "request_id=" + request_id + "&decision=approve",
                                        "application/x-www-form-urlencoded");
  EXPECT_EQ(answer.status, 302);
  return answer.location;
}

// Tokens straight from the sandbox (approve + token endpoint), for InitiateOAuth=OFF tests.
struct Tokens {
  std::string access;
  std::string refresh;
};
inline Tokens issueTokens(const App& app, const std::string& redirect = "http://127.0.0.1:40000/callback") {
  const auto approved = sandboxJson("POST", "/__sandbox/oauth/approve",
                                    "{\"client_id\":" + jsonText(app.client_id) + ",\"redirect_uri\":" + jsonText(redirect) + "}");
  const std::string code = approved["code"].GetString();
  const bool classic = app.flow == "Classic";
  const HttpAnswer answer = sandboxHttp(
      "POST", classic ? "/oauth2/token" : "/oauth_ms/oauth/token",
      "{\"grant_type\":\"authorization_code\",\"client_id\":" + jsonText(app.client_id) +
          ",\"client_secret\":" + jsonText(app.client_secret) + ",\"code\":" + jsonText(code) +
          ",\"redirect_uri\":" + jsonText(redirect) + "}");
  EXPECT_EQ(answer.status, 200);
  rapidjson::Document d;
  d.Parse(answer.body.c_str());
  Tokens tokens;
  if (d.IsObject() && d.HasMember("access_token")) tokens.access = d["access_token"].GetString();
  if (d.IsObject() && d.HasMember("refresh_token")) tokens.refresh = d["refresh_token"].GetString();
  return tokens;
}

// A JWT as monday would send it to the app's endpoint, signed by the sandbox.
inline std::string integrationJwt(const App& app, const std::string& user, int expires_in) {
  const auto d = sandboxJson("POST", "/__sandbox/oauth/integration-jwt",
                             "{\"client_id\":" + jsonText(app.client_id) + ",\"user\":" + jsonText(user) +
                                 ",\"expires_in\":" + std::to_string(expires_in) + "}");
  return d.HasMember("jwt") ? d["jwt"].GetString() : "";
}

// Every secret the sandbox has handed out or holds (client and signing secrets, codes, tokens).
inline std::vector<std::string> sandboxSecrets() {
  const auto d = sandboxJson("GET", "/__sandbox/oauth/secrets");
  std::vector<std::string> out;
  for (const auto& s : d["secrets"].GetArray()) out.emplace_back(s.GetString());
  return out;
}

class TempDir {
 public:
  TempDir() {
    char pattern[] = "/tmp/monday-odbc-oauth-XXXXXX";
    path_ = mkdtemp(pattern);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// Sets an environment variable for the scope (the driver runs in this process).
class ScopedEnv {
 public:
  ScopedEnv(std::string name, const std::string& value) : name_(std::move(name)) {
    if (const char* old = std::getenv(name_.c_str())) old_ = old;
    setenv(name_.c_str(), value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (old_) setenv(name_.c_str(), old_->c_str(), 1);
    else unsetenv(name_.c_str());
  }

 private:
  std::string name_;
  std::optional<std::string> old_;
};

// DSN-less connection string for AuthScheme=OAuth against the sandbox.
inline std::string oauthConnectionString(const App& app, const std::string& initiate, const std::string& extra = "") {
  std::string s = "Driver=monday;APIURL=" + sandboxUrl() + "/v2;SSLServerCert=" + caFile() +
                  ";AuthScheme=OAuth;AuthURL=" + sandboxUrl() + ";OAuthClientId=" + app.client_id +
                  ";OAuthClientSecret=" + app.client_secret + ";OAuthFlow=" + app.flow + ";InitiateOAuth=" + initiate;
  if (!extra.empty()) s += ";" + extra;
  return s;
}

// The first diagnostic of a failed connect (state + message), for assertions.
inline Diagnostic firstDiagnostic(const Connection& connection) {
  return connection.lastDiagnostics().empty() ? Diagnostic{} : connection.lastDiagnostics()[0];
}

}  // namespace monday::test::oauth
