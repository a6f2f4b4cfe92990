#include "procedures/call_syntax.h"

#include <cctype>

#include "driver/common/error.h"
#include "procedures/registry.h"

namespace monday::procedures {

namespace {

constexpr std::string_view kHowToCall =
    "Write it as EXEC Name arg, ... or EXEC Name @Parameter = value, ... or CALL Name(arg, ...) or "
    "{call Name(?, ...)}.";

[[noreturn]] void malformed(std::string_view why) {
  throw Error(sqlstate::kSyntaxErrorOrAccessViolation,
              "Cannot read the procedure call: " + std::string(why) + ". " + std::string(kHowToCall));
}

bool isIdentifierChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Index just past the quoted run that starts at `at` ('...', "...", `...`, [...]); doubled quotes
// inside are part of the run. Returns npos when it is not closed.
std::size_t skipQuoted(std::string_view s, std::size_t at) {
  const char open = s[at];
  const char close = open == '[' ? ']' : open;
  for (std::size_t i = at + 1; i < s.size(); ++i) {
    if (s[i] != close) continue;
    if (close != ']' && i + 1 < s.size() && s[i + 1] == close) {
      ++i;
      continue;
    }
    return i + 1;
  }
  return std::string_view::npos;
}

bool isQuote(char c) { return c == '\'' || c == '"' || c == '`' || c == '['; }

class Scanner {
 public:
  explicit Scanner(std::string_view text) : s_(text) {}

  // Whitespace and SQL comments.
  void skipSpace() {
    for (;;) {
      while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
      if (s_.substr(pos_, 2) == "--") {
        const auto end = s_.find('\n', pos_);
        pos_ = end == std::string_view::npos ? s_.size() : end + 1;
      } else if (s_.substr(pos_, 2) == "/*") {
        const auto end = s_.find("*/", pos_ + 2);
        pos_ = end == std::string_view::npos ? s_.size() : end + 2;
      } else {
        return;
      }
    }
  }

  // Only blanks, comments and semicolons remain.
  bool atEnd() {
    for (;;) {
      skipSpace();
      if (pos_ < s_.size() && s_[pos_] == ';') {
        ++pos_;
        continue;
      }
      return pos_ >= s_.size();
    }
  }

  bool peek(char c) {
    skipSpace();
    return pos_ < s_.size() && s_[pos_] == c;
  }

  bool consume(char c) {
    if (!peek(c)) return false;
    ++pos_;
    return true;
  }

  // A keyword, case-insensitively, not followed by an identifier character.
  bool keyword(std::string_view word) {
    skipSpace();
    if (s_.size() - pos_ < word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
      if (std::toupper(static_cast<unsigned char>(s_[pos_ + i])) != word[i]) return false;
    }
    if (pos_ + word.size() < s_.size() && isIdentifierChar(s_[pos_ + word.size()])) return false;
    pos_ += word.size();
    return true;
  }

  // A bare or quoted identifier, unquoted; nullopt when there is none here.
  std::optional<std::string> identifier() {
    skipSpace();
    if (pos_ >= s_.size()) return std::nullopt;
    const char c = s_[pos_];
    if (c == '"' || c == '`' || c == '[') {
      const std::size_t end = skipQuoted(s_, pos_);
      if (end == std::string_view::npos) malformed("a quoted name is not closed");
      std::string name;
      const char close = c == '[' ? ']' : c;
      for (std::size_t i = pos_ + 1; i + 1 < end; ++i) {
        name.push_back(s_[i]);
        if (s_[i] == close && close != ']') ++i;  // doubled quote
      }
      pos_ = end;
      return name;
    }
    const std::size_t start = pos_;
    while (pos_ < s_.size() && isIdentifierChar(s_[pos_])) ++pos_;
    if (pos_ == start) return std::nullopt;
    return std::string(s_.substr(start, pos_ - start));
  }

  // At '(': the text up to the matching ')', which is consumed.
  std::string_view parenthesized() {
    const std::size_t open = pos_;
    int depth = 0;
    for (std::size_t i = pos_; i < s_.size(); ++i) {
      const char c = s_[i];
      if (isQuote(c)) {
        const std::size_t end = skipQuoted(s_, i);
        if (end == std::string_view::npos) malformed("a quoted value is not closed");
        i = end - 1;
      } else if (c == '(') {
        ++depth;
      } else if (c == ')' && --depth == 0) {
        pos_ = i + 1;
        return s_.substr(open + 1, i - open - 1);
      }
    }
    malformed("a '(' has no matching ')'");
  }

  // Everything from here to the end, without trailing blanks and semicolons.
  std::string_view rest() {
    std::string_view tail = trim(s_.substr(pos_));
    while (!tail.empty() && (tail.back() == ';' || std::isspace(static_cast<unsigned char>(tail.back())))) {
      tail.remove_suffix(1);
    }
    pos_ = s_.size();
    return tail;
  }

