// SPDX-License-Identifier: MIT
// Policies: retries, the rate limiter, the monthly counter, the credit budget, cancellation,
// deadlines and logging. Time is injected: nothing here sleeps for real.
#include <doctest/doctest.h>
#include <test_support.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace lf = leadfeeder;
using namespace std::chrono_literals;

namespace {

// A clock that only moves when the client sleeps (or the test advances it).
struct fake_time {
  lf::clock_type::time_point now{std::chrono::hours(1000)};
  std::vector<std::chrono::milliseconds> sleeps;

  lf::time_source source() {
    lf::time_source t;
    t.now = [this] { return now; };
    t.sleep = [this](std::chrono::milliseconds d) {
      sleeps.push_back(d);
      now += d;
    };
    return t;
  }
};

struct harness {
  fake_time time;
  lf::testing::scripted_transport script;
  lf::client_options options;
  harness() {
    options.api_key = "SECRET-KEY";
    options.time = time.source();
  }
  lf::client<lf::testing::scripted_transport> make() {
    return lf::client<lf::testing::scripted_transport>{script, options};
  }
};

auto get_contact() { return lf::contacts::get().account_id("1").contact_id("2"); }
char const* const contact = R"({"data":{"type":"contact","id":"2"},"meta":{"credits":{"charged":1}}})";

}  // namespace

TEST_CASE("retries are off by default: a 503 is answered once") {
  harness h;
  h.script.respond(503, "").respond(200, contact);
  auto client = h.make();
  auto r = client.send(get_contact());
  CHECK(r.error().code == lf::errc::server_error);
  CHECK(h.script.requests().size() == 1);
}

TEST_CASE("a GET is retried on 429, 503 and a failed exchange, then succeeds") {
  harness h;
  h.options.retry = lf::retry_policy{};
  h.options.retry.max_attempts = 4;
  h.script.respond(429, R"({"code":"rate_limit_exceeded"})")
      .respond(503, "<html>busy</html>")
      .fail(std::make_error_code(std::errc::connection_reset))
      .respond(200, contact);
  auto client = h.make();
  auto r = client.send(get_contact());
  REQUIRE(r);
  CHECK(h.script.requests().size() == 4);
  CHECK(h.time.sleeps.size() == 3);
  CHECK(client.requests_sent() == 4);
}

TEST_CASE("the last answer stands when the attempts run out") {
  harness h;
  h.options.retry = lf::retry_policy{};  // 3 attempts
  h.script.respond(500, "").respond(502, "").respond(504, R"({"code":"gateway_timeout"})").respond(200, contact);
  auto client = h.make();
  auto r = client.send(get_contact());
  CHECK(r.error().code == lf::errc::server_error);
  CHECK(r.error().http_status == 504);
  CHECK(h.script.requests().size() == 3);
  CHECK(h.script.pending() == 1);
}

TEST_CASE("a search, a read sent as POST, is retried like a GET") {
  harness h;
  h.options.retry = lf::retry_policy{};
  h.script.respond(503, "").respond(200, R"({"data":[]})");
  auto client = h.make();
  CHECK(client.send(lf::contacts::search().account_id("1").search_terms({"x"})));
  CHECK(h.script.requests().size() == 2);
}

TEST_CASE("a Retry-After longer than max_delay waits max_delay, and a huge one cannot overflow") {
  harness h;
  h.options.retry = lf::retry_policy{};
  h.options.retry.max_delay = 2000ms;
  h.script.respond(429, "", {{"Retry-After", "9223372036854776"}})
      .respond(429, "", {{"Retry-After", "99999999999"}})
      .respond(200, contact);
  auto client = h.make();
  REQUIRE(client.send(get_contact()));
  REQUIRE(h.time.sleeps.size() == 2);
  CHECK(h.time.sleeps[0] == 2000ms);
  CHECK(h.time.sleeps[1] == 2000ms);
}

