// The OAuth settings file (auth/settings_file.cpp): AES-256-GCM, then JSON. Bytes as they are reach
// the header and integrity checks; GCM never lets a forged file through, so the input is also
// sealed with the key, which reaches the parsing of an authentic file. Checked besides crashes:
// a file that is not good is refused with 28000, never trusted in part; a sealed file with any
// byte changed is refused.
// Input: a first byte choosing the way (even: the file's bytes; odd: the plaintext to seal),
// then the bytes.

#include "driver/auth/settings_file.h"
#include "driver/common/error.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

using namespace monday;

const std::string kKey(32, '\x5a');

bool opens(const std::string& bytes) {
  try {
    (void)auth::openSettings(bytes, kKey, "fuzz.settings");
    return true;
  } catch (const Error& error) {
    MONDAY_FUZZ_CHECK(error.state() == "28000");
    return false;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string rest(fuzz::bytes(data + 1, size - 1));
  if ((data[0] & 1) == 0) {
    (void)opens(rest);
    return 0;
  }
  const std::string sealed = auth::sealSettings(kKey, rest);
  if (!opens(sealed)) return 0;
  std::string changed = sealed;
  const std::size_t at = (static_cast<std::size_t>(data[0]) * 131) % changed.size();
  changed[at] = static_cast<char>(changed[at] ^ (1 << (data[0] % 8)));
  MONDAY_FUZZ_CHECK(!opens(changed));
  return 0;
}
