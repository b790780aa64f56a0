// SPDX-License-Identifier: MIT
// The command-line example (examples/cli): run_cli over the scripted transport. For each group of
// commands, the request formed and what is printed; --json, --all, usage errors, API errors, and
// the key that never shows.
#include <doctest/doctest.h>
#include <leadfeeder/leadfeeder.hpp>
#include <leadfeeder/testing/scripted_transport.hpp>
#include <test_support.hpp>

#include "../cli.hpp"
#include "cli_test_support.hpp"

#include <sstream>
#include <string>
#include <system_error>
#include <vector>

namespace lf = leadfeeder;

namespace {

using cli_test::contains;
using cli_test::count_lines;

char const* const secret_key = "sk-live-SECRET-0123456789";

// A client over a scripted transport, and the two streams of the program.
struct cli {
  lf::testing::scripted_transport script;
  lf::client<lf::testing::scripted_transport> client;
  std::ostringstream out;
  std::ostringstream err;

  cli() : script(), client(script, options()) {}

  static lf::client_options options() {
    lf::client_options o;
    o.api_key = secret_key;
    return o;
  }

  int run(std::vector<std::string> const& args) {
    out.str("");
    err.str("");
    return leadfeeder_cli::run_cli(args, client, out, err);
  }
  std::size_t sent() const { return script.requests().size(); }
  lf::testing::recorded_request const& request(std::size_t i) const { return script.requests()[i]; }
};

char const* const contact_body = R"({"data":{"type":"contact","id":"435834","attributes":{
  "first_name":"John","last_name":"Doe","title":"Dr.","position":{"title":"CEO","language_code":"EN"},
  "emails":[{"address":"john@example.com"},{"address":"jd@example.org"}]},
  "relationships":{"company":{"type":"company","id":"129011"}}},"meta":{"request_id":"r-1"}})";

// A contacts.search page with the given ids and next cursor (null when empty).
std::string contact_page(std::vector<std::string> const& ids, std::string const& next_cursor) {
  std::string body = R"({"data":[)";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i != 0) body += ',';
    body += R"({"type":"contact_summary","id":")" + ids[i] + R"(","attributes":{"first_name":"F)" + ids[i] +
            R"(","last_name":"L","position":{"title":"CTO"}},"relationships":{"company":{"id":"c)" + ids[i] + R"("}}})";
  }
  body += "],\n  \"meta\":{\"request_id\":\"r\",\"pagination\":{\"next_cursor\":";
  body += next_cursor.empty() ? std::string("null") : "\"" + next_cursor + "\"";
  return body + "}}}\n";
}

// A page-number page of web visits.
std::string visit_page(std::vector<std::string> const& ids, int page, int count) {
  std::string body = R"({"data":[)";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i != 0) body += ',';
    body += R"({"type":"web_visit","id":")" + ids[i] +
            R"(","attributes":{"started_at":"2026-01-05T10:00:00Z","page_depth":3,"visit_length":120,
               "source":"google","medium":"organic","landing_page_path":"/pricing"},
             "relationships":{"company":{"type":"company","id":"129011"},
               "location":{"type":"visit_location","attributes":{"city":"Helsinki","country_code":"FI"}}}})";
  }
  return body + R"(],"meta":{"request_id":"r","pagination":{"page_num":)" + std::to_string(page) + R"(,"page_count":)" +
         std::to_string(count) + R"(,"total_count":3}}})";
}

}  // namespace

// ---- accounts

TEST_CASE("cli: accounts lists the accounts the key reaches in a table") {
  cli t;
  t.script.respond(200, R"({"data":[
    {"type":"account_summary","id":"123456","attributes":{"name":"Account 1"}},
    {"type":"account_summary","id":"789","attributes":{"name":"Second account"}}],"meta":{"request_id":"x"}})");
  CHECK(t.run({"accounts"}) == 0);
  REQUIRE(t.sent() == 1);
  CHECK(t.request(0).method == lf::http_method::get);
  CHECK(t.request(0).url == "https://api.leadfeeder.com/v1/accounts");
  CHECK(t.request(0).body.empty());
  CHECK(t.out.str() ==
        "ID      NAME\n"
        "123456  Account 1\n"
        "789     Second account\n");
  CHECK(t.err.str().empty());
}

