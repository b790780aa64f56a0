#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes tests/fuzz/walk_views.hpp: one walk() per generated view, calling every accessor.

The walker is written from the API description by tools/generate.py (tools/lfgen/fuzz.py), with
every other generated file; this script writes or checks that one file alone, for the fuzz suite's
freshness test.

    python3 tests/fuzz/make_walk.py           # rewrite tests/fuzz/walk_views.hpp
    python3 tests/fuzz/make_walk.py --check   # exit 1 when it differs from what would be written
"""

import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from lfgen.fuzz import emit_walker  # noqa: E402
from lfgen.model import DESCRIPTION, DescriptionError, load  # noqa: E402
from lfgen.validate import validate  # noqa: E402

OUTPUT = HERE / "walk_views.hpp"


def main(argv):
    check = "--check" in argv[1:]
    try:
        desc = load(ROOT / DESCRIPTION)
        validate(desc)
        text = emit_walker(desc)
    except DescriptionError as e:
        print(f"make_walk.py: {DESCRIPTION}: {e}", file=sys.stderr)
        return 2
    current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
    if check:
        if current != text:
            print(f"{OUTPUT.relative_to(ROOT)} is stale: run python3 tools/generate.py", file=sys.stderr)
            return 1
        print(f"{OUTPUT.relative_to(ROOT)} is fresh")
        return 0
    OUTPUT.write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
