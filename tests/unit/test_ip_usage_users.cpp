// SPDX-License-Identifier: MIT
// ip.enrich, usage.get and users.me on the wire and decoded (docs/api-reference.md, 1.15, 3.5, 3.11, 4.10), and
// the one error path every operation group reaches the client through (docs/api-reference.md, 1.10).
#include <doctest/doctest.h>
#include <test_support.hpp>

#include <leadfeeder/leadfeeder.hpp>
#include <leadfeeder/testing/scripted_transport.hpp>

#include <boost/json.hpp>

#include <chrono>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace lf = leadfeeder;
using test_support::refusal_message_of;
using test_support::request_of;
using test_support::scripted_client;

namespace {

/// A usage.get request for the given months.
auto usage_for(std::string_view start, std::string_view end) {
  return lf::usage::get().account_id("123456").start_period(start).end_period(end);
}

/// Sends `builder` to a server that fails with `status` and checks the error that comes back:
/// the same fields, whatever the operation.
template <class Builder>
void expect_server_error(Builder const& builder, int status) {
  CAPTURE(std::string(Builder::operation_id));
  CAPTURE(status);
  scripted_client t;
  t.script.respond(status, R"({"errors":[{"code":"internal_error","title":"Internal Server Error"}]})",
                   {{"X-Request-Id", "req-5xx"}, {"Retry-After", "3"}});
  auto r = t.client.send(builder);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == lf::errc::server_error);
  CHECK(r.error().http_status == status);
  CHECK(r.error().api_code == "internal_error");
  CHECK(r.error().message == "Internal Server Error");
  CHECK(r.error().request_id == "req-5xx");
  REQUIRE(r.error().retry_after.has_value());
  CHECK(r.error().retry_after->count() == 3);
  CHECK(t.script.requests().size() == 1);
}

template <class T, class = void>
struct has_account_id_setter : std::false_type {};
template <class T>
struct has_account_id_setter<T, std::void_t<decltype(std::declval<T const&>().account_id("1"))>> : std::true_type {};

}  // namespace

// ---- ip.enrich

TEST_CASE("ip.enrich is GET /v1/ip/enrich with ip then account_id in the query") {
  auto const req = request_of(lf::ip::enrich().account_id("123456").ip("192.0.2.44"));
  CHECK(req.method == lf::http_method::get);
  CHECK(req.url == "https://api.leadfeeder.com/v1/ip/enrich?ip=192.0.2.44&account_id=123456");
  CHECK(req.body.empty());
  CHECK_FALSE(req.has_header("Content-Type"));
}

TEST_CASE("ip.enrich percent-encodes an IPv6 address") {
  auto const req = request_of(lf::ip::enrich().ip("2001:db8:85a3::8a2e:370:7334").account_id("123456"));
  CHECK(req.target() == "/v1/ip/enrich?ip=2001%3Adb8%3A85a3%3A%3A8a2e%3A370%3A7334&account_id=123456");
}

TEST_CASE("ip.enrich percent-encodes the zone index of a link-local IPv6 address") {
  auto const req = request_of(lf::ip::enrich().ip("fe80::1%eth0").account_id("123456"));
  CHECK(req.target() == "/v1/ip/enrich?ip=fe80%3A%3A1%25eth0&account_id=123456");
}

TEST_CASE("ip.enrich refuses an empty ip and one with a line break before sending") {
  CHECK(refusal_message_of(lf::ip::enrich().ip("").account_id("123456")).find("'ip'") != std::string::npos);
  CHECK(refusal_message_of(lf::ip::enrich().ip("192.0.2.1\r\nX-Evil: 1").account_id("123456")).find("'ip'") !=
        std::string::npos);
}

