#include "driver/engine/expression_types.h"

#include <cctype>
#include <string>

namespace monday::engine {

namespace {

struct Token {
  enum Kind { Word, Number, String, Symbol, QuotedName } kind;
  std::string text;  // words upper-cased
};

// A small SQL tokenizer: enough to find the SELECT list and its top-level commas.
std::vector<Token> tokenize(std::string_view sql) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < sql.size()) {
    const char c = sql[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      while (i < sql.size() && sql[i] != '\n') ++i;
    } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      auto end = sql.find("*/", i + 2);
      i = end == std::string_view::npos ? sql.size() : end + 2;
    } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
      const char close = c == '[' ? ']' : c;
      std::size_t j = i + 1;
      while (j < sql.size()) {
        if (sql[j] == close) {
          if (close != ']' && j + 1 < sql.size() && sql[j + 1] == close) {
            j += 2;
            continue;
          }
          break;
        }
        ++j;
      }
      tokens.push_back({c == '\'' ? Token::String : Token::QuotedName, std::string(sql.substr(i, j + 1 - i))});
      i = j + 1;
    } else if (std::isdigit(static_cast<unsigned char>(c)) ||
               (c == '.' && i + 1 < sql.size() && std::isdigit(static_cast<unsigned char>(sql[i + 1])))) {
      std::size_t j = i;
      while (j < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[j])) || sql[j] == '.')) ++j;
      tokens.push_back({Token::Number, std::string(sql.substr(i, j - i))});
      i = j;
    } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_' || static_cast<unsigned char>(c) >= 0x80) {
      std::size_t j = i;
      while (j < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[j])) || sql[j] == '_' ||
                                static_cast<unsigned char>(sql[j]) >= 0x80 || sql[j] == '$')) {
        ++j;
      }
      std::string word(sql.substr(i, j - i));
      for (char& ch : word) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      tokens.push_back({Token::Word, std::move(word)});
      i = j;
    } else {
      tokens.push_back({Token::Symbol, std::string(1, c)});
      ++i;
    }
  }
  return tokens;
}

std::optional<DataType> castTarget(const std::vector<Token>& expr) {
  // CAST ( ... AS <type> ) covering the whole expression.
  for (std::size_t i = expr.size(); i-- > 0;) {
    if (expr[i].kind == Token::Word && expr[i].text == "AS" && i + 1 < expr.size()) {
      std::string type;
      for (std::size_t k = i + 1; k < expr.size() && expr[k].text != ")"; ++k) type += expr[k].text;
      if (type.find("INT") != std::string::npos) return DataType::BigInt;
      if (type.find("REAL") != std::string::npos || type.find("FLOA") != std::string::npos ||
          type.find("DOUB") != std::string::npos) {
        return DataType::Double;
      }
      if (type.find("CHAR") != std::string::npos || type.find("TEXT") != std::string::npos) return DataType::Varchar;
      return parseDeclaredType(type);
    }
  }
  return std::nullopt;
}

