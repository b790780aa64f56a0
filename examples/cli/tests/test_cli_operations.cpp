// SPDX-License-Identifier: MIT
// The command-line example (examples/cli), the operations added for issue #12: companies retrieve,
// match, signals and ips (any number of ids, in chunks), the two job families (estimate, create
// with --yes, get, --wait with a progress line), lists items, campaigns, ip enrich and usage. Over
// the scripted transport, with a fake clock for --wait.
#include <doctest/doctest.h>
#include <leadfeeder/leadfeeder.hpp>
#include <leadfeeder/testing/scripted_transport.hpp>

#include "../cli.hpp"
#include "cli_test_support.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

namespace lf = leadfeeder;

namespace {

using cli_test::contains;
using cli_test::count_lines;

// The client's clock: sleeping moves it on, and is recorded.
struct fake_time {
  lf::clock_type::time_point now = lf::clock_type::time_point() + std::chrono::hours(1);
  std::vector<std::chrono::milliseconds> sleeps;
  std::function<void()> on_sleep;  // e.g. Ctrl-C while waiting
};

struct cli {
  std::shared_ptr<fake_time> time = std::make_shared<fake_time>();
  lf::testing::scripted_transport script;
  lf::client<lf::testing::scripted_transport> client;
  std::ostringstream out;
  std::ostringstream err;
  std::istringstream in;
  std::atomic<bool> interrupted{false};
  bool terminal = false;

  cli() : script(), client(script, options(time)) {}

  static lf::client_options options(std::shared_ptr<fake_time> const& t) {
    lf::client_options o;
    o.api_key = "key";
    o.time.now = [t] { return t->now; };
    o.time.sleep = [t](std::chrono::milliseconds d) {
      t->sleeps.push_back(d);
      t->now += d;
      if (t->on_sleep) t->on_sleep();
    };
    return o;
  }

  int run(std::vector<std::string> const& args) {
    out.str("");
    err.str("");
    leadfeeder_cli::environment<lf::testing::scripted_transport> env;
    env.in = &in;
    env.err_is_terminal = terminal;
    env.interrupted = &interrupted;
    return leadfeeder_cli::run_cli(args, client, out, err, env);
  }
  std::size_t sent() const { return script.requests().size(); }
  lf::testing::recorded_request const& request(std::size_t i) const { return script.requests()[i]; }
};

std::string ids_from(int first, int count) {
  std::string s;
  for (int i = first; i < first + count; ++i) s += (i == first ? "" : ",") + std::to_string(i);
  return s;
}

std::vector<std::string> with_ids(std::vector<std::string> args, int first, int count) {
  for (int i = first; i < first + count; ++i) args.push_back(std::to_string(i));
  return args;
}

// A companies.retrieve answer with one company per id.
std::string companies_body(int first, int count) {
  std::string body = R"({"data":[)";
  for (int i = first; i < first + count; ++i) {
    body += (i == first ? "" : ",") + std::string(R"({"type":"company","id":")") + std::to_string(i) +
            R"(","attributes":{"name":"Co )" + std::to_string(i) + R"("}})";
  }
  return body + R"(],"meta":{"credits":{"charged":1}}})";
}

std::string job_body(std::string const& status, int processed, int total, int credits) {
  return R"({"data":{"type":"job","id":"enr_7","attributes":{"status":")" + status + R"(","total_count":)" +
         std::to_string(total) + R"(,"processed_count":)" + std::to_string(processed) + R"(,"credits_used":)" +
         std::to_string(credits) + R"(,"errors":[]}},"meta":{"credits":{"charged":0}}})";
}

struct temp_file {
  std::string path;
  explicit temp_file(std::string const& text) {
    char name[] = "/tmp/leadfeeder_cli_test_XXXXXX";
    int const fd = ::mkstemp(name);
    REQUIRE(fd >= 0);
    ::close(fd);
    path = name;
    std::ofstream(path) << text;
  }
  ~temp_file() { std::remove(path.c_str()); }
};

}  // namespace

// ---- companies retrieve / ips: any number of ids, 100 a call

