// SPDX-License-Identifier: MIT
// leadfeeder-cpp: percent-encoding for URLs and string escaping for JSON bodies.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/calendar.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

LEADFEEDER_BEGIN_NAMESPACE
namespace detail {

/// RFC 3986 unreserved characters: ALPHA / DIGIT / "-" / "." / "_" / "~".
constexpr bool is_unreserved(unsigned char c) noexcept {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

constexpr bool all_digits(std::string_view s) noexcept {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

/// YYYY-MM with a month from 01 to 12.
constexpr bool is_month(std::string_view s) noexcept {
  if (s.size() != 7 || s[4] != '-' || !all_digits(s.substr(0, 4)) || !all_digits(s.substr(5, 2))) return false;
  int const month = (s[5] - '0') * 10 + (s[6] - '0');
  return month >= 1 && month <= 12;
}

/// YYYY-MM-DD naming a day that exists (the calendar's rules, detail/calendar.hpp).
constexpr bool is_date(std::string_view s) noexcept {
  if (s.size() != 10 || s[7] != '-' || !is_month(s.substr(0, 7)) || !all_digits(s.substr(8, 2))) return false;
  int const year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  auto const month = static_cast<unsigned>((s[5] - '0') * 10 + (s[6] - '0'));
  int const day = (s[8] - '0') * 10 + (s[9] - '0');
  return is_real_day(year, month, day);
}

/// Appends s with every byte but the unreserved ones as %XX (a space is %20). `out` is a
/// std::string or anything with push_back(char).
template <class Out>
void append_percent_encoded(Out& out, std::string_view s) {
  constexpr char hex[] = "0123456789ABCDEF";
  for (char ch : s) {
    auto const c = static_cast<unsigned char>(ch);
    if (is_unreserved(c)) {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 0x0F]);
    }
  }
}

/// True when s is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
constexpr bool is_valid_utf8(std::string_view s) noexcept {
  std::size_t i = 0;
  while (i < s.size()) {
    auto const c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1Fu;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0Fu;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07u;
    } else {
      return false;
    }
    if (i + len > s.size()) return false;
    for (std::size_t k = 1; k < len; ++k) {
      auto const cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0u) != 0x80u) return false;
      cp = (cp << 6) | (cc & 0x3Fu);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
      return false;
    }
    i += len;
  }
  return true;
}

/// Appends s as a JSON string literal, quotes included. s must be valid UTF-8. `out` is a
/// std::string or anything with push_back(char) and += for text.
template <class Out>
void append_json_string(Out& out, std::string_view s) {
  constexpr char hex[] = "0123456789abcdef";
  out.push_back('"');
  for (char ch : s) {
    auto const c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out.push_back(hex[c >> 4]);
          out.push_back(hex[c & 0x0F]);
        } else {
          out.push_back(ch);
        }
    }
  }
  out.push_back('"');
}

}  // namespace detail
LEADFEEDER_END_NAMESPACE
