"""The scene's card items: one per live card, found by id (never by walking `scene.items()`, see QT-NOTES),
placed or hidden per model, drawn one by one when readable and by the overview when zoomed far out."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from canvas.core.layout import ModelLayout
from canvas.core.model import Card, Placement
from canvas.ui.scene.flip import Mover, collector_paused, index_off, restore_bsp_index
from canvas.ui.scene.items.card import CardItem
from canvas.ui.scene.items.overview import OverviewItem
from canvas.ui.scene.positions import CardPositions
from canvas.ui.scene.spots import Spots, Target, Targets
from canvas.ui.scene.style import Style, mix

Z_OVERVIEW = -50.0

#: Whether a card belongs to the other side (and is dimmed).
Dims = Callable[[CardItem], bool]


def targets_in(layout: ModelLayout, placements: Mapping[str, Placement]) -> Targets:
    """Zone and top-left scene point of every card placed in a zone of `layout` (the rule of layout.card_rect:
    a negative offset is drawn at the zone's origin), in one pass."""
    origins = {zone_id: zone.origin for zone_id, zone in layout.zones.items()}
    targets = Targets()
    for card_id, placement in placements.items():
        zone = placement.zone
        origin = origins.get(zone)
        if origin is not None:
            x, y = placement.x, placement.y
            targets[card_id] = (zone, origin[0] + (x if x > 0.0 else 0.0), origin[1] + (y if y > 0.0 else 0.0))
    return targets


class CardLayer:
    """Card items by id, where they are, which zone holds which cards, and the overview that stands in for them."""

    def __init__(self, scene: QGraphicsScene, style: Style) -> None:
        self._scene = scene
        self._style = style
        self.items: dict[str, CardItem] = {}
        #: Zone id -> ids of the cards placed in it (current model).
        self.members: dict[str, set[str]] = {}
        self.overview = OverviewItem(style)
        self.overview.setZValue(Z_OVERVIEW)
        self.overview.setVisible(False)
        scene.addItem(self.overview)
        #: True while cards are large enough to be drawn one by one; False when the overview draws them.
        self.detail = True
        self.mover = Mover(scene)
        self._numbers: dict[str, int] = {}
        #: Far out, hidden items are not moved (only x0, y0 are): they catch up when cards are shown again.
        self._stale = False
        #: Counts changes to the cards (placed, moved, shown, recoloured…), so a view can tell nothing changed.
        self.generation = 0
        #: How many items the scene holds (`join`).
        self.joined = 0

    def _touch(self) -> None:
        """Something about the cards changed: the overview draws again, views prepare the cards in view again."""
        self.generation += 1
        self.overview.invalidate()

    @property
    def positions(self) -> CardPositions:
        """Shown cards' positions (shared with the overview, which draws from them)."""
        return self.overview.positions

    def __contains__(self, card_id: object) -> bool:
        return card_id in self.items

    def get(self, card_id: str) -> CardItem | None:
        return self.items.get(card_id)

    def colour_number(self, item: CardItem) -> int:
        """The overview colour number of a card: its kind's colour or its own, paler when dimmed."""
        key = item.overview_key
        number = self._numbers.get(key)
        if number is None:
            look = self._style.kinds[item.card.kind]
            if item.card.colour is not None:
                colour = mix(QColor(item.card.colour), QColor("#ffffff"), 0.2)
                colour = mix(colour, self._style.background, 0.7) if item.dimmed else colour
            else:
                colour = (look.overview_dim if item.dimmed else look.overview).color()
            number = self._numbers[key] = self.overview.palette.number(key, colour)
        return number

    # -- which cards exist ----------------------------------------------------------------------------------

    def build(self, cards: Iterable[Card], targets: Mapping[str, Target], dims: Dims | None = None) -> None:
        """One item per card, each created at its spot: the fastest way to open a large canvas. The items join
        the scene only when a view is about to show them (`join`): Qt's index and its first frame then deal with
        the cards in view, not all 50,000 (adding 10,000 items and indexing them cost ~100 ms on a slow machine)."""
        self.clear()
        with collector_paused(lasting=True):
            self._build(cards, targets, dims)

    def _build(self, cards: Iterable[Card], targets: Mapping[str, Target], dims: Dims | None) -> None:
        # One pass makes the items, places them (Qt learns the spot when an item joins the scene) and gathers
        # what `arrange` would work out from the targets (`Spots`), kept with them for flips back to this model.
        style, items, make = self._style, self.items, CardItem.of
        ids: list[str] = []
        placed: list[CardItem] = []
        chosen: list[Target] = []
        others: list[CardItem] = []
        members: dict[str, list[str]] = {}
        for card in cards:
            card_id = card.id
            item = items[card_id] = make(card, style)
            target = targets.get(card_id)
            if target is None:
                item.setVisible(False)
                others.append(item)
                continue
            zone, item.x0, item.y0 = target
            item.zone = zone
            item.placed = True
            ids.append(card_id)
            placed.append(item)
            chosen.append(target)
            held = members.get(zone)
            if held is None:
                members[zone] = [card_id]
            else:
                held.append(card_id)
        spots = Spots.gathered(items, placed, chosen, ids, members, others)
        if isinstance(targets, Targets):
            targets.keep(spots)
        if dims is not None:
            for item in placed:
                if dims(item):
                    item.set_dimmed(True)
        self._show_spots(spots, fresh=True)

    def _show_spots(self, spots: Spots, fresh: bool) -> None:
        """The zones' members and the overview's positions from `spots` (and at a fresh build far out, the items
        hidden)."""
        colours = spots.colours(self._numbers, self.colour_number)
        self.members = {zone: set(held) for zone, held in spots.members.items()}
        self.overview.positions = CardPositions.of(spots.ids, spots.xs, spots.ys, colours, len(self.items), spots.slots)
        if fresh and not self.detail:
            for item in spots.items:
                item.setVisible(False)
        self._touch()

    def join(self, item: CardItem) -> None:
        """Let the scene hold this card's item, so views draw it: done for the cards a view is about to show,
        a gesture moves, or a picture draws (see `build`)."""
        if not item.joined:
            item.joined = True
            self.joined += 1
            item.setPos(item.x0, item.y0)  # a flip moves only the items in the scene (`arrange`)
            self._scene.addItem(item)

    def join_within(self, card_ids: Iterable[str]) -> None:
        items, join = self.items, self.join
        for card_id in card_ids:
            item = items[card_id]
            if not item.joined:
                join(item)

    def add(self, card: Card) -> CardItem:
        item = CardItem.of(card, self._style)
        item.setVisible(False)  # until placed
        self.join(item)
        self.items[card.id] = item
        return item

    def remove(self, card_id: str) -> None:
        item = self.items.pop(card_id, None)
        if item is None:
            return
        self._forget_zone(item)
        self.positions.remove(card_id)
        if item.joined:
            self.joined -= 1
            self._scene.removeItem(item)
        self._touch()

    def clear(self) -> None:
        self.mover.finish()
        for item in self.items.values():
            if item.joined:
                self._scene.removeItem(item)
        self.items.clear()
        self.joined = 0
        self.members.clear()
        self.overview.positions = CardPositions()
        self._touch()

    # -- where they are -------------------------------------------------------------------------------------

    def arrange(self, targets: Mapping[str, Target], *, animate: bool, dims: Dims | None = None) -> None:
        """Place every card in `targets` at its spot, hide every other card (they wait in the tray), and dim the
        cards `dims` picks. One pass over the cards: this is most of a flip's cost at 50,000 cards."""
        with collector_paused():
            self._arrange(targets, animate, dims)

    def _arrange(self, targets: Mapping[str, Target], animate: bool, dims: Dims | None) -> None:
        # At 50,000 cards every attribute and call per card shows in a flip: what depends only on the model's
        # targets is kept with them (spots.py), and the one loop left sets each item's zone and spot.
        self.mover.finish()
        detail, items = self.detail, self.items
        spots = targets.spots(items) if isinstance(targets, Targets) else Spots.of(targets, items)
        hiding: list[CardItem] = []
        for item in spots.others:
            if item.placed:
                hiding.append(item)
                item.placed = False
                item.zone = None
            if dims is not None and item.dimmed:
                item.set_dimmed(False)
        appearing: list[CardItem] = []
        # Items in the scene that move, and where they were drawn (an animation starts there). Items not in the
        # scene yet only learn their spot: they are put there when they join it.
        moved: list[tuple[CardItem, float, float]] = []
        for item, (zone, x, y) in zip(spots.items, spots.targets, strict=True):
            item.zone = zone
            if not item.placed:
                item.placed = True
                appearing.append(item)
            if x != item.x0 or y != item.y0:
                if item.joined:
                    moved.append((item, item.x0, item.y0))
                item.x0 = x
                item.y0 = y
        if dims is not None:
            for item in spots.items:
                dimmed = dims(item)
                if dimmed != item.dimmed:
                    item.set_dimmed(dimmed)
        if not detail:
            # Far out every item is hidden and the overview draws from the arrays: moving the items can wait.
            self._stale = self._stale or bool(moved)
            for item in hiding:
                item.setVisible(False)
        else:
            shifted = len(moved) + sum(item.joined for item in hiding) + sum(item.joined for item in appearing)
            with index_off(self._scene, shifted, self.joined):
                for item in hiding:
                    item.setVisible(False)
                for item in appearing:
                    item.setVisible(True)
                if animate and (moved or appearing):
                    self.mover.move(moved, appearing)
                else:
                    for item, _, _ in moved:
                        item.setPos(item.x0, item.y0)
                    for item in appearing:
                        item.setPos(item.x0, item.y0)
        self._show_spots(spots, fresh=False)

    def place(self, card_id: str, zone: str, x: float, y: float) -> None:
        """Put one card at a spot in the current model (shown if cards are drawn one by one)."""
        item = self.items[card_id]
        if item.zone != zone:
            self._forget_zone(item)
            self.members.setdefault(zone, set()).add(card_id)
            item.zone = zone
        if not item.placed:
            item.placed = True
            item.setVisible(self.detail)
        item.move_to(x, y)
        self.positions.put(card_id, x, y, self.colour_number(item))
        self._touch()

    def follow(self, placements: Mapping[str, Placement], layout: ModelLayout, card_ids: Iterable[str]) -> None:
        """Put these cards where their placements (the current model's) say, or in the tray if they have none."""
        ids = list(card_ids)
        targets = targets_in(layout, {i: placements[i] for i in ids if i in placements and i in self.items})
        for card_id in ids:
            if card_id in targets:
                self.place(card_id, *targets[card_id])
            elif card_id in self.items:
                self.unplace(card_id)

    def unplace(self, card_id: str) -> None:
        item = self.items[card_id]
        self._forget_zone(item)
        item.zone = None
        if item.placed:
            item.placed = False
            item.setVisible(False)
        self.positions.hide(card_id)
        self._touch()

    def placed(self) -> Iterable[CardItem]:
        return (item for item in self.items.values() if item.placed)

    def _forget_zone(self, item: CardItem) -> None:
        if item.zone is not None:
            holders = self.members.get(item.zone)
            if holders is not None:
                holders.discard(item.card_id)
                if not holders:
                    del self.members[item.zone]

    # -- how they are drawn ---------------------------------------------------------------------------------

    def set_detail(self, detail: bool) -> None:
        """Draw cards one by one (True) or let the overview draw them all in one batch (False)."""
        if detail == self.detail:
            return
        self.detail = detail
        self.mover.finish()
        if detail and self._stale:
            placed = [item for item in self.items.values() if item.placed and item.joined]
            with index_off(self._scene, len(placed), self.joined):
                for item in placed:
                    item.setPos(item.x0, item.y0)
            self._stale = False
        # Hiding keeps each item's place in the index; showing 50,000 items takes ~50 ms, once per threshold.
        for item in self.items.values():
            if item.placed:
                item.setVisible(detail)
        self.overview.setVisible(not detail)
        self._touch()
        # Far out, Qt need not find items by place (hit tests use the position arrays): without an index a frame
        # skips the 50,000 hidden items in ~1 ms, where walking the BSP tree over them took ~10 ms.
        if detail:
            restore_bsp_index(self._scene)
        else:
            self._scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)

    def set_dimmed(self, dims: Dims, card_ids: Collection[str] | None = None) -> None:
        """Dim the cards `dims` says belong to the other side (only `card_ids`, if given)."""
        changed = False
        items = self.items.values() if card_ids is None else (self.items[i] for i in card_ids if i in self.items)
        for item in items:
            value = dims(item)
            if value != item.dimmed:
                item.set_dimmed(value)
                self.positions.set_colour(item.card_id, self.colour_number(item))
                changed = True
        if changed:
            self._touch()

    def recolour(self, item: CardItem) -> None:
        """The card's kind or colour changed: draw it in its new colour when zoomed out."""
        self.positions.set_colour(item.card_id, self.colour_number(item))
        self._touch()

    def set_bounds(self, bounds: QRectF) -> None:
        self.overview.set_bounds(bounds)

    @contextmanager
    def uncached(self) -> Iterator[None]:
        """Paint without the per-item pixmap caches (for pictures: SVG and PDF keep text as text, and an export
        does not push the views' cached cards out of Qt's pixmap cache)."""
        items: list[QGraphicsItem] = [item for item in self.items.values() if item.cached]
        items.append(self.overview)
        for item in items:
            item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        try:
            yield
        finally:
            for item in items:
                item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
