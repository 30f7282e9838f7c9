"""Short messages to the person: a confirmation before something cannot be taken back, and a clear problem report."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def confirm(parent: QWidget | None, title: str, text: str, detail: str, action: str) -> bool:
    """Ask before a step that undo cannot bring back. The safe answer (Cancel) is the default."""
    box = QMessageBox(parent)
    box.setObjectName("confirm")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    box.setInformativeText(detail)
    accept = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is accept


def show_problem(parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
    """Tell the person what could not be done and why, naming the thing and the place."""
    box = QMessageBox(parent)
    box.setObjectName("problem")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    if detail:
        box.setInformativeText(detail)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()
