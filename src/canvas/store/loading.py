"""Reading a whole canvas into a Document: the store's hot path, written for speed rather than brevity.

Rows in our own store were validated by pydantic when they were written (a record is a validated model before
it reaches the store), so they are turned back into records without validating again. Measured on 10,000 cards:
a TypeAdapter 68 ms, `model_construct` 144 ms, filling the instance's slots directly (below) 13 ms.
"""

from __future__ import annotations

import gc
import json
import sqlite3
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar, cast

from pydantic import BaseModel

from canvas.core.document import Document, PlacementTables
from canvas.core.model import (
    Canvas,
    Card,
    CardKind,
    Evidence,
    Link,
    ModelSettings,
    Placement,
    Voice,
    ZoneLabel,
)
from canvas.store.db import StoreError

# The slots pydantic gives every model instance; `model_construct` fills the same four. The fields-set is
# shared per class: pydantic copies it before changing it (model_copy) and frozen records allow no assignment.
_SLOTS: Any = BaseModel.__dict__
_set_fields = _SLOTS["__pydantic_fields_set__"].__set__
_set_extra = _SLOTS["__pydantic_extra__"].__set__
_set_private = _SLOTS["__pydantic_private__"].__set__
M = TypeVar("M", bound=BaseModel)
# The instance dict's own setter: what object.__setattr__(instance, "__dict__", values) ends in, without the lookup.
_set_dict = _SLOTS["__dict__"].__set__
_new = object.__new__

_KINDS = {kind.value: kind for kind in CardKind}
_VOICES = {voice.value: voice for voice in Voice}
_EVIDENCE = {evidence.value: evidence for evidence in Evidence}
_FIELDS: dict[type[BaseModel], set[str]] = {
    cls: set(cls.model_fields) for cls in (Canvas, Card, Placement, Link, ModelSettings, ZoneLabel)
}


def build(cls: type[M], values: dict[str, Any]) -> M:
    """An instance of `cls` holding `values` (every field, valid, in field order), as model_construct makes it."""
    instance = _new(cls)
    _set_dict(instance, values)
    _set_fields(instance, _FIELDS[cls])
    _set_extra(instance, None)
    _set_private(instance, None)
    return instance


def adopt(instance: BaseModel, cls: type[M]) -> M:
    """`instance`, validated as another class with the same fields and layout as `cls`, turned into a `cls` in place
    (as `build` makes it: every field set), without copying its values."""
    object.__setattr__(instance, "__class__", cls)
    _set_fields(instance, _FIELDS[cls])
    return cast(M, instance)


def strings(text: str | None) -> tuple[str, ...]:
    """A JSON list of strings as the store writes it (compact, ensure_ascii off) back as a tuple.

    Without a backslash no string in the list holds a quote (JSON would have escaped it), so splitting on the
    separators is exact and several times faster than json.loads; anything else goes through json.loads.
    """
    if text is None or text == "[]":
        return ()
    if "\\" in text:
        return tuple(json.loads(text))
    return tuple(text[2:-2].split('","'))


# Empty lists come back as NULL (no string to allocate, decoded as ()); the column order is the field order.
_CARD_QUERY = """
    SELECT rev, NULLIF(history, '[]'), deleted, id, title, notes, kind, voice, evidence, source,
           NULLIF(tags, '[]'), colour, emotion, importance, satisfaction, votes, conflict_of
    FROM cards WHERE canvas_id = ? ORDER BY rowid
"""
_PLACEMENT_QUERY = """
    SELECT rev, NULLIF(history, '[]'), deleted, card_id, model, zone, x, y
    FROM placements WHERE canvas_id = ?
"""
# One model's placements: still a scan of the canvas's rows (the key is canvas, card, model), but SQLite skips the
# other models' rows in ~10 ms at 10,000 cards; making Python values of the rows is what costs (~30 ms a model).
# Read in parts, "ORDER BY card_id" follows the key (no sorting) and "card_id > ?" starts where the last part ended.
_MODEL_PLACEMENT_QUERY = _PLACEMENT_QUERY + " AND model = ?"
_CARD_PLACEMENT_QUERY = _PLACEMENT_QUERY + " AND card_id = ?"
_LINK_QUERY = """
    SELECT rev, history, deleted, id, source, target, label, tangible FROM links WHERE canvas_id = ?
"""
_SETTINGS_QUERY = "SELECT rev, history, deleted, model, columns FROM model_settings WHERE canvas_id = ?"
_CANVAS_QUERY = "SELECT rev, history, deleted, id, title, description, models FROM canvases WHERE id = ?"


