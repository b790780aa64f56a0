// SPDX-License-Identifier: MIT
// The nine web_visits operations on the wire (docs/api-reference.md, 3.4): method, URL and body of each request,
// page-number paging through lf::pages and lf::items (1.7), and how WebVisitV1 (4.8) and
// CompanyLocationV1 (4.9) answers are decoded.
#include <doctest/doctest.h>
#include <test_support.hpp>

#include <leadfeeder/leadfeeder.hpp>
#include <leadfeeder/testing/scripted_transport.hpp>

#include <boost/json.hpp>

#include <cstdint>
#include <limits>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <utility>
#include <vector>

namespace lf = leadfeeder;
using test_support::json;
using test_support::refusal_of;
using test_support::request_of;
using test_support::scripted_client;

namespace {

constexpr std::string_view feed_uuid = "3f2c9a4e-8b1d-4c6e-9f0a-2d7b5e1c8a93";


/// The body the observed integration sent for web_visits.search
/// (reference examples/web_visits_search.request.observed.json, copied here).
constexpr std::string_view observed_search_body = R"({
  "start_date": "2026-10-01",
  "end_date": "2026-10-05",
  "filters": { "location_country_codes": ["DE"] }
})";

/// A web_visits.search page of minimal visits with the given ids and page-number pagination.
std::string visits_page(std::vector<std::string> const& ids, int page_num, int page_count, int total_count) {
  std::string body = R"({"data":[)";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i != 0) body += ',';
    body += R"({"type":"web_visit","id":")" + ids[i] + R"(","attributes":{"landing_page_path":"/p/)" + ids[i] +
            R"("}})";
  }
  body += R"(],"meta":{"request_id":"r-)" + std::to_string(page_num) + R"(","pagination":{"page_num":)" +
          std::to_string(page_num) + R"(,"page_count":)" + std::to_string(page_count) + R"(,"total_count":)" +
          std::to_string(total_count) + "}}}";
  return body;
}

/// A web_visits.list_visitor_companies page: one row per (row id, company id).
std::string companies_page(std::vector<std::pair<std::string, std::string>> const& rows, int page_num, int page_count,
                           int total_count) {
  std::string body = R"({"data":[)";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i != 0) body += ',';
    body += R"({"type":"company_location","id":")" + rows[i].first + R"(","relationships":{"company":{"id":")" +
            rows[i].second + R"(","type":"company"}}})";
  }
  body += R"(],"meta":{"request_id":"r","pagination":{"page_num":)" + std::to_string(page_num) + R"(,"page_count":)" +
          std::to_string(page_count) + R"(,"total_count":)" + std::to_string(total_count) + "}}}";
  return body;
}

auto visits_search() {
  return lf::web_visits::search().account_id("123456").start_date("2026-10-01").end_date("2026-10-05").page_size(2);
}

/// One visit with every field of docs/api-reference.md, 4.8, the company inline (include=company).
constexpr std::string_view full_visit_page = R"({
  "data": [{
    "type": "web_visit",
    "id": "wv-20261001-1",
    "attributes": {
      "started_at": "2026-10-01T08:15:30.000Z",
      "visit_length": 312,
      "page_depth": 4,
      "landing_page_path": "/pricing",
      "referring_url": "https://www.google.com/search?q=leadfeeder",
      "source": "google",
      "medium": "cpc",
      "campaign": "autumn-2026",
      "keyword": "b2b leads",
      "device_type": "desktop",
      "identifiers": {"lf_client_id": "LF1.1.9c8e7d6f5a4b3c2d", "ga_client_ids": ["GA1.2.111.222", "GA1.2.333.444"]},
      "visitor": {"email": "jane.roe@acme.example", "first_name": "Jane", "last_name": "Roe"},
      "engagements": [
        {"event_type": "page_view", "hostname": "www.example.com",
         "page": {"path": "/pricing", "title": "Pricing", "url": "https://www.example.com/pricing"},
         "previous_page_path": null, "time_on_page": 95, "has_met_goals": false},
        {"event_type": "page_view", "hostname": "www.example.com",
         "page": {"path": "/demo", "title": "Book a demo", "url": "https://www.example.com/demo?ref=pricing"},
         "previous_page_path": "/pricing", "time_on_page": 217, "has_met_goals": true}
      ]
    },
    "relationships": {
      "company": {"id": "129011", "type": "company",
                  "attributes": {"name": "Acme GmbH", "url": "https://acme.example", "employee_range": "11-50",
                                 "address": {"city": "Berlin", "country": "Germany", "country_code": "DE"}}},
      "location": {"id": "loc-1", "type": "visit_location",
                   "attributes": {"city": "Berlin", "country": "Germany", "country_code": "DE",
                                  "region": "Berlin", "postal_code": "10115"}}
    }
  }],
  "meta": {"request_id": "r-visit", "pagination": {"page_num": 1, "page_count": 1, "total_count": 1}}
})";

}  // namespace

// ---- web_visits.search: the request

