"""The store: canvases in one SQLite file, loaded as documents and kept in step with every change set."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import groupby
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from canvas.core.document import Change, ChangeSet, Document
from canvas.core.model import Canvas, Card, Link, ModelSettings, Placement, Record
from canvas.store import backup, db, migrations, rows
from canvas.store.db import StoreError
from canvas.store.indexing import indexed_at_end
from canvas.store.loading import load_document
from canvas.store.search import fts_query

if TYPE_CHECKING:
    import sqlite_utils

#: Key columns of each record table, after canvas_id (the canvases table is keyed by id alone).
_KEYS: dict[str, tuple[str, ...]] = {
    Canvas.table: ("id",),
    Card.table: ("id",),
    Placement.table: ("card_id", "model"),
    Link.table: ("id",),
    ModelSettings.table: ("model",),
}


@dataclass(frozen=True, slots=True)
class CanvasSummary:
    """One line of the canvas list."""

    id: str
    title: str
    card_count: int
    modified: datetime


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A live card matching a search, with the matching words marked [like this] in `snippet`."""

    canvas_id: str
    canvas_title: str
    card_id: str
    title: str
    snippet: str


def open_store(path: str | os.PathLike[str], *, create: bool = True, timeout: float = db.BUSY_TIMEOUT_S) -> Store:
    """Open the store at `path`, creating it if needed and upgrading an older one.

    Anything that is not a store of ours (another file, another app's database, a store from a newer version
    of the app, a damaged file) raises StoreError and is left exactly as it was. `timeout` is how long a
    write waits for another program that is writing to the same file.
    """
    path = Path(path)
    header = _admit(path, create=create)
    connection = db.connect(path, timeout)
    try:
        if header is not None and header.application_id == db.APPLICATION_ID:
            db.check_integrity(connection, path)
        (version,) = connection.execute("PRAGMA user_version").fetchone()
        steps = migrations.pending(version)
        if steps:
            if version > 0:
                # An older store holding work: keep a copy as it was, should the upgrade go wrong.
                backup.back_up(path, "before upgrade")
            try:
                with db.transaction(connection, path):
                    if version == 0:
                        connection.execute(f"PRAGMA application_id = {db.APPLICATION_ID}")
                    migrations.run(connection, steps)
            except sqlite3.Error as error:
                raise StoreError(f"could not upgrade the store {path}: {error}") from None
    except BaseException:
        connection.close()
        raise
    return Store(path, connection)


