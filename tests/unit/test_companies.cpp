// SPDX-License-Identifier: MIT
// The eleven companies.* operations on the wire: method, URL and body of each request, what is
// refused before sending, and how each answer is decoded (docs/api-reference.md, 1.13, 3.2, 4.6, 4.7).
#include <doctest/doctest.h>
#include <test_support.hpp>

#include <leadfeeder/leadfeeder.hpp>
#include <leadfeeder/testing/scripted_transport.hpp>

#include <boost/json.hpp>

#include <iterator>
#include <limits>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <utility>
#include <vector>

namespace lf = leadfeeder;
using test_support::json;
using test_support::refusal_message_of;
using test_support::request_of;
using test_support::scripted_client;

namespace {


/// `v` with every number turned into a double, so that 100, 100.0 and 1e+02 compare equal: the
/// library writes numbers in their shortest form, and JSON does not tell integers from doubles.
boost::json::value numbers_as_doubles(boost::json::value v) {
  if (v.is_number()) return boost::json::value(v.to_number<double>());
  if (boost::json::object* o = v.if_object()) {
    for (boost::json::key_value_pair& m : *o) m.value() = numbers_as_doubles(std::move(m.value()));
  } else if (boost::json::array* a = v.if_array()) {
    for (boost::json::value& e : *a) e = numbers_as_doubles(std::move(e));
  }
  return v;
}

/// Parses both texts and compares them with numbers compared as numbers.
boost::json::value numeric(std::string_view text) { return numbers_as_doubles(json(text)); }

/// A realistic companies.get answer: a CompanyV1 with every field of docs/api-reference.md, 4.6 and three
/// relationships inline, under the given id.
std::string company_body(std::string_view id_json) {
  return R"({
    "data": {
      "type": "company",
      "id": )" +
         std::string(id_json) + R"(,
      "attributes": {
        "name": "Leadfeeder Oy",
        "alternative_names": ["Leadfeeder", "Dealfront Finland"],
        "url": "https://www.leadfeeder.com",
        "alternative_urls": ["https://leadfeeder.fi"],
        "logo_url": "https://logos.example.com/leadfeeder.png",
        "description": "B2B website visitor identification.",
        "keywords": ["b2b", "lead generation"],
        "founded_year": 2012,
        "vat_id": "FI25461645",
        "employee_count": 230,
        "employee_range": "201-500",
        "address": {
          "street_address": "Mannerheimintie 12 B",
          "postal_code": "00100",
          "city": "Helsinki",
          "region": "Uusimaa",
          "country": "Finland",
          "country_code": "FI"
        },
        "industries": {
          "industry": [{"code": "software", "name": "Software"},
                       {"code": "internet", "name": "Internet"}],
          "wz": [{"code": "62.01", "name": "Programmierungstätigkeiten"}]
        },
        "revenue": {"value": 21500000.5, "value_eur": 21500000.5, "currency": "EUR",
                    "year": 2023, "estimated": true},
        "phones": [{"number": "+358 9 4245 0520"}, {"number": "+358 40 123 4567"}],
        "social_media_profiles": {
          "linkedin": [{"url": "https://www.linkedin.com/company/leadfeeder", "source": null}],
          "twitter": [{"url": "https://twitter.com/leadfeeder", "source": "homepage"}]
        },
        "role": "group",
        "intent": {"score": 8.7, "score_tier": "high", "last_updated_at": "2026-03-20T08:15:00Z"},
        "web_engagement": {"last_visit_date": "2026-03-24"},
        "meta": {"do_not_contact": false, "num_contacts": 42, "has_mail": true},
        "previous_ids": ["98765", "112233"]
      },
      "relationships": {
        "tags": [{"type": "tag", "id": "t1", "attributes": {"name": "Hot", "color": 3}},
                 {"type": "tag", "id": "t2", "attributes": {"name": "Partner", "color": 7}}],
        "lists": [{"type": "list", "id": "company_123",
                   "attributes": {"name": "Target accounts", "scope": "company",
                                  "created_at": "2025-11-02T10:00:00Z",
                                  "updated_at": "2025-11-01T09:00:00Z"}}],
        "group_company": {"type": "company", "id": "129000",
                          "attributes": {"name": "Dealfront Group", "url": "https://www.dealfront.com"}}
      }
    },
    "meta": {"request_id": "6c1f6f1e-0b9a-4a53-9d4b-3a3e2f1c0a11", "credits": {"charged": 1}}
  })";
}

/// A companies.search page: company_summary rows with the given ids, and the next cursor (null
/// when empty).
std::string search_page(std::vector<std::string> const& ids, std::string const& next_cursor) {
  std::string body = R"({"data":[)";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i != 0) body += ',';
    body += R"({"type":"company_summary","id":")" + ids[i] + R"(","attributes":{"name":"Company )" + ids[i] + R"("}})";
  }
  body += R"(],"meta":{"request_id":"r","credits":{"charged":0},"pagination":{"next_cursor":)";
  body += next_cursor.empty() ? std::string("null") : "\"" + next_cursor + "\"";
  return body + "}}}";
}

}  // namespace

// ---- companies.get

TEST_CASE("companies.get is GET /v1/companies/{company_id} with account_id in the query and no body") {
  auto const req = request_of(lf::companies::get().company_id("129011").account_id("123456"));
  CHECK(req.method == lf::http_method::get);
  CHECK(req.url == "https://api.leadfeeder.com/v1/companies/129011?account_id=123456");
  CHECK(req.body.empty());
  CHECK_FALSE(req.has_header("Content-Type"));
}

TEST_CASE("companies.get percent-encodes the company id in the path") {
  auto const req = request_of(lf::companies::get().company_id("old id/7?x=1#f%").account_id("123456"));
  CHECK(req.url == "https://api.leadfeeder.com/v1/companies/old%20id%2F7%3Fx%3D1%23f%25?account_id=123456");
}

TEST_CASE("companies.get sends include values comma-separated in declaration order, dotted values intact") {
  auto const req = request_of(lf::companies::get().company_id("129011").account_id("123456").include(
      lf::companies::include::crm_connections_crm_record, lf::companies::include::tags,
      lf::companies::include::group_company));
  CHECK(req.target() == "/v1/companies/129011?account_id=123456&include=group_company,tags,crm_connections.crm_record");
}

TEST_CASE("companies.get refuses an empty, '.' or '..' company id before sending") {
  CHECK(refusal_message_of(lf::companies::get().company_id("").account_id("123456")).find("company_id") !=
        std::string::npos);
  CHECK(refusal_message_of(lf::companies::get().company_id(".").account_id("123456")).find("company_id") !=
        std::string::npos);
  CHECK(refusal_message_of(lf::companies::get().company_id("..").account_id("123456")).find("company_id") !=
        std::string::npos);
}

