// SPDX-License-Identifier: MIT
// One home per rule: the entry points that share a rule (header safety, the calendar, the
// error-body shapes, Retry-After) agree with it, and the client's hooks (time_source, logger) and
// shared flags behave as the std types they replaced.
#include <doctest/doctest.h>
#include <test_support.hpp>

#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace lf = leadfeeder;
using test_support::scripted_client;

namespace {

// "a<c>b": the character in the middle of a value.
std::string with_char(unsigned char c) {
  std::string s = "a";
  s.push_back(static_cast<char>(c));
  s += "b";
  return s;
}

bool writer_refuses(void (*write)(lf::detail::request_writer&, std::string_view), std::string_view value) {
  lf::detail::request_writer w;
  w.begin("test.op", lf::http_method::get, "https://api.example");
  write(w, value);
  return w.failed();
}

int slept_ms = 0;
void count_sleep(std::chrono::milliseconds d) { slept_ms += static_cast<int>(d.count()); }

lf::result<lf::response<lf::json_view>> send_raw_with(lf::client_options options) {
  scripted_client t(std::move(options));
  t.script.respond(200, R"({"data":[]})");
  return t.client.send(lf::raw_request(lf::http_method::get, "/v1/accounts"));
}

}  // namespace

TEST_CASE("header safety: exactly CR, LF and NUL are unsafe") {
  int unsafe = 0;
  for (int c = 0; c < 256; ++c) {
    if (lf::detail::is_unsafe_header_char(static_cast<char>(c))) ++unsafe;
  }
  CHECK(unsafe == 3);
  CHECK(lf::detail::is_unsafe_header_char('\r'));
  CHECK(lf::detail::is_unsafe_header_char('\n'));
  CHECK(lf::detail::is_unsafe_header_char('\0'));
}

TEST_CASE("header safety: path values, query values and query lists refuse the same characters") {
  auto path = [](lf::detail::request_writer& w, std::string_view v) { w.path_param("id", v); };
  auto query = [](lf::detail::request_writer& w, std::string_view v) { w.query("q", v, true); };
  auto list = [](lf::detail::request_writer& w, std::string_view v) {
    w.query_list("ids", lf::string_list{v}, true, 10);
  };
  for (int c = 0; c < 256; ++c) {
    std::string const value = with_char(static_cast<unsigned char>(c));
    bool const unsafe = lf::detail::is_unsafe_header_char(static_cast<char>(c));
    CAPTURE(c);
    CHECK(writer_refuses(path, value) == unsafe);
    CHECK(writer_refuses(query, value) == unsafe);
    CHECK(writer_refuses(list, value) == unsafe);
  }
}

TEST_CASE("header safety: a refused value says which characters, in the same words everywhere") {
  lf::detail::request_writer w;
  w.begin("test.op", lf::http_method::get, "https://api.example");
  w.query("q", std::string_view("a\0b", 3), true);
  REQUIRE(w.failed());
  CHECK(w.failure() == std::string("test.op: parameter 'q' ") + lf::detail::unsafe_header_char_problem);

  lf::client_options o;
  o.api_key = "KEY\nX-Other: 1";
  auto r = send_raw_with(o);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == lf::errc::invalid_argument);
  CHECK(r.error().message == std::string("client_options.api_key ") + lf::detail::unsafe_header_char_problem);
}

TEST_CASE("header safety: the client's options refuse the same characters as the request writer") {
  for (int c = 0; c < 256; ++c) {
    std::string const value = with_char(static_cast<unsigned char>(c));
    bool const unsafe = lf::detail::is_unsafe_header_char(static_cast<char>(c));
    CAPTURE(c);
    lf::client_options key;
    key.api_key = value;
    lf::client_options agent;
    agent.api_key = "KEY";
    agent.user_agent = value;
    lf::client_options token;
    token.bearer_token = value;
    auto refused = [](lf::result<lf::response<lf::json_view>> const& r) {
      return !r && r.error().code == lf::errc::invalid_argument;
    };
    CHECK(refused(send_raw_with(key)) == unsafe);
    CHECK(refused(send_raw_with(agent)) == unsafe);
    CHECK(refused(send_raw_with(token)) == unsafe);
  }
}

