// SPDX-License-Identifier: MIT
// The six Account and Contacts operations on the wire: method, URL, headers and body of each
// request, and how each answer is decoded (docs/api-reference.md, 1.4-1.9, 3.1.1, 3.3).
#include <doctest/doctest.h>
#include <test_support.hpp>

#include <leadfeeder/leadfeeder.hpp>
#include <leadfeeder/testing/scripted_transport.hpp>

#include <boost/json.hpp>

#include <array>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace lf = leadfeeder;
using test_support::fixture;
using test_support::json;
using test_support::request_of;
using test_support::scripted_client;

namespace {


/// A body answering contacts.get: the docs' example contact as a single `data` object.
std::string docs_contact_as_single_object() {
  boost::json::value const docs = json(fixture("contacts_retrieve.response.json"));
  boost::json::object body;
  body["data"] = docs.at("data").at(0);
  body["meta"] = docs.at("meta");
  return boost::json::serialize(body);
}

}  // namespace

// ---- accounts.list

TEST_CASE("accounts.list is GET /v1/accounts with no query") {
  auto const req = request_of(lf::accounts::list());
  CHECK(req.method == lf::http_method::get);
  CHECK(req.url == "https://api.leadfeeder.com/v1/accounts");
  CHECK(req.body.empty());
}

TEST_CASE("accounts.list with account_id sends it as a query parameter") {
  auto const req = request_of(lf::accounts::list().account_id("123456"));
  CHECK(req.method == lf::http_method::get);
  CHECK(req.url == "https://api.leadfeeder.com/v1/accounts?account_id=123456");
  CHECK(req.body.empty());
}

TEST_CASE("accounts.list with include=account_company") {
  auto const req =
      request_of(lf::accounts::list().account_id("123456").include(lf::accounts::include::account_company));
  CHECK(req.url == "https://api.leadfeeder.com/v1/accounts?account_id=123456&include=account_company");
}

TEST_CASE("accounts.list answers account summaries without account_id and accounts with it") {
  scripted_client t;
  t.script.respond(200, fixture("accounts_list.response.json"));
  t.script.respond(200, fixture("accounts_list_with_account_id.response.json"));

  auto all = t.client.send(lf::accounts::list());
  static_assert(std::is_same_v<decltype(all->data().front()), lf::account_summary_view>,
                "without account_id, accounts.list lists AccountSummaryV1");
  REQUIRE(all);
  REQUIRE(all->data().size() == 2);
  CHECK(all->data()[0].type() == "account_summary");
  CHECK(all->data()[0].id() == "123456");
  CHECK(all->data()[1].name() == "Account 2");

  auto one = t.client.send(lf::accounts::list().account_id("123456"));
  static_assert(std::is_same_v<decltype(one->data().front()), lf::account_view>,
                "with account_id, accounts.list lists AccountV1");
  REQUIRE(one);
  REQUIRE(one->data().size() == 1);
  CHECK(one->data().front().type() == "account");
  CHECK(one->data().front().credits().remaining() == 800);
}

// ---- contacts.get

TEST_CASE("contacts.get is GET /v1/contacts/{contact_id} with account_id in the query") {
  auto const req = request_of(lf::contacts::get().contact_id("435834").account_id("123456"));
  CHECK(req.method == lf::http_method::get);
  CHECK(req.url == "https://api.leadfeeder.com/v1/contacts/435834?account_id=123456");
  CHECK(req.body.empty());
}

TEST_CASE("contacts.get with include sends the values comma-separated") {
  auto const req = request_of(lf::contacts::get().contact_id("435834").account_id("123456").include(
      lf::contacts::include::company, lf::contacts::include::lists));
  CHECK(req.url == "https://api.leadfeeder.com/v1/contacts/435834?account_id=123456&include=company,lists");
}

