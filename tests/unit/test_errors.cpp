// SPDX-License-Identifier: MIT
// Errors from the server (docs/api-reference.md, 1.10), from the transport and from the client's options, and
// the error types themselves: lf::error, lf::errc, lf::result.
#include <doctest/doctest.h>
#include <test_support.hpp>

#include <leadfeeder/leadfeeder.hpp>
#include <leadfeeder/testing/scripted_transport.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <utility>
#include <vector>

namespace {

namespace lf = leadfeeder;

using header_vector = std::vector<std::pair<std::string, std::string>>;

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// The error of a contacts.get answered with `status`, `body` and `headers`.
lf::error error_of_get(int status, std::string body, header_vector headers = {}) {
  test_support::scripted_client t;
  t.script.respond(status, std::move(body), std::move(headers));
  auto r = t.client.send(lf::contacts::get().contact_id("3219787601").account_id("123456"));
  REQUIRE_FALSE(r);
  return r.error();
}

std::int64_t epoch_seconds(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

[[maybe_unused]] std::chrono::system_clock::time_point at_epoch_seconds(std::int64_t s) {  // the detail-rule cases only
  return std::chrono::system_clock::time_point(std::chrono::seconds(s));
}

// "Sun, 06 Nov 1994 08:49:37 GMT", the example date of RFC 9110.
[[maybe_unused]] constexpr std::int64_t rfc_example_epoch = 784111777;

}  // namespace

// ---- The three body shapes of docs/api-reference.md, 1.10.

TEST_CASE("errors: shape A, a 403 missing_token fixture, reads code and message") {
  test_support::scripted_client t;
  t.script.respond(403, test_support::fixture("error_403_missing_token.response.json"));
  auto r = t.client.send(lf::contacts::retrieve().account_id("123456").ids({"3219787601"}));
  REQUIRE_FALSE(r);
  lf::error const& e = r.error();
  CHECK(e.code == lf::errc::unauthorized);
  CHECK(e.http_status == 403);
  CHECK(e.api_code == "missing_token");
  CHECK(e.message == "You need to pass a header named `X-Api-Key` that contains a valid API key.");
  CHECK(e.request_id.empty());
  CHECK_FALSE(e.retry_after.has_value());
}

TEST_CASE("errors: shape A, a 403 invalid_api_key fixture, reads code and message") {
  lf::error const e = error_of_get(403, test_support::fixture("error_403_invalid_api_key.response.json"));
  CHECK(e.code == lf::errc::unauthorized);
  CHECK(e.http_status == 403);
  CHECK(e.api_code == "invalid_api_key");
  CHECK(e.message == "The provided API key is invalid. Please generate a new API key.");
}

TEST_CASE("errors: shape A, the older 403 access_denied fixture, reads code and message") {
  lf::error const e = error_of_get(403, test_support::fixture("error_403_access_denied_2026-03-24.response.json"));
  CHECK(e.code == lf::errc::unauthorized);
  CHECK(e.http_status == 403);
  CHECK(e.api_code == "access_denied");
  CHECK(e.message == "The provided API key is invalid. Please generate a new API key.");
}

TEST_CASE("errors: shape A, the 429 too_many_requests fixture, reads code and message") {
  lf::error const e = error_of_get(429, test_support::fixture("error_429_too_many_requests.response.json"));
  CHECK(e.code == lf::errc::rate_limited);
  CHECK(e.http_status == 429);
  CHECK(e.api_code == "too_many_requests");
  CHECK(e.message == "You've exceeded the maximum amount of allowed requests. Please try again later.");
}

TEST_CASE("errors: shape B reads code, title and detail, and meta.request_id") {
  lf::error const e = error_of_get(404, R"({
    "errors": [{"code": "entity_not_found", "title": "Not found",
                "detail": "Contact 3219787601 does not exist"}],
    "meta": {"request_id": "5b1f3c0e-8a59-4c43-9d1e-2f7b8f0d9a11"}
  })");
  CHECK(e.code == lf::errc::not_found);
  CHECK(e.http_status == 404);
  CHECK(e.api_code == "entity_not_found");
  CHECK(contains(e.message, "Not found"));
  CHECK(contains(e.message, "Contact 3219787601 does not exist"));
  CHECK(e.request_id == "5b1f3c0e-8a59-4c43-9d1e-2f7b8f0d9a11");
}

