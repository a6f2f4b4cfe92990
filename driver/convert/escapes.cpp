#include "driver/convert/escapes.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <optional>
#include <vector>

#include "driver/common/error.h"

namespace monday::convert {

namespace {

using Args = std::vector<std::string>;
using Translate = std::function<std::optional<std::string>(const Args&)>;

enum class Family { String, Numeric, TimeDate, System, Convert };

struct EscapeFunction {
  std::string_view name;  // upper case
  Family family;
  SQLUINTEGER bit;
  int min_args;
  int max_args;
  Translate translate;
};

std::string upper(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// A plain call with the same arguments under another name.
Translate renamed(std::string_view sqlite_name) {
  return [name = std::string(sqlite_name)](const Args& a) -> std::optional<std::string> {
    std::string out = name + "(";
    for (std::size_t i = 0; i < a.size(); ++i) out += (i ? ", " : "") + a[i];
    return out + ")";
  };
}

Translate strftimeInt(std::string_view format) {
  return [format = std::string(format)](const Args& a) -> std::optional<std::string> {
    return "CAST(strftime('" + format + "', " + a[0] + ") AS INTEGER)";
  };
}

Translate fixed(std::string_view text) {
  return [text = std::string(text)](const Args&) -> std::optional<std::string> { return text; };
}

std::optional<std::string> convertCall(const Args& a) {
  const std::string type = upper(trim(a[1]));
  const std::string& x = a[0];
  if (type == "SQL_CHAR" || type == "SQL_VARCHAR" || type == "SQL_LONGVARCHAR" || type == "SQL_WCHAR" ||
      type == "SQL_WVARCHAR" || type == "SQL_WLONGVARCHAR") {
    return "CAST(" + x + " AS TEXT)";
  }
  if (type == "SQL_INTEGER" || type == "SQL_SMALLINT" || type == "SQL_TINYINT" || type == "SQL_BIGINT" ||
      type == "SQL_BIT") {
    return "CAST(" + x + " AS INTEGER)";
  }
  if (type == "SQL_DOUBLE" || type == "SQL_FLOAT" || type == "SQL_REAL") return "CAST(" + x + " AS REAL)";
  if (type == "SQL_DECIMAL" || type == "SQL_NUMERIC") return "CAST(" + x + " AS NUMERIC)";
  if (type == "SQL_DATE" || type == "SQL_TYPE_DATE") return "date(" + x + ")";
  if (type == "SQL_TIME" || type == "SQL_TYPE_TIME") return "time(" + x + ")";
  if (type == "SQL_TIMESTAMP" || type == "SQL_TYPE_TIMESTAMP") return "datetime(" + x + ")";
  return std::nullopt;
}

const std::vector<EscapeFunction>& functions() {
  static const std::vector<EscapeFunction> table = {
      // String functions.
      {"ASCII", Family::String, SQL_FN_STR_ASCII, 1, 1, renamed("unicode")},
      {"CHAR", Family::String, SQL_FN_STR_CHAR, 1, 1, renamed("char")},
      {"CONCAT", Family::String, SQL_FN_STR_CONCAT, 2, 2,
       [](const Args& a) -> std::optional<std::string> { return "(" + a[0] + " || " + a[1] + ")"; }},
      {"INSERT", Family::String, SQL_FN_STR_INSERT, 4, 4,
       [](const Args& a) -> std::optional<std::string> {
         return "(substr(" + a[0] + ", 1, (" + a[1] + ") - 1) || " + a[3] + " || substr(" + a[0] +
                ", (" + a[1] + ") + (" + a[2] + ")))";
       }},
      {"LCASE", Family::String, SQL_FN_STR_LCASE, 1, 1, renamed("lower")},
      {"UCASE", Family::String, SQL_FN_STR_UCASE, 1, 1, renamed("upper")},
      {"LEFT", Family::String, SQL_FN_STR_LEFT, 2, 2,
       [](const Args& a) -> std::optional<std::string> { return "substr(" + a[0] + ", 1, " + a[1] + ")"; }},
      {"RIGHT", Family::String, SQL_FN_STR_RIGHT, 2, 2,
       [](const Args& a) -> std::optional<std::string> {
         return "(CASE WHEN (" + a[1] + ") > 0 THEN substr(" + a[0] + ", -(" + a[1] + ")) ELSE '' END)";
       }},
      {"LENGTH", Family::String, SQL_FN_STR_LENGTH, 1, 1,
       [](const Args& a) -> std::optional<std::string> { return "length(rtrim(" + a[0] + ", ' '))"; }},
      {"CHAR_LENGTH", Family::String, SQL_FN_STR_CHAR_LENGTH, 1, 1, renamed("length")},
      {"CHARACTER_LENGTH", Family::String, SQL_FN_STR_CHARACTER_LENGTH, 1, 1, renamed("length")},
      {"OCTET_LENGTH", Family::String, SQL_FN_STR_OCTET_LENGTH, 1, 1,
       [](const Args& a) -> std::optional<std::string> { return "length(CAST(" + a[0] + " AS BLOB))"; }},
      {"BIT_LENGTH", Family::String, SQL_FN_STR_BIT_LENGTH, 1, 1,
       [](const Args& a) -> std::optional<std::string> { return "(8 * length(CAST(" + a[0] + " AS BLOB)))"; }},
      {"LOCATE", Family::String, SQL_FN_STR_LOCATE | SQL_FN_STR_LOCATE_2, 2, 3,
       [](const Args& a) -> std::optional<std::string> {
         if (a.size() == 2) return "instr(" + a[1] + ", " + a[0] + ")";
         return "(CASE WHEN instr(substr(" + a[1] + ", " + a[2] + "), " + a[0] + ") > 0 THEN instr(substr(" +
                a[1] + ", " + a[2] + "), " + a[0] + ") + (" + a[2] + ") - 1 ELSE 0 END)";
       }},
      {"LTRIM", Family::String, SQL_FN_STR_LTRIM, 1, 1,
       [](const Args& a) -> std::optional<std::string> { return "ltrim(" + a[0] + ", ' ')"; }},
      {"RTRIM", Family::String, SQL_FN_STR_RTRIM, 1, 1,
       [](const Args& a) -> std::optional<std::string> { return "rtrim(" + a[0] + ", ' ')"; }},
      {"REPLACE", Family::String, SQL_FN_STR_REPLACE, 3, 3, renamed("replace")},
      {"REPEAT", Family::String, SQL_FN_STR_REPEAT, 2, 2,
       [](const Args& a) -> std::optional<std::string> {
         return "replace(hex(zeroblob(" + a[1] + ")), '00', " + a[0] + ")";
       }},
      {"SPACE", Family::String, SQL_FN_STR_SPACE, 1, 1,
       [](const Args& a) -> std::optional<std::string> { return "replace(hex(zeroblob(" + a[0] + ")), '00', ' ')"; }},
      {"SUBSTRING", Family::String, SQL_FN_STR_SUBSTRING, 2, 3, renamed("substr")},

      // Numeric functions (Debian's SQLite has the math functions built in).
      {"ABS", Family::Numeric, SQL_FN_NUM_ABS, 1, 1, renamed("abs")},
      {"ACOS", Family::Numeric, SQL_FN_NUM_ACOS, 1, 1, renamed("acos")},
      {"ASIN", Family::Numeric, SQL_FN_NUM_ASIN, 1, 1, renamed("asin")},
      {"ATAN", Family::Numeric, SQL_FN_NUM_ATAN, 1, 1, renamed("atan")},
      {"ATAN2", Family::Numeric, SQL_FN_NUM_ATAN2, 2, 2, renamed("atan2")},
      {"CEILING", Family::Numeric, SQL_FN_NUM_CEILING, 1, 1, renamed("ceiling")},
      {"COS", Family::Numeric, SQL_FN_NUM_COS, 1, 1, renamed("cos")},
      {"COT", Family::Numeric, SQL_FN_NUM_COT, 1, 1,
       [](const Args& a) -> std::optional<std::string> { return "(1.0 / tan(" + a[0] + "))"; }},
      {"DEGREES", Family::Numeric, SQL_FN_NUM_DEGREES, 1, 1, renamed("degrees")},
      {"EXP", Family::Numeric, SQL_FN_NUM_EXP, 1, 1, renamed("exp")},
      {"FLOOR", Family::Numeric, SQL_FN_NUM_FLOOR, 1, 1, renamed("floor")},
      {"LOG", Family::Numeric, SQL_FN_NUM_LOG, 1, 1, renamed("ln")},  // ODBC LOG is natural
      {"LOG10", Family::Numeric, SQL_FN_NUM_LOG10, 1, 1, renamed("log10")},
      {"MOD", Family::Numeric, SQL_FN_NUM_MOD, 2, 2,
       [](const Args& a) -> std::optional<std::string> { return "((" + a[0] + ") % (" + a[1] + "))"; }},
      {"PI", Family::Numeric, SQL_FN_NUM_PI, 0, 0, fixed("pi()")},
      {"POWER", Family::Numeric, SQL_FN_NUM_POWER, 2, 2, renamed("power")},
      {"RADIANS", Family::Numeric, SQL_FN_NUM_RADIANS, 1, 1, renamed("radians")},
      {"RAND", Family::Numeric, SQL_FN_NUM_RAND, 0, 1,
       [](const Args&) -> std::optional<std::string> {
         return "((random() & 9007199254740991) / 9007199254740992.0)";
       }},
      {"ROUND", Family::Numeric, SQL_FN_NUM_ROUND, 1, 2, renamed("round")},
      {"SIGN", Family::Numeric, SQL_FN_NUM_SIGN, 1, 1, renamed("sign")},
      {"SIN", Family::Numeric, SQL_FN_NUM_SIN, 1, 1, renamed("sin")},
      {"SQRT", Family::Numeric, SQL_FN_NUM_SQRT, 1, 1, renamed("sqrt")},
      {"TAN", Family::Numeric, SQL_FN_NUM_TAN, 1, 1, renamed("tan")},
      {"TRUNCATE", Family::Numeric, SQL_FN_NUM_TRUNCATE, 2, 2,
       [](const Args& a) -> std::optional<std::string> {
         return "(trunc((" + a[0] + ") * power(10, " + a[1] + ")) / power(10, " + a[1] + "))";
       }},

      // Date and time functions (UTC, like every timestamp the driver returns).
      {"CURDATE", Family::TimeDate, SQL_FN_TD_CURDATE, 0, 0, fixed("date('now')")},
      {"CURRENT_DATE", Family::TimeDate, SQL_FN_TD_CURRENT_DATE, 0, 0, fixed("date('now')")},
      {"CURTIME", Family::TimeDate, SQL_FN_TD_CURTIME, 0, 0, fixed("time('now')")},
      {"CURRENT_TIME", Family::TimeDate, SQL_FN_TD_CURRENT_TIME, 0, 1, fixed("time('now')")},
      {"NOW", Family::TimeDate, SQL_FN_TD_NOW, 0, 0, fixed("datetime('now')")},
      {"CURRENT_TIMESTAMP", Family::TimeDate, SQL_FN_TD_CURRENT_TIMESTAMP, 0, 1, fixed("datetime('now')")},
      {"YEAR", Family::TimeDate, SQL_FN_TD_YEAR, 1, 1, strftimeInt("%Y")},
      {"MONTH", Family::TimeDate, SQL_FN_TD_MONTH, 1, 1, strftimeInt("%m")},
      {"DAYOFMONTH", Family::TimeDate, SQL_FN_TD_DAYOFMONTH, 1, 1, strftimeInt("%d")},
      {"DAYOFYEAR", Family::TimeDate, SQL_FN_TD_DAYOFYEAR, 1, 1, strftimeInt("%j")},
      {"HOUR", Family::TimeDate, SQL_FN_TD_HOUR, 1, 1, strftimeInt("%H")},
      {"MINUTE", Family::TimeDate, SQL_FN_TD_MINUTE, 1, 1, strftimeInt("%M")},
      {"SECOND", Family::TimeDate, SQL_FN_TD_SECOND, 1, 1, strftimeInt("%S")},
      {"DAYOFWEEK", Family::TimeDate, SQL_FN_TD_DAYOFWEEK, 1, 1,
       [](const Args& a) -> std::optional<std::string> {
         return "(CAST(strftime('%w', " + a[0] + ") AS INTEGER) + 1)";  // ODBC: 1 = Sunday
       }},
      {"QUARTER", Family::TimeDate, SQL_FN_TD_QUARTER, 1, 1,
       [](const Args& a) -> std::optional<std::string> {
         return "((CAST(strftime('%m', " + a[0] + ") AS INTEGER) + 2) / 3)";
       }},
      {"MONTHNAME", Family::TimeDate, SQL_FN_TD_MONTHNAME, 1, 1,
       [](const Args& a) -> std::optional<std::string> {
         return "(CASE CAST(strftime('%m', " + a[0] +
                ") AS INTEGER) WHEN 1 THEN 'January' WHEN 2 THEN 'February' WHEN 3 THEN 'March' "
                "WHEN 4 THEN 'April' WHEN 5 THEN 'May' WHEN 6 THEN 'June' WHEN 7 THEN 'July' WHEN 8 "
                "THEN 'August' WHEN 9 THEN 'September' WHEN 10 THEN 'October' WHEN 11 THEN "
                "'November' WHEN 12 THEN 'December' END)";
       }},
      {"DAYNAME", Family::TimeDate, SQL_FN_TD_DAYNAME, 1, 1,
       [](const Args& a) -> std::optional<std::string> {
         return "(CASE CAST(strftime('%w', " + a[0] +
                ") AS INTEGER) WHEN 0 THEN 'Sunday' WHEN 1 THEN 'Monday' WHEN 2 THEN 'Tuesday' "
                "WHEN 3 THEN 'Wednesday' WHEN 4 THEN 'Thursday' WHEN 5 THEN 'Friday' WHEN 6 THEN "
                "'Saturday' END)";
       }},

      // System and conversion functions.
      {"IFNULL", Family::System, SQL_FN_SYS_IFNULL, 2, 2, renamed("ifnull")},
      {"CONVERT", Family::Convert, SQL_FN_CVT_CONVERT, 2, 2, convertCall},
  };
  return table;
}

class Rewriter {
 public:
  explicit Rewriter(std::string_view sql) : s_(sql) {}

  std::string run() {
    std::string out = region(false);
    return out;
  }

 private:
  [[noreturn]] void syntaxError(std::string_view what) const {
    throw Error(sqlstate::kSyntaxErrorOrAccessViolation,
                "Syntax error in ODBC escape sequence: " + std::string(what) + " (near position " +
                    std::to_string(pos_) + ").");
  }

  // Copies a quoted run ('...', "...", `...`, [...]) verbatim, including its quotes.
  void copyQuoted(std::string& out, char open, char close) {
    const std::size_t start = pos_++;
    while (pos_ < s_.size()) {
      if (s_[pos_] == close) {
        if (close != ']' && pos_ + 1 < s_.size() && s_[pos_ + 1] == close) {
          pos_ += 2;  // doubled quote inside
          continue;
        }
        ++pos_;
        out.append(s_.substr(start, pos_ - start));
        return;
      }
      ++pos_;
    }
    if (open == '\'') syntaxError("unterminated string literal");
    syntaxError("unterminated quoted identifier");
  }

  // Rewrites text until the end (or, inside an escape, until its closing brace, consumed).
  std::string region(bool inside_escape) {
    std::string out;
    while (pos_ < s_.size()) {
      const char c = s_[pos_];
      if (c == '\'') {
        copyQuoted(out, '\'', '\'');
      } else if (c == '"') {
        copyQuoted(out, '"', '"');
      } else if (c == '`') {
        copyQuoted(out, '`', '`');
      } else if (c == '[') {
        copyQuoted(out, '[', ']');
      } else if (c == '-' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '-') {
        const std::size_t end = s_.find('\n', pos_);
        const std::size_t stop = end == std::string_view::npos ? s_.size() : end;
        out.append(s_.substr(pos_, stop - pos_));
        pos_ = stop;
      } else if (c == '/' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '*') {
        const std::size_t end = s_.find("*/", pos_ + 2);
        const std::size_t stop = end == std::string_view::npos ? s_.size() : end + 2;
        out.append(s_.substr(pos_, stop - pos_));
        pos_ = stop;
      } else if (c == '{') {
        ++pos_;
        // The application's SQL decides how deep this recursion goes; a bound keeps a hostile or
        // generated statement from exhausting the host process's stack.
        if (++depth_ > kMaxEscapeDepth) {
          syntaxError("escape sequences nested more than " + std::to_string(kMaxEscapeDepth) + " deep");
        }
        out += escape();
        --depth_;
      } else if (c == '}' && inside_escape) {
        ++pos_;
        return out;
      } else {
        out.push_back(c);
        ++pos_;
      }
    }
    if (inside_escape) syntaxError("missing '}'");
    return out;
  }

  void skipSpaces() {
    while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
  }

  std::string escape() {
    skipSpaces();
    const std::size_t start = pos_;
    while (pos_ < s_.size() && (std::isalpha(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '?' ||
                                s_[pos_] == '=' || s_[pos_] == '_')) {
      ++pos_;
    }
    const std::string original(s_.substr(start, pos_ - start));
    const std::string keyword = upper(original);
    if (keyword == "D" || keyword == "T" || keyword == "TS") {
      skipSpaces();
      if (pos_ >= s_.size() || s_[pos_] != '\'') syntaxError("{" + keyword + "} needs a quoted literal");
      std::string literal;
      copyQuoted(literal, '\'', '\'');
      skipSpaces();
      if (pos_ >= s_.size() || s_[pos_] != '}') syntaxError("missing '}' after a date/time literal");
      ++pos_;
      return literal;
    }
    const std::string inner = region(true);
    if (keyword == "FN") return function(inner);
    if (keyword == "OJ") return std::string(trim(inner));
    if (keyword == "ESCAPE") return "ESCAPE " + std::string(trim(inner));
    // {call}, {?=call}, {interval ...}, {guid ...}: not ours to rewrite here.
    return "{" + original + inner + "}";
  }

  // Splits "name(arg, arg)" at top-level commas; nullopt if it is not one call.
  static std::optional<std::pair<std::string, Args>> parseCall(std::string_view text) {
    text = trim(text);
    std::size_t i = 0;
    while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_')) ++i;
    if (i == 0) return std::nullopt;
    std::string name = upper(text.substr(0, i));
    std::string_view rest = trim(text.substr(i));
    if (rest.empty()) return std::make_pair(name, Args{});  // {fn CURRENT_DATE}
    if (rest.front() != '(' || rest.back() != ')') return std::nullopt;
    const std::string_view body = rest.substr(1, rest.size() - 2);
    Args args;
    int depth = 0;
    std::size_t arg_start = 0;
    for (std::size_t k = 0; k < body.size(); ++k) {
      const char c = body[k];
      if (c == '\'' || c == '"') {
        const char q = c;
        ++k;
        while (k < body.size() && !(body[k] == q && (k + 1 >= body.size() || body[k + 1] != q))) {
          if (body[k] == q) ++k;  // doubled quote
          ++k;
        }
      } else if (c == '(') {
        ++depth;
      } else if (c == ')') {
        if (--depth < 0) return std::nullopt;
      } else if (c == ',' && depth == 0) {
        args.emplace_back(trim(body.substr(arg_start, k - arg_start)));
        arg_start = k + 1;
      }
    }
    if (depth != 0) return std::nullopt;
    const std::string_view last = trim(body.substr(arg_start));
    if (!last.empty() || !args.empty()) args.emplace_back(last);
    return std::make_pair(name, args);
  }

  static std::string function(const std::string& inner) {
    auto call = parseCall(inner);
    if (!call) return std::string(trim(inner));
    for (const auto& f : functions()) {
      if (f.name != call->first) continue;
      const int n = static_cast<int>(call->second.size());
      if (n < f.min_args || n > f.max_args) break;
      if (auto translated = f.translate(call->second)) return *translated;
      break;
    }
    return std::string(trim(inner));  // SQLite may know it under the same name
  }

  static constexpr int kMaxEscapeDepth = 64;

  std::string_view s_;
  std::size_t pos_ = 0;
  int depth_ = 0;
};

}  // namespace

std::string rewriteEscapes(std::string_view sql) {
  if (sql.find('{') == std::string_view::npos) return std::string(sql);
  return Rewriter(sql).run();
}

const EscapeFunctionMasks& escapeFunctionMasks() {
  static const EscapeFunctionMasks masks = [] {
    EscapeFunctionMasks m;
    for (const auto& f : functions()) {
      switch (f.family) {
        case Family::String: m.string_functions |= f.bit; break;
        case Family::Numeric: m.numeric_functions |= f.bit; break;
        case Family::TimeDate: m.timedate_functions |= f.bit; break;
        case Family::System: m.system_functions |= f.bit; break;
        case Family::Convert: m.convert_functions |= f.bit; break;
      }
    }
    m.convert_functions |= SQL_FN_CVT_CAST;  // CAST is plain SQL in SQLite
    return m;
  }();
  return masks;
}

}  // namespace monday::convert
