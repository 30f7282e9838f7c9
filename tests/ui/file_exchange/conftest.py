"""Fixtures for the window's import and export: a real main window on a store file that starts with the demo,
and a teammate with a store of their own, driven through the command line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from canvas.core.catalog import Catalog, load_catalog
from canvas.paths import builtin_models_dir
from canvas.ui.app import Desktop
from canvas.ui.main_window import MainWindow
from canvas.ui.user_settings import UserSettings

from .teammates import Teammate

#: What the offscreen platform says about what only a window system does (it says nothing about the app).
OFFSCREEN_LIMITS = (
    r"This plugin does not support propagateSizeHints\(\)",
    r"This plugin does not support raise\(\)",
    r"This plugin does not support grabbing the keyboard",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui/file_exchange" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(*OFFSCREEN_LIMITS))


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog(builtin_models_dir(), None)


@pytest.fixture
def desktop(tmp_path: Path, catalog: Catalog) -> Iterator[Desktop]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    desktop = Desktop(catalog, UserSettings(settings))
    yield desktop
    for window in list(desktop.windows):
        window.close()


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "kari.sqlite"


@pytest.fixture
def window(qtbot: QtBot, desktop: Desktop, store_path: Path) -> MainWindow:
    """Kari's window on a store that starts with the demo canvas, as on a first start."""
    window = desktop.open(store_path)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def tor(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Teammate:
    return Teammate(tmp_path / "tor.sqlite", capsys)
