"""The model's backdrop, drawn from its layout alone: zones, headers with their guiding questions, invitations in
empty zones, a grid's line of visibility, and the journey's emotion curve.

A backdrop has a few dozen items; it is rebuilt whenever the layout changes (a flip, a zone that grew, new stages).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPixmap, QStaticText
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget

from canvas.core.analysis import CurvePoint, zone_visible
from canvas.core.layout import HeaderBox, ModelLayout, Rect, ZoneBox
from canvas.core.model import Side
from canvas.ui.scene.style import Style, mix
from canvas.ui.scene.text import elided, static_text, wrapped_static_text

Z_ZONE = -100.0
Z_HEADER = -90.0
Z_CURVE = -80.0
RADIUS = 10.0


def qrect(rect: Rect) -> QRectF:
    return QRectF(rect.x, rect.y, rect.w, rect.h)


class ZoneItem(QGraphicsItem):
    """One zone: a soft panel in the zone's colour that, while empty, asks its guiding question."""

    def __init__(self, zone: ZoneBox, style: Style, *, network: bool = False) -> None:
        super().__init__()
        self.zone = zone
        self._style = style
        self._rect = qrect(zone.rect)
        self._fill = QBrush(style.paper if network else style.zone_fill(zone.colour))
        self._edge = QPen(style.zone_edge(zone.colour) if not network else style.zone_border, 1.2)
        self._dots = _dot_brush(style) if network else None
        self.empty = True
        self.dimmed = False
        self.target = False
        self._target_pen = QPen(style.accent, 2.5)
        self._target_brush = QBrush(QColor(45, 91, 211, 18))
        content = qrect(zone.content)
        width = min(content.width() - 24.0, 420.0)
        self._invitation = (
            wrapped_static_text(zone.question, style.invitation_font, width, 3) if zone.question else None
        )
        size = self._invitation.size() if self._invitation else None
        self._invitation_at = (
            QPointF(content.center().x() - size.width() / 2, content.center().y() - size.height() / 2)
            if size is not None
            else QPointF()
        )
        self._invitation_pen = QPen(mix(style.muted, self._fill.color(), 0.25))
        self.setZValue(Z_ZONE)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_empty(self, empty: bool) -> None:
        if empty != self.empty:
            self.empty = empty
            self.update()

    def set_dimmed(self, dimmed: bool) -> None:
        if dimmed != self.dimmed:
            self.dimmed = dimmed
            self.update()

    def set_target(self, target: bool) -> None:
        """Shown while cards are dragged over the zone: this is where they will land."""
        if target != self.target:
            self.target = target
            self.update()

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-2.0, -2.0, 2.0, 2.0)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setPen(self._edge)
        painter.setBrush(self._fill)
        painter.drawRoundedRect(self._rect, RADIUS, RADIUS)
        if self._dots is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._dots)
            painter.drawRoundedRect(self._rect.adjusted(1.0, 60.0, -1.0, -1.0), RADIUS, RADIUS)
        if self.empty and self._invitation is not None and not self.dimmed:
            painter.setFont(self._style.invitation_font)
            painter.setPen(self._invitation_pen)
            painter.drawStaticText(self._invitation_at, self._invitation)
        if self.dimmed:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._style.zone_dim_brush)
            painter.drawRoundedRect(self._rect, RADIUS, RADIUS)
        if self.target:
            painter.setPen(self._target_pen)
            painter.setBrush(self._target_brush)
            painter.drawRoundedRect(self._rect, RADIUS, RADIUS)


def _dot_brush(style: Style) -> QBrush:
    """A faint dot grid for a network's free placement area."""
    tile = QPixmap(24, 24)
    tile.fill(style.paper)
    painter = QPainter(tile)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#d3d9e2"))
    painter.drawEllipse(QRectF(11.0, 11.0, 2.4, 2.4))
    painter.end()
    return QBrush(tile)


