// Connection strings and DSN values (driver/config/): the text an application passes to
// SQLDriverConnect/SQLBrowseConnect, and the keys of the DSN it names, become validated Settings.
// Checked besides crashes: a malformed string or setting is refused with a monday::Error; every
// attribute written back by formatAttribute reads back as itself; and the connection string the
// driver hands back (SQLDriverConnect's output) connects to the same settings again.
// Input: the connection string on the first line; the DSN's keys as `key=value` lines after it
// (what odbcinst returns for the DSN's section).

#include "driver/common/error.h"
#include "driver/config/connection_string.h"
#include "driver/config/settings.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

using namespace monday;

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

void formatsBack(const config::AttributeMap& attributes) {
  for (const auto& item : attributes.items()) {
    const config::AttributeMap again = config::parseConnectionString(config::formatAttribute(item.key, item.value));
    MONDAY_FUZZ_CHECK(again.items().size() == 1);
    MONDAY_FUZZ_CHECK(again.items().front().key == item.key);
    MONDAY_FUZZ_CHECK(again.items().front().value == item.value);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text = fuzz::bytes(data, size);
  // A `file:` reference makes the driver read that file as a secret: the fuzzer must not wander
  // the file system (or block on a device). Tests cover the references themselves.
  if (text.find("file:") != std::string_view::npos) return 0;

  const std::string_view connection_string = fuzz::takeLine(text);
  config::AttributeMap dsn;
  while (!text.empty()) {
    const std::string_view line = fuzz::takeLine(text);
    const std::size_t equals = line.find('=');
    if (equals == std::string_view::npos) continue;
    const std::string_view key = trimmed(line.substr(0, equals));
    if (!key.empty()) dsn.add(std::string(key), std::string(trimmed(line.substr(equals + 1))));
  }

  config::AttributeMap given;
  try {
    given = config::parseConnectionString(connection_string);
  } catch (const Error& error) {
    MONDAY_FUZZ_CHECK(error.state() == "08001");
    return 0;
  }
  formatsBack(given);

  std::string handed_back;
  try {
    handed_back = config::Settings::fromAttributes(given, dsn).toConnectionString();
  } catch (const Error&) {
    return 0;  // refused with a message: what the application sees
  }
  try {
    const config::Settings again = config::Settings::fromAttributes(config::parseConnectionString(handed_back), dsn);
    MONDAY_FUZZ_CHECK(again.toConnectionString() == handed_back);
  } catch (const Error&) {
    fuzz::violated("the connection string the driver handed back does not connect again");
  }
  return 0;
}
