// SPDX-License-Identifier: MIT
// leadfeeder-cpp: the pieces of lf::async_send for Asio completion tokens behind
// leadfeeder/asio.hpp: the handler kept until the client completes, and what a cancellation signal does.
#pragma once

#include <boost/asio/associated_allocator.hpp>
#include <boost/asio/associated_cancellation_slot.hpp>
#include <boost/asio/associated_executor.hpp>
#include <boost/asio/bind_allocator.hpp>
#include <boost/asio/cancellation_type.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <leadfeeder/client.hpp>
#include <leadfeeder/config.hpp>
#include <leadfeeder/policy.hpp>
#include <leadfeeder/result.hpp>

#include <atomic>
#include <memory>
#include <type_traits>
#include <utility>

LEADFEEDER_BEGIN_NAMESPACE
namespace detail {

template <class T, class = void>
struct has_get_executor : std::false_type {};
template <class T>
struct has_get_executor<T, std::void_t<decltype(std::declval<T&>().get_executor())>> : std::true_type {};

template <class T, class = void>
struct has_cancel : std::false_type {};
template <class T>
struct has_cancel<T, std::void_t<decltype(std::declval<T&>().cancel())>> : std::true_type {};

// What an Asio cancellation signal does to a call in flight.
template <class Transport>
class asio_call_canceller {
 public:
  asio_call_canceller(cancellation_token token, Transport& transport) noexcept
      : token_(std::move(token)), transport_(&transport) {}

  void operator()(boost::asio::cancellation_type type) {
    constexpr auto honoured = boost::asio::cancellation_type::terminal | boost::asio::cancellation_type::partial;
    if ((type & honoured) == boost::asio::cancellation_type::none) return;
    token_.cancel();
    if constexpr (has_cancel<Transport>::value) transport_->cancel();
  }

 private:
  cancellation_token token_;
  Transport* transport_;
};

// The handler of one call and what it needs until it has run, shared by the initiation (which
// learns whether the client completed the call before returning) and the client's callback.
template <class Handler, class IoExecutor>
struct asio_send_operation {
  template <class H>
  asio_send_operation(H&& h, IoExecutor const& io)
      : handler(std::forward<H>(h)), work(boost::asio::make_work_guard(handler, io)) {}

  template <class Result>
  void complete(Result&& r) {
    auto slot = boost::asio::get_associated_cancellation_slot(handler);
    if (slot.is_connected()) slot.clear();
    auto executor = work.get_executor();
    auto allocator = boost::asio::get_associated_allocator(handler);
    auto call = [h = std::move(handler), r = std::forward<Result>(r)]() mutable { std::move(h)(std::move(r)); };
    if (starting.load(std::memory_order_acquire)) {
      boost::asio::post(executor, boost::asio::bind_allocator(allocator, std::move(call)));
    } else {
      boost::asio::dispatch(executor, boost::asio::bind_allocator(allocator, std::move(call)));
    }
    work.reset();
  }

  Handler handler;
  boost::asio::executor_work_guard<boost::asio::associated_executor_t<Handler, IoExecutor>> work;
  std::atomic<bool> starting{true};  // the initiating function has not returned yet
};

// What async_initiate runs when the token starts the call.
template <class Transport>
class asio_send_initiation {
 public:
  using executor_type = decltype(std::declval<Transport&>().get_executor());

  explicit asio_send_initiation(client<Transport>& c) noexcept : client_(&c) {}
  executor_type get_executor() const { return client_->transport().get_executor(); }

  template <class Handler, class Builder>
  void operator()(Handler&& handler, Builder const& builder, call_options call) const {
    using operation = asio_send_operation<std::decay_t<Handler>, executor_type>;
    using response_type = typename Builder::response_type;
    auto op = std::make_shared<operation>(std::forward<Handler>(handler), get_executor());
    auto slot = boost::asio::get_associated_cancellation_slot(op->handler);
    if (slot.is_connected()) {
      if (!call.cancel) call.cancel.emplace();
      slot.template emplace<asio_call_canceller<Transport>>(*call.cancel, client_->transport());
    }
    client_->async_send(builder, call, [op](result<response_type> r) { op->complete(std::move(r)); });
    op->starting.store(false, std::memory_order_release);
  }

 private:
  client<Transport>* client_;
};

}  // namespace detail

LEADFEEDER_END_NAMESPACE