TEST_CASE("web_visits.search is POST /v1/web-visits with account_id in the query and the dates in the body") {
  auto const req =
      request_of(lf::web_visits::search().account_id("123456").start_date("2026-10-01").end_date("2026-10-05"));
  CHECK(req.method == lf::http_method::post);
  CHECK(req.url == "https://api.leadfeeder.com/v1/web-visits?account_id=123456");
  CHECK(req.header("Content-Type") == "application/json");
  CHECK(json(req.body) == json(R"({"start_date":"2026-10-01","end_date":"2026-10-05"})"));
}

TEST_CASE("web_visits.search reproduces the observed request body from setters") {
  auto const req = request_of(lf::web_visits::search()
                                  .account_id("123456")
                                  .start_date("2026-10-01")
                                  .end_date("2026-10-05")
                                  .filters_location_country_codes({"DE"}));
  CHECK(json(req.body) == json(observed_search_body));
}

TEST_CASE("web_visits.search puts company_id, country codes and cities under filters") {
  auto const req = request_of(lf::web_visits::search()
                                  .account_id("123456")
                                  .start_date("2026-10-01")
                                  .end_date("2026-10-31")
                                  .filters_company_id("129011")
                                  .filters_location_country_codes({"DE", "AT"})
                                  .filters_location_cities({"Berlin", "Wien"}));
  CHECK(json(req.body) == json(R"({
    "start_date": "2026-10-01",
    "end_date": "2026-10-31",
    "filters": {"company_id": "129011", "location_country_codes": ["DE", "AT"], "location_cities": ["Berlin", "Wien"]}
  })"));
}

TEST_CASE("web_visits.search sends include=company, page[num] and page[size] in the query, not the body") {
  auto const req = request_of(lf::web_visits::search()
                                  .account_id("123456")
                                  .include(lf::web_visits::include::company)
                                  .page_num(2)
                                  .page_size<50>()
                                  .start_date("2026-10-01")
                                  .end_date("2026-10-05"));
  CHECK(req.target() == "/v1/web-visits?account_id=123456&include=company&page%5Bnum%5D=2&page%5Bsize%5D=50");
  CHECK(json(req.body) == json(R"({"start_date":"2026-10-01","end_date":"2026-10-05"})"));
}

TEST_CASE("web_visits.search refuses a page size above 100 before sending") {
  lf::error const e = refusal_of(visits_search().page_size(101));
  CHECK(e.code == lf::errc::invalid_argument);
  CHECK(e.message.find("page[size]") != std::string::npos);
}

TEST_CASE("web_visits.search refuses an impossible start_date before sending") {
  scripted_client t;
  t.script.respond(200, R"({"data":[]})");
  auto r = t.client.send(lf::web_visits::search().account_id("123456").start_date("2026-02-30").end_date("2026-03-05"));
  CHECK_FALSE(r);
  CHECK(r.error().code == lf::errc::invalid_argument);
  CHECK(t.script.requests().empty());
}

// ---- web_visits.search: pages

TEST_CASE("lf::pages walks web_visits.search through page[num] 1, 2 and 3 and stops at page_count") {
  scripted_client t;
  t.script.respond(200, visits_page({"v1", "v2"}, 1, 3, 5))
      .respond(200, visits_page({"v3", "v4"}, 2, 3, 5))
      .respond(200, visits_page({"v5"}, 3, 3, 5))
      .respond(200, visits_page({"never"}, 4, 3, 5));
  std::vector<std::int64_t> page_nums, page_counts, total_counts;
  std::vector<std::string> ids;
  for (auto& page : lf::pages(t.client, visits_search())) {
    REQUIRE(page);
    lf::pagination_view const p = page->meta().pagination();
    page_nums.push_back(p.page_num());
    page_counts.push_back(p.page_count());
    total_counts.push_back(p.total_count());
    for (lf::web_visit_view v : page->data()) ids.emplace_back(v.id());
  }
  CHECK(page_nums == std::vector<std::int64_t>{1, 2, 3});
  CHECK(page_counts == std::vector<std::int64_t>{3, 3, 3});
  CHECK(total_counts == std::vector<std::int64_t>{5, 5, 5});
  CHECK(ids == std::vector<std::string>{"v1", "v2", "v3", "v4", "v5"});
  CHECK(t.script.pending() == 1);  // page 3 of 3 is the last: no fourth request

  auto const& sent = t.script.requests();
  REQUIRE(sent.size() == 3);
  CHECK(sent[0].target() == "/v1/web-visits?account_id=123456&page%5Bnum%5D=1&page%5Bsize%5D=2");
  CHECK(sent[1].target() == "/v1/web-visits?account_id=123456&page%5Bnum%5D=2&page%5Bsize%5D=2");
  CHECK(sent[2].target() == "/v1/web-visits?account_id=123456&page%5Bnum%5D=3&page%5Bsize%5D=2");
  for (auto const& req : sent) {
    CAPTURE(req.url);
    CHECK(req.method == lf::http_method::post);
    CHECK(json(req.body) == json(R"({"start_date":"2026-10-01","end_date":"2026-10-05"})"));
  }
}

