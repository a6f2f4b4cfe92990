#include "driver/engine/expression_types.h"

#include <string>

#include "driver/common/sql_lexer.h"
#include "driver/engine/odbc_functions.h"

namespace monday::engine {

namespace {

using sql::Token;
using sql::TokenKind;
using Tokens = std::vector<Token>;

bool opens(const Token& t) { return t.isPunctuation('('); }
bool closes(const Token& t) { return t.isPunctuation(')'); }

DataType numberType(std::string_view text) {
  return text.find_first_of(".eE") == std::string_view::npos || (text.size() > 1 && (text[1] == 'x' || text[1] == 'X'))
             ? DataType::BigInt
             : DataType::Double;
}

std::optional<DataType> castTarget(const Tokens& expr) {
  // CAST ( ... AS <type> ) covering the whole expression: the AS at depth 1.
  int depth = 0;
  for (std::size_t i = 0; i < expr.size(); ++i) {
    if (opens(expr[i])) ++depth;
    if (closes(expr[i])) --depth;
    if (depth == 1 && expr[i].isKeyword("AS") && i + 1 < expr.size()) {
      const std::string type = sql::upper(expr[i + 1].text);
      if (type.find("INT") != std::string::npos) return DataType::BigInt;
      if (type == "REAL" || type.rfind("FLOA", 0) == 0 || type.rfind("DOUB", 0) == 0) return DataType::Double;
      if (type.find("CHAR") != std::string::npos || type == "TEXT") return DataType::Varchar;
      return parseDeclaredType(type);
    }
  }
  return std::nullopt;
}

std::optional<DataType> inferExpression(Tokens expr);

// CASE ... THEN a ... ELSE b END: the type every branch agrees on.
std::optional<DataType> caseType(const Tokens& expr) {
  std::optional<DataType> agreed;
  bool any = false;
  int depth = 0;
  for (std::size_t i = 1; i < expr.size(); ++i) {
    if (opens(expr[i])) ++depth;
    if (closes(expr[i])) --depth;
    if (depth != 0 || !(expr[i].isKeyword("THEN") || expr[i].isKeyword("ELSE"))) continue;
    // The branch runs to the next WHEN/ELSE/END at this depth.
    Tokens branch;
    int inner = 0;
    std::size_t k = i + 1;
    for (; k < expr.size(); ++k) {
      if (opens(expr[k])) ++inner;
      if (closes(expr[k])) --inner;
      if (inner == 0 && (expr[k].isKeyword("WHEN") || expr[k].isKeyword("ELSE") || expr[k].isKeyword("END"))) break;
      branch.push_back(expr[k]);
    }
    if (branch.size() == 1 && branch[0].isKeyword("NULL")) continue;  // NULL fits any type
    const auto type = inferExpression(branch);
    if (!type || (any && agreed != type)) return std::nullopt;
    agreed = type;
    any = true;
  }
  return agreed;
}

std::optional<DataType> inferExpression(Tokens expr) {
  // Drop a trailing alias: "... AS name" or "... name" after a closing token.
  if (expr.size() >= 2 && expr[expr.size() - 2].isKeyword("AS")) {
    expr.resize(expr.size() - 2);
  } else if (expr.size() >= 2 &&
             (expr.back().kind == TokenKind::Word || expr.back().kind == TokenKind::QuotedIdentifier) &&
             !expr.back().isKeyword("END") &&
             (closes(expr[expr.size() - 2]) || expr[expr.size() - 2].kind == TokenKind::Number ||
              expr[expr.size() - 2].kind == TokenKind::String || expr[expr.size() - 2].isKeyword("END"))) {
    expr.pop_back();
  }
  if (expr.empty()) return std::nullopt;
  if (expr.size() == 1) {
    if (expr[0].kind == TokenKind::Number) return numberType(expr[0].text);
    if (expr[0].kind == TokenKind::String) return DataType::Varchar;
    if (expr[0].isKeyword("CURRENT_DATE")) return DataType::Date;
    if (expr[0].isKeyword("CURRENT_TIMESTAMP")) return DataType::Timestamp;
    if (expr[0].isKeyword("CURRENT_TIME")) return DataType::Time;
    return std::nullopt;
  }
  if (expr[0].is(TokenKind::Operator, "-") && expr.size() == 2 && expr[1].kind == TokenKind::Number) {
    return numberType(expr[1].text);
  }
  if (expr[0].isKeyword("CASE") && expr.back().isKeyword("END")) return caseType(expr);
  if (expr[0].kind == TokenKind::Word && opens(expr[1]) && closes(expr.back())) {
    // A single function call spanning the expression.
    int depth = 0;
    for (std::size_t i = 1; i < expr.size(); ++i) {
      if (opens(expr[i])) ++depth;
      if (closes(expr[i]) && --depth == 0 && i + 1 != expr.size()) return std::nullopt;
    }
    if (expr[0].isKeyword("CAST")) return castTarget(expr);
    return functionResultType(expr[0].text);
  }
  // String concatenation anywhere at the top level makes text.
  int depth = 0;
  for (const auto& token : expr) {
    if (opens(token)) ++depth;
    if (closes(token)) --depth;
    if (depth == 0 && token.is(TokenKind::Operator, "||")) return DataType::Varchar;
  }
  return std::nullopt;
}

}  // namespace

std::vector<std::optional<DataType>> inferSelectListTypes(std::string_view sql_text) {
  const Tokens tokens = sql::tokenize(sql_text);
  std::size_t i = 0;
  // Skip a WITH clause: find the SELECT at parenthesis depth 0.
  int depth = 0;
  for (; i < tokens.size(); ++i) {
    if (opens(tokens[i])) ++depth;
    else if (closes(tokens[i])) --depth;
    else if (depth == 0 && tokens[i].isKeyword("SELECT")) break;
  }
  if (i >= tokens.size()) return {};
  ++i;
  if (i < tokens.size() && (tokens[i].isKeyword("DISTINCT") || tokens[i].isKeyword("ALL"))) ++i;
  std::vector<std::optional<DataType>> result;
  Tokens current;
  depth = 0;
  for (; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    if (opens(token)) ++depth;
    if (closes(token)) --depth;
    if (depth == 0 && (token.isKeyword("FROM") || token.isKeyword("WHERE") || token.isKeyword("GROUP") ||
                       token.isKeyword("ORDER") || token.isKeyword("LIMIT") || token.isKeyword("UNION") ||
                       token.isKeyword("HAVING") || token.isKeyword("WINDOW"))) {
      break;
    }
    if (depth == 0 && token.isPunctuation(',')) {
      result.push_back(inferExpression(std::move(current)));
      current.clear();
      continue;
    }
    if (depth == 0 && token.is(TokenKind::Operator, "*") && current.empty()) return {};  // SELECT * : cannot align
    current.push_back(token);
  }
  if (!current.empty()) result.push_back(inferExpression(std::move(current)));
  return result;
}

}  // namespace monday::engine
