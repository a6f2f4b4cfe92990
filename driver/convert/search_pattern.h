#pragma once
// ODBC catalog-function arguments: search patterns ('%' any run, '_' any one character, the
// SQL_SEARCH_PATTERN_ESCAPE character '\' makes the next character literal) and identifier
// arguments (SQL_ATTR_METADATA_ID = SQL_TRUE). Done here rather than with SQLite's LIKE, whose
// escape handling and case rules differ (ANCHORS §6.3, §7.4).
//
// Identifiers are case-insensitive in this driver (SQL_IDENTIFIER_CASE = SQL_IC_MIXED), so both
// kinds match ASCII letters without regard to case; a quoted identifier matches exactly.

#include <string_view>

namespace monday::convert {

inline constexpr char kSearchPatternEscape = '\\';

bool matchesSearchPattern(std::string_view pattern, std::string_view value);

// Identifier semantics: surrounding blanks are ignored; "Quoted" compares case-sensitively with
// the quotes removed (and "" meaning one "); otherwise case-insensitively.
bool matchesIdentifier(std::string_view identifier, std::string_view value);

// Whether a pattern contains no wildcard (so it names exactly one object).
bool isLiteralPattern(std::string_view pattern);

}  // namespace monday::convert