TEST_CASE("cli: companies retrieve reads 150 ids in two calls of 100 and 50, into one table") {
  cli t;
  t.script.respond(200, companies_body(1000, 100)).respond(200, companies_body(1100, 50));
  CHECK(t.run(with_ids({"companies", "retrieve", "--account", "9", "--include", "tags"}, 1000, 150)) == 0);
  REQUIRE(t.sent() == 2);
  CHECK(t.request(0).target() == "/v1/companies?ids=" + ids_from(1000, 100) + "&account_id=9&include=tags");
  CHECK(t.request(1).target() == "/v1/companies?ids=" + ids_from(1100, 50) + "&account_id=9&include=tags");
  std::string const out = t.out.str();
  CHECK(count_lines(out) == 151);  // the header and a row per company
  CHECK(out.rfind("ID    NAME     URL  EMPLOYEES  LOCATION\n1000  Co 1000\n", 0) == 0);
  CHECK(contains(out, "\n1149  Co 1149\n"));
  CHECK(t.err.str().empty());
}

TEST_CASE("cli: companies retrieve asks a repeated id once, and --json prints each call's body") {
  cli t;
  t.script.respond(200, companies_body(1, 2));
  CHECK(t.run({"companies", "retrieve", "1", "2", "1", "--account", "9", "--json"}) == 0);
  REQUIRE(t.sent() == 1);
  CHECK(t.request(0).target() == "/v1/companies?ids=1,2&account_id=9");
  CHECK(t.out.str() == companies_body(1, 2) + "\n");
}

TEST_CASE("cli: an error in the second chunk prints the first chunk's rows, then fails with exit 3") {
  cli t;
  t.script.respond(200, companies_body(1, 100))
      .respond(402, R"({"code":"insufficient_credits","message":"No credits"})");
  CHECK(t.run(with_ids({"companies", "retrieve", "--account", "9"}, 1, 120)) == 3);
  CHECK(t.sent() == 2);
  CHECK(count_lines(t.out.str()) == 101);
  CHECK(contains(t.err.str(), "No credits"));
}

TEST_CASE("cli: companies ips chunks the company ids and sends --include and --max-ip-addresses") {
  cli t;
  t.script
      .respond(
          200,
          R"({"data":[{"type":"company_ip","id":"1","attributes":{"ip_addresses":[{"ip_address":"192.0.2.1"}]}}]})")
      .respond(200, R"({"data":[]})");
  CHECK(t.run(with_ids({"companies", "ips", "--account", "9", "--include", "company", "--max-ip-addresses", "3"}, 1,
                       101)) == 0);
  REQUIRE(t.sent() == 2);
  CHECK(t.request(0).target() ==
        "/v1/companies/ips?account_id=9&company_ids=" + ids_from(1, 100) + "&include=company&max_ip_addresses=3");
  CHECK(t.request(1).target() == "/v1/companies/ips?account_id=9&company_ids=101&include=company&max_ip_addresses=3");
  CHECK(t.out.str() ==
        "ID  ATTRIBUTES\n"
        "1   {\"ip_addresses\":[{\"ip_address\":\"192.0.2.1\"}]}\n");
}

// ---- companies match: 200 a call, positional answers

TEST_CASE("cli: companies match sends the names with the country code and shows each input's candidates") {
  cli t;
  t.script.respond(200, R"({"data":[
      [{"type":"company_match","attributes":{"match_score":0.95},
        "relationships":{"company_summary":{"type":"company_summary","id":"129011",
          "attributes":{"name":"Dealfront Group GmbH","url":"https://www.dealfront.com"}}}}],
      []]})");
  CHECK(t.run({"companies", "match", "Dealfront", "Nowhere Ltd", "--country-code", "DE", "--max-results", "2",
               "--account", "9"}) == 0);
  REQUIRE(t.sent() == 1);
  CHECK(t.request(0).method == lf::http_method::post);
  CHECK(t.request(0).target() == "/v1/companies/match?account_id=9&max_results_per_company=2");
  CHECK(
      t.request(0).body ==
      R"({"companies":[{"company_name":"Dealfront","country_code":"DE"},{"company_name":"Nowhere Ltd","country_code":"DE"}]})");
  CHECK(t.out.str() ==
        "INPUT        SCORE     COMPANY ID  NAME                  URL\n"
        "Dealfront    0.95      129011      Dealfront Group GmbH  https://www.dealfront.com\n"
        "Nowhere Ltd  no match\n");
}

