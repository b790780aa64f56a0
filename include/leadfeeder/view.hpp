// SPDX-License-Identifier: MIT
// leadfeeder-cpp: views over a parsed response. A view is a pointer to a node of the document's
// tape (detail/tape.hpp) owned by a result; copying it copies the pointer, and a string read
// through it points into the body. Reads never throw and never fail: see detail/access.hpp.
// Here: the sequences (array_view, string_array_view, map_view); json_view (any value) is in
// json_view.hpp, the bases of the generated views in detail/view_base.hpp.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/access.hpp>
#include <leadfeeder/detail/iterator_support.hpp>
#include <leadfeeder/detail/view_base.hpp>
#include <leadfeeder/json_view.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

LEADFEEDER_BEGIN_NAMESPACE

/// A JSON array seen as a sequence of View.
template <class View>
class array_view {
 public:
  using value_type = View;
  using iterator = detail::value_iterator<View>;
  using const_iterator = iterator;

  constexpr array_view() noexcept = default;
  /// The elements of a JSON array; anything else is an empty list.
  explicit array_view(detail::json_value const* v) noexcept : range_(v) {}
  /// As above, but a lone object counts as a list of one: for to-many relationships and the
  /// `data` of list operations, which the API does not always wrap in an array.
  array_view(detail::json_value const* v, detail::one_or_many_t) noexcept : range_(v) {
    v = detail::resolve(v);
    if (detail::is_object(v)) {
      range_.first = v;
      range_.last = v->end();
      range_.size = 1;
    }
  }

  iterator begin() const noexcept { return iterator(range_.first); }
  iterator end() const noexcept { return iterator(range_.last); }
  std::size_t size() const noexcept { return range_.size; }
  bool empty() const noexcept { return range_.size == 0; }
  /// Element i, or an empty view when i is out of range; linear in i (iterate to read them all).
  View operator[](std::size_t i) const noexcept {
    detail::json_value const* e = range_.at(i);
    return e != nullptr ? View(e) : View();
  }
  View front() const noexcept { return (*this)[0]; }

 private:
  detail::element_range range_;
};

/// A JSON array of strings, seen as std::string_view (a non-string element reads as empty).
class string_array_view {
 public:
  using iterator = detail::value_iterator<std::string_view, detail::read_string>;
  using value_type = std::string_view;
  using const_iterator = iterator;

  constexpr string_array_view() noexcept = default;
  explicit string_array_view(detail::json_value const* v) noexcept : range_(v) {}
  iterator begin() const noexcept { return iterator(range_.first); }
  iterator end() const noexcept { return iterator(range_.last); }
  std::size_t size() const noexcept { return range_.size; }
  bool empty() const noexcept { return range_.size == 0; }
  /// Element i (linear in i), or empty.
  std::string_view operator[](std::size_t i) const noexcept { return detail::as_string(range_.at(i)); }

 private:
  detail::element_range range_;
};

/// One member of a map_view: the key and the value seen as View.
template <class View>
struct map_entry {
  std::string_view key;
  View value;
};

/// A JSON object with dynamic keys (custom fields, social networks), seen as key -> View.
template <class View>
class map_view {
 public:
  class iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = map_entry<View>;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = map_entry<View>;

    constexpr iterator() noexcept = default;
    constexpr explicit iterator(detail::json_value const* key) noexcept : p_(key) {}
    map_entry<View> operator*() const noexcept { return {p_->text(), View(detail::resolve(detail::value_of_key(p_)))}; }
    iterator& operator++() noexcept {
      p_ = detail::value_of_key(p_)->next();
      return *this;
    }
    iterator operator++(int) noexcept {
      iterator t = *this;
      ++*this;
      return t;
    }
    friend bool operator==(iterator a, iterator b) noexcept { return a.p_ == b.p_; }
    friend bool operator!=(iterator a, iterator b) noexcept { return a.p_ != b.p_; }

   private:
    detail::json_value const* p_ = nullptr;
  };
  using value_type = map_entry<View>;
  using const_iterator = iterator;

  constexpr map_view() noexcept = default;
  explicit map_view(detail::json_value const* v) noexcept : o_(detail::object_or_null(v)) {}

  iterator begin() const noexcept { return o_ ? iterator(o_->first_child()) : iterator(); }
  iterator end() const noexcept { return o_ ? iterator(o_->end()) : iterator(); }
  std::size_t size() const noexcept { return o_ ? static_cast<std::size_t>(o_->word()) : 0; }
  bool empty() const noexcept { return size() == 0; }
  bool contains(std::string_view key) const noexcept { return detail::find_member(o_, key) != nullptr; }
  /// The value under key (the first, when a key repeats), or an empty view.
  View operator[](std::string_view key) const noexcept { return View(detail::find_member(o_, key)); }

 private:
  detail::json_value const* o_ = nullptr;
};

LEADFEEDER_END_NAMESPACE
