// SPDX-License-Identifier: MIT
// leadfeeder-cpp: the implementation of document::parse: a boost::json::basic_parser handler that
// writes the tape (detail/tape.hpp), and the side-loading pass. Compiled in the one translation
// unit that defines LEADFEEDER_IMPLEMENTATION (or LEADFEEDER_BOOST_JSON_IMPL), or inline in every
// unit with LEADFEEDER_HEADER_ONLY; leadfeeder.hpp includes it then.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/access.hpp>
#include <leadfeeder/detail/tape.hpp>
#include <leadfeeder/document.hpp>

#include <boost/json/basic_parser_impl.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <string_view>

LEADFEEDER_BEGIN_NAMESPACE
namespace detail {

// Writes nodes upward from the start of one block and strings with escapes (their unescaped
// text) downward from its end. Each side string is a record [u32 word index][characters], padded
// to 4 bytes, whose node (a string or a long key) points at its characters (fix_up redirects them
// if the block grew). A heap block grows when the two ends meet; a lent block cannot, and the
// parse fails.
class tape_writer {
 public:
  enum class failure { none, no_memory, too_large };

  tape_writer(std::string_view body, unsigned char* block, std::size_t size, bool owned) noexcept
      : body_(reinterpret_cast<std::uintptr_t>(body.data())),
        body_size_(body.size()),
        fast_size_(body.size()),
        block_(block),
        size_(size),
        side_low_(size),
        owned_(owned) {
    cur_ = nodes();
    set_limit();
    // A key in the body has an address below 2^48 when the body's end has one (then only its
    // length decides whether it is a short key).
    std::uint64_t const body_end = static_cast<std::uint64_t>(body_) + body_size_;
    short_key_limit_ = (body_end >> (64 - short_key_address_shift)) == 0 ? max_short_key + 1 : 0;
  }
  tape_writer(tape_writer const&) = delete;
  tape_writer& operator=(tape_writer const&) = delete;
  ~tape_writer() {
    if (owned_ && block_ != nullptr) ::operator delete(block_);
  }

  // Hands the block over (the document owns it from then on).
  unsigned char* release(std::size_t& size) noexcept {
    size = size_;
    owned_ = false;
    return block_;
  }
  json_node* nodes() const noexcept { return reinterpret_cast<json_node*>(block_); }
  // Words written so far.
  std::size_t count() const noexcept { return static_cast<std::size_t>(cur_ - nodes()); }
  // Nodes of a finished tape: every node takes two words but a short key, which takes one.
  std::size_t node_count() const noexcept { return (count() + keys_ - long_keys_) / 2; }
  failure failed() const noexcept { return failure_; }

  // ---- containers
  BOOST_FORCEINLINE bool open(node_kind k) noexcept {
    if (depth_ >= max_depth) return fail(failure::too_large);
    if (BOOST_UNLIKELY(cur_ >= limit_) && !grow_by(0)) return false;
    json_node* const n = cur_;
    open_[depth_++] = n;
    n->bits = node_head(k, 0, 0);
    cur_ = n + 2;
    return true;
  }
  BOOST_FORCEINLINE bool close_object(std::size_t members) noexcept {
    keys_ += members;
    return close(members);
  }
  BOOST_FORCEINLINE bool close(std::size_t elements) noexcept {
    json_node* const n = open_[--depth_];
    n->bits |= static_cast<std::uint64_t>(cur_ - n) << 32;
    (n + 1)->bits = elements;
    return true;
  }

  // ---- scalars. The next free slot and the end of the room for nodes are pointers, checked
  // with one comparison; each word is written straight into its slot (a node built elsewhere
  // and copied in costs a store-forwarding stall per node).
  BOOST_FORCEINLINE bool scalar(node_kind k, std::uint64_t word) noexcept {
    if (BOOST_UNLIKELY(cur_ >= limit_) && !grow_by(0)) return false;
    json_node* const n = cur_;
    n->bits = node_head(k);
    (n + 1)->bits = word;
    cur_ = n + 2;
    return true;
  }
  BOOST_FORCEINLINE bool integer(node_kind k, std::uint64_t word, std::string_view text) noexcept {
    // The value of an `id` member is kept as the string of its digits: every id reads as text.
    // The last key written is this value's key when nothing was written since.
    if (BOOST_UNLIKELY(key_at_ != nullptr && value_of_key(key_at_) == cur_ && key_at_->length() == 2 &&
                       key_at_->chars()[0] == 'i' && key_at_->chars()[1] == 'd')) {
      return string(node_kind::string, text);
    }
    return scalar(k, word);
  }

