"""Zoomed far out, every row and column header keeps a readable label: long labels wrap (a long word splits with a
hyphen, elided only as a last resort) to fit their header, and the other side's headers keep theirs, paler."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRect, QRectF
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from canvas.core.catalog import Catalog
from canvas.core.demo import build_demo
from canvas.core.layout import layout_model
from canvas.core.model import Side
from canvas.ui.scene.items.backdrop import qrect
from canvas.ui.scene.items.far_label import MIN_SPLIT, MIN_WIDTH_PX, PAD_PX, SIZES_PX, FarLabel, _hyphenated
from canvas.ui.scene.scene import CanvasScene
from canvas.ui.scene.style import Style
from canvas.ui.scene.text import LINE_SEPARATOR
from canvas.ui.scene.view import CanvasView

GRIDS = ("journey", "service-blueprint")


def dark_pixels(image: QImage, area: QRect) -> int:
    area = area.intersected(image.rect())
    return sum(
        1
        for y in range(area.top(), area.bottom() + 1)
        for x in range(area.left(), area.right() + 1)
        if QColor(image.pixel(x, y)).lightness() < 150
    )


@pytest.mark.parametrize("side", [Side.CUSTOMER, Side.ORGANIZATION])
@pytest.mark.parametrize("model", GRIDS)
def test_every_row_header_shows_its_label_far_out_from_either_side(
    qtbot: QtBot, catalog: Catalog, model: str, side: Side
) -> None:
    scene = CanvasScene(catalog)
    scene.show_document(build_demo(), model, side)
    view = CanvasView(scene)
    qtbot.addWidget(view)
    view.resize(1200, 900)
    view.show()
    qtbot.waitExposed(view)
    view.set_zoom(0.25)
    layout = scene.model_layout()
    view.centerOn(QPointF(layout.bounds.w / 2, layout.bounds.h / 2))
    image = view.grab().toImage()

    for row in layout.rows:
        area = view.mapFromScene(qrect(row.rect).adjusted(8.0, 0.0, 0.0, 0.0)).boundingRect()
        assert view.viewport().rect().contains(area), f"{row.label} is not in view"
        assert dark_pixels(image, area) > 12, f"the {row.label!r} row of {model} lost its label (seen from {side})"


@pytest.mark.parametrize("zoom", [0.03, 0.06, 0.1, 0.15, 0.22, 0.3, 0.45])
def test_far_labels_fit_their_headers_and_keep_every_word(catalog: Catalog, zoom: float) -> None:
    style = Style.standard()
    for model in GRIDS:
        spec = catalog.get(model)
        assert spec is not None
        layout = layout_model(spec, None, {})
        for header in layout.rows:
            label = FarLabel(header.label, style.row_header_font, qrect(header.rect), tall=True)
            grow, text, size = label.fit(zoom)
            shown = text.text()
            assert shown, f"{header.label!r} vanished at zoom {zoom}"
            words = shown.replace("-" + LINE_SEPARATOR, "").replace(LINE_SEPARATOR, " ")
            assert words == header.label or (words.endswith("…") and header.label.startswith(words[:1]))
            on_screen = size.width() * grow * zoom
            room = max(header.rect.w * zoom - 2 * PAD_PX, MIN_WIDTH_PX)
            assert on_screen <= room + 2.0 or words.endswith("…")
            assert grow * style.row_header_font.pixelSize() * zoom >= 9.0 - 1e-6, "never smaller than 9 px"


def test_a_label_shrinks_before_any_word_is_split_and_never_leaves_a_stub() -> None:
    style = Style.standard()
    font = style.row_header_font
    # A narrow row header far out: "Frontstage" fits no size whole, so it is split, at the smallest size only.
    label = FarLabel("Frontstage", font, qrect_of(40.0, 400.0), tall=True)
    grow, text, _ = label.fit(0.2)
    assert grow * font.pixelSize() * 0.2 == pytest.approx(SIZES_PX[-1]), "split only at the smallest size"
    head, tail = text.text().split("-" + LINE_SEPARATOR)
    assert head + tail == "Frontstage" and len(head) >= MIN_SPLIT and len(tail) >= MIN_SPLIT

    # A split never leaves fewer than three letters by the hyphen: it breaks earlier, else the word is elided.
    assert _hyphenated("Thinking", ["Thinki", "ng"]) == (["Think-", "ing"], "split")
    assert _hyphenated("Thinking", ["Th", "inking"])[1] == "cut"
    assert _hyphenated("Thinking hard", ["Thin", "king hard"]) == (["Thin-", "king hard"], "split")


def qrect_of(width: float, height: float) -> QRectF:
    return QRectF(0.0, 0.0, width, height)