TEST_CASE("ip.enrich decodes an EnrichedIpV1 with its company inline") {
  scripted_client t;
  t.script.respond(200, R"({
    "data": {
      "type": "enriched_ip",
      "id": "2001:db8::1",
      "attributes": {"company_type": "company"},
      "relationships": {
        "company": {
          "type": "company",
          "id": 129011,
          "attributes": {
            "name": "Leadfeeder Oy",
            "url": "https://www.leadfeeder.com",
            "industries": {"industry": [{"code": "software", "name": "Software"}]},
            "address": {"street_address": "Mannerheimintie 12 B", "postal_code": "00100", "city": "Helsinki",
                        "country": "Finland", "country_code": "FI"},
            "founded_year": 2012,
            "phones": [{"number": "+358 9 4245 0520"}],
            "revenue": {"value": 21500000, "currency": "EUR", "year": 2023, "estimated": true},
            "employee_count": 230,
            "description": "B2B website visitor identification."
          }
        }
      }
    },
    "meta": {"request_id": "r-ip", "credits": {"charged": 1}}
  })");
  auto r = t.client.send(lf::ip::enrich().ip("2001:db8::1").account_id("123456"));
  REQUIRE(r);
  static_assert(std::is_same_v<decltype(r->data()), lf::enriched_ip_view>, "ip.enrich answers one EnrichedIpV1");
  lf::enriched_ip_view e = r->data();
  CHECK(e.type() == "enriched_ip");
  CHECK(e.id() == "2001:db8::1");
  CHECK(e.has_company_type());
  CHECK(e.company_type() == "company");
  REQUIRE(e.relationships().has_company());
  lf::company_view c = e.relationships().company();
  CHECK(c.id() == "129011");
  CHECK(c.name() == "Leadfeeder Oy");
  CHECK(c.url() == "https://www.leadfeeder.com");
  CHECK(c.industries().industry()[0].code() == "software");
  CHECK(c.address().city() == "Helsinki");
  CHECK(c.address().country_code() == "FI");
  CHECK(c.founded_year() == 2012);
  REQUIRE(c.phones().size() == 1);
  CHECK(c.phones()[0].number() == "+358 9 4245 0520");
  CHECK(c.revenue().value() == doctest::Approx(21500000));
  CHECK(c.revenue().currency() == "EUR");
  CHECK(c.revenue().estimated());
  CHECK(c.employee_count() == 230);
  CHECK(c.description() == "B2B website visitor identification.");
  CHECK(r->meta().credits().charged() == 1);
}

TEST_CASE("ip.enrich reads a company given only as inline attributes, without id or type") {
  scripted_client t;
  t.script.respond(200, R"({"data":{"attributes":{"company_type":"company"},
                            "relationships":{"company":{"attributes":{"name":"Globex","employee_count":12}}}}})");
  auto r = t.client.send(lf::ip::enrich().ip("192.0.2.7").account_id("123456"));
  REQUIRE(r);
  lf::company_view c = r->data().relationships().company();
  CHECK(c.exists());
  CHECK_FALSE(c.has_id());
  CHECK(c.name() == "Globex");
  CHECK(c.employee_count() == 12);
}

TEST_CASE("ip.enrich of a network address has another company_type and no company") {
  scripted_client t;
  t.script.respond(200, R"({"data":{"type":"enriched_ip","id":"198.51.100.3",
                            "attributes":{"company_type":"isp","network":{"name":"Example ISP"}}}})");
  auto r = t.client.send(lf::ip::enrich().ip("198.51.100.3").account_id("123456"));
  REQUIRE(r);
  CHECK(r->data().company_type() == "isp");
  CHECK_FALSE(r->data().relationships().has_company());
  CHECK_FALSE(r->data().relationships().company().exists());
  CHECK(r->data().attributes()["network"]["name"].as_string() == "Example ISP");
}

TEST_CASE("ip.enrich answered 403 insufficient_entitlements gives errc::forbidden, not unauthorized") {
  scripted_client t;
  t.script.respond(403, R"({"code":"insufficient_entitlements","message":"Your plan does not include IP enrichment"})");
  auto r = t.client.send(lf::ip::enrich().ip("192.0.2.44").account_id("123456"));
  REQUIRE_FALSE(r);
  CHECK(r.error().code == lf::errc::forbidden);
  CHECK(r.error().code != lf::errc::unauthorized);
  CHECK(r.error().http_status == 403);
  CHECK(r.error().api_code == "insufficient_entitlements");
  CHECK(r.error().message == "Your plan does not include IP enrichment");
}

// ---- usage.get

