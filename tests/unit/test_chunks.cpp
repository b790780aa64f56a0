// SPDX-License-Identifier: MIT
// Reads of more ids than one call takes: lf::chunks and lf::chunk_items over contacts.retrieve,
// companies.retrieve, companies.list_ips and companies.match.
#include <doctest/doctest.h>
#include <test_support.hpp>

#include <chrono>
#include <deque>
#include <set>
#include <string>
#include <vector>

namespace lf = leadfeeder;
using test_support::scripted_client;
using namespace std::chrono_literals;

namespace {

// "c0", "c1", ... "c<n-1>"
std::vector<std::string> numbered(std::string const& prefix, std::size_t n) {
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < n; ++i) ids.push_back(prefix + std::to_string(i));
  return ids;
}

// The ids from..to-1 of `ids` joined by commas, as a query carries them.
std::string joined(std::vector<std::string> const& ids, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) out += (i == from ? "" : ",") + ids[i];
  return out;
}

// A retrieve answer holding one resource of `type` per id, charging `charged` credits.
std::string answer(std::string const& type, std::vector<std::string> const& ids, std::size_t from, std::size_t to,
                   int charged = 0) {
  std::string body = R"({"data":[)";
  for (std::size_t i = from; i < to; ++i) {
    if (i != from) body += ',';
    body += R"({"type":")" + type + R"(","id":")" + ids[i] + R"("})";
  }
  return body + R"(],"meta":{"request_id":"r","credits":{"charged":)" + std::to_string(charged) + "}}}";
}

// A match answer: one (empty) candidate list per input.
std::string match_answer(std::size_t inputs) {
  std::string body = R"({"data":[)";
  for (std::size_t i = 0; i < inputs; ++i) body += i == 0 ? "[]" : ",[]";
  return body + "]}";
}

// A clock that only moves when the client sleeps.
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

auto contacts() { return lf::contacts::retrieve().account_id("1"); }
auto companies() { return lf::companies::retrieve().account_id("1"); }

}  // namespace

// The maxima come from the description, through the generated builders.
static_assert(lf::contacts::retrieve_builder<>::chunk_max == 100);
static_assert(lf::companies::retrieve_builder<>::chunk_max == 100);
static_assert(lf::companies::list_ips_builder<>::chunk_max == 100);
static_assert(lf::companies::match_builder<>::chunk_max == 200);
static_assert(std::is_same_v<lf::companies::match_builder<>::chunk_type, std::vector<lf::companies::match_input>>);
static_assert(lf::detail::chunking<lf::contacts::retrieve_builder<>>::value);
static_assert(!lf::detail::chunking<lf::contacts::get_builder<>>::value, "contacts.get takes no id list");

TEST_CASE("chunks: 250 contact ids are read in three calls of 100, 100 and 50, every id in its call") {
  scripted_client t;
  auto const ids = numbered("c", 250);
  t.script.respond(200, answer("contact", ids, 0, 100))
      .respond(200, answer("contact", ids, 100, 200))
      .respond(200, answer("contact", ids, 200, 250));
  auto range = lf::chunks(t.client, contacts(), ids);
  CHECK(range.size() == 250);
  std::vector<std::size_t> sizes, offsets;
  std::vector<std::string> seen;
  for (auto& call : range) {
    REQUIRE(call);
    static_assert(std::is_same_v<decltype(call->data()), lf::array_view<lf::contact_view>>,
                  "each element is the operation's own response");
    sizes.push_back(call->data().size());
    offsets.push_back(range.chunk_offset());
    for (lf::contact_view c : call->data()) seen.emplace_back(c.id());
  }
  CHECK(sizes == std::vector<std::size_t>{100, 100, 50});
  CHECK(offsets == std::vector<std::size_t>{0, 100, 200});
  CHECK(seen == ids);
  CHECK(range.chunks_fetched() == 3);
  REQUIRE(t.script.requests().size() == 3);
  CHECK(t.script.requests()[0].target() == "/v1/contacts?ids=" + joined(ids, 0, 100) + "&account_id=1");
  CHECK(t.script.requests()[1].target() == "/v1/contacts?ids=" + joined(ids, 100, 200) + "&account_id=1");
  CHECK(t.script.requests()[2].target() == "/v1/contacts?ids=" + joined(ids, 200, 250) + "&account_id=1");
}

