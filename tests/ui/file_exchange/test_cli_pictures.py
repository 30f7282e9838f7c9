"""`canvas export --format png|svg|pdf` in a real process with no display: the same picture as the app draws."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from canvas.core.catalog import Catalog
from canvas.core.demo import DEMO_CANVAS_ID, build_demo
from canvas.store.repository import open_store
from canvas.ui.render import render_view
from canvas.ui.scene.scene import CanvasScene

pytestmark = pytest.mark.slow  # three processes that each start Qt


def canvas_command(*args: str | Path, home: Path) -> subprocess.CompletedProcess[str]:
    """`python -m canvas …` as a shell on a server runs it: no display, no Qt platform chosen."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "CANVAS_STORE")
    }
    environment.update(XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"))
    return subprocess.run(
        [sys.executable, "-m", "canvas", *(str(arg) for arg in args)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def pictures(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The demo canvas exported as PNG, SVG and PDF by three runs of the command line."""
    folder = tmp_path_factory.mktemp("pictures")
    store = folder / "workshop.sqlite"
    with open_store(store) as opened:
        opened.save_document(build_demo())
    written = {}
    for fmt in ("png", "svg", "pdf"):
        out = folder / f"payroll.{fmt}"
        done = canvas_command("--store", store, "export", DEMO_CANVAS_ID, "--format", fmt, "-o", out, home=folder)
        assert done.returncode == 0, done.stderr
        assert done.stderr == ""
        assert f"wrote {out}" in done.stdout
        written[fmt] = out
    return written


def test_the_png_is_the_apps_picture_of_the_first_model_with_text(
    qtbot: QtBot, catalog: Catalog, pictures: dict[str, Path], tmp_path: Path
) -> None:
    image = QImage(str(pictures["png"]))
    assert not image.isNull()
    scene = CanvasScene(catalog)
    scene.show_document(build_demo(), "journey")
    same = QImage(str(render_view(scene, tmp_path / "app.png", "png", "Payroll")))
    assert (image.width(), image.height()) == (same.width(), same.height())
    assert image.width() >= scene.content_rect().width()
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    pixels = np.frombuffer(grey.constBits(), dtype=np.uint8).reshape(grey.height(), grey.bytesPerLine())
    dark_rows = (pixels[:, : grey.width()] < 90).any(axis=1)
    assert dark_rows[40:100].sum() > 15, "no title"
    assert dark_rows[130:-200].sum() > 100, "no card text"


def test_the_svg_parses_and_holds_the_canvas_title_as_text(pictures: dict[str, Path]) -> None:
    root = ET.parse(pictures["svg"]).getroot()
    texts = ["".join(element.itertext()) for element in root.iter() if element.tag.endswith("text")]
    assert build_demo().canvas.title in texts
    assert any("Hiring her first two" in text for text in texts)


def test_the_pdf_has_one_page_per_model_of_the_canvas(catalog: Catalog, pictures: dict[str, Path]) -> None:
    pdf = pictures["pdf"].read_bytes()
    assert pdf.startswith(b"%PDF")
    models = [model for model in build_demo().canvas.models if model in catalog]
    assert len(models) > 1
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == len(models)
    assert b"/Font" in pdf, "text is text, not pixels"
