// leadfeeder-cpp: what a host's HTTP stack must offer to carry the client's requests.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/http.hpp>

#include <system_error>
#include <type_traits>
#include <utility>

#if LEADFEEDER_HAS_CONCEPTS
#include <concepts>
#endif

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

}  // namespace detail

/// True when T has `std::error_code send(http_request const&, http_response&)` (C++17 spelling of
/// the `transport` concept). A reference type is checked through what it refers to.
template <class T>
inline constexpr bool is_transport_v = detail::has_send<std::remove_reference_t<T>>::value;

#if LEADFEEDER_HAS_CONCEPTS
/// A transport carries one request and fills in the response. A returned error_code means the
/// exchange failed (DNS, TLS, timeout, reset); every HTTP status is a successful exchange.
template <class T>
concept transport = requires(std::remove_reference_t<T>& t, http_request const& req,
                             http_response& res) {
  { t.send(req, res) } -> std::same_as<std::error_code>;
};
#endif

/// The one sentence a compiler prints when a type is used as a transport but is not one.
#define LEADFEEDER_TRANSPORT_REQUIREMENT                                                             \
  "leadfeeder::client<Transport>: Transport must have a member function "                            \
  "'std::error_code send(leadfeeder::http_request const&, leadfeeder::http_response&)'"

LEADFEEDER_END_NAMESPACE