TEST_CASE("cli: companies match --input reads 250 companies, sends 200 then 50, and labels each answer by its input") {
  std::string lines;
  for (int i = 0; i < 250; ++i) lines += R"({"url":"c)" + std::to_string(i) + ".example\"}\n" + (i == 10 ? "\n" : "");
  temp_file file(lines);
  cli t;
  // Each call's answer: one candidate for the first input, none for the others.
  auto answer = [](std::size_t n) {
    std::string body = R"({"data":[[{"attributes":{"match_score":1},"relationships":{"company_summary":{"id":"x"}}}])";
    for (std::size_t i = 1; i < n; ++i) body += ",[]";
    return body + "]}";
  };
  t.script.respond(200, answer(200)).respond(200, answer(50));
  CHECK(t.run({"companies", "match", "--input", file.path, "--account", "9"}) == 0);
  REQUIRE(t.sent() == 2);
  CHECK(contains(t.request(0).body, R"({"url":"c199.example"}]})"));
  CHECK(t.request(1).body.rfind(R"({"companies":[{"url":"c200.example"},)", 0) == 0);
  std::string const out = t.out.str();
  CHECK(count_lines(out) == 251);
  CHECK(contains(out, "\nc0.example    1.00      x\n"));
  CHECK(contains(out, "\nc200.example  1.00      x\n"));  // the second call's first answer is input 200
  CHECK(contains(out, "\nc249.example  no match\n"));
}

TEST_CASE("cli: companies match reads standard input for --input -") {
  cli t;
  t.in.str(R"({"company_name":"Acme","city":"Oulu"})"
           "\n");
  t.script.respond(200, R"({"data":[[]]})");
  CHECK(t.run({"companies", "match", "--input", "-", "--account", "9", "--json"}) == 0);
  CHECK(t.request(0).body == R"({"companies":[{"company_name":"Acme","city":"Oulu"}]})");
  CHECK(t.out.str() == "{\"data\":[[]]}\n");
}

TEST_CASE("cli: companies match refuses bad input lines, one error each, and sends nothing") {
  temp_file file("{\"company_name\":\"Ok\"}\nnot json\n{\"colour\":\"red\"}\n{\"url\":7}\n{\"city\":\"Oulu\"}\n[1]\n");
  cli t;
  CHECK(t.run({"companies", "match", "--input", file.path, "--account", "9"}) == 2);
  std::string const err = t.err.str();
  CHECK(contains(err, "error: option --input: " + file.path + ":2: not a JSON object"));
  CHECK(contains(err, ":3: unknown key 'colour' (known: company_name, url,"));
  CHECK(contains(err, ":4: the value of 'url' must be a string"));
  CHECK(contains(err, ":5: needs at least one of company_name, url, vat_id or register_id"));
  CHECK(contains(err, ":6: not a JSON object"));
  CHECK_FALSE(contains(err, ":1:"));
  CHECK(contains(err, "usage: leadfeeder companies match [NAME...] [--input FILE]"));

  CHECK(t.run({"companies", "match", "--account", "9"}) == 2);
  CHECK(contains(t.err.str(), "error: 'companies match' needs NAME... or --input FILE"));
  CHECK(t.run({"companies", "match", "--input", "/nonexistent/file", "--account", "9"}) == 2);
  CHECK(contains(t.err.str(), "error: option --input: cannot read '/nonexistent/file'"));
  CHECK(t.run({"companies", "match", "X", "--max-results", "21", "--account", "9"}) == 2);
  CHECK(contains(t.err.str(), "option --max-results must be between 1 and 20 (got 21)"));
  CHECK(t.sent() == 0);
}

// ---- companies signals

