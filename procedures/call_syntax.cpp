#include "procedures/call_syntax.h"

#include <span>

#include "driver/common/error.h"
#include "driver/common/sql_lexer.h"
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

using sql::Token;
using sql::TokenKind;
using TokenRange = std::span<const Token>;

// A cursor over the statement's tokens. The call syntax reads through the driver's one SQL lexer
// (driver/common/sql_lexer.h), so quotes, comments and braces mean what they mean everywhere else.
class TokenCursor {
 public:
  explicit TokenCursor(std::string_view sql) : tokens_(sql::tokenize(sql)) {
    // A comment that never closes runs to the end of the text, as SQLite reads it.
    if (!tokens_.empty() && tokens_.back().kind == TokenKind::Unterminated && tokens_.back().text.starts_with("/*")) {
      tokens_.pop_back();
    }
  }

  // Once the statement is known to be a call: a quote that never closes is a malformed call.
  void requireTerminated() const {
    for (const Token& token : tokens_) {
      if (token.kind != TokenKind::Unterminated) continue;
      const char open = token.text.empty() ? '\'' : token.text.front();
      malformed(open == '\'' || open == 'x' || open == 'X' ? "a quoted value is not closed"
                                                            : "a quoted name is not closed");
    }
  }

  // Only semicolons remain.
  bool atEnd() {
    while (at_ < tokens_.size() && tokens_[at_].isPunctuation(';')) ++at_;
    return at_ >= tokens_.size();
  }

  bool peek(TokenKind kind, std::string_view text) const {
    return at_ < tokens_.size() && tokens_[at_].is(kind, text);
  }
  bool consume(TokenKind kind, std::string_view text) {
    if (!peek(kind, text)) return false;
    ++at_;
    return true;
  }
  bool consumePunctuation(char c) { return consume(TokenKind::Punctuation, std::string_view(&c, 1)); }

  // A keyword, case-insensitively.
  bool keyword(std::string_view word) {
    if (at_ >= tokens_.size() || !tokens_[at_].isKeyword(word)) return false;
    ++at_;
    return true;
  }

  // `@name` (the lexer's parameter token); nullopt when there is none here.
  std::optional<std::string_view> atName() {
    if (at_ >= tokens_.size() || tokens_[at_].kind != TokenKind::Parameter || !tokens_[at_].text.starts_with('@')) {
      return std::nullopt;
    }
    return tokens_[at_++].text.substr(1);
  }

  // A bare or quoted identifier, unquoted; nullopt when there is none here.
  std::optional<std::string> identifier() {
    if (at_ >= tokens_.size()) return std::nullopt;
    const Token& token = tokens_[at_];
    if (token.kind != TokenKind::Word && token.kind != TokenKind::QuotedIdentifier) return std::nullopt;
    ++at_;
    return sql::identifierText(token);
  }

  // At '(': the tokens up to the matching ')', which is consumed.
  TokenRange parenthesized() {
    const std::size_t open = at_;
    int depth = 0;
    for (std::size_t i = at_; i < tokens_.size(); ++i) {
      if (tokens_[i].isPunctuation('(')) {
        ++depth;
      } else if (tokens_[i].isPunctuation(')') && --depth == 0) {
        at_ = i + 1;
        return TokenRange(tokens_).subspan(open + 1, i - open - 1);
      }
    }
    malformed("a '(' has no matching ')'");
  }

  // Everything from here to the end, without trailing semicolons.
  TokenRange rest() {
    std::size_t end = tokens_.size();
    while (end > at_ && tokens_[end - 1].isPunctuation(';')) --end;
    const TokenRange tail = TokenRange(tokens_).subspan(at_, end - at_);
    at_ = tokens_.size();
    return tail;
  }

  std::size_t position() const { return at_; }
  void rewind(std::size_t position) { at_ = position; }

 private:
  std::vector<Token> tokens_;
  std::size_t at_ = 0;
};

// The expression text of a run of tokens: each token as written, one blank where the statement
// had blanks or a comment between them.
std::string textOf(TokenRange tokens) {
  std::string out;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (i && tokens[i].offset > tokens[i - 1].offset + tokens[i - 1].text.size()) out.push_back(' ');
    out.append(tokens[i].text);
  }
  return out;
}

// Top-level comma-separated pieces. No tokens → no arguments.
std::vector<TokenRange> splitArguments(TokenRange list) {
  std::vector<TokenRange> out;
  if (list.empty()) return out;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (list[i].isPunctuation('(')) {
      ++depth;
    } else if (list[i].isPunctuation(')')) {
      if (--depth < 0) malformed("a ')' has no matching '('");
    } else if (list[i].isPunctuation(',') && depth == 0) {
      out.push_back(list.subspan(start, i - start));
      start = i + 1;
    }
  }
  if (depth != 0) malformed("a '(' has no matching ')'");
  out.push_back(list.subspan(start));
  return out;
}

