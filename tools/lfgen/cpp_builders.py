# SPDX-License-Identifier: MIT
"""The builders: one header per operation group (include/leadfeeder/generated/<group>.hpp) and
generated/operations.hpp, which includes them all. The shapes are in templates.py; this module
computes what goes into them."""

from __future__ import annotations

import re

from .model import (BANNER, METHODS, DescriptionError, chunked_setter, cite, collect_setters, comment_text,
                    cpp_identifier, enum_parts, enum_wire_table, tag)
from .templates import ENUM, GROUP_HEADER, ITEM, OPERATION


def emit_operations_header(desc: dict) -> str:
    out = [BANNER, "#pragma once\n\n// Every operation group of the API description.\n"]
    for group in sorted(desc["groups"]):
        out.append(f"#include <leadfeeder/generated/{desc['groups'][group]['header']}>\n")
    return "".join(out)


def emit_group(desc: dict, group: str) -> str:
    enums = [(n, e) for n, e in desc["enums"].items() if n.split(".")[0] == group]
    ops = [op for op in desc["operations"] if op["id"].split(".")[0] == group]
    title = desc["groups"][group]["title"]
    text = f"\n// ---- {title}: enumerations\n" + "".join(emit_enum(n, e) for n, e in enums)
    return GROUP_HEADER.substitute(banner=BANNER, enums=text,
                                   operations="".join(emit_operation(desc, group, op) for op in ops))


def emit_enum(enum_name: str, enum: dict) -> str:
    group, name = enum_parts(enum_name)
    values = "".join(f"  {cpp_identifier(v['wire'])} = std::uint32_t{{1}} << {i},  ///< {tag(v['confidence'])}\n"
                     for i, v in enumerate(enum["values"]))
    wire = wrap([f'"{v["wire"]}",' for v in enum["values"]], "    ")
    return ENUM.substitute(group=group, name=name, doc=comment_text(enum["doc"]), values=values, wire=wire)


def wrap(words: list, indent: str, width: int = 100) -> str:
    """Words on lines of at most `width` columns, each line indented and ended."""
    lines, line = [], indent
    for word in words:
        if line.strip() and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = indent
        line += (" " if line.strip() else "") + word
    lines.append(line)
    return "\n" + "\n".join(lines) + "\n"


def response_type(schemas: dict, response: dict, schema_name: str | None) -> str:
    if response["data"] == "raw":
        return "response<json_view>"
    view = schemas[schema_name]["cpp"]
    if response["data"] == "list_of_lists":
        return f"response<array_view<array_view<{view}>>>"
    return f"response<array_view<{view}>>" if response["data"] == "list" else f"response<{view}>"


def param_storage(param: dict, group: str) -> tuple[str, str]:
    t = param["type"]
    if t == "enum":
        egroup, ename = enum_parts(param["enum"])
        return f"::leadfeeder::{egroup}::{ename}", "{}"
    if t == "object_list":
        return f"std::vector<::leadfeeder::{group}::{param['item']['cpp']}>", ""
    return {"string": ("std::string", ""), "date": ("std::string", ""), "month": ("std::string", ""),
            "string_list": ("string_list", ""), "integer": ("std::int64_t", " = 0"), "number": ("double", " = 0"),
            "boolean": ("bool", " = false"), "enum_set": ("std::uint32_t", " = 0"),
            "json": ("json_fragment", "")}[t]


SETTER_ARG = {"string": "std::string_view", "date": "std::string_view", "month": "std::string_view",
              "string_list": "string_list", "integer": "std::int64_t", "number": "double",
              "boolean": "bool", "json": "json_fragment"}


def setter_doc(s: dict) -> str:
    req = "required" if s.get("required") else "optional"
    doc = f"{s['name']} ({s['where']}, {req}) {tag(s['confidence'])}"
    extra = " ".join(x.rstrip(".") + "." for x in (s.get("doc"), s.get("note")) if x)
    if s.get("max_items"):
        extra += f" At most {s['max_items']} values."
    if s["type"] == "integer" and "min" in s:
        extra += f" From {s['min']} to {s['max']}."
    if s["type"] in ("date", "month"):
        extra += " Format YYYY-MM-DD." if s["type"] == "date" else " Format YYYY-MM."
    if s.get("not_before"):
        extra += f" Not before {s['not_before']} (checked before sending)."
    return doc + (f": {comment_text(extra)}" if extra.strip() else "")


