"""Pure geometry of a model view: zone and header rectangles, card rectangles, slots and snapping. No Qt.

The Qt scene, the picture exports and the CLI all draw from `layout_model`.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from canvas.core.document import ChangeSet
from canvas.core.frameworks import NETWORK_ZONE, ModelSpec, RegionSpec, ZoneSpec, grid_zone
from canvas.core.model import CardKind, ModelSettings, Placement, Side

# A placement's (x, y) is the card's top-left offset from its zone's content origin. Cards sit on a slot grid of
# pitch SLOT_W × SLOT_H so they never pile up unreadably; a zone grows to hold its cards, so cards never reach
# into a neighbouring zone. Scene coordinates: x grows rightwards, y downwards, (0, 0) is the top-left corner of
# the model's bounds.

CARD_W = 200.0
CARD_H = 84.0
GAP = 12.0
SLOT_W = CARD_W + GAP
SLOT_H = CARD_H + GAP
#: Slots across a zone by default (a zone grows downwards, and wider when content asks for it).
ZONE_SLOTS_ACROSS = 2
#: Slots down an empty zone: every zone holds at least ZONE_SLOTS_ACROSS × ZONE_SLOTS_DOWN cards.
ZONE_SLOTS_DOWN = 2
#: A zone holding more cards than fill this many rows at its usual width grows wider as well as deeper, so a zone
#: of thousands of cards stays roughly square (2 across, 1,200 cards would be 57,000 units tall and "fit" useless).
GROW_AFTER_ROWS = 8

#: Space between a zone's edge and its cards.
ZONE_PAD = 16.0
#: Seam between neighbouring zones and between headers and zones.
ZONE_GAP = 8.0
#: Width of a grid's row-header column (row label and guiding question).
HEADER_W = 200.0
#: Height of a grid's column-header row (column label and guiding question).
HEADER_H = 72.0
#: Height of the title strip at the top of a region or a network (label and guiding question).
TITLE_H = 60.0
#: A network zone is at least this big, and reaches this far beyond its furthest card.
NETWORK_MIN_W = 1400.0
NETWORK_MIN_H = 900.0
NETWORK_MARGIN = 240.0
#: Cards in a network snap to this finer grid (they are placed freely, but still never overlap).
NETWORK_STEP = GAP

#: The smallest content area of a zone: ZONE_SLOTS_ACROSS × ZONE_SLOTS_DOWN slots.
MIN_CONTENT_W = ZONE_SLOTS_ACROSS * SLOT_W - GAP
MIN_CONTENT_H = ZONE_SLOTS_DOWN * SLOT_H - GAP

LayoutKind = Literal["grid", "regions", "network"]
HeaderKind = Literal["column", "row", "region", "network"]
Offset = tuple[float, float]
#: How far a zone's cards reach (right, bottom, from its content origin) and how many it holds.
Extent = tuple[float, float, int]


def slot_offset(index: int, across: int = ZONE_SLOTS_ACROSS) -> tuple[float, float]:
    """Offset of the `index`-th slot of a zone, filling rows of `across` slots."""
    return (index % across) * SLOT_W, (index // across) * SLOT_H


def zone_across(count: int, usual: int = ZONE_SLOTS_ACROSS) -> int:
    """Slots across a zone holding `count` cards: its usual width while they fill at most GROW_AFTER_ROWS rows,
    then about √(count / 2), which with the slot pitch (212 × 96) keeps the zone about as wide as it is tall."""
    if count <= usual * GROW_AFTER_ROWS:
        return usual
    return max(usual, math.ceil(math.sqrt(count / 2)))


def across_width(across: int) -> float:
    """Content width of `across` slots (the last slot needs no gap after it)."""
    return across * SLOT_W - GAP


@dataclass(frozen=True, slots=True)
class Rect:
    """An axis-aligned rectangle: top-left (x, y), width w, height h."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def center(self) -> tuple[float, float]:
        return self.x + self.w / 2, self.y + self.h / 2

    def contains(self, x: float, y: float) -> bool:
        """True if the point lies inside (left and top edges included, right and bottom excluded)."""
        return self.x <= x < self.x + self.w and self.y <= y < self.y + self.h

    def contains_rect(self, other: Rect) -> bool:
        return self.x <= other.x and self.y <= other.y and other.right <= self.right and other.bottom <= self.bottom

    def intersects(self, other: Rect) -> bool:
        """True if the two rectangles share some area (touching edges do not count)."""
        return self.x < other.right and other.x < self.right and self.y < other.bottom and other.y < self.bottom

    def united(self, other: Rect) -> Rect:
        """The smallest rectangle holding both."""
        x, y = min(self.x, other.x), min(self.y, other.y)
        return Rect(x, y, max(self.right, other.right) - x, max(self.bottom, other.bottom) - y)

    def translated(self, dx: float, dy: float) -> Rect:
        return Rect(self.x + dx, self.y + dy, self.w, self.h)

    def grown(self, margin: float) -> Rect:
        """This rectangle with `margin` added on every side (negative: shrunk)."""
        return Rect(self.x - margin, self.y - margin, self.w + 2 * margin, self.h + 2 * margin)


