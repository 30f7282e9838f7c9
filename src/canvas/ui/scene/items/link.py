"""A flow of value between two actor cards: an arrow with its label; tangible solid, intangible dashed, and
drawn in the warning colour when the relationship is one-sided (nothing flows back)."""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPainterPathStroker, QPolygonF, QStaticText
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from canvas.core.layout import CARD_H, CARD_W
from canvas.core.model import Link
from canvas.ui.scene.style import Style
from canvas.ui.scene.text import elided, static_text

Z_FLOW = -10.0
#: Sideways offset between parallel flows of the same pair (and between A→B and B→A).
LANE = 34.0
#: How far along the flow (as a share of its length) the labels of neighbouring lanes move apart.
LABEL_STAGGER = 0.2
HEAD = 11.0


def _border_point(centre: QPointF, towards: QPointF) -> QPointF:
    """Where the segment from a card's centre towards a point leaves the card's rectangle (plus a small gap)."""
    dx, dy = towards.x() - centre.x(), towards.y() - centre.y()
    if dx == 0.0 and dy == 0.0:
        return centre
    half_w, half_h = CARD_W / 2 + 6.0, CARD_H / 2 + 6.0
    scale = min(half_w / abs(dx) if dx else math.inf, half_h / abs(dy) if dy else math.inf)
    return QPointF(centre.x() + dx * scale, centre.y() + dy * scale)


class FlowItem(QGraphicsItem):
    """Draws one Link between two placed cards. `lane` separates parallel flows of the same pair."""

    def __init__(self, link: Link, style: Style) -> None:
        super().__init__()
        self.link = link
        self.link_id = link.id
        self._style = style
        self.one_sided = False
        self.selected = False
        self.lane = 0.0
        #: Where along the flow its label sits (0: at the source, 1: at the target).
        self.label_at = 0.5
        self._path = QPainterPath()
        self._head = QPolygonF()
        self._shape = QPainterPath()
        self._label: QStaticText | None = None
        self._label_box = QRectF()
        self._bounds = QRectF()
        self.setZValue(Z_FLOW)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._prepare_label()

    def set_link(self, link: Link) -> None:
        self.link = link
        self._prepare_label()
        self.update()

    def set_one_sided(self, one_sided: bool) -> None:
        if one_sided != self.one_sided:
            self.one_sided = one_sided
            self.update()

    def set_selected(self, selected: bool) -> None:
        if selected != self.selected:
            self.selected = selected
            self.update()

    def _prepare_label(self) -> None:
        text = self.link.label.strip()
        self._label = static_text(elided(text, self._style.flow_font, 160.0), self._style.flow_font) if text else None

    def route(self, source: tuple[float, float], target: tuple[float, float]) -> None:
        """Lay the arrow out between the top-left corners of its two cards."""
        a = QPointF(source[0] + CARD_W / 2, source[1] + CARD_H / 2)
        b = QPointF(target[0] + CARD_W / 2, target[1] + CARD_H / 2)
        line = QLineF(a, b)
        length = line.length() or 1.0
        normal = QPointF(-(b.y() - a.y()) / length, (b.x() - a.x()) / length)
        mid = (a + b) / 2
        control = mid + normal * (self.lane * 2.0)
        start = _border_point(a, control)
        end = _border_point(b, control)
        path = QPainterPath(start)
        path.quadTo(control, end)
        # The arrow head points along the curve's last tangent.
        tangent = QLineF(control, end)
        angle = math.atan2(tangent.dy(), tangent.dx())
        left = QPointF(end.x() - HEAD * math.cos(angle - 0.42), end.y() - HEAD * math.sin(angle - 0.42))
        right = QPointF(end.x() - HEAD * math.cos(angle + 0.42), end.y() - HEAD * math.sin(angle + 0.42))
        self.prepareGeometryChange()
        self._path = path
        self._head = QPolygonF([end, left, right])
        label_at = path.pointAtPercent(min(max(self.label_at, 0.2), 0.8))
        if self._label is not None:
            size = self._label.size()
            self._label_box = QRectF(
                label_at.x() - size.width() / 2 - 7.0,
                label_at.y() - size.height() / 2 - 3.0,
                size.width() + 14.0,
                size.height() + 6.0,
            )
        else:
            self._label_box = QRectF(label_at.x(), label_at.y(), 0.0, 0.0)
        stroker = QPainterPathStroker()
        stroker.setWidth(12.0)
        self._shape = stroker.createStroke(path)
        self._shape.addRect(self._label_box)
        self._bounds = self._shape.boundingRect().united(self._head.boundingRect()).adjusted(-4.0, -4.0, 4.0, 4.0)

    def hit(self, point: QPointF) -> bool:
        return self._bounds.contains(point) and self._shape.contains(point)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._shape

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        style = self._style
        key = (self.link.tangible, self.one_sided)
        pen = style.flow_pens[key]
        if self.selected:
            painter.setPen(style.selection_halo)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(self._path)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.flow_heads[key])
        painter.drawPolygon(self._head)
        if self._label is not None:
            painter.setPen(style.selection_pen if self.selected else style.flow_text[key])
            painter.setBrush(style.flow_label_brush)
            painter.drawRoundedRect(self._label_box, self._label_box.height() / 2, self._label_box.height() / 2)
            painter.setFont(style.flow_font)
            painter.setPen(style.flow_text[key])
            painter.drawStaticText(QPointF(self._label_box.x() + 7.0, self._label_box.y() + 3.0), self._label)
