// SPDX-License-Identifier: MIT
// Threads, for ThreadSanitizer (leadfeeder_tsan_tests, built with -fsanitize=thread when
// LEADFEEDER_TSAN is ON): four threads, each with its own client over libcurl, against one
// simulator, a few hundred calls each: reads, pages, writes, retries through injected faults
// (X-Simulator-Fault), the library's shared statics (error categories, the curl transport's
// global init) on first use from four threads at once. Then one cancellation_token, shared by the
// four threads' paginated reads, is cancelled from the main thread. Every call must end in a
// success or a typed error, every write must be in the simulator's state once, and TSan must stay
// silent (TSAN_OPTIONS=halt_on_error=1 makes a report fail the test). Then one
// lf::shared_rate_limit drawn from by four clients on four threads (example::read_all), and by
// four bare threads at once: every token is counted once and the rate holds.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#define LEADFEEDER_BOOST_JSON_IMPL
#include <leadfeeder/leadfeeder.hpp>

#include "sim_transport.hpp"

#include <parallel_reads.hpp>

#include <atomic>
#include <map>
#include <mutex>
#include <thread>

namespace {

using namespace resilience;

constexpr char const* key = "tsan-key";
constexpr char const* account = "123456";
constexpr int threads = 4;
constexpr int calls_per_thread = 300;

struct thread_report {
  int successes = 0;
  int errors = 0;
  int untyped = 0;
  int exchanges = 0;
  std::vector<std::pair<std::string, bool>> created;  ///< tag name, success
  std::optional<lf::error> cancelled_read;
  std::size_t items_before_cancel = 0;
  std::string problems;
};

lf::client_options options(std::string const& base_url, std::uint64_t seed, std::atomic<std::size_t>& logged) {
  lf::client_options o;
  o.api_key = key;
  o.base_url = base_url;
  o.retry = lf::retry_policy{};
  o.retry.max_attempts = 4;
  o.retry.base_delay = 1ms;
  o.retry.max_delay = 4ms;
  o.retry.honour_retry_after = false;  // the simulator's Retry-After is 1 s
  o.jitter_seed = seed;
  o.logger = [&logged](lf::log_event const& e) {
    if (e.what == lf::log_event::kind::request) logged.fetch_add(1, std::memory_order_relaxed);
  };
  return o;
}

void work(int index, std::string const& base_url, std::atomic<int>& gate, std::atomic<std::size_t>& logged,
          lf::cancellation_token cancel, std::atomic<int>& reading, thread_report& out) {
  rng dice(mix64(0x75A4 + static_cast<std::uint64_t>(index)));
  bool faults_on = true;
  std::function<std::string()> faults = [&dice, &faults_on] {
    if (!faults_on) return std::string();
    switch (dice.weighted({85, 4, 3, 3, 2, 3})) {
      case 1: return std::string("status=503");
      case 2: return std::string("drop");
      case 3: return std::string("truncate");
      case 4: return std::string("rate_limit");
      case 5: return std::string("latency=3");
      default: return std::string();
    }
  };
  // All four start together: first uses of the library's statics overlap.
  gate.fetch_add(1);
  while (gate.load() < threads) std::this_thread::yield();

  lf::client<sim_transport> client{sim_transport{example::curl_options{}, faults},
                                   options(base_url, dice.next(), logged)};
  auto tally = [&out](auto const& r) {
    if (r) {
      ++out.successes;
    } else {
      ++out.errors;
      if (!is_typed_curl_error(r.error().code)) ++out.untyped;
    }
  };
  for (int call = 0; call < calls_per_thread; ++call) {
    switch (dice.weighted({20, 10, 20, 20, 10, 20})) {
      case 0: tally(client.send(lf::users::me())); break;
      case 1: tally(client.send(lf::accounts::list())); break;
      case 2:
        tally(
            client.send(lf::tags::list().account_id(account).page_size(static_cast<std::int64_t>(dice.range(1, 50)))));
        break;
      case 3: {
        auto r = client.send(lf::contacts::search().account_id(account).search_terms({"eng"}).page_size(20));
        tally(r);
        if (r && r->data().size() != 20) out.problems += "a search page of " + std::to_string(r->data().size()) + "\n";
        break;
      }
      case 4: {
        std::string const name = "thread " + std::to_string(index) + " call " + std::to_string(call);
        auto r = client.send(lf::tags::create().account_id(account).name(name).color(1));
        tally(r);
        out.created.emplace_back(name, static_cast<bool>(r));
        break;
      }
      default: {
        auto r = client.send(lf::web_visits::list_visitor_companies()
                                 .account_id(account)
                                 .start_date("2026-10-30")
                                 .end_date("2026-10-31")
                                 .page_num(dice.range(1, 3))
                                 .page_size(100));
        tally(r);
        break;
      }
    }
  }
  out.exchanges = static_cast<int>(client.transport().attempts.size());

  // A long paginated read (a page per contact), stopped from the main thread; no faults (a search
  // is a POST, which the client does not retry).
  faults_on = false;
  lf::call_options call;
  call.cancel = cancel;
  reading.fetch_add(1);
  for (auto const& c : lf::items(client, lf::contacts::search().account_id(account).page_size<1>(), call)) {
    if (!c) {
      out.cancelled_read = c.error();
      break;
    }
    ++out.items_before_cancel;
  }
}

}  // namespace