TEST_CASE("header safety: response headers drop the same characters the requests refuse") {
  for (int c = 0; c < 256; ++c) {
    std::string const value = with_char(static_cast<unsigned char>(c));
    bool const unsafe = lf::detail::is_unsafe_header_char(static_cast<char>(c));
    CAPTURE(c);
    lf::response_headers h;
    h.add("X-Test", value);
    CHECK(h.find("X-Test") == (unsafe ? std::string("ab") : value));
  }
}

TEST_CASE("calendar: leap years and month lengths") {
  CHECK(lf::detail::is_leap_year(2024));
  CHECK(lf::detail::is_leap_year(2000));
  CHECK_FALSE(lf::detail::is_leap_year(1900));
  CHECK_FALSE(lf::detail::is_leap_year(2023));
  CHECK(lf::detail::days_in_month(2024, 2) == 29);
  CHECK(lf::detail::days_in_month(1900, 2) == 28);
  CHECK(lf::detail::days_in_month(2023, 4) == 30);
  CHECK(lf::detail::days_in_month(2023, 12) == 31);
  CHECK(lf::detail::days_in_month(2023, 0) == 0);
  CHECK(lf::detail::days_in_month(2023, 13) == 0);
}

#if LEADFEEDER_TEST_DETAIL_RULES  // calls a detail rule directly (test_support.hpp)
TEST_CASE("calendar: request dates and HTTP dates accept the same days") {
  char const* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (int year : {1900, 2000, 2023, 2024}) {
    for (int month = 1; month <= 12; ++month) {
      for (int day = 1; day <= 31; ++day) {
        char iso[16];
        char http[40];
        std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
        std::snprintf(http, sizeof http, "Mon, %02d %s %04d 00:00:00 GMT", day, months[month - 1], year);
        bool const real = day <= lf::detail::days_in_month(year, static_cast<unsigned>(month));
        CAPTURE(iso);
        CHECK(lf::detail::is_date(iso) == real);
        CHECK(lf::detail::parse_http_date(http).has_value() == real);
      }
    }
  }
}
#endif

TEST_CASE("error bodies: a 2xx body is an error body exactly when it has a shape's key and no data") {
  auto outcome = [](std::string body) {
    scripted_client t;
    t.script.respond(200, std::move(body));
    auto r = t.client.send(lf::raw_request(lf::http_method::get, "/v1/accounts"));
    return r ? std::string("answer")
             : std::string(r.error().code == lf::errc::invalid_response ? "error body" : "other");
  };
  CHECK(outcome(R"({"code":"invalid_api_key","message":"no"})") == "error body");  // shape A
  CHECK(outcome(R"({"errors":[{"code":"x","title":"t"}]})") == "error body");      // shape B
  CHECK(outcome(R"({"error":{"code":"x","message":"m"}})") == "error body");       // shape C
  CHECK(outcome(R"({"data":[],"code":"x"})") == "answer");                         // data wins
  CHECK(outcome(R"({"meta":{"request_id":"r"}})") == "answer");
}

TEST_CASE("error bodies: a 2xx error body is invalid_response with the shape's fields") {
  scripted_client t;
  t.script.respond(200,
                   R"({"errors":[{"code":"quota","title":"Over","detail":"the quota"}],"meta":{"request_id":"r-9"}})");
  auto r = t.client.send(lf::raw_request(lf::http_method::get, "/v1/accounts"));
  REQUIRE_FALSE(r);
  CHECK(r.error().code == lf::errc::invalid_response);
  CHECK(r.error().api_code == "quota");
  CHECK(r.error().request_id == "r-9");
}

TEST_CASE("error bodies: an HTML error page is described by its title, whatever its case") {
  scripted_client t;
  t.script.respond(502, "<html><head><TITLE> Bad Gateway </TITLE></head></html>");
  auto r = t.client.send(lf::raw_request(lf::http_method::get, "/v1/accounts"));
  REQUIRE_FALSE(r);
  CHECK(r.error().message == "HTTP 502 with an unrecognised body: Bad Gateway");
}