TEST_CASE("chunks: the builder's other parameters go with every call, and its own ids are replaced") {
  scripted_client t;
  auto const ids = numbered("9", 101);
  t.script.respond(200, answer("company", ids, 0, 100)).respond(200, answer("company", ids, 100, 101));
  int ok = 0;
  for (auto& call : lf::chunks(t.client, companies().include(lf::companies::include::tags).ids({"ignored"}), ids)) {
    ok += call ? 1 : 0;
  }
  CHECK(ok == 2);
  REQUIRE(t.script.requests().size() == 2);
  CHECK(t.script.requests()[0].target() == "/v1/companies?ids=" + joined(ids, 0, 100) + "&account_id=1&include=tags");
  CHECK(t.script.requests()[1].target() == "/v1/companies?ids=9100&account_id=1&include=tags");
}

TEST_CASE("chunks: a repeated id is read once, in the order of its first occurrence") {
  scripted_client t;
  t.script.respond(200, R"({"data":[]})");
  auto range = lf::chunks(t.client, companies(), {"b", "a", "b", "c", "a", "c", "d"});
  CHECK(range.size() == 4);
  CHECK(range.value(0) == "b");
  CHECK(range.value(3) == "d");
  int ok = 0;
  for (auto& call : range) ok += call ? 1 : 0;
  CHECK(ok == 1);
  REQUIRE(t.script.requests().size() == 1);
  CHECK(t.script.last().target() == "/v1/companies?ids=b,a,c,d&account_id=1");
}

TEST_CASE("chunks: 150 ids given twice each are read in two calls, not three") {
  scripted_client t;
  auto const unique = numbered("x", 150);
  std::vector<std::string> twice = unique;
  twice.insert(twice.end(), unique.rbegin(), unique.rend());  // 300 values, 150 distinct
  t.script.respond(200, answer("company", unique, 0, 100))
      .respond(200, answer("company", unique, 100, 150))
      .respond(200, R"({"data":[]})");
  int ok = 0;
  for (auto& call : lf::chunks(t.client, lf::companies::list_ips().account_id("1"), twice)) ok += call ? 1 : 0;
  CHECK(ok == 2);
  REQUIRE(t.script.requests().size() == 2);
  CHECK(t.script.pending() == 1);
  CHECK(t.script.requests()[0].target() == "/v1/companies/ips?account_id=1&company_ids=" + joined(unique, 0, 100));
  CHECK(t.script.requests()[1].target() == "/v1/companies/ips?account_id=1&company_ids=" + joined(unique, 100, 150));
}

TEST_CASE("chunks: companies.match with 450 companies sends 200, 200 and 50, in order") {
  scripted_client t;
  std::vector<lf::companies::match_input> inputs(450);
  for (std::size_t i = 0; i < inputs.size(); ++i) inputs[i].company_name = "Company " + std::to_string(i);
  t.script.respond(200, match_answer(200)).respond(200, match_answer(200)).respond(200, match_answer(50));
  auto range = lf::chunks(t.client, lf::companies::match().account_id("1").max_results_per_company(3), inputs);
  CHECK(range.size() == 450);
  CHECK(range.value(449).company_name == "Company 449");
  std::vector<std::size_t> answered, offsets;
  for (auto& call : range) {
    REQUIRE(call);
    answered.push_back(call->data().size());  // data()[i] answers input chunk_offset() + i
    offsets.push_back(range.chunk_offset());
  }
  CHECK(answered == std::vector<std::size_t>{200, 200, 50});
  CHECK(offsets == std::vector<std::size_t>{0, 200, 400});
  REQUIRE(t.script.requests().size() == 3);
  std::size_t first = 0;
  for (auto const& req : t.script.requests()) {
    CHECK(req.target() == "/v1/companies/match?account_id=1&max_results_per_company=3");
    auto const body = test_support::json(req.body);
    auto const& sent = body.at("companies").as_array();
    REQUIRE(!sent.empty());
    CHECK(sent.front().at("company_name").as_string() == ("Company " + std::to_string(first)).c_str());
    CHECK(sent.back().at("company_name").as_string() == ("Company " + std::to_string(first + sent.size() - 1)).c_str());
    first += sent.size();
  }
  CHECK(first == 450);
  CHECK(test_support::json(t.script.requests()[0].body).at("companies").as_array().size() == 200);
  CHECK(test_support::json(t.script.requests()[2].body).at("companies").as_array().size() == 50);
}

