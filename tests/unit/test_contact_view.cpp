// SPDX-License-Identifier: MIT
// The docs' Retrieve Contacts example read field by field through lf::contact_view (docs/api-reference.md, 4.1
// to 4.4), the account fixtures, a company relationship given in full (4.6), and how long views live.
#include <doctest/doctest.h>
#include <test_support.hpp>

#include <leadfeeder/leadfeeder.hpp>
#include <leadfeeder/testing/scripted_transport.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lf = leadfeeder;
using test_support::fixture;
using test_support::scripted_client;

namespace {

using contacts_result = lf::result<lf::response<lf::array_view<lf::contact_view>>>;

/// A client that answered the docs' Retrieve Contacts request with the docs' example.
struct docs_example {
  scripted_client t;
  contacts_result r;

  docs_example() : t(), r(send(t)) {}

  /// The one contact of the example.
  lf::contact_view contact() const { return r->data().front(); }

 private:
  static contacts_result send(scripted_client& t) {
    t.script.respond(200, fixture("contacts_retrieve.response.json"));
    return t.client.send(lf::contacts::retrieve()
                             .ids({"3219787601", "3219787635"})
                             .account_id("123456")
                             .include(lf::contacts::include::company));
  }
};

constexpr std::string_view docs_reason =
    "The company provides API-driven identity management and security solutions. While it operates in a "
    "sector relevant to digital footprint and market activity, it does not explicitly analyze growth "
    "trajectories, headcount trends, or market momentum as described in the search query.";

/// A Retrieve Contacts answer where include=company brought the company's attributes inline.
constexpr char const* contact_with_full_company = R"({
  "data": [{
    "type": "contact",
    "id": "435834",
    "attributes": {"first_name": "John", "last_name": "Doe"},
    "relationships": {
      "company": {
        "type": "company",
        "id": "129011",
        "attributes": {
          "name": "Dealfront Group GmbH",
          "url": "https://www.dealfront.com",
          "employee_count": 420,
          "address": {
            "street_address": "Kaiserstraße 229",
            "postal_code": "76133",
            "city": "Karlsruhe",
            "region": "Baden-Württemberg",
            "country": "Germany",
            "country_code": "DE"
          },
          "industries": {
            "industry": [
              {"code": "software_development", "name": "Software Development"},
              {"code": "it_services", "name": "IT Services and IT Consulting"}
            ]
          },
          "revenue": {"value": 52500000.5, "value_eur": 52500000.5, "currency": "EUR", "year": 2024, "estimated": true},
          "meta": {"do_not_contact": true, "num_contacts": 37}
        }
      }
    }
  }],
  "meta": {"credits": {"charged": 1}, "request_id": "9b1c4e0e-0000-4000-8000-000000000001"}
})";

}  // namespace

// ---- The docs' contact, field by field

TEST_CASE("the docs' contact is one resource of type contact with id 435834") {
  docs_example ex;
  REQUIRE(ex.r);
  REQUIRE(ex.r->data().size() == 1);
  lf::contact_view c = ex.contact();
  CHECK(c.type() == "contact");
  CHECK(c.id() == "435834");
}

TEST_CASE("the docs' contact: address") {
  docs_example ex;
  REQUIRE(ex.r);
  lf::contact_address_view a = ex.contact().address();
  CHECK(a.city() == "Karlsruhe");
  CHECK(a.country_code() == "DE");
  CHECK(a.country() == "Germany");
}

TEST_CASE("the docs' contact: names, title, gender, affiliation and hierarchy level") {
  docs_example ex;
  REQUIRE(ex.r);
  lf::contact_view c = ex.contact();
  CHECK(c.first_name() == "John");
  CHECK(c.last_name() == "Doe");
  CHECK(c.title() == "Dr.");
  CHECK(c.gender() == "male");
  CHECK(c.affiliation() == "employee");
  CHECK(c.hierarchy_level() == "employees");
}

