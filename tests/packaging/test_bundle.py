"""The standalone app: `make package`'s build (PyInstaller, packaging/canvas.spec) makes a one-folder bundle that
says its version, starts offscreen with real text on screen, and carries only what the app uses."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from canvas import __version__

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
#: The bundle measured 254 MB on Linux (PySide6 essentials ~90 MB, scipy ~75 MB, numpy ~40 MB); a jump past this
#: means something unwanted came along.
SIZE_BUDGET = 300_000_000


def build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("packaging_build", ROOT / "packaging" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Any:
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller is not installed (pip install -e '.[package]'), so the standalone app cannot be built")
    folder = tmp_path_factory.mktemp("package")
    return build_script().build(folder / "dist", folder / "work")


def app_environment(home: Path) -> dict[str, str]:
    environment = {key: value for key, value in os.environ.items() if key != "CANVAS_STORE"}
    environment.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_STATE_HOME=str(home / "state"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
    )
    return environment


def test_the_bundle_says_its_version(bundle: Any) -> None:
    result = subprocess.run([bundle.program, "--version"], capture_output=True, text=True, timeout=120, check=False)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"canvas {__version__}"


def glyph_variety(image: QImage, x0: int, y0: int, x1: int, y1: int) -> int:
    """How many different column profiles the dark pixels of an area have: real glyphs give many, the empty boxes
    drawn when no font is found give two or three."""
    profiles = set()
    for x in range(x0, x1):
        column = tuple(y for y in range(y0, y1) if image.pixelColor(x, y).lightness() < 110)
        if column:
            profiles.add(len(column))
    return len(profiles)


def test_the_bundle_starts_offscreen_and_shows_the_window_with_real_text(
    bundle: Any, tmp_path: Path, qapp: QApplication
) -> None:
    out = tmp_path / "bundle-window.png"
    store = tmp_path / "workshop.sqlite"

    result = subprocess.run(
        [bundle.program, "--store", str(store), "open", "--model", "journey", "--screenshot", str(out)],
        env=app_environment(tmp_path / "home"),
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert result.stderr == "", "a quiet start: no warnings on the terminal"
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1600, 1000)
    assert glyph_variety(image, 0, 0, 260, 30) >= 6, "the menu bar shows File, Edit, View… as real text"
    assert glyph_variety(image, 0, 60, 1200, 1000) >= 12, "the demo canvas's cards carry text"


def test_the_bundle_carries_the_models_and_resources_and_nothing_the_app_does_not_use(bundle: Any) -> None:
    internal = Path(bundle.bundle) / "_internal"
    names = {path.relative_to(internal).as_posix() for path in internal.rglob("*")}

    assert {"models/journey.toml", "resources/icons/app.svg", "resources/style/canvas.qss"} <= names
    assert "resources/desktop/sensemaking-canvas.desktop" in names
    unwanted = ("QtWebEngine", "QtQml", "QtQuick", "Qt6Pdf", "tkinter", "hypothesis", "_pytest", "mypy/", "libqgtk3")
    assert [name for name in names if any(word in name for word in unwanted)] == []
    assert bundle.size_bytes < SIZE_BUDGET, f"the bundle grew to {bundle.size_bytes / 1e6:.0f} MB"
