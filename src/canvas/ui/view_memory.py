"""Remembering where the person was looking: per canvas and model, the zoom and the centre of the view.

Kept in the store's meta state and written shortly after the view settles, so after a crash or a kill the
canvas reopens where it was.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QPointF, QTimer

from canvas.store.repository import StoreError
from canvas.ui.controller import Controller
from canvas.ui.scene.items.card import DETAIL_ZOOM
from canvas.ui.scene.scene import CanvasScene
from canvas.ui.scene.view import CanvasView

#: Wait this long after the last scroll or zoom before writing (one write per gesture, not one per frame).
SAVE_DELAY_MS = 400
#: Below this zoom cards are drawn as plain coloured blocks (no text); a first look never starts there.
HOME_MIN_ZOOM = DETAIL_ZOOM * 1.15
#: The least room (scene units) kept beside a model shown at its whole width.
WIDTH_MARGIN = 16.0


class ViewMemory(QObject):
    """Saves the view's zoom and centre as they change, and puts them back when a canvas or model is shown."""

    def __init__(self, controller: Controller, view: CanvasView, scene: CanvasScene) -> None:
        super().__init__(view)
        self._controller = controller
        self._view = view
        self._scene = scene
        self._restoring = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        view.horizontalScrollBar().valueChanged.connect(self.schedule)
        view.verticalScrollBar().valueChanged.connect(self.schedule)
        changed = getattr(view, "zoomChanged", None)
        if changed is not None:
            changed.connect(self.schedule)

    def schedule(self, *_args: Any) -> None:
        if not self._restoring:
            self._timer.start()

    def remembered(self) -> dict[str, Any] | None:
        """The zoom and centre remembered for the canvas and model shown, if any."""
        views = self._controller.view_state().get("views")
        state = views.get(self._controller.model) if isinstance(views, dict) else None
        if not isinstance(state, dict):
            return None
        zoom, centre = state.get("zoom"), state.get("center")
        if not isinstance(centre, list) or len(centre) != 2 or not all(isinstance(v, float | int) for v in centre):
            return None
        if not isinstance(zoom, float | int) or zoom <= 0:
            return None
        return {"zoom": float(zoom), "center": (float(centre[0]), float(centre[1]))}

    def restore(self) -> None:
        """Show the remembered zoom and centre, or the first time the whole model (if its cards stay readable)."""
        self._timer.stop()
        self._restoring = True
        try:
            state = self.remembered()
            if state is None:
                self.home()
            else:
                self._view.set_zoom(state["zoom"])
                self._view.centerOn(QPointF(*state["center"]))
        finally:
            self._restoring = False

    def home(self) -> None:
        """The whole model; else its whole width, when cards can still be read at that zoom (scroll down for the
        rest); a model too large for that starts at its top-left corner, zoomed so cards are read."""
        view = self._view
        view.fit()
        if view.zoom >= HOME_MIN_ZOOM:
            return
        bounds = self._scene.content_rect()
        if view.viewport().width() / (bounds.width() + 2 * WIDTH_MARGIN) >= DETAIL_ZOOM:
            # The whole width still shows card titles: every stage in view, the rest a scroll down.
            view.fit_width(min_zoom=DETAIL_ZOOM)
            top = view.mapToScene(view.viewport().rect().center()).y()
            view.centerOn(QPointF(bounds.center().x(), top))
            return
        view.set_zoom(HOME_MIN_ZOOM)
        corner = view.mapToScene(view.viewport().rect().topLeft())
        view.centerOn(view.mapToScene(view.viewport().rect().center()) + bounds.topLeft() - corner - QPointF(24, 24))

    def save_now(self) -> None:
        self._timer.stop()
        try:
            model = self._controller.model
            state = self._controller.view_state()
        except (RuntimeError, StoreError):
            return  # no canvas open, or the store is gone: nothing to remember
        centre = self._view.mapToScene(self._view.viewport().rect().center())
        views = dict(state.get("views") or {})
        views[model] = {
            "zoom": round(float(self._view.zoom), 4),
            "center": [round(centre.x(), 1), round(centre.y(), 1)],
        }
        self._controller.remember_view(views=views)
