// Related resources are found whether the API inlines them under relationships or side-loads them
// in a top-level `included` array (reference 1.8).
#include <doctest/doctest.h>
#include <test_support.hpp>

namespace lf = leadfeeder;
using test_support::scripted_client;

namespace {
auto retrieve() { return lf::contacts::retrieve().account_id("1").ids({"7"}).include(lf::contacts::include::company); }
}  // namespace

TEST_CASE("a company inlined under relationships is read in full") {
  scripted_client t;
  t.script.respond(200, R"({"data":[{"type":"contact","id":"7","relationships":{
    "company":{"type":"company","id":"129011","attributes":{"name":"Dealfront","employee_count":250}}}}]})");
  auto r = t.client.send(retrieve());
  REQUIRE(r);
  lf::company_view company = r->data().front().relationships().company();
  CHECK(company.id() == "129011");
  CHECK(company.name() == "Dealfront");
  CHECK(company.employee_count() == 250);
}

TEST_CASE("a company side-loaded in a top-level included array is read the same way") {
  scripted_client t;
  t.script.respond(200, R"({"data":[{"type":"contact","id":"7","relationships":{
      "company":{"type":"company","id":"129011"},
      "lists":{"data":[{"type":"list","id":"company_1"},{"type":"list","id":"company_2"}]}}}],
    "included":[
      {"type":"list","id":"company_2","attributes":{"name":"Second"}},
      {"type":"company","id":"129011","attributes":{"name":"Dealfront","employee_count":250}},
      {"type":"list","id":"company_1","attributes":{"name":"First"}}]})");
  auto r = t.client.send(retrieve());
  REQUIRE(r);
  lf::contact_relationships_view rel = r->data().front().relationships();
  CHECK(rel.company().name() == "Dealfront");
  CHECK(rel.company().employee_count() == 250);
  REQUIRE(rel.lists().size() == 2);
  CHECK(rel.lists()[0].name() == "First");
  CHECK(rel.lists()[1].name() == "Second");
}

TEST_CASE("a stub with no match in included stays a stub") {
  scripted_client t;
  t.script.respond(200, R"({"data":[{"type":"contact","id":"7","relationships":{"company":{"type":"company","id":"1"}}}],
    "included":[{"type":"company","id":"2","attributes":{"name":"Other"}},{"type":"list","id":"1","attributes":{"name":"L"}}]})");
  auto r = t.client.send(retrieve());
  REQUIRE(r);
  lf::company_view company = r->data().front().relationships().company();
  CHECK(company.id() == "1");
  CHECK_FALSE(company.has_name());
}

TEST_CASE("resources that refer to each other in included do not loop") {
  scripted_client t;
  t.script.respond(200, R"({"data":{"type":"company","id":"a","relationships":{"group_company":{"type":"company","id":"b"}}},
    "included":[{"type":"company","id":"b","attributes":{"name":"B"},"relationships":{"group_company":{"type":"company","id":"a"}}},
                {"type":"company","id":"a","attributes":{"name":"A"},"relationships":{"group_company":{"type":"company","id":"b"}}}]})");
  auto r = t.client.send(lf::raw_request(lf::http_method::get, "/v1/companies/a"));
  REQUIRE(r);
  lf::company_view a(r->data().raw());
  CHECK(a.relationships().group_company().name() == "B");
  CHECK(a.relationships().group_company().relationships().group_company().id() == "a");
  CHECK_FALSE(a.relationships().group_company().relationships().group_company().has_name());
}

TEST_CASE("included entries that are not resources are ignored") {
  scripted_client t;
  t.script.respond(200, R"({"data":[{"type":"contact","id":"7","relationships":{"company":{"type":"company","id":"1"}}}],
    "included":[42,"x",null,{"type":"company"},{"id":"1","attributes":{}}]})");
  auto r = t.client.send(retrieve());
  REQUIRE(r);
  CHECK_FALSE(r->data().front().relationships().company().has_name());
}
