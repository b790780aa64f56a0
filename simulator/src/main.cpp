// SPDX-License-Identifier: MIT
// leadfeeder-simulator: command line, signals and the process lifetime.
// The first line on stdout is exactly "listening on http://127.0.0.1:PORT" (flushed at once);
// everything else goes to stderr.
#include "api.hpp"
#include "http_server.hpp"
#include "util.hpp"

#include <fcntl.h>
#include <unistd.h>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

int wake_pipe[2] = {-1, -1};

extern "C" void on_signal(int) {
  int const saved = errno;
  char const c = 's';
  ssize_t const n = ::write(wake_pipe[1], &c, 1);
  (void)n;
  errno = saved;
}

char const* const usage_text =
    "usage: leadfeeder-simulator [options]\n"
    "\n"
    "A local simulator of the Leadfeeder API v1 on 127.0.0.1, as api/leadfeeder-v1.json describes it.\n"
    "The first line on stdout is \"listening on http://127.0.0.1:PORT\".\n"
    "\n"
    "  --port N                 port to listen on; 0 (the default) picks a free one\n"
    "  --api-key KEY            an accepted X-Api-Key (repeatable; default: test-key). The 1st, 3rd, ...\n"
    "                           key belongs to user 12345 (accounts 123456, 789012, 345678), the 2nd,\n"
    "                           4th, ... to user 12346 (accounts 123456, 789012)\n"
    "  --seed N                 seed of the data set, request ids and faults (default 1)\n"
    "  --rate-limit on|off      10 requests/s per key with bursts of 15, plus the monthly quota (default on)\n"
    "  --monthly-quota N        requests per key before every request gets 429 (default 100000)\n"
    "  --auth-status 401|403    status of a missing or unknown key: 401 with WWW-Authenticate, as the live\n"
    "                           API answers (default), or 403 with the flat body, as the docs page shows\n"
    "  --fault-latency-ms N     delay requests by N ms ...\n"
    "  --fault-latency-rate P   ... with probability P (default 1 when --fault-latency-ms is set)\n"
    "  --fault-5xx-rate P       answer 500, 503 or 504 with probability P\n"
    "  --fault-429-rate P       answer 429 with probability P\n"
    "  --fault-truncate-rate P  send the full Content-Length but half the body, then close, with probability P\n"
    "  --fault-drop-rate P      close the connection without answering with probability P\n"
    "  --exit-on-stdin-eof      exit when standard input reaches end of file\n"
    "  --openapi-perturbed      serve a perturbed copy of the OpenAPI document at /openapi.yaml (a moved\n"
    "                           path, a renamed parameter, a required flag flipped, an added enum value,\n"
    "                           a new operation, a removed one; see tools/openapi_document.py)\n"
    "  --log                    log every request to stderr\n"
    "  --description PATH       serve the API description in PATH (the format of api/leadfeeder-v1.json)\n"
    "                           instead of the one built in; operations without a handler of their own\n"
    "                           are answered from their response schema\n"
    "  --print-routes           print every route (METHOD PATH OPERATION) and exit\n"
    "  --help                   show this help and exit\n"
    "\n"
    "Per request, the header X-Simulator-Fault: <fault>[,<fault>...] injects faults, where a fault is\n"
    "latency=<ms>, status=<code>, rate_limit, truncate or drop. Faults by flag are drawn from the seed and\n"
    "the order of requests, so a run is repeatable. SIGINT, SIGTERM (or stdin EOF) end the process with 0.\n";

[[noreturn]] void usage_error(std::string const& message) {
  std::fprintf(stderr, "leadfeeder-simulator: %s\n(try --help)\n", message.c_str());
  std::exit(2);
}

std::uint64_t to_uint(std::string_view name, std::string_view value, std::uint64_t max) {
  std::uint64_t v = 0;
  if (!lfsim::parse_uint(value, v) || v > max) {
    usage_error(std::string(name) + " needs an integer from 0 to " + std::to_string(max) + ", not '" +
                std::string(value) + "'");
  }
  return v;
}

double to_probability(std::string_view name, std::string_view value) {
  double v = 0;
  if (!lfsim::parse_double(value, v) || v < 0 || v > 1) {
    usage_error(std::string(name) + " needs a probability from 0 to 1, not '" + std::string(value) + "'");
  }
  return v;
}

