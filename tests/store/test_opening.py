"""Opening store files: our own are opened (and upgraded); anything else is refused and left byte for byte."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from canvas.store import StoreError, open_store
from canvas.store.db import APPLICATION_ID
from canvas.store.migrations import SCHEMA_VERSION, STEPS

from .samples import workshop


def pragma(path: Path, name: str) -> int:
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute(f"PRAGMA {name}").fetchone()[0])
    finally:
        connection.close()


def test_a_new_store_is_marked_as_ours_at_the_current_schema(store_path: Path) -> None:
    with open_store(store_path) as store:
        assert store.path == store_path
        assert store.db.execute("PRAGMA foreign_keys").fetchone() == (1,)
        assert store.db.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert store.db.execute("PRAGMA synchronous").fetchone() == (2,), "FULL"
        assert {"canvases", "cards", "placements", "links", "model_settings", "meta", "cards_fts"} <= set(
            store.db.table_names()
        )
    assert pragma(store_path, "application_id") == APPLICATION_ID
    assert pragma(store_path, "user_version") == SCHEMA_VERSION


def test_the_store_folder_is_created_when_missing(tmp_path: Path) -> None:
    path = tmp_path / "data" / "sensemaking-canvas" / "canvas.sqlite"
    with open_store(path):
        pass
    assert path.is_file()


def test_a_missing_store_is_not_created_when_asked_not_to(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"there is no store at .*nowhere\.sqlite"):
        open_store(tmp_path / "nowhere.sqlite", create=False)
    assert not (tmp_path / "nowhere.sqlite").exists()


def test_the_schema_steps_are_numbered_one_after_another() -> None:
    assert [step.version for step in STEPS] == list(range(1, len(STEPS) + 1))
    assert STEPS[-1].version == SCHEMA_VERSION


# The schema of version 1 exactly as released: a frozen copy, so that changing a released step breaks this test.
VERSION_1 = """
CREATE TABLE canvases (id TEXT PRIMARY KEY, title TEXT NOT NULL, description TEXT NOT NULL DEFAULT '',
    models TEXT NOT NULL DEFAULT '[]', rev TEXT NOT NULL, history TEXT NOT NULL DEFAULT '[]',
    deleted INTEGER NOT NULL DEFAULT 0, created TEXT NOT NULL, modified TEXT NOT NULL);
CREATE TABLE cards (canvas_id TEXT NOT NULL REFERENCES canvases(id) ON DELETE CASCADE, id TEXT NOT NULL,
    title TEXT NOT NULL, notes TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL, voice TEXT NOT NULL,
    evidence TEXT NOT NULL, source TEXT NOT NULL DEFAULT '', tags TEXT NOT NULL DEFAULT '[]', colour TEXT,
    emotion INTEGER, importance INTEGER, satisfaction INTEGER, votes INTEGER NOT NULL DEFAULT 0,
    conflict_of TEXT, rev TEXT NOT NULL, history TEXT NOT NULL DEFAULT '[]', deleted INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (canvas_id, id));
CREATE INDEX cards_by_canvas ON cards(canvas_id);
CREATE TABLE placements (canvas_id TEXT NOT NULL, card_id TEXT NOT NULL, model TEXT NOT NULL,
    zone TEXT NOT NULL, x REAL NOT NULL DEFAULT 0, y REAL NOT NULL DEFAULT 0, rev TEXT NOT NULL,
    history TEXT NOT NULL DEFAULT '[]', deleted INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (canvas_id, card_id, model),
    FOREIGN KEY (canvas_id, card_id) REFERENCES cards(canvas_id, id)
        ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED) WITHOUT ROWID;
