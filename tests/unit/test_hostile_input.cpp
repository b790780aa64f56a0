// SPDX-License-Identifier: MIT
// Hostile input: 2xx responses whose body is not what the operation answers with, wrongly typed
// data under the views, and parameter values that try to break out of the URL or the body.
#include <doctest/doctest.h>
#include <test_support.hpp>

#include <leadfeeder/leadfeeder.hpp>

#include <boost/json/parser.hpp>
#include <leadfeeder/testing/scripted_transport.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace {

namespace lf = leadfeeder;

using contact_result = lf::result<lf::response<lf::contact_view>>;
using contacts_result = lf::result<lf::response<lf::array_view<lf::contact_view>>>;

// contacts.get answered with `status` and `body`. The result outlives the client on purpose:
// views depend only on the result.
contact_result get_contact(std::string body, int status = 200) {
  test_support::scripted_client t;
  t.script.respond(status, std::move(body));
  return t.client.send(lf::contacts::get().contact_id("3219787601").account_id("123456"));
}

// contacts.retrieve answered with 200 and `body`.
contacts_result retrieve_contacts(std::string body) {
  test_support::scripted_client t;
  t.script.respond(200, std::move(body));
  return t.client.send(lf::contacts::retrieve().account_id("123456").ids({"3219787601"}));
}

// contacts.get whose single contact is `contact` (a JSON object text).
contact_result contact_from(std::string const& contact) { return get_contact(R"({"data":)" + contact + "}"); }

// A body the client sent, parsed back with Boost.JSON.
boost::json::value parse_json(std::string_view text) {
  boost::json::parser parser;
  std::error_code ec;
  parser.write(text.data(), text.size(), ec);
  INFO("body: " << std::string(text));
  REQUIRE_FALSE(ec);
  return parser.release();
}

// The path of a URL (no scheme, host or query) split at '/'.
std::vector<std::string> path_segments(std::string_view url) {
  std::size_t const scheme = url.find("://");
  std::size_t const start = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
  std::string_view path = start == std::string_view::npos ? std::string_view() : url.substr(start + 1);
  path = path.substr(0, path.find('?'));
  std::vector<std::string> segments;
  std::size_t pos = 0;
  while (true) {
    std::size_t const slash = path.find('/', pos);
    segments.emplace_back(path.substr(pos, slash == std::string_view::npos ? std::string_view::npos : slash - pos));
    if (slash == std::string_view::npos) break;
    pos = slash + 1;
  }
  return segments;
}

bool points_into(void const* p, void const* first, std::size_t size) {
  auto const at = reinterpret_cast<std::uintptr_t>(p);
  auto const begin = reinterpret_cast<std::uintptr_t>(first);
  return at >= begin && at < begin + size;
}

std::vector<std::string> numbered_ids(std::size_t count) {
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < count; ++i) ids.push_back(std::to_string(3219787601u + i));
  return ids;
}

}  // namespace

// ---- 2xx bodies that are not JSON, or not the JSON the operation answers with.

TEST_CASE("hostile input: malformed JSON in a 200 is invalid_response") {
  for (char const* body : {"{data: []}", "{\"data\": [}", "{'data': []}", "{\"data\": [1,]}", "{\"data\" []}",
                           "{\"data\": tru}", "{,}", "}"}) {
    INFO("body: " << std::string(body));
    contacts_result const r = retrieve_contacts(body);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == lf::errc::invalid_response);
    CHECK(r.error().http_status == 200);
  }
}

TEST_CASE("hostile input: the Retrieve Contacts answer cut anywhere never crashes") {
  std::string const full = test_support::fixture("contacts_retrieve.response.json");
  test_support::scripted_client t;  // one client: its parser must recover after every failure
  std::size_t values = 0;
  std::size_t errors = 0;
  for (std::size_t length = 0; length < full.size(); length += 97) {
    INFO("cut at " << length << " of " << full.size());
    t.script.respond(200, full.substr(0, length));
    auto r = t.client.send(lf::contacts::retrieve().account_id("123456").ids({"435834"}));
    if (r) {
      ++values;
      CHECK(r->body().size() == length);
    } else {
      ++errors;
      CHECK(r.error().code == lf::errc::invalid_response);
      CHECK(r.error().http_status == 200);
    }
  }
  CHECK(errors > 0);
  CHECK(values + errors == (full.size() + 96) / 97);
  // The same client still decodes the whole answer.
  t.script.respond(200, full);
  auto whole = t.client.send(lf::contacts::retrieve().account_id("123456").ids({"435834"}));
  REQUIRE(whole);
  CHECK(whole->data().front().first_name() == "John");
}

TEST_CASE("hostile input: trailing garbage after the JSON is invalid_response") {
  for (char const* body :
       {R"({"data":[]} x)", R"({"data":[]}{"data":[]})", R"({"data":[]}])", "{\"data\":[]}\n\n<html>"}) {
    INFO("body: " << std::string(body));
    contacts_result const r = retrieve_contacts(body);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == lf::errc::invalid_response);
  }
}

TEST_CASE("hostile input: trailing whitespace after the JSON is fine") {
  contacts_result const r = retrieve_contacts("{\"data\":[]} \r\n\t");
  REQUIRE(r);
  CHECK(r->data().empty());
}

TEST_CASE("hostile input: a top-level array, string, number or boolean is invalid_response") {
  for (char const* body : {R"([{"type":"contact","id":"1"}])", R"("data")", "42", "-1.5e3", "true"}) {
    INFO("body: " << std::string(body));
    contacts_result const r = retrieve_contacts(body);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == lf::errc::invalid_response);
    CHECK(r.error().http_status == 200);
  }
}

