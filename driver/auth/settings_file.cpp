#include "driver/auth/settings_file.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <thread>

#include "driver/auth/encoding.h"
#include "driver/auth/settings_key.h"
#include "driver/common/error.h"
#include "driver/common/json.h"

namespace monday::auth {

namespace {

constexpr char kMagic[] = "MONDAYODBCOAUTH1";  // 16 bytes without the terminator
constexpr std::size_t kMagicSize = 16;
constexpr std::size_t kNonceSize = 12;
constexpr std::size_t kTagSize = 16;

struct CipherContext {
  EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
  ~CipherContext() { EVP_CIPHER_CTX_free(ctx); }
};

// Clears plaintext copies of the tokens before their memory is released.
struct Wiped {
  std::string text;
  ~Wiped() { OPENSSL_cleanse(text.data(), text.size()); }
};

[[noreturn]] void cryptoFailure() {
  throw Error(sqlstate::kGeneralError, "OpenSSL could not encrypt or decrypt the OAuth settings file.");
}

[[noreturn]] void untrusted(const std::string& path, const std::string& why) {
  throw Error(sqlstate::kInvalidAuthorization,
              "The OAuth settings file " + path + " " + why +
                  ", so it is not used. If you copied it from another machine, use the same "
                  "OAuthSettingsKey there and here; otherwise delete the file and authorize again.");
}

[[noreturn]] void writeFailure(const std::string& what, const std::string& path, int error_number) {
  throw Error(sqlstate::kUnableToConnect, "Cannot " + what + " the OAuth settings file " + path + " (" +
                                              std::strerror(error_number) +
                                              "). Check OAuthSettingsLocation and the directory's permissions.");
}

std::string encrypt(const std::string& key, const std::string& plaintext) {
  const std::string nonce = randomBytes(kNonceSize);
  CipherContext c;
  std::string out(kMagic, kMagicSize);
  out += nonce;
  std::string cipher(plaintext.size() + 16, '\0');
  int length = 0;
  int total = 0;
  if (!c.ctx || EVP_EncryptInit_ex(c.ctx, EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
      EVP_CIPHER_CTX_ctrl(c.ctx, EVP_CTRL_GCM_SET_IVLEN, kNonceSize, nullptr) != 1 ||
      EVP_EncryptInit_ex(c.ctx, nullptr, nullptr, reinterpret_cast<const unsigned char*>(key.data()),
                         reinterpret_cast<const unsigned char*>(nonce.data())) != 1 ||
      EVP_EncryptUpdate(c.ctx, nullptr, &length, reinterpret_cast<const unsigned char*>(kMagic), kMagicSize) != 1 ||
      EVP_EncryptUpdate(c.ctx, reinterpret_cast<unsigned char*>(cipher.data()), &length,
                        reinterpret_cast<const unsigned char*>(plaintext.data()), static_cast<int>(plaintext.size())) != 1) {
    cryptoFailure();
  }
  total = length;
  if (EVP_EncryptFinal_ex(c.ctx, reinterpret_cast<unsigned char*>(cipher.data()) + total, &length) != 1) cryptoFailure();
  total += length;
  cipher.resize(static_cast<std::size_t>(total));
  std::string tag(kTagSize, '\0');
  if (EVP_CIPHER_CTX_ctrl(c.ctx, EVP_CTRL_GCM_GET_TAG, kTagSize, tag.data()) != 1) cryptoFailure();
  out += cipher;
  out += tag;
  return out;
}

std::optional<std::string> decrypt(const std::string& key, const std::string& file) {
  const std::size_t cipher_size = file.size() - kMagicSize - kNonceSize - kTagSize;
  const auto* bytes = reinterpret_cast<const unsigned char*>(file.data());
  CipherContext c;
  std::string plain(cipher_size + 16, '\0');
  int length = 0;
  if (!c.ctx || EVP_DecryptInit_ex(c.ctx, EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
      EVP_CIPHER_CTX_ctrl(c.ctx, EVP_CTRL_GCM_SET_IVLEN, kNonceSize, nullptr) != 1 ||
      EVP_DecryptInit_ex(c.ctx, nullptr, nullptr, reinterpret_cast<const unsigned char*>(key.data()),
                         bytes + kMagicSize) != 1 ||
      EVP_DecryptUpdate(c.ctx, nullptr, &length, bytes, kMagicSize) != 1 ||
      EVP_DecryptUpdate(c.ctx, reinterpret_cast<unsigned char*>(plain.data()), &length,
                        bytes + kMagicSize + kNonceSize, static_cast<int>(cipher_size)) != 1) {
    cryptoFailure();
  }
  int total = length;
  std::string tag = file.substr(file.size() - kTagSize);
  if (EVP_CIPHER_CTX_ctrl(c.ctx, EVP_CTRL_GCM_SET_TAG, kTagSize, tag.data()) != 1) cryptoFailure();
  // The tag check: any changed, added or removed byte (or another key) fails here.
  if (EVP_DecryptFinal_ex(c.ctx, reinterpret_cast<unsigned char*>(plain.data()) + total, &length) != 1) {
    OPENSSL_cleanse(plain.data(), plain.size());
    return std::nullopt;
  }
  total += length;
  plain.resize(static_cast<std::size_t>(total));
  return plain;
}

std::string toJson(const StoredTokens& t) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  auto text = [&](const char* name, const std::string& value) {
    w.Key(name);
    w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
  };
  w.StartObject();
  w.Key("version");
  w.Int(1);
  text("client_id", t.client_id);
  text("auth_url", t.auth_url);
  text("flow", t.flow);
  text("access_token", t.access_token);
  text("refresh_token", t.refresh_token);
  text("scope", t.scope);
  w.Key("expires_at");
  w.Int64(t.expires_at);
  w.Key("saved_at");
  w.Int64(t.saved_at);
  text("pending_code_verifier", t.pending_code_verifier);
  text("pending_redirect_uri", t.pending_redirect_uri);
  text("exchanged_code_hash", t.exchanged_code_hash);
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::optional<StoredTokens> fromJson(const std::string& json) {
  rapidjson::Document d;
  if (!parseJson(json, d) || !d.IsObject()) return std::nullopt;
  auto text = [&](const char* name) -> std::string {
    auto it = d.FindMember(name);
    return it != d.MemberEnd() && it->value.IsString() ? std::string(it->value.GetString(), it->value.GetStringLength())
                                                        : std::string();
  };
  auto number = [&](const char* name) -> std::int64_t {
    auto it = d.FindMember(name);
    return it != d.MemberEnd() && it->value.IsInt64() ? it->value.GetInt64() : 0;
  };
  StoredTokens t;
  t.client_id = text("client_id");
  t.auth_url = text("auth_url");
  t.flow = text("flow");
  t.access_token = text("access_token");
  t.refresh_token = text("refresh_token");
  t.scope = text("scope");
  t.expires_at = number("expires_at");
  t.saved_at = number("saved_at");
  t.pending_code_verifier = text("pending_code_verifier");
  t.pending_redirect_uri = text("pending_redirect_uri");
  t.exchanged_code_hash = text("exchanged_code_hash");
  return t;
}

bool writeAll(int fd, const std::string& data) {
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  return true;
}

std::string directoryOf(const std::string& path) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

}  // namespace

std::string sealSettings(const std::string& key, const std::string& plaintext) { return encrypt(key, plaintext); }

StoredTokens openSettings(const std::string& file, const std::string& key, const std::string& path) {
  if (file.size() < kMagicSize || file.compare(0, kMagicSize, kMagic, kMagicSize) != 0) {
    untrusted(path, "is not a monday ODBC settings file (or its start was damaged)");
  }
  if (file.size() < kMagicSize + kNonceSize + kTagSize) untrusted(path, "is truncated");
  auto plain = decrypt(key, file);
  if (!plain) {
    untrusted(path, "failed its integrity check: it was changed or truncated, or it was encrypted with "
                    "another key than the one from the current OAuthSettingsKey source");
  }
  Wiped wiped{std::move(*plain)};
  auto tokens = fromJson(wiped.text);
  if (!tokens) untrusted(path, "holds settings this driver cannot read");
  return std::move(*tokens);
}

SettingsFile::SettingsFile(std::string path, std::string key) : path_(std::move(path)), key_(std::move(key)) {}

std::optional<StoredTokens> SettingsFile::load() const {
  const int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return std::nullopt;
    throw Error(sqlstate::kUnableToConnect,
                "Cannot read the OAuth settings file " + path_ + " (" + std::strerror(errno) + ").");
  }
  std::string file;
  char buffer[4096];
  ssize_t n;
  while ((n = ::read(fd, buffer, sizeof buffer)) > 0) file.append(buffer, static_cast<std::size_t>(n));
  ::close(fd);
  return openSettings(file, key_, path_);
}

void SettingsFile::save(const StoredTokens& tokens) const {
  const std::string directory = directoryOf(path_);
  makeDirectories(directory);
  Wiped plain{toJson(tokens)};
  const std::string data = sealSettings(key_, plain.text);
  const std::string temp = path_ + ".tmp-" + std::to_string(::getpid()) + "-" + base64UrlEncode(randomBytes(6));
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) writeFailure("create a temporary file next to", path_, errno);
  ::fchmod(fd, 0600);  // the umask may only have narrowed it; make it exact
  if (!writeAll(fd, data) || ::fsync(fd) != 0) {
    const int error_number = errno;
    ::close(fd);
    ::unlink(temp.c_str());
    writeFailure("write", path_, error_number);
  }
  ::close(fd);
  if (::rename(temp.c_str(), path_.c_str()) != 0) {
    const int error_number = errno;
    ::unlink(temp.c_str());
    writeFailure("replace", path_, error_number);
  }
  // Make the rename itself durable.
  if (const int dir = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

SettingsFile::Lock::~Lock() {
  if (fd_ >= 0) {
    ::flock(fd_, LOCK_UN);
    ::close(fd_);
  }
}

SettingsFile::Lock SettingsFile::lock(std::chrono::milliseconds timeout) const {
  makeDirectories(directoryOf(path_));
  const std::string lock_path = path_ + ".lock";
  const int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) writeFailure("create the lock file for", path_, errno);
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK && errno != EINTR) {
      const int error_number = errno;
      ::close(fd);
      writeFailure("lock", path_, error_number);
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      ::close(fd);
      throw Error(sqlstate::kTimeout, "Another process kept the OAuth settings file " + path_ +
                                          " locked for too long. Try again; if it persists, look for a "
                                          "hung program using the same OAuthSettingsLocation.");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return Lock(fd);
}

}  // namespace monday::auth
