// SPDX-License-Identifier: MIT
// libFuzzer harness: the input is an error answer. Its first byte picks the status (never 2xx),
// its second byte the length of a Retry-After value taken from the bytes that follow, its third
// byte a few switches (a deadline, async retries, an X-Request-Id); the rest is the body. The
// client retries once with injected time, so Retry-After reaches the backoff arithmetic; the error
// must be typed by the status, carry it, and read cleanly.
#define LEADFEEDER_BOOST_JSON_IMPL
#include <leadfeeder/detail/policy_rules.hpp>
#include <leadfeeder/leadfeeder.hpp>
#include <leadfeeder/testing/scripted_transport.hpp>

#include "walk.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

namespace lf = leadfeeder;
namespace fz = leadfeeder_fuzz;
using transport = lf::testing::scripted_transport;

[[noreturn]] void fail(char const* what) {
  std::fprintf(stderr, "fuzz_errors: %s\n", what);
  std::abort();
}

constexpr int statuses[] = {400,
                            401,
                            403,
                            404,
                            405,
                            408,
                            409,
                            410,
                            413,
                            415,
                            422,
                            429,
                            451,
                            499,
                            500,
                            501,
                            502,
                            503,
                            504,
                            507,
                            520,
                            599,
                            100,
                            101,
                            199,
                            300,
                            301,
                            302,
                            304,
                            307,
                            308,
                            0,
                            -1,
                            600,
                            999,
                            1000,
                            -2147483647 - 1,
                            2147483647};

int status_from(std::uint8_t b) {
  constexpr std::size_t n = sizeof statuses / sizeof statuses[0];
  if (b < 2 * n) return statuses[b % n];
  int const s = 100 + (b - 2 * static_cast<int>(n)) * 3;  // 100..~650 in steps of 3
  return (s >= 200 && s <= 299) ? s + 300 : s;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::string_view trim(std::string_view v) {
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
  return v;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  if (size < 3) return 0;
  int const status = status_from(data[0]);
  std::size_t const header_length = std::min<std::size_t>(data[1] % 48, size - 3);
  std::uint8_t const switches = data[2];
  std::string const retry_after(reinterpret_cast<char const*>(data + 3), header_length);
  std::string const body(reinterpret_cast<char const*>(data + 3 + header_length), size - 3 - header_length);

  // Injected time: nothing sleeps; every wait is recorded.
  auto const epoch = lf::clock_type::time_point(std::chrono::hours(24 * 365));
  std::vector<std::chrono::milliseconds> waits;
  lf::client_options options;
  options.api_key = "KEY";
  options.retry = lf::retry_policy{};
  options.retry.max_attempts = 2;
  options.time.now = [epoch] { return epoch; };
  options.time.sleep = [&waits](std::chrono::milliseconds d) { waits.push_back(d); };

  transport script;
  lf::client<transport> client(script, options);
  std::vector<std::pair<std::string, std::string>> headers;
  if ((switches & 1) == 0) headers.emplace_back("Retry-After", retry_after);
  if ((switches & 2) != 0) headers.emplace_back("X-Request-Id", "rid-header");
  script.respond(status, body, headers);
  script.respond(status, body, headers);

  lf::call_options call;
  if ((switches & 4) != 0) call.deadline = epoch + std::chrono::seconds(1 + (switches >> 3));
  auto const r = client.send(lf::contacts::get().contact_id("3219787601").account_id("123456"), call);
  if (r) fail("an error status gave a value");
  lf::error const& e = r.error();
  if (e.http_status != status) fail("the error lost its status");
  if (e.code != lf::make_error_code(lf::errc_from_status(status, e.api_code)))
    fail("the error is not typed by its status");
  if (e.api_code.empty() && e.message.empty() && !body.empty()) fail("a body gave neither a code nor a message");
  if ((switches & 2) != 0 && e.request_id.empty()) fail("the X-Request-Id header was lost");
  if ((switches & 1) == 0) {
    std::string_view const value = trim(retry_after);
    if (all_digits(value) && value.size() <= 18) {
      if (!e.retry_after || e.retry_after->count() != std::stoll(std::string(value))) {
        fail("a delta-seconds Retry-After was misread");
      }
    }
    if (e.retry_after && e.retry_after->count() < 0) fail("a negative Retry-After");
  }
  for (std::chrono::milliseconds w : waits) {
    if (w.count() < 0 || w > options.retry.max_delay) fail("a wait outside [0, max_delay]");
  }
  bool const retryable = lf::detail::is_retryable_status(status);
  std::size_t const sent = script.requests().size();
  if (!retryable && sent != 1) fail("a status that is not retryable was retried");
  if (sent == 2 && waits.size() != 1) fail("a retry without a wait");
  if (call.deadline && sent == 2 && epoch + waits.front() > *call.deadline) fail("a wait past the deadline");
  fz::checksum sum;
  fz::walk(sum, e);

  // The same body as the error of a write (never retried), with its first bytes as Retry-After.
  transport script2;
  lf::client_options plain;
  plain.api_key = "KEY";
  lf::client<transport> writer(script2, plain);
  script2.respond(status, body, {{"Retry-After", body.substr(0, 64)}});
  auto const w = writer.send(lf::lists::create().account_id("123456").name("n").scope(lf::lists::scope::company));
  if (w || w.error().http_status != status) fail("the write's error lost its status");
  fz::walk(sum, w.error());
  return 0;
}
