// SPDX-License-Identifier: MIT
// leadfeeder-cpp: the asynchronous path with Asio's completion tokens. Optional: leadfeeder.hpp does
// not include it, so that a program without Asio needs none of its headers (Asio is header-only:
// nothing to link).
//
//   lf::async_send(client, builder, token)
//   lf::async_send(client, builder, call_options, token)
//
// start the call as client.async_send(builder, call_options, callback) does, and complete it
// through any Asio completion token, with the completion signature void(lf::result<Response>),
// Response being the builder's response_type:
//
//   lf::async_send(client, lf::users::me(), [](auto me) { ... });                 // a callback
//   std::future<...> f = lf::async_send(client, lf::users::me(), asio::use_future);
//   auto op = lf::async_send(client, lf::users::me(), asio::deferred);            // started later
//   auto me = co_await lf::async_send(client, lf::users::me(), asio::use_awaitable);  // C++20
//
// The result is a value (an error is the result's error, never an exception), so a coroutine
// tests it as send()'s: `if (!me) ...`. Walking the pages of a search is a loop in the coroutine:
//
//   auto search = lf::contacts::search().account_id(id).page_size<100>().page_cursor({});
//   for (;;) {
//     auto page = co_await lf::async_send(client, search, asio::use_awaitable);
//     if (!page) break;                                    // page.error() says why
//     for (auto contact : page->data()) ...;
//     std::string_view const next = page->meta().pagination().next_cursor();
//     if (next.empty()) break;                             // the last page
//     search = std::move(search).page_cursor(next);
//   }
//
// (page_cursor({}) sends no cursor: it gives the first page's builder the type of the next ones.)
// An asynchronous call never waits: a retryable failure carries error.retry_in, which the
// coroutine may wait on a timer before asking again (examples/coroutine_search.cpp does).
//
// The transport is an Asio I/O object: besides async_send it has get_executor(), the executor a
// handler without one of its own completes on, as example::beast_transport does. The handler runs
// on its associated executor (a strand, a coroutine's executor, else the transport's), never
// inside the initiating function: a call the client refuses at once (errc::busy, an invalid
// parameter, a spent budget) completes through asio::post. Work is counted on that executor while
// the call is in flight.
//
// Per-operation cancellation (asio::cancellation_type terminal or partial, e.g. through
// asio::bind_cancellation_slot, or a coroutine's cancellation) cancels the call's token: the one in
// call_options if it carries one (so every call sharing it is cancelled too), else one made for
// the call; a transport with a cancel() member is also asked to abandon the exchange. The call then
// completes with errc::cancelled, as a call whose token is cancelled in flight does.
//
// The client must outlive the operation and makes one call at a time. A deferred operation holds
// its own copy of the builder, so it may be started after the caller's builder is gone.
#pragma once

#include <leadfeeder/detail/asio_send.hpp>
#include <leadfeeder/leadfeeder.hpp>

#include <boost/asio/associated_allocator.hpp>
#include <boost/asio/associated_cancellation_slot.hpp>
#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/bind_allocator.hpp>
#include <boost/asio/cancellation_type.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>

#include <atomic>
#include <memory>
#include <type_traits>
#include <utility>

LEADFEEDER_BEGIN_NAMESPACE

/// Starts the request a builder describes, as client.async_send(builder, call, callback) does, and
/// completes through the Asio completion token with void(lf::result<Builder::response_type>).
template <class Transport, class Builder, class CompletionToken>
auto async_send(client<Transport>& c, Builder const& builder, call_options const& call, CompletionToken&& token) {
  static_assert(detail::is_builder<Builder>::value,
                "leadfeeder::async_send: the argument must be a request builder such as "
                "leadfeeder::contacts::retrieve()");
  static_assert(is_async_transport_v<Transport> && detail::has_get_executor<Transport>::value,
                "leadfeeder::async_send: the transport must have async_send() and get_executor() "
                "(an Asio I/O object, such as example::beast_transport)");
  using signature = void(result<typename Builder::response_type>);
  return boost::asio::async_initiate<CompletionToken, signature>(detail::asio_send_initiation<Transport>(c), token,
                                                                 builder, call);
}

/// As async_send(client, builder, call_options, token), with no call options.
template <class Transport, class Builder, class CompletionToken>
auto async_send(client<Transport>& c, Builder const& builder, CompletionToken&& token) {
  return async_send(c, builder, call_options{}, std::forward<CompletionToken>(token));
}

LEADFEEDER_END_NAMESPACE
