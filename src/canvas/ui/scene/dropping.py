"""Where dropped cards land: the zone under each card (or under the mouse), snapped into a free slot there, so
cards dropped together never pile up on each other or on the cards already in the zone."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping

from canvas.core.document import Document
from canvas.core.edits import Spot
from canvas.core.layout import CARD_H, CARD_W, SLOT_H, SLOT_W, ModelLayout, Occupancy, Offset, snap, zone_at
from canvas.ui.scene.positions import CardPositions

#: A drop looks at the cards within this many slots of where it lands, not at all the cards of a zone of
#: thousands (building that occupancy cost ~15 ms a drop at 50,000 cards); see `NearbyCards`.
REACH_SLOTS = 6


def nearest_zone(layout: ModelLayout, x: float, y: float) -> str | None:
    """The zone under (x, y), else the zone whose rectangle is nearest to it (None if the layout has no zones)."""
    found = zone_at(layout, x, y)
    if found is not None:
        return found
    best, best_distance = None, float("inf")
    for zone in layout.zones.values():
        dx = max(zone.rect.x - x, 0.0, x - zone.rect.right)
        dy = max(zone.rect.y - y, 0.0, y - zone.rect.bottom)
        distance = dx * dx + dy * dy
        if distance < best_distance:
            best, best_distance = zone.id, distance
    return best


def occupied_in(
    document: Document, model: str, members: Mapping[str, Collection[str]], zone: str, exclude: Collection[str]
) -> list[Offset]:
    """Offsets of the cards in `zone` of `model`, leaving out `exclude` (the cards being moved)."""
    taken = []
    for card_id in members.get(zone, ()):
        if card_id in exclude:
            continue
        placement = document.placement(card_id, model)
        if placement is not None:
            taken.append((placement.x, placement.y))
    return taken


class NearbyCards:
    """The cards of one zone near some drop points (from the scene's position arrays), and the part of the zone
    where that is enough: a card outside the window can only take a slot within a card's size of the window's
    edge, so a slot found well inside it is free for certain. Elsewhere the caller looks at the whole zone."""

    def __init__(
        self, positions: CardPositions, layout: ModelLayout, zone: str, points: list[Offset], exclude: Collection[str]
    ) -> None:
        box = layout.zones[zone]
        ox, oy = box.origin
        reach_x, reach_y = REACH_SLOTS * SLOT_W, REACH_SLOTS * SLOT_H
        left = min(x for x, _ in points) - reach_x
        top = min(y for _, y in points) - reach_y
        right = max(x for x, _ in points) + reach_x + CARD_W
        bottom = max(y for _, y in points) + reach_y + CARD_H
        self.taken = Occupancy()
        zone_rect = box.rect
        for card_id in positions.within(left, top, right, bottom):
            if card_id in exclude:
                continue
            at = positions.position(card_id)
            if at is not None and zone_rect.contains(*at):
                self.taken.add(at[0] - ox, at[1] - oy)
        # Offsets (from the zone's origin) whose slot no card outside the window can overlap.
        self._safe = (left - ox + CARD_W, top - oy + CARD_H, right - ox - 2 * CARD_W, bottom - oy - 2 * CARD_H)

    def sure(self, offset: Offset) -> bool:
        left, top, right, bottom = self._safe
        return left <= offset[0] <= right and top <= offset[1] <= bottom


def _snap_near(
    layout: ModelLayout,
    zone: str,
    x: float,
    y: float,
    positions: CardPositions | None,
    exclude: Collection[str],
    whole_zone: Callable[[], list[Offset]],
) -> Offset:
    """The free slot of `zone` nearest to a card dropped with its top-left at (x, y): found among the nearby cards
    when that is certain, else among all the cards of the zone."""
    if positions is not None:
        near = NearbyCards(positions, layout, zone, [(x, y)], exclude)
        offset = snap(layout, zone, x, y, near.taken)
        if near.sure(offset):
            return offset
    return snap(layout, zone, x, y, whole_zone())


def drop_spots(
    layout: ModelLayout,
    document: Document,
    members: Mapping[str, Collection[str]],
    dropped: Iterable[tuple[str, float, float]],
    pointer: tuple[float, float],
    positions: CardPositions | None = None,
) -> list[Spot]:
    """Spots for cards dropped with their top-left corners at the given scene points, in reading order so a
    dropped group keeps its arrangement. A card over no zone goes to the zone under the mouse; if the mouse is over
    no zone either, nothing is dropped ([])."""
    pointer_zone = zone_at(layout, *pointer)
    if pointer_zone is None:
        return []
    drops = sorted(dropped, key=lambda d: (d[2], d[1]))
    moving = {card_id for card_id, _, _ in drops}
    by_zone: dict[str, list[tuple[str, float, float]]] = {}
    for card_id, x, y in drops:
        zone = zone_at(layout, x + CARD_W / 2, y + CARD_H / 2) or pointer_zone
        by_zone.setdefault(zone, []).append((card_id, x, y))
    found: dict[str, Spot] = {}
    for zone, group in by_zone.items():
        offsets = None
        if positions is not None:
            near = NearbyCards(positions, layout, zone, [(x, y) for _, x, y in group], moving)
            offsets = _snap_all(layout, zone, group, near.taken)
            if not all(near.sure(offset) for offset in offsets):
                offsets = None
        if offsets is None:
            whole = Occupancy(occupied_in(document, layout.model, members, zone, moving))
            offsets = _snap_all(layout, zone, group, whole)
        for (card_id, _, _), (ox, oy) in zip(group, offsets, strict=True):
            found[card_id] = Spot(card_id, layout.model, zone, ox, oy)
    return [found[card_id] for card_id, _, _ in drops]


def _snap_all(layout: ModelLayout, zone: str, group: list[tuple[str, float, float]], taken: Occupancy) -> list[Offset]:
    """Snap cards in turn, each taking its slot before the next is snapped."""
    offsets = []
    for _, x, y in group:
        offset = snap(layout, zone, x, y, taken)
        taken.add(*offset)
        offsets.append(offset)
    return offsets


def drop_spot(
    layout: ModelLayout,
    document: Document,
    members: Mapping[str, Collection[str]],
    card_id: str,
    centre: tuple[float, float],
    positions: CardPositions | None = None,
) -> Spot:
    """Where one card dropped with its centre at a scene point lands: the zone there (or the nearest), in the
    free slot nearest to the point."""
    x, y = centre
    zone = nearest_zone(layout, x, y)
    if zone is None:
        raise ValueError(f"the model '{layout.model}' has no zone to drop a card in")
    ox, oy = _snap_near(
        layout,
        zone,
        x - CARD_W / 2,
        y - CARD_H / 2,
        positions,
        {card_id},
        lambda: occupied_in(document, layout.model, members, zone, {card_id}),
    )
    return Spot(card_id, layout.model, zone, ox, oy)


def capture_offset(
    layout: ModelLayout,
    document: Document,
    members: Mapping[str, Collection[str]],
    zone: str,
    at: tuple[float, float],
    positions: CardPositions | None = None,
) -> Offset:
    """The free slot of `zone` nearest to a scene point (a double-click asking for a new card there)."""
    x, y = at[0] - CARD_W / 2, at[1] - CARD_H / 2
    return _snap_near(layout, zone, x, y, positions, (), lambda: occupied_in(document, layout.model, members, zone, ()))