def emit_setter(op: dict, s: dict) -> str:
    """One setter: a line of detail/builder.hpp's macros under its doc comment."""
    ident, index = s["ident"], s["index"]
    out = f"\n  /// {setter_doc(s)}\n"
    if s["type"] == "enum_set":
        egroup, ename = enum_parts(s["enum"])
        message = f'"{op["id"]}: {ident}() takes leadfeeder::{egroup}::{ename} values"'
        return out + f"  LEADFEEDER_DETAIL_FLAGS_SETTER({ident}, {index}, ::leadfeeder::{egroup}::{ename}, {message})\n"
    if s["type"] == "enum":
        egroup, ename = enum_parts(s["enum"])
        arg = f"::leadfeeder::{egroup}::{ename}"
    elif s["type"] == "object_list":
        arg = f"std::vector<::leadfeeder::{op['id'].split('.')[0]}::{s['item']['cpp']}>"
    else:
        arg = SETTER_ARG[s["type"]]
    out += f"  LEADFEEDER_DETAIL_SETTER({ident}, {index}, {arg})\n"
    if s["type"] == "integer" and "min" in s:
        # The same setter with a constant: out of range does not compile.
        message = f"\"{op['id']}: parameter '{s['name']}' must be between {s['min']} and {s['max']}\""
        out += f"  LEADFEEDER_DETAIL_CONSTANT_SETTER({ident}, {s['min']}, {s['max']}, {message})\n"
    return out


def emit_item_struct(group: str, op: dict, s: dict) -> str:
    """An element type of an object_list body field, and the function that writes a list of them."""
    item = s["item"]
    ctype = {"string": "std::string", "number": "std::optional<double>", "integer": "std::optional<std::int64_t>"}
    members = []
    for f in item["fields"]:
        if f["type"] not in ctype:
            raise DescriptionError(f"{op['id']} {s['name']}.{f['name']}: item fields are string, number or integer")
        doc = f"{f['name']} {tag(f['confidence'])}" + (f": {comment_text(f['doc'])}" if f.get("doc") else "")
        members.append(f"  {ctype[f['type']]} {cpp_identifier(f['name'])};  ///< {doc}\n")
    fields = [dict(f, ident=cpp_identifier(f["name"]), value=f"item.{cpp_identifier(f['name'])}") for f in item["fields"]]
    for f in fields:
        if f["type"] != "string":
            f["value"] = f"*{f['value']}"

    def present(f):
        return f"!item.{f['ident']}.empty()" if f["type"] == "string" else f"item.{f['ident']}.has_value()"
    return ITEM.substitute(group=group, id=op["id"], field=s["name"], confidence=tag(s["confidence"]),
                           item=item["cpp"], members="".join(members),
                           writes="".join(emit_members(fields, group, "    ", present)))


def operation_doc(op: dict) -> str:
    lines = [f"/// {op['id']}: {op['title']} {cite(op['reference'])}.",
             f"/// {op['method']} {op['path']}  (method {tag(op['method_confidence'])}, "
             f"path {tag(op['path_confidence'])}{'; ' + comment_text(op['path_note']) if op.get('path_note') else ''})"]
    if op.get("doc"):
        lines.append(f"/// {comment_text(op['doc'])}")
    paging = op["pagination"] + (f" ({comment_text(op['pagination_note'])})" if op.get("pagination_note") else "")
    lines.append(f"/// Pagination: {paging}. Credits: {op['credits']}.")
    return "\n".join(lines)


