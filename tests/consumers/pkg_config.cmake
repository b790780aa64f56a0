# SPDX-License-Identifier: MIT
# pkg-config consumer (CTest: consumer_pkg_config): compiles tests/consumers/main.cpp with nothing
# but `pkg-config --cflags leadfeeder` against the install fixture's prefix, and runs it.
#
#   cmake -DPREFIX=<install prefix> -DDATADIR=share -DINCLUDEDIR=include -DCXX=<compiler>
#         -DSTD=<17|20> -DVERSION=<project version> -DWORK_DIR=<scratch dir> -P pkg_config.cmake
#
# Skipped (the test's SKIP_REGULAR_EXPRESSION) when pkg-config is not installed.
foreach(_var PREFIX DATADIR INCLUDEDIR CXX STD VERSION WORK_DIR)
  if(NOT ${_var})
    message(FATAL_ERROR "pkg_config.cmake: -D${_var}=... is required")
  endif()
endforeach()

find_program(PKG_CONFIG_EXECUTABLE NAMES pkg-config pkgconf)
if(NOT PKG_CONFIG_EXECUTABLE)
  message("SKIPPED: pkg-config is not installed (Debian: apt-get install pkg-config)")
  return()
endif()

set(ENV{PKG_CONFIG_PATH} "${PREFIX}/${DATADIR}/pkgconfig")
unset(ENV{PKG_CONFIG_SYSROOT_DIR})  # it would prefix the paths pkg-config prints
function(pkg_config out)
  execute_process(COMMAND "${PKG_CONFIG_EXECUTABLE}" --print-errors ${ARGN} leadfeeder
                  RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _err
                  OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "pkg-config ${ARGN} leadfeeder failed (PKG_CONFIG_PATH=$ENV{PKG_CONFIG_PATH}):\n${_err}")
  endif()
  set(${out} "${_out}" PARENT_SCOPE)
endfunction()

pkg_config(_version --modversion)
if(NOT _version STREQUAL VERSION)
  message(FATAL_ERROR "pkg-config says version ${_version}, the project is ${VERSION}")
endif()
pkg_config(_libs --libs)
if(NOT _libs STREQUAL "")
  message(FATAL_ERROR "a header-only package has no Libs, got: ${_libs}")
endif()
pkg_config(_cflags --cflags)
message(STATUS "pkg-config --cflags leadfeeder: ${_cflags}")
separate_arguments(_cflags UNIX_COMMAND "${_cflags}")

# The include directory given must be the installed one.
file(REAL_PATH "${PREFIX}/${INCLUDEDIR}" _installed_includes)
set(_found FALSE)
foreach(_flag IN LISTS _cflags)
  if(_flag MATCHES "^-I(.+)$")
    file(REAL_PATH "${CMAKE_MATCH_1}" _dir)
    if(_dir STREQUAL _installed_includes)
      set(_found TRUE)
    endif()
  endif()
endforeach()
if(NOT _found)
  message(FATAL_ERROR "pkg-config --cflags does not name ${_installed_includes}")
endif()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(_command ${CXX} "-std=c++${STD}" ${_cflags} "-DCONSUMER_EXPECTED_VERSION=\"${_version}\""
    "${CMAKE_CURRENT_LIST_DIR}/main.cpp" -o "${WORK_DIR}/consumer")
list(JOIN _command " " _shown)
message(STATUS "${_shown}")
execute_process(COMMAND ${_command} RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "the consumer does not build with pkg-config's flags")
endif()
execute_process(COMMAND "${WORK_DIR}/consumer" RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "the consumer built with pkg-config's flags failed (${_rc})")
endif()