TEST_CASE("cli: accounts --account shows that account's credits") {
  cli t;
  t.script.respond(200, R"({"data":[{"type":"account","id":"123456","attributes":{"name":"Account 1",
    "credits":{"available":1000,"used":200,"remaining":800,"next_reset_on":"2026-12-01"}}}],"meta":{}})");
  CHECK(t.run({"accounts", "--account", "123456"}) == 0);
  CHECK(t.request(0).target() == "/v1/accounts?account_id=123456");
  CHECK(t.out.str() ==
        "ID      NAME       AVAILABLE  USED  REMAINING  NEXT RESET\n"
        "123456  Account 1  1000       200   800        2026-12-01\n");
}

// ---- contacts

TEST_CASE("cli: contacts get forms the request with includes and prints the contact") {
  cli t;
  t.script.respond(200, contact_body);
  CHECK(t.run({"contacts", "get", "435834", "--account", "123456", "--include", "company,lists",
               "--include=buyer_personas"}) == 0);
  REQUIRE(t.sent() == 1);
  CHECK(t.request(0).method == lf::http_method::get);
  CHECK(t.request(0).url ==
        "https://api.leadfeeder.com/v1/contacts/435834?account_id=123456&include=company,lists,buyer_personas");
  CHECK(t.out.str() ==
        "ID      NAME          TITLE  COMPANY ID  EMAILS\n"
        "435834  Dr. John Doe  CEO    129011      john@example.com, jd@example.org\n");
}

TEST_CASE("cli: contacts retrieve sends the ids comma-separated") {
  cli t;
  t.script.respond(200, R"({"data":[{"type":"contact","id":"1","attributes":{"first_name":"Ann"}},
                                    {"type":"contact","id":2,"attributes":{"first_name":"Bo","last_name":"Ek"}}]})");
  CHECK(t.run({"contacts", "retrieve", "1", "2", "--account", "9"}) == 0);
  CHECK(t.request(0).target() == "/v1/contacts?ids=1,2&account_id=9");
  CHECK(t.out.str() ==
        "ID  NAME   TITLE  COMPANY ID  EMAILS\n"
        "1   Ann\n"
        "2   Bo Ek\n");
}

TEST_CASE("cli: contacts search sends one page's criteria and prints the next cursor") {
  cli t;
  t.script.respond(200, contact_page({"1", "2"}, "c2"));
  CHECK(t.run({"contacts", "search", "--account", "7", "--term", "cto", "--term", "ceo", "--email", "a@b.c",
               "--company-id", "129011", "--department", "sales_department", "--page-size", "2"}) == 0);
  REQUIRE(t.sent() == 1);
  CHECK(t.request(0).method == lf::http_method::post);
  CHECK(t.request(0).target() == "/v1/contacts/search?account_id=7&page%5Bsize%5D=2");
  CHECK(
      t.request(0).body ==
      R"({"search_terms":["cto","ceo"],"emails":["a@b.c"],"company_ids":["129011"],"departments":["sales_department"]})");
  CHECK(t.out.str() ==
        "ID  NAME  TITLE  COMPANY ID  EMAILS\n"
        "1   F1 L  CTO    c1\n"
        "2   F2 L  CTO    c2\n"
        "next cursor: c2\n");
}

TEST_CASE("cli: contacts search --cursor continues from a printed cursor") {
  cli t;
  t.script.respond(200, contact_page({"3"}, ""));
  CHECK(t.run({"contacts", "search", "--account", "7", "--term", "cto", "--cursor", "c2"}) == 0);
  CHECK(t.request(0).target() == "/v1/contacts/search?account_id=7&page%5Bcursor%5D=c2");
  CHECK_FALSE(contains(t.out.str(), "next cursor"));
}

