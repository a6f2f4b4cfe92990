#include "driver/convert/escapes.h"

#include <functional>
#include <vector>
#include <optional>

#include "driver/common/error.h"
#include "driver/common/sql_lexer.h"

namespace monday::convert {

namespace {

using sql::Token;
using sql::TokenKind;
using Args = std::vector<std::string>;
using Translate = std::function<std::string(const Args&)>;

enum class Family { String, Numeric, TimeDate, System, Convert };

struct EscapeFunction {
  std::string_view name;  // upper case
  Family family;
  SQLUINTEGER bit;
  int min_args;
  int max_args;
  Translate translate;
};

[[noreturn]] void syntaxError(const std::string& what) {
  throw Error(sqlstate::kSyntaxErrorOrAccessViolation, "Syntax error in the statement: " + what + ".");
}

std::string joined(const Args& a) {
  std::string out;
  for (std::size_t i = 0; i < a.size(); ++i) out += (i ? ", " : "") + a[i];
  return out;
}

// A call of `function` with the same arguments.
Translate call(std::string_view function) {
  return [function = std::string(function)](const Args& a) { return function + "(" + joined(a) + ")"; };
}

Translate fixed(std::string_view text) {
  return [text = std::string(text)](const Args&) { return text; };
}

// An ODBC interval name as the odbc_* functions take it: a string literal.
std::string intervalLiteral(const std::string& arg) {
  std::string name = sql::upper(arg);
  if (name.size() >= 2 && name.front() == '\'' && name.back() == '\'') return arg;
  return sql::quoteLiteral(name);
}

std::string castTo(const std::string& value, std::string type) {
  type = sql::upper(type);
  auto has = [&](std::string_view word) { return type.find(word) != std::string::npos; };
  // Precision and scale, when given: DECIMAL(10,2), VARCHAR(20).
  std::string size;
  std::string scale;
  if (const auto open = type.find('('); open != std::string::npos) {
    const auto comma = type.find(',', open);
    const auto close = type.find(')', open);
    size = type.substr(open + 1, (comma == std::string::npos ? close : comma) - open - 1);
    if (comma != std::string::npos && close != std::string::npos) scale = type.substr(comma + 1, close - comma - 1);
    type = type.substr(0, open);
  }
  auto trim = [](std::string s) {
    while (!s.empty() && s.front() == ' ') s.erase(s.begin());
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
  };
  size = trim(size);
  scale = trim(scale);
  type = trim(type);
  if (type == "DATE" || type == "SQL_DATE" || type == "SQL_TYPE_DATE") return "odbc_cast_date(" + value + ")";
  if (type == "TIME" || type == "SQL_TIME" || type == "SQL_TYPE_TIME") return "odbc_cast_time(" + value + ")";
  if (type == "TIMESTAMP" || type == "DATETIME" || type == "SQL_TIMESTAMP" || type == "SQL_TYPE_TIMESTAMP") {
    return "odbc_cast_timestamp(" + value + ")";
  }
  if (type == "DECIMAL" || type == "NUMERIC" || type == "DEC") {
    if (!scale.empty() || !size.empty()) return "odbc_cast_decimal(" + value + ", " + (scale.empty() ? "0" : scale) + ")";
    return "CAST(" + value + " AS NUMERIC)";
  }
  if (has("CHAR") || type == "TEXT" || type == "STRING" || type == "CLOB") {
    if (!size.empty()) return "odbc_cast_varchar(" + value + ", " + size + ")";
    return "CAST(" + value + " AS TEXT)";
  }
  if (has("INT")) return "CAST(" + value + " AS INTEGER)";
  if (type == "BIT" || type == "BOOLEAN") return "(CAST(" + value + " AS INTEGER) <> 0)";
  if (type == "REAL" || type == "FLOAT" || type == "DOUBLE" || type == "DOUBLE PRECISION") {
    return "CAST(" + value + " AS REAL)";
  }
  if (has("BINARY") || type == "BLOB") return "CAST(" + value + " AS BLOB)";
  return "CAST(" + value + " AS " + type + (size.empty() ? "" : "(" + size + (scale.empty() ? "" : ", " + scale) + ")") + ")";
}

// {fn CONVERT(x, SQL_type)}
std::string convertCall(const Args& a) {
  const std::string type = sql::upper(a[1]);
  if (type == "SQL_CHAR" || type == "SQL_VARCHAR" || type == "SQL_LONGVARCHAR" || type == "SQL_WCHAR" ||
      type == "SQL_WVARCHAR" || type == "SQL_WLONGVARCHAR" || type == "SQL_GUID") {
    return "CAST(" + a[0] + " AS TEXT)";
  }
  if (type == "SQL_INTEGER" || type == "SQL_SMALLINT" || type == "SQL_TINYINT" || type == "SQL_BIGINT") {
    return "CAST(" + a[0] + " AS INTEGER)";
  }
  if (type == "SQL_BIT") return "(CAST(" + a[0] + " AS INTEGER) <> 0)";
  if (type == "SQL_DOUBLE" || type == "SQL_FLOAT" || type == "SQL_REAL") return "CAST(" + a[0] + " AS REAL)";
  if (type == "SQL_DECIMAL" || type == "SQL_NUMERIC") return "CAST(" + a[0] + " AS NUMERIC)";
  if (type == "SQL_DATE" || type == "SQL_TYPE_DATE") return "odbc_cast_date(" + a[0] + ")";
  if (type == "SQL_TIME" || type == "SQL_TYPE_TIME") return "odbc_cast_time(" + a[0] + ")";
  if (type == "SQL_TIMESTAMP" || type == "SQL_TYPE_TIMESTAMP") return "odbc_cast_timestamp(" + a[0] + ")";
  if (type == "SQL_BINARY" || type == "SQL_VARBINARY" || type == "SQL_LONGVARBINARY") return "CAST(" + a[0] + " AS BLOB)";
  syntaxError("{fn CONVERT} does not know the SQL type " + a[1]);
}

const std::vector<EscapeFunction>& functions() {
  static const std::vector<EscapeFunction> table = {
      // String functions (characters, not bytes, where ODBC says characters).
      {"ASCII", Family::String, SQL_FN_STR_ASCII, 1, 1, call("unicode")},
      {"BIT_LENGTH", Family::String, SQL_FN_STR_BIT_LENGTH, 1, 1, call("odbc_bit_length")},
      {"CHAR", Family::String, SQL_FN_STR_CHAR, 1, 1, call("char")},
      {"CHAR_LENGTH", Family::String, SQL_FN_STR_CHAR_LENGTH, 1, 1, call("odbc_char_length")},
      {"CHARACTER_LENGTH", Family::String, SQL_FN_STR_CHARACTER_LENGTH, 1, 1, call("odbc_char_length")},
      {"CONCAT", Family::String, SQL_FN_STR_CONCAT, 2, 2, [](const Args& a) { return "(" + a[0] + " || " + a[1] + ")"; }},
      {"DIFFERENCE", Family::String, SQL_FN_STR_DIFFERENCE, 2, 2, call("odbc_difference")},
      {"INSERT", Family::String, SQL_FN_STR_INSERT, 4, 4, call("odbc_insert")},
      {"LCASE", Family::String, SQL_FN_STR_LCASE, 1, 1, call("lower")},
      {"LEFT", Family::String, SQL_FN_STR_LEFT, 2, 2, call("odbc_left")},
      {"LENGTH", Family::String, SQL_FN_STR_LENGTH, 1, 1, call("odbc_length")},
      {"LOCATE", Family::String, SQL_FN_STR_LOCATE | SQL_FN_STR_LOCATE_2, 2, 3, call("odbc_locate")},
      {"LTRIM", Family::String, SQL_FN_STR_LTRIM, 1, 1, [](const Args& a) { return "ltrim(" + a[0] + ", ' ')"; }},
      {"OCTET_LENGTH", Family::String, SQL_FN_STR_OCTET_LENGTH, 1, 1, call("odbc_octet_length")},
      {"POSITION", Family::String, SQL_FN_STR_POSITION, 2, 2, [](const Args& a) { return "odbc_locate(" + a[0] + ", " + a[1] + ")"; }},
      {"REPEAT", Family::String, SQL_FN_STR_REPEAT, 2, 2, call("odbc_repeat")},
      {"REPLACE", Family::String, SQL_FN_STR_REPLACE, 3, 3, call("replace")},
      {"RIGHT", Family::String, SQL_FN_STR_RIGHT, 2, 2, call("odbc_right")},
      {"RTRIM", Family::String, SQL_FN_STR_RTRIM, 1, 1, [](const Args& a) { return "rtrim(" + a[0] + ", ' ')"; }},
      {"SOUNDEX", Family::String, SQL_FN_STR_SOUNDEX, 1, 1, call("odbc_soundex")},
      {"SPACE", Family::String, SQL_FN_STR_SPACE, 1, 1, call("odbc_space")},
      {"SUBSTRING", Family::String, SQL_FN_STR_SUBSTRING, 2, 3, call("substr")},
      {"UCASE", Family::String, SQL_FN_STR_UCASE, 1, 1, call("upper")},

      // Numeric functions.
      {"ABS", Family::Numeric, SQL_FN_NUM_ABS, 1, 1, call("abs")},
      {"ACOS", Family::Numeric, SQL_FN_NUM_ACOS, 1, 1, call("odbc_acos")},
      {"ASIN", Family::Numeric, SQL_FN_NUM_ASIN, 1, 1, call("odbc_asin")},
      {"ATAN", Family::Numeric, SQL_FN_NUM_ATAN, 1, 1, call("odbc_atan")},
      {"ATAN2", Family::Numeric, SQL_FN_NUM_ATAN2, 2, 2, call("odbc_atan2")},
      {"CEILING", Family::Numeric, SQL_FN_NUM_CEILING, 1, 1, call("odbc_ceiling")},
      {"COS", Family::Numeric, SQL_FN_NUM_COS, 1, 1, call("odbc_cos")},
      {"COT", Family::Numeric, SQL_FN_NUM_COT, 1, 1, call("odbc_cot")},
      {"DEGREES", Family::Numeric, SQL_FN_NUM_DEGREES, 1, 1, call("odbc_degrees")},
      {"EXP", Family::Numeric, SQL_FN_NUM_EXP, 1, 1, call("odbc_exp")},
      {"FLOOR", Family::Numeric, SQL_FN_NUM_FLOOR, 1, 1, call("odbc_floor")},
      {"LOG", Family::Numeric, SQL_FN_NUM_LOG, 1, 1, call("odbc_log")},  // natural logarithm
      {"LOG10", Family::Numeric, SQL_FN_NUM_LOG10, 1, 1, call("odbc_log10")},
      {"MOD", Family::Numeric, SQL_FN_NUM_MOD, 2, 2, call("odbc_mod")},
      {"PI", Family::Numeric, SQL_FN_NUM_PI, 0, 0, call("odbc_pi")},
      {"POWER", Family::Numeric, SQL_FN_NUM_POWER, 2, 2, call("odbc_power")},
      {"RADIANS", Family::Numeric, SQL_FN_NUM_RADIANS, 1, 1, call("odbc_radians")},
      {"RAND", Family::Numeric, SQL_FN_NUM_RAND, 0, 1, call("odbc_rand")},
      {"ROUND", Family::Numeric, SQL_FN_NUM_ROUND, 2, 2, call("odbc_round")},
      {"SIGN", Family::Numeric, SQL_FN_NUM_SIGN, 1, 1, call("odbc_sign")},
      {"SIN", Family::Numeric, SQL_FN_NUM_SIN, 1, 1, call("odbc_sin")},
      {"SQRT", Family::Numeric, SQL_FN_NUM_SQRT, 1, 1, call("odbc_sqrt")},
      {"TAN", Family::Numeric, SQL_FN_NUM_TAN, 1, 1, call("odbc_tan")},
      {"TRUNCATE", Family::Numeric, SQL_FN_NUM_TRUNCATE, 2, 2, call("odbc_truncate")},

      // Date and time functions (UTC, like every timestamp the driver returns).
      {"CURDATE", Family::TimeDate, SQL_FN_TD_CURDATE, 0, 0, fixed("date('now')")},
      {"CURRENT_DATE", Family::TimeDate, SQL_FN_TD_CURRENT_DATE, 0, 0, fixed("date('now')")},
      {"CURTIME", Family::TimeDate, SQL_FN_TD_CURTIME, 0, 0, fixed("time('now')")},
      {"CURRENT_TIME", Family::TimeDate, SQL_FN_TD_CURRENT_TIME, 0, 1, fixed("time('now')")},
      {"NOW", Family::TimeDate, SQL_FN_TD_NOW, 0, 0, fixed("datetime('now')")},
      {"CURRENT_TIMESTAMP", Family::TimeDate, SQL_FN_TD_CURRENT_TIMESTAMP, 0, 1, fixed("datetime('now')")},
      {"DAYNAME", Family::TimeDate, SQL_FN_TD_DAYNAME, 1, 1, call("odbc_dayname")},
      {"DAYOFMONTH", Family::TimeDate, SQL_FN_TD_DAYOFMONTH, 1, 1, call("odbc_dayofmonth")},
      {"DAYOFWEEK", Family::TimeDate, SQL_FN_TD_DAYOFWEEK, 1, 1, call("odbc_dayofweek")},
      {"DAYOFYEAR", Family::TimeDate, SQL_FN_TD_DAYOFYEAR, 1, 1, call("odbc_dayofyear")},
      // {fn EXTRACT(field FROM x)} is read as the SQL-92 form (sql92Form); any other shape is wrong.
      {"EXTRACT", Family::TimeDate, SQL_FN_TD_EXTRACT, 1, 1,
       [](const Args&) -> std::string { syntaxError("EXTRACT takes 'field FROM value', as in EXTRACT(YEAR FROM created_at)"); }},
      {"HOUR", Family::TimeDate, SQL_FN_TD_HOUR, 1, 1, call("odbc_hour")},
      {"MINUTE", Family::TimeDate, SQL_FN_TD_MINUTE, 1, 1, call("odbc_minute")},
      {"MONTH", Family::TimeDate, SQL_FN_TD_MONTH, 1, 1, call("odbc_month")},
      {"MONTHNAME", Family::TimeDate, SQL_FN_TD_MONTHNAME, 1, 1, call("odbc_monthname")},
      {"QUARTER", Family::TimeDate, SQL_FN_TD_QUARTER, 1, 1, call("odbc_quarter")},
      {"SECOND", Family::TimeDate, SQL_FN_TD_SECOND, 1, 1, call("odbc_second")},
      {"TIMESTAMPADD", Family::TimeDate, SQL_FN_TD_TIMESTAMPADD, 3, 3,
       [](const Args& a) { return "odbc_timestampadd(" + intervalLiteral(a[0]) + ", " + a[1] + ", " + a[2] + ")"; }},
      {"TIMESTAMPDIFF", Family::TimeDate, SQL_FN_TD_TIMESTAMPDIFF, 3, 3,
       [](const Args& a) { return "odbc_timestampdiff(" + intervalLiteral(a[0]) + ", " + a[1] + ", " + a[2] + ")"; }},
      {"WEEK", Family::TimeDate, SQL_FN_TD_WEEK, 1, 1, call("odbc_week")},
      {"YEAR", Family::TimeDate, SQL_FN_TD_YEAR, 1, 1, call("odbc_year")},

      // System and conversion functions.
      {"DATABASE", Family::System, SQL_FN_SYS_DBNAME, 0, 0, call("odbc_database")},
      {"IFNULL", Family::System, SQL_FN_SYS_IFNULL, 2, 2, call("ifnull")},
      {"USER", Family::System, SQL_FN_SYS_USERNAME, 0, 0, call("odbc_user")},
      {"CONVERT", Family::Convert, SQL_FN_CVT_CONVERT, 2, 2, convertCall},
  };
  return table;
}

const EscapeFunction* findFunction(const std::string& name) {
  for (const auto& f : functions()) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

class Rewriter {
 public:
  explicit Rewriter(std::string_view sql) : s_(sql), t_(sql::tokenize(sql)) {
    if (!t_.empty() && t_.back().kind == TokenKind::Unterminated) {
      const char first = t_.back().text.front();
      syntaxError(first == '\'' ? "unterminated string literal"
                  : first == '/' ? "unterminated comment"
                                 : "unterminated quoted identifier");
    }
    matchBrackets();
  }

  std::string run() {
    if (t_.empty()) return std::string(s_);
    std::string out(s_.substr(0, t_.front().offset));
    out += range(0, t_.size());
    out += s_.substr(end(t_.size() - 1));
    return out;
  }

 private:
  static constexpr int kMaxDepth = 64;

  std::size_t end(std::size_t i) const { return t_[i].offset + t_[i].text.size(); }

  // The original text of tokens [b, e), gaps included.
  std::string_view text(std::size_t b, std::size_t e) const {
    if (b >= e) return {};
    return s_.substr(t_[b].offset, end(e - 1) - t_[b].offset);
  }

  // Pairs every '(' and '{' with its closing token in one pass (a scan per bracket would make
  // deeply nested text quadratic), and refuses escapes nested deeper than kMaxDepth before any
  // recursion starts.
  void matchBrackets() {
    match_.assign(t_.size(), std::string::npos);
    std::vector<std::size_t> open;
    int escape_depth = 0;
    for (std::size_t k = 0; k < t_.size(); ++k) {
      const Token& t = t_[k];
      if (t.isPunctuation('(') || t.kind == TokenKind::EscapeOpen) {
        open.push_back(k);
        if (t.kind == TokenKind::EscapeOpen && ++escape_depth > kMaxDepth) {
          syntaxError("ODBC escapes nested more than " + std::to_string(kMaxDepth) + " deep");
        }
      } else if ((t.isPunctuation(')') || t.kind == TokenKind::EscapeClose) && !open.empty()) {
        if (t_[open.back()].kind == TokenKind::EscapeOpen) --escape_depth;
        match_[open.back()] = k;
        open.pop_back();
      }
    }
  }

  // The token that closes the '(' or '{' at `open`; npos when none does.
  std::size_t closing(std::size_t open) const { return match_[open]; }

  struct DepthGuard {
    int& depth;
    explicit DepthGuard(int& d) : depth(d) {
      if (++depth > kMaxDepth) {
        syntaxError("escape sequences and SQL-92 forms nested more than " + std::to_string(kMaxDepth) + " deep");
      }
    }
    ~DepthGuard() { --depth; }
  };

  // Rewrites tokens [b, e): gaps between them are copied as they are.
  std::string range(std::size_t b, std::size_t e) {
    DepthGuard guard(depth_);
    std::string out;
    for (std::size_t i = b; i < e;) {
      if (i > b) out += s_.substr(end(i - 1), t_[i].offset - end(i - 1));
      const Token& t = t_[i];
      if (t.kind == TokenKind::EscapeOpen) {
        const std::size_t close = closing(i);
        if (close == std::string::npos || close >= e) syntaxError("an ODBC escape '{' is missing its '}'");
        out += escape(i + 1, close);
        i = close + 1;
        continue;
      }
      // SQL-92 datetime literals: DATE '2026-01-31' is the text SQLite compares dates as.
      if ((t.isKeyword("DATE") || t.isKeyword("TIME") || t.isKeyword("TIMESTAMP")) && i + 1 < e &&
          t_[i + 1].kind == TokenKind::String && t_[i + 1].text.front() == '\'') {
        out += t_[i + 1].text;
        i += 2;
        continue;
      }
      if (t.kind == TokenKind::Word && i + 1 < e && t_[i + 1].isPunctuation('(') &&
          !(i > b && t_[i - 1].isPunctuation('.'))) {
        if (auto form = sql92Form(i, e)) {
          out += form->first;
          i = form->second;
          continue;
        }
      }
      out += t.text;
      ++i;
    }
    return out;
  }

  // Splits tokens [b, e) at commas of depth 0 and rewrites each part.
  Args arguments(std::size_t b, std::size_t e) {
    Args args;
    std::size_t start = b;
    int depth = 0;
    for (std::size_t k = b; k < e; ++k) {
      if (t_[k].isPunctuation('(') || t_[k].kind == TokenKind::EscapeOpen) ++depth;
      if (t_[k].isPunctuation(')') || t_[k].kind == TokenKind::EscapeClose) --depth;
      if (depth == 0 && t_[k].isPunctuation(',')) {
        args.push_back(range(start, k));
        start = k + 1;
      }
    }
    if (start < e || !args.empty()) args.push_back(range(start, e));
    return args;
  }

  // Index of the first depth-0 token in [b, e) that is `keyword`; npos when none.
  std::size_t findKeyword(std::size_t b, std::size_t e, std::string_view keyword) const {
    int depth = 0;
    for (std::size_t k = b; k < e; ++k) {
      if (t_[k].isPunctuation('(') || t_[k].kind == TokenKind::EscapeOpen) ++depth;
      if (t_[k].isPunctuation(')') || t_[k].kind == TokenKind::EscapeClose) --depth;
      if (depth == 0 && t_[k].isKeyword(keyword)) return k;
    }
    return std::string::npos;
  }

  // EXTRACT(YEAR FROM x) and the other SQL-92 forms starting at the word `i`; the text and the
  // index after the closing parenthesis, or nullopt when the word is not one of them.
  std::optional<std::pair<std::string, std::size_t>> sql92Form(std::size_t i, std::size_t e) {
    const std::size_t open = i + 1;
    const std::size_t close = closing(open);
    if (close == std::string::npos || close >= e) return std::nullopt;
    const std::size_t b = open + 1;
    const Token& word = t_[i];
    auto done = [&](std::string text) { return std::make_optional(std::make_pair(std::move(text), close + 1)); };
    if (word.isKeyword("EXTRACT")) {
      const std::size_t from = findKeyword(b, close, "FROM");
      if (from != b + 1) return std::nullopt;
      return done("odbc_extract(" + intervalLiteral(std::string(t_[b].text)) + ", " + range(from + 1, close) + ")");
    }
    if (word.isKeyword("POSITION")) {
      const std::size_t in = findKeyword(b, close, "IN");
      if (in == std::string::npos) return std::nullopt;
      return done("odbc_locate(" + range(b, in) + ", " + range(in + 1, close) + ")");
    }
    if (word.isKeyword("TRIM")) {
      const std::size_t from = findKeyword(b, close, "FROM");
      if (from == std::string::npos) return std::nullopt;  // SQLite's own trim(x[, chars])
      std::string function = "trim";
      std::size_t chars_start = b;
      if (t_[b].isKeyword("BOTH") || t_[b].isKeyword("LEADING") || t_[b].isKeyword("TRAILING")) {
        function = t_[b].isKeyword("LEADING") ? "ltrim" : t_[b].isKeyword("TRAILING") ? "rtrim" : "trim";
        chars_start = b + 1;
      }
      const std::string chars = chars_start < from ? range(chars_start, from) : "' '";
      return done(function + "(" + range(from + 1, close) + ", " + chars + ")");
    }
    if (word.isKeyword("SUBSTRING")) {
      const std::size_t from = findKeyword(b, close, "FROM");
      if (from == std::string::npos) return done("substr(" + joined(arguments(b, close)) + ")");
      const std::size_t for_at = findKeyword(from + 1, close, "FOR");
      if (for_at == std::string::npos) return done("substr(" + range(b, from) + ", " + range(from + 1, close) + ")");
      return done("substr(" + range(b, from) + ", " + range(from + 1, for_at) + ", " + range(for_at + 1, close) + ")");
    }
    if (word.isKeyword("CHAR_LENGTH") || word.isKeyword("CHARACTER_LENGTH")) {
      return done("odbc_char_length(" + range(b, close) + ")");
    }
    if (word.isKeyword("OCTET_LENGTH")) return done("odbc_octet_length(" + range(b, close) + ")");
    if (word.isKeyword("BIT_LENGTH")) return done("odbc_bit_length(" + range(b, close) + ")");
    if (word.isKeyword("CAST")) {
      const std::size_t as = findKeyword(b, close, "AS");
      if (as == std::string::npos) return std::nullopt;
      return done(castTo(range(b, as), std::string(text(as + 1, close))));
    }
    return std::nullopt;
  }

  // The inside of an escape: tokens [b, e) between '{' and '}'.
  std::string escape(std::size_t b, std::size_t e) {
    DepthGuard guard(depth_);
    if (b >= e) syntaxError("an empty ODBC escape '{}'");
    const Token& first = t_[b];
    // {?= call ...} and {call ...}: the procedure layer's, with the escapes in their arguments rewritten.
    if (first.kind == TokenKind::Parameter || first.isKeyword("call")) return "{" + range(b, e) + "}";
    if (first.isKeyword("d") || first.isKeyword("t") || first.isKeyword("ts")) {
      if (e != b + 2 || t_[b + 1].kind != TokenKind::String) {
        syntaxError("{" + std::string(first.text) + " ...} needs one quoted literal, as in {d '2026-01-31'}");
      }
      return std::string(t_[b + 1].text);
    }
    if (first.isKeyword("guid")) {
      if (e != b + 2 || t_[b + 1].kind != TokenKind::String) syntaxError("{guid ...} needs one quoted literal");
      return std::string(t_[b + 1].text);
    }
    if (first.isKeyword("escape")) return "ESCAPE " + range(b + 1, e);
    if (first.isKeyword("oj")) return outerJoin(b + 1, e);
    if (first.isKeyword("fn")) return function(b + 1, e);
    if (first.isKeyword("interval")) {
      syntaxError("interval literals ({interval ...}) are not supported; use TIMESTAMPADD");
    }
    syntaxError("unknown ODBC escape '{" + std::string(first.text) + " ...}'");
  }

  // {fn name(args)} or {fn name}.
  std::string function(std::size_t b, std::size_t e) {
    if (b >= e || t_[b].kind != TokenKind::Word) syntaxError("{fn ...} needs a function name");
    const std::string name = sql::upper(t_[b].text);
    Args args;
    if (b + 1 < e) {
      if (!t_[b + 1].isPunctuation('(') || closing(b + 1) != e - 1) syntaxError("{fn " + name + " ...} is not one call");
      if (name == "EXTRACT" || name == "POSITION" || name == "TRIM" || name == "SUBSTRING") {
        if (auto form = sql92Form(b, e)) return form->first;
      }
      args = arguments(b + 2, e - 1);
    }
    const EscapeFunction* f = findFunction(name);
    if (!f) return name + "(" + joined(args) + ")";  // the engine may know it under the same name
    const int n = static_cast<int>(args.size());
    if (n < f->min_args || n > f->max_args) {
      syntaxError("{fn " + name + "} takes " +
                  (f->min_args == f->max_args ? std::to_string(f->min_args)
                                              : std::to_string(f->min_args) + " to " + std::to_string(f->max_args)) +
                  " argument(s), not " + std::to_string(n));
    }
    return f->translate(args);
  }

  // {oj A LEFT OUTER JOIN B LEFT OUTER JOIN C ON c1 ON c2}: SQL-92's nested form (ON clauses
  // after the tables they join) becomes SQLite's parenthesised one: A LEFT JOIN (B LEFT JOIN C
  // ON c1) ON c2. Flat chains stay as they are.
  std::string outerJoin(std::size_t b, std::size_t e) {
    std::size_t position = b;
    std::string out = joinChain(position, e).text;
    if (position != e) out += " " + range(position, e);
    return out;
  }

  bool joinWordAt(std::size_t k, std::size_t e) const {
    return k < e && (t_[k].isKeyword("LEFT") || t_[k].isKeyword("RIGHT") || t_[k].isKeyword("FULL") ||
                     t_[k].isKeyword("INNER") || t_[k].isKeyword("CROSS") || t_[k].isKeyword("JOIN") ||
                     t_[k].isKeyword("NATURAL"));
  }

  // A table reference: a name (qualified, aliased) or a parenthesised join or subquery.
  std::string primary(std::size_t& k, std::size_t e) {
    const std::size_t start = k;
    if (k < e && t_[k].isPunctuation('(')) {
      const std::size_t close = closing(k);
      if (close == std::string::npos || close >= e) syntaxError("an unclosed '(' in an outer join");
      k = close + 1;
    }
    while (k < e && !joinWordAt(k, e) && !t_[k].isKeyword("ON")) ++k;
    return range(start, k);
  }

  struct Joined {
    std::string text;
    bool compound = false;  // holds a join: needs parentheses as the right side of another
  };

  // primary { join-op chain [ON condition] }: a right side followed by a join word before its
  // own ON is itself a chain (the nested form), and takes the ONs that follow, innermost first.
  Joined joinChain(std::size_t& k, std::size_t e) {
    Joined left{primary(k, e), false};
    while (joinWordAt(k, e)) {
      const std::size_t op_start = k;
      while (k < e && !t_[k].isKeyword("JOIN")) ++k;
      if (k >= e) syntaxError("a join without JOIN in an outer join escape");
      ++k;
      const std::string op = range(op_start, k);
      Joined right = joinChain(k, e);
      std::string condition;
      if (k < e && t_[k].isKeyword("ON")) {
        const std::size_t cond_start = ++k;
        int depth = 0;
        while (k < e) {
          if (t_[k].isPunctuation('(')) ++depth;
          if (t_[k].isPunctuation(')')) --depth;
          if (depth == 0 && (joinWordAt(k, e) || t_[k].isKeyword("ON"))) break;
          ++k;
        }
        condition = " ON " + range(cond_start, k);
      }
      left.text += " " + op + " " + (right.compound ? "(" + right.text + ")" : right.text) + condition;
      left.compound = true;
      if (k < e && t_[k].isKeyword("ON")) return left;  // the enclosing join's ON: it takes it
    }
    return left;
  }

  std::string_view s_;
  std::vector<Token> t_;
  std::vector<std::size_t> match_;
  int depth_ = 0;
};

std::string_view familyName(Family family) {
  switch (family) {
    case Family::String: return "string";
    case Family::Numeric: return "numeric";
    case Family::TimeDate: return "time/date";
    case Family::System: return "system";
    case Family::Convert: return "conversion";
  }
  return "";
}

}  // namespace

std::string rewriteEscapes(std::string_view sql) { return Rewriter(sql).run(); }

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
    m.convert_functions |= SQL_FN_CVT_CAST;  // CAST, rewritten where SQLite's differs
    return m;
  }();
  return masks;
}

std::vector<EscapeFunctionInfo> escapeFunctions() {
  std::vector<EscapeFunctionInfo> out;
  for (const auto& f : functions()) out.push_back({f.name, familyName(f.family), f.min_args, f.max_args});
  return out;
}

}  // namespace monday::convert
