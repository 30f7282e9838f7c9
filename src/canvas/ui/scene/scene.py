"""The canvas scene: a document seen through one model from one side, kept in step with the document's change sets.

The scene shows a document's cards once (`show_document`; an item is made per card when first needed), moves the
same items when the model changes (`flip_to`), and updates only what a change set touched (`apply_changes`).
Gestures become signals with plain data; the scene never edits the document.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from PySide6.QtCore import QObject, QPointF, QTimer, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QGraphicsScene,
    QGraphicsView,
)

from canvas.core.catalog import Catalog
from canvas.core.document import ChangeSet, Document
from canvas.core.edits import Spot
from canvas.core.frameworks import ModelSpec
from canvas.core.layout import CARD_H, CARD_W, ModelLayout, keeps_geometry, layout_model
from canvas.core.model import Card, ModelSettings, Placement, Side
from canvas.ui.scene.annotations import Annotator
from canvas.ui.scene.cards import CardLayer, Dims
from canvas.ui.scene.dropping import capture_offset, drop_spot, drop_spots
from canvas.ui.scene.events import GestureRouter
from canvas.ui.scene.flip import ANIMATE_MAX
from canvas.ui.scene.flows import FlowLayer
from canvas.ui.scene.items.backdrop import Backdrop, Backdrops, qrect, same_geometry
from canvas.ui.scene.marks import Marks
from canvas.ui.scene.plans import Plan, Plans
from canvas.ui.scene.sides import dims_card
from canvas.ui.scene.style import Style
from canvas.ui.scene.surface import SceneSurface

#: Room around the model to pan into, so a card at the edge can still be brought to the middle of the window.
MARGIN = 1600.0


class CanvasScene(SceneSurface):
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
        self._plans = Plans()
        self._backdrops = Backdrops(self._backdrop_changed)
        self.cards = CardLayer(self, self.look)
        self.flows = FlowLayer(self, self.look)
        self._annotator = Annotator()
        self._marks = Marks(self.cardSelectionChanged.emit, self.linkSelected.emit)
        self._drop_target: str | None = None
        self._tidy_pending = False
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
        """What draws the current model's zones and headers (behind the cards)."""
        return self._backdrops.current

    def model_layout(self) -> ModelLayout:
        if self._layout is None:
            raise RuntimeError("the scene shows no document yet: call show_document first")
        return self._layout

    def show_document(self, document: Document, model: str, side: Side | None = None) -> None:
        """Show the live cards (items are made as views need them, cards.py) and `model` from `side`."""
        spec = self._spec_for(model)
        self.cancel_gesture()
        self._router.drop_editor()
        self.flows.clear()
        self._backdrops.clear()
        self._marks.reset()
        self._document, self._side, self._spec, self._model = document, side, spec, model
        self._plans.clear()
        plan = self._lay_out()
        self.cards.build(document.live_cards(), plan.targets, self._dims())
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
        plan = self._lay_out()
        self.cards.arrange(plan.targets, animate=animate, dims=self._dims())
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
        self._plans.clear()
        document, spec = self._document, self._spec
        if document is not None and spec is not None:
            plan = self._lay_out()
            self.cards.build(document.live_cards(), plan.targets, self._dims())
            self._refresh(document, spec, dim=())
            self._marks.reapply(self.cards, self.flows)

    def _spec_for(self, model: str) -> ModelSpec:
        spec = self._catalog.get(model)
        if spec is None:
            known = ", ".join(self._catalog.models) or "none"
            raise ValueError(f"there is no model '{model}' in the catalog (known models: {known})")
        return spec

    def _lay_out(self) -> Plan:
        """Lay the current model out from the document (or take the plan kept since the last edit touching it) and
        show its backdrop (rebuilt only if zones moved)."""
        document, spec, model = self._document, self._spec, self._model
        assert document is not None and spec is not None
        plan = self._plans.get(
            document,
            model,
            lambda: layout_model(spec, document.model_settings(model), document.placements_in(model)),
        )
        layout = plan.layout
        emotion_row = spec.grid.emotion_row if spec.grid is not None else None
        self._backdrops.show(layout, self.look, emotion_row)
        bounds = qrect(layout.bounds)
        self.setSceneRect(bounds.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN))
        self.cards.set_bounds(bounds)
        self._layout = layout
        return plan

    def _refresh(self, document: Document, spec: ModelSpec, dim: Collection[str] | None) -> None:
        """After cards moved: flows, empty zones, the other side's dimming (of the cards in `dim`; None: all)
        and what the model says."""
        self.flows.sync(document, self.cards, active=spec.network is not None)
        backdrop = self._backdrops.current
        assert backdrop is not None
        backdrop.set_occupancy(self.cards.members)
        self._apply_side(dim)
        # The cards to dim again are the cards an edit touched; none (a flip, a relayout) means look at everything.
        self._annotator.refresh(document, spec, self.cards, backdrop, self.flows.items, touched=dim or None)

    def _dims(self) -> Dims | None:
        """Which cards the current side dims (None: no side chosen, nothing is dimmed)."""
        layout, side = self._layout, self._side
        if side is None or layout is None:
            return None
        return lambda card, zone: dims_card(layout, card, zone, side)

    def _apply_side(self, card_ids: Collection[str] | None = None) -> None:
        backdrop, layout, side = self._backdrops.current, self._layout, self._side
        if backdrop is None or layout is None:
            return
        backdrop.set_side(side)
        if card_ids is None or card_ids:
            self.cards.set_dimmed(lambda card, zone: dims_card(layout, card, zone, side), card_ids)

    # -- following the document ------------------------------------------------------------------------------

    def apply_changes(self, changes: ChangeSet) -> None:
        """Update the items whose records changed (the document already holds the new records)."""
        document, spec = self._document, self._spec
        if document is None or spec is None or not changes:
            return
        self.cancel_gesture()
        dropped = self._plans.forget(changes)
        if dropped:
            # Freed after the frame, not while the person waits for the card to land (~25 ms at 50,000 cards).
            QTimer.singleShot(0, dropped.clear)
        placed: set[str] = set()
        gone: set[str] = set()
        relayout = arranged = settings = False
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
                elif self.cards.card(change.key) != card:
                    self.cards.set_card(card)
                    placed.add(card.id)  # its voice may have changed: dim it again
            elif change.table == Placement.table:
                record = change.after or change.before
                if isinstance(record, Placement) and record.model == self._model:
                    placed.add(record.card_id)
                    relayout = True
            elif change.table == ModelSettings.table and change.key == self._model:
                relayout = settings = True
        if relayout:
            layout = self._layout
            if settings or layout is None or self._outgrown(layout, placed):
                arranged = self._relayout()
            else:
                # Nothing grew: place the cards now and let the zones they left shrink a moment later (if they may:
                # a drop away from the edges changes no zone), so a drop at 50,000 cards costs ~1 ms here instead
                # of a full layout (~50 ms) and its targets (~80 ms).
                self.cards.follow(document.placements_in(self._model), layout, placed)
                if not keeps_geometry(layout, changes, self.cards.members):
                    self._tidy_soon()
        self._refresh(document, spec, dim=() if arranged else placed)
        if gone:
            self._marks.forget(self.cards, self.flows, gone)
            editor = self._router.editor
            if editor is not None and editor.card_id in gone:
                self._router.drop_editor()

    def _relayout(self) -> bool:
        """Lay the model out again; if zones moved or grew, move every card (True), else nothing moved (False)."""
        document, old = self._document, self._layout
        assert document is not None
        plan = self._lay_out()
        if old is not None and same_geometry(old, plan.layout):
            return False
        self.cards.arrange(plan.targets, animate=False, dims=self._dims())
        return True

    def _outgrown(self, layout: ModelLayout, card_ids: Iterable[str]) -> bool:
        """True if one of these cards now reaches beyond its zone's content, or sits in a zone not drawn."""
        assert self._document is not None
        for card_id in card_ids:
            placement = self._document.placement(card_id, self._model)
            if placement is None:
                continue
            zone = layout.zones.get(placement.zone)
            if zone is None:
                return True
            content = zone.content
            if max(placement.x, 0.0) + CARD_W > content.w + 0.5 or max(placement.y, 0.0) + CARD_H > content.h + 0.5:
                return True
        return False

    def _tidy_soon(self) -> None:
        if not self._tidy_pending:
            self._tidy_pending = True
            QTimer.singleShot(0, self._tidy)

    def _tidy(self) -> None:
        """Shrink zones that cards have left (and grow a network's margin): the full layout, a moment later."""
        self._tidy_pending = False
        document, spec = self._document, self._spec
        if document is not None and spec is not None and self._layout is not None and self._relayout():
            self._refresh(document, spec, dim=())

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

    # -- where cards land ------------------------------------------------------------------------------------

    def drop_spot(self, card_id: str, pos: QPointF) -> Spot:
        """Where a card dropped with its centre at `pos` lands: the zone there (or the nearest), in a free slot."""
        assert self._document is not None
        members, positions = self.cards.members, self.cards.positions
        return drop_spot(self.model_layout(), self._document, members, card_id, (pos.x(), pos.y()), positions)

    def drop_spots(self, dropped: Iterable[tuple[str, float, float]], pointer: QPointF) -> list[Spot]:
        """Spots for cards dropped with their top-left corners at scene points (one drag of many cards)."""
        assert self._document is not None
        members, positions = self.cards.members, self.cards.positions
        return drop_spots(self.model_layout(), self._document, members, dropped, (pointer.x(), pointer.y()), positions)

    def capture_offset(self, zone: str, pos: QPointF) -> tuple[float, float]:
        """The free slot nearest to a double-click in `zone`, as an offset from the zone's content origin."""
        assert self._document is not None
        members, positions = self.cards.members, self.cards.positions
        return capture_offset(self.model_layout(), self._document, members, zone, (pos.x(), pos.y()), positions)

    def mark_flow_target(self, card_id: str | None, on: bool) -> None:
        item = self.cards.get(card_id) if card_id is not None else None
        if item is not None:
            item.set_marks(focused=on or card_id == self._marks.focus)
