"""The scene's cards: one item per live card, found by id (never by walking `scene.items()`, see QT-NOTES),
placed or hidden per model, drawn one by one when readable and by the overview when zoomed far out.

An item is made when it is first asked for (a view about to show the card, a gesture, a mark, a picture), not for
all 50,000 cards as a canvas opens: making, placing and moving 10,000 items was two thirds of showing a document
(~60 ms on a slow machine). Until then where a card is comes from the targets of the model shown (`Spots`), and
whether it is dimmed and which chips it carries are kept by card id.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from canvas.core.layout import ModelLayout
from canvas.core.model import Card, Placement
from canvas.ui.scene.flip import Mover, collector_paused, index_off, restore_bsp_index
from canvas.ui.scene.items.card import CardItem, Chip
from canvas.ui.scene.items.overview import OverviewItem
from canvas.ui.scene.overview_colours import OverviewColours
from canvas.ui.scene.positions import CardPositions
from canvas.ui.scene.spots import Spots, Target, Targets
from canvas.ui.scene.style import Style

Z_OVERVIEW = -50.0

#: Whether a card placed in a zone (None: not placed) belongs to the other side (and is dimmed).
Dims = Callable[[Card, str | None], bool]


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


class CardItems(Mapping[str, CardItem]):
    """The live cards' items by card id: an item is made (`make`) when first asked for. `cards` holds every live
    card's record, `made` the items made so far; iterating over the values makes every item (tests do; the layer
    walks `made`)."""

    def __init__(self, make: Callable[[Card], CardItem]) -> None:
        self.cards: dict[str, Card] = {}
        self.made: dict[str, CardItem] = {}
        self._make = make

    def __getitem__(self, card_id: str) -> CardItem:
        item = self.made.get(card_id)
        if item is None:
            item = self.made[card_id] = self._make(self.cards[card_id])
        return item

    def __contains__(self, card_id: object) -> bool:
        return card_id in self.cards

    def __len__(self) -> int:
        return len(self.cards)

    def __iter__(self) -> Iterator[str]:
        return iter(self.cards)


class CardLayer:
    """Card items by id, where they are, which zone holds which cards, and the overview that stands in for them."""

    def __init__(self, scene: QGraphicsScene, style: Style) -> None:
        self._scene = scene
        self._style = style
        self.items = CardItems(self._make)
        #: Zone id -> ids of the cards placed in it (current model).
        self.members: dict[str, set[str]] = {}
        self.overview = OverviewItem(style)
        self.overview.setZValue(Z_OVERVIEW)
        self.overview.setVisible(False)
        scene.addItem(self.overview)
        #: True while cards are large enough to be drawn one by one; False when the overview draws them.
        self.detail = True
        self.mover = Mover(scene)
        self._colours = OverviewColours(style, self.overview.palette)
        #: Far out, hidden items are not moved (only x0, y0 are): they catch up when cards are shown again.
        self._stale = False
        #: Counts changes to the cards (placed, moved, shown, recoloured…), so a view can tell nothing changed.
        self.generation = 0
        #: How many items the scene holds (`join`).
        self.joined = 0
        #: What an item made now starts from: the targets last arranged (an item placed since then by an edit
        #: exists already), the dimmed cards and every card's chips.
        self._targets: Mapping[str, Target] = {}
        self._dimmed: set[str] = set()
        self._chips: dict[str, tuple[tuple[Chip, ...], bool]] = {}
        #: Counts changes of any card's overview colour (kind, own colour, dimmed): colours worked out for all the
        #: cards of a model are kept until one changes.
        self._colour_changes = 0

    def _touch(self) -> None:
        """Something about the cards changed: the overview draws again, views prepare the cards in view again."""
        self.generation += 1
        self.overview.invalidate()

    @property
    def positions(self) -> CardPositions:
        """Shown cards' positions (shared with the overview, which draws from them)."""
        return self.overview.positions

    def __contains__(self, card_id: object) -> bool:
        return card_id in self.items.cards

    def get(self, card_id: str) -> CardItem | None:
        """The card's item (made now if it was not), or None if there is no such live card."""
        return self.items[card_id] if card_id in self.items.cards else None

    def card(self, card_id: str) -> Card:
        """The record of a live card (without making its item)."""
        return self.items.cards[card_id]

    def zone_of(self, card_id: str) -> str | None:
        """The zone a card sits in, in the current model (None: not placed), without making its item."""
        item = self.items.made.get(card_id)
        if item is not None:
            return item.zone
        target = self._targets.get(card_id) if card_id in self.items.cards else None
        return target[0] if target is not None else None

    def spot(self, card_id: str) -> tuple[float, float] | None:
        """A placed card's top-left scene point in the current model (None: not placed), without making its item."""
        item = self.items.made.get(card_id)
        if item is not None:
            return (item.x0, item.y0) if item.placed else None
        target = self._targets.get(card_id) if card_id in self.items.cards else None
        return (target[1], target[2]) if target is not None else None

    def dimmed(self, card_id: str) -> bool:
        return card_id in self._dimmed

    def colour_number(self, card: Card, dimmed: bool) -> int:
        """The overview colour number of a card: its kind's colour or its own, paler when dimmed."""
        return self._colours.number(card, dimmed)

    def _colours_of(self, spots: Spots) -> list[int]:
        """Overview colour numbers of the cards of `spots` (in its order), from their records."""
        return self._colours.of(self.items.cards, self._dimmed, spots.ids)

    # -- which cards exist ----------------------------------------------------------------------------------

    def build(self, cards: Iterable[Card], targets: Mapping[str, Target], dims: Dims | None = None) -> None:
        """Show these cards at their targets. No item is made here (see the module docstring), and items join the
        scene only when a view is about to show them (`join`): Qt's index and its first frame then deal with the
        cards in view, not all 50,000 (adding 10,000 items and indexing them cost ~100 ms on a slow machine)."""
        self.clear()
        with collector_paused(lasting=True):
            self.items.cards = {card.id: card for card in cards}
            self.arrange(targets, animate=False, dims=dims)

    def _make(self, card: Card) -> CardItem:
        """The item of a card shown as the targets last arranged say (see `CardItems`)."""
        item = CardItem.of(card, self._style)
        card_id = card.id
        target = self._targets.get(card_id)
        if target is None:
            item.setVisible(False)
        else:
            item.zone, item.x0, item.y0 = target
            item.placed = True
            if not self.detail:
                item.setVisible(False)
        if card_id in self._dimmed:
            item.set_dimmed(True)
        chips = self._chips.get(card_id)
        if chips is not None:
            item.set_chips(*chips)
        return item

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
        """A new live card: its item is made at once, hidden until placed."""
        self.items.cards[card.id] = card
        item = self.items.made[card.id] = CardItem.of(card, self._style)
        item.setVisible(False)
        self.join(item)
        return item

    def set_card(self, card: Card) -> None:
        """A card's record changed: its item shows the new one, and the overview its kind's or own colour."""
        self.items.cards[card.id] = card
        item = self.items.made.get(card.id)
        if item is not None:
            item.set_card(card)
        self._colour_changes += 1
        self.positions.set_colour(card.id, self.colour_number(card, card.id in self._dimmed))
        self._touch()

    def remove(self, card_id: str) -> None:
        if card_id not in self.items.cards:
            return
        zone = self.zone_of(card_id)
        del self.items.cards[card_id]
        item = self.items.made.pop(card_id, None)
        self._forget_zone(card_id, zone)
        self._dimmed.discard(card_id)
        self._chips.pop(card_id, None)
        self.positions.remove(card_id)
        if item is not None and item.joined:
            self.joined -= 1
            self._scene.removeItem(item)
        self._touch()

    def clear(self) -> None:
        self.mover.finish()
        for item in self.items.made.values():
            if item.joined:
                self._scene.removeItem(item)
        self.items.cards = {}
        self.items.made.clear()
        self.joined = 0
        self.members.clear()
        self._targets = {}
        self._dimmed = set()
        self._chips.clear()
        self.overview.positions = CardPositions()
        self._touch()

    # -- where they are -------------------------------------------------------------------------------------

    def arrange(self, targets: Mapping[str, Target], *, animate: bool, dims: Dims | None = None) -> None:
        """Place every card in `targets` at its spot, hide every other card (they wait in the tray), and dim the
        cards `dims` picks. Only the items made so far are moved; the others are made where the targets say."""
        with collector_paused():
            self._arrange(targets, animate, dims)

    def _arrange(self, targets: Mapping[str, Target], animate: bool, dims: Dims | None) -> None:
        # At 50,000 cards every attribute and call per card shows in a flip: what depends only on the model's
        # targets is kept with them (spots.py), and the one loop left sets each made item's zone and spot.
        self.mover.finish()
        detail, cards = self.detail, self.items.cards
        spots = targets.spots(cards) if isinstance(targets, Targets) else Spots.of(targets, cards)
        self._targets = targets
        if dims is not None:
            dimmed = {
                card_id
                for card_id, target in zip(spots.ids, spots.targets, strict=True)
                if dims(cards[card_id], target[0])
            }
            if dimmed != self._dimmed:
                self._dimmed = dimmed
                self._colour_changes += 1
        hiding: list[CardItem] = []
        appearing: list[CardItem] = []
        # Items in the scene that move, and where they were drawn (an animation starts there). Items not in the
        # scene yet only learn their spot: they are put there when they join it.
        moved: list[tuple[CardItem, float, float]] = []
        for card_id, item in self.items.made.items():
            target = targets.get(card_id)
            if target is None:
                if item.placed:
                    hiding.append(item)
                    item.placed = False
                    item.zone = None
            else:
                zone, x, y = target
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
                item.set_dimmed(card_id in self._dimmed)
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
        self.members = {zone: set(held) for zone, held in spots.members.items()}
        # The overview colours are worked out when the overview first draws (as they are then).
        colours = lambda: spots.colours(self._colour_changes, self._colours_of)  # noqa: E731
        self.overview.positions = CardPositions.of(spots.ids, spots.xs, spots.ys, colours, len(cards), spots.slots)
        self._touch()

    def place(self, card_id: str, zone: str, x: float, y: float) -> None:
        """Put one card at a spot in the current model (shown if cards are drawn one by one)."""
        item = self.items[card_id]
        if item.zone != zone:
            self._forget_zone(card_id, item.zone)
            self.members.setdefault(zone, set()).add(card_id)
            item.zone = zone
        if not item.placed:
            item.placed = True
            item.setVisible(self.detail)
        item.move_to(x, y)
        self.positions.put(card_id, x, y, self.colour_number(item.card, item.dimmed))
        self._touch()

    def follow(self, placements: Mapping[str, Placement], layout: ModelLayout, card_ids: Iterable[str]) -> None:
        """Put these cards where their placements (the current model's) say, or in the tray if they have none."""
        ids = list(card_ids)
        targets = targets_in(layout, {i: placements[i] for i in ids if i in placements and i in self})
        for card_id in ids:
            if card_id in targets:
                self.place(card_id, *targets[card_id])
            elif card_id in self:
                self.unplace(card_id)

    def unplace(self, card_id: str) -> None:
        item = self.items[card_id]
        self._forget_zone(card_id, item.zone)
        item.zone = None
        if item.placed:
            item.placed = False
            item.setVisible(False)
        self.positions.hide(card_id)
        self._touch()

    def placed(self) -> list[CardItem]:
        """The items of the placed cards (made now: for tests and small canvases)."""
        items = self.items
        return [items[card_id] for held in self.members.values() for card_id in held]

    def _forget_zone(self, card_id: str, zone: str | None) -> None:
        if zone is not None:
            holders = self.members.get(zone)
            if holders is not None:
                holders.discard(card_id)
                if not holders:
                    del self.members[zone]

    # -- how they are drawn ---------------------------------------------------------------------------------

    def set_detail(self, detail: bool) -> None:
        """Draw cards one by one (True) or let the overview draw them all in one batch (False)."""
        if detail == self.detail:
            return
        self.detail = detail
        self.mover.finish()
        made = self.items.made.values()
        if detail and self._stale:
            placed = [item for item in made if item.placed and item.joined]
            with index_off(self._scene, len(placed), self.joined):
                for item in placed:
                    item.setPos(item.x0, item.y0)
            self._stale = False
        # Hiding keeps each item's place in the index; showing 50,000 items takes ~50 ms, once per threshold.
        for item in made:
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
        cards, made = self.items.cards, self.items.made
        if card_ids is None:
            placed = ((card_id, zone) for zone, held in self.members.items() for card_id in held)
            dimmed = {card_id for card_id, zone in placed if dims(cards[card_id], zone)}
            changed = dimmed ^ self._dimmed
        else:
            dimmed = set(self._dimmed)
            for card_id in card_ids:
                if card_id in cards:
                    if dims(cards[card_id], self.zone_of(card_id)):
                        dimmed.add(card_id)
                    else:
                        dimmed.discard(card_id)
            changed = dimmed ^ self._dimmed
        if not changed:
            return
        self._dimmed = dimmed
        self._colour_changes += 1
        for card_id in changed:
            value = card_id in dimmed
            item = made.get(card_id)
            if item is not None:
                item.set_dimmed(value)
            self.positions.set_colour(card_id, self.colour_number(cards[card_id], value))
        self._touch()

    def set_chips(self, card_id: str, chips: tuple[Chip, ...], top_opportunity: bool = False) -> None:
        """What the model says about a card (emotion, opportunity, exchange balance), drawn on it."""
        if card_id not in self.items.cards:
            return
        if chips or top_opportunity:
            self._chips[card_id] = (chips, top_opportunity)
        else:
            self._chips.pop(card_id, None)
        item = self.items.made.get(card_id)
        if item is not None:
            item.set_chips(chips, top_opportunity)

    def set_bounds(self, bounds: QRectF) -> None:
        self.overview.set_bounds(bounds)

    @contextmanager
    def uncached(self) -> Iterator[None]:
        """Paint without the per-item pixmap caches (for pictures: SVG and PDF keep text as text, and an export
        does not push the views' cached cards out of Qt's pixmap cache)."""
        items: list[QGraphicsItem] = [item for item in self.items.made.values() if item.cached]
        items.append(self.overview)
        for item in items:
            item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        try:
            yield
        finally:
            for item in items:
                item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