TEST_CASE("contacts.get percent-encodes the contact id in the path") {
  auto const req = request_of(lf::contacts::get().contact_id("old id/7").account_id("123456"));
  CHECK(req.url == "https://api.leadfeeder.com/v1/contacts/old%20id%2F7?account_id=123456");
}

TEST_CASE("contacts.get decodes data given as a single object") {
  scripted_client t;
  t.script.respond(200, docs_contact_as_single_object());
  auto r = t.client.send(lf::contacts::get().contact_id("435834").account_id("123456"));
  REQUIRE(r);
  lf::contact_view c = r->data();
  CHECK(c.exists());
  CHECK(c.type() == "contact");
  CHECK(c.id() == "435834");
  CHECK(c.first_name() == "John");
  CHECK(c.emails().front().address() == "info@leadfeeder.com");
  CHECK(c.relationships().company().id() == "129011");
  CHECK(r->meta().credits().charged() == 1);
}

TEST_CASE("contacts.get accepts data given as an array of one") {
  scripted_client t;
  t.script.respond(200, fixture("contacts_retrieve.response.json"));
  auto r = t.client.send(lf::contacts::get().contact_id("435834").account_id("123456"));
  REQUIRE(r);
  lf::contact_view c = r->data();
  CHECK(c.exists());
  CHECK(c.id() == "435834");
  CHECK(c.last_name() == "Doe");
}

// ---- contacts.retrieve

TEST_CASE("contacts.retrieve forms the docs' sample request") {
  auto const req = request_of(lf::contacts::retrieve()
                                  .ids({"3219787601", "3219787635"})
                                  .account_id("123456")
                                  .include(lf::contacts::include::company));
  CHECK(req.method == lf::http_method::get);
  CHECK(req.target() == "/v1/contacts?ids=3219787601,3219787635&account_id=123456&include=company");
  CHECK(req.url ==
        "https://api.leadfeeder.com/v1/contacts?ids=3219787601,3219787635&account_id=123456&include=company");
  CHECK(req.body.empty());
}

TEST_CASE("contacts.retrieve sends several include values in enum order, dotted values intact") {
  auto const req = request_of(lf::contacts::retrieve()
                                  .account_id("123456")
                                  .ids({"435834"})
                                  .include(lf::contacts::include::crm_connections_crm_record_crm_owner,
                                           lf::contacts::include::buyer_personas, lf::contacts::include::company,
                                           lf::contacts::include::crm_connections_crm_record));
  CHECK(req.target() ==
        "/v1/contacts?ids=435834&account_id=123456"
        "&include=company,buyer_personas,crm_connections.crm_record,crm_connections.crm_record.crm_owner");
}

TEST_CASE("contacts.retrieve takes ids from a std::vector<std::string>") {
  std::vector<std::string> const ids{"3219787601", "3219787635", "435834"};
  auto const req = request_of(lf::contacts::retrieve().account_id("123456").ids(ids));
  CHECK(req.target() == "/v1/contacts?ids=3219787601,3219787635,435834&account_id=123456");
}

TEST_CASE("contacts.retrieve takes ids from a std::array<std::string_view, N>") {
  std::array<std::string_view, 2> const ids{"3219787601", "3219787635"};
  auto const req = request_of(lf::contacts::retrieve().account_id("123456").ids(ids));
  CHECK(req.target() == "/v1/contacts?ids=3219787601,3219787635&account_id=123456");
}

TEST_CASE("contacts.retrieve decodes the docs' example as a list of contacts") {
  scripted_client t;
  t.script.respond(200, fixture("contacts_retrieve.response.json"));
  auto r = t.client.send(lf::contacts::retrieve().account_id("123456").ids({"435834", "999"}));
  REQUIRE(r);
  REQUIRE(r->data().size() == 1);  // the unknown id is left out, not an error
  CHECK(r->data().front().id() == "435834");
  CHECK(r->meta().request_id() == "cf054205-dd8c-4473-8689-07c30fe0789f");
}

// ---- contacts.search

