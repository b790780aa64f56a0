// SPDX-License-Identifier: MIT
// The operations of docs/api-reference.md, 3.13 on the wire: company enrichment jobs and find-contact-data jobs
// (a free estimate, a charging create, a status read), campaigns, and the custom-field filters and
// page-number paging of 3.10. Paths no source gives are [inferred]; these tests pin what the
// library sends for them.
#include <doctest/doctest.h>
#include <test_support.hpp>

#include <leadfeeder/leadfeeder.hpp>
#include <leadfeeder/testing/scripted_transport.hpp>

#include <boost/json.hpp>

#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace lf = leadfeeder;
using test_support::json;
using test_support::refusal_of;
using test_support::request_of;
using test_support::scripted_client;

// ---- companies.estimate_enrichment_job / create_enrichment_job / get_enrichment_job (3.13.6)

TEST_CASE("companies.estimate_enrichment_job POSTs company ids and the AI custom field in data.attributes") {
  auto const req = request_of(lf::companies::estimate_enrichment_job()
                                  .account_id("1")
                                  .company_ids({"129011", "129012"})
                                  .custom_field_id("is_b2b"));
  CHECK(req.method == lf::http_method::post);
  CHECK(req.target() == "/v1/companies/enrichment-jobs/estimate?account_id=1");
  CHECK(json(req.body) ==
        json(R"({"data":{"attributes":{"company_ids":["129011","129012"],"custom_field_id":"is_b2b"}}})"));
  static_assert(!decltype(lf::companies::estimate_enrichment_job())::charges_credits, "the estimate is free");
}

TEST_CASE("companies.create_enrichment_job POSTs a list id to /v1/companies/enrichment-jobs and always charges") {
  auto const req =
      request_of(lf::companies::create_enrichment_job().account_id("1").list_id("company_7").custom_field_id("is_b2b"));
  CHECK(req.method == lf::http_method::post);
  CHECK(req.target() == "/v1/companies/enrichment-jobs?account_id=1");
  CHECK(json(req.body) == json(R"({"data":{"attributes":{"list_id":"company_7","custom_field_id":"is_b2b"}}})"));
  static_assert(decltype(lf::companies::create_enrichment_job())::charges_credits, "creating a job charges (1.12)");
  // Neither or both of company_ids and list_id does not compile
  // (tests/compile_fail/enrichment_job_both_company_ids_and_list_id.cpp).
}

TEST_CASE("companies enrichment jobs refuse, unsent, an empty custom field id and an empty company id") {
  scripted_client t;
  auto r =
      t.client.send(lf::companies::create_enrichment_job().account_id("1").company_ids({"1", ""}).custom_field_id("f"));
  REQUIRE_FALSE(r);
  CHECK(r.error().code == lf::errc::invalid_argument);
  CHECK(t.script.requests().empty());
  CHECK(refusal_of(lf::companies::estimate_enrichment_job().account_id("1").list_id("l").custom_field_id("")).code ==
        lf::errc::invalid_argument);
}

TEST_CASE("companies.create_enrichment_job answers the job, and get_enrichment_job reads its status") {
  scripted_client t;
  t.script
      .respond(201, R"({"data":{"type":"job","id":"job-1","attributes":{"status":"queued","total_count":2}},
                            "meta":{"credits":{"charged":2}}})")
      .respond(200, R"({"data":{"type":"job","id":"job-1","attributes":{"status":"finished","total_count":2,
                        "processed_count":2,"credits_used":2,"errors":[]}}})");
  auto created = t.client.send(
      lf::companies::create_enrichment_job().account_id("1").company_ids({"1", "2"}).custom_field_id("f"));
  REQUIRE(created);
  static_assert(std::is_same_v<decltype(created->data()), lf::job_view>, "a typed job");
  CHECK(created->data().id() == "job-1");
  CHECK(created->data().status() == "queued");
  CHECK(t.client.credits_spent() == 2);
  auto status = t.client.send(lf::companies::get_enrichment_job().job_id("job-1").account_id("1"));
  REQUIRE(status);
  CHECK(t.script.requests()[1].target() == "/v1/companies/enrichment-jobs/job-1?account_id=1");
  CHECK(status->data().status() == "finished");
  CHECK(status->data().processed_count() == 2);
  CHECK(status->data().credits_used() == 2);
  CHECK(status->data().errors().is_array());
  CHECK_FALSE(status->id_changed());
  static_assert(!decltype(lf::companies::get_enrichment_job())::charges_credits, "a status read is free");
}

