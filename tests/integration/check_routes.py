#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Checks that the simulator serves exactly the operations of api/leadfeeder-v1.json, each at the
method and path the description gives. The simulator builds its route table at start from the
description embedded at build time (simulator/embed_description.cmake); this checks what the built
program serves.

    python3 tests/integration/check_routes.py SIMULATOR_BINARY

Exit status 0 when they agree, 1 with every difference listed otherwise.
"""

import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    desc = json.loads((ROOT / "api" / "leadfeeder-v1.json").read_text(encoding="utf-8"))
    described = {op["id"]: (op["method"], op["path"]) for op in desc["operations"]}
    out = subprocess.run([argv[1], "--print-routes"], check=True, capture_output=True, text=True).stdout
    served = {}
    for line in out.splitlines():
        method, path, operation = line.split()
        served[operation] = (method, path)
    problems = []
    for op, route in sorted(described.items()):
        if op not in served:
            problems.append(f"{op}: described as {' '.join(route)}, not served")
        elif served[op] != route:
            problems.append(f"{op}: described as {' '.join(route)}, served as {' '.join(served[op])}")
    for op in sorted(set(served) - set(described)):
        problems.append(f"{op}: served as {' '.join(served[op])}, not described")
    for p in problems:
        print(p)
    if problems:
        return 1
    print(f"the simulator serves the {len(described)} described operations at their routes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
