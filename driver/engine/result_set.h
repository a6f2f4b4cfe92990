#pragma once
// What the ODBC statement reads rows from. Two kinds exist: a SQLite statement (queries over the
// API tables) and a materialized result (catalog functions such as SQLTables, SQLGetTypeInfo).
// The ODBC layer sees only this interface.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "driver/common/data_type.h"
#include "driver/common/value.h"

namespace monday::engine {

enum class Nullability : std::uint8_t { NoNulls, Nullable, Unknown };

struct ResultColumn {
  std::string name;         // label as the application sees it (alias if any)
  DataType type = DataType::Varchar;
  std::int64_t size = 0;    // characters for text, precision for numbers; 0 = type default
  std::int16_t scale = 0;   // decimal digits
  Nullability nullable = Nullability::Unknown;
  std::string base_table;   // table the column comes from, "" for expressions
  std::string base_column;  // column name in that table, "" for expressions
  std::string schema_name;  // schema of base_table ("monday", "boards", ...), "" if none
};

class ResultSet {
 public:
  virtual ~ResultSet() = default;
  virtual const std::vector<ResultColumn>& columns() const = 0;
  // Moves to the next row; false when there are no more rows. Throws monday::Error.
  virtual bool next() = 0;
  // Value of column `index` (0-based) in the current row.
  virtual const Value& value(std::size_t index) const = 0;
  // Warnings raised since the last call (a value that read as NULL, a long wait ...), each one
  // a message for a 01000 diagnostic.
  virtual std::vector<std::string> takeWarnings() { return {}; }
};

// Rows built in memory, for catalog functions. Values must match the declared column types.
class MaterializedResult final : public ResultSet {
 public:
  explicit MaterializedResult(std::vector<ResultColumn> columns) : columns_(std::move(columns)) {}

  void addRow(std::vector<Value> row) { rows_.push_back(std::move(row)); }
  std::size_t rowCount() const { return rows_.size(); }

  const std::vector<ResultColumn>& columns() const override { return columns_; }
  bool next() override {
    if (position_ + 1 >= static_cast<std::int64_t>(rows_.size())) {
      position_ = static_cast<std::int64_t>(rows_.size());
      return false;
    }
    ++position_;
    return true;
  }
  const Value& value(std::size_t index) const override { return rows_.at(position_).at(index); }

 private:
  std::vector<ResultColumn> columns_;
  std::vector<std::vector<Value>> rows_;
  std::int64_t position_ = -1;
};

}  // namespace monday::engine