TEST_CASE("hostile input: data that is a string, number or boolean is invalid_response") {
  for (char const* body : {R"({"data":"3219787601"})", R"({"data":3219787601})", R"({"data":true})"}) {
    INFO("body: " << std::string(body));
    contact_result const single = get_contact(body);
    REQUIRE_FALSE(single);
    CHECK(single.error().code == lf::errc::invalid_response);
    contacts_result const list = retrieve_contacts(body);
    REQUIRE_FALSE(list);
    CHECK(list.error().code == lf::errc::invalid_response);
  }
}

TEST_CASE("hostile input: a 200 carrying a shape B error body is invalid_response with its code") {
  contacts_result const r = retrieve_contacts(
      R"({"errors":[{"code":"entity_not_found","title":"Not found"}],"meta":{"request_id":"rid-200"}})");
  REQUIRE_FALSE(r);
  CHECK(r.error().code == lf::errc::invalid_response);
  CHECK(r.error().http_status == 200);
  CHECK(r.error().api_code == "entity_not_found");
  CHECK(r.error().request_id == "rid-200");
}

TEST_CASE("hostile input: a 200 carrying a shape A or C error body is invalid_response with its code") {
  contact_result const flat = get_contact(test_support::fixture("error_429_too_many_requests.response.json"));
  REQUIRE_FALSE(flat);
  CHECK(flat.error().code == lf::errc::invalid_response);
  CHECK(flat.error().api_code == "too_many_requests");

  contact_result const nested = get_contact(R"({"error":{"code":"token_expired","message":"expired"}})");
  REQUIRE_FALSE(nested);
  CHECK(nested.error().code == lf::errc::invalid_response);
  CHECK(nested.error().api_code == "token_expired");
}

TEST_CASE("hostile input: an HTML page with status 200 is invalid_response") {
  contacts_result const r =
      retrieve_contacts("<!DOCTYPE html><html><head><title>Sign in</title></head><body>Please sign in</body></html>");
  REQUIRE_FALSE(r);
  CHECK(r.error().code == lf::errc::invalid_response);
  CHECK(r.error().http_status == 200);
  CHECK_FALSE(r.error().message.empty());
}

TEST_CASE("hostile input: invalid UTF-8 inside a string is invalid_response") {
  for (std::string const& bad : {std::string("\xff"), std::string("\xc3\x28"), std::string("\xc0\xaf"),
                                 std::string("\xed\xa0\x80"), std::string("caf\xc3")}) {
    contact_result const r =
        contact_from(R"({"type":"contact","id":"1","attributes":{"first_name":")" + bad + R"("}})");
    REQUIRE_FALSE(r);
    CHECK(r.error().code == lf::errc::invalid_response);
  }
}

TEST_CASE("hostile input: a lone surrogate escape inside a string is invalid_response") {
  for (char const* escape : {R"(\ud800)", R"(\udc00)", R"(\ud800x)", R"(\ud800\u0041)"}) {
    INFO("escape: " << std::string(escape));
    contact_result const r = contact_from(std::string(R"({"id":"1","attributes":{"first_name":")") + escape + R"("}})");
    REQUIRE_FALSE(r);
    CHECK(r.error().code == lf::errc::invalid_response);
  }
}

TEST_CASE("hostile input: a valid surrogate pair decodes to UTF-8") {
  contact_result const r = contact_from(R"({"id":"1","attributes":{"first_name":"\ud83d\ude00"}})");
  REQUIRE(r);
  CHECK(r->data().first_name() == "\xf0\x9f\x98\x80");
}

TEST_CASE("hostile input: nesting deeper than LEADFEEDER_MAX_JSON_DEPTH is invalid_response") {
  // {"data": [[...]]}: the object is level 1, so depth arrays make depth + 1 levels.
  std::size_t const depth = LEADFEEDER_MAX_JSON_DEPTH;
  std::string const too_deep = "{\"data\":" + std::string(depth, '[') + std::string(depth, ']') + "}";
  contacts_result const r = retrieve_contacts(too_deep);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == lf::errc::invalid_response);

  std::string const at_limit = "{\"data\":" + std::string(depth - 1, '[') + std::string(depth - 1, ']') + "}";
  contacts_result const ok = retrieve_contacts(at_limit);
  REQUIRE(ok);
  REQUIRE(ok->data().size() == 1);  // one element, an array: not a contact object
  CHECK_FALSE(ok->data().front().exists());
}

TEST_CASE("hostile input: a very deep error body still maps by status") {
  std::size_t const depth = LEADFEEDER_MAX_JSON_DEPTH + 10;
  contact_result const r = get_contact(std::string(depth, '[') + std::string(depth, ']'), 503);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == lf::errc::server_error);
  CHECK(r.error().http_status == 503);
}

TEST_CASE("hostile input: a huge number reads as no integer and never crashes") {
  contact_result const r =
      get_contact(R"({"data":{"id":1e400,"attributes":{"first_name":"Ann"}},"meta":{"credits":{"charged":1e400}}})");
  REQUIRE(r);
  CHECK(r->data().id().empty());
  CHECK_FALSE(r->data().has_id());
  CHECK(r->data().first_name() == "Ann");
  CHECK(r->meta().credits().charged() == 0);
  CHECK_FALSE(r->meta().credits().has_charged());
}

TEST_CASE("hostile input: an integer too big for int64 reads as no integer") {
  for (char const* number : {"9223372036854775808", "18446744073709551616", "123456789012345678901234567890",
                             "-123456789012345678901234567890", "-9223372036854777856"}) {
    INFO("charged: " << std::string(number));
    contact_result const r =
        get_contact(std::string(R"({"data":{"id":"1"},"meta":{"credits":{"charged":)") + number + "}}}");
    REQUIRE(r);
    CHECK(r->meta().credits().charged() == 0);
    CHECK_FALSE(r->meta().credits().has_charged());
  }
}

TEST_CASE("hostile input: an integer just below INT64_MIN reads as no integer") {
  contact_result const r = get_contact(R"({"data":{"id":"1"},"meta":{"credits":{"charged":-9223372036854775809}}})");
  REQUIRE(r);
  CHECK(r->meta().credits().charged() == 0);
  CHECK_FALSE(r->meta().credits().has_charged());
}

