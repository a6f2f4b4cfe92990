#include "schema/boards/board_filters.h"

#include <cctype>
#include <cmath>
#include <ctime>
#include <set>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace monday::schema::boards {

namespace {

using Op = ConstraintOp;

// SQL values as SQLite's comparison would see them against a column of each affinity. Anything
// SQLite would compare differently (a text that is not a plain number against a REAL column ...)
// yields nullopt, and the term stays local.
bool isPlainNumber(std::string_view text) {
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
  std::size_t digits = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i, ++digits;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    std::size_t exponent = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i, ++exponent;
    if (exponent == 0) return false;
  }
  return i == text.size();
}

std::optional<double> sqlNumber(const Value& value) {
  if (const auto* n = std::get_if<std::int64_t>(&value)) return static_cast<double>(*n);
  if (const auto* d = std::get_if<double>(&value)) return std::isfinite(*d) ? std::optional<double>(*d) : std::nullopt;
  if (const auto* s = std::get_if<std::string>(&value); s && isPlainNumber(*s)) return std::strtod(s->c_str(), nullptr);
  return std::nullopt;
}

// A number for compare_value: integral values as integers, so rules read as people write them.
Value jsonNumber(double number) {
  if (std::floor(number) == number && std::fabs(number) < 9.0e15) return static_cast<std::int64_t>(number);
  return number;
}

std::optional<std::int64_t> sqlInteger(const Value& value) {
  auto number = sqlNumber(value);
  if (!number || std::floor(*number) != *number || std::fabs(*number) > 9.0e15) return std::nullopt;
  return static_cast<std::int64_t>(*number);
}

// Text as a TEXT column compares it: strings as they are, integers as their decimal text.
std::optional<std::string> sqlText(const Value& value) {
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  if (const auto* n = std::get_if<std::int64_t>(&value)) return std::to_string(*n);
  return std::nullopt;
}

std::optional<std::tm> parseDay(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
  }
  std::tm tm{};
  tm.tm_year = std::stoi(std::string(text.substr(0, 4))) - 1900;
  tm.tm_mon = std::stoi(std::string(text.substr(5, 2))) - 1;
  tm.tm_mday = std::stoi(std::string(text.substr(8, 2)));
  std::tm check = tm;
  const std::time_t t = timegm(&check);
  std::tm back{};
  gmtime_r(&t, &back);
  if (back.tm_year != tm.tm_year || back.tm_mon != tm.tm_mon || back.tm_mday != tm.tm_mday) return std::nullopt;
  return tm;
}

// 'YYYY-MM-DD' + n days.
std::string shiftDay(const std::tm& day, int n) {
  std::tm copy = day;
  std::time_t t = timegm(&copy) + static_cast<std::time_t>(n) * 86400;
  std::tm out{};
  gmtime_r(&t, &out);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &out);
  return text;
}

// The day a date-string value starts with (for ranges: a DATE column's 'YYYY-MM-DD' compares
// with any longer string by its first ten characters first).
std::optional<std::tm> sqlDayPrefix(const Value& value) {
  const auto* s = std::get_if<std::string>(&value);
  if (!s) return std::nullopt;
  return parseDay(*s);
}

// A value a DATE column can equal: exactly 'YYYY-MM-DD'.
std::optional<std::tm> sqlDayExact(const Value& value) {
  const auto* s = std::get_if<std::string>(&value);
  if (!s || s->size() != 10) return std::nullopt;
  return parseDay(*s);
}

std::vector<std::string> splitIds(const std::string& text) {
  std::vector<std::string> ids;
  std::string current;
  for (char c : text + ",") {
    if (c == ',') {
      if (!current.empty()) ids.push_back(current);
      current.clear();
    } else if (c != ' ') {
      current.push_back(c);
    }
  }
  return ids;
}

