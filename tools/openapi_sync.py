#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Compares the API description with the vendor's OpenAPI document, and with --apply settles it.

    python3 tools/openapi_sync.py --openapi FILE           compare with a saved document (YAML or JSON)
    python3 tools/openapi_sync.py                          fetch BASE_URL/openapi.yaml with the key in
                                                           LEADFEEDER_API_KEY, then compare
    python3 tools/openapi_sync.py ... --save FILE          also keep the fetched document in FILE
    python3 tools/openapi_sync.py ... --apply              write the differences into the description
                                                           (confidence vendor, a note naming the document's
                                                           version and date), then run tools/generate.py
    python3 tools/openapi_sync.py ... --apply --remove-missing
                                                           also remove what the document lacks

Operations are matched by method and path (placeholder names do not matter, only their position),
then by the vendor's operation id or summary against the description's id and title, then by the
description's path_alternatives. A match that is not one to one is reported as ambiguous and never
applied. The report, on standard output, is plain text with one block per operation: confirmed,
differs (method, path, parameters, required flags, ranges, body fields, enum values, paging, response
schema), only in the document, only in the description; then one block per response schema whose
attributes differ. It holds no key and no account data: it is meant to be sent back to the project.

Without --apply nothing is written. With --apply, facts the document confirms are raised to
[vendor]; differing facts are replaced unless the description's fact is [docs] (the vendor's reference
pages outrank the document; that difference is reported, not applied); new operations and parameters
are added; what the document lacks is kept with a note, or removed with --remove-missing. If the
generator refuses the result, the description is restored.

Exit status: 0 when nothing differs (or --apply succeeded), 1 when differences were reported and not
applied, 2 on an error (no document, a fetch that failed, a document that is not OpenAPI 3, a
description the generator refuses). Needs python3-yaml (Debian) to read YAML.
"""

from __future__ import annotations

import argparse
import copy
import datetime
import email.utils
import json
import os
import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DESCRIPTION = Path("api/leadfeeder-v1.json")
DEFAULT_BASE_URL = "https://api.leadfeeder.com"
METHODS = ("get", "post", "put", "patch", "delete")
STRENGTH = {"docs": 0, "vendor": 1, "observed": 2, "inferred": 3}


class SyncError(Exception):
    pass


# ---------------------------------------------------------------------------------------------
# Reading the document


def parse_document(text: str, origin: str) -> dict:
    try:
        import yaml  # python3-yaml
    except ImportError:
        try:
            doc = json.loads(text)
        except ValueError:
            raise SyncError("reading YAML needs python3-yaml (apt-get install python3-yaml)") from None
    else:
        try:
            doc = yaml.safe_load(text)
        except yaml.YAMLError as e:
            raise SyncError(f"{origin} is not YAML or JSON: {str(e).splitlines()[0]}") from None
    if not isinstance(doc, dict) or not str(doc.get("openapi", "")).startswith("3") or \
            not isinstance(doc.get("paths"), dict):
        raise SyncError(f"{origin} is not an OpenAPI 3 document (no openapi: 3.x and paths)")
    return doc


def fetch(base_url: str, key: str, path: str) -> tuple[str, str | None]:
    """The document's text and its Last-Modified date (YYYY-MM-DD) or None. The key is never printed."""
    parts = urllib.parse.urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise SyncError("--base-url must be an http:// or https:// URL")
    url = base_url.rstrip("/") + path
    request = urllib.request.Request(url, headers={
        "X-Api-Key": key, "Accept": "application/yaml, application/json;q=0.9, */*;q=0.1",
        "User-Agent": "leadfeeder-cpp-openapi-sync"})
    shown = urllib.parse.urlunsplit((parts.scheme, parts.hostname + (f":{parts.port}" if parts.port else ""),
                                     path, "", ""))
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read().decode("utf-8", errors="replace")
            modified = response.headers.get("Last-Modified")
    except urllib.error.HTTPError as e:
        code = ""
        try:
            payload = json.loads(e.read().decode("utf-8", errors="replace"))
            code = payload.get("code") or (payload.get("errors") or [{}])[0].get("code") or ""
        except (ValueError, AttributeError, IndexError, TypeError):
            pass
        hint = "; check LEADFEEDER_API_KEY" if e.code in (401, 403) else ""
        raise SyncError(f"GET {shown} answered HTTP {e.code}{' ' + code if code else ''}{hint}") from None
    except (urllib.error.URLError, OSError) as e:
        reason = getattr(e, "reason", e)
        raise SyncError(f"GET {shown} failed: {reason}") from None
    date = None
    if modified:
        try:
            date = email.utils.parsedate_to_datetime(modified).date().isoformat()
        except (TypeError, ValueError):
            date = None
    return body, date


def document_date(doc: dict, fallback: str | None) -> str:
    info = doc.get("info") or {}
    for k in ("x-release-date", "x-date", "x-last-modified", "x-updated"):
        if info.get(k):
            return str(info[k])[:10]
    return fallback or datetime.datetime.now(datetime.timezone.utc).date().isoformat()


