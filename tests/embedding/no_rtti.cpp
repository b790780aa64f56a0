// SPDX-License-Identifier: MIT
// Built with -fno-rtti, exceptions on (tests/CMakeLists.txt, "Embedding"): the library, Boost.JSON's
// implementation (compiled here) and the testing transport need no run-time type information.
#define LEADFEEDER_BOOST_JSON_IMPL
#include "restricted_build_checks.hpp"

#if defined(__GXX_RTTI) || defined(__cpp_rtti)
#error "no_rtti.cpp must be compiled with -fno-rtti"
#endif

static_assert(LEADFEEDER_HAS_EXCEPTIONS == 1, "this build keeps exceptions on");

int main() { return restricted_build::run_checks("-fno-rtti"); }