bool allDigits(const std::string& text) {
  if (text.empty() || text.size() > 20) return false;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

ApiRule rule(const std::string& column_id, std::string op, std::vector<Value> compare, bool scalar = false,
             std::string attribute = {}) {
  return ApiRule{column_id, std::move(op), std::move(compare), scalar, std::move(attribute)};
}

PushedTerm one(ApiRule r) { return PushedTerm{{std::move(r)}, {}}; }

std::optional<PushedTerm> local(std::string* why, std::string reason) {
  if (why) *why = std::move(reason);
  return std::nullopt;
}

std::optional<PushedTerm> emptiness(const std::string& column_id, Op op) {
  if (op == Op::IsNull) return one(rule(column_id, "is_empty", {}));
  if (op == Op::IsNotNull) return one(rule(column_id, "is_not_empty", {}));
  return std::nullopt;
}

// The ids of labels equal to `text` (a status label or dropdown option).
std::vector<std::int64_t> labelIds(const ColumnMeta* column, const std::string& text) {
  std::vector<std::int64_t> ids;
  if (!column) return ids;
  for (const auto& label : column->labels) {
    if (label.label == text) ids.push_back(label.id);
  }
  return ids;
}

std::vector<Value> asValues(const std::vector<std::int64_t>& ids) {
  std::set<std::int64_t> unique(ids.begin(), ids.end());
  return std::vector<Value>(unique.begin(), unique.end());
}

std::optional<PushedTerm> translateDate(const std::string& column_id, Op op, const std::vector<Value>& values,
                                        const std::string& attribute, std::string* why) {
  // Dates compare in UTC here but in the caller's time zone at monday (REFERENCE §12): every day
  // is widened by one on each side, so a cell monday files under a neighbouring day still comes.
  if (op == Op::Eq) {
    if (!attribute.empty()) {
      if (values.size() != 1) return local(why, "IN lists on a timeline are not pushed");
      auto day = sqlDayExact(values[0]);
      if (!day) return local(why, "not a 'YYYY-MM-DD' date");
      return one(rule(column_id, "between", {shiftDay(*day, -1), shiftDay(*day, 1)}, false, attribute));
    }
    std::vector<Value> compare;
    std::set<std::string> days;
    for (const auto& value : values) {
      auto day = sqlDayExact(value);
      if (!day) continue;  // nothing else can equal a DATE value
      for (int shift = -1; shift <= 1; ++shift) {
        std::string text = shiftDay(*day, shift);
        if (days.insert(text).second) {
          compare.emplace_back(std::string("EXACT"));
          compare.emplace_back(text);
        }
      }
    }
    if (compare.empty()) return local(why, "no 'YYYY-MM-DD' date to compare with");
    return one(rule(column_id, "any_of", std::move(compare)));
  }
  if (op == Op::Gt || op == Op::Ge || op == Op::Lt || op == Op::Le) {
    auto day = sqlDayPrefix(values.at(0));
    if (!day) return local(why, "not a 'YYYY-MM-DD' date");
    const bool lower = op == Op::Lt || op == Op::Le;
    return one(rule(column_id, lower ? "lower_than_or_equal" : "greater_than_or_equals",
                    {std::string("EXACT"), shiftDay(*day, lower ? 1 : -1)}, false, attribute));
  }
  if (auto term = emptiness(column_id, op)) return term;
  return local(why, "operator not supported for dates");
}

}  // namespace

std::string ApiRule::describe() const {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  auto write = [&](const Value& v) {
    if (const auto* n = std::get_if<std::int64_t>(&v)) writer.Int64(*n);
    else if (const auto* d = std::get_if<double>(&v)) writer.Double(*d);
    else if (const auto* s = std::get_if<std::string>(&v)) writer.String(s->c_str(), static_cast<rapidjson::SizeType>(s->size()));
    else writer.Null();
  };
  if (scalar && compare.size() == 1) {
    write(compare[0]);
  } else {
    writer.StartArray();
    for (const auto& v : compare) write(v);
    writer.EndArray();
  }
  std::string out = column_id + " " + op;
  if (op != "is_empty" && op != "is_not_empty") out += " " + std::string(buffer.GetString(), buffer.GetSize());
  if (!attribute.empty()) out += " (" + attribute + ")";
  return out;
}

std::vector<ConstraintOp> pushableOps(FilterKind kind) {
  switch (kind) {
    case FilterKind::None: return {};
    case FilterKind::NotEmptyOnly: return {Op::IsNotNull};
    case FilterKind::Emptiness: return {Op::IsNull, Op::IsNotNull};
    case FilterKind::Text:
    case FilterKind::TextContains:
    case FilterKind::DropdownLabels: return {Op::Eq, Op::Like, Op::IsNull, Op::IsNotNull};
    case FilterKind::Code: return {Op::Eq, Op::IsNotNull};
    case FilterKind::Number: return {Op::Eq, Op::Ne, Op::Lt, Op::Le, Op::Gt, Op::Ge, Op::IsNull, Op::IsNotNull};
    case FilterKind::StatusLabel: return {Op::Eq, Op::Ne, Op::Like, Op::IsNull, Op::IsNotNull};
    case FilterKind::StatusId: return {Op::Eq, Op::Ne, Op::IsNull, Op::IsNotNull};
    case FilterKind::Date:
    case FilterKind::TimelineStart:
    case FilterKind::TimelineEnd: return {Op::Eq, Op::Lt, Op::Le, Op::Gt, Op::Ge, Op::IsNull, Op::IsNotNull};
    case FilterKind::Checkbox: return {Op::Eq, Op::Ne};
    case FilterKind::Rating: return {Op::Eq, Op::IsNull, Op::IsNotNull};
    case FilterKind::PersonIds: return {Op::Eq, Op::IsNotNull};
    case FilterKind::LinkedIds: return {Op::Eq, Op::IsNull, Op::IsNotNull};
  }
  return {};
}