TEST_CASE("hostile input: integers at the edges of int64 and uint64 read exactly") {
  contact_result const r =
      get_contact(R"({"data":{"id":18446744073709551615},"meta":{"credits":{"charged":9223372036854775807}}})");
  REQUIRE(r);
  CHECK(r->data().id() == "18446744073709551615");
  CHECK(r->meta().credits().charged() == INT64_MAX);
  contact_result const low =
      get_contact(R"({"data":{"id":-9223372036854775808},"meta":{"credits":{"charged":-9223372036854775808}}})");
  REQUIRE(low);
  CHECK(low->data().id() == "-9223372036854775808");
  CHECK(low->meta().credits().charged() == INT64_MIN);
}

TEST_CASE("hostile input: an integer id beyond uint64 never reads as other digits") {
  // Boost.JSON turns it into a double: the contract allows only its exact digits or "".
  contact_result const r = contact_from(R"({"id":123456789012345678901234567890})");
  REQUIRE(r);
  std::string_view const id = r->data().id();
  CHECK((id.empty() || id == "123456789012345678901234567890"));
}

// ---- Empty 2xx bodies.

TEST_CASE("hostile input: an empty 204 body is a value with no data") {
  test_support::scripted_client t;
  t.script.respond(204, "");
  auto r = t.client.send(
      lf::contacts::remove_from_lists().contact_id("3219787601").account_id("123456").list_ids({"company_123"}));
  REQUIRE(r);
  CHECK(r->status() == 204);
  CHECK(r->body().empty());
  CHECK_FALSE(r->data().exists());
  CHECK(r->json().is_null());
  CHECK_FALSE(r->meta().exists());
}

TEST_CASE("hostile input: a whitespace-only 2xx body where data is expected is invalid_response") {
  for (char const* body : {" ", "\r\n", "\t \n \r "}) {
    contacts_result const r = retrieve_contacts(body);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == lf::errc::invalid_response);
    CHECK(r.error().http_status == 200);
  }
}

TEST_CASE("hostile input: an empty 200 body on a list operation is invalid_response, not an empty list") {
  // An empty list would end a paginated read silently and lose the items after it.
  contacts_result const r = retrieve_contacts("");
  REQUIRE_FALSE(r);
  CHECK(r.error().code == lf::errc::invalid_response);
}

// ---- Wrongly typed fields under contact_view.

TEST_CASE("hostile input: a number where a string is expected reads as empty") {
  contact_result const r =
      contact_from(R"({"type":7,"id":"1","attributes":{"first_name":42,"last_name":1.5,"gender":true,"title":-3}})");
  REQUIRE(r);
  lf::contact_view const c = r->data();
  CHECK(c.type().empty());
  CHECK_FALSE(c.has_type());
  CHECK(c.first_name().empty());
  CHECK_FALSE(c.has_first_name());
  CHECK(c.last_name().empty());
  CHECK_FALSE(c.has_last_name());
  CHECK(c.gender().empty());
  CHECK_FALSE(c.has_gender());
  CHECK(c.title().empty());
  CHECK_FALSE(c.has_title());
  CHECK(c.id() == "1");
}

TEST_CASE("hostile input: a string where an array is expected gives an empty list") {
  contact_result const r = contact_from(
      R"({"id":"1","attributes":{"departments":"marketing_department","emails":"info@leadfeeder.com",
          "phones":"+49 721","public_sources":"homepage"}})");
  REQUIRE(r);
  lf::contact_view const c = r->data();
  CHECK(c.departments().empty());
  CHECK_FALSE(c.has_departments());
  CHECK(c.emails().empty());
  CHECK_FALSE(c.has_emails());
  CHECK(c.phones().empty());
  CHECK(c.public_sources().empty());
}

TEST_CASE("hostile input: null everywhere gives defaults") {
  contact_result const r = contact_from(R"({"type":null,"id":null,"attributes":{
      "address":null,"affiliation":null,"custom_fields":null,"departments":null,"emails":null,
      "first_name":null,"gender":null,"hierarchy_level":null,"last_name":null,"phones":null,
      "position":null,"public_sources":null,"social_media_profiles":null,"title":null},
      "relationships":{"company":null,"lists":null,"buyer_personas":null}})");
  REQUIRE(r);
  lf::contact_view const c = r->data();
  CHECK(c.exists());
  CHECK(c.id().empty());
  CHECK_FALSE(c.has_id());
  CHECK(c.type().empty());
  CHECK_FALSE(c.has_address());
  CHECK_FALSE(c.address().exists());
  CHECK(c.address().city().empty());
  CHECK(c.affiliation().empty());
  CHECK(c.custom_fields().empty());
  CHECK(c.departments().empty());
  CHECK(c.emails().empty());
  CHECK(c.first_name().empty());
  CHECK_FALSE(c.has_first_name());
  CHECK(c.phones().empty());
  CHECK_FALSE(c.position().exists());
  CHECK(c.position().title().empty());
  CHECK(c.public_sources().empty());
  CHECK_FALSE(c.social_media_profiles().exists());
  CHECK(c.social_media_profiles().facebook().empty());
  CHECK(c.has_relationships());
  CHECK_FALSE(c.relationships().has_company());
  CHECK_FALSE(c.relationships().company().exists());
  CHECK(c.relationships().company().id().empty());
  CHECK(c.relationships().lists().empty());
  CHECK(c.relationships().buyer_personas().empty());
}

TEST_CASE("hostile input: data null gives an empty contact") {
  contact_result const r = get_contact(R"({"data":null})");
  REQUIRE(r);
  CHECK_FALSE(r->data().exists());
  CHECK(r->data().first_name().empty());
  CHECK(r->data().emails().empty());
}

