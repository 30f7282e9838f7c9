"""The flow arrows of a network model: one FlowItem per live link whose two cards are placed in the network."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QGraphicsScene

from canvas.core.document import Document
from canvas.core.model import Link
from canvas.ui.scene.cards import CardLayer
from canvas.ui.scene.items.link import LABEL_STAGGER, LANE, FlowItem
from canvas.ui.scene.style import Style


class FlowLayer:
    """Flow items by link id, kept in step with the document's links and the cards' positions."""

    def __init__(self, scene: QGraphicsScene, style: Style) -> None:
        self._scene = scene
        self._style = style
        self.items: dict[str, FlowItem] = {}
        self.active = False

    def sync(self, document: Document, cards: CardLayer, *, active: bool) -> None:
        """Show exactly the live links between placed cards (`active`: the current model is a network)."""
        self.active = active
        wanted: dict[str, Link] = {}
        if active:
            spot = cards.spot
            for link in document.live_links():
                if spot(link.source) is not None and spot(link.target) is not None:
                    wanted[link.id] = link
        for link_id in list(self.items):
            if link_id not in wanted:
                self._scene.removeItem(self.items.pop(link_id))
        for link_id, link in wanted.items():
            item = self.items.get(link_id)
            if item is None:
                item = self.items[link_id] = FlowItem(link, self._style)
                self._scene.addItem(item)
            elif item.link != link:
                item.set_link(link)
        self._assign_lanes()
        self.reroute(cards)

    def _assign_lanes(self) -> None:
        """Parallel flows of one pair of actors (either direction) get their own lanes, side by side."""
        pairs: dict[tuple[str, str], list[FlowItem]] = {}
        for item in self.items.values():
            a, b = sorted((item.link.source, item.link.target))
            pairs.setdefault((a, b), []).append(item)
        for (a, _), items in pairs.items():
            items.sort(key=lambda flow: (flow.link.source != a, flow.link_id))
            count = len(items)
            for index, item in enumerate(items):
                step = index - (count - 1) / 2
                forward = item.link.source == a
                # Lanes are measured along the normal of the flow's own direction: flip it for the reverse ones.
                item.lane = step * LANE if forward else -step * LANE
                # Labels of neighbouring lanes sit at different points along the pair, so they do not collide.
                along = 0.5 + step * LABEL_STAGGER
                item.label_at = along if forward else 1.0 - along

    def reroute(self, cards: CardLayer, card_ids: Iterable[str] | None = None, *, live: bool = False) -> None:
        """Re-draw the arrows touching `card_ids` (all if None) from the cards' places (`live`: where they are drawn
        this instant, e.g. while dragged)."""
        touched = None if card_ids is None else set(card_ids)
        for item in self.items.values():
            link = item.link
            if touched is not None and link.source not in touched and link.target not in touched:
                continue
            source, target = _drawn_at(cards, link.source, live), _drawn_at(cards, link.target, live)
            if source is not None and target is not None:
                item.route(source, target)

    def at(self, point: QPointF) -> str | None:
        for link_id, item in self.items.items():
            if item.hit(point):
                return link_id
        return None

    def clear(self) -> None:
        for item in self.items.values():
            self._scene.removeItem(item)
        self.items.clear()


def _drawn_at(cards: CardLayer, card_id: str, live: bool) -> tuple[float, float] | None:
    """Where a placed card is (`live`: where its item is drawn this instant, e.g. while dragged)."""
    item = cards.items.made.get(card_id) if live else None
    if item is not None and item.placed:
        return item.x(), item.y()
    return cards.spot(card_id)