TEST_CASE("errors: shape B without detail uses the title as the message") {
  lf::error const e = error_of_get(400, R"({"errors":[{"code":"invalid_parameter","title":"ids is malformed"}]})");
  CHECK(e.code == lf::errc::bad_request);
  CHECK(e.api_code == "invalid_parameter");
  CHECK(e.message == "ids is malformed");
}

TEST_CASE("errors: shape C reads error.code and error.message") {
  lf::error const e = error_of_get(401, R"({"error":{"code":"token_expired","message":"The token has expired"}})");
  CHECK(e.code == lf::errc::unauthorized);
  CHECK(e.http_status == 401);
  CHECK(e.api_code == "token_expired");
  CHECK(e.message == "The token has expired");
}

TEST_CASE("errors: shapes B and C together, as a live 401 without a key answers") {
  lf::error const e = error_of_get(401, R"({
    "errors": [{"code": "missing_token", "title": "Unauthorized",
                "detail": "You need to pass a header named X-Api-Key"}],
    "error": {"code": "missing_token", "message": "You need to pass a header named X-Api-Key"},
    "meta": {"request_id": "0c9a1d2e-77f1-4a5b-b6c3-1e2d3f4a5b6c"}
  })");
  CHECK(e.code == lf::errc::unauthorized);
  CHECK(e.http_status == 401);
  CHECK(e.api_code == "missing_token");
  CHECK(contains(e.message, "You need to pass a header named X-Api-Key"));
  CHECK(e.request_id == "0c9a1d2e-77f1-4a5b-b6c3-1e2d3f4a5b6c");
}

TEST_CASE("errors: an error member that is plain text becomes the message") {
  lf::error const e = error_of_get(400, R"({"error":"account_id is required"})");
  CHECK(e.code == lf::errc::bad_request);
  CHECK(e.http_status == 400);
  CHECK(e.api_code.empty());
  CHECK(e.message == "account_id is required");
}

// ---- Status mapping (docs/contract.md).

TEST_CASE("errors: 400 is bad_request") {
  lf::error const e = error_of_get(400, R"({"code":"bad_request","message":"malformed"})");
  CHECK(e.code == lf::errc::bad_request);
  CHECK(e.http_status == 400);
}

