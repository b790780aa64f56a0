// SPDX-License-Identifier: MIT
// leadfeeder-cpp: the one iterator of the library's single-pass ranges (lf::pages, lf::items,
// lf::chunks, lf::chunk_items). A range keeps its current element in an optional (empty at the
// end) and knows how to advance; the iterator only asks it.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/iterator_support.hpp>

#include <cstddef>
#include <type_traits>

LEADFEEDER_BEGIN_NAMESPACE
namespace detail {

/// What end() returns: an iterator equals it once its range has no current element.
struct range_end {};

/// An input iterator over `Range`, whose elements are `Value`s (read-only when `Const`). Range has
/// a member `current_` (an optional<Value>) and a member function `advance()`, and befriends it.
template <class Range, class Value, bool Const>
class range_iterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = Value;
  using difference_type = std::ptrdiff_t;
  using pointer = std::conditional_t<Const, Value const*, Value*>;
  using reference = std::conditional_t<Const, Value const&, Value&>;

  range_iterator() = default;
  explicit range_iterator(Range* range) noexcept : range_(range) {}
  reference operator*() const noexcept { return *range_->current_; }
  pointer operator->() const noexcept { return &*range_->current_; }
  range_iterator& operator++() {
    range_->advance();
    return *this;
  }
  void operator++(int) { ++*this; }
  bool at_end() const noexcept { return !range_->current_; }
  friend bool operator==(range_iterator const& i, range_end) noexcept { return i.at_end(); }
  friend bool operator!=(range_iterator const& i, range_end e) noexcept { return !(i == e); }
  friend bool operator==(range_end e, range_iterator const& i) noexcept { return i == e; }
  friend bool operator!=(range_end e, range_iterator const& i) noexcept { return !(i == e); }

 private:
  Range* range_ = nullptr;
};

}  // namespace detail
LEADFEEDER_END_NAMESPACE
