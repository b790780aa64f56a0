#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Compile time of the library next to Boost.JSON alone (bench/README.md, measurement 4).
#
# Times, best of N (default 3), `$CXX -std=c++17 -O0 -c` of the TUs in bench/compile_time/:
#   boost_json_parse.cpp         #include <boost/json.hpp>, parses one string        (the reference)
#   leadfeeder_call.cpp          #include <leadfeeder/leadfeeder.hpp>, one client.send   (the subject)
#   leadfeeder_include_only.cpp  the same include, nothing used                       (breakdown)
#   leadfeeder_implementation.cpp  the one unit with LEADFEEDER_IMPLEMENTATION        (once a program)
#   leadfeeder_call.cpp          against single_include/ instead of include/          (breakdown)
#   leadfeeder_fwd.cpp           #include <leadfeeder/fwd.hpp>, if that header exists
#   baseline_string.cpp          #include <string> only                               (the floor)
# and prints the ratio subject / reference (target: <= 0.7).
#
#   bench/compile_time.sh                  with $CXX, or g++
#   bench/compile_time.sh g++ clang++      each compiler in turn
#   RUNS=5 bench/compile_time.sh           best of 5
#   STRICT=1 bench/compile_time.sh         exit status 1 when the target is not met
#   COUNT=1 bench/compile_time.sh          also the instructions the compiler runs for the reference
#                                          and the subject (valgrind; a minute or two per compiler):
#                                          the same work gives the same count, whatever the load
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
src="$here/compile_time"
runs=${RUNS:-3}
flags=(-std=c++17 -O0 -c)
target=0.7

