"""Reading the rest of a canvas while the window is idle: a canvas opens with the placements of the model it shows
(`Store.load(lazily=True)`); the other models' placements are read here, one model per turn of the event loop,
starting right after the canvas's first frame, so that a later flip or panel finds them in memory.

Whatever asks for a model before its turn reads it then (the document does that itself); this only moves the
reading to a moment when nobody waits for it.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from canvas.core.document import Document
from canvas.store.db import StoreError

log = logging.getLogger(__name__)


class ReadAhead(QObject):
    """Reads the documents it is given to the end, a model per idle turn, once `canvas` has painted once."""

    def __init__(self, canvas: QWidget) -> None:
        super().__init__(canvas)
        self._canvas = canvas
        self._painted = False
        self._waiting: list[Document] = []
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)
        canvas.installEventFilter(self)

    def follow(self, document: Document) -> None:
        """Read the rest of `document` (first, before any documents given earlier) when the window is idle."""
        if document.fully_read:
            return
        if document in self._waiting:
            self._waiting.remove(document)
        self._waiting.insert(0, document)
        if self._painted:
            self._timer.start()

    @property
    def busy(self) -> bool:
        """True while some document is still to be read."""
        return bool(self._waiting)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._canvas and event.type() == QEvent.Type.Paint and not self._painted:
            # Seen before the frame is painted: the timer's first turn comes once the frame is done.
            self._painted = True
            self._canvas.removeEventFilter(self)
            if self._waiting:
                self._timer.start()
        return False

    def _step(self) -> None:
        """One model of the first document waiting (documents read to the end leave the queue)."""
        while self._waiting:
            document = self._waiting[0]
            try:
                read = document.read_next()
            except StoreError as error:
                # Left as it is: the model is read (and the problem shown) when something needs it.
                log.warning("stopped reading the canvas ahead: %s", error)
                read = False
            if not read or document.fully_read:
                self._waiting.pop(0)
            if read:
                return
        self._timer.stop()
