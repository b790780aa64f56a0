// SPDX-License-Identifier: MIT
// leadfeeder-cpp: the tape, a flat index over a response body: an array of 64-bit words, one
// node per JSON value and per object key, in document order. Views are pointers to nodes;
// nothing here needs Boost.
//
//   object  [OBJ ·][KEY][value...][KEY][value...]     array  [ARR ·][value...][value...]
//
// - A value takes two words: the head (kind in bits 0-3, length in bits 4-31, skip in bits
//   32-63) and its payload. `skip` is the number of words from a value to the one after its
//   whole subtree, so stepping over a value is `p += skip` whatever it holds.
// - A key takes one word (a short key): kind, length in bits 4-15 and the address of its
//   characters in bits 16-63. A key that does not fit (longer than 4095 bytes, an address above
//   2^48, or characters in the side area) is a long key, two words like a string.
// - Strings (and long keys): the payload is the address of their characters. A string without
//   escapes points into the body; one with escapes into the document's side area.
// - Numbers: the payload holds the int64, the uint64 (only above INT64_MAX) or the bits of the
//   double. An integer that is the value of an `id` member is a string node instead, of its
//   digits in the body: every id reads as text.
// - Containers: the payload is the number of elements (members of an object). An object that
//   holds a long key says so in bit 4 of its head (`has_long_keys`), so that a lookup in any
//   other object steps from key to key without asking each key's form.
// - A link (only ever made from a relationship stub when a response side-loads `included`
//   resources) stands for the node its payload points to; its own subtree is skipped as before.
//
// Keys take half a value's room because they are a third to a half of an API answer's nodes.
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
  key = 7,  // a long key (two words)
  array = 8,
  object = 9,
  link = 10,
  short_key = 11,  // a key in one word
};

/// The longest string or key a tape holds (its length has 28 bits): 256 MiB - 1.
inline constexpr std::size_t max_tape_string = (std::size_t{1} << 28) - 1;
/// The longest key a short key holds, and the addresses it can hold (below 2^48).
inline constexpr std::size_t max_short_key = (std::size_t{1} << 12) - 1;
inline constexpr int short_key_address_shift = 16;
/// In an object's head: some of its keys are long keys.
inline constexpr std::uint64_t has_long_keys = std::uint64_t{1} << 4;

struct json_node {
  std::uint64_t bits;  // the head of a value or a key; the word after a value's head is its payload

  node_kind kind() const noexcept { return static_cast<node_kind>(bits & 15u); }
  bool is_short_key() const noexcept { return kind() == node_kind::short_key; }
  /// The length of a string or a key.
  std::size_t length() const noexcept {
    return is_short_key() ? static_cast<std::size_t>((bits >> 4) & max_short_key)
                          : static_cast<std::size_t>(static_cast<std::uint32_t>(bits) >> 4);
  }
  /// The payload of a value (or a long key): characters, element count, number bits, link target.
  std::uint64_t word() const noexcept { return (this + 1)->bits; }
  char const* chars() const noexcept {
    std::uint64_t const at = is_short_key() ? bits >> short_key_address_shift : word();
    return reinterpret_cast<char const*>(static_cast<std::uintptr_t>(at));
  }
  std::string_view text() const noexcept { return {chars(), length()}; }
  json_node const* target() const noexcept {
    return reinterpret_cast<json_node const*>(static_cast<std::uintptr_t>(word()));
  }
  /// Words from a value to the one after its subtree.
  std::size_t skip() const noexcept { return static_cast<std::size_t>(bits >> 32); }
  /// The node after a value's subtree (not for keys: see value_of_key).
  json_node const* next() const noexcept { return this + skip(); }
  json_node const* end() const noexcept { return this + skip(); }
  /// The first element or key of a container.
  json_node const* first_child() const noexcept { return this + 2; }
};
static_assert(sizeof(json_node) == 8, "a tape word is 8 bytes");

/// The head word of a value (or a long key) of `skip` words.
constexpr std::uint64_t node_head(node_kind k, std::size_t length = 0, std::size_t skip = 2) noexcept {
  return static_cast<std::uint64_t>(k) | static_cast<std::uint64_t>(length) << 4 |
         static_cast<std::uint64_t>(skip) << 32;
}
/// The low 16 bits of a short key of `length` characters (more than 16 bits when it cannot be one).
constexpr std::uint64_t short_key_head(std::size_t length) noexcept {
  return static_cast<std::uint64_t>(node_kind::short_key) | static_cast<std::uint64_t>(length) << 4;
}

/// The value of the key at k.
inline json_node const* value_of_key(json_node const* k) noexcept { return k + (k->is_short_key() ? 1 : 2); }

/// What a node stands for: the target of a link, else the node itself.
inline json_node const* resolve(json_node const* p) noexcept {
  return p != nullptr && p->kind() == node_kind::link ? p->target() : p;
}

// The member scan of an object that holds long keys (see has_long_keys): each key says its form.
inline json_node const* scan_mixed_members(json_node const* p, char const* key, std::size_t length) noexcept {
  for (json_node const* k = p->first_child(); k < p->end();) {
    json_node const* const value = value_of_key(k);
    if (k->length() == length && (length == 0 || std::memcmp(k->chars(), key, length) == 0)) return resolve(value);
    k = value->next();
  }
  return nullptr;
}

// The member scan behind find_member. `Length` is std::size_t, or a std::integral_constant when
// the key is a literal: then the length test and the comparison are folded into a few instructions
// per key (the generated views look every member up by a literal).
template <class Length>
LEADFEEDER_ALWAYS_INLINE json_node const* scan_members(json_node const* p, char const* key, Length length) noexcept {
  if (p == nullptr || p->kind() != node_kind::object || length > max_tape_string) return nullptr;
  if ((p->bits & has_long_keys) != 0) return scan_mixed_members(p, key, length);
  // Every key is a short key: its value is the next word.
  std::uint64_t const wanted = short_key_head(length);
  json_node const* const end = p->end();
  for (json_node const* k = p->first_child(); k < end;) {
    std::uint64_t const b = k->bits;
    json_node const* const value = k + 1;
    if ((b & 0xffffu) == wanted &&
        (length == 0 ||
         std::memcmp(reinterpret_cast<char const*>(static_cast<std::uintptr_t>(b >> short_key_address_shift)), key,
                     length) == 0)) {
      return resolve(value);
    }
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
LEADFEEDER_ALWAYS_INLINE json_node const* find_member(json_node const* p, char const (&key)[N]) noexcept {
  return scan_members(p, key, std::integral_constant<std::size_t, N - 1>{});
}

/// Element i of an array (nullptr when out of range or not an array). Linear in i.
inline json_node const* element_at(json_node const* p, std::size_t i) noexcept {
  if (p == nullptr || p->kind() != node_kind::array || i >= p->word()) return nullptr;
  json_node const* e = p->first_child();
  while (i-- > 0) e = e->next();
  return resolve(e);
}

}  // namespace detail
LEADFEEDER_END_NAMESPACE
