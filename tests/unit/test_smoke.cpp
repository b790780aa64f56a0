#include <doctest/doctest.h>
#include <test_support.hpp>

TEST_CASE("smoke: retrieve contacts decodes the docs example") {
  test_support::scripted_client t;
  t.script.respond(200, test_support::fixture("contacts_retrieve.response.json"));
  auto r = t.client.send(leadfeeder::contacts::retrieve().account_id("1").ids({"435834"}));
  REQUIRE(r);
  CHECK(r->data().front().first_name() == "John");
}
