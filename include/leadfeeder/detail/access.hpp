// leadfeeder-cpp: the lenient reads behind every view accessor. Missing, null or wrongly typed
// data gives the default; nothing here throws or reads out of bounds.
#pragma once

#include <leadfeeder/config.hpp>

#include <boost/json/value.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string_view>

LEADFEEDER_BEGIN_NAMESPACE
namespace detail {

using json_value = boost::json::value;

inline std::string_view to_std(boost::json::string_view s) noexcept { return {s.data(), s.size()}; }

/// The member `key` of an object value, or nullptr when v is not an object, lacks the key, or
/// the member is null (null counts as absent).
inline json_value const* member(json_value const* v, std::string_view key) noexcept {
  if (v == nullptr) return nullptr;
  boost::json::object const* o = v->if_object();
  if (o == nullptr) return nullptr;
  json_value const* m = o->if_contains(boost::json::string_view(key.data(), key.size()));
  if (m == nullptr || m->is_null()) return nullptr;
  return m;
}

/// True when a value is there (member() already maps null to nullptr).
inline bool is_present(json_value const* v) noexcept { return v != nullptr && !v->is_null(); }

inline bool is_string(json_value const* v) noexcept { return v != nullptr && v->is_string(); }
inline bool is_object(json_value const* v) noexcept { return v != nullptr && v->is_object(); }
inline bool is_array(json_value const* v) noexcept { return v != nullptr && v->is_array(); }
inline bool is_bool(json_value const* v) noexcept { return v != nullptr && v->is_bool(); }
inline bool is_number(json_value const* v) noexcept { return v != nullptr && v->is_number(); }

/// An integer, or an unsigned integer that fits, or a double that holds an integral value that fits.
inline bool is_integer(json_value const* v) noexcept {
  if (v == nullptr) return false;
  switch (v->kind()) {
    case boost::json::kind::int64: return true;
    case boost::json::kind::uint64:
      return v->get_uint64() <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    case boost::json::kind::double_: {
      // Only where a double still counts exactly (|d| <= 2^53): an integer literal too large for
      // 64 bits arrives as a rounded double, and reading it as an integer would change its value.
      double const d = v->get_double();
      return std::isfinite(d) && std::trunc(d) == d && d >= -9007199254740992.0 &&
             d <= 9007199254740992.0;
    }
    default: return false;
  }
}

inline std::string_view as_string(json_value const* v) noexcept {
  if (!is_string(v)) return {};
  return to_std(v->get_string());
}

inline std::int64_t as_integer(json_value const* v) noexcept {
  if (!is_integer(v)) return 0;
  switch (v->kind()) {
    case boost::json::kind::int64: return v->get_int64();
    case boost::json::kind::uint64: return static_cast<std::int64_t>(v->get_uint64());
    default: return static_cast<std::int64_t>(v->get_double());
  }
}

inline double as_number(json_value const* v) noexcept {
  if (!is_number(v)) return 0.0;
  return v->to_number<double>();
}

inline bool as_bool(json_value const* v) noexcept { return is_bool(v) && v->get_bool(); }

inline json_value const* object_or_null(json_value const* v) noexcept {
  return is_object(v) ? v : nullptr;
}

/// A relationship's value as one resource: unwraps a JSON:API `{"data": ...}` wrapper and takes
/// the first element when the server sent an array.
// A JSON:API wrapper {"data": ...} (with no id of its own) stands for what it wraps, null included.
inline json_value const* unwrap_data(json_value const* v) noexcept {
  if (is_object(v) && member(v, "id") == nullptr) {
    if (json_value const* wrapped = v->get_object().if_contains("data")) {
      return wrapped->is_null() ? nullptr : wrapped;
    }
  }
  return v;
}

inline json_value const* relationship_one(json_value const* v) noexcept {
  v = unwrap_data(v);
  if (is_array(v)) {
    boost::json::array const& a = v->get_array();
    v = a.empty() ? nullptr : a.data();
  }
  return object_or_null(v);
}

/// A relationship's value as a list: unwraps `{"data": ...}`; a single object is a list of one.
inline json_value const* relationship_many(json_value const* v) noexcept {
  v = unwrap_data(v);
  return (is_array(v) || is_object(v)) ? v : nullptr;
}

}  // namespace detail
LEADFEEDER_END_NAMESPACE
