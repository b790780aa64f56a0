// SPDX-License-Identifier: MIT
// What the restricted builds run (no_exceptions.cpp with -fno-exceptions, no_rtti.cpp with
// -fno-rtti): the client over a scripted transport, views, every kind of error, a lent buffer,
// pages, a raw request and a retry with injected time. Each check prints what failed; run_checks
// returns the process exit status.
#pragma once

#include <leadfeeder/leadfeeder.hpp>
#include <leadfeeder/testing/scripted_transport.hpp>

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string>
#include <system_error>
#include <vector>

namespace restricted_build {

namespace lf = leadfeeder;
using scripted_client = lf::client<lf::testing::scripted_transport>;

inline int failures = 0;

inline void expect(bool ok, char const* what, int line) {
  if (!ok) {
    std::printf("FAILED line %d: %s\n", line, what);
    ++failures;
  }
}
#define RESTRICTED_EXPECT(cond) ::restricted_build::expect((cond), #cond, __LINE__)

inline char const* const contact_body =
    R"({"data":[{"type":"contact","id":3219787601,
                 "attributes":{"first_name":"Ada","emails":[{"address":"ada@example.com"}]},
                 "relationships":{"company":{"type":"company","id":"129011"}}}],
        "meta":{"request_id":"req-1"}})";

inline auto retrieve() { return lf::contacts::retrieve().account_id("123456").ids({"3219787601"}); }

inline lf::client_options options_with_key() {
  lf::client_options options;
  options.api_key = "KEY";
  return options;
}

inline void decoded_values() {
  lf::testing::scripted_transport script;
  script.respond(200, contact_body);
  scripted_client client{script, options_with_key()};
  auto r = client.send(retrieve());
  RESTRICTED_EXPECT(r.has_value());
  if (!r) return;
  RESTRICTED_EXPECT(r->data().size() == 1);
  lf::contact_view c = r->data().front();
  RESTRICTED_EXPECT(c.id() == "3219787601");
  RESTRICTED_EXPECT(c.first_name() == "Ada");
  RESTRICTED_EXPECT(c.emails().front().address() == "ada@example.com");
  RESTRICTED_EXPECT(c.relationships().company().id() == "129011");
  RESTRICTED_EXPECT(!c.has_last_name() && c.last_name().empty());
  RESTRICTED_EXPECT(r->meta().request_id() == "req-1");
  RESTRICTED_EXPECT(script.last().url == "https://api.leadfeeder.com/v1/contacts?ids=3219787601&account_id=123456");
  RESTRICTED_EXPECT(script.last().header("X-Api-Key") == "KEY");
}

inline lf::error error_of(int status, std::string body, std::vector<std::pair<std::string, std::string>> headers = {}) {
  lf::testing::scripted_transport script;
  script.respond(status, std::move(body), std::move(headers));
  scripted_client client{script, options_with_key()};
  auto r = client.send(retrieve());
  return r ? lf::error{} : r.error();
}

inline void errors_are_values() {
  lf::error const limited =
      error_of(429, R"({"code":"rate_limit_exceeded","message":"slow down"})", {{"Retry-After", "7"}});
  RESTRICTED_EXPECT(limited.code == lf::errc::rate_limited);
  RESTRICTED_EXPECT(limited.http_status == 429);
  RESTRICTED_EXPECT(limited.api_code == "rate_limit_exceeded");
  RESTRICTED_EXPECT(limited.retry_after == std::chrono::seconds(7));

  RESTRICTED_EXPECT(error_of(403, R"({"code":"missing_token","message":"no key"})").code == lf::errc::unauthorized);
  RESTRICTED_EXPECT(error_of(404, R"({"errors":[{"code":"not_found","title":"gone"}]})").code == lf::errc::not_found);
  RESTRICTED_EXPECT(error_of(503, "<html>busy</html>").code == lf::errc::server_error);

  // Bodies Boost.JSON refuses: malformed, truncated (the parser's "incomplete" path), not JSON.
  RESTRICTED_EXPECT(error_of(200, R"({"data":[}]})").code == lf::errc::invalid_response);
  RESTRICTED_EXPECT(error_of(200, R"({"data":[{"id":"1")").code == lf::errc::invalid_response);
  RESTRICTED_EXPECT(error_of(200, "<html></html>").code == lf::errc::invalid_response);

  // A failed exchange: the transport's own code, no status.
  lf::testing::scripted_transport script;
  script.fail(std::make_error_code(std::errc::timed_out));
  scripted_client client{script, options_with_key()};
  auto failed = client.send(retrieve());
  RESTRICTED_EXPECT(!failed && failed.error().code == std::errc::timed_out);
  RESTRICTED_EXPECT(failed.error().http_status == 0);

  // Refused before anything is sent.
  auto refused = client.send(lf::contacts::retrieve().account_id("123456").ids({"1\r\nX-Evil: 1"}));
  RESTRICTED_EXPECT(!refused && refused.error().code == lf::errc::invalid_argument);
  RESTRICTED_EXPECT(script.requests().size() == 1);
  RESTRICTED_EXPECT(!lf::to_string(refused.error()).empty());
}