TEST_CASE("usage.get is GET /v1/usage with account_id, start_period and end_period in the query") {
  auto const req = request_of(lf::usage::get().end_period("2026-03").start_period("2026-01").account_id("123456"));
  CHECK(req.method == lf::http_method::get);
  CHECK(req.url == "https://api.leadfeeder.com/v1/usage?account_id=123456&start_period=2026-01&end_period=2026-03");
  CHECK(req.body.empty());
}

TEST_CASE("usage.get sends the first and last months of the year and a one-month range") {
  CHECK(request_of(usage_for("2025-01", "2025-12")).target() ==
        "/v1/usage?account_id=123456&start_period=2025-01&end_period=2025-12");
  CHECK(request_of(usage_for("2026-02", "2026-02")).target() ==
        "/v1/usage?account_id=123456&start_period=2026-02&end_period=2026-02");
}

TEST_CASE("usage.get refuses a start_period that is not YYYY-MM before sending") {
  for (std::string_view bad : {"2026-13", "2026-1", "2026-01-01", "2026-00", "26-01", "2026/01", "2026-0a", ""}) {
    CAPTURE(bad);
    std::string const message = refusal_message_of(usage_for(bad, "2026-03"));
    CHECK(message.find("usage.get") != std::string::npos);
    CHECK(message.find("start_period") != std::string::npos);
  }
}

TEST_CASE("usage.get refuses an end_period that is not YYYY-MM before sending") {
  for (std::string_view bad : {"2026-13", "2026-1", "2026-01-01", " 2026-03", ""}) {
    CAPTURE(bad);
    CHECK(refusal_message_of(usage_for("2026-01", bad)).find("end_period") != std::string::npos);
  }
}

TEST_CASE("usage.get refuses, unsent, an end_period before the start_period") {
  scripted_client t;
  auto r = t.client.send(usage_for("2026-03", "2026-02"));
  REQUIRE_FALSE(r);
  CHECK(r.error().code == lf::errc::invalid_argument);
  CHECK(r.error().message.find("usage.get: parameter 'end_period' must not be before 'start_period'") !=
        std::string::npos);
  CHECK(t.script.requests().empty());
  CHECK(request_of(usage_for("2025-12", "2026-01")).target() ==
        "/v1/usage?account_id=123456&start_period=2025-12&end_period=2026-01");
}

TEST_CASE("usage.get answers the usage view (ApiUsageV1)") {
  scripted_client t;
  t.script.respond(200, R"({"data":{"type":"api_usage","id":"2026-01",
      "attributes":{"endpoints":[{"endpoint":"POST /v1/companies/search","requests":120,"credits":0}]}},
    "meta":{"request_id":"r-u"}})");
  auto r = t.client.send(usage_for("2026-01", "2026-01"));
  REQUIRE(r);
  static_assert(std::is_same_v<decltype(r->data()), lf::api_usage_view>, "the usage view");
  CHECK(r->data().type() == "api_usage");
  CHECK(r->data().attributes()["endpoints"][0]["requests"].as_integer() == 120);
  CHECK(r->meta().request_id() == "r-u");
  static_assert(!decltype(lf::usage::get())::charges_credits, "usage is free");
}

// ---- users.me

TEST_CASE("users.me is GET /v1/users/me with no query and no body") {
  static_assert(!has_account_id_setter<decltype(lf::users::me())>::value, "users.me takes no account_id");
  static_assert(has_account_id_setter<decltype(lf::usage::get())>::value, "the detector does find a setter");
  auto const req = request_of(lf::users::me());
  CHECK(req.method == lf::http_method::get);
  CHECK(req.url == "https://api.leadfeeder.com/v1/users/me");
  CHECK(req.target().find('?') == std::string_view::npos);
  CHECK(req.body.empty());
  CHECK(req.header("X-Api-Key") == "KEY");
}

TEST_CASE("users.me decodes the key owner's user record") {
  scripted_client t;
  t.script.respond(200, R"({"data":{"type":"user","id":48213,"attributes":{"email":"jane.doe@example.com",
                            "first_name":"Jane","last_name":"Doe","team_role":"admin"}},
                            "meta":{"request_id":"r-me"}})");
  auto r = t.client.send(lf::users::me());
  REQUIRE(r);
  static_assert(std::is_same_v<decltype(r->data()), lf::user_view>, "users.me answers one UserV1");
  lf::user_view u = r->data();
  CHECK(u.type() == "user");
  CHECK(u.id() == "48213");
  CHECK(u.email() == "jane.doe@example.com");
  CHECK(u.first_name() == "Jane");
  CHECK(u.last_name() == "Doe");
  CHECK(u.team_role() == "admin");
  CHECK(r->requested_id().empty());
  CHECK_FALSE(r->id_changed());
}

