"""Opening a store file safely: recognise our own files, refuse anything else untouched, set the pragmas.

A file is checked from its raw 100-byte header before SQLite is allowed to touch it, because connecting and
setting pragmas on somebody else's database (or a newer store) could already change it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

#: PRAGMA application_id of every store: "SCnv" in ASCII, so `file(1)` and hex dumps show what the file is.
APPLICATION_ID = 0x53436E76
SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
#: How long a write waits for another program (a second window, the CLI) to finish its transaction.
BUSY_TIMEOUT_S = 5.0


class StoreError(Exception):
    """The store cannot do what was asked; the message names the file and is written for a person."""


@dataclass(frozen=True, slots=True)
class Header:
    """What the first 100 bytes of an SQLite file say about it."""

    user_version: int
    application_id: int


def read_header(path: Path) -> Header | None:
    """The header of an SQLite file, None for an empty file; StoreError for anything that is not SQLite."""
    try:
        with path.open("rb") as file:
            head = file.read(HEADER_SIZE)
    except IsADirectoryError:
        raise StoreError(f"{path} is a folder, not a store file") from None
    except OSError as error:
        raise StoreError(f"cannot read the store {path}: {error.strerror or error}") from None
    if not head:
        return None
    if len(head) < HEADER_SIZE or not head.startswith(SQLITE_MAGIC):
        raise StoreError(f"{path} is not a Sensemaking Canvas store (it is not an SQLite database)")
    return Header(
        user_version=int.from_bytes(head[60:64], "big"),
        application_id=int.from_bytes(head[68:72], "big"),
    )


def has_no_tables(path: Path) -> bool:
    """True if the SQLite file at `path` holds no schema at all; opened read-only so nothing can change."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        connection = sqlite3.connect(uri, uri=True)
        try:
            (count,) = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        return False
    return bool(count == 0)


def connect(path: Path, timeout: float = BUSY_TIMEOUT_S) -> sqlite3.Connection:
    """A connection to a store file already known to be ours (or new), with the pragmas every store uses."""
    try:
        # isolation_level=None: no implicit transactions; every write goes through `transaction()`.
        connection = sqlite3.connect(path, timeout=timeout, isolation_level=None)
    except sqlite3.Error as error:
        raise StoreError(f"cannot open the store {path}: {error}") from None
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        # Rollback journal (DELETE), not WAL: the store may live on a shared or network drive, and WAL needs
        # shared memory that network file systems do not provide (it can corrupt the file there). With a
        # rollback journal, synchronous=FULL makes each committed edit durable before the call returns, so a
        # crash or a pulled plug loses nothing; measured at about 1 ms per commit on a local disk.
        connection.execute("PRAGMA journal_mode = DELETE")
        connection.execute("PRAGMA synchronous = FULL")
        # Room for a 10,000-card canvas (about 9 MB) in SQLite's own page cache: reloading it reads no file.
        connection.execute("PRAGMA cache_size = -32000")
    except sqlite3.OperationalError as error:
        connection.close()
        raise StoreError(describe_sqlite_error(error, path, "open the file")) from None
    except sqlite3.DatabaseError as error:
        connection.close()
        raise StoreError(f"{path} is damaged and cannot be opened ({error})") from None
    return connection


def check_integrity(connection: sqlite3.Connection, path: Path) -> None:
    """Refuse a damaged store before anything is written to it (quick_check reads every page, writes none)."""
    try:
        rows = connection.execute("PRAGMA quick_check(3)").fetchall()
    except sqlite3.OperationalError as error:
        raise StoreError(describe_sqlite_error(error, path, "check the file")) from None
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path} is damaged and cannot be opened ({error})") from None
    problems = [str(row[0]) for row in rows if row[0] != "ok"]
    if problems:
        raise StoreError(f"{path} is damaged and cannot be opened ({'; '.join(problems)})")


@contextmanager
def transaction(connection: sqlite3.Connection, path: Path) -> Iterator[sqlite3.Connection]:
    """One write transaction; nested calls become savepoints. Rolls back everything on any exception.

    BEGIN IMMEDIATE takes the write lock up front: a deferred transaction that later upgrades from reading to
    writing fails at once (without waiting) when another program holds the lock, which would lose the edit.
    """
    if connection.in_transaction:
        connection.execute("SAVEPOINT nested")
        try:
            yield connection
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK TO SAVEPOINT nested")
                connection.execute("RELEASE SAVEPOINT nested")
            raise
        else:
            connection.execute("RELEASE SAVEPOINT nested")
        return
    try:
        connection.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        raise StoreError(describe_sqlite_error(error, path)) from None
    try:
        yield connection
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise


def describe_sqlite_error(error: sqlite3.Error, path: Path, doing: str = "save the change") -> str:
    """A sentence for a person about an SQLite failure while trying to `doing` in the store at `path`."""
    text = str(error)
    if "locked" in text or "busy" in text:
        return f"the store {path} is busy: another program is writing to it; try again in a moment"
    if "readonly" in text:
        return f"the store {path} is read-only: the file or its folder cannot be written"
    if "disk is full" in text or "full" in text:
        return f"the store {path} cannot grow: the disk is full"
    if "FOREIGN KEY" in text:
        return f"the change refers to a card or canvas that is not in the store {path}"
    return f"could not {doing} in the store {path} ({text})"
