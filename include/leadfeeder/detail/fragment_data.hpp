// SPDX-License-Identifier: MIT
// leadfeeder-cpp: what an lf::json_fragment holds, and the adapter a JSON library
// implements to make one (leadfeeder/boost_json.hpp does for Boost.JSON).
#pragma once

#include <leadfeeder/config.hpp>

#include <string>
#include <utility>
#include <vector>

LEADFEEDER_BEGIN_NAMESPACE
namespace detail {

// What a fragment holds: its text, and for an object the text of each member, to be merged.
struct fragment_data {
  bool set = false;
  bool is_object = false;
  std::string text;
  std::vector<std::pair<std::string, std::string>> members;
  unsigned depth = 0;             // nesting of containers: 0 for a scalar, 1 for a flat array or object
  char const* problem = nullptr;  // why it cannot go on the wire (invalid UTF-8, NaN), or nullptr
};

// Turns a JSON value of some library into fragment_data; leadfeeder/boost_json.hpp enables it for
// Boost.JSON's types.
template <class T>
struct json_adapter {
  static constexpr bool enabled = false;
};

}  // namespace detail

LEADFEEDER_END_NAMESPACE
