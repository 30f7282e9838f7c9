"""The inspector's conflict row: "In conflict with 'X'" for a card kept twice by a merge, and a way to keep one.

A merge keeps the losing version of a card changed on both sides as a copy (`conflict_of` = its twin). Keeping one
version is one undoable step: keeping the twin deletes the copies; keeping a copy gives the twin that copy's
fields and deletes the copies, so the twin's place, flows and id (which the other teammate's file knows) live on.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from canvas.core.document import ChangeSet, Document
from canvas.core.edits import Batch, DeleteCards, Edit, EditCard
from canvas.core.model import CARD_FIELDS, Card
from canvas.ui.controller import Controller

#: The fields a kept copy hands to its twin (everything a person edits, except the conflict mark itself).
_CONTENT = tuple(name for name in CARD_FIELDS if name != "conflict_of")


def twin_of(document: Document, card: Card) -> Card:
    """The card a conflict group is kept around: the card itself unless it is a live copy's twin."""
    twin = document.card(card.conflict_of) if card.conflict_of else None
    return twin if twin is not None else card


def rivals(document: Document, card: Card) -> list[Card]:
    """The other live versions competing with `card` (its twin and the twin's other copies), by title."""
    twin = twin_of(document, card)
    # Shown for every selected card: one pass over the records, without first listing 50,000 live cards.
    group = [twin, *(c for c in document.cards.values() if c.conflict_of == twin.id and not c.deleted)]
    return sorted((c for c in group if c.id != card.id), key=lambda c: (c.title.casefold(), c.id))


def keep_version(document: Document, card_id: str) -> Edit:
    """One step keeping `card_id` and dropping the versions competing with it."""
    card = document.card(card_id)
    if card is None:
        raise ValueError(f"there is no card '{card_id}' on this canvas")
    twin = twin_of(document, card)
    copies = tuple(c.id for c in document.live_cards() if c.conflict_of == twin.id)
    edits: list[Edit] = []
    if card.id != twin.id:
        content = {name: getattr(card, name) for name in _CONTENT if getattr(card, name) != getattr(twin, name)}
        if content:
            edits.append(EditCard(twin.id, content))
    if copies:
        edits.append(DeleteCards(copies))
    return Batch(edits, name=f"Keep one version of '{twin.title}'")


class CopyCount:
    """How many live cards are copies kept by a merge (`conflict_of` set): counted once per canvas when first asked
    for (a card shown in the inspector asks; opening a canvas does not: 50,000 cards took ~8 ms), then followed from
    change sets."""

    def __init__(self) -> None:
        self._value: int | None = None
        self.document: Document | None = None

    def reset(self, document: Document) -> None:
        self.document = document
        self._value = None

    @property
    def counted(self) -> bool:
        return self._value is not None

    @property
    def value(self) -> int:
        if self._value is None:
            document = self.document
            cards = document.cards.values() if document is not None else ()
            self._value = sum(1 for card in cards if card.conflict_of and not card.deleted)
        return self._value

    def follow(self, changes: ChangeSet) -> None:
        """Follow edits made since the count (before it, there is nothing to follow: it counts them)."""
        if self._value is None:
            return
        for change in changes:
            if change.table == Card.table:
                self._value += _copy(change.after) - _copy(change.before)


def _copy(record: object) -> int:
    return int(isinstance(record, Card) and record.conflict_of is not None and not record.deleted)


class ConflictRow(QWidget):
    """Shown for a single selected card that competes with another version; hidden otherwise."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictRow")
        self._controller = controller
        self._card_id: str | None = None
        self._other_id: str | None = None
        # Copies kept by a merge are rare: while a canvas has none, a selected card needs no look at the others
        # (a look at 50,000 cards per selection cost ~18 ms on a slow machine).
        self._copies = CopyCount()
        controller.documentReplaced.connect(self._copies.reset)
        controller.changed.connect(self._follow)
        self._shown: str | None = None
        self.message = QLabel(self)
        self.message.setObjectName("conflictMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.keep_this = QPushButton("Keep this version", self)
        self.keep_this.setObjectName("keepThis")
        self.keep_this.setToolTip("The other versions are deleted (one step; Undo brings them back)")
        self.keep_this.clicked.connect(lambda: self._keep(self._card_id))
        self.keep_other = QPushButton("Keep the other", self)
        self.keep_other.setObjectName("keepOther")
        self.keep_other.setToolTip("This version is deleted (one step; Undo brings it back)")
        self.keep_other.clicked.connect(lambda: self._keep(self._other_id))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.keep_this)
        buttons.addWidget(self.keep_other)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 6)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.setVisible(False)

    def show_card(self, card: Card | None) -> None:
        """Show the conflict of `card` (None: several or no cards selected)."""
        document = self._controller.document
        self._shown = card.id if card is not None else None
        if self._copies.document is not document:
            self._copies.reset(document)
        looks = card is not None and (card.conflict_of is not None or self._copies.value > 0)
        others = rivals(document, card) if card is not None and looks else []
        # Without a copy around, a card is in conflict with nothing (the copy may have been deleted by hand).
        if card is None or not others or not (card.conflict_of or any(c.conflict_of == card.id for c in others)):
            self._card_id = self._other_id = None
            self.setVisible(False)
            return
        self._card_id = card.id
        self._other_id = others[0].id if len(others) == 1 else None
        names = " and ".join(f"'{other.title}'" for other in others)
        self.message.setText(f"In conflict with {names}")
        self.keep_other.setVisible(self._other_id is not None)
        self.setVisible(True)

    def _follow(self, changes: ChangeSet) -> None:
        copies = self._copies
        if not copies.counted:
            # Not counted yet (it will count these changes too): a card shown is shown again, nothing else to do.
            if self._shown is not None:
                self.show_card(self._controller.document.card(self._shown))
            return
        before = copies.value
        copies.follow(changes)
        if copies.value != before and self._shown is not None:
            # The inspector may have asked before this count heard of the change: ask again.
            self.show_card(self._controller.document.card(self._shown))

    def _keep(self, card_id: str | None) -> None:
        if card_id is not None:
            self._controller.do(keep_version(self._controller.document, card_id))