TEST_CASE("lf::items yields every web visit of three pages exactly once, in order") {
  scripted_client t;
  t.script.respond(200, visits_page({"v1", "v2"}, 1, 3, 5))
      .respond(200, visits_page({"v3", "v4"}, 2, 3, 5))
      .respond(200, visits_page({"v5"}, 3, 3, 5));
  std::vector<std::string> ids;
  auto range = lf::items(t.client, visits_search());
  for (auto const& visit : range) {
    REQUIRE(visit);
    static_assert(std::is_same_v<std::decay_t<decltype(*visit)>, lf::web_visit_view>, "items are WebVisitV1 views");
    ids.emplace_back(visit->id());
    CHECK(visit->landing_page_path() == "/p/" + std::string(visit->id()));
  }
  CHECK(ids == std::vector<std::string>{"v1", "v2", "v3", "v4", "v5"});
  CHECK(range.pages_fetched() == 3);
  CHECK(t.script.requests().size() == 3);
}

TEST_CASE("an error on the third web_visits.search page ends the items with exactly one error element") {
  scripted_client t;
  t.script.respond(200, visits_page({"v1", "v2"}, 1, 4, 8))
      .respond(200, visits_page({"v3", "v4"}, 2, 4, 8))
      .respond(429, R"({"code":"rate_limit_exceeded","message":"slow down"})")
      .respond(200, visits_page({"never"}, 4, 4, 8));
  std::vector<std::string> ids;
  int errors = 0;
  int after_error = 0;
  for (auto const& visit : lf::items(t.client, visits_search())) {
    if (errors != 0) ++after_error;
    if (visit) {
      ids.emplace_back(visit->id());
    } else {
      ++errors;
      CHECK(visit.error().code == lf::errc::rate_limited);
      CHECK(visit.error().http_status == 429);
      CHECK(visit.error().api_code == "rate_limit_exceeded");
    }
  }
  CHECK(ids == std::vector<std::string>{"v1", "v2", "v3", "v4"});
  CHECK(errors == 1);
  CHECK(after_error == 0);
  REQUIRE(t.script.requests().size() == 3);
  CHECK(t.script.requests()[2].target() == "/v1/web-visits?account_id=123456&page%5Bnum%5D=3&page%5Bsize%5D=2");
  CHECK(t.script.pending() == 1);
}

TEST_CASE("an error on the third web_visits.search page ends the pages with exactly one error element") {
  scripted_client t;
  t.script.respond(200, visits_page({"v1", "v2"}, 1, 3, 6))
      .respond(200, visits_page({"v3", "v4"}, 2, 3, 6))
      .fail(std::make_error_code(std::errc::connection_reset));
  int ok = 0, errors = 0;
  for (auto& page : lf::pages(t.client, visits_search())) {
    if (page) {
      ++ok;
    } else {
      ++errors;
      CHECK(page.error().code == std::make_error_code(std::errc::connection_reset));
    }
  }
  CHECK(ok == 2);
  CHECK(errors == 1);
  CHECK(t.script.requests().size() == 3);
}

TEST_CASE("an empty web_visits.search result with page_count 0 is a single page") {
  scripted_client t;
  t.script.respond(200, visits_page({}, 1, 0, 0)).respond(200, visits_page({"never"}, 2, 0, 0));
  int pages = 0;
  int visits = 0;
  for (auto& page : lf::pages(t.client, visits_search())) {
    REQUIRE(page);
    ++pages;
    visits += static_cast<int>(page->data().size());
  }
  CHECK(pages == 1);
  CHECK(visits == 0);
  CHECK(t.script.requests().size() == 1);
}

TEST_CASE("lf::pages over web_visits.search starts from the page[num] the caller set") {
  scripted_client t;
  t.script.respond(200, visits_page({"v3", "v4"}, 2, 3, 5)).respond(200, visits_page({"v5"}, 3, 3, 5));
  int pages = 0;
  for (auto& page : lf::pages(t.client, visits_search().page_num(2))) pages += page ? 1 : 0;
  CHECK(pages == 2);
  auto const& sent = t.script.requests();
  REQUIRE(sent.size() == 2);
  CHECK(sent[0].target() == "/v1/web-visits?account_id=123456&page%5Bnum%5D=2&page%5Bsize%5D=2");
  CHECK(sent[1].target() == "/v1/web-visits?account_id=123456&page%5Bnum%5D=3&page%5Bsize%5D=2");
}

TEST_CASE("lf::pages refuses a page[num] of 0 set by the caller, as send() does") {
  scripted_client t;
  t.script.respond(200, visits_page({"v1"}, 1, 1, 1));
  auto const builder = visits_search().page_num(0);
  auto direct = t.client.send(builder);
  REQUIRE_FALSE(direct);
  CHECK(direct.error().code == lf::errc::invalid_argument);
  int errors = 0;
  for (auto& page : lf::pages(t.client, builder)) {
    CHECK_FALSE(page);
    errors += page ? 0 : 1;
  }
  CHECK(errors == 1);
  CHECK(t.script.requests().empty());
}

