// SPDX-License-Identifier: MIT
// The five tags and five lists operations on the wire (docs/api-reference.md, 3.8, 3.9): method, URL and body of
// each request, page-number paging of tags.list and lists.list (1.7), and how TagV1 (4.5) and
// ListV1 (4.2) are decoded.
#include <doctest/doctest.h>
#include <test_support.hpp>

#include <leadfeeder/leadfeeder.hpp>
#include <leadfeeder/testing/scripted_transport.hpp>

#include <boost/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace lf = leadfeeder;
using test_support::json;
using test_support::refusal_of;
using test_support::request_of;
using test_support::scripted_client;

namespace {


/// The body an integration sent for tags.create (reference examples/tags_create.request.observed.json).
constexpr std::string_view observed_tags_create = R"({
  "data": { "type": "tag", "attributes": { "name": "VIP", "color": 3 } }
})";

/// The body an integration sent for lists.create (reference examples/lists_create.request.observed.json).
constexpr std::string_view observed_lists_create = R"({
  "data": { "type": "list", "attributes": { "name": "Hot", "scope": "company" } }
})";

/// A page of `type` resources with the given ids (attributes.name = "N<id>") and page-number meta.
std::string resource_page(std::string const& type, std::vector<std::string> const& ids, int page_num, int page_count,
                          int total_count) {
  std::string body = R"({"data":[)";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i != 0) body += ',';
    body += R"({"type":")" + type + R"(","id":")" + ids[i] + R"(","attributes":{"name":"N)" + ids[i] + R"("}})";
  }
  body += R"(],"meta":{"request_id":"r","pagination":{"page_num":)" + std::to_string(page_num) + R"(,"page_count":)" +
          std::to_string(page_count) + R"(,"total_count":)" + std::to_string(total_count) + "}}}";
  return body;
}

/// A ListV1 as in the Retrieve Contacts docs example (docs/api-reference.md, 4.2).
constexpr std::string_view docs_list = R"({
  "type": "list",
  "id": "company_123",
  "attributes": {
    "name": "US Prospects",
    "scope": "company",
    "created_at": "2024-12-10T15:57:25Z",
    "updated_at": "2024-11-24T11:50:00Z"
  },
  "relationships": {
    "created_by": {"id": "12345", "type": "user"}
  }
})";

}  // namespace

// ---- tags.list

TEST_CASE("tags.list is GET /v1/tags with account_id and page[size]=50 as the reference shows") {
  auto const req = request_of(lf::tags::list().account_id("123456").page_size(50));
  CHECK(req.method == lf::http_method::get);
  CHECK(req.url == "https://api.leadfeeder.com/v1/tags?account_id=123456&page%5Bsize%5D=50");
  CHECK(req.body.empty());
  CHECK_FALSE(req.has_header("Content-Type"));
}

TEST_CASE("tags.list refuses page[num] 0 before sending") {
  scripted_client t;
  auto r = t.client.send(lf::tags::list().account_id("123456").page_num(0));
  REQUIRE_FALSE(r);
  CHECK(r.error().code == lf::errc::invalid_argument);
  CHECK(r.error().message.find("page[num]") != std::string::npos);
  CHECK(t.script.requests().empty());
}

TEST_CASE("lf::items walks tags.list with page[num] 1, 2, 3 and page[size]=50") {
  scripted_client t;
  t.script.respond(200, resource_page("tag", {"t1", "t2"}, 1, 3, 5))
      .respond(200, resource_page("tag", {"t3", "t4"}, 2, 3, 5))
      .respond(200, resource_page("tag", {"t5"}, 3, 3, 5));
  std::vector<std::string> names;
  for (auto const& tag : lf::items(t.client, lf::tags::list().account_id("123456").page_size<50>())) {
    REQUIRE(tag);
    static_assert(std::is_same_v<std::decay_t<decltype(*tag)>, lf::tag_view>, "tags.list lists TagV1");
    names.emplace_back(tag->name());
  }
  CHECK(names == std::vector<std::string>{"Nt1", "Nt2", "Nt3", "Nt4", "Nt5"});
  auto const& sent = t.script.requests();
  REQUIRE(sent.size() == 3);
  CHECK(sent[0].target() == "/v1/tags?account_id=123456&page%5Bnum%5D=1&page%5Bsize%5D=50");
  CHECK(sent[1].target() == "/v1/tags?account_id=123456&page%5Bnum%5D=2&page%5Bsize%5D=50");
  CHECK(sent[2].target() == "/v1/tags?account_id=123456&page%5Bnum%5D=3&page%5Bsize%5D=50");
}