class HeaderItem(QGraphicsItem):
    """A column or row header, or a region's or network's title strip: the label and its guiding question.
    Hovering shows the whole question."""

    def __init__(self, header: HeaderBox, style: Style) -> None:
        super().__init__()
        self.header = header
        self._style = style
        self._rect = qrect(header.rect)
        self.dimmed = False
        pad = 14.0
        kind = header.kind
        width = self._rect.width() - 2 * pad
        self._band: QBrush | None = None
        self._bar: QBrush | None = None
        self._side: QStaticText | None = None
        if kind == "column":
            self._label_font = style.header_font
            self._label = static_text(elided(header.label, style.header_font, width), style.header_font)
            self._question = wrapped_static_text(header.question, style.question_font, width, 2)
            self._label_at = QPointF(self._rect.x() + pad, self._rect.y() + 8.0)
            self._question_at = QPointF(self._rect.x() + pad, self._rect.y() + 36.0)
        elif kind == "row":
            colour = QColor(header.colour) if header.colour else QColor("#e3e7ed")
            self._band = QBrush(mix(colour, style.paper, 0.1))
            self._bar = QBrush(mix(colour, QColor("#1d2530"), 0.3))
            self._label_font = style.row_header_font
            self._label = wrapped_static_text(header.label, style.row_header_font, width - 4.0, 2)
            label_h = self._label.size().height()
            side = style.side_names.get(header.side, "")
            self._side = static_text(side, style.side_font) if side else None
            lines = max(1, int((self._rect.height() - label_h - 44.0) // 15.0))
            self._question = wrapped_static_text(header.question, style.question_font, width - 4.0, min(lines, 6))
            self._label_at = QPointF(self._rect.x() + pad + 4.0, self._rect.y() + 12.0)
            self._side_at = QPointF(self._rect.x() + pad + 4.0, self._rect.y() + 16.0 + label_h)
            self._question_at = QPointF(self._rect.x() + pad + 4.0, self._rect.y() + 34.0 + label_h)
        else:
            self._label_font = style.row_header_font
            self._label = static_text(elided(header.label, style.row_header_font, width), style.row_header_font)
            self._question = wrapped_static_text(header.question, style.question_font, width, 2)
            self._label_at = QPointF(self._rect.x() + pad, self._rect.y() + 9.0)
            self._question_at = QPointF(self._rect.x() + pad, self._rect.y() + 31.0)
        tip = header.label if not header.question else f"{header.label}\n{header.question}"
        self.setToolTip(tip)
        self.setZValue(Z_HEADER)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_dimmed(self, dimmed: bool) -> None:
        if dimmed != self.dimmed:
            self.dimmed = dimmed
            self.setOpacity(0.45 if dimmed else 1.0)

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        style = self._style
        if self._band is not None and self._bar is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._band)
            painter.drawRoundedRect(self._rect, RADIUS, RADIUS)
            painter.setBrush(self._bar)
            painter.drawRoundedRect(QRectF(self._rect.x(), self._rect.y(), 5.0, self._rect.height()), 2.5, 2.5)
        painter.setFont(self._label_font)
        painter.setPen(style.ink_pen)
        painter.drawStaticText(self._label_at, self._label)
        if self._side is not None:
            painter.setFont(style.side_font)
            painter.setPen(style.muted_pen)
            painter.drawStaticText(self._side_at, self._side)
        painter.setFont(style.question_font)
        painter.setPen(style.muted_pen)
        painter.drawStaticText(self._question_at, self._question)


class VisibilityLineItem(QGraphicsItem):
    """The grid's line of visibility: above it what the customer meets, below it what only the organization sees."""

    def __init__(self, left: float, right: float, y: float, style: Style) -> None:
        super().__init__()
        self._style = style
        self._left, self._right, self._y = left, right, y
        self._label = static_text("LINE OF VISIBILITY", style.side_font)
        self.setZValue(Z_CURVE)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:
        return QRectF(self._left, self._y - 14.0, self._right - self._left, 18.0)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setPen(self._style.visibility_pen)
        painter.drawLine(QPointF(self._left + 150.0, self._y), QPointF(self._right, self._y))
        painter.setFont(self._style.side_font)
        painter.setPen(self._style.muted_pen)
        painter.drawStaticText(QPointF(self._left + 8.0, self._y - 7.0), self._label)


class EmotionCurveItem(QGraphicsItem):
    """The journey's emotion curve across the stages, drawn over the Feeling lane from its cards' scores."""

    def __init__(self, layout: ModelLayout, row: str, style: Style) -> None:
        super().__init__()
        self._style = style
        header = next(h for h in layout.rows if h.id == row)
        self._band = QRectF(qrect(layout.bounds).x(), header.rect.y, layout.bounds.w, header.rect.h)
        self._centres = {column.id: column.rect.x + column.rect.w / 2 for column in layout.columns}
        self._left = layout.columns[0].rect.x if layout.columns else 0.0
        self._points: list[tuple[QPointF, str]] = []
        self._segments: list[list[QPointF]] = []
        self._labels: list[QStaticText] = []
        self._dot_brush = QBrush(style.curve_pen.color())
        self._white = QBrush(style.paper)
        self.setZValue(Z_CURVE)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def _y(self, emotion: float) -> float:
        top, height = self._band.y() + 26.0, self._band.height() - 52.0
        return top + (2.0 - emotion) / 4.0 * height

    def set_points(self, points: Iterable[CurvePoint]) -> None:
        """Redraw from the curve points (one per stage; a stage without scores leaves a gap)."""
        self._points, self._segments, self._labels = [], [], []
        current: list[QPointF] = []
        for point in points:
            x = self._centres.get(point.column)
            if x is None or point.emotion is None:
                if current:
                    self._segments.append(current)
                current = []
                continue
            at = QPointF(x, self._y(point.emotion))
            current.append(at)
            self._points.append((at, f"{point.emotion:+.1f}"))
        if current:
            self._segments.append(current)
        self._labels = [static_text(text, self._style.chip_font) for _, text in self._points]
        self.update()

    def boundingRect(self) -> QRectF:
        return self._band

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        style = self._style
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(style.curve_zero_pen)
        zero = self._y(0.0)
        painter.drawLine(QPointF(self._left + 8.0, zero), QPointF(self._band.right() - 8.0, zero))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(style.curve_pen)
        for segment in self._segments:
            if len(segment) > 1:
                painter.drawPolyline(segment)
        painter.setFont(style.chip_font)
        for (at, _), label in zip(self._points, self._labels, strict=True):
            painter.setPen(style.curve_pen)
            painter.setBrush(self._white)
            painter.drawEllipse(at, 6.0, 6.0)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._dot_brush)
            painter.drawEllipse(at, 3.0, 3.0)
            painter.setPen(style.curve_pen.color())
            painter.drawStaticText(QPointF(at.x() + 9.0, at.y() - 19.0), label)


