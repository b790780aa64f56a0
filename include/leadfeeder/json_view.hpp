// SPDX-License-Identifier: MIT
// leadfeeder-cpp: json_view, any JSON value of a response (a pointer to a node of the document's
// tape), for what the typed views do not cover. Reads never throw and never fail.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/access.hpp>

#include <cstddef>
#include <cstdint>
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
    return detail::is_array(v_) || detail::is_object(v_) ? static_cast<std::size_t>(v_->word()) : 0;
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

LEADFEEDER_END_NAMESPACE
