#include "driver/convert/out_buffer.h"

#include <cstring>
#include <string>

#include "driver/common/error.h"
#include "driver/convert/utf.h"

namespace monday::convert {

TextWriteResult writeText(std::string_view utf8, void* buffer, std::int64_t capacity,
                          CharEncoding encoding, LengthUnit unit) {
  if (capacity < 0) {
    throw Error(sqlstate::kInvalidStringOrBufferLength,
                "The buffer length is negative. Pass the size of the output buffer.");
  }
  TextWriteResult result;
  if (encoding == CharEncoding::Utf8) {
    result.full_length = static_cast<std::int64_t>(utf8.size());
    if (buffer == nullptr) return result;
    if (capacity == 0) {
      result.truncated = !utf8.empty();
      return result;
    }
    const std::size_t room = static_cast<std::size_t>(capacity - 1);
    const std::size_t n = utf8PrefixLength(utf8, room);
    auto* out = static_cast<char*>(buffer);
    std::memcpy(out, utf8.data(), n);
    out[n] = '\0';
    result.truncated = n < utf8.size();
    return result;
  }

  const std::u16string wide = utf8ToUtf16(utf8);
  const std::int64_t unit_size = unit == LengthUnit::Bytes ? 2 : 1;
  result.full_length = static_cast<std::int64_t>(wide.size()) * unit_size;
  if (buffer == nullptr) return result;
  const std::int64_t capacity_units = capacity / unit_size;
  if (capacity_units == 0) {
    result.truncated = !wide.empty();
    return result;
  }
  const std::size_t room = static_cast<std::size_t>(capacity_units - 1);
  const std::size_t n = utf16PrefixLength(wide, room);
  auto* out = static_cast<char16_t*>(buffer);
  std::memcpy(out, wide.data(), n * sizeof(char16_t));
  out[n] = u'\0';
  result.truncated = n < wide.size();
  return result;
}

}  // namespace monday::convert
