// SPDX-License-Identifier: MIT
// leadfeeder-cpp: lf::string_list, how a builder takes a list of strings (ids, search terms).
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/core.hpp>
#include <leadfeeder/detail/iterator_support.hpp>
#include <leadfeeder/detail/string_container.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

LEADFEEDER_BEGIN_NAMESPACE

/// A caller's container of strings lent to a builder without a copy: see lf::borrow().
class borrowed_strings {
 public:
  std::size_t size() const noexcept { return size_; }
  std::string_view operator[](std::size_t i) const noexcept { return get_(data_, i); }

 private:
  template <class Container>
  friend borrowed_strings borrow(Container const& container) noexcept;
  template <class Element>
  static std::string_view get_element(void const* data, std::size_t i) noexcept {
    return std::string_view(static_cast<Element const*>(data)[i]);
  }
  void const* data_ = nullptr;
  std::size_t size_ = 0;
  std::string_view (*get_)(void const*, std::size_t) noexcept = nullptr;
};

/// Lends a contiguous container of strings (std::vector<std::string>, std::array<std::string_view,
/// N>, ...) to a builder without copying it, for hot loops that must not allocate. The container
/// and its strings must outlive every send of the builder. A temporary cannot be lent.
template <class Container>
borrowed_strings borrow(Container const& container) noexcept {
  static_assert(detail::is_string_container<Container>::value,
                "leadfeeder::borrow: the container must hold strings contiguously (data() and size())");
  using element = detail::element_of<Container>;
  borrowed_strings b;
  b.data_ = std::data(container);
  b.size_ = std::size(container);
  b.get_ = &borrowed_strings::get_element<element>;
  return b;
}
template <class Container>
void borrow(Container const&&) = delete;

/// A list of strings a builder keeps: a braced list or any container of strings is copied, so a
/// builder may be stored and sent later; lf::borrow(container) refers to the caller's container
/// instead (no copy, no allocation).
class string_list {
 public:
  string_list() = default;

  /// Copies a braced list: `{"3219787601", "3219787635"}`.
  string_list(std::initializer_list<std::string_view> values) { copy(borrow(values)); }

  /// Copies any contiguous container of elements convertible to std::string_view.
  template <class Container, std::enable_if_t<detail::is_string_container<Container>::value, int> = 0>
  string_list(Container const& container) {  // NOLINT: implicit on purpose
    copy(borrow(container));
  }

  /// Refers to a borrowed container (see lf::borrow).
  string_list(borrowed_strings borrowed) noexcept : borrowed_(borrowed), is_borrowed_(true) {}  // NOLINT

  std::size_t size() const noexcept { return is_borrowed_ ? borrowed_.size() : ends_.size() / sizeof(std::size_t); }
  bool empty() const noexcept { return size() == 0; }
  /// Element i (i < size()).
  std::string_view operator[](std::size_t i) const noexcept {
    if (is_borrowed_) return borrowed_[i];
    std::size_t const begin = i == 0 ? 0 : end_of(i - 1);
    return std::string_view(chars_.data() + begin, end_of(i) - begin);
  }

 private:
  // Copies every string (compiled once, in the implementation unit: the constructors above only
  // borrow the container, whatever it holds).
  void copy(borrowed_strings const& from) { detail::core::copy_strings(from, chars_, ends_); }
  std::size_t end_of(std::size_t i) const noexcept {
    std::size_t end;
    std::memcpy(&end, ends_.data() + i * sizeof end, sizeof end);
    return end;
  }

  // Owned: every string back to back in chars_; ends_ holds, as bytes, one std::size_t per string,
  // one past its end in chars_ (a std::string, whose code the standard library compiles once,
  // rather than a std::vector instantiated in every unit).
  std::string chars_;
  std::string ends_;
  borrowed_strings borrowed_;
  bool is_borrowed_ = false;
};

LEADFEEDER_END_NAMESPACE