TEST_CASE("the docs' contact: custom_fields is a map of type, value and reason") {
  docs_example ex;
  REQUIRE(ex.r);
  auto fields = ex.contact().custom_fields();
  REQUIRE(fields.size() == 2);
  CHECK(fields.contains("property1"));
  CHECK(fields.contains("property2"));
  CHECK_FALSE(fields.contains("property3"));

  std::vector<std::string> keys;
  for (auto const& entry : fields) {
    keys.emplace_back(entry.key);
    CAPTURE(entry.key);
    CHECK(entry.value.type() == "ai_boolean");
    CHECK(entry.value.value().is_string());
    CHECK(entry.value.value().as_string() == "Germany");
    CHECK(entry.value.reason() == docs_reason);
  }
  CHECK(keys == std::vector<std::string>{"property1", "property2"});

  lf::custom_field_value_view p1 = fields["property1"];
  CHECK(p1.type() == "ai_boolean");
  CHECK(p1.value().as_string() == "Germany");
  CHECK(p1.reason() == docs_reason);
  CHECK(fields["property2"].value().as_string() == "Germany");
  CHECK_FALSE(fields["property3"].exists());
}

TEST_CASE("the docs' contact: departments") {
  docs_example ex;
  REQUIRE(ex.r);
  auto departments = ex.contact().departments();
  REQUIRE(departments.size() == 2);
  CHECK(departments[0] == "marketing_department");
  CHECK(departments[1] == "students_apprentices");
  std::vector<std::string_view> all(departments.begin(), departments.end());
  CHECK(all == std::vector<std::string_view>{"marketing_department", "students_apprentices"});
}

TEST_CASE("the docs' contact: emails with address and source") {
  docs_example ex;
  REQUIRE(ex.r);
  auto emails = ex.contact().emails();
  REQUIRE(emails.size() == 1);
  CHECK(emails[0].address() == "info@leadfeeder.com");
  CHECK(emails[0].source() == "fullenrich");
}

TEST_CASE("the docs' contact: phones with number, type, blacklisted and source") {
  docs_example ex;
  REQUIRE(ex.r);
  auto phones = ex.contact().phones();
  REQUIRE(phones.size() == 1);
  lf::contact_phone_view p = phones.front();
  CHECK(p.number() == "+49 721 50057501");
  CHECK(p.type() == "landline");
  CHECK(p.has_blacklisted());
  CHECK_FALSE(p.blacklisted());
  CHECK(p.source() == "fullenrich");
}

TEST_CASE("the docs' contact: position title in UTF-8 and its language code") {
  docs_example ex;
  REQUIRE(ex.r);
  lf::contact_position_view position = ex.contact().position();
  CHECK(position.title() == "Geschäftsführer");
  CHECK(position.title() ==
        "Gesch\xC3\xA4"
        "ftsf\xC3\xBC"
        "hrer");
  CHECK(position.title().size() == 17);  // 15 characters, two of them two bytes long
  CHECK(position.language_code() == "DE");
}

TEST_CASE("the docs' contact: public_sources with type and url") {
  docs_example ex;
  REQUIRE(ex.r);
  auto sources = ex.contact().public_sources();
  REQUIRE(sources.size() == 1);
  CHECK(sources[0].type() == "homepage");
  CHECK(sources[0].url() == "https://crowdfunding.dossier.at/unterstuetzerinnen/");
}

TEST_CASE("the docs' contact: social_media_profiles of all seven networks, empty ones and null sources") {
  docs_example ex;
  REQUIRE(ex.r);
  lf::social_media_profiles_view s = ex.contact().social_media_profiles();

  REQUIRE(s.facebook().size() == 1);
  CHECK(s.facebook()[0].url() == "https://www.facebook.com/getdealfront");
  CHECK(s.facebook()[0].source() == "fullenrich");
  CHECK(s.facebook()[0].has_source());

  REQUIRE(s.instagram().size() == 1);
  CHECK(s.instagram()[0].url() == "https://instagram.com/getdealfront");
  CHECK_FALSE(s.instagram()[0].has_source());  // "source": null
  CHECK(s.instagram()[0].source().empty());

  REQUIRE(s.linkedin().size() == 1);
  CHECK(s.linkedin()[0].url() == "https://www.linkedin.com/company/dealfront");
  CHECK(s.linkedin()[0].source() == "fullenrich");

  REQUIRE(s.twitter().size() == 1);
  CHECK(s.twitter()[0].url() == "https://twitter.com/getdealfront");
  CHECK_FALSE(s.twitter()[0].has_source());
  CHECK(s.twitter()[0].source().empty());

  // Present but empty: has_<network>() is true and the list is empty.
  CHECK(s.has_pinterest());
  CHECK(s.pinterest().empty());
  CHECK(s.has_xing());
  CHECK(s.xing().empty());
  CHECK(s.has_youtube());
  CHECK(s.youtube().empty());
}

