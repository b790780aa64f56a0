#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The standard headers a unit gets from <leadfeeder/leadfeeder.hpp> stay the light ones.

Run by CTest (headers_std_includes_*):
    python3 tests/headers/check_std_includes.py --cxx CXX --include DIR

Preprocesses a unit that includes only <leadfeeder/leadfeeder.hpp> from DIR (include/ or
single_include/) with `CXX -std=c++17 -M` and fails when any header of HEAVY is among its
dependencies. These cost compile time in every unit that calls the API (docs/performance.md:
<iterator> alone, through <streambuf>, was up to 5% of a one-call unit); the library's
implementation unit may use them. Headers are matched by file name in the standard library's
directories (the names are the standard's, so any library that ships them as files is checked).

Exit status 0 when none is there, 1 otherwise (naming them), 2 when the compiler fails or no
standard header is found at all. Python 3 standard library only.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

HEAVY = ("algorithm", "atomic", "deque", "functional", "ios", "iostream", "istream", "iterator",
         "map", "memory", "mutex", "ostream", "sstream", "streambuf", "thread", "unordered_map",
         "unordered_set")


def standard_headers(cxx: str, include: Path) -> set[str]:
    with tempfile.TemporaryDirectory() as tmp:
        unit = Path(tmp) / "unit.cpp"
        unit.write_text("#include <leadfeeder/leadfeeder.hpp>\n")
        run = subprocess.run([cxx, "-std=c++17", "-M", f"-I{include}", str(unit)], capture_output=True, text=True)
        if run.returncode != 0:
            print(run.stderr, file=sys.stderr)
            sys.exit(2)
    deps = run.stdout.replace("\\\n", " ").split()[1:]
    names = set()
    for dep in deps:
        path = Path(dep)
        # The standard library's own headers: <name> without an extension, under a c++ directory.
        if path.suffix == "" and any(part.startswith("c++") for part in path.parts):
            names.add(path.name)
    return names


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cxx", required=True)
    parser.add_argument("--include", required=True, type=Path)
    args = parser.parse_args()
    names = standard_headers(args.cxx, args.include)
    if "string" not in names:
        print("check_std_includes: <string> is not among the dependencies: the check reads nothing", file=sys.stderr)
        return 2
    found = sorted(n for n in names if n in HEAVY)
    if not found:
        print(f"{len(names)} standard headers, none of: {', '.join(HEAVY)}")
        return 0
    print(f"<leadfeeder/leadfeeder.hpp> from {args.include} brings in: {', '.join('<' + n + '>' for n in found)}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
