#include "driver/engine/parameter_types.h"

#include <array>

#include "driver/engine/odbc_functions.h"

namespace monday::engine {

namespace {

using sql::Token;
using sql::TokenKind;

bool isComparison(const Token& t) {
  if (t.kind != TokenKind::Operator) return false;
  for (std::string_view op : {"=", "==", "<>", "!=", "<", "<=", ">", ">="}) {
    if (t.text == op) return true;
  }
  return false;
}

bool isName(const Token& t) { return t.kind == TokenKind::Word || t.kind == TokenKind::QuotedIdentifier; }

DataType numberLiteralType(std::string_view text) {
  if (text.size() > 1 && (text[1] == 'x' || text[1] == 'X')) return DataType::BigInt;
  return text.find_first_of(".eE") == std::string_view::npos ? DataType::BigInt : DataType::Double;
}

// The type named after AS in CAST(... AS type), the tokens between `open` and `close`.
std::optional<DataType> castType(const std::vector<Token>& tokens, std::size_t open, std::size_t close) {
  int depth = 0;
  for (std::size_t k = open + 1; k < close; ++k) {
    if (tokens[k].isPunctuation('(')) ++depth;
    if (tokens[k].isPunctuation(')')) --depth;
    if (depth == 0 && tokens[k].isKeyword("AS") && k + 1 < close) {
      const std::string type = sql::upper(tokens[k + 1].text);
      if (type.find("INT") != std::string::npos) return DataType::BigInt;
      if (type == "REAL" || type == "FLOAT" || type == "DOUBLE") return DataType::Double;
      return parseDeclaredType(type);
    }
  }
  return std::nullopt;
}

class Analyzer {
 public:
  Analyzer(const std::vector<Token>& tokens, const ParameterTypeLookup& lookup) : t_(tokens), lookup_(lookup) {}

  std::vector<std::optional<DataType>> run() {
    std::vector<std::optional<DataType>> types;
    readInsertShape();
    for (std::size_t i = 0; i < t_.size(); ++i) {
      if (t_[i].kind == TokenKind::Parameter) types.push_back(typeAt(i));
    }
    return types;
  }

 private:
  std::optional<DataType> typeAt(std::size_t i) {
    if (i >= 1) {
      const Token& prev = t_[i - 1];
      if (isComparison(prev) && i >= 2) {
        if (auto type = operandEndingAt(i - 2)) return type;
      }
      if (prev.isKeyword("LIKE") || prev.isKeyword("GLOB")) return DataType::Varchar;
      if (prev.isKeyword("LIMIT") || prev.isKeyword("OFFSET")) return DataType::BigInt;
      if (prev.isKeyword("BETWEEN") && i >= 2) return operandEndingAt(i - 2);
      if (prev.isKeyword("AND")) {
        if (auto type = betweenUpperBound(i - 1)) return type;
      }
    }
    if (i + 2 < t_.size() && isComparison(t_[i + 1])) {
      if (auto type = operandStartingAt(i + 2)) return type;
    }
    if (auto type = listMember(i)) return type;
    return std::nullopt;
  }

  // `x BETWEEN a AND ?`: the AND at `and_index` closes a BETWEEN at the same level.
  std::optional<DataType> betweenUpperBound(std::size_t and_index) {
    int depth = 0;
    for (std::size_t k = and_index; k-- > 0;) {
      if (t_[k].isPunctuation(')')) ++depth;
      if (t_[k].isPunctuation('(')) {
        if (depth == 0) return std::nullopt;
        --depth;
      }
      if (depth != 0) continue;
      if (t_[k].isKeyword("BETWEEN")) return k >= 1 ? operandEndingAt(k - 1) : std::nullopt;
      if (t_[k].isKeyword("AND") || t_[k].isKeyword("OR") || t_[k].isKeyword("WHERE")) return std::nullopt;
    }
    return std::nullopt;
  }

  // A marker that is a whole element of a parenthesised list: `x IN (?, ?)`, a VALUES tuple, or
  // the arguments of a table-valued function.
  std::optional<DataType> listMember(std::size_t i) {
    if (i == 0 || i + 1 >= t_.size()) return std::nullopt;
    const Token& before = t_[i - 1];
    const Token& after = t_[i + 1];
    if (!(before.isPunctuation('(') || before.isPunctuation(',')) ||
        !(after.isPunctuation(')') || after.isPunctuation(','))) {
      return std::nullopt;
    }
    // The list's opening parenthesis and the position of the marker in it.
    std::size_t position = 0;
    int depth = 0;
    std::size_t open = i;
    bool found = false;
    for (std::size_t k = i; k-- > 0;) {
      if (t_[k].isPunctuation(')')) ++depth;
      else if (t_[k].isPunctuation('(')) {
        if (depth == 0) {
          open = k;
          found = true;
          break;
        }
        --depth;
      } else if (depth == 0 && t_[k].isPunctuation(',')) {
        ++position;
      }
    }
    if (!found || open == 0) return std::nullopt;
    const Token& head = t_[open - 1];
    if (head.isKeyword("IN")) return open >= 2 ? operandEndingAt(open - 2) : std::nullopt;
    if (head.isKeyword("VALUES") || (head.isPunctuation(',') && inValues(open))) {
      return insertColumnType(position);
    }
    if (isName(head) && lookup_.function_argument) return lookup_.function_argument(sql::identifierText(head), position);
    return std::nullopt;
  }

  bool inValues(std::size_t open) const { return values_index_ && open > *values_index_; }

