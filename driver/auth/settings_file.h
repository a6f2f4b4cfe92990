#pragma once
// The OAuth settings file (OAuthSettingsLocation): the tokens of one monday OAuth app for one
// user, encrypted with AES-256-GCM so a copy without the key is useless and any change to it is
// detected. Layout: magic (16 bytes, also the GCM associated data) | nonce (12) | ciphertext |
// tag (16); the plaintext is JSON. Written atomically (private temp file, fsync, rename) with
// mode 0600. Processes that refresh tokens hold lock() while they read, refresh and write, so a
// rotated refresh token is never lost to a concurrent refresh.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace monday::auth {

struct StoredTokens {
  std::string client_id;  // the app these tokens belong to
  std::string auth_url;   // the OAuth host that issued them
  std::string flow;       // "Classic" or "OAuth2.1"
  std::string access_token;   // secret
  std::string refresh_token;  // secret; "" in the classic flow
  std::string scope;
  std::int64_t expires_at = 0;  // seconds since the epoch; 0 = does not expire
  std::int64_t saved_at = 0;
  // A headless authorization in progress (InitiateOAuth=REFRESH printed its URL): the PKCE
  // verifier that must go with the code the user brings back as OAuthVerifier.
  std::string pending_code_verifier;  // secret
  std::string pending_redirect_uri;
  // base64url(SHA-256) of the last OAuthVerifier exchanged, so a DSN that still carries a used
  // code keeps working from the saved tokens instead of exchanging it again.
  std::string exchanged_code_hash;
};

// The bytes save() writes for a plaintext (the tokens as JSON), and what load() makes of a file's
// bytes: pure, so that tests and the fuzz target reach the decryption and the parsing without a
// file. openSettings throws what load() throws for a bad file (28000), naming `path`.
std::string sealSettings(const std::string& key, const std::string& plaintext);
StoredTokens openSettings(const std::string& bytes, const std::string& key, const std::string& path);

class SettingsFile {
 public:
  SettingsFile(std::string path, std::string key);

  const std::string& path() const { return path_; }

  // nullopt when there is no file. Throws monday::Error 28000 when the file is truncated,
  // changed, or encrypted with another key: it is never trusted in part.
  std::optional<StoredTokens> load() const;

  // Replaces the file atomically with mode 0600, creating its directory (0700) when missing.
  // Throws monday::Error 08001 when it cannot be written.
  void save(const StoredTokens& tokens) const;

  // An exclusive lock shared by every process using this file (flock on "<path>.lock", which
  // unlike the data file is never replaced). Released when the Lock is destroyed.
  class Lock {
   public:
    Lock(Lock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
    Lock& operator=(Lock&&) = delete;
    ~Lock();

   private:
    friend class SettingsFile;
    explicit Lock(int fd) : fd_(fd) {}
    int fd_;
  };
  // Throws monday::Error HYT00 when another process holds the lock for longer than `timeout`.
  Lock lock(std::chrono::milliseconds timeout = std::chrono::seconds(30)) const;

 private:
  std::string path_;
  std::string key_;  // 32 bytes; secret
};

}  // namespace monday::auth
