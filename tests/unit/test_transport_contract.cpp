// SPDX-License-Identifier: MIT
// What the client hands a transport beyond the request itself and what it makes of what comes
// back: the time left of the deadline (http_request::timeout) and a transport that gives up at the
// deadline (errc::deadline_exceeded); a 2xx that is not JSON says what arrived (detail::body_hint);
// a redirect names its Location; lf::shared_rate_limit, one bucket for several clients. Time is
// injected: nothing here sleeps for real.
#include <doctest/doctest.h>
#include <test_support.hpp>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lf = leadfeeder;
using namespace std::chrono_literals;

namespace {

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

// Records the timeout of every request; each exchange takes `takes` of fake time and, when it
// would outlast the request's timeout, fails at the timeout as a transport would.
struct timing_transport {
  fake_time* time = nullptr;
  std::chrono::milliseconds takes{0};
  std::shared_ptr<std::vector<std::optional<std::chrono::milliseconds>>> seen =
      std::make_shared<std::vector<std::optional<std::chrono::milliseconds>>>();

  std::error_code send(lf::http_request const& req, lf::http_response& res) {
    seen->push_back(req.timeout);
    if (req.timeout && *req.timeout < takes) {
      time->now += *req.timeout;
      return std::make_error_code(std::errc::timed_out);
    }
    time->now += takes;
    res.status = 200;
    res.body = R"({"data":{"type":"users","id":"1"}})";
    return {};
  }
};

lf::client_options options_with(fake_time& time) {
  lf::client_options o;
  o.api_key = "K";
  o.time = time.source();
  return o;
}

}  // namespace

TEST_CASE("http_request::timeout: none without a deadline, the time left (rounded up) with one") {
  fake_time time;
  timing_transport t;
  t.time = &time;
  auto seen = t.seen;
  lf::client<timing_transport> client{t, options_with(time)};
  REQUIRE(client.send(lf::users::me()));
  lf::call_options call;
  call.deadline = time.now + 1500ms + 300us;
  REQUIRE(client.send(lf::users::me(), call));
  REQUIRE(seen->size() == 2);
  CHECK_FALSE((*seen)[0].has_value());
  REQUIRE((*seen)[1].has_value());
  CHECK(*(*seen)[1] == 1501ms);
}

TEST_CASE("a transport that gives up at the deadline makes the call's error deadline_exceeded") {
  fake_time time;
  timing_transport t;
  t.time = &time;
  t.takes = 5000ms;
  lf::client_options o = options_with(time);
  o.retry = lf::retry_policy{};
  o.retry.max_attempts = 3;
  lf::client<timing_transport> client{t, o};
  lf::call_options call;
  lf::clock_type::time_point const start = time.now;
  call.deadline = start + 1000ms;
  auto r = client.send(lf::users::me(), call);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == lf::errc::deadline_exceeded);
  CHECK(r.error().http_status == 0);
  CHECK(time.now - start <= 1000ms);
  CHECK(t.seen->size() == 1);  // no attempt after the deadline
}

TEST_CASE("a transport's own failure before the deadline keeps the transport's code") {
  fake_time time;
  lf::testing::scripted_transport script;
  script.fail(std::make_error_code(std::errc::connection_refused));
  lf::client<lf::testing::scripted_transport> client{script, options_with(time)};
  lf::call_options call;
  call.deadline = time.now + 1000ms;
  auto r = client.send(lf::users::me(), call);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == std::errc::connection_refused);
}

#if LEADFEEDER_TEST_DETAIL_RULES  // calls a detail rule directly (test_support.hpp)
TEST_CASE("detail::time_left and exchange_code") {
  lf::clock_type::time_point const now{std::chrono::hours(5)};
  CHECK_FALSE(lf::detail::time_left(std::nullopt, now).has_value());
  CHECK(*lf::detail::time_left(now + 2ms, now) == 2ms);
  CHECK(*lf::detail::time_left(now + 1us, now) == 1ms);
  CHECK(*lf::detail::time_left(now - 1s, now) == 1ms);  // never 0, which a transport may read as "none"
  std::error_code const reset = std::make_error_code(std::errc::connection_reset);
  CHECK(lf::detail::exchange_code(reset, now, now) == lf::errc::deadline_exceeded);
  CHECK(lf::detail::exchange_code(reset, now + 1ms, now) == reset);
  CHECK(lf::detail::exchange_code(reset, std::nullopt, now) == reset);
  CHECK_FALSE(lf::detail::exchange_code({}, now, now));
}
#endif

TEST_CASE("a 2xx HTML page says what arrived: status, content type and title") {
  lf::testing::scripted_transport script;
  script.respond(
      200, "<!DOCTYPE html>\n<html><head><TITLE> Sign in - Corporate Proxy </TITLE></head><body>...</body></html>",
      {{"Content-Type", "text/html; charset=utf-8"}});
  lf::client_options o;
  o.api_key = "K";
  lf::client<lf::testing::scripted_transport> client{script, o};
  auto r = client.send(lf::users::me());
  REQUIRE_FALSE(r);
  CHECK(r.error().code == lf::errc::invalid_response);
  CHECK(r.error().http_status == 200);
  std::string const& m = r.error().message;
  CHECK(m.find("HTTP 200") != std::string::npos);
  CHECK(m.find("Content-Type text/html") != std::string::npos);
  CHECK(m.find("\"Sign in - Corporate Proxy\"") != std::string::npos);
}