  // ---- strings and keys: `part` for each piece but the last, `string` or `key` for the last.
  BOOST_FORCEINLINE bool part(std::string_view s) noexcept {
    // The first piece of a string with escapes is usually the run of the body before its first
    // escape: it is only remembered (where it starts, how long it is).
    if (BOOST_LIKELY(!pending() && in_body(s))) {
      set_pending(true);
      run_ = s.data();
      run_len_ = s.size();
      return true;
    }
    return part_slow(s);
  }
  BOOST_NOINLINE bool part_slow(std::string_view s) noexcept {
    if (s.empty() && pending()) return true;
    if (!pending()) {
      set_pending(true);
      run_len_ = 0;
      in_side_ = true;
      return append_scratch(s);
    }
    if (!in_side_ && in_body(s) && s.data() == run_ + run_len_) {
      run_len_ += s.size();
      return true;
    }
    if (!in_side_) {
      in_side_ = true;
      std::string_view const run(run_, run_len_);
      run_len_ = 0;
      if (!append_scratch(run)) return false;
    }
    return append_scratch(s);
  }

  BOOST_FORCEINLINE bool string(node_kind k, std::string_view s) noexcept {
    if (BOOST_LIKELY(in_body_and_not_pending(s))) {
      if (BOOST_UNLIKELY(cur_ >= limit_) && !grow_by(0)) return false;
      json_node* const n = cur_;
      n->bits = node_head(k, s.size());
      (n + 1)->bits = reinterpret_cast<std::uintptr_t>(s.data());
      cur_ = n + 2;
      return true;
    }
    return string_slow(k, s);
  }
  // A key in the body whose address fits takes one word; any other is a long key.
  BOOST_FORCEINLINE bool key(std::string_view s) noexcept {
    if (BOOST_LIKELY(in_body_and_not_pending(s))) {
      if (BOOST_UNLIKELY(cur_ >= limit_) && !grow_by(0)) return false;
      json_node* const n = cur_;
      key_at_ = n;
      std::uint64_t const at = reinterpret_cast<std::uintptr_t>(s.data());
      if (BOOST_LIKELY(s.size() < short_key_limit_)) {
        n->bits = short_key_head(s.size()) | at << short_key_address_shift;
        cur_ = n + 1;
        return true;
      }
      return long_key(s);
    }
    return string_slow(node_kind::key, s);
  }
  BOOST_NOINLINE bool long_key(std::string_view s) noexcept {
    json_node* const n = take_node(node_kind::key);
    n->bits = node_head(node_kind::key, s.size());
    (n + 1)->bits = reinterpret_cast<std::uintptr_t>(s.data());
    return true;
  }

  // After a successful parse: when the block moved (it grew), gives every side string its new
  // address. (Each string got its address when it was written; walking the records touches one
  // node per side string, scattered over the tape, so it is done only when needed.)
  void fix_up() noexcept {
    if (!moved_) return;
    for (std::size_t at = side_low_; at < size_;) {
      std::uint32_t index;
      std::memcpy(&index, block_ + at, sizeof index);
      json_node* const n = nodes() + index;
      (n + 1)->bits = reinterpret_cast<std::uintptr_t>(block_ + at + sizeof index);
      at += record_size(n->length());
    }
    moved_ = false;
  }

  // The free bytes between the nodes and the side strings, aligned for T; grows a heap block
  // when asked for more.
  template <class T>
  T* scratch(std::size_t n) noexcept {
    std::size_t const bytes = n * sizeof(T) + alignof(T);
    if (!room(bytes)) return nullptr;
    std::size_t const offset = (count() * sizeof(json_node) + alignof(T) - 1) / alignof(T) * alignof(T);
    return reinterpret_cast<T*>(block_ + offset);
  }

 private:
  static constexpr std::size_t max_depth = LEADFEEDER_MAX_JSON_DEPTH + 1;
  // The words of the largest node (a value); the text being gathered waits above that many.
  static constexpr std::size_t node_words = 2;

  static std::size_t record_size(std::size_t length) noexcept { return (sizeof(std::uint32_t) + length + 3) / 4 * 4; }

