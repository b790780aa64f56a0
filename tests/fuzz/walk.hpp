// SPDX-License-Identifier: MIT
// Reading everything a decoded response offers, for the corpus test and the fuzz harnesses: every
// byte of every string, every number, every element of every list and map, every json_view all
// the way down. What is read is folded into a checksum, so that nothing can be optimised away and
// the sanitizers see every access. walk_views.hpp (generated) adds one walk() per view.
#pragma once

#include <leadfeeder/leadfeeder.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <string_view>
#include <type_traits>
#include <utility>

namespace leadfeeder_fuzz {

namespace lf = ::leadfeeder;

/// What a walk read, folded into 64 bits (FNV-1a), and how much.
class checksum {
 public:
  void add(std::string_view s) noexcept {
    mix(s.size());
    for (char c : s) byte(static_cast<unsigned char>(c));
    ++strings_;
    bytes_ += s.size();
  }
  void add(bool b) noexcept { byte(b ? 0xB1 : 0xB0); }
  void add(std::int64_t i) noexcept { mix(static_cast<std::uint64_t>(i)); }
  void add(std::size_t n) noexcept { mix(static_cast<std::uint64_t>(n)); }
  void add(double d) noexcept {
    std::uint64_t bits = 0;
    static_assert(sizeof bits == sizeof d, "double is not 64 bits");
    std::memcpy(&bits, &d, sizeof bits);
    mix(bits);
  }

  /// False past a nesting no document can reach (the parser stops at LEADFEEDER_MAX_JSON_DEPTH);
  /// counts the views and values entered.
  bool enter(int depth) noexcept {
    ++nodes_;
    if (depth > max_depth_) max_depth_ = depth;
    return depth <= 4 * LEADFEEDER_MAX_JSON_DEPTH + 16;
  }

  /// Whether object views walk their json() too: off where the same values are read many times
  /// over (walk_as_every_view), which would otherwise cost far more than it finds.
  bool json_of_views() const noexcept { return json_of_views_; }
  void set_json_of_views(bool on) noexcept { json_of_views_ = on; }

  std::uint64_t value() const noexcept { return h_; }
  std::size_t nodes() const noexcept { return nodes_; }
  std::size_t strings() const noexcept { return strings_; }
  std::size_t bytes() const noexcept { return bytes_; }
  int max_depth() const noexcept { return max_depth_; }

 private:
  void byte(unsigned char b) noexcept {
    h_ ^= b;
    h_ *= 0x100000001B3ull;
  }
  void mix(std::uint64_t v) noexcept {
    for (int i = 0; i < 8; ++i) byte(static_cast<unsigned char>(v >> (8 * i)));
  }

