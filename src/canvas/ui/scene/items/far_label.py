"""A header's label zoomed far out: enlarged so it can be read over thousands of cards, wrapped (or, as a last
resort, elided) to fit its header, and never left out, whatever the zoom and however long the label.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QBrush, QFont, QFontMetricsF, QPainter, QPen, QStaticText

from canvas.ui.scene.text import LINE_SEPARATOR, static_text, wrap_lines

#: On-screen type sizes tried in turn, largest first; the smallest is used, wrapped and elided, when none fits.
SIZES_PX = (14.0, 12.0, 10.5, 9.0)
#: Room between the header's edge and the label's tag, on screen.
PAD_PX = 8.0
#: A header narrower than this on screen still gets a label this wide (its tag reaches over the zones beside it).
MIN_WIDTH_PX = 44.0
#: Laid-out labels kept per header (a zoom gesture passes through a few dozen widths).
CACHE_MAX = 48


class FarLabel:
    """The label of one header, fitted to the header's size on screen at the zoom it is painted at."""

    def __init__(self, text: str, font: QFont, rect: QRectF, *, tall: bool) -> None:
        self._text = " ".join(text.split())
        self._font = font
        self._rect = rect
        #: Row headers are tall and narrow: their labels wrap onto more lines; other headers keep one line.
        self._tall = tall
        self._cache: dict[tuple[float, int, int], tuple[QStaticText, str]] = {}
        # Room kept at the end of each line for the hyphen of a split word.
        self._hyphen = QFontMetricsF(font).horizontalAdvance("-")

    def fit(self, zoom: float) -> tuple[float, QStaticText, QSizeF]:
        """(scale from the font's size, laid-out text, its size in font units) for painting at `zoom`: the largest
        type size at which the label wraps between words; else the smallest size, at which the fewest words need a
        split (with a hyphen); else the smallest size, elided."""
        pixel = float(self._font.pixelSize())
        width_px = max(self._rect.width() * zoom - 2 * PAD_PX, MIN_WIDTH_PX)
        height_px = max(self._rect.height() * zoom - 2 * PAD_PX, 1.0)
        split: tuple[float, QStaticText, QSizeF] | None = None
        last: tuple[float, QStaticText, QSizeF] | None = None
        for size in SIZES_PX:
            # The header's width in font units at this type size; rounded down, so a zoom gesture lays out a
            # label a few times, not once per frame.
            width = max(int(width_px * pixel / size) // 4 * 4, 8)
            lines = max(1, int(height_px // (size * 1.3))) if self._tall else 1
            text, fit = self._laid_out(size, width, lines)
            last = (size / (pixel * zoom), text, text.size())
            if fit == "whole":
                return last
            if fit == "split":
                # Keep the smallest size that splits: a word is split only when shrinking cannot avoid it.
                split = last
        assert last is not None
        return split or last

    def _laid_out(self, size: float, width: int, lines: int) -> tuple[QStaticText, str]:
        key = (size, width, lines)
        cached = self._cache.get(key)
        if cached is None:
            if len(self._cache) >= CACHE_MAX:
                self._cache.clear()
            wrapped, fit = _hyphenated(self._text, wrap_lines(self._text, self._font, width - self._hyphen, lines))
            text = static_text(LINE_SEPARATOR.join(wrapped), self._font)
            cached = self._cache[key] = (text, fit)
        return cached

    def paint(self, painter: QPainter, zoom: float, tag: QBrush, ink: QPen) -> None:
        """Paint at the header's top-left corner, on a pale tag, enlarged to a readable size on screen."""
        grow, text, size = self.fit(zoom)
        painter.save()
        painter.translate(self._rect.x() + PAD_PX / zoom, self._rect.y() + 6.0 / zoom)
        painter.scale(grow, grow)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(tag)
        painter.drawRoundedRect(QRectF(-6.0, -3.0, size.width() + 12.0, size.height() + 6.0), 6.0, 6.0)
        painter.setFont(self._font)
        painter.setPen(ink)
        painter.drawStaticText(QPointF(0.0, 0.0), text)
        painter.restore()


#: A split word keeps at least this many letters on each side of its hyphen ("Thi-nking", never "Thinki-ng").
MIN_SPLIT = 3


def _hyphenated(text: str, lines: list[str]) -> tuple[list[str], str]:
    """Lines that end inside a word get a hyphen. Says how the text fits: "whole" (broken between words only),
    "split" (a word was split, keeping MIN_SPLIT letters each side) or "cut" (elided, or split too near an end)."""
    lines = list(lines)
    result: list[str] = []
    fit, at = "whole", 0
    for index, line in enumerate(lines):
        if not text.startswith(line, at):
            return [*result, *lines[index:]], "cut"  # the elided last line
        at += len(line)
        if at < len(text) and text[at] != " ":
            head = len(line) - (line.rfind(" ") + 1)
            tail = len(text[at:].split(" ", 1)[0])
            short = MIN_SPLIT - tail
            if short > 0 and head - short >= MIN_SPLIT and index + 1 < len(lines):
                # Break earlier so the next line starts with a few letters, not a stub ("Think-ing", not "Thinki-ng");
                # the line gets shorter, so it still fits.
                line, lines[index + 1] = line[:-short], line[-short:] + lines[index + 1]
                head, tail, at = head - short, tail + short, at - short
            if head < MIN_SPLIT or tail < MIN_SPLIT:
                # Eliding reads better than a stub of a word.
                return [*result, f"{line[:-1]}…"], "cut"
            result.append(f"{line}-")
            fit = "split"
        else:
            result.append(line)
        while at < len(text) and text[at] == " ":
            at += 1
    return result, fit if at >= len(text) else "cut"