bool pushesInLists(FilterKind kind) {
  return kind != FilterKind::Checkbox && kind != FilterKind::TimelineStart && kind != FilterKind::TimelineEnd;
}

std::optional<PushedTerm> translateTerm(FilterKind kind, const std::string& id, const ColumnMeta* column, Op op,
                                        const std::vector<Value>& values, std::string* why) {
  if ((op != Op::IsNull && op != Op::IsNotNull) && values.empty()) return local(why, "no value");
  switch (kind) {
    case FilterKind::None:
      return local(why, "monday cannot filter this column");
    case FilterKind::NotEmptyOnly:
      if (op == Op::IsNotNull) return emptiness(id, op);
      return local(why, "only IS NOT NULL is pushed for this column");
    case FilterKind::Emptiness:
      if (auto term = emptiness(id, op)) return term;
      return local(why, "only IS [NOT] NULL is pushed for this column");

    case FilterKind::Text:
    case FilterKind::TextContains: {
      if (op == Op::Eq) {
        std::vector<Value> texts;
        for (const auto& value : values) {
          auto text = sqlText(value);
          if (text && !text->empty()) texts.emplace_back(*text);  // '' never equals a cell: empty cells are NULL
        }
        if (texts.empty()) return local(why, "no text value to compare with");
        if (kind == FilterKind::Text) return one(rule(id, "any_of", std::move(texts)));
        PushedTerm term;  // names in a list: each value is contained in the cell's text
        for (auto& text : texts) term.any_of.push_back(rule(id, "contains_text", {text}, true));
        if (term.any_of.size() == 1) return one(term.any_of.front());
        return term;
      }
      if (op == Op::Like) {
        auto pattern = sqlText(values[0]);
        std::string literal = pattern ? likeLiteral(*pattern) : std::string();
        if (literal.empty()) return local(why, "the pattern has no literal text");
        return one(rule(id, "contains_text", {literal}, true));
      }
      if (id == "name") return local(why, "names are never empty");
      if (auto term = emptiness(id, op)) return term;
      return local(why, "operator not supported for text");
    }

    case FilterKind::Code: {
      if (op == Op::IsNotNull) return emptiness(id, op);
      std::vector<Value> codes;
      for (const auto& value : values) {
        auto text = sqlText(value);
        if (text && !text->empty()) codes.emplace_back(*text);
      }
      if (codes.empty()) return local(why, "no code to compare with");
      return one(rule(id, "any_of", std::move(codes)));
    }

    case FilterKind::Number: {
      if (auto term = emptiness(id, op)) return term;
      if (op == Op::Eq) {
        std::vector<Value> numbers;
        for (const auto& value : values) {
          if (auto n = sqlNumber(value)) numbers.push_back(jsonNumber(*n));
        }
        if (numbers.empty()) return local(why, "no number to compare with");
        return one(rule(id, "any_of", std::move(numbers)));
      }
      auto n = sqlNumber(values[0]);
      if (!n) return local(why, "not a number");
      const Value number = jsonNumber(*n);
      switch (op) {
        case Op::Ne: return one(rule(id, "not_any_of", {number}));
        case Op::Lt: return one(rule(id, "lower_than", {number}, true));
        case Op::Le: return one(rule(id, "lower_than_or_equal", {number}, true));
        case Op::Gt: return one(rule(id, "greater_than", {number}, true));
        case Op::Ge: return one(rule(id, "greater_than_or_equals", {number}, true));
        default: return local(why, "operator not supported for numbers");
      }
    }

    case FilterKind::StatusLabel: {
      if (auto term = emptiness(id, op)) return term;
      std::vector<std::int64_t> ids;
      if (op == Op::Like) {
        auto pattern = sqlText(values[0]);
        if (!pattern || !column) return local(why, "not a text pattern");
        for (const auto& label : column->labels) {
          if (!label.label.empty() && likeMatches(*pattern, label.label)) ids.push_back(label.id);
        }
        if (ids.empty()) return local(why, "no label of the column settings matches");
        return one(rule(id, "any_of", asValues(ids)));
      }
      for (const auto& value : values) {
        auto text = sqlText(value);
        if (!text || text->empty()) continue;  // empty labels read as NULL: nothing to match
        auto found = labelIds(column, *text);
        if (found.empty()) return local(why, "label '" + *text + "' is not in the column settings");
        ids.insert(ids.end(), found.begin(), found.end());
      }
      if (ids.empty()) return local(why, "no label to compare with");
      if (op == Op::Eq) return one(rule(id, "any_of", asValues(ids)));
      if (op == Op::Ne) return one(rule(id, "not_any_of", asValues(ids)));
      return local(why, "operator not supported for status labels");
    }

    case FilterKind::StatusId: {
      if (auto term = emptiness(id, op)) return term;
      std::vector<std::int64_t> ids;
      for (const auto& value : values) {
        if (auto n = sqlInteger(value)) ids.push_back(*n);
      }
      if (ids.empty()) return local(why, "no label id to compare with");
      if (op == Op::Eq) return one(rule(id, "any_of", asValues(ids)));
      if (op == Op::Ne) return one(rule(id, "not_any_of", asValues(ids)));
      return local(why, "operator not supported for label ids");
    }

    case FilterKind::DropdownLabels: {
      if (auto term = emptiness(id, op)) return term;
      if (op == Op::Like) {
        auto pattern = sqlText(values[0]);
        std::string literal = pattern ? likeLiteral(*pattern) : std::string();
        if (literal.empty()) return local(why, "the pattern has no literal text");
        return one(rule(id, "contains_text", {literal}, true));
      }
      std::vector<std::int64_t> ids;
      for (const auto& value : values) {
        auto text = sqlText(value);
        if (!text || text->empty()) continue;
        // The cell reads "A, B": any item showing that has option A.
        std::string first = text->substr(0, text->find(", "));
        auto found = labelIds(column, first);
        if (found.empty()) return local(why, "option '" + first + "' is not in the column settings");
        ids.insert(ids.end(), found.begin(), found.end());
      }
      if (ids.empty()) return local(why, "no option to compare with");
      return one(rule(id, "any_of", asValues(ids)));
    }

    case FilterKind::Date:
      return translateDate(id, op, values, "", why);
    case FilterKind::TimelineStart:
      if (op == Op::IsNull || op == Op::IsNotNull) return emptiness(id, op);
      return translateDate(id, op, values, "START_DATE", why);
    case FilterKind::TimelineEnd:
      if (op == Op::IsNull || op == Op::IsNotNull) return emptiness(id, op);
      return translateDate(id, op, values, "END_DATE", why);

    case FilterKind::Checkbox: {
      auto n = sqlInteger(values[0]);
      if (!n || (*n != 0 && *n != 1)) return local(why, "a checkbox is 0 or 1");
      const bool checked = (op == Op::Eq) == (*n == 1);
      if (op != Op::Eq && op != Op::Ne) return local(why, "operator not supported for checkboxes");
      return one(rule(id, checked ? "is_not_empty" : "is_empty", {}));
    }

    case FilterKind::Rating: {
      if (op == Op::IsNull) return one(rule(id, "any_of", {std::int64_t{0}}));
      if (op == Op::IsNotNull) return one(rule(id, "not_any_of", {std::int64_t{0}}));
      std::vector<std::int64_t> ratings;
      for (const auto& value : values) {
        if (auto n = sqlInteger(value); n && *n >= 1) ratings.push_back(*n);
      }
      if (ratings.empty()) return local(why, "no rating to compare with");
      return one(rule(id, "any_of", asValues(ratings)));
    }

    case FilterKind::PersonIds:
    case FilterKind::LinkedIds: {
      if (kind == FilterKind::LinkedIds || op == Op::IsNotNull) {
        if (auto term = emptiness(id, op)) return term;
      }
      if (op != Op::Eq) return local(why, "operator not supported for id lists");
      std::vector<Value> compare;
      std::set<std::string> seen;
      for (const auto& value : values) {
        auto text = sqlText(value);
        if (!text) continue;
        auto ids = splitIds(*text);
        // The cell reads "a,b": any item whose list is that one contains a.
        if (ids.empty() || !allDigits(ids.front())) continue;
        if (!seen.insert(ids.front()).second) continue;
        if (kind == FilterKind::PersonIds) compare.emplace_back("person-" + ids.front());
        else compare.emplace_back(static_cast<std::int64_t>(std::stoll(ids.front())));
      }
      if (compare.empty()) return local(why, "no id to compare with");
      return one(rule(id, "any_of", std::move(compare)));
    }
  }
  return local(why, "not pushed");
}