@dataclass(frozen=True, slots=True)
class ZoneBox:
    """Where a zone is drawn, and what the backdrop shows for it."""

    id: str
    rect: Rect
    #: Scene point where a placement offset of (0, 0) puts a card's top-left corner.
    origin: tuple[float, float]
    label: str
    question: str
    colour: str | None
    side: Side
    kinds: tuple[CardKind, ...]
    #: Slots across the zone as drawn now: the row length `next_free_offset` fills new cards in.
    across: int
    scores_opportunity: bool = False

    @property
    def content(self) -> Rect:
        """The area cards occupy: from the content origin to the zone's padded bottom-right corner."""
        ox, oy = self.origin
        return Rect(ox, oy, self.rect.right - ZONE_PAD - ox, self.rect.bottom - ZONE_PAD - oy)


@dataclass(frozen=True, slots=True)
class HeaderBox:
    """A label with its guiding question: a grid's column or row header, a region's or network's title strip."""

    kind: HeaderKind
    id: str
    label: str
    question: str
    rect: Rect
    side: Side = Side.SHARED
    colour: str | None = None


@dataclass(frozen=True, slots=True, eq=False)
class ModelLayout:
    """Every rectangle of one model view for one canvas. Build it with `layout_model`."""

    model: str
    kind: LayoutKind
    #: Zones in reading order, by zone id (grid: "<column>.<row>").
    zones: dict[str, ZoneBox]
    #: Column headers (left to right), then row headers (top to bottom); or region / network title strips.
    headers: list[HeaderBox]
    bounds: Rect
    #: A grid's column and row headers, in order (empty for regions and networks).
    columns: tuple[HeaderBox, ...] = ()
    rows: tuple[HeaderBox, ...] = ()
    _column_lefts: tuple[float, ...] = field(default=(), repr=False)
    _row_tops: tuple[float, ...] = field(default=(), repr=False)

    def header(self, kind: HeaderKind, header_id: str) -> HeaderBox | None:
        for header in self.headers:
            if header.kind == kind and header.id == header_id:
                return header
        return None


# -- building a layout ---------------------------------------------------------------------------------------


def layout_model(spec: ModelSpec, settings: ModelSettings | None, placements: Mapping[str, Placement]) -> ModelLayout:
    """The layout of `spec` for one canvas: its settings (e.g. journey stages) and its live placements in this model
    (card id -> Placement, as `Document.placements_in` gives them). Placements in zones the model does not have are
    ignored here (validation reports them; the UI keeps those cards in the tray).

    One pass over the placements: fast enough to recompute on every change (50,000 placements in about 20–25 ms
    on a 2-core laptop-class machine).
    """
    if spec.grid is not None:
        return _layout_grid(spec, settings, placements)
    if spec.regions is not None:
        return _layout_regions(spec, placements)
    return _layout_network(spec, placements)