  // A node may be written below limit_: its two words stay under the side records.
  void set_limit() noexcept {
    std::size_t const words = side_low_ / sizeof(json_node);
    limit_ = words >= node_words ? nodes() + (words - (node_words - 1)) : nodes();
  }

  // The fast paths' test, one comparison: no string is being gathered and s is in the body. The
  // parser hands over a string either in the body or in its own buffer, so where it starts says
  // which; while a string is gathered, fast_size_ is 0 and the test fails. (A writer is made for
  // a body that is not blank, so body_size_ is never 0 and fast_size_ alone says whether a
  // string is being gathered.)
  bool in_body_and_not_pending(std::string_view s) const noexcept {
    return reinterpret_cast<std::uintptr_t>(s.data()) - body_ < fast_size_;
  }
  bool pending() const noexcept { return fast_size_ == 0; }
  void set_pending(bool pending) noexcept { fast_size_ = pending ? 0 : body_size_; }
  bool in_body(std::string_view s) const noexcept {
    std::uintptr_t const at = reinterpret_cast<std::uintptr_t>(s.data()) - body_;
    return at <= body_size_ && s.size() <= body_size_ - at;
  }

  bool fail(failure f) noexcept {
    if (failure_ == failure::none) failure_ = f;
    return false;
  }

  // Room for one more node plus `extra` bytes (and the scratch text being built).
  bool room(std::size_t extra) noexcept {
    std::size_t const used = (count() + node_words) * sizeof(json_node) + scratch_len_;
    if (used <= side_low_ && side_low_ - used >= extra) return true;
    return grow(used + extra + (size_ - side_low_));
  }
  BOOST_NOINLINE bool grow_by(std::size_t extra) noexcept { return room(extra); }

  // How far into the body the parse has come: the end of the last key, when it is in the body.
  std::size_t progress() const noexcept {
    if (key_at_ == nullptr) return 0;
    std::uintptr_t const at = reinterpret_cast<std::uintptr_t>(key_at_->chars()) - body_;
    return at <= body_size_ ? static_cast<std::size_t>(at) + key_at_->length() : 0;
  }

  bool grow(std::size_t needed) noexcept {
    if (!owned_) return fail(failure::no_memory);
    // Aim past what is needed by the share of the body still to come.
    std::size_t wanted = size_ + size_ / 2;
    std::size_t const done = progress();
    if (done != 0 && body_size_ != 0) {
      double const estimate = static_cast<double>(needed) * static_cast<double>(body_size_) /
                              static_cast<double>(done) * 1.1;
      if (estimate < static_cast<double>(SIZE_MAX / 4) && static_cast<std::size_t>(estimate) > wanted) {
        wanted = static_cast<std::size_t>(estimate);
      }
    }
    if (needed > SIZE_MAX / 2) return fail(failure::no_memory);
    if (wanted < needed + needed / 4) wanted = needed + needed / 4;
    auto* const bigger = static_cast<unsigned char*>(::operator new(wanted, std::nothrow));
    if (bigger == nullptr) return fail(failure::no_memory);
    // The nodes, the text being gathered above them (if any) and the side records move.
    std::size_t const top = count();
    std::size_t const low = scratch_len_ != 0 ? (top + node_words) * sizeof(json_node) + scratch_len_
                                              : top * sizeof(json_node);
    std::size_t const side = size_ - side_low_;
    if (low != 0) std::memcpy(bigger, block_, low);
    if (side != 0) std::memcpy(bigger + wanted - side, block_ + side_low_, side);
    std::size_t const key_index = key_at_ != nullptr ? static_cast<std::size_t>(key_at_ - nodes()) : 0;
    for (std::size_t i = 0; i < depth_; ++i) open_[i] = reinterpret_cast<json_node*>(bigger) + (open_[i] - nodes());
    ::operator delete(block_);
    block_ = bigger;
    size_ = wanted;
    side_low_ = wanted - side;
    cur_ = nodes() + top;
    if (key_at_ != nullptr) key_at_ = nodes() + key_index;
    set_limit();
    moved_ = true;
    return true;
  }

  bool append_scratch(std::string_view s) noexcept {
    if (s.size() > max_tape_string - scratch_len_) return fail(failure::too_large);
    if (!room(s.size())) return false;
    if (!s.empty()) {
      std::memcpy(block_ + (count() + node_words) * sizeof(json_node) + scratch_len_, s.data(), s.size());
    }
    scratch_len_ += s.size();
    return true;
  }

