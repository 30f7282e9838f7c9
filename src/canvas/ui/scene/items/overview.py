"""The zoomed-out canvas: every placed card as a coloured rectangle, drawn in one `drawRects` call per colour.

A Python `paint()` per card costs ~8 µs, so 10,000 cards cannot be drawn one by one at 60 fps (QT-NOTES). When
cards are too small to read, the scene hides the card items and this one item draws them all. The rectangle lists
are rebuilt only when something changed; Qt caches the result at device resolution, so a repaint at the same zoom
is a blit.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from canvas.core.layout import CARD_H, CARD_W
from canvas.ui.scene.items.card import CardItem
from canvas.ui.scene.style import Style, mix


class OverviewItem(QGraphicsItem):
    """Draws the placed cards of a registry (card id -> CardItem) as rectangles, with selection and search marks."""

    def __init__(self, cards: Mapping[str, CardItem], style: Style) -> None:
        super().__init__()
        self._cards = cards
        self._style = style
        self._bounds = QRectF()
        self._batches: list[tuple[QBrush, list[QRectF]]] = []
        self._selected: list[QRectF] = []
        self._highlighted: list[QRectF] = []
        self._dirty = True
        self._brushes: dict[str, QBrush] = {}
        self._selection_pen = QPen(style.accent, 6.0)
        self._highlight_pen = QPen(style.highlight_pen.color(), 6.0)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        # Re-rendered only when the zoom or the cards change; panning and repaints reuse the cached pixmap.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def set_bounds(self, bounds: QRectF) -> None:
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = QRectF(bounds)

    def invalidate(self) -> None:
        """Something about the cards changed: rebuild the rectangle lists at the next paint."""
        self._dirty = True
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if self._dirty:
            self._rebuild()
        painter.setPen(Qt.PenStyle.NoPen)
        for brush, rects in self._batches:
            painter.setBrush(brush)
            painter.drawRects(rects)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self._highlighted:
            painter.setPen(self._highlight_pen)
            painter.drawRects(self._highlighted)
        if self._selected:
            painter.setPen(self._selection_pen)
            painter.drawRects(self._selected)

    def _brush(self, key: str, item: CardItem) -> QBrush:
        brush = self._brushes.get(key)
        if brush is None:
            look = self._style.kind(item.card.kind)
            if item.card.colour is not None:
                colour = mix(QColor(item.card.colour), QColor("#ffffff"), 0.2)
                if item.dimmed:
                    colour = mix(colour, self._style.background, 0.7)
                brush = QBrush(colour)
            else:
                brush = look.overview_dim if item.dimmed else look.overview
            self._brushes[key] = brush
        return brush

    def _rebuild(self) -> None:
        groups: dict[str, list[QRectF]] = {}
        brushes: dict[str, QBrush] = {}
        selected: list[QRectF] = []
        highlighted: list[QRectF] = []
        for item in self._cards.values():
            if not item.placed:
                continue
            rect = QRectF(item.x0, item.y0, CARD_W, CARD_H)
            key = item.overview_key
            group = groups.get(key)
            if group is None:
                group = groups[key] = []
                brushes[key] = self._brush(key, item)
            group.append(rect)
            if item.selected:
                selected.append(rect)
            if item.highlighted:
                highlighted.append(rect)
        self._batches = [(brushes[key], rects) for key, rects in groups.items()]
        self._selected = selected
        self._highlighted = highlighted
        self._dirty = False
