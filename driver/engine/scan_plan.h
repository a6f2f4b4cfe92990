#pragma once
// The plan xBestIndex chooses for an API table and xFilter carries out. SQLite hands it from one
// to the other as a string (idxStr), so it has an encoding: encode() writes it, decode() reads it
// back and refuses anything it did not write.
//
// Arguments are the terms whose values SQLite passes to xFilter, in argv order; ORDER BY terms
// are those the scan delivers itself; columns_used is SQLite's colUsed mask when the table fetches
// only the columns a statement uses; local terms are those SQLite offered and evaluates itself
// (they only feed the plan report).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "schema/table.h"

namespace monday::engine {

struct ScanPlan {
  enum class ArgumentKind : std::uint8_t {
    Equals,   // column = value
    InList,   // column IN (...), all values at once
    Compare,  // column <op> value, op another schema::ConstraintOp
    Limit,
    Offset,
  };
  struct Argument {
    ArgumentKind kind;
    int column = -1;  // Equals, InList, Compare
    schema::ConstraintOp op = schema::ConstraintOp::Eq;  // Compare
    bool operator==(const Argument&) const = default;
  };
  struct Order {
    int column;
    bool descending;
    bool operator==(const Order&) const = default;
  };
  struct LocalTerm {
    int column;
    int sqlite_op;  // SQLITE_INDEX_CONSTRAINT_*
    bool operator==(const LocalTerm&) const = default;
  };

  std::vector<Argument> arguments;
  std::vector<Order> order_by;
  std::optional<std::uint64_t> columns_used;
  std::vector<LocalTerm> local;

  bool operator==(const ScanPlan&) const = default;

  // "<tokens>|<local terms>". Tokens, ','-separated: E<col> equality, I<col> IN list,
  // C<col>:<op> another operator, L limit, O offset (each takes the next argv slot, in order),
  // S<col>:<0|1> an ORDER BY term (1 = DESC), U<hex> the columns used. Local terms: <col>:<op>.
  std::string encode() const;
  // Throws monday::Error (HY000) on text encode() would not have written.
  static ScanPlan decode(std::string_view text);
};

}  // namespace monday::engine
