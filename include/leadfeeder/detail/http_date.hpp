// leadfeeder-cpp: reading a Retry-After header (delta-seconds or an HTTP date).
#pragma once

#include <leadfeeder/config.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>

LEADFEEDER_BEGIN_NAMESPACE
namespace detail {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
constexpr std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept {
  y -= m <= 2;
  std::int64_t const era = (y >= 0 ? y : y - 399) / 400;
  auto const yoe = static_cast<unsigned>(y - era * 400);
  unsigned const doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  unsigned const doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

constexpr bool parse_digits(std::string_view s, std::int64_t& out) noexcept {
  if (s.empty() || s.size() > 18) return false;
  out = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return true;
}

/// Seconds since the epoch of an IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), if s is one.
constexpr std::optional<std::int64_t> parse_http_date(std::string_view s) noexcept {
  // "Www, DD Mon YYYY HH:MM:SS GMT" is exactly 29 characters.
  if (s.size() != 29 || s[3] != ',' || s[4] != ' ' || s[7] != ' ' || s[11] != ' ' ||
      s[16] != ' ' || s[19] != ':' || s[22] != ':' || s.substr(25) != " GMT") {
    return std::nullopt;
  }
  constexpr std::string_view months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  unsigned month = 0;
  for (unsigned i = 0; i < 12; ++i) {
    if (s.substr(8, 3) == months[i]) month = i + 1;
  }
  std::int64_t day = 0, year = 0, hour = 0, minute = 0, second = 0;
  if (month == 0 || !parse_digits(s.substr(5, 2), day) || !parse_digits(s.substr(12, 4), year) ||
      !parse_digits(s.substr(17, 2), hour) || !parse_digits(s.substr(20, 2), minute) ||
      !parse_digits(s.substr(23, 2), second) || day < 1 || day > 31 || hour > 23 || minute > 59 ||
      second > 60) {
    return std::nullopt;
  }
  return days_from_civil(year, month, static_cast<unsigned>(day)) * 86400 + hour * 3600 +
         minute * 60 + second;
}

/// The wait a Retry-After value asks for, measured from `now` for a date; nullopt when the value
/// is neither form. A date in the past gives zero.
inline std::optional<std::chrono::seconds> parse_retry_after(
    std::string_view value, std::chrono::system_clock::time_point now) noexcept {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  std::int64_t seconds = 0;
  if (parse_digits(value, seconds)) return std::chrono::seconds(seconds);
  if (std::optional<std::int64_t> const at = parse_http_date(value)) {
    std::int64_t const now_s =
        std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    return std::chrono::seconds(*at > now_s ? *at - now_s : 0);
  }
  return std::nullopt;
}

}  // namespace detail
LEADFEEDER_END_NAMESPACE
