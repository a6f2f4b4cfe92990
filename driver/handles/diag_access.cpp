#include "driver/handles/diag_access.h"

#include <cstring>

#include "driver/convert/out_buffer.h"
#include "driver/convert/wide.h"

namespace monday::handles {

namespace {

std::string visibleState(const Handle& handle, const DiagRecord& record) {
  return handle.odbcVersion() == SQL_OV_ODBC2 ? odbc2State(record.sqlstate) : record.sqlstate;
}

void writeState(void* out, const std::string& state, convert::CharEncoding encoding) {
  if (out == nullptr) return;
  if (encoding == convert::CharEncoding::Utf8) {
    auto* p = static_cast<char*>(out);
    std::memcpy(p, state.data(), 5);
    p[5] = '\0';
  } else {
    // Through the same wide writer as every other W string (UTF-16 or UTF-32, wide.h).
    convert::writeText(state.substr(0, 5), out, 6 * static_cast<std::int64_t>(convert::wideUnitSize()),
                       convert::CharEncoding::Utf16, convert::LengthUnit::Bytes);
  }
}

SQLRETURN writeRecord(const Handle& handle, const DiagRecord& r, void* state, SQLINTEGER* native_code,
                      void* message, SQLSMALLINT message_capacity, SQLSMALLINT* message_length,
                      convert::CharEncoding encoding) {
  if (message_capacity < 0) return SQL_ERROR;
  writeState(state, visibleState(handle, r), encoding);
  if (native_code) *native_code = r.native_code;
  const auto written = convert::writeText(r.message, message, message_capacity, encoding,
                                          convert::LengthUnit::Characters);
  convert::storeLength(message_length, written.full_length);
  return written.truncated ? SQL_SUCCESS_WITH_INFO : SQL_SUCCESS;
}

}  // namespace

SQLRETURN getDiagRec(Handle& handle, SQLSMALLINT record, void* state, SQLINTEGER* native_code,
                     void* message, SQLSMALLINT message_capacity, SQLSMALLINT* message_length,
                     convert::CharEncoding encoding) {
  if (record < 1) return SQL_ERROR;
  const auto& records = handle.diag().records();
  if (static_cast<std::size_t>(record) > records.size()) return SQL_NO_DATA;
  return writeRecord(handle, records[static_cast<std::size_t>(record - 1)], state, native_code, message,
                     message_capacity, message_length, encoding);
}

SQLRETURN nextErrorRecord(Handle& handle, void* state, SQLINTEGER* native_code, void* message,
                          SQLSMALLINT message_capacity, SQLSMALLINT* message_length,
                          convert::CharEncoding encoding) {
  Diagnostics& diag = handle.diag();
  const std::size_t next = diag.nextUnreadForSqlError();
  if (next >= diag.records().size()) return SQL_NO_DATA;
  const SQLRETURN rc = writeRecord(handle, diag.records()[next], state, native_code, message,
                                   message_capacity, message_length, encoding);
  diag.markReadBySqlError();
  return rc;
}

SQLRETURN getDiagField(Handle& handle, SQLSMALLINT record, SQLSMALLINT field, SQLPOINTER value,
                       SQLSMALLINT buffer_length, SQLSMALLINT* string_length,
                       convert::CharEncoding encoding) {
  const Diagnostics& diag = handle.diag();
  auto text = [&](std::string_view s) -> SQLRETURN {
    if (buffer_length < 0) return SQL_ERROR;
    const auto written = convert::writeText(s, value, buffer_length, encoding, convert::LengthUnit::Bytes);
    convert::storeLength(string_length, written.full_length);
    return written.truncated ? SQL_SUCCESS_WITH_INFO : SQL_SUCCESS;
  };
  // Header fields ignore the record number.
  switch (field) {
    case SQL_DIAG_NUMBER:
      if (value) *static_cast<SQLINTEGER*>(value) = static_cast<SQLINTEGER>(diag.records().size());
      return SQL_SUCCESS;
    case SQL_DIAG_RETURNCODE:
      if (value) *static_cast<SQLRETURN*>(value) = diag.returnCode();
      return SQL_SUCCESS;
    case SQL_DIAG_ROW_COUNT:
      if (handle.handleType() != SQL_HANDLE_STMT) return SQL_ERROR;
      if (value) *static_cast<SQLLEN*>(value) = diag.rowCount();
      return SQL_SUCCESS;
    case SQL_DIAG_CURSOR_ROW_COUNT:
      if (handle.handleType() != SQL_HANDLE_STMT) return SQL_ERROR;
      if (value) *static_cast<SQLLEN*>(value) = diag.cursorRowCount();
      return SQL_SUCCESS;
    case SQL_DIAG_DYNAMIC_FUNCTION:
      if (handle.handleType() != SQL_HANDLE_STMT) return SQL_ERROR;
      return text(diag.dynamicFunction());
    case SQL_DIAG_DYNAMIC_FUNCTION_CODE:
      if (handle.handleType() != SQL_HANDLE_STMT) return SQL_ERROR;
      if (value) *static_cast<SQLINTEGER*>(value) = diag.dynamicFunctionCode();
      return SQL_SUCCESS;
    default:
      break;
  }
  if (record < 1) return SQL_ERROR;
  if (static_cast<std::size_t>(record) > diag.records().size()) return SQL_NO_DATA;
  const DiagRecord& r = diag.records()[static_cast<std::size_t>(record - 1)];
  switch (field) {
    case SQL_DIAG_SQLSTATE: return text(visibleState(handle, r));
    case SQL_DIAG_NATIVE:
      if (value) *static_cast<SQLINTEGER*>(value) = r.native_code;
      return SQL_SUCCESS;
    case SQL_DIAG_MESSAGE_TEXT: return text(r.message);
    case SQL_DIAG_CLASS_ORIGIN: return text(classOrigin(r.sqlstate));
    case SQL_DIAG_SUBCLASS_ORIGIN: return text(subclassOrigin(r.sqlstate));
    case SQL_DIAG_CONNECTION_NAME: return text("");
    case SQL_DIAG_SERVER_NAME: return text("monday.com");
    case SQL_DIAG_ROW_NUMBER:
      if (handle.handleType() != SQL_HANDLE_STMT) return SQL_ERROR;
      if (value) *static_cast<SQLLEN*>(value) = r.row_number;
      return SQL_SUCCESS;
    case SQL_DIAG_COLUMN_NUMBER:
      if (handle.handleType() != SQL_HANDLE_STMT) return SQL_ERROR;
      if (value) *static_cast<SQLINTEGER*>(value) = r.column_number;
      return SQL_SUCCESS;
    default:
      return SQL_ERROR;
  }
}

}  // namespace monday::handles
