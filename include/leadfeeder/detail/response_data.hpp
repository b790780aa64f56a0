// SPDX-License-Identifier: MIT
// leadfeeder-cpp: how lf::response<Data> sees its `data` member as the operation's view.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/access.hpp>
#include <leadfeeder/view.hpp>

#include <type_traits>
#include <utility>

LEADFEEDER_BEGIN_NAMESPACE

namespace detail {

template <class T, class = void>
struct has_id_member : std::false_type {};
template <class T>
struct has_id_member<T, std::void_t<decltype(std::declval<T const&>().id())>> : std::true_type {};

template <class T>
struct is_array_view : std::false_type {};
template <class View>
struct is_array_view<array_view<View>> : std::true_type {};

// `data` as the operation's Data type: a list as is (a lone object is a list of one); a single
// resource from an object, or from the first element when the server wrapped it in an array.
template <class Data>
Data make_data(json_value const* data) noexcept {
  if constexpr (is_array_view<Data>::value) {
    return Data(data, one_or_many);
  } else if constexpr (std::is_same_v<Data, json_view>) {
    return Data(data);
  } else {
    return Data(relationship_one(data));
  }
}

}  // namespace detail

LEADFEEDER_END_NAMESPACE
