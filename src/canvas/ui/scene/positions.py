"""Where every shown card is, in arrays: hit tests, rubber-band queries and the zoomed-out overview at 50,000 cards
without a Python loop over the cards.

The scene answers "which card is under the mouse" and "which cards are in this rectangle" from here rather than
from Qt's item index, because when zoomed far out the card items are hidden (the overview draws them in one batch)
and hidden items are invisible to Qt's hit tests.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

import numpy as np
import numpy.typing as npt

from canvas.core.layout import CARD_H, CARD_W


class CardPositions:
    """Top-left corners (and overview colour numbers) of shown cards, by card id. Unshown cards are not found."""

    def __init__(self, capacity: int = 1024) -> None:
        capacity = max(capacity, 1)
        self.xs: npt.NDArray[np.float64] = np.zeros(capacity)
        self.ys: npt.NDArray[np.float64] = np.zeros(capacity)
        self.shown: npt.NDArray[np.bool_] = np.zeros(capacity, dtype=bool)
        self._colours: npt.NDArray[np.int32] = np.zeros(capacity, dtype=np.int32)
        #: Colours not worked out yet (`of`): the first `_pending[0]` slots' colours, and later writes by slot.
        self._pending: tuple[int, Callable[[], Sequence[int]]] | None = None
        self._later: dict[int, int] = {}
        self._slot: dict[str, int] = {}
        self._ids: list[str | None] = [None] * capacity
        self._free: list[int] = []
        #: Slots in use are 0…used-1 (some may be free or unshown).
        self.used = 0

    @classmethod
    def of(
        cls,
        ids: Sequence[str],
        xs: Sequence[float] | npt.NDArray[np.float64],
        ys: Sequence[float] | npt.NDArray[np.float64],
        colours: Sequence[int] | Callable[[], Sequence[int]],
        capacity: int = 0,
        slots: Mapping[str, int] | None = None,
    ) -> CardPositions:
        """An index showing exactly these cards, built in one go (`slots`, if given, is each id's place in `ids`).
        `colours` may be a function giving them: it is called when the colours are first read, which is only when
        the overview draws (working out 50,000 cards' colours as a canvas opens zoomed in cost ~30 ms)."""
        count = len(ids)
        index = cls(max(capacity, count, 1024))
        index.xs[:count] = xs
        index.ys[:count] = ys
        if callable(colours):
            index._pending = (count, colours)
        else:
            index._colours[:count] = colours
        index.shown[:count] = True
        index._ids[:count] = ids
        index._slot = dict(slots) if slots is not None else {card_id: slot for slot, card_id in enumerate(ids)}
        index.used = count
        return index

    @property
    def colours(self) -> npt.NDArray[np.int32]:
        """Overview colour number per slot (an index into the overview's palette)."""
        pending = self._pending
        if pending is not None:
            self._pending = None
            count, work_out = pending
            self._colours[:count] = work_out()
            for slot, colour in self._later.items():
                self._colours[slot] = colour
            self._later.clear()
        return self._colours

    def _set_colour(self, slot: int, colour: int) -> None:
        # While the colours wait to be worked out, a write waits too (they are worked out from the cards as they
        # are then, so a write of the same card agrees; a slot given to another card keeps its new colour).
        if self._pending is not None:
            self._later[slot] = colour
        else:
            self._colours[slot] = colour

    def __len__(self) -> int:
        return int(self.shown[: self.used].sum())

    def __contains__(self, card_id: object) -> bool:
        slot = self._slot.get(card_id) if isinstance(card_id, str) else None
        return slot is not None and bool(self.shown[slot])

    def put(self, card_id: str, x: float, y: float, colour: int | None = None) -> None:
        """Show `card_id` with its top-left corner at (x, y)."""
        slot = self._slot.get(card_id)
        if slot is None:
            slot = self._new_slot(card_id)
        self.xs[slot] = x
        self.ys[slot] = y
        self.shown[slot] = True
        if colour is not None:
            self._set_colour(slot, colour)

    def set_colour(self, card_id: str, colour: int) -> None:
        slot = self._slot.get(card_id)
        if slot is not None:
            self._set_colour(slot, colour)

    def hide(self, card_id: str) -> None:
        slot = self._slot.get(card_id)
        if slot is not None:
            self.shown[slot] = False

    def remove(self, card_id: str) -> None:
        slot = self._slot.pop(card_id, None)
        if slot is not None:
            self.shown[slot] = False
            self._ids[slot] = None
            self._free.append(slot)

    def position(self, card_id: str) -> tuple[float, float] | None:
        slot = self._slot.get(card_id)
        if slot is None or not self.shown[slot]:
            return None
        return float(self.xs[slot]), float(self.ys[slot])

    def at(self, x: float, y: float) -> str | None:
        """The card drawn under scene point (x, y), or None. Cards do not overlap in grids; in a network the one
        in the highest slot wins."""
        n = self.used
        xs, ys = self.xs[:n], self.ys[:n]
        hits = np.flatnonzero(self.shown[:n] & (xs <= x) & (x < xs + CARD_W) & (ys <= y) & (y < ys + CARD_H))
        if hits.size == 0:
            return None
        return self._ids[int(hits[-1])]

    def within(self, left: float, top: float, right: float, bottom: float) -> list[str]:
        """Cards that share some area with the rectangle (left, top)–(right, bottom)."""
        n = self.used
        xs, ys = self.xs[:n], self.ys[:n]
        inside = self.shown[:n] & (xs < right) & (left < xs + CARD_W) & (ys < bottom) & (top < ys + CARD_H)
        ids = self._ids
        return [card_id for card_id in (ids[int(i)] for i in np.flatnonzero(inside)) if card_id is not None]

    def bounds(self, card_ids: Iterable[str] | None = None) -> tuple[float, float, float, float] | None:
        """(left, top, right, bottom) around the given shown cards (all shown cards if None), or None if none."""
        n = self.used
        if card_ids is None:
            mask = self.shown[:n]
        else:
            slots = [s for s in (self._slot.get(card_id) for card_id in card_ids) if s is not None]
            mask = np.zeros(n, dtype=bool)
            mask[slots] = True
            mask &= self.shown[:n]
        if not mask.any():
            return None
        xs, ys = self.xs[:n][mask], self.ys[:n][mask]
        return float(xs.min()), float(ys.min()), float(xs.max() + CARD_W), float(ys.max() + CARD_H)

    def _new_slot(self, card_id: str) -> int:
        if self._free:
            slot = self._free.pop()
        else:
            if self.used == len(self.xs):
                self._grow()
            slot = self.used
            self.used += 1
        self._slot[card_id] = slot
        self._ids[slot] = card_id
        return slot

    def _grow(self) -> None:
        size = len(self.xs) * 2
        self.xs = np.resize(self.xs, size)
        self.ys = np.resize(self.ys, size)
        self._colours = np.resize(self._colours, size)
        shown = np.zeros(size, dtype=bool)
        shown[: len(self.shown)] = self.shown
        self.shown = shown
        self._ids.extend([None] * (size - len(self._ids)))
