"""What the person has picked out on the canvas: the selected cards, the search matches, the focus card and the
selected flow. Kept by card id, apart from the items, so a selection survives flips, zooming out and hiding."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable

from canvas.ui.scene.cards import CardLayer
from canvas.ui.scene.flows import FlowLayer


class Marks:
    """Selection, search matches, focus and the selected flow; tells the items and the overview what to draw."""

    def __init__(self, selection_changed: Callable[[list[str]], None], link_selected: Callable[[str], None]) -> None:
        self._selection_changed = selection_changed
        self._link_selected = link_selected
        self.selection: dict[str, None] = {}
        self.highlight: set[str] = set()
        self.focus: str | None = None
        self.link: str | None = None

    def reset(self) -> None:
        self.selection, self.highlight, self.focus, self.link = {}, set(), None, None

    def select(self, cards: CardLayer, card_ids: Iterable[str]) -> None:
        wanted = {card_id: None for card_id in card_ids if card_id in cards}
        if list(wanted) == list(self.selection):
            return
        for card_id in self.selection.keys() - wanted.keys():
            cards.items[card_id].set_marks(selected=False)
        for card_id in wanted.keys() - self.selection.keys():
            cards.items[card_id].set_marks(selected=True)
        self.selection = wanted
        cards.overview.set_marks(self.selection, self.highlight)
        self._selection_changed(list(wanted))

    def set_highlight(self, cards: CardLayer, card_ids: Collection[str]) -> None:
        wanted = {card_id for card_id in card_ids if card_id in cards}
        for card_id in self.highlight - wanted:
            cards.items[card_id].set_marks(highlighted=False)
        for card_id in wanted - self.highlight:
            cards.items[card_id].set_marks(highlighted=True)
        self.highlight = wanted
        cards.overview.set_marks(self.selection, self.highlight)

    def set_focus(self, cards: CardLayer, card_id: str | None) -> None:
        if self.focus is not None and self.focus in cards:
            cards.items[self.focus].set_marks(focused=False)
        self.focus = card_id if card_id is not None and card_id in cards else None
        if self.focus is not None:
            cards.items[self.focus].set_marks(focused=True)

    def select_link(self, flows: FlowLayer, link_id: str | None) -> None:
        if link_id == self.link:
            return
        if self.link is not None and self.link in flows.items:
            flows.items[self.link].set_selected(False)
        self.link = link_id
        if link_id is not None and link_id in flows.items:
            flows.items[link_id].set_selected(True)
            self._link_selected(link_id)

    def forget(self, cards: CardLayer, flows: FlowLayer, gone: set[str]) -> None:
        """Cards were deleted (and perhaps flows with them): drop them from every mark."""
        if self.focus in gone:
            self.focus = None
        self.highlight -= gone
        if any(card_id in self.selection for card_id in gone):
            self.selection = {card_id: None for card_id in self.selection if card_id not in gone}
            self._selection_changed(list(self.selection))
        if self.link is not None and self.link not in flows.items:
            self.link = None
        cards.overview.set_marks(self.selection, self.highlight)

    def reapply(self, cards: CardLayer, flows: FlowLayer) -> None:
        """Mark freshly built items (after a change of look)."""
        for card_id in self.selection:
            cards.items[card_id].set_marks(selected=True)
        for card_id in self.highlight:
            cards.items[card_id].set_marks(highlighted=True)
        if self.focus is not None:
            cards.items[self.focus].set_marks(focused=True)
        if self.link is not None and self.link in flows.items:
            flows.items[self.link].set_selected(True)
        cards.overview.set_marks(self.selection, self.highlight)