TEST_CASE("cli: companies signals sends the ids, categories and date ranges in the body") {
  cli t;
  t.script.respond(200, R"({"data":[{"type":"signal","id":"s1","attributes":{"category":"job_ads","title":"Hiring"}}],
                            "meta":{"pagination":{"next_cursor":"n2"}}})");
  CHECK(t.run({"companies", "signals", "129011", "129012", "--account", "9", "--category", "job_ads,leadership_changes",
               "--event-from", "2026-01-01", "--event-to", "2026-02-01", "--published-from", "2026-01-02",
               "--published-to", "2026-02-02", "--page-size", "10"}) == 0);
  REQUIRE(t.sent() == 1);
  CHECK(t.request(0).method == lf::http_method::post);
  CHECK(t.request(0).target() == "/v1/companies/signals/search?account_id=9&page%5Bsize%5D=10");
  CHECK(
      t.request(0).body ==
      R"({"company_ids":["129011","129012"],"categories":["leadership_changes","job_ads"],)"
      R"("event_date":{"from":"2026-01-01","to":"2026-02-01"},"publication_date":{"from":"2026-01-02","to":"2026-02-02"}})");
  CHECK(t.out.str() ==
        "ID  ATTRIBUTES\n"
        "s1  {\"category\":\"job_ads\",\"title\":\"Hiring\"}\n"
        "next cursor: n2\n");
}

TEST_CASE("cli: companies signals refuses an unknown category and a malformed date before sending") {
  cli t;
  CHECK(t.run({"companies", "signals", "1", "--account", "9", "--category", "gossip", "--event-to", "2026-13-01"}) ==
        2);
  CHECK(contains(t.err.str(), "error: option --category: unknown value 'gossip' (known: business_expansion,"));
  CHECK(contains(t.err.str(), "error: option --event-to must be a date YYYY-MM-DD (got '2026-13-01')"));
  CHECK(t.run({"companies", "signals", "--account", "9"}) == 2);
  CHECK(contains(t.err.str(), "error: 'companies signals' needs ID [ID...]"));
  CHECK(t.sent() == 0);
}

// ---- jobs

TEST_CASE("cli: companies enrichment-job estimate sends the ids or the list, and prints the estimate") {
  cli t;
  t.script.respond(200, R"({"data":{"type":"job_estimate","attributes":{"eligible_count":2,"credits":1}}})")
      .respond(200, R"({"data":{"type":"job_estimate","attributes":{"eligible_count":40}}})");
  CHECK(t.run({"companies", "enrichment-job", "estimate", "1", "2", "--custom-field", "cf_ai", "--account", "9"}) == 0);
  CHECK(t.request(0).method == lf::http_method::post);
  CHECK(t.request(0).target() == "/v1/companies/enrichment-jobs/estimate?account_id=9");
  CHECK(t.request(0).body == R"({"data":{"attributes":{"company_ids":["1","2"],"custom_field_id":"cf_ai"}}})");
  CHECK(t.out.str() == "estimate: 2 companies eligible, 1 credits\n");

  CHECK(t.run({"companies", "enrichment-job", "estimate", "--list", "company_5", "--custom-field", "cf_ai", "--account",
               "9"}) == 0);
  CHECK(t.request(1).body == R"({"data":{"attributes":{"list_id":"company_5","custom_field_id":"cf_ai"}}})");
  CHECK(t.out.str() == "estimate: 40 companies eligible, credits not reported\n");
}

