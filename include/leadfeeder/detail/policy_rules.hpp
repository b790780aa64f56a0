// SPDX-License-Identifier: MIT
// leadfeeder-cpp: the rules of the policies of policy.hpp, as the session applies them: the
// backoff, which statuses and methods are retried, deadlines. Included by impl/session.ipp (and
// the tests of these rules), not by the public headers.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/policy_state.hpp>
#include <leadfeeder/error.hpp>
#include <leadfeeder/http.hpp>
#include <leadfeeder/policy.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <system_error>

LEADFEEDER_BEGIN_NAMESPACE
namespace detail {

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