TEST_CASE("companies.estimate_enrichment_job answers the estimate view") {
  scripted_client t;
  t.script.respond(200, R"({"data":{"type":"job_estimate","id":"e","attributes":{"eligible_count":40,"credits":40}}})");
  auto r =
      t.client.send(lf::companies::estimate_enrichment_job().account_id("1").list_id("company_7").custom_field_id("f"));
  REQUIRE(r);
  static_assert(std::is_same_v<decltype(r->data()), lf::job_estimate_view>, "a typed estimate");
  CHECK(r->data().eligible_count() == 40);
  CHECK(r->data().credits() == 40);
}

// ---- contacts.*_contact_data_job (3.13.7)

TEST_CASE("contacts.estimate_contact_data_job and create_contact_data_job send contact ids, a list id or both") {
  auto const estimate =
      request_of(lf::contacts::estimate_contact_data_job().account_id("1").contact_ids({"3219787601"}));
  CHECK(estimate.method == lf::http_method::post);
  CHECK(estimate.target() == "/v1/contacts/find-contact-data-jobs/estimate?account_id=1");
  CHECK(json(estimate.body) == json(R"({"data":{"attributes":{"contact_ids":["3219787601"]}}})"));
  auto const create =
      request_of(lf::contacts::create_contact_data_job().account_id("1").list_id("contact_3").contact_ids({"9"}));
  CHECK(create.target() == "/v1/contacts/find-contact-data-jobs?account_id=1");
  CHECK(json(create.body) == json(R"({"data":{"attributes":{"contact_ids":["9"],"list_id":"contact_3"}}})"));
  static_assert(!decltype(lf::contacts::estimate_contact_data_job())::charges_credits, "the estimate is free [vendor]");
  static_assert(decltype(lf::contacts::create_contact_data_job())::charges_credits, "creating a job charges [vendor]");
  static_assert(!decltype(lf::contacts::get_contact_data_job())::charges_credits, "a status read is free [vendor]");
}

TEST_CASE(
    "contacts.get_contact_data_job reads /v1/contacts/find-contact-data-jobs/{job_id}; an expired job is not_found") {
  scripted_client t;
  t.script.respond(404, R"({"code":"entity_not_found","message":"Job not found"})");
  auto r = t.client.send(lf::contacts::get_contact_data_job().job_id("j 1").account_id("1"));
  REQUIRE_FALSE(r);
  CHECK(r.error().code == lf::errc::not_found);
  CHECK(t.script.requests()[0].target() == "/v1/contacts/find-contact-data-jobs/j%201?account_id=1");
  CHECK(refusal_of(lf::contacts::get_contact_data_job().job_id("..").account_id("1")).code ==
        lf::errc::invalid_argument);
}

// ---- campaigns (3.13.2 to 3.13.5)

TEST_CASE("campaigns.list is GET /v1/campaigns with typed include values and page-number paging") {
  namespace cm = lf::campaigns;
  auto const req = request_of(cm::list()
                                  .account_id("1")
                                  .include(cm::include::custom_feed, cm::include::campaign_summary, cm::include::list)
                                  .page_num(2)
                                  .page_size(10));
  CHECK(req.method == lf::http_method::get);
  CHECK(req.target() ==
        "/v1/campaigns?account_id=1&include=campaign_summary,list,custom_feed&page%5Bnum%5D=2&page%5Bsize%5D=10");
  static_assert(decltype(cm::list())::pagination == lf::pagination_style::page_number, "page number (1.7)");
  CHECK(refusal_of(cm::list().account_id("1").page_size(101)).code == lf::errc::invalid_argument);
}

TEST_CASE("lf::items walks campaigns.list page by page into campaign views") {
  scripted_client t;
  t.script
      .respond(200, R"({"data":[{"type":"campaign","id":"c1","relationships":{"list":{"type":"list","id":"company_1",
                                      "attributes":{"name":"Hot"}}}}],
                            "meta":{"pagination":{"page_num":1,"page_count":2,"total_count":2}}})")
      .respond(
          200,
          R"({"data":[{"type":"campaign","id":"c2"}],"meta":{"pagination":{"page_num":2,"page_count":2,"total_count":2}}})");
  std::vector<std::string> ids;
  for (auto const& c : lf::items(t.client, lf::campaigns::list().account_id("1"))) {
    REQUIRE(c);
    ids.emplace_back(c->id());
    if (c->id() == "c1") CHECK(c->relationships().list().name() == "Hot");
  }
  CHECK(ids == std::vector<std::string>{"c1", "c2"});
  REQUIRE(t.script.requests().size() == 2);
  CHECK(t.script.requests()[1].target() == "/v1/campaigns?account_id=1&page%5Bnum%5D=2");
}

