// SPDX-License-Identifier: MIT
// client_options::memory: a fixed region the host gives the client for everything it builds per
// call (the request's URL and body, then the response document); exhaustion is buffer_exhausted.
#include <doctest/doctest.h>
#include <test_support.hpp>

#include <leadfeeder/testing/deferred_transport.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace lf = leadfeeder;

namespace {

// Answers from a queue and remembers where the request it was handed lived.
struct pointer_transport {
  struct state {
    std::deque<std::pair<int, std::string>> answers;
    std::vector<void const*> urls;
    std::vector<void const*> bodies;
    std::size_t sent = 0;
  };
  state* s;
  std::error_code send(lf::http_request const& req, lf::http_response& res) {
    s->urls.push_back(req.url.data());
    s->bodies.push_back(req.body.data());
    ++s->sent;
    if (s->answers.empty()) return std::make_error_code(std::errc::connection_refused);
    res.status = s->answers.front().first;
    res.body.assign(s->answers.front().second);
    s->answers.pop_front();
    return {};
  }
};

struct region {
  alignas(std::max_align_t) unsigned char bytes[64 * 1024];
  bool holds(void const* p) const noexcept {
    auto const* c = static_cast<unsigned char const*>(p);
    return c >= bytes && c < bytes + sizeof bytes;
  }
};

lf::client_options with_memory(void* data, std::size_t size) {
  lf::client_options o;
  o.api_key = "KEY";
  o.memory.data = data;
  o.memory.size = size;
  return o;
}

std::string const contacts_page = R"({"data":[{"type":"contact","id":"1","attributes":{"first_name":"Ann"}},
  {"type":"contact","id":"2","attributes":{"first_name":"Bo"}}],"meta":{"request_id":"r"}})";

}  // namespace

TEST_CASE("call memory: the request's URL and body and the response document are built in it") {
  region memory;
  pointer_transport::state state;
  state.answers.emplace_back(200, contacts_page);
  lf::client<pointer_transport> client{pointer_transport{&state}, with_memory(memory.bytes, sizeof memory.bytes)};
  auto r = client.send(lf::companies::search().account_id("123456").search_terms({"acme", "dealfront"}));
  REQUIRE(state.sent == 1);
  CHECK(memory.holds(state.urls[0]));
  CHECK(memory.holds(state.bodies[0]));
  REQUIRE(r);
  CHECK(memory.holds(r->json().raw()));  // the document's root value
  CHECK(r->json()["data"][1]["attributes"]["first_name"].as_string() == "Bo");
}

TEST_CASE("call memory: without it, nothing is built there (the heap, as before)") {
  region memory;
  pointer_transport::state state;
  state.answers.emplace_back(200, contacts_page);
  lf::client<pointer_transport> client{pointer_transport{&state}, test_support::scripted_client::default_options()};
  auto r = client.send(lf::companies::search().account_id("123456").search_terms({"acme"}));
  REQUIRE(r);
  CHECK_FALSE(memory.holds(state.urls[0]));
  CHECK_FALSE(memory.holds(r->json().raw()));
}

TEST_CASE("call memory: a result still alive makes the next call memory_in_use, unsent; recycle frees it") {
  region memory;
  pointer_transport::state state;
  for (int i = 0; i < 3; ++i) state.answers.emplace_back(200, contacts_page);
  lf::client<pointer_transport> client{pointer_transport{&state}, with_memory(memory.bytes, sizeof memory.bytes)};
  auto const request = lf::contacts::retrieve().account_id("123456").ids({"1", "2"});
  auto first = client.send(request);
  REQUIRE(first);
  auto refused = client.send(request);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == lf::errc::memory_in_use);
  CHECK(refused.error().message.find("recycle") != std::string::npos);
  CHECK(state.sent == 1);
  CHECK(first->data()[0].first_name() == "Ann");  // the earlier result is intact

  client.recycle(std::move(first));
  auto second = client.send(request);
  REQUIRE(second);
  CHECK(second->data()[1].first_name() == "Bo");
  CHECK(state.sent == 2);

  {
    auto moved = std::move(*second);  // the document moves with the response...
    CHECK(moved.data()[0].first_name() == "Ann");
  }  // ...and frees the memory when it dies
  auto third = client.send(request);
  REQUIRE(third);
  CHECK(state.sent == 3);
}

TEST_CASE("call memory: an error result and a failed call leave it free") {
  region memory;
  pointer_transport::state state;
  state.answers.emplace_back(404, R"({"errors":[{"status":"404","title":"Not found"}]})");
  state.answers.emplace_back(200, "{not json");
  state.answers.emplace_back(200, contacts_page);
  lf::client<pointer_transport> client{pointer_transport{&state}, with_memory(memory.bytes, sizeof memory.bytes)};
  auto const request = lf::contacts::retrieve().account_id("123456").ids({"1"});
  auto a = client.send(request);
  auto b = client.send(request);
  auto c = client.send(request);
  REQUIRE_FALSE(a);
  CHECK(a.error().code == lf::errc::not_found);
  REQUIRE_FALSE(b);
  CHECK(b.error().code == lf::errc::invalid_response);
  REQUIRE(c);
  CHECK(state.sent == 3);
}