TEST_CASE("contacts.search is POST /v1/contacts/search with account_id in the query") {
  auto const req = request_of(lf::contacts::search().account_id("123456").emails({"a@x.com"}));
  CHECK(req.method == lf::http_method::post);
  CHECK(req.url == "https://api.leadfeeder.com/v1/contacts/search?account_id=123456");
  CHECK(json(req.body) == json(R"({"emails":["a@x.com"]})"));
}

TEST_CASE("contacts.search encodes page[size] and page[cursor] in the query") {
  auto const req = request_of(lf::contacts::search().account_id("123456").page_size(50).page_cursor("abc"));
  CHECK(req.target() == "/v1/contacts/search?account_id=123456&page%5Bcursor%5D=abc&page%5Bsize%5D=50");
}

TEST_CASE("contacts.search reproduces the observed request body from setters") {
  auto const req =
      request_of(lf::contacts::search().account_id("123456").emails({"a@x.com"}).departments({"sales_department"}));
  CHECK(json(req.body) == json(fixture("contacts_search.request.observed.json")));
}

TEST_CASE("contacts.search with only some fields sends only those") {
  auto const req =
      request_of(lf::contacts::search().account_id("123456").search_terms({"john"}).affiliation("employee"));
  CHECK(json(req.body) == json(R"({"search_terms":["john"],"affiliation":"employee"})"));
}

TEST_CASE("contacts.search puts filters.has_email under filters") {
  auto const with_email = request_of(lf::contacts::search().account_id("123456").filters_has_email(true));
  CHECK(json(with_email.body) == json(R"({"filters":{"has_email":true}})"));

  auto const without_email =
      request_of(lf::contacts::search().account_id("123456").positions({"CTO"}).filters_has_email(false));
  CHECK(json(without_email.body) == json(R"({"positions":["CTO"],"filters":{"has_email":false}})"));
}

TEST_CASE("contacts.search with every field sends every field") {
  auto const req = request_of(lf::contacts::search()
                                  .account_id("123456")
                                  .search_terms({"john", "doe"})
                                  .emails({"a@x.com"})
                                  .company_ids({"129011", "129012"})
                                  .positions({"Head of Sales"})
                                  .departments({"sales_department", "it_department"})
                                  .hierarchy_levels({"employees"})
                                  .buyer_persona_ids({"7421"})
                                  .affiliation("employee")
                                  .filters_has_email(true));
  CHECK(json(req.body) == json(R"({
    "search_terms": ["john", "doe"],
    "emails": ["a@x.com"],
    "company_ids": ["129011", "129012"],
    "positions": ["Head of Sales"],
    "departments": ["sales_department", "it_department"],
    "hierarchy_levels": ["employees"],
    "buyer_persona_ids": ["7421"],
    "affiliation": "employee",
    "filters": {"has_email": true}
  })"));
}

TEST_CASE("contacts.search decodes summary rows and meta.pagination.next_cursor") {
  scripted_client t;
  t.script.respond(200, R"({
    "data": [
      {"type": "contact_summary", "id": "c-1",
       "attributes": {"first_name": "Jane", "last_name": "Roe", "hierarchy_level": "managers",
                      "emails": [{"address": "jane@example.com", "source": "fullenrich"}]},
       "relationships": {"company": {"id": "129011", "type": "company"}}},
      {"type": "contact_summary", "id": "c-2",
       "attributes": {"first_name": "Max", "hierarchy_level": "employees", "emails": []}}
    ],
    "meta": {"request_id": "r-1", "credits": {"charged": 0},
             "pagination": {"next_cursor": "eyJvZmZzZXQiOjJ9"}}
  })");
  auto r = t.client.send(lf::contacts::search().account_id("123456").search_terms({"sales"}));
  REQUIRE(r);
  REQUIRE(r->data().size() == 2);
  lf::contact_summary_view jane = r->data()[0];
  CHECK(jane.type() == "contact_summary");
  CHECK(jane.id() == "c-1");
  CHECK(jane.first_name() == "Jane");
  CHECK(jane.last_name() == "Roe");
  CHECK(jane.hierarchy_level() == "managers");
  CHECK(jane.emails().front().address() == "jane@example.com");
  CHECK(jane.relationships().company().id() == "129011");
  CHECK(r->data()[1].hierarchy_level() == "employees");
  CHECK(r->data()[1].emails().empty());
  CHECK_FALSE(r->data()[1].has_last_name());
  CHECK(r->meta().has_pagination());
  CHECK(r->meta().pagination().next_cursor() == "eyJvZmZzZXQiOjJ9");
}

