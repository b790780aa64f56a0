#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""tools/openapi_sync.py end to end against the simulator's /openapi.yaml, on loopback only.

    test_openapi_sync.py --simulator PATH --cxx CXX [--std 17] [--include DIR]... [--cli PATH]

The simulator serves the description as an OpenAPI document, and with --openapi-perturbed a copy
with a moved path, a path moved to an alternative spelling, a renamed parameter, a required flag
flipped, an added enum value, a new operation and a removed one (tools/openapi_document.py says
which). Each must be reported; --apply on a scratch copy of the repository must write each, the
regenerated headers must compile and run in a small program, and a second comparison must find
nothing left. Nothing may change without --apply; an ambiguous match is reported and not applied;
the report holds no key and no account data. With --cli, `leadfeeder doctor` is run against the
simulator too. Exits non-zero on the first failed check.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import openapi_document  # noqa: E402

KEY = "sk-test-SECRET-openapi-0123456789"
ARGS = None


class Simulator:
    def __init__(self, *flags):
        self.proc = subprocess.Popen([ARGS.simulator, "--port", "0", "--api-key", KEY, "--rate-limit", "off",
                                      "--exit-on-stdin-eof", *flags],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                     text=True)
        line = self.proc.stdout.readline().strip()
        prefix = "listening on "
        if not line.startswith(prefix):
            self.stop()
            raise RuntimeError(f"the simulator said {line!r}")
        self.url = line[len(prefix):]
        assert self.url.startswith("http://127.0.0.1:"), self.url

    def get(self, path):
        req = urllib.request.Request(self.url + path, headers={"X-Api-Key": KEY})
        with urllib.request.urlopen(req, timeout=10) as r:
            return json.loads(r.read())

    def stop(self):
        if self.proc.poll() is None:
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def scratch_copy(into: Path) -> Path:
    """The description, its generator and everything they write, copied into a fresh folder."""
    for name in ("api", "tools", "include", "docs"):
        shutil.copytree(ROOT / name, into / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "README.md", into / "README.md")
    return into


def sync(root: Path, *args, key=KEY):
    env = dict(os.environ)
    env.pop("LEADFEEDER_API_KEY", None)
    if key is not None:
        env["LEADFEEDER_API_KEY"] = key
    return subprocess.run([sys.executable, str(root / "tools" / "openapi_sync.py"), "--root", str(root), *args],
                          capture_output=True, text=True, env=env, timeout=300)


def description(root: Path) -> dict:
    return json.loads((root / "api" / "leadfeeder-v1.json").read_text(encoding="utf-8"))


def op_of(desc: dict, op_id: str):
    return next((o for o in desc["operations"] if o["id"] == op_id), None)


def cpp_identifier(name: str) -> str:
    sys.path.insert(0, str(ROOT / "tools"))
    import generate
    return generate.cpp_identifier(name)


