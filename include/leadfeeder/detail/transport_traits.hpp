// SPDX-License-Identifier: MIT
// leadfeeder-cpp: how lf::is_transport_v and lf::is_async_transport_v probe a type
// for send() and async_send().
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/http.hpp>

#include <system_error>
#include <type_traits>
#include <utility>

LEADFEEDER_BEGIN_NAMESPACE
namespace detail {

template <class T, class = void>
struct has_send : std::false_type {};

template <class T>
struct has_send<T, std::void_t<decltype(std::declval<T&>().send(std::declval<http_request const&>(),
                                                                std::declval<http_response&>()))>>
    : std::is_same<decltype(std::declval<T&>().send(std::declval<http_request const&>(),
                                                    std::declval<http_response&>())),
                   std::error_code> {};

// Stands for any completion handler when probing a transport's async_send.
struct completion_probe {
  void operator()(std::error_code) const noexcept {}
};

template <class T, class = void>
struct has_async_send : std::false_type {};

template <class T>
struct has_async_send<T, std::void_t<decltype(std::declval<T&>().async_send(
                             std::declval<http_request const&>(), std::declval<http_response&>(), completion_probe{}))>>
    : std::true_type {};

}  // namespace detail

LEADFEEDER_END_NAMESPACE
