"""Cards dragged from the tray onto a canvas view: placed where they are dropped (the zone under the mouse, in
free slots), as one undoable step, and selected."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QDropEvent

from canvas.core.edits import PlaceCards
from canvas.core.layout import CARD_H, CARD_W
from canvas.ui.controller import Controller
from canvas.ui.panels.tray import card_ids_from
from canvas.ui.scene.scene import CanvasScene
from canvas.ui.scene.view import CanvasView


class TrayDrops(QObject):
    """Watches one view's viewport for tray drags (other drags, e.g. files, are left to others)."""

    def __init__(self, controller: Controller, view: CanvasView, scene: CanvasScene) -> None:
        super().__init__(view)
        self._controller = controller
        self._view = view
        self._scene = scene
        self._viewport = view.viewport()
        self._viewport.setAcceptDrops(True)
        self._viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self._viewport:
            return False
        kind = event.type()
        if kind == QEvent.Type.DragLeave:
            self._scene.show_drop_target(None)
            return False
        if not isinstance(event, QDropEvent):  # drag enter and drag move events are drop events too
            return False
        card_ids = card_ids_from(event.mimeData())
        if not card_ids:
            return False
        point = self._view.mapToScene(event.position().toPoint())
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        if kind == QEvent.Type.Drop:
            self._scene.show_drop_target(None)
            self.place(card_ids, QPointF(point))
        else:
            self._scene.show_drop_target(QPointF(point))
        return True

    def place(self, card_ids: Sequence[str], point: QPointF) -> bool:
        """Place the live cards among `card_ids` around scene point `point` in the scene's model, in one step."""
        scene, document = self._scene, self._controller.document
        live = [card_id for card_id in dict.fromkeys(card_ids) if document.card(card_id) is not None]
        if not live or scene.spec is None:
            return False
        corner = (point.x() - CARD_W / 2, point.y() - CARD_H / 2)
        spots = scene.drop_spots([(card_id, *corner) for card_id in live], point)
        if not spots:
            self._controller.problem.emit("Drop the cards on a zone of the model to place them.")
            return False
        count = len(spots)
        name = "Place card from the tray" if count == 1 else f"Place {count} cards from the tray"
        if not self._controller.do(PlaceCards(tuple(spots), name=name)):
            return False
        scene.select_cards(spot.card_id for spot in spots)
        return True
