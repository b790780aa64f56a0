// leadfeeder-cpp: views over a parsed response. A view is a pointer to a node of the document's
// tape (detail/tape.hpp) owned by a result; copying it copies the pointer, and a string read
// through it points into the body. Reads never throw and never fail: see detail/access.hpp.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/access.hpp>

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string_view>

LEADFEEDER_BEGIN_NAMESPACE

/// Any JSON value of a response, for what the typed views do not cover.
class json_view {
 public:
  constexpr json_view() noexcept = default;
  explicit json_view(detail::json_value const* v) noexcept : v_(detail::resolve(v)) {}

  /// False when there is no value (a missing key, or null).
  bool exists() const noexcept { return detail::is_present(v_); }
  bool is_null() const noexcept { return !detail::is_present(v_); }
  bool is_string() const noexcept { return detail::is_string(v_); }
  bool is_integer() const noexcept { return detail::is_integer(v_); }
  bool is_number() const noexcept { return detail::is_number(v_); }
  bool is_bool() const noexcept { return detail::is_bool(v_); }
  bool is_object() const noexcept { return detail::is_object(v_); }
  bool is_array() const noexcept { return detail::is_array(v_); }

  std::string_view as_string() const noexcept { return detail::as_string(v_); }
  std::int64_t as_integer() const noexcept { return detail::as_integer(v_); }
  double as_number() const noexcept { return detail::as_number(v_); }
  bool as_bool() const noexcept { return detail::as_bool(v_); }

  /// The member `key` of an object (empty view otherwise). When a key appears more than once in
  /// an object, the first one counts.
  json_view operator[](std::string_view key) const noexcept { return json_view(detail::find_member(v_, key)); }
  /// Element i of an array (empty view when out of range or not an array); linear in i.
  json_view operator[](std::size_t i) const noexcept { return json_view(detail::element_at(v_, i)); }
  /// Elements of an array or members of an object; 0 for anything else.
  std::size_t size() const noexcept {
    return detail::is_array(v_) || detail::is_object(v_) ? static_cast<std::size_t>(v_->word) : 0;
  }

  /// This value seen as a typed view, e.g. `v.as<lf::list_view>()`.
  template <class View>
  View as() const noexcept {
    return View(v_);
  }

  /// The tape node, to build a typed view from (`lf::list_view(v.raw())`); nullptr when empty.
  /// For a Boost.JSON DOM of the value, see leadfeeder/boost_json.hpp (lf::to_boost_json).
  detail::json_value const* raw() const noexcept { return v_; }

 private:
  detail::json_value const* v_ = nullptr;
};

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
  explicit resource_base(json_value const* v) noexcept
      : object_base(v), attrs_(member(node(), "attributes")) {}

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

// Iterator over the elements of a tape array (or over one lone value), yielding View objects.
template <class View>
class value_iterator {
 public:
  using iterator_category = std::forward_iterator_tag;
  using value_type = View;
  using difference_type = std::ptrdiff_t;
  using pointer = void;
  using reference = View;

  constexpr value_iterator() noexcept = default;
  constexpr explicit value_iterator(json_value const* p) noexcept : p_(p) {}

  View operator*() const noexcept { return View(resolve(p_)); }
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
      first = v + 1;
      last = v->end();
      size = static_cast<std::size_t>(v->word);
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
  class iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = std::string_view;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = std::string_view;

    constexpr iterator() noexcept = default;
    constexpr explicit iterator(detail::json_value const* p) noexcept : p_(p) {}
    std::string_view operator*() const noexcept { return detail::as_string(detail::resolve(p_)); }
    iterator& operator++() noexcept {
      p_ = p_->next();
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
    map_entry<View> operator*() const noexcept { return {p_->text(), View(detail::resolve(p_ + 1))}; }
    iterator& operator++() noexcept {
      p_ = (p_ + 1)->next();
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

  iterator begin() const noexcept { return o_ ? iterator(o_ + 1) : iterator(); }
  iterator end() const noexcept { return o_ ? iterator(o_->end()) : iterator(); }
  std::size_t size() const noexcept { return o_ ? static_cast<std::size_t>(o_->word) : 0; }
  bool empty() const noexcept { return size() == 0; }
  bool contains(std::string_view key) const noexcept { return detail::find_member(o_, key) != nullptr; }
  /// The value under key (the first, when a key repeats), or an empty view.
  View operator[](std::string_view key) const noexcept { return View(detail::find_member(o_, key)); }

 private:
  detail::json_value const* o_ = nullptr;
};

LEADFEEDER_END_NAMESPACE
