"""Fixtures for crash safety: the user's folders (logs, settings, data) kept inside the test's temporary folder,
a window on a real store, and a way to run the real app as a separate process."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from canvas.core.catalog import Catalog, load_catalog
from canvas.paths import builtin_models_dir, log_dir
from canvas.ui.app import Desktop
from canvas.ui.main_window import MainWindow
from canvas.ui.user_settings import UserSettings

OFFSCREEN_LIMITS = (
    r"This plugin does not support propagateSizeHints\(\)",
    r"This plugin does not support raise\(\)",
    r"This plugin does not support grabbing the keyboard",
)
#: The longest a real app process may take to start and open its store.
START_TIMEOUT_S = 60.0


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui/crash" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(*OFFSCREEN_LIMITS))


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A person's folders for this test only: logs, settings and data go under tmp_path/home."""
    folder = tmp_path / "home"
    for name, sub in (("XDG_STATE_HOME", "state"), ("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data")):
        monkeypatch.setenv(name, str(folder / sub))
    monkeypatch.delenv("CANVAS_STORE", raising=False)
    return folder


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog(builtin_models_dir(), None)


@pytest.fixture
def desktop(tmp_path: Path, home: Path, catalog: Catalog) -> Iterator[Desktop]:
    desktop = Desktop(catalog, UserSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)))
    yield desktop
    for window in list(desktop.windows):
        window.close()


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "workshop.sqlite"


@pytest.fixture
def window(qtbot: QtBot, desktop: Desktop, store_path: Path) -> MainWindow:
    window = desktop.open(store_path)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    return window


def app_environment(home: Path) -> dict[str, str]:
    """The environment of a real app process: offscreen, and the person's folders under `home`."""
    environment = {key: value for key, value in os.environ.items() if key != "CANVAS_STORE"}
    environment.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_STATE_HOME=str(home / "state"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        PYTHONIOENCODING="utf-8",
    )
    return environment


def start_app(home: Path, *args: str) -> subprocess.Popen[str]:
    """`canvas ARGS…` as a separate process, as a person (or their desktop) starts it."""
    return subprocess.Popen(
        [sys.executable, "-m", "canvas", *args],
        env=app_environment(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def app_log() -> Path:
    """The log file of the app (the `home` fixture points the user's state folder into the test's folder)."""
    return log_dir() / "canvas.log"


def wait_for(condition: Callable[[], bool], what: str, timeout: float = START_TIMEOUT_S) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout:.0f} s for {what}")
        time.sleep(0.05)
