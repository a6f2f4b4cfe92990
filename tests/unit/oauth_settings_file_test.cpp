// The encrypted OAuth settings file: round trip, mode 0600, atomic replacement, tamper and
// truncation detection, the cross-process lock, and where its key comes from.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "driver/auth/oauth_token_file.h"
#include "driver/auth/settings_file.h"
#include "driver/auth/settings_key.h"
#include "driver/common/error.h"

namespace monday::auth {
namespace {

namespace fs = std::filesystem;

const std::string kKeyHex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

class SettingsFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/monday-oauth-unit-XXXXXX";
    dir_ = mkdtemp(pattern);
    path_ = dir_ + "/sub/dir/tokens.settings";
  }
  void TearDown() override { fs::remove_all(dir_); }

  static StoredTokens sample() {
    StoredTokens t;
    t.client_id = "client-1";
    t.auth_url = "https://auth.monday.com";
    t.flow = "OAuth2.1";
    t.access_token = "access-token-SECRET-1";
    t.refresh_token = "refresh-token-SECRET-1";
    t.scope = "me:read boards:read";
    t.expires_at = 1'900'000'000;
    t.saved_at = 1'899'996'400;
    t.exchanged_code_hash = "abc";
    return t;
  }
  std::string readAll() const {
    std::ifstream in(path_, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  void writeAll(const std::string& bytes) const {
    std::ofstream out(path_, std::ios::binary | std::ios::trunc);
    out << bytes;
  }
  std::string untrustedMessage(const SettingsFile& file) const {
    try {
      file.load();
    } catch (const Error& e) {
      EXPECT_EQ(e.state(), "28000");
      return e.message();
    }
    ADD_FAILURE() << "a damaged file was trusted";
    return {};
  }

  std::string dir_;
  std::string path_;
  std::string key_ = parseHexKey(kKeyHex, "test");
};

TEST_F(SettingsFileTest, RoundTripsAndIsPrivate) {
  SettingsFile file(path_, key_);
  EXPECT_FALSE(file.load().has_value());
  file.save(sample());
  const auto loaded = file.load().value();
  EXPECT_EQ(loaded.access_token, "access-token-SECRET-1");
  EXPECT_EQ(loaded.refresh_token, "refresh-token-SECRET-1");
  EXPECT_EQ(loaded.expires_at, 1'900'000'000);
  EXPECT_EQ(loaded.exchanged_code_hash, "abc");
  struct stat info {};
  ASSERT_EQ(stat(path_.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600);
  ASSERT_EQ(stat((dir_ + "/sub/dir").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0077, 0) << "a created directory must be private";
  // Encrypted: no token, scope or client id in the bytes.
  const std::string bytes = readAll();
  for (const char* plain : {"access-token-SECRET-1", "refresh-token-SECRET-1", "client-1", "boards:read"}) {
    EXPECT_EQ(bytes.find(plain), std::string::npos) << plain;
  }
}

TEST_F(SettingsFileTest, SavingReplacesAtomicallyAndLeavesNoTemporaryFiles) {
  SettingsFile file(path_, key_);
  file.save(sample());
  auto second = sample();
  second.refresh_token = "refresh-token-SECRET-2";
  file.save(second);
  EXPECT_EQ(file.load()->refresh_token, "refresh-token-SECRET-2");
  for (const auto& entry : fs::directory_iterator(fs::path(path_).parent_path())) {
    EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos) << entry.path();
  }
  // Two saves of the same content differ (fresh nonce each time).
  const std::string before = readAll();
  file.save(second);
  EXPECT_NE(readAll(), before);
}

TEST_F(SettingsFileTest, EveryChangedByteIsDetected) {
  SettingsFile file(path_, key_);
  file.save(sample());
  const std::string good = readAll();
  for (std::size_t i = 0; i < good.size(); i += std::max<std::size_t>(1, good.size() / 23)) {
    std::string bad = good;
    bad[i] = static_cast<char>(bad[i] ^ 0x01);
    writeAll(bad);
    const std::string message = untrustedMessage(file);
    EXPECT_NE(message.find(path_), std::string::npos) << message;
    EXPECT_NE(message.find("authorize again"), std::string::npos) << message;
  }
}

TEST_F(SettingsFileTest, TruncatedOrForeignFilesAreDetected) {
  SettingsFile file(path_, key_);
  file.save(sample());
  const std::string good = readAll();
  for (std::size_t keep : {std::size_t{0}, std::size_t{10}, std::size_t{30}, good.size() - 1}) {
    writeAll(good.substr(0, keep));
    EXPECT_FALSE(untrustedMessage(file).empty()) << keep;
  }
  writeAll(good + "x");
  EXPECT_NE(untrustedMessage(file).find("integrity"), std::string::npos);
  writeAll("{\"access_token\":\"plain\"}");
  EXPECT_NE(untrustedMessage(file).find("not a monday ODBC settings file"), std::string::npos);
}

TEST_F(SettingsFileTest, AnotherKeyCannotReadIt) {
  SettingsFile(path_, key_).save(sample());
  SettingsFile other(path_, parseHexKey(std::string(64, 'f'), "test"));
  EXPECT_NE(untrustedMessage(other).find("another key"), std::string::npos);
}

// The bytes alone, without a file (what the fuzz target reaches): what save() writes is what
// openSettings reads; a plaintext that is not the tokens' JSON is refused after decryption.
TEST_F(SettingsFileTest, SealedBytesOpenWithoutAFile) {
  SettingsFile(path_, key_).save(sample());
  const StoredTokens read = openSettings(readAll(), key_, "the-file");
  EXPECT_EQ(read.access_token, sample().access_token);
  EXPECT_EQ(read.expires_at, sample().expires_at);

  const StoredTokens sealed =
      openSettings(sealSettings(key_, R"({"client_id":"c","expires_at":7})"), key_, "the-file");
  EXPECT_EQ(sealed.client_id, "c");
  EXPECT_EQ(sealed.expires_at, 7);
  for (const std::string& plaintext : std::vector<std::string>{"", "[1]", "not json", std::string(200, '[')}) {
    try {
      openSettings(sealSettings(key_, plaintext), key_, "the-file");
      ADD_FAILURE() << "read settings from " << plaintext;
    } catch (const Error& e) {
      EXPECT_EQ(e.state(), "28000");
      EXPECT_NE(e.message().find("the-file holds settings this driver cannot read"), std::string::npos) << e.message();
    }
  }
}

TEST_F(SettingsFileTest, LockIsExclusiveUntilReleased) {
  SettingsFile file(path_, key_);
  {
    auto held = file.lock();
    try {
      SettingsFile(path_, key_).lock(std::chrono::milliseconds(150));
      ADD_FAILURE() << "a second lock was granted while the first was held";
    } catch (const Error& e) {
      EXPECT_EQ(e.state(), "HYT00");
    }
  }
  EXPECT_NO_THROW(SettingsFile(path_, key_).lock(std::chrono::milliseconds(150)));
}

TEST_F(SettingsFileTest, KeyFileIsCreatedPrivateReusedAndMustStayPrivate) {
  const char* old_xdg = std::getenv("XDG_CONFIG_HOME");
  const std::string saved_xdg = old_xdg ? old_xdg : "";
  const char* old_key = std::getenv(kSettingsKeyEnvironmentVariable);
  const std::string saved_key = old_key ? old_key : "";
  setenv("XDG_CONFIG_HOME", dir_.c_str(), 1);
  unsetenv(kSettingsKeyEnvironmentVariable);

  const SettingsKey first = resolveSettingsKey("");
  EXPECT_EQ(first.bytes.size(), 32u);
  EXPECT_EQ(first.source, dir_ + "/monday-odbc/settings.key");
  struct stat info {};
  ASSERT_EQ(stat(first.source.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600);
  EXPECT_EQ(resolveSettingsKey("").bytes, first.bytes);
  EXPECT_EQ(defaultSettingsPath("abc/../x y"), dir_ + "/monday-odbc/oauth-abc_.._x_y.settings");

  chmod(first.source.c_str(), 0644);
  try {
    resolveSettingsKey("");
    ADD_FAILURE() << "a world-readable key file was used";
  } catch (const Error& e) {
    EXPECT_NE(e.message().find("chmod 600"), std::string::npos);
  }
  // The environment variable and the property come first.
  setenv(kSettingsKeyEnvironmentVariable, kKeyHex.c_str(), 1);
  EXPECT_EQ(resolveSettingsKey("").source, kSettingsKeyEnvironmentVariable);
  EXPECT_EQ(resolveSettingsKey(std::string(64, 'a')).bytes, std::string(32, '\xaa'));

  if (saved_xdg.empty()) unsetenv("XDG_CONFIG_HOME"); else setenv("XDG_CONFIG_HOME", saved_xdg.c_str(), 1);
  if (saved_key.empty()) unsetenv(kSettingsKeyEnvironmentVariable); else setenv(kSettingsKeyEnvironmentVariable, saved_key.c_str(), 1);
}

TEST_F(SettingsFileTest, MalformedKeysAreRefusedWithoutEchoingThem) {
  for (const std::string& bad : std::vector<std::string>{"short", std::string(63, 'a'), std::string(64, 'g'), std::string(65, 'a')}) {
    try {
      parseHexKey(bad, "OAuthSettingsKey");
      ADD_FAILURE() << "accepted a malformed key";
    } catch (const Error& e) {
      EXPECT_EQ(e.state(), "28000");
      EXPECT_NE(e.message().find("openssl rand -hex 32"), std::string::npos);
      EXPECT_EQ(e.message().find(bad), std::string::npos);
    }
  }
}

TEST_F(SettingsFileTest, TokensBelongOnlyToTheirAppHostAndFlow) {
  config::OAuthSettings settings;
  settings.client_id = "client-1";
  settings.auth_url = "https://auth.monday.com";
  settings.flow = config::OAuthFlow::OAuth21;
  StoredTokens stored = sample();
  EXPECT_TRUE(belongsTo(stored, settings));
  settings.flow = config::OAuthFlow::Classic;
  EXPECT_FALSE(belongsTo(stored, settings));
  settings.flow = config::OAuthFlow::OAuth21;
  settings.client_id = "client-2";
  EXPECT_FALSE(belongsTo(stored, settings));
}

TEST(OAuthTokenExpiry, RefreshesWithinAQuarterOfTheLifetimeAtMostAMinute) {
  TokenSet hour{.expires_at = 10'000 + 3600, .obtained_at = 10'000};
  EXPECT_FALSE(hour.expiresSoon(10'000 + 3539));
  EXPECT_TRUE(hour.expiresSoon(10'000 + 3540));
  TokenSet short_lived{.expires_at = 10'008, .obtained_at = 10'000};
  EXPECT_FALSE(short_lived.expiresSoon(10'005));
  EXPECT_TRUE(short_lived.expiresSoon(10'006));
  EXPECT_FALSE(TokenSet{}.expiresSoon(1'000'000'000'000));  // classic: never
}

}  // namespace
}  // namespace monday::auth
