"""A canvas saved to the store comes back exactly: every record type, tombstones, and awkward text."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from canvas.core.model import Canvas, Card, CardKind, Evidence, Link, ModelSettings, Placement, Voice
from canvas.store import Store, StoreError, open_store
from canvas.store.loading import build

from .samples import workshop


def test_a_saved_canvas_loads_back_record_for_record(store: Store) -> None:
    document = workshop()
    store.save_document(document)

    loaded = store.load(document.canvas.id)

    assert loaded.snapshot() == document.snapshot()
    assert list(loaded.cards) == list(document.cards), "cards come back in the order they were captured"
    assert loaded.cards["gone"].deleted and loaded.links["old"].deleted and loaded.settings["jtbd"].deleted
    assert loaded.placement("holiday", "jtbd") is None, "a tombstoned placement is not live"
    assert loaded.placement("sunday", "jtbd") == document.placement("sunday", "jtbd")
    assert loaded.placements_in("value-exchange").keys() == {"owner", "service"}


def test_the_round_trip_survives_closing_and_reopening_the_file(store_path: Path) -> None:
    document = workshop()
    with open_store(store_path) as store:
        store.save_document(document)
    with open_store(store_path, create=False) as store:
        assert store.load(document.canvas.id).snapshot() == document.snapshot()


def test_loaded_records_behave_like_validated_ones(store: Store) -> None:
    store.save_document(workshop())
    loaded = store.load("oslo-workshop")
    sunday = loaded.cards["sunday"]

    assert sunday.kind is CardKind.PAIN and sunday.voice is Voice.CUSTOMER
    assert sunday.evidence is Evidence.OBSERVED and sunday.rests_on_customer_evidence
    assert sunday.tags == ("payroll", "first run", 'said "never again"', "back\\slash")
    assert sunday == Card.model_validate(sunday.model_dump())
    edited = sunday.revised(title="Payroll on Monday morning")
    assert edited.title == "Payroll on Monday morning" and edited.history[0] == sunday.rev
    assert sunday.title == "Payroll on Sunday night", "revising a loaded record leaves it as it was"
    assert loaded.canvas.models == ("journey", "jtbd", "value-exchange")
    columns = loaded.settings["journey"].columns
    assert columns is not None and [column.label for column in columns] == ["Hears of us", "Runs payroll"]


@pytest.mark.parametrize(
    "record",
    [
        workshop().cards["sunday"],
        workshop().placements["sunday@jtbd"],
        workshop().links["trust"],
        workshop().settings["journey"],
        workshop().canvas,
    ],
    ids=lambda record: type(record).__name__,
)
def test_fast_building_matches_model_construct(record: Canvas | Card | Placement | Link | ModelSettings) -> None:
    values = {name: getattr(record, name) for name in type(record).model_fields}
    fast = build(type(record), dict(values))
    slow = type(record).model_construct(**values)

    assert fast == slow == record
    assert fast.model_dump() == record.model_dump()
    assert fast.model_fields_set == slow.model_fields_set
    assert fast.__pydantic_extra__ == slow.__pydantic_extra__
    assert fast.__pydantic_private__ == slow.__pydantic_private__
    assert hash(fast) == hash(record)


def test_the_canvas_list_counts_live_cards_and_shows_the_latest_change_first(store: Store) -> None:
    store.save_document(workshop("first", "First workshop"))
    store.save_document(workshop("second", "Second workshop"))

    summaries = store.list_canvases()

    assert [summary.id for summary in summaries] == ["second", "first"]
    assert all(summary.card_count == 5 for summary in summaries), "the tombstoned card is not counted"
    assert summaries[0].modified <= datetime.now(UTC)


def test_a_canvas_is_found_by_id_or_by_a_unique_title(store: Store) -> None:
    store.save_document(workshop("first", "Oslo workshop"))
    store.save_document(workshop("second", "Bergen workshop"))
    store.save_document(workshop("third", "Bergen workshop"))

    assert store.find_canvas("first") == "first"
    assert store.find_canvas("Oslo workshop") == "first"
    assert store.find_canvas("oslo WORKSHOP") == "first"
    with pytest.raises(StoreError, match=r"2 canvases are titled 'Bergen workshop' \(ids second, third\)"):
        store.find_canvas("Bergen workshop")
    with pytest.raises(StoreError, match=r"there is no canvas 'Tromsø' in .*canvases: "):
        store.find_canvas("Tromsø")


def test_an_empty_store_says_so_when_a_canvas_is_asked_for(store: Store) -> None:
    with pytest.raises(StoreError, match="has no canvases yet"):
        store.find_canvas("anything")
    with pytest.raises(StoreError, match="there is no canvas with id 'anything'"):
        store.load("anything")


def test_saving_a_canvas_twice_is_refused_unless_replacing(store: Store) -> None:
    document = workshop()
    store.save_document(document)
    with pytest.raises(StoreError, match="already holds a canvas with id 'oslo-workshop'"):
        store.save_document(document)

    smaller = workshop()
    del smaller.cards["gone"]
    store.save_document(smaller, replace=True)
    assert "gone" not in store.load("oslo-workshop").cards


def test_deleting_a_canvas_removes_everything_on_it(store: Store) -> None:
    second = workshop("second", "Second")
    store.save_document(workshop("first", "First"))
    store.save_document(second)

    store.delete_canvas("first")

    assert [summary.id for summary in store.list_canvases()] == ["second"]
    for table in ("cards", "placements", "links", "model_settings"):
        assert store.db.execute(f"SELECT count(*) FROM {table} WHERE canvas_id = 'first'").fetchone() == (0,)
    assert store.load("second").snapshot() == second.snapshot()
    assert {hit.canvas_id for hit in store.search("payroll")} == {"second"}
    with pytest.raises(StoreError, match="no canvas with id 'first'"):
        store.delete_canvas("first")


def test_app_state_is_remembered_as_json(store_path: Path) -> None:
    with open_store(store_path) as store:
        assert store.get_state("last_canvas") is None
        store.set_state("last_canvas", "oslo-workshop")
        store.set_state("view:oslo-workshop", {"model": "jtbd", "zoom": 0.75, "side": None})
    with open_store(store_path) as store:
        assert store.get_state("last_canvas") == "oslo-workshop"
        assert store.get_state("view:oslo-workshop") == {"model": "jtbd", "zoom": 0.75, "side": None}
        store.set_state("last_canvas", None)
        assert store.get_state("last_canvas") is None