TEST_CASE("a 4xx other than 408 and 429 is not retried") {
  harness h;
  h.options.retry = lf::retry_policy{};
  h.script.respond(404, R"({"code":"entity_not_found"})").respond(200, contact);
  auto client = h.make();
  CHECK(client.send(get_contact()).error().code == lf::errc::not_found);
  CHECK(h.script.requests().size() == 1);
}

TEST_CASE("a POST is not retried unless the caller opts in") {
  harness h;
  h.options.retry = lf::retry_policy{};
  h.script.respond(503, "").respond(503, "").respond(201, "{}");
  auto add = lf::contacts::add_to_lists().account_id("1").contact_id("2").list_ids({"l"});
  {
    auto client = h.make();
    CHECK(client.send(add).error().code == lf::errc::server_error);
    CHECK(h.script.requests().size() == 1);
  }
  h.options.retry.retry_writes = true;
  auto client = h.make();
  CHECK(client.send(add));
  CHECK(h.script.requests().size() == 3);
}

TEST_CASE("Retry-After in seconds and as an HTTP date sets the wait") {
  harness h;
  h.options.retry = lf::retry_policy{};
  h.script.respond(429, "", {{"Retry-After", "7"}})
      .respond(503, "", {{"Retry-After", "Thu, 01 Jan 1970 00:00:00 GMT"}})
      .respond(200, contact);
  auto client = h.make();
  REQUIRE(client.send(get_contact()));
  REQUIRE(h.time.sleeps.size() == 2);
  CHECK(h.time.sleeps[0] == 7s);
  CHECK(h.time.sleeps[1] == 0ms);  // a date in the past: no wait
}

TEST_CASE("the backoff grows, stays under its cap and is jittered") {
  harness h;
  h.options.retry = lf::retry_policy{};
  h.options.retry.max_attempts = 8;
  h.options.retry.base_delay = 100ms;
  h.options.retry.max_delay = 1000ms;
  for (int i = 0; i < 7; ++i) h.script.respond(503, "");
  h.script.respond(200, contact);
  auto client = h.make();
  REQUIRE(client.send(get_contact()));
  REQUIRE(h.time.sleeps.size() == 7);
  std::chrono::milliseconds ceiling = 100ms;
  bool varied = false;
  for (std::size_t i = 0; i < h.time.sleeps.size(); ++i) {
    CHECK(h.time.sleeps[i] <= ceiling);
    CHECK(h.time.sleeps[i] >= 0ms);
    if (i > 0 && h.time.sleeps[i] != h.time.sleeps[i - 1]) varied = true;
    ceiling = std::min(ceiling * 2, std::chrono::milliseconds(1000));
  }
  CHECK(varied);
}

TEST_CASE("the same jitter seed gives the same waits") {
  std::vector<std::chrono::milliseconds> first, second;
  for (auto* out : {&first, &second}) {
    harness h;
    h.options.retry = lf::retry_policy{};
    h.options.retry.max_attempts = 5;
    h.options.jitter_seed = 42;
    for (int i = 0; i < 4; ++i) h.script.respond(503, "");
    h.script.respond(200, contact);
    auto client = h.make();
    REQUIRE(client.send(get_contact()));
    *out = h.time.sleeps;
  }
  CHECK(first == second);
}

TEST_CASE("the rate limiter lets a burst of 14 through, then spaces requests at 10 per second") {
  harness h;
  h.options.rate_limit.enabled = true;
  for (int i = 0; i < 20; ++i) h.script.respond(200, contact);
  auto client = h.make();
  for (int i = 0; i < 20; ++i) REQUIRE(client.send(get_contact()));
  CHECK(h.time.sleeps.size() == 6);
  for (auto wait : h.time.sleeps) {
    CHECK(wait >= 90ms);
    CHECK(wait <= 110ms);
  }
}

