// SPDX-License-Identifier: MIT
// leadfeeder-cpp: the lenient reads behind every view accessor, over the tape (detail/tape.hpp).
// Missing, null or wrongly typed data gives the default; nothing here throws or reads out of
// bounds.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/tape.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string_view>

LEADFEEDER_BEGIN_NAMESPACE
namespace detail {

using json_value = json_node;

/// The member `key` of an object value, or nullptr when v is not an object, lacks the key, or
/// the member is null (null counts as absent).
inline json_value const* present_or_null(json_value const* m) noexcept {
  return m == nullptr || m->kind() == node_kind::null ? nullptr : m;
}
inline json_value const* member(json_value const* v, std::string_view key) noexcept {
  return present_or_null(find_member(v, key));
}
/// The same for a string literal (see find_member).
template <std::size_t N>
LEADFEEDER_ALWAYS_INLINE json_value const* member(json_value const* v, char const (&key)[N]) noexcept {
  return present_or_null(find_member(v, key));
}

/// True when a value is there (member() already maps null to nullptr).
inline bool is_present(json_value const* v) noexcept { return v != nullptr && v->kind() != node_kind::null; }

inline bool is_kind(json_value const* v, node_kind k) noexcept { return v != nullptr && v->kind() == k; }
inline bool is_string(json_value const* v) noexcept { return is_kind(v, node_kind::string); }
inline bool is_object(json_value const* v) noexcept { return is_kind(v, node_kind::object); }
inline bool is_array(json_value const* v) noexcept { return is_kind(v, node_kind::array); }
inline bool is_bool(json_value const* v) noexcept {
  return v != nullptr && (v->kind() == node_kind::true_ || v->kind() == node_kind::false_);
}
inline bool is_number(json_value const* v) noexcept {
  return v != nullptr &&
         (v->kind() == node_kind::int64 || v->kind() == node_kind::uint64 || v->kind() == node_kind::double_);
}

inline double double_of(json_value const* v) noexcept {
  double d;
  std::uint64_t const bits = v->word();
  std::memcpy(&d, &bits, sizeof d);
  return d;
}

inline std::int64_t int64_of(json_value const* v) noexcept { return static_cast<std::int64_t>(v->word()); }

/// An integer that fits in int64, or a double that holds an integral value that fits (the
/// parser gives an integer only when it fits in 64 bits; uint64 nodes are above INT64_MAX).
inline bool is_integer(json_value const* v) noexcept {
  if (v == nullptr) return false;
  switch (v->kind()) {
    case node_kind::int64: return true;
    case node_kind::double_: {
      // Only where a double still counts exactly (|d| <= 2^53): an integer literal too large for
      // 64 bits arrives as a rounded double, and reading it as an integer would change its value.
      double const d = double_of(v);
      // (NaN and the infinities fail the range test; inside it the cast is exact.)
      return d >= -9007199254740992.0 && d <= 9007199254740992.0 &&
             static_cast<double>(static_cast<std::int64_t>(d)) == d;
    }
    default: return false;
  }
}

inline std::string_view as_string(json_value const* v) noexcept {
  return is_string(v) ? v->text() : std::string_view();
}

inline std::int64_t as_integer(json_value const* v) noexcept {
  if (!is_integer(v)) return 0;
  if (v->kind() == node_kind::int64) return int64_of(v);
  return static_cast<std::int64_t>(double_of(v));
}

inline double as_number(json_value const* v) noexcept {
  if (v == nullptr) return 0.0;
  switch (v->kind()) {
    case node_kind::int64: return static_cast<double>(int64_of(v));
    case node_kind::uint64: return static_cast<double>(v->word());
    case node_kind::double_: return double_of(v);
    default: return 0.0;
  }
}

inline bool as_bool(json_value const* v) noexcept { return is_kind(v, node_kind::true_); }

inline json_value const* object_or_null(json_value const* v) noexcept {
  v = resolve(v);
  return is_object(v) ? v : nullptr;
}

/// The first element of an array, or nullptr.
inline json_value const* first_element(json_value const* v) noexcept { return element_at(v, 0); }

// A JSON:API wrapper {"data": ...} (with no id of its own) stands for what it wraps, null included.
inline json_value const* unwrap_data(json_value const* v) noexcept {
  v = resolve(v);
  if (is_object(v) && member(v, "id") == nullptr) {
    if (json_value const* wrapped = find_member(v, "data")) {
      return wrapped->kind() == node_kind::null ? nullptr : wrapped;
    }
  }
  return v;
}

/// A relationship's value as one resource: unwraps a JSON:API `{"data": ...}` wrapper and takes
/// the first element when the server sent an array.
inline json_value const* relationship_one(json_value const* v) noexcept {
  v = unwrap_data(v);
  if (is_array(v)) v = first_element(v);
  return object_or_null(v);
}

/// A relationship's value as a list: unwraps `{"data": ...}`; a single object is a list of one.
inline json_value const* relationship_many(json_value const* v) noexcept {
  v = unwrap_data(v);
  return (is_array(v) || is_object(v)) ? v : nullptr;
}

}  // namespace detail
LEADFEEDER_END_NAMESPACE
