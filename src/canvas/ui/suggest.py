"""Suggested placements for the cards in a tray: each kind of card goes to the first zone of the model that
usually holds it (`ModelSpec.zone_for_kind`: a pain to the Pains lane, a push force to Push…), in free slots.

The person confirms (or changes) the zone per kind; the chosen cards are then placed in one step.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from canvas.core.document import Document
from canvas.core.edits import Spot
from canvas.core.frameworks import ModelSpec
from canvas.core.layout import Occupancy, layout_model, slot_offset, zone_across
from canvas.core.model import CardKind


@dataclass(frozen=True)
class KindGroup:
    """The tray's cards of one kind and the zone suggested for them (None: the model has no zone for the kind)."""

    kind: CardKind
    card_ids: tuple[str, ...]
    titles: tuple[str, ...]
    zone: str | None


def group_by_kind(document: Document, spec: ModelSpec, card_ids: Iterable[str]) -> list[KindGroup]:
    """The live cards among `card_ids` not yet placed in `spec`, grouped by kind (in the order kinds are listed),
    each group with its suggested zone."""
    placed = document.placements_in(spec.id)
    settings = document.model_settings(spec.id)
    by_kind: dict[CardKind, list[tuple[str, str]]] = {}
    for card_id in dict.fromkeys(card_ids):
        card = document.card(card_id)
        if card is not None and card_id not in placed:
            by_kind.setdefault(card.kind, []).append((card.id, card.title))
    return [
        KindGroup(
            kind,
            tuple(card_id for card_id, _ in by_kind[kind]),
            tuple(title for _, title in by_kind[kind]),
            spec.zone_for_kind(kind, settings),
        )
        for kind in CardKind
        if kind in by_kind
    ]


def suggested_spots(document: Document, spec: ModelSpec, zones: Mapping[str, str]) -> tuple[Spot, ...]:
    """Spots for cards (card id -> chosen zone): the free slots of each zone in reading order, after the cards
    already there. Zones the model does not have are left out."""
    placements = document.placements_in(spec.id)
    layout = layout_model(spec, document.model_settings(spec.id), placements)
    wanted = {zone for zone in zones.values() if zone in layout.zones}
    taken = {zone: Occupancy() for zone in wanted}
    # Each zone as wide as it will be with the new cards in it, so thousands fill across, not only down.
    holding = dict.fromkeys(wanted, 0)
    for zone in zones.values():
        if zone in holding:
            holding[zone] += 1
    for placement in placements.values():
        free = taken.get(placement.zone)
        if free is not None:
            free.add(placement.x, placement.y)
            holding[placement.zone] += 1
    across_of = {zone: zone_across(holding[zone], max(layout.zones[zone].across, 1)) for zone in wanted}
    cursor = dict.fromkeys(wanted, 0)
    spots = []
    for card_id, zone in zones.items():
        if zone not in wanted:
            continue
        free, across = taken[zone], across_of[zone]
        index = cursor[zone]
        x, y = slot_offset(index, across)
        while not free.is_free(x, y):
            index += 1
            x, y = slot_offset(index, across)
        free.add(x, y)
        cursor[zone] = index + 1
        spots.append(Spot(card_id, spec.id, zone, x, y))
    return tuple(spots)
