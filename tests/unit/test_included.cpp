// SPDX-License-Identifier: MIT
// Related resources are found whether the API inlines them under relationships or side-loads them
// in a top-level `included` array (docs/api-reference.md, 1.8).
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
  t.script.respond(200,
                   R"({"data":[{"type":"contact","id":"7","relationships":{"company":{"type":"company","id":"1"}}}],
    "included":[{"type":"company","id":"2","attributes":{"name":"Other"}},{"type":"list","id":"1","attributes":{"name":"L"}}]})");
  auto r = t.client.send(retrieve());
  REQUIRE(r);
  lf::company_view company = r->data().front().relationships().company();
  CHECK(company.id() == "1");
  CHECK_FALSE(company.has_name());
}

TEST_CASE("resources that refer to each other in included do not loop") {
  scripted_client t;
  t.script.respond(200,
                   R"({"data":{"type":"company","id":"a","relationships":{"group_company":{"type":"company","id":"b"}}},
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
  t.script.respond(200,
                   R"({"data":[{"type":"contact","id":"7","relationships":{"company":{"type":"company","id":"1"}}}],
    "included":[42,"x",null,{"type":"company"},{"id":"1","attributes":{}}]})");
  auto r = t.client.send(retrieve());
  REQUIRE(r);
  CHECK_FALSE(r->data().front().relationships().company().has_name());
}

TEST_CASE("many stubs among many included resources each find their own, the first of duplicates winning") {
  // 500 contacts, each naming company (499 - i), among 500 side-loaded companies listed in a
  // scrambled order with a duplicate of company 7 after the first.
  std::string body = R"({"data":[)";
  for (int i = 0; i < 500; ++i) {
    if (i != 0) body += ',';
    body += R"({"type":"contact","id":")" + std::to_string(i) +
            R"(","relationships":{"company":{"type":"company","id":")" + std::to_string(499 - i) + R"("}}})";
  }
  body += R"(],"included":[)";
  for (int k = 0; k < 500; ++k) {
    int const id = (k * 7) % 500;  // 7 and 500 are coprime: every id once
    if (k != 0) body += ',';
    body += R"({"type":"company","id":")" + std::to_string(id) + R"(","attributes":{"name":"Company )" +
            std::to_string(id) + R"("}})";
    if (id == 7) body += R"(,{"type":"company","id":"7","attributes":{"name":"Duplicate"}})";
  }
  body += "]}";
  scripted_client t;
  t.script.respond(200, body);
  auto r = t.client.send(retrieve());
  REQUIRE(r);
  REQUIRE(r->data().size() == 500);
  int right = 0;
  for (int i = 0; i < 500; ++i) {
    lf::company_view company = r->data()[static_cast<std::size_t>(i)].relationships().company();
    if (company.name() == "Company " + std::to_string(499 - i)) ++right;
  }
  CHECK(right == 500);
  CHECK(r->data()[492].relationships().company().name() == "Company 7");
}

TEST_CASE("side-loaded resources are linked, not copied: many stubs of one large resource cost nothing more") {
  // 1,000 stubs naming one 50 KB resource: copied, that would be 50 MB from a 100 KB body; as
  // links, the document stays a small multiple of the body.
  std::string body = R"({"data":[)";
  for (int i = 0; i < 1000; ++i) {
    if (i != 0) body += ',';
    body += R"({"type":"contact","id":"1","relationships":{"company":{"type":"company","id":"9"}}})";
  }
  body += R"(],"included":[{"type":"company","id":"9","attributes":{"name":")" + std::string(50000, 'n') + R"("}}]})";
  scripted_client t;
  t.script.respond(200, body);
  auto r = t.client.send(retrieve());
  REQUIRE(r);
  CHECK(r->doc().tape_bytes() < 4 * r->body().size());  // a dense body: about 7 bytes a node
  CHECK(r->data()[999].relationships().company().name().size() == 50000);
  // Every stub leads to the one resource in the body, not to a copy.
  CHECK(r->data()[0].relationships().company().name().data() == r->data()[999].relationships().company().name().data());

  // Ten stubs of the same resource stay well inside the bound and resolve.
  std::string small = R"({"data":[)";
  for (int i = 0; i < 10; ++i) {
    if (i != 0) small += ',';
    small += R"({"type":"contact","id":"1","relationships":{"company":{"type":"company","id":"9"}}})";
  }
  small += R"(],"included":[{"type":"company","id":"9","attributes":{"name":")" + std::string(50000, 'n') + R"("}}]})";
  t.script.respond(200, small);
  auto ok = t.client.send(retrieve());
  REQUIRE(ok);
  CHECK(ok->data()[9].relationships().company().name().size() == 50000);
}
