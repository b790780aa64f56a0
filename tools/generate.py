#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes every generated file from the API description, in one run.

    python3 tools/generate.py                    write them all (list below)
    python3 tools/generate.py --check            write nothing; name each stale file, exit 1 if any
    python3 tools/generate.py --description D --out DIR
                                                 read description D, write the tree of generated
                                                 files under DIR instead of the repository

Written: include/leadfeeder/generated/*.hpp (views, builders, views_fwd.hpp), docs/operations.md,
tests/fuzz/walk_views.hpp, and the single header
single_include/leadfeeder/leadfeeder.hpp (tools/amalgamate.py's, over the headers just generated).

Input: api/leadfeeder-v1.json (see api/README.md). The work is done by the package tools/lfgen/
(Python standard library only); the output is deterministic. Exit status: 0 done / fresh, 1 stale
(--check), 2 the description is wrong (the message names the place).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lfgen.model import (DESCRIPTION, OBJECT_MEMBERS, RESOURCE_MEMBERS, DescriptionError,  # noqa: E402,F401
                         cpp_identifier, load)
from lfgen.outputs import GENERATED, render  # noqa: E402
from lfgen.validate import validate  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 when a generated file is stale")
    parser.add_argument("--description", type=Path, help=f"the description to read (default: {DESCRIPTION})")
    parser.add_argument("--out", type=Path, help="write (or check) the generated files under this directory")
    parser.add_argument("--root", type=Path, default=ROOT, help="the repository whose hand-written headers the "
                        "single header includes (default: this one)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    description = args.description or root / DESCRIPTION
    out = (args.out or root).resolve()
    try:
        desc = load(description)
        validate(desc)
        files = render(root, desc)
    except DescriptionError as e:
        print(f"generate.py: {description}: {e}", file=sys.stderr)
        return 2
    stale = []
    for rel, text in sorted(files.items()):
        path = out / rel
        current = path.read_bytes() if path.exists() else None
        if current == text.encode("utf-8"):
            continue
        if args.check:
            stale.append(f"{rel} ({'missing' if current is None else 'differs'})")
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
            print(f"wrote {rel}")
    # Generated headers no longer described are stale too.
    known = {out / rel for rel in files}
    for path in sorted((out / GENERATED).glob("*.hpp")):
        if path not in known:
            if args.check:
                stale.append(f"{path.relative_to(out)} (not described)")
            else:
                path.unlink()
                print(f"removed {path.relative_to(out)}")
    if stale:
        for name in stale:
            print(f"generate.py: stale: {name}", file=sys.stderr)
        print("generate.py: run python3 tools/generate.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
