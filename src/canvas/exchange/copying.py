"""A canvas copied with fresh ids (`canvas import --as-copy`, JSON Canvas and CSV imports): a new canvas of its own.

The copy keeps what people see (live cards, placements, links, settings) and drops what only merging needs
(revision histories and tombstones); it shares no id with the original, so it never merges back into it.
"""

from __future__ import annotations

from typing import Any, TypeVar

from canvas.core.document import Document
from canvas.core.model import Canvas, Record, new_id, new_rev

R = TypeVar("R", bound=Record)


def fresh_copy(document: Document, title: str | None = None) -> Document:
    """`document` as a new canvas: new ids and first revisions everywhere, references kept pointing right."""
    ids = {card.id: new_id() for card in document.live_cards()}
    canvas = Canvas(
        title=title or document.canvas.title,
        description=document.canvas.description,
        models=document.canvas.models,
    )
    copy = Document.of(canvas)
    for card in document.live_cards():
        twin = ids.get(card.conflict_of) if card.conflict_of else None
        copy.put(_new(card, id=ids[card.id], conflict_of=twin))
    for placement in document.placements.values():
        if not placement.deleted and placement.card_id in ids:
            copy.put(_new(placement, card_id=ids[placement.card_id]))
    for link in document.live_links():
        if link.source in ids and link.target in ids:
            copy.put(_new(link, id=new_id(), source=ids[link.source], target=ids[link.target]))
    for settings in document.settings.values():
        if not settings.deleted:
            copy.put(_new(settings))
    return copy


def _new(record: R, **changes: Any) -> R:
    """`record` as a brand-new record: a first revision, no history, and `changes` applied."""
    return record.model_copy(update={**changes, "rev": new_rev(None), "history": (), "deleted": False})
