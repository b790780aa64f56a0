# SPDX-License-Identifier: MIT
# Sets LEADFEEDER_HAVE_ASIO_COROUTINES (cached) when the compiler, in C++20 mode, has coroutines
# that Boost.Asio can use (BOOST_ASIO_HAS_CO_AWAIT). Included by examples/ and tests/; the check
# result is cached, so it runs once per build tree; the override below applies in each including directory.
include(CheckCXXSourceCompiles)
get_target_property(_asio_boost_includes Boost::headers INTERFACE_INCLUDE_DIRECTORIES)
# The check honours CMAKE_CXX_STANDARD (policy CMP0067), whose flag would come after any in
# CMAKE_REQUIRED_FLAGS: a C++17 project must ask for 20 here, not through a flag.
set(_asio_had_standard ${CMAKE_CXX_STANDARD})
set(CMAKE_CXX_STANDARD 20)
set(CMAKE_REQUIRED_INCLUDES ${_asio_boost_includes})
check_cxx_source_compiles([[
  #include <boost/asio/use_awaitable.hpp>
  #ifndef BOOST_ASIO_HAS_CO_AWAIT
  #error no co_await
  #endif
  boost::asio::awaitable<int> f() { co_return 1; }
  int main() { return 0; }
]] LEADFEEDER_HAVE_ASIO_COROUTINES)
# Back to what it was: the normal variable goes, which shows the cached one (-D) if any.
unset(CMAKE_CXX_STANDARD)
if(_asio_had_standard AND NOT CMAKE_CXX_STANDARD STREQUAL _asio_had_standard)
  set(CMAKE_CXX_STANDARD ${_asio_had_standard})
endif()
unset(CMAKE_REQUIRED_INCLUDES)
# clang 14's assembler rejects Asio's coroutine frames under UndefinedBehaviorSanitizer ("Cannot
# represent a difference across sections"; seen with -fsanitize=undefined alone and with
# address,undefined), a compiler fault the small check above does not reach.
if(LEADFEEDER_HAVE_ASIO_COROUTINES AND CMAKE_CXX_COMPILER_ID STREQUAL "Clang"
   AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 15 AND CMAKE_CXX_FLAGS MATCHES "sanitize=[^ ]*undefined")
  message(STATUS "leadfeeder: clang < 15 with UndefinedBehaviorSanitizer cannot build Asio coroutines; "
                 "the C++20 coroutine targets are left out")
  set(LEADFEEDER_HAVE_ASIO_COROUTINES FALSE)
endif()
