// SPDX-License-Identifier: MIT
// Bulk reads and bytes on the wire, on loopback (figures of docs/performance.md):
//
// 1. Requests per second with 1, 4 and 8 calls in flight: N clients over the libcurl transport
//    (example::read_all, examples/transports/parallel_reads.hpp), one lf::shared_rate_limit,
//    against the simulator with its per-key limit on (10 requests/s, bursts of 15) and 300 ms of
//    latency on every call. Each row uses a key of its own, so every row starts with full
//    buckets; "steady" is the rate between the 20th completion and the last (after the burst).
//    Every answer that was a 429 is counted (none is retried).
// 2. Bytes on the wire for the benchmark's 1,000-contact answer (bench/src/corpus.cpp), served
//    by nginx with gzip, fetched by the libcurl transport with compression asked for and not; the
//    figure is nginx's $body_bytes_sent for the request.
//
//   leadfeeder_bench_wire [LATENCY_MS] [--quick]      (default 300 ms; --quick: fewer calls)
//
// Exit status 1 when a call failed or an answer was a 429 (the shared limit should prevent it).
#define LEADFEEDER_IMPLEMENTATION
#include <leadfeeder/leadfeeder.hpp>

#include <curl_transport.hpp>
#include <parallel_reads.hpp>

#include "../../tests/resilience/support.hpp"
#include "common.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <sstream>
#include <string>
#include <vector>

namespace lf = leadfeeder;
using clock_type = std::chrono::steady_clock;

namespace {

constexpr char const* account = "123456";

// Records when each exchange ended (for the steady-state rate).
struct completions {
  std::mutex mutex;
  std::vector<clock_type::time_point> at;
  void add() {
    std::lock_guard<std::mutex> lock(mutex);
    at.push_back(clock_type::now());
  }
};

struct timed_transport {
  example::curl_transport inner;
  completions* done;
  std::error_code send(lf::http_request const& req, lf::http_response& res) {
    std::error_code const ec = inner.send(req, res);
    done->add();
    return ec;
  }
};

std::vector<std::string> contact_ids(std::string const& base_url, std::size_t n) {
  lf::client_options o;
  o.api_key = "wire-ids";
  o.base_url = base_url;
  lf::client<example::curl_transport> client{example::curl_transport{}, o};
  std::vector<std::string> ids;
  auto page = client.send(lf::contacts::search().account_id(account).page_size<100>());
  if (!page) {
    std::fprintf(stderr, "error: the search for ids failed: %s\n", lf::to_string(page.error()).c_str());
    std::exit(1);
  }
  for (auto c : page->data()) ids.emplace_back(c.id());
  while (ids.size() < n) ids.push_back(ids[ids.size() % 100]);  // the same contacts again: reads still count
  ids.resize(n);
  return ids;
}

bool all_good = true;

void throughput_row(std::string const& base_url, std::size_t in_flight, std::size_t calls,
                    std::vector<std::string> const& all_ids, int latency_ms) {
  auto limit = std::make_shared<lf::shared_rate_limit>();
  completions done;
  std::atomic<int> too_many{0};
  std::vector<lf::client<timed_transport>> clients;
  std::string const key = "wire-" + std::to_string(in_flight);
  for (std::size_t i = 0; i < in_flight; ++i) {
    lf::client_options o;
    o.api_key = key;
    o.base_url = base_url;
    o.shared_limit = limit;
    o.logger = [&too_many](lf::log_event const& e) {
      if (e.what == lf::log_event::kind::response && e.status == 429) ++too_many;
    };
    clients.emplace_back(timed_transport{example::curl_transport{}, &done}, o);
  }
  std::vector<std::string> const ids(all_ids.begin(), all_ids.begin() + static_cast<std::ptrdiff_t>(calls));
  auto const start = clock_type::now();
  auto results = example::read_all(clients, ids, [](std::string const& id) {
    return lf::contacts::get().account_id(account).contact_id(id);
  });
  auto const end = clock_type::now();
  std::size_t ok = 0;
  for (auto const& r : results) ok += r ? 1 : 0;
  double const seconds = std::chrono::duration<double>(end - start).count();
  std::sort(done.at.begin(), done.at.end());
  double steady = 0;
  if (done.at.size() > 21) {
    double const span = std::chrono::duration<double>(done.at.back() - done.at[19]).count();
    if (span > 0) steady = static_cast<double>(done.at.size() - 20) / span;
  }
  if (ok != calls || too_many.load() != 0) all_good = false;
  std::string const steady_text = steady > 0 ? std::to_string(steady).substr(0, 5) + "/s" : "-";
  std::printf(
      "  %2zu in flight  %4zu calls  %4zu ok  %6.2f s  %6.2f requests/s  steady %8s  429 answers: %d"
      "  (%d ms latency)\n",
      in_flight, calls, ok, seconds, static_cast<double>(calls) / seconds, steady_text.c_str(), too_many.load(),
      latency_ms);
}

// nginx serving one file with gzip; the access log gives the body bytes sent per request.
class nginx_file_server {
 public:
  nginx_file_server(std::string const& nginx, std::string const& body) : port_(resilience::free_port()) {
    std::string const d = dir_.path();
    std::filesystem::create_directories(d + "/www");
    std::ofstream(d + "/www/contacts.json", std::ios::binary) << body;
    std::ofstream conf(d + "/nginx.conf");
    conf << "daemon off;\nmaster_process off;\nworker_processes 1;\npid " << d << "/nginx.pid;\n"
         << "error_log " << d << "/error.log warn;\nevents { worker_connections 16; }\nhttp {\n"
         << "  log_format wire '$request_uri $status $body_bytes_sent';\n"
         << "  access_log " << d << "/access.log wire;\n"
         << "  client_body_temp_path " << d << "/body; proxy_temp_path " << d << "/proxy;\n"
         << "  fastcgi_temp_path " << d << "/fastcgi; uwsgi_temp_path " << d << "/uwsgi; scgi_temp_path " << d
         << "/scgi;\n"
         << "  default_type application/json;\n  gzip on; gzip_types application/json; gzip_min_length 1;\n"
         << "  server {\n    listen 127.0.0.1:" << port_ << ";\n    location /v1/files/ { alias " << d
         << "/www/; }\n  }\n}\n";
    conf.close();
    resilience::child_process::streams io;
    process_ = std::make_unique<resilience::child_process>(
        std::vector<std::string>{nginx, "-e", d + "/error.log", "-p", d, "-c", d + "/nginx.conf"}, io);
    if (!resilience::wait_accepting(port_, std::chrono::milliseconds(10000))) {
      throw std::runtime_error("nginx does not accept: " + resilience::read_file(d + "/error.log"));
    }
  }
  ~nginx_file_server() { process_->terminate(); }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  // The body bytes of the last request in the access log.
  long long last_bytes_sent() const {
    std::string const log = resilience::read_file(dir_.file("access.log"));
    std::size_t const end = log.find_last_not_of('\n');
    if (end == std::string::npos) return -1;
    std::size_t const begin = log.rfind('\n', end);
    std::istringstream line(log.substr(begin == std::string::npos ? 0 : begin + 1));
    std::string uri;
    int status = 0;
    long long bytes = -1;
    line >> uri >> status >> bytes;
    return bytes;
  }

