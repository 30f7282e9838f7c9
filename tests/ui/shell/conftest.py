"""Fixtures for the shell's tests: a real store file in a temporary folder, the built-in catalog, a controller."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from canvas.core.catalog import Catalog, load_catalog
from canvas.core.document import Document
from canvas.core.model import Canvas
from canvas.paths import builtin_models_dir
from canvas.store.repository import Store, open_store
from canvas.ui.app import Desktop
from canvas.ui.controller import Controller
from canvas.ui.user_settings import UserSettings

#: The offscreen platform (tests run without a display) says it cannot do what only a window system does; these
#: lines describe the test platform, not the app, so they are the only Qt messages a shell test may emit.
OFFSCREEN_LIMITS = (
    r"This plugin does not support propagateSizeHints\(\)",
    r"This plugin does not support raise\(\)",
    r"This plugin does not support grabbing the keyboard",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui/shell" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(*OFFSCREEN_LIMITS))


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog(builtin_models_dir(), None)


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "workshop.sqlite"


@pytest.fixture
def store(store_path: Path) -> Iterator[Store]:
    store = open_store(store_path)
    store.save_document(Document.of(Canvas(title="Payroll onboarding, Oslo workshop")))
    yield store
    store.close()


@pytest.fixture
def controller(qtbot: QtBot, store: Store, catalog: Catalog) -> Controller:
    controller = Controller(store, catalog)
    controller.open_canvas(store.list_canvases()[0].id)
    return controller


@pytest.fixture
def desktop(tmp_path: Path, catalog: Catalog) -> Iterator[Desktop]:
    """The app's own window opening code, with user settings in a file of the test's own."""
    desktop = Desktop(catalog, UserSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)))
    yield desktop
    for window in list(desktop.windows):
        window.close()