TEST_CASE("hostile input: objects where scalars are expected read as empty") {
  contact_result const r = contact_from(
      R"({"type":{"x":1},"id":{"value":"1"},"attributes":{"first_name":{"text":"John"},
          "affiliation":["employee"],"departments":[{"code":"x"},7,null,"sales_department"]}})");
  REQUIRE(r);
  lf::contact_view const c = r->data();
  CHECK(c.type().empty());
  CHECK(c.id().empty());
  CHECK_FALSE(c.has_id());
  CHECK(c.first_name().empty());
  CHECK_FALSE(c.has_first_name());
  CHECK(c.affiliation().empty());
  // Elements of a string list that are not strings read as empty; the strings are kept.
  REQUIRE(c.departments().size() == 4);
  CHECK(c.departments()[0].empty());
  CHECK(c.departments()[1].empty());
  CHECK(c.departments()[2].empty());
  CHECK(c.departments()[3] == "sales_department");
}

TEST_CASE("hostile input: scalars where objects are expected give empty views") {
  contact_result const r = contact_from(
      R"({"id":"1","attributes":{"address":"Karlsruhe","position":42,"custom_fields":["x"],
          "social_media_profiles":"none","emails":[1,"a",null]}})");
  REQUIRE(r);
  lf::contact_view const c = r->data();
  CHECK_FALSE(c.address().exists());
  CHECK(c.address().city().empty());
  CHECK_FALSE(c.position().exists());
  CHECK(c.custom_fields().empty());
  CHECK_FALSE(c.social_media_profiles().exists());
  REQUIRE(c.emails().size() == 3);
  for (lf::contact_email_view e : c.emails()) {
    CHECK_FALSE(e.exists());
    CHECK(e.address().empty());
  }
}

TEST_CASE("hostile input: an integer id reads as its decimal text") {
  contact_result const r = contact_from(R"({"type":"contact","id":3219787601})");
  REQUIRE(r);
  CHECK(r->data().id() == "3219787601");
  CHECK(r->data().has_id());
  contact_result const negative = contact_from(R"({"type":"contact","id":-42})");
  REQUIRE(negative);
  CHECK(negative->data().id() == "-42");
  contact_result const zero = contact_from(R"({"id":0})");
  REQUIRE(zero);
  CHECK(zero->data().id() == "0");
}

TEST_CASE("hostile input: integer ids of related resources read as text too") {
  contact_result const r = contact_from(
      R"({"id":1,"relationships":{"company":{"id":129011,"type":"company"},"lists":[{"id":5},{"id":-6}]}})");
  REQUIRE(r);
  CHECK(r->data().relationships().company().id() == "129011");
  REQUIRE(r->data().relationships().lists().size() == 2);
  CHECK(r->data().relationships().lists()[0].id() == "5");
  CHECK(r->data().relationships().lists()[1].id() == "-6");
}

TEST_CASE("hostile input: a float or boolean id reads as empty") {
  for (char const* id : {"3219787601.5", "1.0", "1e3", "true", "[1]"}) {
    INFO("id: " << std::string(id));
    contact_result const r = contact_from(std::string(R"({"type":"contact","id":)") + id + "}");
    REQUIRE(r);
    CHECK(r->data().id().empty());
    CHECK_FALSE(r->data().has_id());
  }
}

TEST_CASE("hostile input: unknown keys are ignored") {
  contact_result const r = get_contact(R"({"zzz":[1,2,3],"data":{"type":"contact","id":"1","surprise":{"a":1},
      "attributes":{"first_name":"John","new_field":{"nested":[true]},"emails":[{"address":"a@b.c","extra":1}]},
      "relationships":{"company":{"id":"9","type":"company","unknown":null},"new_relation":{"id":"3"}}},
      "meta":{"request_id":"rid","future":{}}})");
  REQUIRE(r);
  lf::contact_view const c = r->data();
  CHECK(c.first_name() == "John");
  CHECK(c.emails().front().address() == "a@b.c");
  CHECK(c.relationships().company().id() == "9");
  CHECK(r->meta().request_id() == "rid");
  // and stay reachable through the generic view
  CHECK(c.attributes()["new_field"]["nested"][std::size_t{0}].as_bool());
  CHECK(c.json()["surprise"]["a"].as_integer() == 1);
  CHECK(r->json()["zzz"].size() == 3);
}

TEST_CASE("hostile input: a to-one relationship as an object, array or data wrapper") {
  for (char const* company :
       {R"({"id":"129011","type":"company"})", R"([{"id":"129011","type":"company"},{"id":"2","type":"company"}])",
        R"({"data":{"id":"129011","type":"company"}})", R"({"data":[{"id":"129011","type":"company"}]})"}) {
    INFO("company: " << std::string(company));
    contact_result const r = contact_from(std::string(R"({"id":"1","relationships":{"company":)") + company + "}}");
    REQUIRE(r);
    CHECK(r->data().relationships().has_company());
    CHECK(r->data().relationships().company().exists());
    CHECK(r->data().relationships().company().id() == "129011");
    CHECK(r->data().relationships().company().type() == "company");
  }
}

TEST_CASE("hostile input: a to-one relationship missing, empty or of a wrong type is empty") {
  for (char const* relationships : {R"({})", R"({"company":[]})", R"({"company":{"data":[]}})",
                                    R"({"company":"129011"})", R"({"company":129011})"}) {
    INFO("relationships: " << std::string(relationships));
    contact_result const r = contact_from(std::string(R"({"id":"1","relationships":)") + relationships + "}");
    REQUIRE(r);
    CHECK_FALSE(r->data().relationships().company().exists());
    CHECK(r->data().relationships().company().id().empty());
  }
  contact_result const none = contact_from(R"({"id":"1"})");
  REQUIRE(none);
  CHECK_FALSE(none->data().has_relationships());
  CHECK_FALSE(none->data().relationships().exists());
  CHECK_FALSE(none->data().relationships().company().exists());
}

