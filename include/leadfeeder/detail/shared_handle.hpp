// SPDX-License-Identifier: MIT
// leadfeeder-cpp: a copyable handle that shares ownership of a T through whatever smart pointer
// it was given (a std::shared_ptr<T> as a rule), for client_options::shared_limit. It reads like
// the std::shared_ptr that member was (assigned from one, tested with `if`, `->`, get(), reset())
// without <memory>, which every unit that includes the library would otherwise parse.
#pragma once

#include <leadfeeder/config.hpp>

#include <cstddef>
#include <type_traits>
#include <utility>

LEADFEEDER_BEGIN_NAMESPACE
namespace detail {

template <class T>
class shared_handle {
  struct operations {
    void* (*copy)(void const* owner);
    void (*destroy)(void* owner) noexcept;
  };
  template <class P>
  static constexpr operations operations_of{
      [](void const* owner) -> void* { return new P(*static_cast<P const*>(owner)); },
      [](void* owner) noexcept { delete static_cast<P*>(owner); },
  };

  template <class P>
  using enable_for =
      std::enable_if_t<!std::is_same_v<std::decay_t<P>, shared_handle> && std::is_copy_constructible_v<P> &&
                       std::is_convertible_v<decltype(std::declval<P const&>().get()), T*>>;

 public:
  shared_handle() noexcept = default;
  shared_handle(std::nullptr_t) noexcept {}  // NOLINT: as std::shared_ptr
  /// Shares ownership with `owner` (a std::shared_ptr<T>, or any copyable pointer with get()).
  template <class P, class = enable_for<P>>
  shared_handle(P owner) : object_(owner.get()) {  // NOLINT: implicit, as assigning a shared_ptr
    if (object_ == nullptr) return;
    owner_ = new P(std::move(owner));
    operations_ = &operations_of<P>;
  }
  shared_handle(shared_handle const& other)
      : object_(other.object_),
        owner_(other.owner_ != nullptr ? other.operations_->copy(other.owner_) : nullptr),
        operations_(other.operations_) {}
  shared_handle(shared_handle&& other) noexcept
      : object_(std::exchange(other.object_, nullptr)),
        owner_(std::exchange(other.owner_, nullptr)),
        operations_(std::exchange(other.operations_, nullptr)) {}
  shared_handle& operator=(shared_handle other) noexcept {
    std::swap(object_, other.object_);
    std::swap(owner_, other.owner_);
    std::swap(operations_, other.operations_);
    return *this;
  }
  ~shared_handle() { reset(); }

  T* get() const noexcept { return object_; }
  T* operator->() const noexcept { return object_; }
  T& operator*() const noexcept { return *object_; }
  explicit operator bool() const noexcept { return object_ != nullptr; }
  void reset() noexcept {
    if (owner_ != nullptr) operations_->destroy(owner_);
    object_ = nullptr;
    owner_ = nullptr;
    operations_ = nullptr;
  }

  friend bool operator==(shared_handle const& h, std::nullptr_t) noexcept { return h.object_ == nullptr; }
  friend bool operator!=(shared_handle const& h, std::nullptr_t) noexcept { return h.object_ != nullptr; }

 private:
  T* object_ = nullptr;
  void* owner_ = nullptr;
  operations const* operations_ = nullptr;
};

}  // namespace detail
LEADFEEDER_END_NAMESPACE
