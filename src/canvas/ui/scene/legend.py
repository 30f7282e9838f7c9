"""The legend printed under an exported picture: card kinds, evidence, voice, and what the model's marks mean."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPainterPath

from canvas.core.frameworks import ModelSpec
from canvas.core.model import CardKind, Evidence, Voice
from canvas.ui.scene.style import Style

ROW_H = 30.0
SWATCH = 16.0


def legend_height(width: float, style: Style, spec: ModelSpec | None) -> float:
    rows = 3 + (1 if spec is not None and (spec.network is not None or _has_curve(spec) or _scores(spec)) else 0)
    kinds_width = sum(_kind_width(kind, style) for kind in CardKind)
    wraps = int(kinds_width // max(width - 120.0, 1.0))
    return 16.0 + (rows + wraps) * ROW_H


def _kind_width(kind: CardKind, style: Style) -> float:
    return SWATCH + 8.0 + QFontMetricsF(style.legend_font).horizontalAdvance(style.kind(kind).label) + 22.0


def _has_curve(spec: ModelSpec) -> bool:
    return spec.grid is not None and spec.grid.emotion_row is not None


def _scores(spec: ModelSpec) -> bool:
    return spec.regions is not None and any(region.scores_opportunity for region in spec.regions.regions)


class _Pen:
    """Writes legend rows left to right, wrapping at the right edge."""

    def __init__(self, painter: QPainter, rect: QRectF, style: Style) -> None:
        self.painter, self.rect, self.style = painter, rect, style
        self.x, self.y = rect.x(), rect.y() + 8.0
        self.metrics = QFontMetricsF(style.legend_font)

    def heading(self, text: str) -> None:
        self.x = self.rect.x()
        self.painter.setFont(self.style.legend_title_font)
        self.painter.setPen(self.style.ink_pen)
        self.painter.drawText(QRectF(self.x, self.y, 110.0, ROW_H), Qt.AlignmentFlag.AlignVCenter, text)
        self.x += 120.0

    def entry(self, text: str, width: float) -> QRectF:
        """Room for a swatch of `width` followed by `text`; returns the swatch's rectangle."""
        needed = width + 8.0 + self.metrics.horizontalAdvance(text) + 22.0
        if self.x + needed > self.rect.right():
            self.x, self.y = self.rect.x() + 120.0, self.y + ROW_H
        swatch = QRectF(self.x, self.y + (ROW_H - SWATCH) / 2, width, SWATCH)
        self.painter.setFont(self.style.legend_font)
        self.painter.setPen(self.style.ink_pen)
        text_rect = QRectF(self.x + width + 8.0, self.y, needed, ROW_H)
        self.painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, text)
        self.x += needed
        return swatch

    def next_row(self) -> None:
        self.x, self.y = self.rect.x(), self.y + ROW_H


def paint_legend(painter: QPainter, rect: QRectF, style: Style, spec: ModelSpec | None) -> None:
    """Draw the legend inside `rect` (use `legend_height` to size it)."""
    pen = _Pen(painter, rect, style)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    pen.heading("Kinds")
    for kind in CardKind:
        look = style.kind(kind)
        swatch = pen.entry(look.label, SWATCH)
        painter.setPen(look.borders[Evidence.OBSERVED])
        painter.setBrush(look.fills[Evidence.OBSERVED])
        painter.drawRoundedRect(swatch, 3.0, 3.0)
    pen.next_row()
    pen.heading("Evidence")
    look = style.kind(CardKind.SITUATION)
    for evidence, text in (
        (Evidence.OBSERVED, "observed with customers (filled)"),
        (Evidence.REPORTED, "reported by them (outline)"),
        (Evidence.ASSUMED, "assumed by us (pale, dashed)"),
    ):
        swatch = pen.entry(text, 30.0)
        painter.setPen(look.borders[evidence])
        painter.setBrush(style.paper_brush)
        painter.drawRoundedRect(swatch, 3.0, 3.0)
        painter.setBrush(look.fills[evidence])
        painter.drawRoundedRect(swatch, 3.0, 3.0)
    pen.next_row()
    pen.heading("Voice")
    for voice, text in ((Voice.CUSTOMER, "the customer's voice"), (Voice.ORGANIZATION, "the organization's voice")):
        swatch = pen.entry(text, 12.0)
        _glyph(painter, style, voice, swatch)
    swatch = pen.entry("votes", 20.0)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(style.vote_brush)
    for i in range(3):
        painter.drawEllipse(QRectF(swatch.x() + i * 7.0, swatch.center().y() - 2.5, 5.0, 5.0))
    swatch = pen.entry("kept from a merge conflict", 13.0)
    painter.setBrush(style.warning_brush)
    _path_in(painter, style.warning, swatch)
    if spec is None:
        return
    if _has_curve(spec) or _scores(spec) or spec.network is not None:
        pen.next_row()
        pen.heading("Marks")
    if _has_curve(spec):
        swatch = pen.entry("emotion curve (mean of the Feeling lane, −2…+2)", 30.0)
        painter.setPen(style.curve_pen)
        painter.drawLine(QPointF(swatch.left(), swatch.bottom() - 2.0), QPointF(swatch.right(), swatch.top() + 2.0))
    if _scores(spec):
        swatch = pen.entry("top opportunity (importance + max(importance − satisfaction, 0))", 14.0)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.chip_brushes["top"])
        _path_in(painter, style.star, swatch)
    if spec.network is not None:
        for tangible, one_sided, text in (
            (True, False, "tangible flow"),
            (False, False, "intangible flow"),
            (True, True, "one-sided: nothing flows back"),
        ):
            swatch = pen.entry(text, 30.0)
            painter.setPen(style.flow_pens[(tangible, one_sided)])
            painter.drawLine(QPointF(swatch.left(), swatch.center().y()), QPointF(swatch.right(), swatch.center().y()))


def _glyph(painter: QPainter, style: Style, voice: Voice, swatch: QRectF) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(style.kind(CardKind.SITUATION).accent_brush)
    _path_in(painter, style.voice_glyph(voice), swatch)


def _path_in(painter: QPainter, path: QPainterPath, swatch: QRectF) -> None:
    """Draw a glyph path (built in card coordinates) moved into the swatch."""
    box = path.boundingRect()
    painter.drawPath(path.translated(swatch.x() - box.x(), swatch.center().y() - box.center().y()))
