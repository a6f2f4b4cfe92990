#pragma once
// The diagnostics area of one ODBC handle: header fields (number of records, return code, row
// count) and status records (SQLSTATE, native code, message). Cleared when any function other
// than SQLGetDiagRec/SQLGetDiagField/SQLError starts on the handle (ANCHORS §7.10).

#include <sql.h>
#include <sqlext.h>

#include <string>
#include <string_view>
#include <vector>

#include "driver/common/error.h"

namespace monday::handles {

// Every message the driver produces starts with this, so users can tell our diagnostics from the
// driver manager's.
inline constexpr std::string_view kMessagePrefix = "[monday][ODBC Driver]";

struct DiagRecord {
  std::string sqlstate;  // ODBC 3 state; mapped for ODBC 2 applications when read
  SQLINTEGER native_code = 0;
  std::string message;   // includes kMessagePrefix
  SQLLEN row_number = SQL_NO_ROW_NUMBER;
  SQLINTEGER column_number = SQL_NO_COLUMN_NUMBER;
};

class Diagnostics {
 public:
  void clear();

  void add(std::string_view state, std::string_view message, SQLINTEGER native_code = 0,
           SQLLEN row_number = SQL_NO_ROW_NUMBER, SQLINTEGER column_number = SQL_NO_COLUMN_NUMBER);
  void add(const Error& error) { add(error.state(), error.message(), error.nativeCode()); }
  void add(const Warning& warning) { add(warning.state, warning.message); }

  const std::vector<DiagRecord>& records() const { return records_; }
  bool empty() const { return records_.empty(); }
  bool hasErrors() const;

  // Header fields.
  SQLRETURN returnCode() const { return return_code_; }
  void setReturnCode(SQLRETURN rc) { return_code_ = rc; }
  SQLLEN rowCount() const { return row_count_; }
  void setRowCount(SQLLEN n) { row_count_ = n; }
  SQLLEN cursorRowCount() const { return cursor_row_count_; }
  void setCursorRowCount(SQLLEN n) { cursor_row_count_ = n; }
  const std::string& dynamicFunction() const { return dynamic_function_; }
  SQLINTEGER dynamicFunctionCode() const { return dynamic_function_code_; }
  void setDynamicFunction(std::string name, SQLINTEGER code) {
    dynamic_function_ = std::move(name);
    dynamic_function_code_ = code;
  }

  // SQLError hands out each record once; this is where it has got to.
  std::size_t nextUnreadForSqlError() const { return sql_error_position_; }
  void markReadBySqlError() { ++sql_error_position_; }

 private:
  std::vector<DiagRecord> records_;
  SQLRETURN return_code_ = SQL_SUCCESS;
  SQLLEN row_count_ = 0;
  SQLLEN cursor_row_count_ = 0;
  std::string dynamic_function_;
  SQLINTEGER dynamic_function_code_ = 0;
  std::size_t sql_error_position_ = 0;
};

// "ISO 9075" for classes ISO/X-Open define, "ODBC 3.0" for ODBC's own (IM).
std::string_view classOrigin(std::string_view state);
// "ODBC 3.0" for the subclasses ODBC added (01S00, 42S02, HYT00 ...), else "ISO 9075".
std::string_view subclassOrigin(std::string_view state);
// The ODBC 2.x SQLSTATE an ODBC 3 state corresponds to (S1000 for HY000 ...), per MS appendix A.
std::string odbc2State(std::string_view state);

}  // namespace monday::handles