TEST_CASE("tags.list pages expose page_num, page_count and total_count") {
  scripted_client t;
  t.script.respond(200, resource_page("tag", {"t1"}, 1, 2, 2)).respond(200, resource_page("tag", {"t2"}, 2, 2, 2));
  std::vector<std::int64_t> seen;
  for (auto& page : lf::pages(t.client, lf::tags::list().account_id("123456").page_size(1))) {
    REQUIRE(page);
    REQUIRE(page->meta().has_pagination());
    seen.push_back(page->meta().pagination().page_num());
    CHECK(page->meta().pagination().page_count() == 2);
    CHECK(page->meta().pagination().total_count() == 2);
  }
  CHECK(seen == std::vector<std::int64_t>{1, 2});
}

// ---- tags.create

TEST_CASE("tags.create is POST /v1/tags with account_id in the query") {
  auto const req = request_of(lf::tags::create().account_id("123456").name("VIP").color(3));
  CHECK(req.method == lf::http_method::post);
  CHECK(req.url == "https://api.leadfeeder.com/v1/tags?account_id=123456");
  CHECK(req.header("Content-Type") == "application/json");
}

TEST_CASE("tags.create reproduces the observed request body") {
  auto const req = request_of(lf::tags::create().account_id("123456").name("VIP").color(3));
  CHECK(json(req.body) == json(observed_tags_create));
}

TEST_CASE("tags.create sends the palette ends 0 and 9, and refuses, unsent, a color outside 0 to 9") {
  CHECK(json(request_of(lf::tags::create().account_id("1").name("a").color(0)).body) ==
        json(R"({"data":{"type":"tag","attributes":{"name":"a","color":0}}})"));
  CHECK(json(request_of(lf::tags::create().account_id("1").name("a").color<9>()).body) ==
        json(R"({"data":{"type":"tag","attributes":{"name":"a","color":9}}})"));
  for (std::int64_t bad : {std::int64_t{-1}, std::int64_t{10}}) {
    scripted_client t;
    auto r = t.client.send(lf::tags::create().account_id("1").name("a").color(bad));
    REQUIRE_FALSE(r);
    CHECK(r.error().code == lf::errc::invalid_argument);
    CHECK(r.error().message.find("tags.create: parameter 'color' must be between 0 and 9") != std::string::npos);
    CHECK(t.script.requests().empty());
  }
}

TEST_CASE("tags.create answers the created tag as a tag view") {
  scripted_client t;
  t.script.respond(201, R"({"data":{"type":"tag","id":"t9","attributes":{"name":"VIP","color":3}}})");
  auto r = t.client.send(lf::tags::create().account_id("1").name("VIP").color(3));
  REQUIRE(r);
  static_assert(std::is_same_v<decltype(r->data()), lf::tag_view>, "the created tag");
  CHECK(r->data().id() == "t9");
  CHECK(r->data().color() == 3);
}

TEST_CASE("tags.create escapes the tag name as JSON") {
  auto const req = request_of(lf::tags::create().account_id("123456").name("Say \"hi\"\\ü").color(1));
  CHECK(json(req.body).at("data").at("attributes").at("name").as_string() == "Say \"hi\"\\ü");
}

// ---- tags.get

TEST_CASE("tags.get is GET /v1/tags/{tag_id} with account_id in the query") {
  auto const req = request_of(lf::tags::get().tag_id("t1").account_id("123456"));
  CHECK(req.method == lf::http_method::get);
  CHECK(req.url == "https://api.leadfeeder.com/v1/tags/t1?account_id=123456");
  CHECK(req.body.empty());
}

TEST_CASE("tags.get percent-encodes the tag id in the path") {
  auto const req = request_of(lf::tags::get().tag_id("vip/2026 q1").account_id("123456"));
  CHECK(req.url == "https://api.leadfeeder.com/v1/tags/vip%2F2026%20q1?account_id=123456");
}

