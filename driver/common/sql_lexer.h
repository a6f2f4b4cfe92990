#pragma once
// The one SQL lexer of the driver: escape rewriting, call syntax, parameter typing and expression
// typing all read statement text through it, so quotes, comments and ODBC braces mean the same
// thing everywhere. It follows SQLite's lexical rules (SQLite runs the statements) plus ODBC's
// escape braces. Tokens are views into the text with their offsets, so a caller that rewrites
// can copy what lies between them verbatim.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace monday::sql {

enum class TokenKind {
  Word,              // identifier or keyword: SELECT, created_at, Café
  QuotedIdentifier,  // "name", `name`, [name]
  String,            // 'text' (doubled quotes inside), X'blob'
  Number,            // 42, 3.14, .5, 1e10, 0x1F
  Parameter,         // ?, ?3, :name, @name, $name
  Operator,          // = == <> != < <= > >= || + - * / % & | ~ << >> -> ->> !
  Punctuation,       // ( ) , ; .
  EscapeOpen,        // {
  EscapeClose,       // }
  Unterminated,      // a string, quoted identifier or comment that never closes (rest of the text)
};

struct Token {
  TokenKind kind;
  std::string_view text;
  std::size_t offset = 0;  // into the text given to tokenize()

  bool is(TokenKind k, std::string_view t) const { return kind == k && text == t; }
  // A Word equal to `keyword`, ignoring ASCII case.
  bool isKeyword(std::string_view keyword) const;
  bool isPunctuation(char c) const { return kind == TokenKind::Punctuation && text.size() == 1 && text[0] == c; }
};

// Every token of `sql`; whitespace and comments are skipped (they are the gaps between offsets).
std::vector<Token> tokenize(std::string_view sql);

// The identifier a Word or QuotedIdentifier names: quotes removed, doubled quotes undone.
std::string identifierText(const Token& token);

// `name` as a double-quoted SQL identifier ("a""b" for a"b).
std::string quoteIdentifier(std::string_view name);

// `text` as a single-quoted SQL string literal ('it''s').
std::string quoteLiteral(std::string_view text);

// ASCII upper case.
std::string upper(std::string_view text);

}  // namespace monday::sql
