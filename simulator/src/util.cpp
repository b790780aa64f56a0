// SPDX-License-Identifier: MIT
// leadfeeder-simulator: small helpers shared by every part.
#include "util.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace lfsim {

std::string format_uuid(std::uint64_t hi, std::uint64_t lo) {
  hi = (hi & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;  // version 4
  lo = (lo & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;  // RFC 4122 variant
  std::string h = to_hex(hi, 16);
  std::string l = to_hex(lo, 16);
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + l.substr(0, 4) + "-" + l.substr(4, 12);
}

namespace {
int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

bool percent_decode(std::string_view s, std::string& out) {
  out.clear();
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char const c = s[i];
    if (c != '%') {
      out.push_back(c);
      continue;
    }
    if (i + 2 >= s.size()) return false;
    int const a = hex_value(s[i + 1]);
    int const b = hex_value(s[i + 2]);
    if (a < 0 || b < 0) return false;
    int const v = a * 16 + b;
    if (v == 0) return false;
    out.push_back(static_cast<char>(v));
    i += 2;
  }
  return true;
}

std::string to_lower(std::string_view s) {
  std::string out(s);
  for (std::size_t i = 0; i < out.size(); ++i) {
    char& c = out[i];
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    } else if (static_cast<unsigned char>(c) == 0xC3 && i + 1 < out.size()) {
      // Latin-1 capitals in UTF-8 (U+00C0..U+00DE but U+00D7): Ä -> ä, Ö -> ö, Ü -> ü, É -> é, ...
      auto const next = static_cast<unsigned char>(out[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97) out[i + 1] = static_cast<char>(next + 0x20);
      ++i;
    }
  }
  return out;
}

std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split(std::string_view s, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (;;) {
    std::size_t const pos = s.find(separator, start);
    if (pos == std::string_view::npos) {
      parts.push_back(s.substr(start));
      return parts;
    }
    parts.push_back(s.substr(start, pos - start));
    start = pos + 1;
  }
}

bool starts_with(std::string_view s, std::string_view prefix) noexcept {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i];
    char y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

bool parse_uint(std::string_view s, std::uint64_t& out) noexcept {
  if (s.empty() || s.size() > 19) return false;
  std::uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<std::uint64_t>(c - '0');
  }
  out = v;
  return true;
}

bool parse_int(std::string_view s, std::int64_t& out) noexcept {
  bool negative = false;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  std::uint64_t v = 0;
  if (!parse_uint(s, v) || v > 999999999999999999ULL) return false;
  out = negative ? -static_cast<std::int64_t>(v) : static_cast<std::int64_t>(v);
  return true;
}

bool parse_double(std::string_view s, double& out) {
  if (s.empty() || s.size() > 64) return false;
  std::string const text(s);
  char* end = nullptr;
  errno = 0;
  double const v = std::strtod(text.c_str(), &end);
  if (errno != 0 || end != text.c_str() + text.size() || !std::isfinite(v)) return false;
  out = v;
  return true;
}

std::string to_hex(std::uint64_t value, int width) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out(static_cast<std::size_t>(width), '0');
  for (int i = width - 1; i >= 0 && value != 0; --i) {
    out[static_cast<std::size_t>(i)] = digits[value & 0xF];
    value >>= 4;
  }
  return out;
}

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept {
  y -= m <= 2 ? 1 : 0;
  std::int64_t const era = (y >= 0 ? y : y - 399) / 400;
  auto const yoe = static_cast<unsigned>(y - era * 400);
  unsigned const doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  unsigned const doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civil_from_days(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) noexcept {
  z += 719468;
  std::int64_t const era = (z >= 0 ? z : z - 146096) / 146097;
  auto const doe = static_cast<unsigned>(z - era * 146097);
  unsigned const yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<std::int64_t>(yoe) + era * 400;
  unsigned const doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned const mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2 ? 1 : 0;
}

std::string format_date(std::int64_t day) {
  std::int64_t y = 0;
  unsigned m = 0;
  unsigned d = 0;
  civil_from_days(day, y, m, d);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
  return buf;
}

std::string format_datetime(std::int64_t epoch_seconds) {
  std::int64_t day = epoch_seconds / 86400;
  std::int64_t rest = epoch_seconds % 86400;
  if (rest < 0) {
    rest += 86400;
    --day;
  }
  char buf[48];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", format_date(day).c_str(), static_cast<int>(rest / 3600),
                static_cast<int>((rest / 60) % 60), static_cast<int>(rest % 60));
  return buf;
}

namespace {
bool two_digits(std::string_view s, std::size_t at, unsigned& out) noexcept {
  if (s[at] < '0' || s[at] > '9' || s[at + 1] < '0' || s[at + 1] > '9') return false;
  out = static_cast<unsigned>((s[at] - '0') * 10 + (s[at + 1] - '0'));
  return true;
}
bool four_digits(std::string_view s, std::int64_t& out) noexcept {
  std::int64_t v = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  out = v;
  return true;
}
unsigned days_in_month(std::int64_t y, unsigned m) noexcept {
  static constexpr unsigned table[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool const leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : table[m - 1];
}
}  // namespace

bool parse_date(std::string_view s, std::int64_t& day) noexcept {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  std::int64_t y = 0;
  unsigned m = 0;
  unsigned d = 0;
  if (!four_digits(s, y) || !two_digits(s, 5, m) || !two_digits(s, 8, d)) return false;
  if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return false;
  day = days_from_civil(y, m, d);
  return true;
}

bool parse_month(std::string_view s, std::int64_t& month_index) noexcept {
  if (s.size() != 7 || s[4] != '-') return false;
  std::int64_t y = 0;
  unsigned m = 0;
  if (!four_digits(s, y) || !two_digits(s, 5, m) || m < 1 || m > 12) return false;
  month_index = y * 12 + static_cast<std::int64_t>(m) - 1;
  return true;
}

std::string format_month(std::int64_t month_index) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%04lld-%02d", static_cast<long long>(month_index / 12),
                static_cast<int>(month_index % 12) + 1);
  return buf;
}

// ---- Names and addresses

std::string slug_key(std::string_view name) {
  std::string out;
  for (char ch : name) {
    char c = ch;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out.push_back(c);
    } else if (!out.empty() && out.back() != '_') {
      out.push_back('_');
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

std::vector<std::string> name_tokens(std::string_view name) {
  static char const* const legal[] = {"gmbh", "ag", "oy", "ab", "oü", "ltd", "inc", "llc", "sas", "bv", "co"};
  std::string cleaned;
  for (char ch : to_lower(name)) {
    if (ch == '.' || ch == ',' || ch == '&' || ch == '-') {
      if (ch == '-' || ch == '&') cleaned.push_back(' ');
      continue;
    }
    cleaned.push_back(ch);
  }
  std::vector<std::string> out;
  for (std::string_view t : split(cleaned, ' ')) {
    if (t.empty()) continue;
    if (std::find(std::begin(legal), std::end(legal), t) != std::end(legal)) continue;
    out.emplace_back(t);
  }
  return out;
}

std::string bare_domain(std::string_view url) {
  std::string s = to_lower(trim(url));
  std::size_t const scheme = s.find("://");
  if (scheme != std::string::npos) s.erase(0, scheme + 3);
  std::size_t const end = s.find_first_of("/?#:");
  if (end != std::string::npos) s.erase(end);
  if (starts_with(s, "www.")) s.erase(0, 4);
  return s;
}

std::string only_digits(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c >= '0' && c <= '9') out.push_back(c);
  }
  return out;
}

}  // namespace lfsim
