// SPDX-License-Identifier: MIT
// leadfeeder-cpp: what every view is built from: the bases of the generated object and resource
// views, the one iterator over the elements of a tape array, and the range it walks.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/access.hpp>
#include <leadfeeder/detail/iterator_support.hpp>
#include <leadfeeder/json_view.hpp>

#include <cstddef>
#include <string_view>

LEADFEEDER_BEGIN_NAMESPACE
namespace detail {

// Selects the array_view constructor that reads a lone object as a list of one.
struct one_or_many_t {
  explicit one_or_many_t() = default;
};
inline constexpr one_or_many_t one_or_many{};

// Common part of every generated view of a JSON object.
class object_base {
 public:
  constexpr object_base() noexcept = default;
  explicit object_base(json_value const* v) noexcept : v_(object_or_null(v)) {}

  /// False when the object is absent (missing, null or not an object).
  bool exists() const noexcept { return v_ != nullptr; }
  /// The whole object, for keys the view does not know.
  json_view json() const noexcept { return json_view(v_); }

 protected:
  json_value const* node() const noexcept { return v_; }

 private:
  json_value const* v_ = nullptr;
};

// Common part of every generated resource view ({type, id, attributes, relationships, meta}).
class resource_base : public object_base {
 public:
  constexpr resource_base() noexcept = default;
  // `attributes` is looked up once, here, rather than by every accessor.
  explicit resource_base(json_value const* v) noexcept : object_base(v), attrs_(member(node(), "attributes")) {}

  /// The resource id, always as text (an integer id is exposed as its decimal digits).
  std::string_view id() const noexcept { return as_string(member(node(), "id")); }
  bool has_id() const noexcept { return is_string(member(node(), "id")); }
  /// The JSON:API type, e.g. "contact".
  std::string_view type() const noexcept { return as_string(member(node(), "type")); }
  bool has_type() const noexcept { return is_string(member(node(), "type")); }
  /// The raw attributes object, for attributes the view does not know.
  json_view attributes() const noexcept { return json_view(object_or_null(attrs_)); }

 protected:
  json_value const* attrs() const noexcept { return attrs_; }

 private:
  json_value const* attrs_ = nullptr;
};

// How an element iterator reads an element: as a view constructed from the node, or as text.
template <class View>
struct read_view {
  View operator()(json_value const* p) const noexcept { return View(p); }
};
struct read_string {
  std::string_view operator()(json_value const* p) const noexcept { return as_string(p); }
};

// The iterator over the elements of a tape array (or over one lone value) of every view: each
// element is read by Read, as a View by default.
template <class Value, class Read = read_view<Value>>
class value_iterator {
 public:
  using iterator_category = std::forward_iterator_tag;
  using value_type = Value;
  using difference_type = std::ptrdiff_t;
  using pointer = void;
  using reference = Value;

  constexpr value_iterator() noexcept = default;
  constexpr explicit value_iterator(json_value const* p) noexcept : p_(p) {}

  Value operator*() const noexcept { return Read{}(resolve(p_)); }
  value_iterator& operator++() noexcept {
    p_ = p_->next();
    return *this;
  }
  value_iterator operator++(int) noexcept {
    value_iterator t = *this;
    ++*this;
    return t;
  }
  friend bool operator==(value_iterator a, value_iterator b) noexcept { return a.p_ == b.p_; }
  friend bool operator!=(value_iterator a, value_iterator b) noexcept { return a.p_ != b.p_; }

 private:
  json_value const* p_ = nullptr;
};

// The elements of a JSON array: [first, last) of the tape and their count.
struct element_range {
  json_value const* first = nullptr;
  json_value const* last = nullptr;
  std::size_t size = 0;

  constexpr element_range() noexcept = default;
  explicit element_range(json_value const* v) noexcept {
    v = resolve(v);
    if (is_array(v)) {
      first = v->first_child();
      last = v->end();
      size = static_cast<std::size_t>(v->word());
    }
  }
  json_value const* at(std::size_t i) const noexcept {
    if (i >= size) return nullptr;
    json_value const* e = first;
    while (i-- > 0) e = e->next();
    return resolve(e);
  }
};

}  // namespace detail
LEADFEEDER_END_NAMESPACE