TEST_CASE("cli: contacts search --all walks both pages into one table") {
  cli t;
  t.script.respond(200, contact_page({"1", "2"}, "c2")).respond(200, contact_page({"3"}, ""));
  CHECK(t.run({"contacts", "search", "--all", "--account", "7", "--term", "cto"}) == 0);
  REQUIRE(t.sent() == 2);
  CHECK(t.request(0).target() == "/v1/contacts/search?account_id=7");
  CHECK(t.request(1).target() == "/v1/contacts/search?account_id=7&page%5Bcursor%5D=c2");
  CHECK(t.request(1).body == R"({"search_terms":["cto"]})");
  CHECK(t.out.str() ==
        "ID  NAME  TITLE  COMPANY ID  EMAILS\n"
        "1   F1 L  CTO    c1\n"
        "2   F2 L  CTO    c2\n"
        "3   F3 L  CTO    c3\n");
}

TEST_CASE("cli: --json --all prints each page's body as one line") {
  cli t;
  std::string const first = contact_page({"1", "2"}, "c2"), second = contact_page({"3"}, "");
  t.script.respond(200, first).respond(200, second);
  CHECK(t.run({"contacts", "search", "--account", "7", "--term", "cto", "--all", "--json"}) == 0);
  CHECK(t.sent() == 2);
  std::string const out = t.out.str();
  REQUIRE(count_lines(out) == 2);
  std::string const line1 = out.substr(0, out.find('\n'));
  std::string const line2 = out.substr(out.find('\n') + 1);
  // The bodies are pretty-printed over two lines (and end with one); each becomes one line.
  auto one_line = [](std::string body) {
    body.pop_back();  // the final line break
    for (char& c : body) c = c == '\n' ? ' ' : c;
    return body;
  };
  CHECK(line1 == one_line(first));
  CHECK(line2 == one_line(second) + "\n");
  CHECK(contains(line1, R"("next_cursor":"c2")"));
  CHECK_FALSE(contains(out, "next cursor:"));
}

TEST_CASE("cli: --json prints the raw body of a single answer") {
  cli t;
  CHECK(t.run({"--json", "contacts", "get", "435834", "--account", "1"}) == 2);  // options follow the command
  t.script.respond(200, R"({"data":{"id":"1"},"meta":{"request_id":"r"}})");
  CHECK(t.run({"contacts", "get", "1", "--json", "--account", "1"}) == 0);
  CHECK(t.out.str() == "{\"data\":{\"id\":\"1\"},\"meta\":{\"request_id\":\"r\"}}\n");
}

// ---- companies

TEST_CASE("cli: companies get says when the API answered with a merged record's new id") {
  cli t;
  t.script.respond(200, R"({"data":{"type":"company","id":"555","attributes":{"name":"Dealfront Group GmbH",
    "url":"https://www.dealfront.com","employee_range":"101-500","address":{"city":"Karlsruhe","country_code":"DE"}}},
    "meta":{"request_id":"r"}})");
  CHECK(t.run({"companies", "get", "129011", "--account", "1", "--include", "tags"}) == 0);
  CHECK(t.request(0).target() == "/v1/companies/129011?account_id=1&include=tags");
  CHECK(t.out.str() ==
        "id changed: 129011 -> 555\n"
        "ID   NAME                  URL                        EMPLOYEES  LOCATION\n"
        "555  Dealfront Group GmbH  https://www.dealfront.com  101-500    Karlsruhe, DE\n");

  // With --json the notice goes to the error stream and the output stays JSON.
  t.script.respond(200, R"({"data":{"type":"company","id":"555"}})");
  CHECK(t.run({"companies", "get", "129011", "--account", "1", "--json"}) == 0);
  CHECK(t.out.str() == "{\"data\":{\"type\":\"company\",\"id\":\"555\"}}\n");
  CHECK(t.err.str() == "id changed: 129011 -> 555\n");
}

TEST_CASE("cli: companies get of an unchanged id prints no notice") {
  cli t;
  t.script.respond(200, R"({"data":{"type":"company","id":"129011","attributes":{"name":"Acme"}}})");
  CHECK(t.run({"companies", "get", "129011", "--account", "1"}) == 0);
  CHECK_FALSE(contains(t.out.str(), "id changed"));
}