TEST_CASE("hostile input: a to-many relationship as an array, a single object or a data wrapper") {
  struct shape {
    char const* lists;
    std::size_t size;
  };
  for (shape s :
       {shape{R"([{"id":"a","type":"list"},{"id":"b","type":"list"}])", 2}, shape{R"({"id":"a","type":"list"})", 1},
        shape{R"({"data":[{"id":"a","type":"list"},{"id":"b","type":"list"}]})", 2},
        shape{R"({"data":{"id":"a","type":"list"}})", 1}, shape{"[]", 0}, shape{R"({"data":[]})", 0},
        shape{R"("a,b")", 0}, shape{"3", 0}}) {
    INFO("lists: " << std::string(s.lists));
    contact_result const r = contact_from(std::string(R"({"id":"1","relationships":{"lists":)") + s.lists + "}}");
    REQUIRE(r);
    auto const lists = r->data().relationships().lists();
    REQUIRE(lists.size() == s.size);
    if (s.size > 0) CHECK(lists[0].id() == "a");
    if (s.size > 1) CHECK(lists[1].id() == "b");
  }
  contact_result const missing = contact_from(R"({"id":"1","relationships":{}})");
  REQUIRE(missing);
  CHECK(missing->data().relationships().lists().empty());
  CHECK_FALSE(missing->data().relationships().has_lists());
}

TEST_CASE("hostile input: a relationship wrapper whose data is null is empty") {
  contact_result const r = contact_from(
      R"({"id":"1","relationships":{"company":{"data":null},"lists":{"data":null},"buyer_personas":{"data":null}}})");
  REQUIRE(r);
  CHECK_FALSE(r->data().relationships().company().exists());
  CHECK(r->data().relationships().lists().size() == 0);
  CHECK(r->data().relationships().buyer_personas().size() == 0);
}

TEST_CASE("hostile input: attributes missing or not an object give defaults") {
  for (char const* attributes : {"", R"(,"attributes":"John")", R"(,"attributes":[{"first_name":"John"}])",
                                 R"(,"attributes":42)", R"(,"attributes":null)"}) {
    INFO("attributes: " << std::string(attributes));
    contact_result const r = contact_from(std::string(R"({"type":"contact","id":"1")") + attributes + "}");
    REQUIRE(r);
    lf::contact_view const c = r->data();
    CHECK(c.id() == "1");
    CHECK(c.type() == "contact");
    CHECK_FALSE(c.attributes().exists());
    CHECK(c.attributes().size() == 0);
    CHECK(c.first_name().empty());
    CHECK_FALSE(c.has_first_name());
    CHECK(c.emails().empty());
    CHECK(c.custom_fields().empty());
  }
}

TEST_CASE("hostile input: a contact that is not an object is an empty view") {
  contacts_result const r = retrieve_contacts(R"({"data":["3219787601",42,null,{"id":"7"}]})");
  REQUIRE(r);
  REQUIRE(r->data().size() == 4);
  CHECK_FALSE(r->data()[0].exists());
  CHECK(r->data()[0].id().empty());
  CHECK_FALSE(r->data()[1].exists());
  CHECK_FALSE(r->data()[2].exists());
  CHECK(r->data()[3].id() == "7");
}

TEST_CASE("hostile input: a single resource sent as an array reads as its first element") {
  contact_result const r = get_contact(R"({"data":[{"id":"1","attributes":{"first_name":"Ann"}},{"id":"2"}]})");
  REQUIRE(r);
  CHECK(r->data().id() == "1");
  CHECK(r->data().first_name() == "Ann");
  contact_result const empty = get_contact(R"({"data":[]})");
  REQUIRE(empty);
  CHECK_FALSE(empty->data().exists());
}

TEST_CASE("hostile input: a list sent as a single object reads as a list of one") {
  contacts_result const r = retrieve_contacts(R"({"data":{"id":"1","attributes":{"first_name":"Ann"}}})");
  REQUIRE(r);
  REQUIRE(r->data().size() == 1);
  CHECK(r->data().front().first_name() == "Ann");
}

TEST_CASE("hostile input: an object where an attribute list is expected reads as an empty list") {
  contacts_result const r = retrieve_contacts(
      R"({"data":[{"id":"1","attributes":{"emails":{"address":"a@x.com"},"phones":{"number":"1"},"departments":{"a":"b"}}}]})");
  REQUIRE(r);
  lf::contact_view const c = r->data().front();
  CHECK(c.emails().empty());
  CHECK_FALSE(c.has_emails());
  CHECK(c.phones().size() == 0);
  CHECK(c.departments().empty());
}

// ---- Out of range and non-array reads on the container views.

TEST_CASE("hostile input: array_view out of range gives an empty view") {
  contacts_result const r = retrieve_contacts(test_support::fixture("contacts_retrieve.response.json"));
  REQUIRE(r);
  auto const contacts = r->data();
  REQUIRE(contacts.size() == 1);
  CHECK_FALSE(contacts[1].exists());
  CHECK_FALSE(contacts[1000000].exists());
  CHECK(contacts[1].first_name().empty());
  CHECK_FALSE(contacts.front().emails()[1].exists());
  CHECK(contacts.front().emails()[1].address().empty());
  CHECK_FALSE(contacts.front().relationships().lists()[7].exists());
}

TEST_CASE("hostile input: string_array_view out of range gives an empty string") {
  contacts_result const r = retrieve_contacts(test_support::fixture("contacts_retrieve.response.json"));
  REQUIRE(r);
  auto const departments = r->data().front().departments();
  REQUIRE(departments.size() == 2);
  CHECK(departments[1] == "students_apprentices");
  CHECK(departments[2].empty());
  CHECK(departments[static_cast<std::size_t>(-1)].empty());
}

TEST_CASE("hostile input: map_view with an unknown key gives an empty view") {
  contacts_result const r = retrieve_contacts(test_support::fixture("contacts_retrieve.response.json"));
  REQUIRE(r);
  auto const fields = r->data().front().custom_fields();
  REQUIRE(fields.size() == 2);
  CHECK(fields.contains("property1"));
  CHECK_FALSE(fields.contains("property3"));
  CHECK_FALSE(fields["property3"].exists());
  CHECK(fields["property3"].type().empty());
  CHECK(fields[""].reason().empty());
}

