"""Card text is plain text: markup in a title is shown, never interpreted."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter
from pytestqt.qtbot import QtBot

from canvas.core.catalog import Catalog
from canvas.core.document import Document
from canvas.core.edits import AddCard, PlaceCards, Spot
from canvas.core.model import Canvas, Card, Evidence
from canvas.ui.scene.scene import CanvasScene
from canvas.ui.scene.style import Style


def title_ink_width(catalog: Catalog, title: str) -> int:
    """How wide the ink of a card's title line is, rendered at zoom 2."""
    document = Document.of(Canvas(title="Markup"))
    card = Card(title=title, evidence=Evidence.REPORTED)
    AddCard(card).apply(document)
    PlaceCards((Spot(card.id, "journey", "aware.doing"),)).apply(document)
    scene = CanvasScene(catalog)
    scene.show_document(document, "journey")
    rect = scene.card_rect(card.id)
    assert rect is not None
    line = QRectF(rect.x() + 6, rect.y() + 22, rect.width() - 12, 18)
    image = QImage(int(line.width() * 2), int(line.height() * 2), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    scene.render(painter, QRectF(image.rect()), line, Qt.AspectRatioMode.IgnoreAspectRatio)
    painter.end()
    columns = [
        x
        for x in range(image.width())
        if any(QColor(image.pixel(x, y)).lightness() < 100 for y in range(image.height()))
    ]
    return max(columns) - min(columns) if columns else 0


def test_a_title_with_markup_shows_its_angle_brackets(qtbot: QtBot, catalog: Catalog) -> None:
    shown = title_ink_width(catalog, "<b>bold</b>")
    word = title_ink_width(catalog, "bold")
    # Rendered at zoom 2: the eleven characters, brackets and all, in the title font.
    plain = 2 * QFontMetricsF(Style.standard().title_font).horizontalAdvance("<b>bold</b>")
    assert word > 0
    assert shown > 2 * word, "read as markup it would be the one word 'bold'"
    assert abs(shown - plain) < 0.1 * plain