TEST_CASE("companies.get decodes every CompanyV1 attribute of the reference") {
  scripted_client t;
  t.script.respond(200, company_body(R"("129011")"));
  auto r = t.client.send(lf::companies::get().company_id("129011").account_id("123456"));
  REQUIRE(r);
  static_assert(std::is_same_v<decltype(r->data()), lf::company_view>, "companies.get answers one CompanyV1");
  lf::company_view c = r->data();
  CHECK(c.type() == "company");
  CHECK(c.id() == "129011");
  CHECK(c.name() == "Leadfeeder Oy");
  REQUIRE(c.alternative_names().size() == 2);
  CHECK(c.alternative_names()[0] == "Leadfeeder");
  CHECK(c.alternative_names()[1] == "Dealfront Finland");
  CHECK(c.url() == "https://www.leadfeeder.com");
  CHECK(c.alternative_urls()[0] == "https://leadfeeder.fi");
  CHECK(c.logo_url() == "https://logos.example.com/leadfeeder.png");
  CHECK(c.description() == "B2B website visitor identification.");
  CHECK(c.keywords().is_array());
  CHECK(c.keywords()[1].as_string() == "lead generation");
  CHECK(c.founded_year() == 2012);
  CHECK(c.vat_id() == "FI25461645");
  CHECK(c.employee_count() == 230);
  CHECK(c.employee_range() == "201-500");

  lf::company_address_view a = c.address();
  CHECK(a.street_address() == "Mannerheimintie 12 B");
  CHECK(a.postal_code() == "00100");
  CHECK(a.city() == "Helsinki");
  CHECK(a.region() == "Uusimaa");
  CHECK(a.country() == "Finland");
  CHECK(a.country_code() == "FI");

  REQUIRE(c.industries().industry().size() == 2);
  CHECK(c.industries().industry()[0].code() == "software");
  CHECK(c.industries().industry()[1].name() == "Internet");
  REQUIRE(c.industries().wz().size() == 1);
  CHECK(c.industries().wz()[0].code() == "62.01");
  CHECK(c.industries().wz()[0].name() == "Programmierungstätigkeiten");

  lf::company_revenue_view rev = c.revenue();
  CHECK(rev.value() == doctest::Approx(21500000.5));
  CHECK(rev.value_eur() == doctest::Approx(21500000.5));
  CHECK(rev.currency() == "EUR");
  CHECK(rev.year() == 2023);
  CHECK(rev.estimated());
  CHECK(rev.has_estimated());

  REQUIRE(c.phones().size() == 2);
  CHECK(c.phones()[0].number() == "+358 9 4245 0520");
  CHECK(c.phones()[1].number() == "+358 40 123 4567");

  REQUIRE(c.social_media_profiles().linkedin().size() == 1);
  CHECK(c.social_media_profiles().linkedin()[0].url() == "https://www.linkedin.com/company/leadfeeder");
  CHECK_FALSE(c.social_media_profiles().linkedin()[0].has_source());  // null reads as absent
  CHECK(c.social_media_profiles().twitter()[0].source() == "homepage");
  CHECK(c.social_media_profiles().facebook().empty());

  static_assert(std::is_same_v<decltype(c.intent().score()), double>, "the intent score is a number from 0 to 10");
  CHECK(c.intent().has_score());
  CHECK(c.intent().score() == doctest::Approx(8.7));
  CHECK(c.intent().score_tier() == "high");
  CHECK(c.role() == "group");
  CHECK(c.intent().last_updated_at().as_string() == "2026-03-20T08:15:00Z");

  CHECK(c.web_engagement().last_visit_date() == "2026-03-24");

  CHECK(c.meta().has_do_not_contact());
  CHECK_FALSE(c.meta().do_not_contact());
  CHECK(c.meta().num_contacts() == 42);
  CHECK(c.meta().has_mail());

  REQUIRE(c.previous_ids().size() == 2);
  CHECK(c.previous_ids()[0] == "98765");
  CHECK(c.previous_ids()[1] == "112233");

  CHECK(r->meta().request_id() == "6c1f6f1e-0b9a-4a53-9d4b-3a3e2f1c0a11");
  CHECK(r->meta().credits().charged() == 1);
}

TEST_CASE("companies.get decodes the tags, lists and group company relationships") {
  scripted_client t;
  t.script.respond(200, company_body(R"("129011")"));
  auto r = t.client.send(lf::companies::get().company_id("129011").account_id("123456").include(
      lf::companies::include::tags, lf::companies::include::lists, lf::companies::include::group_company));
  REQUIRE(r);
  lf::company_relationships_view rel = r->data().relationships();
  REQUIRE(rel.tags().size() == 2);
  CHECK(rel.tags()[0].id() == "t1");
  CHECK(rel.tags()[0].name() == "Hot");
  CHECK(rel.tags()[1].color() == 7);
  REQUIRE(rel.lists().size() == 1);
  CHECK(rel.lists()[0].id() == "company_123");
  CHECK(rel.lists()[0].name() == "Target accounts");
  CHECK(rel.lists()[0].scope() == "company");
  CHECK(rel.has_group_company());
  CHECK(rel.group_company().id() == "129000");
  CHECK(rel.group_company().name() == "Dealfront Group");
  CHECK(rel.group_company().url() == "https://www.dealfront.com");
  CHECK_FALSE(rel.has_web_visits());
  CHECK(rel.icps().empty());
}

TEST_CASE("companies.get reads a group company given as a stub {id, type}") {
  scripted_client t;
  t.script.respond(200, R"({"data":{"type":"company","id":"129011","attributes":{"name":"Leadfeeder Oy"},
                            "relationships":{"group_company":{"data":{"id":129000,"type":"company"}}}}})");
  auto r = t.client.send(lf::companies::get().company_id("129011").account_id("123456"));
  REQUIRE(r);
  lf::company_view group = r->data().relationships().group_company();
  CHECK(group.exists());
  CHECK(group.id() == "129000");
  CHECK_FALSE(group.has_name());
}

TEST_CASE("companies.get asked for a previous id and answered with the current one reports the id change") {
  scripted_client t;
  t.script.respond(200, R"({"data":{"type":"company","id":"new-9","attributes":{"name":"Acme",
                            "previous_ids":["old-1"]}}})");
  auto r = t.client.send(lf::companies::get().company_id("old-1").account_id("123456"));
  REQUIRE(r);
  CHECK(r->id_changed());
  CHECK(r->requested_id() == "old-1");
  CHECK(r->data().id() == "new-9");
  CHECK(r->data().previous_ids()[0] == "old-1");
  CHECK(t.script.last().target() == "/v1/companies/old-1?account_id=123456");
}

TEST_CASE("companies.get answered with the id it asked for reports no id change") {
  scripted_client t;
  t.script.respond(200, R"({"data":{"type":"company","id":"new-9","attributes":{"name":"Acme"}}})");
  auto r = t.client.send(lf::companies::get().company_id("new-9").account_id("123456"));
  REQUIRE(r);
  CHECK_FALSE(r->id_changed());
  CHECK(r->requested_id() == "new-9");
}

TEST_CASE("companies.get answered with the same id as a JSON integer reports no id change") {
  scripted_client t;
  t.script.respond(200, company_body("129011"));
  auto r = t.client.send(lf::companies::get().company_id("129011").account_id("123456"));
  REQUIRE(r);
  CHECK(r->data().id() == "129011");
  CHECK(r->data().has_id());
  CHECK_FALSE(r->id_changed());
  CHECK(r->requested_id() == "129011");
}

TEST_CASE("companies.get answered with another integer id reports the id change") {
  scripted_client t;
  t.script.respond(200, company_body("129012"));
  auto r = t.client.send(lf::companies::get().company_id("129011").account_id("123456"));
  REQUIRE(r);
  CHECK(r->id_changed());
  CHECK(r->data().id() == "129012");
}

TEST_CASE("companies.get answered 404 entity_not_found gives errc::not_found") {
  scripted_client t;
  t.script.respond(404, R"({"errors":[{"code":"entity_not_found","title":"Company not found"}],
                            "meta":{"request_id":"r-404"}})");
  auto r = t.client.send(lf::companies::get().company_id("999").account_id("123456"));
  REQUIRE_FALSE(r);
  CHECK(r.error().code == lf::errc::not_found);
  CHECK(r.error().http_status == 404);
  CHECK(r.error().api_code == "entity_not_found");
  CHECK(r.error().request_id == "r-404");
}

// ---- companies.retrieve

TEST_CASE("companies.retrieve is GET /v1/companies with ids, account_id and include in that order") {
  auto const req = request_of(
      lf::companies::retrieve().account_id("123456").include(lf::companies::include::icps).ids({"129011", "129012"}));
  CHECK(req.method == lf::http_method::get);
  CHECK(req.url == "https://api.leadfeeder.com/v1/companies?ids=129011,129012&account_id=123456&include=icps");
  CHECK(req.body.empty());
}

TEST_CASE("companies.retrieve percent-encodes each id and keeps the commas literal") {
  auto const req = request_of(lf::companies::retrieve().account_id("123456").ids({"a,b", "c d"}));
  CHECK(req.target() == "/v1/companies?ids=a%2Cb,c%20d&account_id=123456");
}