TEST_CASE("tags.get decodes one TagV1 with its name and color") {
  scripted_client t;
  t.script.respond(200, R"({"data":{"type":"tag","id":"t1","attributes":{"name":"VIP","color":3}},
                            "meta":{"request_id":"r-tag"}})");
  auto r = t.client.send(lf::tags::get().tag_id("t1").account_id("123456"));
  REQUIRE(r);
  lf::tag_view tag = r->data();
  CHECK(tag.type() == "tag");
  CHECK(tag.id() == "t1");
  CHECK(tag.name() == "VIP");
  CHECK(tag.has_color());
  CHECK(tag.color() == 3);
  CHECK_FALSE(r->id_changed());
}

TEST_CASE("tags.get accepts the tag wrapped in an array of one") {
  scripted_client t;
  t.script.respond(200, R"({"data":[{"type":"tag","id":"t1","attributes":{"name":"VIP"}}]})");
  auto r = t.client.send(lf::tags::get().tag_id("t1").account_id("123456"));
  REQUIRE(r);
  CHECK(r->data().name() == "VIP");
  CHECK_FALSE(r->data().has_color());
}

TEST_CASE("tags.get: an integer id equal to the one asked for is not a changed id") {
  scripted_client t;
  t.script.respond(200, R"({"data":{"type":"tag","id":42,"attributes":{"name":"VIP"}}})");
  auto r = t.client.send(lf::tags::get().tag_id("42").account_id("123456"));
  REQUIRE(r);
  CHECK(r->data().id() == "42");
  CHECK_FALSE(r->id_changed());
}

// ---- tags.update

TEST_CASE("tags.update is PATCH /v1/tags/{tag_id} with only the set attributes") {
  auto const req = request_of(lf::tags::update().tag_id("t1").account_id("123456").name("VIP+"));
  CHECK(req.method == lf::http_method::patch);
  CHECK(req.url == "https://api.leadfeeder.com/v1/tags/t1?account_id=123456");
  CHECK(req.header("Content-Type") == "application/json");
  CHECK(json(req.body) == json(R"({"data":{"type":"tag","attributes":{"name":"VIP+"}}})"));
}

TEST_CASE("tags.update with only a color sends only the color") {
  auto const req = request_of(lf::tags::update().tag_id("t1").account_id("123456").color(7));
  CHECK(json(req.body) == json(R"({"data":{"type":"tag","attributes":{"color":7}}})"));
}

TEST_CASE("tags.update refuses a color outside 0 to 9 and answers the tag view") {
  CHECK(refusal_of(lf::tags::update().tag_id("t1").account_id("1").color(12)).code == lf::errc::invalid_argument);
  scripted_client t;
  t.script.respond(200, R"({"data":{"type":"tag","id":"t1","attributes":{"name":"Cold","color":0}}})");
  auto r = t.client.send(lf::tags::update().tag_id("t1").account_id("1").name("Cold"));
  REQUIRE(r);
  static_assert(std::is_same_v<decltype(r->data()), lf::tag_view>, "the changed tag");
  CHECK(r->data().name() == "Cold");
}

TEST_CASE("tags.update with a name and a color sends both") {
  auto const req = request_of(lf::tags::update().tag_id("t1").account_id("123456").color(0).name("Cold"));
  CHECK(json(req.body) == json(R"({"data":{"type":"tag","attributes":{"name":"Cold","color":0}}})"));
}

// ---- tags.delete

TEST_CASE("tags.delete_ is DELETE /v1/tags/{tag_id} without a body") {
  auto const req = request_of(lf::tags::delete_().tag_id("t1").account_id("123456"));
  CHECK(req.method == lf::http_method::del);
  CHECK(req.url == "https://api.leadfeeder.com/v1/tags/t1?account_id=123456");
  CHECK(req.body.empty());
  CHECK_FALSE(req.has_header("Content-Type"));
}

TEST_CASE("tags.delete_ answered 204 with an empty body is a success whose data is empty") {
  scripted_client t;
  t.script.respond(204, "");
  auto r = t.client.send(lf::tags::delete_().tag_id("t1").account_id("123456"));
  REQUIRE(r);
  CHECK(r->status() == 204);
  CHECK(r->body().empty());
  CHECK_FALSE(r->data().exists());
}