TEST_CASE("a search page's next_cursor is fed to page_cursor() for the next page") {
  scripted_client t;
  t.script.respond(200, R"({"data":[{"type":"contact_summary","id":"c-1","attributes":{"first_name":"Jane"}}],
                           "meta":{"request_id":"r-1","pagination":{"next_cursor":"b2Zmc2V0PTE+/="}}})");
  t.script.respond(200, R"({"data":[{"type":"contact_summary","id":"c-2","attributes":{"first_name":"Max"}}],
                           "meta":{"request_id":"r-2","pagination":{"next_cursor":null}}})");
  std::array<std::string_view, 1> const departments{"sales_department"};
  auto const first_page = lf::contacts::search().account_id("123456").page_size(1).departments(departments);

  std::vector<std::string> names;
  auto page = t.client.send(first_page);
  REQUIRE(page);
  for (lf::contact_summary_view c : page->data()) names.emplace_back(c.first_name());
  REQUIRE(page->meta().pagination().has_next_cursor());
  std::string_view const cursor = page->meta().pagination().next_cursor();

  auto next = t.client.send(first_page.page_cursor(cursor));
  REQUIRE(next);
  for (lf::contact_summary_view c : next->data()) names.emplace_back(c.first_name());
  CHECK_FALSE(next->meta().pagination().has_next_cursor());

  CHECK(names == std::vector<std::string>{"Jane", "Max"});
  REQUIRE(t.script.requests().size() == 2);
  CHECK(t.script.requests()[0].target() == "/v1/contacts/search?account_id=123456&page%5Bsize%5D=1");
  CHECK(t.script.requests()[1].target() ==
        "/v1/contacts/search?account_id=123456&page%5Bcursor%5D=b2Zmc2V0PTE%2B%2F%3D&page%5Bsize%5D=1");
  CHECK(json(t.script.requests()[1].body) == json(R"({"departments":["sales_department"]})"));
}

// ---- contacts.add_to_lists and contacts.remove_from_lists

TEST_CASE("contacts.add_to_lists is POST /v1/contacts/{contact_id}/lists with account_id in the query") {
  auto const req = request_of(lf::contacts::add_to_lists().contact_id("435834").account_id("123456").list_ids({"l1"}));
  CHECK(req.method == lf::http_method::post);
  CHECK(req.url == "https://api.leadfeeder.com/v1/contacts/435834/lists?account_id=123456");
}

TEST_CASE("contacts.add_to_lists sends the observed body") {
  auto const req = request_of(lf::contacts::add_to_lists().contact_id("435834").account_id("123456").list_ids({"l1"}));
  CHECK(json(req.body) == json(R"({"data":[{"type":"list","id":"l1"}]})"));
  CHECK(json(req.body) == json(fixture("contacts_add_to_lists.request.observed.json")));
}

TEST_CASE("contacts.add_to_lists sends one resource identifier per list") {
  std::vector<std::string> const lists{"contact_1", "contact_2"};
  auto const req = request_of(lf::contacts::add_to_lists().contact_id("435834").account_id("123456").list_ids(lists));
  CHECK(json(req.body) == json(R"({"data":[{"type":"list","id":"contact_1"},{"type":"list","id":"contact_2"}]})"));
}