TEST_CASE("the docs' contact: relationships.company is a stub with id and type only") {
  docs_example ex;
  REQUIRE(ex.r);
  lf::contact_relationships_view rel = ex.contact().relationships();
  CHECK(rel.has_company());
  lf::company_view company = rel.company();
  CHECK(company.exists());
  CHECK(company.id() == "129011");
  CHECK(company.type() == "company");
  CHECK_FALSE(company.has_name());
  CHECK(company.name().empty());
  CHECK_FALSE(company.attributes().exists());
}

TEST_CASE("the docs' contact: relationships.lists hold full lists with their creator") {
  docs_example ex;
  REQUIRE(ex.r);
  auto lists = ex.contact().relationships().lists();
  REQUIRE(lists.size() == 1);
  lf::list_view list = lists.front();
  CHECK(list.type() == "list");
  CHECK(list.id() == "company_123");
  CHECK(list.name() == "US Prospects");
  CHECK(list.scope() == "company");
  CHECK(list.created_at() == "2024-12-10T15:57:25Z");
  CHECK(list.updated_at() == "2024-11-24T11:50:00Z");
  CHECK(list.relationships().has_created_by());
  lf::user_view creator = list.relationships().created_by();
  CHECK(creator.id() == "12345");
  CHECK(creator.type() == "user");
}

TEST_CASE("the docs' contact: relationships.buyer_personas hold full personas with their filters") {
  docs_example ex;
  REQUIRE(ex.r);
  auto personas = ex.contact().relationships().buyer_personas();
  REQUIRE(personas.size() == 1);
  lf::buyer_persona_view persona = personas.front();
  CHECK(persona.type() == "buyer_persona");
  CHECK(persona.id() == "7421");
  CHECK(persona.name() == "Sales Managers");
  CHECK(persona.created_at() == "2024-12-10T15:57:25Z");

  lf::buyer_persona_filters_view filters = persona.filters();
  for (auto const& items : {filters.department(), filters.job_title(), filters.location(), filters.seniority()}) {
    REQUIRE(items.size() == 1);
    CHECK(items[0].search_value() == "US");
    CHECK(items[0].display_value() == "United States");
    CHECK(items[0].has_negated());
    CHECK_FALSE(items[0].negated());
  }
}

TEST_CASE("the docs' contact: meta holds credits.charged and request_id") {
  docs_example ex;
  REQUIRE(ex.r);
  CHECK(ex.r->meta().credits().charged() == 1);
  CHECK(ex.r->meta().request_id() == "cf054205-dd8c-4473-8689-07c30fe0789f");
  CHECK_FALSE(ex.r->meta().has_pagination());  // Retrieve Contacts is not paginated
}

TEST_CASE("the docs' contact: has_<key>() is true for every field present") {
  docs_example ex;
  REQUIRE(ex.r);
  lf::contact_view c = ex.contact();
  CHECK(c.has_id());
  CHECK(c.has_type());
  CHECK(c.has_address());
  CHECK(c.has_affiliation());
  CHECK(c.has_custom_fields());
  CHECK(c.has_departments());
  CHECK(c.has_emails());
  CHECK(c.has_first_name());
  CHECK(c.has_gender());
  CHECK(c.has_hierarchy_level());
  CHECK(c.has_last_name());
  CHECK(c.has_phones());
  CHECK(c.has_position());
  CHECK(c.has_public_sources());
  CHECK(c.has_social_media_profiles());
  CHECK(c.has_title());
  CHECK(c.has_relationships());

  CHECK(c.address().has_city());
  CHECK(c.address().has_country_code());
  CHECK(c.address().has_country());

  lf::custom_field_value_view field = c.custom_fields()["property1"];
  CHECK(field.has_type());
  CHECK(field.has_value());
  CHECK(field.has_reason());

  CHECK(c.emails()[0].has_address());
  CHECK(c.emails()[0].has_source());

  CHECK(c.phones()[0].has_number());
  CHECK(c.phones()[0].has_type());
  CHECK(c.phones()[0].has_blacklisted());
  CHECK(c.phones()[0].has_source());

  CHECK(c.position().has_title());
  CHECK(c.position().has_language_code());

  CHECK(c.public_sources()[0].has_type());
  CHECK(c.public_sources()[0].has_url());

  lf::social_media_profiles_view s = c.social_media_profiles();
  CHECK(s.has_facebook());
  CHECK(s.has_instagram());
  CHECK(s.has_linkedin());
  CHECK(s.has_pinterest());
  CHECK(s.has_twitter());
  CHECK(s.has_xing());
  CHECK(s.has_youtube());
  CHECK(s.facebook()[0].has_url());

  lf::contact_relationships_view rel = c.relationships();
  CHECK(rel.has_company());
  CHECK(rel.has_lists());
  CHECK(rel.has_buyer_personas());
  CHECK(rel.company().has_id());
  CHECK(rel.company().has_type());

  lf::list_view list = rel.lists()[0];
  CHECK(list.has_id());
  CHECK(list.has_type());
  CHECK(list.has_name());
  CHECK(list.has_scope());
  CHECK(list.has_created_at());
  CHECK(list.has_updated_at());
  CHECK(list.has_relationships());
  CHECK(list.relationships().created_by().has_id());
  CHECK(list.relationships().created_by().has_type());

  lf::buyer_persona_view persona = rel.buyer_personas()[0];
  CHECK(persona.has_id());
  CHECK(persona.has_type());
  CHECK(persona.has_name());
  CHECK(persona.has_created_at());
  CHECK(persona.has_filters());
  CHECK(persona.filters().has_department());
  CHECK(persona.filters().has_job_title());
  CHECK(persona.filters().has_location());
  CHECK(persona.filters().has_seniority());
  lf::filter_item_view item = persona.filters().department()[0];
  CHECK(item.has_search_value());
  CHECK(item.has_display_value());
  CHECK(item.has_negated());

  CHECK(ex.r->meta().has_request_id());
  CHECK(ex.r->meta().has_credits());
  CHECK(ex.r->meta().credits().has_charged());
}

