// leadfeeder-cpp: building an lf::error from a non-2xx response (reference 1.10: three body
// shapes, tried in turn), or from a 2xx body that carries an error instead of data.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/access.hpp>
#include <leadfeeder/detail/body_hint.hpp>
#include <leadfeeder/detail/http_date.hpp>
#include <leadfeeder/error.hpp>
#include <leadfeeder/http.hpp>

#include <leadfeeder/document.hpp>

#include <chrono>
#include <string>
#include <string_view>

LEADFEEDER_BEGIN_NAMESPACE
namespace detail {

/// Fills api_code, message and request_id from an error body of shape A ({code, message}),
/// B ({errors: [{code, title, detail}], meta: {request_id}}) or C ({error: {code, message}}),
/// taking from each shape what the earlier ones lacked. Returns true when any field was found.
inline bool read_error_fields(json_value const* root, error& e) {
  json_value const* const errors = member(root, "errors");
  json_value const* const first = object_or_null(first_element(errors));
  json_value const* const nested = member(root, "error");

  auto take = [](std::string& field, std::string_view value) {
    if (field.empty() && !value.empty()) field.assign(value);
  };
  // Shape B.
  if (first != nullptr) {
    take(e.api_code, as_string(member(first, "code")));
    std::string_view const title = as_string(member(first, "title"));
    std::string_view const detail = as_string(member(first, "detail"));
    if (!title.empty() && !detail.empty() && title != detail) {
      take(e.message, std::string(title) + ": " + std::string(detail));
    } else {
      take(e.message, title.empty() ? detail : title);
    }
    take(e.message, as_string(member(first, "message")));
    take(e.request_id, as_string(member(member(first, "meta"), "request_id")));
  }
  // Shape C, or {"error": "text"}.
  if (is_object(nested)) {
    take(e.api_code, as_string(member(nested, "code")));
    take(e.message, as_string(member(nested, "message")));
  } else {
    take(e.message, as_string(nested));
  }
  // Shape A.
  take(e.api_code, as_string(member(root, "code")));
  take(e.message, as_string(member(root, "message")));
  take(e.request_id, as_string(member(member(root, "meta"), "request_id")));
  take(e.request_id, as_string(member(root, "request_id")));
  return !e.api_code.empty() || !e.message.empty();
}

/// A readable excerpt of a body that is not JSON: the <title> of an HTML page, else the first
/// bytes with anything unprintable replaced.
inline std::string describe_non_json(std::string_view body) {
  std::size_t const open = body.find("<title>");
  if (open != std::string_view::npos) {
    std::size_t const close = body.find("</title>", open);
    if (close != std::string_view::npos && close - open < 200) body = body.substr(open + 7, close - open - 7);
  }
  std::string out;
  for (char c : body.substr(0, 120)) {
    auto const u = static_cast<unsigned char>(c);
    out.push_back(u >= 0x20 && u < 0x7F ? c : ' ');
  }
  if (body.size() > 120) out += "...";
  return out;
}

/// The error for a response whose status is outside 2xx.
inline error error_from_response(http_response const& res, std::chrono::system_clock::time_point now) {
  error e;
  e.http_status = res.status;
  if (!res.body.empty()) {
    // Error bodies are small: a copy is indexed on the heap (the response keeps its body).
    result<document> const doc = document::parse(std::string(res.body));
    bool const found = doc && is_object(doc->root()) && read_error_fields(doc->root(), e);
    if (!found) {
      e.message = "HTTP " + std::to_string(res.status) + " with an unrecognised body: " +
                  describe_non_json(res.body);
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
  std::string_view const retry_after = res.headers.find("Retry-After");
  if (!retry_after.empty()) e.retry_after = parse_retry_after(retry_after, now);
  e.code = make_error_code(errc_from_status(res.status, e.api_code));
  return e;
}

}  // namespace detail
LEADFEEDER_END_NAMESPACE
