#pragma once
// One SQL value as it leaves the engine: SQLite's storage classes. The declared DataType of the
// column (not the storage class) decides how the ODBC layer converts it for the application.

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace monday {

struct Blob {
  std::vector<unsigned char> bytes;
  bool operator==(const Blob&) const = default;
};

// monostate = SQL NULL; std::string is UTF-8 text.
using Value = std::variant<std::monostate, std::int64_t, double, std::string, Blob>;

inline bool isNull(const Value& v) { return std::holds_alternative<std::monostate>(v); }

}  // namespace monday