TEST_CASE("a relationship that is neither an object nor an array counts as absent") {
  scripted_client t;
  t.script.respond(200, R"({"data":[{"type":"contact","id":"435834",
                                     "relationships":{"company":"129011","lists":7,"buyer_personas":true}}]})");
  auto r = t.client.send(lf::contacts::retrieve().ids({"435834"}).account_id("123456"));
  REQUIRE(r);
  lf::contact_relationships_view rel = r->data().front().relationships();
  // Reading is lenient either way: the views are empty.
  CHECK_FALSE(rel.company().exists());
  CHECK(rel.lists().empty());
  CHECK(rel.buyer_personas().empty());
  // docs/contract.md: has_<key>() is true only when the key holds a value of the expected type.
  CHECK_FALSE(rel.has_company());
  CHECK_FALSE(rel.has_lists());
  CHECK_FALSE(rel.has_buyer_personas());
}

// ---- Accounts

TEST_CASE("accounts_list: account summaries with their names and ids") {
  scripted_client t;
  t.script.respond(200, fixture("accounts_list.response.json"));
  auto r = t.client.send(lf::accounts::list());
  REQUIRE(r);
  auto accounts = r->data();
  REQUIRE(accounts.size() == 2);
  std::vector<std::pair<std::string, std::string>> seen;
  for (lf::account_summary_view a : accounts) {
    CHECK(a.type() == "account_summary");
    seen.emplace_back(std::string(a.id()), std::string(a.name()));
  }
  CHECK(seen == std::vector<std::pair<std::string, std::string>>{{"123456", "Account 1"}, {"789012", "Account 2"}});
  CHECK(r->meta().request_id() == "cf054205-dd8c-4473-8689-07c30fe0789f");
}

TEST_CASE("accounts_list_with_account_id: one account with its credits") {
  scripted_client t;
  t.script.respond(200, fixture("accounts_list_with_account_id.response.json"));
  auto r = t.client.send(lf::accounts::list().account_id("123456"));
  REQUIRE(r);
  REQUIRE(r->data().size() == 1);
  lf::account_view account = r->data().front();
  CHECK(account.type() == "account");
  CHECK(account.id() == "123456");
  CHECK(account.name() == "Account 1");
  CHECK(account.has_credits());
  lf::account_credits_view credits = account.credits();
  CHECK(credits.available() == 1000);
  CHECK(credits.used() == 200);
  CHECK(credits.remaining() == 800);
  CHECK(credits.next_reset_on() == "2026-10-01");
}

TEST_CASE("accounts_accountresponse_schema: an integer account id reads as its decimal text") {
  scripted_client t;
  t.script.respond(200, fixture("accounts_accountresponse_schema.response.json"));
  auto r = t.client.send(lf::accounts::list().account_id("36744212"));
  REQUIRE(r);
  REQUIRE(r->data().size() == 1);
  lf::account_view account = r->data().front();
  CHECK(account.has_id());
  CHECK(account.id() == "36744212");
  CHECK(account.name() == "Dealfront Group GmbH");
  CHECK(account.credits().available() == 10000);
  CHECK(account.credits().used() == 520);
  CHECK(account.credits().remaining() == 9480);
  CHECK(account.credits().next_reset_on() == "2026-10-01");
}

