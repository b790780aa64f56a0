#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Write the single header single_include/leadfeeder/leadfeeder.hpp.

The single header is made from the multi-header library under include/,
starting at include/leadfeeder/leadfeeder.hpp and inlining, recursively and
once each, every ``#include <leadfeeder/...>`` / ``#include "leadfeeder/..."``.
Headers under leadfeeder/testing/ are not part of the single header: their
include lines are kept verbatim, as are all other includes.

Usage:
    python3 tools/amalgamate.py            write the single header
    python3 tools/amalgamate.py --check    exit 1 if the file on disk is stale
    python3 tools/amalgamate.py --output PATH   write (or check) PATH instead

Exit status: 0 success / fresh, 1 stale (--check), 2 error (missing header,
unreadable version, ...).

Python 3 standard library only. The output is deterministic: no timestamps,
no absolute paths, '\\n' line endings, exactly one trailing newline.
"""

from __future__ import annotations

import argparse
import posixpath
import re
import sys
from pathlib import Path

DEFAULT_ROOT = Path(__file__).resolve().parent.parent

ENTRY = "leadfeeder/leadfeeder.hpp"
VERSION_HEADER = "leadfeeder/version.hpp"
OUTPUT_REL = "single_include/leadfeeder/leadfeeder.hpp"
TESTING_PREFIX = "leadfeeder/testing/"

# '#include <leadfeeder/PATH>' or '#include "leadfeeder/PATH"', optional
# whitespace anywhere around '#', optional trailing comment.
PROJECT_INCLUDE_RE = re.compile(
    r'^\s*#\s*include\s*(?:<(?P<angle>leadfeeder/[^>]+)>|"(?P<quote>leadfeeder/[^"]+)")'
    r"\s*(?://.*|/\*.*\*/\s*)?$"
)
PRAGMA_ONCE_RE = re.compile(r"^\s*#\s*pragma\s+once\b")


class AmalgamateError(Exception):
    """A problem that makes the single header impossible to produce."""


def read_text(path: Path) -> str:
    """Read a source file as UTF-8 text with '\\n' line endings and no BOM."""
    text = path.read_bytes().decode("utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_version(include_dir: Path) -> str:
    path = include_dir / VERSION_HEADER
    if not path.is_file():
        raise AmalgamateError(f"include/{VERSION_HEADER} not found (needed for the version)")
    text = read_text(path)
    parts = []
    for name in ("MAJOR", "MINOR", "PATCH"):
        macro = f"LEADFEEDER_VERSION_{name}"
        m = re.search(rf"^\s*#\s*define\s+{macro}\s+(\d+)\b", text, re.MULTILINE)
        if not m:
            raise AmalgamateError(
                f"include/{VERSION_HEADER}: no '#define {macro} <number>' found"
            )
        parts.append(str(int(m.group(1))))
    return ".".join(parts)


def normalise_include(path: str) -> str | None:
    """Normalise 'leadfeeder/a/../b.hpp'; None if it escapes leadfeeder/."""
    norm = posixpath.normpath(path)
    if not norm.startswith("leadfeeder/") or norm.startswith("/"):
        return None
    return norm


class Amalgamator:
    def __init__(self, include_dir: Path) -> None:
        self.include_dir = include_dir
        self.seen: set[str] = set()
        self.out: list[str] = []

    def inline(self, rel: str) -> None:
        """Append include/<rel> to the output, expanding project includes."""
        self.seen.add(rel)
        lines = read_text(self.include_dir / rel).split("\n")
        if lines and lines[-1] == "":
            lines.pop()  # the file's final newline, not an empty last line
        self.out.append(f"// ---- begin {rel} ----")
        for lineno, line in enumerate(lines, start=1):
            if PRAGMA_ONCE_RE.match(line):
                continue
            if line.startswith("// SPDX-License-Identifier:"):
                continue  # the single header states its licence once, at the top
            m = PROJECT_INCLUDE_RE.match(line)
            if not m:
                self.out.append(line)
                continue
            target = m.group("angle") or m.group("quote")
            norm = normalise_include(target)
            if norm is None:
                raise AmalgamateError(
                    f"include/{rel}:{lineno}: include of '{target}' leaves include/leadfeeder/"
                )
            if norm.startswith(TESTING_PREFIX):
                self.out.append(line)  # not part of the single header
                continue
            if norm in self.seen:
                continue  # already inlined at its first occurrence
            if not (self.include_dir / norm).is_file():
                raise AmalgamateError(
                    f"include/{rel}:{lineno}: included header '{target}' not found "
                    f"(looked for include/{norm})"
                )
            self.inline(norm)
        self.out.append(f"// ---- end {rel} ----")


def collapse_blank_lines(lines: list[str], keep: int = 2) -> list[str]:
    result: list[str] = []
    blanks = 0
    for line in lines:
        if line.strip() == "":
            blanks += 1
            if blanks > keep:
                continue
            result.append("")
        else:
            blanks = 0
            result.append(line)
    return result


def amalgamate(root: Path) -> str:
    """Return the full text of the single header for the tree at root."""
    include_dir = root / "include"
    if not (include_dir / ENTRY).is_file():
        raise AmalgamateError(f"include/{ENTRY} not found (repository root: {root})")
    version = read_version(include_dir)

    banner = [
        f"// leadfeeder-cpp {version} - single-header edition",
        "//",
        "// GENERATED FILE - DO NOT EDIT BY HAND.",
        "// Generated by tools/amalgamate.py from the headers in include/.",
        "// Edit those headers instead and run: python3 tools/amalgamate.py",
        "//",
        "// SPDX-License-Identifier: MIT",
        "",
        "#pragma once",
        "",
        "#define LEADFEEDER_SINGLE_HEADER 1",
        "",
    ]
    amalgamator = Amalgamator(include_dir)
    amalgamator.inline(ENTRY)

    lines = collapse_blank_lines(banner + amalgamator.out)
    while lines and lines[-1].strip() == "":
        lines.pop()
    return "\n".join(lines) + "\n"


def display(path: Path, root: Path) -> str:
    """A path for messages: relative to root when inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=f"Write {OUTPUT_REL} from the headers in include/."
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if the file on disk differs from what would be written",
    )
    parser.add_argument(
        "--output", type=Path, default=None, help=f"output file (default: {OUTPUT_REL})"
    )
    # Repository root override, for tests of this script.
    parser.add_argument("--root", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    root = args.root.resolve() if args.root is not None else DEFAULT_ROOT
    output = args.output if args.output is not None else root / OUTPUT_REL
    shown = display(output, root)

    try:
        text = amalgamate(root)
    except (AmalgamateError, OSError, UnicodeDecodeError) as exc:
        print(f"amalgamate.py: error: {exc}", file=sys.stderr)
        return 2
    data = text.encode("utf-8")

    if args.check:
        try:
            current = output.read_bytes()
        except FileNotFoundError:
            current = None
        if current != data:
            print(f"{shown} is stale: run python3 tools/amalgamate.py", file=sys.stderr)
            return 1
        return 0

    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(data)
    except OSError as exc:
        print(f"amalgamate.py: error: cannot write {shown}: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {shown} ({text.count(chr(10))} lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
