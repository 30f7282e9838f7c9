"""The undo history: every step of the open canvas, and a click goes back to any of them."""

from __future__ import annotations

from PySide6.QtGui import QUndoGroup
from PySide6.QtWidgets import QUndoView, QWidget


class History(QUndoView):
    """A QUndoView of the open canvas's stack; its first line is the canvas as it was opened."""

    def __init__(self, group: QUndoGroup, parent: QWidget | None = None) -> None:
        super().__init__(group, parent)
        self.setObjectName("history")
        self.setEmptyLabel("Opened")
        self.setAlternatingRowColors(False)