TEST_CASE("cli: the job commands check their records and options before sending") {
  cli t;
  std::vector<cli_test::usage_case> const cases = {
      {{"companies", "enrichment-job", "estimate", "--custom-field", "f", "--account", "9"},
       "error: 'companies enrichment-job estimate' needs COMPANY_ID... or --list LIST_ID"},
      {{"companies", "enrichment-job", "estimate", "1", "--list", "l", "--custom-field", "f", "--account", "9"},
       "takes COMPANY_ID... or --list LIST_ID, not both"},
      {{"companies", "enrichment-job", "estimate", "1", "--account", "9"},
       "error: 'companies enrichment-job estimate' needs --custom-field ID"},
      {{"contacts", "contact-data-job", "estimate", "--account", "9"},
       "error: 'contacts contact-data-job estimate' needs CONTACT_ID... or --list LIST_ID"},
      {{"companies", "enrichment-job", "create", "1", "--custom-field", "f", "--account", "9"},
       "error: 'companies enrichment-job create' charges credits: see what it would cost with 'companies "
       "enrichment-job estimate', then create it with --yes"},
      {{"contacts", "contact-data-job", "create", "1", "--account", "9", "--wait"},
       "error: 'contacts contact-data-job create' charges credits"},
      {{"contacts", "contact-data-job", "get", "--account", "9"},
       "error: 'contacts contact-data-job get' needs JOB_ID"},
      {{"companies", "enrichment-job"}, "error: 'companies enrichment-job' needs a subcommand"},
      {{"companies", "enrichment-job", "delete", "1"},
       "error: unknown subcommand 'delete' of 'companies enrichment-job'"},
  };
  cli_test::check_usage_errors(t, cases);
  CHECK(t.sent() == 0);
}

TEST_CASE("cli: contacts contact-data-job create --yes prints the estimate, then creates the job") {
  cli t;
  t.script
      .respond(
          200,
          R"({"data":{"type":"job_estimate","attributes":{"eligible_count":3,"credits":3}},"meta":{"credits":{"charged":0}}})")
      .respond(
          201,
          R"({"data":{"type":"job","id":"fcd_1","attributes":{"status":"queued","total_count":3,"processed_count":0,"credits_used":0}},
                        "meta":{"credits":{"charged":3}}})");
  CHECK(t.run({"contacts", "contact-data-job", "create", "11", "12", "--list", "contact_3", "--yes", "--account",
               "9"}) == 0);
  REQUIRE(t.sent() == 2);
  CHECK(t.request(0).target() == "/v1/contacts/find-contact-data-jobs/estimate?account_id=9");
  CHECK(t.request(1).method == lf::http_method::post);
  CHECK(t.request(1).target() == "/v1/contacts/find-contact-data-jobs?account_id=9");
  CHECK(t.request(1).body == R"({"data":{"attributes":{"contact_ids":["11","12"],"list_id":"contact_3"}}})");
  CHECK(t.out.str() ==
        "estimate: 3 contacts eligible, 3 credits\n"
        "created job fcd_1 (charged 3 credits)\n"
        "ID     STATUS  PROCESSED  TOTAL  CREDITS USED\n"
        "fcd_1  queued  0          3      0\n");
  CHECK(t.time->sleeps.empty());
}

TEST_CASE("cli: an estimate that fails creates nothing") {
  cli t;
  t.script.respond(404, R"({"code":"entity_not_found","message":"List not found"})");
  CHECK(t.run({"contacts", "contact-data-job", "create", "--list", "contact_404", "--yes", "--account", "9"}) == 3);
  CHECK(t.sent() == 1);
  CHECK(contains(t.err.str(), "List not found"));
}

TEST_CASE("cli: create --yes --wait polls with the client's clock, a progress line per change on stderr") {
  cli t;
  t.script.respond(200, R"({"data":{"attributes":{"eligible_count":5,"credits":5}}})")
      .respond(201, job_body("queued", 0, 5, 0))
      .respond(200, job_body("queued", 0, 5, 0))
      .respond(200, job_body("running", 2, 5, 2))
      .respond(200, job_body("running", 2, 5, 2))
      .respond(200, job_body("running", 4, 5, 4))
      .respond(200, job_body("finished", 5, 5, 5));
  CHECK(t.run({"companies", "enrichment-job", "create", "1", "2", "3", "4", "5", "--custom-field", "cf", "--yes",
               "--wait", "--account", "9"}) == 0);
  REQUIRE(t.sent() == 7);
  for (std::size_t i = 2; i < 7; ++i) {
    CHECK(t.request(i).method == lf::http_method::get);
    CHECK(t.request(i).target() == "/v1/companies/enrichment-jobs/enr_7?account_id=9");
  }
  CHECK(t.out.str() ==
        "estimate: 5 companies eligible, 5 credits\n"
        "created job enr_7 (charged 0 credits)\n"
        "ID     STATUS    PROCESSED  TOTAL  CREDITS USED\n"
        "enr_7  finished  5          5      5\n");
  CHECK(t.err.str() ==
        "job enr_7: queued, 0 of 5 processed, 0 credits used\n"
        "job enr_7: running, 2 of 5 processed, 2 credits used\n"
        "job enr_7: running, 4 of 5 processed, 4 credits used\n"
        "job enr_7: finished, 5 of 5 processed, 5 credits used\n");
  // Four waits between five polls, growing from 250 ms, in steps of at most 100 ms.
  std::chrono::milliseconds total(0);
  for (auto d : t.time->sleeps) {
    CHECK(d.count() <= 100);
    total += d;
  }
  CHECK(total == std::chrono::milliseconds(250 + 500 + 1000 + 2000));
}