TEST_CASE("companies.retrieve sends all ten typed include values with their wire names") {
  namespace inc = lf::companies;
  auto const req = request_of(lf::companies::retrieve()
                                  .ids({"129011"})
                                  .account_id("123456")
                                  .include(inc::include::crm_connections_crm_record_crm_owner,
                                           inc::include::crm_connections_crm_record,
                                           inc::include::crm_group_connections, inc::include::crm_suggestions,
                                           inc::include::crm_connections, inc::include::icps, inc::include::web_visits,
                                           inc::include::lists, inc::include::tags, inc::include::group_company));
  CHECK(req.target() ==
        "/v1/companies?ids=129011&account_id=123456&include=group_company,tags,lists,web_visits,icps,"
        "crm_connections,crm_suggestions,crm_group_connections,crm_connections.crm_record,"
        "crm_connections.crm_record.crm_owner");
  CHECK(lf::companies::to_string(lf::companies::include::crm_connections_crm_record_crm_owner) ==
        "crm_connections.crm_record.crm_owner");
}

TEST_CASE("companies.retrieve accepts 100 ids") {
  std::vector<std::string> ids;
  for (int i = 0; i < 100; ++i) ids.push_back(std::to_string(1000 + i));
  auto const req = request_of(lf::companies::retrieve().account_id("123456").ids(ids));
  std::string expected = "/v1/companies?ids=1000";
  for (int i = 1; i < 100; ++i) expected += "," + std::to_string(1000 + i);
  CHECK(req.target() == expected + "&account_id=123456");
}

TEST_CASE("companies.retrieve refuses 101 ids with invalid_argument before sending") {
  std::vector<std::string> ids;
  for (int i = 0; i < 101; ++i) ids.push_back(std::to_string(1000 + i));
  std::string const message = refusal_message_of(lf::companies::retrieve().account_id("123456").ids(ids));
  CHECK(message.find("companies.retrieve") != std::string::npos);
  CHECK(message.find("'ids'") != std::string::npos);
  CHECK(message.find("101") != std::string::npos);
}

TEST_CASE("companies.retrieve refuses an empty id list and an empty id") {
  CHECK(
      refusal_message_of(lf::companies::retrieve().account_id("123456").ids(std::vector<std::string>{})).find("ids") !=
      std::string::npos);
  CHECK(refusal_message_of(lf::companies::retrieve().account_id("123456").ids({"129011", ""})).find("ids") !=
        std::string::npos);
}

TEST_CASE("companies.retrieve decodes a list of CompanyV1, an unknown id simply left out") {
  scripted_client t;
  t.script.respond(200, R"({"data":[
      {"type":"company","id":129011,"attributes":{"name":"Leadfeeder Oy","employee_count":230,
       "address":{"city":"Helsinki","country_code":"FI"}}},
      {"type":"company","id":"129012","attributes":{"name":"Globex","employee_range":"51-200"}}],
    "meta":{"request_id":"r-2","credits":{"charged":2}}})");
  auto r = t.client.send(lf::companies::retrieve().account_id("123456").ids({"129011", "129012", "404"}));
  REQUIRE(r);
  static_assert(std::is_same_v<decltype(r->data()), lf::array_view<lf::company_view>>,
                "companies.retrieve answers a list of CompanyV1");
  REQUIRE(r->data().size() == 2);
  CHECK(r->data()[0].id() == "129011");
  CHECK(r->data()[0].employee_count() == 230);
  CHECK(r->data()[0].address().city() == "Helsinki");
  CHECK(r->data()[1].name() == "Globex");
  CHECK(r->data()[1].employee_range() == "51-200");
  CHECK(r->meta().credits().charged() == 2);
}

TEST_CASE("companies.retrieve reads a lone company object as a list of one") {
  scripted_client t;
  t.script.respond(200, R"({"data":{"type":"company","id":"129011","attributes":{"name":"Leadfeeder Oy"}}})");
  auto r = t.client.send(lf::companies::retrieve().account_id("123456").ids({"129011"}));
  REQUIRE(r);
  REQUIRE(r->data().size() == 1);
  CHECK(r->data().front().name() == "Leadfeeder Oy");
}

// ---- companies.get_financials

TEST_CASE("companies.get_financials is GET /v1/companies/{company_id}/financials") {
  auto const req = request_of(lf::companies::get_financials().company_id("129 011/x").account_id("123456"));
  CHECK(req.method == lf::http_method::get);
  CHECK(req.url == "https://api.leadfeeder.com/v1/companies/129%20011%2Fx/financials?account_id=123456");
  CHECK(req.body.empty());
}

TEST_CASE("companies.get_financials answers a CompanyFinancialsV1 whose fields are read through attributes()") {
  scripted_client t;
  t.script.respond(200, R"({"data":{"type":"company_financials","id":"129011",
      "attributes":{"reports":[{"year":2023,"revenue":21500000.5,"currency":"EUR","earnings":-120000},
                               {"year":2022,"revenue":18000000,"currency":"EUR"}]}},
    "meta":{"request_id":"r-f","credits":{"charged":0}}})");
  auto r = t.client.send(lf::companies::get_financials().company_id("129011").account_id("123456"));
  REQUIRE(r);
  static_assert(std::is_same_v<decltype(r->data()), lf::company_financials_view>,
                "companies.get_financials answers the untyped CompanyFinancialsV1");
  lf::company_financials_view f = r->data();
  CHECK(f.type() == "company_financials");
  CHECK(f.id() == "129011");
  lf::json_view reports = f.attributes()["reports"];
  REQUIRE(reports.size() == 2);
  CHECK(reports[0]["year"].as_integer() == 2023);
  CHECK(reports[0]["revenue"].as_number() == doctest::Approx(21500000.5));
  CHECK(reports[0]["earnings"].as_integer() == -120000);
  CHECK(reports[1]["currency"].as_string() == "EUR");
  // The financials record is not the company: its id is not compared with the company id asked for.
  CHECK(r->requested_id().empty());
  CHECK_FALSE(r->id_changed());
  CHECK(r->meta().credits().has_charged());
  CHECK(r->meta().credits().charged() == 0);
}

// ---- companies.search_signals (3.2.4: company_ids required, 15 categories, two date ranges,
// cursor paging; charges 1 credit per company that has signals)

TEST_CASE("companies.search_signals is POST /v1/companies/signals/search with the company ids in the body") {
  auto const req = request_of(lf::companies::search_signals().account_id("123456").company_ids({"129011", "129012"}));
  CHECK(req.method == lf::http_method::post);
  CHECK(req.url == "https://api.leadfeeder.com/v1/companies/signals/search?account_id=123456");
  CHECK(json(req.body) == json(R"({"company_ids":["129011","129012"]})"));
  CHECK(req.header("Content-Type") == "application/json");
}

TEST_CASE("companies.search_signals sends typed categories, both date ranges and the cursor paging") {
  namespace sc = lf::companies;
  auto const req = request_of(sc::search_signals()
                                  .account_id("123456")
                                  .company_ids({"129011"})
                                  .categories(sc::signal_category::job_ads, sc::signal_category::leadership_changes,
                                              sc::signal_category::regulatory_compliance_updates)
                                  .event_date_from("2026-01-01")
                                  .event_date_to("2026-06-30")
                                  .publication_date_from("2026-02-01")
                                  .publication_date_to("2026-02-01")
                                  .page_size(50)
                                  .page_cursor("c2"));
  CHECK(
      req.url ==
      "https://api.leadfeeder.com/v1/companies/signals/search?account_id=123456&page%5Bcursor%5D=c2&page%5Bsize%5D=50");
  // Categories go out in declaration order, whatever the order of the call.
  CHECK(json(req.body) == json(R"({"company_ids":["129011"],
      "categories":["leadership_changes","job_ads","regulatory_compliance_updates"],
      "event_date":{"from":"2026-01-01","to":"2026-06-30"},
      "publication_date":{"from":"2026-02-01","to":"2026-02-01"}})"));
  static_assert(decltype(sc::search_signals())::pagination == lf::pagination_style::cursor, "cursor paging (1.7)");
  static_assert(decltype(sc::search_signals())::charges_credits, "companies with signals are charged (1.12)");
}

