"""Every built-in model is drawn from its definition alone, with real text (not the empty boxes of missing fonts)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter
from pytestqt.qtbot import QtBot

from canvas.core.catalog import Catalog
from canvas.core.demo import build_demo
from canvas.core.document import Document
from canvas.core.model import Side
from canvas.ui.scene.items.backdrop import HeaderPanel
from canvas.ui.scene.scene import CanvasScene
from canvas.ui.scene.style import Style


def render(scene: CanvasScene, source: QRectF, scale: float = 1.0) -> QImage:
    image = QImage(int(source.width() * scale), int(source.height() * scale), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    scene.render(painter, QRectF(image.rect()), source, Qt.AspectRatioMode.IgnoreAspectRatio)
    painter.end()
    return image


def ink(image: QImage) -> int:
    """Pixels dark enough to be text."""
    return sum(
        1
        for y in range(0, image.height(), 1)
        for x in range(0, image.width(), 1)
        if QColor(image.pixel(x, y)).lightness() < 110
    )


def test_fonts_are_real_glyphs_not_boxes(qtbot: QtBot) -> None:
    # Missing fonts draw every character as the same empty box: narrow and wide letters would be equally wide.
    metrics = QFontMetricsF(Style.standard().title_font)
    assert metrics.horizontalAdvance("iiiiiiii") < 0.6 * metrics.horizontalAdvance("WWWWWWWW")


@pytest.mark.parametrize("model", ["journey", "jtbd", "value-exchange", "empathy", "service-blueprint"])
def test_each_built_in_model_shows_its_headers_with_text(qtbot: QtBot, catalog: Catalog, model: str) -> None:
    scene = CanvasScene(catalog)
    scene.show_document(build_demo(), model)

    assert scene.backdrop is not None
    headers = scene.backdrop.headers
    spec = catalog.get(model)
    assert spec is not None
    if spec.regions is not None:
        assert [h.header.label for h in headers] == [region.label for region in spec.regions.regions]
    header: HeaderPanel = headers[0]
    label_area = QRectF(header.header.rect.x, header.header.rect.y, header.header.rect.w, 34.0)
    assert ink(render(scene, label_area)) > 40, f"no text in the {header.header.label!r} header of {model}"
    assert header.tooltip.endswith(header.header.question)


def test_every_model_of_the_demo_places_its_cards_and_empty_zones_ask_their_question(
    qtbot: QtBot, catalog: Catalog
) -> None:
    demo = build_demo()
    scene = CanvasScene(catalog)
    scene.show_document(demo, "journey")
    for model in catalog.models:
        scene.flip_to(model, animate=False)
        placed = {item.card_id for item in scene.cards.placed()}
        assert placed == set(demo.placements_in(model)), model
        backdrop = scene.backdrop
        assert backdrop is not None
        for zone_id, zone in backdrop.zones.items():
            assert zone.empty == (zone_id not in scene.cards.members), (model, zone_id)


def test_empty_zone_invites_input_with_its_question(qtbot: QtBot, catalog: Catalog) -> None:
    scene = CanvasScene(catalog)
    empty = Document.of(build_demo().canvas)
    scene.show_document(empty, "journey")
    assert scene.backdrop is not None
    zone = scene.backdrop.zones["aware.feeling"]
    assert zone.empty
    box = zone.zone.content
    image = render(scene, QRectF(box.x, box.y, box.w, box.h))
    # The invitation is muted grey on the zone's tint: count pixels darker than the tint.
    muted = sum(
        1 for y in range(image.height()) for x in range(image.width()) if QColor(image.pixel(x, y)).lightness() < 200
    )
    assert muted > 100, "the empty Feeling zone shows no invitation"
    assert "What does the customer feel here?" in zone.zone.question


def test_the_other_side_is_dimmed(qtbot: QtBot, catalog: Catalog, document: Document) -> None:
    scene = CanvasScene(catalog)
    scene.show_document(document, "journey", Side.CUSTOMER)
    assert scene.backdrop is not None
    assert scene.backdrop.zones["use.backstage"].dimmed
    assert not scene.backdrop.zones["use.pains"].dimmed
    assert not scene.backdrop.zones["use.touchpoints"].dimmed  # shared
    backstage = [item for item in scene.cards.placed() if item.zone and item.zone.endswith(".backstage")]
    assert backstage and all(item.dimmed and item.opacity() < 0.5 for item in backstage)

    scene.set_side(None)
    assert not any(item.dimmed for item in scene.cards.items.values())


def test_presentation_look_has_larger_type_and_keeps_model_side_and_selection(
    qtbot: QtBot, catalog: Catalog, document: Document
) -> None:
    scene = CanvasScene(catalog)
    scene.show_document(document, "jtbd", Side.CUSTOMER)
    chosen = [card.id for card in document.live_cards() if card.id in document.placements_in("jtbd")][:2]
    scene.select_cards(chosen)

    scene.set_look(Style.presentation_mode())

    assert scene.look.presentation
    assert scene.look.title_font.pixelSize() > Style.standard().title_font.pixelSize()
    assert (scene.model, scene.side, scene.card_ids_selected()) == ("jtbd", Side.CUSTOMER, chosen)
    assert all(scene.cards.items[card].selected for card in chosen)
    assert {item.card_id for item in scene.cards.placed()} == set(document.placements_in("jtbd"))
