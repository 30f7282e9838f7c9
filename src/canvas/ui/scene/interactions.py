"""One small object per mouse gesture on the canvas: drag cards, draw a flow, edit a title in place.

Gestures only move items for feedback and emit signals with plain data; the controller turns a signal into an
edit, and the scene follows the document when the change set comes back. After a drop the items are settled to
what the document says, so a refused edit leaves nothing half-moved on screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPainter, QPainterPath, QPen, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsPathItem,
    QGraphicsSceneMouseEvent,
    QGraphicsTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from canvas.core.layout import CARD_H, CARD_W
from canvas.ui.scene.items.card import CardItem

if TYPE_CHECKING:
    from canvas.ui.scene.scene import CanvasScene

Z_DRAGGED = 10.0
Z_EDITOR = 100.0


class Gesture(Protocol):
    def move(self, event: QGraphicsSceneMouseEvent) -> None: ...

    def release(self, event: QGraphicsSceneMouseEvent) -> None: ...

    def cancel(self) -> None: ...


class CardDrag:
    """Press on a card: a click selects it (Ctrl toggles it); a drag moves every selected card, and the release
    drops them, each snapped into a free slot of the zone under it, as one `cardsMoved`."""

    def __init__(self, scene: CanvasScene, card_id: str, event: QGraphicsSceneMouseEvent) -> None:
        self._scene = scene
        self._card_id = card_id
        self._start = event.scenePos()
        self._toggle = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        self._moving: list[CardItem] = []
        self._dragging = False
        selected = scene.card_ids_selected()
        if self._toggle:
            scene.select_cards([i for i in selected if i != card_id] if card_id in selected else [*selected, card_id])
        elif card_id not in selected:
            scene.select_cards([card_id])

    def move(self, event: QGraphicsSceneMouseEvent) -> None:
        delta = event.scenePos() - self._start
        if not self._dragging:
            if delta.manhattanLength() < QApplication.startDragDistance() / max(self._scene.view_zoom(), 0.05):
                return
            if self._card_id not in self._scene.card_ids_selected():
                return  # Ctrl-click just took it out of the selection: nothing to drag
            self._begin()
        for item in self._moving:
            item.setPos(item.x0 + delta.x(), item.y0 + delta.y())
        self._scene.flows.reroute(self._scene.cards, (item.card_id for item in self._moving), live=True)
        self._scene.show_drop_target(event.scenePos())

    def _begin(self) -> None:
        self._dragging = True
        cards = self._scene.cards
        items = (cards.get(card_id) for card_id in self._scene.card_ids_selected())
        self._moving = [item for item in items if item is not None and item.placed]
        for item in self._moving:
            cards.join(item)  # a selected card off screen may come into view while dragged
            item.setZValue(Z_DRAGGED)
            # Far out the items are hidden (the overview draws them): show the dragged ones while they move.
            item.setVisible(True)

    def release(self, event: QGraphicsSceneMouseEvent) -> None:
        scene = self._scene
        if not self._dragging:
            if not self._toggle and len(scene.card_ids_selected()) > 1:
                scene.select_cards([self._card_id])
            return
        delta = event.scenePos() - self._start
        dropped = [(item.card_id, item.x0 + delta.x(), item.y0 + delta.y()) for item in self._moving]
        spots = scene.drop_spots(dropped, event.scenePos())
        self._end()
        if spots:
            scene.cardsMoved.emit(spots)
        scene.settle(item.card_id for item in self._moving)

    def cancel(self) -> None:
        if self._dragging:
            self._end()
            self._scene.settle(item.card_id for item in self._moving)

    def _end(self) -> None:
        self._scene.show_drop_target(None)
        for item in self._moving:
            item.setZValue(0.0)


class FlowDraw:
    """Shift+drag from an actor card in a network model: a rubber line follows the mouse; releasing it over
    another card asks for a flow between the two (`flowRequested`)."""

    def __init__(self, scene: CanvasScene, source_id: str, event: QGraphicsSceneMouseEvent) -> None:
        self._scene = scene
        self._source_id = source_id
        item = scene.cards.items[source_id]
        self._origin = QPointF(item.x0 + CARD_W / 2, item.y0 + CARD_H / 2)
        pen = QPen(scene.look.accent, 2.5, Qt.PenStyle.DashLine)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        self._line = QGraphicsPathItem()
        self._line.setPen(pen)
        self._line.setZValue(Z_DRAGGED)
        scene.addItem(self._line)
        self._target: str | None = None
        self.move(event)

    def move(self, event: QGraphicsSceneMouseEvent) -> None:
        path = QPainterPath(self._origin)
        path.lineTo(event.scenePos())
        self._line.setPath(path)
        target = self._scene.card_at(event.scenePos())
        target = target if target != self._source_id else None
        if target != self._target:
            self._scene.mark_flow_target(self._target, False)
            self._scene.mark_flow_target(target, True)
            self._target = target

    def release(self, event: QGraphicsSceneMouseEvent) -> None:
        target = self._scene.card_at(event.scenePos())
        self.cancel()
        if target is not None and target != self._source_id:
            self._scene.flowRequested.emit(self._source_id, target)

    def cancel(self) -> None:
        self._scene.mark_flow_target(self._target, False)
        self._target = None
        if self._line.scene() is not None:
            self._scene.removeItem(self._line)


class TitleEditor(QGraphicsTextItem):
    """Edits a card's title in place: Enter commits (`titleEdited`), Esc cancels, clicking elsewhere commits."""

    def __init__(self, scene: CanvasScene, item: CardItem) -> None:
        super().__init__()
        self._scene = scene
        self.card_id = item.card_id
        self._original = item.card.title
        self._closed = False
        style = scene.look
        self._frame_pen = QPen(style.accent, 2.0)
        self.setFont(style.title_font)
        self.setDefaultTextColor(style.ink)
        self.setPlainText(item.card.title)
        self.setTextWidth(CARD_W - 2 * style.metrics.pad + 8.0)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        self.setZValue(Z_EDITOR)
        self.setPos(item.x0 + style.metrics.pad - 4.0, item.y0 + style.metrics.title_top - 7.0)
        scene.addItem(self)
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        cursor = self.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        self.setTextCursor(cursor)

    def title(self) -> str:
        """The typed title as one line of plain text."""
        return " ".join(self.toPlainText().split())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.commit()
        elif event.key() == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.commit()

    def commit(self) -> None:
        if self._closed:
            return
        title = self.title()
        self.close()
        if title and title != self._original:
            self._scene.titleEdited.emit(self.card_id, title)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._scene.editor_closed(self)
        if self.scene() is not None:
            self._scene.removeItem(self)

    def boundingRect(self) -> QRectF:
        return super().boundingRect().adjusted(-3.0, -3.0, 3.0, 3.0)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        frame = super().boundingRect().adjusted(-2.0, -2.0, 2.0, 2.0)
        painter.setPen(self._frame_pen)
        painter.setBrush(self._scene.look.paper_brush)
        painter.drawRoundedRect(frame, 4.0, 4.0)
        super().paint(painter, option, widget)  # type: ignore[arg-type]  # Qt accepts no widget here