TEST_CASE("companies.search_signals knows the 15 signal categories by their wire names") {
  CHECK(lf::companies::to_string(lf::companies::signal_category::business_expansion) == "business_expansion");
  CHECK(lf::companies::to_string(lf::companies::signal_category::mergers_and_acquisitions) ==
        "mergers_and_acquisitions");
  CHECK(lf::companies::signal_category_from_string("product_and_service_development") ==
        lf::companies::signal_category::product_and_service_development);
  CHECK_FALSE(lf::companies::signal_category_from_string("hiring").has_value());
  CHECK(std::size(lf::detail::companies_signal_category_wire) == 15);
}

TEST_CASE("companies.search_signals refuses, unsent, an end date before the start date and a malformed date") {
  scripted_client t;
  auto r = t.client.send(lf::companies::search_signals()
                             .account_id("123456")
                             .company_ids({"1"})
                             .event_date_from("2026-05-02")
                             .event_date_to("2026-05-01"));
  REQUIRE_FALSE(r);
  CHECK(r.error().code == lf::errc::invalid_argument);
  CHECK(r.error().message.find("'event_date.to' must not be before 'event_date.from'") != std::string::npos);
  CHECK(t.script.requests().empty());
  CHECK(refusal_message_of(
            lf::companies::search_signals().account_id("1").company_ids({"1"}).publication_date_to("2026-13-01"))
            .find("'publication_date.to' must be a date YYYY-MM-DD") != std::string::npos);
  CHECK(refusal_message_of(lf::companies::search_signals().account_id("1").company_ids({}))
            .find("'company_ids' must not be empty") != std::string::npos);
  CHECK(refusal_message_of(lf::companies::search_signals().account_id("1").company_ids({"1"}).page_size(101))
            .find("page[size]") != std::string::npos);
}

TEST_CASE("companies.search_signals merges the extra_fields members into the body") {
  auto const req =
      request_of(lf::companies::search_signals().account_id("123456").company_ids({"129011"}).extra_fields(json(R"({
    "filters": {"since": "2026-01-01", "min_score": 0.5}
  })")));
  CHECK(numeric(req.body) == numeric(R"({
    "filters": {"min_score": 0.5, "since": "2026-01-01"},
    "company_ids": ["129011"]
  })"));
  CHECK(refusal_message_of(lf::companies::search_signals().account_id("1").company_ids({"1"}).extra_fields(
                               json(R"({"categories":["x"]})")))
            .find("must not repeat a key") != std::string::npos);
}

TEST_CASE("companies.search_signals refuses extra_fields that are not a JSON object") {
  CHECK(refusal_message_of(
            lf::companies::search_signals().account_id("123456").company_ids({"1"}).extra_fields(json(R"(["hiring"])")))
            .find("extra_fields") != std::string::npos);
  CHECK(refusal_message_of(
            lf::companies::search_signals().account_id("123456").company_ids({"1"}).extra_fields(json("42")))
            .find("extra_fields") != std::string::npos);
}

TEST_CASE("companies.search_signals refuses an extra_fields key that is not valid UTF-8") {
  boost::json::object extra;
  extra["\xff\xfe"] = 1;
  CHECK(refusal_message_of(lf::companies::search_signals().account_id("123456").company_ids({"1"}).extra_fields(extra))
            .find("UTF-8") != std::string::npos);
}

TEST_CASE("companies.search_signals refuses an extra_fields string value that is not valid UTF-8") {
  boost::json::object extra;
  extra["note"] = "caf\xe9";  // Latin-1, not UTF-8
  scripted_client t;
  t.script.respond(200, "{}");
  auto r = t.client.send(lf::companies::search_signals().account_id("123456").company_ids({"1"}).extra_fields(extra));
  CHECK_FALSE(r);
  if (!r) {
    CHECK(r.error().code == lf::errc::invalid_argument);
  }
  CHECK(t.script.requests().empty());
}

TEST_CASE("companies.search_signals answers signal views, and lf::items follows the cursor") {
  scripted_client t;
  t.script
      .respond(
          200,
          R"({"data":[{"type":"signal","id":"s-1","attributes":{"category":"job_ads","title":"Hiring 5 engineers"}}],
                            "meta":{"request_id":"r-s","pagination":{"next_cursor":"n2"}}})")
      .respond(200,
               R"({"data":[{"type":"signal","id":"s-2","attributes":{}}],"meta":{"pagination":{"next_cursor":null}}})");
  auto r = t.client.send(lf::companies::search_signals().account_id("123456").company_ids({"129011"}));
  REQUIRE(r);
  static_assert(std::is_same_v<decltype(r->data()), lf::array_view<lf::signal_view>>, "a list of signals");
  REQUIRE(r->data().size() == 1);
  CHECK(r->data()[0].id() == "s-1");
  CHECK(r->data()[0].attributes()["category"].as_string() == "job_ads");
  CHECK(r->meta().request_id() == "r-s");
  CHECK(r->meta().pagination().next_cursor() == "n2");

  scripted_client walk;
  walk.script.respond(200, R"({"data":[{"id":"a"}],"meta":{"pagination":{"next_cursor":"n2"}}})")
      .respond(200, R"({"data":[{"id":"b"}],"meta":{"pagination":{"next_cursor":null}}})");
  std::vector<std::string> ids;
  for (auto const& s : lf::items(walk.client, lf::companies::search_signals().account_id("1").company_ids({"1"}))) {
    REQUIRE(s);
    ids.emplace_back(s->id());
  }
  CHECK(ids == std::vector<std::string>{"a", "b"});
  REQUIRE(walk.script.requests().size() == 2);
  CHECK(walk.script.requests()[1].target() == "/v1/companies/signals/search?account_id=1&page%5Bcursor%5D=n2");
}

// ---- companies.search

TEST_CASE("companies.search is POST /v1/companies/search with account_id in the query") {
  auto const req = request_of(lf::companies::search().account_id("123456").search_terms({"acme"}));
  CHECK(req.method == lf::http_method::post);
  CHECK(req.url == "https://api.leadfeeder.com/v1/companies/search?account_id=123456");
  CHECK(json(req.body) == json(R"({"search_terms":["acme"]})"));
  CHECK(req.header("Content-Type") == "application/json");
}

TEST_CASE("companies.search reproduces the observed request body") {
  // ../shared/api/examples/companies_search.request.observed.json
  constexpr std::string_view observed = R"({
  "search_terms": ["acme", "globex"],
  "revenue": { "min": 100 }
})";
  auto const req =
      request_of(lf::companies::search().account_id("123456").search_terms({"acme", "globex"}).revenue_min(100));
  CHECK(numeric(req.body) == numeric(observed));
}

