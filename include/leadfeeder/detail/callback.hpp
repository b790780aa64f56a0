// SPDX-License-Identifier: MIT
// leadfeeder-cpp: a copyable callable that owns what it calls, for the hooks of client_options (the
// logger, the clocks and the sleep of time_source). It does what std::function did there (assigned
// from a lambda, a function pointer or a std::function; tested with `if`; reset with nullptr)
// without <functional>, which every unit that includes the library would otherwise parse.
#pragma once

#include <leadfeeder/config.hpp>

#include <cstddef>
#include <new>
#include <type_traits>
#include <utility>

LEADFEEDER_BEGIN_NAMESPACE
namespace detail {

template <class T, class = void>
struct compares_to_nullptr : std::false_type {};
template <class T>
struct compares_to_nullptr<T, std::void_t<decltype(std::declval<T const&>() == nullptr)>> : std::true_type {};

template <class Signature>
class callback;

template <class R, class... Args>
class callback<R(Args...)> {
  // Small callables (a lambda capturing a pointer or two) live inside; larger ones on the heap.
  static constexpr std::size_t local_size = 2 * sizeof(void*);
  union storage {
    void* heap;
    alignas(void*) unsigned char local[local_size];
  };
  struct operations {
    R (*call)(storage&, Args&&...);
    void (*copy)(storage const& from, storage& to);
    void (*move)(storage& from, storage& to) noexcept;  // leaves `from` to be destroyed
    void (*destroy)(storage&) noexcept;
  };

  template <class F>
  static constexpr bool is_local = sizeof(F) <= local_size &&
                                   alignof(F) <= alignof(void*) && std::is_nothrow_move_constructible_v<F>;

  template <class F>
  static F& object(storage& s) noexcept {
    if constexpr (is_local<F>) {
      return *std::launder(reinterpret_cast<F*>(s.local));
    } else {
      return *static_cast<F*>(s.heap);
    }
  }
  template <class F>
  static F const& object(storage const& s) noexcept {
    return object<F>(const_cast<storage&>(s));
  }

  template <class F>
  static constexpr operations operations_of{
      [](storage& s, Args&&... args) -> R { return static_cast<R>(object<F>(s)(std::forward<Args>(args)...)); },
      [](storage const& from, storage& to) {
        if constexpr (is_local<F>) {
          ::new (static_cast<void*>(to.local)) F(object<F>(from));
        } else {
          to.heap = new F(object<F>(from));
        }
      },
      [](storage& from, storage& to) noexcept {
        if constexpr (is_local<F>) {
          ::new (static_cast<void*>(to.local)) F(std::move(object<F>(from)));
        } else {
          to.heap = from.heap;
          from.heap = nullptr;
        }
      },
      [](storage& s) noexcept {
        if constexpr (is_local<F>) {
          object<F>(s).~F();
        } else {
          delete static_cast<F*>(s.heap);
        }
      },
  };

  template <class F>
  using enable_for =
      std::enable_if_t<!std::is_same_v<std::decay_t<F>, callback> && !std::is_same_v<std::decay_t<F>, std::nullptr_t> &&
                       std::is_invocable_r_v<R, std::decay_t<F>&, Args...>>;

 public:
  callback() noexcept = default;
  callback(std::nullptr_t) noexcept {}  // NOLINT: as std::function
  template <class F, class = enable_for<F>>
  callback(F&& f) {  // NOLINT: implicit, as std::function
    using D = std::decay_t<F>;
    // A null function pointer or an empty std::function makes an empty callback, as it would a
    // std::function.
    if constexpr (std::is_pointer_v<D> || std::is_member_pointer_v<D>) {
      D const pointer = f;  // through a variable: a function's own name never compares to null
      if (pointer == nullptr) return;
    } else if constexpr (compares_to_nullptr<D>::value && !std::is_convertible_v<D, R (*)(Args...)>) {
      if (f == nullptr) return;
    }
    if constexpr (is_local<D>) {
      ::new (static_cast<void*>(storage_.local)) D(std::forward<F>(f));
    } else {
      storage_.heap = new D(std::forward<F>(f));
    }
    operations_ = &operations_of<D>;
  }
  callback(callback const& other) {
    if (other.operations_ != nullptr) {
      other.operations_->copy(other.storage_, storage_);
      operations_ = other.operations_;
    }
  }
  callback(callback&& other) noexcept { take(other); }
  callback& operator=(callback const& other) {
    if (this != &other) {
      callback copy(other);
      reset();
      take(copy);
    }
    return *this;
  }
  callback& operator=(callback&& other) noexcept {
    if (this != &other) {
      reset();
      take(other);
    }
    return *this;
  }
  template <class F, class = enable_for<F>>
  callback& operator=(F&& f) {
    callback made(std::forward<F>(f));
    reset();
    take(made);
    return *this;
  }
  callback& operator=(std::nullptr_t) noexcept {
    reset();
    return *this;
  }
  ~callback() { reset(); }

  explicit operator bool() const noexcept { return operations_ != nullptr; }
  /// Calls what it holds; it must hold something.
  R operator()(Args... args) const { return operations_->call(storage_, std::forward<Args>(args)...); }

 private:
  void reset() noexcept {
    if (operations_ != nullptr) operations_->destroy(storage_);
    operations_ = nullptr;
  }
  void take(callback& other) noexcept {
    if (other.operations_ == nullptr) return;
    other.operations_->move(other.storage_, storage_);
    operations_ = other.operations_;
    other.reset();
  }

  mutable storage storage_{};
  operations const* operations_ = nullptr;
};

template <class R, class... Args>
bool operator==(callback<R(Args...)> const& f, std::nullptr_t) noexcept {
  return !f;
}
template <class R, class... Args>
bool operator!=(callback<R(Args...)> const& f, std::nullptr_t) noexcept {
  return static_cast<bool>(f);
}

}  // namespace detail
LEADFEEDER_END_NAMESPACE
