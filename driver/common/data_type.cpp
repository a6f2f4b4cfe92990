#include "driver/common/data_type.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace monday {

std::string_view declaredTypeName(DataType type) {
  switch (type) {
    case DataType::Bit: return "BIT";
    case DataType::Integer: return "INTEGER";
    case DataType::BigInt: return "BIGINT";
    case DataType::Double: return "DOUBLE";
    case DataType::Decimal: return "DECIMAL";
    case DataType::Date: return "DATE";
    case DataType::Time: return "TIME";
    case DataType::Timestamp: return "TIMESTAMP";
    case DataType::Varchar: return "VARCHAR";
    case DataType::LongVarchar: return "LONGVARCHAR";
    case DataType::LongVarBinary: return "LONGVARBINARY";
  }
  return "VARCHAR";
}

std::optional<DataType> parseDeclaredType(std::string_view declared) {
  std::string upper;
  for (char c : declared) {
    if (c == '(') break;
    if (!std::isspace(static_cast<unsigned char>(c))) {
      upper.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    }
  }
  if (upper.empty()) return std::nullopt;
  if (upper == "BIT" || upper == "BOOLEAN" || upper == "BOOL") return DataType::Bit;
  if (upper == "INTEGER" || upper == "INT" || upper == "SMALLINT" || upper == "TINYINT") {
    return DataType::Integer;
  }
  if (upper == "BIGINT") return DataType::BigInt;
  if (upper == "DOUBLE" || upper == "REAL" || upper == "FLOAT" || upper == "DOUBLEPRECISION") {
    return DataType::Double;
  }
  if (upper == "DECIMAL" || upper == "NUMERIC") return DataType::Decimal;
  if (upper == "DATE") return DataType::Date;
  if (upper == "TIME") return DataType::Time;
  if (upper == "TIMESTAMP" || upper == "DATETIME") return DataType::Timestamp;
  if (upper == "LONGVARCHAR" || upper == "TEXT" || upper == "CLOB" || upper == "JSON") {
    return DataType::LongVarchar;
  }
  if (upper == "LONGVARBINARY" || upper == "VARBINARY" || upper == "BINARY" || upper == "BLOB") {
    return DataType::LongVarBinary;
  }
  if (upper == "VARCHAR" || upper == "CHAR" || upper == "NVARCHAR" || upper == "STRING") {
    return DataType::Varchar;
  }
  return DataType::Varchar;
}

std::int64_t defaultColumnSize(DataType type) {
  switch (type) {
    case DataType::Bit: return 1;
    case DataType::Integer: return 10;
    case DataType::BigInt: return 19;
    case DataType::Double: return 15;
    case DataType::Decimal: return 38;
    case DataType::Date: return 10;
    case DataType::Time: return 8;
    case DataType::Timestamp: return 19;
    case DataType::Varchar: return 255;
    case DataType::LongVarchar: return 65535;
    case DataType::LongVarBinary: return 65535;
  }
  return 255;
}

}  // namespace monday