TEST_CASE("the monthly quota refuses requests once used up, until the count is reset") {
  harness h;
  h.options.rate_limit.enabled = true;
  h.options.rate_limit.monthly_quota = 2;
  for (int i = 0; i < 3; ++i) h.script.respond(200, contact);
  auto client = h.make();
  CHECK(client.send(get_contact()));
  CHECK(client.send(get_contact()));
  auto refused = client.send(get_contact());
  CHECK(refused.error().code == lf::errc::rate_limited);
  CHECK(refused.error().api_code == "client_monthly_quota");
  CHECK(h.script.requests().size() == 2);
  client.reset_request_count();
  CHECK(client.send(get_contact()));
}

TEST_CASE("the credit budget stops charging operations once spent, and not the others") {
  harness h;
  h.options.credit_budget = 2;
  h.script.respond(200, contact).respond(200, contact).respond(200, R"({"data":[]})");
  auto client = h.make();
  CHECK(client.send(get_contact()));
  CHECK(client.send(get_contact()));
  CHECK(client.credits_spent() == 2);
  auto refused = client.send(get_contact());
  CHECK(refused.error().code == lf::errc::budget_exhausted);
  CHECK(h.script.requests().size() == 2);
  CHECK(client.send(lf::tags::list().account_id("1")));  // tags cost nothing
}

TEST_CASE(
    "once the budget is spent, searches, match and job estimates still go out; reads of records and job creation do "
    "not") {
  harness h;
  h.options.credit_budget = 1;
  h.script.respond(200, contact);
  for (int i = 0; i < 5; ++i) h.script.respond(200, R"({"data":[]})");
  auto client = h.make();
  REQUIRE(client.send(get_contact()));
  CHECK(client.credits_spent() == 1);
  lf::companies::match_input acme;
  acme.company_name = "Acme";
  CHECK(client.send(lf::companies::search().account_id("1").search_terms({"acme"})));
  CHECK(client.send(lf::contacts::search().account_id("1")));
  CHECK(client.send(lf::companies::match().account_id("1").companies({acme})));
  CHECK(client.send(lf::web_visits::search().account_id("1").start_date("2026-01-01").end_date("2026-01-31")));
  std::size_t const sent = h.script.requests().size();
  CHECK(sent == 5);
  auto expect_refused = [&](auto const& builder) {
    auto r = client.send(builder);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == lf::errc::budget_exhausted);
  };
  expect_refused(lf::companies::retrieve().account_id("1").ids({"1"}));
  expect_refused(lf::companies::list_ips().account_id("1").company_ids({"1"}));
  expect_refused(lf::companies::search_signals().account_id("1").company_ids({"1"}));
  expect_refused(lf::companies::create_enrichment_job().account_id("1").list_id("company_1").custom_field_id("f"));
  expect_refused(lf::contacts::create_contact_data_job().account_id("1").contact_ids({"1"}));
  CHECK(h.script.requests().size() == sent);
  CHECK(
      client.send(lf::companies::estimate_enrichment_job().account_id("1").list_id("company_1").custom_field_id("f")));
  CHECK(h.script.requests().size() == sent + 1);
}

TEST_CASE("a paginated read stops at the page that spent the budget") {
  harness h;
  h.options.credit_budget = 3;
  auto page = [](std::string const& next, int charged) {
    return R"({"data":[{"id":"x"}],"meta":{"credits":{"charged":)" + std::to_string(charged) +
           R"(},"pagination":{"next_cursor":)" + (next.empty() ? std::string("null") : "\"" + next + "\"") + "}}}";
  };
  h.script.respond(200, page("b", 2)).respond(200, page("c", 2)).respond(200, page("", 2));
  auto client = h.make();
  int ok = 0, budget = 0;
  for (auto& p : lf::pages(client, lf::companies::search_signals().account_id("1").company_ids({"1"}))) {
    if (p)
      ++ok;
    else if (p.error().code == lf::errc::budget_exhausted)
      ++budget;
  }
  CHECK(ok == 2);
  CHECK(budget == 1);
  CHECK(h.script.requests().size() == 2);
}