TEST_CASE("campaigns.get and campaigns.update address /v1/campaigns/{campaign_id} and answer a campaign view") {
  scripted_client t;
  t.script.respond(200, R"({"data":{"type":"campaign","id":"c1","attributes":{"name":"Spring"}}})")
      .respond(200, R"({"data":{"type":"campaign","id":"c1","attributes":{"name":"Summer"}}})");
  auto got = t.client.send(
      lf::campaigns::get().campaign_id("c1").account_id("1").include(lf::campaigns::include::campaign_settings));
  REQUIRE(got);
  static_assert(std::is_same_v<decltype(got->data()), lf::campaign_view>, "a campaign view");
  CHECK(got->data().attributes()["name"].as_string() == "Spring");
  CHECK(t.script.requests()[0].target() == "/v1/campaigns/c1?account_id=1&include=campaign_settings");
  auto updated = t.client.send(
      lf::campaigns::update().campaign_id("c1").account_id("1").extra_fields(json(R"({"name":"Summer"})")));
  REQUIRE(updated);
  CHECK(updated->data().attributes()["name"].as_string() == "Summer");
  CHECK(t.script.requests()[1].method == lf::http_method::patch);
  CHECK(t.script.requests()[1].target() == "/v1/campaigns/c1?account_id=1");
  // The type value is unknown, so no type member goes out.
  CHECK(json(t.script.requests()[1].body) == json(R"({"data":{"attributes":{"name":"Summer"}}})"));
  CHECK(refusal_of(lf::campaigns::update().campaign_id("c1").account_id("1").extra_fields(json("[1]"))).code ==
        lf::errc::invalid_argument);
}

TEST_CASE("campaigns.get_stats sends frequency and a date range, refusing an end before the start") {
  auto const req = request_of(lf::campaigns::get_stats()
                                  .campaign_id("c1")
                                  .account_id("1")
                                  .frequency("week")
                                  .start_period("2026-01-01")
                                  .end_period("2026-03-31"));
  CHECK(req.method == lf::http_method::get);
  CHECK(req.target() ==
        "/v1/campaigns/c1/stats?account_id=1&frequency=week&start_period=2026-01-01&end_period=2026-03-31");
  scripted_client t;
  auto r = t.client.send(lf::campaigns::get_stats()
                             .campaign_id("c1")
                             .account_id("1")
                             .frequency("week")
                             .start_period("2026-03-31")
                             .end_period("2026-01-01"));
  REQUIRE_FALSE(r);
  CHECK(r.error().code == lf::errc::invalid_argument);
  CHECK(r.error().message.find("'end_period' must not be before 'start_period'") != std::string::npos);
  CHECK(t.script.requests().empty());
  CHECK(
      refusal_of(lf::campaigns::get_stats().campaign_id("c1").account_id("1").frequency("day").start_period("2026-1-1"))
          .code == lf::errc::invalid_argument);
  CHECK(refusal_of(lf::campaigns::get_stats().campaign_id("c1").account_id("1").frequency("")).code ==
        lf::errc::invalid_argument);
}

// ---- custom_fields.list (3.10: filters and page-number paging)

TEST_CASE("custom_fields.list sends the scope and type filters and pages by number") {
  auto const req = request_of(lf::custom_fields::list()
                                  .account_id("1")
                                  .filter_scope(lf::custom_fields::scope::contact)
                                  .filter_type("ai_boolean")
                                  .page_num(3)
                                  .page_size(20));
  CHECK(req.target() ==
        "/v1/"
        "custom-fields?account_id=1&filter%5Bscope%5D=contact&filter%5Btype%5D=ai_boolean&page%5Bnum%5D=3&page%5Bsize%"
        "5D=20");
  static_assert(decltype(lf::custom_fields::list())::pagination == lf::pagination_style::page_number, "page number");
  CHECK(refusal_of(lf::custom_fields::list().account_id("1").page_num(0)).code == lf::errc::invalid_argument);
}

TEST_CASE("custom-field ids are internal names: percent-encoded in the path, and create/update answer the field view") {
  scripted_client t;
  t.script.respond(200, R"({"data":{"type":"custom_field","id":"is b2b?","attributes":{}}})")
      .respond(201, R"({"data":{"type":"custom_field","id":"is_b2b","attributes":{"type":"ai_boolean"}}})");
  auto got = t.client.send(lf::custom_fields::get().custom_field_id("is b2b?").account_id("1"));
  REQUIRE(got);
  CHECK(t.script.requests()[0].target() == "/v1/custom-fields/is%20b2b%3F?account_id=1");
  CHECK_FALSE(got->id_changed());
  auto created =
      t.client.send(lf::custom_fields::create().account_id("1").extra_fields(json(R"({"type":"ai_boolean"})")));
  REQUIRE(created);
  static_assert(std::is_same_v<decltype(created->data()), lf::custom_field_view>, "the created field");
  CHECK(created->data().id() == "is_b2b");
}
