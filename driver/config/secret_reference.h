#pragma once
// Secrets need not sit in a DSN: any secret connection property may be given as a reference,
//   env:NAME   the value of environment variable NAME
//   file:PATH  the contents of the file PATH (one trailing newline removed)
// and anything else is the secret itself. Only the reference text ever reaches the output
// connection string; the resolved value lives in Settings alone.

#include <string>
#include <string_view>

namespace monday::config {

// Throws monday::Error 28000 when the variable is unset/empty or the file cannot be read; the
// message names the property and the variable or path, never a secret.
std::string resolveSecretReference(std::string_view property, const std::string& value);

}  // namespace monday::config
