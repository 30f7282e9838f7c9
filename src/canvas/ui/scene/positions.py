"""Where every shown card is, in arrays: hit tests and rubber-band queries in microseconds at 50,000 cards.

The scene answers "which card is under the mouse" and "which cards are in this rectangle" from here rather than
from Qt's item index, because when zoomed far out the card items are hidden (the overview draws them in one batch)
and hidden items are invisible to Qt's hit tests.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import numpy.typing as npt

from canvas.core.layout import CARD_H, CARD_W


class CardPositions:
    """Top-left corners of shown cards, by card id. Cards not shown (unplaced in this model) are not found."""

    def __init__(self, capacity: int = 1024) -> None:
        self._xs: npt.NDArray[np.float64] = np.zeros(capacity)
        self._ys: npt.NDArray[np.float64] = np.zeros(capacity)
        self._shown: npt.NDArray[np.bool_] = np.zeros(capacity, dtype=bool)
        self._slot: dict[str, int] = {}
        self._ids: list[str | None] = [None] * capacity
        self._free: list[int] = []
        self._used = 0

    def __len__(self) -> int:
        return int(self._shown.sum())

    def __contains__(self, card_id: object) -> bool:
        slot = self._slot.get(card_id) if isinstance(card_id, str) else None
        return slot is not None and bool(self._shown[slot])

    def put(self, card_id: str, x: float, y: float) -> None:
        """Show `card_id` with its top-left corner at (x, y)."""
        slot = self._slot.get(card_id)
        if slot is None:
            slot = self._new_slot(card_id)
        self._xs[slot] = x
        self._ys[slot] = y
        self._shown[slot] = True

    def put_many(self, positions: Mapping[str, tuple[float, float]]) -> None:
        for card_id, (x, y) in positions.items():
            self.put(card_id, x, y)

    def hide(self, card_id: str) -> None:
        slot = self._slot.get(card_id)
        if slot is not None:
            self._shown[slot] = False

    def hide_all(self) -> None:
        self._shown[:] = False

    def remove(self, card_id: str) -> None:
        slot = self._slot.pop(card_id, None)
        if slot is not None:
            self._shown[slot] = False
            self._ids[slot] = None
            self._free.append(slot)

    def position(self, card_id: str) -> tuple[float, float] | None:
        slot = self._slot.get(card_id)
        if slot is None or not self._shown[slot]:
            return None
        return float(self._xs[slot]), float(self._ys[slot])

    def at(self, x: float, y: float) -> str | None:
        """The card drawn under scene point (x, y), or None. Cards do not overlap in grids; in a network the most
        recently shown one wins, as it is drawn on top."""
        n = self._used
        xs, ys = self._xs[:n], self._ys[:n]
        hits = np.flatnonzero(self._shown[:n] & (xs <= x) & (x < xs + CARD_W) & (ys <= y) & (y < ys + CARD_H))
        if hits.size == 0:
            return None
        return self._ids[int(hits[-1])]

    def within(self, left: float, top: float, right: float, bottom: float) -> list[str]:
        """Cards that share some area with the rectangle (left, top)–(right, bottom)."""
        n = self._used
        xs, ys = self._xs[:n], self._ys[:n]
        hits = np.flatnonzero(
            self._shown[:n] & (xs < right) & (left < xs + CARD_W) & (ys < bottom) & (top < ys + CARD_H)
        )
        ids = self._ids
        return [card_id for card_id in (ids[int(i)] for i in hits) if card_id is not None]

    def bounds(self, card_ids: Iterable[str] | None = None) -> tuple[float, float, float, float] | None:
        """(left, top, right, bottom) around the given shown cards (all shown cards if None), or None if none."""
        n = self._used
        if card_ids is None:
            mask = self._shown[:n]
        else:
            slots = [s for s in (self._slot.get(card_id) for card_id in card_ids) if s is not None]
            mask = np.zeros(n, dtype=bool)
            mask[slots] = True
            mask &= self._shown[:n]
        if not mask.any():
            return None
        xs, ys = self._xs[:n][mask], self._ys[:n][mask]
        return float(xs.min()), float(ys.min()), float(xs.max() + CARD_W), float(ys.max() + CARD_H)

    def _new_slot(self, card_id: str) -> int:
        if self._free:
            slot = self._free.pop()
        else:
            if self._used == len(self._xs):
                self._grow()
            slot = self._used
            self._used += 1
        self._slot[card_id] = slot
        self._ids[slot] = card_id
        return slot

    def _grow(self) -> None:
        size = len(self._xs) * 2
        self._xs = np.resize(self._xs, size)
        self._ys = np.resize(self._ys, size)
        shown = np.zeros(size, dtype=bool)
        shown[: len(self._shown)] = self._shown
        self._shown = shown
        self._ids.extend([None] * (size - len(self._ids)))
