# SPDX-License-Identifier: MIT
"""Every file the generator writes, and where: render() is the whole list."""

from __future__ import annotations

import importlib.util
import shutil
import tempfile
from pathlib import Path

from . import cpp_builders, cpp_views, docs, fuzz
from .model import DescriptionError

GENERATED = Path("include/leadfeeder/generated")
DOCS = Path("docs/operations.md")
FUZZ_WALKER = Path("tests/fuzz/walk_views.hpp")
SINGLE_HEADER = Path("single_include/leadfeeder/leadfeeder.hpp")
TOOLS = Path(__file__).resolve().parent.parent


def render_description(desc: dict) -> dict[Path, str]:
    """What the description alone decides (everything but the single header)."""
    files = {GENERATED / "schemas.hpp": cpp_views.emit_schemas(desc),
             GENERATED / "views_fwd.hpp": cpp_views.emit_views_fwd(desc),
             GENERATED / "operations.hpp": cpp_builders.emit_operations_header(desc),
             DOCS: docs.emit_docs(desc),
             FUZZ_WALKER: fuzz.emit_walker(desc)}
    for group, info in desc["groups"].items():
        files[GENERATED / info["header"]] = cpp_builders.emit_group(desc, group)
    return files


def single_header(root: Path, files: dict[Path, str]) -> str:
    """tools/amalgamate.py's single header of root's include/ with the generated headers as they
    are about to be written (so that one run writes both)."""
    spec = importlib.util.spec_from_file_location("leadfeeder_amalgamate", TOOLS / "amalgamate.py")
    amalgamate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(amalgamate)
    with tempfile.TemporaryDirectory(prefix="lfgen-") as tmp:
        shutil.copytree(root / "include", Path(tmp) / "include",
                        ignore=shutil.ignore_patterns("generated"))
        for rel, text in files.items():
            if rel.parts[0] == "include":
                target = Path(tmp) / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8", newline="\n")
        try:
            return amalgamate.amalgamate(Path(tmp))
        except amalgamate.AmalgamateError as e:
            raise DescriptionError(f"single header: {e}") from e


def render(root: Path, desc: dict) -> dict[Path, str]:
    files = render_description(desc)
    files[SINGLE_HEADER] = single_header(root, files)
    return files
