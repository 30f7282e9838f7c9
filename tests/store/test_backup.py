"""Backups before risky steps: a copy next to the store with a timestamp, only the newest few kept, and restoring one
(after backing up the store as it is)."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from canvas.core.document import Document
from canvas.core.model import Canvas
from canvas.store import StoreError, open_store
from canvas.store.backup import KEEP, back_up, list_backups, restore
from canvas.store.db import APPLICATION_ID
from canvas.store.migrations import SCHEMA_VERSION

from .samples import workshop
from .test_opening import VERSION_1


def titles(path: Path) -> list[str]:
    with open_store(path, create=False) as store:
        return sorted(summary.title for summary in store.list_canvases())


def test_a_backup_is_a_complete_store_next_to_the_original_named_for_when_and_why(store_path: Path) -> None:
    with open_store(store_path) as store:
        store.save_document(workshop())

    copy = back_up(store_path, "before import")

    assert copy.parent == store_path.parent
    assert copy.name.startswith("canvas.backup-") and copy.name.endswith("-before-import.sqlite")
    assert titles(copy) == ["Payroll onboarding, Oslo workshop"]
    [listed] = list_backups(store_path)
    assert listed.path == copy and listed.reason == "before import" and listed.size == copy.stat().st_size
    assert abs(listed.taken.timestamp() - time.time()) < 60


def test_a_backup_holds_every_committed_edit_while_the_app_has_the_store_open(store_path: Path) -> None:
    with open_store(store_path) as store:
        store.save_document(workshop())
        store.set_state("ui.last_canvas", "oslo-workshop")
        copy = back_up(store_path, "before import")  # the app's connection stays open meanwhile
        store.save_document(Document.of(Canvas(title="After the backup")))

    assert titles(copy) == ["Payroll onboarding, Oslo workshop"]
    with open_store(copy) as reopened:
        assert reopened.get_state("ui.last_canvas") == "oslo-workshop"


def test_only_the_newest_backups_are_kept(store_path: Path) -> None:
    open_store(store_path).close()
    taken = [back_up(store_path, f"step {number}") for number in range(KEEP + 3)]

    kept = list_backups(store_path)

    assert [backup.path for backup in kept] == list(reversed(taken[-KEEP:]))
    assert [path for path in taken[:3] if path.exists()] == []


def test_backups_of_another_store_in_the_same_folder_are_not_listed(tmp_path: Path) -> None:
    first, second = tmp_path / "oslo.sqlite", tmp_path / "oslo-2.sqlite"
    for path in (first, second):
        open_store(path).close()
    back_up(second, "before import")

    assert list_backups(first) == []
    assert len(list_backups(second)) == 1


def test_restoring_a_backup_brings_its_canvases_back_and_keeps_the_store_as_it_was(store_path: Path) -> None:
    with open_store(store_path) as store:
        store.save_document(workshop())
        before_import = back_up(store_path, "before import")
        store.save_document(Document.of(Canvas(title="Imported by mistake")))

        safety = restore(store_path, before_import)

        # The app's own connection still works and now reads the restored store.
        assert [summary.title for summary in store.list_canvases()] == ["Payroll onboarding, Oslo workshop"]
    assert titles(store_path) == ["Payroll onboarding, Oslo workshop"]
    assert titles(safety) == ["Imported by mistake", "Payroll onboarding, Oslo workshop"]
    assert [backup.reason for backup in list_backups(store_path)] == ["before restore", "before import"]


def test_restoring_the_oldest_of_a_full_set_of_backups_works(store_path: Path) -> None:
    with open_store(store_path) as store:
        store.save_document(Document.of(Canvas(title="First")))
    oldest = back_up(store_path, "first")
    for number in range(KEEP - 1):
        back_up(store_path, f"later {number}")

    restore(store_path, oldest)

    assert titles(store_path) == ["First"]
    assert len(list_backups(store_path)) == KEEP


def test_a_file_that_is_not_a_store_is_not_restored(store_path: Path, tmp_path: Path) -> None:
    with open_store(store_path) as store:
        store.save_document(workshop())
    other = tmp_path / "recipes.sqlite"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.commit()
    connection.close()

    with pytest.raises(StoreError, match=r"recipes\.sqlite is not a backup of a Sensemaking Canvas store"):
        restore(store_path, other)

    assert titles(store_path) == ["Payroll onboarding, Oslo workshop"]
    assert list_backups(store_path) == []


def test_upgrading_an_older_store_backs_it_up_first_as_it_was(store_path: Path) -> None:
    connection = sqlite3.connect(store_path)
    connection.executescript(VERSION_1)
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute("PRAGMA user_version = 1")
    connection.commit()
    connection.close()

    open_store(store_path).close()

    [backup] = list_backups(store_path)
    assert backup.reason == "before upgrade"
    copy = sqlite3.connect(backup.path)
    try:
        assert copy.execute("PRAGMA user_version").fetchone() == (1,)
        assert copy.execute("SELECT title FROM canvases").fetchall() == [("Written by version 1",)]
    finally:
        copy.close()
    # Restoring that backup gives the old canvases back, upgraded again.
    restore(store_path, backup.path)
    assert titles(store_path) == ["Written by version 1"]
    with open_store(store_path) as store:
        assert [hit.card_id for hit in store.search("a-meld")] == ["tax"]
    check = sqlite3.connect(store_path)
    try:
        assert check.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    finally:
        check.close()


def test_a_new_store_is_not_backed_up(store_path: Path) -> None:
    open_store(store_path).close()
    open_store(store_path).close()
    assert list_backups(store_path) == []


def test_a_backup_into_a_folder_that_cannot_be_written_says_so(store_path: Path) -> None:
    open_store(store_path).close()
    store_path.parent.chmod(0o500)
    try:
        if _writable(store_path.parent):
            pytest.skip("running as a user who can write to any folder (root)")
        with pytest.raises(StoreError, match=r"could not back up the store .*canvas.sqlite.*folder cannot be written"):
            back_up(store_path, "before import")
    finally:
        store_path.parent.chmod(0o700)


def _writable(folder: Path) -> bool:
    probe = folder / "probe"
    try:
        probe.write_text("x")
    except OSError:
        return False
    probe.unlink()
    return True


def test_a_backup_cut_short_by_a_killed_app_is_not_listed(store_path: Path) -> None:
    open_store(store_path).close()
    half = store_path.with_name("canvas.backup-20250301-142233-120-before-import.sqlite.part")
    half.write_bytes(b"SQLite format 3\x00" + b"\x00" * 84)

    assert list_backups(store_path) == []
    back_up(store_path, "before import")
    assert [backup.reason for backup in list_backups(store_path)] == ["before import"]
