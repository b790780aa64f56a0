# SPDX-License-Identifier: MIT
# Runs one libFuzzer harness for a bounded time on a fresh copy of its seed corpus, in the build
# tree (the seeds in the source tree are never written to). Fails when the fuzzer finds a crash, a
# sanitizer report, a timeout or an out-of-memory; the input is then in WORK_DIR.
#
#   cmake -DFUZZER=<binary> -DSEEDS=<seed folder> -DWORK_DIR=<folder> -DSECONDS=20 -P run_fuzzer.cmake
foreach(_var FUZZER SEEDS WORK_DIR SECONDS)
  if(NOT DEFINED ${_var})
    message(FATAL_ERROR "run_fuzzer.cmake: ${_var} is not set")
  endif()
endforeach()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}/corpus")
file(GLOB _seeds "${SEEDS}/*")
list(LENGTH _seeds _seed_count)
if(_seed_count EQUAL 0)
  message(FATAL_ERROR "run_fuzzer.cmake: no seeds in ${SEEDS}")
endif()
file(COPY ${_seeds} DESTINATION "${WORK_DIR}/corpus")

get_filename_component(_name "${FUZZER}" NAME)
execute_process(
  COMMAND "${FUZZER}" -max_total_time=${SECONDS} -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
          -artifact_prefix=${WORK_DIR}/ "${WORK_DIR}/corpus"
  WORKING_DIRECTORY "${WORK_DIR}"
  RESULT_VARIABLE _rc
  OUTPUT_VARIABLE _out
  ERROR_VARIABLE _err)
file(WRITE "${WORK_DIR}/fuzz.log" "${_out}${_err}")

string(REGEX MATCH "stat::number_of_executed_units: *([0-9]+)" _ "${_err}")
set(_runs "${CMAKE_MATCH_1}")
string(REGEX MATCH "stat::average_exec_per_sec: *([0-9]+)" _ "${_err}")
set(_per_second "${CMAKE_MATCH_1}")
file(GLOB _grown "${WORK_DIR}/corpus/*")
list(LENGTH _grown _grown_count)

if(NOT _rc EQUAL 0)
  string(LENGTH "${_err}" _length)
  if(_length GREATER 6000)
    math(EXPR _from "${_length} - 6000")
    string(SUBSTRING "${_err}" ${_from} -1 _err)
  endif()
  file(GLOB _artifacts "${WORK_DIR}/crash-*" "${WORK_DIR}/leak-*" "${WORK_DIR}/timeout-*" "${WORK_DIR}/oom-*"
                       "${WORK_DIR}/slow-unit-*")
  message("${_err}")
  message(FATAL_ERROR "${_name} failed (exit ${_rc}) after ${_runs} executions; input: ${_artifacts}; "
                      "log: ${WORK_DIR}/fuzz.log")
endif()
message("${_name}: ${_runs} executions in ${SECONDS} s (${_per_second}/s), corpus ${_seed_count} -> ${_grown_count} inputs; "
        "log: ${WORK_DIR}/fuzz.log")
