// SPDX-License-Identifier: MIT
// leadfeeder-cpp: lf::result<T>, a value or an lf::error.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/result_storage.hpp>
#include <leadfeeder/error.hpp>

#include <cstdio>
#include <cstdlib>
#include <new>
#include <type_traits>
#include <utility>

#if LEADFEEDER_HAS_EXCEPTIONS
#include <stdexcept>
#endif

LEADFEEDER_BEGIN_NAMESPACE

#if LEADFEEDER_HAS_EXCEPTIONS
/// Thrown only by result::value() when the result holds an error (and exceptions are enabled).
class exception : public std::system_error {
 public:
  explicit exception(::leadfeeder::error e) : std::system_error(e.code, to_string(e)), error_(std::move(e)) {}
  ::leadfeeder::error const& error() const noexcept { return error_; }

 private:
  ::leadfeeder::error error_;
};
#endif

/// Either a T or an lf::error. Test it before use: `if (!r) log(r.error());`.
template <class T>
class result {
 public:
  using value_type = T;
  using error_type = ::leadfeeder::error;

  result(T value) noexcept(std::is_nothrow_move_constructible_v<T>)  // NOLINT: implicit on purpose
      : state_(std::move(value)) {}
  result(error_type e) noexcept  // NOLINT: implicit on purpose
      : state_(std::move(e)) {}

  /// True when the call succeeded.
  bool has_value() const noexcept { return state_.has_value_; }
  explicit operator bool() const noexcept { return has_value(); }

  /// The value; calling these on an error stops the program (a contract violation).
  T& operator*() & noexcept { return checked(); }
  T const& operator*() const& noexcept { return checked(); }
  T&& operator*() && noexcept { return std::move(checked()); }
  T* operator->() noexcept { return &checked(); }
  T const* operator->() const noexcept { return &checked(); }

  /// The error; on success, an error whose code is empty.
  error_type const& error() const& noexcept {
    if (!state_.has_value_) return state_.error_;
    return no_error();
  }
  error_type&& error() && noexcept {
    if (!state_.has_value_) return std::move(state_.error_);
    detail::contract_violation("result::error() && on a result that holds a value");
  }

#if LEADFEEDER_HAS_EXCEPTIONS
  /// The value, or throws lf::exception carrying the error.
  T& value() & {
    if (!state_.has_value_) throw exception(state_.error_);
    return state_.value_;
  }
  T const& value() const& {
    if (!state_.has_value_) throw exception(state_.error_);
    return state_.value_;
  }
  T&& value() && { return std::move(value()); }
#endif

 private:
  T& checked() noexcept {
    if (state_.has_value_) return state_.value_;
    detail::contract_violation("dereferenced an lf::result that holds an error");
  }
  T const& checked() const noexcept {
    if (state_.has_value_) return state_.value_;
    detail::contract_violation("dereferenced an lf::result that holds an error");
  }
  static error_type const& no_error() noexcept {
    static error_type const none{};
    return none;
  }

  detail::result_storage<T> state_;
};

LEADFEEDER_END_NAMESPACE
