// SPDX-License-Identifier: MIT
// The test runner, and the one translation unit that compiles Boost.JSON's implementation.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#define LEADFEEDER_BOOST_JSON_IMPL
#include <leadfeeder/leadfeeder.hpp>

// Proof that each run reads the copy of the library it claims to.
#if defined(LEADFEEDER_EXPECT_SINGLE_HEADER) && !defined(LEADFEEDER_SINGLE_HEADER)
#error "the single-header test run included include/leadfeeder/leadfeeder.hpp"
#endif
#if !defined(LEADFEEDER_EXPECT_SINGLE_HEADER) && defined(LEADFEEDER_SINGLE_HEADER)
#error "the multi-header test run included the single header"
#endif
