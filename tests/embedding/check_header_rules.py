#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The library's headers keep to what -fno-exceptions and -fno-rtti builds need.

Run by CTest (embedding_header_rules_no_exceptions_no_rtti):
    python3 tests/embedding/check_header_rules.py --root <repository>

The rule, for every header under include/leadfeeder/ (testing/ excluded: test support may do as it
likes) and for single_include/leadfeeder/leadfeeder.hpp (what vendoring users compile):

  1. `dynamic_cast` and `typeid` appear nowhere: they need RTTI.
  2. `throw`, `try` and `catch` appear only inside an exceptions-enabled preprocessor branch:
       - the lines after `#if LEADFEEDER_HAS_EXCEPTIONS` (or `#elif LEADFEEDER_HAS_EXCEPTIONS`) up
         to its matching `#elif`, `#else` or `#endif`;
       - the lines after the `#else` of `#if !LEADFEEDER_HAS_EXCEPTIONS` up to its `#endif`;
     and any conditional nested inside such a branch. Only these exact conditions count: a
     `#ifdef __cpp_exceptions` or a compound condition does not, so that the library's one switch
     (config.hpp) stays the only one.

Words are matched as whole C++ tokens in code only: comments, string literals (raw strings too)
and character literals are blanked first, so "throws" in a comment or `retry` in code are fine,
and `noexcept` is not `throw`. The checker checks itself first on built-in samples.

Exit status 0 when every file keeps the rule, 1 otherwise. Python 3 standard library only.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

RTTI_WORDS = ("dynamic_cast", "typeid")
EXCEPTION_WORDS = ("throw", "try", "catch")
WORD_RE = re.compile(r"\b(" + "|".join(RTTI_WORDS + EXCEPTION_WORDS) + r")\b")
DIRECTIVE_RE = re.compile(r"^\s*#\s*(\w+)\s*(.*?)\s*$")
ENABLED = re.compile(r"^\(?\s*LEADFEEDER_HAS_EXCEPTIONS\s*\)?$")
DISABLED = re.compile(r"^!\s*\(?\s*LEADFEEDER_HAS_EXCEPTIONS\s*\)?$")


def raw_string_prefix(text: str, i: int) -> bool:
    """True when the R at text[i] starts a raw string literal: R"x(...)x", or u8R, uR, UR, LR."""
    start = i
    for prefix in ("u8", "u", "U", "L"):
        if i >= len(prefix) and text.startswith(prefix, i - len(prefix)):
            start = i - len(prefix)
            break
    return start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "_")


def blank_non_code(text: str) -> str:
    """Replaces comments and string/character literals by spaces, keeping every newline, so that
    line numbers stay right and only code is left to search."""
    out = []
    i, n = 0, len(text)

    def blank(s: str) -> str:
        return "".join(c if c == "\n" else " " for c in s)

    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(blank(text[i:j]))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(blank(text[i:j]))
            i = j
        elif text.startswith('R"', i) and raw_string_prefix(text, i):
            open_paren = text.find("(", i + 2)
            delimiter = text[i + 2:open_paren]
            close = text.find(")" + delimiter + '"', open_paren)
            j = n if close < 0 else close + len(delimiter) + 2
            out.append(blank(text[i:j]))
            i = j
        elif c in "\"'":
            # A ' between digits is a digit separator (1'000), not a literal.
            if c == "'" and i > 0 and text[i - 1].isalnum() and i + 1 < n and text[i + 1].isalnum():
                out.append(" ")
                i += 1
                continue
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            out.append(blank(text[i:j]))
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def violations(text: str) -> list[tuple[int, str, str]]:
    """(line, word, why) for every use of a forbidden word in `text` (one header's content)."""
    lines = blank_non_code(text).split("\n")
    found = []
    # One entry per open conditional: [this branch is exceptions-enabled, next #else would be].
    stack: list[list[bool]] = []
    for number, line in enumerate(lines, start=1):
        # Conditionals move the branch state; any other line (a #define too) is searched. A
        # condition continued on the next line (a backslash) does not match: conservative.
        m = DIRECTIVE_RE.match(line)
        name, condition = (m.group(1), m.group(2)) if m else ("", "")
        if name in ("if", "ifdef", "ifndef"):
            enabled = name == "if" and bool(ENABLED.match(condition))
            else_enabled = name == "if" and bool(DISABLED.match(condition))
            stack.append([enabled, else_enabled])
            continue
        if name in ("elif", "else", "endif"):
            if name == "elif" and stack:
                stack[-1] = [bool(ENABLED.match(condition)), False]
            elif name == "else" and stack:
                stack[-1] = [stack[-1][1], False]
            elif name == "endif" and stack:
                stack.pop()
            continue
        inside_exceptions = any(branch[0] for branch in stack)
        for word in WORD_RE.findall(line):
            if word in RTTI_WORDS:
                found.append((number, word, "needs RTTI"))
            elif not inside_exceptions:
                found.append((number, word, "outside an #if LEADFEEDER_HAS_EXCEPTIONS block"))
    return found


