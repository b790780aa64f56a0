// SPDX-License-Identifier: MIT
// buyer_personas, icps and custom_fields on the wire (docs/api-reference.md, 3.6, 3.7, 3.10): method, URL and body
// of each request, and how BuyerPersonaV1 (4.3) and the field-less ICPV1 and CustomFieldV1 are read.
#include <doctest/doctest.h>
#include <test_support.hpp>

#include <leadfeeder/leadfeeder.hpp>
#include <leadfeeder/testing/scripted_transport.hpp>

#include <boost/json.hpp>

#include <string>
#include <string_view>
#include <type_traits>

namespace lf = leadfeeder;
using test_support::json;
using test_support::refusal_of;
using test_support::request_of;
using test_support::scripted_client;

namespace {


/// A BuyerPersonaV1 shaped as the persona embedded in the Retrieve Contacts docs example (4.3),
/// with distinct values per filter so that a mix-up would show.
constexpr std::string_view persona_7421 = R"({
  "type": "buyer_persona",
  "id": "7421",
  "attributes": {
    "name": "Sales Managers",
    "created_at": "2024-12-10T15:57:25Z",
    "filters": {
      "department": [{"search_value": "sales_department", "display_value": "Sales", "negated": false}],
      "job_title": [{"search_value": "head of sales", "display_value": "Head of Sales", "negated": false},
                    {"search_value": "intern", "display_value": "Intern", "negated": true}],
      "location": [{"search_value": "US", "display_value": "United States", "negated": false}],
      "seniority": [{"search_value": "managers", "display_value": "Managers", "negated": false}]
    }
  }
})";

}  // namespace

// ---- buyer_personas.list

TEST_CASE("buyer_personas.list is GET /v1/buyer-personas with account_id and no body") {
  auto const req = request_of(lf::buyer_personas::list().account_id("123456"));
  CHECK(req.method == lf::http_method::get);
  CHECK(req.url == "https://api.leadfeeder.com/v1/buyer-personas?account_id=123456");
  CHECK(req.body.empty());
  CHECK_FALSE(req.has_header("Content-Type"));
}

TEST_CASE("buyer_personas.list decodes BuyerPersonaV1 rows with their filter items") {
  scripted_client t;
  t.script.respond(200, R"({"data":[)" + std::string(persona_7421) +
                            R"(,{"type":"buyer_persona","id":"7422","attributes":{"name":"Founders","filters":{}}}],
                             "meta":{"request_id":"r-personas"}})");
  auto r = t.client.send(lf::buyer_personas::list().account_id("123456"));
  REQUIRE(r);
  static_assert(std::is_same_v<decltype(r->data().front()), lf::buyer_persona_view>, "BuyerPersonaV1 rows");
  REQUIRE(r->data().size() == 2);
  lf::buyer_persona_view p = r->data()[0];
  CHECK(p.type() == "buyer_persona");
  CHECK(p.id() == "7421");
  CHECK(p.name() == "Sales Managers");
  CHECK(p.created_at() == "2024-12-10T15:57:25Z");
  REQUIRE(p.has_filters());
  REQUIRE(p.filters().department().size() == 1);
  CHECK(p.filters().department()[0].search_value() == "sales_department");
  CHECK(p.filters().department()[0].display_value() == "Sales");
  CHECK_FALSE(p.filters().department()[0].negated());
  REQUIRE(p.filters().job_title().size() == 2);
  CHECK(p.filters().job_title()[1].search_value() == "intern");
  CHECK(p.filters().job_title()[1].has_negated());
  CHECK(p.filters().job_title()[1].negated());
  CHECK(p.filters().location().front().display_value() == "United States");
  CHECK(p.filters().seniority().front().search_value() == "managers");
  lf::buyer_persona_view founders = r->data()[1];
  CHECK(founders.name() == "Founders");
  CHECK(founders.has_filters());
  CHECK_FALSE(founders.filters().has_department());
  CHECK(founders.filters().department().empty());
}

// ---- buyer_personas.get

TEST_CASE("buyer_personas.get is GET /v1/buyer-personas/{buyer_persona_id} with account_id") {
  auto const req = request_of(lf::buyer_personas::get().buyer_persona_id("7421").account_id("123456"));
  CHECK(req.method == lf::http_method::get);
  CHECK(req.url == "https://api.leadfeeder.com/v1/buyer-personas/7421?account_id=123456");
  CHECK(req.body.empty());
}

