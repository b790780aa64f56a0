# SPDX-License-Identifier: MIT
# ABI test (CTest: embedding_abi_namespace_mismatch). Two translation units that disagree on
# LEADFEEDER_HAS_EXCEPTIONS must not link into one program: unit A (declares.cpp, exceptions off)
# needs key_length(leadfeeder::v0_noexcept::client_options const&), unit B (defines.cpp,
# exceptions on) provides key_length(leadfeeder::v0::client_options const&).
#
#   cmake -DCXX=<compiler> -DSTD=<17|20> -DINCLUDE_DIR=<repo>/include [-DEXTRA_INCLUDES=a|b]
#         -DWORK_DIR=<scratch dir> -P check_link.cmake
#
# First a control: built alike, the same two units link and run (so a failure below is the
# namespace's doing, not a broken test). Then the mismatch: the link must fail, naming v0_noexcept.
foreach(_var CXX STD INCLUDE_DIR WORK_DIR)
  if(NOT ${_var})
    message(FATAL_ERROR "check_link.cmake: -D${_var}=... is required")
  endif()
endforeach()

set(_flags "-std=c++${STD}" "-I${INCLUDE_DIR}")
if(EXTRA_INCLUDES)
  string(REPLACE "|" ";" _extra "${EXTRA_INCLUDES}")
  foreach(_dir IN LISTS _extra)
    list(APPEND _flags "-I${_dir}")
  endforeach()
endif()
set(_here "${CMAKE_CURRENT_LIST_DIR}")
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _out)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${_rc}):\n${ARGN}\n${_out}")
  endif()
endfunction()

run("compiling unit B (exceptions on)" ${CXX} ${_flags} -c "${_here}/defines.cpp" -o "${WORK_DIR}/defines.o")

# Control.
run("compiling unit A (exceptions on)" ${CXX} ${_flags} -c "${_here}/declares.cpp" -o "${WORK_DIR}/declares_alike.o")
run("linking units configured alike" ${CXX} "${WORK_DIR}/declares_alike.o" "${WORK_DIR}/defines.o" -o "${WORK_DIR}/alike")
run("running the program of units configured alike" "${WORK_DIR}/alike")
message(STATUS "control: units configured alike link and run")

# Mismatch.
run("compiling unit A (LEADFEEDER_HAS_EXCEPTIONS=0)"
    ${CXX} ${_flags} -DLEADFEEDER_HAS_EXCEPTIONS=0 -c "${_here}/declares.cpp" -o "${WORK_DIR}/declares_noexcept.o")
execute_process(COMMAND ${CXX} "${WORK_DIR}/declares_noexcept.o" "${WORK_DIR}/defines.o" -o "${WORK_DIR}/mixed"
                RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _out)
if(_rc EQUAL 0)
  message(FATAL_ERROR "units configured differently linked into one program: the versioned namespace "
                      "did not keep them apart\n${_out}")
endif()
if(NOT _out MATCHES "undefined (reference|symbol)" OR NOT _out MATCHES "v0_noexcept")
  message(FATAL_ERROR "the link failed, but not with an undefined reference to a v0_noexcept symbol:\n${_out}")
endif()
message(STATUS "mismatch: the link fails as it must:\n${_out}")
