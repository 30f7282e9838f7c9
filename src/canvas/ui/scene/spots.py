"""Where a model puts the cards, in the form a flip uses it: worked out once per model and kept with its targets.

A flip at 50,000 cards spent most of its time in one Python pass that looked up every card's target, grouped the
cards by zone and gathered the arrays of the position index, on every flip. All of that depends only on the
model's targets, which are kept per model until an edit touches them (plans.py), so it is kept with them; what a
flip still does per card is set the item's zone and spot.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from operator import attrgetter

import numpy as np
import numpy.typing as npt

from canvas.ui.scene.items.card import CardItem

#: Where one card goes in the current model: zone id and its top-left scene point.
Target = tuple[str, float, float]


class Targets(dict[str, Target]):
    """The targets of one model by card id. Never changed once made, so the `Spots` worked out from them stay
    true for as long as the same card items exist."""

    _spots: Spots | None = None

    def spots(self, items: Mapping[str, CardItem]) -> Spots:
        """These targets for the card items in `items` (worked out the first time, and again if the items differ)."""
        spots = self._spots
        if spots is None or spots.items_of is not items or spots.count != len(items):
            spots = self._spots = Spots.of(self, items)
        return spots

    def keep(self, spots: Spots) -> None:
        """Keep `spots`, worked out from these targets elsewhere (while the items were made)."""
        self._spots = spots


_overview_key = attrgetter("overview_key")


@dataclass(slots=True, eq=False)
class Spots:
    """The cards of `items_of` that have a target, in one order: their items and targets, their ids with x and y
    arrays and slot numbers (a `CardPositions` index in one go), and their ids by zone; and the items that have
    no target (`others`)."""

    items_of: Mapping[str, CardItem]
    count: int
    items: list[CardItem]
    targets: list[Target]
    ids: list[str]
    xs: npt.NDArray[np.float64]
    ys: npt.NDArray[np.float64]
    slots: dict[str, int]
    members: dict[str, list[str]]
    others: list[CardItem]
    _colours: list[int] | None = None
    _colours_at: int = -1

    def colours(self, numbers: Mapping[str, int], number: Callable[[CardItem], int]) -> list[int]:
        """Each card's overview colour number (`numbers` by overview key, else `number`), worked out again only
        after a card's overview colour changed (reading 50,000 items' keys costs ~20 ms on a slow machine)."""
        if self._colours is None or self._colours_at != CardItem.overview_changes:
            keys = list(map(_overview_key, self.items))
            # A colour not numbered yet (all of them, as a canvas opens) is numbered once, from its first card.
            for key in set(keys).difference(numbers):
                number(self.items[keys.index(key)])
            self._colours = list(map(numbers.__getitem__, keys))
            self._colours_at = CardItem.overview_changes
        return self._colours

    @classmethod
    def of(cls, targets: Mapping[str, Target], items: Mapping[str, CardItem]) -> Spots:
        ids = [card_id for card_id in targets if card_id in items]
        chosen = [targets[card_id] for card_id in ids]
        members: dict[str, list[str]] = {}
        for card_id, target in zip(ids, chosen, strict=True):
            held = members.get(target[0])
            if held is None:
                held = members[target[0]] = []
            held.append(card_id)
        others = [item for card_id, item in items.items() if card_id not in targets]
        return cls.gathered(items, [items[card_id] for card_id in ids], chosen, ids, members, others)

    @classmethod
    def gathered(
        cls,
        items_of: Mapping[str, CardItem],
        items: list[CardItem],
        targets: list[Target],
        ids: list[str],
        members: dict[str, list[str]],
        others: list[CardItem],
    ) -> Spots:
        """Spots from the lists gathered in one pass over the cards (`ids`, `items` and `targets` in one order)."""
        count = len(targets)
        xs = np.fromiter((target[1] for target in targets), dtype=np.float64, count=count)
        ys = np.fromiter((target[2] for target in targets), dtype=np.float64, count=count)
        slots = dict(zip(ids, range(count), strict=True))
        return cls(items_of, len(items_of), items, targets, ids, xs, ys, slots, members, others)
