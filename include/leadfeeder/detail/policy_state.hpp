// SPDX-License-Identifier: MIT
// leadfeeder-cpp: the state the session keeps for its policies (detail/session.hpp holds one of
// each): the token bucket of rate_limit_policy and the generator of the backoff's jitter. The
// rules that use them are in detail/policy_rules.hpp.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/policy.hpp>

#include <chrono>
#include <cstdint>

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

}  // namespace detail
LEADFEEDER_END_NAMESPACE
