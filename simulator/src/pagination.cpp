// SPDX-License-Identifier: MIT
// leadfeeder-simulator: pagination (see pagination.hpp).
#include "pagination.hpp"

#include "util.hpp"
#include "world.hpp"

#include <algorithm>

namespace lfsim {

std::size_t page_size(request_ctx const& c) {
  std::string const* v = c.get("page[size]");
  if (v == nullptr) return 20;
  std::uint64_t n = 0;
  if (!parse_uint(*v, n) || n < 1 || n > 100) bad_request("page[size] must be an integer between 1 and 100.");
  return static_cast<std::size_t>(n);
}

std::size_t page_num(request_ctx const& c) {
  std::string const* v = c.get("page[num]");
  if (v == nullptr) return 1;
  std::uint64_t n = 0;
  if (!parse_uint(*v, n) || n < 1 || n > 1000000) bad_request("page[num] must be an integer from 1 to 1000000.");
  return static_cast<std::size_t>(n);
}

json::object page_number_meta(std::size_t num, std::size_t size, std::size_t total) {
  return json::object{{"page_num", num}, {"page_count", (total + size - 1) / size}, {"total_count", total}};
}

std::pair<std::size_t, std::size_t> page_bounds(std::size_t num, std::size_t size, std::size_t total) {
  std::size_t const first = std::min(total, (num - 1) * size);
  return {first, std::min(total, first + size)};
}

std::string encode_cursor(world const& w, std::size_t offset) {
  std::uint64_t const mask = mix64(w.seed ^ 0x637572736f72ULL);
  std::uint64_t const v = static_cast<std::uint64_t>(offset) ^ mask;
  return to_hex(v, 16) + to_hex(mix64(v ^ mask) & 0xFFFF, 4);
}

std::size_t cursor_offset(world const& w, request_ctx const& c) {
  std::string const* text = c.get("page[cursor]");
  if (text == nullptr || text->empty()) return 0;
  auto invalid = [] { bad_request("page[cursor] is not a cursor this API returned."); };
  if (text->size() != 20) invalid();
  std::uint64_t v = 0;
  std::uint64_t check = 0;
  for (std::size_t i = 0; i < 20; ++i) {
    char const ch = (*text)[i];
    int d = -1;
    if (ch >= '0' && ch <= '9') d = ch - '0';
    if (ch >= 'a' && ch <= 'f') d = ch - 'a' + 10;
    if (d < 0) invalid();
    (i < 16 ? v : check) = (i < 16 ? v : check) * 16 + static_cast<std::uint64_t>(d);
  }
  std::uint64_t const mask = mix64(w.seed ^ 0x637572736f72ULL);
  if ((mix64(v ^ mask) & 0xFFFF) != check || (v ^ mask) > 1000000000ULL) invalid();
  return static_cast<std::size_t>(v ^ mask);
}

json::object cursor_meta(world const& w, std::size_t offset, std::size_t size, std::size_t total) {
  return json::object{
      {"next_cursor", offset + size < total ? json::value(encode_cursor(w, offset + size)) : json::value(nullptr)}};
}

}  // namespace lfsim
