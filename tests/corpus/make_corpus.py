#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes the hostile-response corpus: tests/corpus/responses/*.json and tests/corpus/manifest.tsv.

Every file is a raw response body. The manifest has one line per file:

    <file>\t<HTTP status to answer with>\t<expected outcome>

where the outcome is `ok` (a value), `invalid_response`, or the name of another lf::errc
(`server_error`, `forbidden`, ...). test_corpus.cpp answers contacts.retrieve and companies.get
with each file at that status and checks the outcome, then reads every accessor of every view.

Python standard library only, and deterministic: the same sources give the same bytes. The
sources are tests/fixtures/contacts_retrieve.response.json (the Retrieve Contacts example) and
api/leadfeeder-v1.json (the field lists of ContactV1, CompanyV1 and the schemas they use).

    python3 tests/corpus/make_corpus.py           # rewrite the corpus
    python3 tests/corpus/make_corpus.py --check   # exit 1 when the committed files differ
"""

import copy
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "contacts_retrieve.response.json"
SPEC = ROOT / "api" / "leadfeeder-v1.json"
OUT_DIR = HERE / "responses"
MANIFEST = HERE / "manifest.tsv"

MAX_DEPTH = 64  # LEADFEEDER_MAX_JSON_DEPTH: the parser refuses deeper nesting
LONG = 1 << 18  # 256 KiB: long enough to cross every buffer and block size the client uses

ERRC_NAMES = {
    "ok", "invalid_response", "unauthorized", "forbidden", "not_found", "bad_request",
    "unprocessable", "rate_limited", "server_error", "unexpected_status", "buffer_exhausted",
}
NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*\.json$")


# ---- helpers ---------------------------------------------------------------------------------

def compact(value):
    """JSON text, compact, UTF-8 as is (no \\u escapes of non-ASCII)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False).encode("utf-8")