#if LEADFEEDER_TEST_DETAIL_RULES  // calls a detail rule directly (test_support.hpp)
TEST_CASE("detail::body_hint: plain text, compressed bytes, and silence where the body may be JSON") {
  using lf::detail::body_hint;
  std::string const text = body_hint(200, "text/plain", "Service temporarily\r\n  moved");
  CHECK(text.find("Content-Type text/plain") != std::string::npos);
  CHECK(text.find("starting \"Service temporarily moved\"") != std::string::npos);
  std::string const gzip = body_hint(200, "application/json", std::string("\x1f\x8b\x08\x00rest", 8));
  CHECK(gzip.find("gzip-compressed") != std::string::npos);
  std::string const untyped = body_hint(204, "", "<html>no title</html>");
  CHECK(untyped.find("no Content-Type") != std::string::npos);
  CHECK(untyped.find("HTTP 204") != std::string::npos);
  std::string const long_body(1000, 'x');
  std::string const cut = body_hint(200, "text/plain", long_body);
  CHECK(cut.find("...") != std::string::npos);
  CHECK(cut.size() < 300);
  CHECK(body_hint(200, "application/json", R"({"data":[]})").empty());
  CHECK(body_hint(200, "text/html", "  [1,2]").empty());  // mislabelled JSON is still parsed
  CHECK(body_hint(200, "", "null").empty());
  CHECK(body_hint(200, "application/json", "").empty());
  CHECK(body_hint(200, "application/json", " \r\n").empty());
  CHECK_FALSE(body_hint(200, "text/plain", "null pointer").empty());
}
#endif

TEST_CASE("a redirect is not followed and its Location is in the error") {
  lf::testing::scripted_transport script;
  script.respond(302, "", {{"Location", "https://login.example.test/sso?next=%2Fv1"}})
      .respond(301, R"({"message":"moved"})", {{"Location", "https://api2.example.test/"}})
      .respond(307, "");
  lf::client_options o;
  o.api_key = "K";
  lf::client<lf::testing::scripted_transport> client{script, o};
  auto a = client.send(lf::users::me());
  REQUIRE_FALSE(a);
  CHECK(a.error().code == lf::errc::unexpected_status);
  CHECK(a.error().http_status == 302);
  CHECK(a.error().message.find("Location: https://login.example.test/sso?next=%2Fv1") != std::string::npos);
  auto b = client.send(lf::users::me());
  REQUIRE_FALSE(b);
  CHECK(b.error().message.find("moved") == 0);
  CHECK(b.error().message.find("Location: https://api2.example.test/") != std::string::npos);
  auto c = client.send(lf::users::me());
  REQUIRE_FALSE(c);
  CHECK(c.error().message.find("no Location header") != std::string::npos);
  CHECK(script.requests().size() == 3);  // nothing followed
}

TEST_CASE("shared_rate_limit: bursts, refills, and is drawn from by every client given it") {
  fake_time time;
  auto shared = std::make_shared<lf::shared_rate_limit>(10.0, 3.0);
  CHECK(shared->requests_per_second() == 10.0);
  CHECK(shared->burst() == 3.0);
  lf::testing::scripted_transport script_a;
  lf::testing::scripted_transport script_b;
  for (int i = 0; i < 4; ++i) {
    script_a.respond(200, R"({"data":{"type":"users","id":"1"}})");
    script_b.respond(200, R"({"data":{"type":"users","id":"1"}})");
  }
  lf::client_options o = options_with(time);
  o.shared_limit = shared;
  lf::client<lf::testing::scripted_transport> a{script_a, o};
  lf::client<lf::testing::scripted_transport> b{script_b, o};
  REQUIRE(a.send(lf::users::me()));
  REQUIRE(b.send(lf::users::me()));
  REQUIRE(a.send(lf::users::me()));
  CHECK(time.sleeps.empty());  // the burst of 3, shared
  REQUIRE(b.send(lf::users::me()));
  REQUIRE(time.sleeps.size() == 1);  // the fourth waited for a token: 100 ms at 10/s
  CHECK(time.sleeps[0] >= 99ms);
  CHECK(time.sleeps[0] <= 101ms);
  CHECK(shared->granted() == 4);

  // A deadline too close for the wait: refused unsent, with the wait to retry in.
  lf::call_options call;
  call.deadline = time.now + 10ms;
  auto r = a.send(lf::users::me(), call);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == lf::errc::rate_limited);
  REQUIRE(r.error().retry_in.has_value());
  CHECK(*r.error().retry_in > 10ms);
  CHECK(script_a.requests().size() == 2);
  CHECK(shared->granted() == 4);
}

TEST_CASE("shared_rate_limit with the client's own limiter: a token is taken from both or neither") {
  fake_time time;
  auto shared = std::make_shared<lf::shared_rate_limit>(1.0, 1.0);
  lf::testing::scripted_transport script;
  for (int i = 0; i < 3; ++i) script.respond(200, R"({"data":{"type":"users","id":"1"}})");
  lf::client_options o = options_with(time);
  o.rate_limit.enabled = true;
  o.rate_limit.requests_per_second = 100.0;
  o.rate_limit.burst = 2.0;
  o.shared_limit = shared;
  lf::client<lf::testing::scripted_transport> client{script, o};
  REQUIRE(client.send(lf::users::me()));
  // The shared bucket is empty: the client's own token goes back while the call waits ~1 s.
  REQUIRE(client.send(lf::users::me()));
  REQUIRE(time.sleeps.size() >= 1);
  std::chrono::milliseconds waited{0};
  for (auto d : time.sleeps) waited += d;
  CHECK(waited >= 999ms);
  CHECK(waited <= 1001ms);
  CHECK(shared->granted() == 2);

  // Direct use: give_back() returns a token.
  lf::shared_rate_limit direct(1.0, 1.0);
  lf::clock_type::time_point const t0{std::chrono::hours(1)};
  CHECK(direct.acquire(t0).count() == 0);
  CHECK(direct.acquire(t0).count() > 0);
  direct.give_back();
  CHECK(direct.acquire(t0).count() == 0);
  CHECK(direct.granted() == 1);
}
