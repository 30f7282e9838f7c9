"""The canvas scene: a document seen through one model from one side, kept in step with the document's change sets.

The scene builds one item per card once (`show_document`), moves the same items when the model changes
(`flip_to`), and updates only what a change set touched (`apply_changes`). Gestures become signals with plain data;
the scene never edits the document.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from PySide6.QtCore import QObject, QPointF, QRectF, Signal
from PySide6.QtGui import QBrush, QKeyEvent
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
from canvas.core.layout import CARD_H, CARD_W, ModelLayout, card_positions, layout_model, snap, zone_at
from canvas.core.model import Card, Link, ModelSettings, Placement, Side
from canvas.ui.scene.annotations import Annotator
from canvas.ui.scene.cards import CardLayer, Target
from canvas.ui.scene.dropping import drop_spots, nearest_zone, occupied_in
from canvas.ui.scene.events import GestureRouter
from canvas.ui.scene.flip import ANIMATE_MAX
from canvas.ui.scene.flows import FlowLayer
from canvas.ui.scene.interactions import TitleEditor
from canvas.ui.scene.items.backdrop import Backdrop, qrect
from canvas.ui.scene.items.card import CardItem
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
        self.look = style or Style.standard()
        self.setBackgroundBrush(QBrush(self.look.background))
        # BSP normally (zoomed-in frames stay flat in the number of cards); bulk moves switch to NoIndex (flip.py).
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self._document: Document | None = None
        self._model = ""
        self._spec: ModelSpec | None = None
        self._side: Side | None = None
        self._layout: ModelLayout | None = None
        self._backdrop: Backdrop | None = None
        self.cards = CardLayer(self, self.look)
        self.flows = FlowLayer(self, self.look)
        self._annotator = Annotator()
        self._selection: dict[str, None] = {}
        self._highlight: set[str] = set()
        self._focus: str | None = None
        self._selected_link: str | None = None
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
        """The items drawing the current model's zones and headers (rebuilt when the layout changes)."""
        return self._backdrop

    def model_layout(self) -> ModelLayout:
        if self._layout is None:
            raise RuntimeError("the scene shows no document yet: call show_document first")
        return self._layout

    def show_document(self, document: Document, model: str, side: Side | None = None) -> None:
        """Build one item per live card and show `model` from `side`."""
        self.cancel_gesture()
        self.cards.clear()
        self.flows.clear()
        self._selection.clear()
        self._highlight.clear()
        self._focus = None
        self._selected_link = None
        self._document = document
        self._side = side
        self.cards.add_many(document.live_cards())
        self._spec = self._spec_for(model)
        self._model = model
        self._relayout(full=True, animate=False)

    def flip_to(self, model: str, animate: bool | None = None) -> None:
        """Show the same cards through another model: the items move to their placements there (animated when
        there are few cards), unplaced cards are hidden, and the selection stays. Not an edit."""
        if self._document is None:
            raise RuntimeError("the scene shows no document yet: call show_document first")
        spec = self._spec_for(model)
        self.cancel_gesture()
        self._spec, self._model = spec, model
        if animate is None:
            animate = len(self.cards.items) <= ANIMATE_MAX
        self._relayout(full=True, animate=animate)
        self.flipped.emit(model)

    def set_side(self, side: Side | None) -> None:
        """Dim the zones and cards of the other side (None: nothing is dimmed)."""
        self._side = side
        self._apply_side()

    def set_look(self, style: Style) -> None:
        """Switch look (e.g. presentation mode): items are rebuilt, model, side and selection are kept."""
        self.look = style
        document, selection = self._document, list(self._selection)
        self.cards.clear()
        self.removeItem(self.cards.overview)
        self.cards = CardLayer(self, style)
        self.flows.clear()
        self.flows = FlowLayer(self, style)
        if self._backdrop is not None:
            self._backdrop.remove(self)
            self._backdrop = None
        if document is not None:
            self.show_document(document, self._model, self._side)
            self.select_cards(selection)

    def _spec_for(self, model: str) -> ModelSpec:
        spec = self._catalog.get(model)
        if spec is None:
            known = ", ".join(self._catalog.models) or "none"
            raise ValueError(f"there is no model '{model}' in the catalog (known models: {known})")
        return spec

    def _settings(self) -> ModelSettings | None:
        assert self._document is not None
        return self._document.model_settings(self._model)

    def _relayout(self, *, full: bool, animate: bool = False, touched: Collection[str] = ()) -> None:
        """Lay the model out again; rebuild the backdrop if zones moved or grew, and move the affected cards."""
        document, spec = self._document, self._spec
        assert document is not None and spec is not None
        placements = document.placements_in(self._model)
        layout = layout_model(spec, self._settings(), placements)
        old = self._layout
        geometry_changed = old is None or old.model != layout.model or not _same_geometry(old, layout)
        self._layout = layout
        if geometry_changed or self._backdrop is None:
            if self._backdrop is not None:
                self._backdrop.remove(self)
            emotion_row = spec.grid.emotion_row if spec.grid is not None else None
            self._backdrop = Backdrop(self, layout, self.look, emotion_row)
            bounds = qrect(layout.bounds)
            self.setSceneRect(bounds.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN))
            self.cards.set_bounds(bounds)
        if full or geometry_changed:
            positions = card_positions(layout, placements)
            targets: dict[str, Target] = {
                card_id: (placements[card_id].zone, x, y) for card_id, (x, y) in positions.items()
            }
            self.cards.arrange(targets, animate=animate)
        else:
            self._place_touched(layout, touched)
        self.flows.sync(document, self.cards, active=spec.network is not None)
        self._backdrop.set_occupancy(self.cards.members)
        self._apply_side()
        self._annotate()

    def _place_touched(self, layout: ModelLayout, card_ids: Collection[str]) -> None:
        assert self._document is not None
        for card_id in card_ids:
            if card_id not in self.cards:
                continue
            placement = self._document.placement(card_id, self._model)
            zone = None if placement is None else layout.zones.get(placement.zone)
            if placement is None or zone is None:
                self.cards.unplace(card_id)
                continue
            ox, oy = zone.origin
            self.cards.place(card_id, placement.zone, ox + max(placement.x, 0.0), oy + max(placement.y, 0.0))

    def _apply_side(self) -> None:
        if self._backdrop is None or self._layout is None:
            return
        self._backdrop.set_side(self._side)
        layout, side = self._layout, self._side
        self.cards.set_dimmed(lambda item: dims_card(layout, item, side))

    def _annotate(self) -> None:
        if self._document is not None and self._spec is not None and self._backdrop is not None:
            self._annotator.refresh(self._document, self._spec, self.cards, self._backdrop, self.flows.items)

    # -- following the document ------------------------------------------------------------------------------

    def apply_changes(self, changes: ChangeSet) -> None:
        """Update the items whose records changed (the document already holds the new records)."""
        document = self._document
        if document is None or not changes:
            return
        self.cancel_gesture()
        placed: set[str] = set()
        relayout = links = False
        gone: set[str] = set()
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
                    relayout = links = True
                else:
                    item = self.cards.items[change.key]
                    if item.card != card:
                        item.set_card(card)
            elif change.table == Placement.table:
                record = change.after or change.before
                if isinstance(record, Placement) and record.model == self._model:
                    placed.add(record.card_id)
                    relayout = True
            elif change.table == Link.table:
                links = True
            elif change.table == ModelSettings.table and change.key == self._model:
                relayout = True
        if relayout:
            self._relayout(full=False, touched=placed)
        else:
            if links and self._spec is not None:
                self.flows.sync(document, self.cards, active=self._spec.network is not None)
            self._annotate()
        if gone:
            self._forget(gone)
        if self._selected_link is not None and self._selected_link not in self.flows.items:
            self._selected_link = None

    def _forget(self, card_ids: set[str]) -> None:
        if self._focus in card_ids:
            self._focus = None
        self._highlight -= card_ids
        if any(card_id in self._selection for card_id in card_ids):
            self._selection = {card_id: None for card_id in self._selection if card_id not in card_ids}
            self.cardSelectionChanged.emit(list(self._selection))

    def settle(self, card_ids: Iterable[str]) -> None:
        """Put items back where the document says (after a drop: a refused edit leaves nothing half-moved)."""
        layout, document = self._layout, self._document
        if layout is None or document is None:
            return
        self._place_touched(layout, list(card_ids))
        for card_id in card_ids if isinstance(card_ids, Collection) else ():
            item = self.cards.get(card_id)
            if item is not None and item.placed:
                item.setVisible(self.cards.detail)
        self.flows.reroute(self.cards)

    # -- selection, search matches, focus --------------------------------------------------------------------

    def card_ids_selected(self) -> list[str]:
        return list(self._selection)

    def select_cards(self, card_ids: Iterable[str]) -> None:
        """Make exactly these cards the selection (unknown ids are ignored)."""
        wanted = {card_id: None for card_id in card_ids if card_id in self.cards}
        if list(wanted) == list(self._selection):
            return
        for card_id in self._selection.keys() - wanted.keys():
            self.cards.items[card_id].set_marks(selected=False)
        for card_id in wanted.keys() - self._selection.keys():
            self.cards.items[card_id].set_marks(selected=True)
        self._selection = wanted
        self.cards.overview.invalidate()
        self.cardSelectionChanged.emit(list(wanted))

    def select_link(self, link_id: str | None) -> None:
        if link_id == self._selected_link:
            return
        if self._selected_link in self.flows.items:
            self.flows.items[self._selected_link].set_selected(False)
        self._selected_link = link_id
        if link_id is not None and link_id in self.flows.items:
            self.flows.items[link_id].set_selected(True)
            self.linkSelected.emit(link_id)

    def highlight(self, card_ids: Collection[str]) -> None:
        """Mark search matches (an empty collection clears them)."""
        wanted = {card_id for card_id in card_ids if card_id in self.cards}
        for card_id in self._highlight - wanted:
            self.cards.items[card_id].set_marks(highlighted=False)
        for card_id in wanted - self._highlight:
            self.cards.items[card_id].set_marks(highlighted=True)
        self._highlight = wanted
        self.cards.overview.invalidate()

    def focus_card(self, card_id: str | None) -> None:
        """The card the person is working on: marked, and brought into view."""
        if self._focus is not None and self._focus in self.cards:
            self.cards.items[self._focus].set_marks(focused=False)
        self._focus = card_id if card_id in self.cards else None
        if self._focus is not None:
            self.cards.items[self._focus].set_marks(focused=True)
            self.reveal(self._focus)

    @property
    def focus(self) -> str | None:
        return self._focus

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
        layout, document = self.model_layout(), self._document
        assert document is not None
        zone = nearest_zone(layout, pos.x(), pos.y())
        if zone is None:
            raise ValueError(f"the model '{self._model}' has no zone to drop a card in")
        taken = occupied_in(document, self._model, self.cards.members, zone, {card_id})
        x, y = snap(layout, zone, pos.x() - CARD_W / 2, pos.y() - CARD_H / 2, taken)
        return Spot(card_id, self._model, zone, x, y)

    def drop_spots(self, dropped: Iterable[tuple[str, float, float]], pointer: QPointF) -> list[Spot]:
        assert self._document is not None
        return drop_spots(self.model_layout(), self._document, self.cards.members, dropped, (pointer.x(), pointer.y()))

    def capture_offset(self, zone: str, pos: QPointF) -> tuple[float, float]:
        """The free slot nearest to a double-click in `zone`, as an offset from the zone's content origin."""
        assert self._document is not None
        taken = occupied_in(self._document, self._model, self.cards.members, zone, ())
        return snap(self.model_layout(), zone, pos.x() - CARD_W / 2, pos.y() - CARD_H / 2, taken)

    # -- level of detail -------------------------------------------------------------------------------------

    def set_detail(self, detail: bool) -> None:
        """Cards one by one (True) or the batched overview (False); the view decides from its zoom."""
        self.cards.set_detail(detail)

    def view_zoom(self) -> float:
        views = self.views()
        return views[0].transform().m11() if views else 1.0

    # -- feedback for gestures -------------------------------------------------------------------------------

    def show_drop_target(self, pos: QPointF | None) -> None:
        zone = self.zone_at(pos) if pos is not None else None
        if zone == self._drop_target or self._backdrop is None:
            return
        for zone_id, on in ((self._drop_target, False), (zone, True)):
            if zone_id is not None and zone_id in self._backdrop.zones:
                self._backdrop.zones[zone_id].set_target(on)
        self._drop_target = zone

    def mark_flow_target(self, card_id: str | None, on: bool) -> None:
        item = self.cards.get(card_id) if card_id is not None else None
        if item is not None:
            item.set_marks(focused=on or card_id == self._focus)

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:
        """Card tooltips are asked for here rather than set on 50,000 items up front."""
        card_id = self.card_at(event.scenePos())
        item = self.cards.get(card_id) if card_id is not None else None
        if item is not None:
            QToolTip.showText(event.screenPos(), item.tooltip(), event.widget())
            event.accept()
            return
        super().helpEvent(event)

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


def _same_geometry(a: ModelLayout, b: ModelLayout) -> bool:
    return a.bounds == b.bounds and a.zones == b.zones and a.headers == b.headers