TEST_CASE("cli: companies search sends terms and employee ranges") {
  cli t;
  t.script.respond(200, R"({"data":[{"type":"company_summary","id":"9","attributes":{"name":"Acme Oy",
    "url":"acme.fi","employee_range":"51-200","address":{"city":"Espoo","country_code":"FI"}}}],
    "meta":{"pagination":{"next_cursor":null}}})");
  CHECK(t.run({"companies", "search", "--account", "1", "--term", "acme", "--employee-range", "51-200",
               "--employee-range", "201-500"}) == 0);
  CHECK(t.request(0).method == lf::http_method::post);
  CHECK(t.request(0).target() == "/v1/companies/search?account_id=1");
  CHECK(t.request(0).body == R"({"search_terms":["acme"],"employee_ranges":["51-200","201-500"]})");
  CHECK(t.out.str() ==
        "ID  NAME     URL      EMPLOYEES  LOCATION\n"
        "9   Acme Oy  acme.fi  51-200     Espoo, FI\n");
}

// ---- web visits

TEST_CASE("cli: web-visits sends the dates and countries and prints the page position") {
  cli t;
  t.script.respond(200, visit_page({"v1", "v2"}, 1, 2));
  CHECK(t.run({"web-visits", "--account", "1", "--from", "2026-01-01", "--to", "2026-01-31", "--country", "FI",
               "--country", "DE", "--page-size", "2"}) == 0);
  CHECK(t.request(0).method == lf::http_method::post);
  CHECK(t.request(0).target() == "/v1/web-visits?account_id=1&page%5Bsize%5D=2");
  CHECK(t.request(0).body ==
        R"({"start_date":"2026-01-01","end_date":"2026-01-31","filters":{"location_country_codes":["FI","DE"]}})");
  CHECK(t.out.str() ==
        "ID  STARTED AT            COMPANY ID  LOCATION      PAGES  SECONDS  SOURCE            LANDING PAGE\n"
        "v1  2026-01-05T10:00:00Z  129011      Helsinki, FI  3      120      google / organic  /pricing\n"
        "v2  2026-01-05T10:00:00Z  129011      Helsinki, FI  3      120      google / organic  /pricing\n"
        "page 1 of 2 (3 in all)\n");
}

TEST_CASE("cli: web-visits --all follows the page numbers") {
  cli t;
  t.script.respond(200, visit_page({"v1", "v2"}, 1, 2)).respond(200, visit_page({"v3"}, 2, 2));
  CHECK(t.run({"web-visits", "--account", "1", "--from", "2026-01-01", "--to", "2026-01-31", "--all"}) == 0);
  REQUIRE(t.sent() == 2);
  CHECK(t.request(0).target() == "/v1/web-visits?account_id=1&page%5Bnum%5D=1");
  CHECK(t.request(1).target() == "/v1/web-visits?account_id=1&page%5Bnum%5D=2");
  CHECK(count_lines(t.out.str()) == 4);  // the header and three visits
  CHECK(contains(t.out.str(), "\nv3  "));
}

// ---- lists

TEST_CASE("cli: lists create posts the list resource and prints the created list") {
  cli t;
  t.script.respond(201, R"({"data":{"type":"list","id":"contact_42","attributes":{"name":"Prospects",
    "scope":"contact","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z"}}})");
  CHECK(t.run({"lists", "create", "Prospects", "--scope", "contact", "--account", "1"}) == 0);
  CHECK(t.request(0).method == lf::http_method::post);
  CHECK(t.request(0).target() == "/v1/lists?account_id=1");
  CHECK(t.request(0).body == R"({"data":{"type":"list","attributes":{"name":"Prospects","scope":"contact"}}})");
  CHECK(t.out.str() ==
        "ID          NAME       SCOPE    CREATED AT            UPDATED AT\n"
        "contact_42  Prospects  contact  2026-01-01T00:00:00Z  2026-01-01T00:00:00Z\n");
}

