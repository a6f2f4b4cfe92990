// ODBC escapes and SQL-92 forms in an application's SQL (convert/escapes.cpp), as every
// SQLPrepare/SQLExecDirect/SQLNativeSql rewrites them. A statement the rewriter refuses must be
// refused with a monday::Error (42000), never with anything else.
// Input: the statement text.

#include "driver/common/error.h"
#include "driver/convert/escapes.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view sql = monday::fuzz::bytes(data, size);
  try {
    const std::string rewritten = monday::convert::rewriteEscapes(sql);
    // Without braces, parentheses or quotes there is no escape, no SQL-92 form and no datetime
    // literal: the text must come back exactly as it was.
    if (sql.find_first_of("{('") == std::string_view::npos) MONDAY_FUZZ_CHECK(rewritten == sql);
  } catch (const monday::Error& error) {
    MONDAY_FUZZ_CHECK(error.state() == "42000");
  }
  return 0;
}