TEST_CASE("cli: get --wait on a terminal redraws one progress line, and --json prints the final body") {
  cli t;
  t.terminal = true;
  t.script.respond(200, job_body("running", 1, 2, 1)).respond(200, job_body("finished", 2, 2, 2));
  CHECK(t.run({"companies", "enrichment-job", "get", "enr_7", "--wait", "--json", "--account", "9"}) == 0);
  CHECK(t.sent() == 2);
  CHECK(t.err.str() ==
        "\rjob enr_7: running, 1 of 2 processed, 1 credits used\x1b[K"
        "\rjob enr_7: finished, 2 of 2 processed, 2 credits used\x1b[K\n");
  CHECK(t.out.str() == job_body("finished", 2, 2, 2) + "\n");
}

TEST_CASE("cli: a job that fails ends --wait with exit 3 and its errors") {
  cli t;
  t.script.respond(200, R"({"data":{"type":"job","id":"fcd_2","attributes":{"status":"failed","total_count":2,
                            "processed_count":1,"errors":[{"code":"x"}]}}})");
  CHECK(t.run({"contacts", "contact-data-job", "get", "fcd_2", "--wait", "--account", "9"}) == 3);
  CHECK(t.request(0).target() == "/v1/contacts/find-contact-data-jobs/fcd_2?account_id=9");
  CHECK(contains(t.out.str(), "fcd_2  failed  1          2\n"));
  CHECK(contains(t.err.str(), "error: job fcd_2 failed: [{\"code\":\"x\"}]\n"));
}

TEST_CASE("cli: a job without a status is not waited for forever") {
  cli t;
  t.script.respond(200, R"({"data":{"type":"job","id":"fcd_3","attributes":{}}})");
  CHECK(t.run({"contacts", "contact-data-job", "get", "fcd_3", "--wait", "--account", "9"}) == 3);
  CHECK(t.sent() == 1);
  CHECK(contains(t.err.str(), "error: job fcd_3: the answer reports no status"));
}

TEST_CASE("cli: Ctrl-C while waiting stops polling with exit 130 and says how to wait again") {
  cli t;
  t.time->on_sleep = [&t] { t.interrupted = true; };
  t.script.respond(200, job_body("running", 1, 5, 1)).respond(200, job_body("running", 2, 5, 2));
  CHECK(t.run({"companies", "enrichment-job", "get", "enr_7", "--wait", "--account", "9"}) == 130);
  CHECK(t.sent() == 1);
  CHECK(t.time->sleeps.size() == 1);  // the wait ends at the next step
  CHECK(contains(t.err.str(),
                 "stopped waiting; job enr_7 goes on: 'leadfeeder companies enrichment-job get enr_7 "
                 "--account 9 --wait' waits again\n"));
}

TEST_CASE("cli: get without --wait shows the job once") {
  cli t;
  t.script.respond(200, job_body("running", 2, 5, 2));
  CHECK(t.run({"companies", "enrichment-job", "get", "enr_7", "--account", "9"}) == 0);
  CHECK(t.out.str() ==
        "ID     STATUS   PROCESSED  TOTAL  CREDITS USED\n"
        "enr_7  running  2          5      2\n");
  CHECK(t.err.str().empty());
}

// ---- lists items, campaigns