  BOOST_NOINLINE bool string_slow(node_kind k, std::string_view s) noexcept {
    // The usual shape of a string with escapes: at most one run of the body before the first
    // escape, then the rest, unescaped, in one piece from the parser's buffer. Both pieces go
    // straight into the string's side record (other shapes are gathered first, below).
    if (!in_side_ && !s.empty() && !in_body(s)) return side_string(k, pending() ? run_len_ : 0, s);
    if (!part(s)) return false;
    set_pending(false);
    if (!in_side_) {
      // A string of pieces that follow each other in the body (a key then is a long key).
      if (!room(0)) return false;
      json_node* const n = take_node(k);
      n->bits = node_head(k, run_len_);
      (n + 1)->bits = reinterpret_cast<std::uintptr_t>(run_);
      return true;
    }
    in_side_ = false;
    std::size_t const length = scratch_len_;
    unsigned char* const chars = side_record(k, length);
    if (chars == nullptr) return false;
    // The text was gathered just above the slot the node now takes; it moves into the record.
    std::memmove(chars, block_ + count() * sizeof(json_node), length);
    scratch_len_ = 0;
    return true;
  }

  // The next two-word node, for a string or a long key (remembered as the last key).
  json_node* take_node(node_kind k) noexcept {
    json_node* const n = cur_;
    cur_ = n + node_words;
    if (k == node_kind::key) {
      key_at_ = n;
      ++long_keys_;
      mark_long_key();
    }
    return n;
  }

  // The object being written holds a long key (a key is always inside an object).
  void mark_long_key() noexcept {
    if (depth_ != 0) open_[depth_ - 1]->bits |= has_long_keys;
  }

  // The side record of `head` characters of the pending run of the body followed by `rest`.
  bool side_string(node_kind k, std::size_t head, std::string_view rest) noexcept {
    set_pending(false);
    if (rest.size() > max_tape_string - head) return fail(failure::too_large);
    unsigned char* const chars = side_record(k, head + rest.size());
    if (chars == nullptr) return false;
    if (head != 0) std::memcpy(chars, run_, head);
    std::memcpy(chars + head, rest.data(), rest.size());
    return true;
  }

  // Takes a side record for `length` characters and the next node for the string (or long key)
  // that has them; returns where its characters go (nullptr when there is no room). Growing the
  // block first keeps any text being gathered above the nodes, which stays where it is relative
  // to them.
  unsigned char* side_record(node_kind k, std::size_t length) noexcept {
    std::size_t const record = record_size(length);
    if (!room(record)) return nullptr;
    side_low_ -= record;
    unsigned char* const at = block_ + side_low_;
    std::uint32_t const index = static_cast<std::uint32_t>(count());
    std::memcpy(at, &index, sizeof index);
    set_limit();
    json_node* const n = take_node(k);
    n->bits = node_head(k, length);
    (n + 1)->bits = reinterpret_cast<std::uintptr_t>(at + sizeof index);  // fix_up moves it if the block does
    return at + sizeof index;
  }

  json_node* cur_ = nullptr;     // the next free slot
  json_node* limit_ = nullptr;   // nodes fit below it
  json_node* key_at_ = nullptr;  // the last key written
  std::uintptr_t body_;
  std::size_t body_size_;
  std::size_t fast_size_;  // body_size_, or 0 while a string is being gathered (pending())
  unsigned char* block_;
  std::size_t size_;
  std::size_t side_low_;  // the side records fill [side_low_, size_)
  bool owned_;
  failure failure_ = failure::none;
  std::size_t depth_ = 0;
  std::size_t short_key_limit_ = 0;  // keys of the body shorter than this are short keys
  std::size_t keys_ = 0;             // the members of the objects closed so far
  std::size_t long_keys_ = 0;
  // The string being gathered (pending()): a run of the body, or (in_side_) scratch text above
  // the nodes.
  bool in_side_ = false;
  bool moved_ = false;  // the block grew since side strings were given addresses
  char const* run_ = nullptr;
  std::size_t run_len_ = 0;
  std::size_t scratch_len_ = 0;
  json_node* open_[max_depth] = {};  // the heads of the containers being written
};

// The handler boost::json::basic_parser calls; every event becomes nodes. The parser holds it,
// and so the writer, by value: each event reaches the writer's fields without a further load.
struct tape_handler : tape_writer {
  static constexpr std::size_t max_object_size = std::size_t{1} << 30;
  static constexpr std::size_t max_array_size = std::size_t{1} << 30;
  static constexpr std::size_t max_key_size = max_tape_string;
  static constexpr std::size_t max_string_size = max_tape_string;

