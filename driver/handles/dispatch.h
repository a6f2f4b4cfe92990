#pragma once
// The one way into a handle from the C entry points (ANCHORS §0.1): look the handle up (never
// dereferencing a pointer we did not hand out), lock it, clear its diagnostics, run the body, and
// turn every exception into a diagnostic record and a return code. Nothing may throw across the
// C boundary, so everything here is noexcept.

#include <sql.h>
#include <sqlext.h>

#include <exception>
#include <mutex>
#include <new>
#include <string>
#include <string_view>

#include "driver/common/error.h"
#include "driver/handles/handle.h"
#include "driver/handles/registry.h"
#include "driver/log/logger.h"

namespace monday::handles {

// Adds a record without ever throwing (a failure to record is silently dropped: the return code
// still says what happened).
inline void recordError(Handle& handle, std::string_view state, std::string_view message,
                        int native_code = 0) noexcept {
  try {
    handle.diag().add(state, message, native_code);
  } catch (...) {
  }
}

inline void logOutcome(Handle& handle, std::string_view function, SQLRETURN rc) noexcept {
  try {
    log::Logger* logger = handle.logger();
    if (logger == nullptr) return;
    if (rc == SQL_ERROR && logger->enabled(log::Level::Info)) {
      for (const auto& r : handle.diag().records()) {
        logger->write(log::Level::Info, "odbc", std::string(function) + " failed: " + r.sqlstate + " " + r.message);
      }
    } else if (logger->enabled(log::Level::Trace)) {
      logger->write(log::Level::Trace, "odbc", std::string(function) + " -> " + std::to_string(rc));
    }
  } catch (...) {
  }
}

// Runs `body(handle)` with `handle` already locked.
template <class H, class Body>
SQLRETURN runGuarded(H& handle, std::string_view function, Body&& body, bool fresh_diagnostics) noexcept {
  if (fresh_diagnostics) handle.diag().clear();
  SQLRETURN rc = SQL_ERROR;
  try {
    rc = body(handle);
  } catch (const Error& e) {
    recordError(handle, e.state(), e.message(), e.nativeCode());
    rc = SQL_ERROR;
  } catch (const std::bad_alloc&) {
    recordError(handle, sqlstate::kMemoryAllocation,
                "Memory allocation error: the driver ran out of memory. Fetch fewer rows at a "
                "time or free unused statements.");
    rc = SQL_ERROR;
  } catch (const std::exception& e) {
    try {
      recordError(handle, sqlstate::kGeneralError, std::string("Internal driver error: ") + e.what());
    } catch (...) {
    }
    rc = SQL_ERROR;
  } catch (...) {
    recordError(handle, sqlstate::kGeneralError, "Internal driver error (unknown exception).");
    rc = SQL_ERROR;
  }
  if (fresh_diagnostics) {
    if (rc == SQL_SUCCESS && !handle.diag().empty()) rc = SQL_SUCCESS_WITH_INFO;
    handle.diag().setReturnCode(rc);
  }
  logOutcome(handle, function, rc);
  return rc;
}

// Looks up `raw` as a handle of type `H` (tag `handle_type`), locks it and runs `body`.
template <class H, class Body>
SQLRETURN guarded(SQLSMALLINT handle_type, SQLHANDLE raw, std::string_view function, Body&& body,
                  bool fresh_diagnostics = true) noexcept {
  Handle* found = Registry::instance().find(raw, handle_type);
  if (found == nullptr) return SQL_INVALID_HANDLE;
  H& handle = static_cast<H&>(*found);
  try {
    std::lock_guard lock(handle.callMutex());
    return runGuarded(handle, function, body, fresh_diagnostics);
  } catch (...) {
    return SQL_ERROR;  // the mutex itself failed
  }
}

}  // namespace monday::handles
