#include "driver/handles/scroll.h"

namespace monday::handles {

namespace {

using Kind = RowsetPosition::Kind;

ScrollOutcome before() { return {{Kind::BeforeStart, 0}, false}; }
ScrollOutcome after() { return {{Kind::AfterEnd, 0}, false}; }
ScrollOutcome on(SQLLEN row) { return {{Kind::On, row}, false}; }
ScrollOutcome firstWithWarning() { return {{Kind::On, 1}, true}; }

// Row `row` when it is inside the result, else before/after it.
ScrollOutcome at(SQLLEN row, SQLLEN last_row) {
  if (row < 1) return before();
  if (row > last_row) return after();
  return on(row);
}

ScrollOutcome absolute(SQLLEN offset, SQLLEN size, SQLLEN last_row) {
  if (offset < 0) {
    const SQLLEN magnitude = -offset;
    if (magnitude <= last_row) return on(last_row + offset + 1);
    return magnitude > size ? before() : firstWithWarning();
  }
  if (offset == 0) return before();
  return offset <= last_row ? on(offset) : after();
}

}  // namespace

ScrollOutcome nextRowset(const RowsetPosition& current, SQLSMALLINT orientation, SQLLEN offset, SQLLEN size,
                         SQLLEN previous_size, SQLLEN last_row, SQLLEN bookmark_row) {
  const bool before_start = current.kind == Kind::BeforeStart;
  const bool after_end = current.kind == Kind::AfterEnd;
  const SQLLEN start = current.start;
  switch (orientation) {
    case SQL_FETCH_NEXT:
      if (before_start) return at(1, last_row);
      if (after_end) return after();
      return start + previous_size <= last_row ? on(start + previous_size) : after();
    case SQL_FETCH_PRIOR:
      if (before_start || (current.kind == Kind::On && start == 1)) return before();
      if (after_end) return last_row < size ? (last_row >= 1 ? firstWithWarning() : before()) : on(last_row - size + 1);
      if (start <= size) return firstWithWarning();
      return on(start - size);
    case SQL_FETCH_RELATIVE:
      if ((before_start && offset > 0) || (after_end && offset < 0)) return absolute(offset, size, last_row);
      if (before_start) return before();
      if (after_end) return after();
      if (start == 1 && offset < 0) return before();
      if (start + offset < 1) return -offset > size ? before() : firstWithWarning();
      return start + offset <= last_row ? on(start + offset) : after();
    case SQL_FETCH_ABSOLUTE: return absolute(offset, size, last_row);
    case SQL_FETCH_FIRST: return at(1, last_row);
    case SQL_FETCH_LAST:
      if (last_row == 0) return after();
      return size <= last_row ? on(last_row - size + 1) : on(1);
    case SQL_FETCH_BOOKMARK: return at(bookmark_row + offset, last_row);
    default: return after();
  }
}

}  // namespace monday::handles
