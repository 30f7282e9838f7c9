"""Help → Restore from backup…: the copies of this store taken before imports and upgrades, and putting one back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from canvas.store.backup import Backup, list_backups
from canvas.ui.dialogs.about import human_size

_NONE_YET = (
    "There are no backups of this store yet. One is taken before an import merges into a canvas, and before the "
    "store is upgraded for a newer version of the app."
)


def describe(backup: Backup) -> str:
    """'Tuesday 4 March 2025, 14:22 — before import — 1.2 MB'"""
    taken = backup.taken
    when = f"{taken:%A} {taken.day} {taken:%B %Y, %H:%M}"  # the day without a leading zero, on every platform
    return f"{when} — {backup.reason} — {human_size(backup.size)}"


class RestoreDialog(QDialog):
    """Lists the backups of the store, newest first; `chosen` is the one picked when the dialog is accepted."""

    def __init__(self, store_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreBackup")
        self.setWindowTitle("Restore from backup")
        self.backups = list_backups(store_path)
        intro = QLabel(
            f"Put the store <b>{store_path.name}</b> back as it was when one of these copies was taken. "
            "The store as it is now is backed up first, so this can be undone the same way."
            if self.backups
            else _NONE_YET
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText if self.backups else Qt.TextFormat.PlainText)
        self.list = QListWidget()
        self.list.setObjectName("backups")
        for backup in self.backups:
            item = QListWidgetItem(describe(backup))
            item.setToolTip(str(backup.path))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.setVisible(bool(self.backups))
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton("Restore…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(bool(self.backups))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    @property
    def chosen(self) -> Backup | None:
        row = self.list.currentRow()
        return self.backups[row] if 0 <= row < len(self.backups) else None