// ---- lists.list

TEST_CASE("lists.list is GET /v1/lists with account_id and the required filter[scope]") {
  auto const req = request_of(lf::lists::list().account_id("123456").filter_scope(lf::lists::scope::company));
  CHECK(req.method == lf::http_method::get);
  CHECK(req.url == "https://api.leadfeeder.com/v1/lists?account_id=123456&filter%5Bscope%5D=company");
  CHECK(req.body.empty());
  // Without filter[scope] the call does not compile (tests/compile_fail/lists_list_without_scope.cpp).
}

TEST_CASE("lists.list sends filter[scope]=contact from the typed scope") {
  auto const req = request_of(lf::lists::list().account_id("123456").filter_scope(lf::lists::scope::contact));
  CHECK(req.target() == "/v1/lists?account_id=123456&filter%5Bscope%5D=contact");
}

TEST_CASE("lists.list sends filter[scope]=company before the page parameters") {
  auto const req = request_of(
      lf::lists::list().account_id("123456").page_size(25).page_num(2).filter_scope(lf::lists::scope::company));
  CHECK(req.target() == "/v1/lists?account_id=123456&filter%5Bscope%5D=company&page%5Bnum%5D=2&page%5Bsize%5D=25");
}

TEST_CASE("lf::pages walks lists.list with the scope filter on every page") {
  scripted_client t;
  t.script.respond(200, resource_page("list", {"contact_1", "contact_2"}, 1, 2, 3))
      .respond(200, resource_page("list", {"contact_3"}, 2, 2, 3))
      .respond(200, resource_page("list", {"never"}, 3, 2, 3));
  std::vector<std::string> ids;
  int pages = 0;
  for (auto& page :
       lf::pages(t.client, lf::lists::list().account_id("123456").filter_scope(lf::lists::scope::contact))) {
    REQUIRE(page);
    ++pages;
    for (lf::list_view l : page->data()) ids.emplace_back(l.id());
  }
  CHECK(pages == 2);
  CHECK(ids == std::vector<std::string>{"contact_1", "contact_2", "contact_3"});
  CHECK(t.script.pending() == 1);
  auto const& sent = t.script.requests();
  REQUIRE(sent.size() == 2);
  CHECK(sent[0].target() == "/v1/lists?account_id=123456&filter%5Bscope%5D=contact&page%5Bnum%5D=1");
  CHECK(sent[1].target() == "/v1/lists?account_id=123456&filter%5Bscope%5D=contact&page%5Bnum%5D=2");
}

TEST_CASE("an error on the third lists.list page ends the items with exactly one error element") {
  scripted_client t;
  t.script.respond(200, resource_page("list", {"l1"}, 1, 5, 5))
      .respond(200, resource_page("list", {"l2"}, 2, 5, 5))
      .respond(503, R"({"code":"service_unavailable","message":"try later"})");
  std::vector<std::string> ids;
  int errors = 0;
  for (auto const& list : lf::items(
           t.client, lf::lists::list().account_id("123456").filter_scope(lf::lists::scope::company).page_size(1))) {
    if (list) {
      ids.emplace_back(list->id());
    } else {
      ++errors;
      CHECK(list.error().code == lf::errc::server_error);
      CHECK(list.error().http_status == 503);
    }
  }
  CHECK(ids == std::vector<std::string>{"l1", "l2"});
  CHECK(errors == 1);
  CHECK(t.script.requests().size() == 3);
}

// ---- lists.create

TEST_CASE("lists.create is POST /v1/lists with account_id in the query") {
  auto const req = request_of(lf::lists::create().account_id("123456").name("Hot").scope(lf::lists::scope::company));
  CHECK(req.method == lf::http_method::post);
  CHECK(req.url == "https://api.leadfeeder.com/v1/lists?account_id=123456");
  CHECK(req.header("Content-Type") == "application/json");
}

TEST_CASE("lists.create reproduces the observed request body with scope lf::lists::scope::company") {
  auto const req = request_of(lf::lists::create().account_id("123456").name("Hot").scope(lf::lists::scope::company));
  CHECK(json(req.body) == json(observed_lists_create));
}

