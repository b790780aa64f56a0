// SPDX-License-Identifier: MIT
// HTTP dates in Retry-After: the three forms RFC 9110 asks recipients to accept.
#include <doctest/doctest.h>
#include <test_support.hpp>

#include <chrono>

namespace lf = leadfeeder;

// Every case calls the HTTP-date rules directly (test_support.hpp).
#if LEADFEEDER_TEST_DETAIL_RULES

TEST_CASE("the three HTTP date forms name the same instant") {
  // Sun, 06 Nov 1994 08:49:37 GMT is 784111777 seconds after the epoch.
  CHECK(lf::detail::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT") == 784111777);
  CHECK(lf::detail::parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT") == 784111777);
  CHECK(lf::detail::parse_http_date("Sun Nov  6 08:49:37 1994") == 784111777);
}

TEST_CASE("an HTTP date that names no real day is refused") {
  CHECK_FALSE(lf::detail::parse_http_date("Sat, 31 Feb 2026 08:49:37 GMT"));
  CHECK_FALSE(lf::detail::parse_http_date("Wed, 29 Feb 2023 00:00:00 GMT"));
  CHECK(lf::detail::parse_http_date("Thu, 29 Feb 2024 00:00:00 GMT") == 1709164800);
  CHECK_FALSE(lf::detail::parse_http_date("Sun, 06 Nov 1994 24:00:00 GMT"));
  CHECK_FALSE(lf::detail::parse_http_date("Sun, 06 Foo 1994 08:49:37 GMT"));
  CHECK_FALSE(lf::detail::parse_http_date("Sun, 06 Nov 1994 08:49:37 UTC"));
  CHECK_FALSE(lf::detail::parse_http_date(""));
}

TEST_CASE("Retry-After in the asctime form is honoured relative to now") {
  auto const now = std::chrono::system_clock::time_point(std::chrono::seconds(784111777 - 30));
  auto const wait = lf::detail::parse_retry_after("Sun Nov  6 08:49:37 1994", now);
  REQUIRE(wait);
  CHECK(wait->count() == 30);
}

#endif  // LEADFEEDER_TEST_DETAIL_RULES
