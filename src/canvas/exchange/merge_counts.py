"""Counting what a merge did as a person reads it: cards and links added, updated (or moved) and deleted."""

from __future__ import annotations

from canvas.core.document import Change
from canvas.core.model import Card, Link, Placement, Record


def _same_content(change: Change) -> bool:
    return change.before is not None and change.after is not None and change.before.same_content(change.after)


def _live(record: Record | None) -> bool:
    return record is not None and not record.deleted


class MergeCounts:
    """Counts as a person reads them: cards and links added, updated (incl. moved) and deleted.

    Placements count as an update of their card; a card's placements and links do not count again when the card
    itself is added or deleted (but a new link between new cards is added); cards in conflict, their conflict
    copies and the links between them are reported as conflicts instead; the canvas record and model settings of a
    canvas new to the store are part of adding it.
    """

    def __init__(self, conflicted: set[str], *, new_canvas: bool) -> None:
        #: Cards in conflict and their conflict copies: counted as conflicts, not as added, updated or deleted.
        self.conflicted = conflicted
        self.new_canvas = new_canvas
        self.cards_added: set[str] = set()
        self.cards_deleted: set[str] = set()
        self.cards_updated: set[str] = set()
        self.moved: set[str] = set()
        self.other_updated = 0
        self.link_changes: list[Change] = []

    def add(self, change: Change) -> None:
        was, now = _live(change.before), _live(change.after)
        if was and now and _same_content(change):
            return  # only the revision changed (a merged revision of identical versions): nothing to see
        if change.table == Card.table:
            if change.key in self.conflicted:
                return
            if now and not was:
                self.cards_added.add(change.key)
            elif was and not now:
                self.cards_deleted.add(change.key)
            elif was and now:
                self.cards_updated.add(change.key)
        elif change.table == Placement.table:
            record = change.after or change.before
            assert isinstance(record, Placement)
            if was or now:
                self.moved.add(record.card_id)
        elif change.table == Link.table:
            self.link_changes.append(change)
        elif (was or now) and not self.new_canvas:
            self.other_updated += 1

    def _links(self) -> dict[str, int]:
        counts = {"added": 0, "updated": 0, "deleted": 0}
        touched = self.cards_added | self.cards_deleted
        for change in self.link_changes:
            record = change.after or change.before
            assert isinstance(record, Link)
            ends = {record.source, record.target}
            if ends & self.conflicted:
                continue
            was, now = _live(change.before), _live(change.after)
            if now and not was:
                counts["added"] += 1
            elif ends & touched:
                continue
            elif was and not now:
                counts["deleted"] += 1
            elif was and now and not _same_content(change):
                counts["updated"] += 1
        return counts

    @property
    def added(self) -> int:
        return len(self.cards_added) + self._links()["added"]

    @property
    def updated(self) -> int:
        moved = self.moved - self.cards_added - self.cards_deleted - self.conflicted
        return len(self.cards_updated | moved) + self._links()["updated"] + self.other_updated

    @property
    def deleted(self) -> int:
        return len(self.cards_deleted) + self._links()["deleted"]