TEST_CASE("cli: lists items walks the cursor pages with --all") {
  cli t;
  t.script
      .respond(
          200,
          R"({"data":[{"type":"company","id":"1"},{"type":"company","id":"2"}],"meta":{"pagination":{"next_cursor":"c2"}}})")
      .respond(200, R"({"data":[{"type":"company","id":"3"}],"meta":{"pagination":{"next_cursor":null}}})");
  CHECK(t.run({"lists", "items", "company_5", "--all", "--page-size", "2", "--account", "9"}) == 0);
  REQUIRE(t.sent() == 2);
  CHECK(t.request(0).target() == "/v1/lists/company_5/items?account_id=9&page%5Bsize%5D=2");
  CHECK(t.request(1).target() == "/v1/lists/company_5/items?account_id=9&page%5Bcursor%5D=c2&page%5Bsize%5D=2");
  CHECK(t.out.str() ==
        "ID  TYPE\n"
        "1   company\n"
        "2   company\n"
        "3   company\n");
}

TEST_CASE("cli: campaigns lists, campaigns get and stats are its subcommands") {
  cli t;
  t.script
      .respond(200, R"({"data":[{"type":"campaign","id":"cmp_1","attributes":{"name":"Spring"}}],
                            "meta":{"pagination":{"page_num":1,"page_count":1,"total_count":1}}})")
      .respond(200, R"({"data":{"type":"campaign","id":"cmp_1","attributes":{"name":"Spring"}}})")
      .respond(200, R"({"data":[{"type":"campaign_stats","id":"cmp_1:2026-01-01","attributes":{"visits":3}}]})");
  CHECK(t.run({"campaigns", "--account", "9", "--include", "list", "--page", "1"}) == 0);
  CHECK(t.request(0).target() == "/v1/campaigns?account_id=9&include=list&page%5Bnum%5D=1");
  CHECK(t.out.str() ==
        "ID     ATTRIBUTES\n"
        "cmp_1  {\"name\":\"Spring\"}\n"
        "page 1 of 1 (1 in all)\n");

  CHECK(t.run({"campaigns", "get", "cmp_1", "--account", "9", "--include", "campaign_summary"}) == 0);
  CHECK(t.request(1).target() == "/v1/campaigns/cmp_1?account_id=9&include=campaign_summary");
  CHECK(contains(t.out.str(), "cmp_1  {\"name\":\"Spring\"}"));

  CHECK(t.run({"campaigns", "stats", "cmp_1", "--frequency", "day", "--from", "2026-01-01", "--to", "2026-01-31",
               "--account", "9"}) == 0);
  CHECK(t.request(2).target() ==
        "/v1/campaigns/cmp_1/stats?account_id=9&frequency=day&start_period=2026-01-01&end_period=2026-01-31");
  CHECK(contains(t.out.str(), "cmp_1:2026-01-01  {\"visits\":3}"));

  CHECK(t.run({"campaigns", "stats", "cmp_1", "--account", "9"}) == 2);
  CHECK(contains(t.err.str(), "error: 'campaigns stats' needs --frequency F"));
  CHECK(t.run({"campaigns", "stats", "cmp_1", "--frequency", "day", "--from", "2026-02-01", "--to", "2026-01-01",
               "--account", "9"}) == 2);
  CHECK(contains(t.err.str(), "error: option --to must not be before --from (2026-02-01 to 2026-01-01)"));
  CHECK(t.run({"campaigns", "extra", "--account", "9"}) == 2);
  CHECK(contains(t.err.str(), "error: 'campaigns' takes no operands (got 'extra')"));
  CHECK(t.sent() == 3);

  CHECK(t.run({"campaigns", "--help"}) == 0);
  CHECK(contains(t.out.str(), "usage: leadfeeder campaigns [--include LIST]..."));
  CHECK(contains(t.out.str(), "leadfeeder campaigns stats ID --frequency F"));
  CHECK(t.run({"help", "companies", "enrichment-job", "create"}) == 0);
  CHECK(contains(t.out.str(), "CHARGES CREDITS"));
  CHECK(contains(t.out.str(), "--yes"));
}

// ---- ip enrich, usage