TEST_CASE("users.me checks a key: a 401 answer gives errc::unauthorized") {
  scripted_client t;
  t.script.respond(401, R"({"errors":[{"code":"invalid_api_key","title":"Invalid API key"}],
                            "error":{"code":"invalid_api_key","message":"Invalid API key"},
                            "meta":{"request_id":"r-401"}})");
  auto r = t.client.send(lf::users::me());
  REQUIRE_FALSE(r);
  CHECK(r.error().code == lf::errc::unauthorized);
  CHECK(r.error().http_status == 401);
  CHECK(r.error().api_code == "invalid_api_key");
  CHECK(r.error().request_id == "r-401");
}

TEST_CASE("users.me checks a key: a 403 with an authentication code gives errc::unauthorized too") {
  scripted_client t;
  t.script.respond(403, R"({"code":"missing_token","message":"Send the X-Api-Key header"})");
  auto r = t.client.send(lf::users::me());
  REQUIRE_FALSE(r);
  CHECK(r.error().code == lf::errc::unauthorized);
  CHECK(r.error().http_status == 403);
  CHECK(r.error().api_code == "missing_token");
}

TEST_CASE("users.me with a bearer token sends Authorization and no X-Api-Key") {
  lf::client_options options;
  options.bearer_token = "oauth-token";
  scripted_client t(options);
  t.script.respond(200, R"({"data":{"type":"user","id":"1","attributes":{"email":"a@b.c"}}})");
  auto r = t.client.send(lf::users::me());
  REQUIRE(r);
  CHECK(r->data().email() == "a@b.c");
  CHECK(t.script.last().header("Authorization") == "Bearer oauth-token");
  CHECK_FALSE(t.script.last().has_header("X-Api-Key"));
}

// ---- The same error handling for every group

TEST_CASE("an operation of every group answered 500 gives errc::server_error with the server's details") {
  expect_server_error(lf::accounts::list(), 500);
  expect_server_error(lf::companies::get().company_id("129011").account_id("123456"), 500);
  expect_server_error(lf::contacts::get().contact_id("435834").account_id("123456"), 500);
  expect_server_error(lf::web_visits::list_custom_feeds().account_id("123456"), 500);
  expect_server_error(lf::ip::enrich().ip("192.0.2.44").account_id("123456"), 500);
  expect_server_error(lf::buyer_personas::list().account_id("123456"), 500);
  expect_server_error(lf::icps::list().account_id("123456"), 500);
  expect_server_error(lf::tags::list().account_id("123456"), 500);
  expect_server_error(lf::lists::list().account_id("123456").filter_scope(lf::lists::scope::company), 500);
  expect_server_error(lf::custom_fields::list().account_id("123456"), 500);
  expect_server_error(usage_for("2026-01", "2026-03"), 500);
  expect_server_error(lf::users::me(), 500);
}

TEST_CASE("the operations of this file answered 502, 503 or 504 give errc::server_error") {
  for (int status : {502, 503, 504}) {
    expect_server_error(lf::ip::enrich().ip("2001:db8::1").account_id("123456"), status);
    expect_server_error(usage_for("2026-01", "2026-03"), status);
    expect_server_error(lf::users::me(), status);
  }
}

TEST_CASE("a 500 with an HTML body is still errc::server_error, with the page title as message") {
  scripted_client t;
  t.script.respond(500, "<html><head><title>500 Internal Server Error</title></head><body>oops</body></html>");
  auto r = t.client.send(lf::users::me());
  REQUIRE_FALSE(r);
  CHECK(r.error().code == lf::errc::server_error);
  CHECK(r.error().http_status == 500);
  CHECK(r.error().api_code.empty());
  CHECK(r.error().message.find("500 Internal Server Error") != std::string::npos);
}