TEST_CASE("lists.create sends scope contact for a contact list") {
  auto const req =
      request_of(lf::lists::create().account_id("123456").scope(lf::lists::scope::contact).name("Champions"));
  CHECK(json(req.body) == json(R"({"data":{"type":"list","attributes":{"name":"Champions","scope":"contact"}}})"));
}

TEST_CASE("lists.create answers the created list as a list view") {
  scripted_client t;
  t.script.respond(201, R"({"data":{"type":"list","id":"company_9","attributes":{"name":"Hot","scope":"company"}}})");
  auto r = t.client.send(lf::lists::create().account_id("1").name("Hot").scope(lf::lists::scope::company));
  REQUIRE(r);
  static_assert(std::is_same_v<decltype(r->data()), lf::list_view>, "the created list");
  CHECK(r->data().id() == "company_9");
  CHECK(r->data().scope() == "company");
}

TEST_CASE("lists::to_string spells both scopes as on the wire") {
  static_assert(lf::lists::to_string(lf::lists::scope::company) == "company");
  static_assert(lf::lists::to_string(lf::lists::scope::contact) == "contact");
  CHECK(lf::lists::to_string(lf::lists::scope::contact) == "contact");
}

// ---- lists.get

TEST_CASE("lists.get is GET /v1/lists/{list_id} with a prefixed id left as it is") {
  auto const req = request_of(lf::lists::get().list_id("company_123").account_id("123456"));
  CHECK(req.method == lf::http_method::get);
  CHECK(req.url == "https://api.leadfeeder.com/v1/lists/company_123?account_id=123456");
  CHECK(req.body.empty());
}

TEST_CASE("lists.get percent-encodes reserved characters of a list id") {
  auto const req = request_of(lf::lists::get().list_id("company_1?x=2#y").account_id("123456"));
  CHECK(req.url == "https://api.leadfeeder.com/v1/lists/company_1%3Fx%3D2%23y?account_id=123456");
}

TEST_CASE("lists.get: id_changed() is false when the same id comes back") {
  scripted_client t;
  t.script.respond(200, R"({"data":)" + std::string(docs_list) + "}");
  auto r = t.client.send(lf::lists::get().list_id("company_123").account_id("123456"));
  REQUIRE(r);
  CHECK(r->data().id() == "company_123");
  CHECK(r->requested_id() == "company_123");
  CHECK_FALSE(r->id_changed());
}

TEST_CASE("lists.get: id_changed() is true when another id comes back") {
  scripted_client t;
  t.script.respond(200, R"({"data":{"type":"list","id":"company_456","attributes":{"name":"US Prospects"}}})");
  auto r = t.client.send(lf::lists::get().list_id("company_123").account_id("123456"));
  REQUIRE(r);
  CHECK(r->requested_id() == "company_123");
  CHECK(r->data().id() == "company_456");
  CHECK(r->id_changed());
}

TEST_CASE("a ListV1 decodes name, scope, created_at, updated_at and relationships().created_by()") {
  scripted_client t;
  t.script.respond(200, R"({"data":)" + std::string(docs_list) + R"(,"meta":{"request_id":"r-list"}})");
  auto r = t.client.send(lf::lists::get().list_id("company_123").account_id("123456"));
  REQUIRE(r);
  lf::list_view list = r->data();
  CHECK(list.type() == "list");
  CHECK(list.name() == "US Prospects");
  CHECK(list.scope() == "company");
  CHECK(list.created_at() == "2024-12-10T15:57:25Z");
  CHECK(list.updated_at() == "2024-11-24T11:50:00Z");  // earlier than created_at in the docs: kept as is
  REQUIRE(list.relationships().has_created_by());
  lf::user_view creator = list.relationships().created_by();
  CHECK(creator.id() == "12345");
  CHECK(creator.type() == "user");
  CHECK_FALSE(creator.has_email());
}

// ---- lists.update

TEST_CASE("lists.update is PATCH /v1/lists/{list_id} with only the set attributes") {
  auto const req = request_of(lf::lists::update().list_id("company_123").account_id("123456").name("Hotter"));
  CHECK(req.method == lf::http_method::patch);
  CHECK(req.url == "https://api.leadfeeder.com/v1/lists/company_123?account_id=123456");
  CHECK(json(req.body) == json(R"({"data":{"type":"list","attributes":{"name":"Hotter"}}})"));
}