std::optional<DataType> inferExpression(std::vector<Token> expr) {
  // Drop a trailing alias: "... AS name" or "... name" after a closing token.
  if (expr.size() >= 2 && expr[expr.size() - 2].kind == Token::Word && expr[expr.size() - 2].text == "AS") {
    expr.resize(expr.size() - 2);
  } else if (expr.size() >= 2 && (expr.back().kind == Token::Word || expr.back().kind == Token::QuotedName) &&
             (expr[expr.size() - 2].text == ")" || expr[expr.size() - 2].kind == Token::Number ||
              expr[expr.size() - 2].kind == Token::String)) {
    expr.pop_back();
  }
  if (expr.empty()) return std::nullopt;
  if (expr.size() == 1) {
    if (expr[0].kind == Token::Number) {
      return expr[0].text.find_first_of(".eE") == std::string::npos ? DataType::BigInt : DataType::Double;
    }
    if (expr[0].kind == Token::String) return DataType::Varchar;
    return std::nullopt;
  }
  if (expr[0].kind == Token::Symbol && expr[0].text == "-" && expr.size() == 2 && expr[1].kind == Token::Number) {
    return expr[1].text.find_first_of(".eE") == std::string::npos ? DataType::BigInt : DataType::Double;
  }
  if (expr[0].kind == Token::Word && expr[1].text == "(" && expr.back().text == ")") {
    // A single function call spanning the expression.
    int depth = 0;
    for (std::size_t i = 1; i < expr.size(); ++i) {
      if (expr[i].text == "(") ++depth;
      if (expr[i].text == ")" && --depth == 0 && i + 1 != expr.size()) return std::nullopt;
    }
    const std::string& name = expr[0].text;
    if (name == "COUNT" || name == "LENGTH" || name == "INSTR" || name == "UNICODE" || name == "CHANGES" ||
        name == "ROW_NUMBER" || name == "RANK" || name == "DENSE_RANK" || name == "NTILE") {
      return DataType::BigInt;
    }
    if (name == "SUM" || name == "TOTAL" || name == "AVG" || name == "ROUND" || name == "ABS") return DataType::Double;
    if (name == "UPPER" || name == "LOWER" || name == "TRIM" || name == "LTRIM" || name == "RTRIM" ||
        name == "SUBSTR" || name == "SUBSTRING" || name == "REPLACE" || name == "GROUP_CONCAT" ||
        name == "PRINTF" || name == "FORMAT" || name == "QUOTE" || name == "HEX" || name == "TYPEOF") {
      return DataType::Varchar;
    }
    if (name == "DATE") return DataType::Date;
    if (name == "TIME") return DataType::Time;
    if (name == "DATETIME") return DataType::Timestamp;
    if (name == "CAST") return castTarget(expr);
  }
  // String concatenation anywhere at the top level makes text.
  int depth = 0;
  for (std::size_t i = 0; i + 1 < expr.size(); ++i) {
    if (expr[i].text == "(") ++depth;
    if (expr[i].text == ")") --depth;
    if (depth == 0 && expr[i].text == "|" && expr[i + 1].text == "|") return DataType::Varchar;
  }
  return std::nullopt;
}

}  // namespace

std::vector<std::optional<DataType>> inferSelectListTypes(std::string_view sql) {
  std::vector<Token> tokens = tokenize(sql);
  std::size_t i = 0;
  // Skip a WITH clause: find the SELECT at parenthesis depth 0.
  int depth = 0;
  for (; i < tokens.size(); ++i) {
    if (tokens[i].text == "(") ++depth;
    else if (tokens[i].text == ")") --depth;
    else if (depth == 0 && tokens[i].kind == Token::Word && tokens[i].text == "SELECT") break;
  }
  if (i >= tokens.size()) return {};
  ++i;
  if (i < tokens.size() && tokens[i].kind == Token::Word && (tokens[i].text == "DISTINCT" || tokens[i].text == "ALL")) ++i;
  std::vector<std::optional<DataType>> result;
  std::vector<Token> current;
  depth = 0;
  for (; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    if (token.text == "(") ++depth;
    if (token.text == ")") --depth;
    if (depth == 0 && token.kind == Token::Word &&
        (token.text == "FROM" || token.text == "WHERE" || token.text == "GROUP" || token.text == "ORDER" ||
         token.text == "LIMIT" || token.text == "UNION" || token.text == "HAVING" || token.text == "WINDOW")) {
      break;
    }
    if (depth == 0 && token.text == ",") {
      result.push_back(inferExpression(std::move(current)));
      current.clear();
      continue;
    }
    if (depth == 0 && token.text == "*" && current.empty()) return {};  // SELECT * : cannot align
    current.push_back(token);
  }
  if (!current.empty()) result.push_back(inferExpression(std::move(current)));
  return result;
}

}  // namespace monday::engine