 private:
  resilience::temp_dir dir_;
  int port_;
  std::unique_ptr<resilience::child_process> process_;
};

void wire_rows() {
  std::string const nginx = [] {
    std::string p = resilience::find_program("nginx");
    if (p.empty() && ::access("/usr/sbin/nginx", X_OK) == 0) p = "/usr/sbin/nginx";
    return p;
  }();
  if (nginx.empty()) {
    std::printf("  (nginx not installed: no figures; apt-get install nginx-light)\n");
    return;
  }
  std::string const body = bench::make_contacts_body(1000);
  nginx_file_server server(nginx, body);
  for (bool compression : {false, true}) {
    example::curl_options c;
    c.compression = compression;
    lf::client_options o;
    o.api_key = "wire";
    o.base_url = server.base_url();
    lf::client<example::curl_transport> client{example::curl_transport{c}, o};
    auto r = client.send(lf::raw_request(lf::http_method::get, "/v1/files/contacts.json"));
    if (!r) {
      std::printf("  error: %s\n", lf::to_string(r.error()).c_str());
      all_good = false;
      continue;
    }
    std::size_t const contacts = r->data().size();
    long long const wire = server.last_bytes_sent();
    std::printf("  compression %-3s  %zu contacts, %zu bytes of JSON: %lld bytes on the wire (%.1f%%)\n",
                compression ? "on" : "off", contacts, r->body().size(), wire,
                100.0 * static_cast<double>(wire) / static_cast<double>(r->body().size()));
  }
}

}  // namespace

int main(int argc, char** argv) {
  int const latency_ms = argc > 1 ? std::atoi(argv[1]) : 300;
  bool const quick = argc > 2 && std::string(argv[2]) == "--quick";
  std::vector<std::string> args{"--rate-limit", "on", "--seed", "5", "--fault-latency-ms", std::to_string(latency_ms)};
  for (char const* k : {"wire-ids", "wire-1", "wire-4", "wire-8"}) {
    args.push_back("--api-key");
    args.push_back(k);
  }
  resilience::simulator simulator(args);  // the build's leadfeeder-simulator (LEADFEEDER_SIMULATOR_PATH)
  std::string const& base_url = simulator.base_url();
  std::printf("1. Several calls in flight under one lf::shared_rate_limit (simulator %s, limit 10/s)\n",
              base_url.c_str());
  std::vector<std::string> const ids = contact_ids(base_url, 100);
  throughput_row(base_url, 1, quick ? 5 : 25, ids, latency_ms);
  throughput_row(base_url, 4, quick ? 20 : 60, ids, latency_ms);
  throughput_row(base_url, 8, quick ? 30 : 100, ids, latency_ms);
  std::printf("2. Bytes on the wire for the 1,000-contact answer (nginx with gzip, the libcurl transport)\n");
  wire_rows();
  return all_good ? 0 : 1;
}