TEST_CASE("contacts.remove_from_lists is a DELETE to /v1/contacts/{contact_id}/lists with the same body") {
  auto const req =
      request_of(lf::contacts::remove_from_lists().contact_id("435834").account_id("123456").list_ids({"l1"}));
  CHECK(req.method == lf::http_method::del);
  CHECK(req.url == "https://api.leadfeeder.com/v1/contacts/435834/lists?account_id=123456");
  CHECK(json(req.body) == json(fixture("contacts_add_to_lists.request.observed.json")));
}

TEST_CASE("contacts.add_to_lists answered 200 {} is a success without data") {
  scripted_client t;
  t.script.respond(200, "{}");
  auto r = t.client.send(lf::contacts::add_to_lists().contact_id("435834").account_id("123456").list_ids({"l1"}));
  REQUIRE(r);
  CHECK(r->status() == 200);
  CHECK_FALSE(r->data().exists());
  CHECK(r->json().is_object());
}

TEST_CASE("contacts.remove_from_lists answered 200 {} is a success without data") {
  scripted_client t;
  t.script.respond(200, "{}");
  auto r = t.client.send(lf::contacts::remove_from_lists().contact_id("435834").account_id("123456").list_ids({"l1"}));
  REQUIRE(r);
  CHECK(r->status() == 200);
  CHECK_FALSE(r->data().exists());
}

TEST_CASE("contacts.remove_from_lists answered 204 with an empty body is a success without data") {
  scripted_client t;
  t.script.respond(204, "");
  auto r = t.client.send(lf::contacts::remove_from_lists().contact_id("435834").account_id("123456").list_ids({"l1"}));
  REQUIRE(r);
  CHECK(r->status() == 204);
  CHECK(r->body().empty());
  CHECK_FALSE(r->data().exists());
  CHECK(r->json().is_null());
}

TEST_CASE("contacts.add_to_lists answered 204 with an empty body is a success without data") {
  scripted_client t;
  t.script.respond(204, "");
  auto r = t.client.send(lf::contacts::add_to_lists().contact_id("435834").account_id("123456").list_ids({"l1"}));
  REQUIRE(r);
  CHECK(r->status() == 204);
  CHECK_FALSE(r->data().exists());
}

TEST_CASE("contacts.add_to_lists answered 201 with a JSON body exposes data as a json_view") {
  scripted_client t;
  t.script.respond(201, R"({"data":[{"type":"list","id":"l1","attributes":{"name":"Hot leads","scope":"contact"}}],
                           "meta":{"request_id":"r-201"}})");
  auto r = t.client.send(lf::contacts::add_to_lists().contact_id("435834").account_id("123456").list_ids({"l1"}));
  REQUIRE(r);
  static_assert(std::is_same_v<decltype(r->data()), lf::json_view>, "the answer's shape is unknown");
  lf::json_view data = r->data();
  CHECK(r->status() == 201);
  CHECK(data.is_array());
  CHECK(data.size() == 1);
  CHECK(data[0]["id"].as_string() == "l1");
  CHECK(data[0]["attributes"]["scope"].as_string() == "contact");
  CHECK(r->meta().request_id() == "r-201");
}

// ---- Base URL

