"""Properties of merging: two copies edited apart, exchanged both ways, converge, and no card edit is lost."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from types import SimpleNamespace
from typing import Any
from unittest import mock

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from canvas.core.document import Document
from canvas.core.edits import (
    AddCard,
    AddLink,
    DeleteCards,
    DeleteLinks,
    Edit,
    EditCanvas,
    EditCard,
    EditError,
    EditLink,
    PlaceCards,
    SetColumns,
    Spot,
    UnplaceCards,
)
from canvas.core.frameworks import ModelSpec
from canvas.core.model import Card, Link, ZoneLabel
from canvas.exchange.merge import merge

from .samples import clone, through_file, workshop

ZONES = {
    "journey": ("signup.doing", "use.pains", "use.feeling"),
    "jtbd": ("push", "outcomes", "execute"),
    "value-exchange": ("network",),
}
STAGES = (
    None,
    (ZoneLabel(id="signup", label="Register"), ZoneLabel(id="use", label="Use")),
    (ZoneLabel(id="use", label="Run payroll"),),
)
words = st.sampled_from(["Payroll", "Late salary", "Tax table", "Bank", "Relief", "Accountant"])
# Coordinates a file keeps exactly (it rounds to 0.01).
coordinates = st.integers(0, 200_000).map(lambda value: value / 100)


@contextmanager
def repeatable_ids() -> Iterator[None]:
    """Ids and revisions from a counter instead of the OS's randomness, so hypothesis can replay an example.

    Which card an edit picks, and which of two diverged versions wins, depends on ids and revisions; with random
    ones every replay of a failing example would take another path.
    """
    counter = itertools.count(1)

    def token_hex(nbytes: int) -> str:
        return f"{next(counter):0{2 * nbytes}x}"

    with mock.patch("canvas.core.model.secrets", SimpleNamespace(token_hex=token_hex)):
        yield


def draw_edit(data: st.DataObject, document: Document, side: str) -> Edit:
    live = sorted(card.id for card in document.live_cards())
    links = sorted(link.id for link in document.live_links())
    choice = data.draw(
        # Edits and moves twice as likely: they are what makes two copies diverge on the same record.
        st.sampled_from(
            [
                "add",
                "edit",
                "edit",
                "delete",
                "place",
                "place",
                "unplace",
                "link",
                "relabel",
                "unlink",
                "stages",
                "rename",
            ]
        )
    )
    # Half the time one of the first two cards, so both sides often touch the same card.
    card_id = data.draw(st.sampled_from(live[:2]) | st.sampled_from(live)) if live else None
    if choice == "add" or card_id is None:
        return AddCard(Card(title=data.draw(words)))
    if choice == "edit":
        field = data.draw(st.sampled_from(["title", "notes", "importance", "tags"]))
        value: Any = {
            "title": words,
            "notes": words,
            "importance": st.integers(1, 10),
            "tags": st.lists(words, max_size=2, unique=True).map(tuple),
        }[field]
        return EditCard(card_id, {field: data.draw(value)})
    if choice == "delete":
        return DeleteCards((card_id,))
    if choice in ("place", "unplace"):
        model = data.draw(st.sampled_from(sorted(ZONES)))
        if choice == "unplace":
            return UnplaceCards((card_id,), model)
        zone = data.draw(st.sampled_from(ZONES[model]))
        return PlaceCards((Spot(card_id, model, zone, data.draw(coordinates), data.draw(coordinates)),))
    if choice == "link":
        target = data.draw(st.sampled_from(live))
        return AddLink(Link(source=card_id, target=target, label=data.draw(words)))
    if choice in ("relabel", "unlink") and links:
        link_id = data.draw(st.sampled_from(links))
        if choice == "unlink":
            return DeleteLinks((link_id,))
        return EditLink(link_id, {"label": data.draw(words), "tangible": data.draw(st.booleans())})
    if choice == "stages":
        return SetColumns("journey", data.draw(st.sampled_from(STAGES)))
    return EditCanvas({"title": f"Workshop ({side}, {data.draw(words)})"})


def edit_apart(data: st.DataObject, document: Document, side: str) -> None:
    for _ in range(data.draw(st.integers(0, 8), label=f"edits on {side}")):
        # An edit that does not apply (e.g. a link from a card to itself) is simply not made.
        with suppress(EditError):
            draw_edit(data, document, side).apply(document)


def content(card: Card) -> dict[str, Any]:
    return card.model_dump(exclude={"id", "rev", "history", "conflict_of", "deleted"})


def versions_kept(document: Document, card_id: str) -> list[dict[str, Any]]:
    """What a merged canvas still holds of one card: its own version, and any conflict copies of it."""
    return [content(c) for c in document.live_cards() if card_id in (c.id, c.conflict_of)]


def assert_no_edit_lost(origin: Document, sides: list[Document], merged: Document) -> None:
    for side in sides:
        for card in side.live_cards():
            if origin.cards.get(card.id) != card:  # added or edited on this side
                assert content(card) in versions_kept(merged, card.id), f"lost: {card.title!r}"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_two_copies_edited_apart_and_exchanged_both_ways_converge_and_keep_every_edit(
    data: st.DataObject, models: dict[str, ModelSpec]
) -> None:
    with repeatable_ids():
        exchange_in_rounds(data, models)


def exchange_in_rounds(data: st.DataObject, models: dict[str, ModelSpec]) -> None:
    mine = workshop()
    edit_apart(data, mine, "shared")
    theirs = clone(mine)
    for _ in range(data.draw(st.integers(1, 2), label="rounds")):
        origin = clone(mine)
        edit_apart(data, mine, "mine")
        edit_apart(data, theirs, "theirs")
        before = [clone(mine), clone(theirs)]
        my_file, their_file = through_file(mine, models), through_file(theirs, models)

        result = merge(mine, their_file)
        mine.apply_changes(result.changes)
        theirs.apply_changes(merge(theirs, my_file).changes)
        for conflict in result.conflicts:
            event(f"conflict in {conflict.table}")

        assert mine.snapshot() == theirs.snapshot()
        assert not merge(mine, through_file(theirs, models)).changes
        assert_no_edit_lost(origin, before, mine)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_file_passed_on_and_back_again_converges_too(data: st.DataObject, models: dict[str, ModelSpec]) -> None:
    with repeatable_ids():
        pass_on_and_back(data, models)


def pass_on_and_back(data: st.DataObject, models: dict[str, ModelSpec]) -> None:
    mine = workshop()
    theirs = clone(mine)
    origin = clone(mine)
    edit_apart(data, mine, "mine")
    edit_apart(data, theirs, "theirs")
    before = [clone(mine), clone(theirs)]

    theirs.apply_changes(merge(theirs, through_file(mine, models)).changes)  # they take my file…
    mine.apply_changes(merge(mine, through_file(theirs, models)).changes)  # …and send me theirs back

    assert mine.snapshot() == theirs.snapshot()
    assert_no_edit_lost(origin, before, mine)
    assert not merge(theirs, through_file(mine, models)).changes
