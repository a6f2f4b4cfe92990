#pragma once
// SQLGetInfo answers. One table keyed by info type; each answer has the type ODBC documents for
// that key (string, SQLUSMALLINT, SQLUINTEGER bitmask or SQLULEN), which a unit test checks for
// every key BI tools ask (ANCHORS §7.2).

#include <sql.h>
#include <sqlext.h>

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace monday::handles {

// What the connection knows that SQLGetInfo reports.
struct InfoContext {
  std::string data_source_name;
  std::string user_name;
  std::string server_name;
  std::string api_version;  // e.g. "2026-10"
  SQLINTEGER odbc_version = SQL_OV_ODBC3;
};

using InfoValue = std::variant<std::string, SQLUSMALLINT, SQLUINTEGER, SQLULEN>;

// nullopt for an id this driver does not know.
std::optional<InfoValue> infoValue(SQLUSMALLINT id, const InfoContext& context);

// Every id infoValue answers (for tests and for documentation).
std::vector<SQLUSMALLINT> knownInfoIds();

// "00.01.0000" from "0.1.0".
std::string driverVersionString(std::string_view semantic_version);

}  // namespace monday::handles