  using error_code = boost::json::error_code;
  using string_view = boost::json::string_view;

  using tape_writer::tape_writer;
  static std::string_view sv(string_view s) noexcept { return {s.data(), s.size()}; }
  static bool refuse(bool ok, error_code& ec) noexcept {
    if (BOOST_UNLIKELY(!ok)) ec = boost::json::error::exception;
    return ok;
  }

  bool on_document_begin(error_code&) noexcept { return true; }
  bool on_document_end(error_code&) noexcept { return true; }
  bool on_object_begin(error_code& ec) noexcept { return refuse(open(node_kind::object), ec); }
  bool on_object_end(std::size_t n, error_code& ec) noexcept { return refuse(close_object(n), ec); }
  bool on_array_begin(error_code& ec) noexcept { return refuse(open(node_kind::array), ec); }
  bool on_array_end(std::size_t n, error_code& ec) noexcept { return refuse(close(n), ec); }
  bool on_key_part(string_view s, std::size_t, error_code& ec) noexcept { return refuse(part(sv(s)), ec); }
  BOOST_FORCEINLINE bool on_key(string_view s, std::size_t, error_code& ec) noexcept { return refuse(key(sv(s)), ec); }
  bool on_string_part(string_view s, std::size_t, error_code& ec) noexcept { return refuse(part(sv(s)), ec); }
  bool on_string(string_view s, std::size_t, error_code& ec) noexcept {
    return refuse(string(node_kind::string, sv(s)), ec);
  }
  // A one-shot parse splits a number only at the end of the body (a bare number as the whole
  // body); its text then comes in parts, which only an `id` would need, and a root has no key.
  bool on_number_part(string_view, error_code&) noexcept { return true; }
  bool on_int64(std::int64_t i, string_view s, error_code& ec) noexcept {
    return refuse(integer(node_kind::int64, static_cast<std::uint64_t>(i), sv(s)), ec);
  }
  bool on_uint64(std::uint64_t u, string_view s, error_code& ec) noexcept {
    return refuse(integer(node_kind::uint64, u, sv(s)), ec);
  }
  bool on_double(double d, string_view, error_code& ec) noexcept {
    std::uint64_t bits;
    std::memcpy(&bits, &d, sizeof bits);
    return refuse(scalar(node_kind::double_, bits), ec);
  }
  bool on_bool(bool b, error_code& ec) noexcept {
    return refuse(scalar(b ? node_kind::true_ : node_kind::false_, 0), ec);
  }
  bool on_null(error_code& ec) noexcept { return refuse(scalar(node_kind::null, 0), ec); }
  bool on_comment_part(string_view, error_code&) noexcept { return true; }
  bool on_comment(string_view, error_code&) noexcept { return true; }
};

// JSON:API side-loading (docs/api-reference.md, 1.8): the API puts related resources inline under
// `relationships`; should a response list them in a top-level `included` array instead, each stub
// {id, type} under the `relationships` of `data` becomes a link to the full resource, so views
// read both forms alike. Nothing is copied, so a hostile `included` costs no more than its own
// nodes; stubs are found through a sorted index (not a scan per stub). What a link leads to is
// not searched again.
class included_linker {
 public:
  included_linker(json_node* nodes, json_node const* included, std::uint32_t* index) noexcept
      : nodes_(nodes), index_(index) {
    for (json_node const* e = included->first_child(); e < included->end(); e = e->next()) {
      if (is_object(e) && find_member(e, "attributes") != nullptr && key_of(e).id != nullptr) {
        index_[count_++] = static_cast<std::uint32_t>(e - nodes_);
      }
    }
    sort_index();
  }

  void link_tree(json_node const* v) noexcept {
    if (is_object(v)) {
      for (json_node const* k = v->first_child(); k < v->end(); k = value_of_key(k)->next()) {
        json_node const* const value = value_of_key(k);
        if (k->text() == "relationships") {
          if (is_object(value)) {
            for (json_node const* r = value->first_child(); r < value->end(); r = value_of_key(r)->next()) {
              link_relation(value_of_key(r));
            }
          }
          continue;
        }
        link_tree(value);
      }
    } else if (is_array(v)) {
      for (json_node const* e = v->first_child(); e < v->end(); e = e->next()) link_tree(e);
    }
  }

