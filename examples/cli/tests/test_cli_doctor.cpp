// SPDX-License-Identifier: MIT
// `leadfeeder doctor` (examples/cli/doctor.hpp) over the scripted transport: the key, the account,
// its credits and requests, and what an OpenAPI document (a file, or fetched) says about the
// operations still [inferred]. The operations come from the catalogue written from the
// description, so the checks pick their operations from it instead of naming them.
#include <doctest/doctest.h>
#include <leadfeeder/leadfeeder.hpp>
#include <leadfeeder/testing/scripted_transport.hpp>

#include "../cli.hpp"
#include "cli_test_support.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace lf = leadfeeder;
namespace doc = leadfeeder_cli::doctor;

namespace {

char const* const doctor_key = "sk-live-DOCTOR-SECRET-42";

struct doctor_cli {
  lf::testing::scripted_transport script;
  lf::client<lf::testing::scripted_transport> client;
  std::ostringstream out;
  std::ostringstream err;

  doctor_cli() : script(), client(script, options()) {}

  static lf::client_options options() {
    lf::client_options o;
    o.api_key = doctor_key;
    o.base_url = "http://127.0.0.1:9";
    return o;
  }
  int run(std::vector<std::string> const& args) {
    out.str("");
    err.str("");
    return leadfeeder_cli::run_cli(args, client, out, err);
  }
  std::size_t sent() const { return script.requests().size(); }
  lf::testing::recorded_request const& request(std::size_t i) const { return script.requests()[i]; }

  // users.me, the accounts, one account's credits, its usage: the answers of a reachable account.
  void respond_account(bool one_account = false) {
    script.respond(200, R"({"data":{"type":"user","id":"12345","attributes":{"email":"owner@example.com"}}})");
    if (one_account) {
      script.respond(200, R"({"data":[{"type":"account_summary","id":"123456","attributes":{"name":"A"}}]})");
    } else {
      script.respond(200, R"({"data":[{"type":"account_summary","id":"123456","attributes":{"name":"A"}},
                                     {"type":"account_summary","id":"789012","attributes":{"name":"B"}}]})");
    }
    script.respond(200, R"({"data":[{"type":"account","id":"123456","attributes":{"name":"Main account",
      "credits":{"available":1000,"used":200,"remaining":800,"next_reset_on":"2026-12-01"}}}]})");
    script.respond(200, R"({"data":[
      {"type":"api_usage","id":"a","attributes":{"period":"2026-11","operation":"accounts.list","requests":40}},
      {"type":"api_usage","id":"b","attributes":{"period":"2026-11","operation":"contacts.search","requests":2}}]})");
  }
};

using cli_test::contains;

std::vector<leadfeeder_cli::catalogued_operation> inferred_operations() {
  std::vector<leadfeeder_cli::catalogued_operation> out;
  for (auto const& op : leadfeeder_cli::catalogue) {
    if (op.method_confidence == "inferred" || op.path_confidence == "inferred") out.push_back(op);
  }
  return out;
}

