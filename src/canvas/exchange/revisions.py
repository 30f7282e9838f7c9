"""Deterministic revisions and ids for merging: both sides of an exchange must compute the very same records.

A merge creates records (a merged revision, a conflict copy, its link). If each side made them with random ids
and revisions, exchanging files both ways would never settle. So everything a merge creates is derived from the
revisions it merges, with a hash: the same inputs give the same record on every machine.
"""

from __future__ import annotations

import hashlib
from typing import TypeVar

from canvas.core.model import HISTORY_DEPTH, Record

R = TypeVar("R", bound=Record)


def digest(*parts: str, length: int = 16) -> str:
    """A short hex hash of `parts` (joined unambiguously)."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:length]


def edit_count(rev: str) -> int:
    """The edit counter in front of a revision ("7-3fa2c1d0" -> 7); 0 if there is none."""
    head = rev.split("-", 1)[0]
    return int(head) if head.isdigit() and len(head) < 12 else 0


def rev_order(record: Record) -> tuple[int, str]:
    """How revisions rank when two diverged versions compete: more edits first, then the revision text."""
    return edit_count(record.rev), record.rev


def ranked(first: R, second: R) -> tuple[R, R]:
    """(winner, loser) of two diverged versions of one record; symmetric in its arguments.

    A live version beats a tombstone (an edit made after a deletion keeps the record); otherwise the version
    with more edits wins, and the revision text breaks ties.
    """
    if first.deleted != second.deleted:
        return (second, first) if first.deleted else (first, second)
    return (first, second) if rev_order(first) > rev_order(second) else (second, first)


def merged(winner: R, loser: R) -> R:
    """The winner's content as a revision descending from both: importing either side again changes nothing."""
    low, high = sorted((winner.rev, loser.rev))
    rev = f"{max(edit_count(winner.rev), edit_count(loser.rev)) + 1}-{digest(low, high, length=8)}"
    history = _interleave((winner.rev, *winner.history), (loser.rev, *loser.history))
    return winner.model_copy(update={"rev": rev, "history": history})


def successor(record: R, reason: str, **changes: object) -> R:
    """`record` with `changes`, as a revision both sides derive alike (e.g. a placement orphaned by a deletion)."""
    rev = f"{edit_count(record.rev) + 1}-{digest(record.rev, reason, length=8)}"
    history = (record.rev, *record.history)[:HISTORY_DEPTH]
    return record.model_copy(update={**changes, "rev": rev, "history": history})


def first_revision(*parts: str) -> str:
    """The revision of a record a merge creates, derived from what it is made of."""
    return f"1-{digest(*parts, length=8)}"


def _interleave(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for index in range(max(len(first), len(second))):
        for history in (first, second):
            if index < len(history):
                seen.setdefault(history[index], None)
    return tuple(seen)[:HISTORY_DEPTH]
