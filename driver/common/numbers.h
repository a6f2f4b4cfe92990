#pragma once
// Numbers that come from outside — HTTP headers, server answers, tokens, files — before they
// become integers or durations. Converting a double outside a type's range is undefined
// behaviour, and an overflowing duration turned a huge Retry-After into "retry at once"; every
// such number passes through here and is clamped to a range the code can hold.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>

namespace monday {

// The longest wait a server may ask for that the driver still represents exactly: a week. Longer
// requests mean the same thing to the retry logic (more than MaxRetryWait allows: give up).
inline constexpr std::int64_t kMaxServerWaitSeconds = 7 * 24 * 3600;

// `value` rounded toward zero and clamped into [low, high]; NaN gives nullopt.
std::optional<std::int64_t> clampedInteger(double value, std::int64_t low = INT64_MIN, std::int64_t high = INT64_MAX);

// A whole number written in decimal ("30", " 30", "+30"), clamped into [low, high]: digits that
// overflow read as `high` (or `low` when negative). nullopt when the text is not a number.
std::optional<std::int64_t> clampedDecimal(std::string_view text, std::int64_t low = INT64_MIN,
                                           std::int64_t high = INT64_MAX);

// A server's "wait this many seconds", clamped into [0, kMaxServerWaitSeconds].
std::chrono::seconds serverWait(std::int64_t seconds);

}  // namespace monday
