"""What the canvas hears beyond the scene's own gestures: where the mouse rests, a typed letter that starts quick
capture, the right-click menu, and the view's resizes (the find bar stays in its corner; presenting refits)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QEnterEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QMenu, QWidget

from canvas.ui.capture import QuickCapture
from canvas.ui.scene.scene import CanvasScene
from canvas.ui.scene.view import CanvasView

_NOT_TYPING = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier


class CanvasInput(QObject):
    """Watches the view and its viewport. `menu_at(scene point)` builds the right-click menu."""

    def __init__(
        self,
        view: CanvasView,
        scene: CanvasScene,
        capture: QuickCapture,
        menu_at: Callable[[QPointF], QMenu],
        corner: QWidget,
    ) -> None:
        super().__init__(view)
        self._view = view
        self._scene = scene
        self._capture = capture
        self._menu_at = menu_at
        self._corner = corner
        self._viewport = view.viewport()
        self._pointer: QPointF | None = None
        #: While presenting, every resize (full screen arrives as one) fits the model again with this.
        self.fit_on_resize: Callable[[], None] | None = None
        view.installEventFilter(self)
        self._viewport.installEventFilter(self)
        # Quick capture and paste go where the mouse rests, so the canvas must hear moves without a button held.
        self._viewport.setMouseTracking(True)

    def pointer(self) -> QPointF | None:
        """The scene point under the mouse, if the mouse is over the canvas."""
        if self._pointer is None:
            return None
        point: QPointF = self._view.mapToScene(self._pointer.toPoint())
        return point

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        # Compare with the wrappers kept from the start: while the window is being destroyed, asking the view
        # for its viewport would touch a deleted object.
        if watched is self._viewport:
            if isinstance(event, QMouseEvent | QEnterEvent) and kind in (QEvent.Type.MouseMove, QEvent.Type.Enter):
                self._pointer = event.position()
            elif kind == QEvent.Type.Leave:
                self._pointer = None
            elif kind == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
                self._pointer = QPointF(event.pos())
                self._menu_at(self._view.mapToScene(event.pos())).exec(event.globalPos())
                return True
        elif watched is self._view:
            if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and self._starts_capture(event):
                self._capture.start(event.text())
                return True
            if kind == QEvent.Type.Resize:
                self._place_corner()
                if self.fit_on_resize is not None:
                    # The viewport takes its new size after this event; fit once it has.
                    QTimer.singleShot(0, self.fit_on_resize)
        return False

    def _starts_capture(self, event: QKeyEvent) -> bool:
        """A printable key with no Ctrl, Alt or Meta over the canvas (not while a title is edited in place)."""
        text = event.text()
        return (
            bool(text.strip())
            and text.isprintable()
            and not event.modifiers() & _NOT_TYPING
            and self._scene.title_editor() is None
            and not self._capture.active
        )

    def _place_corner(self) -> None:
        """Keep the find bar in the top-right corner of the canvas."""
        bar, width = self._corner, self._view.width()
        bar.adjustSize()
        bar.setFixedWidth(max(min(max(bar.sizeHint().width(), 420), width - 24), 0))
        bar.move(width - bar.width() - 24, 12)
