"""Each model's layout and card targets, kept between flips until an edit touches that model.

Flipping back and forth is the common way to look at a canvas; laying a model out and working out where each of
50,000 cards goes cost ~40 % of a flip (layout ~0.1 s, targets ~0.25 s on a slow machine). Both depend only on the
model's placements and settings, so they are kept per model and dropped when a change set touches either.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from canvas.core.document import ChangeSet, Document
from canvas.core.layout import ModelLayout
from canvas.core.model import Card, ModelSettings, Placement
from canvas.ui.scene.cards import targets_in
from canvas.ui.scene.flip import collector_paused
from canvas.ui.scene.spots import Targets


class Plan:
    """Where the cards of one model go: its layout, and each placed card's zone and top-left scene point.

    The targets are worked out when first asked for: laying a model out again after a drop (to let zones shrink)
    usually finds the same zones, and then nobody asks (50,000 targets: ~80 ms on a slow machine). A plan is
    dropped as soon as an edit touches its model's placements (`Plans.forget`), so they are still the ones the
    layout was made from."""

    __slots__ = ("_placements", "_targets", "layout")

    def __init__(self, layout: ModelLayout, placements: Mapping[str, Placement]) -> None:
        self.layout = layout
        self._placements: Mapping[str, Placement] | None = placements
        self._targets: Targets | None = None

    @property
    def targets(self) -> Targets:
        if self._targets is None:
            assert self._placements is not None
            # 50,000 new tuples right after a canvas is loaded would set off full collections (1 s instead of 0.25).
            with collector_paused():
                self._targets = targets_in(self.layout, self._placements)
            self._placements = None
        return self._targets


class Plans:
    """Plans by model for one document; `forget` what a change set touched."""

    def __init__(self) -> None:
        self._plans: dict[str, Plan] = {}
        self._document: Document | None = None

    def get(self, document: Document, model: str, lay_out: Callable[[], ModelLayout]) -> Plan:
        """The plan of `model`, made with `lay_out` if none is kept."""
        if document is not self._document:
            self._plans.clear()
            self._document = document
        plan = self._plans.get(model)
        if plan is None:
            with collector_paused():
                plan = self._plans[model] = Plan(lay_out(), document.placements_in(model))
        return plan

    def forget(self, changes: ChangeSet) -> list[Plan]:
        """Drop the plans a change set may have changed: a model's placements or settings, or any card coming or
        going (its placements come or go with it). Returns them: freeing 50,000 targets takes a while, so the
        caller lets go of them after the frame."""
        dropped: list[Plan] = []
        for change in changes:
            if not self._plans:
                break
            if change.table == Placement.table:
                record = change.after or change.before
                if isinstance(record, Placement) and record.model in self._plans:
                    dropped.append(self._plans.pop(record.model))
            elif change.table == ModelSettings.table:
                if change.key in self._plans:
                    dropped.append(self._plans.pop(change.key))
            elif change.table == Card.table and _came_or_went(change.before, change.after):
                dropped.extend(self._plans.values())
                self._plans.clear()
        return dropped

    def clear(self) -> None:
        self._plans.clear()
        self._document = None


def _came_or_went(before: object, after: object) -> bool:
    alive_before = isinstance(before, Card) and not before.deleted
    alive_after = isinstance(after, Card) and not after.deleted
    return alive_before != alive_after