TEST_CASE("cli: lists list, update and delete") {
  cli t;
  t.script
      .respond(200, R"({"data":[{"type":"list","id":"company_1","attributes":{"name":"Hot","scope":"company"}}],
                            "meta":{"pagination":{"page_num":1,"page_count":1}}})")
      .respond(200, R"({"data":{"type":"list","id":"company_1","attributes":{"name":"Hotter","scope":"company"}}})")
      .respond(204, "");
  CHECK(t.run({"lists", "list", "--account", "1", "--scope", "company"}) == 0);
  CHECK(t.request(0).target() == "/v1/lists?account_id=1&filter%5Bscope%5D=company");
  CHECK(t.out.str() ==
        "ID         NAME  SCOPE    CREATED AT  UPDATED AT\n"
        "company_1  Hot   company\n"
        "page 1 of 1\n");

  CHECK(t.run({"lists", "update", "company_1", "--name", "Hotter", "--account", "1"}) == 0);
  CHECK(t.request(1).method == lf::http_method::patch);
  CHECK(t.request(1).target() == "/v1/lists/company_1?account_id=1");
  CHECK(t.request(1).body == R"({"data":{"type":"list","attributes":{"name":"Hotter"}}})");
  CHECK(contains(t.out.str(), "company_1  Hotter  company"));

  CHECK(t.run({"lists", "delete", "company_1", "--account", "1"}) == 0);
  CHECK(t.request(2).method == lf::http_method::del);
  CHECK(t.request(2).target() == "/v1/lists/company_1?account_id=1");
  CHECK(t.out.str() == "deleted list company_1\n");
}

TEST_CASE("cli: lists add-contact and remove-contact attach the list to the contact") {
  cli t;
  t.script.respond(200, "{}").respond(204, "");
  CHECK(t.run({"lists", "add-contact", "contact_42", "3219787601", "--account", "1"}) == 0);
  CHECK(t.request(0).method == lf::http_method::post);
  CHECK(t.request(0).target() == "/v1/contacts/3219787601/lists?account_id=1");
  CHECK(t.request(0).body == R"({"data":[{"type":"list","id":"contact_42"}]})");
  CHECK(t.out.str() == "added contact 3219787601 to list contact_42\n");

  CHECK(t.run({"lists", "remove-contact", "contact_42", "3219787601", "--account", "1"}) == 0);
  CHECK(t.request(1).method == lf::http_method::del);
  CHECK(t.request(1).target() == "/v1/contacts/3219787601/lists?account_id=1");
  CHECK(t.request(1).body == R"({"data":[{"type":"list","id":"contact_42"}]})");
  CHECK(t.out.str() == "removed contact 3219787601 from list contact_42\n");
}

// ---- tags

TEST_CASE("cli: tags create with a color, list, update and delete") {
  cli t;
  t.script.respond(201, R"({"data":{"type":"tag","id":"77","attributes":{"name":"VIP","color":3}}})")
      .respond(200, R"({"data":[{"type":"tag","id":"77","attributes":{"name":"VIP","color":3}},
                                {"type":"tag","id":"78","attributes":{"name":"Partner"}}]})")
      .respond(200, R"({"data":{"type":"tag","id":"77","attributes":{"name":"VIP","color":5}}})")
      .respond(200, "{}");
  CHECK(t.run({"tags", "create", "VIP", "--color", "3", "--account", "1"}) == 0);
  CHECK(t.request(0).method == lf::http_method::post);
  CHECK(t.request(0).target() == "/v1/tags?account_id=1");
  CHECK(t.request(0).body == R"({"data":{"type":"tag","attributes":{"name":"VIP","color":3}}})");
  CHECK(t.out.str() ==
        "ID  NAME  COLOR\n"
        "77  VIP   3\n");

  CHECK(t.run({"tags", "list", "--account", "1", "--page", "2", "--page-size", "50"}) == 0);
  CHECK(t.request(1).target() == "/v1/tags?account_id=1&page%5Bnum%5D=2&page%5Bsize%5D=50");
  CHECK(t.out.str() ==
        "ID  NAME     COLOR\n"
        "77  VIP      3\n"
        "78  Partner\n");

  CHECK(t.run({"tags", "update", "77", "--color", "5", "--account", "1"}) == 0);
  CHECK(t.request(2).method == lf::http_method::patch);
  CHECK(t.request(2).body == R"({"data":{"type":"tag","attributes":{"color":5}}})");
  CHECK(t.out.str() ==
        "ID  NAME  COLOR\n"
        "77  VIP   5\n");

  CHECK(t.run({"tags", "delete", "77", "--account", "1"}) == 0);
  CHECK(t.request(3).method == lf::http_method::del);
  CHECK(t.request(3).target() == "/v1/tags/77?account_id=1");
  CHECK(t.out.str() == "deleted tag 77\n");
}

