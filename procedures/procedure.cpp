#include "procedures/procedure.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "driver/common/error.h"
#include "driver/config/settings.h"

namespace monday::procedures {

namespace {

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::optional<std::int64_t> parseInteger(std::string_view s) {
  s = trimmed(s);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  std::int64_t out = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return out;
}

std::optional<std::int64_t> wholeNumber(double d) {
  if (!std::isfinite(d) || d != std::floor(d) || std::fabs(d) > 9.0e18) return std::nullopt;
  return static_cast<std::int64_t>(d);
}

std::string shown(const Value& value) {
  if (const auto* s = std::get_if<std::string>(&value)) {
    return "'" + (s->size() > 40 ? s->substr(0, 40) + "..." : *s) + "'";
  }
  if (const auto* i = std::get_if<std::int64_t>(&value)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&value)) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", *d);
    return buffer;
  }
  if (std::holds_alternative<Blob>(value)) return "a binary value";
  return "NULL";
}

std::string lowerAscii(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

bool sameName(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

const ParameterDef* ProcedureDef::parameter(std::string_view parameter_name) const {
  const int index = parameterIndex(parameter_name);
  return index < 0 ? nullptr : &parameters[static_cast<std::size_t>(index)];
}

int ProcedureDef::parameterIndex(std::string_view parameter_name) const {
  for (std::size_t i = 0; i < parameters.size(); ++i) {
    if (sameName(parameters[i].name, parameter_name)) return static_cast<int>(i);
  }
  return -1;
}

std::string ProcedureDef::signature() const {
  std::string out;
  for (const auto& p : parameters) {
    if (!out.empty()) out += ", ";
    const std::string one = p.name + " " + std::string(declaredTypeName(p.type));
    out += p.required ? one : "[" + one + "]";
  }
  return out;
}

void ProcedureContext::requireWritable(std::string_view what) const {
  if (!settings.read_only) return;
  throw Error(sqlstate::kSyntaxErrorOrAccessViolation,
              std::string(what) +
                  " would change monday data, and this connection is read-only (ReadOnly=true). "
                  "Connect without ReadOnly (or ReadOnly=false) to run it.");
}

Arguments::Arguments(const ProcedureDef& procedure, std::vector<Value> values)
    : procedure_(procedure), values_(std::move(values)) {
  values_.resize(procedure_.parameters.size());
}

const Value& Arguments::valueOf(std::string_view parameter) const {
  const int index = procedure_.parameterIndex(parameter);
  if (index < 0) {
    // A typo in a procedure file, not a user error: fail loudly in tests.
    throw Error(sqlstate::kGeneralError, procedure_.name + " has no parameter named " + std::string(parameter) + ".");
  }
  const Value& value = values_[static_cast<std::size_t>(index)];
  return isNull(value) ? procedure_.parameters[static_cast<std::size_t>(index)].default_value : value;
}

void Arguments::invalid(std::string_view parameter, const Value& value, std::string_view expected) const {
  throw Error(sqlstate::kInvalidCharacterValue, procedure_.name + ": parameter " + std::string(parameter) +
                                                    " expects " + std::string(expected) + "; got " + shown(value) +
                                                    ".");
}

bool Arguments::given(std::string_view parameter) const { return !isNull(valueOf(parameter)); }

std::optional<std::string> Arguments::id(std::string_view parameter) const {
  const Value& value = valueOf(parameter);
  if (isNull(value)) return std::nullopt;
  std::optional<std::int64_t> number;
  if (const auto* i = std::get_if<std::int64_t>(&value)) number = *i;
  else if (const auto* d = std::get_if<double>(&value)) number = wholeNumber(*d);
  else if (const auto* s = std::get_if<std::string>(&value)) number = parseInteger(*s);
  if (!number || *number < 0) invalid(parameter, value, "a monday id (a whole number)");
  return std::to_string(*number);
}

std::optional<std::string> Arguments::text(std::string_view parameter) const {
  const Value& value = valueOf(parameter);
  if (isNull(value)) return std::nullopt;
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  if (const auto* i = std::get_if<std::int64_t>(&value)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&value)) {
    if (auto whole = wholeNumber(*d)) return std::to_string(*whole);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", *d);
    return std::string(buffer);
  }
  const auto& blob = std::get<Blob>(value);
  return std::string(blob.bytes.begin(), blob.bytes.end());
}

std::optional<bool> Arguments::boolean(std::string_view parameter) const {
  const Value& value = valueOf(parameter);
  if (isNull(value)) return std::nullopt;
  if (const auto* i = std::get_if<std::int64_t>(&value)) return *i != 0;
  if (const auto* d = std::get_if<double>(&value)) return *d != 0;
  if (const auto* s = std::get_if<std::string>(&value)) {
    const std::string word = lowerAscii(trimmed(*s));
    if (word == "1" || word == "true" || word == "yes" || word == "on") return true;
    if (word == "0" || word == "false" || word == "no" || word == "off") return false;
  }
  invalid(parameter, value, "a boolean (1/0, true/false)");
}

std::optional<std::int64_t> Arguments::integer(std::string_view parameter) const {
  const Value& value = valueOf(parameter);
  if (isNull(value)) return std::nullopt;
  std::optional<std::int64_t> number;
  if (const auto* i = std::get_if<std::int64_t>(&value)) number = *i;
  else if (const auto* d = std::get_if<double>(&value)) number = wholeNumber(*d);
  else if (const auto* s = std::get_if<std::string>(&value)) number = parseInteger(*s);
  if (!number) invalid(parameter, value, "a whole number");
  return number;
}

std::optional<std::vector<unsigned char>> Arguments::bytes(std::string_view parameter) const {
  const Value& value = valueOf(parameter);
  if (isNull(value)) return std::nullopt;
  if (const auto* blob = std::get_if<Blob>(&value)) return blob->bytes;
  if (const auto* s = std::get_if<std::string>(&value)) return std::vector<unsigned char>(s->begin(), s->end());
  invalid(parameter, value, "binary data (a BLOB or text)");
}

std::string Arguments::requiredId(std::string_view parameter) const {
  if (auto value = id(parameter)) return *value;
  throw Error(sqlstate::kSyntaxErrorOrAccessViolation,
              procedure_.name + " needs the parameter " + std::string(parameter) + ".");
}

std::string Arguments::requiredText(std::string_view parameter) const {
  if (auto value = text(parameter)) return *value;
  throw Error(sqlstate::kSyntaxErrorOrAccessViolation,
              procedure_.name + " needs the parameter " + std::string(parameter) + ".");
}

}  // namespace monday::procedures
