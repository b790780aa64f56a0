// SPDX-License-Identifier: MIT
// leadfeeder-simulator: HTTP answers (see responses.hpp).
#include "responses.hpp"

#include "json_text.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

namespace lfsim {

char const* const missing_token_message = "You need to pass a header named `X-Api-Key` that contains a valid API key.";
char const* const invalid_key_message = "The provided API key is invalid. Please generate a new API key.";
char const* const too_many_message = "You've exceeded the maximum amount of allowed requests. Please try again later.";

http_response json_response(int status, json::value const& body, std::string const& request_id) {
  http_response res;
  res.status = status;
  res.body = to_json(body);
  res.headers = {
      {"Content-Type", "application/json"}, {"X-Request-Id", request_id}, {"Server", "leadfeeder-simulator"}};
  return res;
}

http_response error_response(api_error const& e, std::string const& request_id) {
  json::object err{{"code", e.code}, {"title", e.title}, {"detail", e.detail}};
  json::object body{{"errors", json::array{std::move(err)}}, {"meta", json::object{{"request_id", request_id}}}};
  return json_response(e.status, body, request_id);
}

http_response flat_error(int status, char const* code, char const* message, std::string const& request_id) {
  // The documented flat shape (docs/api-reference.md, 1.10, shape A), plus meta.request_id like every response.
  json::object body{{"code", code}, {"message", message}, {"meta", json::object{{"request_id", request_id}}}};
  return json_response(status, body, request_id);
}

http_response auth_error(int auth_status, char const* code, char const* message, std::string const& request_id) {
  // As the docs page shows: 403 with the flat shape A (--auth-status 403).
  if (auth_status == 403) return flat_error(403, code, message, request_id);
  // As the live API answers (docs/api-reference.md, 1.10): 401 with shapes B and C and a WWW-Authenticate header.
  json::object body{
      {"errors", json::array{json::object{{"code", code}, {"title", "Unauthorized"}, {"detail", message}}}},
      {"error", json::object{{"code", code}, {"message", message}}},
      {"meta", json::object{{"request_id", request_id}}}};
  http_response res = json_response(401, body, request_id);
  res.headers.emplace_back("WWW-Authenticate", "ApiKey realm=\"leadfeeder\", header=\"X-Api-Key\"");
  return res;
}

http_response too_many(std::string const& request_id) {
  http_response res = flat_error(429, "too_many_requests", too_many_message, request_id);
  res.headers.emplace_back("Retry-After", "1");
  return res;
}

http_response build(reply& r, std::string const& request_id) {
  if (r.no_content) {
    http_response res;
    res.status = 204;
    res.has_body = false;
    res.headers = {{"X-Request-Id", request_id}, {"Server", "leadfeeder-simulator"}};
    return res;
  }
  json::object meta{{"request_id", request_id}};
  if (r.has_charged) meta["credits"] = json::object{{"charged", r.charged}};
  if (r.has_pagination) meta["pagination"] = std::move(r.pagination);
  json::object body{{"data", std::move(r.data)}, {"meta", std::move(meta)}};
  return json_response(r.status, body, request_id);
}

}  // namespace lfsim
