// SPDX-License-Identifier: MIT
// Compile-time subject: the forward header only, when the library has one (bench/compile_time.sh).
#include <leadfeeder/fwd.hpp>
