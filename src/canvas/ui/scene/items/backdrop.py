"""The model's backdrop, drawn from its layout alone: zones, headers with their guiding questions, invitations in
empty zones, a grid's line of visibility, and the journey's emotion curve.

The backdrop is painted as the scene's background, not as items: the view caches its background, so a repaint
at the same zoom copies one pixmap instead of filling a few dozen large panels again (measured: 9 ms of a 17 ms
zoomed-in frame went to the zone panels). A part that changes (a zone fills up, the side changes) asks for its
rectangle to be repainted through the `changed` callback.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QPixmap, QStaticText

from canvas.core.analysis import CurvePoint, zone_visible
from canvas.core.layout import HeaderBox, ModelLayout, Rect, ZoneBox
from canvas.core.model import Side
from canvas.ui.scene.items.curve import EmotionCurve, VisibilityLine
from canvas.ui.scene.items.far_label import FarLabel
from canvas.ui.scene.style import Style, mix
from canvas.ui.scene.text import elided, static_text, wrapped_static_text

RADIUS = 10.0
#: A guiding question that would be drawn smaller than this on screen is left out: tiny grey text only adds noise
#: (the question shows in full on hover, and again when zoomed in).
MIN_QUESTION_PX = 6.0
#: Below this size on screen a header's label is drawn enlarged, alone (zoomed far out, to find one's way).
FAR_LABEL_PX = 10.0
#: Tells the scene which part of the background to repaint.
Changed = Callable[[QRectF], None]
#: The tint of the zone cards are dragged over.
TARGET_FILL = QColor(45, 91, 211, 18)


def qrect(rect: Rect) -> QRectF:
    return QRectF(rect.x, rect.y, rect.w, rect.h)


class ZonePanel:
    """One zone: a soft panel in the zone's colour that, while empty, asks its guiding question."""

    def __init__(self, zone: ZoneBox, style: Style, changed: Changed, *, network: bool = False) -> None:
        self.zone = zone
        self.rect = qrect(zone.rect)
        self._style = style
        self._changed = changed
        fill, edge = style.zone_tints(zone.colour)
        self._fill = QBrush(style.paper if network else fill)
        self._edge = QPen(style.zone_border if network else edge, 1.2)
        self._dots = _dot_brush(style) if network else None
        self.empty = True
        self.dimmed = False
        self.target = False
        #: The question laid out and where it goes (`_invitation`), made the first time they are asked for.
        self._asking: tuple[QStaticText, QPointF] | None = None

    def _ask(self) -> tuple[QStaticText, QPointF] | None:
        """The guiding question laid out, centred in the zone: made when first drawn, not for every zone of every
        model a window opens on (most zones hold cards and never show it; ~10 ms of an open on a slow machine)."""
        question = self.zone.question
        if self._asking is None and question:
            content = qrect(self.zone.content)
            width = min(content.width() - 24.0, 420.0)
            text = wrapped_static_text(question, self._style.invitation_font, width, 3)
            size = text.size()
            centre = content.center()
            self._asking = text, QPointF(centre.x() - size.width() / 2, centre.y() - size.height() / 2)
            self._invitation_pen = QPen(mix(self._style.muted, self._fill.color(), 0.25))
        return self._asking

    @property
    def _invitation(self) -> QStaticText | None:
        asking = self._ask()
        return asking[0] if asking is not None else None

    @property
    def _invitation_at(self) -> QPointF:
        asking = self._ask()
        return asking[1] if asking is not None else QPointF()

    def _set(self, name: str, value: bool) -> None:
        if getattr(self, name) != value:
            setattr(self, name, value)
            self._changed(self.rect.adjusted(-2.0, -2.0, 2.0, 2.0))

    def set_empty(self, empty: bool) -> None:
        self._set("empty", empty)

    def set_dimmed(self, dimmed: bool) -> None:
        self._set("dimmed", dimmed)

    def set_target(self, target: bool) -> None:
        """Shown while cards are dragged over the zone: this is where they will land."""
        self._set("target", target)

    def paint(self, painter: QPainter) -> None:
        painter.setPen(self._edge)
        painter.setBrush(self._fill)
        painter.drawRoundedRect(self.rect, RADIUS, RADIUS)
        if self._dots is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._dots)
            painter.drawRoundedRect(self.rect.adjusted(1.0, 60.0, -1.0, -1.0), RADIUS, RADIUS)
        if (
            self.empty
            and self.zone.question
            and not self.dimmed
            and _legible(painter, self._style.invitation_font)
            and (asking := self._ask()) is not None
        ):
            painter.setFont(self._style.invitation_font)
            painter.setPen(self._invitation_pen)
            painter.drawStaticText(asking[1], asking[0])
        if self.dimmed:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._style.zone_dim_brush)
            painter.drawRoundedRect(self.rect, RADIUS, RADIUS)
        if self.target:
            painter.setPen(QPen(self._style.accent, 2.5))
            painter.setBrush(TARGET_FILL)
            painter.drawRoundedRect(self.rect, RADIUS, RADIUS)


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