// `=>` is two operator tokens written next to each other.
bool isArrowAt(TokenRange tokens, std::size_t i) {
  return i + 1 < tokens.size() && tokens[i].is(TokenKind::Operator, "=") && tokens[i + 1].is(TokenKind::Operator, ">") &&
         tokens[i + 1].offset == tokens[i].offset + 1;
}

// "@Name = expr", "@Name => expr" or "Name => expr": the parameter name and the expression.
std::optional<std::pair<std::string, std::string>> namedArgument(TokenRange argument) {
  if (argument.empty()) return std::nullopt;
  const Token& first = argument[0];
  if (first.is(TokenKind::Operator, "@")) malformed("'@' must be followed by a parameter name");
  const bool at_sign = first.kind == TokenKind::Parameter && first.text.starts_with('@');
  if (!at_sign && first.kind != TokenKind::Word) return std::nullopt;
  const std::string name(at_sign ? first.text.substr(1) : first.text);
  std::size_t value_at = 0;
  if (isArrowAt(argument, 1)) {
    value_at = 3;
  } else if (at_sign && argument.size() > 1 && argument[1].is(TokenKind::Operator, "=")) {
    value_at = 2;
  } else {
    if (at_sign) malformed("@" + name + " needs a value: @" + name + " = value");
    return std::nullopt;
  }
  if (value_at >= argument.size()) malformed("@" + name + " needs a value after '='");
  return std::make_pair(name, textOf(argument.subspan(value_at)));
}

void addArguments(ParsedCall& call, TokenRange list) {
  for (const TokenRange argument : splitArguments(list)) {
    if (auto named = namedArgument(argument)) {
      call.named.push_back(std::move(*named));
    } else {
      if (!call.named.empty()) malformed("positional arguments must come before named ones");
      call.positional.push_back(textOf(argument));
    }
  }
}

// [schema.]name
void readName(TokenCursor& cursor, ParsedCall& call) {
  auto first = cursor.identifier();
  if (!first) malformed("the procedure name is missing");
  if (cursor.consumePunctuation('.')) {
    auto second = cursor.identifier();
    if (!second) malformed("a procedure name must follow '" + *first + ".'");
    call.schema = std::move(*first);
    call.name = std::move(*second);
  } else {
    call.name = std::move(*first);
  }
}

using sql::quoteIdentifier;

std::string procedureNames() {
  std::string out;
  for (const auto& procedure : allProcedures()) out += (out.empty() ? "" : ", ") + procedure->name;
  return out;
}

}  // namespace

std::optional<ParsedCall> parseCall(std::string_view sql) {
  TokenCursor cursor(sql);
  ParsedCall call;
  if (cursor.consume(TokenKind::EscapeOpen, "{")) {
    // ODBC escape: {call name[(args)]} or {? = call name[(args)]}.
    if (cursor.consume(TokenKind::Parameter, "?")) {
      cursor.requireTerminated();
      if (!cursor.consume(TokenKind::Operator, "=")) malformed("expected '=' after '?' in {? = call ...}");
      call.return_value = true;
    }
    if (!cursor.keyword("CALL")) return std::nullopt;  // some other escape: not ours
    cursor.requireTerminated();
    readName(cursor, call);
    if (cursor.peek(TokenKind::Punctuation, "(")) addArguments(call, cursor.parenthesized());
    if (!cursor.consume(TokenKind::EscapeClose, "}")) malformed("expected '}' after the arguments of {call ...}");
    if (!cursor.atEnd()) malformed("text follows the {call ...} escape");
    return call;
  }
  if (cursor.keyword("CALL")) {
    cursor.requireTerminated();
    readName(cursor, call);
    if (cursor.peek(TokenKind::Punctuation, "(")) addArguments(call, cursor.parenthesized());
    if (!cursor.atEnd()) malformed("CALL takes its arguments in parentheses: CALL Name(arg, ...)");
    return call;
  }
  if (cursor.keyword("EXECUTE") || cursor.keyword("EXEC")) {
    cursor.requireTerminated();
    if (cursor.atName()) {
      // EXEC @status = Name ...: a return value we cannot provide.
      call.return_value = true;
      if (!cursor.consume(TokenKind::Operator, "=")) malformed("expected EXEC @variable = Name ...");
    } else if (cursor.peek(TokenKind::Operator, "@")) {
      malformed("expected EXEC @variable = Name ...");
    }
    readName(cursor, call);
    // EXEC Name(args) is accepted too, when the parentheses hold the whole argument list.
    const std::size_t after_name = cursor.position();
    if (cursor.peek(TokenKind::Punctuation, "(")) {
      const TokenRange inside = cursor.parenthesized();
      if (cursor.atEnd()) {
        addArguments(call, inside);
        return call;
      }
      cursor.rewind(after_name);
    }
    addArguments(call, cursor.rest());
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
