#pragma once
// What INSERT, UPDATE and DELETE on a table mean in monday: each SQL row becomes one or more
// GraphQL mutation calls (create_item, update_group ...). A table declares its writes as data
// beside its columns (TableDef::writes); the engine batches the calls of many rows into aliased
// requests (driver/client/mutation_batch.h), so a table only says what one row turns into.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "driver/client/mutation_call.h"
#include "driver/common/value.h"

namespace monday::schema {

struct TableDef;

// The calls a row turns into are the client's (driver/client/mutation_call.h): the batching
// that sends them lives there, below the tables.
using client::ArgumentValue;
using client::MutationArgument;
using client::MutationCall;

// One row of a table as SQL sees it, with typed accessors for building mutation arguments.
// Accessors throw monday::Error (22018 / 23000) with a message naming the table and column.
class RowValues {
 public:
  RowValues(const TableDef& table, const std::vector<Value>& values) : table_(table), values_(values) {}

  const Value& get(std::string_view column) const;
  bool isNull(std::string_view column) const { return monday::isNull(get(column)); }
  // The value as text (numbers in their shortest form); "" for NULL.
  std::string text(std::string_view column) const;
  // A monday id (integer or digit string) as its decimal text; throws when not an id.
  std::string id(std::string_view column) const;
  // Throws 23000 "… needs a value for <column>" when the column is NULL.
  void require(std::string_view column, std::string_view why) const;

  const TableDef& table() const { return table_; }
  const std::vector<Value>& values() const { return values_; }

 private:
  const TableDef& table_;
  const std::vector<Value>& values_;
};

// A SQL value as text: numbers in their shortest exact form ("42", "0.1"), NULL as "".
std::string valueText(const Value& value);

// Column names whose value differs between two versions of a row (NULL equals NULL).
std::vector<std::string> changedColumns(const RowValues& before, const RowValues& after);

// INSERT, UPDATE and DELETE of one table. An empty function means monday has no mutation for
// that statement; the engine then refuses it with a message listing what is possible.
struct TableWrites {
  // INSERT: the columns a row may set (the others must be NULL), and the calls that create it.
  std::vector<std::string> insert_columns;
  std::function<std::vector<MutationCall>(const RowValues& row)> insert;
  // UPDATE: the columns SET may change, and the calls for one row (`changed` is never empty).
  std::vector<std::string> update_columns;
  std::function<std::vector<MutationCall>(const RowValues& before, const RowValues& after,
                                          const std::vector<std::string>& changed)>
      update;
  std::function<std::vector<MutationCall>(const RowValues& row)> remove;
  // One sentence per statement for the README and error messages: what it does in monday.
  std::string insert_summary, update_summary, delete_summary;

  bool any() const { return static_cast<bool>(insert) || static_cast<bool>(update) || static_cast<bool>(remove); }
};

// Builders shared by the table files.
MutationArgument idArgument(std::string name, std::string id, bool required = true);
MutationArgument stringArgument(std::string name, std::string text, bool required = true);
MutationArgument jsonArgument(std::string name, std::string json_text, bool required = false);
MutationArgument enumArgument(std::string name, std::string type, std::string value);

}  // namespace monday::schema