bool likeMatches(std::string_view pattern, std::string_view text) {
  auto fold = [](unsigned char c) { return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c - 'A' + 'a') : c; };
  // Length of the UTF-8 character starting at s[i].
  auto charLength = [](std::string_view s, std::size_t i) -> std::size_t {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    return std::min(n, s.size() - i);
  };
  std::size_t p = 0, t = 0, star_p = std::string_view::npos, star_t = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '%') {
      star_p = ++p;
      star_t = t;
    } else if (p < pattern.size() && pattern[p] == '_') {
      ++p;
      t += charLength(text, t);
    } else if (p < pattern.size() && fold(static_cast<unsigned char>(pattern[p])) == fold(static_cast<unsigned char>(text[t]))) {
      ++p;
      ++t;
    } else if (star_p != std::string_view::npos) {
      p = star_p;
      star_t += charLength(text, star_t);
      t = star_t;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '%') ++p;
  return p == pattern.size();
}

std::string likeLiteral(std::string_view pattern) {
  std::string best, current;
  for (char c : pattern) {
    if (c == '%' || c == '_') {
      if (current.size() > best.size()) best = current;
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  if (current.size() > best.size()) best = current;
  return best;
}

rapidjson::Document queryParams(const std::vector<PushedTerm>& terms,
                                const std::vector<std::pair<std::string, bool>>& order_by) {
  rapidjson::Document params(rapidjson::kObjectType);
  auto& allocator = params.GetAllocator();
  auto toJson = [&](const ApiRule& r) {
    rapidjson::Value object(rapidjson::kObjectType);
    object.AddMember("column_id", rapidjson::Value(r.column_id.c_str(), allocator), allocator);
    rapidjson::Value compare(rapidjson::kArrayType);
    for (const auto& v : r.compare) {
      if (const auto* n = std::get_if<std::int64_t>(&v)) compare.PushBack(rapidjson::Value(*n), allocator);
      else if (const auto* d = std::get_if<double>(&v)) compare.PushBack(rapidjson::Value(*d), allocator);
      else if (const auto* s = std::get_if<std::string>(&v)) compare.PushBack(rapidjson::Value(s->c_str(), allocator), allocator);
    }
    if (r.scalar && compare.Size() == 1) {
      rapidjson::Value single(compare[0], allocator);
      object.AddMember("compare_value", single, allocator);
    } else {
      object.AddMember("compare_value", compare, allocator);
    }
    if (!r.attribute.empty()) {
      object.AddMember("compare_attribute", rapidjson::Value(r.attribute.c_str(), allocator), allocator);
    }
    object.AddMember("operator", rapidjson::Value(r.op.c_str(), allocator), allocator);
    return object;
  };
  rapidjson::Value rules(rapidjson::kArrayType);
  rapidjson::Value groups(rapidjson::kArrayType);
  for (const auto& term : terms) {
    for (const auto& r : term.all_of) rules.PushBack(toJson(r), allocator);
    if (!term.any_of.empty()) {
      rapidjson::Value group(rapidjson::kObjectType);
      rapidjson::Value alternatives(rapidjson::kArrayType);
      for (const auto& r : term.any_of) alternatives.PushBack(toJson(r), allocator);
      group.AddMember("rules", alternatives, allocator);
      group.AddMember("operator", "or", allocator);
      groups.PushBack(group, allocator);
    }
  }
  if (!rules.Empty()) params.AddMember("rules", rules, allocator);
  if (!groups.Empty()) params.AddMember("groups", groups, allocator);
  params.AddMember("operator", "and", allocator);
  if (!order_by.empty()) {
    rapidjson::Value order(rapidjson::kArrayType);
    for (const auto& [column_id, descending] : order_by) {
      rapidjson::Value term(rapidjson::kObjectType);
      term.AddMember("column_id", rapidjson::Value(column_id.c_str(), allocator), allocator);
      term.AddMember("direction", rapidjson::StringRef(descending ? "desc" : "asc"), allocator);
      order.PushBack(term, allocator);
    }
    params.AddMember("order_by", order, allocator);
  }
  return params;
}

}  // namespace monday::schema::boards