TEST_CASE("companies.search with every field sends every field") {
  lf::companies::location_filter berlin;
  berlin.street = "Friedrichstraße 68";
  berlin.postal_code = "10117";
  berlin.city = "Berlin";
  berlin.country_code = "DE";
  berlin.region_code = "DE30";
  berlin.geo_latitude = 52.52;
  berlin.geo_longitude = 13.405;
  berlin.geo_distance = 25;
  lf::companies::location_filter texas;
  texas.country_code = "US";
  texas.region_code = "US_TX";

  std::vector<lf::companies::location_filter> const locations{berlin, texas};

  auto const req = request_of(lf::companies::search()
                                  .account_id("123456")
                                  .search_terms({"acme", "globex.com"})
                                  .locations(locations)
                                  .industries_classification(lf::companies::industry_classification::nace)
                                  .industries_codes({"62.01", "62.02"})
                                  .employee_ranges({"51-200", "10,000+"})
                                  .revenue_min(1000000)
                                  .revenue_max(2.5e9)
                                  .icp_ids({"icp-1", "icp-2"})
                                  .filters_has_phone(true)
                                  .filters_has_email(true)
                                  .filters_has_social_media_profiles(false)
                                  .filters_do_not_contact(false)
                                  .filters_has_financials_revenue(true)
                                  .filters_has_financials_earnings(false)
                                  .filters_has_financials_net_worth(true)
                                  .filters_has_ip_addresses(true));
  CHECK(numeric(req.body) == numeric(R"({
    "search_terms": ["acme", "globex.com"],
    "locations": [
      {"street": "Friedrichstraße 68", "postal_code": "10117", "city": "Berlin", "country_code": "DE",
       "region_code": "DE30", "geo": {"latitude": 52.52, "longitude": 13.405, "distance": 25}},
      {"country_code": "US", "region_code": "US_TX"}
    ],
    "industries": {"classification": "nace", "codes": ["62.01", "62.02"]},
    "employee_ranges": ["51-200", "10,000+"],
    "revenue": {"min": 1000000, "max": 2500000000},
    "icp_ids": ["icp-1", "icp-2"],
    "filters": {
      "has_phone": true, "has_email": true, "has_social_media_profiles": false, "do_not_contact": false,
      "has_financials_revenue": true, "has_financials_earnings": false, "has_financials_net_worth": true,
      "has_ip_addresses": true
    }
  })"));
}

TEST_CASE("companies.search writes geo coordinates as JSON numbers") {
  lf::companies::location_filter near;
  near.geo_latitude = 60.1699;
  near.geo_longitude = -24.9384;
  near.geo_distance = 12.5;
  auto const req = request_of(lf::companies::search().account_id("123456").locations({near}));
  boost::json::value const body = json(req.body);
  boost::json::value const& geo = body.at("locations").at(0).at("geo");
  REQUIRE(geo.at("latitude").is_number());
  REQUIRE(geo.at("longitude").is_number());
  REQUIRE(geo.at("distance").is_number());
  CHECK(geo.at("latitude").to_number<double>() == doctest::Approx(60.1699));
  CHECK(geo.at("longitude").to_number<double>() == doctest::Approx(-24.9384));
  CHECK(geo.at("distance").to_number<double>() == doctest::Approx(12.5));
  CHECK(body.at("locations").at(0).as_object().size() == 1);  // only geo: empty strings left out
}

TEST_CASE("companies.search leaves out a location's geo object when no coordinate is set, and unset coordinates") {
  lf::companies::location_filter city_only;
  city_only.city = "Helsinki";
  lf::companies::location_filter point;
  point.geo_latitude = 0.0;  // zero is a value, not "unset"
  point.geo_longitude = 0.0;
  auto const req = request_of(lf::companies::search().account_id("123456").locations({city_only, point}));
  CHECK(numeric(req.body) == numeric(R"({"locations":[{"city":"Helsinki"},{"geo":{"latitude":0,"longitude":0}}]})"));
}

TEST_CASE("companies.search sends each industry classification by its wire name") {
  using lf::companies::industry_classification;
  CHECK(
      json(request_of(lf::companies::search().account_id("1").industries_classification(industry_classification::nace))
               .body) == json(R"({"industries":{"classification":"nace"}})"));
  CHECK(json(request_of(lf::companies::search().account_id("1").industries_classification(industry_classification::wz))
                 .body) == json(R"({"industries":{"classification":"wz"}})"));
  CHECK(json(request_of(lf::companies::search()
                            .account_id("1")
                            .industries_classification(industry_classification::internal)
                            .industries_codes({"software"}))
                 .body) == json(R"({"industries":{"classification":"internal","codes":["software"]}})"));
}

TEST_CASE("companies.search sends only the fields that were set") {
  CHECK(json(request_of(lf::companies::search().account_id("1").employee_ranges({"1-10"})).body) ==
        json(R"({"employee_ranges":["1-10"]})"));
  CHECK(json(request_of(lf::companies::search().account_id("1").industries_codes({"62.01"})).body) ==
        json(R"({"industries":{"codes":["62.01"]}})"));
  CHECK(numeric(request_of(lf::companies::search().account_id("1").revenue_max(5e6)).body) ==
        numeric(R"({"revenue":{"max":5000000}})"));
  CHECK(json(request_of(lf::companies::search().account_id("1").icp_ids({"icp-1"})).body) ==
        json(R"({"icp_ids":["icp-1"]})"));
  CHECK(json(request_of(lf::companies::search().account_id("1").filters_do_not_contact(true)).body) ==
        json(R"({"filters":{"do_not_contact":true}})"));
  CHECK(json(request_of(lf::companies::search().account_id("1").filters_has_ip_addresses(false)).body) ==
        json(R"({"filters":{"has_ip_addresses":false}})"));
  CHECK(json(request_of(lf::companies::search().account_id("1")).body) == json("{}"));
}

TEST_CASE("companies.search sends a revenue bound of zero, which is set, not absent") {
  auto const req = request_of(lf::companies::search().account_id("1").revenue_min(0).search_terms({"acme"}));
  CHECK(numeric(req.body) == numeric(R"({"search_terms":["acme"],"revenue":{"min":0}})"));
}

TEST_CASE("companies.search refuses a revenue or coordinate that JSON cannot carry") {
  CHECK(
      refusal_message_of(lf::companies::search().account_id("1").revenue_min(std::numeric_limits<double>::quiet_NaN()))
          .find("min") != std::string::npos);
  CHECK(refusal_message_of(lf::companies::search().account_id("1").revenue_max(std::numeric_limits<double>::infinity()))
            .find("max") != std::string::npos);
  lf::companies::location_filter bad;
  bad.geo_latitude = std::numeric_limits<double>::quiet_NaN();
  CHECK(refusal_message_of(lf::companies::search().account_id("1").locations({bad})).find("latitude") !=
        std::string::npos);
}

TEST_CASE("companies.search refuses a search term that is not valid UTF-8") {
  CHECK(refusal_message_of(lf::companies::search().account_id("1").search_terms({"caf\xe9"})).find("search_terms") !=
        std::string::npos);
}

TEST_CASE("companies.search encodes page[cursor] and page[size] with %5B %5D after account_id") {
  auto const req = request_of(
      lf::companies::search().account_id("123456").page_size(100).page_cursor("eyJv+/=").search_terms({"acme"}));
  CHECK(req.target() == "/v1/companies/search?account_id=123456&page%5Bcursor%5D=eyJv%2B%2F%3D&page%5Bsize%5D=100");
}

TEST_CASE("companies.search refuses page sizes 0 and 101 before sending") {
  CHECK(refusal_message_of(lf::companies::search().account_id("1").page_size(0)).find("page[size]") !=
        std::string::npos);
  CHECK(refusal_message_of(lf::companies::search().account_id("1").page_size(101)).find("page[size]") !=
        std::string::npos);
  CHECK(request_of(lf::companies::search().account_id("1").page_size<1>()).target() ==
        "/v1/companies/search?account_id=1&page%5Bsize%5D=1");
}