TEST_CASE("errors: 401 is unauthorized whatever its code") {
  for (char const* code : {"missing_token", "insufficient_entitlements", "something_new", ""}) {
    INFO("api code: " << std::string(code));
    lf::error const e = error_of_get(401, std::string(R"({"code":")") + code + R"(","message":"no"})");
    CHECK(e.code == lf::errc::unauthorized);
    CHECK(e.http_status == 401);
  }
}

TEST_CASE("errors: 403 with an authentication code is unauthorized") {
  for (char const* code : {"missing_token", "invalid_api_key", "access_denied", "api_key_expired", "invalid_token",
                           "token_expired", "token_revoked", "oauth_app_inactive", "oauth_app_not_found"}) {
    INFO("api code: " << std::string(code));
    lf::error const e = error_of_get(403, std::string(R"({"code":")") + code + R"(","message":"no"})");
    CHECK(e.code == lf::errc::unauthorized);
    CHECK(e.http_status == 403);
    CHECK(e.api_code == code);
  }
}

TEST_CASE("errors: 403 with an authentication code in shape B or C is unauthorized") {
  CHECK(error_of_get(403, R"({"errors":[{"code":"invalid_api_key","title":"Forbidden"}]})").code ==
        lf::errc::unauthorized);
  CHECK(error_of_get(403, R"({"error":{"code":"token_revoked","message":"revoked"}})").code == lf::errc::unauthorized);
}

TEST_CASE("errors: 403 insufficient_entitlements is forbidden") {
  lf::error const e = error_of_get(403, R"({"code":"insufficient_entitlements","message":"Upgrade your plan"})");
  CHECK(e.code == lf::errc::forbidden);
  CHECK(e.http_status == 403);
  CHECK(e.api_code == "insufficient_entitlements");
}

TEST_CASE("errors: 403 with another code or no code is forbidden") {
  CHECK(error_of_get(403, R"({"code":"insufficient_scope","message":"no"})").code == lf::errc::forbidden);
  CHECK(error_of_get(403, R"({"code":"forbidden","message":"no"})").code == lf::errc::forbidden);
  CHECK(error_of_get(403, "").code == lf::errc::forbidden);
}

TEST_CASE("errors: 404 is not_found") {
  lf::error const e = error_of_get(404, R"({"code":"entity_not_found","message":"missing"})");
  CHECK(e.code == lf::errc::not_found);
  CHECK(e.http_status == 404);
}

TEST_CASE("errors: 422 is unprocessable") {
  lf::error const e = error_of_get(422, R"({"errors":[{"code":"invalid","title":"bad filter"}]})");
  CHECK(e.code == lf::errc::unprocessable);
  CHECK(e.http_status == 422);
}

TEST_CASE("errors: 429 is rate_limited whichever limit was hit") {
  for (char const* code : {"too_many_requests", "rate_limit_exceeded", "quota_exceeded"}) {
    INFO("api code: " << std::string(code));
    lf::error const e = error_of_get(429, std::string(R"({"code":")") + code + R"(","message":"slow down"})");
    CHECK(e.code == lf::errc::rate_limited);
    CHECK(e.http_status == 429);
    CHECK(e.api_code == code);
  }
}

TEST_CASE("errors: 500, 502, 503 and 504 are server_error") {
  for (int status : {500, 502, 503, 504}) {
    INFO("status " << status);
    lf::error const e = error_of_get(status, R"({"code":"internal","message":"oops"})");
    CHECK(e.code == lf::errc::server_error);
    CHECK(e.http_status == status);
  }
}

TEST_CASE("errors: 418, 302 and 100 are unexpected_status") {
  for (int status : {418, 302, 100}) {
    INFO("status " << status);
    lf::error const e = error_of_get(status, "");
    CHECK(e.code == lf::errc::unexpected_status);
    CHECK(e.http_status == status);
  }
}

// ---- Retry-After.

TEST_CASE("errors: Retry-After in seconds fills retry_after") {
  lf::error const e =
      error_of_get(429, test_support::fixture("error_429_too_many_requests.response.json"), {{"Retry-After", "120"}});
  CHECK(e.code == lf::errc::rate_limited);
  REQUIRE(e.retry_after.has_value());
  CHECK(*e.retry_after == std::chrono::seconds(120));
  CHECK(lf::to_string(e).find("(retry after 120 s)") != std::string::npos);
}

TEST_CASE("errors: Retry-After is found whatever the header name's case") {
  lf::error const e = error_of_get(503, "", {{"retry-after", "7"}});
  REQUIRE(e.retry_after.has_value());
  CHECK(*e.retry_after == std::chrono::seconds(7));
}

TEST_CASE("errors: a Retry-After date in the past gives zero seconds") {
  lf::error const e = error_of_get(429, "", {{"Retry-After", "Sun, 06 Nov 1994 08:49:37 GMT"}});
  REQUIRE(e.retry_after.has_value());
  CHECK(*e.retry_after == std::chrono::seconds(0));
}

TEST_CASE("errors: a Retry-After date in the future gives the seconds until then") {
  constexpr std::int64_t end_of_9999 = 253402300799;  // Fri, 31 Dec 9999 23:59:59 GMT
  std::int64_t const before = epoch_seconds(std::chrono::system_clock::now());
  lf::error const e = error_of_get(503, "", {{"Retry-After", "Fri, 31 Dec 9999 23:59:59 GMT"}});
  std::int64_t const after = epoch_seconds(std::chrono::system_clock::now());
  REQUIRE(e.retry_after.has_value());
  CHECK(e.retry_after->count() <= end_of_9999 - before);
  CHECK(e.retry_after->count() >= end_of_9999 - after);
}

TEST_CASE("errors: an unparseable Retry-After gives no retry_after") {
  for (char const* value : {"soon", "-1", "1.5", "12abc", "Sun, 06 Nov 1994 08:49:37 UTC"}) {
    INFO("Retry-After: " << std::string(value));
    lf::error const e = error_of_get(429, "", {{"Retry-After", value}});
    CHECK(e.code == lf::errc::rate_limited);
    CHECK_FALSE(e.retry_after.has_value());
  }
}

TEST_CASE("errors: no Retry-After header gives no retry_after") {
  CHECK_FALSE(error_of_get(429, "").retry_after.has_value());
}

// These cases call a detail rule directly (test_support.hpp).
#if LEADFEEDER_TEST_DETAIL_RULES
TEST_CASE("errors: parse_retry_after reads delta-seconds, trimming blanks") {
  auto const now = at_epoch_seconds(rfc_example_epoch);
  CHECK(lf::detail::parse_retry_after("0", now) == std::chrono::seconds(0));
  CHECK(lf::detail::parse_retry_after("120", now) == std::chrono::seconds(120));
  CHECK(lf::detail::parse_retry_after(" \t30 ", now) == std::chrono::seconds(30));
  CHECK(lf::detail::parse_retry_after("86400", now) == std::chrono::seconds(86400));
}

TEST_CASE("errors: parse_retry_after measures an HTTP date from the given time") {
  auto const now = at_epoch_seconds(rfc_example_epoch);
  CHECK(lf::detail::parse_retry_after("Sun, 06 Nov 1994 08:51:37 GMT", now) == std::chrono::seconds(120));
  CHECK(lf::detail::parse_retry_after("Mon, 07 Nov 1994 08:49:37 GMT", now) == std::chrono::seconds(86400));
  CHECK(lf::detail::parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", now) == std::chrono::seconds(0));
  CHECK(lf::detail::parse_retry_after("Sun, 06 Nov 1994 08:49:36 GMT", now) == std::chrono::seconds(0));
  CHECK(lf::detail::parse_retry_after("Thu, 01 Jan 1970 00:00:00 GMT", now) == std::chrono::seconds(0));
  // Across a leap day: 2024-02-28T00:00:00Z is 1709078400.
  CHECK(lf::detail::parse_retry_after("Fri, 01 Mar 2024 00:00:00 GMT", at_epoch_seconds(1709078400)) ==
        std::chrono::seconds(2 * 86400));
}

TEST_CASE("errors: parse_retry_after refuses what is neither seconds nor an IMF-fixdate") {
  auto const now = at_epoch_seconds(rfc_example_epoch);
  for (char const* value :
       {"", "   ", "-5", "+5", "1.5", "1e3", "soon", "0x10",
        "1234567890123456789",  // more digits than the parser accepts
        "Sun, 06 Nov 1994 08:49:37 UTC", "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 32 Nov 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 24:00:00 GMT", "Sun, 06 Nov 1994 08:60:00 GMT", "Sun, 6 Nov 1994 08:49:37 GMT",
        "Sun, 06 Nov 94 08:49:37 GMT"}) {
    INFO("Retry-After: '" << std::string(value) << "'");
    CHECK_FALSE(lf::detail::parse_retry_after(value, now).has_value());
  }
}
#endif

// ---- request_id from the X-Request-Id header.

TEST_CASE("errors: request_id comes from X-Request-Id when the body has none") {
  lf::error const e = error_of_get(403, test_support::fixture("error_403_invalid_api_key.response.json"),
                                   {{"X-Request-Id", "a1b2c3d4-0000-4000-8000-000000000001"}});
  CHECK(e.api_code == "invalid_api_key");
  CHECK(e.request_id == "a1b2c3d4-0000-4000-8000-000000000001");
}

TEST_CASE("errors: request_id comes from x-request-id in any case, even with an empty body") {
  lf::error const e = error_of_get(500, "", {{"x-request-id", "rid-lowercase"}});
  CHECK(e.code == lf::errc::server_error);
  CHECK(e.request_id == "rid-lowercase");
}

TEST_CASE("errors: the body's request_id wins over the X-Request-Id header") {
  lf::error const e =
      error_of_get(404,
                   R"({"errors":[{"code":"entity_not_found","title":"Not found"}],"meta":{"request_id":"from-body"}})",
                   {{"X-Request-Id", "from-header"}});
  CHECK(e.request_id == "from-body");
}

// ---- Error bodies that are not JSON.

TEST_CASE("errors: an HTML 502 page maps by status and quotes its title") {
  lf::error const e = error_of_get(502,
                                   "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n"
                                   "<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center>"
                                   "</body></html>\n",
                                   {{"Content-Type", "text/html"}, {"X-Request-Id", "edge-7f3a"}});
  CHECK(e.code == lf::errc::server_error);
  CHECK(e.http_status == 502);
  CHECK(e.api_code.empty());
  CHECK(contains(e.message, "502 Bad Gateway"));
  CHECK_FALSE(contains(e.message, "<title>"));
  CHECK(e.request_id == "edge-7f3a");
}

TEST_CASE("errors: a plain-text error body maps by status and is quoted") {
  lf::error const e = error_of_get(503, "upstream connect error or disconnect/reset before headers");
  CHECK(e.code == lf::errc::server_error);
  CHECK(e.http_status == 503);
  CHECK(e.api_code.empty());
  CHECK(contains(e.message, "upstream connect error or disconnect/reset before headers"));
}

TEST_CASE("errors: a plain-text 429 is still rate_limited") {
  lf::error const e = error_of_get(429, "Too Many Requests", {{"Retry-After", "1"}});
  CHECK(e.code == lf::errc::rate_limited);
  CHECK(contains(e.message, "Too Many Requests"));
  CHECK(e.retry_after == std::chrono::seconds(1));
}

TEST_CASE("errors: an empty error body maps by status") {
  lf::error const gateway = error_of_get(504, "");
  CHECK(gateway.code == lf::errc::server_error);
  CHECK(gateway.http_status == 504);
  CHECK(gateway.api_code.empty());
  lf::error const missing = error_of_get(404, "");
  CHECK(missing.code == lf::errc::not_found);
  CHECK(missing.api_code.empty());
}

TEST_CASE("errors: a JSON error body of no known shape maps by status") {
  lf::error const e = error_of_get(400, R"({"status":"fail","reason":42})");
  CHECK(e.code == lf::errc::bad_request);
  CHECK(e.api_code.empty());
  CHECK_FALSE(e.message.empty());
}

// ---- The transport's own failures.

TEST_CASE("errors: a transport failure gives the transport's exact code and no status") {
  test_support::scripted_client t;
  t.script.fail(std::make_error_code(std::errc::connection_reset));
  auto r = t.client.send(lf::contacts::get().contact_id("3219787601").account_id("123456"));
  REQUIRE_FALSE(r);
  lf::error const& e = r.error();
  CHECK(e.code == std::make_error_code(std::errc::connection_reset));
  CHECK(e.code.category() == std::generic_category());
  CHECK(e.code != lf::errc::server_error);
  CHECK(e.http_status == 0);
  CHECK(e.api_code.empty());
  CHECK(e.request_id.empty());
  CHECK_FALSE(e.retry_after.has_value());
  CHECK(t.script.requests().size() == 1);
}

// ---- to_string(error).

TEST_CASE("errors: to_string has status, api code, message and request id") {
  lf::client_options options;
  options.api_key = "SECRET-KEY";
  test_support::scripted_client t(options);
  t.script.respond(429, test_support::fixture("error_429_too_many_requests.response.json"),
                   {{"X-Request-Id", "cf054205-dd8c-4473-8689-07c30fe0789f"}});
  auto r = t.client.send(lf::contacts::retrieve().account_id("123456").ids({"3219787601"}));
  REQUIRE_FALSE(r);
  std::string const line = lf::to_string(r.error());
  CHECK(contains(line, "429"));
  CHECK(contains(line, "too_many_requests"));
  CHECK(contains(line, "You've exceeded the maximum amount of allowed requests."));
  CHECK(contains(line, "cf054205-dd8c-4473-8689-07c30fe0789f"));
  CHECK(contains(line, "rate limited"));
}

TEST_CASE("errors: to_string never contains the API key") {
  lf::client_options options;
  options.api_key = "SECRET-KEY";
  test_support::scripted_client t(options);
  t.script.respond(
      401,
      R"({"errors":[{"code":"invalid_api_key","title":"Unauthorized"}],"error":{"code":"invalid_api_key","message":"bad key"}})");
  t.script.fail(std::make_error_code(std::errc::timed_out));
  t.script.respond(500, "<html><head><title>Internal Server Error</title></head></html>");

  for (int call = 0; call < 3; ++call) {
    auto r = t.client.send(lf::contacts::get().contact_id("3219787601").account_id("123456"));
    REQUIRE_FALSE(r);
    INFO("call " << call << ": " << lf::to_string(r.error()));
    CHECK_FALSE(contains(lf::to_string(r.error()), "SECRET-KEY"));
    CHECK_FALSE(contains(r.error().message, "SECRET-KEY"));
  }
  // The key was sent, so its absence from the errors is not an accident.
  REQUIRE(t.script.requests().size() == 3);
  CHECK(t.script.last().header("X-Api-Key") == "SECRET-KEY");
}

TEST_CASE("errors: a refused API key is not quoted in the error") {
  lf::client_options options;
  options.api_key = "SECRET-KEY\r\nX-Injected: 1";
  test_support::scripted_client t(options);
  auto r = t.client.send(lf::contacts::get().contact_id("3219787601").account_id("123456"));
  REQUIRE_FALSE(r);
  CHECK(r.error().code == lf::errc::invalid_argument);
  CHECK_FALSE(contains(lf::to_string(r.error()), "SECRET-KEY"));
}

TEST_CASE("errors: to_string of an error without status or code is code message and text") {
  lf::error const e(lf::errc::invalid_argument, "parameter 'ids' must not be empty");
  CHECK(lf::to_string(e) == "invalid argument: parameter 'ids' must not be empty");
}

// ---- lf::errc and its category.

TEST_CASE("errors: errc values compare with std::error_code") {
  std::error_code const ec = lf::errc::rate_limited;
  CHECK(ec == lf::errc::rate_limited);
  CHECK(ec != lf::errc::server_error);
  CHECK(ec == lf::make_error_code(lf::errc::rate_limited));
  CHECK(ec.category() == lf::error_category());
  CHECK(ec.value() == static_cast<int>(lf::errc::rate_limited));
  CHECK(static_cast<bool>(ec));
  // Same number, other category: not equal.
  CHECK(std::error_code(static_cast<int>(lf::errc::rate_limited), std::generic_category()) != ec);
  CHECK(std::make_error_code(std::errc::connection_reset) != lf::errc::unauthorized);
}

TEST_CASE("errors: the category is named leadfeeder") {
  CHECK(std::string_view(lf::error_category().name()) == "leadfeeder");
  CHECK(std::string_view(lf::make_error_code(lf::errc::not_found).category().name()) == "leadfeeder");
  CHECK(&lf::error_category() == &lf::make_error_code(lf::errc::forbidden).category());
}

TEST_CASE("errors: every errc value has its own non-empty message") {
  lf::errc const all[] = {lf::errc::unauthorized,     lf::errc::forbidden,         lf::errc::not_found,
                          lf::errc::bad_request,      lf::errc::unprocessable,     lf::errc::rate_limited,
                          lf::errc::server_error,     lf::errc::unexpected_status, lf::errc::invalid_response,
                          lf::errc::invalid_argument, lf::errc::buffer_exhausted,  lf::errc::cancelled};
  std::vector<std::string> seen;
  for (lf::errc value : all) {
    std::string const text = lf::make_error_code(value).message();
    INFO("errc " << static_cast<int>(value) << ": " << text);
    CHECK_FALSE(text.empty());
    CHECK(text != lf::error_category().message(0));  // not the "unknown" fallback
    for (std::string const& other : seen) CHECK(other != text);
    seen.push_back(text);
  }
  CHECK(lf::make_error_code(lf::errc::unauthorized).message() == "authentication failed");
}

TEST_CASE("errors: errc_from_status gives no error for 2xx") {
  CHECK(lf::errc_from_status(200, "") == lf::errc{});
  CHECK(lf::errc_from_status(204, "missing_token") == lf::errc{});
  CHECK_FALSE(lf::make_error_code(lf::errc_from_status(299, "")));
  CHECK(lf::errc_from_status(300, "") == lf::errc::unexpected_status);
  CHECK(lf::errc_from_status(199, "") == lf::errc::unexpected_status);
}

// ---- lf::result.

TEST_CASE("errors: result converts to bool only explicitly") {
  static_assert(!std::is_convertible_v<lf::result<int>, bool>, "result must not convert implicitly");
  static_assert(std::is_constructible_v<bool, lf::result<int>>, "result must test as bool");
  lf::result<int> const good(42);
  lf::result<int> const bad(lf::error(lf::errc::not_found, "gone"));
  CHECK(static_cast<bool>(good));
  CHECK(good.has_value());
  CHECK(*good == 42);
  CHECK_FALSE(static_cast<bool>(bad));
  CHECK_FALSE(bad.has_value());
  CHECK(bad.error().code == lf::errc::not_found);
  CHECK(bad.error().message == "gone");
}

TEST_CASE("errors: error() on a successful result is empty") {
  test_support::scripted_client t;
  t.script.respond(200, test_support::fixture("contacts_retrieve.response.json"));
  auto r = t.client.send(lf::contacts::retrieve().account_id("123456").ids({"435834"}));
  REQUIRE(r);
  CHECK_FALSE(r.error().code);
  CHECK(r.error().http_status == 0);
  CHECK(r.error().api_code.empty());
  CHECK(r.error().message.empty());
  CHECK(r.error().request_id.empty());
  CHECK_FALSE(r.error().retry_after.has_value());
}

#if LEADFEEDER_HAS_EXCEPTIONS
TEST_CASE("errors: value() throws leadfeeder::exception carrying the error") {
  test_support::scripted_client t;
  t.script.respond(404,
                   R"({"errors":[{"code":"entity_not_found","title":"Not found"}],"meta":{"request_id":"rid-404"}})");
  auto r = t.client.send(lf::contacts::get().contact_id("3219787601").account_id("123456"));
  REQUIRE_FALSE(r);
  CHECK_THROWS_AS(r.value(), lf::exception);
  CHECK_THROWS_AS(r.value(), std::system_error);
  bool thrown = false;
  try {
    r.value();
  } catch (lf::exception const& x) {
    thrown = true;
    CHECK(x.code() == lf::errc::not_found);
    CHECK(x.error().http_status == 404);
    CHECK(x.error().api_code == "entity_not_found");
    CHECK(contains(x.what(), "entity_not_found"));
    CHECK(contains(x.what(), "rid-404"));
  }
  CHECK(thrown);
}

TEST_CASE("errors: value() on a success returns the value without throwing") {
  test_support::scripted_client t;
  t.script.respond(200, test_support::fixture("contacts_retrieve.response.json"));
  auto r = t.client.send(lf::contacts::retrieve().account_id("123456").ids({"435834"}));
  REQUIRE(r);
  CHECK_NOTHROW(r.value());
  CHECK(r.value().data().front().first_name() == "John");
  lf::result<int> const n(7);
  CHECK(n.value() == 7);
}
#endif

// ---- Unusable client options.

TEST_CASE("errors: an API key with CR LF fails every call before the transport is called") {
  lf::client_options options;
  options.api_key = "KEY\r\nX-Injected: yes";
  test_support::scripted_client t(options);
  t.script.respond(200, test_support::fixture("contacts_retrieve.response.json"));
  auto r = t.client.send(lf::contacts::retrieve().account_id("123456").ids({"435834"}));
  REQUIRE_FALSE(r);
  CHECK(r.error().code == lf::errc::invalid_argument);
  CHECK(r.error().http_status == 0);
  CHECK(contains(r.error().message, "api_key"));
  CHECK(t.script.requests().empty());
  CHECK(t.script.pending() == 1);
}

TEST_CASE("errors: a base_url that is not http or https fails before the transport is called") {
  lf::client_options options = test_support::scripted_client::default_options();
  options.base_url = "ftp://x";
  test_support::scripted_client t(options);
  t.script.respond(200, "{}");
  auto r = t.client.send(lf::accounts::list());
  REQUIRE_FALSE(r);
  CHECK(r.error().code == lf::errc::invalid_argument);
  CHECK(contains(r.error().message, "base_url"));
  CHECK(t.script.requests().empty());
}

TEST_CASE("errors: a base_url with a space fails before the transport is called") {
  lf::client_options options = test_support::scripted_client::default_options();
  options.base_url = "https://api.leadfeeder.com/v1 beta";
  test_support::scripted_client t(options);
  t.script.respond(200, "{}");
  auto r = t.client.send(lf::accounts::list());
  REQUIRE_FALSE(r);
  CHECK(r.error().code == lf::errc::invalid_argument);
  CHECK(t.script.requests().empty());
}

TEST_CASE("errors: a bearer token or user agent with a line break fails before sending") {
  lf::client_options token;
  token.bearer_token = "tok\nen";
  test_support::scripted_client with_token(token);
  auto r1 = with_token.client.send(lf::accounts::list());
  REQUIRE_FALSE(r1);
  CHECK(r1.error().code == lf::errc::invalid_argument);
  CHECK(with_token.script.requests().empty());

  lf::client_options agent = test_support::scripted_client::default_options();
  agent.user_agent = std::string("agent\0x", 7);
  test_support::scripted_client with_agent(agent);
  auto r2 = with_agent.client.send(lf::accounts::list());
  REQUIRE_FALSE(r2);
  CHECK(r2.error().code == lf::errc::invalid_argument);
  CHECK(with_agent.script.requests().empty());
}

TEST_CASE("errors: a Retry-After date is read against the client's wall clock (time_source::wall_now)") {
  lf::client_options options = test_support::scripted_client::default_options();
  // 1994-11-06 08:49:00 GMT, 37 seconds before the server's date.
  options.time.wall_now = [] { return std::chrono::system_clock::time_point(std::chrono::seconds(784111740)); };
  test_support::scripted_client t(options);
  t.script.respond(429, "", {{"Retry-After", "Sun, 06 Nov 1994 08:49:37 GMT"}});
  auto r = t.client.send(lf::users::me());
  REQUIRE_FALSE(r);
  REQUIRE(r.error().retry_after.has_value());
  CHECK(*r.error().retry_after == std::chrono::seconds(37));
}
