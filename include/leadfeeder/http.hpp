// SPDX-License-Identifier: MIT
// leadfeeder-cpp: the HTTP exchange between the client and a transport.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/ascii.hpp>
#include <leadfeeder/detail/header_safety.hpp>

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

LEADFEEDER_BEGIN_NAMESPACE

/// The HTTP methods the API uses. `del` is DELETE (a keyword in C++ only as `delete`).
enum class http_method { get, post, put, patch, del };

/// The method as it goes on the wire: "GET", "POST", "PUT", "PATCH", "DELETE".
constexpr std::string_view to_string(http_method method) noexcept {
  switch (method) {
    case http_method::get: return "GET";
    case http_method::post: return "POST";
    case http_method::put: return "PUT";
    case http_method::patch: return "PATCH";
    case http_method::del: return "DELETE";
  }
  return "GET";
}

/// One request header; both parts view storage owned by the client.
struct http_header {
  std::string_view name;
  std::string_view value;
};

/// The headers of a request: a contiguous, read-only range of http_header.
class header_list {
 public:
  constexpr header_list() noexcept = default;
  constexpr header_list(http_header const* first, std::size_t count) noexcept : first_(first), count_(count) {}

  constexpr http_header const* begin() const noexcept { return first_; }
  constexpr http_header const* end() const noexcept { return first_ + count_; }
  constexpr std::size_t size() const noexcept { return count_; }
  constexpr bool empty() const noexcept { return count_ == 0; }
  constexpr http_header const& operator[](std::size_t i) const noexcept { return first_[i]; }

  /// The value of the first header whose name matches case-insensitively, or empty.
  std::string_view find(std::string_view name) const noexcept;

 private:
  http_header const* first_ = nullptr;
  std::size_t count_ = 0;
};

/// What the client asks the transport to send. Every member views storage that the client keeps
/// alive until the transport's send returns (or, for async_send, until the callback runs).
struct http_request {
  http_method method = http_method::get;
  std::string_view url;   ///< absolute; query already percent-encoded
  header_list headers;    ///< includes authentication, User-Agent, Accept and Content-Type
  std::string_view body;  ///< empty when the request has none
  /// The time left of the call's deadline when the request was handed over, rounded up to whole
  /// milliseconds; none when the call has no deadline. A transport should bound the whole exchange
  /// (connect, TLS, write, read) by it; one that ignores it still works, and the client still
  /// stops between attempts.
  std::optional<std::chrono::milliseconds> timeout;
};

/// Response headers as the transport reports them. Storage is reused from call to call.
class response_headers {
 public:
  /// Appends one header. CR, LF and NUL are dropped from both parts (detail/header_safety.hpp).
  void add(std::string_view name, std::string_view value);
  /// The value of the first header whose name matches case-insensitively, or empty.
  std::string_view find(std::string_view name) const noexcept;
  /// True when a header of that name (any case) was added.
  bool contains(std::string_view name) const noexcept;
  std::size_t size() const noexcept { return count_; }
  bool empty() const noexcept { return count_ == 0; }
  /// Forgets every header and keeps the storage.
  void clear() noexcept {
    storage_.clear();
    count_ = 0;
  }

  /// Calls fn(name, value) for each header in the order they were added.
  template <class Function>
  void for_each(Function&& fn) const {
    std::size_t pos = 0;
    for (std::size_t i = 0; i < count_; ++i) {
      std::string_view const name = next(pos);
      std::string_view const value = next(pos);
      fn(name, value);
    }
  }

 private:
  std::string_view next(std::size_t& pos) const noexcept;

  // "name\0value\0name\0value\0...": one buffer, no allocation once it has grown.
  std::string storage_;
  std::size_t count_ = 0;
};

/// What the transport fills in. A transport sets status, body and headers; the client reuses the
/// object from call to call, so a transport should assign rather than append to the body.
struct http_response {
  int status = 0;
  std::string body;
  response_headers headers;

  /// Resets status, body and headers, keeping their storage.
  void clear() noexcept {
    status = 0;
    body.clear();
    headers.clear();
  }
};

/// True for the headers that carry credentials (X-Api-Key, Authorization): anything that prints a
/// request shows "[redacted]" instead of their values.
constexpr bool is_credential_header(std::string_view name) noexcept {
  return detail::iequals(name, "X-Api-Key") || detail::iequals(name, "Authorization") ||
         detail::iequals(name, "Proxy-Authorization") || detail::iequals(name, "Cookie");
}

/// A printable form of a request, with the values of credential headers replaced by [redacted].
inline std::string to_string(http_request const& req) {
  std::string out(to_string(req.method));
  out += ' ';
  out.append(req.url);
  out += '\n';
  for (http_header const& h : req.headers) {
    out.append(h.name);
    out += ": ";
    if (is_credential_header(h.name)) {
      out += "[redacted]";
    } else {
      out.append(h.value);
    }
    out += '\n';
  }
  if (!req.body.empty()) {
    out += '\n';
    out.append(req.body);
  }
  return out;
}

inline std::string_view header_list::find(std::string_view name) const noexcept {
  for (http_header const& h : *this) {
    if (detail::iequals(h.name, name)) return h.value;
  }
  return {};
}

inline void response_headers::add(std::string_view name, std::string_view value) {
  auto append_clean = [this](std::string_view part) {
    for (char c : part) {
      if (!detail::is_unsafe_header_char(c)) storage_.push_back(c);
    }
    storage_.push_back('\0');
  };
  append_clean(name);
  append_clean(value);
  ++count_;
}

inline std::string_view response_headers::next(std::size_t& pos) const noexcept {
  std::size_t const end = storage_.find('\0', pos);
  std::string_view const part(storage_.data() + pos, end - pos);
  pos = end + 1;
  return part;
}

inline std::string_view response_headers::find(std::string_view name) const noexcept {
  std::size_t pos = 0;
  for (std::size_t i = 0; i < count_; ++i) {
    std::string_view const n = next(pos);
    std::string_view const v = next(pos);
    if (detail::iequals(n, name)) return v;
  }
  return {};
}

inline bool response_headers::contains(std::string_view name) const noexcept {
  std::size_t pos = 0;
  for (std::size_t i = 0; i < count_; ++i) {
    std::string_view const n = next(pos);
    next(pos);
    if (detail::iequals(n, name)) return true;
  }
  return false;
}

LEADFEEDER_END_NAMESPACE
