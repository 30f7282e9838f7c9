"""Writing a canvas as a `.scanvas` file: deterministic bytes, one record per line, so it diffs well in git.

Same canvas, same bytes: keys sorted inside records, records sorted by key, coordinates rounded to 0.01, no
timestamps, UTF-8 (not \\u escapes), a trailing newline. The top-level keys follow `scanvas.TOP_LEVEL_ORDER`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from math import copysign
from operator import attrgetter
from typing import Any

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


def _record_chunks() -> Callable[[Any, int], Any]:
    """JSON text of one record, as chunks to join: keys sorted, UTF-8 kept, NaN refused.

    `JSONEncoder.encode` builds a new C encoder on every call; 40,000 records (10,000 cards with placements in
    three models) spent a third of the export doing that, so the C encoder is built once here, and the lists of
    records call it directly (a Python wrapper around it per record cost another tenth).
    """
    make = getattr(json.encoder, "c_make_encoder", None)  # CPython's C accelerator (not in the typing stubs)
    if make is None:  # another Python implementation: the plain encoder, its text as the one chunk
        encode = json.JSONEncoder(ensure_ascii=False, sort_keys=True, allow_nan=False).encode
        return lambda value, _level: (encode(value),)
    chunks: Callable[[Any, int], Any] = make(
        None, _refuse, json.encoder.encode_basestring, None, ": ", ", ", True, False, False
    )
    return chunks


_chunks = _record_chunks()


def _encode(value: Any) -> str:
    return "".join(_chunks(value, 0))


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
        "{\n",
        f'  "format": "{FORMAT}",\n',
        f'  "version": {VERSION},\n',
        f'  "canvas": {encode(_fields(document.canvas, _CANVAS_FIELDS))},\n',
    ]
    parts.append(_list("models", [models[model].model_dump(mode="json") for model in used], last=False))
    # Cards, links and settings are kept by their id (model id for settings): sorting the keys is sorting them.
    settings = document.settings
    parts.append(_list("model_settings", [_settings(settings[key]) for key in sorted(settings)], last=False))
    cards, card_fields = document.cards, _CARD_FIELDS
    parts.append(_list("cards", [_fields(cards[key], card_fields) for key in sorted(cards)], last=False))
    placements = sorted(document.placements.values(), key=_by_card_and_model)
    parts.append(_list("placements", [_placement(p) for p in placements], last=False))
    links, link_fields = document.links, _LINK_FIELDS
    parts.append(_list("links", [_fields(links[key], link_fields) for key in sorted(links)], last=True))
    parts.append("}\n")
    return "".join(parts).encode("utf-8")


_by_card_and_model = attrgetter("card_id", "model")


def _list(name: str, items: list[dict[str, Any]], *, last: bool) -> str:
    end = "" if last else ","
    if not items:
        return f'  "{name}": []{end}\n'
    chunks = _chunks  # the C encoder, called directly: a Python wrapper per record costs 10% of the export
    lines = ",\n    ".join(["".join(chunks(item, 0)) for item in items])
    return f'  "{name}": [\n    {lines}\n  ]{end}\n'


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


def _placement(placement: Placement) -> dict[str, Any]:
    data = _fields(placement, _PLACEMENT_FIELDS)
    x, y = placement.x, placement.y
    # Rounded (and -0.0 made 0.0) in a copy, so the record's own values never change. Most coordinates are slot
    # offsets, whole numbers already as the file writes them: rounding 30,000 of them costs more than encoding.
    if x.is_integer() and y.is_integer():
        # Zero is common (the first slot of a zone); only -0.0 needs the copy.
        if (x or copysign(1.0, x) > 0) and (y or copysign(1.0, y) > 0):
            return data
        return {**data, "x": x + 0.0, "y": y + 0.0}
    return {**data, "x": fixed(x), "y": fixed(y)}


def fixed(value: float) -> float:
    """A coordinate as the file writes it: rounded to 0.01, and never -0.0."""
    return round(value, 2) + 0.0
