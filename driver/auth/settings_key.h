#pragma once
// Where the key of the OAuth settings file comes from. It is never in the code and never in the
// settings file: in order,
//   1. the OAuthSettingsKey property (may be env:NAME or file:PATH),
//   2. the environment variable MONDAY_ODBC_SETTINGS_KEY,
//   3. the per-user key file <config dir>/settings.key, created on first use with mode 0600.
// A key is 32 bytes written as 64 hex digits (`openssl rand -hex 32`).

#include <string>

namespace monday::auth {

struct SettingsKey {
  std::string bytes;   // 32 bytes; secret
  std::string source;  // for messages: "OAuthSettingsKey", "MONDAY_ODBC_SETTINGS_KEY", or the key file's path
};

inline constexpr const char* kSettingsKeyEnvironmentVariable = "MONDAY_ODBC_SETTINGS_KEY";

// $XDG_CONFIG_HOME/monday-odbc, else $HOME/.config/monday-odbc.
std::string defaultConfigDirectory();
// <config dir>/oauth-<client id>.settings, the client id reduced to [A-Za-z0-9._-].
std::string defaultSettingsPath(const std::string& client_id);

// Throws monday::Error 28000 when a given key is not 64 hex digits, 08001 when the key file
// cannot be created or is readable by others.
SettingsKey resolveSettingsKey(const std::string& configured_key);

// "0011…" (64 hex digits) → 32 bytes; throws monday::Error 28000 naming `source` otherwise.
std::string parseHexKey(const std::string& text, const std::string& source);

// Creates the directory and its missing parents with mode 0700. Throws 08001 on failure.
void makeDirectories(const std::string& directory);

}  // namespace monday::auth
