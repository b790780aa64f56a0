// SPDX-License-Identifier: MIT
// End to end through the libcurl transport against the local simulator on loopback: the client's
// CPU time per call, separated from the transport's (libcurl, the kernel's loopback). The
// transport is wrapped so that the thread CPU time spent inside send() is counted apart.
//   leadfeeder_bench_end_to_end SIMULATOR_PATH [CALLS]
#define LEADFEEDER_BOOST_JSON_IMPL
#include <leadfeeder/leadfeeder.hpp>

#include <curl_transport.hpp>

#include "../../tests/integration/simulator_process.hpp"

#include <time.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace lf = leadfeeder;

namespace {

double thread_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// Counts the CPU time spent inside the wrapped transport's send().
struct timed_transport {
  example::curl_transport inner;
  double* seconds;
  std::error_code send(lf::http_request const& req, lf::http_response& res) {
    double const start = thread_cpu_seconds();
    std::error_code const ec = inner.send(req, res);
    *seconds += thread_cpu_seconds() - start;
    return ec;
  }
};

template <class Client, class MakeCall>
void measure(char const* name, Client& client, double& transport_seconds, int calls, MakeCall&& call) {
  call(client);  // warm-up: connection, buffers
  transport_seconds = 0;
  double const start = thread_cpu_seconds();
  std::size_t bytes = 0;
  for (int i = 0; i < calls; ++i) bytes += call(client);
  double const total = thread_cpu_seconds() - start;
  double const client_us = (total - transport_seconds) / calls * 1e6;
  double const transport_us = transport_seconds / calls * 1e6;
  std::printf(
      "%-44s %6d calls  %8.1f us client CPU/call  %8.1f us transport CPU/call  %5.1f%% client  %8zu bytes/call\n", name,
      calls, client_us, transport_us, 100.0 * client_us / (client_us + transport_us),
      bytes / static_cast<std::size_t>(calls));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s SIMULATOR_PATH [CALLS]\n", argv[0]);
    return 2;
  }
  int const calls = argc > 2 ? std::atoi(argv[2]) : 200;
  integration::simulator_process simulator(argv[1], {"--api-key", "bench-key", "--rate-limit", "off", "--seed", "5"});
  double transport_seconds = 0;
  lf::client_options options;
  options.api_key = "bench-key";
  options.base_url = simulator.base_url();
  lf::client<timed_transport> client{timed_transport{example::curl_transport{}, &transport_seconds}, options};

  // 100 contact ids to retrieve.
  std::vector<std::string> ids;
  for (auto const& c : lf::items(client, lf::contacts::search().account_id("123456").page_size<100>())) {
    if (!c) {
      std::fprintf(stderr, "error: %s\n", lf::to_string(c.error()).c_str());
      return 1;
    }
    ids.emplace_back(c->id());
    if (ids.size() == 100) break;
  }

  std::printf("leadfeeder end to end over libcurl and loopback (%s)\n", simulator.base_url().c_str());
  measure("contacts.retrieve, 100 ids, read every name", client, transport_seconds, calls, [&](auto& c) {
    auto r = c.send(lf::contacts::retrieve().account_id("123456").ids(lf::borrow(ids)));
    std::size_t n = r ? r->body().size() : 0;
    if (r) {
      for (lf::contact_view contact : r->data()) n += contact.first_name().empty() ? 0 : 1;
    }
    c.recycle(std::move(r));
    return n;
  });
  measure("contacts.search, one page of 100", client, transport_seconds, calls, [&](auto& c) {
    auto r = c.send(lf::contacts::search().account_id("123456").search_terms({"a"}).page_size<100>());
    std::size_t const n = r ? r->body().size() : 0;
    c.recycle(std::move(r));
    return n;
  });
  measure("users.me (a small answer)", client, transport_seconds, calls, [&](auto& c) {
    auto r = c.send(lf::users::me());
    std::size_t const n = r ? r->body().size() : 0;
    c.recycle(std::move(r));
    return n;
  });
  return 0;
}
