"""Copies of a store taken next to it before a risky step (an import merge, an upgrade), and restoring one.

A backup of `workshop.sqlite` is `workshop.backup-20250301-142233-120-before-import.sqlite` in the same folder:
a complete store (SQLite's online backup API copies a consistent snapshot even while the app has the file open),
so it can also be opened directly with File → Open store. Only the newest few are kept.
"""

from __future__ import annotations

import contextlib
import glob
import re
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from canvas.store import db, migrations
from canvas.store.db import StoreError

#: How many backups of one store are kept; taking another removes the oldest.
KEEP = 5
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(?P<stem>.+)\.backup-(?P<stamp>\d{8}-\d{6})-(?P<ms>\d{3})-(?P<reason>[a-z0-9-]+)$")
_PARTIAL = ".part"
#: Pages copied per step: small steps let a writer in another program get the lock between them.
_PAGES_PER_STEP = 1024


@dataclass(frozen=True, slots=True)
class Backup:
    """One backup file of a store."""

    path: Path
    taken: datetime
    #: Why it was taken, in words: "before import", "before upgrade", "before restore".
    reason: str
    size: int


def backup_name(store_path: Path, taken: datetime, reason: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-") or "backup"
    stamp = f"{taken.strftime(_STAMP)}-{taken.microsecond // 1000:03d}"
    return f"{store_path.stem}.backup-{stamp}-{slug}{store_path.suffix}"


def back_up(store_path: Path, reason: str, *, keep: int = KEEP) -> Path:
    """Copy the store at `store_path` next to itself (committed edits only) and keep the newest `keep` copies.

    Returns the backup's path. StoreError if the copy cannot be written (a full disk, a read-only folder); the
    store itself is only read.
    """
    store_path = Path(store_path)
    taken = datetime.now()
    target = store_path.with_name(backup_name(store_path, taken, reason))
    while target.exists():  # two backups within the same millisecond
        taken = datetime.fromtimestamp(taken.timestamp() + 0.001)
        target = store_path.with_name(backup_name(store_path, taken, reason))
    # Written under another name and renamed when complete: an app killed halfway leaves no half backup in the list.
    partial = target.with_name(target.name + _PARTIAL)
    _copy(store_path, partial, f"back up the store {store_path} to {target.name}")
    partial.replace(target)
    _remove_leftovers(store_path)
    for old in list_backups(store_path)[keep:]:
        old.path.unlink(missing_ok=True)
    return target


def _remove_leftovers(store_path: Path) -> None:
    """Half-written backups of an app that was killed while copying (an hour old: none is still being written)."""
    cutoff = time.time() - 3600
    for path in store_path.parent.glob(f"{glob.escape(store_path.stem)}.backup-*{_PARTIAL}*"):
        with contextlib.suppress(OSError):
            if path.stat().st_mtime < cutoff:
                path.unlink()


def list_backups(store_path: Path) -> list[Backup]:
    """The backups of the store at `store_path`, newest first."""
    store_path = Path(store_path)
    found: list[Backup] = []
    if not store_path.parent.is_dir():
        return found
    for path in store_path.parent.glob(f"{glob.escape(store_path.stem)}.backup-*{glob.escape(store_path.suffix)}"):
        name = path.name[: len(path.name) - len(store_path.suffix)] if store_path.suffix else path.name
        match = _NAME.match(name)
        if match is None or match["stem"] != store_path.stem:
            continue
        taken = datetime.strptime(match["stamp"], _STAMP).replace(microsecond=int(match["ms"]) * 1000)
        try:
            size = path.stat().st_size
        except OSError:
            continue
        found.append(Backup(path, taken, match["reason"].replace("-", " "), size))
    found.sort(key=lambda backup: backup.taken, reverse=True)
    return found


def restore(store_path: Path, backup: Path, *, keep: int = KEEP) -> Path:
    """Put the contents of `backup` back into the store at `store_path`, after backing up the store as it is.

    The store file stays where it is and is written in one transaction under SQLite's lock, so a window that has
    it open keeps a valid connection (it must reload what it shows). A backup from before an upgrade is upgraded
    again. Returns the backup taken of the store as it was.
    """
    from canvas.store.repository import open_store  # the repository backs up through this module

    store_path, backup = Path(store_path), Path(backup)
    _check_backup(backup)
    # One more than usual is kept for a moment, so the backup being restored cannot be the one pruned.
    safety = back_up(store_path, "before restore", keep=keep + 1)
    _copy(backup, store_path, f"restore the store {store_path} from {backup.name}")
    open_store(store_path).close()
    for old in list_backups(store_path)[keep:]:
        old.path.unlink(missing_ok=True)
    return safety


def _check_backup(backup: Path) -> None:
    """Refuse a file that is not a store this version can open (a damaged copy, another app's database)."""
    header = db.read_header(backup)
    if header is None or header.application_id != db.APPLICATION_ID:
        raise StoreError(f"{backup} is not a backup of a Sensemaking Canvas store")
    if header.user_version > migrations.SCHEMA_VERSION:
        raise StoreError(f"{backup} was written by a newer version of Sensemaking Canvas; update the app to use it")
    connection = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    try:
        db.check_integrity(connection, backup)
    finally:
        connection.close()


def _copy(source: Path, target: Path, doing: str) -> None:
    """Copy the database at `source` into `target` with SQLite's backup API (a consistent snapshot)."""
    try:
        reader = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True, timeout=db.BUSY_TIMEOUT_S)
    except sqlite3.Error as error:
        raise StoreError(f"could not {doing}: {error}") from None
    try:
        writer = sqlite3.connect(target, timeout=db.BUSY_TIMEOUT_S)
        try:
            reader.backup(writer, pages=_PAGES_PER_STEP)
        finally:
            writer.close()
    except sqlite3.Error as error:
        raise StoreError(f"could not {doing}: {_reason(error)}") from None
    finally:
        reader.close()


def _reason(error: sqlite3.Error) -> str:
    text = str(error)
    if "full" in text:
        return "the disk is full"
    if "readonly" in text or "unable to open" in text:
        return "the folder cannot be written"
    if "locked" in text or "busy" in text:
        return "another program is writing to it; try again in a moment"
    return text
