// SPDX-License-Identifier: MIT
// The runner of the CLI's tests, and the one translation unit that compiles Boost.JSON's
// implementation.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#define LEADFEEDER_BOOST_JSON_IMPL
#include <leadfeeder/leadfeeder.hpp>
