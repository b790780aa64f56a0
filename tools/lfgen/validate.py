# SPDX-License-Identifier: MIT
"""Validation: the description is checked whole before anything is written.

A DescriptionError names the place (`operation tags.list parameter page[num]: ...`). Besides the
shape of each entry, validation keeps the C++ names the hand-written headers use from generated code
(the description's top-level `frozen` list): renaming or removing one fails here, with the name and
the header that uses it, instead of as a compile error deep in the core.
"""

from __future__ import annotations

import re

from .model import (CONFIDENCE, FIELD_TYPES, PARAM_TYPES, BODY_FIELD_TYPES, METHODS, OBJECT_MEMBERS,
                    RESOURCE_MEMBERS, DescriptionError, collect_setters, cpp_identifier, views)


def check_confidence(where: str, value) -> None:
    if value not in CONFIDENCE:
        raise DescriptionError(f"{where}: confidence {value!r} is not one of {', '.join(CONFIDENCE)}")


def validate_frozen(desc: dict) -> None:
    """Every frozen name still exists, with the type the core reads it as."""
    frozen = desc.get("frozen")
    if not isinstance(frozen, dict) or not isinstance(frozen.get("names"), list) or not frozen["names"]:
        raise DescriptionError("frozen: the list of C++ names the hand-written headers use is missing")
    classes = {cls: dict((name, rtype) for rtype, name in accessors) for cls, _, accessors in views(desc)}
    for entry in frozen["names"]:
        name, used_by = entry.get("name"), entry.get("used_by")
        if not name or not used_by:
            raise DescriptionError(f"frozen {entry!r}: needs name and used_by")
        cls, _, accessor = name.partition("::")
        why = f"frozen name {name!r} (used by {used_by})"
        if cls not in classes:
            raise DescriptionError(f"{why}: no schema has the C++ name {cls!r}; it was renamed or removed")
        if accessor:
            if accessor not in classes[cls]:
                raise DescriptionError(f"{why}: {cls} has no accessor {accessor}(); it was renamed or removed")
            expected = entry.get("returns")
            if expected is not None and classes[cls][accessor] != expected:
                raise DescriptionError(f"{why}: {cls}::{accessor}() returns {classes[cls][accessor]}, "
                                       f"the core reads it as {expected}")


