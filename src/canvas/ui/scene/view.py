"""The canvas view: zoom around the cursor, pan with the middle button or Space+drag, rubber-band selection,
fit, and the level of detail that follows the zoom."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QMouseEvent, QPainter, QPaintEvent, QPixmapCache, QWheelEvent
from PySide6.QtWidgets import QFrame, QGraphicsView, QWidget

from canvas.ui.scene.items.card import DETAIL_ZOOM
from canvas.ui.scene.scene import CanvasScene

MIN_ZOOM = 0.001
MAX_ZOOM = 4.0
STEP = 1.25
#: Qt's pixmap cache holds the cards' cached renderings (~67 KB a card at zoom 1) and the overview's. Its 10 MB
#: default holds 150 cards, fewer than one screen at 1.5× zoom; 40 MB keeps a few models' visible cards for flips
#: and costs ~30 MB of memory at most over the default.
PIXMAP_CACHE_KB = 40 * 1024

#: `CanvasView.after_first_frame` as a panel receives it: hold this work until the canvas's first frame (False: do
#: it now).
FirstFrame = Callable[[Callable[[], None]], bool]


class CanvasView(QGraphicsView):
    """Shows one CanvasScene. Emits `zoomChanged(zoom)` whenever the zoom changes."""

    zoomChanged = Signal(float)

    def __init__(self, scene: CanvasScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self._canvas = scene
        self._pan_from: QPoint | None = None
        self._space = False
        self._band_base: list[str] | None = None
        #: Work held until right after the first frame (`after_first_frame`); None once the view has painted.
        self._first_frame: list[Callable[[], None]] | None = []
        if QPixmapCache.cacheLimit() < PIXMAP_CACHE_KB:
            QPixmapCache.setCacheLimit(PIXMAP_CACHE_KB)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # No SmoothPixmapTransform: the cards' cached pixmaps are drawn unscaled, and smoothing them anyway cost
        # 2.5 ms of a 8 ms frame (measured with 75 cards in view).
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        # Repaint the whole viewport on any change: the background and the cards are cached pixmaps, so a full
        # frame is a few blits (~6 ms), while working out minimal regions after a flip cost more than that
        # (1,000 cards: 18 ms of dirty-region work against 10 ms).
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        # Items set every pen, brush and font they use, so the view need not save and restore painter state.
        self.setOptimizationFlags(QGraphicsView.OptimizationFlag.DontSavePainterState)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.rubberBandChanged.connect(self._rubber_band)
        scene.flipped.connect(self._after_flip)
        self._update_detail()

    # -- zoom ------------------------------------------------------------------------------------------------

    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, zoom: float, anchor: QPointF | None = None) -> None:
        """Zoom to `zoom` (1.0: a card is 200 px wide), keeping the scene point `anchor` (default: the view's
        centre) where it is on screen."""
        zoom = min(max(zoom, MIN_ZOOM), MAX_ZOOM)
        if zoom == self.zoom:
            return
        centre = self.viewport().rect().center()
        anchor_scene = anchor if anchor is not None else self.mapToScene(centre)
        anchor_view = self.mapFromScene(anchor_scene)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.resetTransform()
        self.scale(zoom, zoom)
        # Keep the anchor under the same viewport pixel.
        delta = self.mapToScene(anchor_view) - anchor_scene
        self.centerOn(self.mapToScene(centre) - delta)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self._update_detail()
        self.zoomChanged.emit(self.zoom)

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom * STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom / STEP)

    def fit(self) -> None:
        """Show the whole model (Ctrl+0)."""
        rect = self._canvas.content_rect()
        if rect.isEmpty():
            return
        self.fitInView(rect.adjusted(-40.0, -40.0, 40.0, 40.0), Qt.AspectRatioMode.KeepAspectRatio)
        zoom = min(max(self.zoom, MIN_ZOOM), MAX_ZOOM)
        if zoom != self.zoom:
            self.set_zoom(zoom, rect.center())
        self._update_detail()
        self.zoomChanged.emit(self.zoom)

    def fit_width(self, min_zoom: float = MIN_ZOOM) -> None:
        """Fill the view's width with the model (never below `min_zoom`), its top-left corner in the top-left
        corner; what does not fit is below (presentation mode: read across, scroll down)."""
        rect = self._canvas.content_rect()
        if rect.isEmpty():
            return
        margin = 40.0
        width = max(1, self.viewport().width())
        zoom = min(max(width / (rect.width() + 2 * margin), min_zoom, MIN_ZOOM), MAX_ZOOM)
        self.resetTransform()
        self.scale(zoom, zoom)
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        self.centerOn(rect.left() - margin + visible.width() / 2, rect.top() - margin + visible.height() / 2)
        self._update_detail()
        self.zoomChanged.emit(self.zoom)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120.0
        if not steps:
            super().wheelEvent(event)
            return
        anchor = self.mapToScene(event.position().toPoint())
        self.set_zoom(self.zoom * (STEP ** (steps * 0.5)), anchor)
        event.accept()

    def _update_detail(self) -> None:
        zoom = self.zoom
        self._canvas.set_detail(zoom >= DETAIL_ZOOM)
        # Far out, antialiasing costs time and shows nothing.
        self.setRenderHint(QPainter.RenderHint.Antialiasing, zoom >= DETAIL_ZOOM)

    def paintEvent(self, event: QPaintEvent) -> None:
        # Text layouts of the cards coming into view are made here, not in their paint().
        self._canvas.prepare_cards(self.mapToScene(event.rect()).boundingRect(), self.zoom)
        super().paintEvent(event)
        if self._first_frame is not None:
            waiting, self._first_frame = self._first_frame, None
            for work in waiting:
                QTimer.singleShot(0, work)

    def after_first_frame(self, work: Callable[[], None]) -> bool:
        """Hold `work` until right after this view's first frame if that frame is due (the view is shown and has
        not painted yet), so that a panel's count made as a canvas opens does not delay the canvas itself. False
        once the view has painted, or while it is hidden: the caller does the work now."""
        if self._first_frame is None or not self.isVisible():
            return False
        self._first_frame.append(work)
        return True

    # -- where to look ---------------------------------------------------------------------------------------

    def center_on(self, card_id: str) -> None:
        rect = self._canvas.card_rect(card_id)
        if rect is not None:
            self.centerOn(rect.center())

    def reveal_rect(self, rect: QRectF) -> None:
        """Scroll just enough to show `rect` (a card)."""
        self.ensureVisible(rect, 60, 60)

    def _after_flip(self, _model: str) -> None:
        """Keep the focus card, or else the selection, in view after a flip."""
        focus = self._canvas.focus
        selected = self._canvas.card_ids_selected()
        card_id = focus if focus is not None and self._canvas.card_rect(focus) is not None else None
        if card_id is None:
            card_id = next((c for c in selected if self._canvas.card_rect(c) is not None), None)
        if card_id is not None:
            rect = self._canvas.card_rect(card_id)
            if rect is not None and not self.mapToScene(self.viewport().rect()).boundingRect().contains(rect):
                self.centerOn(rect.center())

    # -- panning ---------------------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        middle = event.button() == Qt.MouseButton.MiddleButton
        if middle or (self._space and event.button() == Qt.MouseButton.LeftButton):
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if event.button() == Qt.MouseButton.LeftButton:
            extend = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            self._band_base = self._canvas.card_ids_selected() if extend else []
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            now = event.position().toPoint()
            delta = now - self._pan_from
            self._pan_from = now
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor if self._space else Qt.CursorShape.ArrowCursor)
            event.accept()
            return
        super().mouseReleaseEvent(event)
        self._band_base = None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and self._canvas.title_editor() is None:
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.ZoomIn) or (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
            and event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Equal)
        ):
            self.zoom_in()
        elif event.matches(QKeySequence.StandardKey.ZoomOut):
            self.zoom_out()
        elif event.modifiers() & Qt.KeyboardModifier.ControlModifier and event.key() == Qt.Key.Key_0:
            self.fit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and self._space:
            self._space = False
            if self._pan_from is None:
                self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
            event.accept()
            return
        super().keyReleaseEvent(event)

    # -- rubber band -----------------------------------------------------------------------------------------

    def _rubber_band(self, rect: QRect, start: QPointF, end: QPointF) -> None:
        """Select the cards the band touches (plus the earlier selection when Ctrl was held at the start).
        The scene answers from its own position index, so this works when zoomed far out too."""
        if rect.isNull() or self._band_base is None:
            return
        inside = self._canvas.cards_in(QRectF(start, end))
        base = self._band_base
        earlier = set(base)
        self._canvas.select_cards([*base, *(card_id for card_id in inside if card_id not in earlier)])
