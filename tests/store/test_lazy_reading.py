"""A canvas read lazily (the placements of a model when first needed) answers and edits exactly as one read whole."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from canvas.core.document import Change, ChangeSet, Document
from canvas.core.edits import DeleteCards, Edit, PlaceCards, Spot, UnplaceCards, undo
from canvas.core.model import Placement, Record
from canvas.store import Store, StoreError, open_store
from canvas.store.editing import commit

from .samples import workshop

MODELS = ("journey", "jtbd", "value-exchange")
CARDS = ("sunday", "holiday", "owner", "service", "gone", "sunday-theirs")


def saved(store: Store) -> Document:
    document = workshop()
    store.save_document(document)
    return document


def test_a_lazy_canvas_reads_only_the_model_asked_for(store: Store) -> None:
    document = saved(store)
    lazy = store.load(document.canvas.id, lazily=True)

    assert not lazy.fully_read
    assert lazy.placements_in("value-exchange") == document.placements_in("value-exchange")
    assert lazy.placement("sunday", "jtbd") == document.placement("sunday", "jtbd")
    assert not lazy.fully_read, "two models read, the journey not yet"
    assert lazy.cards == document.cards and lazy.links == document.links and lazy.settings == document.settings

    assert lazy.snapshot() == document.snapshot(), "every placement, tombstones too, once all are asked for"
    assert lazy.fully_read


def test_where_else_a_card_is_placed_is_answered_without_reading_whole_models(store: Store) -> None:
    document = saved(store)
    lazy = store.load(document.canvas.id, lazily=True)
    lazy.placements_in("journey")

    for card_id in CARDS:
        assert lazy.placements_of(card_id) == document.placements_of(card_id), card_id
    assert not lazy.fully_read


def test_reading_ahead_ends_with_every_placement_and_says_when_it_is_done(store: Store) -> None:
    document = saved(store)
    # A placement in a model the canvas no longer shows is read too (the last step reads every other model).
    store.apply(document.canvas.id, added(document, Placement(card_id="owner", model="empathy", zone="says")))
    lazy = store.load(document.canvas.id, lazily=True)

    steps = 0
    while lazy.read_next():
        steps += 1
    assert steps == len(lazy.canvas.models) + 1, "a model a step (each fits in one), then every other model"
    assert lazy.fully_read and not lazy.read_next()
    assert lazy.snapshot() == store.load(document.canvas.id).snapshot()
    assert lazy.placement("owner", "empathy") is not None


def test_reading_ahead_in_small_steps_reads_each_model_whole_before_it_counts(store: Store) -> None:
    document = saved(store)
    lazy = store.load(document.canvas.id, lazily=True)

    assert lazy.read_next(limit=1)  # the journey's first card: not enough to answer for the journey
    assert lazy.placements_in("value-exchange") == document.placements_in("value-exchange")
    steps = 1
    while lazy.read_next(limit=1):
        steps += 1
    assert steps > len(lazy.canvas.models) + 1
    assert lazy.snapshot() == document.snapshot()


@pytest.mark.parametrize(
    "edit",
    [
        PlaceCards((Spot("holiday", "jtbd", "confirm", 212.0, 0.0), Spot("owner", "journey", "use.doing"))),
        UnplaceCards(("sunday",), "jtbd"),
        DeleteCards(("sunday",)),
        DeleteCards(("owner", "service")),
    ],
    ids=lambda edit: edit.label,
)
def test_an_edit_to_models_not_read_yet_is_saved_as_on_a_canvas_read_whole(
    store: Store, store_path: Path, edit: Edit
) -> None:
    document = saved(store)
    lazy = store.load(document.canvas.id, lazily=True)

    changes = commit(store, lazy, edit)
    expected = commit_elsewhere(store_path, document, edit)

    assert plain(changes) == plain(expected)
    assert plain(lazy.snapshot()) == plain(document.snapshot())
    assert store.load(document.canvas.id).snapshot() == lazy.snapshot()


def test_undo_on_a_lazy_canvas_puts_back_the_models_it_had_not_read(store: Store) -> None:
    document = saved(store)
    before = store.load(document.canvas.id).snapshot()
    lazy = store.load(document.canvas.id, lazily=True)
    changes = commit(store, lazy, DeleteCards(("sunday", "holiday")))

    fresh = store.load(document.canvas.id, lazily=True)  # undone on a canvas that read nothing since
    store.apply(fresh.canvas.id, undo(fresh, changes))

    assert store.load(document.canvas.id).snapshot() == before
    assert fresh.snapshot() == before


def test_a_model_read_after_its_store_closed_is_a_clear_error(store_path: Path) -> None:
    with open_store(store_path) as store:
        document = saved(store)
        lazy = store.load(document.canvas.id, lazily=True)
    with pytest.raises(StoreError, match=r"cannot read the canvas's placements from the store .*canvas\.sqlite"):
        lazy.placements_in("jtbd")


# -- a lazy canvas against a whole one, any questions and edits in any order -------------------------------

Operation = tuple[str, Any]

operations = st.one_of(
    st.tuples(st.just("in"), st.sampled_from(MODELS)),
    st.tuples(st.just("of"), st.sampled_from(CARDS)),
    st.tuples(st.just("one"), st.tuples(st.sampled_from(CARDS), st.sampled_from(MODELS))),
    st.tuples(st.just("unplaced"), st.sampled_from(MODELS)),
    st.tuples(st.just("next"), st.none()),
    st.tuples(
        st.just("place"),
        st.tuples(st.sampled_from(CARDS[:4]), st.sampled_from(("journey", "jtbd")), st.integers(0, 3)),
    ),
    st.tuples(st.just("unplace"), st.tuples(st.sampled_from(CARDS[:4]), st.sampled_from(MODELS))),
    st.tuples(st.just("delete"), st.sampled_from(CARDS[:4])),
)

ZONES = {"journey": ("use.doing", "onboard.thinking"), "jtbd": ("execute", "confirm")}


def answer(document: Document, operation: Operation, store: Store) -> object:
    kind, value = operation
    if kind == "in":
        return dict(document.placements_in(value))
    if kind == "of":
        return document.placements_of(value)
    if kind == "one":
        return document.placement(*value)
    if kind == "unplaced":
        return [card.id for card in document.unplaced_in(value)]
    if kind == "next":
        document.read_next(limit=1)  # a card at a time: questions and edits come between the parts of a model
        return None
    edit: Edit
    if kind == "place":
        card_id, model, slot = value
        zones = ZONES[model]
        edit = PlaceCards((Spot(card_id, model, zones[slot % len(zones)], 212.0 * slot, 0.0),))
    elif kind == "unplace":
        edit = UnplaceCards((value[0],), value[1])
    else:
        edit = DeleteCards((value,))
    try:
        return commit(store, document, edit)
    except ValueError as error:
        return type(error).__name__


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(operations, max_size=16))
def test_a_lazy_canvas_answers_every_question_as_a_whole_one(steps: list[Operation]) -> None:
    with (
        tempfile.TemporaryDirectory() as folder,
        open_store(Path(folder) / "lazy.sqlite") as lazy_store,
        open_store(Path(folder) / "whole.sqlite") as whole,
    ):
        canvas_id = saved(lazy_store).canvas.id
        saved(whole)
        lazy = lazy_store.load(canvas_id, lazily=True)
        eager = whole.load(canvas_id)
        for step in steps:
            assert plain(answer(lazy, step, lazy_store)) == plain(answer(eager, step, whole)), step
        assert plain(lazy.snapshot()) == plain(eager.snapshot())
        assert lazy_store.load(canvas_id).snapshot() == lazy.snapshot()


# -- helpers ----------------------------------------------------------------------------------------------


def plain(value: object) -> object:
    """`value` with every record's revision left out: two stores making the same edit give it new random ones."""
    if isinstance(value, Record):
        return value.model_dump(exclude={"rev", "history"})
    if isinstance(value, ChangeSet):
        return [plain(tuple(change)) for change in value]
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    return value


def commit_elsewhere(store_path: Path, document: Document, edit: Edit) -> object:
    """The same edit on a canvas read whole, in a store of its own (a copy of the first one's records)."""
    with open_store(store_path.with_name("whole.sqlite")) as other:
        other.save_document(document)
        return commit(other, document, edit)


def added(document: Document, placement: Placement) -> ChangeSet:
    """`placement` put into `document`, as a change set the store can apply."""
    document.put(placement)
    return ChangeSet((Change(Placement.table, placement.key, None, placement),))
