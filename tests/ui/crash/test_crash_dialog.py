"""An unexpected error does not make the app vanish: a calm dialog says what happened, that nothing was lost and
where the log is; the log holds the traceback; the same error again is counted, not stacked up as dialogs."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from canvas.core.edits import AddCard
from canvas.core.model import Card
from canvas.paths import log_dir
from canvas.store import open_store
from canvas.ui.crash import CrashGuard
from canvas.ui.logfile import BACKUP_COUNT, start_logging, stop_logging
from canvas.ui.main_window import MainWindow

from .conftest import app_log


def broken_slot() -> None:
    stages = {"aware": 0}
    stages["renew.feeling"] += 1  # a bug: KeyError


@pytest.fixture
def guard(home: Path) -> Iterator[CrashGuard]:
    guard = CrashGuard(start_logging(log_dir()))
    guard.install()
    yield guard
    guard.uninstall()
    if guard.dialog is not None:
        guard.dialog.close()
    stop_logging()


def crash_dialogs() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.objectName() == "crash"]


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_shows_a_calm_dialog_and_the_work_is_safe(
    qtbot: QtBot, window: MainWindow, guard: CrashGuard, store_path: Path
) -> None:
    window.controller.do(AddCard(Card(id="sunday", title="Payroll on Sunday night")))
    window.commands.fit.triggered.connect(broken_slot)

    window.commands.fit.trigger()

    qtbot.waitUntil(lambda: guard.dialog is not None and guard.dialog.isVisible())
    assert guard.dialog is not None
    assert guard.dialog.windowTitle() == "Something went wrong"
    assert "KeyError: 'renew.feeling'" in guard.dialog.text()
    reassurance = guard.dialog.informativeText()
    assert "Nothing is lost" in reassurance and "saved to the store the moment it was made" in reassurance
    assert str(app_log()) in reassurance
    assert "broken_slot" in guard.dialog.detailedText()
    assert window.isVisible(), "the window stays"
    with open_store(store_path) as store:
        assert store.load(window.controller.canvas.id).cards["sunday"].title == "Payroll on Sunday night"
    logged = app_log().read_text(encoding="utf-8")
    assert "unexpected error (KeyError: 'renew.feeling', time 1)" in logged
    assert "Traceback (most recent call last)" in logged and "broken_slot" in logged


@pytest.mark.qt_no_exception_capture
def test_the_same_error_again_is_counted_in_the_one_dialog(qtbot: QtBot, window: MainWindow, guard: CrashGuard) -> None:
    window.commands.fit.triggered.connect(broken_slot)
    for _ in range(12):
        window.commands.fit.trigger()

    qtbot.waitUntil(lambda: guard.dialog is not None and guard.dialog.isVisible())
    assert len([box for box in crash_dialogs() if box.isVisible()]) == 1
    assert guard.dialog is not None and "it has happened 12 times" in guard.dialog.informativeText()
    logged = app_log().read_text(encoding="utf-8")
    assert logged.count("Traceback (most recent call last)") == 3, "the traceback is logged a few times, not 12"
    assert "the same unexpected error again (KeyError: 'renew.feeling' at test_crash_dialog.py" in logged


@pytest.mark.qt_no_exception_capture
def test_keep_working_closes_the_dialog_and_the_window_goes_on(
    qtbot: QtBot, window: MainWindow, guard: CrashGuard
) -> None:
    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: guard.dialog is not None and guard.dialog.isVisible())
    assert guard.dialog is not None
    [keep] = [button for button in guard.dialog.buttons() if button.text() == "Keep working"]

    keep.click()

    qtbot.waitUntil(lambda: guard.dialog is None)
    assert window.isVisible()
    assert window.controller.do(AddCard(Card(title="Still capturing after the error")))


def test_the_log_rotates_in_the_users_log_folder(home: Path) -> None:
    size = 2000  # the app rotates at MAX_BYTES; a small size keeps the test quick
    path = start_logging(log_dir(), max_bytes=size)
    try:
        assert path == app_log() and str(path).startswith(str(home))
        chatter = logging.getLogger("canvas.test")
        for number in range(size // 50 * (BACKUP_COUNT + 3)):
            chatter.info("line %06d of a long workshop day", number)
    finally:
        stop_logging()
    rotated = sorted(path.parent.glob("canvas.log.*"))
    assert [file.name for file in rotated] == [f"canvas.log.{n}" for n in range(1, BACKUP_COUNT + 1)]
    assert all(file.stat().st_size <= size for file in [path, *rotated])
