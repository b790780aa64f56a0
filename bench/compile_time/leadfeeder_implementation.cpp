// SPDX-License-Identifier: MIT
// Compile-time breakdown: the program's one implementation unit (bench/compile_time.sh): the
// library's response parser and Boost.JSON's implementation, compiled once per program.
#define LEADFEEDER_IMPLEMENTATION
#include <leadfeeder/leadfeeder.hpp>