if [ $# -gt 0 ]; then
  compilers=("$@")
else
  compilers=("${CXX:-g++}")
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Best of $runs compilations: "wall cpu" in seconds (bash's `time`, millisecond resolution; cpu is
# user + sys, less disturbed by other load on the machine than wall-clock time).
best_of() {
  local cxx=$1 file=$2
  shift 2
  local best_wall="" best_cpu="" t wall cpu
  for ((i = 0; i < runs; i++)); do
    t=$( { TIMEFORMAT='%3R %3U %3S'; time "$cxx" "${flags[@]}" "$@" "$file" -o "$tmp/out.o" 2>"$tmp/err"; } 2>&1 ) || {
      echo "FAILED: $cxx ${flags[*]} $* $file" >&2
      cat "$tmp/err" >&2
      return 1
    }
    wall=$(awk '{ print $1 }' <<<"$t")
    cpu=$(awk '{ printf "%.3f", $2 + $3 }' <<<"$t")
    if [ -z "$best_wall" ] || awk -v a="$wall" -v b="$best_wall" 'BEGIN { exit !(a < b) }'; then best_wall=$wall; fi
    if [ -z "$best_cpu" ] || awk -v a="$cpu" -v b="$best_cpu" 'BEGIN { exit !(a < b) }'; then best_cpu=$cpu; fi
  done
  echo "$best_wall $best_cpu"
}

# Instructions the compiler runs for one compilation: the largest process count (the compiler
# proper, which the driver starts as a child), by valgrind's callgrind.
instructions() {
  local cxx=$1 file=$2 best=0 n f
  shift 2
  valgrind --tool=callgrind --trace-children=yes --callgrind-out-file="$tmp/cg.%p" -q \
    "$cxx" "${flags[@]}" "$@" "$file" -o "$tmp/out.o" >/dev/null 2>&1
  for f in "$tmp"/cg.*; do
    n=$(awk '/^summary:/ { print $2 }' "$f")
    if [ -n "$n" ] && [ "$n" -gt "$best" ]; then best=$n; fi
    rm -f "$f"
  done
  echo "$best"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
wall() { echo "${1%% *}"; }
cpu() { echo "${1##* }"; }
# One row: label, "wall cpu" of this TU, "wall cpu" of the reference.
row() {
  printf '   %-60s %7s %7s %7sx %7sx\n' "$1" "$(wall "$2")" "$(cpu "$2")" \
    "$(ratio "$(wall "$2")" "$(wall "$3")")" "$(ratio "$(cpu "$2")" "$(cpu "$3")")"
}

status=0
for cxx in "${compilers[@]}"; do
  if ! command -v "$cxx" >/dev/null 2>&1; then
    echo "== $cxx: not found, skipped"
    continue
  fi
  echo "== $("$cxx" --version | head -n 1)"
  echo "   flags: ${flags[*]}; best of $runs; seconds (wall-clock, and cpu = user + sys); ratios to the reference"
  t_boost=$(best_of "$cxx" "$src/boost_json_parse.cpp")
  t_call=$(best_of "$cxx" "$src/leadfeeder_call.cpp" -I"$root/include")
  t_incl=$(best_of "$cxx" "$src/leadfeeder_include_only.cpp" -I"$root/include")
  t_single=$(best_of "$cxx" "$src/leadfeeder_call.cpp" -I"$root/single_include")
  t_impl=$(best_of "$cxx" "$src/leadfeeder_implementation.cpp" -I"$root/include")
  t_floor=$(best_of "$cxx" "$src/baseline_string.cpp")
  printf '   %-60s %7s %7s %8s %8s\n' "translation unit" "wall" "cpu" "wall/ref" "cpu/ref"
  row "<boost/json.hpp> + boost::json::parse (reference)" "$t_boost" "$t_boost"
  row "<leadfeeder/leadfeeder.hpp> + one client.send" "$t_call" "$t_boost"
  row "<leadfeeder/leadfeeder.hpp>, nothing used" "$t_incl" "$t_boost"
  row "single_include/leadfeeder/leadfeeder.hpp + one client.send" "$t_single" "$t_boost"
  row "the implementation unit (LEADFEEDER_IMPLEMENTATION; once a program)" "$t_impl" "$t_boost"
  if [ -f "$root/include/leadfeeder/fwd.hpp" ]; then
    t_fwd=$(best_of "$cxx" "$src/leadfeeder_fwd.cpp" -I"$root/include")
    row "<leadfeeder/fwd.hpp> only" "$t_fwd" "$t_boost"
  else
    printf '   %-60s %s\n' "<leadfeeder/fwd.hpp> only" "absent: include/leadfeeder/fwd.hpp does not exist"
  fi
  row "<string> only (floor)" "$t_floor" "$t_boost"
  if command -v nm >/dev/null 2>&1; then
    "$cxx" "${flags[@]}" -I"$root/include" "$src/leadfeeder_call.cpp" -o "$tmp/call.o"
    "$cxx" "${flags[@]}" "$src/boost_json_parse.cpp" -o "$tmp/boost.o"
    n_call=$(nm --defined-only "$tmp/call.o" | grep -c ' [TtWw] ' || true)
    n_boost=$(nm --defined-only "$tmp/boost.o" | grep -c ' [TtWw] ' || true)
    echo "   functions emitted in the object: leadfeeder call $n_call ($(wc -c <"$tmp/call.o") bytes)," \
         "Boost.JSON parse $n_boost ($(wc -c <"$tmp/boost.o") bytes)"
  fi
  if "$cxx" --version | head -n 1 | grep -qiE 'g\+\+|gcc'; then
    # Where the call's TU spends its time, by g++'s own report (user-time shares).
    "$cxx" "${flags[@]}" -ftime-report -I"$root/include" "$src/leadfeeder_call.cpp" -o "$tmp/out.o" 2>"$tmp/report"
    awk -F: '
      function share(line) { if (match(line, /\( *[0-9]+%\)/)) return substr(line, RSTART + 1, RLENGTH - 2); return "?" }
      /^ phase parsing/            { p = share($2) }
      /^ phase lang. deferred/     { d = share($2) }
      /^ phase opt and generate/   { o = share($2) }
      /^ template instantiation/   { t = share($2) }
      END { gsub(/ /, "", p); gsub(/ /, "", d); gsub(/ /, "", o); gsub(/ /, "", t)
            printf "   g++ -ftime-report of the call TU: parsing %s, deferred instantiation %s, code generation %s (template instantiation in all: %s)\n", p, d, o, t }
    ' "$tmp/report"
  fi
  if [ "${COUNT:-0}" = 1 ] && ! command -v valgrind >/dev/null 2>&1; then
    echo "   instructions: COUNT=1 needs valgrind, which is not installed"
  elif [ "${COUNT:-0}" = 1 ]; then
    i_boost=$(instructions "$cxx" "$src/boost_json_parse.cpp")
    i_call=$(instructions "$cxx" "$src/leadfeeder_call.cpp" -I"$root/include")
    echo "   instructions (valgrind): reference $i_boost, one client.send $i_call:" \
         "$(awk -v a="$i_call" -v b="$i_boost" 'BEGIN { printf "%.3f", a / b }')x"
  fi
  r=$(ratio "$(wall "$t_call")" "$(wall "$t_boost")")
  r_cpu=$(ratio "$(cpu "$t_call")" "$(cpu "$t_boost")")
  if awk -v r="$r" -v t="$target" 'BEGIN { exit !(r <= t) }'; then
    echo "   target: leadfeeder call / Boost.JSON parse = ${r}x wall (${r_cpu}x cpu) <= ${target}x: MET"
  else
    echo "   target: leadfeeder call / Boost.JSON parse = ${r}x wall (${r_cpu}x cpu) <= ${target}x: NOT MET"
    if [ "${STRICT:-0}" = 1 ]; then status=1; fi
  fi
done
exit $status
