"""The canvas scene: a document seen through one model from one side, kept in step with the document's change sets.

The scene builds one item per card once (`show_document`), moves the same items when the model changes
(`flip_to`), and updates only what a change set touched (`apply_changes`). Gestures become signals with plain data;
the scene never edits the document.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable

from PySide6.QtCore import QObject, QPointF, QRect, QRectF, Signal
from PySide6.QtGui import QBrush, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QGraphicsScene,
    QGraphicsSceneHelpEvent,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
    QToolTip,
)

from canvas.core.catalog import Catalog
from canvas.core.document import ChangeSet, Document
from canvas.core.edits import Spot
from canvas.core.frameworks import ModelSpec
from canvas.core.layout import CARD_H, CARD_W, ModelLayout, layout_model, zone_at
from canvas.core.model import Card, ModelSettings, Placement, Side
from canvas.ui.scene.annotations import Annotator
from canvas.ui.scene.cards import CardLayer, targets_in
from canvas.ui.scene.dropping import capture_offset, drop_spot, drop_spots
from canvas.ui.scene.events import GestureRouter
from canvas.ui.scene.flip import ANIMATE_MAX
from canvas.ui.scene.flows import FlowLayer
from canvas.ui.scene.interactions import TitleEditor
from canvas.ui.scene.items.backdrop import Backdrop, Backdrops, qrect, same_geometry
from canvas.ui.scene.items.card import DETAIL_ZOOM, FULL_ZOOM, CardItem
from canvas.ui.scene.marks import Marks
from canvas.ui.scene.sides import dims_card
from canvas.ui.scene.style import Style

#: Room around the model to pan into, so a card at the edge can still be brought to the middle of the window.
MARGIN = 1600.0


class CanvasScene(QGraphicsScene):
    """Cards of one document placed on one model's backdrop. One scene per view (each view sets the scene's level
    of detail, and the side is per scene); side-by-side views use two scenes over the same document."""

    cardsMoved = Signal(list)
    flowRequested = Signal(str, str)
    titleEdited = Signal(str, str)
    captureRequested = Signal(str, float, float)
    cardSelectionChanged = Signal(list)
    linkSelected = Signal(str)
    #: After a flip (model id), so views can bring the focus card back into view. (Added to the UI contract.)
    flipped = Signal(str)

    def __init__(self, catalog: Catalog, parent: QObject | None = None, *, style: Style | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        #: The look (QGraphicsScene.style() is Qt's widget style, hence another name).
        self.look = style or Style.standard()
        self.setBackgroundBrush(QBrush(self.look.background))
        # BSP normally (zoomed-in frames stay flat in the number of cards); bulk moves switch to NoIndex (flip.py).
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self._document: Document | None = None
        self._model = ""
        self._spec: ModelSpec | None = None
        self._side: Side | None = None
        self._layout: ModelLayout | None = None
        self._backdrops = Backdrops(self._backdrop_changed)
        self.cards = CardLayer(self, self.look)
        self.flows = FlowLayer(self, self.look)
        self._annotator = Annotator()
        self._marks = Marks(self.cardSelectionChanged.emit, self.linkSelected.emit)
        self._drop_target: str | None = None
        self._router = GestureRouter(self)

    # -- what is shown ---------------------------------------------------------------------------------------

    @property
    def model(self) -> str:
        return self._model

    @property
    def side(self) -> Side | None:
        return self._side

    @property
    def document(self) -> Document | None:
        return self._document

    @property
    def spec(self) -> ModelSpec | None:
        return self._spec

    @property
    def backdrop(self) -> Backdrop | None:
        """The items drawing the current model's zones and headers."""
        return self._backdrops.current

    def model_layout(self) -> ModelLayout:
        if self._layout is None:
            raise RuntimeError("the scene shows no document yet: call show_document first")
        return self._layout

    def show_document(self, document: Document, model: str, side: Side | None = None) -> None:
        """Build one item per live card and show `model` from `side`."""
        spec = self._spec_for(model)
        self.cancel_gesture()
        self._router.drop_editor()
        self.flows.clear()
        self._backdrops.clear()
        self._marks.reset()
        self._document, self._side, self._spec, self._model = document, side, spec, model
        layout = self._lay_out()
        self.cards.build(document.live_cards(), targets_in(layout, document.placements_in(model)), self._dims())
        self._refresh(document, spec, dim=())

    def flip_to(self, model: str, animate: bool | None = None) -> None:
        """Show the same cards through another model: the items move to their placements there (animated when
        there are few cards), unplaced cards are hidden, and the selection stays. Not an edit."""
        document = self._document
        if document is None:
            raise RuntimeError("the scene shows no document yet: call show_document first")
        spec = self._spec_for(model)
        self.cancel_gesture()
        self._spec, self._model = spec, model
        if animate is None:
            animate = len(self.cards.items) <= ANIMATE_MAX
        layout = self._lay_out()
        self.cards.arrange(targets_in(layout, document.placements_in(model)), animate=animate, dims=self._dims())
        self._refresh(document, spec, dim=())
        self.flipped.emit(model)

    def set_side(self, side: Side | None) -> None:
        """Dim the zones and cards of the other side (None: nothing is dimmed)."""
        self._side = side
        self._apply_side()

    def set_look(self, style: Style) -> None:
        """Switch look (e.g. presentation mode): items are rebuilt; model, side and marks are kept."""
        self.look = style
        self.cards.clear()
        self.removeItem(self.cards.overview)
        self.cards = CardLayer(self, style)
        self.flows.clear()
        self.flows = FlowLayer(self, style)
        self._backdrops.clear()
        self._layout = None
        document, spec = self._document, self._spec
        if document is not None and spec is not None:
            layout = self._lay_out()
            placements = document.placements_in(self._model)
            self.cards.build(document.live_cards(), targets_in(layout, placements), self._dims())
            self._refresh(document, spec, dim=())
            self._marks.reapply(self.cards, self.flows)

    def _spec_for(self, model: str) -> ModelSpec:
        spec = self._catalog.get(model)
        if spec is None:
            known = ", ".join(self._catalog.models) or "none"
            raise ValueError(f"there is no model '{model}' in the catalog (known models: {known})")
        return spec

    def _lay_out(self) -> ModelLayout:
        """Lay the current model out from the document and show its backdrop (rebuilt only if zones moved)."""
        document, spec = self._document, self._spec
        assert document is not None and spec is not None
        layout = layout_model(spec, document.model_settings(self._model), document.placements_in(self._model))
        emotion_row = spec.grid.emotion_row if spec.grid is not None else None
        self._backdrops.show(layout, self.look, emotion_row)
        bounds = qrect(layout.bounds)
        self.setSceneRect(bounds.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN))
        self.cards.set_bounds(bounds)
        self._layout = layout
        return layout

    def _refresh(self, document: Document, spec: ModelSpec, dim: Collection[str] | None) -> None:
        """After cards moved: flows, empty zones, the other side's dimming (of the cards in `dim`; None: all)
        and what the model says."""
        self.flows.sync(document, self.cards, active=spec.network is not None)
        backdrop = self._backdrops.current
        assert backdrop is not None
        backdrop.set_occupancy(self.cards.members)
        self._apply_side(dim)
        self._annotator.refresh(document, spec, self.cards, backdrop, self.flows.items)

    def _dims(self) -> Callable[[CardItem], bool] | None:
        """Which cards the current side dims (None: no side chosen, nothing is dimmed)."""
        layout, side = self._layout, self._side
        if side is None or layout is None:
            return None
        return lambda item: dims_card(layout, item, side)

    def _apply_side(self, card_ids: Collection[str] | None = None) -> None:
        backdrop, layout, side = self._backdrops.current, self._layout, self._side
        if backdrop is None or layout is None:
            return
        backdrop.set_side(side)
        if card_ids is None or card_ids:
            self.cards.set_dimmed(lambda item: dims_card(layout, item, side), card_ids)

    # -- following the document ------------------------------------------------------------------------------

    def apply_changes(self, changes: ChangeSet) -> None:
        """Update the items whose records changed (the document already holds the new records)."""
        document, spec = self._document, self._spec
        if document is None or spec is None or not changes:
            return
        self.cancel_gesture()
        placed: set[str] = set()
        gone: set[str] = set()
        relayout = arranged = False
        for change in changes:
            if change.table == Card.table:
                card = document.card(change.key)
                if card is None:
                    gone.add(change.key)
                    self.cards.remove(change.key)
                    relayout = True
                elif change.key not in self.cards:
                    self.cards.add(card)
                    placed.add(card.id)
                    relayout = True
                elif self.cards.items[change.key].card != card:
                    item = self.cards.items[change.key]
                    item.set_card(card)
                    self.cards.recolour(item)
                    placed.add(card.id)  # its voice may have changed: dim it again
            elif change.table == Placement.table:
                record = change.after or change.before
                if isinstance(record, Placement) and record.model == self._model:
                    placed.add(record.card_id)
                    relayout = True
            elif change.table == ModelSettings.table and change.key == self._model:
                relayout = True
        if relayout:
            old = self._layout
            layout = self._lay_out()
            if old is None or not same_geometry(old, layout):
                targets = targets_in(layout, document.placements_in(self._model))
                self.cards.arrange(targets, animate=False, dims=self._dims())
                arranged = True
            else:
                self.cards.follow(document.placements_in(self._model), layout, placed)
        self._refresh(document, spec, dim=() if arranged else placed)
        if gone:
            self._marks.forget(self.cards, self.flows, gone)
            editor = self._router.editor
            if editor is not None and editor.card_id in gone:
                self._router.drop_editor()

    def settle(self, card_ids: Iterable[str]) -> None:
        """Put items back where the document says (after a drop: a refused edit leaves nothing half-moved)."""
        layout = self._layout
        if layout is None or self._document is None:
            return
        ids = list(card_ids)
        self.cards.follow(self._document.placements_in(self._model), layout, ids)
        for card_id in ids:
            item = self.cards.get(card_id)
            if item is not None and item.placed:
                item.setVisible(self.cards.detail)
        self.flows.reroute(self.cards)

    # -- selection, search matches, focus --------------------------------------------------------------------

    def card_ids_selected(self) -> list[str]:
        return list(self._marks.selection)

    def select_cards(self, card_ids: Iterable[str]) -> None:
        """Make exactly these cards the selection (unknown ids are ignored)."""
        self._marks.select(self.cards, card_ids)

    def select_link(self, link_id: str | None) -> None:
        self._marks.select_link(self.flows, link_id)

    def highlight(self, card_ids: Collection[str]) -> None:
        """Mark search matches (an empty collection clears them)."""
        self._marks.set_highlight(self.cards, card_ids)

    def focus_card(self, card_id: str | None) -> None:
        """The card the person is working on: marked, and brought into view."""
        self._marks.set_focus(self.cards, card_id)
        if self._marks.focus is not None:
            self.reveal(self._marks.focus)

    @property
    def focus(self) -> str | None:
        return self._marks.focus

    def reveal(self, card_id: str) -> None:
        """Scroll every view showing this scene so the card is visible."""
        rect = self.card_rect(card_id)
        if rect is None:
            return
        for view in self.views():
            reveal = getattr(view, "reveal_rect", None)
            if reveal is not None:
                reveal(rect)
            else:
                QGraphicsView.ensureVisible(view, rect, 40, 40)

    # -- geometry questions ----------------------------------------------------------------------------------

    def card_rect(self, card_id: str) -> QRectF | None:
        """Where a placed card is drawn in the current model (None if it is not placed there)."""
        item = self.cards.get(card_id)
        if item is None or not item.placed:
            return None
        return QRectF(item.x0, item.y0, CARD_W, CARD_H)

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

    def drop_spot(self, card_id: str, pos: QPointF) -> Spot:
        """Where a card dropped with its centre at `pos` lands: the zone there (or the nearest), in a free slot."""
        assert self._document is not None
        return drop_spot(self.model_layout(), self._document, self.cards.members, card_id, (pos.x(), pos.y()))

    def drop_spots(self, dropped: Iterable[tuple[str, float, float]], pointer: QPointF) -> list[Spot]:
        """Spots for cards dropped with their top-left corners at scene points (one drag of many cards)."""
        assert self._document is not None
        return drop_spots(self.model_layout(), self._document, self.cards.members, dropped, (pointer.x(), pointer.y()))

    def capture_offset(self, zone: str, pos: QPointF) -> tuple[float, float]:
        """The free slot nearest to a double-click in `zone`, as an offset from the zone's content origin."""
        assert self._document is not None
        return capture_offset(self.model_layout(), self._document, self.cards.members, zone, (pos.x(), pos.y()))

    # -- level of detail -------------------------------------------------------------------------------------

    def set_detail(self, detail: bool) -> None:
        """Cards one by one (True) or the batched overview (False); the view decides from its zoom."""
        self.cards.set_detail(detail)

    def prepare_cards(self, rect: QRectF, zoom: float) -> None:
        """Lay out the text of the cards in `rect` for `zoom` before they are painted (see CardItem.prepare)."""
        if zoom < DETAIL_ZOOM or not self.cards.detail:
            return
        full = zoom >= FULL_ZOOM
        for card_id in self.cards_in(rect):
            item = self.cards.items[card_id]
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

    def mark_flow_target(self, card_id: str | None, on: bool) -> None:
        item = self.cards.get(card_id) if card_id is not None else None
        if item is not None:
            item.set_marks(focused=on or card_id == self._marks.focus)

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
