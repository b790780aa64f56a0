// SPDX-License-Identifier: MIT
// The `leadfeeder` command-line program: the libcurl transport and the environment around
// run_cli() (cli.hpp). The API key comes from LEADFEEDER_API_KEY, never from the command line;
// `--base-url URL` (anywhere) points the client at another server.
//
//   export LEADFEEDER_API_KEY=...
//   leadfeeder accounts
//   leadfeeder contacts search --account 123456 --term cto --all
//   leadfeeder companies get 129011 --account 123456 --json
//   leadfeeder export contacts --account 123456 --term cto --format csv --out cto.csv
//
// Ctrl-C sets a flag that a long command (an export, a --wait) reads between calls: it stops
// cleanly, with what it wrote intact (exit 130). A second Ctrl-C ends the program at once.
#define LEADFEEDER_BOOST_JSON_IMPL  // this program's one translation unit compiles Boost.JSON
#include <leadfeeder/leadfeeder.hpp>

#include "cli.hpp"

#include <curl_transport.hpp>

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <unistd.h>

namespace {

std::atomic<bool> interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free, "the flag is set from a signal handler");

extern "C" void on_interrupt(int) { interrupted.store(true); }

}  // namespace

int main(int argc, char** argv) {
  namespace lf = leadfeeder;
  std::vector<std::string> args;
  std::string base_url = "https://api.leadfeeder.com";
  bool wants_help = argc < 2;
  bool operands_only = false;
  for (int i = 1; i < argc; ++i) {
    std::string_view const a = argv[i];
    if (!operands_only && a == "--base-url") {
      if (i + 1 >= argc) {
        std::cerr << "error: option --base-url needs a value (URL)\n";
        return leadfeeder_cli::exit_usage;
      }
      base_url = argv[++i];
      continue;
    }
    if (!operands_only && a.substr(0, 11) == "--base-url=") {
      base_url = std::string(a.substr(11));
      continue;
    }
    if (a == "--") operands_only = true;
    if (!operands_only && (a == "--help" || a == "-h" || (i == 1 && a == "help"))) wants_help = true;
    args.emplace_back(a);
  }

  if (base_url.substr(0, 7) != "http://" && base_url.substr(0, 8) != "https://") {
    std::cerr << "error: --base-url must start with http:// or https://\n";
    return leadfeeder_cli::exit_usage;
  }

  char const* const key = std::getenv("LEADFEEDER_API_KEY");
  bool const has_key = key != nullptr && *key != '\0';
  if (!has_key && !wants_help) {  // help needs no key: nothing is sent
    std::cerr
        << "error: the environment variable LEADFEEDER_API_KEY is not set (export your Leadfeeder API key in it)\n";
    return leadfeeder_cli::exit_usage;
  }

  lf::client_options options;
  options.api_key = has_key ? key : "";
  options.base_url = std::move(base_url);
  // Under the key's limit (10 requests a second, bursts of 15), and a 429 or 5xx answer to a read
  // is tried again, after its Retry-After: an export of many pages or ids runs through both.
  options.rate_limit.enabled = true;
  options.retry = lf::retry_policy{};
  lf::client<example::curl_transport> client{example::curl_transport{}, std::move(options)};

  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESETHAND;  // the next Ctrl-C has the default effect
  ::sigaction(SIGINT, &action, nullptr);

  leadfeeder_cli::environment<example::curl_transport> env;
  env.in = &std::cin;
  env.err_is_terminal = ::isatty(STDERR_FILENO) == 1;
  env.interrupted = &interrupted;
  env.make_transport = [] { return example::curl_transport{}; };
  return leadfeeder_cli::run_cli(args, client, std::cout, std::cerr, std::move(env));
}
