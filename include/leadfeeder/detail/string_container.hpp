// SPDX-License-Identifier: MIT
// leadfeeder-cpp: which containers lf::string_list takes (contiguous, of things that
// convert to std::string_view).
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/iterator_support.hpp>

#include <string_view>
#include <type_traits>
#include <utility>

LEADFEEDER_BEGIN_NAMESPACE
namespace detail {

template <class Container>
using element_of = std::remove_cv_t<std::remove_pointer_t<decltype(std::data(std::declval<Container const&>()))>>;

template <class Container, class = void>
struct is_string_container : std::false_type {};
template <class Container>
struct is_string_container<Container,
                           std::void_t<element_of<Container>, decltype(std::size(std::declval<Container const&>()))>>
    : std::bool_constant<std::is_convertible_v<element_of<Container> const&, std::string_view> &&
                         !std::is_convertible_v<Container const&, std::string_view>> {};

}  // namespace detail

LEADFEEDER_END_NAMESPACE
