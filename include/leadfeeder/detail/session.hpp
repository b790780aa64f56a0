// SPDX-License-Identifier: MIT
// leadfeeder-cpp: the non-template core of a client: options, the request writer and its buffers,
// the policies (retries, rate limit, credit budget, cancellation, deadlines, logging), decoding and
// the envelope checks. Its bodies are compiled once, in the unit that defines
// LEADFEEDER_IMPLEMENTATION (impl/session.ipp); client<Transport> only adds the transport.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/call_region.hpp>
#include <leadfeeder/detail/callback.hpp>
#include <leadfeeder/detail/core.hpp>
#include <leadfeeder/detail/policy_state.hpp>
#include <leadfeeder/detail/request_writer.hpp>
#include <leadfeeder/detail/shared_handle.hpp>
#include <leadfeeder/document.hpp>
#include <leadfeeder/error.hpp>
#include <leadfeeder/http.hpp>
#include <leadfeeder/memory.hpp>
#include <leadfeeder/policy.hpp>
#include <leadfeeder/result.hpp>

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <utility>

LEADFEEDER_BEGIN_NAMESPACE

struct client_options;

namespace detail {

// A reference to a callable, without templates at the call site: the builder's write() and the
// transport's send() reach the compiled session through it.
template <class Signature>
class function_ref;
template <class R, class... Args>
class function_ref<R(Args...)> {
 public:
  template <class F, class = std::enable_if_t<!std::is_same_v<std::decay_t<F>, function_ref>>>
  function_ref(F& f) noexcept  // NOLINT: a reference, implicit by design
      : object_(static_cast<void*>(&f)),
        call_([](void* o, Args... args) -> R { return (*static_cast<F*>(o))(std::forward<Args>(args)...); }) {}
  R operator()(Args... args) const { return call_(object_, std::forward<Args>(args)...); }

 private:
  void* object_;
  R (*call_)(void*, Args...);
};

using write_ref = function_ref<void(request_writer&)>;
using exchange_ref = function_ref<std::error_code(http_request const&, http_response&)>;

// What the session needs to know of an operation (its builder's constants).
struct operation_info {
  std::string_view id;
  http_method method = http_method::get;
  bool charges_credits = false;
  bool reads_only = false;   // a search sent as POST: retried like a read
  bool expects_data = true;  // an empty 2xx body is an answer only where no data is expected
};

// A decoded 2xx answer: the document and its status.
struct answer {
  document doc;
  int status = 0;
};

}  // namespace detail

/// How a client talks to the API. C++17 has no designated initializers: set members one by one.
struct client_options {
  /// Sent as `X-Api-Key` (docs/api-reference.md, 1.2). Leave empty when using bearer_token.
  std::string api_key;
  /// OAuth2 access token, sent as `Authorization: Bearer <token>`.
  std::string bearer_token;
  /// Scheme, host and optional path prefix; a trailing '/' is ignored.
  std::string base_url = "https://api.leadfeeder.com";
  /// Identifies the integration to the vendor's support.
  std::string user_agent = "leadfeeder-cpp/" LEADFEEDER_VERSION_STRING;
  /// Off by default; `options.retry = lf::retry_policy{};` retries GET and DELETE 3 times.
  retry_policy retry = retry_policy::none();
  /// The client-side token bucket (10/s, burst 15) and monthly counter; off by default.
  rate_limit_policy rate_limit;
  /// A token bucket shared with other clients and threads (see shared_rate_limit); unset: none.
  /// Assigned a std::shared_ptr<shared_rate_limit> (`o.shared_limit = limit;`), whose ownership
  /// it shares; it reads like one (`if`, `->`, get()).
  detail::shared_handle<shared_rate_limit> shared_limit;
  /// Credits the client may spend (summing meta.credits.charged); once spent, operations that can
  /// charge credits fail with errc::budget_exhausted unsent. Unset: no budget.
  std::optional<std::int64_t> credit_budget;
  /// Called for every request, response, retry and refusal; credentials are redacted. Assigned like
  /// a std::function.
  detail::callback<void(log_event const&)> logger;
  /// The clocks and the sleep the policies use; replace them in tests and game loops.
  time_source time;
  /// Seed of the backoff jitter, for reproducible runs.
  std::uint64_t jitter_seed = 0x9E3779B97F4A7C15ull;
  /// Memory for everything the client builds per call: the request's URL and JSON body, then the
  /// response's document (unless the call lends its own, call_options::memory). Each call starts
  /// over at its beginning, so the memory must outlive the client, and a result built there must
  /// be gone (destroyed, or handed to client.recycle) before the next call: a call that finds it
  /// still alive fails with errc::memory_in_use, one whose request or document does not fit with
  /// errc::buffer_exhausted, unsent where that is known before sending. Not drawn from it: the
  /// response body, which the transport writes into the client's reusable std::string, and the
  /// text a failed call or the logger allocates. Unset: the heap, reused.
  memory_block memory;
};

namespace detail {

struct session_steps;

class core::session {
 public:
  // Both compiled once (impl/session.ipp): a unit that makes a client compiles only the calls.
  explicit session(client_options options);
  ~session();
  session(session&&) = default;
  session& operator=(session&&) = default;

  /// The synchronous pipeline: admission, attempts through `exchange`, retries and waits, decoding.
  result<answer> run(operation_info const& op, call_options const& call, write_ref write, exchange_ref exchange) {
    return core::run(*this, op, call, write, exchange);
  }
  /// The asynchronous pipeline, in two halves: the request formed and admitted (or why not) ...
  std::optional<error> start(operation_info const& op, call_options const& call, write_ref write) {
    return core::start(*this, op, call, write);
  }
  /// ... and the outcome of the exchange the transport completed.
  result<answer> complete(operation_info const& op, call_options const& call, std::error_code ec) {
    return core::complete(*this, op, call, ec);
  }

  http_request const& request() const noexcept { return request_; }
  http_response& response() noexcept { return response_; }
  client_options const& options() const noexcept { return options_; }
  bool busy() const noexcept { return busy_; }
  std::uint64_t requests_sent() const noexcept { return requests_sent_; }
  void reset_request_count() noexcept { requests_sent_ = 0; }
  std::int64_t credits_spent() const noexcept { return credits_spent_; }
  /// Takes a spent body's storage for the next response.
  void reuse_body(std::string&& body) noexcept {
    if (body.capacity() > response_.body.capacity()) {
      body.clear();
      response_.body.swap(body);
    }
  }

 private:
  friend struct define_LEADFEEDER_IMPLEMENTATION_in_exactly_one_cpp_file;
  friend struct session_steps;

  client_options options_;
  std::string authorization_;
  std::string option_error_;
  call_region region_;
  request_writer writer_;
  std::array<http_header, 5> headers_{};
  http_request request_;
  http_response response_;
  bool busy_ = false;
  token_bucket bucket_;
  jitter_source jitter_;
  std::uint64_t requests_sent_ = 0;
  std::int64_t credits_spent_ = 0;
};

}  // namespace detail

LEADFEEDER_END_NAMESPACE
