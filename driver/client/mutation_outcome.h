#pragma once
// The one failure of a mutation that callers must tell apart from the others: the request may
// have reached monday (a timeout, a lost connection, an HTTP 5xx or an unreadable answer), so
// nobody knows whether it was applied. It must never be sent again automatically (DESIGN
// decision 7); the caller says what state the data may be in.

#include <string>
#include <utility>

#include "driver/common/error.h"

namespace monday::client {

class MutationOutcomeUnknown : public Error {
 public:
  // `cause` says what went wrong ("monday did not answer within 60 seconds ..."); the message
  // adds that the change may or may not have been applied.
  MutationOutcomeUnknown(std::string_view state, std::string cause, int native_code = 0)
      : Error(state,
              cause + " The change may or may not have been applied; the driver did not send it again. "
                      "Check the data in monday before running the statement again.",
              native_code),
        cause_(std::move(cause)) {}

  const std::string& cause() const noexcept { return cause_; }

 private:
  std::string cause_;
};

}  // namespace monday::client
