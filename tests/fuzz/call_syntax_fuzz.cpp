// Procedure calls (procedures/call_syntax.cpp): EXEC/EXECUTE, CALL and {call ...} as the engine
// meets them, after escape rewriting (driver/handles/statement.cpp), checked against the
// procedure registry as at prepare time and translated as SQLNativeSql does. A call the parser
// refuses must be refused with a monday::Error, never with anything else.
// Input: the statement text.

#include "driver/common/error.h"
#include "driver/convert/escapes.h"
#include "procedures/call_syntax.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

void readCall(std::string_view sql) {
  using namespace monday::procedures;
  std::optional<ParsedCall> parsed;
  try {
    parsed = parseCall(sql);
  } catch (const monday::Error&) {
    return;  // a malformed call; the other two would refuse it the same way
  }
  // Whether a statement is a call does not depend on which of the three asks.
  try {
    MONDAY_FUZZ_CHECK(translateCall(sql).has_value() == parsed.has_value());
  } catch (const monday::Error&) {
    monday::fuzz::violated("translateCall refused what parseCall read");
  }
  try {
    MONDAY_FUZZ_CHECK(rewriteCall(sql).has_value() == parsed.has_value());
  } catch (const monday::Error&) {
    // an unknown procedure or parameter, too many arguments: refusals of a call that parsed
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view sql = monday::fuzz::bytes(data, size);
  readCall(sql);
  try {
    readCall(monday::convert::rewriteEscapes(sql));
  } catch (const monday::Error&) {
  }
  return 0;
}
