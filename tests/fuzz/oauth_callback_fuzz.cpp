// The desktop OAuth flow's loopback listener (auth/callback_listener.cpp): any request a browser,
// another local program or a web page can send to the CallbackURL. Checked besides crashes: only a
// GET on the exact path carrying the expected state gives a code or a refusal; the answer is one
// of the listener's pages, and the pages after a callback echo nothing of it.
// Input: the request as the listener reads it (request line, headers, blank line).

#include "driver/auth/callback_listener.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

// The pages a good callback and a refusal get, for requests that carry nothing in particular.
const std::string& pageFor(std::string_view query) {
  static const std::string code_page =
      monday::auth::answerCallbackRequest("GET /callback?code=c&state=expected-state HTTP/1.1\r\n\r\n", "/callback",
                                          "expected-state").html;
  static const std::string refusal_page =
      monday::auth::answerCallbackRequest("GET /callback?error=e&state=expected-state HTTP/1.1\r\n\r\n", "/callback",
                                          "expected-state").html;
  return query == "code" ? code_page : refusal_page;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using monday::auth::CallbackAnswer;
  const std::string_view request = monday::fuzz::bytes(data, size);
  const CallbackAnswer answer = monday::auth::answerCallbackRequest(request, "/callback", "expected-state");
  MONDAY_FUZZ_CHECK(answer.status == 200 || answer.status == 400 || answer.status == 404);
  MONDAY_FUZZ_CHECK(answer.html.rfind("<!DOCTYPE html>", 0) == 0);
  if (answer.kind != CallbackAnswer::Kind::Ignored) {
    MONDAY_FUZZ_CHECK(answer.status == 200);
    MONDAY_FUZZ_CHECK(request.rfind("GET /callback", 0) == 0);
    MONDAY_FUZZ_CHECK(request.find("state=") != std::string_view::npos);
  }
  // The pages that follow a callback are the same whatever it carried: nothing of it is echoed.
  if (answer.kind == CallbackAnswer::Kind::Code) {
    MONDAY_FUZZ_CHECK(!answer.code.empty());
    MONDAY_FUZZ_CHECK(answer.html == pageFor("code"));
  }
  if (answer.kind == CallbackAnswer::Kind::Refused) MONDAY_FUZZ_CHECK(answer.html == pageFor("error"));
  return 0;
}
