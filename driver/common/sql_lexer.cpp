#include "driver/common/sql_lexer.h"

#include <cctype>

namespace monday::sql {

namespace {

bool isIdentifierStart(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool isIdentifierPart(unsigned char c) { return std::isalnum(c) || c == '_' || c == '$' || c >= 0x80; }
bool isDigit(unsigned char c) { return c >= '0' && c <= '9'; }

class Lexer {
 public:
  explicit Lexer(std::string_view sql) : s_(sql) {}

  std::vector<Token> run() {
    std::vector<Token> tokens;
    while (true) {
      skipBlanksAndComments();
      if (unterminated_) {  // a comment that never closes
        tokens.push_back(Token{TokenKind::Unterminated, s_.substr(comment_start_), comment_start_});
        break;
      }
      if (pos_ >= s_.size()) break;
      tokens.push_back(next());
      if (tokens.back().kind == TokenKind::Unterminated) break;
    }
    return tokens;
  }

 private:
  Token make(TokenKind kind, std::size_t start) {
    return Token{kind, s_.substr(start, pos_ - start), start};
  }

  void skipBlanksAndComments() {
    while (pos_ < s_.size()) {
      const unsigned char c = static_cast<unsigned char>(s_[pos_]);
      if (std::isspace(c)) {
        ++pos_;
      } else if (c == '-' && at(1) == '-') {
        while (pos_ < s_.size() && s_[pos_] != '\n') ++pos_;
      } else if (c == '/' && at(1) == '*') {
        const auto end = s_.find("*/", pos_ + 2);
        if (end == std::string_view::npos) {
          unterminated_ = true;
          comment_start_ = pos_;
          pos_ = s_.size();
          return;
        }
        pos_ = end + 2;
      } else {
        return;
      }
    }
  }

  char at(std::size_t ahead) const { return pos_ + ahead < s_.size() ? s_[pos_ + ahead] : '\0'; }

  // A quoted run from pos_ (on the opening quote); doubled closing quotes stay inside except in [ ].
  Token quoted(TokenKind kind, char close) {
    const std::size_t start = pos_++;
    while (pos_ < s_.size()) {
      if (s_[pos_] == close) {
        if (close != ']' && at(1) == close) {
          pos_ += 2;
          continue;
        }
        ++pos_;
        return make(kind, start);
      }
      ++pos_;
    }
    return make(TokenKind::Unterminated, start);
  }

  Token number() {
    const std::size_t start = pos_;
    if (s_[pos_] == '0' && (at(1) == 'x' || at(1) == 'X') && std::isxdigit(static_cast<unsigned char>(at(2)))) {
      pos_ += 2;
      while (pos_ < s_.size() && std::isxdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
      return make(TokenKind::Number, start);
    }
    while (pos_ < s_.size() && isDigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
    if (pos_ < s_.size() && s_[pos_] == '.') {
      ++pos_;
      while (pos_ < s_.size() && isDigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
    }
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      std::size_t p = pos_ + 1;
      if (p < s_.size() && (s_[p] == '+' || s_[p] == '-')) ++p;
      if (p < s_.size() && isDigit(static_cast<unsigned char>(s_[p]))) {
        pos_ = p;
        while (pos_ < s_.size() && isDigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
      }
    }
    return make(TokenKind::Number, start);
  }

  Token next() {
    const std::size_t start = pos_;
    const char c = s_[pos_];
    const auto uc = static_cast<unsigned char>(c);
    if ((c == 'x' || c == 'X') && at(1) == '\'') {
      ++pos_;
      Token blob = quoted(TokenKind::String, '\'');
      blob.text = s_.substr(start, pos_ - start);
      blob.offset = start;
      return blob;
    }
    if (c == '\'') return quoted(TokenKind::String, '\'');
    if (c == '"') return quoted(TokenKind::QuotedIdentifier, '"');
    if (c == '`') return quoted(TokenKind::QuotedIdentifier, '`');
    if (c == '[') return quoted(TokenKind::QuotedIdentifier, ']');
    if (isDigit(uc) || (c == '.' && isDigit(static_cast<unsigned char>(at(1))))) return number();
    if (isIdentifierStart(uc)) {
      while (pos_ < s_.size() && isIdentifierPart(static_cast<unsigned char>(s_[pos_]))) ++pos_;
      return make(TokenKind::Word, start);
    }
    if (c == '?') {
      ++pos_;
      while (pos_ < s_.size() && isDigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
      return make(TokenKind::Parameter, start);
    }
    if ((c == ':' || c == '@' || c == '$') && isIdentifierStart(static_cast<unsigned char>(at(1)))) {
      ++pos_;
      while (pos_ < s_.size() && isIdentifierPart(static_cast<unsigned char>(s_[pos_]))) ++pos_;
      return make(TokenKind::Parameter, start);
    }
    if (c == '{') {
      ++pos_;
      return make(TokenKind::EscapeOpen, start);
    }
    if (c == '}') {
      ++pos_;
      return make(TokenKind::EscapeClose, start);
    }
    if (c == '(' || c == ')' || c == ',' || c == ';' || c == '.') {
      ++pos_;
      return make(TokenKind::Punctuation, start);
    }
    // Operators, longest first.
    for (std::string_view op : {"->>", "||", "<<", ">>", "<=", ">=", "==", "!=", "<>", "->"}) {
      if (s_.substr(pos_, op.size()) == op) {
        pos_ += op.size();
        return make(TokenKind::Operator, start);
      }
    }
    ++pos_;
    return make(TokenKind::Operator, start);
  }

  std::string_view s_;
  std::size_t pos_ = 0;
  bool unterminated_ = false;
  std::size_t comment_start_ = 0;
};

}  // namespace

bool Token::isKeyword(std::string_view keyword) const {
  if (kind != TokenKind::Word || text.size() != keyword.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(text[i])) != std::toupper(static_cast<unsigned char>(keyword[i]))) {
      return false;
    }
  }
  return true;
}

std::vector<Token> tokenize(std::string_view sql) { return Lexer(sql).run(); }

std::string identifierText(const Token& token) {
  if (token.kind != TokenKind::QuotedIdentifier || token.text.size() < 2) return std::string(token.text);
  const char open = token.text.front();
  const char close = open == '[' ? ']' : open;
  std::string out;
  const std::string_view inner = token.text.substr(1, token.text.size() - 2);
  for (std::size_t i = 0; i < inner.size(); ++i) {
    out.push_back(inner[i]);
    if (close != ']' && inner[i] == close && i + 1 < inner.size() && inner[i + 1] == close) ++i;
  }
  return out;
}

std::string quoteIdentifier(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    out.push_back(c);
    if (c == '"') out.push_back('"');
  }
  return out + "\"";
}

std::string quoteLiteral(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    out.push_back(c);
    if (c == '\'') out.push_back('\'');
  }
  return out + "'";
}

std::string upper(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace monday::sql
