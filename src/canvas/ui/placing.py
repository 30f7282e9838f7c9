"""Where new cards go (captured, pasted, duplicated): free spots in a zone, from the layout geometry alone."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from canvas.core.document import Document
from canvas.core.edits import Spot
from canvas.core.frameworks import ModelSpec
from canvas.core.layout import (
    CARD_H,
    CARD_W,
    SLOT_H,
    SLOT_W,
    ModelLayout,
    Occupancy,
    across_width,
    layout_model,
    occupied_offsets,
    snap,
    zone_across,
    zone_at,
)
from canvas.ui.scene.dropping import nearest_zone


class Spots:
    """Hands out free spots in one model of one canvas, remembering the ones already given (for many cards).

    `incoming`: how many cards are about to be placed (a paste): zones are as wide as they will be with them in,
    so thousands of cards fill a zone's rows instead of one column hundreds of thousands of units tall."""

    def __init__(self, document: Document, spec: ModelSpec, incoming: int = 0) -> None:
        self.spec = spec
        self._placements = document.placements_in(spec.id)
        layout = layout_model(spec, document.model_settings(spec.id), self._placements)
        self._usual = {zone_id: box.across for zone_id, box in layout.zones.items()}
        if incoming > 0 and layout.kind != "network":
            held = Counter(placement.zone for placement in self._placements.values())
            wider = {
                z: replace(box, across=zone_across(held[z] + incoming, box.across)) for z, box in layout.zones.items()
            }
            layout = replace(layout, zones=wider)
        self.layout: ModelLayout = layout
        # One occupancy per zone, kept up to date as spots are given: a paste of 5,000 cards looks at each zone's
        # cards once, not once per card.
        self._taken: dict[str, Occupancy] = {}

    def _occupied(self, zone: str) -> Occupancy:
        taken = self._taken.get(zone)
        if taken is None:
            taken = self._taken[zone] = Occupancy(occupied_offsets(self._placements.values(), zone))
        return taken

    def zone_at(self, x: float, y: float) -> str | None:
        return zone_at(self.layout, x, y)

    def first_zone(self) -> str:
        return next(iter(self.layout.zones))

    def zone_label(self, zone: str) -> str:
        box = self.layout.zones.get(zone)
        return box.label if box is not None else zone

    def near_point(self, card_id: str, x: float, y: float, zone: str | None = None) -> Spot:
        """A free spot for a card centred near scene point (x, y): in the zone there, or in `zone`."""
        zone = zone or nearest_zone(self.layout, x, y) or self.first_zone()
        ox, oy = snap(self.layout, zone, x - CARD_W / 2, y - CARD_H / 2, self._occupied(zone))
        return self._give(card_id, zone, ox, oy)

    def near_offset(self, card_id: str, zone: str, x: float, y: float) -> Spot:
        """A free spot nearest to offset (x, y) of `zone` (e.g. just below the card captured before)."""
        if zone not in self.layout.zones:
            zone = self.first_zone()
        origin = self.layout.zones[zone].origin
        ox, oy = snap(self.layout, zone, origin[0] + x, origin[1] + y, self._occupied(zone))
        return self._give(card_id, zone, ox, oy)

    def below(self, card_id: str, previous: Spot) -> Spot:
        """The spot after `previous`: just below it, or, in a zone widened for many incoming cards, beside it
        (filling the zone's rows)."""
        box = self.layout.zones.get(previous.zone)
        if box is not None and box.across > self._usual.get(previous.zone, box.across):
            x, y = previous.x + SLOT_W, previous.y
            if x + CARD_W > across_width(box.across):
                x, y = 0.0, previous.y + SLOT_H
            return self.near_offset(card_id, previous.zone, x, y)
        return self.near_offset(card_id, previous.zone, previous.x, previous.y + SLOT_H)

    def scene_point(self, spot: Spot) -> tuple[float, float]:
        """The scene point of a spot's top-left corner."""
        origin = self.layout.zones[spot.zone].origin
        return origin[0] + spot.x, origin[1] + spot.y

    def _give(self, card_id: str, zone: str, x: float, y: float) -> Spot:
        self._occupied(zone).add(x, y)
        return Spot(card_id, self.spec.id, zone, x, y)


def zone_of_cards(document: Document, model: str, card_ids: Iterable[str]) -> str | None:
    """The zone of the last of these cards placed in `model` (the "focused zone" for keyboard capture)."""
    zone = None
    for card_id in card_ids:
        placement = document.placement(card_id, model)
        if placement is not None:
            zone = placement.zone
    return zone


def reading_order(document: Document, spec: ModelSpec, card_ids: Iterable[str]) -> list[str]:
    """The cards placed in this model, in reading order: zone by zone (top to bottom, left to right), then
    within a zone row by row. Cards not placed in the model are left out (the canvas cannot show them)."""
    placements = document.placements_in(spec.id)
    layout = layout_model(spec, document.model_settings(spec.id), placements)
    keyed = []
    for card_id in dict.fromkeys(card_ids):
        placement = placements.get(card_id)
        zone = layout.zones.get(placement.zone) if placement is not None else None
        if placement is not None and zone is not None:
            keyed.append(((zone.rect.y, zone.rect.x, placement.y, placement.x), card_id))
    return [card_id for _key, card_id in sorted(keyed)]