template <class B, class = void>
struct has_scope_setter : std::false_type {};
template <class B>
struct has_scope_setter<B, std::void_t<decltype(std::declval<B>().scope(lf::lists::scope::company))>> : std::true_type {
};

TEST_CASE("lists.update only renames: it has no scope setter, and answers the list view") {
  static_assert(!has_scope_setter<decltype(lf::lists::update())>::value, "the API does not take scope here (3.9.4)");
  static_assert(has_scope_setter<decltype(lf::lists::create())>::value, "the detector does find a setter");
  scripted_client t;
  t.script.respond(200,
                   R"({"data":{"type":"list","id":"contact_9","attributes":{"name":"Renamed","scope":"contact"}}})");
  auto r = t.client.send(lf::lists::update().list_id("contact_9").account_id("1").name("Renamed"));
  REQUIRE(r);
  static_assert(std::is_same_v<decltype(r->data()), lf::list_view>, "the renamed list");
  CHECK(r->data().name() == "Renamed");
  CHECK(json(t.script.requests()[0].body) == json(R"({"data":{"type":"list","attributes":{"name":"Renamed"}}})"));
}

// ---- lists.delete

TEST_CASE("lists.delete_ is DELETE /v1/lists/{list_id} without a body") {
  auto const req = request_of(lf::lists::delete_().list_id("company_123").account_id("123456"));
  CHECK(req.method == lf::http_method::del);
  CHECK(req.url == "https://api.leadfeeder.com/v1/lists/company_123?account_id=123456");
  CHECK(req.body.empty());
  CHECK_FALSE(req.has_header("Content-Type"));
}

TEST_CASE("lists.delete_ answered 204 with an empty body is a success whose data is empty") {
  scripted_client t;
  t.script.respond(204, "");
  auto r = t.client.send(lf::lists::delete_().list_id("company_123").account_id("123456"));
  REQUIRE(r);
  CHECK(r->status() == 204);
  CHECK(r->body().empty());
  CHECK_FALSE(r->data().exists());
  CHECK(r->json().is_null());
}

// ---- lists.list_items (3.13.1)

TEST_CASE("lists.list_items is GET /v1/lists/{list_id}/items with cursor paging") {
  auto const req =
      request_of(lf::lists::list_items().list_id("company_1/2").account_id("1").page_size(100).page_cursor("c"));
  CHECK(req.method == lf::http_method::get);
  CHECK(req.target() == "/v1/lists/company_1%2F2/items?account_id=1&page%5Bcursor%5D=c&page%5Bsize%5D=100");
  CHECK(req.body.empty());
  static_assert(decltype(lf::lists::list_items())::pagination == lf::pagination_style::cursor, "cursor (1.7)");
  static_assert(!decltype(lf::lists::list_items())::charges_credits, "list operations are free");
  CHECK(refusal_of(lf::lists::list_items().list_id("..").account_id("1")).code == lf::errc::invalid_argument);
  CHECK(refusal_of(lf::lists::list_items().list_id("l").account_id("1").page_size(0)).code ==
        lf::errc::invalid_argument);
}

TEST_CASE("lf::items walks a list's members, ids and types, across cursor pages") {
  scripted_client t;
  t.script
      .respond(
          200,
          R"({"data":[{"type":"company","id":"1"},{"type":"company","id":"2"}],"meta":{"pagination":{"next_cursor":"n"}}})")
      .respond(200, R"({"data":[{"type":"company","id":"3"}],"meta":{"pagination":{"next_cursor":null}}})");
  std::vector<std::string> ids;
  for (auto const& item : lf::items(t.client, lf::lists::list_items().list_id("company_1").account_id("1"))) {
    REQUIRE(item);
    static_assert(std::is_same_v<std::decay_t<decltype(*item)>, lf::list_item_view>, "typed members");
    CHECK(item->type() == "company");
    ids.emplace_back(item->id());
  }
  CHECK(ids == std::vector<std::string>{"1", "2", "3"});
  REQUIRE(t.script.requests().size() == 2);
  CHECK(t.script.requests()[1].target() == "/v1/lists/company_1/items?account_id=1&page%5Bcursor%5D=n");
}
