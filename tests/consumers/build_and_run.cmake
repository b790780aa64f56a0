# SPDX-License-Identifier: MIT
# Configures, builds and runs one consumer project (tests/consumers/<name>/) in a fresh build
# folder, with the compiler, C++ standard and generator of the main build.
#
#   cmake -DSOURCE_DIR=<consumer project> -DBINARY_DIR=<scratch dir> -DGENERATOR=<generator>
#         -DCXX=<compiler> -DSTD=<17|20> -DLEADFEEDER_SOURCE_DIR=<repository>
#         [-DMAKE_PROGRAM=...] [-DBUILD_TYPE=...] [-DTOOLCHAIN_FILE=...] [-DCXX_FLAGS=...]
#         [-DPREFIX=<install prefix: find_package looks there, and only the package found there passes>]
#         -P build_and_run.cmake
foreach(_var SOURCE_DIR BINARY_DIR GENERATOR CXX STD LEADFEEDER_SOURCE_DIR)
  if(NOT ${_var})
    message(FATAL_ERROR "build_and_run.cmake: -D${_var}=... is required")
  endif()
endforeach()

set(_configure "${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${BINARY_DIR}" -G "${GENERATOR}"
    "-DCMAKE_CXX_COMPILER=${CXX}" "-DCMAKE_CXX_STANDARD=${STD}" -DCMAKE_CXX_STANDARD_REQUIRED=ON
    -DCMAKE_CXX_EXTENSIONS=OFF "-DLEADFEEDER_SOURCE_DIR=${LEADFEEDER_SOURCE_DIR}")
foreach(_pair MAKE_PROGRAM:CMAKE_MAKE_PROGRAM BUILD_TYPE:CMAKE_BUILD_TYPE
              TOOLCHAIN_FILE:CMAKE_TOOLCHAIN_FILE CXX_FLAGS:CMAKE_CXX_FLAGS)
  string(REPLACE ":" ";" _pair "${_pair}")
  list(GET _pair 0 _in)
  list(GET _pair 1 _out)
  if(${_in})
    list(APPEND _configure "-D${_out}=${${_in}}")
  endif()
endforeach()
if(PREFIX)
  list(APPEND _configure "-DCMAKE_PREFIX_PATH=${PREFIX}" "-DCONSUMER_EXPECTED_PREFIX=${PREFIX}")
endif()

function(step what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    list(JOIN ARGN " " _command)
    message(FATAL_ERROR "${what} failed (${_rc}): ${_command}")
  endif()
endfunction()

file(REMOVE_RECURSE "${BINARY_DIR}")
step("configuring the consumer" ${_configure})
set(_config Debug)
if(BUILD_TYPE)
  set(_config "${BUILD_TYPE}")
endif()
step("building the consumer" "${CMAKE_COMMAND}" --build "${BINARY_DIR}" --config "${_config}")

foreach(_candidate "${BINARY_DIR}/consumer" "${BINARY_DIR}/${_config}/consumer"
                   "${BINARY_DIR}/consumer.exe" "${BINARY_DIR}/${_config}/consumer.exe")
  if(EXISTS "${_candidate}" AND NOT IS_DIRECTORY "${_candidate}")
    step("running the consumer" "${_candidate}")
    return()
  endif()
endforeach()
message(FATAL_ERROR "the consumer program was not found in ${BINARY_DIR}")
