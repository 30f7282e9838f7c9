"""Edits as data. Each edit applies to a document and returns the change set; the change set's inverse undoes it.

    changes = edit.apply(document)          # document is now edited
    Restore(changes.inverted()).apply(document)   # and now exactly as before

Edits check their preconditions before touching anything, so a failed edit (EditError) changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from pydantic import ValidationError

from canvas.core.document import Change, ChangeSet, Document
from canvas.core.model import (
    CARD_FIELDS,
    Card,
    Link,
    ModelSettings,
    Placement,
    Record,
    ZoneLabel,
    placement_key,
)


class EditError(ValueError):
    """An edit that cannot be applied; the message is written for the person who asked for it."""


class Edit(Protocol):
    """Anything that can be applied to a document. `label` names it in the undo history."""

    @property
    def label(self) -> str: ...

    def apply(self, document: Document) -> ChangeSet: ...


def describe_validation_error(error: ValidationError) -> str:
    """One readable line per problem: 'importance: Input should be less than or equal to 10'."""
    parts = []
    for problem in error.errors():
        where = ".".join(str(part) for part in problem["loc"]) or "value"
        parts.append(f"{where}: {problem['msg']}")
    return "; ".join(parts)


class _Recorder:
    """Collects changes while an edit writes records, so every edit yields an exact change set."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.changes: list[Change] = []

    def put(self, record: Record) -> None:
        before = self.document.get(record.table, record.key)
        if before == record:
            return
        self.changes.append(Change(record.table, record.key, before, record))
        self.document.put(record)

    def result(self) -> ChangeSet:
        return ChangeSet(tuple(self.changes))


def _live_card(document: Document, card_id: str) -> Card:
    card = document.card(card_id)
    if card is None:
        raise EditError(f"there is no card with id {card_id!r} on canvas '{document.canvas.title}'")
    return card


def _revise(record: Record, **changes: Any) -> Record:
    """`record` with `changes`, validated (a bad value raises EditError and nothing is written)."""
    data = record.model_dump()
    data.update(changes)
    try:
        candidate = type(record).model_validate(data)
    except ValidationError as error:
        raise EditError(describe_validation_error(error)) from None
    validated = {name: getattr(candidate, name) for name in changes}
    return record.revised(**validated)


@dataclass(frozen=True)
class AddCard:
    card: Card
    placements: tuple[Placement, ...] = ()

    @property
    def label(self) -> str:
        return f"Add card '{self.card.title}'"

    def apply(self, document: Document) -> ChangeSet:
        if self.card.id in document.cards:
            raise EditError(f"a card with id {self.card.id!r} already exists")
        for placement in self.placements:
            if placement.card_id != self.card.id:
                raise EditError("a new card's placements must refer to the new card")
        recorder = _Recorder(document)
        recorder.put(self.card)
        for placement in self.placements:
            recorder.put(_placement_upsert(document, placement))
        return recorder.result()


@dataclass(frozen=True)
class EditCard:
    card_id: str
    changes: Mapping[str, Any]

    @property
    def label(self) -> str:
        names = ", ".join(sorted(self.changes))
        return f"Edit {names}"

    def apply(self, document: Document) -> ChangeSet:
        unknown = set(self.changes) - set(CARD_FIELDS)
        if unknown:
            raise EditError(f"cards have no field {', '.join(sorted(unknown))}")
        card = _live_card(document, self.card_id)
        current = {name: getattr(card, name) for name in self.changes}
        revised = _revise(card, **self.changes)
        if all(getattr(revised, name) == value for name, value in current.items()):
            return ChangeSet()
        recorder = _Recorder(document)
        recorder.put(revised)
        return recorder.result()


