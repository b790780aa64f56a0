// SPDX-License-Identifier: MIT
// leadfeeder-cpp: the one home of the error-body rules (docs/api-reference.md, 1.10: three body
// shapes, tried in turn): building an lf::error from a non-2xx response, and telling whether a 2xx
// body carries an error instead of data. The fields of one error are read through the generated
// error_object_view (ErrorObjectV1 of the description).
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/access.hpp>
#include <leadfeeder/detail/body_hint.hpp>
#include <leadfeeder/detail/http_date.hpp>
#include <leadfeeder/document.hpp>
#include <leadfeeder/error.hpp>
#include <leadfeeder/generated/schemas.hpp>
#include <leadfeeder/http.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

LEADFEEDER_BEGIN_NAMESPACE
namespace detail {

/// Fills api_code, message and request_id from an error body of shape A ({code, message}),
/// B ({errors: [{code, title, detail}], meta: {request_id}}) or C ({error: {code, message}}),
/// taking from each shape what the earlier ones lacked. Returns true when any field was found.
inline bool read_error_fields(json_value const* root, error& e) {
  json_value const* const first = object_or_null(first_element(member(root, "errors")));
  json_value const* const nested = member(root, "error");
  error_object_view const shape_a(root);
  error_object_view const shape_b(first);
  error_object_view const shape_c(nested);

  auto take = [](std::string& field, std::string_view value) {
    if (field.empty() && !value.empty()) field.assign(value);
  };
  if (shape_b.exists()) {
    take(e.api_code, shape_b.code());
    std::string_view const title = shape_b.title();
    std::string_view const detail = shape_b.detail();
    if (!title.empty() && !detail.empty() && title != detail) {
      take(e.message, std::string(title) + ": " + std::string(detail));
    } else {
      take(e.message, title.empty() ? detail : title);
    }
    take(e.message, shape_b.message());
    take(e.request_id, as_string(member(member(first, "meta"), "request_id")));
  }
  if (shape_c.exists()) {
    take(e.api_code, shape_c.code());
    take(e.message, shape_c.message());
  } else {
    take(e.message, as_string(nested));  // {"error": "text"}
  }
  take(e.api_code, shape_a.code());
  take(e.message, shape_a.message());
  take(e.request_id, as_string(member(member(root, "meta"), "request_id")));
  take(e.request_id, as_string(member(root, "request_id")));
  return !e.api_code.empty() || !e.message.empty();
}

/// True when a 2xx body is an error body instead of an answer: an object without `data` that has
/// the key of one of the three shapes (code, errors, error).
inline bool is_error_body(json_value const* root) noexcept {
  if (!is_object(root) || find_member(root, "data") != nullptr) return false;
  return find_member(root, "errors") != nullptr || find_member(root, "error") != nullptr ||
         find_member(root, "code") != nullptr;
}

/// The wait a response's Retry-After header asks for (none without one, or when it is neither
/// delta-seconds nor an HTTP date); `now` is the wall clock, for a date.
inline std::optional<std::chrono::seconds> read_retry_after(http_response const& res,
                                                            std::chrono::system_clock::time_point now) noexcept {
  std::string_view const value = res.headers.find("Retry-After");
  if (value.empty()) return std::nullopt;
  return parse_retry_after(value, now);
}

/// A readable excerpt of a body that is not JSON: the <title> of an HTML page, else the first
/// bytes with anything unprintable replaced.
inline std::string describe_non_json(std::string_view body) {
  std::string_view const title = html_title(body);
  if (!title.empty() && title.size() < 200) body = title;
  std::string out;
  for (char c : body.substr(0, 120)) {
    auto const u = static_cast<unsigned char>(c);
    out.push_back(u >= 0x20 && u < 0x7F ? c : ' ');
  }
  if (body.size() > 120) out += "...";
  return out;
}

/// The error for a response whose status is outside 2xx; `retry_after` is its Retry-After header,
/// read once per response (read_retry_after).
inline error error_from_response(http_response const& res, std::optional<std::chrono::seconds> retry_after) {
  error e;
  e.http_status = res.status;
  if (!res.body.empty()) {
    // Error bodies are small: a copy is indexed on the heap (the response keeps its body).
    result<document> const doc = document::parse(std::string(res.body));
    bool const found = doc && is_object(doc->root()) && read_error_fields(doc->root(), e);
    if (!found) {
      e.message = "HTTP " + std::to_string(res.status) + " with an unrecognised body: " + describe_non_json(res.body);
    }
  }
  if (e.request_id.empty()) {
    std::string_view const header = res.headers.find("X-Request-Id");
    if (!header.empty()) e.request_id.assign(header);
  }
  if (res.status >= 300 && res.status <= 399) {
    // Redirects are not followed (the key must not travel to another host): say where it pointed.
    std::string_view const location = res.headers.find("Location");
    std::string const where = location.empty() ? std::string("no Location header")
                                               : "Location: " + printable_excerpt(location, 2048);
    e.message = e.message.empty() ? "HTTP " + std::to_string(res.status) + " redirect, not followed (" + where + ")"
                                  : e.message + " (redirect not followed; " + where + ")";
  }
  e.retry_after = retry_after;
  e.code = make_error_code(errc_from_status(res.status, e.api_code));
  return e;
}

}  // namespace detail
LEADFEEDER_END_NAMESPACE
