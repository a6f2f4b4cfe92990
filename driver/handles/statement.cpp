// Statement life cycle: prepare, execute, parameters, cursor state, cancel.

#include "driver/handles/statement.h"

#include <algorithm>
#include <cstring>
#include <cstdint>

#include "driver/common/error.h"
#include "driver/convert/escapes.h"
#include "driver/convert/from_c.h"
#include "driver/convert/wide.h"
#include "driver/engine/session.h"
#include "driver/handles/connection.h"
#include "driver/handles/registry.h"

namespace monday::handles {

Statement::Statement(Connection& connection)
    : Handle(SQL_HANDLE_STMT),
      connection_(connection),
      ard_implicit_(connection, this, DescRole::ARD),
      apd_implicit_(connection, this, DescRole::APD),
      ird_(connection, this, DescRole::IRD),
      ipd_(connection, this, DescRole::IPD),
      ard_(&ard_implicit_),
      apd_(&apd_implicit_) {
  const StatementDefaults& d = connection.statementDefaults();
  query_timeout_ = d.query_timeout;
  max_rows_ = d.max_rows;
  metadata_id_ = d.metadata_id;
  noscan_ = d.noscan;
  ard_implicit_.array_size = d.row_array_size;
  // Unique per process, and never starting with SQL_CUR by accident of the application.
  cursor_name_ = "SQL_CUR" + std::to_string(reinterpret_cast<std::uintptr_t>(this) & 0xFFFFFFFF);
  Registry::instance().add(this);
}

Statement::~Statement() {
  Registry::instance().remove(this);
  result_ = nullptr;
  driver_result_.reset();
  prepared_.reset();
}

std::mutex& Statement::callMutex() { return connection_.callMutex(); }
SQLINTEGER Statement::odbcVersion() const { return connection_.odbcVersion(); }
log::Logger* Statement::logger() { return connection_.logger(); }

void Statement::forgetDescriptor(Descriptor* descriptor) {
  if (ard_ == descriptor) ard_ = &ard_implicit_;
  if (apd_ == descriptor) apd_ = &apd_implicit_;
}

void Statement::applyPendingCancel() {
  if (!close_requested_.exchange(false)) return;
  data_at_execution_.reset();  // SQLCancel also ends a data-at-execution sequence
  if (state_ == State::CursorOpen) resetCursor();
}

void Statement::requireNoOpenCursor() {
  applyPendingCancel();
  if (state_ == State::CursorOpen) {
    throw Error(sqlstate::kInvalidCursorState,
                "Invalid cursor state: a result set is still open on this statement. Call "
                "SQLCloseCursor (or SQLFreeStmt with SQL_CLOSE) first.");
  }
}

void Statement::resetCursor() {
  if (prepared_ && result_ == prepared_.get()) prepared_->close();
  result_ = nullptr;
  static_rows_.reset();
  position_ = {};
  last_rowset_size_ = 0;
  driver_result_.reset();
  rowset_.clear();
  current_row_ = 0;
  cursor_at_end_ = false;
  rows_before_rowset_ = 0;
  getdata_column_ = 0;
  getdata_progress_ = {};
  if (state_ == State::CursorOpen || state_ == State::Executed) {
    state_ = prepared_ ? State::Prepared : State::Allocated;
  }
  if (prepared_) {
    refreshColumns();
  } else {
    columns_.clear();
  }
}

void Statement::refreshColumns() {
  columns_.clear();
  if (!prepared_) return;
  for (const auto& c : prepared_->columns()) {
    columns_.push_back({c, convert::sqlTypeOf(c.type)});
  }
}

void Statement::startResult(DriverResult result) {
  requireNoOpenCursor();
  resetCursor();
  prepared_.reset();  // a catalog call replaces whatever was prepared (ODBC state S5)
  state_ = State::Allocated;
  driver_result_ = std::move(result.rows);
  columns_.clear();
  const auto& cols = driver_result_->columns();
  for (std::size_t i = 0; i < cols.size(); ++i) {
    const auto type = i < result.reported_types.size() ? result.reported_types[i] : convert::sqlTypeOf(cols[i].type);
    columns_.push_back({cols[i], type});
  }
  result_ = driver_result_.get();
  row_count_ = -1;
  state_ = State::CursorOpen;
  diag().setRowCount(-1);
  materializeIfScrollable();
}

void Statement::applyRequestTimeout() {
  SQLULEN seconds = query_timeout_;
  if (seconds == 0) seconds = connection_.connectionTimeout();
  connection_.session().setRequestTimeout(static_cast<int>(std::min<SQLULEN>(seconds, 3600)));
}

SQLRETURN Statement::prepare(std::string_view sql) {
  requireNoOpenCursor();
  resetCursor();
  prepared_.reset();
  columns_.clear();
  state_ = State::Allocated;
  row_count_ = -1;
  const std::string text = noscan_ == SQL_NOSCAN_ON ? std::string(sql) : convert::rewriteEscapes(sql);
  RunningGuard running(*this);
  prepared_ = connection_.session().prepare(text);
  state_ = State::Prepared;
  refreshColumns();
  return SQL_SUCCESS;
}

namespace {

Value parameterValue(Descriptor& apd, Descriptor& ipd, SQLSMALLINT number, SQLULEN row) {
  const DescRecord* a = apd.findRecord(number);
  const DescRecord* i = ipd.findRecord(number);
  convert::ParameterSource source;
  source.c_type = a->concise_type;
  source.sql_type = i ? i->concise_type : SQL_VARCHAR;
  if (source.sql_type == SQL_C_DEFAULT) source.sql_type = SQL_VARCHAR;
  source.data = apd.dataAddress(*a, row);
  source.buffer_length = a->octet_length;
  const convert::LengthSlot indicator = apd.indicatorAddress(*a, row);
  const convert::LengthSlot length = apd.octetLengthAddress(*a, row);
  source.length_or_indicator = (indicator && indicator.get() == SQL_NULL_DATA) ? indicator : (length ? length : indicator);
  source.decimal_digits = i ? i->scale : 0;
  return convert::convertParameter(source);
}

}  // namespace

SQLRETURN Statement::execute() {
  if (!prepared_) {
    throw Error(sqlstate::kFunctionSequenceError,
                "Function sequence error: SQLExecute needs a statement prepared with SQLPrepare.");
  }
  requireNoOpenCursor();
  resetCursor();
  data_at_execution_.reset();

  const std::size_t parameter_count = prepared_->parameterCount();
  for (std::size_t n = 1; n <= parameter_count; ++n) {
    const DescRecord* rec = apd_->findRecord(static_cast<SQLSMALLINT>(n));
    if (rec == nullptr || !rec->bound()) {
      throw Error(sqlstate::kWrongNumberOfParameters,
                  "COUNT field incorrect: the statement has " + std::to_string(parameter_count) +
                      " parameter marker(s) but parameter " + std::to_string(n) +
                      " is not bound. Call SQLBindParameter for every '?'.");
    }
  }

  const SQLULEN sets = std::max<SQLULEN>(apd_->array_size, 1);
  // Parameters whose value comes later, through SQLParamData / SQLPutData.
  std::vector<SQLSMALLINT> deferred;
  for (std::size_t n = 1; n <= parameter_count; ++n) {
    const DescRecord* rec = apd_->findRecord(static_cast<SQLSMALLINT>(n));
    convert::LengthSlot length = apd_->octetLengthAddress(*rec, 0);
    if (!length) length = apd_->indicatorAddress(*rec, 0);
    if (length && (length.get() == SQL_DATA_AT_EXEC || length.get() <= SQL_LEN_DATA_AT_EXEC_OFFSET)) {
      deferred.push_back(static_cast<SQLSMALLINT>(n));
    }
  }
  if (!deferred.empty()) {
    if (sets > 1) {
      throw Error(sqlstate::kOptionalFeatureNotImplemented,
                  "Data-at-execution parameters work with one parameter set at a time; set "
                  "SQL_ATTR_PARAMSET_SIZE to 1 or bind the values with their lengths.");
    }
    data_at_execution_ = DataAtExecution{.parameters = std::move(deferred)};
    return SQL_NEED_DATA;
  }
  return runExecution();
}

SQLRETURN Statement::runExecution() {
  RunningGuard running(*this);
  const std::size_t parameter_count = prepared_->parameterCount();
  const SQLULEN sets = std::max<SQLULEN>(apd_->array_size, 1);
  if (sets > 1 && !columns_.empty()) {
    throw Error(sqlstate::kOptionalFeatureNotImplemented,
                "Parameter arrays (SQL_ATTR_PARAMSET_SIZE > 1) are supported only for statements "
                "that return no result set. Execute the query once per parameter set.");
  }
  applyRequestTimeout();
  prepared_->setMaxRows(static_cast<std::int64_t>(max_rows_));

  std::int64_t total_rows = 0;
  SQLULEN processed = 0;
  SQLULEN failed = 0;
  bool any_count = false;
  // Values sent with SQLPutData are used once: the next SQLExecute asks for them again.
  std::optional<DataAtExecution> sent = std::move(data_at_execution_);
  data_at_execution_.reset();
  auto bindSet = [&](SQLULEN row) {
    for (std::size_t n = 1; n <= parameter_count; ++n) {
      const auto number = static_cast<SQLSMALLINT>(n);
      if (sent && sent->values.contains(number)) prepared_->bind(n, sent->values.at(number));
      else prepared_->bind(n, parameterValue(*apd_, ipd_, number, row));
    }
  };
  auto ignored = [&](SQLULEN row) { return apd_->array_status_ptr && apd_->array_status_ptr[row] == SQL_PARAM_IGNORE; };
  if (sets == 1) {
    if (ignored(0)) {
      if (ipd_.array_status_ptr) ipd_.array_status_ptr[0] = SQL_PARAM_UNUSED;
    } else {
      ++processed;
      bindSet(0);
      prepared_->execute();
      for (const auto& warning : prepared_->takeWarnings()) diag().add(sqlstate::kGeneralWarning, warning);
      const std::int64_t count = prepared_->rowCount();
      if (count >= 0) {
        total_rows = count;
        any_count = true;
      }
      if (ipd_.array_status_ptr) ipd_.array_status_ptr[0] = SQL_PARAM_SUCCESS;
    }
  } else {
    // Every set runs as one unit: the rows of all sets share batched API requests. A set that
    // was not run (a request failed before it) is SQL_PARAM_UNUSED.
    using Status = engine::Statement::SetOutcome::Status;
    const auto outcomes = prepared_->executeSets(sets, [&](std::size_t row) {
      if (ignored(row)) return false;
      bindSet(row);
      return true;
    });
    for (const auto& warning : prepared_->takeWarnings()) diag().add(sqlstate::kGeneralWarning, warning);
    for (SQLULEN row = 0; row < sets; ++row) {
      const auto& outcome = outcomes[row];
      SQLUSMALLINT status = SQL_PARAM_UNUSED;
      if (outcome.status == Status::Success || outcome.status == Status::Error) {
        ++processed;
        total_rows += outcome.rows;
        any_count = true;
        status = SQL_PARAM_SUCCESS;
      }
      if (outcome.status == Status::Error) {
        ++failed;
        status = SQL_PARAM_ERROR;
        if (outcome.error) {
          diag().add(outcome.error->state(), outcome.error->message(), outcome.error->nativeCode(), static_cast<SQLLEN>(row + 1));
        }
      }
      if (outcome.status == Status::NotRun) ++failed;  // counts as a failure for the return code
      if (ipd_.array_status_ptr) ipd_.array_status_ptr[row] = status;
    }
  }
  if (ipd_.rows_processed_ptr) *ipd_.rows_processed_ptr = processed;

  row_count_ = any_count ? total_rows : -1;
  diag().setRowCount(static_cast<SQLLEN>(row_count_));
  refreshColumns();  // types are refined once the first row is known
  if (!columns_.empty()) {
    result_ = prepared_.get();
    state_ = State::CursorOpen;
    materializeIfScrollable();
  } else {
    state_ = State::Executed;
  }
  // Any set that failed or was not run fails the call: an application that checks only the
  // return code must not take missing rows for success. The status array says which sets.
  if (failed > 0) return SQL_ERROR;
  return SQL_SUCCESS;
}

SQLRETURN Statement::execDirect(std::string_view sql) {
  prepare(sql);
  return execute();
}

void Statement::finishPutValue() {
  DataAtExecution& dae = *data_at_execution_;
  if (dae.current == 0) return;
  if (!dae.values.contains(dae.current)) {
    if (!dae.current_has_data) {
      throw Error(sqlstate::kFunctionSequenceError,
                  "Function sequence error: parameter " + std::to_string(dae.current) +
                      " got no SQLPutData call; send its value (or SQL_NULL_DATA) before SQLParamData.");
    }
    const DescRecord* a = apd_->findRecord(dae.current);
    const DescRecord* i = ipd_.findRecord(dae.current);
    convert::ParameterSource source;
    source.c_type = a->concise_type;
    source.sql_type = i && i->concise_type != SQL_C_DEFAULT ? i->concise_type : SQL_VARCHAR;
    source.data = dae.bytes.data();
    source.buffer_length = static_cast<SQLLEN>(dae.bytes.size());
    SQLLEN length = static_cast<SQLLEN>(dae.bytes.size());
    source.length_or_indicator = convert::LengthSlot(&length);
    source.decimal_digits = i ? i->scale : 0;
    dae.values[dae.current] = convert::convertParameter(source);
  }
  dae.current = 0;
  dae.current_has_data = false;
  dae.bytes.clear();
}

SQLRETURN Statement::paramData(SQLPOINTER* value) {
  if (!data_at_execution_) {
    throw Error(sqlstate::kFunctionSequenceError,
                "Function sequence error: SQLParamData follows an SQLExecute or SQLExecDirect that "
                "returned SQL_NEED_DATA.");
  }
  try {
    finishPutValue();
    DataAtExecution& dae = *data_at_execution_;
    if (dae.next < dae.parameters.size()) {
      dae.current = dae.parameters[dae.next++];
      // The token the application bound as the parameter's value pointer tells it which one.
      const DescRecord* rec = apd_->findRecord(dae.current);
      if (value) *value = rec ? rec->data_ptr : nullptr;
      return SQL_NEED_DATA;
    }
    return runExecution();
  } catch (...) {
    data_at_execution_.reset();  // an error ends the sequence: the next SQLExecute starts over
    throw;
  }
}

SQLRETURN Statement::putData(SQLPOINTER data, SQLLEN length) {
  if (!data_at_execution_ || data_at_execution_->current == 0) {
    throw Error(sqlstate::kFunctionSequenceError,
                "Function sequence error: SQLPutData follows an SQLParamData that returned "
                "SQL_NEED_DATA.");
  }
  try {
    return putDataPiece(data, length);
  } catch (...) {
    data_at_execution_.reset();  // ODBC: an error in SQLPutData ends the sequence
    throw;
  }
}

SQLRETURN Statement::putDataPiece(SQLPOINTER data, SQLLEN length) {
  DataAtExecution& dae = *data_at_execution_;
  const DescRecord* rec = apd_->findRecord(dae.current);
  const SQLSMALLINT c_type = rec->concise_type;
  const bool pieces = c_type == SQL_C_CHAR || c_type == SQL_C_WCHAR || c_type == SQL_C_BINARY;
  if (length == SQL_NULL_DATA) {
    if (dae.current_has_data) {
      throw Error(sqlstate::kAttributeCannotBeSetNow, "Attribute cannot be set now: SQL_NULL_DATA must be the only SQLPutData call "
                           "for parameter " + std::to_string(dae.current) + ".");
    }
    dae.values[dae.current] = std::monostate{};
    dae.current_has_data = true;
    return SQL_SUCCESS;
  }
  if (dae.values.contains(dae.current) || (!pieces && dae.current_has_data)) {
    throw Error(sqlstate::kNonCharacterDataInPieces, "Non-character and non-binary data sent in pieces: parameter " +
                             std::to_string(dae.current) + " takes one SQLPutData call.");
  }
  if (data == nullptr && length != 0) {
    throw Error(sqlstate::kInvalidArgumentValue, "Invalid use of null pointer: SQLPutData needs a data buffer.");
  }
  if (pieces) {
    std::size_t size = 0;
    if (length == SQL_NTS) {
      if (c_type == SQL_C_WCHAR) {
        size = convert::wideNtsLength(data) * convert::wideUnitSize();
      } else {
        size = std::strlen(static_cast<const char*>(data));
      }
    } else if (length < 0) {
      throw Error(sqlstate::kInvalidStringOrBufferLength,
                  "Invalid string or buffer length " + std::to_string(length) + " in SQLPutData.");
    } else {
      size = static_cast<std::size_t>(length);
    }
    dae.bytes.append(static_cast<const char*>(data), size);
    dae.current_has_data = true;
    return SQL_SUCCESS;
  }
  // A fixed-size value arrives whole: convert it from the application's buffer now.
  const DescRecord* i = ipd_.findRecord(dae.current);
  convert::ParameterSource source;
  source.c_type = c_type;
  source.sql_type = i && i->concise_type != SQL_C_DEFAULT ? i->concise_type : SQL_VARCHAR;
  source.data = data;
  source.length_or_indicator = convert::LengthSlot(&length);
  source.decimal_digits = i ? i->scale : 0;
  dae.values[dae.current] = convert::convertParameter(source);
  dae.current_has_data = true;
  return SQL_SUCCESS;
}

SQLRETURN Statement::rowCount(SQLLEN* count) {
  if (state_ == State::Allocated || state_ == State::Prepared) {
    if (driver_result_ == nullptr) {
      throw Error(sqlstate::kFunctionSequenceError,
                  "Function sequence error: SQLRowCount needs an executed statement.");
    }
  }
  if (count) *count = static_cast<SQLLEN>(row_count_);
  return SQL_SUCCESS;
}

SQLRETURN Statement::moreResults() {
  // One result per statement: whatever was open is finished.
  if (state_ == State::CursorOpen || state_ == State::Executed) resetCursor();
  return SQL_NO_DATA;
}

SQLRETURN Statement::closeCursor(bool error_if_none) {
  applyPendingCancel();
  if (state_ != State::CursorOpen) {
    if (error_if_none) {
      throw Error(sqlstate::kInvalidCursorState,
                  "Invalid cursor state: no cursor is open on this statement.");
    }
    if (state_ == State::Executed) resetCursor();
    return SQL_SUCCESS;
  }
  resetCursor();
  return SQL_SUCCESS;
}

SQLRETURN Statement::freeStmt(SQLUSMALLINT option) {
  switch (option) {
    case SQL_CLOSE:
      return closeCursor(false);
    case SQL_UNBIND:
      ard_->unbindAll();
      return SQL_SUCCESS;
    case SQL_RESET_PARAMS:
      apd_->unbindAll();
      ipd_.unbindAll();
      return SQL_SUCCESS;
    default:
      throw Error(sqlstate::kInvalidAttributeOptionIdentifier, "Invalid option " + std::to_string(option) +
                               " for SQLFreeStmt: use SQL_CLOSE, SQL_UNBIND, SQL_RESET_PARAMS or "
                               "SQL_DROP.");
  }
}

SQLRETURN Statement::cancel() {
  // Runs without the connection lock: only atomics and the session's own thread-safe interrupt.
  if (running_.load()) {
    if (auto session = connection_.sessionForCancel()) session->interrupt();
  } else {
    close_requested_ = true;
  }
  return SQL_SUCCESS;
}

engine::ResultSet& Statement::openResult() {
  applyPendingCancel();
  if (state_ == State::CursorOpen && result_ != nullptr) return *result_;
  if (state_ == State::Executed) {
    throw Error(sqlstate::kInvalidCursorState,
                "Invalid cursor state: the statement did not return a result set (it was not a "
                "query), so there is nothing to fetch.");
  }
  throw Error(sqlstate::kFunctionSequenceError,
              "Function sequence error: no result set is open. Execute a query or call a catalog "
              "function first.");
}

}  // namespace monday::handles