// ---- WebVisitV1

TEST_CASE("a WebVisitV1 decodes its visit attributes") {
  scripted_client t;
  t.script.respond(200, std::string(full_visit_page));
  auto r = t.client.send(visits_search().include(lf::web_visits::include::company));
  REQUIRE(r);
  REQUIRE(r->data().size() == 1);
  lf::web_visit_view v = r->data().front();
  CHECK(v.id() == "wv-20261001-1");
  CHECK(v.started_at() == "2026-10-01T08:15:30.000Z");
  CHECK(v.visit_length() == 312);
  CHECK(v.page_depth() == 4);
  CHECK(v.landing_page_path() == "/pricing");
  CHECK(v.referring_url() == "https://www.google.com/search?q=leadfeeder");
  CHECK(v.source() == "google");
  CHECK(v.medium() == "cpc");
  CHECK(v.campaign() == "autumn-2026");
  CHECK(v.keyword() == "b2b leads");
  CHECK(v.device_type() == "desktop");
}

TEST_CASE("a WebVisitV1 decodes its identifiers and its visitor") {
  scripted_client t;
  t.script.respond(200, std::string(full_visit_page));
  auto r = t.client.send(visits_search());
  REQUIRE(r);
  lf::web_visit_view v = r->data().front();
  REQUIRE(v.has_identifiers());
  CHECK(v.identifiers().lf_client_id() == "LF1.1.9c8e7d6f5a4b3c2d");
  std::vector<std::string_view> const ga(v.identifiers().ga_client_ids().begin(),
                                         v.identifiers().ga_client_ids().end());
  CHECK(ga == std::vector<std::string_view>{"GA1.2.111.222", "GA1.2.333.444"});
  REQUIRE(v.has_visitor());
  CHECK(v.visitor().email() == "jane.roe@acme.example");
  CHECK(v.visitor().first_name() == "Jane");
  CHECK(v.visitor().last_name() == "Roe");
}

TEST_CASE("a WebVisitV1 decodes its engagements with page path, title and url") {
  scripted_client t;
  t.script.respond(200, std::string(full_visit_page));
  auto r = t.client.send(visits_search());
  REQUIRE(r);
  auto const engagements = r->data().front().engagements();
  REQUIRE(engagements.size() == 2);
  lf::web_visit_engagement_view const first = engagements[0];
  CHECK(first.event_type() == "page_view");
  CHECK(first.hostname() == "www.example.com");
  CHECK(first.page().path() == "/pricing");
  CHECK(first.page().title() == "Pricing");
  CHECK(first.page().url() == "https://www.example.com/pricing");
  CHECK_FALSE(first.has_previous_page_path());  // null counts as absent
  CHECK(first.time_on_page() == 95);
  CHECK(first.has_has_met_goals());
  CHECK_FALSE(first.has_met_goals());
  lf::web_visit_engagement_view const second = engagements[1];
  CHECK(second.page().path() == "/demo");
  CHECK(second.page().title() == "Book a demo");
  CHECK(second.page().url() == "https://www.example.com/demo?ref=pricing");
  CHECK(second.previous_page_path() == "/pricing");
  CHECK(second.time_on_page() == 217);
  CHECK(second.has_met_goals());
}

TEST_CASE("a WebVisitV1 with include=company carries the company's attributes and the visit location inline") {
  scripted_client t;
  t.script.respond(200, std::string(full_visit_page));
  auto r = t.client.send(visits_search().include(lf::web_visits::include::company));
  REQUIRE(r);
  lf::web_visit_view v = r->data().front();
  REQUIRE(v.relationships().has_company());
  lf::company_view company = v.relationships().company();
  CHECK(company.id() == "129011");
  CHECK(company.type() == "company");
  CHECK(company.name() == "Acme GmbH");
  CHECK(company.url() == "https://acme.example");
  CHECK(company.employee_range() == "11-50");
  CHECK(company.address().city() == "Berlin");
  CHECK(company.address().country_code() == "DE");
  REQUIRE(v.relationships().has_location());
  lf::visit_location_view location = v.relationships().location();
  CHECK(location.city() == "Berlin");
  CHECK(location.country() == "Germany");
  CHECK(location.country_code() == "DE");
  CHECK(location.region() == "Berlin");
  CHECK(location.postal_code() == "10115");
}

TEST_CASE("a WebVisitV1 without include=company has only the company id") {
  scripted_client t;
  t.script.respond(200, R"({"data":[{"type":"web_visit","id":"wv-2","attributes":{"engagements":[]},
                           "relationships":{"company":{"id":"129011","type":"company"}}}]})");
  auto r = t.client.send(visits_search());
  REQUIRE(r);
  lf::web_visit_view v = r->data().front();
  CHECK(v.relationships().company().id() == "129011");
  CHECK_FALSE(v.relationships().company().has_name());
  CHECK_FALSE(v.relationships().has_location());
  CHECK(v.has_engagements());
  CHECK(v.engagements().empty());
  CHECK_FALSE(v.has_visitor());
  CHECK(v.visitor().email().empty());
}

