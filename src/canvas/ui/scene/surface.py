"""What a person sees and touches of the canvas scene: the backdrop painted as the background, far-out labels on
top, tooltips, hit tests, the level of detail, and the mouse and keys handed to gesture objects (events.py).

`CanvasScene` (scene.py) builds on this with the document, the model shown and the marks.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QKeyEvent, QPainter
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSceneHelpEvent, QGraphicsSceneMouseEvent, QToolTip

from canvas.core.layout import CARD_H, CARD_W, ModelLayout, zone_at
from canvas.ui.scene.cards import CardLayer
from canvas.ui.scene.events import GestureRouter
from canvas.ui.scene.interactions import TitleEditor
from canvas.ui.scene.items.backdrop import Backdrops, qrect
from canvas.ui.scene.items.card import BOUNDS, BOUNDS_SLACK, DETAIL_ZOOM, FULL_ZOOM, CardItem
from canvas.ui.scene.style import Style

#: How far a card's bounds reach beyond its body (the selection halo).
HALO = max(-BOUNDS.left(), -BOUNDS.top(), BOUNDS.right() - CARD_W, BOUNDS.bottom() - CARD_H) + BOUNDS_SLACK + 1.0


class SceneSurface(QGraphicsScene):
    """The Qt-facing half of the canvas scene. Its parts are made by CanvasScene.__init__."""

    look: Style
    cards: CardLayer
    _backdrops: Backdrops
    _layout: ModelLayout | None
    _router: GestureRouter
    _drop_target: str | None
    #: What the last `prepare_cards` covered (frame, level of detail, state of the cards).
    _prepared: tuple[object, ...] = ()

    # -- geometry questions ----------------------------------------------------------------------------------

    def card_rect(self, card_id: str) -> QRectF | None:
        """Where a placed card is drawn in the current model (None if it is not placed there)."""
        spot = self.cards.spot(card_id)
        return QRectF(spot[0], spot[1], CARD_W, CARD_H) if spot is not None else None

    def card_at(self, pos: QPointF) -> str | None:
        return self.cards.positions.at(pos.x(), pos.y())

    def cards_in(self, rect: QRectF) -> list[str]:
        r = rect.normalized()
        return self.cards.positions.within(r.left(), r.top(), r.right(), r.bottom())

    def content_rect(self) -> QRectF:
        """The model's bounds: what "fit" shows."""
        return qrect(self._layout.bounds) if self._layout is not None else QRectF()

    def zone_at(self, pos: QPointF) -> str | None:
        return zone_at(self._layout, pos.x(), pos.y()) if self._layout is not None else None

    # -- level of detail -------------------------------------------------------------------------------------

    def set_detail(self, detail: bool) -> None:
        """Cards one by one (True) or the batched overview (False); the view decides from its zoom."""
        self.cards.set_detail(detail)

    def prepare_cards(self, rect: QRectF, zoom: float) -> None:
        """Lay out the text of the cards in `rect` for `zoom` before they are painted (see CardItem.prepare)."""
        if zoom < DETAIL_ZOOM or not self.cards.detail:
            return
        full = zoom >= FULL_ZOOM
        # The same frame again with nothing changed (a repaint, a selection mark) needs nothing prepared.
        key = (rect.x(), rect.y(), rect.width(), rect.height(), full, self.cards.generation, id(self.cards))
        if key == self._prepared:
            return
        self._prepared = key
        # Qt paints every card whose bounds (body and selection halo) reach into the frame: prepare those too,
        # or a card just outside would paint itself, uncached, in every frame.
        items, join = self.cards.items, self.cards.join
        for card_id in self.cards_in(rect.adjusted(-HALO, -HALO, HALO, HALO)):
            item = items[card_id]
            if not item.joined:
                join(item)
            item.cache(zoom)
            if not item.prepared(full):
                item.prepare(full)

    def view_zoom(self) -> float:
        views = self.views()
        return views[0].transform().m11() if views else 1.0

    # -- feedback for gestures -------------------------------------------------------------------------------

    def show_drop_target(self, pos: QPointF | None) -> None:
        zone = self.zone_at(pos) if pos is not None else None
        backdrop = self._backdrops.current
        if zone == self._drop_target or backdrop is None:
            return
        for zone_id, on in ((self._drop_target, False), (zone, True)):
            if zone_id is not None and zone_id in backdrop.zones:
                backdrop.zones[zone_id].set_target(on)
        self._drop_target = zone

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:
        """Tooltips are answered here rather than set on 50,000 items up front: a card's facts, a header's
        guiding question."""
        card_id = self.card_at(event.scenePos())
        item = self.cards.get(card_id) if card_id is not None else None
        backdrop = self._backdrops.current
        text = item.tooltip() if item is not None else backdrop.tooltip_at(event.scenePos()) if backdrop else None
        if text:
            QToolTip.showText(event.screenPos(), text, event.widget())
            event.accept()
            return
        super().helpEvent(event)

    # -- the backdrop is the background (items/backdrop.py says why) -----------------------------------------

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        exposed = QRectF(rect)
        painter.fillRect(exposed, self.look.background)
        backdrop = self._backdrops.current
        if backdrop is not None:
            backdrop.paint(painter, exposed)

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        backdrop = self._backdrops.current
        if backdrop is not None:
            backdrop.paint_far_labels(painter, QRectF(rect))

    def render(
        self,
        painter: QPainter,
        /,
        target: QRectF | QRect = QRectF(),  # noqa: B008 (Qt's own default: the whole paint device)
        source: QRectF | QRect = QRectF(),  # noqa: B008 (Qt's own default: the scene rect)
        aspectRatioMode: Qt.AspectRatioMode = Qt.AspectRatioMode.KeepAspectRatio,
    ) -> None:
        """Draw the scene without a view (a picture): the cards drawn one by one join the scene first, as they
        would before a view showed them (CardLayer.join)."""
        if self.cards.detail:
            drawn = QRectF(source) if not QRectF(source).isEmpty() else self.sceneRect()
            self.cards.join_within(self.cards_in(drawn.adjusted(-HALO, -HALO, HALO, HALO)))
        super().render(painter, target, source, aspectRatioMode)

    def _backdrop_changed(self, rect: QRectF) -> None:
        """Repaint part of the backdrop (an empty QRectF: all of it), dropping the views' cached copy there."""
        self.invalidate(rect if not rect.isEmpty() else self.sceneRect(), QGraphicsScene.SceneLayer.BackgroundLayer)

    def mouse_target(self, event: QGraphicsSceneMouseEvent) -> CardItem | None:
        card_id = self.card_at(event.scenePos())
        return self.cards.get(card_id) if card_id is not None else None

    # -- events: gestures live in interactions.py, routed by events.py ---------------------------------------

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        editor = self._router.editor
        if editor is not None and editor.sceneBoundingRect().contains(event.scenePos()):
            super().mousePressEvent(event)  # the title editor places its cursor
        elif not self._router.press(event):
            super().mousePressEvent(event)  # empty space: clears focus, which commits an open title editor
            event.ignore()  # and lets the view start a rubber band

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if not self._router.move(event):
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if not self._router.release(event):
            super().mouseReleaseEvent(event)
            event.accept()  # the end of a rubber band or a click on empty space: handled, nothing more to do

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if not self._router.double_click(event):
            super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._router.key(event):
            super().keyPressEvent(event)

    def cancel_gesture(self) -> None:
        """Drop a gesture in progress (the document changed underneath it, or a flip)."""
        self._router.cancel()

    def title_editor(self) -> TitleEditor | None:
        return self._router.editor

    def editor_closed(self, editor: TitleEditor) -> None:
        self._router.editor_closed(editor)