inline void lent_buffer() {
  alignas(std::max_align_t) static unsigned char large[1 << 16];
  alignas(std::max_align_t) static unsigned char small[1024];
  std::string many = R"({"data":[)";
  for (int i = 0; i < 200; ++i) {
    if (i != 0) many += ',';
    many += R"({"type":"contact","id":")" + std::to_string(i) + R"(","attributes":{"first_name":"Name number )" +
            std::to_string(i) + R"("}})";
  }
  many += "]}";
  lf::testing::scripted_transport script;
  script.respond(200, many).respond(200, many);
  scripted_client client{script, options_with_key()};
  auto fits = client.send(retrieve(), lf::document_buffer{large, sizeof large});
  RESTRICTED_EXPECT(fits && fits->data().size() == 200 && fits->data()[199].first_name() == "Name number 199");
  auto overflows = client.send(retrieve(), lf::document_buffer{small, sizeof small});
  RESTRICTED_EXPECT(!overflows && overflows.error().code == lf::errc::buffer_exhausted);
}

// client_options::memory: one block for the request and the document; too small, or still holding
// a live result, is buffer_exhausted and nothing is sent.
inline void call_memory() {
  alignas(std::max_align_t) static unsigned char block[1 << 16];
  alignas(std::max_align_t) static unsigned char tiny[256];
  lf::testing::scripted_transport script;
  script.respond(200, contact_body).respond(200, contact_body).respond(200, contact_body);
  lf::client_options options = options_with_key();
  options.memory = {block, sizeof block};
  scripted_client client{script, options};
  auto first = client.send(retrieve());
  RESTRICTED_EXPECT(first && first->data().front().first_name() == "Ada");
  auto refused = client.send(retrieve());
  RESTRICTED_EXPECT(!refused && refused.error().code == lf::errc::memory_in_use);
  RESTRICTED_EXPECT(script.requests().size() == 1);
  client.recycle(std::move(first));
  auto second = client.send(retrieve());
  RESTRICTED_EXPECT(second && second->data().front().first_name() == "Ada");

  options.memory = {tiny, sizeof tiny};
  scripted_client small_client{script, options};
  auto too_small = small_client.send(retrieve());
  RESTRICTED_EXPECT(!too_small && too_small.error().code == lf::errc::buffer_exhausted);
}

inline std::string search_page(std::vector<std::string> const& ids, char const* next_cursor) {
  std::string body = R"({"data":[)";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i != 0) body += ',';
    body += R"({"type":"contact_summary","id":")" + ids[i] + R"("})";
  }
  return body + R"(],"meta":{"pagination":{"next_cursor":)" + next_cursor + "}}}";
}

inline void pages_and_raw_requests() {
  lf::testing::scripted_transport script;
  script.respond(200, search_page({"1", "2"}, R"("c2")")).respond(200, search_page({"3"}, "null"));
  script.respond(200, R"({"data":[{"id":"7","attributes":{"name":"Tier"}}]})");
  scripted_client client{script, options_with_key()};
  std::string seen;
  for (auto const& contact : lf::items(client, lf::contacts::search().account_id("1").search_terms({"cto"}))) {
    if (!contact) {
      seen += "!";
      break;
    }
    seen.append(contact->id());
  }
  RESTRICTED_EXPECT(seen == "123");

  auto raw = client.send(lf::raw_request(lf::http_method::get, "/v1/custom_fields").query("account_id", "1"));
  RESTRICTED_EXPECT(raw && raw->data()[0]["attributes"]["name"].as_string() == "Tier");
}

inline void retry_with_injected_time() {
  lf::testing::scripted_transport script;
  script.respond(503, "").respond(200, contact_body);
  lf::client_options options = options_with_key();
  options.retry = lf::retry_policy{};
  std::vector<std::chrono::milliseconds> waits;
  options.time.sleep = [&waits](std::chrono::milliseconds d) { waits.push_back(d); };
  scripted_client client{script, options};
  auto r = client.send(retrieve());
  RESTRICTED_EXPECT(r && r->data().front().first_name() == "Ada");
  RESTRICTED_EXPECT(script.requests().size() == 2 && waits.size() == 1);
}

inline int run_checks(char const* build) {
  decoded_values();
  errors_are_values();
  lent_buffer();
  call_memory();
  pages_and_raw_requests();
  retry_with_injected_time();
  std::printf("%s: %s\n", build, failures == 0 ? "all checks passed" : "FAILED");
  return failures == 0 ? 0 : 1;
}

}  // namespace restricted_build
