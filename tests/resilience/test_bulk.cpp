// SPDX-License-Identifier: MIT
// Several calls in flight under one limit: example::read_all (examples/transports/parallel_reads.hpp)
// runs N clients over libcurl, each on its own thread, against a simulator whose per-key rate limit
// is on (10 requests/s, bursts of 15), all drawing from one lf::shared_rate_limit. Every id asked
// gets exactly one result, in the order asked (duplicates and an unknown id included); no answer is
// a 429; and with 300 ms per call (the simulator's latency fault), eight in flight use the whole
// limit where one call at a time cannot.
#include <doctest/doctest.h>

#include "sim_transport.hpp"

#include <parallel_reads.hpp>

#include <map>
#include <memory>

namespace {

using namespace resilience;

constexpr char const* account = "123456";
constexpr char const* order_key = "bulk-order-key";
constexpr char const* speed_key = "bulk-speed-key";
constexpr char const* single_key = "bulk-single-key";
constexpr char const* ids_key = "bulk-ids-key";  // the searches that find the ids, apart from the reads

simulator& bulk_simulator() {
  static simulator s({"--api-key", order_key, "--api-key", speed_key, "--api-key", single_key, "--api-key", ids_key,
                      "--seed", "9", "--rate-limit", "on"});
  return s;
}

std::vector<lf::client<sim_transport>> make_clients(std::size_t n, char const* key,
                                                    std::shared_ptr<lf::shared_rate_limit> const& limit,
                                                    std::function<std::string()> fault = {}) {
  std::vector<lf::client<sim_transport>> clients;
  for (std::size_t i = 0; i < n; ++i) {
    lf::client_options o;
    o.api_key = key;
    o.base_url = bulk_simulator().base_url();
    o.shared_limit = limit;
    clients.emplace_back(sim_transport{example::curl_options{}, fault}, o);
  }
  return clients;
}

std::vector<std::string> contact_ids(std::size_t n) {
  lf::client_options o;
  o.api_key = ids_key;
  o.base_url = bulk_simulator().base_url();
  o.rate_limit.enabled = true;
  o.retry = lf::retry_policy{};
  o.retry.max_attempts = 4;
  lf::client<sim_transport> client{sim_transport{}, o};
  auto page = client.send(lf::contacts::search().account_id(account).page_size(static_cast<std::int64_t>(n)));
  if (!page) FAIL("the search for the ids failed: " << lf::to_string(page.error()));
  std::vector<std::string> ids;
  for (auto c : page->data()) ids.emplace_back(c.id());
  REQUIRE(ids.size() == n);
  return ids;
}

auto by_id() {
  return [](std::string const& id) { return lf::contacts::get().account_id(account).contact_id(id); };
}

std::size_t count_status(std::vector<lf::client<sim_transport>> const& clients, int status) {
  std::size_t n = 0;
  for (auto const& c : clients) {
    for (sim_attempt const& a : c.transport().attempts) n += a.status == status ? 1 : 0;
  }
  return n;
}

std::size_t count_exchanges(std::vector<lf::client<sim_transport>> const& clients) {
  std::size_t n = 0;
  for (auto const& c : clients) n += c.transport().attempts.size();
  return n;
}

}  // namespace

TEST_SUITE("resilience_bulk") {

TEST_CASE("read_all: every id once, in the order asked, under one shared limit (4 clients over libcurl)") {
  std::vector<std::string> ids = contact_ids(40);
  ids.push_back("no-such-contact");
  ids.push_back(ids[3]);                // asked twice: answered twice, in both places
  std::this_thread::sleep_for(1600ms);  // the simulator's bucket for this key refills
  auto limit = std::make_shared<lf::shared_rate_limit>();
  auto clients = make_clients(4, order_key, limit);
  auto const start = std::chrono::steady_clock::now();
  auto results = example::read_all(clients, ids, by_id());
  double const seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  REQUIRE(results.size() == ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    CAPTURE(i);
    CAPTURE(ids[i]);
    if (ids[i] == "no-such-contact") {
      REQUIRE_FALSE(results[i]);
      CHECK(results[i].error().code == lf::errc::not_found);
    } else {
      REQUIRE(results[i]);
      CHECK(results[i]->data().id() == ids[i]);
    }
  }
  CHECK(count_exchanges(clients) == ids.size());  // each id asked exactly once
  CHECK(count_status(clients, 429) == 0);
  CHECK(limit->granted() == ids.size());
  // 42 requests at 10/s after a burst of 14: no sooner than ~2.7 s.
  CHECK(seconds >= 2.6);
  std::size_t busy_clients = 0;
  for (auto const& c : clients) busy_clients += c.transport().attempts.empty() ? 0 : 1;
  CHECK(busy_clients == 4);
  MESSAGE(ids.size() << " reads with 4 clients in " << seconds << " s, " << static_cast<double>(ids.size()) / seconds
                     << " requests/s, 0 answers 429");
}

TEST_CASE("read_all: with 300 ms per call, eight in flight use the whole limit and one call at a time cannot") {
  std::vector<std::string> ids = contact_ids(60);
  std::this_thread::sleep_for(1600ms);
  std::function<std::string()> slow = [] { return std::string("latency=300"); };

  auto limit = std::make_shared<lf::shared_rate_limit>();
  auto eight = make_clients(8, speed_key, limit, slow);
  auto start = std::chrono::steady_clock::now();
  auto results = example::read_all(eight, ids, by_id());
  double const eight_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (auto const& r : results) REQUIRE(r);
  CHECK(count_status(eight, 429) == 0);
  CHECK(limit->granted() == ids.size());
  double const eight_rate = static_cast<double>(ids.size()) / eight_seconds;

  std::vector<std::string> const few(ids.begin(), ids.begin() + 10);
  auto one = make_clients(1, single_key, std::make_shared<lf::shared_rate_limit>(), slow);
  start = std::chrono::steady_clock::now();
  auto single = example::read_all(one, few, by_id());
  double const one_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (auto const& r : single) REQUIRE(r);
  double const one_rate = static_cast<double>(few.size()) / one_seconds;

  MESSAGE("300 ms per call: 1 in flight " << one_rate << " requests/s; 8 in flight " << eight_rate
                                          << " requests/s over " << ids.size() << " reads (limit 10/s, bursts of 14)");
  CHECK(one_rate < 3.5);
  CHECK(eight_rate >= 9.5);
  // 60 requests: a burst of 14, then 46 at 10/s: the shared limit held.
  CHECK(eight_seconds >= 4.4);
}

TEST_CASE("read_all: a cancelled run still answers every id once (cancelled ones unsent)") {
  std::vector<std::string> const ids = contact_ids(12);
  auto clients = make_clients(3, order_key, std::make_shared<lf::shared_rate_limit>());
  lf::call_options call;
  call.cancel = lf::cancellation_token{};
  call.cancel->cancel();
  auto results = example::read_all(clients, ids, by_id(), call);
  REQUIRE(results.size() == ids.size());
  for (auto const& r : results) {
    REQUIRE_FALSE(r);
    CHECK(r.error().code == lf::errc::cancelled);
  }
  CHECK(count_exchanges(clients) == 0);
  std::vector<lf::client<sim_transport>> none;
  auto empty = example::read_all(none, ids, by_id());
  REQUIRE(empty.size() == ids.size());
  CHECK(empty[0].error().code == lf::errc::invalid_argument);
}

}  // TEST_SUITE("resilience_bulk")
