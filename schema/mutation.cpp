#include "schema/mutation.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>

#include "driver/common/error.h"
#include "schema/table.h"

namespace monday::schema {

namespace {

std::string columnLabel(const TableDef& table, std::string_view column) {
  return table.name + "." + std::string(column);
}

std::string shortestReal(double value) {
  if (std::floor(value) == value && std::fabs(value) < 9e15) return std::to_string(static_cast<std::int64_t>(value));
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.17g", value);
  // Prefer the shortest text that reads back as the same double ("0.1", not "0.10000000000000001").
  for (int precision = 1; precision <= 17; ++precision) {
    char candidate[40];
    std::snprintf(candidate, sizeof candidate, "%.*g", precision, value);
    if (std::strtod(candidate, nullptr) == value) return candidate;
  }
  return buffer;
}

}  // namespace

const Value& RowValues::get(std::string_view column) const {
  const int index = table_.columnIndex(std::string(column));
  if (index < 0 || static_cast<std::size_t>(index) >= values_.size()) {
    throw Error(sqlstate::kGeneralError, "Internal error: table " + table_.name + " has no column " + std::string(column) + ".");
  }
  return values_[static_cast<std::size_t>(index)];
}

std::string valueText(const Value& value) {
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  if (const auto* i = std::get_if<std::int64_t>(&value)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&value)) return shortestReal(*d);
  if (const auto* blob = std::get_if<Blob>(&value)) return std::string(blob->bytes.begin(), blob->bytes.end());
  return {};
}

std::string RowValues::text(std::string_view column) const {
  const Value& value = get(column);
  if (std::holds_alternative<Blob>(value)) {
    throw Error(sqlstate::kRestrictedDataType, columnLabel(table_, column) + " takes text, not binary data.");
  }
  return valueText(value);
}

std::string RowValues::id(std::string_view column) const {
  const Value& value = get(column);
  if (const auto* i = std::get_if<std::int64_t>(&value); i && *i > 0) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&value); d && *d > 0 && std::floor(*d) == *d && *d < 9.2e18) {
    return std::to_string(static_cast<std::int64_t>(*d));
  }
  if (const auto* s = std::get_if<std::string>(&value)) {
    if (!s->empty() && s->size() <= 20 && std::all_of(s->begin(), s->end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return *s;
    }
  }
  throw Error(sqlstate::kInvalidCharacterValue,
              columnLabel(table_, column) + " must be a monday id (a positive whole number), not " +
                  (isNull(column) ? std::string("NULL") : "'" + text(column) + "'") + ".");
}

void RowValues::require(std::string_view column, std::string_view why) const {
  if (isNull(column) || (std::holds_alternative<std::string>(get(column)) && std::get<std::string>(get(column)).empty())) {
    throw Error(sqlstate::kIntegrityViolation,
                std::string(why) + " needs a value for " + columnLabel(table_, column) + ".");
  }
}

std::vector<std::string> changedColumns(const RowValues& before, const RowValues& after) {
  std::vector<std::string> changed;
  const auto& columns = before.table().columns;
  for (std::size_t i = 0; i < columns.size() && i < before.values().size() && i < after.values().size(); ++i) {
    const Value& old_value = before.values()[i];
    const Value& new_value = after.values()[i];
    bool same = old_value == new_value;
    // SQLite may hand back 5 for a column that held 5.0 (or the reverse): compare numbers as numbers.
    if (!same) {
      auto number = [](const Value& v) -> std::optional<double> {
        if (const auto* i64 = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i64);
        if (const auto* d = std::get_if<double>(&v)) return *d;
        return std::nullopt;
      };
      auto a = number(old_value);
      auto b = number(new_value);
      same = a && b && *a == *b;
    }
    if (!same) changed.push_back(columns[i].name);
  }
  return changed;
}

MutationArgument idArgument(std::string name, std::string id, bool required) {
  return {std::move(name), required ? "ID!" : "ID", std::move(id)};
}

MutationArgument stringArgument(std::string name, std::string text, bool required) {
  return {std::move(name), required ? "String!" : "String", std::move(text)};
}

MutationArgument jsonArgument(std::string name, std::string json_text, bool required) {
  return {std::move(name), required ? "JSON!" : "JSON", std::move(json_text)};
}

MutationArgument enumArgument(std::string name, std::string type, std::string value) {
  return {std::move(name), std::move(type), std::move(value)};
}

}  // namespace monday::schema