TEST_CASE("companies.search decodes CompanySummaryV1 rows and the next cursor") {
  scripted_client t;
  t.script.respond(200, R"({
    "data": [
      {"type": "company_summary", "id": "129011",
       "attributes": {"name": "Leadfeeder Oy", "url": "https://www.leadfeeder.com", "employee_range": "201-500",
                      "industries": {"industry": [{"code": "software", "name": "Software"}]},
                      "address": {"street_address": "Mannerheimintie 12 B", "postal_code": "00100",
                                  "city": "Helsinki", "country": "Finland", "country_code": "FI"},
                      "revenue": {"currency": "EUR", "estimated": false, "value": 21500000, "year": 2023},
                      "meta": {"do_not_contact": true, "has_mail": false}}},
      {"type": "company_summary", "id": 129012, "attributes": {"name": "Globex"}}
    ],
    "meta": {"request_id": "r-s1", "credits": {"charged": 0}, "pagination": {"next_cursor": "c-2"}}
  })");
  auto r = t.client.send(lf::companies::search().account_id("123456").search_terms({"leadfeeder", "globex"}));
  REQUIRE(r);
  static_assert(std::is_same_v<decltype(r->data()), lf::array_view<lf::company_summary_view>>,
                "companies.search lists CompanySummaryV1");
  REQUIRE(r->data().size() == 2);
  lf::company_summary_view s = r->data()[0];
  CHECK(s.type() == "company_summary");
  CHECK(s.id() == "129011");
  CHECK(s.name() == "Leadfeeder Oy");
  CHECK(s.url() == "https://www.leadfeeder.com");
  CHECK(s.employee_range() == "201-500");
  CHECK(s.industries().industry()[0].name() == "Software");
  CHECK(s.address().street_address() == "Mannerheimintie 12 B");
  CHECK(s.address().postal_code() == "00100");
  CHECK(s.address().country_code() == "FI");
  CHECK(s.revenue().value() == doctest::Approx(21500000));
  CHECK(s.revenue().year() == 2023);
  CHECK_FALSE(s.revenue().estimated());
  CHECK(s.revenue().has_estimated());
  CHECK(s.meta().do_not_contact());
  CHECK(s.meta().has_has_mail());
  CHECK_FALSE(s.meta().has_mail());
  CHECK(r->data()[1].id() == "129012");
  CHECK_FALSE(r->data()[1].has_url());
  CHECK(r->meta().pagination().next_cursor() == "c-2");
  CHECK(r->meta().credits().charged() == 0);
}

TEST_CASE("companies.search pages by cursor with lf::pages over three pages") {
  scripted_client t;
  t.script.respond(200, search_page({"1", "2"}, "c2"))
      .respond(200, search_page({"3", "4"}, "c+3/="))
      .respond(200, search_page({"5"}, ""));
  auto const first =
      lf::companies::search().account_id("123456").page_size(2).search_terms({"acme"}).filters_has_phone(true);
  std::vector<std::string> ids;
  int pages = 0;
  for (auto& page : lf::pages(t.client, first)) {
    REQUIRE(page);
    ++pages;
    for (lf::company_summary_view c : page->data()) {
      ids.emplace_back(c.id());
      CHECK(c.name() == "Company " + std::string(c.id()));
    }
  }
  CHECK(pages == 3);
  CHECK(ids == std::vector<std::string>{"1", "2", "3", "4", "5"});
  auto const& sent = t.script.requests();
  REQUIRE(sent.size() == 3);
  CHECK(sent[0].target() == "/v1/companies/search?account_id=123456&page%5Bsize%5D=2");
  CHECK(sent[1].target() == "/v1/companies/search?account_id=123456&page%5Bcursor%5D=c2&page%5Bsize%5D=2");
  CHECK(sent[2].target() == "/v1/companies/search?account_id=123456&page%5Bcursor%5D=c%2B3%2F%3D&page%5Bsize%5D=2");
  for (auto const& req : sent) {
    CAPTURE(req.url);
    CHECK(req.method == lf::http_method::post);
    CHECK(json(req.body) == json(R"({"search_terms":["acme"],"filters":{"has_phone":true}})"));
  }
}

TEST_CASE("companies.search items walk every company across pages") {
  scripted_client t;
  t.script.respond(200, search_page({"1", "2"}, "c2")).respond(200, search_page({"3"}, ""));
  std::vector<std::string> names;
  for (auto const& item : lf::items(t.client, lf::companies::search().account_id("1").search_terms({"acme"}))) {
    REQUIRE(item);
    names.emplace_back(item->name());
  }
  CHECK(names == std::vector<std::string>{"Company 1", "Company 2", "Company 3"});
  CHECK(t.script.requests().size() == 2);
}

// ---- companies.match

TEST_CASE("companies.match is POST /v1/companies/match with account_id and max_results_per_company in the query") {
  lf::companies::match_input acme;
  acme.company_name = "Acme";
  auto const req = request_of(lf::companies::match().account_id("123456").max_results_per_company(5).companies({acme}));
  CHECK(req.method == lf::http_method::post);
  CHECK(req.url == "https://api.leadfeeder.com/v1/companies/match?account_id=123456&max_results_per_company=5");
  CHECK(json(req.body) == json(R"({"companies":[{"company_name":"Acme"}]})"));
}

TEST_CASE("companies.match sends every field of a match input, one object per company, empty strings left out") {
  lf::companies::match_input full;
  full.company_name = "Leadfeeder Oy";
  full.url = "leadfeeder.com";
  full.email = "info@leadfeeder.com";
  full.phone = "+358 9 4245 0520";
  full.vat_id = "FI25461645";
  full.register_id = "2546164-5";
  full.register_location = "Helsinki";
  full.street = "Mannerheimintie 12 B";
  full.street_name = "Mannerheimintie";
  full.street_number = "12 B";
  full.postal_code = "00100";
  full.city = "Helsinki";
  full.country = "Finland";
  full.country_code = "FI";
  lf::companies::match_input partial;
  partial.url = "globex.com";
  partial.country_code = "US";
  partial.company_name = "";  // left out, not sent as ""

  std::vector<lf::companies::match_input> const inputs{full, partial};
  auto const req = request_of(lf::companies::match().account_id("123456").companies(inputs));
  CHECK(req.target() == "/v1/companies/match?account_id=123456");
  CHECK(json(req.body) == json(R"({"companies":[
    {"company_name": "Leadfeeder Oy", "url": "leadfeeder.com", "email": "info@leadfeeder.com",
     "phone": "+358 9 4245 0520", "vat_id": "FI25461645", "register_id": "2546164-5",
     "register_location": "Helsinki", "street": "Mannerheimintie 12 B", "street_name": "Mannerheimintie",
     "street_number": "12 B", "postal_code": "00100", "city": "Helsinki", "country": "Finland",
     "country_code": "FI"},
    {"url": "globex.com", "country_code": "US"}
  ]})"));
}

TEST_CASE("companies.match accepts max_results_per_company from 1 to 20") {
  lf::companies::match_input acme;
  acme.company_name = "Acme";
  CHECK(request_of(lf::companies::match().account_id("1").max_results_per_company(1).companies({acme})).target() ==
        "/v1/companies/match?account_id=1&max_results_per_company=1");
  CHECK(request_of(lf::companies::match().account_id("1").max_results_per_company(20).companies({acme})).target() ==
        "/v1/companies/match?account_id=1&max_results_per_company=20");
  CHECK(request_of(lf::companies::match().account_id("1").max_results_per_company<20>().companies({acme})).target() ==
        "/v1/companies/match?account_id=1&max_results_per_company=20");
}

TEST_CASE("companies.match refuses max_results_per_company 0 and 21 before sending") {
  lf::companies::match_input acme;
  acme.company_name = "Acme";
  std::string const zero =
      refusal_message_of(lf::companies::match().account_id("1").max_results_per_company(0).companies({acme}));
  CHECK(zero.find("max_results_per_company") != std::string::npos);
  CHECK(zero.find("got 0") != std::string::npos);
  std::string const too_many =
      refusal_message_of(lf::companies::match().account_id("1").max_results_per_company(21).companies({acme}));
  CHECK(too_many.find("got 21") != std::string::npos);
}