def pretty(value):
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def nesting(value):
    """The number of nested containers, as Boost.JSON's max_depth counts them."""
    if isinstance(value, dict):
        return 1 + max((nesting(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((nesting(v) for v in value), default=0)
    return 0


def text_nesting(text):
    """The deepest bracket nesting of JSON text (strings skipped)."""
    depth = deepest = 0
    in_string = escaped = False
    for b in text:
        c = chr(b)
        if in_string:
            if escaped:
                escaped = False
            elif c == "\\":
                escaped = True
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
        elif c in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif c in "]}":
            depth -= 1
    return deepest


def expected_for_status(status, api_code=""):
    """lf::errc_from_status for a non-2xx status."""
    auth_codes = {"missing_token", "invalid_api_key", "access_denied", "api_key_expired", "invalid_token",
                  "token_expired", "token_revoked", "oauth_app_inactive", "oauth_app_not_found",
                  "unauthorized", "unauthenticated"}
    if 200 <= status < 300:
        raise ValueError("2xx has no error")
    fixed = {400: "bad_request", 401: "unauthorized", 404: "not_found", 422: "unprocessable", 429: "rate_limited"}
    if status == 403:
        return "unauthorized" if api_code in auth_codes else "forbidden"
    if status in fixed:
        return fixed[status]
    if 500 <= status < 600:
        return "server_error"
    return "unexpected_status"


class Corpus:
    def __init__(self):
        self.files = {}   # name -> bytes
        self.lines = []   # (name, status, outcome)

    def add(self, name, body, status=200, outcome="ok"):
        if isinstance(body, str):
            body = body.encode("utf-8")
        name = name if name.endswith(".json") else name + ".json"
        if not NAME_RE.match(name):
            raise ValueError(f"bad file name {name!r}")
        if name in self.files:
            raise ValueError(f"duplicate file name {name!r}")
        if outcome not in ERRC_NAMES:
            raise ValueError(f"unknown outcome {outcome!r}")
        self.files[name] = body
        self.lines.append((name, status, outcome))

    def add_decoded(self, name, body, status=200, outcome=None):
        """A 2xx body whose outcome follows from what the client checks: JSON that parses within
        the depth limit, whose root is an object (or absent), whose data is an object, an array or
        null, and that is not an error body without data."""
        self.add(name, body, status, outcome or decode_outcome(body))


def decode_outcome(body):
    """What client::decode makes of a 2xx body answering contacts.retrieve or companies.get, for
    bodies Python's json module reads the way Boost.JSON does (no NaN, no lone surrogates, no
    duplicate keys, no huge exponents: those are written by hand). Both operations expect data,
    so an empty body (or `null`) is invalid_response; only operations without typed data (a delete)
    take it as an answer."""
    if isinstance(body, str):
        body = body.encode("utf-8")
    if body.strip(b" \t\r\n") == b"":
        return "invalid_response"
    if text_nesting(body) > MAX_DEPTH:
        return "invalid_response"
    try:
        # Numbers are not converted: Python limits the digits of an int, Boost.JSON does not.
        value = json.loads(body.decode("utf-8"), parse_constant=_refuse_constant,
                           parse_int=lambda s: 0, parse_float=lambda s: 0.0)
    except (UnicodeDecodeError, ValueError):
        return "invalid_response"
    if value is None:
        return "invalid_response"
    if not isinstance(value, dict):
        return "invalid_response"
    if "data" not in value:
        return "invalid_response" if ("errors" in value or "error" in value or "code" in value) else "ok"
    data = value["data"]
    return "ok" if data is None or isinstance(data, (dict, list)) else "invalid_response"


def _refuse_constant(name):
    raise ValueError(f"{name} is not JSON")


# ---- the sources -------------------------------------------------------------------------------

def load_spec():
    return json.loads(SPEC.read_text(encoding="utf-8"))["schemas"]


def fields_of(schema):
    return schema.get("attributes", schema.get("fields", []))


def sample_field(schemas, field, depth):
    kind = field["type"]
    name = field["name"]
    if kind == "string":
        return f"{name} value"
    if kind == "integer":
        return 42
    if kind == "number":
        return 0.25
    if kind == "boolean":
        return True
    if kind == "string_list":
        return [f"{name} one", f"{name} two"]
    if kind == "json":
        return {"kind": "json", "items": [1, "two", None, False]}
    if kind == "object":
        return sample_object(schemas, field["schema"], depth)
    if kind == "array":
        return [sample_object(schemas, field["schema"], depth)]
    if kind == "map":
        return {"key_one": sample_object(schemas, field["schema"], depth)}
    raise ValueError(f"unknown field type {kind}")


def sample_object(schemas, name, depth):
    schema = schemas[name]
    if schema["kind"] == "resource":
        return sample_resource(schemas, name, depth + 1)
    return {f["name"]: sample_field(schemas, f, depth) for f in fields_of(schema)}


def sample_resource(schemas, name, depth, ident="1001"):
    """A resource with every attribute; its relationships in full at depth 0, as stubs below."""
    schema = schemas[name]
    out = {"type": schema.get("type", name.lower()), "id": ident}
    attributes = {f["name"]: sample_field(schemas, f, depth) for f in fields_of(schema)}
    if attributes:
        out["attributes"] = attributes
    relationships = {}
    for i, rel in enumerate(schema.get("relationships", [])):
        target = rel["schema"]
        if target == "json" or target not in schemas:
            one = {"id": f"{2000 + i}", "type": rel["name"], "extra": [1, {"x": None}]}
        elif depth == 0:
            one = sample_resource(schemas, target, depth + 1, f"{2000 + i}")
        else:
            one = {"id": f"{2000 + i}", "type": schemas[target].get("type", target.lower())}
        relationships[rel["name"]] = [one] if rel["to"] == "many" else one
    if relationships:
        out["relationships"] = relationships
    return out


def response_meta():
    return {"credits": {"charged": 1}, "request_id": "0b7c5c7e-5f0f-4a43-9c52-4a7c9c3b4a11",
            "pagination": {"page_num": 1, "page_count": 3, "total_count": 61, "next_cursor": "c2VhcmNo"}}


def fill_missing(schemas, name, have, sample):
    """Adds to `have` what `sample` has and `have` lacks, recursively through objects."""
    for key, value in sample.items():
        if key not in have or have[key] is None:
            have[key] = copy.deepcopy(value)
        elif isinstance(value, dict) and isinstance(have[key], dict):
            fill_missing(schemas, name, have[key], value)
        elif isinstance(value, list) and isinstance(have[key], list) and value and isinstance(value[0], dict):
            for element in have[key]:
                if isinstance(element, dict):
                    fill_missing(schemas, name, element, value[0])
    return have


def contact_document(schemas):
    doc = json.loads(FIXTURE.read_text(encoding="utf-8"))
    contact = doc["data"][0]
    fill_missing(schemas, "ContactV1", contact, sample_resource(schemas, "ContactV1", 0, contact["id"]))
    doc["meta"] = fill_missing(schemas, "ResponseMeta", doc.get("meta", {}), response_meta())
    return doc


def company_document(schemas):
    return {"data": sample_resource(schemas, "CompanyV1", 0, "129011"), "meta": response_meta()}


# ---- wrong types -----------------------------------------------------------------------------

KINDS = {  # each wrong value, and the field types for which it is not wrong
    "string": ("wrong type", {"string"}),
    "number": (31337, {"integer", "number"}),
    "object": ({"unexpected": ["object", 1]}, {"object", "map"}),
    "array": (["unexpected", 2, {}], {"array", "string_list"}),
    "null": (None, set()),
    "true": (True, {"boolean"}),
}


def field_paths(schemas, field, path, doc_value):
    """(path, type) for a field and everything under it."""
    yield path, field["type"]
    kind = field["type"]
    schema = schemas.get(field.get("schema", ""), {})
    if kind == "object" and schema.get("kind") == "object":
        for sub in fields_of(schema):
            yield from field_paths(schemas, sub, path + [sub["name"]], (doc_value or {}).get(sub["name"]))
    elif kind == "array" and schema.get("kind") == "object":
        yield path + [0], "object"
        element = doc_value[0] if isinstance(doc_value, list) and doc_value else {}
        for sub in fields_of(schema):
            yield from field_paths(schemas, sub, path + [0, sub["name"]], element.get(sub["name"]))
    elif kind == "map" and schema.get("kind") == "object":
        key = next(iter(doc_value)) if isinstance(doc_value, dict) and doc_value else "key_one"
        yield path + [key], "object"
        for sub in fields_of(schema):
            yield from field_paths(schemas, sub, path + [key, sub["name"]], doc_value.get(key, {}).get(sub["name"]))
    elif kind == "string_list":
        yield path + [0], "string"


def resource_paths(schemas, name, path, resource, related_depth):
    """(path, type) for every field of a resource: its members, every attribute and everything
    under it, every relationship, and (one level down) the members and attributes of each related
    resource."""
    schema = schemas[name]
    yield path + ["type"], "string"
    yield path + ["id"], "string"
    yield path + ["attributes"], "object"
    attributes = resource.get("attributes", {})
    for field in fields_of(schema):
        yield from field_paths(schemas, field, path + ["attributes", field["name"]], attributes.get(field["name"]))
    if not schema.get("relationships"):
        return
    yield path + ["relationships"], "object"
    for rel in schema["relationships"]:
        rel_path = path + ["relationships", rel["name"]]
        yield rel_path, "array" if rel["to"] == "many" else "object"
        target = rel["schema"]
        if related_depth > 0 or target not in schemas:
            continue
        value = resource.get("relationships", {}).get(rel["name"])
        element_path = rel_path
        if rel["to"] == "many":
            element_path = rel_path + [0]
            yield element_path, "object"
            value = value[0] if isinstance(value, list) and value else {}
        yield from ((p, t) for p, t in resource_paths(schemas, target, element_path, value or {}, related_depth + 1)
                    if len(p) <= len(element_path) + 2)


def meta_paths(schemas):
    meta = {"name": "meta", "type": "object", "schema": "ResponseMeta"}
    yield from field_paths(schemas, meta, ["meta"], response_meta())


def set_path(doc, path, value):
    node = doc
    for key in path[:-1]:
        if isinstance(key, int):
            while len(node) <= key:
                node.append({})
            node = node[key]
        else:
            if not isinstance(node.get(key), (dict, list)):
                node[key] = [] if isinstance(path[path.index(key) + 1], int) else {}
            node = node[key]
    last = path[-1]
    if isinstance(last, int):
        while len(node) <= last:
            node.append(None)
    node[last] = copy.deepcopy(value)


def path_name(path):
    return ".".join(str(p) for p in path)


def add_wrong_types(corpus, schemas, label, doc, data_path, schema_name):
    resource = doc
    for key in data_path:
        resource = resource[key]
    paths = [(data_path + p, t) for p, t in resource_paths(schemas, schema_name, [], resource, 0)]
    paths += list(meta_paths(schemas))
    seen = set()
    fields = []
    for path, type_ in paths:
        key = path_name(path)
        if key not in seen:
            seen.add(key)
            fields.append((path, type_))
    # One wrong kind per field, taking the kinds in turn, so that every field is hit and every kind
    # is used across the fields...
    for number, (path, type_) in enumerate(fields):
        shown = path_name(path[len(data_path):]) if path[:len(data_path)] == data_path else path_name(path)
        wrong = [kind for kind, (_, right_for) in KINDS.items() if type_ not in right_for]
        kind = wrong[number % len(wrong)]
        mutated = copy.deepcopy(doc)
        set_path(mutated, path, KINDS[kind][0])
        corpus.add(f"wrong_type_{label}_{shown}_{kind}.json", compact(mutated))
    # ...and, for every kind, one document where every leaf field that kind is wrong for holds it.
    names = {path_name(p) for p, _ in fields}
    for kind, (value, right_for) in KINDS.items():
        mutated = copy.deepcopy(doc)
        for path, type_ in fields:
            prefix = path_name(path) + "."
            is_leaf = not any(other.startswith(prefix) for other in names)
            if is_leaf and type_ not in right_for:
                set_path(mutated, path, value)
        corpus.add(f"wrong_type_{label}_every_leaf_{kind}.json", compact(mutated))


# ---- the categories --------------------------------------------------------------------------

def add_malformed(corpus):
    cases = {
        "unquoted_key": "{data: []}",
        "single_quotes": "{'data': []}",
        "trailing_comma_array": '{"data": [1,]}',
        "trailing_comma_object": '{"data": [],}',
        "missing_colon": '{"data" []}',
        "missing_value": '{"data":}',
        "missing_key": '{:[]}',
        "missing_comma": '{"data":[] "meta":{}}',
        "leading_comma": '{,"data":[]}',
        "double_comma": '{"data":[1,,2]}',
        "lone_comma": "{,}",
        "unclosed_array": '{"data": [}',
        "unclosed_object": '{"data": []',
        "unclosed_string": '{"data": "abc',
        "unclosed_string_at_key": '{"da',
        "close_only": "}",
        "close_array_only": "]",
        "extra_close": '{"data":[]}}',
        "mismatched_brackets": '{"data":[}]',
        "truncated_true": '{"data": tru}',
        "truncated_false": '{"data":[fals]}',
        "truncated_null": '{"data":nul}',
        "capital_true": '{"data":[True]}',
        "undefined": '{"data":undefined}',
        "nan": '{"data":[NaN]}',
        "infinity": '{"data":[Infinity]}',
        "minus_infinity": '{"data":[-Infinity]}',
        "line_comment": '{"data":[] // comment\n}',
        "block_comment": '{"data":/* c */[]}',
        "hash_comment": '# c\n{"data":[]}',
        "leading_zero": '{"data":[01]}',
        "leading_plus": '{"data":[+1]}',
        "bare_fraction": '{"data":[.5]}',
        "trailing_dot": '{"data":[1.]}',
        "exponent_without_digits": '{"data":[1e]}',
        "exponent_sign_only": '{"data":[1e+]}',
        "hex_number": '{"data":[0x10]}',
        "minus_alone": '{"data":[-]}',
        "double_minus": '{"data":[--1]}',
        "bad_escape_x": '{"data":["\\x41"]}',
        "bad_escape_single_quote": '{"data":["\\\'"]}',
        "short_unicode_escape": '{"data":["\\u12"]}',
        "bad_hex_in_unicode_escape": '{"data":["\\u12G4"]}',
        "backslash_at_end": '{"data":["abc\\',
        "raw_tab_in_string": '{"data":["a\tb"]}',
        "raw_newline_in_string": '{"data":["a\nb"]}',
        "raw_control_0x01_in_string": '{"data":["a\x01b"]}',
        "raw_control_0x1f_in_key": '{"da\x1fta":[]}',
        "key_not_string": '{1:[]}',
        "key_null": '{null:[]}',
        "array_as_key": '{[]:1}',
        "two_documents": '{"data":[]}{"data":[]}',
        "trailing_garbage_text": '{"data":[]} x',
        "trailing_html": '{"data":[]}\n\n<html>',
        "trailing_close": '{"data":[]}]',
        "two_scalars": "true false",
        "vertical_tab_whitespace": '{"data":\x0b[]}',
        "form_feed_whitespace": '{"data":\x0c[]}',
        "nbsp_whitespace": '{"data":\u00a0[]}',
        "ideographic_space_whitespace": '{"data":\u3000[]}',
        "only_colon": ":",
        "only_quote": '"',
        "jsonp_wrapper": 'callback({"data":[]})',
        "xssi_prefix": ")]}'\n{\"data\":[]}",
        "ndjson_two_lines": '{"data":[]}\n{"data":[]}\n',
        "equals_instead_of_colon": '{"data"=[]}',
        "semicolon_separator": '{"data":[1;2]}',
        "unicode_escape_in_literal": '{"data":\\u005b]}',
        "string_with_unescaped_quote": '{"data":["say "hi""]}',
        "number_with_space": '{"data":[1 2]}',
        "empty_key_missing_value": '{"":}',
        "exponent_overflow_boost_limit": '{"data":[1e99999999999999999999]}',
    }
    for name, body in cases.items():
        corpus.add(f"malformed_{name}.json", body, 200, "invalid_response")
    # Boost.JSON stops at an exponent that does not fit its counter; the text is JSON, the
    # parser's limit refuses it (RFC 8259 section 9 lets a parser limit the range of numbers).


def add_truncations(corpus, label, full, count):
    step = max(1, len(full) // count)
    lengths = sorted(set(range(0, len(full), step)) | {len(full) - 1, len(full) - 2, len(full) - 3, 1, 2})
    width = len(str(len(full)))
    for n in lengths:
        corpus.add_decoded(f"truncated_{label}_{n:0{width}d}.json", full[:n])


def add_nesting(corpus):
    for total in (2, 10, 32, 33, 62, 63, 64, 65, 66, 100, 1000, 100000):
        arrays = total - 1  # {"data": [[...]]}: the object is one level
        corpus.add_decoded(f"nesting_arrays_total_{total:06d}.json",
                           '{"data":' + "[" * arrays + "]" * arrays + "}")
    for total in (63, 64, 65, 200):
        inner = "{}"
        for _ in range(total - 2):
            inner = '{"a":' + inner + "}"
        corpus.add_decoded(f"nesting_objects_total_{total:06d}.json", '{"data":' + inner + "}")
    for total in (63, 64, 65, 300):
        opens = ["[" if i % 2 == 0 else '{"k":' for i in range(total - 1)]
        closes = ["]" if o == "[" else "}" for o in reversed(opens)]
        corpus.add_decoded(f"nesting_mixed_total_{total:06d}.json", '{"data":' + "".join(opens) + "1" + "".join(closes) + "}")
    # Nested companies: a typed walk goes all the way down through group_company.
    for levels in (10, 30, 31, 32, 40):
        company = {"type": "company", "id": "0", "attributes": {"name": "bottom"}}
        for i in range(1, levels + 1):
            company = {"type": "company", "id": str(i), "attributes": {"name": f"level {i}"},
                       "relationships": {"group_company": company}}
        doc = {"data": company}
        corpus.add_decoded(f"nesting_group_company_{levels:02d}_levels_total_{nesting(doc):03d}.json", compact(doc))
    # Nested contacts through relationships.company and lists.
    for levels in (15, 21, 22):
        node = {"type": "list", "id": "l0"}
        for i in range(levels):
            node = {"type": "contact", "id": f"c{i}", "relationships": {
                "company": {"type": "company", "id": f"k{i}", "relationships": {"lists": [node]}}}}
        doc = {"data": [node]}
        corpus.add_decoded(f"nesting_contact_company_lists_{levels:02d}_levels_total_{nesting(doc):03d}.json",
                           compact(doc))
    # Deep values where views only look through json(): meta, custom fields, attributes.
    for where, total in (("meta", 64), ("meta", 65), ("custom_field_value", 64), ("custom_field_value", 65)):
        def deep(n):
            return "[" * n + "]" * n
        if where == "meta":
            body = '{"data":[],"meta":{"credits":' + deep(total - 2) + "}}"
        else:
            prefix = '{"data":[{"id":"1","attributes":{"custom_fields":{"f":{"value":'
            suffix = "}}}}]}"
            body = prefix + deep(total - 6) + suffix
        corpus.add_decoded(f"nesting_{where}_total_{total:06d}.json", body)
    # JSON:API wrappers inside wrappers, with an `included` array so that they are resolved.
    for wrappers in (57, 58, 59):
        inner = '{"id":"9","type":"company"}'
        for _ in range(wrappers):
            inner = '{"data":' + inner + "}"
        body = ('{"data":[{"id":"1","type":"contact","relationships":{"company":' + inner +
                '}}],"included":[{"id":"9","type":"company","attributes":{"name":"Included"}}]}')
        total = text_nesting(body.encode())
        corpus.add_decoded(f"nesting_data_wrappers_included_total_{total:06d}.json", body)
    # Deep error bodies keep their status.
    deep = "[" * 200 + "]" * 200
    corpus.add("nesting_error_body_arrays_200_levels_status_503.json", deep, 503, "server_error")
    corpus.add("nesting_error_body_arrays_200_levels_status_404.json", deep, 404, "not_found")
    corpus.add("nesting_error_body_shape_b_deep_meta_status_429.json",
               '{"errors":[{"code":"too_many_requests","title":"Slow down"}],"meta":' + "[" * 70 + "]" * 70 + "}",
               429, "rate_limited")


def add_numbers(corpus):
    numbers = {
        "1e400": "1e400",
        "minus_1e400": "-1e400",
        "1e_minus_400": "1e-400",
        "min_denormal_4.9e-324": "4.9e-324",
        "below_min_denormal_2e-324": "2e-324",
        "max_denormal": "2.2250738585072009e-308",
        "min_normal": "2.2250738585072014e-308",
        "max_double": "1.7976931348623157e308",
        "above_max_double": "1.7976931348623159e308",
        "minus_zero": "-0",
        "minus_zero_float": "-0.0",
        "minus_zero_exponent": "-0e-0",
        "zero_exponent_plus": "0E+0",
        "int64_max": "9223372036854775807",
        "int64_max_plus_1": "9223372036854775808",
        "int64_min": "-9223372036854775808",
        "int64_min_minus_1": "-9223372036854775809",
        "uint64_max": "18446744073709551615",
        "uint64_max_plus_1": "18446744073709551616",
        "2pow53_plus_1": "9007199254740993",
        "400_digit_integer": "9" * 400,
        "minus_400_digit_integer": "-" + "1" * 400,
        "400_digit_fraction": "0." + "0" * 399 + "1",
        "400_digit_mantissa_with_exponent": "1" + "0" * 399 + "e-400",
        "long_exponent_digits": "1e" + "0" * 300 + "5",
        "exponent_minus_huge_digits": "1e-" + "9" * 18,
        "exponent_plus_huge_digits": "1e+" + "9" * 18,
        "integral_double_1.0": "1.0",
        "integral_double_1e3": "1e3",
        "fraction": "123.456e-7",
        "10000_digit_integer": "7" * 10000,
    }
    # Boost.JSON counts an exponent in a machine integer and refuses one that overflows it: the
    # text is JSON, but RFC 8259 section 9 lets a parser limit the range of numbers.
    refused = {"exponent_minus_huge_digits", "exponent_plus_huge_digits"}
    for name, text in numbers.items():
        outcome = "invalid_response" if name in refused else None
        # Where an integer is expected, where a number is expected, as an id, and inside a list.
        corpus.add_decoded(f"number_{name}_as_credits_charged.json",
                           '{"data":[{"type":"contact","id":"1"}],"meta":{"credits":{"charged":' + text + "}}}", outcome=outcome)
        corpus.add_decoded(f"number_{name}_as_company_fields.json",
                           '{"data":{"type":"company","id":' + text + ',"attributes":{"founded_year":' + text +
                           ',"employee_count":' + text + ',"revenue":{"value":' + text + ',"value_eur":' + text +
                           ',"year":' + text + '}}}}', outcome=outcome)
        corpus.add_decoded(f"number_{name}_as_contact_id_and_values.json",
                           '{"data":[{"type":"contact","id":' + text + ',"attributes":{"first_name":' + text +
                           ',"departments":[' + text + '],"custom_fields":{"n":{"value":' + text +
                           '}}},"relationships":{"company":{"id":' + text + ',"type":"company"}}}]}',
                           outcome=outcome)


def add_utf8(corpus):
    bad = {
        "overlong_slash_c0af": b"\xc0\xaf",
        "overlong_nul_c080": b"\xc0\x80",
        "overlong_c1bf": b"\xc1\xbf",
        "overlong_3byte_e08080": b"\xe0\x80\x80",
        "overlong_3byte_e09fbf": b"\xe0\x9f\xbf",
        "overlong_4byte_f0808080": b"\xf0\x80\x80\x80",
        "overlong_4byte_f08fbfbf": b"\xf0\x8f\xbf\xbf",
        "lone_continuation_80": b"\x80",
        "lone_continuation_bf": b"\xbf",
        "two_continuations": b"\x80\x80",
        "continuation_after_ascii": b"a\x80b",
        "truncated_2byte_c3": b"\xc3",
        "truncated_3byte_e282": b"\xe2\x82",
        "truncated_4byte_f09f98": b"\xf0\x9f\x98",
        "truncated_2byte_then_ascii": b"\xc3(",
        "truncated_3byte_then_ascii": b"\xe2\x82x",
        "truncated_4byte_then_ascii": b"\xf0\x9f\x98x",
        "byte_fe": b"\xfe",
        "byte_ff": b"\xff",
        "utf16_bom_inside": b"\xfe\xff",
        "byte_f5": b"\xf5\x80\x80\x80",
        "five_byte_f8": b"\xf8\x88\x80\x80\x80",
        "six_byte_fc": b"\xfc\x84\x80\x80\x80\x80",
        "surrogate_d800_encoded": b"\xed\xa0\x80",
        "surrogate_dfff_encoded": b"\xed\xbf\xbf",
        "surrogate_pair_encoded_cesu8": b"\xed\xa0\xbd\xed\xb8\x80",
        "above_10ffff_f4908080": b"\xf4\x90\x80\x80",
        "latin1_e9": b"caf\xe9",
    }
    for name, seq in bad.items():
        corpus.add(f"utf8_invalid_{name}_in_value.json",
                   b'{"data":[{"type":"contact","id":"1","attributes":{"first_name":"x' + seq + b'y"}}]}',
                   200, "invalid_response")
    for name in ("overlong_slash_c0af", "lone_continuation_80", "truncated_3byte_e282", "byte_ff",
                 "surrogate_d800_encoded", "above_10ffff_f4908080"):
        seq = bad[name]
        corpus.add(f"utf8_invalid_{name}_in_key.json",
                   b'{"data":[{"type":"contact","id":"1","attributes":{"first' + seq + b'":"x"}}]}',
                   200, "invalid_response")
        corpus.add(f"utf8_invalid_{name}_at_end_of_string.json",
                   b'{"data":[{"id":"1","type":"x' + seq + b'"}]}', 200, "invalid_response")
        corpus.add(f"utf8_invalid_{name}_outside_strings.json", b'{"data":[' + seq + b"]}", 200, "invalid_response")
    good = {
        "u007f": "\u007f", "u0080": "\u0080", "u07ff": "\u07ff", "u0800": "\u0800", "ud7ff": "\ud7ff",
        "ue000": "\ue000", "ufeff_bom_inside_string": "\ufeff", "ufffd": "\ufffd", "uffff": "\uffff",
        "u10000": "\U00010000", "u10ffff": "\U0010ffff", "emoji": "\U0001f600", "mixed_scripts": "Gesch\u00e4ft \u65e5\u672c \u0645\u0631\u062d\u0628\u0627",
    }
    for name, text in good.items():
        corpus.add(f"utf8_valid_{name}.json",
                   '{"data":[{"type":"contact","id":"1","attributes":{"first_name":"' + text + '","' + text +
                   '":"key"}}]}', 200, "ok")
    escapes = {
        "lone_high_d800": ("\\ud800", "invalid_response"),
        "lone_low_dfff": ("\\udfff", "invalid_response"),
        "lone_low_dc00": ("\\udc00", "invalid_response"),
        "lone_high_dbff_at_end": ("abc\\udbff", "invalid_response"),
        "reversed_pair_dc00_d800": ("\\udc00\\ud800", "invalid_response"),
        "reversed_pair_de00_d83d": ("\\ude00\\ud83d", "invalid_response"),
        "two_highs_d800_d800": ("\\ud800\\ud800", "invalid_response"),
        "high_then_ascii_escape": ("\\ud800\\u0041", "invalid_response"),
        "high_then_letter": ("\\ud800x", "invalid_response"),
        "high_then_newline_escape": ("\\ud800\\n", "invalid_response"),
        "high_uppercase_D800": ("\\uD800", "invalid_response"),
        "valid_pair_d83d_de00": ("\\ud83d\\ude00", "ok"),
        "valid_pair_max_dbff_dfff": ("\\udbff\\udfff", "ok"),
        "valid_pair_min_d800_dc00": ("\\ud800\\udc00", "ok"),
        "valid_bmp_fffe": ("\\ufffe", "ok"),
        "valid_escaped_nul": ("a\\u0000b", "ok"),
        "valid_all_short_escapes": ("\\\"\\\\\\/\\b\\f\\n\\r\\t", "ok"),
    }
    for name, (text, outcome) in escapes.items():
        corpus.add(f"escape_{name}_in_value.json",
                   '{"data":[{"type":"contact","id":"1","attributes":{"first_name":"' + text + '"}}]}', 200, outcome)
        corpus.add(f"escape_{name}_in_key.json",
                   '{"data":[{"type":"contact","id":"1","attributes":{"' + text + '":"v"}}]}', 200, outcome)


def add_status_bodies(corpus):
    html = ("<!DOCTYPE html><html><head><title>Sign in - Leadfeeder</title></head>"
            "<body><form action=\"/login\"><input name=\"email\"></form></body></html>")
    nginx = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
    bodies = {
        "html_login_page": html,
        "html_nginx_bad_gateway": nginx,
        "html_without_title": "<html><body><h1>Forbidden</h1><p>" + "x" * 300 + "</p></body></html>",
        "html_unclosed_title": "<html><head><title>never closed" + "y" * 400,
        "html_long_title": "<html><head><title>" + "t" * 5000 + "</title></head></html>",
        "html_title_with_controls": "<html><head><title>\x01\x02bell\x07\ttab\u00e9</title></head></html>",
        "xml_error": '<?xml version="1.0"?><Error><Code>AccessDenied</Code></Error>',
        "text_plain": "Bad Gateway",
        "empty": "",
        "whitespace": " \r\n\t ",
        "nul_byte_only": "\x00",
        "json_null": "null",
        "json_string": '"Service Unavailable"',
        "json_number": "502",
        "json_array": "[]",
    }
    for name, body in bodies.items():
        for status in (200, 502, 403):
            if status == 200:
                outcome = decode_outcome(body.encode("utf-8"))
            else:
                outcome = expected_for_status(status)
            corpus.add(f"status_body_{name}_status_{status}.json", body, status, outcome)
    # Other statuses with the HTML page and an empty body.
    for status in (0, 100, 101, 199, 301, 304, 400, 401, 404, 408, 418, 422, 429, 500, 503, 599, 600, 999, -1):
        corpus.add(f"status_body_html_login_page_status_{status}.json".replace("-", "minus_"), html, status,
                   expected_for_status(status))
    for status in (201, 202, 204, 206, 299):
        corpus.add(f"status_body_empty_status_{status}.json", "", status, "invalid_response")
        corpus.add(f"status_body_data_array_status_{status}.json", '{"data":[]}', status, "ok")


def add_error_shapes(corpus):
    fixtures = {
        "fixture_403_access_denied": ("error_403_access_denied_2026-03-24.response.json", 403),
        "fixture_403_invalid_api_key": ("error_403_invalid_api_key.response.json", 403),
        "fixture_403_missing_token": ("error_403_missing_token.response.json", 403),
        "fixture_429_too_many_requests": ("error_429_too_many_requests.response.json", 429),
    }
    shapes = {}
    for name, (file, status) in fixtures.items():
        shapes[name] = ((ROOT / "tests" / "fixtures" / file).read_bytes(), status)
    shapes.update({
        "shape_a_code_message": ('{"code":"entity_not_found","message":"Contact not found"}', 404),
        "shape_a_with_request_id": ('{"code":"bad_request","message":"ids is invalid","request_id":"rid-a"}', 400),
        "shape_b_errors_array": ('{"errors":[{"code":"entity_not_found","title":"Not found","detail":"No contact 1"}],'
                                 '"meta":{"request_id":"rid-b"}}', 404),
        "shape_b_title_only": ('{"errors":[{"code":"unprocessable_entity","title":"Invalid"}]}', 422),
        "shape_b_detail_only": ('{"errors":[{"detail":"Something failed"}]}', 500),
        "shape_b_message_member": ('{"errors":[{"code":"x","message":"from message"}]}', 400),
        "shape_b_empty_errors": ('{"errors":[]}', 500),
        "shape_b_errors_not_objects": ('{"errors":["text",1,null]}', 500),
        "shape_b_errors_object": ('{"errors":{"code":"x"}}', 500),
        "shape_b_error_meta_request_id": ('{"errors":[{"code":"x","meta":{"request_id":"rid-inner"}}]}', 500),
        "shape_c_nested_error": ('{"error":{"code":"token_expired","message":"The token expired"}}', 401),
        "shape_c_auth_code_403": ('{"error":{"code":"invalid_token","message":"Bad token"}}', 403),
        "shape_c_plan_403": ('{"error":{"code":"plan_limit","message":"Upgrade"}}', 403),
        "error_string": ('{"error":"Something went wrong"}', 500),
        "error_null_code": ('{"code":null}', 500),
        "error_code_number": ('{"code":429,"message":["not","text"]}', 429),
        "error_all_shapes_at_once": ('{"code":"a","message":"A","errors":[{"code":"b","title":"B"}],'
                                     '"error":{"code":"c","message":"C"},"meta":{"request_id":"r"}}', 500),
        "error_huge_message": ('{"code":"big","message":"' + "m" * 100000 + '"}', 500),
        "error_unicode_message": ('{"code":"x","message":"Fehler \u00fcberall \U0001f600 \\u00e9"}', 500),
        "error_escaped_nul_message": ('{"code":"x\\u0000y","message":"a\\u0000b"}', 500),
    })
    for name, (body, status) in shapes.items():
        as_text = body.decode("utf-8") if isinstance(body, bytes) else body
        code = ""
        try:
            value = json.loads(as_text)
            # the api_code the client reads, as errc_from_status needs it for 403
            first = value.get("errors", [None])[0] if isinstance(value.get("errors"), list) and value["errors"] else None
            if isinstance(first, dict) and isinstance(first.get("code"), str):
                code = first["code"]
            elif isinstance(value.get("error"), dict) and isinstance(value["error"].get("code"), str):
                code = value["error"]["code"]
            elif isinstance(value.get("code"), str):
                code = value["code"]
        except ValueError:
            pass
        corpus.add(f"error_body_{name}_status_200.json", body, 200, decode_outcome(body))
        corpus.add(f"error_body_{name}_status_{status}.json", body, status, expected_for_status(status, code))
    # Data next to an error, and bodies with neither.
    corpus.add_decoded("error_body_with_data_array_status_200.json", '{"data":[],"errors":[{"code":"x"}]}')
    corpus.add_decoded("error_body_with_data_null_status_200.json", '{"data":null,"error":"x"}')
    corpus.add_decoded("error_body_meta_only_status_200.json", '{"meta":{"request_id":"r"}}')
    corpus.add_decoded("error_body_empty_object_status_200.json", "{}")


def add_duplicates(corpus):
    # The document reads the first of duplicate keys (a DOM such as Boost.JSON's or Python's keeps
    # the last): docs/memory.md, "Reading rules the tape fixes".
    cases = {
        "data_array_then_string": '{"data":[],"data":"x"}',
        "data_string_then_array": '{"data":"x","data":[]}',
        "data_then_null": '{"data":[{"id":"1"}],"data":null}',
        "id_twice": '{"data":[{"id":"1","id":2}]}',
        "attributes_twice": '{"data":[{"id":"1","attributes":{"first_name":"A"},"attributes":{"first_name":"B"}}]}',
        "first_name_twice": '{"data":[{"id":"1","attributes":{"first_name":"A","first_name":"B"}}]}',
        "custom_field_key_twice": '{"data":[{"id":"1","attributes":{"custom_fields":{"k":{"type":"a"},"k":{"type":"b"}}}}]}',
        "relationship_twice": '{"data":[{"id":"1","relationships":{"company":{"id":"1"},"company":[{"id":"2"}]}}]}',
        "meta_twice": '{"data":[],"meta":{"credits":{"charged":1}},"meta":{"credits":{"charged":2}}}',
        "errors_then_data": '{"errors":[{"code":"x"}],"data":[]}',
        "empty_key_twice": '{"data":[{"id":"1","attributes":{"":"a","":"b"}}]}',
        "thousand_duplicates": '{"data":[{"id":"1","attributes":{' + ",".join(['"first_name":"n%d"' % i for i in range(1000)]) + "}}]}",
    }
    expected = {"data_string_then_array": "invalid_response"}
    for name, body in cases.items():
        corpus.add(f"duplicate_keys_{name}.json", body, 200, expected.get(name, "ok"))


def add_long_strings(corpus):
    big = "L" * LONG
    corpus.add("long_string_256kib_first_name.json",
               '{"data":[{"type":"contact","id":"1","attributes":{"first_name":"' + big + '"}}]}')
    corpus.add("long_string_256kib_key.json", '{"data":[{"type":"contact","id":"1","attributes":{"' + big + '":1}}]}')
    corpus.add("long_string_256kib_of_escapes_company_name.json",
               '{"data":{"type":"company","id":"1","attributes":{"name":"' + "\\u00e9" * (LONG // 6) + '"}}}')
    corpus.add("long_string_256kib_id.json", '{"data":[{"type":"contact","id":"' + "9" * LONG + '"}]}')
    corpus.add("long_string_256kib_error_message_status_500.json", '{"code":"x","message":"' + big + '"}', 500,
               "server_error")
    corpus.add("long_string_256kib_html_status_502.json", "<html><head><title>" + big + "</title></head></html>",
               502, "server_error")
    corpus.add("long_list_20000_departments.json",
               '{"data":[{"id":"1","attributes":{"departments":[' + ",".join(['"d%d"' % i for i in range(20000)]) + "]}}]}")
    corpus.add("long_list_5000_contacts.json",
               '{"data":[' + ",".join('{"type":"contact","id":"%d","attributes":{"first_name":"n%d"}}' % (i, i)
                                      for i in range(5000)) + "]}")
    corpus.add("long_map_5000_custom_fields.json",
               '{"data":[{"id":"1","attributes":{"custom_fields":{' +
               ",".join('"f%d":{"type":"t","value":%d,"reason":"r"}' % (i, i) for i in range(5000)) + "}}}]}")


def add_boms_and_nuls(corpus):
    body = b'{"data":[{"type":"contact","id":"1","attributes":{"first_name":"Ann"}}]}'
    corpus.add("bom_utf8_before_body.json", b"\xef\xbb\xbf" + body, 200, "invalid_response")
    corpus.add("bom_utf8_before_body_status_500.json", b"\xef\xbb\xbf" + body, 500, "server_error")
    corpus.add("bom_utf8_only.json", b"\xef\xbb\xbf", 200, "invalid_response")
    corpus.add("bom_utf8_twice.json", b"\xef\xbb\xbf\xef\xbb\xbf" + body, 200, "invalid_response")
    corpus.add("bom_utf16_be_before_body.json", b"\xfe\xff" + body, 200, "invalid_response")
    corpus.add("bom_utf16_le_before_body.json", b"\xff\xfe" + body, 200, "invalid_response")
    corpus.add("bom_utf8_after_body.json", body + b"\xef\xbb\xbf", 200, "invalid_response")
    corpus.add("bom_utf8_inside_key.json", b'{"\xef\xbb\xbfdata":[]}', 200, "ok")
    corpus.add("utf16_le_encoded_body.json", '{"data":[]}'.encode("utf-16-le"), 200, "invalid_response")
    corpus.add("utf32_be_encoded_body.json", '{"data":[]}'.encode("utf-32-be"), 200, "invalid_response")
    corpus.add("nul_escaped_in_value.json",
               b'{"data":[{"type":"contact","id":"1","attributes":{"first_name":"A\\u0000nn"}}]}', 200, "ok")
    corpus.add("nul_escaped_in_key.json", b'{"data":[{"type":"contact","id":"1","attributes":{"first\\u0000name":"x"}}]}',
               200, "ok")
    corpus.add("nul_escaped_as_id.json", b'{"data":[{"type":"contact","id":"\\u0000"}]}', 200, "ok")
    corpus.add("nul_escaped_only_nuls_value.json",
               b'{"data":[{"id":"1","attributes":{"first_name":"' + b"\\u0000" * 64 + b'"}}]}', 200, "ok")
    corpus.add("nul_raw_in_value.json", b'{"data":[{"id":"1","attributes":{"first_name":"A\x00nn"}}]}', 200,
               "invalid_response")
    corpus.add("nul_raw_in_key.json", b'{"data":[{"id":"1","attributes":{"first\x00name":"x"}}]}', 200,
               "invalid_response")
    corpus.add("nul_raw_before_body.json", b"\x00" + body, 200, "invalid_response")
    corpus.add("nul_raw_after_body.json", body + b"\x00", 200, "invalid_response")
    corpus.add("nul_raw_between_tokens.json", b'{"data":\x00[]}', 200, "invalid_response")
    corpus.add("nul_raw_in_error_body_status_500.json", b'{"code":"x\x00y"}', 500, "server_error")
    corpus.add("nul_raw_in_html_status_403.json", b"<html><title>a\x00b</title></html>", 403, "forbidden")


def add_shapes(corpus, schemas):
    """Bodies that are JSON but not the shape the operations answer with."""
    cases = {
        "root_array": '[{"type":"contact","id":"1"}]',
        "root_string": '"data"',
        "root_number": "42",
        "root_negative_float": "-1.5e3",
        "root_true": "true",
        "root_false": "false",
        "root_null": "null",
        "root_empty_object": "{}",
        "data_string": '{"data":"3219787601"}',
        "data_number": '{"data":3219787601}',
        "data_true": '{"data":true}',
        "data_false": '{"data":false}',
        "data_null": '{"data":null}',
        "data_empty_array": '{"data":[]}',
        "data_empty_object": '{"data":{}}',
        "data_array_of_scalars": '{"data":["1",2,null,true,{"id":"7"}]}',
        "data_array_of_arrays": '{"data":[[{"id":"1"}],[]]}',
        "data_single_contact_object": '{"data":{"type":"contact","id":"1","attributes":{"first_name":"Ann"}}}',
        "attributes_array": '{"data":[{"id":"1","attributes":[{"first_name":"x"}]}]}',
        "attributes_string": '{"data":[{"id":"1","attributes":"x"}]}',
        "relationships_array": '{"data":[{"id":"1","relationships":[{"company":{"id":"1"}}]}]}',
        "relationship_wrappers": '{"data":[{"id":"1","relationships":{"company":{"data":{"id":"2","type":"company"}},'
                                 '"lists":{"data":[{"id":"l","type":"list"}]},"buyer_personas":{"data":null}}}]}',
        "relationship_wrapper_of_wrapper": '{"data":[{"id":"1","relationships":{"company":{"data":{"data":{"id":"2"}}}}}]}',
        "relationship_empty_wrapper": '{"data":[{"id":"1","relationships":{"company":{"data":[]},"lists":{"data":{}}}}]}',
        "relationship_lone_object_lists": '{"data":[{"id":"1","relationships":{"lists":{"id":"l","type":"list"}}}]}',
        "unknown_members_everywhere": '{"zzz":[1],"data":[{"id":"1","?":{},"attributes":{"new":[true]},'
                                      '"relationships":{"new":{"id":"3"}}}],"meta":{"future":{}}}',
        "empty_keys_everywhere": '{"":1,"data":[{"":2,"id":"1","attributes":{"":3,"custom_fields":{"":{"":4}}}}]}',
        "integer_ids_everywhere": '{"data":[{"id":1,"relationships":{"company":{"id":-2},"lists":[{"id":0},{"id":18446744073709551615}]}}]}',
        "float_and_bool_ids": '{"data":[{"id":1.5,"relationships":{"company":{"id":true},"lists":[{"id":1e3},{"id":null}]}}]}',
        "meta_wrong_everywhere": '{"data":[],"meta":{"credits":[1],"request_id":{},"pagination":"next"}}',
        "meta_negative_credits": '{"data":[],"meta":{"credits":{"charged":-1000000}}}',
    }
    for name, body in cases.items():
        corpus.add_decoded(f"shape_{name}.json", body)
    # JSON:API `included`: stubs resolved against side-loaded resources, and the ways that can go wrong.
    company = '{"id":"9","type":"company","attributes":{"name":"Included Co"},"relationships":{"group_company":{"id":"9","type":"company"}}}'
    included = {
        "resolved": '{"data":[{"id":"1","type":"contact","relationships":{"company":{"id":"9","type":"company"}}}],"included":[' + company + "]}",
        "self_cycle": '{"data":{"id":"9","type":"company","relationships":{"group_company":{"id":"9","type":"company"}}},"included":[' + company + "]}",
        "mutual_cycle": '{"data":[{"id":"1","type":"contact","relationships":{"company":{"id":"9","type":"company"}}}],"included":['
                        '{"id":"9","type":"company","attributes":{},"relationships":{"group_company":{"id":"8","type":"company"}}},'
                        '{"id":"8","type":"company","attributes":{},"relationships":{"group_company":{"id":"9","type":"company"}}}]}',
        "wrapped_stubs": '{"data":[{"id":"1","relationships":{"company":{"data":{"id":"9","type":"company"}},"lists":{"data":[{"id":"9","type":"company"},{"id":"x","type":"list"}]}}}],"included":[' + company + "]}",
        "no_match": '{"data":[{"id":"1","relationships":{"company":{"id":"404","type":"company"}}}],"included":[' + company + "]}",
        "integer_id_match": '{"data":[{"id":"1","relationships":{"company":{"id":9,"type":"company"}}}],"included":[{"id":9,"type":"company","attributes":{"name":"n"}}]}',
        "included_not_array": '{"data":[{"id":"1","relationships":{"company":{"id":"9","type":"company"}}}],"included":{"id":"9"}}',
        "included_scalars": '{"data":[{"id":"1","relationships":{"company":{"id":"9","type":"company"}}}],"included":[1,"x",null,[],{"id":"9"}]}',
        "included_duplicates": '{"data":[{"id":"1","relationships":{"company":{"id":"9","type":"company"}}}],"included":[' + company + "," + company.replace("Included Co", "Second") + "]}",
        "data_scalar_with_included": '{"data":[1,2],"included":[' + company + "]}",
        "stub_with_null_id": '{"data":[{"id":"1","relationships":{"company":{"id":null,"type":"company"}}}],"included":[{"id":null,"type":"company","attributes":{}}]}',
        "many_stubs_one_resource": '{"data":[' + ",".join('{"id":"%d","relationships":{"company":{"id":"9","type":"company"}}}' % i for i in range(300)) + '],"included":[' + company + "]}",
    }
    for name, body in included.items():
        corpus.add_decoded(f"included_{name}.json", body)
    # Side-loading costs no more than the body (impl/document.ipp, included_linker): a stub becomes a
    # link to its resource, not a copy, so 1,000 stubs naming one 50 KB resource (50 MB if copied)
    # are read; stubs are found through a sorted index, so 2,000 stubs among 2,000 resources cost
    # 2,000 binary searches, not 4 million comparisons.
    big = '{"id":"9","type":"company","attributes":{"name":"' + "n" * 50000 + '"}}'
    corpus.add("included_amplification_1000_stubs_one_50kb_resource.json",
               '{"data":[' + ",".join('{"relationships":{"c":{"id":"9","type":"company"}}}' for _ in range(1000)) +
               '],"included":[' + big + "]}", 200, "ok")
    corpus.add_decoded("included_quadratic_2000_stubs_2000_resources.json",
                       '{"data":[' + ",".join('{"relationships":{"c":{"id":"x","type":"company"}}}' for _ in range(2000)) +
                       '],"included":[' + ",".join('{"id":"%d","type":"company","attributes":{}}' % i for i in range(2000)) + "]}")


def build():
    schemas = load_spec()
    corpus = Corpus()
    contact_doc = contact_document(schemas)
    company_doc = company_document(schemas)
    corpus.add("base_contacts_retrieve_fixture.json", FIXTURE.read_bytes())
    corpus.add("base_contact_every_field.json", compact(contact_doc))
    corpus.add("base_company_every_field.json", compact(company_doc))
    corpus.add("base_company_every_field_pretty.json", pretty(company_doc))
    add_malformed(corpus)
    add_truncations(corpus, "contacts", FIXTURE.read_bytes(), 40)
    add_truncations(corpus, "company", pretty(company_doc), 30)
    add_nesting(corpus)
    add_numbers(corpus)
    add_utf8(corpus)
    add_wrong_types(corpus, schemas, "contact", contact_doc, ["data", 0], "ContactV1")
    add_wrong_types(corpus, schemas, "company", company_doc, ["data"], "CompanyV1")
    add_status_bodies(corpus)
    add_error_shapes(corpus)
    add_duplicates(corpus)
    add_long_strings(corpus)
    add_boms_and_nuls(corpus)
    add_shapes(corpus, schemas)
    return corpus


def manifest_text(corpus):
    lines = ["# file\tstatus\texpected (written by tests/corpus/make_corpus.py; do not edit)"]
    lines += [f"{name}\t{status}\t{outcome}" for name, status, outcome in corpus.lines]
    return "\n".join(lines) + "\n"


def main(argv):
    check = "--check" in argv[1:]
    corpus = build()
    manifest = manifest_text(corpus).encode("utf-8")
    if check:
        problems = []
        if not MANIFEST.exists() or MANIFEST.read_bytes() != manifest:
            problems.append(f"{MANIFEST.relative_to(ROOT)} differs")
        present = {p.name for p in OUT_DIR.glob("*")} if OUT_DIR.exists() else set()
        for name, body in corpus.files.items():
            path = OUT_DIR / name
            if name not in present:
                problems.append(f"missing {path.relative_to(ROOT)}")
            elif path.read_bytes() != body:
                problems.append(f"{path.relative_to(ROOT)} differs")
        for name in sorted(present - set(corpus.files)):
            problems.append(f"unexpected {(OUT_DIR / name).relative_to(ROOT)}")
        if problems:
            for p in problems[:20]:
                print(p, file=sys.stderr)
            print(f"{len(problems)} problem(s): run python3 tests/corpus/make_corpus.py", file=sys.stderr)
            return 1
        print(f"corpus is fresh: {len(corpus.files)} files")
        return 0
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for old in OUT_DIR.glob("*"):
        if old.name not in corpus.files:
            old.unlink()
    for name, body in corpus.files.items():
        path = OUT_DIR / name
        if not path.exists() or path.read_bytes() != body:
            path.write_bytes(body)
    MANIFEST.write_bytes(manifest)
    total = sum(len(b) for b in corpus.files.values())
    print(f"wrote {len(corpus.files)} files ({total} bytes) and {MANIFEST.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
