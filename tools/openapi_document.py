#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes an OpenAPI 3 document (YAML) from the API description, the way the vendor would publish it.

    python3 tools/openapi_document.py                       the document on standard output
    python3 tools/openapi_document.py --perturbed           a perturbed copy: a moved path, a renamed
                                                            parameter, a required flag flipped, an added
                                                            enum value, a new operation, a removed one
    python3 tools/openapi_document.py --list-perturbations  what --perturbed changes, one line each
    python3 tools/openapi_document.py --simulator-cpp OUT   a C++ file with both documents, for the simulator
    python3 tools/openapi_document.py --catalogue-hpp OUT   a C++ header with every operation's id, title,
                                                            method, path and confidences (leadfeeder doctor)

The simulator serves the document at /openapi.yaml, so that tools/openapi_sync.py is tested end to end
without the vendor's. The document carries no confidences (the vendor's would not); the perturbations
are picked from whatever the description holds, by rule, so they follow its changes. Input:
api/leadfeeder-v1.json (--description). Python standard library only; the output is deterministic.
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DESCRIPTION = ROOT / "api" / "leadfeeder-v1.json"

VERSION = "1.0.0-simulator"
PERTURBED_VERSION = "1.0.1-simulator"
# The date the simulator gives both documents (its Last-Modified header and info.x-release-date).
RELEASE_DATE = "2026-12-01"
ADDED_ENUM_VALUE = "added_by_vendor"
# The operation only the perturbed document has: the first of these the description lacks.
NEW_OPERATIONS = [
    {"method": "get", "path": "/v1/countries", "operationId": "listCountries", "summary": "Retrieve Countries",
     "tag": "Reference"},
    {"method": "get", "path": "/v1/geo-suggestions", "operationId": "listGeoSuggestions",
     "summary": "Retrieve Geo Suggestions", "tag": "Reference"},
    {"method": "get", "path": "/v1/simulated-additions", "operationId": "listSimulatedAdditions",
     "summary": "Retrieve Simulated Additions", "tag": "Simulated"},
]


def load(path: Path = DESCRIPTION) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def camel(op_id: str) -> str:
    """companies.list_ips -> companiesListIps (a vendor-style operation id)."""
    words = re.split(r"[._]+", op_id)
    return words[0] + "".join(w[:1].upper() + w[1:] for w in words[1:])


# ---------------------------------------------------------------------------------------------
# Description -> OpenAPI


def vendor_path(path: str) -> str:
    """The document's own placeholder names, {company_id} -> {companyId}: only the position matters."""
    return re.sub(r"\{([a-z_]+)\}", lambda m: "{" + camel(m.group(1)) + "}", path)


def enum_values(desc: dict, name: str) -> list[str]:
    return [v["wire"] for v in desc["enums"].get(name, {}).get("values", [])]