bool read_file(std::string const& path, std::string& out) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  char buf[65536];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  bool const ok = std::ferror(f) == 0;
  std::fclose(f);
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  lfsim::options opts;
  std::uint16_t port = 0;
  bool exit_on_stdin_eof = false;
  bool print_routes = false;
  bool latency_rate_given = false;

  std::vector<std::string> args(argv + 1, argv + argc);
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string name = args[i];
    std::string value;
    bool has_inline_value = false;
    std::size_t const eq = name.find('=');
    if (lfsim::starts_with(name, "--") && eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      has_inline_value = true;
    }
    auto next = [&]() -> std::string {
      if (has_inline_value) return value;
      if (i + 1 >= args.size()) usage_error(name + " needs a value");
      return args[++i];
    };
    if (name == "--help" || name == "-h") {
      std::fputs(usage_text, stdout);
      return 0;
    } else if (name == "--port") {
      port = static_cast<std::uint16_t>(to_uint(name, next(), 65535));
    } else if (name == "--api-key") {
      std::string key = next();
      if (key.empty()) usage_error("--api-key needs a non-empty key");
      opts.api_keys.push_back(std::move(key));
    } else if (name == "--seed") {
      opts.seed = to_uint(name, next(), ~0ULL);
    } else if (name == "--rate-limit") {
      std::string const v = next();
      if (v != "on" && v != "off") usage_error("--rate-limit takes on or off");
      opts.rate_limit = v == "on";
    } else if (name == "--auth-status") {
      std::string const v = next();
      if (v != "401" && v != "403") usage_error("--auth-status takes 401 or 403");
      opts.auth_status = v == "401" ? 401 : 403;
    } else if (name == "--monthly-quota") {
      opts.monthly_quota = to_uint(name, next(), ~0ULL);
    } else if (name == "--fault-latency-ms") {
      opts.fault_latency_ms = static_cast<std::int64_t>(to_uint(name, next(), 60000));
    } else if (name == "--fault-latency-rate") {
      opts.fault_latency_rate = to_probability(name, next());
      latency_rate_given = true;
    } else if (name == "--fault-5xx-rate") {
      opts.fault_5xx_rate = to_probability(name, next());
    } else if (name == "--fault-429-rate") {
      opts.fault_429_rate = to_probability(name, next());
    } else if (name == "--fault-truncate-rate") {
      opts.fault_truncate_rate = to_probability(name, next());
    } else if (name == "--fault-drop-rate") {
      opts.fault_drop_rate = to_probability(name, next());
    } else if (name == "--description") {
      std::string const path = next();
      if (!read_file(path, opts.description_json)) usage_error("--description: cannot read '" + path + "'");
    } else if (name == "--exit-on-stdin-eof" && !has_inline_value) {
      exit_on_stdin_eof = true;
    } else if (name == "--openapi-perturbed" && !has_inline_value) {
      opts.openapi_perturbed = true;
    } else if (name == "--log" && !has_inline_value) {
      opts.log = true;
    } else if (name == "--print-routes" && !has_inline_value) {
      print_routes = true;
    } else {
      usage_error("unknown argument '" + args[i] + "'");
    }
  }
  if (!latency_rate_given) opts.fault_latency_rate = 1.0;
  if (opts.api_keys.empty()) opts.api_keys.emplace_back("test-key");

  if (print_routes) {
    try {
      for (auto const& r : lfsim::simulator::routes(opts.description_json)) {
        std::printf("%s %s %s\n", r.method.c_str(), r.path.c_str(), r.operation.c_str());
      }
    } catch (std::exception const& e) {
      std::fprintf(stderr, "leadfeeder-simulator: %s\n", e.what());
      return 1;
    }
    return 0;
  }

  if (::pipe2(wake_pipe, O_CLOEXEC | O_NONBLOCK) != 0) {
    std::perror("leadfeeder-simulator: pipe2");
    return 1;
  }
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  ::sigaction(SIGINT, &sa, nullptr);
  ::sigaction(SIGTERM, &sa, nullptr);
  std::signal(SIGPIPE, SIG_IGN);

  try {
    lfsim::stop_signal stop;
    lfsim::simulator sim(opts, stop);
    lfsim::http_server server([&sim](lfsim::http_request const& req) { return sim.handle(req); },
                              [&sim](int status, std::string const& detail) { return sim.refuse(status, detail); },
                              lfsim::server_limits{}, stop);
    std::uint16_t const bound = server.listen(port);
    std::printf("listening on http://127.0.0.1:%u\n", static_cast<unsigned>(bound));
    std::fflush(stdout);
    std::fprintf(stderr,
                 "leadfeeder-simulator: seed %llu, %zu API key(s), rate limit %s; accounts 123456 (with credits), "
                 "789012, 345678\n",
                 static_cast<unsigned long long>(opts.seed), opts.api_keys.size(), opts.rate_limit ? "on" : "off");

    if (exit_on_stdin_eof) {
      std::thread([] {
        char buf[512];
        for (;;) {
          ssize_t const n = ::read(0, buf, sizeof buf);
          if (n > 0) continue;
          if (n < 0 && errno == EINTR) continue;
          break;
        }
        on_signal(0);
      }).detach();
    }

    server.run(wake_pipe[0]);
    stop.request();
    server.shut_down(std::chrono::milliseconds(2000));
  } catch (std::exception const& e) {
    std::fprintf(stderr, "leadfeeder-simulator: %s\n", e.what());
    std::fflush(stderr);
    return 1;
  }
  std::fflush(stdout);
  std::fflush(stderr);
  // Detached threads (the stdin watcher, a connection still closing) may remain: end without
  // running static destructors under their feet.
  std::_Exit(0);
}
