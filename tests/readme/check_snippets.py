#!/usr/bin/env python3
"""Compiles every C++ snippet of README.md, so that the README cannot drift from the library.

    check_snippets.py --cxx g++ --readme README.md --include DIR [--include DIR ...] [--std c++17]

A ```cpp block is compiled as a whole program when it has an #include; otherwise it is a fragment:
declarations (it starts with struct, class, namespace, template or void) get the library's include and the `lf`
alias in front; anything else is a list of statements, wrapped in a function that has
`lf::client_options opts` in scope. Each compile is -fsyntax-only.
"""

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

PRELUDE = """#include <leadfeeder/leadfeeder.hpp>
#include <leadfeeder/testing/scripted_transport.hpp>
#include <game_loop_transport.hpp>
#include <array>
#include <chrono>
#include <cstdio>
#include <string_view>
namespace lf = leadfeeder;
"""


def snippets(text: str):
    for match in re.finditer(r"^```cpp\n(.*?)^```", text, re.S | re.M):
        line = text.count("\n", 0, match.start()) + 1
        yield line, match.group(1)


def as_source(code: str) -> str:
    if "#include" in code:
        return code
    if re.match(r"\s*(struct|class|namespace|template|void)\b", code):
        return PRELUDE + code
    return PRELUDE + "void snippet(lf::client_options opts) {\n" + code + "\n}\n"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cxx", required=True)
    parser.add_argument("--readme", required=True, type=Path)
    parser.add_argument("--include", action="append", default=[])
    parser.add_argument("--std", default="c++17")
    args = parser.parse_args()
    failures = 0
    count = 0
    for line, code in snippets(args.readme.read_text(encoding="utf-8")):
        count += 1
        with tempfile.NamedTemporaryFile("w", suffix=".cpp", delete=False) as f:
            f.write(as_source(code))
            path = f.name
        cmd = [args.cxx, f"-std={args.std}", "-fsyntax-only", *[f"-I{d}" for d in args.include], path]
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=300)
        Path(path).unlink()
        if proc.returncode != 0:
            failures += 1
            print(f"FAIL {args.readme}:{line}: the snippet does not compile\n{proc.stdout}")
        else:
            print(f"ok   {args.readme}:{line}")
    if count == 0:
        print("no ```cpp snippet found")
        return 1
    print(f"{count - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
