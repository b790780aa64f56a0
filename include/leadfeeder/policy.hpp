// SPDX-License-Identifier: MIT
// leadfeeder-cpp: the cross-cutting policies of a call: retries with backoff, a client-side rate
// limiter, a monthly request counter, a credit budget, cancellation and deadlines, logging with
// redaction. All off or harmless by default; time is injected, so tests and game loops never sleep
// for real. How they are applied: detail/policy_state.hpp, detail/policy_rules.hpp and
// impl/session.ipp.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/callback.hpp>
#include <leadfeeder/detail/core.hpp>
#include <leadfeeder/error.hpp>
#include <leadfeeder/http.hpp>
#include <leadfeeder/memory.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

LEADFEEDER_BEGIN_NAMESPACE

/// The clock every policy reads; steady, so that wall-clock jumps do not matter.
using clock_type = std::chrono::steady_clock;

/// Retries of 429, 408, 5xx answers and failed exchanges (docs/api-reference.md, 1.10 and 1.11).
struct retry_policy {
  /// Attempts in all, the first included; 1 turns retries off.
  int max_attempts = 3;
  /// The first backoff; each later one doubles, up to max_delay. The wait is drawn uniformly from
  /// [0, that value] ("full jitter"), so that many clients do not retry in step.
  std::chrono::milliseconds base_delay{500};
  std::chrono::milliseconds max_delay{30000};
  /// GET and DELETE are retried, and the searches that read through POST; other POST, PUT and
  /// PATCH requests only when this is true, since a write whose answer was lost may have happened.
  bool retry_writes = false;
  /// A Retry-After header (seconds or an HTTP date) replaces the computed backoff.
  bool honour_retry_after = true;

  /// No retries at all.
  static retry_policy none() noexcept {
    retry_policy p;
    p.max_attempts = 1;
    return p;
  }
};

/// A client-side token bucket matching the API's limit (10 requests per second, bursts of 15),
/// and a monthly request counter. Off by default.
struct rate_limit_policy {
  bool enabled = false;
  double requests_per_second = 10.0;
  /// One below the API's burst of 15: the client counts a request when it sends it, the server
  /// when it arrives, and network jitter between the two would otherwise cost a 429 now and then.
  double burst = 14.0;
  /// Requests allowed per calendar month of the client's own counting; 0 means no limit. Once
  /// reached, calls fail with errc::rate_limited (api_code "client_monthly_quota") unsent.
  std::uint64_t monthly_quota = 0;
};

/// One rate limit for several clients and threads: a thread-safe token bucket that every client
/// given it (client_options::shared_limit) draws from before each attempt, besides its own
/// rate_limit_policy when that is enabled. Give one to every client that uses the same API key, so
/// that together they stay under the key's limit (10 requests per second, bursts of 15). The
/// clients should read the same clock (the default time_source does). Waiting works as for the
/// client's own limiter: send() sleeps until a token is there (within the call's deadline),
/// async_send() does not wait and answers errc::rate_limited with retry_in.
class shared_rate_limit {
 public:
  /// The API's limit with the margin of rate_limit_policy: 10 per second, bursts of 14.
  shared_rate_limit() : shared_rate_limit(10.0, 14.0) {}
  shared_rate_limit(double requests_per_second, double burst)
      : requests_per_second_(requests_per_second > 0 ? requests_per_second : 1.0),
        burst_(burst >= 1.0 ? burst : 1.0),
        bucket_(detail::core::open_shared_bucket(requests_per_second_, burst_)) {}
  ~shared_rate_limit() { detail::core::close_shared_bucket(bucket_); }
  shared_rate_limit(shared_rate_limit const&) = delete;
  shared_rate_limit& operator=(shared_rate_limit const&) = delete;

  /// Takes a token and returns zero, or returns how long to wait for one (taking nothing).
  std::chrono::milliseconds acquire(clock_type::time_point now) { return detail::core::acquire_shared(*bucket_, now); }
  /// Returns a token that acquire() gave but that was not used.
  void give_back() { detail::core::give_back_shared(*bucket_); }
  /// Tokens handed out so far (requests let through).
  std::uint64_t granted() const { return detail::core::granted_shared(*bucket_); }
  double requests_per_second() const noexcept { return requests_per_second_; }
  double burst() const noexcept { return burst_; }

 private:
  // The bucket and its mutex live in the implementation unit (impl/session.ipp): <mutex> stays
  // out of every unit that includes the library.
  double requests_per_second_;
  double burst_;
  detail::shared_bucket* bucket_;
};

/// Shared flag to stop a call (and a paginated read) between attempts and between pages. Copies
/// share one flag.
class cancellation_token {
 public:
  cancellation_token() : flag_(detail::core::open_cancel_flag()) {}
  cancellation_token(cancellation_token const& other) noexcept : flag_(other.flag_) {
    detail::core::share_cancel_flag(flag_);
  }
  cancellation_token& operator=(cancellation_token const& other) noexcept {
    detail::core::share_cancel_flag(other.flag_);  // first, in case both share the flag
    detail::core::drop_cancel_flag(flag_);
    flag_ = other.flag_;
    return *this;
  }
  ~cancellation_token() { detail::core::drop_cancel_flag(flag_); }

  /// Asks every call holding a copy of this token to stop; safe from any thread.
  void cancel() noexcept { detail::core::cancel(flag_); }
  bool cancelled() const noexcept { return detail::core::cancelled(flag_); }

 private:
  // A reference-counted atomic flag in the implementation unit (impl/session.ipp): <atomic> and
  // <memory> stay out of every unit that includes the library.
  detail::cancel_flag* flag_;
};

/// What a call may carry besides its builder.
struct call_options {
  /// Memory for this call's response document (see memory_block); unset: the client's memory or
  /// the heap.
  memory_block memory;
  /// The same as `memory`, under the names it had first; used when `memory` is unset.
  void* buffer = nullptr;
  std::size_t buffer_size = 0;
  /// Checked before each attempt and between pages: errc::cancelled.
  std::optional<cancellation_token> cancel;
  /// No attempt starts, and no wait lasts, past this point: errc::deadline_exceeded.
  std::optional<clock_type::time_point> deadline;

  memory_block lent_memory() const noexcept {
    return memory.data != nullptr ? memory : memory_block{buffer, buffer_size};
  }
};

/// What the logging hook sees. Request headers are already redacted.
struct log_event {
  enum class kind { request, response, retry, refused } what = kind::request;
  std::string_view operation;
  http_method method = http_method::get;
  std::string_view url;
  std::string_view headers;  ///< "Name: value" lines; credentials read "[redacted]"
  int status = 0;            ///< response: the HTTP status, 0 when the exchange failed
  int attempt = 1;
  std::chrono::milliseconds delay{0};  ///< retry: the wait before the next attempt
  std::string_view detail;             ///< retry and refused: why
};

/// Injected time: tests and game loops replace these. Each member is assigned like a
/// std::function (a lambda, a function pointer, a std::function).
struct time_source {
  /// The steady clock, the system clock and std::this_thread::sleep_for (set in the
  /// implementation unit, so that a unit which only makes a client compiles none of them).
  time_source() { detail::core::default_time(*this); }

  detail::callback<clock_type::time_point()> now;
  /// The wall clock, for what the server says in calendar time (a Retry-After HTTP date).
  detail::callback<std::chrono::system_clock::time_point()> wall_now;
  /// The sleep of the calling thread.
  detail::callback<void(std::chrono::milliseconds)> sleep;
};

LEADFEEDER_END_NAMESPACE
