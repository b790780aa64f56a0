# SPDX-License-Identifier: MIT
# Installs the repository into a fresh prefix (CTest: consumer_install, the fixture the find_package,
# pkg-config and packaging tests need) and checks what landed there.
#
#   cmake -DBUILD_DIR=<the configured main build> -DPREFIX=<empty or scratch dir>
#         -DINCLUDEDIR=include -DDATADIR=share -P install.cmake
#
# A header-only install holds the headers, the CMake package and the pkg-config file, and nothing
# else (no library, no test or example program).
foreach(_var BUILD_DIR PREFIX INCLUDEDIR DATADIR)
  if(NOT ${_var})
    message(FATAL_ERROR "install.cmake: -D${_var}=... is required")
  endif()
endforeach()

file(REMOVE_RECURSE "${PREFIX}")
unset(ENV{DESTDIR})  # the files must land in PREFIX itself
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}"
                RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "cmake --install ${BUILD_DIR} --prefix ${PREFIX} failed")
endif()

set(_expected
  "${INCLUDEDIR}/leadfeeder/leadfeeder.hpp"
  "${INCLUDEDIR}/leadfeeder/version.hpp"
  "${INCLUDEDIR}/leadfeeder/generated/operations.hpp"
  "${INCLUDEDIR}/leadfeeder/testing/scripted_transport.hpp"
  "${DATADIR}/leadfeeder/cmake/leadfeeder-config.cmake"
  "${DATADIR}/leadfeeder/cmake/leadfeeder-config-version.cmake"
  "${DATADIR}/leadfeeder/cmake/leadfeeder-targets.cmake"
  "${DATADIR}/pkgconfig/leadfeeder.pc")
foreach(_file IN LISTS _expected)
  if(NOT EXISTS "${PREFIX}/${_file}")
    message(FATAL_ERROR "not installed: ${PREFIX}/${_file}")
  endif()
endforeach()

file(GLOB_RECURSE _installed RELATIVE "${PREFIX}" "${PREFIX}/*")
foreach(_file IN LISTS _installed)
  if(NOT _file MATCHES "^(${INCLUDEDIR}/leadfeeder/|${DATADIR}/leadfeeder/cmake/|${DATADIR}/pkgconfig/leadfeeder\\.pc$)")
    message(FATAL_ERROR "installed, but not part of a header-only package: ${_file}")
  endif()
endforeach()
list(LENGTH _installed _count)
message(STATUS "installed ${_count} files into ${PREFIX}")