class OpenapiSync(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.plain = Simulator()
        cls.perturbed = Simulator("--openapi-perturbed")
        cls.tmp = tempfile.TemporaryDirectory(prefix="lf-openapi-")
        cls.tmpdir = Path(cls.tmp.name)
        cls.changes = openapi_document.perturbations(openapi_document.load())

    @classmethod
    def tearDownClass(cls):
        cls.plain.stop()
        cls.perturbed.stop()
        cls.tmp.cleanup()

    def fresh(self, name: str) -> Path:
        return scratch_copy(self.tmpdir / name)

    # ---- the document itself

    def test_document_is_behind_the_key(self):
        for key in (None, "not-a-key"):
            req = urllib.request.Request(self.plain.url + "/openapi.yaml", headers={"X-Api-Key": key} if key else {})
            with self.assertRaises(urllib.error.HTTPError) as ctx:
                urllib.request.urlopen(req, timeout=10)
            self.assertIn(ctx.exception.code, (401, 403))
        r = sync(ROOT, "--base-url", self.plain.url, key="not-a-key")
        self.assertEqual(r.returncode, 2, r.stdout + r.stderr)
        self.assertIn("HTTP 401", r.stderr)  # as the live API answers a bogus key (the simulator too)
        self.assertIn("LEADFEEDER_API_KEY", r.stderr)
        r = sync(ROOT, "--base-url", self.plain.url, key=None)
        self.assertEqual(r.returncode, 2)
        self.assertIn("set LEADFEEDER_API_KEY", r.stderr)

    def test_unperturbed_document_confirms_every_operation(self):
        root = self.fresh("plain")
        before = (root / "api" / "leadfeeder-v1.json").read_bytes()
        r = sync(root, "--base-url", self.plain.url)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        n = len(description(root)["operations"])
        self.assertIn(f"{n} confirmed, 0 differ, 0 only in the document, 0 only in the description, 0 ambiguous",
                      r.stdout)
        self.assertEqual(r.stdout.count("\nconfirmed "), n)
        self.assertEqual((root / "api" / "leadfeeder-v1.json").read_bytes(), before)

    def test_apply_of_a_confirming_document_raises_inferred_facts_to_vendor(self):
        root = self.fresh("plain-apply")
        r = sync(root, "--base-url", self.plain.url, "--apply")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        desc = description(root)
        inferred = [o["id"] for o in desc["operations"] if "inferred" in (o["method_confidence"], o["path_confidence"])]
        self.assertEqual(inferred, [])
        note = f"vendor OpenAPI {openapi_document.VERSION} of {openapi_document.RELEASE_DATE}"
        self.assertTrue(any(note in (o.get("path_note") or "") for o in desc["operations"]))
        gen = subprocess.run([sys.executable, str(root / "tools" / "generate.py"), "--root", str(root), "--check"],
                             capture_output=True, text=True)
        self.assertEqual(gen.returncode, 0, gen.stderr)

    # ---- the perturbed document

    def perturbed_report(self, root: Path):
        r = sync(root, "--base-url", self.perturbed.url)
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        return r.stdout

    def test_every_perturbation_is_reported_and_nothing_written(self):
        root = self.fresh("report")
        before = (root / "api" / "leadfeeder-v1.json").read_bytes()
        generated_before = {p.name: p.read_bytes() for p in (root / "include/leadfeeder/generated").glob("*.hpp")}
        out = self.perturbed_report(root)
        kinds = {c["kind"] for c in self.changes}
        for must in ("moved_path", "renamed_parameter", "required_flipped", "added_enum_value", "new_operation",
                     "removed_operation"):
            self.assertIn(must, kinds, "the description offers no target for this perturbation")
        desc = description(root)
        for c in self.changes:
            kind, op_id = c["kind"], c["operation"]
            with self.subTest(kind=kind):
                if kind in ("moved_path", "alternative_path"):
                    how = "operation id or summary" if kind == "moved_path" else "an alternative spelling of the path"
                    self.assertIn(f"differs   {op_id}  ", out)
                    self.assertIn(f"(matched by {how})", out)
                    self.assertIn(f"path: description {op_of(desc, op_id)['path']}", out)
                    self.assertIn(openapi_document.vendor_path(c["path"]), out)
                elif kind == "renamed_parameter":
                    self.assertIn(f"parameter {c['parameter']}: the document calls it {c['name']} (renamed)", out)
                elif kind == "required_flipped":
                    side = "document" if c["required"] else "description"
                    self.assertIn(f"parameter {c['parameter']}: required in the {side} only", out)
                elif kind == "added_enum_value":
                    self.assertIn(f"enum {c['enum']} lacks {c['value']}", out)
                elif kind == "new_operation":
                    self.assertIn(f"only in the document  GET {c['path']}  ({c['operationId']} \"{c['summary']}\")", out)
                elif kind == "removed_operation":
                    self.assertIn(f"only in the description  {op_id}  ", out)
        self.assertIn("nothing written; --apply writes these into the description", out)
        self.assertEqual((root / "api" / "leadfeeder-v1.json").read_bytes(), before)
        self.assertEqual({p.name: p.read_bytes() for p in (root / "include/leadfeeder/generated").glob("*.hpp")},
                         generated_before)

    def test_apply_writes_each_perturbation_and_the_headers_compile(self):
        root = self.fresh("apply")
        r = sync(root, "--base-url", self.perturbed.url, "--apply", "--remove-missing")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn("written and regenerated", r.stdout)
        desc = description(root)
        note = f"vendor OpenAPI {openapi_document.PERTURBED_VERSION} of {openapi_document.RELEASE_DATE}"
        calls = []
        for c in self.changes:
            kind, op_id = c["kind"], c["operation"]
            with self.subTest(kind=kind):
                op = op_of(desc, op_id) if op_id else None
                if kind in ("moved_path", "alternative_path"):
                    self.assertEqual(op["path"], c["path"])
                    self.assertEqual(op["path_confidence"], "vendor")
                    self.assertIn(note, op["path_note"])
                elif kind == "renamed_parameter":
                    names = [p["name"] for p in op["params"]]
                    self.assertIn(c["name"], names)
                    self.assertNotIn(c["parameter"], names)
                    p = next(p for p in op["params"] if p["name"] == c["name"])
                    self.assertEqual(p["confidence"], "vendor")
                    self.assertIn(note, p["note"])
                    arg = {"string": "std::string_view{}", "date": "std::string_view{}", "month": "std::string_view{}",
                           "integer": "std::int64_t{1}", "boolean": "true",
                           "string_list": "std::declval<lf::string_list>()"}.get(p["type"])
                    if arg:  # the builder has the renamed setter
                        group, verb = op_id.split(".")
                        trait = f"has_{cpp_identifier(c['name'])}"
                        calls.append(
                            f"template <class B, class = void> struct {trait} : std::false_type {{}};\n"
                            f"template <class B> struct {trait}<B, std::void_t<decltype(std::declval<B const&>()."
                            f"{cpp_identifier(c['name'])}({arg}))>> : std::true_type {{}};\n"
                            f"static_assert({trait}<decltype(lf::{group}::{cpp_identifier(verb)}())>::value);")
                elif kind == "required_flipped":
                    p = next(p for p in op["params"] if p["name"] == c["parameter"])
                    self.assertEqual(bool(p.get("required")), c["required"])
                    self.assertEqual(p["confidence"], "vendor")
                elif kind == "added_enum_value":
                    values = desc["enums"][c["enum"]]["values"]
                    added = next(v for v in values if v["wire"] == c["value"])
                    self.assertEqual(added["confidence"], "vendor")
                    self.assertIn(note, added["note"])
                    group, name = c["enum"].split(".")
                    calls.append(f"static_assert(lf::{group}::to_string(lf::{group}::{name}::{cpp_identifier(c['value'])}) == "
                                 f"\"{c['value']}\");")
                elif kind == "new_operation":
                    new = next(o for o in desc["operations"] if o["path"] == c["path"])
                    self.assertEqual(new["method"], c["method"].upper())
                    self.assertEqual((new["method_confidence"], new["path_confidence"]), ("vendor", "vendor"))
                    self.assertEqual(new["title"], c["summary"])
                    self.assertIn(note, new["path_note"])
                    group, verb = new["id"].split(".")
                    calls.append(f"static_assert(decltype(lf::{group}::{cpp_identifier(verb)}())::operation_id == "
                                 f"\"{new['id']}\");")
                elif kind == "removed_operation":
                    self.assertIsNone(op)
        # A second look finds nothing left to do.
        again = sync(root, "--base-url", self.perturbed.url)
        self.assertEqual(again.returncode, 0, again.stdout)
        self.assertIn(" 0 differ, 0 only in the document, 0 only in the description, 0 ambiguous", again.stdout)
        self.assertGreaterEqual(len(calls), 3)
        self.compile_against(root, calls)

    def compile_against(self, root: Path, checks: list):
        source = root / "check_regenerated.cpp"
        source.write_text(
            "#define LEADFEEDER_BOOST_JSON_IMPL\n#include <leadfeeder/leadfeeder.hpp>\n"
            "#include <leadfeeder/testing/scripted_transport.hpp>\n\n#include <cstdint>\n#include <string_view>\n"
            "#include <type_traits>\n#include <utility>\n\nnamespace lf = leadfeeder;\n\n"
            + "\n".join(checks) + "\n\nint main() {\n"
            "  lf::testing::scripted_transport script;\n"
            "  script.respond(200, R\"({\"data\":{\"type\":\"user\",\"id\":\"1\",\"attributes\":{}}})\");\n"
            "  lf::client<lf::testing::scripted_transport> client(script, lf::client_options{});\n"
            "  auto r = client.send(lf::users::me());\n"
            "  return r && r->data().id() == \"1\" ? 0 : 1;\n}\n", encoding="utf-8")
        exe = root / "check_regenerated"
        cmd = [ARGS.cxx, f"-std=c++{ARGS.std}", "-Wall", "-Wextra", "-Wpedantic", "-Werror",
               "-I", str(root / "include")] + [f"-I{d}" for d in ARGS.include] + [str(source), "-o", str(exe)]
        build = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
        self.assertEqual(build.returncode, 0, build.stderr[-4000:])
        self.assertEqual(subprocess.run([str(exe)], timeout=60).returncode, 0)

    def test_apply_without_remove_missing_keeps_what_the_document_lacks(self):
        root = self.fresh("keep")
        r = sync(root, "--base-url", self.perturbed.url, "--apply")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        removed = next(c["operation"] for c in self.changes if c["kind"] == "removed_operation")
        op = op_of(description(root), removed)
        self.assertIsNotNone(op)
        self.assertIn(f"not in the vendor OpenAPI {openapi_document.PERTURBED_VERSION}", op["note"])

    def test_ambiguous_matches_are_reported_never_applied(self):
        import yaml
        root = self.fresh("ambiguous")
        saved = self.tmpdir / "saved.yaml"
        r = sync(root, "--base-url", self.perturbed.url, "--save", str(saved))
        self.assertEqual(r.returncode, 1)
        # The saved document gives the same report.
        again = sync(root, "--openapi", str(saved))
        self.assertEqual(again.stdout.split("\n", 1)[1], r.stdout.split("\n", 1)[1])
        # Two vendor operations with the title of one moved operation.
        moved = next(c for c in self.changes if c["kind"] == "moved_path")
        doc = yaml.safe_load(saved.read_text(encoding="utf-8"))
        path = openapi_document.vendor_path(moved["path"])
        method, entry = next(iter(doc["paths"][path].items()))
        doc["paths"][path + "-again"] = {method: dict(entry)}
        twice = self.tmpdir / "twice.yaml"
        twice.write_text(yaml.safe_dump(doc), encoding="utf-8")
        r = sync(root, "--openapi", str(twice), "--apply")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn(f"matches {moved['operation']} by operation id or summary  [not applied]", r.stdout)
        self.assertEqual(r.stdout.count(f"ambiguous  {method.upper()} {path}  ("), 1)
        self.assertEqual(r.stdout.count(f"ambiguous  {method.upper()} {path}-again  ("), 1)
        op = op_of(description(root), moved["operation"])
        self.assertEqual(op["path"], op_of(openapi_document.load(), moved["operation"])["path"])

    def test_a_result_the_generator_refuses_is_rolled_back(self):
        import yaml
        root = self.fresh("refused")
        saved = self.tmpdir / "refused-source.yaml"
        sync(root, "--base-url", self.plain.url, "--save", str(saved))
        doc = yaml.safe_load(saved.read_text(encoding="utf-8"))
        # A single-resource read that the document pages by number: the generator refuses it.
        desc = description(root)
        one = next(o for o in desc["operations"] if o["response"]["data"] == "one")
        entry = doc["paths"][openapi_document.vendor_path(one["path"])][one["method"].lower()]
        entry.setdefault("parameters", []).append({"name": "page[num]", "in": "query", "schema": {"type": "integer"}})
        bad = self.tmpdir / "refused.yaml"
        bad.write_text(yaml.safe_dump(doc), encoding="utf-8")
        before = (root / "api" / "leadfeeder-v1.json").read_bytes()
        r = sync(root, "--openapi", str(bad), "--apply")
        self.assertEqual(r.returncode, 2, r.stdout + r.stderr)
        self.assertIn("the description is restored", r.stderr)
        self.assertEqual((root / "api" / "leadfeeder-v1.json").read_bytes(), before)

    def test_the_report_holds_no_key_and_no_account_data(self):
        root = self.fresh("hygiene")
        accounts = self.perturbed.get("/v1/accounts")["data"]
        user = self.perturbed.get("/v1/users/me")["data"]
        secrets = [KEY] + [a["id"] for a in accounts] + [a["attributes"].get("name", "") for a in accounts]
        secrets += [user["id"], user["attributes"].get("email", ""), user["attributes"].get("last_name", "")]
        secrets = [s for s in secrets if s]
        self.assertGreater(len(secrets), 4)
        runs = [sync(root, "--base-url", self.perturbed.url), sync(root, "--base-url", self.plain.url),
                sync(root, "--base-url", self.plain.url, key="wrong-" + KEY),
                sync(self.fresh("hygiene-apply"), "--base-url", self.perturbed.url, "--apply")]
        for r in runs:
            text = r.stdout + r.stderr
            self.assertTrue(text.strip())
            text.encode("ascii")  # plain text
            for s in secrets:
                self.assertNotIn(s, text)

    def test_the_guide_names_only_options_that_exist(self):
        import re
        guide = (ROOT / "docs" / "openapi-sync.md").read_text(encoding="utf-8")
        mentioned = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", guide))
        known = subprocess.run([sys.executable, str(ROOT / "tools" / "openapi_sync.py"), "--help"],
                               capture_output=True, text=True).stdout
        known += subprocess.run([ARGS.simulator, "--help"], capture_output=True, text=True).stdout
        if ARGS.cli:
            known += subprocess.run([ARGS.cli, "doctor", "--help"], capture_output=True, text=True).stdout
        else:
            mentioned -= {"--account", "--month"}
        mentioned -= {"--output-on-failure", "--build"}  # ctest's and cmake's
        self.assertGreater(len(mentioned), 8)
        for option in sorted(mentioned):
            self.assertTrue(re.search(r"(?<![\w-])" + re.escape(option) + r"(?![\w-])", known), option)

    def test_method_range_body_and_response_differences_are_reported_and_applied(self):
        import yaml
        root = self.fresh("kinds")
        saved = self.tmpdir / "kinds-source.yaml"
        self.assertEqual(sync(root, "--base-url", self.plain.url, "--save", str(saved)).returncode, 0)
        doc = yaml.safe_load(saved.read_text(encoding="utf-8"))
        desc = description(root)
        weak = ("observed", "inferred")
        vp = openapi_document.vendor_path

        def entry(op):
            return doc["paths"][vp(op["path"])][op["method"].lower()]
        # A method: an inferred GET whose path has no POST, found again by its summary.
        m_op = next(o for o in desc["operations"] if o["method_confidence"] == "inferred" and o["method"] == "GET"
                    and "post" not in doc["paths"][vp(o["path"])])
        doc["paths"][vp(m_op["path"])]["post"] = doc["paths"][vp(m_op["path"])].pop("get")
        # A range: an integer parameter's maximum.
        r_op, r_param = next((o, p) for o in desc["operations"] if o is not m_op for p in o["params"]
                             if p["type"] == "integer" and "max" in p and p["confidence"] != "docs")
        next(p for p in entry(r_op)["parameters"] if p["name"] == r_param["name"])["schema"]["maximum"] = \
            r_param["max"] - 1
        # A body: an optional field made required, and a field only the document has.
        b_op, b_field = next((o, f) for o in desc["operations"] if o not in (m_op, r_op) and o.get("body")
                             and o["body"]["kind"] in ("flat", "resource") for f in o["body"].get("fields", [])
                             if "." not in f["name"] and not f.get("required") and f["confidence"] != "docs")
        body_schema = entry(b_op)["requestBody"]["content"]["application/json"]["schema"]
        if b_op["body"]["kind"] == "resource":
            body_schema = body_schema["properties"]["data"]["properties"]["attributes"]
        body_schema.setdefault("required", []).append(b_field["name"])
        body_schema["properties"]["vendor_extra"] = {"type": "string"}
        # A response: a raw answer the document names.
        s_op = next(o for o in desc["operations"] if o not in (m_op, r_op, b_op) and o["response"]["data"] == "raw"
                    and o["response"]["confidence"] in weak)
        schema = sorted(n for n, x in desc["schemas"].items() if x["kind"] == "resource")[0]
        entry(s_op)["responses"]["200"]["content"]["application/json"]["schema"]["properties"]["data"] = {
            "type": "array", "items": {"$ref": f"#/components/schemas/{schema}"}}
        # A schema: an attribute only the document has, and one whose C++ name every view already takes.
        attrs = doc["components"]["schemas"][schema]["properties"]["attributes"].setdefault("properties", {})
        attrs["vendor_attribute"] = {"type": "string"}
        attrs["id"] = {"type": "string"}
        changed = self.tmpdir / "kinds.yaml"
        changed.write_text(yaml.safe_dump(doc), encoding="utf-8")

        r = sync(root, "--openapi", str(changed), "--date", "2026-11-30")
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        out = r.stdout
        self.assertIn(f"method: description GET [{m_op['method_confidence']}], document POST", out)
        self.assertIn(f"parameter {r_param['name']}: maximum {r_param['max']} in the description, "
                      f"{r_param['max'] - 1} in the document", out)
        self.assertIn(f"body field {b_field['name']}: required in the document", out)
        self.assertIn("body field vendor_extra: only in the document (string)", out)
        self.assertIn(f"response: raw in the description, list of {schema} in the document", out)
        self.assertIn(f"schema    {schema} differs\n", out)
        self.assertIn("\n    attribute vendor_attribute: only in the document (string)\n", out)
        self.assertIn("attribute id: only in the document (string)  [not applied: its C++ name id is taken]", out)

        r = sync(root, "--openapi", str(changed), "--date", "2026-11-30", "--apply")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        after = description(root)
        note = "vendor OpenAPI 1.0.0-simulator of 2026-11-30"
        m_after = op_of(after, m_op["id"])
        self.assertEqual((m_after["method"], m_after["method_confidence"]), ("POST", "vendor"))
        self.assertIn(note, m_after["path_note"])
        self.assertEqual(next(p for p in op_of(after, r_op["id"])["params"] if p["name"] == r_param["name"])["max"],
                         r_param["max"] - 1)
        fields = {f["name"]: f for f in op_of(after, b_op["id"])["body"]["fields"]}
        self.assertTrue(fields[b_field["name"]]["required"])
        self.assertEqual(fields["vendor_extra"]["confidence"], "vendor")
        self.assertEqual(op_of(after, s_op["id"])["response"]["data"], "list")
        self.assertEqual(op_of(after, s_op["id"])["response"]["schema"], schema)
        added = next(a for a in after["schemas"][schema]["attributes"] if a["name"] == "vendor_attribute")
        self.assertEqual(added["confidence"], "vendor")
        self.assertNotIn("id", [a["name"] for a in after["schemas"][schema]["attributes"]])
        again = sync(root, "--openapi", str(changed), "--date", "2026-11-30")
        self.assertEqual(again.returncode, 1, again.stdout)  # only the attribute that cannot be applied is left
        self.assertIn("schemas: ", again.stdout)
        self.assertIn(" 0 differ, 0 only in the document, 0 only in the description, 0 ambiguous\n", again.stdout)
        self.assertEqual([x for x in again.stdout.splitlines() if x.startswith("    ")],
                         ["    attribute id: only in the document (string)  [not applied: its C++ name id is taken]"])
        view = desc["schemas"][schema]["cpp"]
        group, verb = b_op["id"].split(".")
        self.compile_against(root, [
            "template <class B, class = void> struct has_vendor_extra : std::false_type {};\n"
            "template <class B> struct has_vendor_extra<B, std::void_t<decltype(std::declval<B const&>()"
            ".vendor_extra(std::string_view{}))>> : std::true_type {};\n"
            f"static_assert(has_vendor_extra<decltype(lf::{group}::{cpp_identifier(verb)}())>::value);\n"
            f"static_assert(decltype(lf::{m_op['id'].split('.')[0]}::{cpp_identifier(m_op['id'].split('.')[1])}())"
            "::method == lf::http_method::post);",
            f"static_assert(std::is_same_v<decltype(std::declval<lf::{view} const&>().vendor_attribute()), "
            "std::string_view>);"])

    def test_odd_documents_are_errors_or_reports_never_tracebacks(self):
        root = self.fresh("odd")
        before = (root / "api" / "leadfeeder-v1.json").read_bytes()
        odd = {
            "not-openapi.yaml": "swagger: '2.0'\npaths: {}\n",
            "not-yaml.yaml": "openapi: [3\n  : {",
            "list-paths.yaml": "openapi: 3.0.0\npaths: [1, 2]\n",
            "odd-shapes.yaml": "openapi: 3.0.0\npaths:\n  /v1/tags:\n    get:\n      parameters: {a: 1}\n"
                               "      summary: 7\n      responses: [1]\n    post: 12\n"
                               "  /v1/lists:\n    parameters: [1, {in: query}]\n    get:\n"
                               "      parameters:\n        - {name: 'page[num]', in: query, schema: [1]}\n"
                               "      requestBody: {content: {application/json: {schema: {properties: {data: 5}}}}}\n"
                               "      responses: {'200': {content: {application/json: {schema: {properties:"
                               " {data: {type: array, items: 3}}}}}}}\n"
                               "  /v1/{x}/{y}:\n    get: {operationId: '{}'}\n  /elsewhere:\n    get: {}\n",
            "bad-ref.yaml": "openapi: 3.0.0\npaths:\n  /v1/tags:\n    $ref: '#/nowhere/at/all'\n"
                            "  /v1/lists:\n    get:\n      parameters:\n        - $ref: 'http://elsewhere/p'\n",
        }
        for name, text in odd.items():
            path = self.tmpdir / name
            path.write_text(text, encoding="utf-8")
            for extra in ([], ["--apply"]):
                with self.subTest(document=name, apply=bool(extra)):
                    r = sync(root, "--openapi", str(path), *extra)
                    self.assertIn(r.returncode, (0, 1, 2), r.stderr)
                    self.assertNotIn("Traceback", r.stderr)
                    if r.returncode == 2:
                        self.assertIn("openapi_sync: error:", r.stderr)
            (root / "api" / "leadfeeder-v1.json").write_bytes(before)
        r = sync(root, "--openapi", str(self.tmpdir / "no-such-file.yaml"))
        self.assertEqual(r.returncode, 2)
        self.assertIn("cannot read", r.stderr)

    # ---- leadfeeder doctor (examples/cli) against the simulator

    def test_doctor_against_the_simulator(self):
        if not ARGS.cli:
            self.skipTest("no --cli")
        env = dict(os.environ, LEADFEEDER_API_KEY=KEY)
        r = subprocess.run([ARGS.cli, "doctor", "--account", "123456", "--month", "2026-11",
                            "--base-url", self.perturbed.url], capture_output=True, text=True, env=env, timeout=60)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        out = r.stdout
        self.assertIn("key: valid", out)
        self.assertIn("account 123456", out)
        self.assertIn("credits:", out)
        self.assertIn("requests this month (2026-11):", out)
        self.assertIn(f"OpenAPI document: Leadfeeder API {openapi_document.PERTURBED_VERSION}", out)
        desc = openapi_document.load()
        for c in self.changes:
            op = op_of(desc, c["operation"]) if c["operation"] else None
            if op is None or "inferred" not in (op["method_confidence"], op["path_confidence"]):
                continue
            line = next((x for x in out.splitlines() if x.startswith(f"  {op['id']}  ")), "")
            if c["kind"] in ("moved_path", "alternative_path"):
                self.assertIn(f": the document has {op['method']} {openapi_document.vendor_path(c['path'])} (", line)
            if c["kind"] == "removed_operation":
                self.assertTrue(line.endswith(": not in the document"), line)
        self.assertRegex(out, r"\n\d+ confirmed, \d+ elsewhere in the document, 0 ambiguous, \d+ not in the document\n")
        self.assertNotIn(KEY, out + r.stderr)
        # A saved document gives the same answer about the operations.
        saved = self.tmpdir / "doctor.yaml"
        sync(ROOT, "--base-url", self.perturbed.url, "--save", str(saved))
        r2 = subprocess.run([ARGS.cli, "doctor", "--account", "123456", "--month", "2026-11", "--openapi", str(saved),
                             "--base-url", self.perturbed.url], capture_output=True, text=True, env=env, timeout=60)
        self.assertEqual(r2.returncode, 0, r2.stdout + r2.stderr)
        self.assertEqual(out[out.index("OpenAPI document:"):].split("\n", 1)[1],
                         r2.stdout[r2.stdout.index("OpenAPI document:"):].split("\n", 1)[1])


def main() -> int:
    global ARGS
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--simulator", required=True)
    parser.add_argument("--cxx", required=True)
    parser.add_argument("--std", default="17")
    parser.add_argument("--include", action="append", default=[])
    parser.add_argument("--cli")
    ARGS, rest = parser.parse_known_args()
    ARGS.include = [d for d in ARGS.include if d]
    result = unittest.main(argv=[sys.argv[0], "-v", *rest], exit=False).result
    return 0 if result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())
