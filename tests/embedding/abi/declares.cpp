// SPDX-License-Identifier: MIT
// ABI test, unit A: built with LEADFEEDER_HAS_EXCEPTIONS=0 (in check_link.cmake), it calls a
// function of unit B that takes a leadfeeder type. Unit B is built with exceptions on, so the two
// disagree on the library's configuration; the versioned inline namespace (v0 / v0_noexcept)
// puts that disagreement into the symbol names, and the program must not link.
#include <leadfeeder/leadfeeder.hpp>

#include <cstdio>

int key_length(leadfeeder::client_options const& options);  // defined in defines.cpp

int main() {
  leadfeeder::client_options options;
  options.api_key = "KEY";
  int const n = key_length(options);
  std::printf("key_length: %d\n", n);
  return n == 3 ? 0 : 1;
}
