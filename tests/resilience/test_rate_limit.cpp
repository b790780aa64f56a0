// SPDX-License-Identifier: MIT
// The rate limit in practice: 5,000 contacts (50 pages of 100 through contacts.search) from a
// simulator whose rate limit is on (the default: 10 requests/s, bursts of 15, per key), over
// libcurl in real time. With the client's limiter on, the simulator never answers 429. With the
// limiter off and retries on, the 429s come, Retry-After (1 s) is honoured, and every contact
// still arrives: for the search (a POST) only with retry_writes (see the bug below), for a
// GET listing with the default policy. Each test uses its own key, so its own bucket.
#include <doctest/doctest.h>

#include "sim_transport.hpp"

#include <set>

namespace {

using namespace resilience;

constexpr char const* account = "123456";
constexpr char const* limiter_key = "limiter-key";
constexpr char const* bug_key = "bug-key";
constexpr char const* retry_key = "retry-key";
constexpr char const* get_key = "get-key";
constexpr char const* reference_key = "reference-key";
constexpr char const* search_key = "search-key";

simulator& rate_limited_simulator() {
  static simulator s({"--api-key", limiter_key, "--api-key", bug_key, "--api-key", retry_key, "--api-key", get_key,
                      "--api-key", reference_key, "--api-key", search_key, "--seed", "5", "--rate-limit", "on"});
  return s;
}

lf::client<sim_transport> make_client(char const* key, bool limiter, lf::retry_policy retry) {
  lf::client_options o;
  o.api_key = key;
  o.base_url = rate_limited_simulator().base_url();
  o.rate_limit.enabled = limiter;
  o.retry = retry;
  return lf::client<sim_transport>{sim_transport{}, o};
}

struct pull {
  std::vector<std::string> ids;
  std::optional<lf::error> failed;
  std::size_t pages = 0;
  std::size_t too_many = 0;  ///< 429 answers the transport saw
  std::chrono::milliseconds took{0};
};

template <class Builder>
pull pull_all(lf::client<sim_transport>& client, Builder const& builder) {
  pull p;
  auto const start = std::chrono::steady_clock::now();
  auto range = lf::items(client, builder);
  for (auto const& item : range) {
    if (!item) {
      p.failed = item.error();
      break;
    }
    p.ids.emplace_back(item->id());
  }
  p.took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  p.pages = range.pages_fetched();
  for (sim_attempt const& a : client.transport().attempts) {
    if (a.status == 429) ++p.too_many;
  }
  return p;
}

auto all_contacts() { return lf::contacts::search().account_id(account).page_size<100>(); }

void check_complete(pull const& p, std::size_t expected) {
  if (p.failed) FAIL_CHECK(lf::to_string(*p.failed));
  CHECK_FALSE(p.failed.has_value());
  CHECK(p.ids.size() == expected);
  CHECK(std::set<std::string>(p.ids.begin(), p.ids.end()).size() == p.ids.size());
}

}  // namespace

