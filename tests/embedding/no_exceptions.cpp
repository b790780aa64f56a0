// SPDX-License-Identifier: MIT
// Built with -fno-exceptions (tests/CMakeLists.txt, "Embedding"): the library and its testing
// transport work without exceptions, and such a build really is the exceptions-off configuration.
// Boost.JSON's implementation is compiled in no_exceptions_boost_json.cpp, with exceptions: Boost
// before 1.83 cannot build it without them.
#include "restricted_build_checks.hpp"

#include <boost/throw_exception.hpp>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <type_traits>
#include <utility>

#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
#error "no_exceptions.cpp must be compiled with -fno-exceptions"
#endif
#ifndef BOOST_NO_EXCEPTIONS
#error "Boost does not see -fno-exceptions (BOOST_NO_EXCEPTIONS is not defined)"
#endif

static_assert(LEADFEEDER_HAS_EXCEPTIONS == 0, "LEADFEEDER_HAS_EXCEPTIONS is detected from the compiler");
static_assert(std::is_same_v<leadfeeder::client_options, leadfeeder::v0_noexcept::client_options>,
              "with exceptions off, the library's symbols live in leadfeeder::v0_noexcept");
static_assert(std::is_same_v<leadfeeder::result<int>, leadfeeder::v0_noexcept::result<int>>);

// The throwing helper result::value() is left out.
template <class T, class = void>
struct has_value_function : std::false_type {};
template <class T>
struct has_value_function<T, std::void_t<decltype(std::declval<T&>().value())>> : std::true_type {};
static_assert(!has_value_function<leadfeeder::result<int>>::value, "result::value() throws: it must be left out");

// Under BOOST_NO_EXCEPTIONS the program must define these (Boost calls them instead of throwing).
namespace boost {
void throw_exception(std::exception const& e) {
  std::fprintf(stderr, "boost::throw_exception: %s\n", e.what());
  std::abort();
}
void throw_exception(std::exception const& e, boost::source_location const&) {
  std::fprintf(stderr, "boost::throw_exception: %s\n", e.what());
  std::abort();
}
}  // namespace boost

int main() { return restricted_build::run_checks("-fno-exceptions"); }