 private:
  struct key {
    json_node const* type = nullptr;
    json_node const* id = nullptr;
  };
  // The (type, id) of a resource or a stub; empty unless both are strings.
  static key key_of(json_node const* o) noexcept {
    json_node const* const id = find_member(o, "id");
    json_node const* const type = find_member(o, "type");
    if (!is_string(id) || !is_string(type)) return {};
    return {type, id};
  }
  static bool less(key a, key b) noexcept {
    int const t = a.type->text().compare(b.type->text());
    return t != 0 ? t < 0 : a.id->text() < b.id->text();
  }
  key key_at(std::uint32_t i) const noexcept { return key_of(nodes_ + i); }
  // By (type, id), then by position, so that the first of duplicates wins.
  bool before(std::uint32_t a, std::uint32_t b) const noexcept {
    key const ka = key_at(a);
    key const kb = key_at(b);
    if (less(ka, kb)) return true;
    if (less(kb, ka)) return false;
    return a < b;
  }
  // A heap sort: in place, O(n log n), one small function.
  void sort_index() noexcept {
    auto sift_down = [this](std::size_t root, std::size_t end) {
      for (std::size_t child = 2 * root + 1; child < end; child = 2 * root + 1) {
        if (child + 1 < end && before(index_[child], index_[child + 1])) ++child;
        if (!before(index_[root], index_[child])) return;
        std::uint32_t const t = index_[root];
        index_[root] = index_[child];
        index_[child] = t;
        root = child;
      }
    };
    for (std::size_t i = count_ / 2; i-- > 0;) sift_down(i, count_);
    for (std::size_t end = count_; end > 1; --end) {
      std::uint32_t const t = index_[0];
      index_[0] = index_[end - 1];
      index_[end - 1] = t;
      sift_down(0, end - 1);
    }
  }

  void link_relation(json_node const* rel) noexcept {
    if (is_object(rel)) {
      if (find_member(rel, "id") == nullptr) {
        if (json_node const* wrapped = find_member(rel, "data")) {
          link_relation(wrapped);
          return;
        }
      }
      link_stub(rel);
    } else if (is_array(rel)) {
      for (json_node const* e = rel->first_child(); e < rel->end(); e = e->next()) link_stub(e);
    }
  }

  void link_stub(json_node const* stub) noexcept {
    if (!is_object(stub) || find_member(stub, "attributes") != nullptr) return;
    key const wanted = key_of(stub);
    if (wanted.id == nullptr) return;
    std::uint32_t const* first = index_;
    std::size_t n = count_;
    while (n > 0) {  // lower bound of `wanted`
      std::size_t const half = n / 2;
      if (less(key_at(first[half]), wanted)) {
        first += half + 1;
        n -= half + 1;
      } else {
        n = half;
      }
    }
    if (first == index_ + count_ || less(wanted, key_at(*first))) return;  // not there
    json_node* const node = nodes_ + (stub - nodes_);
    node->bits = node_head(node_kind::link, 0, node->skip());
    (node + 1)->bits = reinterpret_cast<std::uintptr_t>(nodes_ + *first);
  }

  json_node* nodes_;
  std::uint32_t* index_;
  std::size_t count_ = 0;
};

inline bool is_blank(std::string_view s) noexcept {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
  }
  return true;
}

// How many bytes a heap tape starts with: what a JSON:API answer needs (a word per 6 bytes of
// body: the benchmark's contacts take one per 6.9), plus a thirty-second of the body for strings
// with escapes. Denser bodies grow it once, to what the rest of the body suggests.
inline std::size_t first_block_size(std::size_t body) noexcept {
  return (body / 6 + 32) * sizeof(json_node) + body / 32 + 256;
}

}  // namespace detail