TEST_CASE("call memory: a request that does not fit is buffer_exhausted and never sent") {
  alignas(std::max_align_t) unsigned char small[256];
  pointer_transport::state state;
  state.answers.emplace_back(200, contacts_page);
  lf::client<pointer_transport> client{pointer_transport{&state}, with_memory(small, sizeof small)};
  std::vector<std::string> ids;
  for (int i = 0; i < 40; ++i) ids.push_back("id-" + std::to_string(1000000 + i));
  auto r = client.send(lf::contacts::retrieve().account_id("123456").ids(lf::string_list(ids)));
  REQUIRE_FALSE(r);
  CHECK(r.error().code == lf::errc::buffer_exhausted);
  CHECK(r.error().http_status == 0);
  CHECK(state.sent == 0);

  // A short request fits; then the document has too little room: buffer_exhausted at status 200.
  auto small_call = client.send(lf::contacts::retrieve().account_id("1").ids({"2"}));
  REQUIRE_FALSE(small_call);
  CHECK(small_call.error().code == lf::errc::buffer_exhausted);
  CHECK(small_call.error().http_status == 200);
  CHECK(state.sent == 1);
}

TEST_CASE("call memory: smaller than its bookkeeping refuses every call") {
  alignas(std::max_align_t) unsigned char tiny[4];
  pointer_transport::state state;
  lf::client<pointer_transport> client{pointer_transport{&state}, with_memory(tiny, sizeof tiny)};
  auto r = client.send(lf::contacts::retrieve().account_id("1").ids({"2"}));
  REQUIRE_FALSE(r);
  CHECK(r.error().code == lf::errc::buffer_exhausted);
  CHECK(state.sent == 0);
}

TEST_CASE("call memory: a call's own document_buffer takes the document; the request stays in the memory") {
  region memory;
  region lent;
  pointer_transport::state state;
  state.answers.emplace_back(200, contacts_page);
  state.answers.emplace_back(200, contacts_page);
  lf::client<pointer_transport> client{pointer_transport{&state}, with_memory(memory.bytes, sizeof memory.bytes)};
  auto const request = lf::contacts::retrieve().account_id("123456").ids({"1", "2"});
  auto r = client.send(request, lf::document_buffer{lent.bytes, sizeof lent.bytes});
  REQUIRE(r);
  CHECK(memory.holds(state.urls[0]));
  CHECK(lent.holds(r->json().raw()));
  CHECK_FALSE(memory.holds(r->json().raw()));
  auto next = client.send(request);  // the memory holds no result: free
  REQUIRE(next);
  CHECK(memory.holds(next->json().raw()));
}

TEST_CASE("call memory: retries rebuild the request in it, and pages walk with one page alive at a time") {
  region memory;
  pointer_transport::state state;
  state.answers.emplace_back(503, "busy");
  state.answers.emplace_back(
      200, R"({"data":[{"type":"contact_summary","id":"1"}],"meta":{"pagination":{"next_cursor":"c2"}}})");
  state.answers.emplace_back(
      200, R"({"data":[{"type":"contact_summary","id":"2"}],"meta":{"pagination":{"next_cursor":"c3"}}})");
  state.answers.emplace_back(
      200, R"({"data":[{"type":"contact_summary","id":"3"}],"meta":{"pagination":{"next_cursor":null}}})");
  lf::client_options options = with_memory(memory.bytes, sizeof memory.bytes);
  options.retry = lf::retry_policy{};
  options.time.sleep = [](std::chrono::milliseconds) {};
  lf::client<pointer_transport> client{pointer_transport{&state}, options};
  std::vector<std::string> ids;
  for (auto const& item : lf::items(client, lf::contacts::search().account_id("123456").search_terms({"acme"}))) {
    REQUIRE(item);
    ids.emplace_back(item->id());
  }
  CHECK(ids == std::vector<std::string>{"1", "2", "3"});
  CHECK(state.sent == 4);
  for (void const* url : state.urls) CHECK(memory.holds(url));
}

TEST_CASE("call memory: async_send builds the request and the document in it too") {
  region memory;
  lf::testing::scripted_transport script;
  script.respond(200, contacts_page);
  using loop_transport = lf::testing::deferred_transport<lf::testing::scripted_transport>;
  lf::client<loop_transport> client{loop_transport(script), with_memory(memory.bytes, sizeof memory.bytes)};
  std::optional<lf::result<lf::response<lf::array_view<lf::contact_view>>>> got;
  client.async_send(lf::contacts::retrieve().account_id("123456").ids({"1", "2"}),
                    [&](lf::result<lf::response<lf::array_view<lf::contact_view>>> r) { got.emplace(std::move(r)); });
  CHECK(client.transport().tick() == 1);
  REQUIRE(got);
  REQUIRE(*got);
  CHECK(memory.holds((*got)->json().raw()));
  CHECK((*got)->data()[1].first_name() == "Bo");
}

TEST_CASE("call memory: a block at an odd address works (everything in it is aligned by the client)") {
  region memory;
  pointer_transport::state state;
  for (int i = 0; i < 2; ++i) state.answers.emplace_back(200, contacts_page);
  lf::client<pointer_transport> client{pointer_transport{&state},
                                       with_memory(memory.bytes + 1, sizeof memory.bytes - 1)};
  for (int i = 0; i < 2; ++i) {
    auto r = client.send(lf::contacts::retrieve().account_id("123456").ids({"1", "2"}));
    REQUIRE(r);
    CHECK(memory.holds(r->json().raw()));
    CHECK(reinterpret_cast<std::uintptr_t>(r->json().raw()) % alignof(boost::json::value) == 0);
    CHECK(r->data()[1].first_name() == "Bo");
    client.recycle(std::move(r));
  }
}
