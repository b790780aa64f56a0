# SPDX-License-Identifier: MIT
"""The generator behind tools/generate.py (Python standard library only).

    model.py         the description as the emitters read it: naming rules, setters, views
    validate.py      checks the description whole, frozen names included
    templates.py     the shapes of the generated C++ (a group header, an enum, a builder)
    cpp_views.py     include/leadfeeder/generated/schemas.hpp and views_fwd.hpp
    cpp_builders.py  one header per operation group, and operations.hpp
    docs.py          docs/operations.md
    fuzz.py          tests/fuzz/walk_views.hpp
    outputs.py       every file written, the single header included
"""
