// SPDX-License-Identifier: MIT
// Compile-time floor: a TU with <string> only (bench/compile_time.sh).
#include <string>

std::size_t length(std::string const& s) { return s.size(); }
