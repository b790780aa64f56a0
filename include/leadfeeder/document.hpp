// leadfeeder-cpp: the response document, a body parsed once into an arena. A result owns it;
// views point into it and stay valid when the result is moved.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/error.hpp>
#include <leadfeeder/result.hpp>
#include <leadfeeder/view.hpp>

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parser.hpp>
#include <boost/json/value.hpp>

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

LEADFEEDER_BEGIN_NAMESPACE

/// Memory a caller lends for one response: its parsed document (and the bookkeeping around it) is
/// built there instead of on the heap. The buffer must outlive the result and must not be lent to
/// another call while that result lives. Too small a buffer fails the call with
/// errc::buffer_exhausted.
struct document_buffer {
  void* data = nullptr;
  std::size_t size = 0;
};

namespace detail {

// Upstream of the arena when the caller lent a buffer: reached only when the buffer is too small.
// It serves the request from the heap (so the parse ends cleanly, without exceptions) and
// remembers, so the call can report buffer_exhausted; the memory goes back when the arena dies.
class overflow_resource final : public boost::json::memory_resource {
 public:
  bool overflowed() const noexcept { return overflowed_; }

 private:
  void* do_allocate(std::size_t n, std::size_t align) override {
    overflowed_ = true;
    return ::operator new(n, std::align_val_t(align));
  }
  void do_deallocate(void* p, std::size_t, std::size_t align) override {
    ::operator delete(p, std::align_val_t(align));
  }
  bool do_is_equal(boost::json::memory_resource const& other) const noexcept override {
    return this == &other;
  }
  bool overflowed_ = false;
};

struct document_state {
  // A parsed document takes about three times the bytes of its JSON text; the first arena block
  // is sized for that, so that a large body costs one block instead of a dozen doublings.
  explicit document_state(std::size_t body_size) noexcept
      : arena(body_size / 2 * 7 + 1024), root(boost::json::storage_ptr(&arena)) {}
  document_state(unsigned char* buffer, std::size_t size) noexcept
      : arena(buffer, size, boost::json::storage_ptr(&overflow)),
        root(boost::json::storage_ptr(&arena)) {}

  std::string body;
  overflow_resource overflow;
  boost::json::monotonic_resource arena;
  boost::json::value root;
};

inline boost::json::value const& null_value() noexcept {
  static boost::json::value const null;
  return null;
}

}  // namespace detail

/// A parsed response body. Empty (a null root) when the body was empty.
class document {
 public:
  document() noexcept = default;
  document(document&& other) noexcept
      : state_(std::exchange(other.state_, nullptr)), owns_(other.owns_), lease_(std::exchange(other.lease_, nullptr)) {}
  document& operator=(document&& other) noexcept {
    if (this != &other) {
      destroy();
      state_ = std::exchange(other.state_, nullptr);
      owns_ = other.owns_;
      lease_ = std::exchange(other.lease_, nullptr);
    }
    return *this;
  }
  document(document const&) = delete;
  document& operator=(document const&) = delete;
  ~document() { destroy(); }

  /// The root JSON value (null when the body was empty).
  boost::json::value const& root() const noexcept {
    return state_ != nullptr ? state_->root : detail::null_value();
  }
  /// The root as a generic view.
  json_view json() const noexcept { return json_view(&root()); }
  /// The body as received.
  std::string_view body() const noexcept {
    return state_ != nullptr ? std::string_view(state_->body) : std::string_view();
  }

  /// Gives up the body's storage (for the client to reuse); body() is empty afterwards. The
  /// parsed document and its views are not affected.
  std::string release_body() noexcept {
    return state_ != nullptr ? std::move(state_->body) : std::string();
  }

  /// Parses body (taking it over, not copying it) into a new document. `parser` is reused from
  /// call to call so that its scratch memory is allocated once. An empty body gives a document
  /// whose root is null. `lease`, when given, is set while the document lives (a client's call
  /// memory uses it to know when its region is free again).
  static result<document> parse(boost::json::parser& parser, std::string&& body,
                                document_buffer buffer = {}, bool* lease = nullptr);

 private:
  void destroy() noexcept {
    if (lease_ != nullptr) *std::exchange(lease_, nullptr) = false;
    if (state_ == nullptr) return;
    if (owns_) {
      delete state_;
    } else {
      state_->~document_state();
    }
    state_ = nullptr;
  }

  detail::document_state* state_ = nullptr;
  bool owns_ = true;
  bool* lease_ = nullptr;
};

