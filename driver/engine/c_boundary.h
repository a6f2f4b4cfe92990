#pragma once
// SQLite calls the driver back from C: virtual-table methods, SQL functions, the authorizer.
// A C++ exception must never unwind through SQLite's frames (undefined behaviour, and a crash in
// the application that loaded us). Every callback is `noexcept` and is handed to SQLite through
// cCallback(), which accepts nothing else; its body runs inside one of the guards below, which
// turn any exception into a SQLite error carrying the driver's diagnostic (pending_error keeps
// its SQLSTATE for the statement to report). This is to SQLite what handles/dispatch.h is to ODBC.

#include <sqlite3.h>

#include <exception>
#include <memory>
#include <string>
#include <string_view>

#include "driver/common/error.h"
#include "driver/engine/session_state.h"
#include "driver/engine/sqlite_values.h"

namespace monday::engine {

// Fills a slot of sqlite3_module (or any other SQLite callback): only a noexcept function
// converts to this parameter, so a callback that could throw is a compile error, not a crash.
template <class Result, class... Args>
constexpr auto cCallback(Result (*callback)(Args...) noexcept) noexcept {
  return callback;
}

// The exception being handled, as the driver's Error. Call only inside a catch block.
inline Error currentError(std::string_view where) noexcept {
  try {
    throw;
  } catch (const Error& error) {
    return error;
  } catch (const std::exception& error) {
    return Error(sqlstate::kGeneralError, error.what());
  } catch (...) {
    return Error(sqlstate::kGeneralError, "Internal driver error in " + std::string(where) + ".");
  }
}

// A virtual-table method: returns SQLITE_ERROR with vtab->zErrMsg set on any exception.
template <class Body>
int guardedVtabCall(sqlite3_vtab* vtab, SessionState& state, Body&& body) noexcept {
  try {
    return body();
  } catch (...) {
    return failVirtualTable(vtab, state, currentError("a table callback"));
  }
}

// xOpen of a module whose cursor points back at its table (`vtab`) and whose table knows the
// session; xClose of any module's cursor.
template <class Vtab, class Cursor>
int openCursorOf(sqlite3_vtab* base, sqlite3_vtab_cursor** out) noexcept {
  auto* vtab = reinterpret_cast<Vtab*>(base);
  return guardedVtabCall(base, *vtab->session, [&] {
    auto cursor = std::make_unique<Cursor>();
    cursor->vtab = vtab;
    *out = &cursor.release()->base;
    return SQLITE_OK;
  });
}

template <class Cursor>
int closeCursorOf(sqlite3_vtab_cursor* base) noexcept {
  delete reinterpret_cast<Cursor*>(base);
  return SQLITE_OK;
}

// xCreate/xConnect, before there is a vtab: the message goes to SQLite through *error_out.
template <class Body>
int guardedConnectCall(char** error_out, SessionState& state, Body&& body) noexcept {
  try {
    return body();
  } catch (...) {
    state.pending_error = currentError("declaring a table");
    *error_out = sqlite3_mprintf("%s", state.pending_error->message().c_str());
    return SQLITE_ERROR;
  }
}

// A SQL function: sets the function's error result on any exception.
template <class Body>
void guardedFunctionCall(sqlite3_context* context, SessionState& state, Body&& body) noexcept {
  try {
    body();
  } catch (...) {
    state.pending_error = currentError("a SQL function");
    sqlite3_result_error(context, state.pending_error->message().c_str(), -1);
  }
}

// The authorizer: any exception denies the statement, which then reports the diagnostic.
template <class Body>
int guardedAuthorizerCall(SessionState& state, Body&& body) noexcept {
  try {
    return body();
  } catch (...) {
    state.pending_error = currentError("checking a statement");
    return SQLITE_DENY;
  }
}

}  // namespace monday::engine
