// SPDX-License-Identifier: MIT
// leadfeeder-cpp: the storage behind lf::result<T> (a T or an lf::error in a union, with a flag),
// and what dereferencing an error does.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/error.hpp>

#include <cstdio>
#include <cstdlib>
#include <new>
#include <type_traits>
#include <utility>

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

namespace detail {

// The storage of a result: a T or an error in a union, with a flag. It does what
// std::variant<T, error> did here, without the visitation machinery that std::variant costs every
// program that includes the library (about 130 functions emitted per call site at -O0).
// The error type by a name no member hides (result_union has an `error_` member, result an
// `error()` function).
using error_type = ::leadfeeder::error;

template <class T>
class result_union {
 public:
  explicit result_union(T&& v) noexcept(std::is_nothrow_move_constructible_v<T>) : has_value_(true) {
    ::new (static_cast<void*>(&value_)) T(std::move(v));
  }
  explicit result_union(::leadfeeder::error&& e) noexcept : has_value_(false) {
    ::new (static_cast<void*>(&error_)) error_type(std::move(e));
  }
  result_union(result_union&& other) noexcept(std::is_nothrow_move_constructible_v<T>) : has_value_(other.has_value_) {
    construct_from(std::move(other));
  }
  result_union& operator=(result_union&& other) noexcept(std::is_nothrow_move_constructible_v<T>) {
    if (this != &other) {
      destroy();
      has_value_ = other.has_value_;
      construct_from(std::move(other));
    }
    return *this;
  }
  ~result_union() { destroy(); }

  bool has_value_;
  union {
    T value_;
    ::leadfeeder::error error_;
  };

 protected:
  struct copy_tag {};
  result_union(copy_tag, result_union const& other) : has_value_(other.has_value_) { construct_from(other); }
  void copy_assign(result_union const& other) {
    if (this != &other) {
      destroy();
      has_value_ = other.has_value_;
      construct_from(other);
    }
  }

 private:
  void construct_from(result_union&& other) {
    if (has_value_) {
      ::new (static_cast<void*>(&value_)) T(std::move(other.value_));
    } else {
      ::new (static_cast<void*>(&error_)) error_type(std::move(other.error_));
    }
  }
  void construct_from(result_union const& other) {
    if (has_value_) {
      ::new (static_cast<void*>(&value_)) T(other.value_);
    } else {
      ::new (static_cast<void*>(&error_)) error_type(other.error_);
    }
  }
  void destroy() noexcept {
    if (has_value_) {
      value_.~T();
    } else {
      error_.~error();
    }
  }
};

// Copyable exactly when T is (a response owns its document and only moves).
template <class T, bool = std::is_copy_constructible_v<T>>
class result_storage : public result_union<T> {
 public:
  using result_union<T>::result_union;
};

template <class T>
class result_storage<T, true> : public result_union<T> {
  using base = result_union<T>;

 public:
  using base::base;
  result_storage(result_storage&&) = default;
  result_storage& operator=(result_storage&&) = default;
  result_storage(result_storage const& other) : base(typename base::copy_tag{}, other) {}
  result_storage& operator=(result_storage const& other) {
    this->copy_assign(other);
    return *this;
  }
  ~result_storage() = default;
};

}  // namespace detail

LEADFEEDER_END_NAMESPACE