namespace detail {

// An API id may come as a JSON integer (reference 1.6); every view exposes ids as text, so the
// document rewrites integer `id` members to their decimal digits once, right after parsing.
inline void normalize_ids(boost::json::value& v) {
  if (boost::json::object* o = v.if_object()) {
    for (boost::json::key_value_pair& member : *o) {
      boost::json::value& child = member.value();
      if (member.key() == "id" && (child.is_int64() || child.is_uint64())) {
        char digits[24];
        std::to_chars_result const r =
            child.is_int64() ? std::to_chars(digits, digits + sizeof digits, child.get_int64())
                             : std::to_chars(digits, digits + sizeof digits, child.get_uint64());
        child.emplace_string().assign(
            boost::json::string_view(digits, static_cast<std::size_t>(r.ptr - digits)));
      } else if (child.is_structured()) {
        normalize_ids(child);
      }
    }
  } else if (boost::json::array* a = v.if_array()) {
    for (boost::json::value& element : *a) {
      if (element.is_structured()) normalize_ids(element);
    }
  }
}

// JSON:API side-loading (reference 1.8): the API inlines related resources under
// `relationships`, but if a response ever lists them in a top-level `included` array instead, the
// stubs {id, type} under `relationships` are replaced by copies of the full resources, so that views
// read both forms alike. A resource copied in is not searched again, so cycles between resources
// end. What a hostile body can cost is bounded: stubs are found through a sorted index (not a scan
// of `included` per stub), and the copies may add at most four times the body's size plus 1 MiB
// (counted as 32 bytes per JSON value plus the bytes of every string and key); a response that
// would need more is refused.
class included_resolver {
 public:
  // `index` has room for included.size() entries (memory from the document's arena).
  included_resolver(boost::json::array const& included, std::uint32_t* index, std::size_t copy_budget) noexcept
      : included_(included), index_(index), budget_(copy_budget) {
    for (std::size_t i = 0; i < included.size() && i < UINT32_MAX; ++i) {
      boost::json::object const* c = included[i].if_object();
      if (c != nullptr && c->contains("attributes") && stub_key(*c)) index_[count_++] = static_cast<std::uint32_t>(i);
    }
    sort_index();
  }

  // False when the copies would exceed the budget.
  bool resolve_tree(boost::json::value& v) {
    if (boost::json::object* o = v.if_object()) {
      for (boost::json::key_value_pair& member : *o) {
        if (member.key() == "relationships") {
          if (boost::json::object* rels = member.value().if_object()) {
            for (boost::json::key_value_pair& rel : *rels) {
              if (!resolve_relation(rel.value())) return false;
            }
          }
          continue;  // what was copied in is not searched again
        }
        if (member.value().is_structured() && !resolve_tree(member.value())) return false;
      }
    } else if (boost::json::array* a = v.if_array()) {
      for (boost::json::value& element : *a) {
        if (element.is_structured() && !resolve_tree(element)) return false;
      }
    }
    return true;
  }

 private:
  struct key {
    boost::json::string const* type;
    boost::json::string const* id;
  };

  // The (type, id) of a resource or of a stub (a stub has no `attributes`); nothing unless both
  // are strings.
  static std::optional<key> stub_key(boost::json::object const& o) noexcept {
    boost::json::value const* id = o.if_contains("id");
    boost::json::value const* type = o.if_contains("type");
    if (id == nullptr || type == nullptr || !id->is_string() || !type->is_string()) return std::nullopt;
    return key{&type->get_string(), &id->get_string()};
  }
  key key_at(std::uint32_t i) const noexcept { return *stub_key(included_[i].get_object()); }
  static int compare(boost::json::string const& a, boost::json::string const& b) noexcept {
    return std::string_view(a.data(), a.size()).compare(std::string_view(b.data(), b.size()));
  }
  static bool less(key const& a, key const& b) noexcept {
    int const t = compare(*a.type, *b.type);
    return t != 0 ? t < 0 : compare(*a.id, *b.id) < 0;
  }

  // By (type, id), then by position, so that the first of duplicates wins, as a scan would choose.
  bool before(std::uint32_t a, std::uint32_t b) const noexcept {
    key const ka = key_at(a);
    key const kb = key_at(b);
    if (less(ka, kb)) return true;
    if (less(kb, ka)) return false;
    return a < b;
  }
  // A heap sort of the index: in place, O(n log n), and one small function rather than std::sort's
  // family of instantiations in every program that includes the library.
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

  bool resolve_relation(boost::json::value& rel) {
    if (boost::json::object* o = rel.if_object()) {
      if (!o->contains("id")) {
        if (boost::json::value* wrapped = o->if_contains("data")) return resolve_relation(*wrapped);
      }
      return resolve_stub(rel);
    }
    if (boost::json::array* a = rel.if_array()) {
      for (boost::json::value& element : *a) {
        if (!resolve_stub(element)) return false;
      }
    }
    return true;
  }

