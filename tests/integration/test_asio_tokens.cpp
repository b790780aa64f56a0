// SPDX-License-Identifier: MIT
// <leadfeeder/asio.hpp>: lf::async_send with Asio completion tokens over the Beast transport,
// against the local simulator on loopback (and a silent loopback server for cancellation). Built
// twice: as C++17 (callback, use_future, deferred, cancellation) and, where the compiler has
// coroutines, as C++20 with the coroutine cases too, in the header-only mode (LEADFEEDER_HEADER_ONLY,
// set by CMake; this unit still brings Boost.JSON's implementation).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#define LEADFEEDER_IMPLEMENTATION
#include <leadfeeder/asio.hpp>

#include <beast_transport.hpp>
#include <curl_transport.hpp>

#include "simulator_process.hpp"

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_future.hpp>

#if defined(BOOST_ASIO_HAS_CO_AWAIT)
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/use_awaitable.hpp>
#define LEADFEEDER_TEST_COROUTINES 1
#else
#define LEADFEEDER_TEST_COROUTINES 0
#endif
#if defined(LEADFEEDER_EXPECT_COROUTINES) && !LEADFEEDER_TEST_COROUTINES
#error "this build is meant to test the coroutine cases, but Asio finds no co_await"
#endif

#include <chrono>
#include <future>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace lf = leadfeeder;
namespace asio = boost::asio;

namespace {

constexpr char const* key = "asio-key";
constexpr char const* account = "123456";

integration::simulator_process& simulator() {
  static integration::simulator_process process(LEADFEEDER_SIMULATOR_PATH,
                                                {"--api-key", key, "--seed", "11", "--rate-limit", "off"});
  return process;
}

lf::client_options options(std::string base_url = simulator().base_url()) {
  lf::client_options o;
  o.api_key = key;
  o.base_url = std::move(base_url);
  return o;
}

using beast_client = lf::client<example::beast_transport>;
using me_result = lf::result<lf::response<lf::user_view>>;
using contacts_result = lf::result<lf::response<lf::array_view<lf::contact_summary_view>>>;

template <class Result>
void require_ok(Result const& r) {
  if (!r) FAIL_CHECK(lf::to_string(r.error()));
  REQUIRE(static_cast<bool>(r));
}

// The search the walks read: a few hundred contacts.
auto cto_search() { return lf::contacts::search().account_id(account).search_terms({"cto"}); }

// Its contacts, in order, through the synchronous range over libcurl: what the asynchronous calls
// must find.
std::vector<std::string> const& ids_by_range() {
  static std::vector<std::string> const ids = [] {
    lf::client<example::curl_transport> client{example::curl_transport{}, options()};
    std::vector<std::string> found;
    for (auto const& c : lf::items(client, cto_search().page_size<100>())) {
      require_ok(c);
      found.emplace_back(c->id());
    }
    return found;
  }();
  return ids;
}

// A loopback server that accepts connections and never answers.
class silent_server {
 public:
  explicit silent_server(asio::io_context& io) : acceptor_(io, {asio::ip::make_address("127.0.0.1"), 0}), peer_(io) {
    acceptor_.async_accept(peer_, [](boost::system::error_code) {});
  }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(acceptor_.local_endpoint().port()); }
  void close() {
    boost::system::error_code ignored;
    acceptor_.close(ignored);
    peer_.close(ignored);
  }

 private:
  asio::ip::tcp::acceptor acceptor_;
  asio::ip::tcp::socket peer_;
};

}  // namespace

TEST_CASE("a callback token completes on the io_context with the result send() would give") {
  asio::io_context io;
  beast_client client{example::beast_transport(io), options()};
  std::optional<me_result> me;
  lf::async_send(client, lf::users::me(), [&](me_result r) { me.emplace(std::move(r)); });
  CHECK_FALSE(me);  // not inside the initiating call
  CHECK(client.busy());
  io.run();
  REQUIRE(me);
  require_ok(*me);
  lf::client<example::curl_transport> sync{example::curl_transport{}, options()};
  me_result const sent = sync.send(lf::users::me());
  require_ok(sent);
  CHECK_FALSE((*me)->data().email().empty());
  CHECK((*me)->data().email() == sent->data().email());
  CHECK((*me)->data().id() == sent->data().id());
  CHECK_FALSE(client.busy());
}

TEST_CASE("a call the client refuses at once completes through the executor, not inside the call") {
  asio::io_context io;
  beast_client client{example::beast_transport(io), options()};
  std::optional<me_result> first, second;
  bool second_ran_inside = false;
  // Started from a handler: on the io_context's thread, where asio::dispatch would run at once.
  asio::post(io, [&] {
    lf::async_send(client, lf::users::me(), [&](me_result r) { first.emplace(std::move(r)); });
    lf::async_send(client, lf::users::me(), [&](me_result r) { second.emplace(std::move(r)); });
    second_ran_inside = second.has_value();  // refused (busy), but the handler waits its turn
  });
  io.run();
  CHECK_FALSE(second_ran_inside);
  REQUIRE(first);
  require_ok(*first);
  REQUIRE(second);
  CHECK(second->error().code == lf::errc::busy);
}

