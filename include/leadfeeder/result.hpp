// leadfeeder-cpp: lf::result<T>, a value or an lf::error.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/error.hpp>

#include <cstdio>
#include <cstdlib>
#include <type_traits>
#include <utility>
#include <variant>

#if LEADFEEDER_HAS_EXCEPTIONS
#include <stdexcept>
#endif

LEADFEEDER_BEGIN_NAMESPACE

namespace detail {

// Reached only by a contract violation (dereferencing a result that holds an error): stopping is
// safer than reading a value that is not there.
[[noreturn]] inline void contract_violation(char const* what) noexcept {
  std::fputs("leadfeeder: contract violation: ", stderr);
  std::fputs(what, stderr);
  std::fputs("\n", stderr);
  std::abort();
}

}  // namespace detail

#if LEADFEEDER_HAS_EXCEPTIONS
/// Thrown only by result::value() when the result holds an error (and exceptions are enabled).
class exception : public std::system_error {
 public:
  explicit exception(::leadfeeder::error e)
      : std::system_error(e.code, to_string(e)), error_(std::move(e)) {}
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
      : state_(std::in_place_index<0>, std::move(value)) {}
  result(error_type e) noexcept  // NOLINT: implicit on purpose
      : state_(std::in_place_index<1>, std::move(e)) {}

  /// True when the call succeeded.
  bool has_value() const noexcept { return state_.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }

  /// The value; calling these on an error stops the program (a contract violation).
  T& operator*() & noexcept { return checked(); }
  T const& operator*() const& noexcept { return checked(); }
  T&& operator*() && noexcept { return std::move(checked()); }
  T* operator->() noexcept { return &checked(); }
  T const* operator->() const noexcept { return &checked(); }

  /// The error; on success, an error whose code is empty.
  error_type const& error() const& noexcept {
    if (error_type const* e = std::get_if<1>(&state_)) return *e;
    return no_error();
  }
  error_type&& error() && noexcept {
    if (error_type* e = std::get_if<1>(&state_)) return std::move(*e);
    detail::contract_violation("result::error() && on a result that holds a value");
  }

#if LEADFEEDER_HAS_EXCEPTIONS
  /// The value, or throws lf::exception carrying the error.
  T& value() & {
    if (error_type const* e = std::get_if<1>(&state_)) throw exception(*e);
    return *std::get_if<0>(&state_);
  }
  T const& value() const& {
    if (error_type const* e = std::get_if<1>(&state_)) throw exception(*e);
    return *std::get_if<0>(&state_);
  }
  T&& value() && { return std::move(value()); }
#endif

 private:
  T& checked() noexcept {
    if (T* v = std::get_if<0>(&state_)) return *v;
    detail::contract_violation("dereferenced an lf::result that holds an error");
  }
  T const& checked() const noexcept {
    if (T const* v = std::get_if<0>(&state_)) return *v;
    detail::contract_violation("dereferenced an lf::result that holds an error");
  }
  static error_type const& no_error() noexcept {
    static error_type const none{};
    return none;
  }

  std::variant<T, error_type> state_;
};

LEADFEEDER_END_NAMESPACE
