"""What the simulator (simulator/src/) reads from the description: its routes and the wire values
of every enumeration, as X-macro lists the simulator includes."""

from __future__ import annotations

from .model import BANNER, enum_parts


def emit_routes(desc: dict) -> str:
    """One line per operation, in the description's order. The simulator prefers the route with
    the most literal segments, so the order does not matter. A route needs an account when the
    operation requires `account_id`; its handler is the member function named after the
    operation's id (`lists.list_items` -> `lists_list_items`)."""
    lines = [BANNER,
             "// The simulator's routes (simulator/src/api.cpp defines LEADFEEDER_SIMULATOR_ROUTE before",
             "// including this file): method, path, operation id, whether it needs `account_id`, handler.",
             ""]
    for op in desc["operations"]:
        needs_account = any(p["name"] == "account_id" and p.get("in") == "query" and p.get("required")
                            for p in op["params"])
        handler = op["id"].replace(".", "_")
        lines.append(f'LEADFEEDER_SIMULATOR_ROUTE("{op["method"]}", "{op["path"]}", "{op["id"]}", '
                     f'{"true" if needs_account else "false"}, {handler})')
    return "\n".join(lines) + "\n"


def emit_enums(desc: dict) -> str:
    """One line per value, grouped by enum, in the description's order."""
    lines = [BANNER,
             "// The wire values of every enumeration (the simulator defines LEADFEEDER_SIMULATOR_ENUM_VALUE",
             "// before including this file): the C++ enum as the generated headers name it (namespace",
             "// leadfeeder::<group>), and one wire value.",
             ""]
    for enum_name, enum in desc["enums"].items():
        group, name = enum_parts(enum_name)
        for value in enum["values"]:
            lines.append(f'LEADFEEDER_SIMULATOR_ENUM_VALUE({group}::{name}, "{value["wire"]}")')
    return "\n".join(lines) + "\n"