TEST_SUITE("resilience_rate_limit") {

TEST_CASE(
    "rate limit: with the client's limiter on (one token of margin), 5,000 contacts arrive without a single 429") {
  lf::client_options o;
  o.api_key = limiter_key;
  o.base_url = rate_limited_simulator().base_url();
  o.rate_limit.enabled = true;
  o.rate_limit.burst = 14;             // one below the API's 15: see the bug below
  o.retry = lf::retry_policy::none();  // a 429 would end the pull
  lf::client<sim_transport> client{sim_transport{}, o};
  pull const p = pull_all(client, all_contacts());
  MESSAGE("limiter on (burst 14): " << p.ids.size() << " contacts, " << p.pages << " pages, " << p.too_many
                                    << " x 429, " << p.took.count() << " ms");
  check_complete(p, 5000);
  CHECK(p.pages == 50);
  CHECK(p.too_many == 0);
  // 14 pages at once, then 10 a second: the limiter did wait.
  CHECK(p.took >= 3000ms);
}

// Regression (fixed): include/leadfeeder/policy.hpp:166-187 (detail::token_bucket) with the defaults of
// rate_limit_policy (10/s, burst 15: exactly the API's) leaves no margin but the 1 ms it adds to a
// wait. The client spends a token when it sends; the server when the request arrives. When a
// request arrives later after its send than an earlier one did (the first request of a
// connection also connects, or does a TLS handshake; any jitter does the same), the server's
// bucket holds less than the client's: after the burst, the client's 16th request finds one token
// on its side and 1 - 10/s * (that difference) on the server's. Over loopback the 16th request
// was answered 429 in 9 runs of 10 (sometimes a later one), although the limiter was on; a pull
// without retries ends there. A margin (burst 14, or a rate a little under 10/s) avoids it: the
// test above.
TEST_CASE("with the client's limiter on at its defaults, 5,000 contacts arrive without a single 429") {
  auto client = make_client(bug_key, /*limiter=*/true, lf::retry_policy::none());
  pull const p = pull_all(client, all_contacts());
  MESSAGE("limiter on (defaults): " << p.ids.size() << " contacts, " << p.pages << " pages, " << p.too_many
                                    << " x 429, " << p.took.count() << " ms");
  CHECK(p.too_many == 0);  // fails (usually): the 16th request is answered 429
  check_complete(p, 5000);
}

TEST_CASE(
    "rate limit: limiter off, retries on with retry_writes: 429s come, Retry-After is honoured, 5,000 contacts "
    "arrive") {
  lf::retry_policy retry;     // 3 attempts, Retry-After honoured
  retry.retry_writes = true;  // the only way to retry contacts.search, a POST (see the bug below)
  auto client = make_client(retry_key, /*limiter=*/false, retry);
  pull const p = pull_all(client, all_contacts());
  MESSAGE("limiter off, retries on (+retry_writes): " << p.ids.size() << " contacts, " << p.pages << " pages, "
                                                      << p.too_many << " x 429, " << p.took.count() << " ms");
  check_complete(p, 5000);
  CHECK(p.too_many > 0);
  // Every 429 carried Retry-After: 1 and was followed by a success after that wait.
  auto const& attempts = client.transport().attempts;
  for (std::size_t i = 0; i < attempts.size(); ++i) {
    if (attempts[i].status != 429) continue;
    CHECK(attempts[i].retry_after == std::optional<std::int64_t>(1));
    REQUIRE(i + 1 < attempts.size());
    CHECK(attempts[i + 1].target == attempts[i].target);
    CHECK(attempts[i + 1].start - attempts[i].end >= 1s);
  }
}

TEST_CASE("rate limit: limiter off, default retries: a GET listing past the burst still arrives whole") {
  // web_visits.list_visitor_companies is a GET: the default policy retries it.
  auto builder = lf::web_visits::list_visitor_companies()
                     .account_id(account)
                     .start_date("2026-10-18")
                     .end_date("2026-10-31")
                     .page_size<40>();
  std::size_t expected = 0;
  {
    auto counter = make_client(reference_key, /*limiter=*/false, lf::retry_policy{});
    pull const reference = pull_all(counter, builder.page_size(100));
    check_complete(reference, reference.ids.size());
    expected = reference.ids.size();
  }
  auto client = make_client(get_key, /*limiter=*/false, lf::retry_policy{});
  pull const p = pull_all(client, builder);
  MESSAGE("GET listing, limiter off, retries on: " << p.ids.size() << " items, " << p.pages << " pages, " << p.too_many
                                                   << " x 429, " << p.took.count() << " ms");
  check_complete(p, expected);
  CHECK(p.pages > 15);
  CHECK(p.too_many > 0);
}

// Regression (fixed): include/leadfeeder/policy.hpp:163 and client.hpp:272 retry by HTTP method only, and
// contacts.search is a read sent as POST. With the limiter off and `options.retry =
// lf::retry_policy{}` (Retry-After honoured), the first 429 of the pull (after the burst of 15)
// is not retried and ends lf::items: 1,500 contacts of 5,000 arrive.
TEST_CASE("limiter off, default retries: 5,000 contacts arrive through contacts.search") {
  auto client = make_client(search_key, /*limiter=*/false, lf::retry_policy{});
  pull const p = pull_all(client, all_contacts());
  MESSAGE("limiter off, default retries: " << p.ids.size() << " contacts, " << p.pages << " pages, " << p.too_many
                                           << " x 429" << (p.failed ? ", ended with " + lf::to_string(*p.failed) : ""));
  check_complete(p, 5000);  // fails: rate limited (HTTP 429, too_many_requests) after 15 pages
}

}  // TEST_SUITE("resilience_rate_limit")
