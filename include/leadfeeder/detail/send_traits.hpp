// SPDX-License-Identifier: MIT
// leadfeeder-cpp: what client<Transport>::send reads of a builder (its response type, its
// constants), and the typed response it makes of a decoded answer.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/request_writer.hpp>
#include <leadfeeder/detail/session.hpp>
#include <leadfeeder/http.hpp>
#include <leadfeeder/response.hpp>
#include <leadfeeder/result.hpp>
#include <leadfeeder/view.hpp>

#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

LEADFEEDER_BEGIN_NAMESPACE

namespace detail {

template <class T, class = void>
struct is_builder : std::false_type {};
template <class T>
struct is_builder<T, std::void_t<typename T::response_type, decltype(T::operation_id),
                                 decltype(std::declval<T const&>().write(std::declval<request_writer&>()))>>
    : std::true_type {};

template <class T, class = void>
struct charges_credits : std::false_type {};
template <class T>
struct charges_credits<T, std::void_t<decltype(T::charges_credits)>> : std::bool_constant<T::charges_credits> {};

template <class T, class = void>
struct reads_only : std::false_type {};
template <class T>
struct reads_only<T, std::void_t<decltype(T::reads_only)>> : std::bool_constant<T::reads_only> {};

template <class T, class = void>
struct has_requested_id : std::false_type {};
template <class T>
struct has_requested_id<T, std::void_t<decltype(std::declval<T const&>().requested_id())>> : std::true_type {};

// The method of a request: a constant of the typed builders, a member of raw requests.
template <class Builder>
constexpr http_method method_of(Builder const& builder) noexcept {
  if constexpr (std::is_invocable_v<decltype(&Builder::method), Builder const&>) {
    return builder.method();
  } else {
    return Builder::method;
  }
}

// What send() answers with; for a non-builder, a stand-in so that send's static_assert (and not
// a substitution failure) is what the compiler reports.
template <class T, bool = is_builder<T>::value>
struct send_result {
  using type = result<typename T::response_type>;
};
template <class T>
struct send_result<T, false> {
  using type = result<response<json_view>>;
};
template <class T>
using send_result_t = typename send_result<T>::type;

// The constants of a builder, for the session.
template <class Builder>
constexpr operation_info operation_of(Builder const& builder) noexcept {
  operation_info op;
  op.id = Builder::operation_id;
  op.method = method_of(builder);
  op.charges_credits = charges_credits<Builder>::value;
  op.reads_only = reads_only<Builder>::value;
  op.expects_data = !std::is_same_v<typename Builder::response_type::data_type, json_view>;
  return op;
}

// The typed response of an answer.
template <class Builder>
result<typename Builder::response_type> typed(Builder const& builder, result<answer>&& r) {
  using response_type = typename Builder::response_type;
  if (!r) return std::move(r).error();
  if constexpr (has_requested_id<Builder>::value) {
    std::string_view const requested = builder.requested_id();
    if (!requested.empty()) return response_type(std::move(r->doc), r->status, std::string(requested));
  }
  return response_type(std::move(r->doc), r->status);
}

}  // namespace detail

LEADFEEDER_END_NAMESPACE
