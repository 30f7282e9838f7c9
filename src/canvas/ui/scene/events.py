"""Routes the scene's mouse and key events to gesture objects (interactions.py): which gesture a press starts,
and what a double-click means where it lands."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGraphicsSceneMouseEvent

from canvas.core.model import CardKind
from canvas.ui.scene.interactions import CardDrag, FlowDraw, Gesture, TitleEditor

if TYPE_CHECKING:
    from canvas.ui.scene.scene import CanvasScene


class GestureRouter:
    """Holds the gesture in progress (at most one) and the title editor (at most one)."""

    def __init__(self, scene: CanvasScene) -> None:
        self._scene = scene
        self.gesture: Gesture | None = None
        self.editor: TitleEditor | None = None
        #: A double-click we handled is followed by a release that belongs to it.
        self._double_clicked = False

    def press(self, event: QGraphicsSceneMouseEvent) -> bool:
        """Start a gesture for a left press on a card or a flow; False if the press is not ours (empty space:
        the view starts a rubber band, or the title editor takes it)."""
        scene = self._scene
        if self.editor is not None and self.editor.sceneBoundingRect().contains(event.scenePos()):
            return False
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        self.cancel()
        item = scene.mouse_target(event)
        if item is None:
            link_id = scene.flows.at(event.scenePos()) if scene.flows.active else None
            scene.select_link(link_id)
            if link_id is not None:
                scene.select_cards([])
                event.accept()
                return True
            if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                scene.select_cards([])
            return False
        scene.select_link(None)
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        spec = scene.spec
        if (
            shift
            and spec is not None
            and spec.network is not None
            and _is_node(item.card.kind, spec.network.node_kinds)
        ):
            self.gesture = FlowDraw(scene, item.card_id, event)
        else:
            self.gesture = CardDrag(scene, item.card_id, event)
        event.accept()
        return True

    def move(self, event: QGraphicsSceneMouseEvent) -> bool:
        if self.gesture is None:
            return False
        self.gesture.move(event)
        event.accept()
        return True

    def release(self, event: QGraphicsSceneMouseEvent) -> bool:
        gesture, self.gesture = self.gesture, None
        if gesture is None:
            if self._double_clicked:
                self._double_clicked = False
                event.accept()
                return True
            return False
        gesture.release(event)
        event.accept()
        return True

    def double_click(self, event: QGraphicsSceneMouseEvent) -> bool:
        """On a card: edit its title in place. On empty zone space: ask for a new card there."""
        scene = self._scene
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        if self.editor is not None and self.editor.sceneBoundingRect().contains(event.scenePos()):
            return False
        self.cancel()
        item = scene.mouse_target(event)
        if item is not None:
            self.close_editor()
            self.editor = TitleEditor(scene, item)
            self._double_clicked = True
            event.accept()
            return True
        zone = scene.zone_at(event.scenePos())
        if zone is None:
            return False
        x, y = scene.capture_offset(zone, event.scenePos())
        scene.captureRequested.emit(zone, x, y)
        self._double_clicked = True
        event.accept()
        return True

    def key(self, event: QKeyEvent) -> bool:
        if event.key() == Qt.Key.Key_Escape and self.gesture is not None:
            self.cancel()
            event.accept()
            return True
        return False

    def cancel(self) -> None:
        gesture, self.gesture = self.gesture, None
        if gesture is not None:
            gesture.cancel()

    def close_editor(self) -> None:
        if self.editor is not None:
            self.editor.commit()

    def drop_editor(self) -> None:
        """Close the title editor without committing (its card is gone, or another document is shown)."""
        if self.editor is not None:
            self.editor.close()

    def editor_closed(self, editor: TitleEditor) -> None:
        if self.editor is editor:
            self.editor = None


def _is_node(kind: CardKind, node_kinds: tuple[CardKind, ...]) -> bool:
    """Flows start from actor cards (the network's node kinds); with no node kinds declared, from any card."""
    return not node_kinds or kind in node_kinds
