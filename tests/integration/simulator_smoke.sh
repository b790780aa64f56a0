#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Starts the simulator on a free port and runs simulator/smoke.sh against it with curl: the
# documented answers, as a user would see them with curl.
#   simulator_smoke.sh SIMULATOR_BINARY SMOKE_SCRIPT
set -euo pipefail
simulator=$1
smoke=$2
workdir=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$workdir"; }
trap cleanup EXIT
"$simulator" --port 0 --api-key smoke-key --seed 3 >"$workdir/out" 2>"$workdir/err" &
pid=$!
for _ in $(seq 1 300); do
  grep -q "^listening on " "$workdir/out" 2>/dev/null && break
  sleep 0.1
done
port=$(sed -n 's/^listening on http:\/\/127.0.0.1://p' "$workdir/out" | head -n 1)
[ -n "$port" ] || { echo "the simulator did not start"; cat "$workdir/err"; exit 1; }
bash "$smoke" "$port" smoke-key
