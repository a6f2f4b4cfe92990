#pragma once
// How boards and their columns get SQL names. The rules (README "Board tables"):
//
// Tables (BoardTableNames=Name, the default): the board's name as it is (trimmed; quote it in
// SQL: "Bug Backlog"). Names are unique ignoring ASCII case, as SQLite compares them: when boards
// share a name, the oldest board (lowest id) keeps it and every other one gets "_<board id>". A
// board's subitems are the table "<board table name>_subitems". BoardTableNames=Id names them
// board_<id> and board_<id>_subitems instead.
//
// Columns (BoardColumnNames=Title, the default): the column title in lower case, every run of
// characters other than ASCII letters, digits and non-ASCII letters turned into one '_'
// ("Due date" → due_date, "Estimate (h)" → estimate_h, "Fällig am" → fällig_am); a title
// with nothing left, or one that begins with a digit, falls back to / is prefixed with "col_".
// Fixed item columns (id, name, group_id ...) come first and keep their names; a board column
// whose names would clash with names already taken (ignoring ASCII case, its typed parts
// included) gets "_<column id>" appended (the first in board order keeps the plain name).
// BoardColumnNames=Id uses the column ids (status, date4 ...) as base names instead.

#include <string>
#include <string_view>
#include <vector>

#include "schema/boards/board_metadata.h"

namespace monday::schema::boards {

enum class TableNaming { Name, Id };
enum class ColumnNaming { Title, Id };

// A board table to offer: a board's items, or its subitems.
struct NamedBoardTable {
  std::string name;         // SQL table name
  const BoardMeta* board;   // the board the table is named after
  const BoardMeta* source;  // the board whose items are the rows (the subitems board for subitems)
  bool subitems = false;
};

// Tables for every board (sub_items_board boards only as a parent's "_subitems" companion), in
// board id order.
std::vector<NamedBoardTable> nameBoardTables(const std::vector<BoardMeta>& boards, TableNaming naming);

// The SQL base name of a column title (the rule above), without clash handling.
std::string columnBaseName(std::string_view title);

// ASCII lower case: how SQLite compares identifiers.
std::string foldIdentifier(std::string_view name);

// Picks names from `wanted` order of preference, unique against `taken` (folded names), and
// records what it took. `suffixes` are appended to the chosen base; all must be free.
class NameSet {
 public:
  bool taken(std::string_view name) const;
  void take(std::string_view name);
  // The first of base, base_<fallback>, base_<fallback>_2, ... whose every name+suffix is free.
  std::string claim(const std::string& base, const std::string& fallback, const std::vector<std::string_view>& suffixes);

 private:
  std::vector<std::string> folded_;
};

}  // namespace monday::schema::boards
