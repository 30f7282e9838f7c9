"""Records as table rows: the columns of each record table and how a record becomes a row (reading is in
`loading.py`). Lists (tags, history, enabled models, columns) are stored as compact JSON text.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from canvas.core.model import CARD_FIELDS, Canvas, Card, Link, ModelSettings, Placement

Row = tuple[Any, ...]


def _refuse(value: object) -> object:
    raise TypeError(f"cannot store {type(value).__name__} in a list column")


def _list_encoder() -> Callable[[Any], str]:
    """Compact JSON text of a list, with the C encoder built once: `json.dumps` builds a new one on every call,
    which made writing a 10,000-card canvas spend half its time here (80,000 lists: tags and histories)."""
    make = getattr(json.encoder, "c_make_encoder", None)  # CPython's C accelerator (not in the typing stubs)
    if make is None:  # another Python implementation: the plain encoder
        return json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    chunks = make(None, _refuse, json.encoder.encode_basestring, None, ":", ",", False, False, True)
    return lambda value: "".join(chunks(value, 0))


_encode = _list_encoder()


def dump_list(values: Sequence[Any]) -> str:
    # Most lists are empty (no tags, a record never edited): their text is a constant.
    return _encode(list(values)) if values else "[]"


CANVAS_COLUMNS = ("id", "title", "description", "models", "rev", "history", "deleted")


def canvas_row(canvas: Canvas) -> Row:
    return (
        canvas.id,
        canvas.title,
        canvas.description,
        dump_list(canvas.models),
        canvas.rev,
        dump_list(canvas.history),
        int(canvas.deleted),
    )


#: The cards table's columns, in insert order: the id, the fields a person edits, then what versioning adds.
CARD_COLUMNS = ("id", *CARD_FIELDS, "rev", "history", "deleted")


def card_row(card: Card) -> Row:
    # The record's own values (pydantic keeps fields in __dict__): a tenth of the time of 17 attribute reads.
    # Enums go as they are: they are str, and SQLite stores their text.
    d = card.__dict__
    tags, history = d["tags"], d["history"]
    return (
        d["id"],
        d["title"],
        d["notes"],
        d["kind"],
        d["voice"],
        d["evidence"],
        d["source"],
        _encode(list(tags)) if tags else "[]",
        d["colour"],
        d["emotion"],
        d["importance"],
        d["satisfaction"],
        d["votes"],
        d["conflict_of"],
        d["rev"],
        _encode(list(history)) if history else "[]",
        1 if d["deleted"] else 0,
    )


PLACEMENT_COLUMNS = ("card_id", "model", "zone", "x", "y", "rev", "history", "deleted")


def placement_row(placement: Placement) -> Row:
    d = placement.__dict__
    history = d["history"]
    return (
        d["card_id"],
        d["model"],
        d["zone"],
        d["x"],
        d["y"],
        d["rev"],
        _encode(list(history)) if history else "[]",
        1 if d["deleted"] else 0,
    )


LINK_COLUMNS = ("id", "source", "target", "label", "tangible", "rev", "history", "deleted")


def link_row(link: Link) -> Row:
    return (
        link.id,
        link.source,
        link.target,
        link.label,
        int(link.tangible),
        link.rev,
        dump_list(link.history),
        int(link.deleted),
    )


SETTINGS_COLUMNS = ("model", "columns", "rev", "history", "deleted")


def settings_row(settings: ModelSettings) -> Row:
    columns = None
    if settings.columns is not None:
        columns = dump_list([column.model_dump() for column in settings.columns])
    return (settings.model, columns, settings.rev, dump_list(settings.history), int(settings.deleted))


#: Per record table: its columns (after canvas_id) and how a record becomes a row.
TABLES: dict[str, tuple[tuple[str, ...], Callable[[Any], Row]]] = {
    Canvas.table: (CANVAS_COLUMNS, canvas_row),
    Card.table: (CARD_COLUMNS, card_row),
    Placement.table: (PLACEMENT_COLUMNS, placement_row),
    Link.table: (LINK_COLUMNS, link_row),
    ModelSettings.table: (SETTINGS_COLUMNS, settings_row),
}
