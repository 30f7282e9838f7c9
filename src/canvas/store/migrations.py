"""The store's schema as an ordered list of steps; PRAGMA user_version records how many have been applied.

A released step never changes (stores in the wild were built by it); a schema change is a new step at the end.
The steps are plain SQL, not sqlite-utils calls, so a step means the same thing whatever library version runs it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Step:
    """One schema change: after it runs, the store is at `version`."""

    version: int
    summary: str
    statements: tuple[str, ...]


# Each record table is keyed by canvas id + record key: the same card id may legitimately live in two canvases
# (a teammate's file imported twice). Placements, links and settings refer to their card by (canvas_id, id);
# those foreign keys are deferred, so the rows of one change set may be written in any order and are checked
# once, at commit. Tombstones are rows like any other (deleted = 1).
_CORE_TABLES = Step(
    version=1,
    summary="canvases, cards, placements, links, model settings and app state",
    statements=(
        """
        CREATE TABLE canvases (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            models TEXT NOT NULL DEFAULT '[]',
            rev TEXT NOT NULL,
            history TEXT NOT NULL DEFAULT '[]',
            deleted INTEGER NOT NULL DEFAULT 0,
            created TEXT NOT NULL,
            modified TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE cards (
            canvas_id TEXT NOT NULL REFERENCES canvases(id) ON DELETE CASCADE,
            id TEXT NOT NULL,
            title TEXT NOT NULL,
            notes TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL,
            voice TEXT NOT NULL,
            evidence TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '[]',
            colour TEXT,
            emotion INTEGER,
            importance INTEGER,
            satisfaction INTEGER,
            votes INTEGER NOT NULL DEFAULT 0,
            conflict_of TEXT,
            rev TEXT NOT NULL,
            history TEXT NOT NULL DEFAULT '[]',
            deleted INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (canvas_id, id)
        )
        """,
        # A canvas's cards in the order they were captured (rowid order) without sorting at every load.
        "CREATE INDEX cards_by_canvas ON cards(canvas_id)",
        """
        CREATE TABLE placements (
            canvas_id TEXT NOT NULL,
            card_id TEXT NOT NULL,
            model TEXT NOT NULL,
            zone TEXT NOT NULL,
            x REAL NOT NULL DEFAULT 0,
            y REAL NOT NULL DEFAULT 0,
            rev TEXT NOT NULL,
            history TEXT NOT NULL DEFAULT '[]',
            deleted INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (canvas_id, card_id, model),
            FOREIGN KEY (canvas_id, card_id) REFERENCES cards(canvas_id, id)
                ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE links (
            canvas_id TEXT NOT NULL,
            id TEXT NOT NULL,
            source TEXT NOT NULL,
            target TEXT NOT NULL,
            label TEXT NOT NULL DEFAULT '',
            tangible INTEGER NOT NULL DEFAULT 1,
            rev TEXT NOT NULL,
            history TEXT NOT NULL DEFAULT '[]',
            deleted INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (canvas_id, id),
            FOREIGN KEY (canvas_id, source) REFERENCES cards(canvas_id, id)
                ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            FOREIGN KEY (canvas_id, target) REFERENCES cards(canvas_id, id)
                ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
        ) WITHOUT ROWID
        """,
        # Deleting a card (or a whole canvas) looks up the links pointing at it; without these it scans them all.
        "CREATE INDEX links_by_source ON links(canvas_id, source)",
        "CREATE INDEX links_by_target ON links(canvas_id, target)",
        """
        CREATE TABLE model_settings (
            canvas_id TEXT NOT NULL REFERENCES canvases(id) ON DELETE CASCADE,
            model TEXT NOT NULL,
            columns TEXT,
            rev TEXT NOT NULL,
            history TEXT NOT NULL DEFAULT '[]',
            deleted INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (canvas_id, model)
        ) WITHOUT ROWID
        """,
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
    ),
)

# An external-content FTS5 index: the text lives once, in `cards`; triggers keep the index in step with every
# insert, update and delete, whoever writes (apply, save_document, a future migration). remove_diacritics
# lets "cafe" find "café".
_CARD_SEARCH = Step(
    version=2,
    summary="full-text search over card titles, notes, tags and sources",
    statements=(
        """
        CREATE VIRTUAL TABLE cards_fts USING fts5(
            title, notes, tags, source,
            content='cards', content_rowid='rowid',
            tokenize='unicode61 remove_diacritics 2'
        )
        """,
        """
        CREATE TRIGGER cards_fts_insert AFTER INSERT ON cards BEGIN
            INSERT INTO cards_fts(rowid, title, notes, tags, source)
            VALUES (new.rowid, new.title, new.notes, new.tags, new.source);
        END
        """,
        """
        CREATE TRIGGER cards_fts_delete AFTER DELETE ON cards BEGIN
            INSERT INTO cards_fts(cards_fts, rowid, title, notes, tags, source)
            VALUES ('delete', old.rowid, old.title, old.notes, old.tags, old.source);
        END
        """,
        """
        CREATE TRIGGER cards_fts_update AFTER UPDATE OF title, notes, tags, source ON cards BEGIN
            INSERT INTO cards_fts(cards_fts, rowid, title, notes, tags, source)
            VALUES ('delete', old.rowid, old.title, old.notes, old.tags, old.source);
            INSERT INTO cards_fts(rowid, title, notes, tags, source)
            VALUES (new.rowid, new.title, new.notes, new.tags, new.source);
        END
        """,
        # Stores written before this step already hold cards: index them.
        "INSERT INTO cards_fts(cards_fts) VALUES ('rebuild')",
    ),
)

# An edit that leaves a card's text as it was (a vote, a kind, a deletion, which is a tombstone) no longer
# re-indexes the card: the upsert names every column, so the trigger of step 2 fired on every card write and
# FTS5 wrote a new segment each time (measured: a vote persisted in 2.6 ms, 2.0 ms without the index write).
_SEARCH_ONLY_TEXT = Step(
    version=3,
    summary="the search index is rewritten only when a card's title, notes, tags or source change",
    statements=(
        "DROP TRIGGER cards_fts_update",
        """
        CREATE TRIGGER cards_fts_update AFTER UPDATE OF title, notes, tags, source ON cards
        WHEN old.title IS NOT new.title OR old.notes IS NOT new.notes
             OR old.tags IS NOT new.tags OR old.source IS NOT new.source
        BEGIN
            INSERT INTO cards_fts(cards_fts, rowid, title, notes, tags, source)
            VALUES ('delete', old.rowid, old.title, old.notes, old.tags, old.source);
            INSERT INTO cards_fts(rowid, title, notes, tags, source)
            VALUES (new.rowid, new.title, new.notes, new.tags, new.source);
        END
        """,
    ),
)

STEPS: tuple[Step, ...] = (_CORE_TABLES, _CARD_SEARCH, _SEARCH_ONLY_TEXT)
#: The schema version this code writes; a store with a higher user_version came from a newer app.
SCHEMA_VERSION = STEPS[-1].version


def pending(user_version: int) -> list[Step]:
    """The steps a store at `user_version` still needs, in order."""
    return [step for step in STEPS if step.version > user_version]


def run(connection: sqlite3.Connection, steps: list[Step]) -> None:
    """Run `steps` inside the caller's transaction, recording each version as it completes."""
    for step in steps:
        for statement in step.statements:
            connection.execute(statement)
        # user_version is part of the database header and so part of the transaction.
        connection.execute(f"PRAGMA user_version = {int(step.version)}")
