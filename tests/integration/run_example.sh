#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Starts the simulator on a free port and runs an example program against it:
#   run_example.sh SIMULATOR_BINARY EXAMPLE_BINARY [ARGS...]
# The example gets --base-url http://127.0.0.1:PORT --key example-key before ARGS.
set -euo pipefail
simulator=$1
example=$2
shift 2
workdir=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$workdir"; }
trap cleanup EXIT
"$simulator" --port 0 --api-key example-key --seed 3 >"$workdir/out" 2>"$workdir/err" &
pid=$!
for _ in $(seq 1 300); do
  grep -q "^listening on " "$workdir/out" 2>/dev/null && break
  sleep 0.1
done
port=$(sed -n 's/^listening on http:\/\/127.0.0.1://p' "$workdir/out" | head -n 1)
[ -n "$port" ] || { echo "the simulator did not start"; cat "$workdir/err"; exit 1; }
"$example" --base-url "http://127.0.0.1:$port" --key example-key "$@"
