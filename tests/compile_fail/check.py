#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Compile-fail checker, run by CTest for each case in tests/compile_fail/.

Usage:
    python3 tests/compile_fail/check.py --cxx g++ [--flag=-std=c++17 --flag=-I/dir ...] CASE.cpp

A case contains one or more lines '// expect-error: TEXT', and its bad code is
guarded by '#ifdef LEADFEEDER_COMPILE_FAIL ... #endif'.

  1. control: '<cxx> -fsyntax-only FLAGS CASE.cpp' must succeed
     (otherwise the case itself is broken, not the guarantee);
  2. '<cxx> -fsyntax-only -DLEADFEEDER_COMPILE_FAIL FLAGS CASE.cpp' must fail,
     and its combined stdout+stderr must contain every TEXT (exact substring,
     after mapping the quotes ‘ ’ “ ” to ASCII ' and " and dropping colour codes).

Exit status 0 on pass, 1 on failure, 2 on a usage problem.
Python 3 standard library only.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

TIMEOUT_SECONDS = 300
MACRO = "LEADFEEDER_COMPILE_FAIL"

EXPECT_RE = re.compile(r"//\s*expect-error:(.*)$")
ANSI_RE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def normalise(text: str) -> str:
    return ANSI_RE.sub("", text).translate(QUOTES)


def expectations(source: str) -> list[str]:
    texts = []
    for line in source.splitlines():
        m = EXPECT_RE.search(line)
        if m:
            texts.append(m.group(1).strip())
    return texts


def compile_case(cmd: list[str]) -> tuple[int | None, str]:
    """Run the compiler; return (exit code or None on timeout, combined output)."""
    print("$ " + " ".join(cmd), flush=True)
    try:
        proc = subprocess.run(
            cmd,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            timeout=TIMEOUT_SECONDS,
        )
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode("utf-8", errors="replace") if exc.stdout else ""
        return None, out
    return proc.returncode, proc.stdout.decode("utf-8", errors="replace")


def first_error_line(output: str) -> str:
    for line in output.splitlines():
        if "error:" in line:
            return line.strip()
    return "(no line containing 'error:')"


def show(output: str) -> None:
    text = output if output.endswith("\n") or not output else output + "\n"
    sys.stdout.write(text or "(no compiler output)\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check that a compile-fail case fails as expected.")
    parser.add_argument("--cxx", required=True, help="C++ compiler (g++, clang++, ...)")
    parser.add_argument(
        "--flag",
        action="append",
        default=[],
        metavar="FLAG",
        help="one compiler argument, e.g. --flag=-std=c++17 (repeatable)",
    )
    parser.add_argument("case", help="the case file, CASE.cpp")
    args = parser.parse_args(argv)
    # Compiler output may hold non-ASCII quotes; never fail on printing them.
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")

    case = args.case
    try:
        source = Path(case).read_text(encoding="utf-8")
    except OSError as exc:
        print(f"cannot read {case}: {exc}")
        return 2

    expected = expectations(source)
    if not expected:
        print(f"{case}: no '// expect-error: TEXT' line: the case is broken")
        return 1
    if any(not text for text in expected):
        print(f"{case}: an '// expect-error:' line has no text: the case is broken")
        return 1
    if MACRO not in source:
        print(f"{case}: bad code is not guarded by '#ifdef {MACRO}': the case is broken")
        return 1

    try:
        # Step 1: control compile, without the macro. Must succeed.
        code, output = compile_case([args.cxx, "-fsyntax-only", *args.flag, case])
        if code != 0:
            show(output)
            if code is None:
                print(f"control compile timed out after {TIMEOUT_SECONDS} s")
            print("control compile failed: the case is broken, not the guarantee")
            return 1

        # Step 2: with the macro. Must fail, with every expected text.
        code, output = compile_case([args.cxx, "-fsyntax-only", f"-D{MACRO}", *args.flag, case])
    except OSError as exc:  # compiler not found / not executable
        print(f"cannot run compiler {args.cxx!r}: {exc}")
        return 2

    first = first_error_line(output)
    if code is None:
        show(output)
        print(f"FAIL {case}: compile with -D{MACRO} timed out after {TIMEOUT_SECONDS} s")
        return 1
    if code == 0:
        show(output)
        print(f"FAIL {case}: compiled with -D{MACRO}, but it must not compile")
        return 1

    normalised = normalise(output)
    missing = [text for text in expected if normalise(text) not in normalised]
    if missing:
        show(output)
        print(f"first error: {first}")
        for text in missing:
            print(f"missing expected text: {text}")
        print(f"FAIL {case}: failed to compile, but not with the expected error")
        return 1

    # The guarantee is that the first error a user reads names the problem, not a later note.
    if normalise(expected[0]) not in normalise(first):
        show(output)
        print(f"first error: {first}")
        print(f"FAIL {case}: the first error line does not contain: {expected[0]}")
        return 1

    print(f"PASS {case}: {first}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