TEST_CASE("hostile input: iterating over a value that is not an array or object yields nothing") {
  contact_result const r = contact_from(
      R"({"id":"1","attributes":{"departments":{"a":"b"},"custom_fields":["x","y"],"emails":7,"phones":"x"}})");
  REQUIRE(r);
  lf::contact_view const c = r->data();
  std::size_t visited = 0;
  for (std::string_view d : c.departments()) visited += d.size() + 1;
  for (auto entry : c.custom_fields()) visited += entry.key.size() + 1;
  for (lf::contact_email_view e : c.emails()) visited += e.address().size() + 1;
  for (lf::contact_phone_view p : c.phones()) visited += p.number().size() + 1;
  CHECK(visited == 0);
  CHECK(c.departments().begin() == c.departments().end());
  CHECK(c.custom_fields().begin() == c.custom_fields().end());
  CHECK(c.emails().begin() == c.emails().end());
}

TEST_CASE("hostile input: json_view reads out of range or through the wrong type as empty") {
  contacts_result const r = retrieve_contacts(test_support::fixture("contacts_retrieve.response.json"));
  REQUIRE(r);
  lf::json_view const root = r->json();
  CHECK_FALSE(root["data"][std::size_t{5}].exists());
  CHECK_FALSE(root["meta"][std::size_t{0}].exists());  // index into an object
  CHECK_FALSE(root["data"]["type"].exists());          // key into an array
  CHECK_FALSE(root["nope"]["deeper"]["still"].exists());
  CHECK(root["meta"]["request_id"]["x"].as_string().empty());
  CHECK(root["meta"]["request_id"].size() == 0);
  CHECK(root["meta"]["credits"]["charged"].as_string().empty());
  CHECK(root["meta"]["credits"]["charged"].as_integer() == 1);
}

// ---- The document_buffer path.

TEST_CASE("hostile input: a big enough document_buffer decodes the same values as the heap") {
  std::string const body = test_support::fixture("contacts_retrieve.response.json");
  std::vector<unsigned char> storage(std::size_t{1} << 18);
  test_support::scripted_client t;
  t.script.respond(200, body);
  t.script.respond(200, body);
  auto heap = t.client.send(lf::contacts::retrieve().account_id("123456").ids({"435834"}));
  auto lent = t.client.send(lf::contacts::retrieve().account_id("123456").ids({"435834"}),
                            lf::document_buffer{storage.data(), storage.size()});
  REQUIRE(heap);
  REQUIRE(lent);
  lf::contact_view const a = heap->data().front();
  lf::contact_view const b = lent->data().front();
  CHECK(b.id() == a.id());
  CHECK(b.first_name() == a.first_name());
  CHECK(b.last_name() == a.last_name());
  CHECK(b.position().title() == a.position().title());
  CHECK(b.departments()[1] == a.departments()[1]);
  CHECK(b.emails().front().address() == a.emails().front().address());
  CHECK(b.custom_fields().size() == a.custom_fields().size());
  CHECK(b.relationships().company().id() == a.relationships().company().id());
  CHECK(b.relationships().lists().front().id() == a.relationships().lists().front().id());
  CHECK(lent->meta().request_id() == heap->meta().request_id());
  CHECK(lent->meta().credits().charged() == heap->meta().credits().charged());
  // The document really lives in the lent buffer.
  CHECK(points_into(lent->doc().root(), storage.data(), storage.size()));
  CHECK_FALSE(points_into(heap->doc().root(), storage.data(), storage.size()));
  // Strings without escapes are views into each response's own body, not copies.
  CHECK(points_into(b.first_name().data(), lent->body().data(), lent->body().size()));
  CHECK(points_into(a.first_name().data(), heap->body().data(), heap->body().size()));
}

TEST_CASE("hostile input: a document_buffer smaller than the bookkeeping is buffer_exhausted") {
  alignas(std::max_align_t) unsigned char storage[16];
  test_support::scripted_client t;
  t.script.respond(200, test_support::fixture("contacts_retrieve.response.json"));
  auto r = t.client.send(lf::contacts::retrieve().account_id("123456").ids({"435834"}),
                         lf::document_buffer{storage, sizeof storage});
  REQUIRE_FALSE(r);
  CHECK(r.error().code == lf::errc::buffer_exhausted);
  CHECK(r.error().http_status == 200);
}

TEST_CASE("hostile input: a document_buffer too small for the body is buffer_exhausted") {
  std::vector<unsigned char> storage(sizeof(lf::detail::document_state) + alignof(std::max_align_t) + 256);
  test_support::scripted_client t;
  t.script.respond(200, test_support::fixture("contacts_retrieve.response.json"));
  t.script.respond(200, test_support::fixture("contacts_retrieve.response.json"));
  auto r = t.client.send(lf::contacts::retrieve().account_id("123456").ids({"435834"}),
                         lf::document_buffer{storage.data(), storage.size()});
  REQUIRE_FALSE(r);
  CHECK(r.error().code == lf::errc::buffer_exhausted);
  CHECK(r.error().http_status == 200);
  // The client recovers: the next call, on the heap, decodes.
  auto next = t.client.send(lf::contacts::retrieve().account_id("123456").ids({"435834"}));
  REQUIRE(next);
  CHECK(next->data().front().first_name() == "John");
}