@dataclass(frozen=True)
class DeleteCards:
    """Delete cards, with their placements and links, as tombstones."""

    card_ids: tuple[str, ...]

    @property
    def label(self) -> str:
        count = len(self.card_ids)
        return "Delete card" if count == 1 else f"Delete {count} cards"

    def apply(self, document: Document) -> ChangeSet:
        cards = [_live_card(document, card_id) for card_id in dict.fromkeys(self.card_ids)]
        recorder = _Recorder(document)
        for card in cards:
            for placement in document.placements_of(card.id).values():
                recorder.put(placement.revised(deleted=True))
            for link in document.links_of(card.id):
                recorder.put(link.revised(deleted=True))
            recorder.put(card.revised(deleted=True))
        return recorder.result()


@dataclass(frozen=True)
class Spot:
    """Where to put one card in one model."""

    card_id: str
    model: str
    zone: str
    x: float = 0.0
    y: float = 0.0


def _placement_upsert(document: Document, placement: Placement) -> Placement:
    """The record to write so that `placement` holds, reviving a tombstone rather than forking history."""
    existing = document.get(Placement.table, placement.key)
    if not isinstance(existing, Placement):
        return placement
    fields = {"zone": placement.zone, "x": placement.x, "y": placement.y}
    if not existing.deleted and all(getattr(existing, k) == v for k, v in fields.items()):
        return existing
    return existing.revised(deleted=False, **fields)


@dataclass(frozen=True)
class PlaceCards:
    """Place (or move) cards in models. One drag of many cards is one PlaceCards."""

    spots: tuple[Spot, ...]
    name: str = ""

    @property
    def label(self) -> str:
        if self.name:
            return self.name
        return "Place card" if len(self.spots) == 1 else f"Move {len(self.spots)} cards"

    def apply(self, document: Document) -> ChangeSet:
        wanted = []
        for spot in self.spots:
            _live_card(document, spot.card_id)
            try:
                wanted.append(Placement(card_id=spot.card_id, model=spot.model, zone=spot.zone, x=spot.x, y=spot.y))
            except ValidationError as error:
                raise EditError(describe_validation_error(error)) from None
        recorder = _Recorder(document)
        for placement in wanted:
            recorder.put(_placement_upsert(document, placement))
        return recorder.result()


@dataclass(frozen=True)
class UnplaceCards:
    """Take cards out of a model: they go back to that model's tray."""

    card_ids: tuple[str, ...]
    model: str

    @property
    def label(self) -> str:
        return "Unplace card" if len(self.card_ids) == 1 else f"Unplace {len(self.card_ids)} cards"

    def apply(self, document: Document) -> ChangeSet:
        placements = []
        for card_id in dict.fromkeys(self.card_ids):
            card = _live_card(document, card_id)
            placement = document.placement(card_id, self.model)
            if placement is None:
                raise EditError(f"card '{card.title}' is not placed in {self.model}")
            placements.append(placement)
        recorder = _Recorder(document)
        for placement in placements:
            recorder.put(placement.revised(deleted=True))
        return recorder.result()


@dataclass(frozen=True)
class AddLink:
    link: Link

    @property
    def label(self) -> str:
        return f"Link '{self.link.label}'" if self.link.label else "Link cards"

    def apply(self, document: Document) -> ChangeSet:
        if self.link.id in document.links:
            raise EditError(f"a link with id {self.link.id!r} already exists")
        _live_card(document, self.link.source)
        _live_card(document, self.link.target)
        if self.link.source == self.link.target:
            raise EditError("a link needs two different cards")
        recorder = _Recorder(document)
        recorder.put(self.link)
        return recorder.result()


def _live_link(document: Document, link_id: str) -> Link:
    link = document.links.get(link_id)
    if link is None or link.deleted:
        raise EditError(f"there is no link with id {link_id!r}")
    return link


@dataclass(frozen=True)
class EditLink:
    link_id: str
    changes: Mapping[str, Any]

    @property
    def label(self) -> str:
        return "Edit link"

    def apply(self, document: Document) -> ChangeSet:
        unknown = set(self.changes) - {"label", "tangible"}
        if unknown:
            raise EditError(f"links have no field {', '.join(sorted(unknown))}")
        link = _live_link(document, self.link_id)
        if all(getattr(link, name) == value for name, value in self.changes.items()):
            return ChangeSet()
        recorder = _Recorder(document)
        recorder.put(_revise(link, **self.changes))
        return recorder.result()


