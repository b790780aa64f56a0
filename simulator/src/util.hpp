// SPDX-License-Identifier: MIT
// leadfeeder-simulator: small helpers shared by every part (PRNG, text, dates).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lfsim {

/// One step of splitmix64 applied to x: a good 64-bit mixer for deriving values from a counter.
inline std::uint64_t mix64(std::uint64_t x) noexcept {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

/// splitmix64: deterministic, seedable, and plenty for test data (never std::random_device).
class rng {
 public:
  explicit rng(std::uint64_t seed) noexcept : state_(seed) {}

  std::uint64_t next() noexcept {
    state_ += 0x9e3779b97f4a7c15ULL;
    std::uint64_t z = state_;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  /// A value in [0, n); 0 when n is 0.
  std::size_t below(std::size_t n) noexcept {
    return n == 0 ? 0 : static_cast<std::size_t>(next() % static_cast<std::uint64_t>(n));
  }
  /// A value in [lo, hi].
  std::int64_t between(std::int64_t lo, std::int64_t hi) noexcept {
    if (hi <= lo) return lo;
    return lo + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(hi - lo + 1));
  }
  /// A value in [0, 1).
  double unit() noexcept { return static_cast<double>(next() >> 11) / 9007199254740992.0; }
  bool chance(double p) noexcept { return unit() < p; }

  template <class T, std::size_t N>
  T const& pick(T const (&items)[N]) noexcept {
    return items[below(N)];
  }

 private:
  std::uint64_t state_;
};

/// A value in [0, 1) derived from (seed, sequence, stream) without any shared state.
inline double unit_from(std::uint64_t seed, std::uint64_t sequence, std::uint64_t stream) noexcept {
  std::uint64_t const x = mix64(mix64(seed ^ (stream * 0x632be59bd9b4e019ULL)) ^ sequence);
  return static_cast<double>(x >> 11) / 9007199254740992.0;
}

/// FNV-1a: a stable string hash (std::hash may differ between standard libraries).
inline std::uint64_t fnv1a(std::string_view s) noexcept {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

/// A UUID-shaped string (version 4 and variant bits set) from two 64-bit values.
std::string format_uuid(std::uint64_t hi, std::uint64_t lo);

/// Percent-decodes s into out. False on a malformed escape or an encoded NUL.
bool percent_decode(std::string_view s, std::string& out);

std::string to_lower(std::string_view s);
std::string_view trim(std::string_view s) noexcept;
std::vector<std::string_view> split(std::string_view s, char separator);
bool starts_with(std::string_view s, std::string_view prefix) noexcept;
bool iequals(std::string_view a, std::string_view b) noexcept;

/// Strict decimal parsers: the whole text must be the number.
bool parse_uint(std::string_view s, std::uint64_t& out) noexcept;
bool parse_int(std::string_view s, std::int64_t& out) noexcept;
bool parse_double(std::string_view s, double& out);

/// Lower-case hex, zero padded to width.
std::string to_hex(std::uint64_t value, int width);

// ---- Calendar (proleptic Gregorian, UTC). A "day" is days since 1970-01-01.

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept;
void civil_from_days(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) noexcept;
/// "YYYY-MM-DD"
std::string format_date(std::int64_t day);
/// "YYYY-MM-DDTHH:MM:SSZ"
std::string format_datetime(std::int64_t epoch_seconds);
/// Accepts exactly a valid YYYY-MM-DD.
bool parse_date(std::string_view s, std::int64_t& day) noexcept;
/// Accepts exactly a valid YYYY-MM; out is year * 12 + (month - 1).
bool parse_month(std::string_view s, std::int64_t& month_index) noexcept;
std::string format_month(std::int64_t month_index);

// ---- Names and addresses

/// "Acme Corp." -> "acme_corp": a key made of a display name.
std::string slug_key(std::string_view name);
/// The lower-case words of a company name without punctuation and legal forms (GmbH, Ltd, ...).
std::vector<std::string> name_tokens(std::string_view name);
/// "https://www.Example.com/x" -> "example.com"
std::string bare_domain(std::string_view url);
std::string only_digits(std::string_view s);

}  // namespace lfsim