TEST_CASE("use_future: the result arrives through a std::future") {
  asio::io_context io;
  beast_client client{example::beast_transport(io), options()};
  std::future<contacts_result> page = lf::async_send(client, cto_search().page_size<3>(), asio::use_future);
  io.run();
  REQUIRE(page.wait_for(std::chrono::seconds(0)) == std::future_status::ready);
  contacts_result r = page.get();
  require_ok(r);
  std::vector<std::string> const& expected = ids_by_range();
  REQUIRE(r->data().size() == 3);
  REQUIRE(expected.size() > 3);
  for (std::size_t i = 0; i < 3; ++i) CHECK(r->data()[i].id() == expected[i]);
  CHECK_FALSE(r->meta().pagination().next_cursor().empty());
}

TEST_CASE("deferred: nothing is sent until the operation is started, and its builder is its own") {
  asio::io_context io;
  beast_client client{example::beast_transport(io), options()};
  auto operation = [&] {
    auto const builder = lf::contacts::search().account_id(account).page_size<4>();
    return lf::async_send(client, builder, asio::deferred);
  }();  // the builder is gone here
  io.poll();
  io.restart();
  CHECK(client.requests_sent() == 0);
  CHECK_FALSE(client.busy());
  std::optional<contacts_result> page;
  std::move(operation)([&](contacts_result r) { page.emplace(std::move(r)); });
  CHECK(client.requests_sent() == 1);
  io.run();
  REQUIRE(page);
  require_ok(*page);
  CHECK((*page)->data().size() == 4);
}

TEST_CASE("an Asio cancellation signal abandons the exchange in flight: errc::cancelled at once") {
  asio::io_context io;
  silent_server server(io);
  beast_client client{example::beast_transport(io), options(server.base_url())};
  asio::cancellation_signal signal;
  lf::call_options call;
  call.cancel.emplace();
  std::optional<me_result> me;
  auto const started = std::chrono::steady_clock::now();
  lf::async_send(client, lf::users::me(), call, asio::bind_cancellation_slot(signal.slot(), [&](me_result r) {
                   me.emplace(std::move(r));
                   server.close();
                 }));
  asio::steady_timer timer(io, std::chrono::milliseconds(100));
  timer.async_wait([&](boost::system::error_code) { signal.emit(asio::cancellation_type::terminal); });
  io.run();
  REQUIRE(me);
  REQUIRE_FALSE(*me);
  CHECK(me->error().code == lf::errc::cancelled);
  CHECK(call.cancel->cancelled());  // the call's own token is the one cancelled
  // The transport's step timeout is 30 s: only an abandoned exchange ends this soon.
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
  CHECK_FALSE(client.busy());
}

TEST_CASE("a signal of a kind the call does not honour (total) leaves it running") {
  asio::io_context io;
  beast_client client{example::beast_transport(io), options()};
  asio::cancellation_signal signal;
  std::optional<me_result> me;
  lf::async_send(client, lf::users::me(),
                 asio::bind_cancellation_slot(signal.slot(), [&](me_result r) { me.emplace(std::move(r)); }));
  signal.emit(asio::cancellation_type::total);
  io.run();
  REQUIRE(me);
  require_ok(*me);
}

#if LEADFEEDER_TEST_COROUTINES
namespace {

// Every page of the account's contacts, as a program would walk them.
asio::awaitable<void> walk_contacts(beast_client& client, std::vector<std::string>& ids, std::size_t& pages,
                                    std::optional<lf::error>& failure) {
  auto search = cto_search().page_size<25>().page_cursor({});
  for (;;) {
    contacts_result page = co_await lf::async_send(client, search, asio::use_awaitable);
    if (!page) {
      failure = page.error();
      co_return;
    }
    ++pages;
    for (auto contact : page->data()) ids.emplace_back(contact.id());
    std::string_view const next = page->meta().pagination().next_cursor();
    if (next.empty()) co_return;
    search = std::move(search).page_cursor(next);
  }
}

}  // namespace

TEST_CASE("a coroutine walks every page of a contacts search, each contact exactly once") {
  std::vector<std::string> const& expected = ids_by_range();
  REQUIRE(expected.size() > 50);  // three pages of 25 at least
  asio::io_context io;
  beast_client client{example::beast_transport(io), options()};
  std::vector<std::string> ids;
  std::size_t pages = 0;
  std::optional<lf::error> failure;
  bool done = false;
  asio::co_spawn(io, walk_contacts(client, ids, pages, failure), [&](std::exception_ptr e) { done = !e; });
  io.run();
  CHECK(done);
  if (failure) FAIL_CHECK(lf::to_string(*failure));
  CHECK(pages == (expected.size() + 24) / 25);
  CHECK(client.requests_sent() == pages);
  CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == ids.size());  // none twice
  CHECK(ids == expected);                                                     // none missed
}

TEST_CASE("a coroutine's call loses a race to a timer: the call is cancelled, not left running") {
  using namespace asio::experimental::awaitable_operators;
  asio::io_context io;
  silent_server server(io);
  beast_client client{example::beast_transport(io), options(server.base_url())};
  std::optional<std::size_t> winner;
  auto const started = std::chrono::steady_clock::now();
  auto race = [&]() -> asio::awaitable<void> {
    asio::steady_timer timer(co_await asio::this_coro::executor, std::chrono::milliseconds(100));
    auto outcome = co_await (lf::async_send(client, lf::users::me(), asio::use_awaitable) ||
                             timer.async_wait(asio::use_awaitable));
    winner = outcome.index();
    CHECK_FALSE(client.busy());  // the || waited for the cancelled call to complete
    server.close();
  };
  asio::co_spawn(io, race(), asio::detached);
  io.run();
  REQUIRE(winner);
  CHECK(*winner == 1);
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
}
#endif
