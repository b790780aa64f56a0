// SPDX-License-Identifier: MIT
// leadfeeder-cpp benchmarks: what every candidate shares (the checksum, the corpus, the entry
// points of each translation unit).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace bench {

/// What a candidate accumulates while it reads every field: the same reads give the same sums,
/// whatever the parser. A missing or null string counts as a string of length 0.
struct checksum {
  std::uint64_t strings = 0;       ///< string fields read
  std::uint64_t string_bytes = 0;  ///< their lengths (UTF-8 bytes, after unescaping)
  std::uint64_t items = 0;         ///< array elements and map members visited
  std::uint64_t trues = 0;
  std::uint64_t falses = 0;
  std::int64_t numbers = 0;  ///< sum of the integers read

  void str(std::string_view s) noexcept {
    ++strings;
    string_bytes += s.size();
  }
  void item() noexcept { ++items; }
  void boolean(bool b) noexcept { b ? ++trues : ++falses; }
  void number(std::int64_t n) noexcept { numbers += n; }

  /// One number for printing and for a quick comparison.
  std::uint64_t digest() const noexcept {
    std::uint64_t h = 1469598103934665603ull;
    for (std::uint64_t v : {strings, string_bytes, items, trues, falses, static_cast<std::uint64_t>(numbers)}) {
      h ^= v;
      h *= 1099511628211ull;
    }
    return h;
  }
  friend bool operator==(checksum const& a, checksum const& b) noexcept {
    return a.strings == b.strings && a.string_bytes == b.string_bytes && a.items == b.items && a.trues == b.trues &&
           a.falses == b.falses && a.numbers == b.numbers;
  }
  friend bool operator!=(checksum const& a, checksum const& b) noexcept { return !(a == b); }
};

std::string to_string(checksum const& c);

/// A Retrieve Contacts response body with `contacts` contacts, generated deterministically from
/// the docs' example (tests/fixtures/contacts_retrieve.response.json) with varied values: names
/// (some UTF-8, some with JSON escapes), ids, 0-3 emails, 0-2 phones, 0-3 lists, 0-2 buyer
/// personas, custom fields of string, boolean and integer values, escaped characters in some
/// strings. Compact JSON, as the API sends it.
std::string make_contacts_body(std::size_t contacts);

/// A small body for the request-building measurements.
inline constexpr std::string_view tiny_body = R"({"data":[]})";

}  // namespace bench