// ---- web_visits.list_custom_feeds

TEST_CASE("web_visits.list_custom_feeds is GET /v1/web-visits/custom-feeds with account_id and no body") {
  auto const req = request_of(lf::web_visits::list_custom_feeds().account_id("123456"));
  CHECK(req.method == lf::http_method::get);
  CHECK(req.url == "https://api.leadfeeder.com/v1/web-visits/custom-feeds?account_id=123456");
  CHECK(req.body.empty());
  CHECK_FALSE(req.has_header("Content-Type"));
}

TEST_CASE("web_visits.list_custom_feeds sends include values in enum order and filter[has_connected_list]=true") {
  auto const req = request_of(lf::web_visits::list_custom_feeds()
                                  .account_id("123456")
                                  .include(lf::web_visits::custom_feed_include::connected_list,
                                           lf::web_visits::custom_feed_include::folder)
                                  .filter_has_connected_list(true));
  CHECK(req.target() ==
        "/v1/web-visits/"
        "custom-feeds?account_id=123456&include=folder,connected_list&filter%5Bhas_connected_list%5D=true");
}

TEST_CASE("web_visits.list_custom_feeds sends filter[has_connected_list]=false when asked") {
  auto const req =
      request_of(lf::web_visits::list_custom_feeds().account_id("123456").filter_has_connected_list(false));
  CHECK(req.target() == "/v1/web-visits/custom-feeds?account_id=123456&filter%5Bhas_connected_list%5D=false");
}

TEST_CASE("web_visits.list_custom_feeds decodes feeds with UUID ids and unknown attributes") {
  scripted_client t;
  t.script.respond(200, R"({"data":[
      {"type":"custom_feed","id":"3f2c9a4e-8b1d-4c6e-9f0a-2d7b5e1c8a93","attributes":{"name":"Germany"}},
      {"type":"custom_feed","id":"0b9e2c1a-5d4f-4e3b-8a7c-6f1d2e3c4b5a","attributes":{"name":"Pricing visitors"}}],
    "meta":{"request_id":"r-feeds"}})");
  auto r = t.client.send(lf::web_visits::list_custom_feeds().account_id("123456"));
  REQUIRE(r);
  REQUIRE(r->data().size() == 2);
  lf::custom_feed_view const first = r->data()[0];
  CHECK(first.type() == "custom_feed");
  CHECK(first.id() == feed_uuid);
  CHECK(first.attributes()["name"].as_string() == "Germany");
  CHECK(r->data()[1].attributes()["name"].as_string() == "Pricing visitors");
  CHECK(r->meta().request_id() == "r-feeds");
}

// ---- web_visits.create_custom_feed

TEST_CASE("web_visits.create_custom_feed POSTs a custom_feed resource whose attributes are the extra fields") {
  boost::json::value const extra = json(R"({"name":"Germany","folder_id":"f-1",
                                            "filters":[{"key":"country","operator":"is","values":["DE"]}]})");
  auto const req = request_of(lf::web_visits::create_custom_feed().account_id("123456").extra_fields(extra));
  CHECK(req.method == lf::http_method::post);
  CHECK(req.url == "https://api.leadfeeder.com/v1/web-visits/custom-feeds?account_id=123456");
  CHECK(req.header("Content-Type") == "application/json");
  CHECK(json(req.body) == json(R"({"data":{"type":"custom_feed","attributes":{
      "name":"Germany","folder_id":"f-1",
      "filters":[{"key":"country","operator":"is","values":["DE"]}]}}})"));
}

TEST_CASE("web_visits.create_custom_feed without extra fields sends empty attributes") {
  auto const req = request_of(lf::web_visits::create_custom_feed().account_id("123456"));
  CHECK(json(req.body) == json(R"({"data":{"type":"custom_feed","attributes":{}}})"));
}

TEST_CASE("web_visits.create_custom_feed refuses extra fields that are not a JSON object") {
  boost::json::value const not_objects[] = {json(R"(["name","Germany"])"), json(R"("Germany")"), json("42"),
                                            boost::json::value(nullptr)};
  for (boost::json::value const& extra : not_objects) {
    CAPTURE(boost::json::serialize(extra));
    lf::error const e = refusal_of(lf::web_visits::create_custom_feed().account_id("123456").extra_fields(extra));
    CHECK(e.code == lf::errc::invalid_argument);
    CHECK(e.message.find("extra_fields") != std::string::npos);
  }
}

TEST_CASE("web_visits.create_custom_feed refuses extra fields holding a string that is not UTF-8") {
  boost::json::object extra;
  extra["name"] = "Germany \xFF\xFE";
  scripted_client t;
  t.script.respond(200, "{}");
  auto r = t.client.send(lf::web_visits::create_custom_feed().account_id("123456").extra_fields(extra));
  CHECK_FALSE(r);
  CHECK(r.error().code == lf::errc::invalid_argument);
  CHECK(t.script.requests().empty());
}