SELF_TEST = [
    # (sample, number of violations expected)
    ("int f() { throw 1; }", 1),
    ("auto& t = typeid(int);", 1),
    ("auto p = dynamic_cast<B*>(a);", 1),
    ("#if LEADFEEDER_HAS_EXCEPTIONS\nvoid f() { throw 1; }\n#endif\n", 0),
    ("#if LEADFEEDER_HAS_EXCEPTIONS\n#else\nvoid f() { throw 1; }\n#endif\n", 1),
    ("#if !LEADFEEDER_HAS_EXCEPTIONS\nint x;\n#else\nvoid f() { try {} catch (...) {} }\n#endif\n", 0),
    ("#if LEADFEEDER_HAS_EXCEPTIONS\n#if defined(X)\nvoid f() { throw 1; }\n#endif\n#endif\n", 0),
    ("#if LEADFEEDER_HAS_EXCEPTIONS\n#endif\nvoid f() { throw 1; }\n", 1),
    ("#ifdef __cpp_exceptions\nvoid f() { throw 1; }\n#endif\n", 1),
    ("#if LEADFEEDER_HAS_EXCEPTIONS && X\nvoid f() { throw 1; }\n#endif\n", 1),
    ("#if LEADFEEDER_HAS_EXCEPTIONS\nint a;\n#elif X\nvoid f() { throw 1; }\n#endif\n", 1),
    ("#if LEADFEEDER_HAS_EXCEPTIONS\nvoid f() { auto d = dynamic_cast<B*>(a); }\n#endif\n", 1),
    ("// throws; try it; typeid\n/* dynamic_cast throw */ int retry, entry, catches, noexcept_;", 0),
    ('char const* s = "throw try typeid"; char c = \'"\'; int n = 1\'000; void f() noexcept;', 0),
    ('auto s = R"x(throw ")" try)x"; int y;', 0),
    ('auto s = u8R"(throw)"; void f() { throw 1; }', 1),
    ('auto s = "a\\"throw"; int z;', 0),
    ("#define LEADFEEDER_FAIL(e) throw e\n", 1),
]


def self_test() -> bool:
    ok = True
    for sample, expected in SELF_TEST:
        got = violations(sample)
        if len(got) != expected:
            print(f"self-test FAILED: expected {expected} violation(s), got {got} in:\n{sample}")
            ok = False
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[2],
                        help="the repository (default: two folders up)")
    args = parser.parse_args()
    if not self_test():
        return 1

    library = args.root / "include" / "leadfeeder"
    headers = sorted(p for p in library.rglob("*.hpp") if "testing" not in p.relative_to(library).parts)
    single = args.root / "single_include" / "leadfeeder" / "leadfeeder.hpp"
    if single.exists():
        headers.append(single)
    if not headers:
        print(f"no headers found under {library}")
        return 1

    failures = 0
    for header in headers:
        for line, word, why in violations(header.read_text(encoding="utf-8")):
            print(f"{header.relative_to(args.root)}:{line}: '{word}' {why}")
            failures += 1
    print(f"{len(headers)} headers checked, {failures} violation(s)")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
