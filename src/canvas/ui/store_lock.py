"""One app per store: a lock file next to the store while a window has it open, so a second app is refused
(it hands its request to this one instead, see instance.py).

Two apps on one store would not damage the file (SQLite locks every write), but each window shows the canvas as
it loaded it and writes its own edits over the other's. The command line is not locked out: it reads the store
afresh for every command.

The lock is per process (an operating-system fact), so the locks live on the QApplication: windows of one app
may open the same store. A lock left by a killed app is recognised as stale (its process is gone) and taken over.
"""

from __future__ import annotations

import contextlib
import logging
import socket
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, Signal

from canvas.store import StoreError
from canvas.ui.instance import StoreServer

log = logging.getLogger(__name__)


class StoreInUse(StoreError):
    """The store is open in another app (the message says which process, and what to do)."""

    def __init__(self, path: Path, pid: int, host: str) -> None:
        here = host in ("", socket.gethostname())
        where = f"process {pid} on this computer" if here else f"on the computer '{host}'"
        super().__init__(
            f"{path} is already open in Sensemaking Canvas ({where}). Use that window, or close it and try again: "
            "two apps writing to one store would each overwrite the other's edits"
        )
        self.path = path
        self.pid = pid
        self.host = host


def lock_path(store_path: Path) -> Path:
    return store_path.with_name(f"{store_path.name}.lock")


@dataclass
class _Held:
    lock: QLockFile | None  # None: the folder cannot hold a lock file; the store was opened without one
    server: StoreServer | None
    users: int


class StoreLocks(QObject):
    """The stores this app holds open, each with its lock file and a socket for later starts of the app on the same
    store. Use `StoreLocks.of(app)`."""

    #: Path (the store), Path | None (a file to import): a later start of the app on a store held here.
    requested = Signal(object, object)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName("storeLocks")
        self._held: dict[Path, _Held] = {}

    @staticmethod
    def of(app: QCoreApplication) -> StoreLocks:
        found = app.findChild(StoreLocks, "storeLocks")
        return found if isinstance(found, StoreLocks) else StoreLocks(app)

    def acquire(self, store_path: Path) -> None:
        """Hold the store at `store_path` for one more window. StoreInUse if another app holds it."""
        key = store_path.resolve()
        held = self._held.get(key)
        if held is not None:
            held.users += 1
            return
        # A new store's folder may not exist yet (open_store makes it, and says so clearly if it cannot).
        with contextlib.suppress(OSError):
            key.parent.mkdir(parents=True, exist_ok=True)
        lock = QLockFile(str(lock_path(key)))
        # Never stale by age: a workshop may keep the app open for days. A lock whose process has gone is stale.
        lock.setStaleLockTime(0)
        if lock.tryLock(0):
            server = StoreServer(key, self)
            server.requested.connect(lambda target, store=key: self.requested.emit(store, target))
            self._held[key] = _Held(lock, server, 1)
            return
        if lock.error() == QLockFile.LockError.LockFailedError:
            pid, host, _app = lock.getLockInfo()
            raise StoreInUse(store_path, pid, host)
        # A read-only folder or a file system without locks: opening without a lock beats not opening at all.
        log.warning("opened %s without a lock file (%s)", store_path, lock.error().name)
        self._held[key] = _Held(None, None, 1)

    def release(self, store_path: Path) -> None:
        """One window less on the store; the last one removes the lock file."""
        key = store_path.resolve()
        held = self._held.get(key)
        if held is None:
            return
        held.users -= 1
        if held.users <= 0:
            del self._held[key]
            if held.server is not None:
                held.server.close()
                held.server.deleteLater()
            if held.lock is not None:
                held.lock.unlock()

    def holds(self, store_path: Path) -> bool:
        return store_path.resolve() in self._held
