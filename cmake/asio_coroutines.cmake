# Sets LEADFEEDER_HAVE_ASIO_COROUTINES (cached) when the compiler, in C++20 mode, has coroutines
# that Boost.Asio can use (BOOST_ASIO_HAS_CO_AWAIT). Included by examples/ and tests/; the check
# runs once per build tree.
include_guard(GLOBAL)
include(CheckCXXSourceCompiles)
get_target_property(_asio_boost_includes Boost::headers INTERFACE_INCLUDE_DIRECTORIES)
set(CMAKE_REQUIRED_FLAGS "${CMAKE_CXX20_STANDARD_COMPILE_OPTION}")
set(CMAKE_REQUIRED_INCLUDES ${_asio_boost_includes})
check_cxx_source_compiles([[
  #include <boost/asio/use_awaitable.hpp>
  #ifndef BOOST_ASIO_HAS_CO_AWAIT
  #error no co_await
  #endif
  boost::asio::awaitable<int> f() { co_return 1; }
  int main() { return 0; }
]] LEADFEEDER_HAVE_ASIO_COROUTINES)
unset(CMAKE_REQUIRED_FLAGS)
unset(CMAKE_REQUIRED_INCLUDES)
