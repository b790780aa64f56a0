#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Compiles every C++ snippet of the documentation, so that the docs cannot drift from the library.

    check_snippets.py --cxx g++ --root REPO --include DIR [--include DIR ...] [--std c++17] [FILE.md ...]

The files read are README.md, HACKING.md (when it exists) and every docs/*.md of REPO, or the FILE.md
arguments when some are given. Every block fenced as ```cpp is compiled; a block fenced with another
C++-like tag (c++, cxx, cc, hpp, h) is an error, since it would escape the check. README.md must hold
at least one snippet.

A ```cpp block is compiled as a whole program when it has an #include; otherwise it is a fragment:
declarations (it starts with struct, class, namespace, template or void) get the library's include and
the `lf` alias in front; anything else is a list of statements, wrapped in a function that has
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

FENCE = re.compile(r"^```([^\n`]*)\n(.*?)^```", re.S | re.M)
CXX_LIKE = {"c++", "cxx", "cc", "hpp", "h", "cplusplus"}


def snippets(text: str):
    """Yields (line, tag, code) for every fenced block."""
    for match in FENCE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        yield line, match.group(1).strip(), match.group(2)


def as_source(code: str) -> str:
    if "#include" in code:
        return code
    if re.match(r"\s*(struct|class|namespace|template|void)\b", code):
        return PRELUDE + code
    return PRELUDE + "void snippet(lf::client_options opts) {\n" + code + "\n}\n"


def documents(root: Path):
    """README.md, HACKING.md and docs/*.md, in that order."""
    files = [root / "README.md"]
    if (root / "HACKING.md").exists():
        files.append(root / "HACKING.md")
    files += sorted((root / "docs").glob("*.md"))
    return files


def compile_snippet(args, code: str):
    with tempfile.NamedTemporaryFile("w", suffix=".cpp", delete=False) as f:
        f.write(as_source(code))
        path = f.name
    try:
        cmd = [args.cxx, f"-std={args.std}", "-fsyntax-only", *[f"-I{d}" for d in args.include], path]
        return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=300)
    finally:
        Path(path).unlink()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cxx", required=True)
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[2])
    parser.add_argument("--readme", type=Path, help="(older spelling) one file to check")
    parser.add_argument("--include", action="append", default=[])
    parser.add_argument("--std", default="c++17")
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args()

    files = list(args.files) + ([args.readme] if args.readme else [])
    whole_tree = not files
    if whole_tree:
        files = documents(args.root)
        if not files[0].exists():
            print(f"FAIL {files[0]}: missing")
            return 1

    failures = 0
    count = 0
    passed = 0
    per_file = {}
    for doc in files:
        per_file[doc] = 0
        for line, tag, code in snippets(doc.read_text(encoding="utf-8")):
            if tag.lower() in CXX_LIKE:
                failures += 1
                print(f"FAIL {doc}:{line}: a C++ block fenced as ```{tag} is never compiled: fence it as ```cpp")
                continue
            if tag != "cpp":
                continue
            count += 1
            per_file[doc] += 1
            proc = compile_snippet(args, code)
            if proc.returncode != 0:
                failures += 1
                print(f"FAIL {doc}:{line}: the snippet does not compile\n{proc.stdout}")
            else:
                passed += 1
                print(f"ok   {doc}:{line}")
    if count == 0:
        print("no ```cpp snippet found")
        return 1
    if whole_tree and per_file[files[0]] == 0:
        print(f"FAIL {files[0]}: no ```cpp snippet (the quick start must be compiled)")
        failures += 1
    print(f"{count} snippets in {len(files)} files: {passed} compiled, {failures} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
