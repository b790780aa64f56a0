// SPDX-License-Identifier: MIT
// leadfeeder-cpp: reading a Retry-After header (delta-seconds or an HTTP date).
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/calendar.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>

LEADFEEDER_BEGIN_NAMESPACE
namespace detail {

constexpr bool parse_digits(std::string_view s, std::int64_t& out) noexcept {
  if (s.empty() || s.size() > 18) return false;
  out = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return true;
}

constexpr unsigned month_from_name(std::string_view name) noexcept {
  constexpr std::string_view months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (unsigned i = 0; i < 12; ++i) {
    if (name == months[i]) return i + 1;
  }
  return 0;
}

// "HH:MM:SS" at s; checks ranges (a leap second 60 is allowed).
constexpr bool parse_clock(std::string_view s, std::int64_t& seconds_of_day) noexcept {
  std::int64_t h = 0, m = 0, sec = 0;
  if (s.size() != 8 || s[2] != ':' || s[5] != ':' || !parse_digits(s.substr(0, 2), h) ||
      !parse_digits(s.substr(3, 2), m) || !parse_digits(s.substr(6, 2), sec) || h > 23 || m > 59 || sec > 60) {
    return false;
  }
  seconds_of_day = h * 3600 + m * 60 + sec;
  return true;
}

constexpr std::optional<std::int64_t> epoch_seconds(std::int64_t year, unsigned month, std::int64_t day,
                                                    std::int64_t seconds_of_day) noexcept {
  if (!is_real_day(year, month, day)) return std::nullopt;
  return days_from_civil(year, month, static_cast<unsigned>(day)) * 86400 + seconds_of_day;
}

/// Seconds since the epoch of an HTTP date (RFC 9110 section 5.6.7) in any of its three forms:
/// IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT", the obsolete RFC 850 form
/// "Sunday, 06-Nov-94 08:49:37 GMT" and asctime "Sun Nov  6 08:49:37 1994". The weekday is not
/// checked; an impossible date (31 Feb) is refused.
constexpr std::optional<std::int64_t> parse_http_date(std::string_view s) noexcept {
  std::int64_t day = 0, year = 0, clock = 0;
  std::size_t const comma = s.find(',');
  if (comma == 3 && s.size() == 29) {  // IMF-fixdate
    if (s[4] != ' ' || s[7] != ' ' || s[11] != ' ' || s[16] != ' ' || s.substr(25) != " GMT" ||
        !parse_digits(s.substr(5, 2), day) || !parse_digits(s.substr(12, 4), year) ||
        !parse_clock(s.substr(17, 8), clock)) {
      return std::nullopt;
    }
    return epoch_seconds(year, month_from_name(s.substr(8, 3)), day, clock);
  }
  if (comma != std::string_view::npos && comma >= 6 && s.size() == comma + 24) {  // RFC 850
    std::string_view const rest = s.substr(comma + 1);                            // " 06-Nov-94 08:49:37 GMT"
    if (rest[0] != ' ' || rest[3] != '-' || rest[7] != '-' || rest[10] != ' ' || rest.substr(19) != " GMT" ||
        !parse_digits(rest.substr(1, 2), day) || !parse_digits(rest.substr(8, 2), year) ||
        !parse_clock(rest.substr(11, 8), clock)) {
      return std::nullopt;
    }
    // Two-digit years: below 70 is 20xx, else 19xx. A fixed pivot; RFC 9110's sliding 50-year rule
    // would need the current date, and this obsolete form is not expected from the API anyway.
    year += year < 70 ? 2000 : 1900;
    return epoch_seconds(year, month_from_name(rest.substr(4, 3)), day, clock);
  }
  if (comma == std::string_view::npos && s.size() == 24) {  // asctime: day padded with a space
    if (s[3] != ' ' || s[7] != ' ' || s[10] != ' ' || s[19] != ' ') return std::nullopt;
    std::string_view const day_text = s[8] == ' ' ? s.substr(9, 1) : s.substr(8, 2);
    if (!parse_digits(day_text, day) || !parse_digits(s.substr(20, 4), year) || !parse_clock(s.substr(11, 8), clock)) {
      return std::nullopt;
    }
    return epoch_seconds(year, month_from_name(s.substr(4, 3)), day, clock);
  }
  return std::nullopt;
}

/// The wait a Retry-After value asks for, measured from `now` for a date; nullopt when the value
/// is neither form. A date in the past gives zero.
inline std::optional<std::chrono::seconds> parse_retry_after(std::string_view value,
                                                             std::chrono::system_clock::time_point now) noexcept {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  std::int64_t seconds = 0;
  if (parse_digits(value, seconds)) return std::chrono::seconds(seconds);
  if (std::optional<std::int64_t> const at = parse_http_date(value)) {
    std::int64_t const now_s = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    return std::chrono::seconds(*at > now_s ? *at - now_s : 0);
  }
  return std::nullopt;
}

}  // namespace detail
LEADFEEDER_END_NAMESPACE