  std::uint64_t h_ = 0xCBF29CE484222325ull;
  std::size_t nodes_ = 0;
  std::size_t strings_ = 0;
  std::size_t bytes_ = 0;
  int max_depth_ = 0;
  bool json_of_views_ = true;
};

template <class T, class = void>
struct has_exists : std::false_type {};
template <class T>
struct has_exists<T, std::void_t<decltype(std::declval<T const&>().exists())>> : std::true_type {};

/// A shallow read of a view reached a second way (by index, by key, from the back): walking it
/// again in full would make nested lists cost exponential time.
template <class View>
void touch(checksum& sum, View const& v) {
  if constexpr (has_exists<View>::value) {
    sum.add(v.exists());
  } else {
    sum.add(v.size());
  }
}

/// Any JSON value, through json_view's own accessors: every member by key (and a missing key),
/// every element by index (and one past the end), every scalar read as every type.
inline void walk(checksum& sum, lf::json_view j, int depth) {
  if (!sum.enter(depth)) return;
  sum.add(j.exists());
  sum.add(j.is_null());
  sum.add(j.is_string());
  sum.add(j.is_integer());
  sum.add(j.is_number());
  sum.add(j.is_bool());
  sum.add(j.is_object());
  sum.add(j.is_array());
  sum.add(j.as_string());
  sum.add(j.as_integer());
  sum.add(j.as_number());
  sum.add(j.as_bool());
  std::size_t const n = j.size();
  sum.add(n);
  if (j.is_object()) {
    for (lf::map_entry<lf::json_view> const member : lf::map_view<lf::json_view>(j.raw())) {
      sum.add(member.key);
      walk(sum, member.value, depth + 1);
      sum.add(j[member.key].exists());  // the lookup by key finds a value too (the first, when keys repeat)
    }
    sum.add(j["\x01 no such key"].exists());
    sum.add(j[std::size_t{0}].exists());  // an index into an object
  } else if (j.is_array()) {
    for (lf::json_view const element : lf::array_view<lf::json_view>(j.raw())) walk(sum, element, depth + 1);
    for (std::size_t i = 0; i < n && i < 8; ++i) sum.add(j[i].is_null());  // indexing reaches the same elements
    sum.add(j[n].exists());
    sum.add(j[static_cast<std::size_t>(-1)].exists());
    sum.add(j["key"].exists());  // a key into an array
  } else {
    sum.add(j[std::size_t{0}].exists());
    sum.add(j["key"].exists());
  }
}

/// object_base: presence and the whole object as JSON.
template <class View>
void walk_object_base(checksum& sum, View const& v, int depth) {
  sum.add(v.exists());
  if (sum.json_of_views()) {
    walk(sum, v.json(), depth + 1);
  } else {
    touch(sum, v.json());
  }
}

/// resource_base: id, type, the raw attributes, then object_base.
template <class View>
void walk_resource_base(checksum& sum, View const& v, int depth) {
  walk_object_base(sum, v, depth);
  sum.add(v.id());
  sum.add(v.has_id());
  sum.add(v.type());
  sum.add(v.has_type());
  if (sum.json_of_views()) {
    walk(sum, v.attributes(), depth + 1);
  } else {
    touch(sum, v.attributes());
  }
}

/// Walks what an accessor returned when its view exists, else only touches it.
template <class Value>
void descend(checksum& sum, bool here, Value const& value, int depth) {
  if (here) {
    walk(sum, value, depth);
  } else {
    touch(sum, value);
  }
}

/// A list of views: by iterator (forwards, backwards, random access), by index, one past the end.
template <class View>
void walk(checksum& sum, lf::array_view<View> const& list, int depth) {
  if (!sum.enter(depth)) return;
  std::size_t const n = list.size();
  sum.add(n);
  sum.add(list.empty());
  std::size_t counted = 0;
  for (View element : list) {
    walk(sum, element, depth + 1);
    ++counted;
  }
  sum.add(counted);
  if (n != 0) {
    sum.add(static_cast<std::size_t>(std::distance(list.begin(), list.end())));
    touch(sum, list[n - 1]);
  }
  touch(sum, list.front());
  walk(sum, list[n], depth + 1);                             // an empty view, walked in full
  walk(sum, list[static_cast<std::size_t>(-1)], depth + 1);  // likewise
}

/// A list of strings: every element, one past the end.
inline void walk(checksum& sum, lf::string_array_view const& list, int depth) {
  if (!sum.enter(depth)) return;
  std::size_t const n = list.size();
  sum.add(n);
  sum.add(list.empty());
  std::size_t counted = 0;
  for (std::string_view s : list) {
    sum.add(s);
    ++counted;
  }
  sum.add(counted);
  sum.add(static_cast<std::size_t>(std::distance(list.begin(), list.end())));
  for (std::size_t i = 0; i < n && i < 64; ++i) sum.add(list[i]);
  sum.add(list[n]);
}

/// A map: every entry by iteration and again by key, and a missing key.
template <class View>
void walk(checksum& sum, lf::map_view<View> const& map, int depth) {
  if (!sum.enter(depth)) return;
  sum.add(map.size());
  sum.add(map.empty());
  std::size_t counted = 0;
  for (lf::map_entry<View> entry : map) {
    sum.add(entry.key);
    walk(sum, entry.value, depth + 1);
    sum.add(map.contains(entry.key));
    touch(sum, map[entry.key]);
    ++counted;
  }
  sum.add(counted);
  sum.add(map.contains("\x01 no such key"));
  walk(sum, map["\x01 no such key"], depth + 1);
}

}  // namespace leadfeeder_fuzz

#include "walk_views.hpp"

namespace leadfeeder_fuzz {

/// A successful response: status, body, requested id, the whole document, meta, and data as the
/// operation's view.
template <class Data>
void walk(checksum& sum, lf::response<Data> const& r) {
  sum.add(static_cast<std::int64_t>(r.status()));
  sum.add(r.body());
  sum.add(r.requested_id());
  sum.add(r.id_changed());
  walk(sum, r.json(), 0);
  walk(sum, r.meta(), 0);
  walk(sum, r.data(), 0);
}

/// A failed call: everything the error carries.
inline void walk(checksum& sum, lf::error const& e) {
  sum.add(static_cast<std::int64_t>(e.code.value()));
  sum.add(std::string_view(e.code.category().name()));
  sum.add(static_cast<std::int64_t>(e.http_status));
  sum.add(std::string_view(e.api_code));
  sum.add(std::string_view(e.message));
  sum.add(std::string_view(e.request_id));
  sum.add(e.retry_after.has_value());
  if (e.retry_after) sum.add(static_cast<std::int64_t>(e.retry_after->count()));
  sum.add(e.retry_in.has_value());
  if (e.retry_in) sum.add(static_cast<std::int64_t>(e.retry_in->count()));
  sum.add(std::string_view(lf::to_string(e)));
}

}  // namespace leadfeeder_fuzz
