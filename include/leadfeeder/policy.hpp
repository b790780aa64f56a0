// leadfeeder-cpp: the cross-cutting policies of a call (DESIGN section 6): retries with backoff,
// a client-side rate limiter, a monthly request counter, a credit budget, cancellation and
// deadlines, logging with redaction. All off or harmless by default; time is injected, so tests
// and game loops never sleep for real.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/core.hpp>
#include <leadfeeder/error.hpp>
#include <leadfeeder/http.hpp>
#include <leadfeeder/memory.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

LEADFEEDER_BEGIN_NAMESPACE

/// The clock every policy reads; steady, so that wall-clock jumps do not matter.
using clock_type = std::chrono::steady_clock;

/// Retries of 429, 408, 5xx answers and failed exchanges (reference 1.10, 1.11).
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

namespace detail {

// The token bucket of rate_limit_policy.
class token_bucket {
 public:
  /// How long to wait before a request may go at `now` (zero when a token is there). Takes the
  /// token when the wait is zero.
  std::chrono::milliseconds acquire(rate_limit_policy const& p, clock_type::time_point now) noexcept {
    if (!started_) {
      tokens_ = p.burst;
      last_ = now;
      started_ = true;
    }
    double const elapsed = std::chrono::duration<double>(now - last_).count();
    double const refilled = tokens_ + (elapsed > 0.0 ? elapsed : 0.0) * p.requests_per_second;
    tokens_ = refilled < p.burst ? refilled : p.burst;
    last_ = now;
    if (tokens_ >= 1.0) {
      tokens_ -= 1.0;
      return std::chrono::milliseconds(0);
    }
    double const missing = 1.0 - tokens_;
    auto const ms = static_cast<std::int64_t>(missing / p.requests_per_second * 1000.0) + 1;
    return std::chrono::milliseconds(ms);
  }

  /// Returns a token taken by acquire() that was not used after all.
  void give_back(rate_limit_policy const& p) noexcept {
    if (started_) tokens_ = tokens_ + 1.0 < p.burst ? tokens_ + 1.0 : p.burst;
  }

 private:
  double tokens_ = 0;
  clock_type::time_point last_{};
  bool started_ = false;
};

}  // namespace detail

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
  shared_rate_limit(double requests_per_second, double burst) {
    policy_.enabled = true;
    policy_.requests_per_second = requests_per_second > 0 ? requests_per_second : 1.0;
    policy_.burst = burst >= 1.0 ? burst : 1.0;
  }
  shared_rate_limit(shared_rate_limit const&) = delete;
  shared_rate_limit& operator=(shared_rate_limit const&) = delete;

  /// Takes a token and returns zero, or returns how long to wait for one (taking nothing).
  std::chrono::milliseconds acquire(clock_type::time_point now) {
    std::lock_guard<std::mutex> lock(mutex_);
    std::chrono::milliseconds const wait = bucket_.acquire(policy_, now);
    if (wait.count() == 0) ++granted_;
    return wait;
  }
  /// Returns a token that acquire() gave but that was not used.
  void give_back() {
    std::lock_guard<std::mutex> lock(mutex_);
    bucket_.give_back(policy_);
    if (granted_ > 0) --granted_;
  }
  /// Tokens handed out so far (requests let through).
  std::uint64_t granted() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return granted_;
  }
  double requests_per_second() const noexcept { return policy_.requests_per_second; }
  double burst() const noexcept { return policy_.burst; }

 private:
  rate_limit_policy policy_;
  mutable std::mutex mutex_;
  detail::token_bucket bucket_;
  std::uint64_t granted_ = 0;
};

/// Shared flag to stop a call (and a paginated read) between attempts and between pages.
class cancellation_token {
 public:
  cancellation_token() : flag_(std::make_shared<std::atomic<bool>>(false)) {}
  /// Asks every call holding a copy of this token to stop; safe from any thread.
  void cancel() noexcept { flag_->store(true, std::memory_order_relaxed); }
  bool cancelled() const noexcept { return flag_->load(std::memory_order_relaxed); }

 private:
  std::shared_ptr<std::atomic<bool>> flag_;
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

  memory_block lent_memory() const noexcept { return memory.data != nullptr ? memory : memory_block{buffer, buffer_size}; }
};

/// What the logging hook sees. Request headers are already redacted.
struct log_event {
  enum class kind { request, response, retry, refused } what = kind::request;
  std::string_view operation;
  http_method method = http_method::get;
  std::string_view url;
  std::string_view headers;  ///< "Name: value" lines; credentials read "[redacted]"
  int status = 0;             ///< response: the HTTP status, 0 when the exchange failed
  int attempt = 1;
  std::chrono::milliseconds delay{0};  ///< retry: the wait before the next attempt
  std::string_view detail;             ///< retry and refused: why
};