def validate(desc: dict) -> None:
    schemas = desc["schemas"]
    enums = desc["enums"]
    groups = desc["groups"]
    for name, schema in schemas.items():
        where = f"schema {name}"
        check_confidence(where, schema.get("confidence"))
        if schema.get("kind") not in ("resource", "object"):
            raise DescriptionError(f"{where}: kind must be resource or object")
        fields = schema.get("attributes" if schema["kind"] == "resource" else "fields", [])
        seen = set()
        for field in fields:
            fwhere = f"{where}.{field.get('name')}"
            check_confidence(fwhere, field.get("confidence"))
            if field.get("type") not in FIELD_TYPES:
                raise DescriptionError(f"{fwhere}: type {field.get('type')!r} is not one of {FIELD_TYPES}")
            if field["type"] in ("object", "array", "map") and field.get("schema") not in schemas:
                raise DescriptionError(f"{fwhere}: schema {field.get('schema')!r} is not described")
            ident = cpp_identifier(field["name"])
            if ident in (RESOURCE_MEMBERS if schema["kind"] == "resource" else OBJECT_MEMBERS):
                raise DescriptionError(f"{fwhere}: the C++ name {ident!r} is taken by every view")
            if ident in seen:
                raise DescriptionError(f"{fwhere}: described twice")
            seen.add(ident)
        for rel in schema.get("relationships", []):
            rwhere = f"{where}.relationships.{rel.get('name')}"
            check_confidence(rwhere, rel.get("confidence"))
            if rel.get("to") not in ("one", "many"):
                raise DescriptionError(f"{rwhere}: to must be one or many")
            if rel.get("schema") != "json" and rel.get("schema") not in schemas:
                raise DescriptionError(f"{rwhere}: schema {rel.get('schema')!r} is not described")
            if schemas.get(rel["schema"], {}).get("kind", "resource") != "resource":
                raise DescriptionError(f"{rwhere}: a relationship points to a resource schema")
    for name, enum in enums.items():
        if name.split(".")[0] not in groups:
            raise DescriptionError(f"enum {name}: its group is not described")
        if not 0 < len(enum["values"]) <= 32:
            raise DescriptionError(f"enum {name}: needs 1 to 32 values")
        for value in enum["values"]:
            check_confidence(f"enum {name}.{value.get('wire')}", value.get("confidence"))
    seen_ops = set()
    for op in desc["operations"]:
        where = f"operation {op.get('id')}"
        group, _, verb = op["id"].partition(".")
        if group not in groups or not verb:
            raise DescriptionError(f"{where}: id must be <group>.<verb> with a described group")
        if op["id"] in seen_ops:
            raise DescriptionError(f"{where}: described twice")
        seen_ops.add(op["id"])
        if op.get("method") not in METHODS:
            raise DescriptionError(f"{where}: method {op.get('method')!r}")
        check_confidence(f"{where} method", op.get("method_confidence"))
        check_confidence(f"{where} path", op.get("path_confidence"))
        path_params = re.findall(r"\{([a-z_]+)\}", op["path"])
        declared_path = [p["name"] for p in op["params"] if p["in"] == "path"]
        if path_params != declared_path:
            raise DescriptionError(f"{where}: path parameters {path_params} differ from {declared_path}")
        for param in op["params"]:
            pwhere = f"{where} parameter {param.get('name')}"
            check_confidence(pwhere, param.get("confidence"))
            if param.get("in") not in ("path", "query"):
                raise DescriptionError(f"{pwhere}: in must be path or query")
            if param.get("type") not in PARAM_TYPES:
                raise DescriptionError(f"{pwhere}: type {param.get('type')!r}")
            if param["type"] in ("enum", "enum_set") and param.get("enum") not in enums:
                raise DescriptionError(f"{pwhere}: enum {param.get('enum')!r} is not described")
            if param["in"] == "path" and (param["type"] != "string" or not param.get("required")):
                raise DescriptionError(f"{pwhere}: a path parameter is a required string")
        body = op.get("body")
        if body is not None:
            check_confidence(f"{where} body", body.get("confidence"))
            if body.get("kind") in ("flat", "resource"):
                if body["kind"] == "resource" and "resource_type" not in body:
                    raise DescriptionError(f"{where}: a resource body needs resource_type (null: no type member)")
                for field in body["fields"]:
                    fwhere = f"{where} body {field.get('name')}"
                    check_confidence(fwhere, field.get("confidence"))
                    if field.get("type") not in BODY_FIELD_TYPES:
                        raise DescriptionError(f"{fwhere}: type {field.get('type')!r}")
                    if field["name"].count(".") > 1:
                        raise DescriptionError(f"{fwhere}: one level of nesting at most")
                    if field["type"] in ("enum", "enum_set") and field.get("enum") not in enums:
                        raise DescriptionError(f"{fwhere}: enum {field.get('enum')!r} is not described")
                    if field["type"] == "object_list":
                        item = field.get("item") or {}
                        if not item.get("cpp") or not item.get("fields"):
                            raise DescriptionError(f"{fwhere}: an object_list needs item.cpp and item.fields")
                        for f in item["fields"]:
                            check_confidence(f"{fwhere}.{f.get('name')}", f.get("confidence"))
                            if f.get("type") not in ("string", "number", "integer"):
                                raise DescriptionError(f"{fwhere}.{f.get('name')}: item fields are string, number or integer")
            elif body.get("kind") != "identifiers":
                raise DescriptionError(f"{where}: body kind must be flat, resource or identifiers")
        setter_names = {s["name"] for s in collect_setters(op)}
        for rule in ("exactly_one_of", "at_least_one_of"):
            names_in_rule = (body or {}).get(rule, [])
            if names_in_rule and (len(names_in_rule) < 2 or not set(names_in_rule) <= setter_names):
                raise DescriptionError(f"{where}: {rule} names two or more of its parameters")
        for s in collect_setters(op):
            other = s.get("not_before")
            if other is not None and (other not in setter_names or s["type"] not in ("date", "month")):
                raise DescriptionError(f"{where} {s['name']}: not_before names a date or month parameter of the operation")
        response = op["response"]
        check_confidence(f"{where} response", response.get("confidence"))
        if response.get("data") not in ("list", "one", "raw", "list_of_lists"):
            raise DescriptionError(f"{where}: response data must be list, one, raw or list_of_lists")
        for schema_name in (response.get("schema"), response.get("when_set", {}).get("schema")):
            if schema_name is not None and schema_name not in schemas:
                raise DescriptionError(f"{where}: response schema {schema_name!r} is not described")
        if op.get("pagination") not in ("none", "cursor", "page_number"):
            raise DescriptionError(f"{where}: pagination must be none, cursor or page_number")
        names = {p["name"]: p for p in op["params"]}
        needed = {"cursor": ("page[cursor]", "string"), "page_number": ("page[num]", "integer")}.get(op["pagination"])
        if needed and (needed[0] not in names or names[needed[0]]["type"] != needed[1]):
            raise DescriptionError(f"{where}: {op['pagination']} pagination needs a {needed[1]} parameter {needed[0]}")
        if needed and op["response"]["data"] != "list":
            raise DescriptionError(f"{where}: a paginated operation answers with a list")
        for param in op["params"]:
            if param.get("identity") and (param["in"] != "path" or op["response"]["data"] != "one"):
                raise DescriptionError(f"{where}: identity is for the path id of a single-resource answer")
    validate_frozen(desc)