TEST_CASE("companies.match decodes one list of scored candidates per input company") {
  scripted_client t;
  t.script.respond(200, R"({
    "data": [
      [
        {"type": "company_match", "id": "m-1", "attributes": {"match_score": 0.97},
         "relationships": {"company_summary": {"id": "129011", "type": "company_summary",
           "attributes": {"name": "Leadfeeder Oy", "url": "https://www.leadfeeder.com",
                          "address": {"street_address": "Mannerheimintie 12 B", "postal_code": "00100",
                                      "city": "Helsinki", "country": "Finland", "country_code": "FI"}}}}},
        {"type": "company_match", "id": "m-2", "attributes": {"match_score": 0.97},
         "relationships": {"company_summary": {"id": 129099, "type": "company_summary",
           "attributes": {"name": "Leadfeeder Holding Oy", "url": "https://www.leadfeeder.com"}}}}
      ],
      [
        {"type": "company_match", "id": "m-3", "attributes": {"match_score": 0.41},
         "relationships": {"company_summary": {"id": "555", "type": "company_summary",
           "attributes": {"name": "Globex Inc", "url": "https://globex.com",
                          "address": {"city": "Springfield", "country_code": "US"}}}}}
      ]
    ],
    "meta": {"request_id": "r-m", "credits": {"charged": 0}}
  })");
  lf::companies::match_input lf_input;
  lf_input.company_name = "Leadfeeder";
  lf_input.country_code = "FI";
  lf::companies::match_input globex;
  globex.url = "globex.com";
  auto r = t.client.send(lf::companies::match().account_id("123456").companies({lf_input, globex}));
  REQUIRE(r);
  static_assert(std::is_same_v<decltype(r->data()), lf::array_view<lf::array_view<lf::company_match_view>>>,
                "companies.match answers a list of candidate lists");
  REQUIRE(r->data().size() == 2);
  REQUIRE(r->data()[0].size() == 2);
  REQUIRE(r->data()[1].size() == 1);

  lf::company_match_view best = r->data()[0][0];
  CHECK(best.type() == "company_match");
  CHECK(best.id() == "m-1");
  CHECK(best.has_match_score());
  CHECK(best.match_score() == doctest::Approx(0.97));
  lf::company_summary_view company = best.relationships().company_summary();
  CHECK(company.id() == "129011");
  CHECK(company.type() == "company_summary");
  CHECK(company.name() == "Leadfeeder Oy");
  CHECK(company.url() == "https://www.leadfeeder.com");
  CHECK(company.address().street_address() == "Mannerheimintie 12 B");
  CHECK(company.address().city() == "Helsinki");
  CHECK(company.address().country_code() == "FI");

  // A tie for the top score: both legal entities are candidates.
  CHECK(r->data()[0][1].match_score() == doctest::Approx(best.match_score()));
  CHECK(r->data()[0][1].relationships().company_summary().id() == "129099");
  CHECK(r->data()[0][1].relationships().company_summary().name() == "Leadfeeder Holding Oy");

  lf::company_match_view other = r->data()[1].front();
  CHECK(other.match_score() == doctest::Approx(0.41));
  CHECK(other.relationships().company_summary().name() == "Globex Inc");
  CHECK(other.relationships().company_summary().url() == "https://globex.com");
  CHECK(other.relationships().company_summary().address().city() == "Springfield");
}

TEST_CASE("companies.match reads an input company without candidates as an empty list") {
  scripted_client t;
  t.script.respond(200, R"({"data":[[],[{"type":"company_match","id":"m-1","attributes":{"match_score":1}}]]})");
  lf::companies::match_input a;
  a.vat_id = "XX0";
  lf::companies::match_input b;
  b.register_id = "HRB 1";
  auto r = t.client.send(lf::companies::match().account_id("1").companies({a, b}));
  REQUIRE(r);
  REQUIRE(r->data().size() == 2);
  CHECK(r->data()[0].empty());
  CHECK(r->data()[1][0].match_score() == doctest::Approx(1.0));
  CHECK_FALSE(r->data()[1][0].relationships().has_company_summary());
}

// ---- companies.list_ips (3.2.7: a read of up to 100 companies)

TEST_CASE("companies.list_ips is GET /v1/companies/ips with the company ids in the query") {
  auto const req = request_of(lf::companies::list_ips().company_ids({"129011", "a b"}).account_id("123456"));
  CHECK(req.method == lf::http_method::get);
  CHECK(req.url == "https://api.leadfeeder.com/v1/companies/ips?account_id=123456&company_ids=129011,a%20b");
  CHECK(req.body.empty());
  auto const full = request_of(lf::companies::list_ips()
                                   .account_id("1")
                                   .company_ids({"7"})
                                   .include(lf::companies::ips_include::company)
                                   .max_ip_addresses(5));
  CHECK(full.target() == "/v1/companies/ips?account_id=1&company_ids=7&include=company&max_ip_addresses=5");
  static_assert(decltype(lf::companies::list_ips())::charges_credits, "1 credit per company not unlocked (1.12)");
}

TEST_CASE("companies.list_ips refuses, unsent, more than 100 ids, none, and a cap below 1") {
  std::vector<std::string> many;
  for (int i = 0; i < 101; ++i) many.push_back(std::to_string(i));
  scripted_client t;
  auto r = t.client.send(lf::companies::list_ips().account_id("1").company_ids(lf::string_list(many)));
  REQUIRE_FALSE(r);
  CHECK(r.error().code == lf::errc::invalid_argument);
  CHECK(r.error().message.find("'company_ids' has 101 values; at most 100") != std::string::npos);
  CHECK(t.script.requests().empty());
  CHECK(refusal_message_of(lf::companies::list_ips().account_id("1").company_ids({})).find("company_ids") !=
        std::string::npos);
  CHECK(refusal_message_of(lf::companies::list_ips().account_id("1").company_ids({"1"}).max_ip_addresses(0))
            .find("max_ip_addresses") != std::string::npos);
}

TEST_CASE("companies.list_ips answers company IP views") {
  scripted_client t;
  t.script.respond(200, R"({"data":[{"type":"company_ip","id":"ip-1","attributes":{"ip_address":"192.0.2.10"}},
                                    {"type":"company_ip","id":"ip-2","attributes":{"ip_address":"2001:db8::1"}}],
                            "meta":{"request_id":"r-ip"}})");
  auto r = t.client.send(lf::companies::list_ips().company_ids({"129011"}).account_id("123456"));
  REQUIRE(r);
  static_assert(std::is_same_v<decltype(r->data()), lf::array_view<lf::company_ip_view>>, "a list of company IPs");
  REQUIRE(r->data().size() == 2);
  CHECK(r->data()[0].type() == "company_ip");
  CHECK(r->data()[0].attributes()["ip_address"].as_string() == "192.0.2.10");
  CHECK(r->data()[1].attributes()["ip_address"].as_string() == "2001:db8::1");
}

// ---- companies.add_to_lists and companies.remove_from_lists

TEST_CASE("companies.add_to_lists is POST /v1/companies/{company_id}/lists with one identifier per list") {
  auto const req = request_of(
      lf::companies::add_to_lists().company_id("129011").account_id("123456").list_ids({"company_1", "company_2"}));
  CHECK(req.method == lf::http_method::post);
  CHECK(req.url == "https://api.leadfeeder.com/v1/companies/129011/lists?account_id=123456");
  CHECK(json(req.body) == json(R"({"data":[{"type":"list","id":"company_1"},{"type":"list","id":"company_2"}]})"));
  CHECK(req.header("Content-Type") == "application/json");
}

TEST_CASE("companies.remove_from_lists is a DELETE to the same URL with the same body") {
  auto const add = request_of(
      lf::companies::add_to_lists().company_id("129011").account_id("123456").list_ids({"company_1", "company_2"}));
  auto const remove = request_of(lf::companies::remove_from_lists().company_id("129011").account_id("123456").list_ids(
      {"company_1", "company_2"}));
  CHECK(remove.method == lf::http_method::del);
  CHECK(remove.url == add.url);
  CHECK(json(remove.body) == json(add.body));
  CHECK(json(remove.body) == json(R"({"data":[{"type":"list","id":"company_1"},{"type":"list","id":"company_2"}]})"));
  CHECK(remove.header("Content-Type") == "application/json");
}

TEST_CASE("companies.add_to_lists and remove_from_lists refuse an empty list and an empty id") {
  CHECK(refusal_message_of(
            lf::companies::add_to_lists().company_id("1").account_id("2").list_ids(std::vector<std::string>{}))
            .find("list_ids") != std::string::npos);
  CHECK(
      refusal_message_of(lf::companies::remove_from_lists().company_id("1").account_id("2").list_ids({"company_1", ""}))
          .find("list_ids") != std::string::npos);
}

