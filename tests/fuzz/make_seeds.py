#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes the seed corpora of the fuzz harnesses: tests/fuzz/corpus/<harness>/.

fuzz_decode's seeds are small files of the response corpus (tests/corpus/responses/, written by
tests/corpus/make_corpus.py); fuzz_errors' are a status byte, a Retry-After length, a switch byte,
a Retry-After value and an error body; fuzz_request's are laid out for FuzzedDataProvider, which
takes numbers from the end of the input and strings from its front. Deterministic; `--check`
exits 1 when the committed seeds differ.

The CTest fuzz tests copy these folders into the build tree and fuzz the copy: nothing is ever
written here by a run.
"""

import pathlib
import random
import sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
RESPONSES = ROOT / "tests" / "corpus" / "responses"
OUT = HERE / "corpus"

DECODE_SEEDS = [
    "base_contacts_retrieve_fixture.json",
    "base_contact_every_field.json",
    "truncated_contacts_0161.json",
    "truncated_contacts_0966.json",
    "malformed_trailing_comma_array.json",
    "malformed_unclosed_string.json",
    "malformed_raw_tab_in_string.json",
    "malformed_nan.json",
    "nesting_arrays_total_000064.json",
    "nesting_arrays_total_000065.json",
    "nesting_objects_total_000064.json",
    "nesting_mixed_total_000064.json",
    "nesting_group_company_30_levels_total_063.json",
    "nesting_data_wrappers_included_total_000064.json",
    "number_1e400_as_company_fields.json",
    "number_int64_min_minus_1_as_credits_charged.json",
    "number_uint64_max_as_contact_id_and_values.json",
    "number_minus_zero_float_as_company_fields.json",
    "number_min_denormal_4.9e-324_as_company_fields.json",
    "utf8_invalid_overlong_slash_c0af_in_value.json",
    "utf8_invalid_truncated_3byte_e282_in_key.json",
    "utf8_valid_u10ffff.json",
    "escape_lone_high_d800_in_value.json",
    "escape_reversed_pair_dc00_d800_in_key.json",
    "escape_valid_pair_d83d_de00_in_value.json",
    "escape_valid_escaped_nul_in_key.json",
    "bom_utf8_before_body.json",
    "nul_escaped_in_value.json",
    "nul_raw_in_value.json",
    "duplicate_keys_data_string_then_array.json",
    "duplicate_keys_custom_field_key_twice.json",
    "error_body_shape_b_errors_array_status_200.json",
    "error_body_shape_c_nested_error_status_200.json",
    "status_body_html_login_page_status_200.json",
    "shape_relationship_wrappers.json",
    "shape_integer_ids_everywhere.json",
    "shape_data_array_of_scalars.json",
    "included_resolved.json",
    "included_mutual_cycle.json",
    "included_wrapped_stubs.json",
    "wrong_type_contact_relationships.company_array.json",
    "wrong_type_contact_attributes.custom_fields.property1.value_true.json",
    "wrong_type_contact_attributes.emails.0_number.json",
]


def errors_seeds():
    statuses = [400, 401, 403, 404, 405, 408, 409, 410, 413, 415, 422, 429, 451, 499, 500, 501, 502, 503, 504,
                507, 520, 599, 100, 101, 199, 300, 301, 302, 304, 307, 308, 0, -1, 600, 999, 1000]
    index = {s: i for i, s in enumerate(statuses)}
    bodies = {
        "shape_a": b'{"code":"too_many_requests","message":"Slow down"}',
        "shape_b": b'{"errors":[{"code":"entity_not_found","title":"Not found","detail":"No contact"}],"meta":{"request_id":"r"}}',
        "shape_c": b'{"error":{"code":"invalid_token","message":"expired"}}',
        "string_error": b'{"error":"text"}',
        "html": b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
        "empty": b"",
        "not_json": b"Service Unavailable\x00\xff",
        "deep": b"[" * 80 + b"]" * 80,
        "bom": b'\xef\xbb\xbf{"code":"x"}',
    }
    retry_afters = {
        "seconds": b"120",
        "zero": b"0",
        "huge": b"999999999999999999",
        "too_many_digits": b"9999999999999999999",
        "imf_date_past": b"Sun, 06 Nov 1994 08:49:37 GMT",
        "imf_date_future": b"Wed, 21 Oct 2099 07:28:00 GMT",
        "rfc850_date": b"Sunday, 06-Nov-94 08:49:37 GMT",
        "asctime_date": b"Sun Nov  6 08:49:37 1994",
        "padded": b" \t5\t ",
        "negative": b"-1",
        "fraction": b"1.5",
        "feb_30": b"Mon, 30 Feb 2026 00:00:00 GMT",
        "crlf": b"12\r\n34",
        "empty": b"",
    }
    seeds = {}
    combos = [
        (429, "seconds", "shape_a", 0), (503, "huge", "html", 0), (503, "too_many_digits", "empty", 4 | (3 << 3)),
        (500, "imf_date_future", "shape_b", 2), (502, "imf_date_past", "not_json", 0), (401, "rfc850_date", "shape_c", 0),
        (403, "asctime_date", "shape_c", 2), (403, "padded", "shape_a", 0), (404, "negative", "shape_b", 0),
        (408, "fraction", "deep", 0), (429, "feb_30", "bom", 4), (504, "crlf", "string_error", 0),
        (418 if 418 in index else 999, "empty", "html", 1), (0, "zero", "empty", 0), (-1, "seconds", "shape_a", 6),
        (1000, "huge", "shape_b", 0), (100, "seconds", "not_json", 0), (302, "imf_date_future", "html", 4 | (9 << 3)),
        (599, "seconds", "deep", 4), (422, "zero", "shape_b", 2),
    ]
    for status, retry, body, switches in combos:
        value = retry_afters[retry]
        seed = bytes([index[status], len(value), switches]) + value + bodies[body]
        seeds[f"status_{status}_retry_after_{retry}_body_{body}".replace("-", "minus_")] = seed
    return seeds


def request_seeds():
    seeds = {}
    # extra_fields nested N arrays deep under one key (see fuzz_request.cpp's json_value): the
    # numbers are read from the end of the input, so the choices are written back to front.
    for arrays in (63, 64, 65):
        tail = [7, 8, 1, 22] + [7] * arrays + [0]
        name = f"search_signals_extra_fields_{arrays}_nested_arrays"
        seeds[name] = bytes(reversed(tail))
    rng = random.Random(20240611)
    for builder in range(10):
        for k in range(4):
            front = bytes(rng.randrange(256) for _ in range(rng.randrange(8, 48)))
            back = bytes(rng.randrange(256) for _ in range(rng.randrange(8, 32)))
            # The last byte picks the builder; printable text in front so that strings are plausible.
            text = bytes(rng.choice(b"abcXYZ019-._~ %/?#&=,\r\n\"\\\xc3\xa9") for _ in range(rng.randrange(4, 40)))
            seeds[f"builder_{builder}_random_{k}"] = text + front + back + bytes([builder + 10 * k])
    return seeds


def build():
    out = {}
    for name in DECODE_SEEDS:
        body = (RESPONSES / name).read_bytes()
        if len(body) > 8192:
            raise SystemExit(f"make_seeds.py: {name} is too big for a seed")
        out[("fuzz_decode", name)] = body
    for name, seed in errors_seeds().items():
        out[("fuzz_errors", name)] = seed
    for name, seed in request_seeds().items():
        out[("fuzz_request", name)] = seed
    return out


def main(argv):
    check = "--check" in argv[1:]
    seeds = build()
    harnesses = sorted({h for h, _ in seeds})
    if check:
        problems = []
        for (harness, name), body in seeds.items():
            path = OUT / harness / name
            if not path.exists() or path.read_bytes() != body:
                problems.append(f"{path.relative_to(ROOT)} is missing or differs")
        for harness in harnesses:
            for path in sorted((OUT / harness).glob("*")):
                if (harness, path.name) not in seeds:
                    problems.append(f"unexpected {path.relative_to(ROOT)}")
        for p in problems[:20]:
            print(p, file=sys.stderr)
        if problems:
            print("run python3 tests/fuzz/make_seeds.py", file=sys.stderr)
            return 1
        print(f"fuzz seeds are fresh: {len(seeds)} files")
        return 0
    for harness in harnesses:
        folder = OUT / harness
        folder.mkdir(parents=True, exist_ok=True)
        for path in folder.glob("*"):
            if (harness, path.name) not in seeds:
                path.unlink()
    for (harness, name), body in seeds.items():
        (OUT / harness / name).write_bytes(body)
    counts = {h: sum(1 for k in seeds if k[0] == h) for h in harnesses}
    print("wrote " + ", ".join(f"{n} seeds for {h}" for h, n in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