LEADFEEDER_IMPL_INLINE result<document> detail::core::parse(std::string&& body, memory_block lent, bool* lease) {
  if (body.size() > max_body_size) {
    return error(errc::invalid_response, "the response body (" + std::to_string(body.size()) +
                                             " bytes) is larger than the 2 GiB a document holds");
  }
  document doc;
  unsigned char* block = nullptr;
  std::size_t block_size = 0;
  if (lent.data != nullptr) {
    void* place = lent.data;
    std::size_t space = lent.size;
    if (std::align(alignof(detail::document_state), sizeof(detail::document_state), place, space) == nullptr) {
      return error(errc::buffer_exhausted, "the lent memory is smaller than a document's bookkeeping (" +
                                               std::to_string(sizeof(detail::document_state)) + " bytes)");
    }
    doc.state_ = ::new (place) detail::document_state();
    doc.owns_ = false;
    void* rest = static_cast<unsigned char*>(place) + sizeof(detail::document_state);
    std::size_t rest_size = space - sizeof(detail::document_state);
    if (std::align(alignof(detail::json_node), sizeof(detail::json_node), rest, rest_size) != nullptr) {
      block = static_cast<unsigned char*>(rest);
      block_size = rest_size;
    }
    doc.state_->owns_block = false;
  } else {
    doc.state_ = new detail::document_state();
    doc.owns_ = true;
  }
  if (lease != nullptr) {
    *lease = true;
    doc.lease_ = lease;
  }
  detail::document_state& st = *doc.state_;
  st.body = std::move(body);
  if (detail::is_blank(st.body)) return doc;

  bool const owned = lent.data == nullptr;
  if (owned) {
    block_size = detail::first_block_size(st.body.size());
    block = static_cast<unsigned char*>(::operator new(block_size, std::nothrow));
    if (block == nullptr) return error(errc::buffer_exhausted, "no memory for the response's tape");
  }
  auto too_small = [&] {
    return error(errc::buffer_exhausted, "the lent memory (" + std::to_string(lent.size) +
                                             " bytes) is too small for this response (" +
                                             std::to_string(st.body.size()) + " bytes of JSON)");
  };
  if (block == nullptr) return too_small();
  boost::json::parse_options options;
  options.max_depth = LEADFEEDER_MAX_JSON_DEPTH;
  // The parser holds the handler, and so the writer, which owns the block until released.
  boost::json::basic_parser<detail::tape_handler> parser(options, std::string_view(st.body), block, block_size, owned);
  detail::tape_writer& writer = parser.handler();
  {
    boost::json::error_code ec;
    std::size_t const used = parser.write_some(false, st.body.data(), st.body.size(), ec);
    if (!ec && used != st.body.size()) ec = boost::json::error::extra_data;
    if (ec) {
      switch (writer.failed()) {
        case detail::tape_writer::failure::no_memory:
          if (!owned) return too_small();
          return error(errc::buffer_exhausted, "no memory for the response's tape");
        case detail::tape_writer::failure::too_large:
          return error(errc::invalid_response,
                       "the response body nests deeper than " + std::to_string(LEADFEEDER_MAX_JSON_DEPTH) + " levels");
        case detail::tape_writer::failure::none: break;
      }
      if (ec == boost::json::error::string_too_large || ec == boost::json::error::key_too_large) {
        return error(errc::invalid_response, "the response body holds a string longer than 256 MiB");
      }
      if (ec == boost::json::error::too_deep) {
        return error(errc::invalid_response, "the response body is not valid JSON: nests deeper than " +
                                                 std::to_string(LEADFEEDER_MAX_JSON_DEPTH) + " levels (" +
                                                 ec.message() + ")");
      }
      return error(errc::invalid_response, "the response body is not valid JSON: " + ec.message());
    }
  }
  writer.fix_up();
  // Side-loaded resources, when the body has any: stubs under `data` become links.
  {
    detail::json_node const* nodes = writer.nodes();
    detail::json_node const* const included = detail::find_member(nodes, "included");
    detail::json_node const* const data = detail::find_member(nodes, "data");
    if (detail::is_array(included) && included->word() != 0 && data != nullptr &&
        (detail::is_object(data) || detail::is_array(data))) {
      std::size_t const included_at = static_cast<std::size_t>(included - nodes);
      std::size_t const data_at = static_cast<std::size_t>(data - nodes);
      auto* const index = writer.scratch<std::uint32_t>(static_cast<std::size_t>(included->word()));
      if (index == nullptr) {
        if (!owned) return too_small();
        return error(errc::buffer_exhausted, "no memory for the response's tape");
      }
      if (writer.nodes() != nodes) writer.fix_up();  // the block grew: side strings moved
      detail::included_linker linker(writer.nodes(), writer.nodes() + included_at, index);
      linker.link_tree(writer.nodes() + data_at);
    }
  }
  st.node_count = writer.node_count();
  st.block = writer.release(st.block_size);
  st.root = reinterpret_cast<detail::json_node const*>(st.block);
  return doc;
}

LEADFEEDER_END_NAMESPACE