TEST_CASE("web_visits.create_custom_feed refuses extra fields holding an infinite number") {
  boost::json::object extra;
  extra["min_visits"] = std::numeric_limits<double>::infinity();
  scripted_client t;
  t.script.respond(200, "{}");
  auto r = t.client.send(lf::web_visits::create_custom_feed().account_id("123456").extra_fields(extra));
  CHECK_FALSE(r);
  CHECK(r.error().code == lf::errc::invalid_argument);
  CHECK(t.script.requests().empty());  // today the body goes out as {"data":{...{"min_visits":Infinity}}}
}

// ---- web_visits.get_custom_feed

TEST_CASE("web_visits.get_custom_feed is GET /v1/web-visits/custom-feeds/{uuid}, the UUID unchanged in the path") {
  auto const req = request_of(lf::web_visits::get_custom_feed().custom_feed_id(feed_uuid).account_id("123456"));
  CHECK(req.method == lf::http_method::get);
  CHECK(req.url ==
        "https://api.leadfeeder.com/v1/web-visits/custom-feeds/3f2c9a4e-8b1d-4c6e-9f0a-2d7b5e1c8a93?account_id=123456");
  CHECK(req.body.empty());
}

TEST_CASE("web_visits.get_custom_feed sends its free-form include values comma-separated") {
  auto const req = request_of(
      lf::web_visits::get_custom_feed().custom_feed_id(feed_uuid).account_id("123456").include({"folder", "filters"}));
  CHECK(req.target() ==
        "/v1/web-visits/custom-feeds/3f2c9a4e-8b1d-4c6e-9f0a-2d7b5e1c8a93?account_id=123456&include=folder,filters");
}

TEST_CASE("web_visits.get_custom_feed decodes one feed and remembers the UUID asked for") {
  scripted_client t;
  t.script.respond(200, R"({"data":{"type":"custom_feed","id":"3f2c9a4e-8b1d-4c6e-9f0a-2d7b5e1c8a93",
                                    "attributes":{"name":"Germany","filters":[{"key":"country"}]}}})");
  auto r = t.client.send(lf::web_visits::get_custom_feed().custom_feed_id(feed_uuid).account_id("123456"));
  REQUIRE(r);
  lf::custom_feed_view feed = r->data();
  CHECK(feed.exists());
  CHECK(feed.id() == feed_uuid);
  CHECK(feed.attributes()["name"].as_string() == "Germany");
  CHECK(feed.attributes()["filters"].size() == 1);
  CHECK(r->requested_id() == feed_uuid);
  CHECK_FALSE(r->id_changed());
}

// ---- web_visits.update_custom_feed

TEST_CASE("web_visits.update_custom_feed PATCHes /v1/web-visits/custom-feeds/{uuid} with the changed attributes") {
  auto const req =
      request_of(lf::web_visits::update_custom_feed().custom_feed_id(feed_uuid).account_id("123456").extra_fields(
          json(R"({"name":"Germany and Austria"})")));
  CHECK(req.method == lf::http_method::patch);
  CHECK(req.url ==
        "https://api.leadfeeder.com/v1/web-visits/custom-feeds/3f2c9a4e-8b1d-4c6e-9f0a-2d7b5e1c8a93?account_id=123456");
  CHECK(json(req.body) == json(R"({"data":{"type":"custom_feed","attributes":{"name":"Germany and Austria"}}})"));
}

TEST_CASE("web_visits.update_custom_feed refuses extra fields that are not a JSON object") {
  lf::error const e =
      refusal_of(lf::web_visits::update_custom_feed().custom_feed_id(feed_uuid).account_id("123456").extra_fields(
          json(R"([{"name":"Germany"}])")));
  CHECK(e.code == lf::errc::invalid_argument);
  CHECK(e.message.find("extra_fields") != std::string::npos);
}

// ---- web_visits.delete_custom_feed

TEST_CASE("web_visits.delete_custom_feed is DELETE /v1/web-visits/custom-feeds/{uuid} without a body") {
  auto const req = request_of(lf::web_visits::delete_custom_feed().custom_feed_id(feed_uuid).account_id("123456"));
  CHECK(req.method == lf::http_method::del);
  CHECK(req.url ==
        "https://api.leadfeeder.com/v1/web-visits/custom-feeds/3f2c9a4e-8b1d-4c6e-9f0a-2d7b5e1c8a93?account_id=123456");
  CHECK(req.body.empty());
  CHECK_FALSE(req.has_header("Content-Type"));
}

TEST_CASE("web_visits.delete_custom_feed answered 204 with an empty body is a success whose data is empty") {
  scripted_client t;
  t.script.respond(204, "");
  auto r = t.client.send(lf::web_visits::delete_custom_feed().custom_feed_id(feed_uuid).account_id("123456"));
  REQUIRE(r);
  static_assert(std::is_same_v<decltype(r->data()), lf::json_view>, "the answer's shape is unknown");
  CHECK(r->status() == 204);
  CHECK(r->body().empty());
  CHECK_FALSE(r->data().exists());
  CHECK(r->json().is_null());
}