TEST_CASE("a base_url with a path prefix and a trailing slash is joined without a double slash") {
  lf::client_options options = scripted_client::default_options();
  options.base_url = "http://127.0.0.1:8080/proxy/";
  scripted_client t(options);
  for (int i = 0; i < 6; ++i) t.script.respond(200, "{}");

  REQUIRE(t.client.send(lf::accounts::list()));
  REQUIRE(t.client.send(lf::contacts::get().contact_id("435834").account_id("123456")));
  REQUIRE(t.client.send(lf::contacts::retrieve().ids({"3219787601", "3219787635"}).account_id("123456")));
  REQUIRE(t.client.send(lf::contacts::search().account_id("123456")));
  REQUIRE(t.client.send(lf::contacts::add_to_lists().contact_id("435834").account_id("123456").list_ids({"l1"})));
  REQUIRE(t.client.send(lf::contacts::remove_from_lists().contact_id("435834").account_id("123456").list_ids({"l1"})));

  auto const& sent = t.script.requests();
  REQUIRE(sent.size() == 6);
  CHECK(sent[0].url == "http://127.0.0.1:8080/proxy/v1/accounts");
  CHECK(sent[1].url == "http://127.0.0.1:8080/proxy/v1/contacts/435834?account_id=123456");
  CHECK(sent[2].url == "http://127.0.0.1:8080/proxy/v1/contacts?ids=3219787601,3219787635&account_id=123456");
  CHECK(sent[3].url == "http://127.0.0.1:8080/proxy/v1/contacts/search?account_id=123456");
  CHECK(sent[4].url == "http://127.0.0.1:8080/proxy/v1/contacts/435834/lists?account_id=123456");
  CHECK(sent[5].url == "http://127.0.0.1:8080/proxy/v1/contacts/435834/lists?account_id=123456");
}

// ---- Headers

TEST_CASE("api_key is sent as X-Api-Key, without Authorization") {
  auto const req = request_of(lf::contacts::retrieve().account_id("123456").ids({"435834"}));
  CHECK(req.header("X-Api-Key") == "KEY");
  CHECK_FALSE(req.has_header("Authorization"));
}

TEST_CASE("bearer_token is sent as Authorization: Bearer, without X-Api-Key") {
  lf::client_options options;
  options.bearer_token = "oauth-token";
  auto const req = request_of(lf::contacts::retrieve().account_id("123456").ids({"435834"}), options);
  CHECK(req.header("Authorization") == "Bearer oauth-token");
  CHECK_FALSE(req.has_header("X-Api-Key"));
}

TEST_CASE("api_key and bearer_token are both sent when both are set") {
  lf::client_options options;
  options.api_key = "KEY";
  options.bearer_token = "oauth-token";
  auto const req = request_of(lf::accounts::list(), options);
  CHECK(req.header("X-Api-Key") == "KEY");
  CHECK(req.header("Authorization") == "Bearer oauth-token");
}

TEST_CASE("no authentication header is sent when neither api_key nor bearer_token is set") {
  auto const req = request_of(lf::accounts::list(), lf::client_options{});
  CHECK_FALSE(req.has_header("X-Api-Key"));
  CHECK_FALSE(req.has_header("Authorization"));
  CHECK(req.headers.size() == 2);  // Accept and User-Agent only
}

TEST_CASE("User-Agent defaults to leadfeeder-cpp/<version>") {
  auto const req = request_of(lf::accounts::list());
  CHECK(req.header("User-Agent") == "leadfeeder-cpp/" LEADFEEDER_VERSION_STRING);
  CHECK(req.header("User-Agent") == "leadfeeder-cpp/" + std::to_string(LEADFEEDER_VERSION_MAJOR) + "." +
                                        std::to_string(LEADFEEDER_VERSION_MINOR) + "." +
                                        std::to_string(LEADFEEDER_VERSION_PATCH));
}

TEST_CASE("User-Agent can be overridden") {
  lf::client_options options = scripted_client::default_options();
  options.user_agent = "acme-crm-sync/2.4 (+https://acme.example)";
  auto const req = request_of(lf::accounts::list(), options);
  CHECK(req.header("User-Agent") == "acme-crm-sync/2.4 (+https://acme.example)");
  CHECK(req.headers.size() == 3);  // one User-Agent, not the default as well
}

