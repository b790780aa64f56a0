// leadfeeder-cpp: views over a parsed response. A view is a pointer into the document owned by a
// result; copying it copies the pointer. Reads never throw and never fail: see detail/access.hpp.
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
  constexpr explicit json_view(boost::json::value const* v) noexcept : v_(v) {}

  /// False when there is no value (a missing key, or null).
  bool exists() const noexcept { return v_ != nullptr && !v_->is_null(); }
  bool is_null() const noexcept { return v_ == nullptr || v_->is_null(); }
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

  /// The member `key` of an object (empty view otherwise).
  json_view operator[](std::string_view key) const noexcept {
    return json_view(detail::member(v_, key));
  }
  /// Element i of an array (empty view when out of range or not an array).
  json_view operator[](std::size_t i) const noexcept {
    if (!detail::is_array(v_)) return {};
    boost::json::array const& a = v_->get_array();
    return i < a.size() ? json_view(a.data() + i) : json_view();
  }
  /// Elements of an array or members of an object; 0 for anything else.
  std::size_t size() const noexcept {
    if (detail::is_array(v_)) return v_->get_array().size();
    if (detail::is_object(v_)) return v_->get_object().size();
    return 0;
  }

  /// The underlying Boost.JSON value, or nullptr. Lives as long as the result.
  boost::json::value const* raw() const noexcept { return v_; }

 private:
  boost::json::value const* v_ = nullptr;
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

// Iterator over contiguous JSON values that yields View objects.
template <class View>
class value_iterator {
 public:
  using iterator_category = std::random_access_iterator_tag;
  using value_type = View;
  using difference_type = std::ptrdiff_t;
  using pointer = void;
  using reference = View;

  constexpr value_iterator() noexcept = default;
  constexpr explicit value_iterator(json_value const* p) noexcept : p_(p) {}

  View operator*() const noexcept { return View(p_); }
  View operator[](difference_type n) const noexcept { return View(p_ + n); }
  value_iterator& operator++() noexcept { ++p_; return *this; }
  value_iterator operator++(int) noexcept { value_iterator t = *this; ++p_; return t; }
  value_iterator& operator--() noexcept { --p_; return *this; }
  value_iterator operator--(int) noexcept { value_iterator t = *this; --p_; return t; }
  value_iterator& operator+=(difference_type n) noexcept { p_ += n; return *this; }
  value_iterator& operator-=(difference_type n) noexcept { p_ -= n; return *this; }
  friend value_iterator operator+(value_iterator i, difference_type n) noexcept { return i += n; }
  friend value_iterator operator+(difference_type n, value_iterator i) noexcept { return i += n; }
  friend value_iterator operator-(value_iterator i, difference_type n) noexcept { return i -= n; }
  friend difference_type operator-(value_iterator a, value_iterator b) noexcept { return a.p_ - b.p_; }
  friend bool operator==(value_iterator a, value_iterator b) noexcept { return a.p_ == b.p_; }
  friend bool operator!=(value_iterator a, value_iterator b) noexcept { return a.p_ != b.p_; }
  friend bool operator<(value_iterator a, value_iterator b) noexcept { return a.p_ < b.p_; }
  friend bool operator>(value_iterator a, value_iterator b) noexcept { return a.p_ > b.p_; }
  friend bool operator<=(value_iterator a, value_iterator b) noexcept { return a.p_ <= b.p_; }
  friend bool operator>=(value_iterator a, value_iterator b) noexcept { return a.p_ >= b.p_; }

 private:
  json_value const* p_ = nullptr;
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
  explicit array_view(boost::json::value const* v) noexcept {
    if (detail::is_array(v)) {
      boost::json::array const& a = v->get_array();
      first_ = a.data();
      size_ = a.size();
    }
  }
  /// As above, but a lone object counts as a list of one: for to-many relationships and the
  /// `data` of list operations, which the API does not always wrap in an array.
  array_view(boost::json::value const* v, detail::one_or_many_t) noexcept : array_view(v) {
    if (detail::is_object(v)) {
      first_ = v;
      size_ = 1;
    }
  }

  iterator begin() const noexcept { return iterator(first_); }
  iterator end() const noexcept { return iterator(first_ + size_); }
  std::size_t size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }
  /// Element i, or an empty view when i is out of range.
  View operator[](std::size_t i) const noexcept { return i < size_ ? View(first_ + i) : View(); }
  View front() const noexcept { return (*this)[0]; }

 private:
  boost::json::value const* first_ = nullptr;
  std::size_t size_ = 0;
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
    constexpr explicit iterator(boost::json::value const* p) noexcept : p_(p) {}
    std::string_view operator*() const noexcept { return detail::as_string(p_); }
    iterator& operator++() noexcept { ++p_; return *this; }
    iterator operator++(int) noexcept { iterator t = *this; ++p_; return t; }
    friend bool operator==(iterator a, iterator b) noexcept { return a.p_ == b.p_; }
    friend bool operator!=(iterator a, iterator b) noexcept { return a.p_ != b.p_; }
    friend difference_type operator-(iterator a, iterator b) noexcept { return a.p_ - b.p_; }

   private:
    boost::json::value const* p_ = nullptr;
  };
  using value_type = std::string_view;
  using const_iterator = iterator;

  constexpr string_array_view() noexcept = default;
  explicit string_array_view(boost::json::value const* v) noexcept {
    if (detail::is_array(v)) {
      boost::json::array const& a = v->get_array();
      first_ = a.data();
      size_ = a.size();
    }
  }
  iterator begin() const noexcept { return iterator(first_); }
  iterator end() const noexcept { return iterator(first_ + size_); }
  std::size_t size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }
  std::string_view operator[](std::size_t i) const noexcept {
    return i < size_ ? detail::as_string(first_ + i) : std::string_view();
  }

 private:
  boost::json::value const* first_ = nullptr;
  std::size_t size_ = 0;
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
    constexpr explicit iterator(boost::json::key_value_pair const* p) noexcept : p_(p) {}
    map_entry<View> operator*() const noexcept {
      return {detail::to_std(p_->key()), View(&p_->value())};
    }
    iterator& operator++() noexcept { ++p_; return *this; }
    iterator operator++(int) noexcept { iterator t = *this; ++p_; return t; }
    friend bool operator==(iterator a, iterator b) noexcept { return a.p_ == b.p_; }
    friend bool operator!=(iterator a, iterator b) noexcept { return a.p_ != b.p_; }

   private:
    boost::json::key_value_pair const* p_ = nullptr;
  };
  using value_type = map_entry<View>;
  using const_iterator = iterator;

  constexpr map_view() noexcept = default;
  explicit map_view(boost::json::value const* v) noexcept
      : o_(detail::is_object(v) ? &v->get_object() : nullptr) {}

  iterator begin() const noexcept { return o_ ? iterator(o_->begin()) : iterator(); }
  iterator end() const noexcept { return o_ ? iterator(o_->end()) : iterator(); }
  std::size_t size() const noexcept { return o_ ? o_->size() : 0; }
  bool empty() const noexcept { return size() == 0; }
  bool contains(std::string_view key) const noexcept { return find_value(key) != nullptr; }
  /// The value under key, or an empty view.
  View operator[](std::string_view key) const noexcept { return View(find_value(key)); }

 private:
  boost::json::value const* find_value(std::string_view key) const noexcept {
    return o_ ? o_->if_contains(boost::json::string_view(key.data(), key.size())) : nullptr;
  }
  boost::json::object const* o_ = nullptr;
};

LEADFEEDER_END_NAMESPACE