// ---- custom fields

TEST_CASE("cli: custom-fields create passes the JSON attributes through") {
  cli t;
  t.script.respond(201, R"({"data":{"type":"custom_field","id":"cf1","attributes":{"name":"Tier","kind":"text"}}})");
  CHECK(t.run({"custom-fields", "create", "--account", "1", "--json-attributes", R"({"name":"Tier","kind":"text"})"}) ==
        0);
  CHECK(t.request(0).method == lf::http_method::post);
  CHECK(t.request(0).target() == "/v1/custom-fields?account_id=1");
  CHECK(t.request(0).body == R"({"data":{"type":"custom_field","attributes":{"name":"Tier","kind":"text"}}})");
  CHECK(t.out.str() ==
        "ID   TYPE          ATTRIBUTES\n"
        "cf1  custom_field  {\"name\":\"Tier\",\"kind\":\"text\"}\n");
}

TEST_CASE("cli: custom-fields update with JSON that does not parse is a usage error") {
  cli t;
  CHECK(t.run({"custom-fields", "update", "cf1", "--account", "1", "--json-attributes", "{\"name\":"}) == 2);
  CHECK(t.run({"custom-fields", "update", "cf1", "--account", "1", "--json-attributes", "[1,2]"}) == 2);
  CHECK(contains(t.err.str(), "error: option --json-attributes must be a JSON object"));
  CHECK(contains(t.err.str(), "usage: leadfeeder custom-fields update ID --json-attributes"));
  CHECK(t.sent() == 0);

  t.script.respond(200, R"({"data":{"type":"custom_field","id":"cf1"}})");
  CHECK(t.run({"custom-fields", "update", "cf1", "--account", "1", "--json-attributes", R"({"name":"Tier 2"})"}) == 0);
  CHECK(t.request(0).method == lf::http_method::patch);
  CHECK(t.request(0).target() == "/v1/custom-fields/cf1?account_id=1");
  CHECK(t.request(0).body == R"({"data":{"type":"custom_field","attributes":{"name":"Tier 2"}}})");
}

// ---- users

TEST_CASE("cli: users me needs no account") {
  cli t;
  t.script.respond(200, R"({"data":{"type":"user","id":"u1","attributes":{"email":"me@example.com",
    "first_name":"Mia","last_name":"Virtanen","team_role":"admin"}}})");
  CHECK(t.run({"users", "me"}) == 0);
  CHECK(t.request(0).url == "https://api.leadfeeder.com/v1/users/me");
  CHECK(t.out.str() ==
        "ID  EMAIL           NAME          ROLE\n"
        "u1  me@example.com  Mia Virtanen  admin\n");
  CHECK(t.run({"users", "me", "--account", "1"}) == 2);  // not an option of users me
  CHECK(t.sent() == 1);
}

// ---- usage errors: exit 2, nothing sent