def emit_operation(desc: dict, group: str, op: dict) -> str:
    schemas = desc["schemas"]
    verb = op["id"].split(".")[1]
    builder = f"{verb}_builder"
    setters = collect_setters(op)
    response = op["response"]
    when = response.get("when_set")

    traits = []
    if op.get("reads_only") and op["method"] != "GET":
        traits.append(f"  /// A read sent as {op['method']}: retried like a GET.\n  static constexpr bool reads_only = true;\n")
    traits.append(f"  /// True when the operation can charge credits (the client's credit budget applies).\n"
                  f"  static constexpr bool charges_credits = {'true' if op.get('charges_credits') else 'false'};\n")
    if when:
        bit = next(s["bit"] for s in setters if s["name"] == when["param"])
        traits.append(f"  /// The answer's shape depends on whether {when['param']} is set.\n"
                      f"  using response_type = std::conditional_t<(Set & {bit}) != 0,\n"
                      f"      {response_type(schemas, response, when['schema'])},\n"
                      f"      {response_type(schemas, response, response.get('schema'))}>;\n")
    else:
        traits.append(f"  using response_type = {response_type(schemas, response, response.get('schema'))};\n")

    members = "".join("  {0} {1}{2};\n".format(param_storage(s, group)[0], s["ident"], param_storage(s, group)[1])
                      for s in setters)
    items = "".join(emit_item_struct(group, op, s) for s in setters if s["type"] == "object_list")
    return OPERATION.substitute(
        id=op["id"], group=group, builder=builder, params=f"{group}_{verb}_params", members=members, items=items,
        doc=operation_doc(op), method=METHODS[op["method"]], pagination=op["pagination"],
        traits="".join(traits).rstrip("\n"), setters="".join(emit_setter(op, s) for s in setters),
        extras=emit_extras(group, op, setters), write=emit_write(group, op, setters),
        title=op["title"], function=cpp_identifier(verb))


def emit_extras(group: str, op: dict, setters: list) -> str:
    """What paging, lf::chunks and the identity check read from a builder."""
    out = []
    page_param = {"cursor": "page[cursor]", "page_number": "page[num]"}.get(op["pagination"])
    if page_param:
        bit = next(s["bit"] for s in setters if s["name"] == page_param)
        out.append(f"\n  /// True once the caller set {page_param} (paging then starts there).\n"
                   f"  static constexpr bool page_set = (Set & {bit}) != 0;\n")
    chunked = chunked_setter(op, setters)
    if chunked:
        # lf::chunks (chunks.hpp) splits this list into calls of at most max_items values.
        ident, limit = chunked["ident"], chunked["max_items"]
        if chunked["type"] == "object_list":
            ctype = f"std::vector<::leadfeeder::{group}::{chunked['item']['cpp']}>"
        else:
            ctype = "string_list"
        out.append(f"\n  /// The list lf::chunks splits: {chunked['name']}, at most {limit} values a call.\n"
                   f"  static constexpr std::string_view chunk_parameter = \"{chunked['name']}\";\n"
                   f"  static constexpr std::size_t chunk_max = {limit};\n"
                   f"  using chunk_type = {ctype};\n"
                   f"  /// This builder with {ident} set to one chunk (what lf::chunks sends).\n"
                   f"  [[nodiscard]] auto with_chunk(chunk_type value) const& {{ return {ident}(std::move(value)); }}\n"
                   f"  [[nodiscard]] auto with_chunk(chunk_type value) && {{ return std::move(*this).{ident}(std::move(value)); }}\n")
    identity = [s for s in setters if s.get("identity")]
    if identity:
        out.append(f"\n  /// The id asked for ({identity[0]['name']}); the response compares it with the id it got back.\n"
                   f"  std::string_view requested_id() const noexcept {{ return this->p_.{identity[0]['ident']}; }}\n")
    return "".join(out)


