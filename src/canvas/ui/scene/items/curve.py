"""Lines across the backdrop: the journey's emotion curve over the Feeling lane, and a grid's line of visibility."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QLinearGradient, QPainter, QPainterPath, QPen, QStaticText

from canvas.core.analysis import CurvePoint
from canvas.core.layout import ModelLayout
from canvas.core.model import Side
from canvas.ui.scene.style import Style
from canvas.ui.scene.text import static_text


def _smooth(points: list[QPointF]) -> QPainterPath:
    """A curve through the points (Catmull-Rom as cubic Béziers), so the mood reads as a flow, not a zigzag."""
    path = QPainterPath(points[0])
    for i in range(len(points) - 1):
        p0 = points[i - 1] if i > 0 else points[i]
        p1, p2 = points[i], points[i + 1]
        p3 = points[i + 2] if i + 2 < len(points) else p2
        path.cubicTo(p1 + (p2 - p0) / 6.0, p2 - (p3 - p1) / 6.0, p2)
    return path


class EmotionCurve:
    """The mean emotion (−2…+2) of each stage's Feeling cards, as a curve across the lane with a dot per stage."""

    def __init__(self, layout: ModelLayout, row: str, style: Style, changed: Callable[[QRectF], None]) -> None:
        header = next(h for h in layout.rows if h.id == row)
        self.side = header.side
        self.rect = QRectF(layout.bounds.x, header.rect.y, layout.bounds.w, header.rect.h)
        self._style = style
        self._changed = changed
        self._centres = {column.id: column.rect.x + column.rect.w / 2 for column in layout.columns}
        self._segments: list[QPainterPath] = []
        self._areas: list[QPainterPath] = []
        self._dots: list[tuple[QPointF, QStaticText, bool]] = []
        #: The points last drawn (one per stage), as canvas.core.analysis.CurvePoint.
        self.points: list[CurvePoint] = []
        self.dimmed = False
        self._zero = self._y(0.0)
        self._zero_pen = style.curve_zero_pen
        self._pen = style.curve_pen
        self._white = QBrush(style.paper)
        self._dot = QBrush(style.curve_pen.color())
        gradient = QLinearGradient(0.0, self._y(2.0), 0.0, self._y(-2.0))
        gradient.setColorAt(0.0, QColor(43, 135, 72, 70))
        gradient.setColorAt(0.5, QColor(255, 255, 255, 0))
        gradient.setColorAt(1.0, QColor(198, 63, 43, 70))
        self._area_brush = QBrush(gradient)
        self._label_pens = {True: QPen(style.positive.darker(120)), False: QPen(style.negative.darker(110))}
        self._label_box = QPen(QColor(255, 255, 255, 0))
        self._pill = QBrush(QColor(255, 255, 255, 230))

    def _y(self, emotion: float) -> float:
        top, height = self.rect.y() + 24.0, self.rect.height() - 48.0
        return top + (2.0 - emotion) / 4.0 * height

    def set_dimmed(self, dimmed: bool) -> None:
        if dimmed != self.dimmed:
            self.dimmed = dimmed
            self._changed(self.rect)

    def set_points(self, points: Iterable[CurvePoint]) -> None:
        """Redraw from the curve points (one per stage; a stage without scores leaves a gap)."""
        self.points = list(points)
        runs: list[list[QPointF]] = [[]]
        dots = []
        for point in self.points:
            x = self._centres.get(point.column)
            if x is None or point.emotion is None:
                if runs[-1]:
                    runs.append([])
                continue
            at = QPointF(x, self._y(point.emotion))
            runs[-1].append(at)
            dots.append((at, static_text(f"{point.emotion:+.1f}", self._style.chip_font), point.emotion >= 0))
        self._segments, self._areas = [], []
        for run in runs:
            if len(run) < 2:
                continue
            curve = _smooth(run)
            self._segments.append(curve)
            area = QPainterPath(curve)
            area.lineTo(run[-1].x(), self._zero)
            area.lineTo(run[0].x(), self._zero)
            area.closeSubpath()
            self._areas.append(area)
        self._dots = dots
        self._changed(self.rect)

    def paint(self, painter: QPainter) -> None:
        if not self._dots:
            return
        if self.dimmed:
            painter.setOpacity(0.3)
        style = self._style
        left = min(dot.x() for dot, _, _ in self._dots) - 40.0
        right = max(dot.x() for dot, _, _ in self._dots) + 40.0
        painter.setPen(self._zero_pen)
        painter.drawLine(QPointF(left, self._zero), QPointF(right, self._zero))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._area_brush)
        for area in self._areas:
            painter.drawPath(area)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(self._pen)
        for segment in self._segments:
            painter.drawPath(segment)
        painter.setFont(style.chip_font)
        for at, label, positive in self._dots:
            painter.setPen(self._pen)
            painter.setBrush(self._white)
            painter.drawEllipse(at, 7.0, 7.0)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._dot)
            painter.drawEllipse(at, 3.5, 3.5)
            size = label.size()
            box = QRectF(at.x() + 10.0, at.y() - size.height() - 9.0, size.width() + 10.0, size.height() + 4.0)
            painter.setBrush(self._pill)
            painter.drawRoundedRect(box, box.height() / 2, box.height() / 2)
            painter.setPen(self._label_pens[positive])
            painter.drawStaticText(QPointF(box.x() + 5.0, box.y() + 2.0), label)
        if self.dimmed:
            painter.setOpacity(1.0)


class VisibilityLine:
    """The grid's line of visibility: above it what the customer meets, below it what only the organization sees."""

    def __init__(self, left: float, right: float, y: float, style: Style) -> None:
        self._style = style
        self._left, self._right, self._y = left, right, y
        self._label = static_text("LINE OF VISIBILITY", style.side_font)
        self.side = Side.ORGANIZATION

    def paint(self, painter: QPainter) -> None:
        painter.setPen(self._style.visibility_pen)
        painter.drawLine(QPointF(self._left + 150.0, self._y), QPointF(self._right, self._y))
        painter.setFont(self._style.side_font)
        painter.setPen(self._style.muted_pen)
        painter.drawStaticText(QPointF(self._left + 8.0, self._y - 7.0), self._label)