def keeps_geometry(layout: ModelLayout, changes: ChangeSet, held: Mapping[str, Collection[str]]) -> bool:
    """Whether laying the model of `layout` out again after `changes` would give the same zones, when no card of
    it reaches beyond its zone now (`held`: the cards each zone holds now).

    A column, row or region is as large as the furthest card in it reaches (or its least size, or the width its
    card count asks for), so a card that leaves a place short of the edge takes nothing with it, and a zone whose
    count stays within one width step keeps its width. Then the layout after a drop need not be made again (~50 ms
    at 50,000 cards on a slow machine). A change to cards or settings, or a network (its margin follows the
    cards), may change it."""
    if layout.kind == "network":
        return False
    counted: dict[str, int] = {}
    for change in changes:
        if change.table != Placement.table:
            return False
        for record, step in ((change.before, -1), (change.after, 1)):
            if not isinstance(record, Placement) or record.model != layout.model or record.deleted:
                continue
            counted[record.zone] = counted.get(record.zone, 0) + step
            if step < 0:
                zone = layout.zones.get(record.zone)
                if zone is None:
                    return False
                content = zone.content
                if max(record.x, 0.0) + CARD_W > content.w - 0.5 or max(record.y, 0.0) + CARD_H > content.h - 0.5:
                    return False
    for zone_id, step in counted.items():
        now = len(held.get(zone_id, ()))
        # A grid's zones and wide regions grow from ZONE_SLOTS_ACROSS slots, one-column regions from one.
        if any(zone_across(now, usual) != zone_across(now - step, usual) for usual in (1, ZONE_SLOTS_ACROSS)):
            return False
    return True


def _content_extents(placements: Mapping[str, Placement], zones: Collection[str]) -> dict[str, Extent]:
    """Per zone, the furthest right and bottom any card reaches from the content origin, and how many cards it
    holds (in the same pass: layout_model stays one pass over the placements)."""
    extent_x: dict[str, float] = {}
    extent_y: dict[str, float] = {}
    counts: dict[str, int] = {}
    for placement in placements.values():
        zone = placement.zone
        x = placement.x
        y = placement.y
        # A negative offset is drawn at the content origin (see card_rect), so it reaches no further than 0.
        if zone in extent_x:
            counts[zone] += 1
            if x > extent_x[zone]:
                extent_x[zone] = x
            if y > extent_y[zone]:
                extent_y[zone] = y
        elif zone in zones:
            counts[zone] = 1
            extent_x[zone] = x if x > 0.0 else 0.0
            extent_y[zone] = y if y > 0.0 else 0.0
    return {zone: (extent_x[zone] + CARD_W, extent_y[zone] + CARD_H, counts[zone]) for zone in extent_x}