def _admit(path: Path, *, create: bool) -> db.Header | None:
    """Decide from the file itself, before SQLite opens it, whether `path` may be opened as a store."""
    if not path.exists():
        if not create:
            raise StoreError(f"there is no store at {path}")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"cannot create the folder for the store {path}: {error.strerror}") from None
        return None
    header = db.read_header(path)
    if header is None:
        if not create:
            raise StoreError(f"{path} is an empty file, not a store")
        return None
    if header.application_id != db.APPLICATION_ID:
        # An SQLite file with nothing in it (no application id, no tables) may become a store; anything else
        # belongs to somebody else.
        if header.application_id == 0 and header.user_version == 0 and db.has_no_tables(path):
            return header
        raise StoreError(f"{path} is not a Sensemaking Canvas store (it is an SQLite database of another application)")
    if header.user_version > migrations.SCHEMA_VERSION:
        raise StoreError(
            f"{path} was written by a newer version of Sensemaking Canvas (store version "
            f"{header.user_version}; this version reads up to {migrations.SCHEMA_VERSION}): update the app "
            "to open it"
        )
    return header


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class Store:
    """One store file: many canvases, app state, and full-text search. Made by `open_store`."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self._path = path
        self._connection = connection
        self._db: sqlite_utils.Database | None = None

    @property
    def path(self) -> Path:
        return self._path

    @property
    def db(self) -> sqlite_utils.Database:
        """An sqlite-utils view of the same connection, for inspecting the store (tables, rows as dicts)."""
        if self._db is None:
            # Imported on first use: sqlite-utils takes a quarter of a second to import, every CLI command pays it.
            import sqlite_utils

            self._db = sqlite_utils.Database(self._connection)
        return self._db

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group several writes into one transaction (nested ones become savepoints)."""
        try:
            with db.transaction(self._connection, self._path):
                yield
        except sqlite3.Error as error:
            raise StoreError(db.describe_sqlite_error(error, self._path)) from None

    # -- canvases --------------------------------------------------------------------------------------------

    def list_canvases(self) -> list[CanvasSummary]:
        """Every canvas, the most recently changed first."""
        query = """
            SELECT id, title,
                   (SELECT count(*) FROM cards WHERE cards.canvas_id = canvases.id AND cards.deleted = 0),
                   modified
            FROM canvases WHERE deleted = 0 ORDER BY modified DESC, title
        """
        return [
            CanvasSummary(id=id_, title=title, card_count=count, modified=datetime.fromisoformat(modified))
            for id_, title, count, modified in self._read(query)
        ]

    def has_canvas(self, canvas_id: str) -> bool:
        return bool(self._read("SELECT 1 FROM canvases WHERE id = ? AND deleted = 0", (canvas_id,)))

    def find_canvas(self, ref: str) -> str:
        """The id of the canvas `ref` names: its id, or its title if only one canvas has that title."""
        if self.has_canvas(ref):
            return ref
        for comparison in ("title = ?", "lower(title) = lower(?)"):
            found = self._read(f"SELECT id FROM canvases WHERE deleted = 0 AND {comparison}", (ref,))
            if len(found) == 1:
                return str(found[0][0])
            if found:
                ids = ", ".join(str(row[0]) for row in found)
                raise StoreError(f"{len(found)} canvases are titled '{ref}' (ids {ids}); name one by its id")
        titles = [str(row[0]) for row in self._read("SELECT title FROM canvases WHERE deleted = 0")]
        if not titles:
            raise StoreError(f"there is no canvas '{ref}': the store {self._path} has no canvases yet")
        known = ", ".join(f"'{title}'" for title in titles[:8]) + (", …" if len(titles) > 8 else "")
        raise StoreError(f"there is no canvas '{ref}' in {self._path} (canvases: {known})")

    def load(self, canvas_id: str, *, lazily: bool = False) -> Document:
        """The whole canvas, tombstones included. `lazily`: its placements are read model by model when first
        needed (a window opening a large canvas reads the model it shows first); the store must then stay open as
        long as the document is used."""
        try:
            document = load_document(self._connection, canvas_id, lazily=lazily, path=self._path)
        except sqlite3.Error as error:
            raise StoreError(f"cannot read the store {self._path}: {error}") from None
        if document is None:
            raise StoreError(f"there is no canvas with id '{canvas_id}' in {self._path}")
        return document

    def save_document(self, document: Document, *, replace: bool = False) -> None:
        """Store a whole canvas in one transaction (a new canvas, the demo, an import).

        A canvas with the same id already in the store is an error, unless `replace` is set.
        """
        canvas = document.canvas
        with self.transaction(), indexed_at_end(self._connection, canvas.id):
            if self._read("SELECT 1 FROM canvases WHERE id = ?", (canvas.id,)):
                if not replace:
                    raise StoreError(f"the store {self._path} already holds a canvas with id '{canvas.id}'")
                self._connection.execute("DELETE FROM canvases WHERE id = ?", (canvas.id,))
            now = _now()
            self._connection.execute(
                f"INSERT INTO canvases ({', '.join(rows.CANVAS_COLUMNS)}, created, modified) "
                f"VALUES ({_marks(len(rows.CANVAS_COLUMNS) + 2)})",
                (*rows.canvas_row(canvas), now, now),
            )
            for table, records in (
                (Card.table, document.cards.values()),
                (Placement.table, document.placements.values()),
                (Link.table, document.links.values()),
                (ModelSettings.table, document.settings.values()),
            ):
                columns, to_row = rows.TABLES[table]
                self._connection.executemany(
                    f"INSERT INTO {table} (canvas_id, {', '.join(columns)}) VALUES ({_marks(len(columns) + 1)})",
                    [(canvas.id, *to_row(record)) for record in records],
                )

    def apply(self, canvas_id: str, changes: ChangeSet) -> None:
        """Persist a change set in one transaction: each `after` is written, each `after=None` removed."""
        if not changes:
            return
        with self.transaction():
            # Stamping the change time first also tells whether the canvas is there: one statement, not two.
            stamped = self._connection.execute("UPDATE canvases SET modified = ? WHERE id = ?", (_now(), canvas_id))
            if stamped.rowcount == 0:
                raise StoreError(f"there is no canvas with id '{canvas_id}' in {self._path}")
            # Consecutive changes of the same table and kind go to SQLite as one executemany; order is kept,
            # so a record touched twice ends as the last change says.
            for (table, removing), run in groupby(changes, key=lambda c: (c.table, c.after is None)):
                batch = list(run)
                if removing:
                    self._remove(canvas_id, table, batch)
                else:
                    self._upsert(canvas_id, table, batch)

    def delete_canvas(self, canvas_id: str) -> None:
        """Remove a canvas and everything on it (its cards, placements, links and settings)."""
        with self.transaction(), indexed_at_end(self._connection, canvas_id):
            gone = self._connection.execute("DELETE FROM canvases WHERE id = ?", (canvas_id,))
            if gone.rowcount == 0:
                raise StoreError(f"there is no canvas with id '{canvas_id}' in {self._path}")

    # -- search ----------------------------------------------------------------------------------------------

    def search(self, query: str, canvas_id: str | None = None, *, limit: int = 200) -> list[SearchHit]:
        """Live cards whose title, notes, tags or source hold every word of `query`, best matches first."""
        match = fts_query(query)
        if match is None:
            return []
        sql = """
            SELECT cards.canvas_id, canvases.title, cards.id, cards.title,
                   snippet(cards_fts, -1, '[', ']', '…', 10)
            FROM cards_fts
            JOIN cards ON cards.rowid = cards_fts.rowid
            JOIN canvases ON canvases.id = cards.canvas_id
            WHERE cards_fts MATCH ? AND cards.deleted = 0 AND canvases.deleted = 0
        """
        parameters: list[Any] = [match]
        if canvas_id is not None:
            sql += " AND cards.canvas_id = ?"
            parameters.append(canvas_id)
        sql += " ORDER BY rank LIMIT ?"
        parameters.append(limit)
        try:
            found = self._connection.execute(sql, parameters).fetchall()
        except sqlite3.Error as error:
            raise StoreError(f"cannot search the store {self._path} for '{query}': {error}") from None
        return [SearchHit(*row) for row in found]

    # -- app state -------------------------------------------------------------------------------------------

    def get_state(self, key: str) -> Any | None:
        """A remembered value (last canvas, a canvas's model and zoom…), or None."""
        found = self._read("SELECT value FROM meta WHERE key = ?", (key,))
        return json.loads(found[0][0]) if found else None

    def set_state(self, key: str, value: Any) -> None:
        """Remember a JSON-able value under `key`; None forgets it."""
        with self.transaction():
            if value is None:
                self._connection.execute("DELETE FROM meta WHERE key = ?", (key,))
            else:
                self._connection.execute(
                    "INSERT INTO meta (key, value) VALUES (?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (key, json.dumps(value, ensure_ascii=False, sort_keys=True)),
                )

    # -- rows ------------------------------------------------------------------------------------------------

    def _read(self, sql: str, parameters: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        try:
            return self._connection.execute(sql, parameters).fetchall()
        except sqlite3.Error as error:
            raise StoreError(f"cannot read the store {self._path}: {error}") from None

    def _upsert(self, canvas_id: str, table: str, changes: list[Change]) -> None:
        columns, to_row = rows.TABLES[table]
        records: list[Record] = [change.after for change in changes if change.after is not None]
        if table == Canvas.table:
            for record in records:
                if record.key != canvas_id:
                    raise ValueError(f"a change to canvas {record.key!r} applied to canvas {canvas_id!r}")
            updates = ", ".join(f"{column} = excluded.{column}" for column in columns if column != "id")
            self._connection.executemany(
                f"INSERT INTO canvases ({', '.join(columns)}, created, modified) "
                f"VALUES ({_marks(len(columns) + 2)}) ON CONFLICT (id) DO UPDATE SET {updates}",
                [(*to_row(record), _now(), _now()) for record in records],
            )
            return
        keys = _KEYS[table]
        updates = ", ".join(f"{column} = excluded.{column}" for column in columns if column not in keys)
        self._connection.executemany(
            f"INSERT INTO {table} (canvas_id, {', '.join(columns)}) VALUES ({_marks(len(columns) + 1)}) "
            f"ON CONFLICT (canvas_id, {', '.join(keys)}) DO UPDATE SET {updates}",
            [(canvas_id, *to_row(record)) for record in records],
        )

    def _remove(self, canvas_id: str, table: str, changes: list[Change]) -> None:
        keys = _KEYS[table]
        records = [change.before for change in changes if change.before is not None]
        if table == Canvas.table:
            self._connection.executemany("DELETE FROM canvases WHERE id = ?", [(record.key,) for record in records])
            return
        where = " AND ".join(f"{column} = ?" for column in ("canvas_id", *keys))
        self._connection.executemany(
            f"DELETE FROM {table} WHERE {where}",
            [(canvas_id, *(getattr(record, column) for column in keys)) for record in records],
        )


def _marks(count: int) -> str:
    return ", ".join("?" * count)


__all__ = ["CanvasSummary", "SearchHit", "Store", "StoreError", "open_store"]
