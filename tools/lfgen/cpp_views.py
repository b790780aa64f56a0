# SPDX-License-Identifier: MIT
"""The views: include/leadfeeder/generated/schemas.hpp, and the declarations of every view
(generated/views_fwd.hpp, which fwd.hpp and schemas.hpp include)."""

from __future__ import annotations

from .model import BANNER, cite, comment_text, cpp_identifier, fields_of, rel_class, tag, view_type, views

READ = {
    "string": ("detail::as_string", "detail::is_string"),
    "integer": ("detail::as_integer", "detail::is_integer"),
    "number": ("detail::as_number", "detail::is_number"),
    "boolean": ("detail::as_bool", "detail::is_bool"),
}
SHAPE = {"string_list": "detail::is_array", "object": "detail::is_object", "array": "detail::is_array",
         "map": "detail::is_object", "json": "detail::is_present"}


def emit_views_fwd(desc: dict) -> str:
    out = [BANNER, "// Every generated view, declared (fwd.hpp and schemas.hpp include this list).\n",
           "#pragma once\n\n#include <leadfeeder/config.hpp>\n\nLEADFEEDER_BEGIN_NAMESPACE\n\n"]
    for cls, _, _ in views(desc):
        out.append(f"class {cls};\n")
    out.append("\nLEADFEEDER_END_NAMESPACE\n")
    return "".join(out)


def field_doc(prefix: str, field: dict) -> str:
    doc = f"{prefix}{field['name']} ({field['type']}) {tag(field['confidence'])}"
    extra = " ".join(x for x in (field.get("doc"), field.get("note")) if x)
    return doc + (f": {comment_text(extra)}" if extra else "")


def emit_schemas(desc: dict) -> str:
    schemas = desc["schemas"]
    order = sorted(schemas, key=lambda n: schemas[n]["cpp"])
    out = [BANNER, "#pragma once\n",
           "#include <leadfeeder/config.hpp>\n#include <leadfeeder/detail/access.hpp>\n"
           "#include <leadfeeder/generated/views_fwd.hpp>\n"
           "#include <leadfeeder/view.hpp>\n\n#include <cstdint>\n#include <string_view>\n\n"
           "LEADFEEDER_BEGIN_NAMESPACE\n"]
    deferred = []  # out-of-class definitions of accessors that return another view
    for name in order:
        schema = schemas[name]
        cls = schema["cpp"]
        resource = schema["kind"] == "resource"
        base = "resource_base" if resource else "object_base"
        container = "attrs()" if resource else "node()"
        prefix = "attributes." if resource else ""
        summary = f"{name} {cite(schema['reference'])} {tag(schema['confidence'])}"
        if resource:
            summary += f', type "{schema["type"]}"'
        out.append(f"\n/// {summary}.\n")
        if schema.get("doc"):
            out.append(f"/// {comment_text(schema['doc'])}\n")
        out.append(f"class {cls} : public detail::{base} {{\n public:\n  using {base}::{base};\n")
        for field in fields_of(schema):
            ident = cpp_identifier(field["name"])
            rtype = view_type(schemas, field)
            member = f'detail::member({container}, "{field["name"]}")'
            out.append(f"\n  /// {field_doc(prefix, field)}\n")
            if field["type"] in READ:
                read, test = READ[field["type"]]
                out.append(f"  {rtype} {ident}() const noexcept {{ return {read}({member}); }}\n")
                out.append(f"  bool has_{ident}() const noexcept {{ return {test}({member}); }}\n")
            else:
                out.append(f"  {rtype} {ident}() const noexcept;\n")
                out.append(f"  bool has_{ident}() const noexcept {{ return {SHAPE[field['type']]}({member}); }}\n")
                deferred.append(f"inline {rtype} {cls}::{ident}() const noexcept {{\n"
                                f"  return {rtype}({member});\n}}\n")
        if schema.get("relationships"):
            rel = rel_class(schema)
            out.append(f"\n  /// relationships: the related resources, inline {cite('1.8')}.\n")
            out.append(f"  {rel} relationships() const noexcept;\n")
            out.append('  bool has_relationships() const noexcept { return detail::is_object(detail::member(node(), "relationships")); }\n')
            deferred.append(f"inline {rel} {cls}::relationships() const noexcept {{\n"
                            f'  return {rel}(detail::member(node(), "relationships"));\n}}\n')
        out.append("};\n")
        if schema.get("relationships"):
            out.append(emit_relationships(schemas, name, schema, deferred))
    out.append("\n// Accessors that return another view, defined once every view is complete.\n\n")
    out.append("\n".join(deferred))
    out.append("\nLEADFEEDER_END_NAMESPACE\n")
    return "".join(out)


def emit_relationships(schemas: dict, name: str, schema: dict, deferred: list) -> str:
    rel = rel_class(schema)
    out = [f"\n/// The relationships of {name}. A relation may come as a stub {{id, type}} or in full.\n",
           f"class {rel} : public detail::object_base {{\n public:\n  using object_base::object_base;\n"]
    for relation in schema["relationships"]:
        ident = cpp_identifier(relation["name"])
        target = "json_view" if relation["schema"] == "json" else schemas[relation["schema"]]["cpp"]
        member = f'detail::member(node(), "{relation["name"]}")'
        doc = f"relationships.{relation['name']} (to {relation['to']}) {tag(relation['confidence'])}"
        extra = " ".join(x for x in (relation.get("doc"), relation.get("note")) if x)
        if extra:
            doc += f": {comment_text(extra)}"
        out.append(f"\n  /// {doc}\n")
        if target == "json_view":
            rtype, make = "json_view", f"json_view({member})"
        elif relation["to"] == "one":
            rtype, make = target, f"{target}(detail::relationship_one({member}))"
        else:
            rtype, make = f"array_view<{target}>", f"array_view<{target}>(detail::relationship_many({member}), detail::one_or_many)"
        # has_x(): there, and in a shape the accessor can read (an object or an array).
        present = ("detail::is_present" if target == "json_view" else
                   "detail::relationship_one" if relation["to"] == "one" else "detail::relationship_many")
        out.append(f"  {rtype} {ident}() const noexcept;\n")
        out.append(f"  bool has_{ident}() const noexcept {{ return {present}({member}){'' if target == 'json_view' else ' != nullptr'}; }}\n")
        deferred.append(f"inline {rtype} {rel}::{ident}() const noexcept {{\n  return {make};\n}}\n")
    out.append("};\n")
    return "".join(out)