// ---- A company relationship in full

TEST_CASE("a company relationship given in full is read through relationships().company()") {
  scripted_client t;
  t.script.respond(200, contact_with_full_company);
  auto r = t.client.send(
      lf::contacts::retrieve().ids({"435834"}).account_id("123456").include(lf::contacts::include::company));
  REQUIRE(r);
  lf::company_view company = r->data().front().relationships().company();
  CHECK(company.id() == "129011");
  CHECK(company.type() == "company");
  CHECK(company.has_name());
  CHECK(company.name() == "Dealfront Group GmbH");
  CHECK(company.url() == "https://www.dealfront.com");
  CHECK(company.employee_count() == 420);

  lf::company_address_view address = company.address();
  CHECK(address.street_address() == "Kaiserstraße 229");
  CHECK(address.postal_code() == "76133");
  CHECK(address.city() == "Karlsruhe");
  CHECK(address.region() == "Baden-Württemberg");
  CHECK(address.country() == "Germany");
  CHECK(address.country_code() == "DE");

  auto industries = company.industries().industry();
  REQUIRE(industries.size() == 2);
  CHECK(industries[0].code() == "software_development");
  CHECK(industries[0].name() == "Software Development");
  CHECK(industries[1].code() == "it_services");
  CHECK(industries[1].name() == "IT Services and IT Consulting");
  CHECK_FALSE(company.industries().has_wz());

  lf::company_revenue_view revenue = company.revenue();
  CHECK(revenue.value() == doctest::Approx(52500000.5));
  CHECK(revenue.value_eur() == doctest::Approx(52500000.5));
  CHECK(revenue.currency() == "EUR");
  CHECK(revenue.year() == 2024);
  CHECK(revenue.has_estimated());
  CHECK(revenue.estimated());

  CHECK(company.meta().has_do_not_contact());
  CHECK(company.meta().do_not_contact());
  CHECK(company.meta().num_contacts() == 37);
}

// ---- How long views live

TEST_CASE("views stay valid after the result is moved into another variable") {
  scripted_client t;
  t.script.respond(200, fixture("contacts_retrieve.response.json"));
  auto r = t.client.send(lf::contacts::retrieve().ids({"435834"}).account_id("123456"));
  REQUIRE(r);
  lf::contact_view c = r->data().front();
  std::string_view const title = c.position().title();
  lf::list_view list = c.relationships().lists().front();

  auto kept = std::move(r);
  REQUIRE(kept);
  CHECK(c.first_name() == "John");
  CHECK(title == "Geschäftsführer");
  CHECK(list.name() == "US Prospects");
  CHECK(kept->data().front().id() == "435834");
  CHECK(kept->meta().request_id() == "cf054205-dd8c-4473-8689-07c30fe0789f");
}

TEST_CASE("views stay valid after the client is destroyed") {
  auto r = [] {
    scripted_client t;
    t.script.respond(200, fixture("contacts_retrieve.response.json"));
    return t.client.send(lf::contacts::retrieve().ids({"435834"}).account_id("123456"));
  }();  // the client, its transport and its parser are gone here
  REQUIRE(r);
  lf::contact_view c = r->data().front();
  CHECK(c.first_name() == "John");
  CHECK(c.emails().front().address() == "info@leadfeeder.com");
  CHECK(c.custom_fields()["property2"].value().as_string() == "Germany");
  CHECK(c.relationships().buyer_personas().front().filters().location().front().display_value() == "United States");
  CHECK(r->meta().credits().charged() == 1);
}

TEST_CASE("views of one result stay valid while the same client makes later calls") {
  scripted_client t;
  t.script.respond(200, fixture("contacts_retrieve.response.json"));
  t.script.respond(200, fixture("accounts_list.response.json"));
  auto contacts = t.client.send(lf::contacts::retrieve().ids({"435834"}).account_id("123456"));
  REQUIRE(contacts);
  lf::contact_view c = contacts->data().front();

  auto accounts = t.client.send(lf::accounts::list());
  REQUIRE(accounts);
  CHECK(accounts->data()[1].name() == "Account 2");
  CHECK(c.first_name() == "John");
  CHECK(c.address().city() == "Karlsruhe");
  CHECK(contacts->body().find("\"435834\"") != std::string_view::npos);
}