class Backdrop:
    """The items drawing one model layout in a scene; replaced as a whole when the layout changes."""

    def __init__(self, scene: QGraphicsScene, layout: ModelLayout, style: Style, emotion_row: str | None) -> None:
        self.layout = layout
        network = layout.kind == "network"
        self.zones = {zone_id: ZoneItem(zone, style, network=network) for zone_id, zone in layout.zones.items()}
        self.headers = [HeaderItem(header, style) for header in layout.headers]
        self.curve = EmotionCurveItem(layout, emotion_row, style) if emotion_row and layout.rows else None
        self.line = _visibility_line(layout, style)
        self._items: list[QGraphicsItem] = [*self.zones.values(), *self.headers]
        for extra in (self.curve, self.line):
            if extra is not None:
                self._items.append(extra)
        for item in self._items:
            scene.addItem(item)

    def remove(self, scene: QGraphicsScene) -> None:
        for item in self._items:
            scene.removeItem(item)
        self._items = []

    def set_side(self, side: Side | None) -> None:
        """Dim the zones (and grid headers) of the other side; shared zones stay lit."""
        for zone in self.zones.values():
            zone.set_dimmed(not zone_visible(zone.zone.side, side))
        for header in self.headers:
            if header.header.kind in ("row", "column", "region"):
                header.set_dimmed(not zone_visible(header.header.side, side))

    def set_occupancy(self, occupied: Iterable[str]) -> None:
        """Zones holding at least one card stop asking their question."""
        taken = set(occupied)
        for zone_id, item in self.zones.items():
            item.set_empty(zone_id not in taken)


def _visibility_line(layout: ModelLayout, style: Style) -> VisibilityLineItem | None:
    """A line above the first organization row that follows customer-facing rows (backstage lanes)."""
    rows = layout.rows
    for before, after in itertools.pairwise(rows):
        if before.side is not Side.ORGANIZATION and after.side is Side.ORGANIZATION:
            y = after.rect.y - 4.0
            return VisibilityLineItem(layout.bounds.x, layout.bounds.right, y, style)
    return None
