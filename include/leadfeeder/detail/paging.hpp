// SPDX-License-Identifier: MIT
// leadfeeder-cpp: what lf::pages does to a builder before the first page.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/pagination_style.hpp>

#include <cstdint>
#include <string>
#include <type_traits>
#include <utility>

LEADFEEDER_BEGIN_NAMESPACE
namespace detail {

// The builder with the page parameter set, whatever the caller set before: the range's own type.
template <class Builder>
auto with_page_parameter(Builder&& builder) {
  using plain = std::remove_cv_t<std::remove_reference_t<Builder>>;
  if constexpr (plain::pagination == pagination_style::cursor) {
    std::string cursor = builder.params().page_cursor;
    return std::forward<Builder>(builder).page_cursor(cursor);
  } else {
    // A page the caller chose stands, even a wrong one (the call then refuses it, as send() does).
    std::int64_t const page = plain::page_set ? builder.params().page_num : 1;
    return std::forward<Builder>(builder).page_num(page);
  }
}

}  // namespace detail
LEADFEEDER_END_NAMESPACE
