#pragma once
// What every ODBC handle (environment, connection, statement, descriptor) shares: a type tag and
// magic number to recognise it, a diagnostics area, and the mutex its calls run under.
//
// Locking (ANCHORS §7.12; unixODBC's default Threading=0 leaves it to us): environments lock
// themselves; a connection's statements and descriptors lock the connection, because they share
// its SQLite session and HTTP client. SQLCancel takes no handle lock at all.

#include <sql.h>
#include <sqlext.h>

#include <cstdint>
#include <mutex>

#include "driver/handles/diagnostics.h"

namespace monday::log {
class Logger;
}

namespace monday::handles {

class Handle {
 public:
  static constexpr std::uint32_t kMagic = 0x4D4F4E44;  // "MOND"

  explicit Handle(SQLSMALLINT handle_type) : handle_type_(handle_type) {}
  virtual ~Handle() { magic_ = 0; }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;

  SQLSMALLINT handleType() const { return handle_type_; }
  bool looksValid() const { return magic_ == kMagic; }

  Diagnostics& diag() { return diag_; }
  const Diagnostics& diag() const { return diag_; }

  // The mutex an entry point holds while it works on this handle.
  virtual std::mutex& callMutex() = 0;
  // SQL_OV_ODBC2 / SQL_OV_ODBC3 / SQL_OV_ODBC3_80 of the owning environment.
  virtual SQLINTEGER odbcVersion() const = 0;
  // The connection's log, when there is one.
  virtual log::Logger* logger() { return nullptr; }

 private:
  std::uint32_t magic_ = kMagic;
  SQLSMALLINT handle_type_;
  Diagnostics diag_;
};

}  // namespace monday::handles
