"""A small JSON Schema checker (the subset our published schemas use), because `jsonschema` is not installed.

Supports: type, properties, required, items, enum, const, pattern, minLength, $ref to "#/$defs/...", allOf,
anyOf, oneOf. Returns the problems as "place: message" lines; an empty list means valid.
"""

from __future__ import annotations

import re
from typing import Any

_TYPES: dict[str, Any] = {
    "object": dict,
    "array": list,
    "string": str,
    "boolean": bool,
    "null": type(None),
}


def check(value: Any, schema: dict[str, Any], root: dict[str, Any] | None = None, where: str = "$") -> list[str]:
    root = root or schema
    problems: list[str] = []
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        problems += check(value, root["$defs"][name], root, where)
    if "type" in schema and not _is_type(value, schema["type"]):
        return [*problems, f"{where}: expected {schema['type']}, found {type(value).__name__}"]
    if "enum" in schema and value not in schema["enum"]:
        problems.append(f"{where}: {value!r} is not one of {schema['enum']}")
    if "const" in schema and value != schema["const"]:
        problems.append(f"{where}: {value!r} is not {schema['const']!r}")
    if isinstance(value, str):
        if "pattern" in schema and not re.search(schema["pattern"], value):
            problems.append(f"{where}: {value!r} does not match {schema['pattern']}")
        if len(value) < schema.get("minLength", 0):
            problems.append(f"{where}: shorter than {schema['minLength']}")
    if isinstance(value, dict):
        for name in schema.get("required", []):
            if name not in value:
                problems.append(f"{where}: '{name}' is required")
        for name, sub in schema.get("properties", {}).items():
            if name in value:
                problems += check(value[name], sub, root, f"{where}.{name}")
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            problems += check(item, schema["items"], root, f"{where}[{index}]")
    for sub in schema.get("allOf", []):
        problems += check(value, sub, root, where)
    if "anyOf" in schema and not any(not check(value, sub, root, where) for sub in schema["anyOf"]):
        problems.append(f"{where}: matches none of the allowed forms")
    if "oneOf" in schema:
        matching = sum(1 for sub in schema["oneOf"] if not check(value, sub, root, where))
        if matching != 1:
            problems.append(f"{where}: matches {matching} of the forms, not exactly one")
    return problems


def _is_type(value: Any, expected: str) -> bool:
    if expected == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if expected == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    return isinstance(value, _TYPES[expected]) and not (expected != "boolean" and isinstance(value, bool))