TEST_CASE("cli: usage errors say what is wrong, print the usage and send nothing") {
  cli t;
  std::vector<cli_test::usage_case> const cases = {
      {{}, "error: no command given"},
      {{"frobnicate"}, "error: unknown command 'frobnicate'"},
      {{"lists"}, "error: 'lists' needs a subcommand"},
      {{"lists", "explode", "1"}, "error: unknown subcommand 'explode' of 'lists'"},
      {{"contacts", "get", "1", "--account", "1", "--colour", "red"},
       "error: unknown option '--colour' for 'contacts get'"},
      {{"contacts", "get", "1", "--account"}, "error: option --account needs a value (ID)"},
      {{"contacts", "get", "1", "--account", "--json"}, "error: option --account needs a value (ID)"},
      {{"contacts", "get", "1"}, "error: 'contacts get' needs --account ID"},
      {{"contacts", "get", "--account", "1"}, "error: 'contacts get' needs ID"},
      {{"contacts", "get", "1", "2", "--account", "1"}, "got unexpected '2'"},
      {{"contacts", "get", "1", "--account", "1", "--include", "company, bogus"}, "unknown value 'bogus'"},
      {{"contacts", "search", "--account", "1", "--page-size", "abc"},
       "error: option --page-size: 'abc' is not a whole number"},
      {{"contacts", "search", "--account", "1", "--page-size", "0"},
       "error: option --page-size must be between 1 and 100 (got 0)"},
      {{"contacts", "search", "--account", "1", "--page-size", "101"}, "must be between 1 and 100"},
      {{"contacts", "search", "--account", "1", "--account", "2"}, "error: option --account is given more than once"},
      {{"contacts", "search", "--account", "1", "--all=yes"}, "error: option --all takes no value"},
      {{"web-visits", "--account", "1", "--from", "2026-01-01"}, "error: 'web-visits' needs --to YYYY-MM-DD"},
      {{"web-visits", "--account", "1", "--from", "1.1.2026", "--to", "2026-01-31"}, "option --from must be a date"},
      {{"lists", "create", "X", "--account", "1", "--scope", "people"}, "option --scope must be company or contact"},
      {{"lists", "create", "X", "--account", "1"}, "error: 'lists create' needs --scope company|contact"},
      {{"tags", "create", "X", "--account", "1", "--color", "3.5"}, "'3.5' is not a whole number"},
      {{"tags", "update", "77", "--account", "1"}, "error: 'tags update' needs --name NAME or --color N"},
      {{"custom-fields", "create", "--account", "1"}, "error: 'custom-fields create' needs --json-attributes"},
  };
  cli_test::check_usage_errors(t, cases);
  CHECK(t.sent() == 0);
}

TEST_CASE("cli: several problems are reported one line each") {
  cli t;
  CHECK(t.run({"contacts", "search", "--bogus", "--page-size", "500", "--term"}) == 2);
  std::string const err = t.err.str();
  std::string const problems = err.substr(0, err.find("usage:"));
  CHECK(problems ==
        "error: unknown option '--bogus' for 'contacts search'\n"
        "error: option --term needs a value (T)\n"
        "error: 'contacts search' needs --account ID\n"
        "error: option --page-size must be between 1 and 100 (got 500)\n");
  CHECK(t.sent() == 0);
}

TEST_CASE("cli: more than 100 ids is a usage error") {
  cli t;
  std::vector<std::string> args = {"contacts", "retrieve", "--account", "1"};
  for (int i = 0; i < 101; ++i) args.push_back(std::to_string(1000 + i));
  CHECK(t.run(args) == 2);
  CHECK(contains(t.err.str(), "error: 'contacts retrieve' takes at most 100 ids (got 101)"));
  CHECK(t.sent() == 0);
}

TEST_CASE("cli: a value the library refuses is a usage error too, and is not sent") {
  cli t;
  CHECK(t.run({"contacts", "get", "1\r\nX-Evil: 1", "--account", "1"}) == 2);
  CHECK(contains(t.err.str(),
                 "error: invalid argument: contacts.get: parameter 'contact_id' must not contain CR or LF"));
  CHECK(t.sent() == 0);
}

TEST_CASE("cli: --help prints a command's usage on the output and sends nothing") {
  cli t;
  CHECK(t.run({"contacts", "search", "--help"}) == 0);
  CHECK(contains(t.out.str(), "usage: leadfeeder contacts search [--term T]... [--email E]..."));
  CHECK(contains(t.out.str(), "--page-size N"));
  CHECK(t.err.str().empty());
  CHECK(t.run({"lists", "--help"}) == 0);
  CHECK(contains(t.out.str(), "leadfeeder lists add-contact LIST_ID CONTACT_ID --account ID"));
  CHECK(t.run({"--help"}) == 0);
  CHECK(contains(t.out.str(), "leadfeeder users me [--json]"));
  CHECK(t.run({"help", "web-visits"}) == 0);
  CHECK(contains(t.out.str(), "usage: leadfeeder web-visits --from YYYY-MM-DD --to YYYY-MM-DD"));
  CHECK(t.run({"tags", "delete", "-h"}) == 0);
  CHECK(t.sent() == 0);
}

// ---- API and transport errors: exit 3, one line

