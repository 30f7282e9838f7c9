"""Handing a request to the app that already has the store open: a double-clicked `.scanvas` file is imported
there (with its preview), and starting the app again brings its window to the front.

The app holding a store listens on a local socket named for the store and the user; a second start that finds
the store locked sends one JSON line ({"import": path or null}) and leaves if the answer is "ok".
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

#: How long a second start waits for the running app to answer before it says the store is in use.
FORWARD_TIMEOUT_MS = 3000
_OK = b"ok\n"


def server_name(store_path: Path) -> str:
    """A socket name for this user and this store (short: some systems limit socket paths to ~100 bytes)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name (a container without passwd entry)
        user = ""
    digest = hashlib.sha256(f"{user}\0{store_path.resolve()}".encode()).hexdigest()[:24]
    return f"sensemaking-canvas-{digest}"


class StoreServer(QObject):
    """Listens for later starts of the app on the same store."""

    #: Path | None: a file to import (None: just show the window).
    requested = Signal(object)

    def __init__(self, store_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}
        name = server_name(store_path)
        # Called only while this app holds the store's lock, so a socket file left here is from a killed app.
        QLocalServer.removeServer(name)
        if not self._server.listen(name):
            log.warning("cannot listen for later starts on %s: %s", store_path, self._server.errorString())

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            connection = self._server.nextPendingConnection()
            self._buffers[connection] = b""
            connection.readyRead.connect(lambda c=connection: self._read(c))
            connection.disconnected.connect(lambda c=connection: self._forget(c))

    def _read(self, connection: QLocalSocket) -> None:
        data = self._buffers.get(connection, b"") + bytes(connection.readAll().data())
        if b"\n" not in data:
            self._buffers[connection] = data[:4096]
            return
        line = data.split(b"\n", 1)[0]
        try:
            message = json.loads(line)
            target = message.get("import") if isinstance(message, dict) else None
        except ValueError:
            log.warning("ignored a request that is not JSON from a later start")
            connection.disconnectFromServer()
            return
        connection.write(_OK)
        connection.flush()
        connection.disconnectFromServer()
        log.info("a later start asked to %s", f"import {target}" if target else "show the window")
        self.requested.emit(Path(target) if isinstance(target, str) and target else None)

    def _forget(self, connection: QLocalSocket) -> None:
        self._buffers.pop(connection, None)
        connection.deleteLater()


def forward(store_path: Path, import_path: Path | None, timeout_ms: int = FORWARD_TIMEOUT_MS) -> bool:
    """Ask the app holding `store_path` to import `import_path` (or just to come to the front). True if it agreed."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(store_path))
    if not socket.waitForConnected(timeout_ms):
        return False
    message = {"import": str(import_path.resolve()) if import_path is not None else None}
    socket.write(json.dumps(message).encode() + b"\n")
    socket.flush()
    answer = b""
    while _OK not in answer and socket.waitForReadyRead(timeout_ms):
        answer += bytes(socket.readAll().data())
    socket.abort()
    return _OK in answer


class FileOpenEvents(QObject):
    """Files the system asks the running app to open (macOS sends a double-clicked file as an event, not argv)."""

    #: Path: a file to import.
    opened = Signal(object)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent) and event.file():
            self.opened.emit(Path(event.file()))
            return True
        return False
