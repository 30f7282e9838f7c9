"""Plain text prepared for painting: wrapped, elided to a number of lines, laid out once as QStaticText.

Card text is always plain text: a title "<b>x</b>" shows its angle brackets, it is never read as markup.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QStaticText, QTextLayout, QTextOption

#: Joins prepared lines inside one QStaticText: a line break that plain text layout honours.
LINE_SEPARATOR = "\u2028"


def _wrapping() -> QTextOption:
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    return option


#: How card text wraps (a layout copies it: one for every layout, not one made per card).
WRAPPING = _wrapping()


def wrap_lines(text: str, font: QFont, width: float, max_lines: int) -> list[str]:
    """`text` broken into at most `max_lines` lines of `width`; the last line ends in "…" when text was cut."""
    flat = " ".join(text.split())
    if not flat:
        return []
    layout = QTextLayout(flat, font)
    layout.setTextOption(WRAPPING)
    spans: list[tuple[int, int]] = []
    layout.beginLayout()
    while len(spans) <= max_lines:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        spans.append((line.textStart(), line.textLength()))
    layout.endLayout()
    lines = [flat[start : start + length].strip() for start, length in spans[:max_lines]]
    if len(spans) > max_lines:
        rest = flat[spans[max_lines - 1][0] :]
        lines[-1] = QFontMetricsF(font).elidedText(rest, Qt.TextElideMode.ElideRight, width)
    return lines


def static_text(text: str, font: QFont) -> QStaticText:
    """`text` (lines joined by LINE_SEPARATOR) as plain, pre-laid-out static text."""
    result = QStaticText(text)
    result.setTextFormat(Qt.TextFormat.PlainText)
    result.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
    result.prepare(font=font)
    return result


def wrapped_static_text(text: str, font: QFont, width: float, max_lines: int) -> QStaticText:
    return static_text(LINE_SEPARATOR.join(wrap_lines(text, font, width, max_lines)), font)


def elided(text: str, font: QFont, width: float) -> str:
    """One line of plain text, cut with "…" to fit `width`."""
    return QFontMetricsF(font).elidedText(" ".join(text.split()), Qt.TextElideMode.ElideRight, width)


class WrappedText:
    """Plain text wrapped to `width` in at most `max_lines` lines, the last ending in "…" when text was cut (as
    `wrap_lines` breaks it), laid out once and drawn from that layout. A card's title was laid out twice before
    (once to find its lines, once more as a QStaticText): a third of the first frame's cost on a large canvas.
    Lines sit as a QStaticText of the same lines would put them."""

    __slots__ = ("_layout", "_lines", "_tail")

    def __init__(self, text: str, font: QFont, width: float, max_lines: int) -> None:
        flat = " ".join(text.split())
        layout = QTextLayout(flat, font)
        layout.setTextOption(WRAPPING)
        layout.setCacheEnabled(True)
        top = 0.0
        count = 0
        layout.beginLayout()
        while count < max_lines:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLeadingIncluded(True)
            line.setLineWidth(width)
            line.setPosition(QPointF(0.0, top))
            top += line.height()
            count += 1
        layout.endLayout()
        self._layout = layout
        self._lines = count
        self._tail: QTextLayout | None = None
        last = layout.lineAt(count - 1) if count == max_lines else None
        if last is not None and last.textStart() + last.textLength() < len(flat):
            # Cut: the last line is the rest of the text, elided, where the last line was.
            rest = flat[last.textStart() :]
            tail = QTextLayout(QFontMetricsF(font).elidedText(rest, Qt.TextElideMode.ElideRight, width), font)
            tail.setCacheEnabled(True)
            tail.beginLayout()
            line = tail.createLine()
            line.setLeadingIncluded(True)
            line.setPosition(last.position())
            tail.endLayout()
            self._tail = tail
            self._lines = count - 1

    def draw(self, painter: QPainter, at: QPointF) -> None:
        """Draw with the top-left corner of the first line at `at` (the painter's font and pen as set)."""
        if self._tail is None:
            self._layout.draw(painter, at)
            return
        layout = self._layout
        for index in range(self._lines):
            layout.lineAt(index).draw(painter, at)
        self._tail.draw(painter, at)