TEST_CASE("cli: ip enrich shows the company behind an address, or the network") {
  cli t;
  t.script
      .respond(200, R"({"data":{"type":"enriched_ip","id":"192.0.2.10","attributes":{"company_type":"company"},
      "relationships":{"company":{"type":"company","id":"129011","attributes":{"name":"Dealfront","url":"https://dealfront.com"}}}}})")
      .respond(200, R"({"data":{"type":"enriched_ip","id":"2001:db8::1","attributes":{"company_type":"isp"},
      "relationships":{"network":{"type":"network","id":"n1","attributes":{"name":"Simulated ISP"}}}}})");
  CHECK(t.run({"ip", "enrich", "192.0.2.10", "--account", "9"}) == 0);
  CHECK(t.request(0).target() == "/v1/ip/enrich?ip=192.0.2.10&account_id=9");
  CHECK(t.out.str() ==
        "IP          KIND     COMPANY ID  NAME       URL\n"
        "192.0.2.10  company  129011      Dealfront  https://dealfront.com\n");
  CHECK(t.run({"ip", "enrich", "2001:db8::1", "--account", "9"}) == 0);
  CHECK(t.out.str() ==
        "IP           KIND  COMPANY ID  NAME           URL\n"
        "2001:db8::1  isp               Simulated ISP\n");
}

TEST_CASE("cli: ip enrich refuses what is not an IP address, before sending") {
  cli t;
  for (char const* bad : {"300.1.1.1", "1.2.3", "01.2.3.4", "example.com", "1::2::3", "12345::1", "1:2:3:4:5:6:7:8:9",
                          "::ffff:1.2.3", "1.2.3.4::"}) {
    CAPTURE(bad);
    CHECK(t.run({"ip", "enrich", bad, "--account", "9"}) == 2);
    CHECK(contains(t.err.str(), "error: '" + std::string(bad) + "' is not an IPv4 or IPv6 address"));
  }
  CHECK(t.sent() == 0);
  for (char const* good : {"::1", "::", "fe80::1", "2001:db8:0:0:0:0:0:1", "::ffff:192.0.2.1", "0.0.0.0"}) {
    CAPTURE(good);
    CHECK(leadfeeder_cli::detail::is_ip_address(good));
  }
}

TEST_CASE("cli: usage prints the requests per endpoint and their total") {
  cli t;
  t.script
      .respond(200, R"({"data":{"type":"api_usage","id":"9:2026-01:2026-02","attributes":{"endpoints":[
      {"type":"api_usage","attributes":{"period":"2026-01","operation":"contacts.search","requests":12}},
      {"type":"api_usage","attributes":{"period":"2026-02","method":"GET","path":"/v1/accounts","requests":3}}]}}})")
      .respond(200, R"({"data":[{"period":"2026-03","endpoint":"/v1/tags","requests":1}]})");
  CHECK(t.run({"usage", "--from", "2026-01", "--to", "2026-02", "--account", "9"}) == 0);
  CHECK(t.request(0).target() == "/v1/usage?account_id=9&start_period=2026-01&end_period=2026-02");
  CHECK(t.out.str() ==
        "PERIOD   ENDPOINT          REQUESTS\n"
        "2026-01  contacts.search   12\n"
        "2026-02  GET /v1/accounts  3\n"
        "total: 15 requests from 2026-01 to 2026-02\n");
  CHECK(t.run({"usage", "--from", "2026-03", "--account", "9"}) == 0);
  CHECK(t.request(1).target() == "/v1/usage?account_id=9&start_period=2026-03&end_period=2026-03");
  CHECK(contains(t.out.str(), "2026-03  /v1/tags  1\n"));

  CHECK(t.run({"usage", "--from", "2026-1", "--account", "9"}) == 2);
  CHECK(contains(t.err.str(), "error: option --from must be a month YYYY-MM (got '2026-1')"));
  CHECK(t.run({"usage", "--from", "2026-05", "--to", "2026-04", "--account", "9"}) == 2);
  CHECK(contains(t.err.str(), "error: option --to must not be before --from"));
  CHECK(t.sent() == 2);
}
