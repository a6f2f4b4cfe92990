#pragma once
// Where SQLFetchScroll puts the block cursor: the ODBC reference's positioning rules for every
// fetch orientation, as a pure function of the current position, the rowset size and the
// result's size, so each rule is unit-tested without a result set.

#include <sql.h>
#include <sqlext.h>

namespace monday::handles {

struct RowsetPosition {
  enum class Kind { BeforeStart, On, AfterEnd };
  Kind kind = Kind::BeforeStart;
  SQLLEN start = 0;  // 1-based first row of the rowset, when On
};

struct ScrollOutcome {
  RowsetPosition position;
  // The rowset asked for began before the first row and was moved to row 1 (01S06).
  bool moved_to_first_row = false;
};

// `previous_size`: the rowset size of the previous fetch (NEXT uses it; the others use `size`).
// `bookmark_row`: the row of SQL_ATTR_FETCH_BOOKMARK_PTR, for SQL_FETCH_BOOKMARK.
ScrollOutcome nextRowset(const RowsetPosition& current, SQLSMALLINT orientation, SQLLEN offset, SQLLEN size,
                         SQLLEN previous_size, SQLLEN last_row, SQLLEN bookmark_row);

}  // namespace monday::handles
