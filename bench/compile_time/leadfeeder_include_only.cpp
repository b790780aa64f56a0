// SPDX-License-Identifier: MIT
// Compile-time breakdown: the library's include and nothing used (bench/compile_time.sh).
#include <leadfeeder/leadfeeder.hpp>
