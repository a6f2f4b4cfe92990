#pragma once
// Moving values between SQLite and the driver's Value, and reporting a monday::Error from inside
// a virtual-table callback. Shared by the engine's virtual-table modules (API tables, procedures).

#include <sqlite3.h>

#include <type_traits>

#include "driver/common/error.h"
#include "driver/common/value.h"
#include "driver/engine/session_state.h"

namespace monday::engine {

inline Value valueFromSqlite(sqlite3_value* value) {
  switch (sqlite3_value_type(value)) {
    case SQLITE_INTEGER: return static_cast<std::int64_t>(sqlite3_value_int64(value));
    case SQLITE_FLOAT: return sqlite3_value_double(value);
    case SQLITE_TEXT:
      return std::string(reinterpret_cast<const char*>(sqlite3_value_text(value)),
                         static_cast<std::size_t>(sqlite3_value_bytes(value)));
    case SQLITE_BLOB: {
      const auto* bytes = static_cast<const unsigned char*>(sqlite3_value_blob(value));
      return Blob{std::vector<unsigned char>(bytes, bytes + sqlite3_value_bytes(value))};
    }
    default: return std::monostate{};
  }
}

inline void resultFromValue(sqlite3_context* context, const Value& value) {
  std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) sqlite3_result_null(context);
        else if constexpr (std::is_same_v<T, std::int64_t>) sqlite3_result_int64(context, v);
        else if constexpr (std::is_same_v<T, double>) sqlite3_result_double(context, v);
        else if constexpr (std::is_same_v<T, std::string>)
          sqlite3_result_text64(context, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
        else sqlite3_result_blob64(context, v.bytes.data(), v.bytes.size(), SQLITE_TRANSIENT);
      },
      value);
}

// Keeps the error for the statement (which reports its real SQLSTATE instead of SQLite's generic
// one) and hands SQLite the message. Returns the code a callback should return.
inline int failVirtualTable(sqlite3_vtab* vtab, SessionState& session, const Error& error) {
  session.pending_error = error;
  sqlite3_free(vtab->zErrMsg);
  vtab->zErrMsg = sqlite3_mprintf("%s", error.message().c_str());
  return SQLITE_ERROR;
}

}  // namespace monday::engine