TEST_CASE("chunks: an error status on the second call ends the range with that error; no third call") {
  scripted_client t;
  auto const ids = numbered("c", 250);
  t.script.respond(200, answer("contact", ids, 0, 100))
      .respond(403, R"({"code":"forbidden","message":"no access"})")
      .respond(200, answer("contact", ids, 200, 250));
  int ok = 0, errors = 0;
  for (auto& call : lf::chunks(t.client, contacts(), ids)) {
    if (call) {
      ++ok;
    } else {
      ++errors;
      CHECK(call.error().http_status == 403);
      CHECK(call.error().api_code == "forbidden");
    }
  }
  CHECK(ok == 1);
  CHECK(errors == 1);
  CHECK(t.script.requests().size() == 2);
  CHECK(t.script.pending() == 1);
}

TEST_CASE("chunks: a credit budget spent by a call stops the range before the next call, unsent") {
  auto options = scripted_client::default_options();
  options.credit_budget = 100;
  scripted_client t(options);
  auto const ids = numbered("c", 250);
  t.script.respond(200, answer("contact", ids, 0, 100, 100)).respond(200, answer("contact", ids, 100, 200, 100));
  int ok = 0, refused = 0;
  auto range = lf::chunks(t.client, contacts(), ids);
  for (auto& call : range) {
    if (call) {
      CHECK(refused == 0);
      ++ok;
    } else {
      CHECK(call.error().code == lf::errc::budget_exhausted);
      CHECK(call.error().http_status == 0);
      ++refused;
    }
  }
  CHECK(ok == 1);
  CHECK(refused == 1);
  CHECK(range.chunks_fetched() == 2);  // the second was refused, not sent
  CHECK(t.script.requests().size() == 1);
  CHECK(t.script.pending() == 1);
  CHECK(t.client.credits_spent() == 100);
}

TEST_CASE("chunks: the client-side rate limit spaces the calls, and a wait past the deadline ends the range") {
  fake_time time;
  auto options = scripted_client::default_options();
  options.time = time.source();
  options.rate_limit.enabled = true;
  options.rate_limit.burst = 1;
  options.rate_limit.requests_per_second = 1;
  auto const ids = numbered("c", 250);
  {
    scripted_client t(options);
    for (int i = 0; i < 3; ++i) t.script.respond(200, R"({"data":[]})");
    int ok = 0;
    for (auto& call : lf::chunks(t.client, contacts(), ids)) ok += call ? 1 : 0;
    CHECK(ok == 3);
    CHECK(t.script.requests().size() == 3);
    REQUIRE(time.sleeps.size() == 2);  // one wait before each call after the first
    for (auto wait : time.sleeps) CHECK(wait >= 900ms);
  }
  {
    time.sleeps.clear();
    scripted_client t(options);
    for (int i = 0; i < 3; ++i) t.script.respond(200, R"({"data":[]})");
    lf::call_options call;
    call.deadline = time.now + 500ms;  // the second call would need a wait of a second
    int ok = 0, limited = 0;
    for (auto& r : lf::chunks(t.client, contacts(), ids, call)) {
      if (r) {
        ++ok;
      } else {
        CHECK(r.error().code == lf::errc::rate_limited);
        ++limited;
      }
    }
    CHECK(ok == 1);
    CHECK(limited == 1);
    CHECK(t.script.requests().size() == 1);
    CHECK(time.sleeps.empty());
  }
}

