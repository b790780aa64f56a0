# SPDX-License-Identifier: MIT
# Vendoring (CTest: embedding_vendoring): what a user does who copies one header into a project.
#
#   cmake -DCXX=<compiler> -DSTD=<17|20> -DREPO=<repository> -DWORK_DIR=<scratch dir>
#         [-DEXTRA_INCLUDES=a|b] -P vendor.cmake
#
# WORK_DIR is emptied, then holds only leadfeeder/leadfeeder.hpp (the single header) and main.cpp;
# the program is built with ONE compiler command and run. EXTRA_INCLUDES is Boost's include
# directory when the compiler does not search it anyway (it does on Debian: /usr/include).
foreach(_var CXX STD REPO WORK_DIR)
  if(NOT ${_var})
    message(FATAL_ERROR "vendor.cmake: -D${_var}=... is required")
  endif()
endforeach()

set(_header "${REPO}/single_include/leadfeeder/leadfeeder.hpp")
# The single header must stand alone: no include of another leadfeeder header.
file(STRINGS "${_header}" _includes REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]leadfeeder/")
if(_includes)
  message(FATAL_ERROR "the single header includes other leadfeeder headers:\n${_includes}")
endif()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}/leadfeeder")
file(COPY "${_header}" DESTINATION "${WORK_DIR}/leadfeeder")
file(COPY "${CMAKE_CURRENT_LIST_DIR}/main.cpp" DESTINATION "${WORK_DIR}")
file(GLOB_RECURSE _files RELATIVE "${WORK_DIR}" "${WORK_DIR}/*")
list(SORT _files)
if(NOT _files STREQUAL "leadfeeder/leadfeeder.hpp;main.cpp")
  message(FATAL_ERROR "the vendoring folder holds more than the header and the program: ${_files}")
endif()

set(_command ${CXX} "-std=c++${STD}")
if(EXTRA_INCLUDES)
  string(REPLACE "|" ";" _extra "${EXTRA_INCLUDES}")
  foreach(_dir IN LISTS _extra)
    list(APPEND _command "-I${_dir}")
  endforeach()
endif()
list(APPEND _command "-I${WORK_DIR}" "${WORK_DIR}/main.cpp" -o "${WORK_DIR}/program")
list(JOIN _command " " _shown)
message(STATUS "${_shown}")
execute_process(COMMAND ${_command} RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "the vendored program does not build with one command")
endif()
execute_process(COMMAND "${WORK_DIR}/program" RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "the vendored program failed (${_rc})")
endif()