def emit_write(group: str, op: dict, setters: list) -> str:
    """The body of write(): compile-time checks first (their message is the first error line),
    then the path, the query and the body."""
    body = op.get("body")
    when = op["response"].get("when_set")
    checks, out = [], []
    for s in setters:
        if s.get("required"):
            checks.append(f"    static_assert((Set & {s['bit']}) != 0,\n"
                          f"                  \"{op['id']}: required parameter '{s['name']}' is not set\");\n")
    for rule, test, words in (("exactly_one_of", "== 1", "exactly one"), ("at_least_one_of", ">= 1", "at least one")):
        names_in_rule = (body or {}).get(rule, [])
        if names_in_rule:
            bits = [next(s["bit"] for s in setters if s["name"] == n) for n in names_in_rule]
            count = " + ".join(f"((Set & {b}) != 0 ? 1 : 0)" for b in bits)
            listed = ", ".join(f"'{n}'" for n in names_in_rule[:-1]) + f" or '{names_in_rule[-1]}'"
            checks.append(f"    static_assert(({count}) {test},\n"
                          f"                  \"{op['id']}: set {words} of {listed}\");\n")
    for s in setters:
        if s.get("not_before"):
            other = next(o for o in setters if o["name"] == s["not_before"])
            out.append(f"    if constexpr ((Set & {s['bit']}) != 0 && (Set & {other['bit']}) != 0)\n"
                       f"      w.check_order(\"{other['name']}\", p.{other['ident']}, \"{s['name']}\", p.{s['ident']});\n")
    for piece in re.split(r"(\{[a-z_]+\})", op["path"]):
        if piece.startswith("{"):
            out.append(f"    w.path_param(\"{piece[1:-1]}\", p.{cpp_identifier(piece[1:-1])});\n")
        elif piece:
            out.append(f"    w.path(\"{piece}\");\n")
    for s in setters:
        if s["where"] == "query":
            guard = "" if s.get("required") else f"if constexpr ((Set & {s['bit']}) != 0) "
            out.append(f"    {guard}{query_call(s, when)}\n")
    if body and body["kind"] == "identifiers":
        s = setters[-1]
        out.append(f"    w.identifier_body(\"{s['name']}\", \"{body['resource_type']}\", p.{s['ident']}, "
                   f"{'true' if s.get('required') else 'false'});\n")
    elif body:
        ruled = set(body.get("exactly_one_of", [])) | set(body.get("at_least_one_of", []))
        body_setters = [dict(s, value=f"p.{s['ident']}", in_rule=s["name"] in ruled) for s in setters if s["where"] == "body"]
        if body["kind"] == "resource":
            out.append("    w.begin_object();\n    w.key(\"data\");\n    w.begin_object();\n")
            if body["resource_type"]:
                out.append(f"    w.member_string(\"type\", \"{body['resource_type']}\");\n")
            out.append("    w.key(\"attributes\");\n")
        out.append("    w.begin_object();\n")
        out.extend(emit_members(body_setters, group, "    ", lambda s: f"(Set & {s['bit']}) != 0", "if constexpr"))
        extra = [s for s in body_setters if s.get("extra")]
        if extra:
            known = sorted({s["name"].split(".")[0] for s in body_setters if not s.get("extra")})
            known_list = ", ".join(f'"{k}"' for k in known)
            out.append(f"    if constexpr ((Set & {extra[0]['bit']}) != 0) w.merge_members(\"extra_fields\", p.extra_fields, "
                       f"{{{known_list}}});\n")
        out.append("    w.end_object();\n")
        if body["kind"] == "resource":
            out.append("    w.end_object();\n    w.end_object();\n")
    uses = "".join(out)
    # The parameters, by a short name; only where a line reads them (an unused one would warn).
    params = "    auto const& p = this->p_;\n" if re.search(r"\bp\.", uses) else ""
    return "".join(checks) + params + uses


def query_call(s: dict, when: dict | None) -> str:
    name, ident = s["name"], s["ident"]
    req = "true" if s.get("required") or (when and when["param"] == name) else "false"
    t = s["type"]
    if t == "string":
        return f"w.query(\"{name}\", p.{ident}, {req});"
    if t in ("date", "month"):
        return f"w.query_{t}(\"{name}\", p.{ident}, {req});"
    if t == "string_list":
        return f"w.query_list(\"{name}\", p.{ident}, {req}, {s.get('max_items', 'static_cast<std::size_t>(-1)')});"
    if t == "integer":
        return f"w.query_integer(\"{name}\", p.{ident}, {s.get('min', 'INT64_MIN')}, {s.get('max', 'INT64_MAX')});"
    if t == "boolean":
        return f"w.query_bool(\"{name}\", p.{ident});"
    egroup, ename = enum_parts(s["enum"])
    if t == "enum":
        return f"w.query(\"{name}\", {egroup}::to_string(p.{ident}), true);"
    return f"w.query_flags(\"{name}\", p.{ident}, {enum_wire_table(s['enum'])});"