TEST_CASE("hostile input: views into a lent buffer stay valid after the result is moved") {
  std::vector<unsigned char> storage(std::size_t{1} << 18);
  test_support::scripted_client t;
  t.script.respond(200, test_support::fixture("contacts_retrieve.response.json"));
  auto r = t.client.send(lf::contacts::retrieve().account_id("123456").ids({"435834"}),
                         lf::document_buffer{storage.data(), storage.size()});
  REQUIRE(r);
  lf::contact_view const c = r->data().front();
  auto moved = std::move(r);
  CHECK(c.first_name() == "John");
  CHECK(c.emails().front().address() == "info@leadfeeder.com");
  lf::response<lf::array_view<lf::contact_view>> const owner = std::move(*moved);
  CHECK(c.relationships().company().id() == "129011");
  CHECK(owner.data().front().last_name() == "Doe");
  CHECK(owner.meta().request_id() == "cf054205-dd8c-4473-8689-07c30fe0789f");
}

TEST_CASE("hostile input: views into the heap stay valid after the result is moved") {
  auto r = retrieve_contacts(test_support::fixture("contacts_retrieve.response.json"));
  REQUIRE(r);
  lf::contact_view const c = r->data().front();
  std::string_view const first = c.first_name();
  auto moved = std::move(r);
  auto again = std::move(moved);
  CHECK(first == "John");
  CHECK(c.departments()[0] == "marketing_department");
  CHECK(again->data().front().id() == "435834");
}

// ---- Hostile parameter values.

TEST_CASE("hostile input: reserved characters in a path id are percent-encoded") {
  test_support::scripted_client t;
  t.script.respond(200, R"({"data":{"id":"1"}})");
  auto r = t.client.send(lf::contacts::get().contact_id("a b&c#d=e?f+g%h").account_id("123456"));
  REQUIRE(r);
  CHECK(t.script.last().url ==
        "https://api.leadfeeder.com/v1/contacts/a%20b%26c%23d%3De%3Ff%2Bg%25h?account_id=123456");
}

TEST_CASE("hostile input: reserved characters in a query value are percent-encoded") {
  test_support::scripted_client t;
  t.script.respond(200, R"({"data":[]})");
  auto r = t.client.send(lf::accounts::list().account_id("1&admin=true#x?y=z+w %/"));
  REQUIRE(r);
  CHECK(t.script.last().url ==
        "https://api.leadfeeder.com/v1/accounts?account_id=1%26admin%3Dtrue%23x%3Fy%3Dz%2Bw%20%25%2F");
}

TEST_CASE("hostile input: non-ASCII UTF-8 is percent-encoded byte by byte") {
  test_support::scripted_client t;
  t.script.respond(200, R"({"data":{"id":"1"}})");
  auto r = t.client.send(lf::contacts::get()
                             .contact_id("Gesch\xc3\xa4"
                                         "ft\xe2\x82\xac")
                             .account_id("K\xc3\xb6ln"));
  REQUIRE(r);
  CHECK(t.script.last().url == "https://api.leadfeeder.com/v1/contacts/Gesch%C3%A4ft%E2%82%AC?account_id=K%C3%B6ln");
}

TEST_CASE("hostile input: '../' and '/' in a path id stay inside one encoded segment") {
  test_support::scripted_client t;
  t.script.respond(200, "");
  auto r = t.client.send(
      lf::contacts::add_to_lists().contact_id("../../accounts/1").account_id("../x").list_ids({"company_123"}));
  REQUIRE(r);
  std::string const& url = t.script.last().url;
  CHECK(url == "https://api.leadfeeder.com/v1/contacts/..%2F..%2Faccounts%2F1/lists?account_id=..%2Fx");
  std::vector<std::string> const segments = path_segments(url);
  REQUIRE(segments.size() == 4);
  CHECK(segments[0] == "v1");
  CHECK(segments[1] == "contacts");
  CHECK(segments[2] == "..%2F..%2Faccounts%2F1");
  CHECK(segments[3] == "lists");
  for (std::string const& s : segments) CHECK((s != "." && s != ".."));
}

TEST_CASE("hostile input: a path id of '.', '..' or '' is refused and nothing is sent") {
  for (char const* id : {".", "..", ""}) {
    INFO("contact_id: '" << std::string(id) << "'");
    test_support::scripted_client t;
    t.script.respond(200, R"({"data":{"id":"1"}})");
    auto r = t.client.send(lf::contacts::get().contact_id(id).account_id("123456"));
    REQUIRE_FALSE(r);
    CHECK(r.error().code == lf::errc::invalid_argument);
    CHECK(r.error().http_status == 0);
    CHECK(r.error().message.find("contact_id") != std::string::npos);
    CHECK(t.script.requests().empty());
  }
}

TEST_CASE("hostile input: a path id made of dots but not '.' or '..' is encoded, not refused") {
  test_support::scripted_client t;
  t.script.respond(200, R"({"data":{"id":"1"}})");
  auto r = t.client.send(lf::contacts::get().contact_id("...").account_id("123456"));
  REQUIRE(r);
  CHECK(t.script.last().url == "https://api.leadfeeder.com/v1/contacts/...?account_id=123456");
}

TEST_CASE("hostile input: CR or LF in any path or query value is refused and nothing is sent") {
  test_support::scripted_client t;
  auto refused = [&t](auto const& builder) {
    auto r = t.client.send(builder);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == lf::errc::invalid_argument);
    CHECK(r.error().http_status == 0);
  };
  refused(lf::contacts::get().contact_id("1\r\nHost: evil").account_id("123456"));
  refused(lf::contacts::get().contact_id("1").account_id("123456\n"));
  refused(lf::contacts::get().contact_id("\r").account_id("123456"));
  refused(lf::contacts::retrieve().account_id("123456").ids({"1", "2\r\n3"}));
  refused(lf::contacts::retrieve().account_id("1\r2").ids({"1"}));
  refused(lf::contacts::search().account_id("123456").page_cursor("abc\r\nX-Injected: 1"));
  refused(lf::contacts::add_to_lists().contact_id("1\n").account_id("123456").list_ids({"l"}));
  refused(lf::accounts::list().account_id("\n"));
  CHECK(t.script.requests().empty());
}