TEST_CASE("cli: an API error is one line with the status, code, message and request id") {
  cli t;
  t.script.respond(404, R"({"errors":[{"code":"entity_not_found","title":"Contact not found"}],
                            "meta":{"request_id":"5f2c9a1e-req"}})");
  CHECK(t.run({"contacts", "get", "999", "--account", "1"}) == 3);
  CHECK(t.out.str().empty());
  std::string const err = t.err.str();
  CHECK(count_lines(err) == 1);
  CHECK(err.rfind("error: not found (HTTP 404, entity_not_found)", 0) == 0);
  CHECK(contains(err, "[request_id 5f2c9a1e-req]"));
}

TEST_CASE("cli: unauthorized hints at LEADFEEDER_API_KEY; rate limited says when to retry") {
  cli t;
  t.script.respond(401, R"({"code":"invalid_api_key","message":"Invalid API key"})")
      .respond(429, R"({"code":"too_many_requests","message":"slow down"})", {{"Retry-After", "2"}})
      .respond(429, R"({"code":"too_many_requests","message":"slow down"})");
  CHECK(t.run({"users", "me"}) == 3);
  CHECK(count_lines(t.err.str()) == 1);
  CHECK(contains(t.err.str(), "error: authentication failed (HTTP 401, invalid_api_key): Invalid API key"));
  CHECK(contains(t.err.str(), "LEADFEEDER_API_KEY"));

  CHECK(t.run({"tags", "list", "--account", "1"}) == 3);
  CHECK(count_lines(t.err.str()) == 1);
  CHECK(contains(t.err.str(), "error: rate limited (HTTP 429, too_many_requests): slow down"));
  CHECK(contains(t.err.str(), "retry after 2 seconds"));

  CHECK(t.run({"tags", "list", "--account", "1"}) == 3);
  CHECK_FALSE(contains(t.err.str(), "retry after"));
}

TEST_CASE("cli: a failed exchange says the base URL could not be reached") {
  cli t;
  t.script.fail(std::make_error_code(std::errc::connection_refused));
  CHECK(t.run({"accounts"}) == 3);
  CHECK(count_lines(t.err.str()) == 1);
  CHECK(contains(t.err.str(), "error: could not reach https://api.leadfeeder.com: "));
  CHECK(t.out.str().empty());
}

TEST_CASE("cli: an error on the second page ends --all with exit 3 after the first page's rows") {
  cli t;
  t.script.respond(200, contact_page({"1", "2"}, "c2")).respond(500, R"({"code":"internal","message":"boom"})");
  CHECK(t.run({"contacts", "search", "--account", "7", "--term", "x", "--all"}) == 3);
  CHECK(count_lines(t.out.str()) == 3);
  CHECK(contains(t.err.str(), "error: server error (HTTP 500, internal): boom"));
}

// ---- the key

TEST_CASE("cli: the API key is sent but never printed") {
  cli t;
  t.script.respond(200, contact_body)
      .respond(200, contact_body)
      .respond(401, R"({"code":"invalid_api_key","message":"Invalid API key"})")
      .respond(500, "<html>oops</html>")
      .fail(std::make_error_code(std::errc::timed_out));
  std::string printed;
  auto run = [&](std::vector<std::string> const& args) {
    t.run(args);
    printed += t.out.str() + t.err.str();
  };
  run({"contacts", "get", "1", "--account", "1"});
  run({"contacts", "get", "1", "--account", "1", "--json"});
  run({"users", "me"});
  run({"users", "me", "--json"});
  run({"accounts"});
  run({"contacts", "get", "1"});
  run({"--help"});
  REQUIRE(t.sent() == 5);
  CHECK(t.request(0).header("X-Api-Key") == secret_key);
  CHECK_FALSE(contains(printed, secret_key));
  CHECK_FALSE(contains(printed, "SECRET"));
}

// ---- tables

TEST_CASE("cli: tables align UTF-8 text and blank out control characters") {
  cli t;
  t.script.respond(200, R"({"data":[
    {"type":"tag","id":"1","attributes":{"name":"Geschäftsführer","color":1}},
    {"type":"tag","id":"22","attributes":{"name":"a\u001b[31mred\nb","color":2}}]})");
  CHECK(t.run({"tags", "list", "--account", "1"}) == 0);
  CHECK(t.out.str() ==
        "ID  NAME             COLOR\n"
        "1   Geschäftsführer  1\n"
        "22  a [31mred b      2\n");
}
