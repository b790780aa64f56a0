# SPDX-License-Identifier: MIT
# Where the library's compiled part lives (CTest: embedding_implementation_unit).
#
#   cmake -DCXX=<compiler> -DSTD=<17|20> -DINCLUDE_DIR=<repo>/include [-DEXTRA_INCLUDES=a|b]
#         -DWORK_DIR=<scratch dir> -P check.cmake
#
# 1. A program whose units all leave LEADFEEDER_IMPLEMENTATION undefined does not link, and the
#    linker's every complaint about the library names what to do
#    (define_LEADFEEDER_IMPLEMENTATION_in_exactly_one_cpp_file::...).
# 2. With one unit that defines it, the program links and runs.
# 3. With LEADFEEDER_HEADER_ONLY in every unit, the parser is inline in each; two such units link
#    together (one of them defines LEADFEEDER_IMPLEMENTATION for Boost.JSON's own implementation).
foreach(_var CXX STD INCLUDE_DIR WORK_DIR)
  if(NOT ${_var})
    message(FATAL_ERROR "check.cmake: -D${_var}=... is required")
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

run("compiling the ordinary unit" ${CXX} ${_flags} -c "${_here}/app.cpp" -o "${WORK_DIR}/app.o")
run("compiling the implementation unit" ${CXX} ${_flags} -c "${_here}/impl.cpp" -o "${WORK_DIR}/impl.o")

# 1.
execute_process(COMMAND ${CXX} "${WORK_DIR}/app.o" -o "${WORK_DIR}/no_impl"
                RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _out)
if(_rc EQUAL 0)
  message(FATAL_ERROR "a program with no implementation unit linked")
endif()
if(NOT _out MATCHES "define_LEADFEEDER_IMPLEMENTATION_in_exactly_one_cpp_file")
  message(FATAL_ERROR "the link failed, but without the name that says what to do:\n${_out}")
endif()
string(REGEX MATCHALL "undefined reference to `leadfeeder::[^']*'" _leadfeeder_refs "${_out}")
list(REMOVE_DUPLICATES _leadfeeder_refs)
foreach(_ref IN LISTS _leadfeeder_refs)
  if(NOT _ref MATCHES "define_LEADFEEDER_IMPLEMENTATION_in_exactly_one_cpp_file::")
    message(FATAL_ERROR "an undefined library symbol that does not say what to do: ${_ref}\n${_out}")
  endif()
endforeach()
message(STATUS "1: without an implementation unit the link fails naming the macro")

# 2.
run("linking with the implementation unit" ${CXX} "${WORK_DIR}/app.o" "${WORK_DIR}/impl.o" -o "${WORK_DIR}/with_impl")
run("running the program" "${WORK_DIR}/with_impl")
message(STATUS "2: with one implementation unit the program links and runs")

# 3.
run("compiling a header-only unit" ${CXX} ${_flags} -DLEADFEEDER_HEADER_ONLY -c "${_here}/app.cpp"
    -o "${WORK_DIR}/app_inline.o")
run("compiling a header-only unit with Boost.JSON's implementation" ${CXX} ${_flags} -DLEADFEEDER_HEADER_ONLY
    -c "${_here}/impl.cpp" -o "${WORK_DIR}/impl_inline.o")
run("linking header-only units" ${CXX} "${WORK_DIR}/app_inline.o" "${WORK_DIR}/impl_inline.o" -o "${WORK_DIR}/inline")
run("running the header-only program" "${WORK_DIR}/inline")
message(STATUS "3: header-only units link together and run")
