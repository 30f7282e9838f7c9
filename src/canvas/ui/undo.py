"""The one undo command: it wraps any core edit. The first redo applies the edit; later steps replay change sets.

Consecutive moves of the same cards merge into one step (like Qt's undo example), and so do consecutive nudges of
one number field of one card (the arrows of a spin box), so the history reads as a person would tell it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from canvas.core.document import Change, ChangeSet
from canvas.core.edits import Edit, EditCard, EditError, PlaceCards, Restore
from canvas.core.model import Placement

#: Applies an edit to the document and the store, tells the views, and returns what changed (EditError if not).
Perform = Callable[[Edit], ChangeSet]
#: Hears about an edit, undo or redo that could not be done, with a message for the person.
Complain = Callable[[str], None]

_MOVE = 1
_NUMBER = 2
#: Fields edited with spin-box arrows: several clicks in a row are one step.
_NUMBER_FIELDS = frozenset({"importance", "satisfaction", "votes", "emotion"})


def compose(first: ChangeSet, second: ChangeSet) -> ChangeSet:
    """One change set doing `first` then `second`: per record, the first `before` and the last `after`."""
    merged: dict[tuple[str, str], Change] = {}
    for change in (*first, *second):
        key = (change.table, change.key)
        earlier = merged.get(key)
        merged[key] = change if earlier is None else Change(change.table, change.key, earlier.before, change.after)
    return ChangeSet(tuple(merged.values()))


def _is_move(edit: Edit, changes: ChangeSet) -> bool:
    """A PlaceCards that only moved cards already placed (placing from the tray is a step of its own)."""
    if not isinstance(edit, PlaceCards) or not changes:
        return False
    return all(
        change.table == Placement.table
        and isinstance(change.before, Placement)
        and not change.before.deleted
        and isinstance(change.after, Placement)
        for change in changes
    )


def _merge_signature(edit: Edit, changes: ChangeSet) -> tuple[int, object] | None:
    if _is_move(edit, changes):
        assert isinstance(edit, PlaceCards)
        return _MOVE, frozenset((spot.card_id, spot.model) for spot in edit.spots)
    if isinstance(edit, EditCard) and len(edit.changes) == 1 and set(edit.changes) <= _NUMBER_FIELDS:
        return _NUMBER, (edit.card_id, *edit.changes)
    return None


class EditCommand(QUndoCommand):
    """Any edit on the undo stack. Pushing it applies the edit; if the edit fails or changes nothing it is
    marked obsolete, and QUndoStack drops it instead of recording a step that did nothing."""

    def __init__(self, edit: Edit, perform: Perform, complain: Complain) -> None:
        super().__init__(edit.label)
        self._edit = edit
        self._perform = perform
        self._complain = complain
        self._changes: ChangeSet | None = None
        self._signature: tuple[int, object] | None = None
        #: The message of the EditError that stopped the first redo, for the caller of push().
        self.error: str | None = None

    @property
    def changes(self) -> ChangeSet:
        """What this step changed (empty until it was applied)."""
        return self._changes or ChangeSet()

    def redo(self) -> None:
        if self._changes is None:
            try:
                self._changes = self._perform(self._edit)
            except EditError as error:
                self.error = str(error)
                self.setObsolete(True)
                return
            if not self._changes:
                self.setObsolete(True)
            self._signature = _merge_signature(self._edit, self._changes)
            return
        self._replay(Restore(self._changes, name=f"Redo {self.text()}"))

    def undo(self) -> None:
        self._replay(Restore(self.changes.inverted(), name=f"Undo {self.text()}"))

    def _replay(self, restore: Restore) -> None:
        try:
            self._perform(restore)
        except EditError as error:
            # The step no longer fits the canvas; dropping it is better than leaving a step that always fails.
            self.setObsolete(True)
            self._complain(f"Could not {restore.label.lower()}: {error}")

    def id(self) -> int:
        return -1 if self._signature is None else self._signature[0]

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand) or other._signature is None:
            return False
        if other._signature != self._signature:
            return False
        self._changes = compose(self.changes, other.changes)
        return True
