"""Where dropped cards land: the zone under each card (or under the mouse), snapped into a free slot there, so
cards dropped together never pile up on each other or on the cards already in the zone."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from canvas.core.document import Document
from canvas.core.edits import Spot
from canvas.core.layout import CARD_H, CARD_W, ModelLayout, Occupancy, Offset, snap, zone_at


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


def drop_spots(
    layout: ModelLayout,
    document: Document,
    members: Mapping[str, Collection[str]],
    dropped: Iterable[tuple[str, float, float]],
    pointer: tuple[float, float],
) -> list[Spot]:
    """Spots for cards dropped with their top-left corners at the given scene points, in reading order so a
    dropped group keeps its arrangement. A card over no zone goes to the zone under the mouse; if the mouse is over
    no zone either, nothing is dropped ([])."""
    pointer_zone = zone_at(layout, *pointer)
    if pointer_zone is None:
        return []
    drops = sorted(dropped, key=lambda d: (d[2], d[1]))
    moving = {card_id for card_id, _, _ in drops}
    occupied: dict[str, Occupancy] = {}
    spots = []
    for card_id, x, y in drops:
        zone = zone_at(layout, x + CARD_W / 2, y + CARD_H / 2) or pointer_zone
        taken = occupied.get(zone)
        if taken is None:
            taken = occupied[zone] = Occupancy(occupied_in(document, layout.model, members, zone, moving))
        offset = snap(layout, zone, x, y, taken)
        taken.add(*offset)
        spots.append(Spot(card_id, layout.model, zone, offset[0], offset[1]))
    return spots


def drop_spot(
    layout: ModelLayout,
    document: Document,
    members: Mapping[str, Collection[str]],
    card_id: str,
    centre: tuple[float, float],
) -> Spot:
    """Where one card dropped with its centre at a scene point lands: the zone there (or the nearest), in the
    free slot nearest to the point."""
    x, y = centre
    zone = nearest_zone(layout, x, y)
    if zone is None:
        raise ValueError(f"the model '{layout.model}' has no zone to drop a card in")
    taken = occupied_in(document, layout.model, members, zone, {card_id})
    ox, oy = snap(layout, zone, x - CARD_W / 2, y - CARD_H / 2, taken)
    return Spot(card_id, layout.model, zone, ox, oy)


def capture_offset(
    layout: ModelLayout, document: Document, members: Mapping[str, Collection[str]], zone: str, at: tuple[float, float]
) -> Offset:
    """The free slot of `zone` nearest to a scene point (a double-click asking for a new card there)."""
    taken = occupied_in(document, layout.model, members, zone, ())
    return snap(layout, zone, at[0] - CARD_W / 2, at[1] - CARD_H / 2, taken)