def load_document(
    connection: sqlite3.Connection, canvas_id: str, *, lazily: bool = False, path: Path | None = None
) -> Document | None:
    """The canvas with all its records (tombstones included), or None if the store has no such canvas.

    `lazily`: the placements are read model by model when the document is first asked about them (see
    `Document.read_lazily`), through this connection; the caller keeps it open as long as the document lives.
    `path`: the store's file, named by the errors of a later read.
    """
    row = connection.execute(_CANVAS_QUERY, (canvas_id,)).fetchone()
    if row is None:
        return None
    rev, history, deleted, id_, title, description, models = row
    canvas = build(
        Canvas,
        {
            "rev": rev,
            "history": strings(history),
            "deleted": bool(deleted),
            "id": id_,
            "title": title,
            "description": description,
            "models": strings(models),
        },
    )
    with _kept_records():
        cards = _cards(connection, canvas_id)
        links = _links(connection, canvas_id)
        settings = _settings(connection, canvas_id)
        if lazily:
            return Document.read_lazily(canvas, cards, links, settings, StorePlacements(connection, canvas_id, path))
        placements, by_model = _placements(connection.execute(_PLACEMENT_QUERY, (canvas_id,)))
        return Document.from_tables(canvas, cards, placements, links, settings, by_model)


@contextmanager
def _kept_records() -> Iterator[None]:
    """Make records that live as long as their document without the collector's passes over them.

    Tens of thousands of new objects, none of them garbage: a collection pass while reading them only costs time.
    What is young now is collected first (little, so cheap), so that what moves to the oldest generation at the end
    is the records: they join it at once (freeze, then unfreeze, moves every tracked object there), instead of being
    walked by the young collections that the next allocations start (165 ms at 50,000 cards on a slow machine,
    before the window's first frame).
    """
    collecting = gc.isenabled()
    gc.collect(1)
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        if collecting:
            gc.enable()


class StorePlacements:
    """The placements of one canvas in the store, for a document read model by model (`PlacementSource`)."""

    def __init__(self, connection: sqlite3.Connection, canvas_id: str, path: Path | None = None) -> None:
        self._connection = connection
        self._canvas_id = canvas_id
        self._where = "the store" if path is None else f"the store {path}"

    def of_model(self, model: str, after: str | None = None, limit: int | None = None) -> PlacementTables:
        query = _MODEL_PLACEMENT_QUERY
        parameters: tuple[str | int, ...] = (self._canvas_id, model)
        if after is not None:
            query, parameters = f"{query} AND card_id > ?", (*parameters, after)
        if limit is not None:
            query, parameters = f"{query} ORDER BY card_id LIMIT ?", (*parameters, limit)
        with _kept_records():
            return self._read(query, parameters)

    def of_models_except(self, read: Collection[str]) -> PlacementTables:
        marks = ", ".join("?" * len(read))
        query = f"{_PLACEMENT_QUERY} AND model NOT IN ({marks})" if read else _PLACEMENT_QUERY
        with _kept_records():
            return self._read(query, (self._canvas_id, *read))

    def of_card(self, card_id: str, read: Collection[str]) -> list[Placement]:
        records, _live = self._read(_CARD_PLACEMENT_QUERY, (self._canvas_id, card_id))
        return [record for record in records.values() if record.model not in read]

    def _read(self, query: str, parameters: tuple[str | int, ...]) -> PlacementTables:
        try:
            return _placements(self._connection.execute(query, parameters))
        except sqlite3.Error as error:
            raise StoreError(f"cannot read the canvas's placements from {self._where}: {error}") from None


