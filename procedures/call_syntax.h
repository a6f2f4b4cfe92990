#pragma once
// The ways applications call a procedure, all rewritten to one SELECT over the procedure's
// table-valued function before SQLite sees the statement:
//
//   EXEC DuplicateItem 123, 1                 EXECUTE DuplicateItem @ItemId = 123, @WithUpdates = 1
//   CALL DuplicateItem(123, 1)                {call DuplicateItem(?, ?)}   (ODBC escape)
//     → SELECT * FROM "monday"."DuplicateItem"(123, 1)
//
// Named arguments become equality terms on the hidden parameter columns, so `?` markers keep
// their textual order whatever order the names come in:
//   EXEC DuplicateItem @WithUpdates = ?, @ItemId = ?
//     → SELECT * FROM "monday"."DuplicateItem" WHERE "WithUpdates" = ? AND "ItemId" = ?
//
// Arguments are SQL expressions (literals, ?, functions ...); an empty positional argument
// ({call P(1,,3)}) means "not given", like NULL.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace monday::procedures {

struct ParsedCall {
  std::string schema;  // "" when the name was not qualified
  std::string name;    // as written, unquoted
  std::vector<std::string> positional;                       // expression texts; "" = omitted
  std::vector<std::pair<std::string, std::string>> named;    // parameter name (no @), expression
  bool return_value = false;                                 // {? = call ...} or EXEC @r = ...
};

// Recognises a call statement; nullopt for anything else (SELECT, INSERT ...). Throws
// monday::Error 42000 for a call that is recognisably a call but malformed.
std::optional<ParsedCall> parseCall(std::string_view sql);

// The SELECT that runs `sql` when it is a call, checked against the registry; nullopt when `sql`
// is not a call. Throws monday::Error: 42000 for an unknown procedure or parameter, too many
// arguments or a parameter given twice; HYC00 for a return-value call.
std::optional<std::string> rewriteCall(std::string_view sql);

// The same rewriting by the call's syntax alone, for SQLNativeSql: a procedure that does not exist
// is translated all the same (preparing it fails later), and {? = call ...} keeps a comment where
// the return value would go. nullopt when `sql` is not a call.
std::optional<std::string> translateCall(std::string_view sql);

}  // namespace monday::procedures
