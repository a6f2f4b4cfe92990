#pragma once
// An SQLLEN the application owns (an indicator or length), at the address it chose. Row-wise
// binding and some applications (pyodbc's fast_executemany) put these at addresses that are not
// aligned for SQLLEN, so they are read and written with memcpy, never through an SQLLEN*.

#include <sql.h>

#include <cstring>

namespace monday::convert {

class LengthSlot {
 public:
  LengthSlot() = default;
  explicit LengthSlot(void* at) : at_(at) {}
  // An SQLLEN variable: the driver's own, or an application's that is known to be aligned.
  LengthSlot(SQLLEN* at) : at_(at) {}  // NOLINT(google-explicit-constructor): a pointer by intent

  explicit operator bool() const { return at_ != nullptr; }
  bool operator==(const LengthSlot& other) const { return at_ == other.at_; }
  bool operator==(const SQLLEN* other) const { return at_ == other; }

  SQLLEN get() const {
    SQLLEN value;
    std::memcpy(&value, at_, sizeof value);
    return value;
  }
  void set(SQLLEN value) const { std::memcpy(at_, &value, sizeof value); }

 private:
  void* at_ = nullptr;
};

}  // namespace monday::convert
