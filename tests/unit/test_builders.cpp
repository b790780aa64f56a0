// SPDX-License-Identifier: MIT
// Builders: they own their parameters, can be kept and sent again, and lend nothing by accident.
#include <doctest/doctest.h>
#include <test_support.hpp>

#include <array>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace lf = leadfeeder;
using test_support::scripted_client;

namespace {
template <class T, class = void>
struct can_borrow : std::false_type {};
template <class T>
struct can_borrow<T, std::void_t<decltype(lf::borrow(std::declval<T>()))>> : std::true_type {};

char const* const empty_list = R"({"data":[],"meta":{"request_id":"r"}})";

auto make_stored_search() {
  // Every argument here dies at the end of this function; the builder must not care.
  std::string account = "123456";
  std::vector<std::string> terms = {"acme", "globex"};
  return lf::contacts::search().account_id(account).search_terms(terms).emails({"a@x.com"});
}
}  // namespace

TEST_CASE("a builder kept in a variable still holds its braced lists when sent later") {
  scripted_client t;
  t.script.respond(200, empty_list);
  auto builder = lf::contacts::retrieve().account_id("123456").ids({"3219787601", "3219787635"});
  std::string noise(4096, 'x');  // reuse the stack the braced list lived on
  auto r = t.client.send(builder);
  REQUIRE(r);
  CHECK(t.script.last().target() == "/v1/contacts?ids=3219787601,3219787635&account_id=123456");
  CHECK(noise.size() == 4096);
}

TEST_CASE("a builder returned from a function outlives the strings it was given") {
  scripted_client t;
  t.script.respond(200, empty_list);
  auto r = t.client.send(make_stored_search());
  REQUIRE(r);
  CHECK(t.script.last().target() == "/v1/contacts/search?account_id=123456");
  CHECK(t.script.last().body == R"({"search_terms":["acme","globex"],"emails":["a@x.com"]})");
}

TEST_CASE("setting a parameter on a named builder leaves the named builder as it was") {
  scripted_client t;
  t.script.respond(200, empty_list).respond(200, empty_list);
  auto base = lf::contacts::retrieve().account_id("1");
  auto first = base.ids({"10"});
  auto second = base.ids({"20", "21"});
  REQUIRE(t.client.send(first));
  REQUIRE(t.client.send(second));
  CHECK(t.script.requests()[0].target() == "/v1/contacts?ids=10&account_id=1");
  CHECK(t.script.requests()[1].target() == "/v1/contacts?ids=20,21&account_id=1");
}

TEST_CASE("the same builder sent twice forms the same request twice") {
  scripted_client t;
  t.script.respond(200, empty_list).respond(200, empty_list);
  auto const builder = lf::contacts::add_to_lists().account_id("1").contact_id("2").list_ids({"l1", "l2"});
  REQUIRE(t.client.send(builder));
  REQUIRE(t.client.send(builder));
  REQUIRE(t.script.requests().size() == 2);
  CHECK(t.script.requests()[0].url == t.script.requests()[1].url);
  CHECK(t.script.requests()[0].body == t.script.requests()[1].body);
  CHECK(t.script.requests()[0].body == R"({"data":[{"type":"list","id":"l1"},{"type":"list","id":"l2"}]})");
}

TEST_CASE("a setter called twice keeps the last value") {
  scripted_client t;
  t.script.respond(200, empty_list);
  REQUIRE(t.client.send(lf::contacts::retrieve().account_id("1").ids({"a"}).account_id("2").ids({"b"})));
  CHECK(t.script.last().target() == "/v1/contacts?ids=b&account_id=2");
}

TEST_CASE("include values accumulate over several calls and go out in a fixed order") {
  scripted_client t;
  t.script.respond(200, R"({"data":{"type":"contact","id":"5"}})");
  REQUIRE(t.client.send(lf::contacts::get()
                            .contact_id("5")
                            .account_id("1")
                            .include(lf::contacts::include::lists)
                            .include(lf::contacts::include::company, lf::contacts::include::lists)));
  CHECK(t.script.last().target() == "/v1/contacts/5?account_id=1&include=company,lists");
}

TEST_CASE("lf::borrow lends a container without copying it") {
  std::vector<std::string> ids = {"1", "2", "3"};
  lf::string_list borrowed = lf::borrow(ids);
  lf::string_list copied = ids;
  ids[0] = "9";
  CHECK(borrowed[0] == "9");
  CHECK(copied[0] == "1");
  CHECK(borrowed.size() == 3);
  CHECK(borrowed[0].data() == ids[0].data());
}

TEST_CASE("a borrowed list of ids is sent like a copied one") {
  scripted_client t;
  t.script.respond(200, empty_list).respond(200, empty_list);
  std::array<std::string_view, 2> ids = {"3219787601", "3219787635"};
  REQUIRE(t.client.send(lf::contacts::retrieve().account_id("1").ids(lf::borrow(ids))));
  REQUIRE(t.client.send(lf::contacts::retrieve().account_id("1").ids(ids)));
  CHECK(t.script.requests()[0].url == t.script.requests()[1].url);
}

TEST_CASE("string_list copies braced lists and containers of strings or views") {
  lf::string_list from_braces = {"a", "", "ccc"};
  REQUIRE(from_braces.size() == 3);
  CHECK(from_braces[0] == "a");
  CHECK(from_braces[1].empty());
  CHECK(from_braces[2] == "ccc");
  std::vector<std::string_view> views = {"x", "yy"};
  lf::string_list from_views = views;
  CHECK(from_views[1] == "yy");
  lf::string_list none;
  CHECK(none.empty());
}

TEST_CASE("a temporary container cannot be borrowed") {
  // borrow(std::vector<std::string>{...}) is deleted: it would dangle at the end of the statement.
  CHECK_FALSE(can_borrow<std::vector<std::string>>::value);
  CHECK(can_borrow<std::vector<std::string>&>::value);
  CHECK(can_borrow<std::vector<std::string> const&>::value);
}

TEST_CASE("accounts.list answers with summaries, and with full accounts once account_id is set") {
  using summary = decltype(lf::accounts::list())::response_type;
  using full = decltype(lf::accounts::list().account_id("1"))::response_type;
  CHECK(std::is_same_v<summary, lf::response<lf::array_view<lf::account_summary_view>>>);
  CHECK(std::is_same_v<full, lf::response<lf::array_view<lf::account_view>>>);
}

TEST_CASE("an empty list in a body is left out, like an unset one") {
  scripted_client t;
  t.script.respond(200, empty_list);
  REQUIRE(t.client.send(lf::contacts::search().account_id("1").search_terms({}).emails({"a@x.com"})));
  CHECK(t.script.last().body == R"({"emails":["a@x.com"]})");
}

TEST_CASE("enumerations read back from their wire spelling") {
  CHECK(lf::contacts::include_from_string("company") == lf::contacts::include::company);
  CHECK(lf::contacts::include_from_string("crm_connections.crm_record") ==
        lf::contacts::include::crm_connections_crm_record);
  CHECK_FALSE(lf::contacts::include_from_string("Company"));
  CHECK(lf::lists::scope_from_string("contact") == lf::lists::scope::contact);
  CHECK(lf::contacts::to_string(lf::contacts::include::buyer_personas) == "buyer_personas");
}