TEST_CASE("threads: four clients over libcurl against one simulator, then one shared cancellation") {
  simulator sim({"--api-key", key, "--seed", "3", "--rate-limit", "off"});
  std::atomic<int> gate{0};
  std::atomic<int> reading{0};
  std::atomic<std::size_t> logged{0};
  lf::cancellation_token cancel;
  std::vector<thread_report> reports(threads);
  std::vector<std::thread> pool;
  for (int i = 0; i < threads; ++i) {
    pool.emplace_back(work, i, std::cref(sim.base_url()), std::ref(gate), std::ref(logged), cancel, std::ref(reading),
                      std::ref(reports[static_cast<std::size_t>(i)]));
  }
  while (reading.load() < threads) std::this_thread::sleep_for(5ms);
  std::this_thread::sleep_for(200ms);
  cancel.cancel();
  for (std::thread& t : pool) t.join();

  int successes = 0;
  int errors = 0;
  int exchanges = 0;
  std::map<std::string, bool> created;
  for (thread_report const& r : reports) {
    CHECK(r.untyped == 0);
    CHECK(r.successes + r.errors == calls_per_thread);
    CHECK(r.problems.empty());
    REQUIRE(r.cancelled_read.has_value());
    CHECK(r.cancelled_read->code == lf::errc::cancelled);
    successes += r.successes;
    errors += r.errors;
    exchanges += r.exchanges;
    for (auto const& [name, ok] : r.created) created[name] = ok;
  }
  MESSAGE(threads << " threads: " << successes << " successes, " << errors << " errors, " << exchanges << " exchanges, "
                  << logged.load() << " requests logged, " << created.size() << " tags created");
  // With 4 attempts against ~15% faults, nearly every call succeeds.
  CHECK(successes >= threads * calls_per_thread * 9 / 10);

  // The writes as the simulator's state: writes are not retried, so each name is there at most
  // once, and once when its call succeeded.
  lf::client_options o;
  o.api_key = key;
  o.base_url = sim.base_url();
  lf::client<sim_transport> reader{sim_transport{}, o};
  std::map<std::string, int> seen;
  for (auto const& tag : lf::items(reader, lf::tags::list().account_id(account).page_size<100>())) {
    REQUIRE(tag);
    ++seen[std::string(tag->name())];
  }
  for (auto const& entry : created) {
    std::string const& name = entry.first;
    CAPTURE(name);
    CHECK(seen[name] <= 1);
    if (entry.second) CHECK(seen[name] == 1);
  }
}

TEST_CASE("threads: one shared_rate_limit for four clients (read_all) and for four bare threads") {
  simulator sim({"--api-key", key, "--seed", "4", "--rate-limit", "off"});
  auto limit = std::make_shared<lf::shared_rate_limit>(100.0, 10.0);
  std::vector<lf::client<sim_transport>> clients;
  for (int i = 0; i < threads; ++i) {
    lf::client_options o;
    o.api_key = key;
    o.base_url = sim.base_url();
    o.shared_limit = limit;
    clients.emplace_back(sim_transport{}, o);
  }
  std::vector<std::string> ids;
  for (int i = 0; i < 60; ++i) ids.push_back(i % 7 == 0 ? "no-such-contact-" + std::to_string(i) : "2");
  auto const start = std::chrono::steady_clock::now();
  auto results = example::read_all(clients, ids, [](std::string const& id) {
    return lf::contacts::get().account_id(account).contact_id(id);
  });
  double const seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  REQUIRE(results.size() == ids.size());
  std::size_t exchanges = 0;
  for (auto const& c : clients) exchanges += c.transport().attempts.size();
  CHECK(exchanges == ids.size());
  for (auto const& r : results) {
    if (!r) CHECK(r.error().http_status != 0);  // answered (found or not), never a local failure
  }
  CHECK(limit->granted() == ids.size());
  CHECK(seconds >= (60.0 - 10.0) / 100.0 * 0.9);

  // Bare threads: 4 x 50 tokens at 200/s after a burst of 5.
  lf::shared_rate_limit bare(200.0, 5.0);
  std::atomic<int> gate{0};
  std::vector<std::thread> pool;
  auto const bare_start = std::chrono::steady_clock::now();
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&bare, &gate] {
      gate.fetch_add(1);
      while (gate.load() < threads) std::this_thread::yield();
      for (int n = 0; n < 50;) {
        std::chrono::milliseconds const wait = bare.acquire(lf::clock_type::now());
        if (wait.count() == 0) {
          ++n;
        } else {
          std::this_thread::sleep_for(wait);
        }
      }
    });
  }
  for (std::thread& t : pool) t.join();
  double const bare_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - bare_start).count();
  CHECK(bare.granted() == 200);
  CHECK(bare_seconds >= (200.0 - 5.0) / 200.0 * 0.9);
  MESSAGE("shared limit: 60 reads by 4 clients in " << seconds << " s (100/s); 200 tokens by 4 threads in "
                                                    << bare_seconds << " s (200/s)");
}
