"""Plain text prepared for painting: wrapped, elided to a number of lines, laid out once as QStaticText.

Card text is always plain text: a title "<b>x</b>" shows its angle brackets, it is never read as markup.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF, QStaticText, QTextLayout, QTextOption

#: Joins prepared lines inside one QStaticText: a line break that plain text layout honours.
LINE_SEPARATOR = "\u2028"


def wrap_lines(text: str, font: QFont, width: float, max_lines: int) -> list[str]:
    """`text` broken into at most `max_lines` lines of `width`; the last line ends in "…" when text was cut."""
    flat = " ".join(text.split())
    if not flat:
        return []
    layout = QTextLayout(flat, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
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
