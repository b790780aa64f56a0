// SPDX-License-Identifier: MIT
// leadfeeder-simulator: the HTTP answers: the success envelope {"data", "meta"} around a reply,
// the three error-body shapes the API uses (JSON:API errors[], the flat {code, message} and the
// 401 with both plus WWW-Authenticate), and the 429 of the rate limit.
#pragma once

#include "http_server.hpp"
#include "request.hpp"

#include <boost/json/value.hpp>

#include <string>

namespace lfsim {

extern char const* const missing_token_message;
extern char const* const invalid_key_message;
extern char const* const too_many_message;

http_response json_response(int status, json::value const& body, std::string const& request_id);
/// {"errors":[{code, title, detail}], "meta":{request_id}}
http_response error_response(api_error const& e, std::string const& request_id);
/// {code, message, meta:{request_id}}: the documented flat shape.
http_response flat_error(int status, char const* code, char const* message, std::string const& request_id);
/// A missing or unknown key: 401 as the live API answers, or 403 with the flat body as the docs show.
http_response auth_error(int auth_status, char const* code, char const* message, std::string const& request_id);
/// 429 too_many_requests with Retry-After: 1.
http_response too_many(std::string const& request_id);
/// {"data", "meta":{request_id, credits?, pagination?}}, or a 204 without a body.
http_response build(reply& r, std::string const& request_id);

}  // namespace lfsim