/// Injected time: tests and game loops replace both.
struct time_source {
  std::function<clock_type::time_point()> now = [] { return clock_type::now(); };
  /// The wall clock, for what the server says in calendar time (a Retry-After HTTP date).
  std::function<std::chrono::system_clock::time_point()> wall_now = [] { return std::chrono::system_clock::now(); };
  /// The sleep of the calling thread (std::this_thread::sleep_for, in the implementation unit).
  std::function<void(std::chrono::milliseconds)> sleep = [](std::chrono::milliseconds d) { detail::core::sleep_for(d); };
};

/// A printable form of a request, with the values of credential headers replaced by [redacted].
inline std::string to_string(http_request const& req) {
  std::string out(to_string(req.method));
  out += ' ';
  out.append(req.url);
  out += '\n';
  for (http_header const& h : req.headers) {
    out.append(h.name);
    out += ": ";
    if (is_credential_header(h.name)) {
      out += "[redacted]";
    } else {
      out.append(h.value);
    }
    out += '\n';
  }
  if (!req.body.empty()) {
    out += '\n';
    out.append(req.body);
  }
  return out;
}

namespace detail {

// splitmix64: a small, seedable generator for jitter (no global state, no std::random_device).
class jitter_source {
 public:
  explicit jitter_source(std::uint64_t seed = 0x9E3779B97F4A7C15ull) noexcept : state_(seed) {}
  /// A number uniformly in [0, bound].
  std::int64_t below_or_equal(std::int64_t bound) noexcept {
    if (bound <= 0) return 0;
    state_ += 0x9E3779B97F4A7C15ull;
    std::uint64_t z = state_;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    return static_cast<std::int64_t>(z % (static_cast<std::uint64_t>(bound) + 1));
  }

 private:
  std::uint64_t state_;
};

/// The backoff before attempt `next_attempt` (2 for the first retry): full jitter over
/// min(max_delay, base_delay * 2^(next_attempt - 2)).
inline std::chrono::milliseconds backoff(retry_policy const& p, int next_attempt, jitter_source& jitter) noexcept {
  std::int64_t ceiling = p.base_delay.count() > 0 ? p.base_delay.count() : 0;
  for (int i = 2; i < next_attempt && ceiling < p.max_delay.count(); ++i) ceiling *= 2;
  if (ceiling > p.max_delay.count()) ceiling = p.max_delay.count();
  return std::chrono::milliseconds(jitter.below_or_equal(ceiling));
}

/// Statuses worth another attempt: 408, 429 and 5xx.
constexpr bool is_retryable_status(int status) noexcept {
  return status == 408 || status == 429 || (status >= 500 && status <= 599);
}

/// Methods that may be repeated without asking: GET and DELETE (DELETE of a thing already gone
/// answers 404, not a second deletion).
constexpr bool is_idempotent(http_method m) noexcept { return m == http_method::get || m == http_method::del; }

/// Waits for a token of the client's own bucket (when `local` is enabled) and of the shared limit
/// (when given): zero when both gave one (both are then taken), else the wait before trying again
/// (and nothing is taken).
inline std::chrono::milliseconds acquire_tokens(token_bucket& bucket, rate_limit_policy const& local,
                                                shared_rate_limit* shared, clock_type::time_point now) {
  if (local.enabled) {
    std::chrono::milliseconds const wait = bucket.acquire(local, now);
    if (wait.count() != 0) return wait;
  }
  if (shared != nullptr) {
    std::chrono::milliseconds const wait = shared->acquire(now);
    if (wait.count() != 0) {
      if (local.enabled) bucket.give_back(local);
      return wait;
    }
  }
  return std::chrono::milliseconds(0);
}

/// What is left of a deadline at `now`, rounded up to whole milliseconds (at least 1, so that a
/// transport never reads 0 as "no limit"); none without a deadline.
inline std::optional<std::chrono::milliseconds> time_left(std::optional<clock_type::time_point> const& deadline,
                                                          clock_type::time_point now) noexcept {
  if (!deadline) return std::nullopt;
  if (*deadline <= now) return std::chrono::milliseconds(1);
  auto const left = std::chrono::ceil<std::chrono::milliseconds>(*deadline - now);
  return left > std::chrono::milliseconds(1) ? left : std::chrono::milliseconds(1);
}

/// The code of a failed exchange as the call reports it: errc::deadline_exceeded when the call's
/// deadline has passed by the time the transport gave up (its timeout was the deadline's), else
/// the transport's own code unchanged.
inline std::error_code exchange_code(std::error_code ec, std::optional<clock_type::time_point> const& deadline,
                                     clock_type::time_point now) noexcept {
  if (ec && deadline && now >= *deadline) return make_error_code(errc::deadline_exceeded);
  return ec;
}


}  // namespace detail

LEADFEEDER_END_NAMESPACE