def param_schema(desc: dict, p: dict) -> dict:
    t = p["type"]
    if t == "integer":
        s = {"type": "integer"}
        if "min" in p:
            s["minimum"] = p["min"]
        if "max" in p:
            s["maximum"] = p["max"]
        return s
    if t == "boolean":
        return {"type": "boolean"}
    if t == "string_list":
        s = {"type": "array", "items": {"type": "string"}}
        if "max_items" in p:
            s["maxItems"] = p["max_items"]
        return s
    if t == "enum":
        return {"type": "string", "enum": enum_values(desc, p["enum"])}
    if t == "enum_set":
        return {"type": "array", "items": {"type": "string", "enum": enum_values(desc, p["enum"])}}
    if t == "date":
        return {"type": "string", "format": "date"}
    if t == "month":
        return {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"}
    return {"type": "string"}


def body_field_schema(desc: dict, f: dict) -> dict:
    t = f["type"]
    if t in ("string", "integer", "number", "boolean"):
        return {"type": t}
    if t == "string_list":
        return {"type": "array", "items": {"type": "string"}}
    if t == "enum":
        return {"type": "string", "enum": enum_values(desc, f["enum"])}
    if t == "date":
        return {"type": "string", "format": "date"}
    if t == "month":
        return {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"}
    if t == "object_list":
        props = {i["name"]: {"type": i["type"]} for i in f["item"]["fields"]}
        return {"type": "array", "items": {"type": "object", "properties": props}}
    return {}  # json: anything the caller builds


def fields_object(desc: dict, fields: list, extra: bool) -> dict:
    """Body fields (one level of a.b nesting) as an object schema."""
    props: dict = {}
    required: list = []
    nested_required: dict = {}
    for f in fields:
        outer, _, inner = f["name"].partition(".")
        if inner:
            holder = props.setdefault(outer, {"type": "object", "properties": {}})
            holder["properties"][inner] = body_field_schema(desc, f)
            if f.get("required"):
                nested_required.setdefault(outer, []).append(inner)
        else:
            props[outer] = body_field_schema(desc, f)
            if f.get("required"):
                required.append(outer)
    for outer, names in nested_required.items():
        props[outer]["required"] = names
    s = {"type": "object", "properties": props}
    if required:
        s["required"] = required
    if extra:
        s["additionalProperties"] = True
    return s


def body_schema(desc: dict, body: dict) -> dict:
    kind = body["kind"]
    if kind == "flat":
        return fields_object(desc, body["fields"], bool(body.get("extra")))
    if kind == "resource":
        attributes = fields_object(desc, body.get("fields", []), bool(body.get("extra")))
        data = {"type": "object", "required": ["type", "attributes"],
                "properties": {"type": {"type": "string", "enum": [body["resource_type"]]}, "attributes": attributes}}
        return {"type": "object", "required": ["data"], "properties": {"data": data}}
    item = {"type": "object", "required": ["type", "id"],
            "properties": {"type": {"type": "string", "enum": [body["resource_type"]]}, "id": {"type": "string"}}}
    return {"type": "object", "required": ["data"], "properties": {"data": {"type": "array", "items": item}}}


def ref(schema: str) -> dict:
    return {"$ref": f"#/components/schemas/{schema}"}


def response_schema(response: dict) -> dict:
    data = response["data"]
    schema = response.get("schema")
    if data == "raw" or not schema:
        d: dict = {}
    elif data == "one":
        d = ref(schema)
    elif data == "list":
        d = {"type": "array", "items": ref(schema)}
    else:
        d = {"type": "array", "items": {"type": "array", "items": ref(schema)}}
    return {"type": "object", "properties": {"data": d, "meta": ref("ResponseMeta")}}


def field_schema(f: dict) -> dict:
    t = f["type"]
    if t in ("string", "integer", "number", "boolean"):
        return {"type": t}
    if t == "string_list":
        return {"type": "array", "items": {"type": "string"}}
    if t == "object":
        return ref(f["schema"])
    if t == "array":
        return {"type": "array", "items": ref(f["schema"])}
    if t == "map":
        return {"type": "object", "additionalProperties": ref(f["schema"])}
    return {}


def component(schema: dict) -> dict:
    if schema["kind"] == "object":
        return {"type": "object", "properties": {f["name"]: field_schema(f) for f in schema.get("fields", [])}}
    props = {"id": {"type": "string"}, "type": {"type": "string", "enum": [schema["type"]]},
             "attributes": {"type": "object",
                            "properties": {f["name"]: field_schema(f) for f in schema.get("attributes", [])}}}
    rels = {}
    for r in schema.get("relationships", []):
        target = {} if r["schema"] == "json" else ref(r["schema"])
        rels[r["name"]] = target if r["to"] == "one" else {"type": "array", "items": target}
    if rels:
        props["relationships"] = {"type": "object", "properties": rels}
    return {"type": "object", "properties": props}


def operation(desc: dict, op: dict) -> dict:
    group = op["id"].split(".")[0]
    out: dict = {"operationId": camel(op["id"]), "summary": op["title"],
                 "tags": [desc["groups"][group]["title"]]}
    if op.get("doc"):
        out["description"] = op["doc"]
    params = []
    for p in op["params"]:
        name = camel(p["name"]) if p["in"] == "path" else p["name"]
        entry = {"name": name, "in": p["in"], "required": bool(p.get("required"))}
        schema = param_schema(desc, p)
        entry["schema"] = schema
        if schema.get("type") == "array":
            entry["style"] = "form"
            entry["explode"] = False
        params.append(entry)
    if params:
        out["parameters"] = params
    if op.get("body"):
        out["requestBody"] = {"required": bool(op["body"].get("required", True)),
                              "content": {"application/json": {"schema": body_schema(desc, op["body"])}}}
    out["responses"] = {"200": {"description": "OK",
                                "content": {"application/json": {"schema": response_schema(op["response"])}}},
                        "401": {"description": "Unauthorized"}}
    return out


def document(desc: dict, version: str = VERSION) -> dict:
    paths: dict = {}
    for op in desc["operations"]:
        paths.setdefault(vendor_path(op["path"]), {})[op["method"].lower()] = operation(desc, op)
    return {
        "openapi": "3.0.3",
        "info": {"title": "Leadfeeder API", "version": version, "x-release-date": RELEASE_DATE,
                 "description": "Generated by leadfeeder-cpp's simulator from api/leadfeeder-v1.json."},
        "servers": [{"url": desc.get("base_url", "https://api.leadfeeder.com")}],
        "security": [{"ApiKeyAuth": []}],
        "paths": dict(sorted(paths.items())),
        "components": {
            "securitySchemes": {"ApiKeyAuth": {"type": "apiKey", "in": "header", "name": "X-Api-Key"}},
            "schemas": {name: component(s) for name, s in sorted(desc["schemas"].items())},
        },
    }


# ---------------------------------------------------------------------------------------------
# Perturbations: picked by rule from whatever the description holds.


def _weaker_than_vendor(confidence: str) -> bool:
    return confidence in ("observed", "inferred")


def _plain_query(p: dict) -> bool:
    return (p["in"] == "query" and p["name"] != "account_id" and "[" not in p["name"]
            and p["name"] != "include" and _weaker_than_vendor(p["confidence"]))


def perturbations(desc: dict) -> list[dict]:
    """What --perturbed changes: a list of {kind, operation, ...}; the tests read it."""
    ops = desc["operations"]
    taken: set = set()
    out: list = []
    keep = {"users.me", "accounts.list", "usage.get"}  # leadfeeder doctor reads these

    def first(pred):
        for op in ops:
            if op["id"] not in taken and op["id"] not in keep and pred(op):
                taken.add(op["id"])
                return op
        return None

    op = first(lambda o: o["path_confidence"] == "inferred" and o.get("path_alternatives"))
    if op:
        out.append({"kind": "alternative_path", "operation": op["id"], "path": op["path_alternatives"][0]})
    op = first(lambda o: o["path_confidence"] == "inferred" and re.search(r"/[a-z][a-z-]*$", o["path"]))
    if op:
        moved = re.sub(r"/([a-z][a-z-]*)$", r"/moved-\1", op["path"])
        out.append({"kind": "moved_path", "operation": op["id"], "path": moved})
    op = first(lambda o: any(_plain_query(p) for p in o["params"]))
    if op:
        p = next(p for p in op["params"] if _plain_query(p))
        out.append({"kind": "renamed_parameter", "operation": op["id"], "parameter": p["name"],
                    "name": p["name"] + "_value"})
    op = first(lambda o: any(_plain_query(p) for p in o["params"]))
    if op:
        p = next(p for p in op["params"] if _plain_query(p))
        out.append({"kind": "required_flipped", "operation": op["id"], "parameter": p["name"],
                    "required": not p.get("required")})
    op = first(lambda o: any(p["type"] in ("enum", "enum_set") and len(desc["enums"][p["enum"]]["values"]) < 32
                             for p in o["params"]))
    if op:
        p = next(p for p in op["params"] if p["type"] in ("enum", "enum_set"))
        out.append({"kind": "added_enum_value", "operation": op["id"], "parameter": p["name"], "enum": p["enum"],
                    "value": ADDED_ENUM_VALUE})
    described = {o["path"].split("/")[2] for o in ops if o["path"].count("/") >= 2} | set(desc["groups"])
    for candidate in NEW_OPERATIONS:
        segment = candidate["path"].split("/")[2]
        if segment not in described and segment.replace("-", "_") not in described:
            out.append({"kind": "new_operation", "operation": None, **candidate})
            break
    for op in reversed(ops):
        if op["id"] not in taken and op["id"] not in keep:
            taken.add(op["id"])
            out.append({"kind": "removed_operation", "operation": op["id"]})
            break
    return out


def perturbed_document(desc: dict) -> dict:
    doc = document(desc, PERTURBED_VERSION)
    by_id = {o["id"]: o for o in desc["operations"]}
    paths = doc["paths"]

    def locate(op_id):
        op = by_id[op_id]
        return vendor_path(op["path"]), op["method"].lower()

    for p in perturbations(desc):
        kind = p["kind"]
        if kind in ("alternative_path", "moved_path"):
            path, method = locate(p["operation"])
            entry = paths[path].pop(method)
            if kind == "alternative_path":  # no operation id or summary to match it by
                entry["operationId"] = "undocumentedOperation" + str(len(p["path"]))
                entry["summary"] = "Undocumented"
            for param in entry.get("parameters", []):
                if param["in"] == "path":
                    param["name"] = camel(param["name"])
            paths.setdefault(vendor_path(p["path"]), {})[method] = entry
        elif kind == "added_enum_value":  # the vendor's enumeration is shared, like the description's
            for op in desc["operations"]:
                for param in op["params"]:
                    if param.get("enum") != p["enum"]:
                        continue
                    path, method = locate(op["id"])
                    for entry in paths.get(path, {}).get(method, {}).get("parameters", []):
                        if entry["name"] == param["name"] and entry["in"] == param["in"]:
                            schema = entry["schema"].get("items", entry["schema"])
                            schema["enum"] = schema["enum"] + [p["value"]]
        elif kind in ("renamed_parameter", "required_flipped"):
            path, method = locate(p["operation"])
            for param in paths[path][method]["parameters"]:
                if param["name"] != p["parameter"]:
                    continue
                if kind == "renamed_parameter":
                    param["name"] = p["name"]
                else:
                    param["required"] = p["required"]
        elif kind == "new_operation":
            paths[p["path"]] = {p["method"]: {
                "operationId": p["operationId"], "summary": p["summary"], "tags": [p["tag"]],
                "parameters": [
                    {"name": "account_id", "in": "query", "required": True, "schema": {"type": "string"}},
                    {"name": "page[size]", "in": "query", "required": False,
                     "schema": {"type": "integer", "minimum": 1, "maximum": 100}}],
                "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {
                    "type": "object", "properties": {"data": {"type": "array", "items": {"type": "object"}},
                                                     "meta": ref("ResponseMeta")}}}}}}}}
        elif kind == "removed_operation":
            path, method = locate(p["operation"])
            del paths[path][method]
    doc["paths"] = dict(sorted((k, v) for k, v in paths.items() if v))
    return doc