TEST_CASE("Retry-After is read once per response, also when the wait would pass the deadline") {
  using namespace std::chrono_literals;
  auto const epoch = lf::clock_type::time_point(1000s);
  int wall_reads = 0;
  lf::client_options o = scripted_client::default_options();
  o.retry = lf::retry_policy{};
  o.time.now = [epoch] { return epoch; };
  o.time.wall_now = [&wall_reads] {
    ++wall_reads;
    return std::chrono::system_clock::time_point(std::chrono::seconds(784111777));
  };
  o.time.sleep = [](std::chrono::milliseconds) {};
  scripted_client t(o);
  // A date 20 s later: the wait passes the call's deadline, so this answer stands.
  t.script.respond(429, R"({"code":"rate_limited"})", {{"Retry-After", "Sun, 06 Nov 1994 08:49:57 GMT"}});
  lf::call_options call;
  call.deadline = epoch + 5s;
  auto r = t.client.send(lf::raw_request(lf::http_method::get, "/v1/accounts"), call);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == lf::errc::rate_limited);
  REQUIRE(r.error().retry_after);
  CHECK(*r.error().retry_after == 20s);
  CHECK(wall_reads == 1);
}

TEST_CASE("time_source and logger take what a std::function took") {
  using namespace std::chrono_literals;
  lf::time_source time;
  CHECK(static_cast<bool>(time.now));
  auto const fixed = lf::clock_type::time_point(42s);
  std::function<lf::clock_type::time_point()> from_std = [fixed] { return fixed; };
  time.now = from_std;
  CHECK(time.now() == fixed);
  time.now = std::function<lf::clock_type::time_point()>();  // an empty std::function: empty
  CHECK_FALSE(time.now);
  void (*no_sleep)(std::chrono::milliseconds) = nullptr;
  time.sleep = no_sleep;  // a null function pointer: empty
  CHECK_FALSE(time.sleep);
  time.sleep = nullptr;
  CHECK(time.sleep == nullptr);
  time.sleep = count_sleep;  // a function's name
  time.sleep(std::chrono::milliseconds(7));
  CHECK(slept_ms == 7);
  std::function<void(std::chrono::milliseconds)> back = time.sleep;  // and back to a std::function
  back(std::chrono::milliseconds(1));
  CHECK(slept_ms == 8);

  lf::client_options o;
  CHECK_FALSE(o.logger);
  std::string big(100, 'x');  // a capture too large to be stored inline
  int calls = 0;
  o.logger = [big, &calls](lf::log_event const&) { calls += static_cast<int>(big.size()); };
  lf::client_options copy = o;  // copies share nothing but what they call
  lf::log_event e;
  copy.logger(e);
  o.logger(e);
  CHECK(calls == 200);
  lf::client_options moved = std::move(copy);
  moved.logger(e);
  CHECK(calls == 300);
}

TEST_CASE("cancellation_token copies share one flag, which outlives the original") {
  std::optional<lf::cancellation_token> original(std::in_place);
  lf::cancellation_token copy = *original;
  lf::cancellation_token assigned;
  assigned = copy;
  CHECK_FALSE(assigned.cancelled());
  original->cancel();
  original.reset();
  CHECK(copy.cancelled());
  CHECK(assigned.cancelled());
  lf::cancellation_token other;
  CHECK_FALSE(other.cancelled());
}

TEST_CASE("client_options::shared_limit shares ownership of the std::shared_ptr it is given") {
  auto limit = std::make_shared<lf::shared_rate_limit>(5.0, 2.0);
  lf::client_options o;
  CHECK_FALSE(o.shared_limit);
  CHECK(o.shared_limit == nullptr);
  o.shared_limit = limit;
  CHECK(limit.use_count() == 2);
  CHECK(o.shared_limit.get() == limit.get());
  CHECK(o.shared_limit->burst() == 2.0);
  {
    lf::client_options copy = o;
    CHECK(limit.use_count() == 3);
    CHECK(copy.shared_limit.get() == limit.get());
  }
  CHECK(limit.use_count() == 2);
  o.shared_limit = std::shared_ptr<lf::shared_rate_limit>();  // an empty pointer: no limit
  CHECK_FALSE(o.shared_limit);
  CHECK(limit.use_count() == 1);
}
