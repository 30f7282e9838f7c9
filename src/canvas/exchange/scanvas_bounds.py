"""What the schema of a version-1 file already bounds: the longest text and deepest nesting of its records.

Every value of an untrusted file is walked to enforce the caps on text length and nesting (`limits.py`). In the
three long lists (cards, placements, links) a record that validates against its schema class cannot exceed the
caps: its keys are field names, its texts have schema maximums, its lists hold short texts. The one gap would be a
number field that is not strict, which pydantic also fills from a numeric text of any length, so such fields are
checked for text (the version-1 classes have none: their numbers are strict). A file that
validates as it is therefore skips the walk over the long lists (two thirds of reading a 10,000-card file's
limits, ~0.1 s of CPU on the loaded machine). The bounds are worked out from the classes' own JSON Schema: a
field it leaves unbounded (a text without a maximum, a nested object) turns the shortcut off for good.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, Strict, ValidationError

from canvas.exchange.limits import Limits, within_limits
from canvas.exchange.scanvas import FORMAT, VERSION, CardEntry, LinkEntry, PlacementEntry, ScanvasFile

#: Depth of the long lists' records in a file: the file's object is 1, the list 2, a record 3.
_RECORD_DEPTH = 3


@dataclass(frozen=True, slots=True)
class RecordBounds:
    """What any valid record of one schema class can hold at most."""

    longest_text: float
    #: Nesting levels of a record: 1 for the record, 2 with a list of texts in it; inf for anything deeper.
    depth: float
    #: Fields pydantic fills from numbers, or from numeric texts of any length: checked for text.
    number_fields: tuple[str, ...]
    #: Text fields bounded by a pattern only (e.g. a colour): checked for length.
    text_fields: tuple[str, ...]


def record_bounds(entry: type[BaseModel]) -> RecordBounds:
    schema = entry.model_json_schema()
    defs = schema.get("$defs", {})
    longest = float(max(map(len, schema["properties"]), default=0))
    depth = 1.0
    numbers, texts = [], []
    for name, field in schema["properties"].items():
        text, levels, kind = _bounds(field, defs)
        if kind == "text" and levels == 0:
            texts.append(name)
            continue
        longest, depth = max(longest, text), max(depth, 1 + levels)
        if kind == "number":
            if not levels and _strict(entry, name):
                continue  # only ever filled from a number
            numbers.append(name)
            if levels:  # numbers inside a list: not checked for text, so no bound known
                longest = math.inf
    return RecordBounds(longest, depth, tuple(numbers), tuple(texts))


def _strict(entry: type[BaseModel], name: str) -> bool:
    return any(isinstance(item, Strict) and item.strict for item in entry.model_fields[name].metadata)


def _bounds(schema: dict[str, Any], defs: dict[str, Any]) -> tuple[float, float, str]:
    """(longest text, nesting levels below, "number" / "text" for a number / an unbounded text) of a field."""
    if "$ref" in schema:
        return _bounds(defs[schema["$ref"].removeprefix("#/$defs/")], defs)
    if "anyOf" in schema:
        parts = [_bounds(part, defs) for part in schema["anyOf"]]
        kinds = {part[2] for part in parts} - {""}
        kind = kinds.pop() if len(kinds) == 1 else ("mixed" if kinds else "")
        return max(p[0] for p in parts), max(p[1] for p in parts), kind
    json_type = schema.get("type")
    if json_type == "string":
        if "enum" in schema:
            return float(max(len(value) for value in schema["enum"])), 0.0, ""
        if "maxLength" in schema:
            return float(schema["maxLength"]), 0.0, ""
        return math.inf, 0.0, "text"
    if json_type in ("integer", "number"):
        return 0.0, 0.0, "number"
    if json_type in ("boolean", "null"):
        return 0.0, 0.0, ""
    if json_type == "array" and "items" in schema:
        text, levels, item_kind = _bounds(schema["items"], defs)
        return text, 1 + levels, item_kind
    return math.inf, math.inf, ""  # an object, or anything not foreseen: no bound known


BOUNDS: dict[str, RecordBounds] = {
    "cards": record_bounds(CardEntry),
    "placements": record_bounds(PlacementEntry),
    "links": record_bounds(LinkEntry),
}


def validated_within_limits(raw: Any, limits: Limits) -> ScanvasFile | None:
    """The file validated as it is, when that alone shows it within `limits` (given no repeated keys); None when
    the caller must check the limits first, and then upgrade and validate, as for any file."""
    if not (isinstance(raw, dict) and raw.get("format") == FORMAT and type(raw.get("version")) is int):
        return None
    if raw["version"] != VERSION:  # an older file is upgraded first; its original is what the limits judge
        return None
    for bounds in BOUNDS.values():
        if bounds.longest_text > limits.max_string or _RECORD_DEPTH - 1 + bounds.depth > limits.max_depth:
            return None
    try:
        parsed = ScanvasFile.model_validate(raw)
    except ValidationError:
        return None
    cap = limits.max_string
    for name, bounds in BOUNDS.items():
        records = raw.get(name) or ()  # validated: a list of objects, or absent
        for field in bounds.number_fields:
            if str in {type(record.get(field)) for record in records}:
                return None
        for field in bounds.text_fields:
            if any(len(text) > cap for record in records if type(text := record.get(field)) is str):
                return None
    rest = {key: value for key, value in raw.items() if key not in BOUNDS}
    return parsed if within_limits(rest, limits) else None