TEST_CASE("web_visits.delete_custom_feed refuses an empty id and path-changing ids before sending") {
  for (std::string_view id : {std::string_view(""), std::string_view("."), std::string_view("..")}) {
    CAPTURE(id);
    lf::error const e = refusal_of(lf::web_visits::delete_custom_feed().custom_feed_id(id).account_id("123456"));
    CHECK(e.code == lf::errc::invalid_argument);
    CHECK(e.message.find("custom_feed_id") != std::string::npos);
  }
}

// ---- web_visits.list_custom_feed_folders

TEST_CASE("web_visits.list_custom_feed_folders is GET /v1/web-visits/custom-feeds/folders with account_id") {
  auto const req = request_of(lf::web_visits::list_custom_feed_folders().account_id("123456"));
  CHECK(req.method == lf::http_method::get);
  CHECK(req.url == "https://api.leadfeeder.com/v1/web-visits/custom-feeds/folders?account_id=123456");
  CHECK(req.body.empty());
}

TEST_CASE("web_visits.list_custom_feed_folders sends include values as given") {
  auto const req =
      request_of(lf::web_visits::list_custom_feed_folders().account_id("123456").include({"custom_feeds"}));
  CHECK(req.target() == "/v1/web-visits/custom-feeds/folders?account_id=123456&include=custom_feeds");
}

TEST_CASE("web_visits.list_custom_feed_folders decodes the folders") {
  scripted_client t;
  t.script.respond(200, R"({"data":[{"type":"custom_feed_folder","id":"folder-1","attributes":{"name":"Regions"}},
                                    {"type":"custom_feed_folder","id":"folder-2","attributes":{"name":"Campaigns"}}]})");
  auto r = t.client.send(lf::web_visits::list_custom_feed_folders().account_id("123456"));
  REQUIRE(r);
  REQUIRE(r->data().size() == 2);
  lf::custom_feed_folder_view const folder = r->data()[1];
  CHECK(folder.id() == "folder-2");
  CHECK(folder.type() == "custom_feed_folder");
  CHECK(folder.attributes()["name"].as_string() == "Campaigns");
}

// ---- web_visits.get_tracker_script

TEST_CASE("web_visits.get_tracker_script is GET /v1/web-visits/tracker with account_id only") {
  auto const req = request_of(lf::web_visits::get_tracker_script().account_id("123456"));
  CHECK(req.method == lf::http_method::get);
  CHECK(req.url == "https://api.leadfeeder.com/v1/web-visits/tracker?account_id=123456");
  CHECK(req.body.empty());
}

TEST_CASE("web_visits.get_tracker_script decodes one object read through attributes()") {
  scripted_client t;
  t.script.respond(200, R"({"data":{"type":"web_visits_tracker_script","id":"lf-tracker-1",
                                    "attributes":{"script":"<script>lf('init')</script>","installed":true}}})");
  auto r = t.client.send(lf::web_visits::get_tracker_script().account_id("123456"));
  REQUIRE(r);
  lf::web_visits_tracker_script_view script = r->data();
  CHECK(script.id() == "lf-tracker-1");
  CHECK(script.attributes()["script"].as_string() == "<script>lf('init')</script>");
  CHECK(script.attributes()["installed"].as_bool());
}

// ---- web_visits.list_visitor_companies

TEST_CASE("web_visits.list_visitor_companies is GET /v1/web-visits/companies with the dates in the query") {
  auto const req = request_of(
      lf::web_visits::list_visitor_companies().account_id("123456").start_date("2026-01-01").end_date("2026-01-31"));
  CHECK(req.method == lf::http_method::get);
  CHECK(
      req.url ==
      "https://api.leadfeeder.com/v1/web-visits/companies?account_id=123456&start_date=2026-01-01&end_date=2026-01-31");
  CHECK(req.body.empty());
}

TEST_CASE("web_visits.list_visitor_companies sends custom_feed_id, include and paging in the query") {
  auto const req = request_of(lf::web_visits::list_visitor_companies()
                                  .account_id("123456")
                                  .start_date("2026-01-01")
                                  .end_date("2026-01-31")
                                  .custom_feed_id(feed_uuid)
                                  .include(lf::web_visits::include::company)
                                  .page_num(3)
                                  .page_size(100));
  CHECK(req.target() ==
        "/v1/web-visits/companies?account_id=123456&start_date=2026-01-01&end_date=2026-01-31"
        "&custom_feed_id=3f2c9a4e-8b1d-4c6e-9f0a-2d7b5e1c8a93&include=company&page%5Bnum%5D=3&page%5Bsize%5D=100");
}

TEST_CASE("web_visits.list_visitor_companies refuses a start_date that does not exist before sending") {
  lf::error const e = refusal_of(
      lf::web_visits::list_visitor_companies().account_id("123456").start_date("2026-02-30").end_date("2026-03-31"));
  CHECK(e.code == lf::errc::invalid_argument);
  CHECK(e.message.find("start_date") != std::string::npos);
}