# ---------------------------------------------------------------------------------------------
# YAML (block style; strings quoted JSON-style when a plain scalar could be misread)

PLAIN = re.compile(r"^[A-Za-z/][A-Za-z0-9_./{}\[\] -]*$")
RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"}


def scalar(v) -> str:
    if v is True:
        return "true"
    if v is False:
        return "false"
    if v is None:
        return "null"
    if isinstance(v, (int, float)):
        return json.dumps(v)
    s = str(v)
    if PLAIN.match(s) and s.lower() not in RESERVED and not s.endswith(" ") and ": " not in s and " #" not in s:
        return s
    return json.dumps(s, ensure_ascii=False)


def key(k: str) -> str:
    return scalar(k) if not str(k).isdigit() else json.dumps(str(k))


def to_yaml(value, indent: int = 0) -> str:
    pad = " " * indent
    out = []
    if isinstance(value, dict):
        if not value:
            return pad + "{}\n"
        for k, v in value.items():
            if isinstance(v, dict) and v:
                out.append(f"{pad}{key(k)}:\n{to_yaml(v, indent + 2)}")
            elif isinstance(v, list) and v:
                out.append(f"{pad}{key(k)}:\n{to_yaml(v, indent + 2)}")
            elif isinstance(v, (dict, list)):
                out.append(f"{pad}{key(k)}: {'{}' if isinstance(v, dict) else '[]'}\n")
            else:
                out.append(f"{pad}{key(k)}: {scalar(v)}\n")
        return "".join(out)
    for item in value:
        if isinstance(item, (dict, list)) and item:
            inner = to_yaml(item, indent + 2)
            out.append(f"{pad}- {inner[indent + 2:]}")
        elif isinstance(item, (dict, list)):
            out.append(f"{pad}- {'{}' if isinstance(item, dict) else '[]'}\n")
        else:
            out.append(f"{pad}- {scalar(item)}\n")
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# C++ outputs

