#pragma once
// SQLite calls the driver back from C: virtual-table methods, SQL functions, the authorizer.
// A C++ exception must never unwind through SQLite's frames (undefined behaviour, and a crash in
// the application that loaded us). Every callback body runs inside one of these guards, which
// turn any exception into a SQLite error carrying the driver's diagnostic (pending_error keeps
// its SQLSTATE for the statement to report).

#include <sqlite3.h>

#include <exception>
#include <string>

#include "driver/common/error.h"
#include "driver/engine/session_state.h"
#include "driver/engine/sqlite_values.h"

namespace monday::engine {


// A virtual-table method: returns SQLITE_ERROR with vtab->zErrMsg set on any exception.
template <class Body>
int guardedVtabCall(sqlite3_vtab* vtab, SessionState& state, Body&& body) noexcept {
  try {
    return body();
  } catch (const Error& error) {
    return failVirtualTable(vtab, state, error);
  } catch (const std::exception& error) {
    return failVirtualTable(vtab, state, Error(sqlstate::kGeneralError, error.what()));
  } catch (...) {
    return failVirtualTable(vtab, state, Error(sqlstate::kGeneralError, "Internal driver error in a table callback."));
  }
}

// A SQL function: sets the function's error result on any exception.
template <class Body>
void guardedFunctionCall(sqlite3_context* context, SessionState& state, Body&& body) noexcept {
  try {
    body();
    return;
  } catch (const Error& error) {
    state.pending_error = error;
    sqlite3_result_error(context, error.message().c_str(), -1);
  } catch (const std::exception& error) {
    state.pending_error = Error(sqlstate::kGeneralError, error.what());
    sqlite3_result_error(context, error.what(), -1);
  } catch (...) {
    state.pending_error = Error(sqlstate::kGeneralError, "Internal driver error in a SQL function.");
    sqlite3_result_error(context, "Internal driver error in a SQL function.", -1);
  }
}

}  // namespace monday::engine
