"""Zoomed out, an empty zone's guiding question that would be drawn only a few pixels tall is left out rather than
drawn as grey specks; zoomed in, it is there."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from canvas.core.catalog import Catalog
from canvas.core.document import Document
from canvas.core.model import Canvas, Side
from canvas.ui.scene.items.backdrop import MIN_QUESTION_PX, ZonePanel
from canvas.ui.scene.scene import CanvasScene
from canvas.ui.scene.style import Style


def question_colours(zone: ZonePanel, zoom: float) -> set[int]:
    """The colours painted where the empty zone's question goes, with the zone painted at `zoom`."""
    rect = zone.rect
    image = QImage(int(rect.width() * zoom) + 2, int(rect.height() * zoom) + 2, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.scale(zoom, zoom)
    painter.translate(-rect.x(), -rect.y())
    zone.paint(painter)
    painter.end()
    at, size = zone._invitation_at, zone._invitation.size()  # type: ignore[union-attr]
    area = QRectF((at.x() - rect.x()) * zoom, (at.y() - rect.y()) * zoom, size.width() * zoom, size.height() * zoom)
    box = area.toAlignedRect().intersected(image.rect())
    return {image.pixel(x, y) for y in range(box.top(), box.bottom() + 1) for x in range(box.left(), box.right() + 1)}


def test_a_question_too_small_to_read_is_left_out(qapp: QApplication, catalog: Catalog) -> None:
    scene = CanvasScene(catalog)
    scene.show_document(Document.of(Canvas(title="Empty")), "journey", Side.CUSTOMER)
    assert scene.backdrop is not None
    zone = scene.backdrop.zones["use.pains"]
    assert zone.empty and zone.zone.question
    tiny = (MIN_QUESTION_PX - 1.0) / Style.standard().invitation_font.pixelSize()
    assert len(question_colours(zone, 1.0)) > 2, "zoomed in, the question is drawn"
    assert len(question_colours(zone, tiny)) <= 2, "zoomed out, no specks of a question under 6 px"