def member_call(s: dict, key: str, value: str, group: str) -> str:
    t = s["type"]
    if t == "string":
        if s.get("required") or s.get("in_rule"):
            return f"w.member_string_nonempty(\"{s['name']}\", \"{key}\", {value});"
        return f"w.member_string(\"{key}\", {value});"
    if t in ("date", "month"):
        if key != s["name"]:
            return f"w.member_{t}_of(\"{s['name']}\", \"{key}\", {value});"
        return f"w.member_{t}(\"{key}\", {value});"
    if t == "string_list":
        if s.get("required") or s.get("max_items") or s.get("in_rule"):
            limit = s.get("max_items", "static_cast<std::size_t>(-1)")
            return (f"w.member_strings_checked(\"{s['name']}\", \"{key}\", {value}, "
                    f"{'true' if s.get('required') else 'false'}, {limit});")
        # An empty list reads as "no criterion": it is left out, like an empty optional query value.
        return f"{{ if (!{value}.empty()) w.member_strings(\"{key}\", {value}); }}"
    if t == "enum_set":
        egroup, ename = enum_parts(s["enum"])
        return f"w.member_flags(\"{key}\", {value}, {enum_wire_table(s['enum'])});"
    if t == "integer":
        if "min" in s:
            return f"w.member_integer_in(\"{s['name']}\", \"{key}\", {value}, {s['min']}, {s['max']});"
        return f"w.member_integer(\"{key}\", {value});"
    if t == "number":
        return f"w.member_number(\"{key}\", {value});"
    if t == "boolean":
        return f"w.member_bool(\"{key}\", {value});"
    if t == "json":
        return f"w.member_json(\"{key}\", {value});"
    if t == "enum":
        egroup, _ = enum_parts(s["enum"])
        return f"w.member_string(\"{key}\", {egroup}::to_string({value}));"
    if t == "object_list":
        if s.get("max_items"):
            limit = s["max_items"]
            check = (f"if ({value}.size() > {limit}) w.fail(\"{s['name']}\", \"has \" + std::to_string({value}.size()) + "
                     f"\" values; at most {limit} are allowed\"); ")
        else:
            check = ""
        if s.get("required"):
            return (f"{{ {check}if ({value}.empty()) w.fail(\"{s['name']}\", \"must not be empty\"); "
                    f"detail::write_{group}_{s['item']['cpp']}_list(w, \"{key}\", {value}); }}")
        if check:
            return f"{{ {check}detail::write_{group}_{s['item']['cpp']}_list(w, \"{key}\", {value}); }}"
        return f"detail::write_{group}_{s['item']['cpp']}_list(w, \"{key}\", {value});"
    raise DescriptionError(f"no body writer for type {t}")


def emit_members(setters: list, group: str, indent: str, present, if_kind: str = "if") -> list:
    """Writes the members of one object; dotted names nest one level. `present(s)` is the C++
    condition under which member s is written."""
    out, done = [], set()
    for s in setters:
        if s["ident"] in done or s.get("extra"):
            continue
        if "." in s["name"]:
            parent = s["name"].split(".")[0]
            children = [c for c in setters if c["name"].startswith(parent + ".")]
            any_child = " || ".join(f"({present(c)})" for c in children)
            out.append(f"{indent}{if_kind} ({any_child}) {{\n{indent}  w.key(\"{parent}\");\n{indent}  w.begin_object();\n")
            for c in children:
                key = c["name"].split(".", 1)[1]
                out.append(f"{indent}  {if_kind} ({present(c)}) {member_call(c, key, c['value'], group)}\n")
                done.add(c["ident"])
            out.append(f"{indent}  w.end_object();\n{indent}}}\n")
        else:
            out.append(f"{indent}{if_kind} ({present(s)}) {member_call(s, s['name'], s['value'], group)}\n")
            done.add(s["ident"])
    return out