  bool resolve_stub(boost::json::value& stub) {
    boost::json::object const* o = stub.if_object();
    if (o == nullptr || o->contains("attributes")) return true;
    std::optional<key> const wanted = stub_key(*o);
    if (!wanted) return true;
    std::uint32_t const* first = index_;
    std::size_t n = count_;
    while (n > 0) {  // lower bound of `wanted`
      std::size_t const half = n / 2;
      if (less(key_at(first[half]), *wanted)) {
        first += half + 1;
        n -= half + 1;
      } else {
        n = half;
      }
    }
    if (first == index_ + count_) return true;
    boost::json::value const& candidate = included_[*first];
    if (less(*wanted, key_at(*first))) return true;  // not there
    std::size_t const cost = weight(candidate);
    if (cost > budget_) return false;
    budget_ -= cost;
    stub = candidate;  // a copy in the document's arena; not searched again
    return true;
  }

  // What a copy of v costs, roughly in bytes.
  static std::size_t weight(boost::json::value const& v) noexcept {
    std::size_t w = 32;
    if (boost::json::object const* o = v.if_object()) {
      for (boost::json::key_value_pair const& m : *o) w += m.key().size() + weight(m.value());
    } else if (boost::json::array const* a = v.if_array()) {
      for (boost::json::value const& element : *a) w += weight(element);
    } else if (boost::json::string const* s = v.if_string()) {
      w += s->size();
    }
    return w;
  }

  boost::json::array const& included_;
  std::uint32_t* index_;
  std::size_t count_ = 0;
  std::size_t budget_;
};

// Resolves the stubs inside `data` against a top-level `included` array, when there is one. False
// when that would take more memory than the bound above.
inline bool resolve_included(boost::json::value& root, boost::json::memory_resource& arena, std::size_t body_size) {
  boost::json::object* o = root.if_object();
  if (o == nullptr) return true;
  boost::json::value const* included = o->if_contains("included");
  if (included == nullptr || !included->is_array() || included->get_array().empty()) return true;
  boost::json::value* data = o->if_contains("data");
  if (data == nullptr || !data->is_structured()) return true;
  boost::json::array const& list = included->get_array();
  std::size_t const entries = list.size() < UINT32_MAX ? list.size() : UINT32_MAX;
  auto* index = static_cast<std::uint32_t*>(arena.allocate(entries * sizeof(std::uint32_t), alignof(std::uint32_t)));
  std::size_t const budget = body_size <= (SIZE_MAX - (std::size_t{1} << 20)) / 4 ? body_size * 4 + (std::size_t{1} << 20) : SIZE_MAX;
  included_resolver resolver(list, index, budget);
  return resolver.resolve_tree(*data);
}

inline bool is_blank(std::string_view s) noexcept {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
  }
  return true;
}

}  // namespace detail

inline result<document> document::parse(boost::json::parser& parser, std::string&& body,
                                        document_buffer buffer, bool* lease) {
  document doc;
  if (buffer.data != nullptr) {
    void* place = buffer.data;
    std::size_t space = buffer.size;
    if (std::align(alignof(detail::document_state), sizeof(detail::document_state), place,
                   space) == nullptr) {
      return error(errc::buffer_exhausted, "the document buffer is smaller than its bookkeeping (" +
                                               std::to_string(sizeof(detail::document_state)) +
                                               " bytes)");
    }
    auto* rest = static_cast<unsigned char*>(place) + sizeof(detail::document_state);
    doc.state_ = ::new (place) detail::document_state(rest, space - sizeof(detail::document_state));
    doc.owns_ = false;
  } else {
    doc.state_ = new detail::document_state(body.size());
    doc.owns_ = true;
  }
  if (lease != nullptr) {
    *lease = true;
    doc.lease_ = lease;
  }
  detail::document_state& st = *doc.state_;
  st.body = std::move(body);
  if (detail::is_blank(st.body)) return doc;

  parser.reset(boost::json::storage_ptr(&st.arena));
  std::error_code ec;
  parser.write(st.body.data(), st.body.size(), ec);
  if (ec) {
    parser.reset();
    if (st.overflow.overflowed()) {
      return error(errc::buffer_exhausted, "the document buffer is too small for this response");
    }
    return error(errc::invalid_response, "the response body is not valid JSON: " + ec.message());
  }
  st.root = parser.release();
  detail::normalize_ids(st.root);
  bool const resolved = detail::resolve_included(st.root, st.arena, st.body.size());
  if (st.overflow.overflowed()) {
    return error(errc::buffer_exhausted,
                 "the document buffer (" + std::to_string(buffer.size) +
                     " bytes) is too small for this response (" + std::to_string(st.body.size()) +
                     " bytes of JSON)");
  }
  if (!resolved) {
    return error(errc::invalid_response,
                 "the response's side-loaded `included` resources would be copied into more than four times "
                 "the body's size plus 1 MiB; refused");
  }
  return doc;
}

LEADFEEDER_END_NAMESPACE
