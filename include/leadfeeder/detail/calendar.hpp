// SPDX-License-Identifier: MIT
// leadfeeder-cpp: the calendar rules, once: leap years, month lengths and day numbers of the
// proleptic Gregorian calendar. Request dates (YYYY-MM-DD, detail/encoding.hpp) and HTTP dates
// (Retry-After, detail/http_date.hpp) both ask here.
#pragma once

#include <leadfeeder/config.hpp>

#include <cstdint>

LEADFEEDER_BEGIN_NAMESPACE
namespace detail {

constexpr bool is_leap_year(std::int64_t year) noexcept {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/// The days of `month` (1 to 12) in `year`; 0 for a month that does not exist.
constexpr int days_in_month(std::int64_t year, unsigned month) noexcept {
  constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return days[month - 1] + ((month == 2 && is_leap_year(year)) ? 1 : 0);
}

/// True when year-month-day names a day that exists.
constexpr bool is_real_day(std::int64_t year, unsigned month, std::int64_t day) noexcept {
  return day >= 1 && day <= days_in_month(year, month);
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
constexpr std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept {
  y -= m <= 2;
  std::int64_t const era = (y >= 0 ? y : y - 399) / 400;
  auto const yoe = static_cast<unsigned>(y - era * 400);
  unsigned const doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  unsigned const doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

}  // namespace detail
LEADFEEDER_END_NAMESPACE
