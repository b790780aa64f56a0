// SPDX-License-Identifier: MIT
// leadfeeder-cpp: what lf::chunks knows of an operation and of the ids it is given.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/iterator_support.hpp>
#include <leadfeeder/string_list.hpp>

#include <cstddef>
#include <string_view>
#include <type_traits>
#include <utility>

LEADFEEDER_BEGIN_NAMESPACE
namespace detail {

// What lf::chunks knows of an operation: its list and that list's maximum, from the generated
// builder (chunk_max, chunk_type, with_chunk). An operation without them is refused by the range's
// static_assert; the stand-ins here only keep that message the first one a user reads.
template <class Builder, class = void>
struct chunking {
  static constexpr bool value = false;
  static constexpr std::size_t max = 1;
  using input = string_list;
  using builder = Builder;
};
template <class Builder>
struct chunking<Builder, std::void_t<decltype(Builder::chunk_max), typename Builder::chunk_type>> {
  static constexpr bool value = true;
  static constexpr std::size_t max = Builder::chunk_max;
  using input = typename Builder::chunk_type;
  using builder = decltype(std::declval<Builder const&>().with_chunk(std::declval<input>()));
};

// A range of strings that is not contiguous (std::set, std::list, std::deque...): copied first.
template <class Range, class = void>
struct is_string_range : std::false_type {};
template <class Range>
struct is_string_range<
    Range, std::void_t<decltype(std::begin(std::declval<Range const&>()) != std::end(std::declval<Range const&>()))>>
    : std::bool_constant<std::is_convertible_v<decltype(*std::begin(std::declval<Range const&>())), std::string_view> &&
                         !std::is_convertible_v<Range const&, std::string_view>> {};

}  // namespace detail
LEADFEEDER_END_NAMESPACE
