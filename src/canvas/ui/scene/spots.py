"""Where a model puts the cards, in the form a flip uses it: worked out once per model and kept with its targets.

A flip at 50,000 cards spent most of its time in one Python pass that looked up every card's target, grouped the
cards by zone and gathered the arrays of the position index, on every flip. All of that depends only on the
model's targets, which are kept per model until an edit touches them (plans.py), so it is kept with them; what a
flip still does per card is set the zone and spot of the cards that have an item (cards.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from operator import itemgetter

import numpy as np
import numpy.typing as npt

from canvas.core.model import Card

#: Where one card goes in the current model: zone id and its top-left scene point.
Target = tuple[str, float, float]


class Targets(dict[str, Target]):
    """The targets of one model by card id. Never changed once made, so the `Spots` worked out from them stay
    true for as long as the same cards are shown."""

    _spots: Spots | None = None

    def spots(self, cards: Mapping[str, Card]) -> Spots:
        """These targets for the live cards in `cards` (worked out the first time, and again if the cards differ)."""
        spots = self._spots
        if spots is None or spots.cards_of is not cards or spots.count != len(cards):
            spots = self._spots = Spots.of(self, cards)
        return spots


@dataclass(slots=True, eq=False)
class Spots:
    """The cards of `cards_of` that have a target, in one order: their ids and targets, x and y arrays and slot
    numbers (a `CardPositions` index in one go), and their ids by zone."""

    cards_of: Mapping[str, Card]
    count: int
    ids: list[str]
    targets: list[Target]
    xs: npt.NDArray[np.float64]
    ys: npt.NDArray[np.float64]
    slots: dict[str, int]
    members: dict[str, list[str]]
    _colours: list[int] | None = None
    _colours_at: object = None

    def colours(self, stamp: object, work_out: Callable[[Spots], list[int]]) -> list[int]:
        """Each card's overview colour number, worked out (`work_out`) again only when `stamp` changed, i.e. after a
        card's overview colour changed (reading 50,000 cards' colours costs ~20 ms on a slow machine)."""
        if self._colours is None or self._colours_at != stamp:
            self._colours = work_out(self)
            self._colours_at = stamp
        return self._colours

    @classmethod
    def of(cls, targets: Mapping[str, Target], cards: Mapping[str, Card]) -> Spots:
        if cards.keys() >= targets.keys():
            # Every target is a live card's (the usual case): no card to leave out.
            ids = list(targets)
            chosen = list(targets.values())
        else:
            ids = [card_id for card_id in targets if card_id in cards]
            chosen = [targets[card_id] for card_id in ids]
        by_zone: defaultdict[str, list[str]] = defaultdict(list)
        for card_id, (zone, _, _) in zip(ids, chosen, strict=True):
            by_zone[zone].append(card_id)
        members = dict(by_zone)
        count = len(chosen)
        return cls(
            cards_of=cards,
            count=len(cards),
            ids=ids,
            targets=chosen,
            xs=np.fromiter(map(_x, chosen), dtype=np.float64, count=count),
            ys=np.fromiter(map(_y, chosen), dtype=np.float64, count=count),
            slots=dict(zip(ids, range(count), strict=True)),
            members=members,
        )


_x = itemgetter(1)
_y = itemgetter(2)
