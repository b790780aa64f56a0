// SPDX-License-Identifier: MIT
// leadfeeder-simulator: both pagination styles of the API. Page-number pages read page[num] and
// page[size] and answer meta.pagination {page_num, page_count, total_count}; cursor pages read
// page[cursor] and page[size] and answer meta.pagination.next_cursor (null on the last page).
#pragma once

#include "request.hpp"

#include <boost/json/object.hpp>

#include <cstddef>
#include <string>
#include <utility>

namespace lfsim {

struct world;

/// page[size]: 20 when absent; 1 to 100, else a 400.
std::size_t page_size(request_ctx const& c);
/// page[num]: 1 when absent; 1 to 1000000, else a 400.
std::size_t page_num(request_ctx const& c);

/// {page_num, page_count, total_count}
json::object page_number_meta(std::size_t num, std::size_t size, std::size_t total);
/// [first, last) of page `num` of `size` over `total` items.
std::pair<std::size_t, std::size_t> page_bounds(std::size_t num, std::size_t size, std::size_t total);

/// A cursor is an offset masked with the seed plus a check: a cursor another run (or a client)
/// made up is a 400.
std::string encode_cursor(world const& w, std::size_t offset);
/// The offset page[cursor] names; 0 when absent or empty.
std::size_t cursor_offset(world const& w, request_ctx const& c);
/// {next_cursor}: the cursor of the page after [offset, offset + size) of total, or null.
json::object cursor_meta(world const& w, std::size_t offset, std::size_t size, std::size_t total);

}  // namespace lfsim