@dataclass(frozen=True, slots=True)
class _NearText:
    """A header's text as drawn when it is large enough to read: the label, the side's name under a row's label,
    and where the guiding question goes (laid out in `question_fit`: width and lines)."""

    label: QStaticText
    label_at: QPointF
    side: QStaticText | None
    side_at: QPointF
    question_at: QPointF
    question_fit: tuple[float, int]


class HeaderPanel:
    """A column or row header, or a region's or network's title strip: the label and its guiding question.
    Hovering shows the whole question (`tooltip`).

    The label and question are laid out when first drawn near enough to read (`_near_text`): a canvas usually
    opens zoomed out so far that the foreground draws the labels enlarged instead (`paint_far`)."""

    def __init__(self, header: HeaderBox, style: Style, changed: Changed) -> None:
        self.header = header
        self.rect = qrect(header.rect)
        self._style = style
        self._changed = changed
        self.dimmed = False
        self._band: QBrush | None = None
        self._bar: QBrush | None = None
        self._label_font = style.header_font if header.kind == "column" else style.row_header_font
        if header.kind == "row":
            colour = QColor(header.colour) if header.colour else QColor("#e3e7ed")
            self._band = QBrush(mix(colour, style.paper, 0.1))
            self._bar = QBrush(mix(colour, QColor("#1d2530"), 0.3))
        self._near: _NearText | None = None
        self._question_text: QStaticText | None = None
        self.tooltip = header.label if not header.question else f"{header.label}\n{header.question}"
        self._far_label = FarLabel(header.label, self._label_font, self.rect, tall=header.kind == "row")

    def _near_text(self) -> _NearText:
        near = self._near
        if near is None:
            near = self._near = self._lay_out_near()
        return near

    def _lay_out_near(self) -> _NearText:
        header, style, font = self.header, self._style, self._label_font
        pad = 14.0
        width = self.rect.width() - 2 * pad
        x, y = self.rect.x(), self.rect.y()
        if header.kind == "column":
            label = static_text(elided(header.label, font, width), font)
            return _NearText(label, QPointF(x + pad, y + 8.0), None, QPointF(), QPointF(x + pad, y + 36.0), (width, 2))
        if header.kind == "row":
            label = wrapped_static_text(header.label, font, width - 4.0, 2)
            label_h = label.size().height()
            side_name = style.side_names.get(header.side, "")
            side = static_text(side_name, style.side_font) if side_name else None
            lines = max(1, int((self.rect.height() - label_h - 44.0) // 15.0))
            return _NearText(
                label,
                QPointF(x + pad + 4.0, y + 12.0),
                side,
                QPointF(x + pad + 4.0, y + 16.0 + label_h),
                QPointF(x + pad + 4.0, y + 34.0 + label_h),
                (width - 4.0, min(lines, 6)),
            )
        # One line: the cards start right under the title strip; hovering shows the whole question.
        label = static_text(elided(header.label, font, width), font)
        return _NearText(label, QPointF(x + pad, y + 9.0), None, QPointF(), QPointF(x + pad, y + 31.0), (width, 1))

    def set_dimmed(self, dimmed: bool) -> None:
        if dimmed != self.dimmed:
            self.dimmed = dimmed
            self._changed(self.rect)

    @property
    def _question(self) -> QStaticText:
        text = self._question_text
        if text is None:
            width, lines = self._near_text().question_fit
            text = wrapped_static_text(self.header.question, self._style.question_font, width, lines)
            self._question_text = text
        return text

    def paint(self, painter: QPainter) -> None:
        style = self._style
        if self.dimmed:
            painter.setOpacity(0.45)
        if self._band is not None and self._bar is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._band)
            painter.drawRoundedRect(self.rect, RADIUS, RADIUS)
            painter.setBrush(self._bar)
            painter.drawRoundedRect(QRectF(self.rect.x(), self.rect.y(), 5.0, self.rect.height()), 2.5, 2.5)
        painter.setFont(self._label_font)
        painter.setPen(style.ink_pen)
        if not self.far(painter.worldTransform().m11()):
            self._paint_near(painter)
        if self.dimmed:
            painter.setOpacity(1.0)

    def far(self, zoom: float) -> bool:
        """True when the label would be too small to read: the foreground draws it enlarged instead."""
        return self._label_font.pixelSize() * zoom < FAR_LABEL_PX

    def paint_far(self, painter: QPainter, zoom: float) -> None:
        """Zoomed far out: the label alone, enlarged to ~14 px on screen on a pale tag, over the cards, so one can
        find one's way across thousands of cards. A label too long for its header wraps or is elided; it never
        vanishes, and the other side's headers keep theirs (paler)."""
        if self.dimmed:
            painter.setOpacity(0.55)
        self._far_label.paint(painter, zoom, self._style.far_label_brush, self._style.ink_pen)
        if self.dimmed:
            painter.setOpacity(1.0)

    def _paint_near(self, painter: QPainter) -> None:
        style, near = self._style, self._near_text()
        painter.drawStaticText(near.label_at, near.label)
        if near.side is not None:
            painter.setFont(style.side_font)
            painter.setPen(style.muted_pen)
            painter.drawStaticText(near.side_at, near.side)
        if _legible(painter, style.question_font):
            painter.setFont(style.question_font)
            painter.setPen(style.muted_pen)
            painter.drawStaticText(near.question_at, self._question)


def _legible(painter: QPainter, font: QFont) -> bool:
    """True when `font` is drawn at least MIN_QUESTION_PX tall on screen at the painter's zoom."""
    return bool(font.pixelSize() * painter.worldTransform().m11() >= MIN_QUESTION_PX)


class Backdrop:
    """Everything drawn behind the cards for one model layout."""

    def __init__(self, layout: ModelLayout, style: Style, emotion_row: str | None, changed: Changed) -> None:
        self.layout = layout
        self._changed = changed
        network = layout.kind == "network"
        self.zones = {
            zone_id: ZonePanel(zone, style, changed, network=network) for zone_id, zone in layout.zones.items()
        }
        self.headers = [HeaderPanel(header, style, changed) for header in layout.headers]
        self.curve = EmotionCurve(layout, emotion_row, style, changed) if emotion_row and layout.rows else None
        self.line = _visibility_line(layout, style)

    def paint(self, painter: QPainter, exposed: QRectF) -> None:
        """Paint the parts that reach into `exposed` (scene coordinates)."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for zone in self.zones.values():
            if zone.rect.intersects(exposed):
                zone.paint(painter)
        for header in self.headers:
            if header.rect.intersects(exposed):
                header.paint(painter)
        if self.line is not None:
            self.line.paint(painter)
        if self.curve is not None and self.curve.rect.intersects(exposed):
            self.curve.paint(painter)

    def paint_far_labels(self, painter: QPainter, exposed: QRectF) -> None:
        """Over everything, zoomed far out: the headers' labels, enlarged (see HeaderPanel.paint_far)."""
        zoom = painter.worldTransform().m11()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for header in self.headers:
            if header.far(zoom) and header.rect.intersects(exposed):
                header.paint_far(painter, zoom)

    def tooltip_at(self, point: QPointF) -> str | None:
        for header in self.headers:
            if header.rect.contains(point):
                return header.tooltip
        return None

    def set_side(self, side: Side | None) -> None:
        """Dim the zones (and headers) of the other side; shared zones stay lit."""
        for zone in self.zones.values():
            zone.set_dimmed(not zone_visible(zone.zone.side, side))
        for header in self.headers:
            if header.header.kind in ("row", "column", "region"):
                header.set_dimmed(not zone_visible(header.header.side, side))
        if self.curve is not None:
            self.curve.set_dimmed(not zone_visible(self.curve.side, side))

    def set_occupancy(self, occupied: Iterable[str]) -> None:
        """Zones holding at least one card stop asking their question."""
        taken = set(occupied)
        for zone_id, panel in self.zones.items():
            panel.set_empty(zone_id not in taken)

    def set_curve(self, points: Iterable[CurvePoint]) -> None:
        if self.curve is not None:
            self.curve.set_points(points)


class Backdrops:
    """One backdrop per model, kept while its layout stays the same: flipping back and forth reuses them instead
    of laying out every header's text again."""

    def __init__(self, changed: Changed) -> None:
        self._changed = changed
        self._by_model: dict[str, Backdrop] = {}
        self.current: Backdrop | None = None

    def show(self, layout: ModelLayout, style: Style, emotion_row: str | None) -> Backdrop:
        """The backdrop for `layout`, built only if its model has none with the same geometry."""
        cached = self._by_model.get(layout.model)
        if cached is None or not same_geometry(cached.layout, layout):
            cached = self._by_model[layout.model] = Backdrop(layout, style, emotion_row, self._changed)
        else:
            cached.layout = layout
        if cached is not self.current:
            self.current = cached
            self._changed(QRectF())  # everything
        return cached

    def clear(self) -> None:
        self._by_model.clear()
        self.current = None
        self._changed(QRectF())


def same_geometry(a: ModelLayout, b: ModelLayout) -> bool:
    """True if two layouts draw the same zones and headers in the same places."""
    return a.model == b.model and a.bounds == b.bounds and a.zones == b.zones and a.headers == b.headers


def _visibility_line(layout: ModelLayout, style: Style) -> VisibilityLine | None:
    """A line above the first organization row that follows customer-facing rows (backstage lanes)."""
    for before, after in itertools.pairwise(layout.rows):
        if before.side is not Side.ORGANIZATION and after.side is Side.ORGANIZATION:
            return VisibilityLine(layout.bounds.x, layout.bounds.right, after.rect.y - 4.0, style)
    return None