CREATE TABLE links (canvas_id TEXT NOT NULL, id TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT '', tangible INTEGER NOT NULL DEFAULT 1, rev TEXT NOT NULL,
    history TEXT NOT NULL DEFAULT '[]', deleted INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (canvas_id, id),
    FOREIGN KEY (canvas_id, source) REFERENCES cards(canvas_id, id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (canvas_id, target) REFERENCES cards(canvas_id, id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
    ) WITHOUT ROWID;
CREATE INDEX links_by_source ON links(canvas_id, source);
CREATE INDEX links_by_target ON links(canvas_id, target);
CREATE TABLE model_settings (canvas_id TEXT NOT NULL REFERENCES canvases(id) ON DELETE CASCADE,
    model TEXT NOT NULL, columns TEXT, rev TEXT NOT NULL, history TEXT NOT NULL DEFAULT '[]',
    deleted INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (canvas_id, model)) WITHOUT ROWID;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
INSERT INTO canvases VALUES ('old', 'Written by version 1', '', '["journey"]', '3-aaaa', '["2-bbbb","1-cccc"]',
    0, '2025-01-01T10:00:00.000+00:00', '2025-02-01T10:00:00.000+00:00');
INSERT INTO cards (canvas_id, id, title, notes, kind, voice, evidence, source, tags, rev)
    VALUES ('old', 'tax', 'Filing the a-melding by the fifth', 'Missed it once: a fine.', 'pain', 'customer',
            'reported', 'interview 7', '["deadline"]', '1-dddd');
INSERT INTO placements (canvas_id, card_id, model, zone, x, y, rev)
    VALUES ('old', 'tax', 'journey', 'use.pains', 0, 96, '1-eeee');
INSERT INTO meta VALUES ('last_canvas', '"old"');
"""


def test_a_store_written_by_schema_version_1_is_upgraded_and_keeps_its_canvases(store_path: Path) -> None:
    connection = sqlite3.connect(store_path)
    connection.executescript(VERSION_1)
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute("PRAGMA user_version = 1")
    connection.commit()
    connection.close()

    with open_store(store_path) as store:
        document = store.load("old")
        assert document.canvas.history == ("2-bbbb", "1-cccc")
        assert document.cards["tax"].title == "Filing the a-melding by the fifth"
        assert document.placement("tax", "journey") is not None
        assert [hit.card_id for hit in store.search("a-meld")] == ["tax"], "old cards are searchable"
        assert store.get_state("last_canvas") == "old"
    assert pragma(store_path, "user_version") == SCHEMA_VERSION


def write_random_bytes(path: Path) -> None:
    path.write_bytes(bytes(range(256)) * 64)


def write_text(path: Path) -> None:
    path.write_text("Notes from the Oslo workshop\nKari: payroll on Sunday night\n" * 10, encoding="utf-8")


def write_truncated_header(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 20)


def write_other_app_database(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE recipes (name TEXT, minutes INTEGER)")
    connection.execute("INSERT INTO recipes VALUES ('fiskesuppe', 40)")
    connection.commit()
    connection.close()


def write_other_app_id_database(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA application_id = 1179602516")  # another app's id
    connection.execute("CREATE TABLE things (x)")
    connection.commit()
    connection.close()


def write_newer_store(path: Path) -> None:
    with open_store(path) as store:
        store.save_document(workshop())
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.commit()
    connection.close()


def write_corrupt_store(path: Path) -> None:
    with open_store(path) as store:
        store.save_document(workshop())
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    # Scribble over the second and third pages (table b-trees): the header still says "our store".
    data[page_size : page_size * 3] = b"\xde\xad\xbe\xef" * (page_size // 2)
    path.write_bytes(bytes(data))


def write_truncated_store(path: Path) -> None:
    with open_store(path) as store:
        store.save_document(workshop())
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


@pytest.mark.parametrize(
    ("write", "message"),
    [
        (write_random_bytes, "is not a Sensemaking Canvas store \\(it is not an SQLite database\\)"),
        (write_text, "is not a Sensemaking Canvas store \\(it is not an SQLite database\\)"),
        (write_truncated_header, "is not a Sensemaking Canvas store \\(it is not an SQLite database\\)"),
        (write_other_app_database, "SQLite database of another application"),
        (write_other_app_id_database, "SQLite database of another application"),
        (write_newer_store, f"written by a newer version .*store version {SCHEMA_VERSION + 1}"),
        (write_corrupt_store, "is damaged and cannot be opened"),
        (write_truncated_store, "is damaged and cannot be opened"),
    ],
    ids=lambda value: value.__name__.removeprefix("write_") if callable(value) else "",
)
def test_a_file_that_is_not_our_store_is_refused_and_left_untouched(
    tmp_path: Path, write: Callable[[Path], None], message: str
) -> None:
    path = tmp_path / "something.sqlite"
    write(path)
    before = path.read_bytes()
    neighbours = sorted(p.name for p in tmp_path.iterdir())

    with pytest.raises(StoreError, match=message) as refused:
        open_store(path)

    assert str(path) in str(refused.value), "the message names the file"
    assert "\n" not in str(refused.value)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == neighbours, "no journal or other file left behind"


def test_a_folder_is_not_a_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder, not a store file"):
        open_store(tmp_path)


@pytest.mark.parametrize("kind", ["empty file", "empty SQLite database"])
def test_an_empty_file_becomes_a_store(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "new.sqlite"
    if kind == "empty file":
        path.touch()
    else:
        sqlite3.connect(path).execute("VACUUM").connection.close()
        assert path.stat().st_size > 0
    with open_store(path) as store:
        store.save_document(workshop())
    assert pragma(path, "application_id") == APPLICATION_ID