TEST_CASE("hostile input: 101 ids are refused") {
  std::vector<std::string> const ids = numbered_ids(101);
  test_support::scripted_client t;
  auto r = t.client.send(lf::contacts::retrieve().account_id("123456").ids(ids));
  REQUIRE_FALSE(r);
  CHECK(r.error().code == lf::errc::invalid_argument);
  CHECK(r.error().message.find("ids") != std::string::npos);
  CHECK(t.script.requests().empty());
}

TEST_CASE("hostile input: exactly 100 ids are accepted") {
  std::vector<std::string> const ids = numbered_ids(100);
  test_support::scripted_client t;
  t.script.respond(200, R"({"data":[]})");
  auto r = t.client.send(lf::contacts::retrieve().account_id("123456").ids(ids));
  REQUIRE(r);
  REQUIRE(t.script.requests().size() == 1);
  std::string const& url = t.script.last().url;
  std::size_t commas = 0;
  for (char c : url) commas += c == ',' ? 1 : 0;
  CHECK(commas == 99);
  CHECK(url.find("ids=3219787601,3219787602,") != std::string::npos);
  CHECK(url.find(",3219787700") != std::string::npos);
}

TEST_CASE("hostile input: an empty id inside ids is refused") {
  test_support::scripted_client t;
  auto middle = t.client.send(lf::contacts::retrieve().account_id("123456").ids({"1", "", "3"}));
  REQUIRE_FALSE(middle);
  CHECK(middle.error().code == lf::errc::invalid_argument);
  auto only = t.client.send(lf::contacts::retrieve().account_id("123456").ids({""}));
  REQUIRE_FALSE(only);
  CHECK(only.error().code == lf::errc::invalid_argument);
  auto none = t.client.send(lf::contacts::retrieve().account_id("123456").ids(std::vector<std::string>{}));
  REQUIRE_FALSE(none);
  CHECK(none.error().code == lf::errc::invalid_argument);
  auto list_id = t.client.send(lf::contacts::add_to_lists().contact_id("1").account_id("123456").list_ids({"a", ""}));
  REQUIRE_FALSE(list_id);
  CHECK(list_id.error().code == lf::errc::invalid_argument);
  CHECK(t.script.requests().empty());
}

TEST_CASE("hostile input: a comma inside one id is encoded so it cannot split the list") {
  test_support::scripted_client t;
  t.script.respond(200, R"({"data":[]})");
  auto r = t.client.send(lf::contacts::retrieve().account_id("123456").ids({"1,2", "3"}));
  REQUIRE(r);
  CHECK(t.script.last().url == "https://api.leadfeeder.com/v1/contacts?ids=1%2C2,3&account_id=123456");
}

TEST_CASE("hostile input: page[size] 0 and 101 are refused for contacts.search") {
  for (std::int64_t size : {std::int64_t{0}, std::int64_t{101}, std::int64_t{-1}, INT64_MIN, INT64_MAX}) {
    INFO("page[size] " << size);
    test_support::scripted_client t;
    auto r = t.client.send(lf::contacts::search().account_id("123456").page_size(size));
    REQUIRE_FALSE(r);
    CHECK(r.error().code == lf::errc::invalid_argument);
    CHECK(r.error().message.find("page[size]") != std::string::npos);
    CHECK(t.script.requests().empty());
  }
}

TEST_CASE("hostile input: page[size] 1 and 100 are accepted for contacts.search") {
  for (std::int64_t size : {std::int64_t{1}, std::int64_t{100}}) {
    test_support::scripted_client t;
    t.script.respond(200, R"({"data":[]})");
    auto r = t.client.send(lf::contacts::search().account_id("123456").page_size(size));
    REQUIRE(r);
    CHECK(t.script.last().url ==
          "https://api.leadfeeder.com/v1/contacts/search?account_id=123456&page%5Bsize%5D=" + std::to_string(size));
  }
}

TEST_CASE("hostile input: invalid UTF-8 in a body string is refused") {
  for (std::string const& bad : {std::string("\xff"), std::string("caf\xc3"), std::string("\xc0\xaf"),
                                 std::string("\xed\xa0\x80"), std::string("\xf4\x90\x80\x80")}) {
    test_support::scripted_client t;
    std::vector<std::string> const terms = {"fine", bad};
    auto r = t.client.send(lf::contacts::search().account_id("123456").search_terms(terms));
    REQUIRE_FALSE(r);
    CHECK(r.error().code == lf::errc::invalid_argument);
    CHECK(r.error().message.find("search_terms") != std::string::npos);
    CHECK(t.script.requests().empty());
  }
}

TEST_CASE("hostile input: quotes, backslashes, newlines and control characters in a body are escaped") {
  std::string const nasty = std::string("say \"hi\" \\ back\\slash\nnew line\r\ttab\b\f") +
                            std::string("\x01\x1f\x7f", 3) + std::string("nul\0end", 7) +
                            "\xc3\xa9\xe6\x97\xa5\xf0\x9f\x98\x80" + R"(","injected":true,")";
  std::vector<std::string> const terms = {nasty, "}]"};
  test_support::scripted_client t;
  t.script.respond(200, R"({"data":[]})");
  auto r = t.client.send(lf::contacts::search().account_id("123456").search_terms(terms).affiliation(nasty));
  REQUIRE(r);
  std::string const& body = t.script.last().body;
  for (char c : body) CHECK(static_cast<unsigned char>(c) >= 0x20);  // no raw control characters
  boost::json::value const parsed = parse_json(body);
  REQUIRE(parsed.is_object());
  boost::json::object const& o = parsed.get_object();
  CHECK(o.size() == 2);
  CHECK_FALSE(o.contains("injected"));
  REQUIRE(o.contains("search_terms"));
  boost::json::array const& sent = o.at("search_terms").as_array();
  REQUIRE(sent.size() == 2);
  CHECK(sent[0].as_string() == nasty);
  CHECK(sent[1].as_string() == "}]");
  CHECK(o.at("affiliation").as_string() == nasty);
}