BANNER = ("// Generated at build time by tools/openapi_document.py from api/leadfeeder-v1.json. "
          "Do not edit.\n")


def cpp_chunks(text: str, name: str) -> str:
    # Pieces well under the 65,536 characters a compiler must accept in one literal (-Woverlength-strings).
    pieces = [text[i:i + 4000] for i in range(0, len(text), 4000)] or [""]
    out = [f"char const* const {name}[] = {{\n"]
    for piece in pieces:
        out.append(f'    R"lfsim({piece})lfsim",\n')
    out.append("};\n")
    return "".join(out)


def simulator_cpp(desc: dict) -> str:
    plain = to_yaml(document(desc))
    perturbed = to_yaml(perturbed_document(desc))
    for text in (plain, perturbed):
        if ")lfsim\"" in text:
            raise ValueError("the document holds the raw-string delimiter")
    return (BANNER + '#include "openapi.hpp"\n\n#include <string>\n\nnamespace lfsim {\nnamespace {\n\n'
            + cpp_chunks(plain, "plain_parts") + "\n" + cpp_chunks(perturbed, "perturbed_parts")
            + "\ntemplate <std::size_t N>\nstd::string joined(char const* const (&parts)[N]) {\n"
              "  std::string out;\n  for (char const* p : parts) out += p;\n  return out;\n}\n\n"
              "}  // namespace\n\n"
              "std::string const& openapi_document(bool perturbed) {\n"
              "  static std::string const plain = joined(plain_parts);\n"
              "  static std::string const changed = joined(perturbed_parts);\n"
              "  return perturbed ? changed : plain;\n}\n\n"
              f'char const* openapi_release_date() {{ return "{RELEASE_DATE}"; }}\n\n'
              "}  // namespace lfsim\n")


