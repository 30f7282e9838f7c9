"""Pictures of a canvas: PNG, SVG and PDF with title and legend, and the headless export from a store file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from canvas.core.catalog import Catalog
from canvas.core.document import Document
from canvas.core.model import Side
from canvas.store.repository import open_store
from canvas.ui.render import export_picture, render_view
from canvas.ui.scene.scene import CanvasScene


def dark_rows(image: QImage, top: int, bottom: int) -> int:
    """Rows between top and bottom holding text-dark pixels."""
    return sum(
        1
        for y in range(top, min(bottom, image.height()))
        if any(QColor(image.pixel(x, y)).lightness() < 90 for x in range(0, image.width(), 2))
    )


def test_png_has_title_picture_and_legend(qtbot: QtBot, scene: CanvasScene, tmp_path: Path) -> None:
    out = render_view(scene, tmp_path / "journey.png", "png", "Payroll onboarding, Oslo workshop")
    image = QImage(str(out))
    assert not image.isNull()
    width = scene.content_rect().width()
    assert image.width() >= width
    assert dark_rows(image, 40, 100) > 15, "the canvas title is missing"
    assert dark_rows(image, image.height() - 160, image.height()) > 20, "the legend is missing"


def test_svg_and_pdf_keep_text_as_text(qtbot: QtBot, scene: CanvasScene, tmp_path: Path) -> None:
    svg = render_view(scene, tmp_path / "journey.svg", "svg", "Payroll onboarding").read_text(encoding="utf-8")
    assert "Payroll onboarding" in svg
    assert "<text" in svg and "Customer journey map" in svg
    assert "Hears about us" in svg, "card titles are text, not pictures of text"
    assert "<image" not in svg
    pdf = render_view(scene, tmp_path / "journey.pdf", "pdf", "Payroll onboarding").read_bytes()
    assert pdf.startswith(b"%PDF") and b"/Font" in pdf
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1


def test_an_unknown_format_is_refused_by_name(qtbot: QtBot, scene: CanvasScene, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="'gif'"):
        render_view(scene, tmp_path / "x.gif", "gif", "x")  # type: ignore[arg-type]


def test_export_from_a_store_file_one_pdf_page_per_model(
    qtbot: QtBot, catalog: Catalog, document: Document, tmp_path: Path
) -> None:
    store_path = tmp_path / "workshop.sqlite"
    with open_store(store_path) as store:
        store.save_document(document)
    out = export_picture(store_path, document.canvas.title, None, None, "pdf", tmp_path / "all.pdf")
    pdf = out.read_bytes()
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == len(document.canvas.models)

    png = export_picture(store_path, document.canvas.id, "jtbd", "organization", "png", tmp_path / "jtbd.png")
    assert not QImage(str(png)).isNull()


def test_export_names_what_is_wrong(qtbot: QtBot, document: Document, tmp_path: Path) -> None:
    store_path = tmp_path / "workshop.sqlite"
    with open_store(store_path) as store:
        store.save_document(document)
    with pytest.raises(ValueError, match="no model 'kano'"):
        export_picture(store_path, document.canvas.id, "kano", None, "png", tmp_path / "x.png")
    with pytest.raises(ValueError, match="'sideways' is not a side"):
        export_picture(store_path, document.canvas.id, "journey", "sideways", "png", tmp_path / "x.png")


def test_a_side_is_named_in_the_subtitle(qtbot: QtBot, catalog: Catalog, document: Document, tmp_path: Path) -> None:
    scene = CanvasScene(catalog)
    scene.show_document(document, "journey", Side.CUSTOMER)
    svg = render_view(scene, tmp_path / "customer.svg", "svg", "t").read_text(encoding="utf-8")
    assert "from the customer" in svg