// The start of a report line for an operation.
std::string line_of(leadfeeder_cli::catalogued_operation const& op) {
  return "  " + std::string(op.id) + "  " + std::string(op.method) + " " + std::string(op.path) + "  [";
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

// A YAML document: `confirmed` at its own method and path (placeholders renamed, as a vendor
// would), `moved` under its title at another path, nothing else.
std::string yaml_document(leadfeeder_cli::catalogued_operation const& confirmed,
                          leadfeeder_cli::catalogued_operation const& moved) {
  std::string path = std::string(confirmed.path);
  for (std::size_t b = path.find('{'); b != std::string::npos; b = path.find('{', b + 1)) {
    path.replace(b + 1, path.find('}', b) - b - 1, "vendorName");
  }
  return "# a comment\nopenapi: '3.0.3'\ninfo:\n  title: \"Vendor API\"\n  version: 2.4.0 # the release\n"
         "paths:\n  \"" +
         path + "\":\n    parameters: []\n    " + lower(confirmed.method) +
         ":\n      operationId: someId\n      summary: Something else\n      responses: {}\n"
         "  /v1/elsewhere/moved-here:\n    " +
         lower(moved.method) + ":\n      summary: '" + std::string(moved.title) +
         "'\n      description: |\n        summary: not this one\n"
         "components:\n  schemas: {}\n";
}

std::string temp_file(std::string const& name, std::string const& text) {
  auto const path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

}  // namespace

TEST_CASE("doctor: key, account, credits, requests, and a saved document about the inferred operations") {
  auto const inferred = inferred_operations();
  REQUIRE(inferred.size() >= 3);
  auto const& confirmed = inferred[0];
  auto const& moved = inferred[1];
  std::string const file = temp_file("leadfeeder-doctor-test.yaml", yaml_document(confirmed, moved));

  doctor_cli t;
  t.respond_account();
  CHECK(t.run({"doctor", "--account", "123456", "--month", "2026-11", "--openapi", file}) == 0);
  std::remove(file.c_str());
  REQUIRE(t.sent() == 4);  // no fetch: the file was given
  CHECK(t.request(0).target() == "/v1/users/me");
  CHECK(t.request(1).target() == "/v1/accounts");
  CHECK(t.request(2).target() == "/v1/accounts?account_id=123456");
  CHECK(t.request(3).target() == "/v1/usage?account_id=123456&start_period=2026-11&end_period=2026-11");
  std::string const out = t.out.str();
  CHECK(contains(out, "key: valid (user 12345)\n"));
  CHECK(contains(out, "accounts: 2 reachable: 123456, 789012\n"));
  CHECK(contains(out, "account 123456: Main account\n"));
  CHECK(contains(out, "credits: 800 remaining of 1000 (200 used), next reset 2026-12-01\n"));
  CHECK(contains(out, "requests this month (2026-11): 42 for this account"));
  CHECK(contains(out, "operations still [inferred]: " + std::to_string(inferred.size()) + " of "));
  CHECK(contains(out, "OpenAPI document: Vendor API 2.4.0 (read from " + file + ")\n"));
  std::string const confirmed_line = line_of(confirmed);
  REQUIRE(contains(out, confirmed_line));
  CHECK(out.substr(out.find(confirmed_line))
            .substr(0, out.substr(out.find(confirmed_line)).find('\n'))
            .find("]: confirmed by the document") != std::string::npos);
  CHECK(contains(out, "]: the document has " + std::string(moved.method) +
                          " /v1/elsewhere/moved-here (same operation id or summary)\n"));
  CHECK(contains(out, line_of(inferred[2])));
  CHECK(contains(out, "1 confirmed, 1 elsewhere in the document, 0 ambiguous, " + std::to_string(inferred.size() - 2) +
                          " not in the document\n"));
  CHECK_FALSE(contains(out + t.err.str(), doctor_key));
  CHECK(t.err.str().empty());
}

TEST_CASE("doctor: fetches BASE_URL/openapi.yaml with the key when no file is given; one account is chosen") {
  auto const inferred = inferred_operations();
  REQUIRE(!inferred.empty());
  auto const& op = inferred[0];
  doctor_cli t;
  t.respond_account(true);
  // A JSON document this time.
  t.script.respond(200, R"({"openapi":"3.1.0","info":{"title":"Vendor","version":"9"},"paths":{")" +
                            std::string(op.path) + R"(":{")" + lower(op.method) + R"(":{"summary":"x"}}}})");
  CHECK(t.run({"doctor", "--month", "2026-11"}) == 0);
  REQUIRE(t.sent() == 5);
  CHECK(t.request(2).target() == "/v1/accounts?account_id=123456");
  CHECK(t.request(4).method == lf::http_method::get);
  CHECK(t.request(4).url == "http://127.0.0.1:9/openapi.yaml");
  CHECK(t.request(4).header("X-Api-Key") == doctor_key);
  std::string const out = t.out.str();
  CHECK(contains(out, "accounts: 1 reachable: 123456\n"));
  CHECK(contains(out, "OpenAPI document: Vendor 9 (fetched from http://127.0.0.1:9/openapi.yaml)\n"));
  CHECK(contains(out, line_of(op)));
  CHECK(contains(out, "1 confirmed, 0 elsewhere in the document, 0 ambiguous, "));
  CHECK_FALSE(contains(out + t.err.str(), doctor_key));
}