TEST_CASE("buyer_personas.get decodes one persona and reads unknown filter keys through json()") {
  scripted_client t;
  boost::json::value body = json(persona_7421);
  body.at("attributes").at("filters").as_object()["industry"] =
      json(R"([{"search_value":"software","display_value":"Software","negated":false}])");
  t.script.respond(200, R"({"data":)" + boost::json::serialize(body) + "}");
  auto r = t.client.send(lf::buyer_personas::get().buyer_persona_id("7421").account_id("123456"));
  REQUIRE(r);
  lf::buyer_persona_view p = r->data();
  CHECK(p.id() == "7421");
  CHECK(p.filters().seniority().front().display_value() == "Managers");
  CHECK(p.filters().json()["industry"][std::size_t{0}]["search_value"].as_string() == "software");
  CHECK_FALSE(r->id_changed());
}

// ---- icps.list

TEST_CASE("icps.list is GET /v1/icps with account_id and no body") {
  auto const req = request_of(lf::icps::list().account_id("123456"));
  CHECK(req.method == lf::http_method::get);
  CHECK(req.url == "https://api.leadfeeder.com/v1/icps?account_id=123456");
  CHECK(req.body.empty());
}

TEST_CASE("icps.list decodes ICPV1 rows whose fields are read through attributes()") {
  scripted_client t;
  t.script.respond(200, R"({"data":[
      {"type":"icp","id":"icp-1","attributes":{"name":"DACH SaaS","employee_count":{"min":50,"max":500},
                                               "countries":["DE","AT","CH"],"orientation":"b2b"}},
      {"type":"icp","id":"icp-2","attributes":{"name":"US Enterprise"}}]})");
  auto r = t.client.send(lf::icps::list().account_id("123456"));
  REQUIRE(r);
  static_assert(std::is_same_v<decltype(r->data().front()), lf::icp_view>, "ICPV1 rows");
  REQUIRE(r->data().size() == 2);
  lf::icp_view icp = r->data()[0];
  CHECK(icp.type() == "icp");
  CHECK(icp.id() == "icp-1");
  lf::json_view const a = icp.attributes();
  CHECK(a.is_object());
  CHECK(a["name"].as_string() == "DACH SaaS");
  CHECK(a["employee_count"]["min"].as_integer() == 50);
  CHECK(a["employee_count"]["max"].as_integer() == 500);
  CHECK(a["countries"].size() == 3);
  CHECK(a["countries"][std::size_t{2}].as_string() == "CH");
  CHECK(a["orientation"].as_string() == "b2b");
  CHECK(r->data()[1].attributes()["name"].as_string() == "US Enterprise");
  CHECK_FALSE(r->data()[1].attributes()["orientation"].exists());
}

// ---- icps.get

TEST_CASE("icps.get is GET /v1/icps/{icp_id} with account_id") {
  auto const req = request_of(lf::icps::get().icp_id("icp-1").account_id("123456"));
  CHECK(req.method == lf::http_method::get);
  CHECK(req.url == "https://api.leadfeeder.com/v1/icps/icp-1?account_id=123456");
  CHECK(req.body.empty());
}

TEST_CASE("icps.get decodes one ICPV1 read through attributes() and compares the id asked for") {
  scripted_client t;
  t.script.respond(200,
                   R"({"data":{"type":"icp","id":"icp-9","attributes":{"name":"DACH SaaS","score_threshold":0.75}}})");
  auto r = t.client.send(lf::icps::get().icp_id("icp-1").account_id("123456"));
  REQUIRE(r);
  lf::icp_view icp = r->data();
  CHECK(icp.exists());
  CHECK(icp.attributes()["name"].as_string() == "DACH SaaS");
  CHECK(icp.attributes()["score_threshold"].as_number() == doctest::Approx(0.75));
  CHECK(r->requested_id() == "icp-1");
  CHECK(r->id_changed());  // the server answered with another id than the one asked for
}

// ---- custom_fields.list

TEST_CASE("custom_fields.list is GET /v1/custom-fields with account_id and no body") {
  auto const req = request_of(lf::custom_fields::list().account_id("123456"));
  CHECK(req.method == lf::http_method::get);
  CHECK(req.url == "https://api.leadfeeder.com/v1/custom-fields?account_id=123456");
  CHECK(req.body.empty());
}

TEST_CASE("custom_fields.list decodes definitions read through attributes()") {
  scripted_client t;
  t.script.respond(200, R"({"data":[{"type":"custom_field","id":"cf-1",
                                     "attributes":{"key":"is_b2b","type":"ai_boolean","name":"Is B2B?"}}]})");
  auto r = t.client.send(lf::custom_fields::list().account_id("123456"));
  REQUIRE(r);
  static_assert(std::is_same_v<decltype(r->data().front()), lf::custom_field_view>, "CustomFieldV1 rows");
  REQUIRE(r->data().size() == 1);
  lf::custom_field_view f = r->data().front();
  CHECK(f.type() == "custom_field");
  CHECK(f.id() == "cf-1");
  CHECK(f.attributes()["key"].as_string() == "is_b2b");
  CHECK(f.attributes()["type"].as_string() == "ai_boolean");
}

