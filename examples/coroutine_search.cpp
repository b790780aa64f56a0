// SPDX-License-Identifier: MIT
// Every contact of a search, a page at a time, from a C++20 coroutine: lf::async_send with
// asio::use_awaitable (<leadfeeder/asio.hpp>) over the Boost.Beast transport. Each page's
// meta.pagination.next_cursor is the cursor of the next call; the walk ends on the page without
// one, or at the first error (a result, not an exception). An asynchronous call never waits: a
// rate-limited (429) or failed read comes back with the wait the retry policy suggests
// (error.retry_in), and the coroutine waits that long on a timer before asking again.
//
//   leadfeeder_coroutine_search --base-url http://127.0.0.1:8080 --key KEY --account 123456
//                               [--terms cto,cfo] [--page-size N]
//
// Prints a line per page and the total. Runs against the simulator (simulator/).
#define LEADFEEDER_IMPLEMENTATION
#include <leadfeeder/asio.hpp>

#include <beast_transport.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lf = leadfeeder;
namespace asio = boost::asio;

namespace {

struct arguments {
  std::string base_url = "https://api.leadfeeder.com";
  std::string key;
  std::string account;
  std::vector<std::string> terms;
  std::int64_t page_size = 25;
};

std::vector<std::string> split(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    std::size_t const comma = text.find(',');
    if (comma != 0) out.emplace_back(text.substr(0, comma));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

std::optional<arguments> parse(int argc, char** argv) {
  arguments a;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string_view const flag = argv[i];
    char const* value = argv[i + 1];
    if (flag == "--base-url") {
      a.base_url = value;
    } else if (flag == "--key") {
      a.key = value;
    } else if (flag == "--account") {
      a.account = value;
    } else if (flag == "--terms") {
      a.terms = split(value);
    } else if (flag == "--page-size") {
      a.page_size = std::atoll(value);
    } else {
      return std::nullopt;
    }
  }
  if ((argc - 1) % 2 != 0 || a.key.empty() || a.account.empty()) return std::nullopt;
  return a;
}

using beast_client = lf::client<example::beast_transport>;

// Walks the search to its end; true when every page came.
asio::awaitable<bool> print_contacts(beast_client& client, arguments const& args) {
  // page_cursor({}) sends no cursor, and gives the first call's builder the type of the next ones.
  auto search = lf::contacts::search()
                    .account_id(args.account)
                    .search_terms(args.terms)
                    .page_size(args.page_size)
                    .page_cursor({});
  std::size_t contacts = 0, pages = 0, retried = 0;
  int page_retries = 0;
  for (;;) {
    auto page = co_await lf::async_send(client, search, asio::use_awaitable);
    if (!page && page.error().retry_in && page_retries < 5) {
      ++page_retries;
      ++retried;
      std::printf("page %zu: %s; again in %lld ms\n", pages + 1, page.error().code.message().c_str(),
                  static_cast<long long>(page.error().retry_in->count()));
      asio::steady_timer timer(co_await asio::this_coro::executor, *page.error().retry_in);
      co_await timer.async_wait(asio::use_awaitable);
      continue;
    }
    page_retries = 0;
    if (!page) {
      std::fprintf(stderr, "page %zu: %s\n", pages + 1, lf::to_string(page.error()).c_str());
      co_return false;
    }
    ++pages;
    contacts += page->data().size();
    std::printf("page %zu: %zu contacts", pages, page->data().size());
    if (!page->data().empty()) {
      auto const first = page->data().front();
      std::printf(", first %.*s %.*s", static_cast<int>(first.first_name().size()), first.first_name().data(),
                  static_cast<int>(first.last_name().size()), first.last_name().data());
    }
    std::printf("\n");
    std::string_view const next = page->meta().pagination().next_cursor();
    if (next.empty()) break;
    search = std::move(search).page_cursor(next);
  }
  std::printf("%zu contacts in %zu pages (retries: %zu)\n", contacts, pages, retried);
  co_return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::optional<arguments> const args = parse(argc, argv);
  if (!args) {
    std::fprintf(stderr, "usage: %s --base-url URL --key KEY --account ID [--terms TERM,TERM,...] [--page-size N]\n",
                 argv[0]);
    return 2;
  }
  asio::io_context io;
  lf::client_options options;
  options.api_key = args->key;
  options.base_url = args->base_url;
  options.retry = lf::retry_policy{};  // a failed read carries the wait before the next attempt
  // https needs an ssl::context with the roots to trust; the simulator speaks plain HTTP.
  beast_client client{example::beast_transport(io), options};

  bool ok = false;
  asio::co_spawn(io, print_contacts(client, *args), [&](std::exception_ptr e, bool walked) { ok = !e && walked; });
  io.run();
  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