  std::size_t position() const { return pos_; }
  void rewind(std::size_t position) { pos_ = position; }

 private:
  std::string_view s_;
  std::size_t pos_ = 0;
};

// The text without SQL comments (outside quoted runs), so a comment after the last argument
// cannot swallow the closing parenthesis of the rewritten call.
std::string withoutComments(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (isQuote(c)) {
      const std::size_t end = skipQuoted(text, i);
      if (end == std::string_view::npos) malformed("a quoted value is not closed");
      out.append(text.substr(i, end - i));
      i = end - 1;
    } else if (text.substr(i, 2) == "--") {
      const std::size_t end = text.find('\n', i);
      if (end == std::string_view::npos) break;
      out.push_back(' ');
      i = end;
    } else if (text.substr(i, 2) == "/*") {
      const std::size_t end = text.find("*/", i + 2);
      if (end == std::string_view::npos) break;
      out.push_back(' ');
      i = end + 1;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// Top-level comma-separated pieces, trimmed. "" → no arguments.
std::vector<std::string> splitArguments(std::string_view raw) {
  const std::string cleaned = withoutComments(raw);
  const std::string_view text = cleaned;
  std::vector<std::string> out;
  if (trim(text).empty()) return out;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (isQuote(c)) {
      const std::size_t end = skipQuoted(text, i);
      if (end == std::string_view::npos) malformed("a quoted value is not closed");
      i = end - 1;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (--depth < 0) malformed("a ')' has no matching '('");
    } else if (c == ',' && depth == 0) {
      out.emplace_back(trim(text.substr(start, i - start)));
      start = i + 1;
    }
  }
  if (depth != 0) malformed("a '(' has no matching ')'");
  out.emplace_back(trim(text.substr(start)));
  return out;
}

// "@Name = expr" or "Name => expr": the parameter name and the expression.
std::optional<std::pair<std::string, std::string>> namedArgument(std::string_view argument) {
  std::size_t i = 0;
  const bool at_sign = !argument.empty() && argument[0] == '@';
  if (at_sign) ++i;
  const std::size_t name_start = i;
  while (i < argument.size() && isIdentifierChar(argument[i])) ++i;
  if (i == name_start) {
    if (at_sign) malformed("'@' must be followed by a parameter name");
    return std::nullopt;
  }
  const std::string name(argument.substr(name_start, i - name_start));
  while (i < argument.size() && std::isspace(static_cast<unsigned char>(argument[i]))) ++i;
  if (argument.substr(i, 2) == "=>") {
    i += 2;
  } else if (at_sign && i < argument.size() && argument[i] == '=') {
    ++i;
  } else {
    if (at_sign) malformed("@" + name + " needs a value: @" + name + " = value");
    return std::nullopt;
  }
  const std::string_view value = trim(argument.substr(i));
  if (value.empty()) malformed("@" + name + " needs a value after '='");
  return std::make_pair(name, std::string(value));
}

void addArguments(ParsedCall& call, std::string_view list) {
  for (auto& argument : splitArguments(list)) {
    if (auto named = namedArgument(argument)) {
      call.named.push_back(std::move(*named));
    } else {
      if (!call.named.empty()) malformed("positional arguments must come before named ones");
      call.positional.push_back(std::move(argument));
    }
  }
}

// [schema.]name
void readName(Scanner& scanner, ParsedCall& call) {
  auto first = scanner.identifier();
  if (!first) malformed("the procedure name is missing");
  if (scanner.consume('.')) {
    auto second = scanner.identifier();
    if (!second) malformed("a procedure name must follow '" + *first + ".'");
    call.schema = std::move(*first);
    call.name = std::move(*second);
  } else {
    call.name = std::move(*first);
  }
}

std::string quoteIdentifier(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    out.push_back(c);
    if (c == '"') out.push_back('"');
  }
  return out + "\"";
}

std::string procedureNames() {
  std::string out;
  for (const auto& procedure : allProcedures()) out += (out.empty() ? "" : ", ") + procedure->name;
  return out;
}

}  // namespace

std::optional<ParsedCall> parseCall(std::string_view sql) {
  Scanner scanner(sql);
  ParsedCall call;
  if (scanner.consume('{')) {
    // ODBC escape: {call name[(args)]} or {? = call name[(args)]}.
    if (scanner.consume('?')) {
      if (!scanner.consume('=')) malformed("expected '=' after '?' in {? = call ...}");
      call.return_value = true;
    }
    if (!scanner.keyword("CALL")) return std::nullopt;  // some other escape: not ours
    readName(scanner, call);
    if (scanner.peek('(')) addArguments(call, scanner.parenthesized());
    if (!scanner.consume('}')) malformed("expected '}' after the arguments of {call ...}");
    if (!scanner.atEnd()) malformed("text follows the {call ...} escape");
    return call;
  }
  if (scanner.keyword("CALL")) {
    readName(scanner, call);
    if (scanner.peek('(')) addArguments(call, scanner.parenthesized());
    if (!scanner.atEnd()) malformed("CALL takes its arguments in parentheses: CALL Name(arg, ...)");
    return call;
  }
  if (scanner.keyword("EXECUTE") || scanner.keyword("EXEC")) {
    if (scanner.peek('@')) {
      // EXEC @status = Name ...: a return value we cannot provide.
      call.return_value = true;
      scanner.consume('@');
      if (!scanner.identifier() || !scanner.consume('=')) malformed("expected EXEC @variable = Name ...");
    }
    readName(scanner, call);
    // EXEC Name(args) is accepted too, when the parentheses hold the whole argument list.
    const std::size_t after_name = scanner.position();
    if (scanner.peek('(')) {
      const std::string_view inside = scanner.parenthesized();
      if (scanner.atEnd()) {
        addArguments(call, inside);
        return call;
      }
      scanner.rewind(after_name);
    }
    addArguments(call, scanner.rest());
    return call;
  }
  return std::nullopt;
}

std::optional<std::string> translateCall(std::string_view sql) {
  std::optional<ParsedCall> call = parseCall(sql);
  if (!call) return std::nullopt;
  std::string text = call->return_value ? "/* ?= (a return value this driver cannot give) */ " : "";
  text += "SELECT * FROM " + quoteIdentifier(call->schema.empty() ? std::string("monday") : call->schema) + "." +
          quoteIdentifier(call->name);
  if (!call->positional.empty()) {
    text += "(";
    for (std::size_t i = 0; i < call->positional.size(); ++i) {
      text += (i ? ", " : "") + (call->positional[i].empty() ? std::string("NULL") : call->positional[i]);
    }
    text += ")";
  }
  std::string where;
  for (const auto& [name, expression] : call->named) {
    where += (where.empty() ? " WHERE " : " AND ") + quoteIdentifier(name) + " = " + expression;
  }
  return text + where;
}

std::optional<std::string> rewriteCall(std::string_view sql) {
  std::optional<ParsedCall> call = parseCall(sql);
  if (!call) return std::nullopt;
  auto procedure = (call->schema.empty() || sameName(call->schema, "monday")) ? findProcedure(call->name) : nullptr;
  if (!procedure) {
    const std::string shown = call->schema.empty() ? call->name : call->schema + "." + call->name;
    throw Error(sqlstate::kSyntaxErrorOrAccessViolation,
                "Procedure " + shown + " does not exist. SQLProcedures lists the procedures this driver offers: " +
                    procedureNames() + ".");
  }
  if (call->return_value) {
    throw Error(sqlstate::kOptionalFeatureNotImplemented,
                procedure->name +
                    " returns a result set, not a return value: call it without '? =' "
                    "(for example {call " + procedure->name + "(...)}) and fetch its rows.");
  }
  const auto& parameters = procedure->parameters;
  if (call->positional.size() > parameters.size()) {
    throw Error(sqlstate::kSyntaxErrorOrAccessViolation,
                procedure->name + " takes at most " + std::to_string(parameters.size()) + " argument" +
                    (parameters.size() == 1 ? "" : "s") + " (" + procedure->signature() + "); " +
                    std::to_string(call->positional.size()) + " were given.");
  }
  std::vector<bool> given(parameters.size(), false);
  for (std::size_t i = 0; i < call->positional.size(); ++i) given[i] = true;

  std::string text = "SELECT * FROM \"monday\"." + quoteIdentifier(procedure->name);
  if (!call->positional.empty()) {
    text += "(";
    for (std::size_t i = 0; i < call->positional.size(); ++i) {
      if (i) text += ", ";
      text += call->positional[i].empty() ? "NULL" : call->positional[i];
    }
    text += ")";
  }
  std::string where;
  for (const auto& [name, expression] : call->named) {
    const int index = procedure->parameterIndex(name);
    if (index < 0) {
      throw Error(sqlstate::kSyntaxErrorOrAccessViolation,
                  procedure->name + " has no parameter @" + name + ". Its parameters are: " + procedure->signature() +
                      ".");
    }
    if (given[static_cast<std::size_t>(index)]) {
      throw Error(sqlstate::kSyntaxErrorOrAccessViolation,
                  "Parameter " + parameters[static_cast<std::size_t>(index)].name + " of " + procedure->name +
                      " is given twice.");
    }
    given[static_cast<std::size_t>(index)] = true;
    where += (where.empty() ? " WHERE " : " AND ") + quoteIdentifier(parameters[static_cast<std::size_t>(index)].name) +
             " = " + expression;
  }
  return text + where;
}

}  // namespace monday::procedures