TEST_CASE("chunks: no ids send nothing and yield nothing") {
  scripted_client t;
  int elements = 0;
  for (auto& call : lf::chunks(t.client, contacts(), std::vector<std::string>{})) {
    (void)call;
    ++elements;
  }
  for (auto const& contact : lf::chunk_items(t.client, contacts(), lf::string_list{})) {
    (void)contact;
    ++elements;
  }
  for (auto& call : lf::chunks(t.client, lf::companies::match().account_id("1"), {})) {
    (void)call;
    ++elements;
  }
  CHECK(elements == 0);
  CHECK(t.script.requests().empty());
}

TEST_CASE("chunks: a bad id ends the range with invalid_argument before anything is sent") {
  scripted_client t;
  t.script.respond(200, R"({"data":[]})");
  int errors = 0;
  for (auto& call : lf::chunks(t.client, contacts(), {"1", ""})) {
    REQUIRE_FALSE(call);
    CHECK(call.error().code == lf::errc::invalid_argument);
    ++errors;
  }
  CHECK(errors == 1);
  CHECK(t.script.requests().empty());
}

TEST_CASE("chunks: ids from a set, a deque or a borrowed container") {
  scripted_client t;
  for (int i = 0; i < 3; ++i) t.script.respond(200, R"({"data":[]})");
  std::set<std::string> const from_set{"3", "1", "2"};
  std::deque<std::string> const from_deque{"7", "7", "8"};
  std::vector<std::string> const lent{"5", "6"};
  int ok = 0;
  for (auto& call : lf::chunks(t.client, companies(), from_set)) ok += call ? 1 : 0;
  for (auto& call : lf::chunks(t.client, companies(), from_deque)) ok += call ? 1 : 0;
  for (auto& call : lf::chunks(t.client, companies(), lf::borrow(lent))) ok += call ? 1 : 0;
  CHECK(ok == 3);
  REQUIRE(t.script.requests().size() == 3);
  CHECK(t.script.requests()[0].target() == "/v1/companies?ids=1,2,3&account_id=1");
  CHECK(t.script.requests()[1].target() == "/v1/companies?ids=7,8&account_id=1");
  CHECK(t.script.requests()[2].target() == "/v1/companies?ids=5,6&account_id=1");
}

TEST_CASE("chunk_items: every contact of every call once, an error as the last element") {
  scripted_client t;
  auto const ids = numbered("c", 250);
  t.script.respond(200, answer("contact", ids, 0, 100))
      .respond(200, R"({"data":[]})")  // a call that finds none of its ids is skipped
      .respond(200, answer("contact", ids, 200, 250));
  std::vector<std::string> seen;
  auto items = lf::chunk_items(t.client, contacts(), ids);
  for (auto const& contact : items) {
    REQUIRE(contact);
    seen.emplace_back(contact->id());
  }
  std::vector<std::string> expected(ids.begin(), ids.begin() + 100);
  expected.insert(expected.end(), ids.begin() + 200, ids.end());
  CHECK(seen == expected);
  CHECK(items.chunks_fetched() == 3);

  t.script.respond(200, answer("contact", ids, 0, 100)).fail(std::make_error_code(std::errc::timed_out));
  std::size_t found = 0, errors = 0;
  for (auto const& contact : lf::chunk_items(t.client, contacts(), ids)) {
    if (contact) {
      CHECK(errors == 0);
      ++found;
    } else {
      CHECK(contact.error().code == std::make_error_code(std::errc::timed_out));
      ++errors;
    }
  }
  CHECK(found == 100);
  CHECK(errors == 1);
  CHECK(t.script.requests().size() == 5);
}

TEST_CASE("chunk_items: companies.match yields one candidate list per input") {
  scripted_client t;
  std::vector<lf::companies::match_input> inputs(201);
  for (auto& input : inputs) input.url = "example.com";
  t.script.respond(200, match_answer(200)).respond(200, R"({"data":[[{"type":"company_match","id":"1"}]]})");
  std::size_t lists = 0, candidates = 0;
  for (auto const& candidates_of_one : lf::chunk_items(t.client, lf::companies::match().account_id("1"), inputs)) {
    REQUIRE(candidates_of_one);
    ++lists;
    candidates += candidates_of_one->size();
  }
  CHECK(lists == 201);
  CHECK(candidates == 1);
  CHECK(t.script.requests().size() == 2);
}