TEST_CASE("companies.remove_from_lists answered 204 with an empty body is a success without data") {
  scripted_client t;
  t.script.respond(204, "");
  auto r = t.client.send(lf::companies::remove_from_lists().company_id("129011").account_id("123456").list_ids({"l1"}));
  REQUIRE(r);
  CHECK(r->status() == 204);
  CHECK_FALSE(r->data().exists());
}

// ---- companies.assign_tags and companies.unassign_tags

TEST_CASE("companies.assign_tags is POST /v1/companies/{company_id}/tags with the observed body") {
  // ../shared/api/examples/companies_assign_tags.request.observed.json
  constexpr std::string_view observed = R"({ "data": [{ "type": "tag", "id": "t1" }] })";
  auto const req = request_of(lf::companies::assign_tags().company_id("129011").account_id("123456").tag_ids({"t1"}));
  CHECK(req.method == lf::http_method::post);
  CHECK(req.url == "https://api.leadfeeder.com/v1/companies/129011/tags?account_id=123456");
  CHECK(json(req.body) == json(observed));
}

TEST_CASE("companies.unassign_tags is a DELETE to /v1/companies/{company_id}/tags with the same body") {
  auto const req =
      request_of(lf::companies::unassign_tags().company_id("129011").account_id("123456").tag_ids({"t1", "t2"}));
  CHECK(req.method == lf::http_method::del);
  CHECK(req.url == "https://api.leadfeeder.com/v1/companies/129011/tags?account_id=123456");
  CHECK(json(req.body) == json(R"({"data":[{"type":"tag","id":"t1"},{"type":"tag","id":"t2"}]})"));
  CHECK(req.header("Content-Type") == "application/json");
}

TEST_CASE("companies.assign_tags and unassign_tags refuse an empty tag list") {
  CHECK(refusal_message_of(
            lf::companies::assign_tags().company_id("1").account_id("2").tag_ids(std::vector<std::string>{}))
            .find("tag_ids") != std::string::npos);
  CHECK(refusal_message_of(
            lf::companies::unassign_tags().company_id("1").account_id("2").tag_ids(std::vector<std::string>{}))
            .find("tag_ids") != std::string::npos);
}

TEST_CASE("companies.assign_tags answered 201 exposes the answer as a json_view") {
  scripted_client t;
  t.script.respond(201, R"({"data":[{"type":"tag","id":"t1","attributes":{"name":"Hot","color":3}}]})");
  auto r = t.client.send(lf::companies::assign_tags().company_id("129011").account_id("123456").tag_ids({"t1"}));
  REQUIRE(r);
  CHECK(r->status() == 201);
  CHECK(r->data()[0]["attributes"]["name"].as_string() == "Hot");
  CHECK(r->data()[0]["attributes"]["color"].as_integer() == 3);
}

// ---- Every operation with a company id in the path

TEST_CASE("every companies operation with a company id percent-encodes it and refuses '..'") {
  scripted_client t;
  for (int i = 0; i < 8; ++i) t.script.respond(200, "{}");
  std::string_view const id = "a/b c";
  REQUIRE(t.client.send(lf::companies::get().company_id(id).account_id("1")));
  REQUIRE(t.client.send(lf::companies::get_financials().company_id(id).account_id("1")));
  REQUIRE(t.client.send(lf::companies::add_to_lists().company_id(id).account_id("1").list_ids({"l"})));
  REQUIRE(t.client.send(lf::companies::remove_from_lists().company_id(id).account_id("1").list_ids({"l"})));
  REQUIRE(t.client.send(lf::companies::assign_tags().company_id(id).account_id("1").tag_ids({"t"})));
  REQUIRE(t.client.send(lf::companies::unassign_tags().company_id(id).account_id("1").tag_ids({"t"})));
  auto const& sent = t.script.requests();
  REQUIRE(sent.size() == 6);
  CHECK(sent[0].target() == "/v1/companies/a%2Fb%20c?account_id=1");
  CHECK(sent[1].target() == "/v1/companies/a%2Fb%20c/financials?account_id=1");
  CHECK(sent[2].target() == "/v1/companies/a%2Fb%20c/lists?account_id=1");
  CHECK(sent[3].target() == "/v1/companies/a%2Fb%20c/lists?account_id=1");
  CHECK(sent[4].target() == "/v1/companies/a%2Fb%20c/tags?account_id=1");
  CHECK(sent[5].target() == "/v1/companies/a%2Fb%20c/tags?account_id=1");

  refusal_message_of(lf::companies::get_financials().company_id("..").account_id("1"));
  refusal_message_of(lf::companies::add_to_lists().company_id("..").account_id("1").list_ids({"l"}));
  refusal_message_of(lf::companies::remove_from_lists().company_id("..").account_id("1").list_ids({"l"}));
  refusal_message_of(lf::companies::assign_tags().company_id("..").account_id("1").tag_ids({"t"}));
  refusal_message_of(lf::companies::unassign_tags().company_id("..").account_id("1").tag_ids({"t"}));
}

TEST_CASE("every companies operation refuses an empty account_id before sending") {
  lf::companies::match_input acme;
  acme.company_name = "Acme";
  CHECK(refusal_message_of(lf::companies::get().company_id("1").account_id("")).find("account_id") !=
        std::string::npos);
  CHECK(refusal_message_of(lf::companies::retrieve().ids({"1"}).account_id("")).find("account_id") !=
        std::string::npos);
  CHECK(refusal_message_of(lf::companies::get_financials().company_id("1").account_id("")).find("account_id") !=
        std::string::npos);
  CHECK(refusal_message_of(lf::companies::search_signals().account_id("").company_ids({"1"})).find("account_id") !=
        std::string::npos);
  CHECK(refusal_message_of(lf::companies::search().account_id("").search_terms({"a"})).find("account_id") !=
        std::string::npos);
  CHECK(refusal_message_of(lf::companies::match().account_id("").companies({acme})).find("account_id") !=
        std::string::npos);
  CHECK(refusal_message_of(lf::companies::list_ips().company_ids({"1"}).account_id("")).find("account_id") !=
        std::string::npos);
  CHECK(refusal_message_of(lf::companies::add_to_lists().company_id("1").account_id("").list_ids({"l"}))
            .find("account_id") != std::string::npos);
  CHECK(refusal_message_of(lf::companies::remove_from_lists().company_id("1").account_id("").list_ids({"l"}))
            .find("account_id") != std::string::npos);
  CHECK(refusal_message_of(lf::companies::assign_tags().company_id("1").account_id("").tag_ids({"t"}))
            .find("account_id") != std::string::npos);
  CHECK(refusal_message_of(lf::companies::unassign_tags().company_id("1").account_id("").tag_ids({"t"}))
            .find("account_id") != std::string::npos);
}

TEST_CASE("companies.search_signals sends extra_fields nested up to the parser's depth limit, and no deeper") {
  // The body's object is level 1; `levels` arrays under one key make levels + 1 in all.
  auto nested = [](int levels) {
    boost::json::value inner = boost::json::array();
    for (int i = 1; i < levels; ++i) {
      boost::json::array outer;
      outer.push_back(std::move(inner));
      inner = std::move(outer);
    }
    boost::json::object extra;
    extra["x"] = std::move(inner);
    return boost::json::value(std::move(extra));
  };
  auto const sent = request_of(lf::companies::search_signals().account_id("123456").company_ids({"1"}).extra_fields(
      nested(LEADFEEDER_MAX_JSON_DEPTH - 1)));
  boost::json::parse_options limit;
  limit.max_depth = LEADFEEDER_MAX_JSON_DEPTH;
  std::error_code ec;
  boost::json::value const back = boost::json::parse(sent.body, ec, boost::json::storage_ptr(), limit);
  CHECK_FALSE(ec);  // what is sent parses back with the library's own limit
  CHECK(back.is_object());

  CHECK(refusal_message_of(lf::companies::search_signals().account_id("123456").company_ids({"1"}).extra_fields(
                               nested(LEADFEEDER_MAX_JSON_DEPTH)))
            .find("nested too deeply") != std::string::npos);
}