TEST_CASE("web_visits.list_visitor_companies refuses an end_date with a two-digit year before sending") {
  lf::error const e = refusal_of(
      lf::web_visits::list_visitor_companies().account_id("123456").start_date("2026-01-01").end_date("26-01-01"));
  CHECK(e.code == lf::errc::invalid_argument);
  CHECK(e.message.find("end_date") != std::string::npos);
}

TEST_CASE("web_visits.list_visitor_companies accepts February 29 of a leap year") {
  auto const req = request_of(
      lf::web_visits::list_visitor_companies().account_id("123456").start_date("2028-02-29").end_date("2028-03-01"));
  CHECK(req.target() == "/v1/web-visits/companies?account_id=123456&start_date=2028-02-29&end_date=2028-03-01");
}

TEST_CASE("lf::items walks web_visits.list_visitor_companies page by page with page[num]") {
  scripted_client t;
  t.script.respond(200, companies_page({{"cl-1", "129011"}, {"cl-2", "129011"}}, 1, 2, 3))
      .respond(200, companies_page({{"cl-3", "555"}}, 2, 2, 3));
  auto const builder = lf::web_visits::list_visitor_companies()
                           .account_id("123456")
                           .start_date("2026-01-01")
                           .end_date("2026-01-31")
                           .custom_feed_id(feed_uuid)
                           .page_size(2);
  std::vector<std::string> rows;
  std::set<std::string> companies;
  for (auto const& row : lf::items(t.client, builder)) {
    REQUIRE(row);
    rows.emplace_back(row->id());
    companies.emplace(row->relationships().company().id());
  }
  CHECK(rows == std::vector<std::string>{"cl-1", "cl-2", "cl-3"});
  CHECK(companies == std::set<std::string>{"129011", "555"});  // rows are per location: deduplicate on company id
  auto const& sent = t.script.requests();
  REQUIRE(sent.size() == 2);
  CHECK(sent[0].target() ==
        "/v1/web-visits/companies?account_id=123456&start_date=2026-01-01&end_date=2026-01-31"
        "&custom_feed_id=3f2c9a4e-8b1d-4c6e-9f0a-2d7b5e1c8a93&page%5Bnum%5D=1&page%5Bsize%5D=2");
  CHECK(sent[1].target() ==
        "/v1/web-visits/companies?account_id=123456&start_date=2026-01-01&end_date=2026-01-31"
        "&custom_feed_id=3f2c9a4e-8b1d-4c6e-9f0a-2d7b5e1c8a93&page%5Bnum%5D=2&page%5Bsize%5D=2");
}

TEST_CASE("a CompanyLocationV1 row decodes its company and its location from relationships") {
  scripted_client t;
  t.script.respond(200, R"({
    "data": [
      {"type": "company_location", "id": "cl-1",
       "relationships": {
         "company": {"id": "129011", "type": "company",
                     "attributes": {"name": "Acme GmbH", "url": "https://acme.example",
                                    "web_engagement": {"last_visit_date": "2026-01-30"}}},
         "location": {"id": "loc-7", "type": "location",
                      "attributes": {"city": "Munich", "country": "Germany", "country_code": "DE",
                                     "region": "Bavaria", "postal_code": "80331"}}}}
    ],
    "meta": {"request_id": "r-companies", "pagination": {"page_num": 1, "page_count": 1, "total_count": 1}}
  })");
  auto r = t.client.send(lf::web_visits::list_visitor_companies()
                             .account_id("123456")
                             .start_date("2026-01-01")
                             .end_date("2026-01-31")
                             .include(lf::web_visits::include::company));
  REQUIRE(r);
  REQUIRE(r->data().size() == 1);
  lf::company_location_view row = r->data().front();
  CHECK(row.type() == "company_location");
  CHECK(row.id() == "cl-1");
  REQUIRE(row.relationships().has_company());
  CHECK(row.relationships().company().id() == "129011");
  CHECK(row.relationships().company().name() == "Acme GmbH");
  CHECK(row.relationships().company().web_engagement().last_visit_date() == "2026-01-30");
  REQUIRE(row.relationships().has_location());
  lf::location_view location = row.relationships().location();
  CHECK(location.city() == "Munich");
  CHECK(location.country() == "Germany");
  CHECK(location.country_code() == "DE");
  CHECK(location.region() == "Bavaria");
  CHECK(location.postal_code() == "80331");
  CHECK(r->meta().pagination().total_count() == 1);
}

TEST_CASE("a CompanyLocationV1 company stub is completed from a top-level included array") {
  scripted_client t;
  t.script.respond(200, R"({
    "data": [{"type": "company_location", "id": "cl-1",
              "relationships": {"company": {"id": 129011, "type": "company"}}}],
    "included": [{"type": "company", "id": "129011", "attributes": {"name": "Acme GmbH"}}]
  })");
  auto r = t.client.send(
      lf::web_visits::list_visitor_companies().account_id("123456").start_date("2026-01-01").end_date("2026-01-31"));
  REQUIRE(r);
  lf::company_view company = r->data().front().relationships().company();
  CHECK(company.id() == "129011");  // an integer id is read as its digits
  CHECK(company.name() == "Acme GmbH");
}