TEST_CASE("doctor: a key the API refuses stops it with exit 3 after one request") {
  doctor_cli t;
  t.script.respond(401, R"({"errors":[{"code":"invalid_api_key","title":"Invalid API key"}]})");
  CHECK(t.run({"doctor"}) == 3);
  CHECK(t.sent() == 1);
  CHECK(t.out.str() == "key: not accepted\n");
  CHECK(contains(t.err.str(), "check that LEADFEEDER_API_KEY is set to a valid API key"));
  CHECK_FALSE(contains(t.out.str() + t.err.str(), doctor_key));
}

TEST_CASE("doctor: without a document it still lists the inferred operations") {
  doctor_cli t;
  t.respond_account();
  t.script.respond(404, "not here");
  CHECK(t.run({"doctor", "--account", "123456", "--month", "2026-11"}) == 0);
  std::string const out = t.out.str();
  CHECK(contains(out, "OpenAPI document: not available (GET /openapi.yaml answered HTTP 404)\n"));
  for (auto const& op : inferred_operations()) CHECK(contains(out, line_of(op)));
  CHECK_FALSE(contains(out, "confirmed by the document"));

  // A file that does not exist, or is not OpenAPI: said so, nothing fetched.
  doctor_cli u;
  u.respond_account();
  CHECK(u.run({"doctor", "--account", "123456", "--month", "2026-11", "--openapi", "/nonexistent/doc.yaml"}) == 0);
  CHECK(u.sent() == 4);
  CHECK(contains(u.out.str(), "OpenAPI document: not available (cannot read /nonexistent/doc.yaml)\n"));
}

TEST_CASE("doctor: a bad --month is a usage error and nothing is sent") {
  doctor_cli t;
  CHECK(t.run({"doctor", "--month", "2026-13"}) == 2);
  CHECK(t.sent() == 0);
  CHECK(contains(t.err.str(), "option --month must be a month YYYY-MM (got '2026-13')"));
  CHECK(t.run({"doctor", "extra"}) == 2);
  CHECK(t.run({"doctor", "--json"}) == 2);
  CHECK(contains(t.err.str(), "'doctor' prints a text report only (no --json)"));
  CHECK(t.sent() == 0);
}

TEST_CASE("doctor: the OpenAPI scan reads block YAML with quoted keys and comments, and JSON") {
  doc::document_summary const s = doc::scan(
      "openapi: 3.0.0\ninfo:\n  title: 'It''s the API'\n  version: \"1.2\"\npaths:\n"
      "  '/v1/a/{id}':\n    get:\n      operationId: getA # trailing comment\n      summary: \"Get \\\"A\\\"\"\n"
      "    delete:\n      summary: Delete A\n  /v1/b:\n    x-internal: true\n    post:\n      tags:\n"
      "        - summary: not a key of the operation\n      summary: Create B\nx-other:\n  /v1/c:\n    get: {}\n");
  REQUIRE(s.ok);
  CHECK(s.title == "It's the API");
  CHECK(s.version == "1.2");
  REQUIRE(s.operations.size() == 3);
  CHECK(s.operations[0].method == "GET");
  CHECK(s.operations[0].path == "/v1/a/{id}");
  CHECK(s.operations[0].operation_id == "getA");
  CHECK(s.operations[0].summary == "Get \"A\"");
  CHECK(s.operations[1].method == "DELETE");
  CHECK(s.operations[2].path == "/v1/b");
  CHECK(s.operations[2].summary == "Create B");

  CHECK_FALSE(doc::scan("swagger: '2.0'\npaths:\n  /a:\n    get: {}\n").ok);
  CHECK_FALSE(doc::scan("openapi: 3.0.0\npaths: {}\n").ok);
  CHECK_FALSE(doc::scan("{not json").ok);
  doc::document_summary const j = doc::scan(R"( {"openapi":"3.0.1","paths":{"/v1/x":{"patch":{"operationId":"p"}}}})");
  REQUIRE(j.ok);
  REQUIRE(j.operations.size() == 1);
  CHECK(j.operations[0].method == "PATCH");
  CHECK(j.operations[0].operation_id == "p");

  CHECK(doc::normal_path("/v1/a/{companyId}/b/") == "/v1/a/{}/b");
  CHECK(doc::normal_name("companies.list_ips") == doc::normal_name("companiesListIps"));
  CHECK(doc::month_of_days(0) == "1970-01");
  CHECK(doc::month_of_days(20788) == "2026-12");
  CHECK(doc::is_month("2026-01"));
  CHECK_FALSE(doc::is_month("2026-00"));
}