  // INSERT INTO name [(columns)] VALUES ...: the column list and where VALUES starts.
  void readInsertShape() {
    std::size_t k = 0;
    if (k < t_.size() && (t_[k].isKeyword("INSERT") || t_[k].isKeyword("REPLACE"))) {
      for (; k < t_.size() && !t_[k].isKeyword("VALUES") && !t_[k].isKeyword("SELECT"); ++k) {
        if (t_[k].isPunctuation('(') && !columns_read_) {
          columns_read_ = true;
          for (++k; k < t_.size() && !t_[k].isPunctuation(')'); ++k) {
            if (isName(t_[k])) insert_columns_.push_back(sql::identifierText(t_[k]));
          }
        }
      }
      if (k < t_.size() && t_[k].isKeyword("VALUES")) values_index_ = k;
    }
  }

  std::optional<DataType> insertColumnType(std::size_t position) {
    if (!values_index_) return std::nullopt;
    if (!columns_read_ && lookup_.insert_target_columns) {
      insert_columns_ = lookup_.insert_target_columns();
      columns_read_ = true;
    }
    if (position >= insert_columns_.size() || !lookup_.column) return std::nullopt;
    return lookup_.column("", insert_columns_[position]);
  }

  std::optional<DataType> column(std::size_t name_index) {
    if (!lookup_.column) return std::nullopt;
    std::string qualifier;
    if (name_index >= 2 && t_[name_index - 1].isPunctuation('.') && isName(t_[name_index - 2])) {
      qualifier = sql::identifierText(t_[name_index - 2]);
    }
    return lookup_.column(qualifier, sql::identifierText(t_[name_index]));
  }

  std::optional<DataType> keywordValue(const Token& token) {
    if (token.isKeyword("TRUE") || token.isKeyword("FALSE")) return DataType::BigInt;
    if (token.isKeyword("CURRENT_DATE")) return DataType::Date;
    if (token.isKeyword("CURRENT_TIMESTAMP")) return DataType::Timestamp;
    if (token.isKeyword("CURRENT_TIME")) return DataType::Time;
    if (token.isKeyword("NULL")) return std::nullopt;
    return std::nullopt;
  }

  // The type of the operand whose last token is at `j`.
  std::optional<DataType> operandEndingAt(std::size_t j) {
    const Token& last = t_[j];
    if (last.kind == TokenKind::Number) {
      const bool negative = j >= 1 && t_[j - 1].is(TokenKind::Operator, "-");
      (void)negative;
      return numberLiteralType(last.text);
    }
    if (last.kind == TokenKind::String) return last.text.front() == '\'' ? DataType::Varchar : DataType::LongVarBinary;
    if (last.kind == TokenKind::Word) {
      if (auto type = keywordValue(last)) return type;
      return column(j);
    }
    if (last.kind == TokenKind::QuotedIdentifier) return column(j);
    if (last.isPunctuation(')')) {
      int depth = 0;
      for (std::size_t k = j + 1; k-- > 0;) {
        if (t_[k].isPunctuation(')')) ++depth;
        if (t_[k].isPunctuation('(') && --depth == 0) {
          if (k == 0) return std::nullopt;
          if (t_[k - 1].isKeyword("CAST")) return castType(t_, k, j);
          if (t_[k - 1].kind == TokenKind::Word) return functionResultType(t_[k - 1].text);
          return std::nullopt;
        }
      }
    }
    return std::nullopt;
  }

  // The type of the operand whose first token is at `j`.
  std::optional<DataType> operandStartingAt(std::size_t j) {
    const Token& first = t_[j];
    if (first.is(TokenKind::Operator, "-") && j + 1 < t_.size() && t_[j + 1].kind == TokenKind::Number) {
      return numberLiteralType(t_[j + 1].text);
    }
    if (first.kind == TokenKind::Number) return numberLiteralType(first.text);
    if (first.kind == TokenKind::String) return first.text.front() == '\'' ? DataType::Varchar : DataType::LongVarBinary;
    if (!isName(first)) return std::nullopt;
    if (j + 1 < t_.size() && t_[j + 1].isPunctuation('(')) {
      int depth = 0;
      for (std::size_t k = j + 1; k < t_.size(); ++k) {
        if (t_[k].isPunctuation('(')) ++depth;
        if (t_[k].isPunctuation(')') && --depth == 0) {
          if (first.isKeyword("CAST")) return castType(t_, j + 1, k);
          return functionResultType(first.text);
        }
      }
      return std::nullopt;
    }
    if (first.kind == TokenKind::Word) {
      if (auto type = keywordValue(first)) return type;
    }
    // name or qualifier.name
    if (j + 2 < t_.size() && t_[j + 1].isPunctuation('.') && isName(t_[j + 2])) return column(j + 2);
    return column(j);
  }

  const std::vector<Token>& t_;
  const ParameterTypeLookup& lookup_;
  std::vector<std::string> insert_columns_;
  bool columns_read_ = false;
  std::optional<std::size_t> values_index_;
};

}  // namespace

std::vector<std::optional<DataType>> inferParameterTypes(const std::vector<sql::Token>& tokens,
                                                         const ParameterTypeLookup& lookup) {
  return Analyzer(tokens, lookup).run();
}

bool isNumericType(DataType type) {
  switch (type) {
    case DataType::Bit:
    case DataType::Integer:
    case DataType::BigInt:
    case DataType::Double:
    case DataType::Decimal:
      return true;
    default:
      return false;
  }
}

}  // namespace monday::engine