def deref(doc: dict, node, depth: int = 0):
    """Follows local $ref pointers (#/components/...)."""
    while isinstance(node, dict) and "$ref" in node and depth < 32:
        target = node["$ref"]
        if not isinstance(target, str) or not target.startswith("#/"):
            return {}
        cur = doc
        for part in target[2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            cur = cur.get(part) if isinstance(cur, dict) else None
            if cur is None:
                return {}
        node = cur
        depth += 1
    return node if isinstance(node, dict) else {}


def ref_name(node) -> str | None:
    if isinstance(node, dict) and isinstance(node.get("$ref"), str):
        return node["$ref"].rsplit("/", 1)[-1]
    return None


def norm_path(path: str) -> str:
    return re.sub(r"\{[^}]*\}", "{}", path.rstrip("/") or "/")


def norm_name(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", str(text).lower())


def snake(text: str) -> str:
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", str(text))
    return re.sub(r"[^a-z0-9]+", "_", s.lower()).strip("_")


def as_list(value) -> list:
    return value if isinstance(value, list) else []


def as_dict(value) -> dict:
    return value if isinstance(value, dict) else {}


def vendor_operations(doc: dict) -> list[dict]:
    out = []
    for path, item in doc["paths"].items():
        item = deref(doc, item)
        if not isinstance(item, dict):
            continue
        shared = [deref(doc, p) for p in as_list(item.get("parameters"))]
        for method in METHODS:
            op = item.get(method)
            if not isinstance(op, dict):
                continue
            params = {}
            for p in shared + [deref(doc, p) for p in as_list(op.get("parameters"))]:
                if p.get("in") in ("path", "query") and isinstance(p.get("name"), str) and p["name"]:
                    params[(p["in"], p["name"])] = p
            out.append({"method": method.upper(), "path": str(path), "norm": norm_path(str(path)),
                        "operationId": str(op.get("operationId") or ""), "summary": str(op.get("summary") or ""),
                        "tags": as_list(op.get("tags")), "description": str(op.get("description") or ""),
                        "params": list(params.values()), "op": op})
    return out


# ---------------------------------------------------------------------------------------------
# What the document says, in the description's terms


def vendor_param(doc: dict, p: dict) -> dict:
    schema = deref(doc, p.get("schema") or {})
    t = schema.get("type")
    items = deref(doc, schema.get("items") or {})
    enum = None
    if t == "array":
        if items.get("enum"):
            kind, enum = "enum_set", [str(v) for v in items["enum"]]
        else:
            kind = "string_list"
    elif t in ("integer", "number"):
        kind = "integer"
    elif t == "boolean":
        kind = "boolean"
    elif schema.get("enum"):
        kind, enum = "enum", [str(v) for v in schema["enum"]]
    elif schema.get("format") == "date":
        kind = "date"
    elif schema.get("pattern") in ("^[0-9]{4}-[0-9]{2}$", r"^\d{4}-\d{2}$"):
        kind = "month"
    else:
        kind = "string"
    return {"name": p["name"], "in": p["in"], "required": bool(p.get("required")), "type": kind, "enum": enum,
            "min": schema.get("minimum"), "max": schema.get("maximum"), "max_items": schema.get("maxItems")}


def body_field_type(doc: dict, schema: dict) -> str:
    schema = deref(doc, schema)
    t = schema.get("type")
    if t in ("string",) and schema.get("enum"):
        return "enum"
    if t == "string" and schema.get("format") == "date":
        return "date"
    if t in ("string", "integer", "number", "boolean"):
        return t
    if t == "array":
        items = deref(doc, schema.get("items") or {})
        return "string_list" if items.get("type") == "string" else "object_list"
    return "json"


def fields_of(doc: dict, schema: dict, nest: bool) -> dict:
    schema = deref(doc, schema)
    required = set(x for x in as_list(schema.get("required")) if isinstance(x, str))
    out = {}
    for name, prop in as_dict(schema.get("properties")).items():
        prop = deref(doc, prop)
        inner = as_dict(prop.get("properties"))
        if nest and prop.get("type") == "object" and inner:
            inner_required = set(x for x in as_list(prop.get("required")) if isinstance(x, str))
            for sub, sub_schema in inner.items():
                out[f"{name}.{sub}"] = {"required": sub in inner_required, "type": body_field_type(doc, sub_schema),
                                        "enum": deref(doc, sub_schema).get("enum")}
        else:
            out[name] = {"required": name in required, "type": body_field_type(doc, prop), "enum": prop.get("enum")}
    return out


def vendor_body(doc: dict, op: dict) -> dict | None:
    body = deref(doc, op.get("requestBody") or {})
    content = as_dict(body.get("content"))
    media = next((v for k, v in content.items() if "json" in k), None)
    if not isinstance(media, dict):
        return None
    schema = deref(doc, media.get("schema") or {})
    props = as_dict(schema.get("properties"))
    if set(props) == {"data"}:
        data = deref(doc, props["data"])
        if data.get("type") == "array":
            item = deref(doc, data.get("items") or {})
            rtype = (as_list(deref(doc, as_dict(item.get("properties")).get("type") or {}).get("enum")) or [None])[0]
            return {"kind": "identifiers", "resource_type": rtype, "fields": {}}
        dprops = as_dict(data.get("properties"))
        if "attributes" in dprops:
            rtype = (as_list(deref(doc, dprops.get("type") or {}).get("enum")) or [None])[0]
            attrs = deref(doc, dprops["attributes"])
            return {"kind": "resource", "resource_type": rtype, "fields": fields_of(doc, attrs, True),
                    "extra": bool(attrs.get("additionalProperties"))}
    return {"kind": "flat", "fields": fields_of(doc, schema, True), "extra": bool(schema.get("additionalProperties"))}


def vendor_response(doc: dict, op: dict) -> tuple[str, str | None] | None:
    """(data, schema name) of the success answer: one/list/list_of_lists, or None when it says nothing."""
    responses = as_dict(op.get("responses"))
    for status in ("200", "201", "2XX", "default"):
        res = deref(doc, responses.get(status) or responses.get(int(status) if status.isdigit() else status) or {})
        content = as_dict(res.get("content"))
        media = next((v for k, v in content.items() if "json" in k), None)
        if not isinstance(media, dict):
            continue
        schema = deref(doc, media.get("schema") or {})
        data = as_dict(schema.get("properties")).get("data")
        if data is None:
            return None
        name = ref_name(data)
        if name:
            return "one", name
        data = deref(doc, data)
        if data.get("type") == "array":
            items = data.get("items") or {}
            if ref_name(items):
                return "list", ref_name(items)
            items = deref(doc, items)
            if items.get("type") == "array" and ref_name(items.get("items")):
                return "list_of_lists", ref_name(items["items"])
            return "list", None
        return None
    return None


def vendor_paging(params: list[dict]) -> str:
    names = {p["name"] for p in params if p["in"] == "query"}
    if "page[cursor]" in names:
        return "cursor"
    if "page[num]" in names:
        return "page_number"
    return "none"


# ---------------------------------------------------------------------------------------------
# Matching


def match(desc: dict, vops: list[dict]):
    ops = desc["operations"]
    pairs: list = []  # (op, vop, how)
    ambiguous: list = []  # (vop or op, candidates, how)
    used_ops: set = set()
    used_v: set = set()

    def take(op, vop, how):
        pairs.append((op, vop, how))
        used_ops.add(op["id"])
        used_v.add(id(vop))

    # 1. method and path
    by_key: dict = {}
    for op in ops:
        by_key.setdefault((op["method"], norm_path(op["path"])), []).append(op)
    vby_key: dict = {}
    for v in vops:
        vby_key.setdefault((v["method"], v["norm"]), []).append(v)
    for k, vs in vby_key.items():
        cands = by_key.get(k, [])
        if len(vs) == 1 and len(cands) == 1:
            take(cands[0], vs[0], "method and path")
        elif cands:
            for v in vs:
                ambiguous.append((v, cands, "method and path"))
                used_v.add(id(v))
            used_ops.update(c["id"] for c in cands)

    # 2. the vendor's operation id or summary, 3. the description's alternative spellings
    def stage(keys_of_op, keys_of_v, how):
        rest_ops = [o for o in ops if o["id"] not in used_ops]
        rest_v = [v for v in vops if id(v) not in used_v]
        found = {}
        for v in rest_v:
            vk = keys_of_v(v)
            found[id(v)] = [o for o in rest_ops if vk & keys_of_op(o)]
        claimed: dict = {}
        for v in rest_v:
            for o in found[id(v)]:
                claimed.setdefault(o["id"], []).append(v)
        for v in rest_v:
            cands = found[id(v)]
            if not cands:
                continue
            if len(cands) == 1 and len(claimed[cands[0]["id"]]) == 1:
                take(cands[0], v, how)
            else:
                ambiguous.append((v, cands, how))
                used_v.add(id(v))
                used_ops.update(c["id"] for c in cands)

    stage(lambda o: {norm_name(o["id"]), norm_name(o["title"])} - {""},
          lambda v: {norm_name(v["operationId"]), norm_name(v["summary"])} - {""}, "operation id or summary")
    stage(lambda o: {norm_path(a) for a in o.get("path_alternatives", [])},
          lambda v: {v["norm"]}, "an alternative spelling of the path")
    only_doc = [v for v in vops if id(v) not in used_v]
    only_desc = [o for o in ops if o["id"] not in used_ops]
    order = {o["id"]: i for i, o in enumerate(ops)}
    pairs.sort(key=lambda t: order[t[0]["id"]])
    return pairs, ambiguous, only_doc, only_desc


# ---------------------------------------------------------------------------------------------
# Comparing one operation; each difference knows how to apply itself


class Diff:
    def __init__(self, text: str, apply=None, blocked: str | None = None):
        self.text = text
        self.apply = apply
        self.blocked = blocked  # why it is not applied


def add_note(entry: dict, note: str, key: str = "note") -> None:
    old = entry.get(key)
    if old and note in old:
        return
    entry[key] = f"{old}; {note}" if old else note


def docs_block(confidence: str | None) -> str | None:
    return "the description's fact is [docs]; not applied" if confidence == "docs" else None


def raise_confidence(entry: dict, key: str, source: str, counter: list, note_key: str = "note") -> None:
    if STRENGTH.get(entry.get(key), 0) > STRENGTH["vendor"]:
        was = entry[key]
        entry[key] = "vendor"
        add_note(entry, f"{source} confirms it (was [{was}])", note_key)
        counter.append(1)


def new_param(vp: dict, source: str) -> dict:
    p = {"name": vp["name"], "in": vp["in"], "type": vp["type"] if vp["type"] not in ("enum", "enum_set") else
         ("string" if vp["type"] == "enum" else "string_list"), "required": vp["required"] or vp["in"] == "path",
         "confidence": "vendor"}
    if vp["in"] == "path":
        p["type"] = "string"
    if vp["type"] == "integer":
        for k in ("min", "max"):
            if vp[k] is not None:
                p[k] = int(vp[k])
    if vp["type"] == "string_list" and vp["max_items"] is not None:
        p["max_items"] = int(vp["max_items"])
    note = f"from the {source}"
    if vp["enum"]:
        note += "; values: " + ", ".join(vp["enum"])
    p["note"] = note
    return p


def compare(desc: dict, doc: dict, op: dict, v: dict, source: str, counter: list) -> tuple[list, list]:
    """The differences of a matched pair, and the confirmations to apply (raising confidences)."""
    diffs: list = []
    confirms: list = []
    enums = desc["enums"]

    # Method and path
    if op["method"] != v["method"]:
        def set_method(d, o=op, m=v["method"], was=f"{op['method']} [{op['method_confidence']}]"):
            o["method"], o["method_confidence"] = m, "vendor"
            add_note(o, f"method from the {source} (was {was})", "path_note")
        diffs.append(Diff(f"method: description {op['method']} [{op['method_confidence']}], document {v['method']}",
                          set_method, docs_block(op["method_confidence"])))
    else:
        confirms.append(lambda d, o=op: raise_confidence(o, "method_confidence", source, counter, "path_note"))
    if norm_path(op["path"]) != v["norm"]:
        def set_path(d, o=op, vpath=v["path"], was=op["path_confidence"]):
            ours = [p for p in o["params"] if p["in"] == "path"]
            theirs = re.findall(r"\{([^}]*)\}", vpath)
            if len(ours) == len(theirs):
                names = [p["name"] for p in ours]
            else:
                names = [snake(t) for t in theirs]
                kept = {p["name"]: p for p in ours}
                rest = [p for p in o["params"] if p["in"] != "path"]
                o["params"] = [kept.get(n) or {"name": n, "in": "path", "type": "string", "required": True,
                                               "confidence": "vendor", "note": f"from the {source}"}
                               for n in names] + rest
            it = iter(names)
            old = o["path"]
            o["path"] = re.sub(r"\{[^}]*\}", lambda m: "{" + next(it) + "}", vpath)
            o["path_confidence"] = "vendor"
            add_note(o, f"path from the {source} (was {old} [{was}])", "path_note")
        diffs.append(Diff(f"path: description {op['path']} [{op['path_confidence']}], document {v['path']}",
                          set_path, docs_block(op["path_confidence"])))
    else:
        confirms.append(lambda d, o=op: raise_confidence(o, "path_confidence", source, counter, "path_note"))

    # Parameters (path parameters by position: their names are labels)
    vparams = [vendor_param(doc, p) for p in v["params"]]
    ours_q = {p["name"]: p for p in op["params"] if p["in"] == "query"}
    theirs_q = {p["name"]: p for p in vparams if p["in"] == "query"}
    only_ours = [n for n in ours_q if n not in theirs_q]
    only_theirs = [n for n in theirs_q if n not in ours_q]
    renames = {}
    if len(only_ours) == 1 and len(only_theirs) == 1:
        renames[only_ours[0]] = only_theirs[0]
    for old, new in renames.items():
        def rename(d, o=op, old=old, new=new, was=ours_q[old]["confidence"]):
            p = next(p for p in o["params"] if p["in"] == "query" and p["name"] == old)
            p["name"], p["confidence"] = new, "vendor"
            add_note(p, f"named {new} in the {source} (was {old} [{was}])")
        diffs.append(Diff(f"parameter {old}: the document calls it {new} (renamed)", rename,
                          docs_block(ours_q[old]["confidence"])))
    for n in only_theirs:
        if n in renames.values():
            continue
        vp = theirs_q[n]

        def add(d, o=op, vp=vp):
            o["params"].append(new_param(vp, source))
        diffs.append(Diff(f"parameter {n}: only in the document ({vp['type']}"
                          f"{', required' if vp['required'] else ''})", add))
    for n in only_ours:
        if n in renames:
            continue

        def missing(d, o=op, n=n):
            p = next(p for p in o["params"] if p["in"] == "query" and p["name"] == n)
            if d.get("remove_missing"):
                o["params"].remove(p)
            else:
                add_note(p, f"not in the {source}")
        diffs.append(Diff(f"parameter {n}: only in the description [{ours_q[n]['confidence']}]", missing))
    pairs = [(ours_q[n], theirs_q[n]) for n in ours_q if n in theirs_q]
    pairs += [(ours_q[o], theirs_q[n]) for o, n in renames.items()]
    for mine, theirs in pairs:
        name = mine["name"]
        same = True
        if bool(mine.get("required")) != theirs["required"]:
            same = False

            def set_required(d, p=mine, r=theirs["required"]):
                p["required"], p["confidence"] = r, "vendor"
                add_note(p, f"{'required' if r else 'optional'} in the {source}")
            diffs.append(Diff(f"parameter {name}: required in the {'document' if theirs['required'] else 'description'}"
                              f" only (description {'required' if mine.get('required') else 'optional'}"
                              f" [{mine['confidence']}])", set_required, docs_block(mine["confidence"])))
        compatible = mine["type"] == theirs["type"] or {mine["type"], theirs["type"]} <= {"string", "date", "month"}
        if not compatible:
            same = False
            simple = {"string", "integer", "boolean", "date", "month", "string_list"}

            def set_type(d, p=mine, t=theirs["type"]):
                p["type"], p["confidence"] = t, "vendor"
                p.pop("enum", None)
                add_note(p, f"type {t} in the {source}")
            blocked = docs_block(mine["confidence"]) or (
                None if {mine["type"], theirs["type"]} <= simple else "an enumeration change; describe it by hand")
            diffs.append(Diff(f"parameter {name}: type {mine['type']} in the description, {theirs['type']} in the document",
                              set_type, blocked))
        for ours_key, label in (("min", "minimum"), ("max", "maximum"), ("max_items", "maxItems")):
            value = theirs[ours_key]
            if value is None or mine.get(ours_key) == value:
                continue
            same = False

            def set_range(d, p=mine, k=ours_key, value=value):
                p[k] = int(value)
                p["confidence"] = "vendor"
                add_note(p, f"{k} {value} in the {source}")
            diffs.append(Diff(f"parameter {name}: {label} {mine.get(ours_key, 'unset')} in the description, {value} in "
                              f"the document", set_range, docs_block(mine["confidence"])))
        if theirs["enum"] is not None and mine["type"] in ("enum", "enum_set") and mine.get("enum") in enums:
            enum = enums[mine["enum"]]
            wires = [e["wire"] for e in enum["values"]]
            added = [w for w in theirs["enum"] if w not in wires]
            absent = [w for w in wires if w not in theirs["enum"]]
            if added:
                same = False

                def add_values(d, e=enum, added=added):
                    for w in added:
                        if w not in [x["wire"] for x in e["values"]]:
                            e["values"].append({"wire": w, "confidence": "vendor", "note": f"from the {source}"})
                shared = sum(1 for o in desc["operations"] for p in o["params"] if p.get("enum") == mine["enum"])
                diffs.append(Diff(f"parameter {name}: enum {mine['enum']} lacks {', '.join(added)}"
                                  f"{f' (shared by {shared} parameters)' if shared > 1 else ''}", add_values,
                                  None if len(wires) + len(added) <= 32 else "more than 32 values"))
            if absent:
                same = False

                def absent_values(d, e=enum, absent=absent):
                    for x in list(e["values"]):
                        if x["wire"] in absent:
                            if d.get("remove_missing") and len(e["values"]) > 1:
                                e["values"].remove(x)
                            else:
                                add_note(x, f"not listed for {op['id']} in the {source}")
                diffs.append(Diff(f"parameter {name}: the document does not list {', '.join(absent)} of {mine['enum']}",
                                  absent_values))
            for x in enum["values"]:
                if x["wire"] in theirs["enum"]:
                    confirms.append(lambda d, x=x: raise_confidence(x, "confidence", source, counter))
        if same and name not in renames:
            confirms.append(lambda d, p=mine: raise_confidence(p, "confidence", source, counter))
    ours_path = [p for p in op["params"] if p["in"] == "path"]
    for p in ours_path:
        confirms.append(lambda d, p=p: raise_confidence(p, "confidence", source, counter))

    # Paging
    paging = vendor_paging(vparams)
    if paging != op["pagination"]:
        def set_paging(d, o=op, paging=paging):
            o["pagination"] = paging
            add_note(o, f"{paging} pagination in the {source}", "pagination_note")
        diffs.append(Diff(f"paging: {op['pagination']} in the description, {paging} in the document", set_paging))

    # Body
    vbody = vendor_body(doc, v["op"])
    body = op.get("body")
    if body and not vbody:
        diffs.append(Diff(f"body: only in the description ({body['kind']} [{body['confidence']}])",
                          lambda d, b=body: add_note(b, f"no body in the {source}")))
    elif vbody and not body:
        diffs.append(Diff(f"body: only in the document ({vbody['kind']}: {', '.join(vbody['fields']) or 'no fields'})",
                          None, "a new body; describe it by hand"))
    elif body and vbody:
        if body["kind"] != vbody["kind"]:
            diffs.append(Diff(f"body: {body['kind']} in the description, {vbody['kind']} in the document", None,
                              "a different body kind; describe it by hand"))
        else:
            mine = {f["name"]: f for f in body.get("fields", [])}
            theirs = vbody["fields"]
            body_same = True
            if vbody.get("resource_type") and body.get("resource_type") and vbody["resource_type"] != body["resource_type"]:
                body_same = False

                def set_rtype(d, b=body, t=vbody["resource_type"]):
                    b["resource_type"], b["confidence"] = t, "vendor"
                    add_note(b, f"type {t} in the {source}")
                diffs.append(Diff(f"body: resource type {body['resource_type']} in the description, "
                                  f"{vbody['resource_type']} in the document", set_rtype, docs_block(body["confidence"])))
            for n, f in theirs.items():
                if n not in mine:
                    body_same = False
                    if n.count(".") > 1 or body["kind"] == "identifiers":
                        continue
                    ftype = f["type"] if f["type"] not in ("enum", "object_list") else \
                        ("string" if f["type"] == "enum" else "json")

                    def add_field(d, b=body, n=n, f=f, ftype=ftype):
                        entry = {"name": n, "type": ftype, "confidence": "vendor", "note": f"from the {source}"}
                        if f["required"]:
                            entry["required"] = True
                        if f.get("enum"):
                            entry["note"] += "; values: " + ", ".join(map(str, f["enum"]))
                        b.setdefault("fields", []).append(entry)
                    diffs.append(Diff(f"body field {n}: only in the document ({f['type']}"
                                      f"{', required' if f['required'] else ''})", add_field))
                elif bool(mine[n].get("required")) != f["required"]:
                    body_same = False

                    def set_field_required(d, entry=mine[n], r=f["required"]):
                        entry["required"], entry["confidence"] = r, "vendor"
                        add_note(entry, f"{'required' if r else 'optional'} in the {source}")
                    diffs.append(Diff(f"body field {n}: {'required' if f['required'] else 'optional'} in the document"
                                      f" [{mine[n]['confidence']}]", set_field_required,
                                      docs_block(mine[n]["confidence"])))
                else:
                    confirms.append(lambda d, e=mine[n]: raise_confidence(e, "confidence", source, counter))
            for n, entry in mine.items():
                if n not in theirs and not vbody.get("extra"):
                    body_same = False

                    def field_missing(d, b=body, entry=entry):
                        if d.get("remove_missing"):
                            b["fields"].remove(entry)
                        else:
                            add_note(entry, f"not in the {source}")
                    diffs.append(Diff(f"body field {n}: only in the description [{entry['confidence']}]", field_missing))
            if body_same:
                confirms.append(lambda d, b=body: raise_confidence(b, "confidence", source, counter))

    # Response
    vres = vendor_response(doc, v["op"])
    res = op["response"]
    if vres is not None:
        data, schema = vres
        if (data, schema) != (res["data"], res.get("schema")):
            if schema is None and res["data"] == "raw":
                pass  # both say nothing about the items
            elif schema is None:
                diffs.append(Diff(f"response: {res['data']} {res.get('schema') or ''} in the description, a {data} of "
                                  f"unnamed objects in the document".replace("  ", " "), None, "no schema name to use"))
            else:
                def set_response(d, r=res, data=data, schema=schema):
                    r["data"], r["schema"], r["confidence"] = data, schema, "vendor"
                    add_note(r, f"{data} of {schema} in the {source}")
                blocked = docs_block(res["confidence"]) or (
                    None if schema in desc["schemas"] else f"schema {schema} is not described")
                diffs.append(Diff(f"response: {res['data']} {res.get('schema') or ''} in the description, {data} of "
                                  f"{schema} in the document".replace("  ", " "), set_response, blocked))
        else:
            confirms.append(lambda d, r=res: raise_confidence(r, "confidence", source, counter))
    return diffs, confirms


# ---------------------------------------------------------------------------------------------
# Response schemas: the attributes (or fields) of each schema both sides name


def _generator():
    """tools/generate.py, for the C++ names a new attribute must not take."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import generate
    return generate


def vendor_field_type(doc: dict, desc: dict, schema) -> tuple[str, str | None]:
    name = ref_name(schema)
    if name:
        return ("object", name) if name in desc["schemas"] else ("json", None)
    schema = deref(doc, schema)
    t = schema.get("type")
    if t in ("string", "integer", "number", "boolean"):
        return t, None
    if t == "array":
        items = schema.get("items")
        if ref_name(items) in desc["schemas"]:
            return "array", ref_name(items)
        if deref(doc, items).get("type") == "string":
            return "string_list", None
    return "json", None


def compare_schemas(desc: dict, doc: dict, source: str, counter: list) -> list:
    """[(schema name, [Diff]), ...] for the schemas both name, and the confirmations (as Diffs without text)."""
    gen = _generator()
    out = []
    components = as_dict(as_dict(doc.get("components")).get("schemas"))
    for name in sorted(set(components) & set(desc["schemas"])):
        mine = desc["schemas"][name]
        comp = deref(doc, components[name])
        resource = mine["kind"] == "resource"
        if resource:
            props = as_dict(deref(doc, as_dict(comp.get("properties")).get("attributes") or {}).get("properties"))
            key = "attributes"
        else:
            props = as_dict(comp.get("properties"))
            key = "fields"
        if not props:
            continue  # the document says nothing about them
        fields = {f["name"]: f for f in mine.get(key, [])}
        taken = {gen.cpp_identifier(n) for n in fields if re.match(r"^[A-Za-z_]", n)}
        members = gen.RESOURCE_MEMBERS if resource else gen.OBJECT_MEMBERS
        diffs = []
        for attr, schema in props.items():
            if attr in fields:
                diffs.append(Diff("", lambda d, f=fields[attr]: raise_confidence(f, "confidence", source, counter)))
                continue
            ftype, target = vendor_field_type(doc, desc, schema)
            try:
                ident = gen.cpp_identifier(attr)
                blocked = (f"its C++ name {ident} is taken" if ident in members or ident in taken else None)
            except gen.DescriptionError:
                blocked = "no C++ name can be made of it"
            if not blocked:
                taken.add(ident)

            def add_attr(d, s=mine, key=key, attr=attr, ftype=ftype, target=target):
                entry = {"name": attr, "type": ftype, "confidence": "vendor", "note": f"from the {source}"}
                if target:
                    entry["schema"] = target
                s.setdefault(key, []).append(entry)
            diffs.append(Diff(f"{key[:-1] if key == 'fields' else 'attribute'} {attr}: only in the document "
                              f"({ftype}{' ' + target if target else ''})", add_attr, blocked))
        for attr, f in fields.items():
            if attr in props:
                continue

            def attr_missing(d, s=mine, key=key, f=f):
                if d.get("remove_missing"):
                    s[key].remove(f)
                else:
                    add_note(f, f"not in the {source}")
            diffs.append(Diff(f"{'attribute' if resource else 'field'} {attr}: only in the description "
                              f"[{f['confidence']}]", attr_missing))
        out.append((name, diffs))
    return out


# ---------------------------------------------------------------------------------------------
# New operations


def new_operation(desc: dict, doc: dict, v: dict, source: str) -> tuple[dict | None, str | None]:
    """The description entry of an operation only the document has, or why there is none."""
    segments = [s for s in v["path"].split("/") if s]
    if not segments or segments[0] != "v1":
        return None, "outside /v1, where every operation of the description lives"
    segments = segments[1:]
    if not segments or segments[0].startswith("{"):
        return None, "no collection segment to name its group by"
    groups = desc["groups"]
    group = None
    for tag in v["tags"]:
        group = next((g for g, info in groups.items() if info.get("title", "").lower() == str(tag).lower()), None)
        if group:
            break
    first = snake(segments[0])
    if group is None and first in groups:
        group = first
    create_group = None
    if group is None:
        if not re.match(r"^[a-z][a-z0-9_]*$", first):
            return None, f"cannot make a group name of {segments[0]!r}"
        group = first
        create_group = {"title": segments[0].replace("-", " ").replace("_", " ").title(), "header": f"{first}.hpp"}
    last = segments[-1]
    method = v["method"]
    if last.startswith("{"):
        verb = {"GET": "get", "PATCH": "update", "PUT": "update", "DELETE": "delete"}.get(method)
    elif len(segments) == 1:
        verb = {"GET": "list", "POST": "create"}.get(method)
    else:
        verb = None
    if verb is None:
        words = snake(v["operationId"] or v["summary"] or last).split("_")
        words = [w for w in words if w not in group.split("_")] or [snake(last)]
        verb = "_".join(words)
    op_id = f"{group}.{verb}"
    taken = {o["id"] for o in desc["operations"]}
    if op_id in taken:
        op_id = f"{group}.{verb}_{snake(last.strip('{}'))}"
    if op_id in taken:
        return None, f"its id {op_id} is taken"
    vparams = [vendor_param(doc, p) for p in v["params"]]
    names = [snake(n) for n in re.findall(r"\{([^}]*)\}", v["path"])]
    it = iter(names)
    path = re.sub(r"\{[^}]*\}", lambda m: "{" + next(it) + "}", v["path"])
    params = [{"name": n, "in": "path", "type": "string", "required": True, "confidence": "vendor"} for n in names]
    params += [new_param(p, source) for p in vparams if p["in"] == "query"]
    vres = vendor_response(doc, v["op"])
    response = {"data": "raw", "confidence": "vendor", "note": f"from the {source}"}
    if vres and vres[1] in desc["schemas"]:
        response = {"data": vres[0], "schema": vres[1], "confidence": "vendor"}
    elif vres and vres[1]:
        response["note"] += f"; the document names {vres[1]}, which is not described"
    pagination = vendor_paging(vparams)
    entry = {"id": op_id, "title": v["summary"] or v["operationId"] or op_id, "reference": source,
             "method": method, "method_confidence": "vendor", "path": path, "path_confidence": "vendor",
             "path_note": f"from the {source}", "doc": (v["description"] or v["summary"] or op_id).strip(),
             "params": params, "response": response,
             "pagination": pagination if pagination == "none" or response["data"] == "list" else "none",
             "credits": "unknown; read meta.credits.charged"}
    if entry["pagination"] != pagination:
        entry["pagination_note"] = f"{pagination} in the {source}, but the answer is not a described list"
    vbody = vendor_body(doc, v["op"])
    if vbody and vbody["kind"] in ("flat", "resource") and vbody.get("resource_type", "x"):
        fields = [{"name": n, "type": f["type"] if f["type"] not in ("enum", "object_list") else
                   ("string" if f["type"] == "enum" else "json"), "confidence": "vendor",
                   **({"required": True} if f["required"] else {})}
                  for n, f in vbody["fields"].items() if n.count(".") <= 1]
        entry["body"] = {"kind": vbody["kind"], "confidence": "vendor", "fields": fields}
        if vbody["kind"] == "resource":
            entry["body"]["resource_type"] = vbody["resource_type"]
        if vbody.get("extra") or not fields:
            entry["body"]["extra"] = True
    elif vbody and vbody["kind"] == "identifiers" and vbody.get("resource_type"):
        entry["body"] = {"kind": "identifiers", "resource_type": vbody["resource_type"],
                         "setter": f"{snake(vbody['resource_type'])}_ids", "required": True, "confidence": "vendor"}
    return {"op": entry, "group": group, "create_group": create_group}, None


# ---------------------------------------------------------------------------------------------
# Writing the description


def dump(value, indent: int = 0) -> str:
    """JSON with small objects and lists on one line, the rest indented: close to the hand-kept style."""
    flat = json.dumps(value, ensure_ascii=False)
    if len(flat) + indent <= 118 or not isinstance(value, (dict, list)) or not value:
        return flat
    leaves = value.values() if isinstance(value, dict) else value
    if all(not isinstance(v, (dict, list)) or not v for v in leaves):
        return flat  # a parameter, a field, an enum value: one line, however long
    pad = " " * (indent + 2)
    if isinstance(value, dict):
        items = [f"{pad}{json.dumps(k)}: {dump(v, indent + 2)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    items = [f"{pad}{dump(v, indent + 2)}" for v in value]
    return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"


_WS = re.compile(r"[ \t\r\n]*")
_DECODER = json.JSONDecoder()


def _skip(text: str, i: int) -> int:
    return _WS.match(text, i).end()


def _array_spans(text: str, i: int) -> list:
    """(start, end) of each element of the array whose '[' is at i."""
    i = _skip(text, i + 1)
    out = []
    if text[i] == "]":
        return out
    while True:
        _, end = _DECODER.raw_decode(text, i)
        out.append((i, end))
        i = _skip(text, end)
        if text[i] == "]":
            return out
        if text[i] != ",":
            raise ValueError("not an array")
        i = _skip(text, i + 1)


def _object_spans(text: str, i: int) -> dict:
    """key -> (value start, value end) of the object whose '{' is at i."""
    i = _skip(text, i + 1)
    out = {}
    if text[i] == "}":
        return out
    while True:
        key, end = _DECODER.raw_decode(text, i)
        i = _skip(text, end)
        if text[i] != ":":
            raise ValueError("not an object")
        i = _skip(text, i + 1)
        _, end = _DECODER.raw_decode(text, i)
        out[key] = (i, end)
        i = _skip(text, end)
        if text[i] == "}":
            return out
        if text[i] != ",":
            raise ValueError("not an object")
        i = _skip(text, i + 1)


def splice(original: str, old: dict, new: dict) -> str:
    """The new description as the old text with only what changed rewritten (groups and enums by
    entry, operations one by one), so that `git diff api/` shows the fix and not a new layout.
    Falls back to a full dump when the change is of another kind."""
    try:
        sections = ("groups", "enums", "schemas", "operations")
        if {k: v for k, v in old.items() if k not in sections} != {k: v for k, v in new.items() if k not in sections}:
            raise ValueError("other sections changed")
        top = _object_spans(original, _skip(original, 0))
        edits = []  # (start, end, text)
        for section in ("groups", "enums", "schemas"):
            if old[section] == new[section]:
                continue
            spans = _object_spans(original, top[section][0])
            if any(k not in new[section] for k in old[section]):
                raise ValueError(f"{section} lost an entry")
            for k, (a, b) in spans.items():
                if old[section][k] != new[section][k]:
                    edits.append((a, b, dump(new[section][k], 4)))
            added = [k for k in new[section] if k not in old[section]]
            if added:
                end = max(b for _, b in spans.values())
                edits.append((end, end, "".join(f",\n    {json.dumps(k)}: {dump(new[section][k], 4)}" for k in added)))
        spans = _array_spans(original, top["operations"][0])
        old_ops = old["operations"]
        new_by_id = {o["id"]: o for o in new["operations"]}
        old_ids = [o["id"] for o in old_ops]
        if [o["id"] for o in new["operations"] if o["id"] in set(old_ids)] != [i for i in old_ids if i in new_by_id]:
            raise ValueError("operations reordered")
        kept_end = None
        for n, (op, (a, b)) in enumerate(zip(old_ops, spans)):
            if op["id"] not in new_by_id:
                start = spans[n - 1][1] if n > 0 else a
                end = b if n > 0 else (spans[n + 1][0] if n + 1 < len(spans) else b)
                edits.append((start, end, ""))
                continue
            kept_end = b
            if new_by_id[op["id"]] != op:
                edits.append((a, b, dump(new_by_id[op["id"]], 4)))
        added = [o for o in new["operations"] if o["id"] not in set(old_ids)]
        if added:
            if kept_end is None:
                raise ValueError("no operation left to append after")
            edits.append((kept_end, kept_end, "".join(f",\n    {dump(o, 4)}" for o in added)))
        text = original
        for a, b, t in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
            text = text[:a] + t + text[b:]
        if json.loads(text) != new:
            raise ValueError("the splice does not read back")
        return text
    except (ValueError, KeyError, IndexError):
        return dump(new) + "\n"


def describe_v(v: dict) -> str:
    label = " ".join(x for x in (v["operationId"], f'"{v["summary"]}"' if v["summary"] else "") if x)
    return f"{v['method']} {v['path']}" + (f"  ({label})" if label else "")


def run(args) -> int:
    root = args.root.resolve()
    desc_path = root / DESCRIPTION
    try:
        original = desc_path.read_text(encoding="utf-8")
        desc = json.loads(original)
    except (OSError, ValueError) as e:
        raise SyncError(f"cannot read {DESCRIPTION}: {e}") from None
    fetched_date = None
    if args.openapi:
        try:
            text = Path(args.openapi).read_text(encoding="utf-8")
        except OSError as e:
            raise SyncError(f"cannot read {args.openapi}: {e.strerror}") from None
        origin = Path(args.openapi).name
        try:
            fetched_date = datetime.datetime.fromtimestamp(os.path.getmtime(args.openapi),
                                                           datetime.timezone.utc).date().isoformat()
        except OSError:
            fetched_date = None
    else:
        key = os.environ.get("LEADFEEDER_API_KEY", "")
        if not key:
            raise SyncError("give --openapi FILE, or set LEADFEEDER_API_KEY to fetch the document")
        text, fetched_date = fetch(args.base_url, key, args.path)
        origin = "the fetched document"
        if args.save:
            try:
                Path(args.save).write_text(text, encoding="utf-8")
            except OSError as e:
                raise SyncError(f"cannot write {args.save}: {e.strerror}") from None
    doc = parse_document(text, origin)
    info = doc.get("info") or {}
    version = str(info.get("version") or "unversioned")
    date = args.date or document_date(doc, fetched_date)
    source = f"vendor OpenAPI {version} of {date}"

    vops = vendor_operations(doc)
    pairs, ambiguous, only_doc, only_desc = match(desc, vops)
    out = sys.stdout
    out.write(f"openapi_sync: {info.get('title') or 'untitled'} {version} of {date}: {len(vops)} operations; "
              f"the description: {len(desc['operations'])} operations\n\n")
    counter: list = []
    actions: list = []  # (label, apply) in order
    confirms: list = []
    blocked = 0
    counts = {"confirmed": 0, "differs": 0}
    for op, v, how in pairs:
        diffs, conf = compare(desc, doc, op, v, source, counter)
        confirms.extend(conf)
        state = "differs" if diffs else "confirmed"
        counts[state] += 1
        via = "" if how == "method and path" else f"  (matched by {how})"
        out.write(f"{state:<9} {op['id']}  {op['method']} {op['path']}{via}\n")
        for d in diffs:
            tail = f"  [not applied: {d.blocked}]" if d.blocked else ("" if d.apply else "  [report only]")
            out.write(f"    {d.text}{tail}\n")
            if d.apply and not d.blocked:
                actions.append(d.apply)
            else:
                blocked += 1
    for v in only_doc:
        out.write(f"only in the document  {describe_v(v)}\n")
        made, why = new_operation(desc, doc, v, source)
        if made:
            out.write(f"    would be added as {made['op']['id']}"
                      f"{' (a new group ' + made['group'] + ')' if made['create_group'] else ''}\n")

            def add_op(d, made=made):
                if made["create_group"] and made["group"] not in d["groups"]:
                    d["groups"][made["group"]] = made["create_group"]
                d["operations"].append(made["op"])
            actions.append(add_op)
        else:
            out.write(f"    [not applied: {why}]\n")
            blocked += 1
    for op in only_desc:
        out.write(f"only in the description  {op['id']}  {op['method']} {op['path']} "
                  f"(method [{op['method_confidence']}], path [{op['path_confidence']}])\n")

        def missing_op(d, op=op):
            if d.get("remove_missing"):
                d["operations"].remove(op)
            else:
                add_note(op, f"not in the {source}")
        actions.append(missing_op)
    for thing, cands, how in ambiguous:
        names = ", ".join(c["id"] for c in cands)
        out.write(f"ambiguous  {describe_v(thing)}: matches {names} by {how}  [not applied]\n")
    schema_diffs = 0
    compared = compare_schemas(desc, doc, source, counter)
    for name, diffs in compared:
        shown = [d for d in diffs if d.text]
        confirms.extend(d.apply for d in diffs if not d.text)
        if not shown:
            continue
        schema_diffs += 1
        out.write(f"schema    {name} differs\n")
        for d in shown:
            tail = f"  [not applied: {d.blocked}]" if d.blocked else ""
            out.write(f"    {d.text}{tail}\n")
            if d.blocked:
                blocked += 1
            else:
                actions.append(d.apply)
    total_diff = counts["differs"] + len(only_doc) + len(only_desc) + len(ambiguous) + schema_diffs
    out.write(f"\n{counts['confirmed']} confirmed, {counts['differs']} differ, {len(only_doc)} only in the document, "
              f"{len(only_desc)} only in the description, {len(ambiguous)} ambiguous\n"
              f"schemas: {len(compared)} compared, {schema_diffs} differ\n")
    if not args.apply:
        if total_diff:
            out.write("nothing written; --apply writes these into the description\n")
        return 1 if total_diff else 0

    work = desc
    work["remove_missing"] = bool(args.remove_missing)
    try:
        for a in confirms:
            a(work)
        for a in actions:
            a(work)
    finally:
        work.pop("remove_missing", None)
    new_text = splice(original, json.loads(original), work)
    if new_text == original or json.loads(new_text) == json.loads(original):
        out.write("applied: nothing to change\n")
        return 0
    desc_path.write_text(new_text, encoding="utf-8", newline="\n")
    gen = subprocess.run([sys.executable, str(root / "tools" / "generate.py"), "--root", str(root)],
                         capture_output=True, text=True)
    if gen.returncode != 0:
        desc_path.write_text(original, encoding="utf-8", newline="\n")
        restore = subprocess.run([sys.executable, str(root / "tools" / "generate.py"), "--root", str(root)],
                                 capture_output=True, text=True)
        message = (gen.stderr or gen.stdout).strip().splitlines()
        raise SyncError("the generator refused the result, so the description is restored: "
                        + (message[-1] if message else f"exit {gen.returncode}")
                        + ("" if restore.returncode == 0 else "; regenerating the restored one failed too"))
    out.write(f"applied: {len(actions)} changes, {len(counter)} facts raised to [vendor]"
              f"{f', {blocked} not applied' if blocked else ''}; {DESCRIPTION} written and regenerated "
              f"(python3 tools/generate.py); rebuild and run the tests\n")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--openapi", metavar="FILE", help="a saved OpenAPI document (YAML or JSON)")
    parser.add_argument("--base-url", default=DEFAULT_BASE_URL, help=f"where to fetch it (default {DEFAULT_BASE_URL})")
    parser.add_argument("--path", default="/openapi.yaml", help="the document's path on that host")
    parser.add_argument("--save", metavar="FILE", help="keep the fetched document in FILE")
    parser.add_argument("--date", help="the document's date (YYYY-MM-DD) for the source note, when it has none")
    parser.add_argument("--apply", action="store_true", help="write the differences, then regenerate")
    parser.add_argument("--remove-missing", action="store_true",
                        help="with --apply, remove operations, parameters and fields the document lacks")
    parser.add_argument("--root", type=Path, default=ROOT, help="the repository (default: this one)")
    args = parser.parse_args(argv)
    if args.remove_missing and not args.apply:
        parser.error("--remove-missing needs --apply")
    if args.date and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", args.date):
        parser.error("--date takes YYYY-MM-DD")
    try:
        return run(args)
    except SyncError as e:
        sys.stdout.flush()
        print(f"openapi_sync: error: {e}", file=sys.stderr)
        return 2
    except OSError as e:
        sys.stdout.flush()
        print(f"openapi_sync: error: {e.strerror or e}: {e.filename or ''}", file=sys.stderr)
        return 2
    except (KeyError, TypeError, AttributeError, ValueError, IndexError, StopIteration) as e:
        sys.stdout.flush()
        print(f"openapi_sync: error: the document or the description has a shape this tool does not read "
              f"({type(e).__name__}: {e})", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