// ---- custom_fields.create

TEST_CASE("custom_fields.create POSTs a custom_field resource to /v1/custom-fields with the extra fields") {
  auto const req = request_of(lf::custom_fields::create().account_id("123456").extra_fields(
      json(R"({"name":"Is B2B?","type":"ai_boolean","prompt":"Does the company sell to businesses?"})")));
  CHECK(req.method == lf::http_method::post);
  CHECK(req.url == "https://api.leadfeeder.com/v1/custom-fields?account_id=123456");
  CHECK(req.header("Content-Type") == "application/json");
  CHECK(json(req.body) == json(R"({"data":{"type":"custom_field","attributes":{
      "name":"Is B2B?","type":"ai_boolean","prompt":"Does the company sell to businesses?"}}})"));
}

TEST_CASE("custom_fields.create refuses extra fields that are not a JSON object") {
  lf::error const e = refusal_of(lf::custom_fields::create().account_id("123456").extra_fields(json(R"(["Is B2B?"])")));
  CHECK(e.code == lf::errc::invalid_argument);
  CHECK(e.message.find("extra_fields") != std::string::npos);
}

// ---- custom_fields.get

TEST_CASE("custom_fields.get is GET /v1/custom-fields/{custom_field_id} with account_id") {
  auto const req = request_of(lf::custom_fields::get().custom_field_id("cf-1").account_id("123456"));
  CHECK(req.method == lf::http_method::get);
  CHECK(req.url == "https://api.leadfeeder.com/v1/custom-fields/cf-1?account_id=123456");
  CHECK(req.body.empty());
}

TEST_CASE("custom_fields.get decodes one definition and keeps id_changed() false for the same id") {
  scripted_client t;
  t.script.respond(200, R"({"data":{"type":"custom_field","id":"cf-1","attributes":{"key":"is_b2b"}}})");
  auto r = t.client.send(lf::custom_fields::get().custom_field_id("cf-1").account_id("123456"));
  REQUIRE(r);
  CHECK(r->data().id() == "cf-1");
  CHECK(r->data().attributes()["key"].as_string() == "is_b2b");
  CHECK_FALSE(r->id_changed());
}

// ---- custom_fields.update

TEST_CASE("custom_fields.update PATCHes /v1/custom-fields/{custom_field_id} with the changed attributes") {
  auto const req = request_of(lf::custom_fields::update().custom_field_id("cf-1").account_id("123456").extra_fields(
      json(R"({"name":"Sells to businesses?"})")));
  CHECK(req.method == lf::http_method::patch);
  CHECK(req.url == "https://api.leadfeeder.com/v1/custom-fields/cf-1?account_id=123456");
  CHECK(json(req.body) == json(R"({"data":{"type":"custom_field","attributes":{"name":"Sells to businesses?"}}})"));
}

TEST_CASE("custom_fields.update without extra fields sends empty attributes") {
  auto const req = request_of(lf::custom_fields::update().custom_field_id("cf-1").account_id("123456"));
  CHECK(json(req.body) == json(R"({"data":{"type":"custom_field","attributes":{}}})"));
}

TEST_CASE("custom_fields.update refuses extra fields that are not a JSON object") {
  lf::error const e =
      refusal_of(lf::custom_fields::update().custom_field_id("cf-1").account_id("123456").extra_fields(json("true")));
  CHECK(e.code == lf::errc::invalid_argument);
  CHECK(e.message.find("extra_fields") != std::string::npos);
}

// ---- custom_fields.delete

TEST_CASE("custom_fields.delete_ is DELETE /v1/custom-fields/{custom_field_id} without a body") {
  auto const req = request_of(lf::custom_fields::delete_().custom_field_id("cf-1").account_id("123456"));
  CHECK(req.method == lf::http_method::del);
  CHECK(req.url == "https://api.leadfeeder.com/v1/custom-fields/cf-1?account_id=123456");
  CHECK(req.body.empty());
  CHECK_FALSE(req.has_header("Content-Type"));
}

TEST_CASE("custom_fields.delete_ answered 204 with an empty body is a success whose data is empty") {
  scripted_client t;
  t.script.respond(204, "");
  auto r = t.client.send(lf::custom_fields::delete_().custom_field_id("cf-1").account_id("123456"));
  REQUIRE(r);
  CHECK(r->status() == 204);
  CHECK(r->body().empty());
  CHECK_FALSE(r->data().exists());
}
