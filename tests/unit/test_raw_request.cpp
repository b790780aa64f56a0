// SPDX-License-Identifier: MIT
// Raw requests: any method, path, query and body through the same client and error handling.
#include <doctest/doctest.h>
#include <test_support.hpp>

#include <boost/json.hpp>

namespace lf = leadfeeder;
using test_support::scripted_client;

TEST_CASE("a raw GET goes out with the client's headers and comes back as JSON") {
  scripted_client t;
  t.script.respond(200, R"({"data":{"type":"user","id":"12345","attributes":{"email":"a@x.com"}}})");
  auto r = t.client.send(lf::raw_request(lf::http_method::get, "/v1/users/me"));
  REQUIRE(r);
  CHECK(t.script.last().method == lf::http_method::get);
  CHECK(t.script.last().url == "https://api.leadfeeder.com/v1/users/me");
  CHECK(t.script.last().header("X-Api-Key") == "KEY");
  CHECK(t.script.last().header("User-Agent") == "leadfeeder-cpp/" LEADFEEDER_VERSION_STRING);
  CHECK_FALSE(t.script.last().has_header("Content-Type"));
  CHECK(r->data()["id"].as_string() == "12345");
  CHECK(r->data()["attributes"]["email"].as_string() == "a@x.com");
}

TEST_CASE("a raw request encodes its query and sends its body with a content type") {
  scripted_client t;
  t.script.respond(201, R"({"data":{"type":"tag","id":"t9"}})");
  boost::json::value body = {{"data", {{"type", "tag"}, {"attributes", {{"name", "VIP & co"}}}}}};
  auto r = t.client.send(lf::raw_request(lf::http_method::post, "/v1/tags")
                             .query("account_id", "12 34")
                             .query("page[size]", "5")
                             .body(body));
  REQUIRE(r);
  CHECK(r->status() == 201);
  CHECK(t.script.last().target() == "/v1/tags?account_id=12%2034&page%5Bsize%5D=5");
  CHECK(t.script.last().header("Content-Type") == "application/json");
  CHECK(boost::json::parse(t.script.last().body) == body);
}

TEST_CASE("a raw DELETE may carry a body") {
  scripted_client t;
  t.script.respond(204, "");
  auto r = t.client.send(lf::raw_request(lf::http_method::del, "/v1/companies/" + lf::percent_encode("a/b") + "/lists")
                             .body(std::string(R"({"data":[{"type":"list","id":"l1"}]})")));
  REQUIRE(r);
  CHECK(t.script.last().method == lf::http_method::del);
  CHECK(t.script.last().target() == "/v1/companies/a%2Fb/lists");
  CHECK(t.script.last().body == R"({"data":[{"type":"list","id":"l1"}]})");
  CHECK_FALSE(r->data().exists());
}

TEST_CASE("raw requests get the same error handling as typed ones") {
  scripted_client t;
  t.script.respond(404, R"({"errors":[{"code":"entity_not_found","title":"Not found"}],"meta":{"request_id":"q"}})");
  auto r = t.client.send(lf::raw_request(lf::http_method::get, "/v1/custom_fields"));
  REQUIRE_FALSE(r);
  CHECK(r.error().code == lf::errc::not_found);
  CHECK(r.error().api_code == "entity_not_found");
  CHECK(r.error().request_id == "q");
}

TEST_CASE("a raw path that could change meaning is refused before sending") {
  scripted_client t;
  for (char const* path :
       {"v1/users/me", "/v1/../admin", "/v1/./x", "/v1/a b", "/v1/a?b=c", "/v1/a#b", "/v1/a\r\nX: y", ""}) {
    INFO(path);
    auto r = t.client.send(lf::raw_request(lf::http_method::get, path));
    REQUIRE_FALSE(r);
    CHECK(r.error().code == lf::errc::invalid_argument);
  }
  auto crlf = t.client.send(lf::raw_request(lf::http_method::get, "/v1/x").query("a", "b\nc"));
  CHECK(crlf.error().code == lf::errc::invalid_argument);
  CHECK(t.script.requests().empty());
}

TEST_CASE("percent_encode leaves only unreserved characters") {
  CHECK(lf::percent_encode("company_123") == "company_123");
  CHECK(lf::percent_encode("a b/c?d#e&f=g%") == "a%20b%2Fc%3Fd%23e%26f%3Dg%25");
  CHECK(lf::percent_encode("..") == "..");
}