def _cards(connection: sqlite3.Connection, canvas_id: str) -> dict[str, Card]:
    fields = _FIELDS[Card]
    kinds, voices, evidence_levels = _KINDS, _VOICES, _EVIDENCE
    cards: dict[str, Card] = {}
    for (
        rev,
        history,
        deleted,
        id_,
        title,
        notes,
        kind,
        voice,
        evidence,
        source,
        tags,
        colour,
        emotion,
        importance,
        satisfaction,
        votes,
        conflict_of,
    ) in connection.execute(_CARD_QUERY, (canvas_id,)):
        card = _new(Card)
        _set_dict(
            card,
            {
                "rev": rev,
                "history": () if history is None else strings(history),
                "deleted": deleted == 1,
                "id": id_,
                "title": title,
                "notes": notes,
                "kind": kinds[kind],
                "voice": voices[voice],
                "evidence": evidence_levels[evidence],
                "source": source,
                "tags": () if tags is None else strings(tags),
                "colour": colour,
                "emotion": emotion,
                "importance": importance,
                "satisfaction": satisfaction,
                "votes": votes,
                "conflict_of": conflict_of,
            },
        )
        _set_fields(card, fields)
        _set_extra(card, None)
        _set_private(card, None)
        cards[id_] = card
    return cards


def _placements(rows: sqlite3.Cursor) -> PlacementTables:
    """Every placement by key, and the live ones by model and card (the document's index, built in the same pass:
    a second pass reading three attributes of each of 200,000 records cost ~100 ms at 50,000 cards)."""
    fields = _FIELDS[Placement]
    placements: dict[str, Placement] = {}
    by_model: dict[str, dict[str, Placement]] = {}
    for rev, history, deleted, card_id, model, zone, x, y in rows:
        placement = _new(Placement)
        _set_dict(
            placement,
            {
                "rev": rev,
                "history": () if history is None else strings(history),
                "deleted": deleted == 1,
                "card_id": card_id,
                "model": model,
                "zone": zone,
                "x": x,
                "y": y,
            },
        )
        _set_fields(placement, fields)
        _set_extra(placement, None)
        _set_private(placement, None)
        placements[f"{card_id}@{model}"] = placement  # placement_key(), inlined: 30,000 calls
        if deleted != 1:  # live (the record's `deleted` is `deleted == 1`)
            by_card = by_model.get(model)
            if by_card is None:
                by_card = by_model[model] = {}
            by_card[card_id] = placement
    return placements, by_model


def _links(connection: sqlite3.Connection, canvas_id: str) -> dict[str, Link]:
    links: dict[str, Link] = {}
    for rev, history, deleted, id_, source, target, label, tangible in connection.execute(_LINK_QUERY, (canvas_id,)):
        links[id_] = build(
            Link,
            {
                "rev": rev,
                "history": strings(history),
                "deleted": deleted == 1,
                "id": id_,
                "source": source,
                "target": target,
                "label": label,
                "tangible": tangible == 1,
            },
        )
    return links


def _settings(connection: sqlite3.Connection, canvas_id: str) -> dict[str, ModelSettings]:
    settings: dict[str, ModelSettings] = {}
    for rev, history, deleted, model, columns in connection.execute(_SETTINGS_QUERY, (canvas_id,)):
        labels = None
        if columns is not None:
            labels = tuple(build(ZoneLabel, {"id": item["id"], "label": item["label"]}) for item in json.loads(columns))
        settings[model] = build(
            ModelSettings,
            {
                "rev": rev,
                "history": strings(history),
                "deleted": deleted == 1,
                "model": model,
                "columns": labels,
            },
        )
    return settings
