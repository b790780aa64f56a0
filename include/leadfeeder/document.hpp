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
      : state_(std::exchange(other.state_, nullptr)), owns_(other.owns_) {}
  document& operator=(document&& other) noexcept {
    if (this != &other) {
      destroy();
      state_ = std::exchange(other.state_, nullptr);
      owns_ = other.owns_;
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
  /// whose root is null.
  static result<document> parse(boost::json::parser& parser, std::string&& body,
                                document_buffer buffer = {});

 private:
  void destroy() noexcept {
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
// stubs {id, type} under `relationships` are replaced by the full resources, so that views read
// both forms alike. A resource copied in is not searched again, so cycles between resources end.
class included_resolver {
 public:
  explicit included_resolver(boost::json::array const& included) : included_(included) {}

  void resolve_tree(boost::json::value& v) {
    if (boost::json::object* o = v.if_object()) {
      for (boost::json::key_value_pair& member : *o) {
        if (member.key() == "relationships") {
          if (boost::json::object* rels = member.value().if_object()) {
            for (boost::json::key_value_pair& rel : *rels) resolve_relation(rel.value());
          }
          continue;  // what was copied in is not searched again
        }
        if (member.value().is_structured()) resolve_tree(member.value());
      }
    } else if (boost::json::array* a = v.if_array()) {
      for (boost::json::value& element : *a) {
        if (element.is_structured()) resolve_tree(element);
      }
    }
  }

 private:
  void resolve_relation(boost::json::value& rel) {
    if (boost::json::object* o = rel.if_object()) {
      if (!o->contains("id")) {
        if (boost::json::value* wrapped = o->if_contains("data")) return resolve_relation(*wrapped);
      }
      return resolve_stub(rel);
    }
    if (boost::json::array* a = rel.if_array()) {
      for (boost::json::value& element : *a) resolve_stub(element);
    }
  }

  void resolve_stub(boost::json::value& stub) {
    boost::json::object const* o = stub.if_object();
    if (o == nullptr || o->contains("attributes")) return;
    boost::json::value const* id = o->if_contains("id");
    boost::json::value const* type = o->if_contains("type");
    if (id == nullptr || type == nullptr || !id->is_string() || !type->is_string()) return;
    for (boost::json::value const& candidate : included_) {
      boost::json::object const* c = candidate.if_object();
      if (c == nullptr || !c->contains("attributes")) continue;
      boost::json::value const* cid = c->if_contains("id");
      boost::json::value const* ctype = c->if_contains("type");
      if (cid != nullptr && ctype != nullptr && *cid == *id && *ctype == *type) {
        stub = candidate;  // a copy in the document's arena; not searched again
        return;
      }
    }
  }

  boost::json::array const& included_;
};

// Resolves the stubs inside `data` against a top-level `included` array, when there is one.
inline void resolve_included(boost::json::value& root) {
  boost::json::object* o = root.if_object();
  if (o == nullptr) return;
  boost::json::value const* included = o->if_contains("included");
  if (included == nullptr || !included->is_array() || included->get_array().empty()) return;
  boost::json::value* data = o->if_contains("data");
  if (data == nullptr || !data->is_structured()) return;
  included_resolver resolver(included->get_array());
  resolver.resolve_tree(*data);
}

inline bool is_blank(std::string_view s) noexcept {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
  }
  return true;
}

}  // namespace detail

inline result<document> document::parse(boost::json::parser& parser, std::string&& body,
                                        document_buffer buffer) {
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
  detail::resolve_included(st.root);
  if (st.overflow.overflowed()) {
    return error(errc::buffer_exhausted,
                 "the document buffer (" + std::to_string(buffer.size) +
                     " bytes) is too small for this response (" + std::to_string(st.body.size()) +
                     " bytes of JSON)");
  }
  return doc;
}

LEADFEEDER_END_NAMESPACE