def cpp_string(s: str) -> str:
    return json.dumps(s, ensure_ascii=True)


def catalogue_hpp(desc: dict) -> str:
    out = [BANNER, "// Every operation of the description: what `leadfeeder doctor` checks against the vendor's\n"
           "// OpenAPI document.\n#pragma once\n\n#include <string_view>\n\nnamespace leadfeeder_cli {\n\n"
           "struct catalogued_operation {\n  std::string_view id;\n  std::string_view title;\n"
           "  std::string_view method;\n  std::string_view path;\n  std::string_view method_confidence;\n"
           "  std::string_view path_confidence;\n  std::string_view path_alternatives;  ///< space-separated\n};\n\n"
           "inline constexpr catalogued_operation catalogue[] = {\n"]
    for op in desc["operations"]:
        fields = [op["id"], op["title"], op["method"], op["path"], op["method_confidence"], op["path_confidence"],
                  " ".join(op.get("path_alternatives", []))]
        out.append("    {" + ", ".join(cpp_string(f) for f in fields) + "},\n")
    out.append("};\n\n}  // namespace leadfeeder_cli\n")
    return "".join(out)


def write_if_changed(path: Path, text: str) -> None:
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--description", type=Path, default=DESCRIPTION)
    parser.add_argument("--perturbed", action="store_true")
    parser.add_argument("--list-perturbations", action="store_true")
    parser.add_argument("--simulator-cpp", type=Path)
    parser.add_argument("--catalogue-hpp", type=Path)
    args = parser.parse_args(argv)
    try:
        desc = load(args.description)
        if args.simulator_cpp:
            write_if_changed(args.simulator_cpp, simulator_cpp(desc))
        if args.catalogue_hpp:
            write_if_changed(args.catalogue_hpp, catalogue_hpp(desc))
        if args.list_perturbations:
            for p in perturbations(desc):
                print(json.dumps(p, sort_keys=True))
        elif not (args.simulator_cpp or args.catalogue_hpp):
            sys.stdout.write(to_yaml(perturbed_document(desc) if args.perturbed else document(desc)))
    except (OSError, ValueError, KeyError) as e:
        print(f"openapi_document.py: {args.description}: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
