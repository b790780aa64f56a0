// SPDX-License-Identifier: MIT
// The asynchronous API: client.async_send over a transport that completes on the host's tick.
#include <doctest/doctest.h>
#include <test_support.hpp>

#include <leadfeeder/testing/deferred_transport.hpp>

#include <memory>
#include <optional>
#include <string>

namespace lf = leadfeeder;

namespace {
using loop_transport = lf::testing::deferred_transport<lf::testing::scripted_transport>;
using contacts_result = lf::result<lf::response<lf::array_view<lf::contact_view>>>;

lf::client_options keyed() {
  lf::client_options o;
  o.api_key = "KEY";
  return o;
}
}  // namespace

TEST_CASE("async_send completes inside the host's tick, with the result send() would give") {
  lf::testing::scripted_transport script;
  script.respond(200, test_support::fixture("contacts_retrieve.response.json"));
  lf::client<loop_transport> client{loop_transport(script), keyed()};
  std::optional<contacts_result> got;
  client.async_send(lf::contacts::retrieve().account_id("123456").ids({"435834"}),
                    [&](contacts_result r) { got.emplace(std::move(r)); });
  CHECK_FALSE(got);
  CHECK(client.busy());
  CHECK(script.requests().empty());  // nothing sent before the tick
  CHECK(client.transport().tick() == 1);
  REQUIRE(got);
  REQUIRE(*got);
  CHECK((*got)->data().front().first_name() == "John");
  CHECK((*got)->meta().credits().charged() == 1);
  CHECK(script.last().target() == "/v1/contacts?ids=435834&account_id=123456");
  CHECK(script.last().header("X-Api-Key") == "KEY");
  CHECK_FALSE(client.busy());
}

TEST_CASE("async errors arrive as the same error values") {
  lf::testing::scripted_transport script;
  script.respond(429, R"({"code":"too_many_requests","message":"later"})", {{"Retry-After", "3"}})
      .fail(std::make_error_code(std::errc::connection_refused));
  lf::client<loop_transport> client{loop_transport(script), keyed()};
  std::optional<contacts_result> first, second;
  client.async_send(lf::contacts::retrieve().account_id("1").ids({"2"}),
                    [&](contacts_result r) { first.emplace(std::move(r)); });
  client.transport().tick();
  client.async_send(lf::contacts::retrieve().account_id("1").ids({"2"}),
                    [&](contacts_result r) { second.emplace(std::move(r)); });
  client.transport().tick();
  REQUIRE(first);
  REQUIRE(second);
  CHECK(first->error().code == lf::errc::rate_limited);
  CHECK(first->error().retry_after == std::chrono::seconds(3));
  CHECK(second->error().code == std::make_error_code(std::errc::connection_refused));
  CHECK(second->error().http_status == 0);
}

TEST_CASE("a refused parameter completes at once, without a tick and without sending") {
  lf::testing::scripted_transport script;
  lf::client<loop_transport> client{loop_transport(script), keyed()};
  std::optional<contacts_result> got;
  client.async_send(lf::contacts::retrieve().account_id("1").ids({"a\r\nb"}),
                    [&](contacts_result r) { got.emplace(std::move(r)); });
  REQUIRE(got);
  CHECK(got->error().code == lf::errc::invalid_argument);
  CHECK_FALSE(client.busy());
  CHECK(client.transport().pending() == 0);
}

TEST_CASE("a second call while one is in flight is refused, and the first still completes") {
  lf::testing::scripted_transport script;
  script.respond(200, R"({"data":[]})");
  lf::client<loop_transport> client{loop_transport(script), keyed()};
  std::optional<contacts_result> first, second;
  client.async_send(lf::contacts::retrieve().account_id("1").ids({"2"}),
                    [&](contacts_result r) { first.emplace(std::move(r)); });
  client.async_send(lf::contacts::retrieve().account_id("1").ids({"3"}),
                    [&](contacts_result r) { second.emplace(std::move(r)); });
  REQUIRE(second);
  CHECK(second->error().code == lf::errc::busy);
  CHECK_FALSE(first);
  client.transport().tick();
  REQUIRE(first);
  CHECK(*first);
  CHECK(script.requests().size() == 1);
}

