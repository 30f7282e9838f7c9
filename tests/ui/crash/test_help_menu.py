"""Help → About names the version, the store and its size, and the logs; Help → Restore from backup… lists the
backups of the store and puts one back after asking (the store as it was is backed up first)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from canvas import __version__
from canvas.core.document import Document
from canvas.core.model import Canvas
from canvas.paths import log_dir
from canvas.store.backup import back_up, list_backups
from canvas.ui.app import Desktop
from canvas.ui.dialogs.about import AboutDialog
from canvas.ui.dialogs.backups import RestoreDialog
from canvas.ui.main_window import MainWindow


def test_about_names_the_version_the_store_with_its_size_and_the_logs(
    qtbot: QtBot, window: MainWindow, store_path: Path, home: Path
) -> None:
    about = AboutDialog(store_path, window)
    qtbot.addWidget(about)
    text = " ".join(label.text() for label in about.findChildren(QLabel))

    assert f"Version {__version__}" in text
    assert str(store_path) in about.store_label.text() and " kB" in about.store_label.text()
    assert str(log_dir()) in about.logs_label.text() and str(log_dir()).startswith(str(home))


def answer_restore(choose_row: int, confirm: bool, seen: list[str]) -> None:
    """Answer the two questions Restore from backup asks: which backup, and whether to go ahead."""

    def pick() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RestoreDialog)
        seen.extend(dialog.list.item(row).text() for row in range(dialog.list.count()))
        dialog.list.setCurrentRow(choose_row)
        QTimer.singleShot(0, decide)
        dialog.restore_button.click()

    def decide() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        wanted = "Restore" if confirm else "Cancel"
        [button] = [button for button in box.buttons() if button.text().replace("&", "") == wanted]
        button.click()

    QTimer.singleShot(0, pick)


def test_restore_from_backup_puts_the_store_back_and_keeps_the_store_as_it_was(
    qtbot: QtBot, desktop: Desktop, window: MainWindow, store_path: Path
) -> None:
    back_up(store_path, "before import")
    window.controller.create_canvas("Merged by mistake")
    seen: list[str] = []

    answer_restore(0, True, seen)
    window.commands.restore_backup.trigger()

    [new] = desktop.windows
    assert new is not window
    titles = [summary.title for summary in new.controller.store.list_canvases()]
    assert "Merged by mistake" not in titles and titles, "the canvases are as they were before the import"
    assert "— before import —" in seen[0]
    assert seen[-1].startswith("Put the store back as it was on")
    assert [backup.reason for backup in list_backups(store_path)] == ["before restore", "before import"]
    assert "Restored the backup" in new.statusBar().currentMessage()


def test_restore_does_nothing_when_the_person_says_cancel(
    qtbot: QtBot, desktop: Desktop, window: MainWindow, store_path: Path
) -> None:
    back_up(store_path, "before import")
    window.controller.store.save_document(Document.of(Canvas(title="Kept")))
    seen: list[str] = []

    answer_restore(0, False, seen)
    window.commands.restore_backup.trigger()

    assert desktop.windows == [window]
    assert "Kept" in [summary.title for summary in window.controller.store.list_canvases()]
    assert [backup.reason for backup in list_backups(store_path)] == ["before import"]


def test_with_no_backups_yet_the_dialog_says_when_they_are_taken(qtbot: QtBot, window: MainWindow) -> None:
    dialog = RestoreDialog(window.controller.store.path, window)
    qtbot.addWidget(dialog)
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))

    assert "There are no backups of this store yet. One is taken before an import merges" in text
    assert not dialog.restore_button.isEnabled() and dialog.chosen is None
