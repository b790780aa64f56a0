#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Checks that the documentation points at things that exist.

    check_links.py [--root REPO]

- Every relative link in README.md, HACKING.md and docs/*.md names a file or folder of the tree,
  and a link to a heading (`file.md#anchor`, `#anchor`) names a heading that is there (anchors
  as GitHub writes them).
- The README opens with the two commands, `./scripts/demo` and `./scripts/test`, both executable,
  and every package it says they install is in the package lists of scripts/common.sh.
- docs/api-reference.md numbers its sections once each, as `### 3.8.1 Title`, and every citation
  `(docs/api-reference.md, 3.8.1)` anywhere in the sources names one of those sections.

Python 3 standard library only; prints one line per problem and exits 1 when there is any.
"""

import argparse
import os
import re
import sys
from pathlib import Path

FENCE = re.compile(r"^```.*?^```[^\n]*$", re.S | re.M)
LINK = re.compile(r"\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^()\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$", re.M)
SECTION = re.compile(r"^### (\d+(?:\.\d+)*) (\S.*)$")
CITATION = re.compile(r"(?:docs/)?api-reference\.md,?\s+(?:sections?\s+)?(\d+(?:\.\d+)*)")
SOURCE_SUFFIXES = {".hpp", ".cpp", ".ipp", ".h", ".inc", ".py", ".md", ".json", ".txt", ".cmake", ".sh", ".in"}
SKIP_DIRS = {".git", "__pycache__", "node_modules"}


def without_code(text: str) -> str:
    """The text with fenced blocks blanked (line numbers kept) and inline code spans removed."""
    text = FENCE.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    return re.sub(r"`[^`]+`", lambda m: "\n" * m.group(0).count("\n"), text)


def slug(heading: str) -> str:
    """The anchor GitHub gives a heading."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link reads as its text
    text = text.replace("`", "").strip().lower()
    text = "".join(c for c in text if c.isalnum() or c in " -_")
    return text.replace(" ", "-")


def anchors(path: Path) -> set:
    seen = {}
    out = set()
    for match in HEADING.finditer(FENCE.sub("", path.read_text(encoding="utf-8"))):
        base = slug(match.group(2))
        n = seen.get(base, 0)
        seen[base] = n + 1
        out.add(base if n == 0 else f"{base}-{n}")
    return out


def documents(root: Path):
    files = [root / "README.md"]
    if (root / "HACKING.md").exists():
        files.append(root / "HACKING.md")
    return files + sorted((root / "docs").glob("*.md"))


def check_links(root: Path, problems: list):
    cache = {}
    for doc in documents(root):
        text = without_code(doc.read_text(encoding="utf-8"))
        for match in LINK.finditer(text):
            target = match.group(1)
            line = text.count("\n", 0, match.start()) + 1
            where = f"{doc.relative_to(root)}:{line}"
            if re.match(r"^[a-z][a-z0-9+.-]*:", target):  # https:, mailto:, ...
                continue
            path_part, _, anchor = target.partition("#")
            dest = doc if not path_part else (doc.parent / path_part).resolve()
            try:
                dest.relative_to(root.resolve())
            except ValueError:
                problems.append(f"{where}: link '{target}' leaves the repository")
                continue
            if not dest.exists():
                problems.append(f"{where}: link '{target}' names nothing in the tree")
                continue
            if anchor:
                if dest.suffix != ".md" or dest.is_dir():
                    problems.append(f"{where}: link '{target}' has an anchor into a file that is not Markdown")
                    continue
                if dest not in cache:
                    cache[dest] = anchors(dest)
                if anchor not in cache[dest]:
                    problems.append(f"{where}: link '{target}': no heading with anchor '#{anchor}' in "
                                    f"{dest.relative_to(root.resolve())}")


def check_commands(root: Path, problems: list):
    readme = (root / "README.md").read_text(encoding="utf-8")
    first = re.search(r"^```([^\n]*)\n(.*?)^```", readme, re.S | re.M)
    if not first:
        problems.append("README.md: no code block (the two commands must open it)")
        return
    before = readme[: first.start()].strip().splitlines()
    if any(line.strip() and not line.startswith("# ") for line in before):
        problems.append("README.md: the two commands must come first, right after the title")
    lines = [line.split("#", 1)[0].strip() for line in first.group(2).splitlines()]
    commands = [line for line in lines if line]
    if commands != ["./scripts/demo", "./scripts/test"]:
        problems.append(f"README.md: the first block must hold ./scripts/demo and ./scripts/test, found {commands}")
    for name in ("demo", "test"):
        script = root / "scripts" / name
        if not script.is_file() or not os.access(script, os.X_OK):
            problems.append(f"README.md: scripts/{name} is missing or not executable")
    said = re.search(r"they install what is missing \(([^)]*)\)", readme)
    if not said:
        problems.append("README.md: the line saying what the two commands install is missing")
        return
    common = (root / "scripts" / "common.sh").read_text(encoding="utf-8")
    lists = " ".join(re.findall(r"^\w+_PACKAGES=\((.*)\)$", common, re.M))
    installed = set(re.findall(r"[\w.+-]+", lists))
    for package in re.findall(r"`([^`]+)`", said.group(1)):
        if package not in installed:
            problems.append(f"README.md: says the commands install '{package}', which scripts/common.sh does not list")


def sections(root: Path, problems: list) -> set:
    path = root / "docs" / "api-reference.md"
    if not path.exists():
        problems.append("docs/api-reference.md is missing")
        return set()
    numbers = set()
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.startswith("### "):
            continue
        match = SECTION.match(line)
        if not match:
            problems.append(f"docs/api-reference.md:{i}: a section heading is '### NUMBER Title', not '{line}'")
            continue
        if match.group(1) in numbers:
            problems.append(f"docs/api-reference.md:{i}: section {match.group(1)} appears twice")
        numbers.add(match.group(1))
    if not numbers:
        problems.append("docs/api-reference.md: no numbered section")
    return numbers


def check_citations(root: Path, numbers: set, problems: list):
    count = 0
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d not in SKIP_DIRS and not d.startswith("build")]
        for name in files:
            path = Path(folder) / name
            if path.suffix not in SOURCE_SUFFIXES or path.name == "check_links.py":
                continue
            try:
                text = path.read_text(encoding="utf-8")
            except (UnicodeDecodeError, OSError):
                continue
            for match in CITATION.finditer(text):
                count += 1
                number = match.group(1).rstrip(".")
                if number not in numbers:
                    line = text.count("\n", 0, match.start()) + 1
                    problems.append(f"{path.relative_to(root)}:{line}: cites docs/api-reference.md, {number}, "
                                    "which has no such section")
    return count


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[2])
    args = parser.parse_args()
    root = args.root.resolve()
    problems = []
    check_links(root, problems)
    check_commands(root, problems)
    numbers = sections(root, problems)
    cited = check_citations(root, numbers, problems)
    for problem in problems:
        print(f"FAIL {problem}")
    print(f"{len(documents(root))} documents, {len(numbers)} reference sections, {cited} citations: "
          f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