TEST_CASE("every operation sends Accept: application/json, and Content-Type only with a body") {
  scripted_client t;
  for (int i = 0; i < 6; ++i) t.script.respond(200, "{}");
  REQUIRE(t.client.send(lf::accounts::list().account_id("123456")));
  REQUIRE(t.client.send(lf::contacts::get().contact_id("435834").account_id("123456")));
  REQUIRE(t.client.send(lf::contacts::retrieve().ids({"435834"}).account_id("123456")));
  REQUIRE(t.client.send(lf::contacts::search().account_id("123456").emails({"a@x.com"})));
  REQUIRE(t.client.send(lf::contacts::add_to_lists().contact_id("435834").account_id("123456").list_ids({"l1"})));
  REQUIRE(t.client.send(lf::contacts::remove_from_lists().contact_id("435834").account_id("123456").list_ids({"l1"})));

  auto const& sent = t.script.requests();
  REQUIRE(sent.size() == 6);
  for (auto const& req : sent) {
    CAPTURE(req.url);
    CHECK(req.header("Accept") == "application/json");
    CHECK(req.header("X-Api-Key") == "KEY");
    if (req.body.empty()) {
      CHECK_FALSE(req.has_header("Content-Type"));
    } else {
      CHECK(req.header("Content-Type") == "application/json");
    }
  }
  // The three GETs carry no body; search, add and remove (a DELETE) do.
  CHECK(sent[0].body.empty());
  CHECK(sent[1].body.empty());
  CHECK(sent[2].body.empty());
  CHECK_FALSE(sent[3].body.empty());
  CHECK_FALSE(sent[4].body.empty());
  CHECK(sent[5].method == lf::http_method::del);
  CHECK(sent[5].header("Content-Type") == "application/json");
}

// ---- Builders are values

TEST_CASE("a builder sent twice forms the same request twice") {
  // Builders copy what they are given, braced lists included, so they can be kept in variables.
  auto const search = lf::contacts::search()
                          .account_id("123456")
                          .page_size(25)
                          .search_terms({"john", "doe"})
                          .departments({"sales_department", "it_department"})
                          .filters_has_email(true);
  auto const retrieve = lf::contacts::retrieve()
                            .account_id("123456")
                            .ids({"3219787601", "3219787635"})
                            .include(lf::contacts::include::company);

  scripted_client t;
  for (int i = 0; i < 4; ++i) t.script.respond(200, R"({"data":[]})");
  REQUIRE(t.client.send(search));
  REQUIRE(t.client.send(retrieve));
  REQUIRE(t.client.send(search));
  REQUIRE(t.client.send(retrieve));

  auto const& sent = t.script.requests();
  REQUIRE(sent.size() == 4);
  for (std::size_t i : {std::size_t{0}, std::size_t{1}}) {
    CAPTURE(i);
    CHECK(sent[i].method == sent[i + 2].method);
    CHECK(sent[i].url == sent[i + 2].url);
    CHECK(sent[i].headers == sent[i + 2].headers);
    CHECK(sent[i].body == sent[i + 2].body);
  }
  CHECK(sent[0].target() == "/v1/contacts/search?account_id=123456&page%5Bsize%5D=25");
  CHECK(json(sent[0].body) == json(R"({"search_terms":["john","doe"],"departments":["sales_department","it_department"],
                 "filters":{"has_email":true}})"));
  CHECK(sent[1].target() == "/v1/contacts?ids=3219787601,3219787635&account_id=123456&include=company");
}

TEST_CASE("a builder keeps its own copy of ids taken from a container") {
  auto builder = [] {
    std::vector<std::string> ids{"3219787601", "3219787635"};
    std::string account = "123456";
    return lf::contacts::retrieve().account_id(account).ids(ids);
  }();  // the vector and the account string are gone here
  auto const req = request_of(builder);
  CHECK(req.target() == "/v1/contacts?ids=3219787601,3219787635&account_id=123456");
}

TEST_CASE("lf::borrow lends ids without a copy: the builder sees the container as it is at send time") {
  std::vector<std::string> ids{"3219787601"};
  auto const builder = lf::contacts::retrieve().account_id("123456").ids(lf::borrow(ids));
  ids[0] = "435834";
  auto const req = request_of(builder);
  CHECK(req.target() == "/v1/contacts?ids=435834&account_id=123456");
}
