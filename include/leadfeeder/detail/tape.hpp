// SPDX-License-Identifier: MIT
// leadfeeder-cpp: the tape, a flat index over a response body. One 16-byte node per JSON value
// and per object key, in document order. Views are pointers to nodes; nothing here needs Boost.
//
//   object  [OBJ][KEY][value...][KEY][value...]     array  [ARR][value...][value...]
//
// - `skip` is the number of nodes from a node to the one after its whole subtree (1 for a
//   scalar or a key), so stepping over a value is `p += p->skip` whatever it holds.
// - Strings and keys: `word` is the address of their characters, `head >> 4` their length. A
//   string without escapes points into the body; one with escapes into the document's side area.
// - Numbers: `word` holds the int64, the uint64 (only above INT64_MAX) or the bits of the double.
//   An integer that is the value of an `id` member is a string node instead, of its digits in
//   the body: every id reads as text.
// - Containers: `word` is the number of elements (members of an object).
// - A link (only ever made from a relationship stub when a response side-loads `included`
//   resources) stands for the node `word` points to; its own subtree is skipped as before.
#pragma once

#include <leadfeeder/config.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>

LEADFEEDER_BEGIN_NAMESPACE
namespace detail {

enum class node_kind : std::uint32_t {
  null = 0,
  false_ = 1,
  true_ = 2,
  int64 = 3,
  uint64 = 4,
  double_ = 5,
  string = 6,
  key = 7,
  array = 8,
  object = 9,
  link = 10,
};

/// The longest string or key a tape holds (its length has 28 bits): 256 MiB - 1.
inline constexpr std::size_t max_tape_string = (std::size_t{1} << 28) - 1;

struct json_node {
  std::uint32_t head;  // kind | length << 4
  std::uint32_t skip;  // nodes to the one after this node's subtree
  std::uint64_t word;  // characters, element count, double bits or link target

  node_kind kind() const noexcept { return static_cast<node_kind>(head & 15u); }
  std::size_t length() const noexcept { return head >> 4; }
  char const* chars() const noexcept { return reinterpret_cast<char const*>(static_cast<std::uintptr_t>(word)); }
  std::string_view text() const noexcept { return {chars(), length()}; }
  json_node const* target() const noexcept {
    return reinterpret_cast<json_node const*>(static_cast<std::uintptr_t>(word));
  }
  json_node const* next() const noexcept { return this + skip; }
  json_node const* end() const noexcept { return this + skip; }
};
static_assert(sizeof(json_node) == 16, "a tape node is 16 bytes");

constexpr std::uint32_t node_head(node_kind k, std::size_t length = 0) noexcept {
  return static_cast<std::uint32_t>(k) | static_cast<std::uint32_t>(length << 4);
}

/// What a node stands for: the target of a link, else the node itself.
inline json_node const* resolve(json_node const* p) noexcept {
  return p != nullptr && p->kind() == node_kind::link ? p->target() : p;
}

// The member scan behind find_member. `Length` is std::size_t, or a std::integral_constant when
// the key is a literal: then the length test and the comparison are folded into a few instructions
// per key (the generated views look every member up by a literal).
template <class Length>
inline json_node const* scan_members(json_node const* p, char const* key, Length length) noexcept {
  if (p == nullptr || p->kind() != node_kind::object || length > max_tape_string) return nullptr;
  std::uint32_t const wanted = node_head(node_kind::key, length);
  json_node const* const end = p->end();
  for (json_node const* k = p + 1; k < end;) {
    json_node const* const value = k + 1;
    if (k->head == wanted && (length == 0 || std::memcmp(k->chars(), key, length) == 0)) return resolve(value);
    k = value->next();
  }
  return nullptr;
}

/// The value of member `key` of an object (first match wins when a key repeats), or nullptr when
/// p is not an object or has no such member. A null member is returned as it is.
inline json_node const* find_member(json_node const* p, std::string_view key) noexcept {
  return scan_members(p, key.data(), key.size());
}

/// The same for a string literal (its length is a constant; N counts the terminating NUL).
template <std::size_t N>
inline json_node const* find_member(json_node const* p, char const (&key)[N]) noexcept {
  return scan_members(p, key, std::integral_constant<std::size_t, N - 1>{});
}

/// Element i of an array (nullptr when out of range or not an array). Linear in i.
inline json_node const* element_at(json_node const* p, std::size_t i) noexcept {
  if (p == nullptr || p->kind() != node_kind::array || i >= p->word) return nullptr;
  json_node const* e = p + 1;
  while (i-- > 0) e = e->next();
  return resolve(e);
}

}  // namespace detail
LEADFEEDER_END_NAMESPACE