TEST_CASE("a cancelled token stops a call before it is sent, and a paged read between pages") {
  harness h;
  lf::cancellation_token token;
  lf::call_options call;
  call.cancel = token;
  h.script.respond(200, R"({"data":[{"id":"1"}],"meta":{"pagination":{"next_cursor":"c"}}})")
      .respond(200, R"({"data":[{"id":"2"}],"meta":{"pagination":{"next_cursor":null}}})");
  auto client = h.make();
  int seen = 0, cancelled = 0;
  for (auto const& item : lf::items(client, lf::contacts::search().account_id("1"), call)) {
    if (item) {
      ++seen;
      token.cancel();  // stop after the first page
    } else {
      CHECK(item.error().code == lf::errc::cancelled);
      ++cancelled;
    }
  }
  CHECK(seen == 1);
  CHECK(cancelled == 1);
  CHECK(h.script.requests().size() == 1);
  CHECK(client.send(get_contact(), call).error().code == lf::errc::cancelled);
}

TEST_CASE("a deadline in the past refuses the call; a retry wait past the deadline ends it") {
  harness h;
  h.options.retry = lf::retry_policy{};
  h.script.respond(429, "", {{"Retry-After", "30"}}).respond(200, contact);
  auto client = h.make();
  lf::call_options late;
  late.deadline = h.time.now - 1s;
  CHECK(client.send(get_contact(), late).error().code == lf::errc::deadline_exceeded);
  CHECK(h.script.requests().empty());
  lf::call_options soon;
  soon.deadline = h.time.now + 10s;
  auto r = client.send(get_contact(), soon);
  CHECK(r.error().code == lf::errc::rate_limited);  // the 429 stands: waiting 30 s would pass the deadline
  CHECK(h.script.requests().size() == 1);
  CHECK(h.time.sleeps.empty());
}

TEST_CASE("the logger sees requests, retries and responses, never the key") {
  harness h;
  h.options.retry = lf::retry_policy{};
  h.options.bearer_token = "SECRET-TOKEN";
  std::vector<std::string> lines;
  h.options.logger = [&](lf::log_event const& e) {
    lines.push_back(std::to_string(static_cast<int>(e.what)) + " " + std::string(e.operation) + " " +
                    std::to_string(e.attempt) + " " + std::to_string(e.status) + " " + std::string(e.headers) +
                    std::string(e.detail));
  };
  h.script.respond(503, "").respond(200, contact);
  auto client = h.make();
  REQUIRE(client.send(get_contact()));
  REQUIRE(lines.size() == 4);  // request, retry, request, response
  CHECK(lines[0].rfind("0 contacts.get 1", 0) == 0);
  CHECK(lines[1].rfind("2 contacts.get 1 503", 0) == 0);
  CHECK(lines[2].rfind("0 contacts.get 2", 0) == 0);
  CHECK(lines[3].rfind("1 contacts.get 0 200", 0) == 0);
  for (std::string const& line : lines) {
    CHECK(line.find("SECRET") == std::string::npos);
  }
  CHECK(lines[0].find("X-Api-Key: [redacted]") != std::string::npos);
  CHECK(lines[0].find("Authorization: [redacted]") != std::string::npos);
}

TEST_CASE("the printable form of a request redacts credentials") {
  lf::http_header const headers[] = {
      {"X-Api-Key", "SECRET"}, {"authorization", "Bearer SECRET"}, {"Accept", "application/json"}};
  lf::http_request req;
  req.method = lf::http_method::post;
  req.url = "https://api.leadfeeder.com/v1/tags?account_id=1";
  req.headers = lf::header_list(headers, 3);
  req.body = R"({"data":{}})";
  std::string const text = lf::to_string(req);
  CHECK(text.find("SECRET") == std::string::npos);
  CHECK(text.find("X-Api-Key: [redacted]") != std::string::npos);
  CHECK(text.find("authorization: [redacted]") != std::string::npos);
  CHECK(text.find("POST https://api.leadfeeder.com/v1/tags?account_id=1") == 0);
  CHECK(text.find(R"({"data":{}})") != std::string::npos);
}