def _across(content_w: float) -> int:
    return max(1, int((content_w + GAP) // SLOT_W))


def _positions(start: float, sizes: list[float]) -> list[float]:
    result = []
    for size in sizes:
        result.append(start)
        start += size + ZONE_GAP
    return result


def _layout_grid(spec: ModelSpec, settings: ModelSettings | None, placements: Mapping[str, Placement]) -> ModelLayout:
    assert spec.grid is not None
    columns = spec.columns(settings)
    rows = spec.grid.rows
    specs = spec.zones(settings)
    cells = {grid_zone(column.id, row.id): (i, j) for j, row in enumerate(rows) for i, column in enumerate(columns)}

    content_w = [MIN_CONTENT_W] * len(columns)
    content_h = [MIN_CONTENT_H] * len(rows)
    for zone, (reach_x, reach_y, count) in _content_extents(placements, cells).items():
        i, j = cells[zone]
        # A zone of many cards is as wide as its count asks for, so new cards fill across before down.
        content_w[i] = max(content_w[i], reach_x, across_width(zone_across(count)))
        content_h[j] = max(content_h[j], reach_y)

    widths = [w + 2 * ZONE_PAD for w in content_w]
    heights = [h + 2 * ZONE_PAD for h in content_h]
    lefts = _positions(HEADER_W + ZONE_GAP, widths)
    tops = _positions(HEADER_H + ZONE_GAP, heights)

    column_headers = tuple(
        HeaderBox("column", c.id, c.label, c.question, Rect(lefts[i], 0.0, widths[i], HEADER_H), c.side, c.colour)
        for i, c in enumerate(columns)
    )
    row_headers = tuple(
        HeaderBox("row", r.id, r.label, r.question, Rect(0.0, tops[j], HEADER_W, heights[j]), r.side, r.colour)
        for j, r in enumerate(rows)
    )
    zones = {}
    for zone_id, (i, j) in cells.items():
        rect = Rect(lefts[i], tops[j], widths[i], heights[j])
        zones[zone_id] = _zone_box(zone_id, specs[zone_id], rect, (rect.x + ZONE_PAD, rect.y + ZONE_PAD))
    bounds = Rect(0.0, 0.0, lefts[-1] + widths[-1], tops[-1] + heights[-1])
    return ModelLayout(
        spec.id,
        "grid",
        zones,
        [*column_headers, *row_headers],
        bounds,
        columns=column_headers,
        rows=row_headers,
        _column_lefts=tuple(lefts),
        _row_tops=tuple(tops),
    )


def _zone_box(zone_id: str, zone: ZoneSpec, rect: Rect, origin: tuple[float, float]) -> ZoneBox:
    content_w = rect.right - ZONE_PAD - origin[0]
    return ZoneBox(
        id=zone_id,
        rect=rect,
        origin=origin,
        label=zone.label,
        question=zone.question,
        colour=zone.colour,
        side=zone.side,
        kinds=zone.kinds,
        across=_across(content_w),
        scores_opportunity=isinstance(zone, RegionSpec) and zone.scores_opportunity,
    )


def _spread(sizes: list[float], first: int, span: int, needed: float) -> None:
    """Make cells first…first+span-1 (with the seams between them) at least `needed` long: the last one grows."""
    available = sum(sizes[first : first + span]) + ZONE_GAP * (span - 1)
    if needed > available:
        sizes[first + span - 1] += needed - available


def _layout_regions(spec: ModelSpec, placements: Mapping[str, Placement]) -> ModelLayout:
    assert spec.regions is not None
    regions = spec.regions.regions
    reach = _content_extents(placements, {region.id for region in regions})
    n_cols = max(region.col + region.cols for region in regions)
    n_rows = max(region.row + region.rows for region in regions)
    # A one-cell region is one card wide (a job map's steps read as columns); wider regions hold two across.
    widths = [CARD_W + 2 * ZONE_PAD] * n_cols
    heights = [MIN_CONTENT_H + TITLE_H + ZONE_PAD] * n_rows
    # Single cells first, so a spanning region only adds what its cells do not already give it.
    for region in sorted(regions, key=lambda r: r.cols):
        reach_x, _, count = reach.get(region.id, (0.0, 0.0, 0))
        least = across_width(zone_across(count, 1 if region.cols == 1 else ZONE_SLOTS_ACROSS))
        _spread(widths, region.col, region.cols, max(reach_x, least) + 2 * ZONE_PAD)
    for region in sorted(regions, key=lambda r: r.rows):
        reach_y = reach.get(region.id, (0.0, MIN_CONTENT_H, 0))[1]
        _spread(heights, region.row, region.rows, max(reach_y, MIN_CONTENT_H) + TITLE_H + ZONE_PAD)

    lefts = _positions(0.0, widths)
    tops = _positions(0.0, heights)
    zones = {}
    headers = []
    for region in regions:
        x, y = lefts[region.col], tops[region.row]
        w = sum(widths[region.col : region.col + region.cols]) + ZONE_GAP * (region.cols - 1)
        h = sum(heights[region.row : region.row + region.rows]) + ZONE_GAP * (region.rows - 1)
        rect = Rect(x, y, w, h)
        zones[region.id] = _zone_box(region.id, region, rect, (x + ZONE_PAD, y + TITLE_H))
        headers.append(
            HeaderBox(
                "region", region.id, region.label, region.question, Rect(x, y, w, TITLE_H), region.side, region.colour
            )
        )
    bounds = Rect(0.0, 0.0, lefts[-1] + widths[-1], tops[-1] + heights[-1])
    return ModelLayout(spec.id, "regions", zones, headers, bounds)


def _layout_network(spec: ModelSpec, placements: Mapping[str, Placement]) -> ModelLayout:
    zone = spec.zones()[NETWORK_ZONE]
    reach_x, reach_y, _ = _content_extents(placements, {NETWORK_ZONE}).get(NETWORK_ZONE, (0.0, 0.0, 0))
    w = max(NETWORK_MIN_W, ZONE_PAD + reach_x + NETWORK_MARGIN)
    h = max(NETWORK_MIN_H, TITLE_H + reach_y + NETWORK_MARGIN)
    rect = Rect(0.0, 0.0, w, h)
    box = _zone_box(NETWORK_ZONE, zone, rect, (ZONE_PAD, TITLE_H))
    title = HeaderBox("network", NETWORK_ZONE, zone.label, zone.question, Rect(0.0, 0.0, w, TITLE_H), zone.side)
    return ModelLayout(spec.id, "network", {NETWORK_ZONE: box}, [title], rect)


# -- asking a layout -----------------------------------------------------------------------------------------


def card_rect(layout: ModelLayout, placement: Placement) -> Rect | None:
    """Where a placed card is drawn, or None if its zone is not in this layout (a stale zone: see validation).

    A negative offset (possible only in a file written by hand) is drawn at the zone's content origin."""
    zone = layout.zones.get(placement.zone)
    if zone is None:
        return None
    ox, oy = zone.origin
    return Rect(ox + max(placement.x, 0.0), oy + max(placement.y, 0.0), CARD_W, CARD_H)


def card_positions(layout: ModelLayout, placements: Mapping[str, Placement]) -> dict[str, tuple[float, float]]:
    """The top-left scene point of every card placed in a zone of this layout, by card id: what a flip moves the
    card items to. Same rule as `card_rect`, but without building a Rect per card (10,000 cards in a few ms)."""
    origins = {zone_id: zone.origin for zone_id, zone in layout.zones.items()}
    positions: dict[str, tuple[float, float]] = {}
    for card_id, placement in placements.items():
        origin = origins.get(placement.zone)
        if origin is not None:
            x, y = placement.x, placement.y
            positions[card_id] = (origin[0] + (x if x > 0.0 else 0.0), origin[1] + (y if y > 0.0 else 0.0))
    return positions


def zone_at(layout: ModelLayout, x: float, y: float) -> str | None:
    """The zone under a scene point, or None (a header, a seam between zones, or outside)."""
    if layout.kind == "grid":
        i = bisect_right(layout._column_lefts, x) - 1
        j = bisect_right(layout._row_tops, y) - 1
        if i < 0 or j < 0:
            return None
        zone = layout.zones[grid_zone(layout.columns[i].id, layout.rows[j].id)]
        return zone.id if zone.rect.contains(x, y) else None
    for zone in layout.zones.values():
        if zone.rect.contains(x, y):
            return zone.id
    return None


def occupied_offsets(placements: Iterable[Placement], zone: str, exclude: Collection[str] = ()) -> list[Offset]:
    """Offsets taken in `zone`, leaving out the cards in `exclude` (e.g. the ones being dragged)."""
    return [(p.x, p.y) for p in placements if p.zone == zone and p.card_id not in exclude]


class Occupancy:
    """Offsets of the cards already in a zone, bucketed by slot so a free-space test looks at 9 buckets, not all.

    Build one per drop with `snap`; keep one while placing many cards in turn (e.g. an automatic layout)."""

    def __init__(self, occupied: Iterable[Offset] = ()) -> None:
        self._buckets: dict[tuple[int, int], list[Offset]] = {}
        for x, y in occupied:
            self.add(x, y)

    def add(self, x: float, y: float) -> None:
        """Mark a card at offset (x, y) as taken."""
        # Drawn at the origin when negative (card_rect), so it blocks there.
        x, y = max(x, 0.0), max(y, 0.0)
        self._buckets.setdefault((int(x // SLOT_W), int(y // SLOT_H)), []).append((x, y))

    def is_free(self, x: float, y: float) -> bool:
        """True if a card at offset (x, y) would overlap no occupied card."""
        # Two cards overlap when they are closer than a card's size on both axes; a bucket is a slot, which is
        # larger than a card, so any overlapping card sits in one of the 3 × 3 buckets around (x, y).
        bx, by = int(x // SLOT_W), int(y // SLOT_H)
        limit_x, limit_y = CARD_W - 1e-6, CARD_H - 1e-6
        for i in (bx - 1, bx, bx + 1):
            for j in (by - 1, by, by + 1):
                for ox, oy in self._buckets.get((i, j), ()):
                    if abs(ox - x) < limit_x and abs(oy - y) < limit_y:
                        return False
        return True


def next_free_offset(occupied: Collection[Offset], across: int = ZONE_SLOTS_ACROSS) -> Offset:
    """The first slot, in reading order (left to right, then down), where a new card overlaps no other."""
    free = Occupancy(occupied)
    index = 0
    while True:
        x, y = slot_offset(index, across)
        if free.is_free(x, y):
            return x, y
        index += 1


def snap(layout: ModelLayout, zone_id: str, x: float, y: float, occupied: Collection[Offset] | Occupancy) -> Offset:
    """The offset in `zone_id` nearest to a dropped card whose top-left is at scene point (x, y), where the card
    overlaps none of the `occupied` offsets (leave the moving cards themselves out of those).

    Grid and region zones snap to slots, at most `across` slots wide; the network snaps to a fine grid.
    To drop many cards in one zone, pass one `Occupancy` and `add` each result to it before snapping the next."""
    zone = layout.zones[zone_id]
    rx, ry = x - zone.origin[0], y - zone.origin[1]
    free = occupied if isinstance(occupied, Occupancy) else Occupancy(occupied)
    if layout.kind == "network":
        return place_near(free, rx, ry)
    return _nearest_free(free, rx, ry, SLOT_W, SLOT_H, max_columns=zone.across, max_rings=None) or (0.0, 0.0)


def place_near(free: Occupancy, x: float, y: float) -> Offset:
    """The free offset nearest to (x, y) on the network's fine grid (never negative). Does not mark it taken."""
    found = _nearest_free(free, x, y, NETWORK_STEP, NETWORK_STEP, max_columns=None, max_rings=48)
    if found is not None:
        return found
    # Crowded around (x, y): look further out on the coarser slot grid, which always finds room.
    return _nearest_free(free, x, y, SLOT_W, SLOT_H, max_columns=None, max_rings=None) or (0.0, 0.0)


def _nearest_free(
    free: Occupancy,
    x: float,
    y: float,
    step_x: float,
    step_y: float,
    *,
    max_columns: int | None,
    max_rings: int | None,
) -> Offset | None:
    """The free grid point nearest to (x, y), searching rings of grid points outwards; None if none within
    `max_rings` rings. Columns are limited to 0…max_columns-1 and rows to 0…; the search stops once no further
    ring can hold a point nearer than the best found."""
    last_column = -1 if max_columns is None else max_columns - 1
    i0 = max(round(x / step_x), 0)
    if last_column >= 0:
        i0 = min(i0, last_column)
    j0 = max(round(y / step_y), 0)
    nearest = min(step_x, step_y)
    best: Offset | None = None
    best_distance = math.inf
    ring = 0
    while max_rings is None or ring <= max_rings:
        # Every point of ring r lies at least (r - ½) steps from (x, y) on one axis.
        if best is not None and (max(ring - 0.5, 0.0) * nearest) ** 2 >= best_distance:
            break
        for i, j in _ring(i0, j0, ring, last_column):
            cx, cy = i * step_x, j * step_y
            distance = (cx - x) ** 2 + (cy - y) ** 2
            if distance < best_distance and free.is_free(cx, cy):
                best, best_distance = (cx, cy), distance
        ring += 1
    return best


def _ring(i0: int, j0: int, r: int, last_column: int) -> Iterable[tuple[int, int]]:
    """Grid points at Chebyshev distance exactly r from (i0, j0), with i in 0…last_column (-1: unbounded), j ≥ 0."""
    if r == 0:
        yield i0, j0
        return
    low_i = max(i0 - r, 0)
    high_i = i0 + r if last_column < 0 else min(i0 + r, last_column)
    for j in (j0 - r, j0 + r):
        if j >= 0:
            for i in range(low_i, high_i + 1):
                yield i, j
    for i in (i0 - r, i0 + r):
        if i in (low_i, high_i):  # the side is inside the allowed columns
            for j in range(max(j0 - r + 1, 0), j0 + r):
                yield i, j


__all__ = [
    "CARD_H",
    "CARD_W",
    "GAP",
    "GROW_AFTER_ROWS",
    "HEADER_H",
    "HEADER_W",
    "MIN_CONTENT_H",
    "MIN_CONTENT_W",
    "NETWORK_MARGIN",
    "NETWORK_MIN_H",
    "NETWORK_MIN_W",
    "NETWORK_STEP",
    "SLOT_H",
    "SLOT_W",
    "TITLE_H",
    "ZONE_GAP",
    "ZONE_PAD",
    "ZONE_SLOTS_ACROSS",
    "ZONE_SLOTS_DOWN",
    "Extent",
    "HeaderBox",
    "HeaderKind",
    "LayoutKind",
    "ModelLayout",
    "Occupancy",
    "Offset",
    "Rect",
    "ZoneBox",
    "across_width",
    "card_positions",
    "card_rect",
    "layout_model",
    "next_free_offset",
    "occupied_offsets",
    "place_near",
    "slot_offset",
    "snap",
    "zone_across",
    "zone_at",
]
