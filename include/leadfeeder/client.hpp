// SPDX-License-Identifier: MIT
// leadfeeder-cpp: lf::client<Transport>, which turns builders into requests and answers into
// results through the host's transport.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/request_writer.hpp>
#include <leadfeeder/detail/send_traits.hpp>
#include <leadfeeder/detail/session.hpp>
#include <leadfeeder/document.hpp>
#include <leadfeeder/error.hpp>
#include <leadfeeder/http.hpp>
#include <leadfeeder/memory.hpp>
#include <leadfeeder/policy.hpp>
#include <leadfeeder/response.hpp>
#include <leadfeeder/result.hpp>
#include <leadfeeder/transport.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <utility>

LEADFEEDER_BEGIN_NAMESPACE

/// The API client. It makes one call at a time (like a socket): use one client per thread. It owns
/// its transport and reuses its buffers from call to call; it is movable, not copyable. Everything
/// but the exchange itself is done by its session, compiled once (detail/session.hpp).
template <class Transport>
class client {
  static_assert(is_transport_v<Transport> || is_async_transport_v<Transport>, LEADFEEDER_TRANSPORT_REQUIREMENT);

 public:
  using transport_type = Transport;

  /// A client over `transport` with `options`. Unusable options (a CR in the key, a base URL that
  /// is not http or https) make every call fail with errc::invalid_argument, saying which.
  explicit client(Transport transport, client_options options = {})
      : transport_(std::forward<Transport>(transport)), session_(std::move(options)) {}

  client(client&&) = default;
  client& operator=(client&&) = default;
  client(client const&) = delete;
  client& operator=(client const&) = delete;

  /// Sends the request a builder describes and decodes the answer. Never throws on a bad
  /// parameter, a failed exchange or a bad response: those come back as the result's error.
  template <class Builder>
  detail::send_result_t<Builder> send(Builder const& builder) {
    return send(builder, call_options{});
  }

  /// As send(builder), building the response document in lent memory instead of on the heap.
  template <class Builder>
  detail::send_result_t<Builder> send(Builder const& builder, memory_block buffer) {
    call_options call;
    call.memory = buffer;
    return send(builder, call);
  }

  /// As send(builder), with a cancellation token, a deadline or lent memory.
  template <class Builder>
  detail::send_result_t<Builder> send(Builder const& builder, call_options const& call) {
    static_assert(detail::is_builder<Builder>::value,
                  "leadfeeder::client::send: the argument must be a request builder such as "
                  "leadfeeder::contacts::retrieve()");
    static_assert(is_transport_v<Transport>,
                  "leadfeeder::client::send: this transport has no send(); use async_send()");
    if constexpr (detail::is_builder<Builder>::value && is_transport_v<Transport>) {
      auto write = [&builder](detail::request_writer& w) { builder.write(w); };
      auto exchange = [this](http_request const& req, http_response& res) { return transport_.send(req, res); };
      return detail::typed(builder, session_.run(detail::operation_of(builder), call, write, exchange));
    } else {
      return error(errc::invalid_argument, "not a request builder");
    }
  }

  /// Starts the request a builder describes through the transport's async_send and returns. The
  /// callback receives the same result as send() would, where the transport completes (the client
  /// starts no thread). The client keeps the request's storage alive until then; it must outlive
  /// the call, and makes one call at a time: a second call before the first completes gets
  /// errc::busy at once.
  template <class Builder, class Callback>
  void async_send(Builder const& builder, Callback&& callback) {
    async_send(builder, call_options{}, std::forward<Callback>(callback));
  }

  /// As async_send(builder, callback), building the document in lent memory.
  template <class Builder, class Callback>
  void async_send(Builder const& builder, memory_block buffer, Callback&& callback) {
    call_options call;
    call.memory = buffer;
    async_send(builder, call, std::forward<Callback>(callback));
  }

  /// As async_send(builder, callback), with a cancellation token, a deadline or lent memory, as
  /// send() takes them: a call cancelled or past its deadline is refused unsent; one cancelled
  /// while in flight completes with errc::cancelled (its answer, if any, is dropped). The same
  /// pipeline as send(), but no wait: a retryable failure carries the suggested wait (retry_in).
  template <class Builder, class Callback>
  void async_send(Builder const& builder, call_options const& call, Callback&& callback) {
    static_assert(detail::is_builder<Builder>::value,
                  "leadfeeder::client::async_send: the argument must be a request builder such as "
                  "leadfeeder::contacts::retrieve()");
    static_assert(is_async_transport_v<Transport>,
                  "leadfeeder::client::async_send: this transport has no async_send(); use send()");
    using response_type = typename Builder::response_type;
    static_assert(std::is_invocable_v<Callback&, result<response_type>>,
                  "leadfeeder::client::async_send: the callback must accept the operation's result");
    detail::operation_info const op = detail::operation_of(builder);
    auto write = [&builder](detail::request_writer& w) { builder.write(w); };
    if (std::optional<error> refused = session_.start(op, call, write)) {
      callback(result<response_type>(std::move(*refused)));
      return;
    }
    std::string requested;
    if constexpr (detail::has_requested_id<Builder>::value) requested.assign(builder.requested_id());
    transport_.async_send(session_.request(), session_.response(),
                          [this, op, call, requested = std::move(requested),
                           callback = std::forward<Callback>(callback)](std::error_code ec) mutable {
                            result<detail::answer> r = session_.complete(op, call, ec);
                            if (!r) {
                              callback(result<response_type>(std::move(r).error()));
                            } else if (!requested.empty()) {
                              callback(result<response_type>(response_type(std::move(r->doc), r->status,
                                                                           std::move(requested))));
                            } else {
                              callback(result<response_type>(response_type(std::move(r->doc), r->status)));
                            }
                          });
  }

  /// Hands a finished result back so that its body's storage is reused by the next call: with
  /// lent memory (or the client's) and lf::borrow'ed lists, a steady-state call then allocates
  /// nothing. Its document is destroyed here, which frees the client's memory for the next
  /// call; `spent` and its views must not be used afterwards.
  template <class Response>
  void recycle(result<Response>&& spent) noexcept {
    if (!spent) return;
    session_.reuse_body(spent->release_body());
    result<Response> gone(std::move(spent));  // what is left of it dies here
  }

  /// True while an async_send has not completed.
  bool busy() const noexcept { return session_.busy(); }

  /// Requests handed to the transport since the client was made or reset_request_count() (the
  /// monthly counter of rate_limit_policy; the API's quota month is unknown, so the host resets it).
  std::uint64_t requests_sent() const noexcept { return session_.requests_sent(); }
  void reset_request_count() noexcept { session_.reset_request_count(); }
  /// Credits charged so far (the sum of meta.credits.charged of every success).
  std::int64_t credits_spent() const noexcept { return session_.credits_spent(); }

  Transport& transport() noexcept { return transport_; }
  Transport const& transport() const noexcept { return transport_; }
  client_options const& options() const noexcept { return session_.options(); }

 private:
  Transport transport_;
  detail::session session_;
};

LEADFEEDER_END_NAMESPACE
