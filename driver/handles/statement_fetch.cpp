// SQLFetch, SQLFetchScroll, SQLGetData, SQLSetPos(SQL_POSITION): moving the forward-only cursor
// and converting values into the application's buffers (column-wise or row-wise block fetch).

#include <algorithm>
#include <cstring>

#include "driver/common/error.h"
#include "driver/handles/connection.h"
#include "driver/handles/statement.h"

#ifndef SQL_APD_TYPE
#define SQL_APD_TYPE (-100)
#endif

namespace monday::handles {

namespace {

convert::SourceColumn sourceOf(const ColumnMeta& meta) {
  return {meta.column.type, convert::typeInfo(meta.sql_type).default_c_type};
}

}  // namespace

SQLRETURN Statement::fetch() { return fetchScroll(SQL_FETCH_NEXT, 0); }

SQLRETURN Statement::fetchScroll(SQLSMALLINT orientation, SQLLEN offset) {
  openResult();
  if (static_rows_) return fetchStatic(orientation, offset);
  if (orientation != SQL_FETCH_NEXT) {
    throw Error(sqlstate::kFetchTypeOutOfRange,
                "Fetch type out of range: the cursor is forward-only (SQL_CURSOR_FORWARD_ONLY), so "
                "only SQL_FETCH_NEXT is supported. Set SQL_ATTR_CURSOR_TYPE to SQL_CURSOR_STATIC "
                "before executing to scroll.");
  }
  return fetchRowset();
}

void Statement::materializeIfScrollable() {
  static_rows_.reset();
  position_ = {};
  last_rowset_size_ = 0;
  if (!scrollable() || result_ == nullptr) return;
  RunningGuard running(*this);
  auto store = std::make_unique<engine::RowStore>();
  const std::size_t column_count = columns_.size();
  std::vector<Value> row(column_count);
  while (result_->next()) {
    for (std::size_t c = 0; c < column_count; ++c) row[c] = result_->value(c);
    store->append(row);
  }
  for (const auto& warning : result_->takeWarnings()) diag().add(sqlstate::kGeneralWarning, warning);
  diag().setCursorRowCount(static_cast<SQLLEN>(store->size()));
  static_rows_ = std::move(store);
}

SQLLEN Statement::bookmarkRow() const {
  if (fetch_bookmark_ptr_ == nullptr) {
    throw Error(sqlstate::kInvalidBookmarkValue, "Invalid bookmark value: SQL_ATTR_FETCH_BOOKMARK_PTR is not set.");
  }
  SQLLEN row = 0;
  if (use_bookmarks_ == SQL_UB_VARIABLE) {
    std::int64_t value = 0;
    std::memcpy(&value, fetch_bookmark_ptr_, sizeof value);
    row = static_cast<SQLLEN>(value);
  } else {
    SQLUINTEGER value = 0;
    std::memcpy(&value, fetch_bookmark_ptr_, sizeof value);
    row = static_cast<SQLLEN>(value);
  }
  if (row < 1 || row > static_cast<SQLLEN>(static_rows_->size())) {
    throw Error(sqlstate::kInvalidBookmarkValue, "Invalid bookmark value " + std::to_string(row) + ": the result has " +
                             std::to_string(static_rows_->size()) + " row(s).");
  }
  return row;
}

SQLRETURN Statement::fetchStatic(SQLSMALLINT orientation, SQLLEN offset) {
  switch (orientation) {
    case SQL_FETCH_NEXT: case SQL_FETCH_PRIOR: case SQL_FETCH_FIRST: case SQL_FETCH_LAST:
    case SQL_FETCH_ABSOLUTE: case SQL_FETCH_RELATIVE:
      break;
    case SQL_FETCH_BOOKMARK:
      if (use_bookmarks_ == SQL_UB_OFF) {
        throw Error(sqlstate::kFetchTypeOutOfRange, "Fetch type out of range: SQL_FETCH_BOOKMARK needs SQL_ATTR_USE_BOOKMARKS on.");
      }
      break;
    default:
      throw Error(sqlstate::kFetchTypeOutOfRange, "Fetch type out of range: " + std::to_string(orientation) + " is no fetch orientation.");
  }
  const SQLULEN size = std::max<SQLULEN>(ard_->array_size, 1);
  const SQLLEN last_row = static_cast<SQLLEN>(static_rows_->size());
  const SQLLEN bookmark_row = orientation == SQL_FETCH_BOOKMARK ? bookmarkRow() : 0;
  const ScrollOutcome outcome =
      nextRowset(position_, orientation, offset, static_cast<SQLLEN>(size),
                 static_cast<SQLLEN>(last_rowset_size_ ? last_rowset_size_ : size), last_row, bookmark_row);
  position_ = outcome.position;
  last_rowset_size_ = size;
  rowset_.clear();
  current_row_ = 0;
  getdata_column_ = 0;
  getdata_progress_ = {};
  if (position_.kind == RowsetPosition::Kind::On) {
    rows_before_rowset_ = static_cast<SQLULEN>(position_.start - 1);
    for (SQLLEN row = position_.start; row <= last_row && rowset_.size() < size; ++row) {
      rowset_.push_back(static_rows_->row(static_cast<std::size_t>(row - 1)));
    }
  } else {
    rows_before_rowset_ = position_.kind == RowsetPosition::Kind::AfterEnd ? static_cast<SQLULEN>(last_row) : 0;
  }
  SQLRETURN rc = deliverRowset(size);
  if (outcome.moved_to_first_row && SQL_SUCCEEDED(rc)) {
    diag().add(sqlstate::kFetchBeforeFirstRowset, "Attempt to fetch before the result set returned the first rowset: the first rowset was "
                        "returned instead.");
    rc = SQL_SUCCESS_WITH_INFO;
  }
  return rc;
}

void Statement::writeBookmark(const convert::CTarget& target, SQLLEN row_number) {
  if (target.c_type == SQL_C_VARBOOKMARK) {
    // Variable-length bookmarks: the row number in 8 bytes, as SQL_ATTR_FETCH_BOOKMARK_PTR takes it.
    const std::int64_t value = row_number;
    if (target.data && target.buffer_length >= static_cast<SQLLEN>(sizeof value)) std::memcpy(target.data, &value, sizeof value);
    if (target.octet_length) target.octet_length.set(sizeof value);
    if (target.indicator && !(target.indicator == target.octet_length)) target.indicator.set(0);
    return;
  }
  std::vector<Warning> warnings;
  convert::convertToC(Value{static_cast<std::int64_t>(row_number)}, {DataType::BigInt, SQL_C_SBIGINT}, target, nullptr,
                      warnings);
}

SQLRETURN Statement::extendedFetch(SQLUSMALLINT orientation, SQLLEN offset, SQLULEN* row_count,
                                   SQLUSMALLINT* row_status) {
  struct Restore {
    Descriptor& ird;
    SQLULEN* count;
    SQLUSMALLINT* status;
    ~Restore() {
      ird.rows_processed_ptr = count;
      ird.array_status_ptr = status;
    }
  } restore{ird_, ird_.rows_processed_ptr, ird_.array_status_ptr};
  ird_.rows_processed_ptr = row_count;
  ird_.array_status_ptr = row_status;
  if (row_count) *row_count = 0;
  return fetchScroll(static_cast<SQLSMALLINT>(orientation), offset);
}

SQLRETURN Statement::fetchRowset() {
  engine::ResultSet& result = openResult();
  RunningGuard running(*this);
  const SQLULEN size = std::max<SQLULEN>(ard_->array_size, 1);

  rows_before_rowset_ += rowset_.size();
  rowset_.clear();
  current_row_ = 0;
  getdata_column_ = 0;
  getdata_progress_ = {};
  const std::size_t column_count = columns_.size();
  while (rowset_.size() < size && !cursor_at_end_) {
    if (!result.next()) {
      cursor_at_end_ = true;
      break;
    }
    std::vector<Value> row;
    row.reserve(column_count);
    for (std::size_t c = 0; c < column_count; ++c) row.push_back(result.value(c));
    rowset_.push_back(std::move(row));
  }

  // Values the engine could not hold in their column's type read as NULL; it says which.
  for (const auto& warning : result.takeWarnings()) diag().add(sqlstate::kGeneralWarning, warning);
  return deliverRowset(size);
}

SQLRETURN Statement::deliverRowset(SQLULEN size) {
  const bool value_warnings = !diag().empty();  // records of this call so far are warnings
  const std::size_t column_count = columns_.size();
  const std::size_t fetched = rowset_.size();
  if (ird_.rows_processed_ptr) *ird_.rows_processed_ptr = fetched;
  if (ird_.array_status_ptr) {
    for (SQLULEN i = fetched; i < size; ++i) ird_.array_status_ptr[i] = SQL_ROW_NOROW;
  }
  if (!static_rows_) diag().setCursorRowCount(static_cast<SQLLEN>(rows_before_rowset_ + fetched));
  if (fetched == 0) return SQL_NO_DATA;

  std::size_t rows_with_errors = 0;
  bool any_warning = value_warnings;
  const SQLSMALLINT bound_columns = std::min<SQLSMALLINT>(ard_->count(), static_cast<SQLSMALLINT>(column_count));
  for (std::size_t r = 0; r < fetched; ++r) {
    bool row_error = false;
    bool row_warning = false;
    if (const DescRecord* mark = ard_->findRecord(0); use_bookmarks_ != SQL_UB_OFF && mark && mark->bound()) {
      convert::CTarget target;
      target.c_type = mark->concise_type;
      target.data = ard_->dataAddress(*mark, r);
      target.buffer_length = mark->octet_length;
      target.indicator = ard_->indicatorAddress(*mark, r);
      target.octet_length = ard_->octetLengthAddress(*mark, r);
      writeBookmark(target, static_cast<SQLLEN>(rows_before_rowset_ + r + 1));
    }
    for (SQLSMALLINT c = 1; c <= bound_columns; ++c) {
      const DescRecord* rec = ard_->findRecord(c);
      if (rec == nullptr || !rec->bound()) continue;
      convert::CTarget target;
      target.c_type = rec->concise_type;
      target.data = ard_->dataAddress(*rec, r);
      target.buffer_length = rec->octet_length;
      target.indicator = ard_->indicatorAddress(*rec, r);
      target.octet_length = ard_->octetLengthAddress(*rec, r);
      target.precision = rec->precision;
      target.scale = rec->scale;
      std::vector<Warning> warnings;
      try {
        convert::convertToC(rowset_[r][static_cast<std::size_t>(c - 1)], sourceOf(columns_[static_cast<std::size_t>(c - 1)]),
                            target, nullptr, warnings);
      } catch (const Error& e) {
        diag().add(e.state(), e.message(), e.nativeCode(), static_cast<SQLLEN>(r + 1), c);
        row_error = true;
      }
      for (const auto& w : warnings) {
        diag().add(w.state, w.message, 0, static_cast<SQLLEN>(r + 1), c);
        row_warning = true;
      }
    }
    if (row_error) ++rows_with_errors;
    any_warning = any_warning || row_warning;
    if (ird_.array_status_ptr) {
      ird_.array_status_ptr[r] = row_error     ? SQL_ROW_ERROR
                                 : row_warning ? SQL_ROW_SUCCESS_WITH_INFO
                                               : SQL_ROW_SUCCESS;
    }
  }
  // One row that failed to convert is an error; in a block, the others still arrive.
  if (rows_with_errors > 0 && size == 1) return SQL_ERROR;
  if (rows_with_errors > 0 && rows_with_errors == fetched) return SQL_ERROR;
  if (rows_with_errors > 0 || any_warning) return SQL_SUCCESS_WITH_INFO;
  return SQL_SUCCESS;
}

SQLRETURN Statement::getData(SQLUSMALLINT column, SQLSMALLINT c_type, SQLPOINTER target,
                             SQLLEN buffer_length, SQLLEN* indicator) {
  openResult();
  if (rowset_.empty() || current_row_ >= rowset_.size()) {
    throw Error(sqlstate::kInvalidCursorState,
                "Invalid cursor state: the cursor is not on a row. Call SQLFetch first, and stop "
                "when it returns SQL_NO_DATA.");
  }
  if (column == 0) {
    if (use_bookmarks_ == SQL_UB_OFF) {
      throw Error(sqlstate::kInvalidDescriptorIndex,
                  "Invalid descriptor index 0: column 0 is the bookmark; set SQL_ATTR_USE_BOOKMARKS to use it.");
    }
    if (rowset_.empty()) throw Error(sqlstate::kInvalidCursorState, "Invalid cursor state: the cursor is not on a row.");
    convert::CTarget t;
    t.c_type = c_type == SQL_C_DEFAULT ? (use_bookmarks_ == SQL_UB_VARIABLE ? SQL_C_VARBOOKMARK : SQL_C_ULONG) : c_type;
    t.data = target;
    t.buffer_length = buffer_length;
    t.indicator = convert::LengthSlot(indicator);
    t.octet_length = convert::LengthSlot(indicator);
    writeBookmark(t, static_cast<SQLLEN>(rows_before_rowset_ + current_row_ + 1));
    return SQL_SUCCESS;
  }
  if (column > columns_.size()) {
    throw Error(sqlstate::kInvalidDescriptorIndex,
                "Invalid descriptor index " + std::to_string(column) + ": the result has " +
                    std::to_string(columns_.size()) + " column(s).");
  }
  convert::CTarget t;
  t.c_type = c_type;
  if (c_type == SQL_ARD_TYPE) {
    const DescRecord* rec = ard_->findRecord(static_cast<SQLSMALLINT>(column));
    t.c_type = rec ? rec->concise_type : SQL_C_DEFAULT;
    if (rec) {
      t.precision = rec->precision;
      t.scale = rec->scale;
    }
  } else if (c_type == SQL_APD_TYPE) {
    throw Error(sqlstate::kInvalidBufferType, "Invalid application buffer type: SQL_APD_TYPE cannot be used with SQLGetData.");
  } else if (c_type == SQL_C_NUMERIC) {
    // Precision and scale the application set on the column's ARD record apply, as other major
    // drivers do (the reference only promises it for SQL_ARD_TYPE; applications rely on both).
    if (const DescRecord* rec = ard_->findRecord(static_cast<SQLSMALLINT>(column)); rec && rec->precision > 0) {
      t.precision = rec->precision;
      t.scale = rec->scale;
    }
  }
  t.data = target;
  t.buffer_length = buffer_length;
  t.indicator = convert::LengthSlot(indicator);
  t.octet_length = convert::LengthSlot(indicator);
  if (column != getdata_column_) {
    getdata_column_ = column;
    getdata_progress_ = {};
  }
  RunningGuard running(*this);
  std::vector<Warning> warnings;
  const SQLRETURN rc = convert::convertToC(rowset_[current_row_][column - 1],
                                           sourceOf(columns_[column - 1]), t, &getdata_progress_, warnings);
  for (const auto& w : warnings) diag().add(w.state, w.message, 0, static_cast<SQLLEN>(current_row_ + 1), column);
  return rc;
}

SQLRETURN Statement::setPos(SQLSETPOSIROW row, SQLUSMALLINT operation, SQLUSMALLINT lock_type) {
  openResult();
  if (operation != SQL_POSITION) {
    throw Error(sqlstate::kOptionalFeatureNotImplemented,
                "SQLSetPos supports only SQL_POSITION: the cursor is read-only.");
  }
  if (lock_type != SQL_LOCK_NO_CHANGE) {
    throw Error(sqlstate::kOptionalFeatureNotImplemented,
                "SQLSetPos supports only SQL_LOCK_NO_CHANGE.");
  }
  if (row == 0 || row > rowset_.size()) {
    throw Error(sqlstate::kRowValueOutOfRange, "Row value out of range: the current rowset has " +
                             std::to_string(rowset_.size()) + " row(s).");
  }
  current_row_ = static_cast<std::size_t>(row - 1);
  getdata_column_ = 0;
  getdata_progress_ = {};
  return SQL_SUCCESS;
}

}  // namespace monday::handles
