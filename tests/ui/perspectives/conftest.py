"""Fixtures for the perspective tests: a real store in a temporary folder with one empty canvas, and the app's
own window opening code (gestures.py holds what a person does with the window)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from canvas.core.catalog import Catalog, load_catalog
from canvas.core.document import Document
from canvas.core.model import Canvas
from canvas.paths import builtin_models_dir
from canvas.store.repository import Store, open_store
from canvas.ui import theme
from canvas.ui.app import Desktop
from canvas.ui.user_settings import UserSettings

#: What the offscreen platform says about what only a window system can do (not about the app).
OFFSCREEN_LIMITS = (
    r"This plugin does not support propagateSizeHints\(\)",
    r"This plugin does not support raise\(\)",
    r"This plugin does not support grabbing the keyboard",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui/perspectives" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(*OFFSCREEN_LIMITS))


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog(builtin_models_dir(), None)


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "workshop.sqlite"


@pytest.fixture
def store(store_path: Path) -> Iterator[Store]:
    """A store with one empty canvas (journey, jobs-to-be-done and value exchange enabled, as a new canvas has)."""
    store = open_store(store_path)
    store.save_document(Document.of(Canvas(title="Payroll onboarding, Oslo workshop")))
    yield store
    store.close()


@pytest.fixture
def desktop(tmp_path: Path, catalog: Catalog) -> Iterator[Desktop]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    desktop = Desktop(catalog, UserSettings(settings))
    yield desktop
    for window in list(desktop.windows):
        window.close()


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[None]:
    """The app's own look (its font and style sheet, which set the sizes a person sees), put back afterwards."""
    sheet, font, palette = qapp.styleSheet(), qapp.font(), qapp.palette()
    theme.apply(qapp)
    yield
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)
    qapp.setPalette(palette)
