// SPDX-License-Identifier: MIT
// leadfeeder-cpp: the rules of the policies of policy.hpp, as the session applies them: the token
// bucket, the backoff and its jitter, which statuses and methods are retried, deadlines.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/error.hpp>
#include <leadfeeder/http.hpp>
#include <leadfeeder/policy.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <system_error>

LEADFEEDER_BEGIN_NAMESPACE
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
