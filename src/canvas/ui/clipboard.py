"""Cards on the clipboard as JSON text, so they paste into another canvas, another window or a text editor.

Pasting gives the cards new ids (a paste is a copy, not a move), keeps their placements in every model the
target canvas shows (in the nearest free slot), and keeps the links between the pasted cards. Plain text pastes
as one card per line, read like a quick-capture line.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from canvas.core.catalog import Catalog
from canvas.core.document import Document
from canvas.core.edits import AddCard, AddLink, Batch, Edit, Spot
from canvas.core.model import Card, Link, Placement, new_id
from canvas.ui.capture import parse_capture
from canvas.ui.placing import Spots

CLIP_FORMAT = "sensemaking-canvas/cards"
CLIP_VERSION = 1
#: More than this many cards (or text lines) in one paste is refused: it is not a copy a person made.
MAX_CLIP_CARDS = 5_000
_DROPPED = {"rev", "history", "deleted", "conflict_of"}


@dataclass(frozen=True)
class Clip:
    """Cards read from the clipboard, with their placements (model, zone, offset) and the links between them."""

    cards: tuple[Card, ...]
    placements: tuple[Placement, ...] = ()
    links: tuple[Link, ...] = ()


def cards_to_text(document: Document, card_ids: Sequence[str]) -> str:
    """The cards (and their placements and the links among them) as JSON text for the clipboard."""
    cards = [card for card in map(document.card, dict.fromkeys(card_ids)) if card is not None]
    ids = {card.id for card in cards}
    payload: dict[str, Any] = {
        "format": CLIP_FORMAT,
        "version": CLIP_VERSION,
        "cards": [card.model_dump(mode="json", exclude=_DROPPED) for card in cards],
        "placements": [
            {"card_id": card.id, "model": model, "zone": placement.zone, "x": placement.x, "y": placement.y}
            for card in cards
            for model, placement in sorted(document.placements_of(card.id).items())
        ],
        "links": [
            link.model_dump(mode="json", exclude=_DROPPED)
            for link in document.live_links()
            if link.source in ids and link.target in ids
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=1)


def clip_from_text(text: str) -> Clip | None:
    """Cards from clipboard text: our JSON, or else one card per non-empty line. None if there is nothing."""
    text = text.strip()
    if not text:
        return None
    if text.startswith("{"):
        try:
            payload = json.loads(text)
        except ValueError:
            payload = None
        if isinstance(payload, dict) and payload.get("format") == CLIP_FORMAT:
            return _clip_from_payload(payload)
    lines = [line.strip() for line in text.splitlines() if line.strip()][:MAX_CLIP_CARDS]
    cards = []
    for line in lines:
        captured = parse_capture(line)
        fields: dict[str, Any] = {"title": (captured.title or line)[:500], "tags": captured.tags}
        for name in ("kind", "voice", "evidence"):
            if getattr(captured, name) is not None:
                fields[name] = getattr(captured, name)
        try:
            cards.append(Card(**fields))
        except ValidationError:
            continue
    return Clip(tuple(cards)) if cards else None


def _clip_from_payload(payload: dict[str, Any]) -> Clip | None:
    try:
        cards = tuple(Card.model_validate(card) for card in payload.get("cards", [])[:MAX_CLIP_CARDS])
        placements = tuple(Placement.model_validate(p) for p in payload.get("placements", [])[: MAX_CLIP_CARDS * 20])
        links = tuple(Link.model_validate(link) for link in payload.get("links", [])[:MAX_CLIP_CARDS])
    except (ValidationError, TypeError, AttributeError):
        return None
    return Clip(cards, placements, links) if cards else None


def paste_edit(
    document: Document,
    catalog: Catalog,
    clip: Clip,
    model: str,
    anchor: tuple[float, float] | None,
    name: str = "Paste",
) -> tuple[Edit, list[str]]:
    """The edit pasting `clip` into `document`, and the new cards' ids.

    In the model shown, the cards go where the person points (`anchor`, a scene point) one below the other, or
    else next to where they were; in the canvas's other models they keep their zone if this canvas has it."""
    renamed = {card.id: new_id() for card in clip.cards}
    by_card: dict[str, dict[str, Placement]] = {}
    for placement in clip.placements:
        by_card.setdefault(placement.card_id, {})[placement.model] = placement
    models = [m for m in dict.fromkeys((model, *document.canvas.models)) if m in catalog]
    incoming = len(clip.cards)
    spots_by_model = {m: Spots(document, spec, incoming) for m in models if (spec := catalog.get(m)) is not None}
    edits: list[Edit] = []
    previous: Spot | None = None
    for card in clip.cards:
        card_id = renamed[card.id]
        fresh = Card(**{**card.model_dump(exclude=_DROPPED | {"id"}), "id": card_id})
        spots: list[Spot] = []
        for target, free in spots_by_model.items():
            original = by_card.get(card.id, {}).get(target)
            if target == model and anchor is not None:
                spot = free.below(card_id, previous) if previous else free.near_point(card_id, *anchor)
                previous = spot
            elif original is not None and original.zone in free.layout.zones:
                spot = free.near_offset(card_id, original.zone, original.x, original.y)
            elif target == model:
                spot = free.below(card_id, previous) if previous else free.near_offset(card_id, free.first_zone(), 0, 0)
                previous = spot
            else:
                continue
            spots.append(spot)
        placements = tuple(
            Placement(card_id=card_id, model=spot.model, zone=spot.zone, x=spot.x, y=spot.y) for spot in spots
        )
        edits.append(AddCard(fresh, placements))
    for link in clip.links:
        if link.source in renamed and link.target in renamed:
            edits.append(
                AddLink(
                    Link(
                        source=renamed[link.source],
                        target=renamed[link.target],
                        label=link.label,
                        tangible=link.tangible,
                    )
                )
            )
    count = len(clip.cards)
    label = f"{name} card" if count == 1 else f"{name} {count} cards"
    return Batch(edits, name=label), list(renamed.values())