@dataclass(frozen=True)
class DeleteLinks:
    link_ids: tuple[str, ...]

    @property
    def label(self) -> str:
        return "Delete link" if len(self.link_ids) == 1 else f"Delete {len(self.link_ids)} links"

    def apply(self, document: Document) -> ChangeSet:
        links = [_live_link(document, link_id) for link_id in dict.fromkeys(self.link_ids)]
        recorder = _Recorder(document)
        for link in links:
            recorder.put(link.revised(deleted=True))
        return recorder.result()


@dataclass(frozen=True)
class SetColumns:
    """Set a grid model's columns for this canvas (e.g. the journey stages); None restores the defaults."""

    model: str
    columns: tuple[ZoneLabel, ...] | None

    @property
    def label(self) -> str:
        return "Change stages"

    def apply(self, document: Document) -> ChangeSet:
        if self.columns is not None:
            ids = [column.id for column in self.columns]
            if len(set(ids)) != len(ids):
                raise EditError("two columns share an id; each stage needs its own")
            if not ids:
                raise EditError("a grid needs at least one column")
        existing = document.settings.get(self.model)
        recorder = _Recorder(document)
        if existing is None:
            recorder.put(ModelSettings(model=self.model, columns=self.columns))
        elif existing.columns != self.columns or existing.deleted:
            recorder.put(existing.revised(columns=self.columns, deleted=False))
        return recorder.result()


@dataclass(frozen=True)
class EditCanvas:
    """Rename, describe, or change which models are enabled."""

    changes: Mapping[str, Any]

    @property
    def label(self) -> str:
        return "Rename canvas" if set(self.changes) == {"title"} else "Edit canvas"

    def apply(self, document: Document) -> ChangeSet:
        unknown = set(self.changes) - {"title", "description", "models"}
        if unknown:
            raise EditError(f"canvases have no field {', '.join(sorted(unknown))}")
        if all(getattr(document.canvas, name) == value for name, value in self.changes.items()):
            return ChangeSet()
        recorder = _Recorder(document)
        recorder.put(_revise(document.canvas, **self.changes))
        return recorder.result()


@dataclass(frozen=True)
class Restore:
    """Replay a change set (typically an inverted one): the generic undo and redo."""

    changes: ChangeSet
    name: str = "Restore"

    @property
    def label(self) -> str:
        return self.name

    def apply(self, document: Document) -> ChangeSet:
        for change in self.changes:
            current = document.get(change.table, change.key)
            if current != change.before:
                raise EditError("the canvas changed underneath this step; it can no longer be replayed")
        document.apply_changes(self.changes)
        return self.changes


@dataclass(frozen=True)
class Batch:
    """Several edits as one step (one undo, one transaction). Fails as a whole: nothing is left half-done."""

    edits: Sequence[Edit]
    name: str = "Edit"

    @property
    def label(self) -> str:
        return self.name

    def apply(self, document: Document) -> ChangeSet:
        done = ChangeSet()
        try:
            for edit in self.edits:
                done = done.then(edit.apply(document))
        except Exception:
            document.apply_changes(done.inverted())
            raise
        return done


def undo(document: Document, changes: ChangeSet) -> ChangeSet:
    """Undo `changes` (which must be the latest edit) and return what the undo changed."""
    return Restore(changes.inverted(), name="Undo").apply(document)


__all__ = [
    "AddCard",
    "AddLink",
    "Batch",
    "DeleteCards",
    "DeleteLinks",
    "Edit",
    "EditCanvas",
    "EditCard",
    "EditError",
    "EditLink",
    "PlaceCards",
    "Restore",
    "SetColumns",
    "Spot",
    "UnplaceCards",
    "describe_validation_error",
    "placement_key",
    "undo",
]
