"""Every edit is persisted at once, in one transaction; a failed save changes neither the store nor the screen."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from canvas.core.document import Change, ChangeSet, Document
from canvas.core.edits import (
    AddCard,
    AddLink,
    Batch,
    DeleteCards,
    EditCanvas,
    EditCard,
    PlaceCards,
    SetColumns,
    Spot,
    UnplaceCards,
    undo,
)
from canvas.core.model import Card, CardKind, Link, Placement, ZoneLabel
from canvas.store import Store, StoreError, open_store
from canvas.store.editing import commit

from .samples import workshop


def saved(store: Store) -> Document:
    document = workshop()
    store.save_document(document)
    return document


def test_each_edit_is_in_the_store_the_moment_it_is_committed(store: Store, store_path: Path) -> None:
    document = saved(store)
    cash = Card(id="cash", title="Pays the first salary by hand", kind=CardKind.SITUATION)
    edits = [
        AddCard(cash, (Placement(card_id="cash", model="journey", zone="use.doing"),)),
        EditCard("sunday", {"notes": "After closing, 23:40.", "tags": ("payroll",), "emotion": -1}),
        PlaceCards((Spot("cash", "jtbd", "execute", 212.0, 0.0), Spot("sunday", "journey", "use.pains"))),
        UnplaceCards(("holiday",), "journey"),
        AddLink(Link(id="salary", source="owner", target="cash", label="salary")),
        SetColumns("journey", (ZoneLabel(id="use", label="Runs payroll"),)),
        EditCanvas({"title": "Payroll onboarding, Oslo (day 2)"}),
        DeleteCards(("owner",)),
    ]
    for edit in edits:
        commit(store, document, edit)
        with open_store(store_path) as other:  # what a second window or the CLI would see
            assert other.load(document.canvas.id).snapshot() == document.snapshot(), edit.label


def test_applying_the_inverse_puts_the_stored_canvas_back(store: Store) -> None:
    document = saved(store)
    before = store.load(document.canvas.id).snapshot()
    changes = commit(
        store,
        document,
        Batch(
            [
                AddCard(Card(id="new", title="Asks the accountant")),
                AddLink(Link(id="ask", source="new", target="owner")),
                DeleteCards(("sunday",)),
                PlaceCards((Spot("new", "journey", "consider.thinking"),)),
            ]
        ),
    )
    assert store.load(document.canvas.id).snapshot() != before

    store.apply(document.canvas.id, changes.inverted())

    assert store.load(document.canvas.id).snapshot() == before


def test_undo_through_commit_restores_the_store(store: Store) -> None:
    document = saved(store)
    before = document.snapshot()
    changes = commit(store, document, AddCard(Card(id="late", title="Payslip questions on Monday")))
    store.apply(document.canvas.id, undo(document, changes))
    assert store.load(document.canvas.id).snapshot() == before == document.snapshot()


def test_a_change_the_store_cannot_hold_is_rolled_back_whole(store: Store) -> None:
    document = saved(store)
    before = store.load(document.canvas.id).snapshot()
    rename = document.cards["sunday"].revised(title="Renamed in the same transaction")
    orphan = Placement(card_id="no-such-card", model="journey", zone="use.pains")
    changes = ChangeSet(
        (
            Change("cards", "sunday", document.cards["sunday"], rename),
            Change("placements", orphan.key, None, orphan),
        )
    )

    with pytest.raises(StoreError, match="refers to a card or canvas that is not in the store"):
        store.apply(document.canvas.id, changes)

    assert store.load(document.canvas.id).snapshot() == before
    assert store.search("Renamed") == []


def test_a_failed_save_leaves_the_document_as_it_was(store: Store) -> None:
    document = saved(store)
    before = document.snapshot()
    store.delete_canvas(document.canvas.id)  # e.g. deleted from another window meanwhile

    with pytest.raises(StoreError, match="no canvas with id 'oslo-workshop'"):
        commit(store, document, EditCard("sunday", {"title": "Never saved"}))

    assert document.snapshot() == before


def test_a_busy_store_gives_a_clear_message_and_changes_nothing(store_path: Path) -> None:
    with open_store(store_path) as store:
        document = saved(store)
    with open_store(store_path, timeout=0.05) as store:
        blocker = sqlite3.connect(store_path, isolation_level=None)
        blocker.execute("BEGIN EXCLUSIVE")  # another program in the middle of writing
        try:
            with pytest.raises(StoreError, match="is busy: another program is writing to it"):
                commit(store, document, EditCard("sunday", {"title": "Blocked"}))
            with pytest.raises(StoreError, match="is busy: another program is writing to it"):
                open_store(store_path, timeout=0.05)
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        assert document.cards["sunday"].title == "Payroll on Sunday night"
        assert store.load(document.canvas.id).cards["sunday"].title == "Payroll on Sunday night"


def test_an_edit_bumps_the_canvas_modified_time(store: Store) -> None:
    document = saved(store)
    (first,) = store.list_canvases()
    commit(store, document, EditCard("sunday", {"votes": 5}))
    (second,) = store.list_canvases()
    assert second.modified >= first.modified


def test_an_empty_change_set_writes_nothing(store: Store) -> None:
    document = saved(store)
    (before,) = store.list_canvases()
    changes = commit(store, document, EditCard("sunday", {"title": "Payroll on Sunday night"}))
    assert not changes
    assert store.list_canvases() == [before]


def test_several_writes_in_one_transaction_fail_together(store: Store) -> None:
    document = saved(store)
    with pytest.raises(RuntimeError), store.transaction():
        commit(store, document, EditCard("sunday", {"title": "First"}))
        store.set_state("last_canvas", "oslo-workshop")
        raise RuntimeError("the import was cancelled")
    assert store.load("oslo-workshop").cards["sunday"].title == "Payroll on Sunday night"
    assert store.get_state("last_canvas") is None
