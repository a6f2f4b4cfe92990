// SQLSetStmtAttr / SQLGetStmtAttr and cursor names. Values we cannot honour are replaced by the
// nearest supported one with 01S02 (ODBC "option value changed"), so tools that ask for a
// scrollable or updatable cursor still get a working forward-only, read-only one.

#include <cstdint>

#include "driver/common/error.h"
#include "driver/handles/connection.h"
#include "driver/handles/registry.h"
#include "driver/handles/statement.h"

namespace monday::handles {

namespace {

SQLULEN asULen(SQLPOINTER value) { return static_cast<SQLULEN>(reinterpret_cast<std::uintptr_t>(value)); }

void valueChanged(Diagnostics& diag, std::string_view what) {
  diag.add(sqlstate::kOptionValueChanged, "Option value changed: " + std::string(what));
}

}  // namespace

SQLRETURN Statement::setAttribute(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER) {
  const SQLULEN number = asULen(value);
  switch (attribute) {
    case SQL_ATTR_APP_ROW_DESC:
    case SQL_ATTR_APP_PARAM_DESC: {
      Descriptor*& slot = attribute == SQL_ATTR_APP_ROW_DESC ? ard_ : apd_;
      Descriptor& implicit = attribute == SQL_ATTR_APP_ROW_DESC ? ard_implicit_ : apd_implicit_;
      if (value == SQL_NULL_HDESC || value == static_cast<SQLPOINTER>(&implicit)) {
        slot = &implicit;
        return SQL_SUCCESS;
      }
      auto* handle = Registry::instance().find(value, SQL_HANDLE_DESC);
      auto* desc = static_cast<Descriptor*>(handle);
      if (desc == nullptr) {
        throw Error(sqlstate::kInvalidAttributeValue, "Invalid attribute value: not a descriptor handle.");
      }
      if (!desc->isExplicit() || &desc->connection() != &connection_) {
        throw Error(sqlstate::kAutomaticDescriptorMisuse,
                    "Invalid use of an automatically allocated descriptor handle: only "
                    "descriptors allocated with SQLAllocHandle on this connection can be used.");
      }
      slot = desc;
      return SQL_SUCCESS;
    }
    case SQL_ATTR_IMP_ROW_DESC:
    case SQL_ATTR_IMP_PARAM_DESC:
      throw Error(sqlstate::kAutomaticDescriptorMisuse, "The implementation descriptors cannot be replaced.");
    case SQL_ATTR_ASYNC_ENABLE:
      if (number != SQL_ASYNC_ENABLE_OFF) {
        throw Error(sqlstate::kOptionalFeatureNotImplemented,
                    "Asynchronous execution is not supported; use SQLCancel from another thread "
                    "to stop a long call.");
      }
      return SQL_SUCCESS;
    case SQL_ATTR_CONCURRENCY:
      if (number != SQL_CONCUR_READ_ONLY) valueChanged(diag(), "cursors are read-only (SQL_CONCUR_READ_ONLY).");
      return SQL_SUCCESS;
    case SQL_ATTR_CURSOR_TYPE:
      // Static cursors are real (read once, scrolled from a local copy); keyset-driven and dynamic
      // ones would need a server that tracks changes: they become static.
      if (number == SQL_CURSOR_KEYSET_DRIVEN || number == SQL_CURSOR_DYNAMIC) {
        valueChanged(diag(), "keyset-driven and dynamic cursors are not supported; the cursor is static "
                             "(SQL_CURSOR_STATIC).");
        cursor_type_ = SQL_CURSOR_STATIC;
      } else if (number == SQL_CURSOR_STATIC || number == SQL_CURSOR_FORWARD_ONLY) {
        cursor_type_ = number;
      } else {
        throw Error(sqlstate::kInvalidAttributeValue, "Invalid attribute value " + std::to_string(number) + " for SQL_ATTR_CURSOR_TYPE.");
      }
      return SQL_SUCCESS;
    case SQL_ATTR_CURSOR_SCROLLABLE:
      if (number == SQL_SCROLLABLE) {
        if (cursor_type_ == SQL_CURSOR_FORWARD_ONLY) cursor_type_ = SQL_CURSOR_STATIC;
      } else if (number == SQL_NONSCROLLABLE) {
        cursor_type_ = SQL_CURSOR_FORWARD_ONLY;
      } else {
        throw Error(sqlstate::kInvalidAttributeValue, "Invalid attribute value " + std::to_string(number) + " for SQL_ATTR_CURSOR_SCROLLABLE.");
      }
      return SQL_SUCCESS;
    case SQL_ATTR_CURSOR_SENSITIVITY:
      if (number == SQL_UNSPECIFIED || number == SQL_INSENSITIVE) {
        cursor_sensitivity_ = number;
      } else {
        valueChanged(diag(), "cursors do not see changes made after they were opened.");
      }
      return SQL_SUCCESS;
    case SQL_ATTR_ENABLE_AUTO_IPD:
      if (number != SQL_FALSE) valueChanged(diag(), "parameters are not described automatically.");
      return SQL_SUCCESS;
    case SQL_ATTR_FETCH_BOOKMARK_PTR:
      fetch_bookmark_ptr_ = value;
      return SQL_SUCCESS;
    case SQL_ATTR_KEYSET_SIZE:
      if (number != 0) valueChanged(diag(), "there are no keyset cursors.");
      return SQL_SUCCESS;
    case SQL_ATTR_MAX_LENGTH:
      if (number != 0) valueChanged(diag(), "SQL_ATTR_MAX_LENGTH is not applied; long values are returned whole.");
      return SQL_SUCCESS;
    case SQL_ATTR_MAX_ROWS:
      max_rows_ = number;
      return SQL_SUCCESS;
    case SQL_ATTR_METADATA_ID:
      metadata_id_ = number == SQL_TRUE ? SQL_TRUE : SQL_FALSE;
      return SQL_SUCCESS;
    case SQL_ATTR_NOSCAN:
      noscan_ = number == SQL_NOSCAN_ON ? SQL_NOSCAN_ON : SQL_NOSCAN_OFF;
      return SQL_SUCCESS;
    case SQL_ATTR_PARAM_BIND_OFFSET_PTR:
      apd_->bind_offset_ptr = static_cast<SQLLEN*>(value);
      return SQL_SUCCESS;
    case SQL_ATTR_PARAM_BIND_TYPE:
      apd_->bind_type = static_cast<SQLINTEGER>(number);
      return SQL_SUCCESS;
    case SQL_ATTR_PARAM_OPERATION_PTR:
      apd_->array_status_ptr = static_cast<SQLUSMALLINT*>(value);
      return SQL_SUCCESS;
    case SQL_ATTR_PARAM_STATUS_PTR:
      ipd_.array_status_ptr = static_cast<SQLUSMALLINT*>(value);
      return SQL_SUCCESS;
    case SQL_ATTR_PARAMS_PROCESSED_PTR:
      ipd_.rows_processed_ptr = static_cast<SQLULEN*>(value);
      return SQL_SUCCESS;
    case SQL_ATTR_PARAMSET_SIZE:
      if (number == 0) throw Error(sqlstate::kInvalidAttributeValue, "Invalid attribute value: SQL_ATTR_PARAMSET_SIZE must be at least 1.");
      apd_->array_size = number;
      return SQL_SUCCESS;
    case SQL_ATTR_QUERY_TIMEOUT:
      query_timeout_ = number;
      return SQL_SUCCESS;
    case SQL_ATTR_RETRIEVE_DATA:
      if (number != SQL_RD_ON) valueChanged(diag(), "data is always retrieved (SQL_RD_ON).");
      return SQL_SUCCESS;
    case SQL_ROWSET_SIZE:
    case SQL_ATTR_ROW_ARRAY_SIZE:
      if (number == 0) throw Error(sqlstate::kInvalidAttributeValue, "Invalid attribute value: the row array size must be at least 1.");
      ard_->array_size = number;
      return SQL_SUCCESS;
    case SQL_ATTR_ROW_BIND_OFFSET_PTR:
      ard_->bind_offset_ptr = static_cast<SQLLEN*>(value);
      return SQL_SUCCESS;
    case SQL_ATTR_ROW_BIND_TYPE:
      ard_->bind_type = static_cast<SQLINTEGER>(number);
      return SQL_SUCCESS;
    case SQL_ATTR_ROW_OPERATION_PTR:
      ard_->array_status_ptr = static_cast<SQLUSMALLINT*>(value);
      return SQL_SUCCESS;
    case SQL_ATTR_ROW_STATUS_PTR:
      ird_.array_status_ptr = static_cast<SQLUSMALLINT*>(value);
      return SQL_SUCCESS;
    case SQL_ATTR_ROWS_FETCHED_PTR:
      ird_.rows_processed_ptr = static_cast<SQLULEN*>(value);
      return SQL_SUCCESS;
    case SQL_ATTR_SIMULATE_CURSOR:
      simulate_cursor_ = number;
      return SQL_SUCCESS;
    case SQL_ATTR_USE_BOOKMARKS:
      if (number != SQL_UB_OFF && number != SQL_UB_ON && number != SQL_UB_VARIABLE) {
        throw Error(sqlstate::kInvalidAttributeValue, "Invalid attribute value " + std::to_string(number) + " for SQL_ATTR_USE_BOOKMARKS.");
      }
      use_bookmarks_ = number;
      return SQL_SUCCESS;
    case SQL_ATTR_ROW_NUMBER:
      throw Error(sqlstate::kInvalidAttributeOptionIdentifier, "SQL_ATTR_ROW_NUMBER is read-only.");
    default:
      throw Error(sqlstate::kInvalidAttributeOptionIdentifier,
                  "Invalid attribute/option identifier: statement attribute " +
                      std::to_string(attribute) + " is not known to this driver.");
  }
}

SQLRETURN Statement::getAttribute(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER,
                                  SQLINTEGER* string_length) {
  auto ulen = [&](SQLULEN n) {
    if (value) *static_cast<SQLULEN*>(value) = n;
    if (string_length) *string_length = sizeof(SQLULEN);
    return SQL_SUCCESS;
  };
  auto pointer = [&](const void* p) {
    if (value) *static_cast<SQLPOINTER*>(value) = const_cast<void*>(p);
    if (string_length) *string_length = sizeof(SQLPOINTER);
    return SQL_SUCCESS;
  };
  switch (attribute) {
    case SQL_ATTR_APP_ROW_DESC: return pointer(static_cast<Handle*>(ard_));
    case SQL_ATTR_APP_PARAM_DESC: return pointer(static_cast<Handle*>(apd_));
    case SQL_ATTR_IMP_ROW_DESC: return pointer(static_cast<Handle*>(&ird_));
    case SQL_ATTR_IMP_PARAM_DESC: return pointer(static_cast<Handle*>(&ipd_));
    case SQL_ATTR_ASYNC_ENABLE: return ulen(SQL_ASYNC_ENABLE_OFF);
    case SQL_ATTR_CONCURRENCY: return ulen(SQL_CONCUR_READ_ONLY);
    case SQL_ATTR_CURSOR_TYPE: return ulen(cursor_type_);
    case SQL_ATTR_CURSOR_SCROLLABLE: return ulen(scrollable() ? SQL_SCROLLABLE : SQL_NONSCROLLABLE);
    case SQL_ATTR_CURSOR_SENSITIVITY: return ulen(cursor_sensitivity_);
    case SQL_ATTR_ENABLE_AUTO_IPD: return ulen(SQL_FALSE);
    case SQL_ATTR_FETCH_BOOKMARK_PTR: return pointer(fetch_bookmark_ptr_);
    case SQL_ATTR_KEYSET_SIZE: return ulen(0);
    case SQL_ATTR_MAX_LENGTH: return ulen(0);
    case SQL_ATTR_MAX_ROWS: return ulen(max_rows_);
    case SQL_ATTR_METADATA_ID: return ulen(metadata_id_);
    case SQL_ATTR_NOSCAN: return ulen(noscan_);
    case SQL_ATTR_PARAM_BIND_OFFSET_PTR: return pointer(apd_->bind_offset_ptr);
    case SQL_ATTR_PARAM_BIND_TYPE: return ulen(static_cast<SQLULEN>(apd_->bind_type));
    case SQL_ATTR_PARAM_OPERATION_PTR: return pointer(apd_->array_status_ptr);
    case SQL_ATTR_PARAM_STATUS_PTR: return pointer(ipd_.array_status_ptr);
    case SQL_ATTR_PARAMS_PROCESSED_PTR: return pointer(ipd_.rows_processed_ptr);
    case SQL_ATTR_PARAMSET_SIZE: return ulen(apd_->array_size);
    case SQL_ATTR_QUERY_TIMEOUT: return ulen(query_timeout_);
    case SQL_ATTR_RETRIEVE_DATA: return ulen(SQL_RD_ON);
    case SQL_ROWSET_SIZE:
    case SQL_ATTR_ROW_ARRAY_SIZE: return ulen(ard_->array_size);
    case SQL_ATTR_ROW_BIND_OFFSET_PTR: return pointer(ard_->bind_offset_ptr);
    case SQL_ATTR_ROW_BIND_TYPE: return ulen(static_cast<SQLULEN>(ard_->bind_type));
    case SQL_ATTR_ROW_NUMBER: {
      if (state_ != State::CursorOpen || rowset_.empty()) {
        throw Error(sqlstate::kInvalidCursorState,
                    "Invalid cursor state: the cursor is not on a row, so it has no row number.");
      }
      return ulen(rows_before_rowset_ + current_row_ + 1);
    }
    case SQL_ATTR_ROW_OPERATION_PTR: return pointer(ard_->array_status_ptr);
    case SQL_ATTR_ROW_STATUS_PTR: return pointer(ird_.array_status_ptr);
    case SQL_ATTR_ROWS_FETCHED_PTR: return pointer(ird_.rows_processed_ptr);
    case SQL_ATTR_SIMULATE_CURSOR: return ulen(simulate_cursor_);
    case SQL_ATTR_USE_BOOKMARKS: return ulen(use_bookmarks_);
    default:
      throw Error(sqlstate::kInvalidAttributeOptionIdentifier,
                  "Invalid attribute/option identifier: statement attribute " +
                      std::to_string(attribute) + " is not known to this driver.");
  }
}

SQLRETURN Statement::setCursorName(std::string_view name) {
  if (name.empty() || name.size() > 128) {
    throw Error(sqlstate::kInvalidCursorName, "Invalid cursor name: give 1 to 128 characters.");
  }
  if (name.rfind("SQL_CUR", 0) == 0 || name.rfind("SQLCUR", 0) == 0) {
    throw Error(sqlstate::kInvalidCursorName, "Invalid cursor name: names starting with SQL_CUR or SQLCUR are reserved.");
  }
  for (const auto& other : connection_.statements()) {
    if (other.get() != this && other->cursor_name_ == name) {
      throw Error(sqlstate::kDuplicateCursorName, "Duplicate cursor name: another statement of this connection uses it.");
    }
  }
  cursor_name_ = std::string(name);
  return SQL_SUCCESS;
}

SQLRETURN Statement::getCursorName(void* buffer, SQLSMALLINT capacity, SQLSMALLINT* length,
                                   convert::CharEncoding encoding) {
  const auto written = convert::writeText(cursor_name_, buffer, capacity, encoding, convert::LengthUnit::Characters);
  convert::storeLength(length, written.full_length);
  if (written.truncated) {
    diag().add(sqlstate::kStringTruncated, "String data, right truncated: use a larger buffer.");
    return SQL_SUCCESS_WITH_INFO;
  }
  return SQL_SUCCESS;
}

}  // namespace monday::handles
