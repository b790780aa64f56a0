#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Adding an operation touches no hand-written file: the simulator answers an operation that only
the description knows. This copies api/leadfeeder-v1.json to a scratch file, adds two operations
there (a paginated list of an existing resource schema on a new path, and one record of an object
schema under a path parameter) and moves the path of one operation that has a hand-written handler,
starts the simulator with `--description` on that copy, calls the paths over HTTP and checks the
answers against the schemas of the same copy.

    python3 tests/integration/test_description_operation.py SIMULATOR_BINARY

Exit status 0 when every check passes, 1 with every failed check listed otherwise.
"""

import copy
import http.client
import json
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
KEY = "description-test-key"
ACCOUNT = "123456"

NEW_OPERATIONS = [
    {"id": "tags.list_archived", "title": "List archived tags", "reference": "test", "method": "GET",
     "method_confidence": "inferred", "path": "/v1/tags/archived", "path_confidence": "inferred",
     "doc": "Added by tests/integration/test_description_operation.py.",
     "params": [{"name": "account_id", "in": "query", "type": "string", "required": True, "confidence": "inferred"},
                {"name": "page[num]", "in": "query", "type": "integer", "confidence": "inferred"},
                {"name": "page[size]", "in": "query", "type": "integer", "confidence": "inferred"}],
     "response": {"data": "list", "schema": "TagV1", "confidence": "inferred"},
     "pagination": "page_number", "credits": "free [inferred]"},
    {"id": "companies.get_summary", "title": "Get a company summary", "reference": "test", "method": "GET",
     "method_confidence": "inferred", "path": "/v1/companies/{company_id}/summary", "path_confidence": "inferred",
     "doc": "Added by tests/integration/test_description_operation.py.",
     "params": [{"name": "company_id", "in": "path", "type": "string", "required": True, "confidence": "inferred"},
                {"name": "account_id", "in": "query", "type": "string", "required": True, "confidence": "inferred"}],
     "response": {"data": "one", "schema": "CompanySummaryV1", "confidence": "inferred"},
     "pagination": "none", "credits": "free [inferred]"},
]

# tags.get moves here in the scratch copy: its hand-written handler must follow.
MOVED_TAGS_GET = "/v1/labels/{tag_id}"

problems = []


def check(condition, what):
    if not condition:
        problems.append(what)
    return condition


def is_type(value, field_type):
    """Whether a JSON value has the type a description field type promises (null counts as absent)."""
    if field_type == "string":
        return isinstance(value, str)
    if field_type == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if field_type == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if field_type == "boolean":
        return isinstance(value, bool)
    if field_type in ("string_list",):
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if field_type == "array":
        return isinstance(value, list)
    if field_type in ("object", "map"):
        return isinstance(value, dict)
    return True  # json: any shape


def check_fields(value, schema_name, schemas, where):
    schema = schemas[schema_name]
    fields = schema.get("attributes" if schema["kind"] == "resource" else "fields", [])
    if not check(isinstance(value, dict), f"{where}: not an object: {value!r}"):
        return
    for f in fields:
        name = f"{where}.{f['name']}"
        if not check(f["name"] in value, f"{name}: missing"):
            continue
        v = value[f["name"]]
        check(is_type(v, f["type"]), f"{name}: {v!r} is not of type {f['type']}")
        if f["type"] == "object" and f.get("schema") in schemas and isinstance(v, dict):
            check_fields(v, f["schema"], schemas, name)
        if f["type"] == "array" and f.get("schema") in schemas and isinstance(v, list):
            for i, item in enumerate(v):
                check_fields(item, f["schema"], schemas, f"{name}[{i}]")


def check_resource(item, schema_name, schemas, where):
    schema = schemas[schema_name]
    if not check(isinstance(item, dict), f"{where}: not an object"):
        return
    check(item.get("type") == schema["type"], f"{where}.type: {item.get('type')!r}, not {schema['type']!r}")
    check(isinstance(item.get("id"), str) and item["id"] != "", f"{where}.id: {item.get('id')!r} is not a non-empty string")
    check_fields(item.get("attributes"), schema_name, schemas, f"{where}.attributes")


def call(port, path, key=KEY):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"X-Api-Key": key} if key else {}
    conn.request("GET", path, headers=headers)
    res = conn.getresponse()
    body = res.read().decode("utf-8")
    conn.close()
    try:
        return res.status, json.loads(body) if body else None
    except json.JSONDecodeError:
        problems.append(f"GET {path}: the body is not JSON: {body[:200]!r}")
        return res.status, None


def check_envelope(body, where):
    check(isinstance(body, dict) and set(body) == {"data", "meta"}, f"{where}: not a {{data, meta}} envelope: {body!r}"[:300])
    meta = body.get("meta", {}) if isinstance(body, dict) else {}
    check(isinstance(meta.get("request_id"), str) and len(meta["request_id"]) == 36,
          f"{where}: meta.request_id is not a UUID: {meta.get('request_id')!r}")


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    desc = json.loads((ROOT / "api" / "leadfeeder-v1.json").read_text(encoding="utf-8"))
    described = {op["id"] for op in desc["operations"]}
    for op in NEW_OPERATIONS:
        assert op["id"] not in described, f"{op['id']} is described already: pick another name for the test"
    scratch_desc = copy.deepcopy(desc)
    scratch_desc["operations"].extend(NEW_OPERATIONS)
    moved = next(op for op in scratch_desc["operations"] if op["id"] == "tags.get")
    moved["path"] = MOVED_TAGS_GET
    schemas = scratch_desc["schemas"]

    with tempfile.TemporaryDirectory() as scratch:
        path = pathlib.Path(scratch) / "description.json"
        path.write_text(json.dumps(scratch_desc, indent=2), encoding="utf-8")

        routes = subprocess.run([argv[1], "--description", str(path), "--print-routes"], check=True,
                                capture_output=True, text=True).stdout.splitlines()
        for op in NEW_OPERATIONS:
            check(f"{op['method']} {op['path']} {op['id']}" in routes, f"--print-routes lacks {op['id']}")

        sim = subprocess.Popen([argv[1], "--port", "0", "--api-key", KEY, "--seed", "5", "--rate-limit", "off",
                                "--description", str(path), "--exit-on-stdin-eof"],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            line = sim.stdout.readline()
            if not line.startswith("listening on http://127.0.0.1:"):
                print(f"the simulator did not start: {line!r} {sim.stderr.read()}")
                return 1
            port = int(line.strip().rsplit(":", 1)[1])

            # The paginated list: page-number style, items of TagV1.
            status, body = call(port, f"/v1/tags/archived?account_id={ACCOUNT}&page%5Bsize%5D=10")
            check(status == 200, f"tags.list_archived: status {status}, not 200")
            check_envelope(body, "tags.list_archived")
            data = body.get("data") if isinstance(body, dict) else None
            if check(isinstance(data, list) and data, f"tags.list_archived: data is not a non-empty list: {data!r}"):
                check(len(data) <= 10, f"tags.list_archived: {len(data)} items on a page of 10")
                for i, item in enumerate(data):
                    check_resource(item, "TagV1", schemas, f"tags.list_archived data[{i}]")
            pagination = body.get("meta", {}).get("pagination", {}) if isinstance(body, dict) else {}
            check(pagination.get("page_num") == 1, f"tags.list_archived: meta.pagination.page_num {pagination.get('page_num')!r}")
            for key in ("page_count", "total_count"):
                check(is_type(pagination.get(key), "integer"), f"tags.list_archived: meta.pagination.{key} is not an integer")
            if isinstance(pagination.get("total_count"), int) and pagination["total_count"] > 10:
                status2, body2 = call(port, f"/v1/tags/archived?account_id={ACCOUNT}&page%5Bsize%5D=10&page%5Bnum%5D=2")
                check(status2 == 200, f"tags.list_archived page 2: status {status2}")
                p2 = body2.get("meta", {}).get("pagination", {}) if isinstance(body2, dict) else {}
                check(p2.get("page_num") == 2, f"tags.list_archived page 2: page_num {p2.get('page_num')!r}")
                check(isinstance(body2.get("data"), list) and body2["data"] != data, "tags.list_archived: page 2 repeats page 1")
            again = call(port, f"/v1/tags/archived?account_id={ACCOUNT}&page%5Bsize%5D=10")[1]
            check(isinstance(again, dict) and again.get("data") == data, "tags.list_archived: the same request got other data")
            status, _ = call(port, f"/v1/tags/archived?account_id={ACCOUNT}&page%5Bsize%5D=101")
            check(status == 400, f"tags.list_archived with page[size]=101: status {status}, not 400")

            # One record under a path parameter: an object schema with nested objects.
            status, body = call(port, f"/v1/companies/129018/summary?account_id={ACCOUNT}")
            check(status == 200, f"companies.get_summary: status {status}, not 200")
            check_envelope(body, "companies.get_summary")
            item = body.get("data") if isinstance(body, dict) else None
            check_resource(item, "CompanySummaryV1", schemas, "companies.get_summary data")
            check(isinstance(item, dict) and item.get("id") == "129018",
                  f"companies.get_summary: data.id {item.get('id') if isinstance(item, dict) else None!r}, not the path's 129018")

            # The rules every operation follows: the key, the account, the route.
            status, body = call(port, f"/v1/tags/archived?account_id={ACCOUNT}", key=None)
            check(status == 401, f"tags.list_archived without a key: status {status}, not 401")
            check(isinstance(body, dict) and body.get("errors", [{}])[0].get("code") == "missing_token",
                  f"tags.list_archived without a key: not missing_token: {body!r}"[:300])
            status, _ = call(port, f"/v1/tags/archived?account_id={ACCOUNT}", key="not-" + KEY)
            check(status == 401, f"tags.list_archived with an unknown key: status {status}, not 401")
            status, _ = call(port, "/v1/tags/archived")
            check(status == 400, f"tags.list_archived without account_id: status {status}, not 400")
            status, body = call(port, f"/v1/tags/archived/extra?account_id={ACCOUNT}")
            check(status == 404, f"an unknown path: status {status}, not 404")
            check(isinstance(body, dict) and body.get("errors", [{}])[0].get("code") == "entity_not_found",
                  f"an unknown path: not entity_not_found: {body!r}"[:300])

            # A hand-written operation answers from its state at the path the description gives.
            status, body = call(port, MOVED_TAGS_GET.replace("{tag_id}", "9001") + f"?account_id={ACCOUNT}")
            check(status == 200 and isinstance(body, dict) and body.get("data", {}).get("attributes", {}).get("name") == "VIP",
                  f"tags.get 9001 (seeded) at its moved path: status {status}, {body!r}"[:300])
            status, _ = call(port, f"/v1/tags/9001?account_id={ACCOUNT}")
            check(status == 404, f"tags.get at its old path: status {status}, not 404")
        finally:
            sim.stdin.close()
            try:
                sim.wait(timeout=10)
            except subprocess.TimeoutExpired:
                sim.kill()
                sim.wait()

    for p in problems:
        print(p)
    if problems:
        return 1
    print(f"the simulator answers {', '.join(op['id'] for op in NEW_OPERATIONS)} from a scratch description, "
          f"and tags.get at {MOVED_TAGS_GET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
