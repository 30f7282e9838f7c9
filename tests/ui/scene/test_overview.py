"""The zoomed-out overview: cards rasterized from the position arrays, each in its colour, at the right pixels."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from canvas.core.layout import CARD_H, CARD_W
from canvas.ui.scene.items.overview import OVERLAP, OverviewPalette, rasterize
from canvas.ui.scene.positions import CardPositions


def test_cards_are_filled_in_their_colours_and_nowhere_else(qtbot: QtBot) -> None:
    palette = OverviewPalette()
    red = palette.number("pain", QColor("#c63f2b"))
    blue = palette.number("situation", QColor("#2f6fd0"))
    positions = CardPositions.of(["a", "b", "c"], [0.0, 400.0, 0.0], [0.0, 0.0, 100.0], [red, blue, blue])
    positions.hide("c")

    # At a tenth of the size, offset by (5, 5): card a covers pixels 5…24 × 5…13, card b 45…64 × 5…13.
    image = rasterize(positions, palette.table(), 0.1, 5.0, 5.0, QRect(0, 0, 80, 30))

    assert image is not None
    assert QColor(image.pixel(10, 8)) == QColor("#c63f2b")
    assert QColor(image.pixel(50, 8)) == QColor("#2f6fd0")
    assert QColor(image.pixelColor(30, 8)).alpha() == 0, "between the cards"
    assert QColor(image.pixelColor(10, 20)).alpha() == 0, "card c is hidden (not placed in this model)"
    assert QColor(image.pixelColor(int(5 + CARD_W * 0.1) - 1, int(5 + CARD_H * 0.1) - 1)).alpha() == 255
    assert QColor(image.pixelColor(int(5 + CARD_W * 0.1) + 1, 8)).alpha() == 0


def test_overlapping_cards_show_the_overlap_grey(qtbot: QtBot) -> None:
    palette = OverviewPalette()
    first = palette.number("pain", QColor("#c63f2b"))
    second = palette.number("gain", QColor("#2b8748"))
    positions = CardPositions.of(["a", "b"], [0.0, 100.0], [0.0, 0.0], [first, second])
    image = rasterize(positions, palette.table(), 0.1, 0.0, 0.0, QRect(0, 0, 40, 10))
    assert image is not None
    assert QColor(image.pixel(15, 4)) == OVERLAP
    assert QColor(image.pixel(5, 4)) == QColor("#c63f2b")
    assert QColor(image.pixel(25, 4)) == QColor("#2b8748")


def test_colours_given_as_a_function_are_worked_out_when_first_read_and_later_writes_win() -> None:
    asked: list[int] = []

    def colours() -> list[int]:
        asked.append(1)
        return [1, 2, 3]

    positions = CardPositions.of(["a", "b", "c"], [0.0, 300.0, 600.0], [0.0, 0.0, 0.0], colours)
    positions.set_colour("b", 7)  # a card recoloured before the overview first drew
    positions.remove("c")
    positions.put("d", 900.0, 0.0, 9)  # a new card in c's old slot
    assert asked == []
    assert list(positions.colours[:3]) == [1, 7, 9]
    assert asked == [1]
    positions.set_colour("a", 5)
    assert list(positions.colours[:3]) == [5, 7, 9] and asked == [1]
