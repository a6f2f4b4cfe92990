#pragma once
// The SQL types the driver's tables declare. Kept free of ODBC headers so that schema/ can use
// it; driver/convert maps each one onto ODBC type codes (the single TypeInfo table).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace monday {

enum class DataType : std::uint8_t {
  Bit,          // stored 0/1
  Integer,      // 32-bit
  BigInt,       // 64-bit; every monday id (they pass 2^31)
  Double,
  Decimal,      // exact numbers given as text by monday
  Date,         // stored as text 'YYYY-MM-DD'
  Time,         // stored as text 'HH:MM:SS'
  Timestamp,    // stored as text 'YYYY-MM-DD HH:MM:SS' (UTC)
  Varchar,      // Unicode text of bounded size
  LongVarchar,  // Unicode text of any size (descriptions, JSON)
  LongVarBinary,  // bytes of any size (file contents, e.g. DownloadAsset)
};

// The declared type written into the SQLite virtual table's CREATE TABLE, and read back from
// sqlite3_column_decltype. Round-trips through parseDeclaredType.
std::string_view declaredTypeName(DataType type);

// Maps a SQLite declared type ("BIGINT", "VARCHAR(255)", "TEXT", ...) to our type; empty for
// expressions (no declared type) so the caller can infer one.
std::optional<DataType> parseDeclaredType(std::string_view declared);

// Default column size in characters/digits, as SQLColumns and SQLDescribeCol report it.
std::int64_t defaultColumnSize(DataType type);

}  // namespace monday
