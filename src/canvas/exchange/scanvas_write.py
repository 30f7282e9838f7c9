"""Writing a canvas as a `.scanvas` file: deterministic bytes, one record per line, so it diffs well in git.

Same canvas, same bytes: keys sorted inside records, records sorted by key, coordinates rounded to 0.01, no
timestamps, UTF-8 (not \\u escapes), a trailing newline. The top-level keys follow `scanvas.TOP_LEVEL_ORDER`.
"""

from __future__ import annotations

from collections.abc import Mapping
from math import copysign
from operator import attrgetter
from typing import Any

import orjson

from canvas.core.document import Document
from canvas.core.frameworks import ModelSpec
from canvas.core.model import ModelSettings, Placement, Record
from canvas.exchange.scanvas import (
    FORMAT,
    VERSION,
    CanvasEntry,
    CardEntry,
    LinkEntry,
    ModelSettingsEntry,
    PlacementEntry,
)


def _refuse(value: object) -> object:
    raise TypeError(f"cannot write {type(value).__name__} to a canvas file")


def _encode(value: Any) -> bytes:
    """JSON of one record on one line: keys sorted, no spaces, UTF-8 kept (not \\u escapes).

    orjson writes the same text as `json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))`
    for everything a canvas holds (finite floats rounded to 0.01 included; a test holds the two together) at a
    tenth of the cost: the standard library's C encoder alone took 210 ms of a 10,000-card export on the bench
    machine, over the whole 200 ms budget.
    """
    return orjson.dumps(value, default=_refuse, option=orjson.OPT_SORT_KEYS)


_CANVAS_FIELDS = tuple(CanvasEntry.model_fields)
_CARD_FIELDS = tuple(CardEntry.model_fields)
_PLACEMENT_FIELDS = tuple(PlacementEntry.model_fields)
_LINK_FIELDS = tuple(LinkEntry.model_fields)
_SETTINGS_FIELDS = tuple(ModelSettingsEntry.model_fields)


class MissingModels(ValueError):
    """The canvas uses a model whose definition is not available, so the file could not be opened elsewhere."""


def models_used(document: Document) -> list[str]:
    """Ids of the models a canvas uses: enabled ones, and any holding live placements or settings; sorted."""
    used = set(document.canvas.models)
    used.update(p.model for p in document.placements.values() if not p.deleted)
    used.update(s.model for s in document.settings.values() if not s.deleted)
    return sorted(used)


def write_scanvas(document: Document, models: Mapping[str, ModelSpec]) -> bytes:
    """The file's bytes. `models` must define every model the canvas uses (see `models_used`)."""
    used = models_used(document)
    missing = [model for model in used if model not in models]
    if missing:
        names = ", ".join(f"'{model}'" for model in missing)
        raise MissingModels(
            f"canvas '{document.canvas.title}' uses model {names}, whose definition is not installed here; "
            "install the model file (or disable the model on this canvas) and export again"
        )
    encode = _encode
    parts = [
        b"{\n",
        b'  "format": "' + FORMAT.encode() + b'",\n',
        b'  "version": ' + str(VERSION).encode() + b",\n",
        b'  "canvas": ' + encode(_fields(document.canvas, _CANVAS_FIELDS)) + b",\n",
    ]
    parts.append(_list("models", [models[model].model_dump(mode="json") for model in used], last=False))
    # Cards, links and settings are kept by their id (model id for settings): sorting the keys is sorting them.
    settings = document.settings
    parts.append(_list("model_settings", [_settings(settings[key]) for key in sorted(settings)], last=False))
    cards, card_fields = document.cards, _CARD_FIELDS
    parts.append(_list("cards", [_fields(cards[key], card_fields) for key in sorted(cards)], last=False, flat=True))
    placements = sorted(document.placements.values(), key=_by_card_and_model)
    parts.append(_list("placements", _placements(placements), last=False, flat=True))
    links, link_fields = document.links, _LINK_FIELDS
    parts.append(_list("links", [_fields(links[key], link_fields) for key in sorted(links)], last=True, flat=True))
    parts.append(b"}\n")
    return b"".join(parts)


_by_card_and_model = attrgetter("card_id", "model")


def _list(name: str, items: list[dict[str, Any]], *, last: bool, flat: bool = False) -> bytes:
    head = b'  "' + name.encode() + b'": ['
    end = b"]\n" if last else b"],\n"
    if not items:
        return head + end
    return head + b"\n    " + _lines(items, flat) + b"\n  " + end


def _lines(items: list[dict[str, Any]], flat: bool) -> bytes:
    """The records, one per line, joined by ",\\n    ".

    One orjson call for the whole list costs a third of one call per record (40,000 records: 55 against 175 ms on
    the bench machine), so a `flat` list — records with the same fields, none holding an object — is written in
    one call and cut into lines where one record ends and the next begins. In its text, `},{"key":` with `key` the
    records' first (smallest) field name marks such a place and nothing else: a `"` right after a `{` opens a
    string, so that `{` and the `},` before it are outside any string, and with no objects inside records an
    object can only start there as the next record. Should the count of marks not be one less than the records
    (a record without that field), the list is written record by record.
    """
    dumps, option, refuse = orjson.dumps, orjson.OPT_SORT_KEYS, _refuse
    if flat and items[0]:
        marker = b'},{"' + dumps(min(items[0]))[1:] + b":"
        text = dumps(items, default=refuse, option=option)[1:-1]
        if text.count(marker) == len(items) - 1:
            return text.replace(marker, b"},\n    " + marker[2:])
    return b",\n    ".join([dumps(item, default=refuse, option=option) for item in items])


def _fields(record: Record, names: tuple[str, ...]) -> dict[str, Any]:
    """The record's values under the file's field names (enums are str, tuples encode as lists: no model_dump,
    which would double the export's time)."""
    data: dict[str, Any] = record.__dict__
    # Version 1 of the file names exactly the core fields (a test holds them together), so the record's own
    # values serve as they are; once the two differ, the file's names pick the values.
    if len(data) == len(names):
        return data
    return {name: data[name] for name in names}


def _settings(settings: ModelSettings) -> dict[str, Any]:
    data = _fields(settings, _SETTINGS_FIELDS)
    if settings.columns is None:
        return data
    return {**data, "columns": [column.model_dump(mode="json") for column in settings.columns]}  # a copy


def _placements(placements: list[Placement]) -> list[dict[str, Any]]:
    """The placements' values, coordinates as the file writes them.

    Rounded (and -0.0 made 0.0) in a copy, so the records' own values never change. Most coordinates are slot
    offsets, whole numbers already as the file writes them, whose records serve as they are: rounding 30,000 of
    them costs more than encoding them. One loop, not a function call per placement (a quarter of the export).
    """
    if placements and len(placements[0].__dict__) == len(_PLACEMENT_FIELDS):  # as in `_fields`, checked once
        records = [placement.__dict__ for placement in placements]
    else:
        records = [_fields(placement, _PLACEMENT_FIELDS) for placement in placements]
    for index, data in enumerate(records):
        x, y = data["x"], data["y"]
        if x.is_integer() and y.is_integer():
            # Zero is common (the first slot of a zone); only -0.0 needs the copy.
            if (x or copysign(1.0, x) > 0) and (y or copysign(1.0, y) > 0):
                continue
            records[index] = {**data, "x": x + 0.0, "y": y + 0.0}
        else:
            records[index] = {**data, "x": fixed(x), "y": fixed(y)}
    return records


def fixed(value: float) -> float:
    """A coordinate as the file writes it: rounded to 0.01, and never -0.0."""
    return round(value, 2) + 0.0
