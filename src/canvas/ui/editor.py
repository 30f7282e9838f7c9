"""Arranging cards from menus, keys and canvas gestures: each becomes one edit through the controller.

Delete, duplicate, cut, copy and paste (as JSON text, so cards travel between canvases and windows), select all,
draw a flow between two actors, and the scene's own gestures (a drag, an in-place title, a flow drawn by mouse).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QPointF, Signal
from PySide6.QtGui import QGuiApplication

from canvas.core.edits import AddLink, Batch, DeleteCards, DeleteLinks, EditCard, PlaceCards, Spot
from canvas.core.model import Link
from canvas.ui.clipboard import Clip, cards_to_text, clip_from_text, paste_edit
from canvas.ui.controller import Controller


class CanvasEditor(QObject):
    """Knows what is selected (in the order it was selected) and turns requests into edits."""

    #: list[str]: cards the editor wants selected (after a paste or duplicate).
    selectRequested = Signal(list)
    #: str: a flow was just drawn; the inspector shows it so the person can type its label.
    flowDrawn = Signal(str)
    #: str: a hint for the status bar.
    hint = Signal(str)

    def __init__(self, controller: Controller, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._selected: list[str] = []
        self._link: str | None = None
        controller.documentReplaced.connect(lambda _document: self.set_selection([]))

    # -- selection -------------------------------------------------------------------------------------------

    @property
    def selected(self) -> list[str]:
        """Selected live cards, in the order they were selected."""
        document = self._controller.document
        return [card_id for card_id in self._selected if document.card(card_id) is not None]

    def set_selection(self, card_ids: Sequence[str]) -> None:
        # Sets, not lists: "select all" on a big canvas hands over thousands of ids.
        wanted = set(card_ids)
        kept = [card_id for card_id in self._selected if card_id in wanted]
        known = set(kept)
        self._selected = kept + [card_id for card_id in card_ids if card_id not in known]
        if card_ids:
            self._link = None

    def set_link(self, link_id: str) -> None:
        self._link = link_id

    # -- the scene's gestures --------------------------------------------------------------------------------

    def move(self, spots: Sequence[Spot]) -> None:
        if spots:
            self._controller.do(PlaceCards(tuple(spots)))

    def retitle(self, card_id: str, title: str) -> None:
        if title.strip():
            self._controller.do(EditCard(card_id, {"title": title.strip()}))

    def draw_flow_between(self, source: str, target: str) -> None:
        link = Link(source=source, target=target, tangible=True)
        if self._controller.do(AddLink(link)):
            self.flowDrawn.emit(link.id)

    # -- menu actions ----------------------------------------------------------------------------------------

    def draw_flow(self) -> None:
        """A flow from the first selected card to the second (keyboard path: Ctrl+click two actors, Ctrl+L)."""
        spec = self._controller.model_spec
        if spec is None or spec.network is None:
            self.hint.emit("Flows are drawn between actors in a value-exchange model.")
            return
        selected = self.selected
        if len(selected) != 2:
            self.hint.emit("Select two actors (the giver first, then Ctrl+click the receiver), then Draw flow.")
            return
        self.draw_flow_between(selected[0], selected[1])

    def delete(self) -> None:
        selected = self.selected
        if selected:
            self._controller.do(DeleteCards(tuple(selected)))
        elif self._link is not None:
            link, self._link = self._link, None
            self._controller.do(DeleteLinks((link,)))

    def copy(self) -> bool:
        selected = self.selected
        if not selected:
            self.hint.emit("Select the cards to copy first.")
            return False
        QGuiApplication.clipboard().setText(cards_to_text(self._controller.document, selected))
        count = len(selected)
        self.hint.emit(f"Copied {count} card{'s' if count != 1 else ''}: paste them here or on another canvas.")
        return True

    def cut(self) -> None:
        selected = self.selected
        if selected and self.copy():
            count = len(selected)
            name = "Cut card" if count == 1 else f"Cut {count} cards"
            self._controller.do(Batch([DeleteCards(tuple(selected))], name=name))

    def paste(self, at: QPointF | None) -> None:
        """Paste the clipboard's cards (or its lines of text, one card each) where the mouse points."""
        clip = clip_from_text(QGuiApplication.clipboard().text())
        if clip is None:
            self.hint.emit("The clipboard holds no cards or text to paste.")
            return
        self._add(clip, at, "Paste")

    def duplicate(self) -> None:
        selected = self.selected
        if not selected:
            self.hint.emit("Select the cards to duplicate first.")
            return
        clip = clip_from_text(cards_to_text(self._controller.document, selected))
        if clip is not None:
            self._add(clip, None, "Duplicate")

    def _add(self, clip: Clip, at: QPointF | None, name: str) -> None:
        controller = self._controller
        anchor = None if at is None else (at.x(), at.y())
        edit, new_ids = paste_edit(controller.document, controller.catalog, clip, controller.model, anchor, name)
        if controller.do(edit):
            self.selectRequested.emit(new_ids)

    def select_all(self) -> None:
        self.selectRequested.emit(list(self._controller.document.placements_in(self._controller.model)))
