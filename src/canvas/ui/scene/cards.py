"""The scene's card items: one per live card, found by id (never by walking `scene.items()`, see QT-NOTES),
placed or hidden per model, drawn one by one when readable and by the overview when zoomed far out."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsScene

from canvas.core.model import Card
from canvas.ui.scene.flip import Mover, index_off
from canvas.ui.scene.items.card import CardItem
from canvas.ui.scene.items.overview import OverviewItem
from canvas.ui.scene.positions import CardPositions
from canvas.ui.scene.style import Style

Z_OVERVIEW = -50.0

#: Where one card goes in the current model: zone id and its top-left scene point.
Target = tuple[str, float, float]


class CardLayer:
    """Card items by id, where they are, which zone holds which cards, and the overview that stands in for them."""

    def __init__(self, scene: QGraphicsScene, style: Style) -> None:
        self._scene = scene
        self._style = style
        self.items: dict[str, CardItem] = {}
        self.positions = CardPositions()
        #: Zone id -> ids of the cards placed in it (current model).
        self.members: dict[str, set[str]] = {}
        self.overview = OverviewItem(self.items, style)
        self.overview.setZValue(Z_OVERVIEW)
        self.overview.setVisible(False)
        scene.addItem(self.overview)
        #: True while cards are large enough to be drawn one by one; False when the overview draws them.
        self.detail = True
        self.mover = Mover(scene)

    def __contains__(self, card_id: object) -> bool:
        return card_id in self.items

    def get(self, card_id: str) -> CardItem | None:
        return self.items.get(card_id)

    # -- which cards exist ----------------------------------------------------------------------------------

    def add(self, card: Card) -> CardItem:
        item = CardItem(card, self._style)
        # Hidden until placed: adding a hidden item does not touch the index's visible set.
        item.setVisible(False)
        self._scene.addItem(item)
        self.items[card.id] = item
        return item

    def add_many(self, cards: Iterable[Card]) -> None:
        style, scene, items = self._style, self._scene, self.items
        for card in cards:
            item = CardItem(card, style)
            item.setVisible(False)
            scene.addItem(item)
            items[card.id] = item

    def remove(self, card_id: str) -> None:
        item = self.items.pop(card_id, None)
        if item is None:
            return
        self._forget_zone(item)
        self.positions.remove(card_id)
        self._scene.removeItem(item)
        self.overview.invalidate()

    def clear(self) -> None:
        self.mover.finish()
        for item in self.items.values():
            self._scene.removeItem(item)
        self.items.clear()
        self.members.clear()
        self.positions = CardPositions()
        self.overview.invalidate()

    # -- where they are -------------------------------------------------------------------------------------

    def arrange(self, targets: Mapping[str, Target], *, animate: bool) -> None:
        """Place every card in `targets` at its spot and hide every other card (they wait in the tray)."""
        self.mover.finish()
        moves: dict[CardItem, tuple[float, float]] = {}
        appearing: list[CardItem] = []
        hiding: list[CardItem] = []
        self.members = {}
        members = self.members
        for card_id, item in self.items.items():
            target = targets.get(card_id)
            if target is None:
                if item.placed:
                    hiding.append(item)
                    item.placed = False
                    item.zone = None
                continue
            zone, x, y = target
            members.setdefault(zone, set()).add(card_id)
            item.zone = zone
            moves[item] = (x, y)
            if not item.placed:
                item.placed = True
                appearing.append(item)
        positions = CardPositions(max(1024, len(self.items)))
        positions.put_many({card_id: (x, y) for card_id, (_, x, y) in targets.items() if card_id in self.items})
        self.positions = positions
        with index_off(self._scene, len(moves) + len(hiding) + len(appearing)):
            for item in hiding:
                item.setVisible(False)
            if self.detail:
                for item in appearing:
                    item.setVisible(True)
            self.mover.move(moves, appearing if self.detail else [], animate and self.detail)
        self.overview.invalidate()

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
        self.positions.put(card_id, x, y)
        self.overview.invalidate()

    def unplace(self, card_id: str) -> None:
        item = self.items[card_id]
        self._forget_zone(item)
        item.zone = None
        if item.placed:
            item.placed = False
            item.setVisible(False)
        self.positions.hide(card_id)
        self.overview.invalidate()

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
        placed = [item for item in self.items.values() if item.placed]
        # Hiding keeps each item's place in the index; showing 50,000 items takes ~50 ms, once per threshold.
        for item in placed:
            item.setVisible(detail)
        self.overview.setVisible(not detail)
        self.overview.invalidate()

    def set_dimmed(self, dimmed: Callable[[CardItem], bool]) -> None:
        changed = False
        for item in self.items.values():
            value = dimmed(item)
            if value != item.dimmed:
                item.set_dimmed(value)
                changed = True
        if changed:
            self.overview.invalidate()

    def set_bounds(self, bounds: QRectF) -> None:
        self.overview.set_bounds(bounds)
