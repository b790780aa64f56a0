#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The SPDX licence line at the top of every source file.

Usage:
    python3 tools/spdx.py --check    fails naming each source file without the line
    python3 tools/spdx.py --apply    puts the line into the hand-written files that lack it

The line is `SPDX-License-Identifier: <id>` behind the file's comment marker (`//` in C++, `#` in
CMake, Python and shell), where <id> names the licence of LICENSE. --apply writes it as the first
line, or the second after a shebang (and after a Python coding line). The check accepts it anywhere
in the comments that open the file, so a generator may put it inside its banner; it covers the
generated files too, whose generators write the line (--apply never edits them: the freshness
tests would fail). The source files are those of tools/source_files.py: C++, CMake, Python and
shell, test data left out.

Options: --root DIR (default: this repository). Exit status 0 when every file has the line (or
after --apply), 1 when some lack it, 2 on a usage problem. Python 3 standard library only.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import source_files  # noqa: E402

# The first line of LICENSE, and the SPDX identifier of that licence.
LICENCES = {
    "MIT License": "MIT",
    "Boost Software License - Version 1.0 - August 17th, 2003": "BSL-1.0",
    "Apache License": "Apache-2.0",
}
MARKERS = {"cpp": "//", "cmake": "#", "python": "#", "shell": "#"}
KINDS = tuple(MARKERS)
SPDX_RE = re.compile(r"SPDX-License-Identifier:\s*(\S+)")
CODING_RE = re.compile(r"^#.*coding[:=]")


def licence_id(root: Path) -> str:
    first = (root / "LICENSE").read_text(encoding="utf-8").strip().splitlines()[0].strip()
    if first not in LICENCES:
        raise SystemExit(f"error: LICENSE starts with {first!r}, a licence tools/spdx.py does not know: "
                         "add its SPDX identifier to LICENCES")
    return LICENCES[first]


def opening_comments(lines: list[str], marker: str) -> list[str]:
    """The lines that open the file before any code: a shebang, comments and blank lines."""
    block = []
    for i, line in enumerate(lines):
        stripped = line.strip()
        if (i == 0 and stripped.startswith("#!")) or not stripped or stripped.startswith(marker):
            block.append(stripped)
        else:
            break
    return block


def found_id(text: str, marker: str) -> str | None:
    for line in opening_comments(text.splitlines(), marker):
        m = SPDX_RE.search(line)
        if m:
            return m.group(1)
    return None


def with_line(text: str, marker: str, spdx: str) -> str:
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    at = 0
    if lines and lines[0].startswith("#!"):
        at = 1
    if marker == "#" and len(lines) > at and CODING_RE.match(lines[at]):
        at += 1
    if at and not lines[at - 1].endswith(("\n", "\r")):
        lines[at - 1] += newline
    lines.insert(at, f"{marker} SPDX-License-Identifier: {spdx}{newline}")
    return "".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true", help="fail naming the files without the line")
    mode.add_argument("--apply", action="store_true", help="add the line to the hand-written files")
    parser.add_argument("--root", type=Path, default=source_files.repo_root())
    args = parser.parse_args(argv)

    root = args.root.resolve()
    spdx = licence_id(root)
    files = source_files.source_files(root, KINDS)
    missing, wrong, generated_missing = [], [], []
    for rel, kind in files:
        text = (root / rel).read_bytes().decode("utf-8")
        got = found_id(text, MARKERS[kind])
        if got == spdx:
            continue
        if got is not None:
            wrong.append((rel, got))
        elif source_files.generated(root, rel):
            generated_missing.append(rel)
        else:
            missing.append((rel, kind, text))

    if args.apply:
        for rel, kind, text in missing:
            (root / rel).write_bytes(with_line(text, MARKERS[kind], spdx).encode("utf-8"))
        print(f"added `SPDX-License-Identifier: {spdx}` to {len(missing)} of {len(files)} source files")
        for rel in generated_missing:
            print(f"  not edited, generated: {rel} (its generator must write the line)")
        for rel, got in wrong:
            print(f"  not edited, says {got}: {rel}")
        return 0 if not wrong else 1

    bad = len(missing) + len(wrong) + len(generated_missing)
    if bad == 0:
        print(f"all {len(files)} source files carry `SPDX-License-Identifier: {spdx}`")
        return 0
    print(f"{bad} of {len(files)} source files lack `SPDX-License-Identifier: {spdx}` in their opening comments:")
    for rel, _, _ in missing:
        print(f"  {rel}")
    for rel in generated_missing:
        print(f"  {rel} (generated: its generator must write the line)")
    for rel, got in wrong:
        print(f"  {rel} (says {got}, LICENSE is {spdx})")
    if missing:
        print("run: python3 tools/spdx.py --apply")
    return 1


if __name__ == "__main__":
    sys.exit(main())
