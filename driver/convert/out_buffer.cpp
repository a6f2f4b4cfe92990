#include "driver/convert/out_buffer.h"

#include <cstring>
#include <string>

#include "driver/common/error.h"
#include "driver/convert/utf.h"
#include "driver/convert/wide.h"

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

  // Wide: UTF-16 under unixODBC, UTF-32 under iODBC (wide.h).
  const WideText wide = utf8ToWide(utf8);
  const std::size_t unit_bytes = wideUnitSize();
  const std::int64_t unit_size = unit == LengthUnit::Bytes ? static_cast<std::int64_t>(unit_bytes) : 1;
  result.full_length = static_cast<std::int64_t>(wide.units()) * unit_size;
  if (buffer == nullptr) return result;
  const std::int64_t capacity_units = unit == LengthUnit::Bytes ? capacity / static_cast<std::int64_t>(unit_bytes) : capacity;
  if (capacity_units == 0) {
    result.truncated = wide.units() != 0;
    return result;
  }
  const std::size_t room = static_cast<std::size_t>(capacity_units - 1);
  const std::size_t n = widePrefixLength(wide, room);
  auto* out = static_cast<unsigned char*>(buffer);
  std::memcpy(out, wide.data(), n * unit_bytes);
  std::memset(out + n * unit_bytes, 0, unit_bytes);
  result.truncated = n < wide.units();
  return result;
}

}  // namespace monday::convert
