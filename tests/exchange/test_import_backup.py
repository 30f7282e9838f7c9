"""An import that merges into a canvas the store already holds backs the store up first; a new canvas does not."""

from __future__ import annotations

from pathlib import Path

from canvas.core.catalog import Catalog
from canvas.core.edits import EditCard
from canvas.exchange.importing import apply_import, plan_import, read_incoming
from canvas.store import open_store
from canvas.store.backup import list_backups

from .samples import card_titled, clone, workshop, write_file


def test_a_merge_keeps_a_backup_of_the_store_as_it_was(tmp_path: Path, catalog: Catalog) -> None:
    ours = workshop()
    theirs = clone(ours)
    sunday = card_titled(theirs, "Payroll on Sunday night")
    EditCard(sunday.id, {"title": "Payroll on Sunday night, every month"}).apply(theirs)
    teammate = write_file(tmp_path / "from-kari.scanvas", theirs, catalog.models)
    store_path = tmp_path / "workshop.sqlite"

    with open_store(store_path) as store:
        store.save_document(ours)
        plan = plan_import(store, read_incoming(teammate, catalog), catalog)
        apply_import(store, plan)
        assert store.load(ours.canvas.id).cards[sunday.id].title == "Payroll on Sunday night, every month"

    [backup] = list_backups(store_path)
    assert backup.reason == "before import"
    with open_store(backup.path) as kept:
        assert kept.load(ours.canvas.id).cards[sunday.id].title == "Payroll on Sunday night"


def test_a_file_that_becomes_a_new_canvas_needs_no_backup(tmp_path: Path, catalog: Catalog) -> None:
    teammate = write_file(tmp_path / "from-kari.scanvas", workshop(), catalog.models)
    store_path = tmp_path / "workshop.sqlite"

    with open_store(store_path) as store:
        apply_import(store, plan_import(store, read_incoming(teammate, catalog), catalog))
        assert len(store.list_canvases()) == 1

    assert list_backups(store_path) == []
