// SPDX-License-Identifier: MIT
// leadfeeder-cpp: lf::raw_request, any method, path, query and body through the same client,
// options and error handling as the typed builders, answered with a generic JSON view. It reaches
// what the typed layer gets wrong (an [inferred] path that turns out different) or lacks.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/encoding.hpp>
#include <leadfeeder/detail/request_writer.hpp>
#include <leadfeeder/http.hpp>
#include <leadfeeder/json_fragment.hpp>
#include <leadfeeder/response.hpp>
#include <leadfeeder/view.hpp>


#include <string>
#include <string_view>
#include <utility>
#include <vector>

LEADFEEDER_BEGIN_NAMESPACE

/// Percent-encodes one path segment or query value (every byte but RFC 3986 unreserved ones),
/// for building the path of a raw_request from ids.
inline std::string percent_encode(std::string_view value) {
  std::string out;
  detail::append_percent_encoded(out, value);
  return out;
}

/// A request the typed layer does not describe, e.g.
/// `lf::raw_request(lf::http_method::get, "/v1/users/me")` or
/// `lf::raw_request(lf::http_method::post, "/v1/tags").query("account_id", id).body(json)`.
class raw_request {
 public:
  static constexpr std::string_view operation_id = "raw request";
  static constexpr pagination_style pagination = pagination_style::none;
  using response_type = response<json_view>;

  /// `path` goes on the wire as given (percent-encode ids with lf::percent_encode); it must start
  /// with '/', and may not hold a query, a fragment, spaces, control characters or dot segments.
  raw_request(http_method method, std::string_view path) : method_(method), path_(path) {}

  /// Adds name=value to the query (both percent-encoded); repeatable, in order.
  raw_request& query(std::string_view name, std::string_view value) & {
    query_.emplace_back(std::string(name), std::string(value));
    return *this;
  }
  raw_request&& query(std::string_view name, std::string_view value) && { return std::move(query(name, value)); }

  /// The JSON body, as text the caller vouches for (sent with Content-Type: application/json).
  raw_request& body(std::string json) & {
    body_ = std::move(json);
    return *this;
  }
  raw_request&& body(std::string json) && { return std::move(body(std::move(json))); }
  /// The JSON body, as a value (a boost::json::value, with <leadfeeder/boost_json.hpp> included).
  raw_request& body(json_fragment const& json) & { return body(std::string(json.text())); }
  raw_request&& body(json_fragment const& json) && { return std::move(body(json)); }

  http_method method() const noexcept { return method_; }
  std::string_view path() const noexcept { return path_; }

  /// Writes the request; the client calls it.
  void write(detail::request_writer& w) const {
    if (!valid_path(path_)) {
      return w.fail("path",
                    "must start with '/' and hold no query, fragment, space, control "
                    "character or '.'/'..' segment");
    }
    w.path(path_);
    for (auto const& [name, value] : query_) {
      if (name.empty()) return w.fail("query", "names must not be empty");
      w.query(name, value, false);
    }
    if (!body_.empty()) w.raw_body(body_);
  }

 private:
  static bool valid_path(std::string_view p) noexcept {
    if (p.empty() || p.front() != '/') return false;
    for (char c : p) {
      auto const u = static_cast<unsigned char>(c);
      if (u <= 0x20 || u == 0x7F || c == '?' || c == '#') return false;
    }
    // Dot segments would be resolved away by HTTP stacks and change the path.
    std::size_t start = 1;
    while (start <= p.size()) {
      std::size_t end = p.find('/', start);
      if (end == std::string_view::npos) end = p.size();
      std::string_view const segment = p.substr(start, end - start);
      if (segment == "." || segment == "..") return false;
      start = end + 1;
    }
    return true;
  }

  http_method method_;
  std::string path_;
  std::vector<std::pair<std::string, std::string>> query_;
  std::string body_;
};

LEADFEEDER_END_NAMESPACE
