// SPDX-License-Identifier: MIT
// leadfeeder-cpp benchmarks: Boost.JSON's implementation, compiled once for the whole program
// (the library's documented way: LEADFEEDER_BOOST_JSON_IMPL in exactly one .cpp).
#define LEADFEEDER_BOOST_JSON_IMPL
#include <leadfeeder/leadfeeder.hpp>