TEST_CASE("a completion may start the next call, which runs on a later tick") {
  lf::testing::scripted_transport script;
  script.respond(200, R"({"data":[{"type":"account_summary","id":"1","attributes":{"name":"A"}}]})")
      .respond(200, R"({"data":[{"type":"account","id":"1","attributes":{"name":"A","credits":{"remaining":5}}}]})");
  lf::client<loop_transport> client{loop_transport(script), keyed()};
  std::int64_t remaining = -1;
  client.async_send(lf::accounts::list(), [&](auto accounts) {
    REQUIRE(accounts);
    std::string const id(accounts->data().front().id());
    client.async_send(lf::accounts::list().account_id(id), [&](auto account) {
      REQUIRE(account);
      remaining = account->data().front().credits().remaining();
    });
  });
  CHECK(client.transport().tick() == 1);
  CHECK(remaining == -1);
  CHECK(client.transport().tick() == 1);
  CHECK(remaining == 5);
}

TEST_CASE("a move-only callback is accepted") {
  lf::testing::scripted_transport script;
  script.respond(200, R"({"data":[]})");
  lf::client<loop_transport> client{loop_transport(script), keyed()};
  int seen = 0;
  auto target = std::make_unique<int*>(&seen);  // move-only capture
  client.async_send(lf::contacts::retrieve().account_id("1").ids({"2"}),
                    [owned = std::move(target)](contacts_result r) { **owned = r ? 1 : 2; });
  client.transport().tick();
  CHECK(seen == 1);
}

TEST_CASE("a transport can offer both send and async_send") {
  CHECK(lf::is_transport_v<lf::testing::scripted_transport>);
  CHECK_FALSE(lf::is_async_transport_v<lf::testing::scripted_transport>);
  CHECK(lf::is_async_transport_v<loop_transport>);
  CHECK_FALSE(lf::is_transport_v<loop_transport>);
}

TEST_CASE("async_send takes call_options: a cancelled or expired call is refused unsent") {
  lf::testing::scripted_transport script;
  script.respond(200, R"({"data":[]})");
  lf::client<loop_transport> client{loop_transport(script), keyed()};
  lf::call_options cancelled;
  cancelled.cancel.emplace();
  cancelled.cancel->cancel();
  std::optional<contacts_result> r1;
  client.async_send(lf::contacts::retrieve().account_id("1").ids({"2"}), cancelled,
                    [&](contacts_result r) { r1.emplace(std::move(r)); });
  REQUIRE(r1);
  CHECK(r1->error().code == lf::errc::cancelled);
  lf::call_options expired;
  expired.deadline = lf::clock_type::now() - std::chrono::seconds(1);
  std::optional<contacts_result> r2;
  client.async_send(lf::contacts::retrieve().account_id("1").ids({"2"}), expired,
                    [&](contacts_result r) { r2.emplace(std::move(r)); });
  REQUIRE(r2);
  CHECK(r2->error().code == lf::errc::deadline_exceeded);
  CHECK_FALSE(client.busy());
  CHECK(script.requests().empty());
}

TEST_CASE("async_send: a call cancelled while in flight completes with errc::cancelled") {
  lf::testing::scripted_transport script;
  script.respond(200, R"({"data":[]})");
  script.respond(200, R"({"data":[]})");
  lf::client<loop_transport> client{loop_transport(script), keyed()};
  lf::call_options call;
  call.cancel.emplace();
  std::optional<contacts_result> got;
  client.async_send(lf::contacts::retrieve().account_id("1").ids({"2"}), call,
                    [&](contacts_result r) { got.emplace(std::move(r)); });
  CHECK_FALSE(got);
  call.cancel->cancel();
  client.transport().tick();
  REQUIRE(got);
  CHECK(got->error().code == lf::errc::cancelled);
  CHECK_FALSE(client.busy());
  // The client takes the next call as usual.
  std::optional<contacts_result> next;
  client.async_send(lf::contacts::retrieve().account_id("1").ids({"3"}),
                    [&](contacts_result r) { next.emplace(std::move(r)); });
  client.transport().tick();
  REQUIRE(next);
  CHECK(*next);
}
