"""The zoomed-out canvas: every placed card as a coloured rectangle, rasterized in one go with numpy.

A Python `paint()` per card costs ~8 µs, so 10,000 cards cannot be drawn one by one at 60 fps (QT-NOTES), and even
building one QRectF per card for `drawRects` costs ~3 µs a card. When cards are too small to read, the scene hides
the card items and this one item draws them all from the position arrays: each card's pixel rectangle is marked
at its four corners in a difference image whose running sums fill the rectangles (no loop over cards), then a
palette turns colour numbers into pixels. Qt caches the result at device resolution, so a repaint at the same
zoom is a blit. Selection and search marks are a few outlines drawn on top.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from canvas.core.layout import CARD_H, CARD_W
from canvas.ui.scene.positions import CardPositions
from canvas.ui.scene.style import Style

#: Colour number 0 is "no card"; a pixel where cards overlap (rare: slots never overlap) gets this grey, the
#: palette's last entry.
#: Colour numbers fit in 8 bits: "no card", up to 253 colours, and the overlap grey.
MAX_COLOURS = 253
OVERLAP = QColor("#7c8696")


class OverviewPalette:
    """Colour numbers for the overview, one per colour in use (kinds, dimmed kinds, cards' own colours)."""

    def __init__(self) -> None:
        self._numbers: dict[str, int] = {}
        self._colours: list[QColor] = []
        self._table: npt.NDArray[np.uint32] | None = None

    def number(self, key: str, colour: QColor) -> int:
        found = self._numbers.get(key)
        if found is None and len(self._colours) >= MAX_COLOURS:
            return len(self._colours)  # an 8-bit image holds 254 colours: later ones share the last
        if found is None:
            self._colours.append(colour)
            found = self._numbers[key] = len(self._colours)
            self._table = None
        return found

    def table(self) -> npt.NDArray[np.uint32]:
        """ARGB pixel per colour number: 0 transparent, then the colours, then the overlap grey."""
        if self._table is None:
            pixels = [0, *(colour.rgba() for colour in self._colours), OVERLAP.rgba()]
            self._table = np.array(pixels, dtype=np.uint32)
        return self._table


def rasterize(
    positions: CardPositions, palette: npt.NDArray[np.uint32], scale: float, dx: float, dy: float, area: QRect
) -> QImage | None:
    """The cards of `positions` drawn at `scale` with offset (dx, dy), cropped to the device rectangle `area`."""
    width, height = area.width(), area.height()
    n = positions.used
    if width <= 0 or height <= 0 or n == 0:
        return None
    shown = positions.shown[:n]
    xs, ys = positions.xs[:n][shown], positions.ys[:n][shown]
    colours = positions.colours[:n][shown]
    left = np.floor(xs * scale + dx) - area.x()
    top = np.floor(ys * scale + dy) - area.y()
    right = np.maximum(np.floor((xs + CARD_W) * scale + dx) - area.x(), left + 1)
    bottom = np.maximum(np.floor((ys + CARD_H) * scale + dy) - area.y(), top + 1)
    seen = (right > 0) & (left < width) & (bottom > 0) & (top < height)
    if not seen.any():
        return None
    x0 = np.clip(left[seen], 0, width).astype(np.int64)
    x1 = np.clip(right[seen], 0, width).astype(np.int64)
    y0 = np.clip(top[seen], 0, height).astype(np.int64)
    y1 = np.clip(bottom[seen], 0, height).astype(np.int64)
    weight = colours[seen].astype(np.int32)
    stride = width + 1
    corners = np.concatenate((y0 * stride + x0, y0 * stride + x1, y1 * stride + x0, y1 * stride + x1))
    weights = np.concatenate((weight, -weight, -weight, weight))
    marks = np.zeros((height + 1) * stride, dtype=np.int32)
    np.add.at(marks, corners, weights)
    numbers = marks.reshape(height + 1, stride)
    # Running sums down, then across, fill each rectangle with its colour number. Down the rows, a loop of
    # vector additions is 8× faster than cumsum(axis=0) on a row-major image.
    for row in range(1, height):
        numbers[row] += numbers[row - 1]
    np.cumsum(numbers, axis=1, out=numbers)
    # Where cards overlap, the sum passes the last colour: those pixels take the overlap grey (the last entry).
    overlap = len(palette) - 1
    pixels = np.ascontiguousarray(np.minimum(numbers[:height, :width], overlap).astype(np.uint8))
    # An indexed image: Qt maps the colour numbers through the palette while drawing it, faster than numpy can.
    image = QImage(pixels.data, width, height, width, QImage.Format.Format_Indexed8)
    image.setColorTable([int(pixel) for pixel in palette])
    return image.copy()  # own the pixels: the numpy buffer goes away with this function


class OverviewItem(QGraphicsItem):
    """Draws the shown cards of a CardPositions index as rectangles, with selection and search marks."""

    def __init__(self, style: Style) -> None:
        super().__init__()
        self._style = style
        self._bounds = QRectF()
        self.positions = CardPositions()
        self.palette = OverviewPalette()
        self._marked: tuple[list[str], list[str]] = ([], [])
        self._selection_pen = QPen(style.accent, 3.0)
        self._selection_pen.setCosmetic(True)
        self._highlight_pen = QPen(style.highlight_pen.color(), 3.0)
        self._highlight_pen.setCosmetic(True)
        # Re-rendered only when the zoom or the cards change; panning and repaints reuse the cached pixmap.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def set_bounds(self, bounds: QRectF) -> None:
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = QRectF(bounds)

    def invalidate(self) -> None:
        """Cards moved, came, went or changed colour."""
        self.update()

    def set_marks(self, selected: Iterable[str], highlighted: Iterable[str]) -> None:
        """Outline the selected cards and the search matches (those shown in this model)."""
        self._marked = (list(selected), list(highlighted))
        self.update()

    def _rects(self, card_ids: Iterable[str]) -> list[QRectF]:
        rects = []
        for card_id in card_ids:
            at = self.positions.position(card_id)
            if at is not None:
                rects.append(QRectF(at[0], at[1], CARD_W, CARD_H))
        return rects

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        transform = painter.worldTransform()
        device = painter.device()
        area = transform.mapRect(option.exposedRect).toAlignedRect()
        if device is not None:
            area = area.intersected(QRect(0, 0, device.width(), device.height()))
        image = rasterize(self.positions, self.palette.table(), transform.m11(), transform.dx(), transform.dy(), area)
        if image is not None:
            painter.save()
            painter.resetTransform()
            painter.drawImage(QPointF(area.topLeft()), image)
            painter.restore()
        selected, highlighted = self._rects(self._marked[0]), self._rects(self._marked[1])
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if highlighted:
            painter.setPen(self._highlight_pen)
            painter.drawRects(highlighted)
        if selected:
            painter.setPen(self._selection_pen)
            painter.drawRects(selected)
