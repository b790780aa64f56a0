// SPDX-License-Identifier: MIT
// leadfeeder-cpp: lf::json_fragment, JSON a caller builds for a request (the `extra_fields` of a
// write, a raw request's body), held as text so that the headers that send it need no JSON
// library. Make one from a boost::json::value, object or array (include <leadfeeder/boost_json.hpp>
// where you do: it teaches the conversion).
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/fragment_data.hpp>

#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

LEADFEEDER_BEGIN_NAMESPACE

class json_fragment {
 public:
  json_fragment() = default;
  /// From a value of a JSON library the library knows (Boost.JSON's value, object or array, once
  /// <leadfeeder/boost_json.hpp> is included).
  template <class Json, class = std::enable_if_t<detail::json_adapter<std::decay_t<Json>>::enabled>>
  json_fragment(Json const& json)
      : data_(detail::json_adapter<std::decay_t<Json>>::make(json)) {}  // NOLINT: implicit by design

  /// False for a default-made fragment.
  bool empty() const noexcept { return !data_.set; }
  bool is_object() const noexcept { return data_.is_object; }
  /// The value as JSON text.
  std::string_view text() const noexcept { return data_.text; }
  /// An object's members, key and JSON text each.
  std::vector<std::pair<std::string, std::string>> const& members() const noexcept { return data_.members; }
  /// Levels of nested containers (0 for a scalar).
  unsigned depth() const noexcept { return data_.depth; }
  /// Why the value cannot be sent (text that is not UTF-8, a NaN or an infinity), or nullptr.
  char const* problem() const noexcept { return data_.problem; }

 private:
  detail::fragment_data data_;
};

LEADFEEDER_END_NAMESPACE
