#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Every place that states the library's version agrees with include/leadfeeder/version.hpp.

Run by CTest (packaging_versions) after the install fixture:
    python3 tests/embedding/check_versions.py --root <repository> --prefix <install prefix>
        [--datadir share]

Checks packaging/vcpkg/vcpkg.json ("version"), packaging/conan/conanfile.py (the class attribute
`version`, read with ast: conan need not be installed), and in the install prefix
<datadir>/leadfeeder/cmake/leadfeeder-config-version.cmake (PACKAGE_VERSION) and
<datadir>/pkgconfig/leadfeeder.pc (Version:). Exit status 0 when all agree, 1 otherwise.
Python 3 standard library only.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sys
from pathlib import Path


def header_version(root: Path) -> str:
    text = (root / "include" / "leadfeeder" / "version.hpp").read_text(encoding="utf-8")
    parts = []
    for part in ("MAJOR", "MINOR", "PATCH"):
        m = re.search(rf"^#define LEADFEEDER_VERSION_{part} (\d+)$", text, re.MULTILINE)
        if not m:
            raise SystemExit(f"version.hpp: LEADFEEDER_VERSION_{part} not found")
        parts.append(m.group(1))
    return ".".join(parts)


def vcpkg_version(path: Path) -> str | None:
    manifest = json.loads(path.read_text(encoding="utf-8"))
    for key in ("version", "version-semver", "version-string"):
        if key in manifest:
            return str(manifest[key])
    return None


def conan_version(path: Path) -> str | None:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            for statement in node.body:
                if (isinstance(statement, ast.Assign) and len(statement.targets) == 1
                        and isinstance(statement.targets[0], ast.Name) and statement.targets[0].id == "version"
                        and isinstance(statement.value, ast.Constant)):
                    return str(statement.value.value)
    return None


def cmake_package_version(path: Path) -> str | None:
    m = re.search(r'set\(PACKAGE_VERSION "([^"]*)"\)', path.read_text(encoding="utf-8"))
    return m.group(1) if m else None


def pkg_config_version(path: Path) -> str | None:
    m = re.search(r"^Version:\s*(\S+)\s*$", path.read_text(encoding="utf-8"), re.MULTILINE)
    return m.group(1) if m else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, required=True, help="the repository")
    parser.add_argument("--prefix", type=Path, required=True, help="where the repository was installed")
    parser.add_argument("--datadir", default="share", help="CMAKE_INSTALL_DATADIR (default: share)")
    args = parser.parse_args()

    expected = header_version(args.root)
    datadir = args.prefix / args.datadir
    sources = [
        (args.root / "packaging" / "vcpkg" / "vcpkg.json", vcpkg_version),
        (args.root / "packaging" / "conan" / "conanfile.py", conan_version),
        (datadir / "leadfeeder" / "cmake" / "leadfeeder-config-version.cmake", cmake_package_version),
        (datadir / "pkgconfig" / "leadfeeder.pc", pkg_config_version),
    ]
    failures = 0
    print(f"include/leadfeeder/version.hpp: {expected}")
    for path, read in sources:
        if not path.is_file():
            print(f"MISSING {path}")
            failures += 1
            continue
        found = read(path)
        ok = found == expected
        failures += 0 if ok else 1
        print(f"{'ok' if ok else 'MISMATCH'} {path}: {found}")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
