"""A row of colour swatches for a card's own colour (or none: the colour of its kind)."""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QWidget

_HEX = re.compile(r"#[0-9a-f]{6}")
#: Soft colours that keep dark text readable (contrast ≥ 4.5:1 with the card text), in rainbow order.
SWATCHES: tuple[tuple[str, str], ...] = (
    ("#fde68a", "Yellow"),
    ("#fed7aa", "Orange"),
    ("#fecaca", "Red"),
    ("#fbcfe8", "Pink"),
    ("#ddd6fe", "Violet"),
    ("#bfdbfe", "Blue"),
    ("#bbf7d0", "Green"),
    ("#e5e7eb", "Grey"),
)
#: A swatch's size: 22 px inside a 1 px border (as canvas.qss has it too); and the space between two swatches.
_SWATCH_SIZE = 24
_SPACING = 4


class SwatchRow(QWidget):
    """Click a swatch to colour the selected cards; the first one ("none") gives back the kind's colour."""

    #: str | None: the colour chosen.
    picked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(_SPACING)
        self._group = QButtonGroup(self)
        self._buttons: dict[str | None, QPushButton] = {}
        self._add(None, "No colour of its own (the colour of its kind)")
        for colour, name in SWATCHES:
            self._add(colour, name)
        self._row.addStretch(1)

    @staticmethod
    def row_width() -> int:
        """The row's minimum width: the "none" swatch and one per colour, side by side."""
        count = len(SWATCHES) + 1
        return count * _SWATCH_SIZE + (count - 1) * _SPACING

    def _add(self, colour: str | None, tip: str) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName("swatch")
        # Sized here as well as by the style sheet: the inspector counts on the row's width before the row is made.
        button.setFixedSize(_SWATCH_SIZE, _SWATCH_SIZE)
        button.setCheckable(True)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        fill = colour or "#ffffff"
        button.setStyleSheet(f"QPushButton#swatch {{ background: {fill}; border: 1px solid #b8c0cc; }}")
        if colour is None:
            button.setText("∅")
        button.clicked.connect(lambda _checked=False, c=colour: self.picked.emit(c))
        self._group.addButton(button)
        self._row.insertWidget(len(self._buttons), button)
        self._buttons[colour] = button
        return button

    def set_colour(self, colour: object) -> None:
        """Check the swatch of `colour` (adding one for a colour from elsewhere); anything else checks none."""
        key = colour.lower() if isinstance(colour, str) else colour
        if isinstance(key, str) and _HEX.fullmatch(key) and key not in self._buttons:
            self._add(key, key)
        button = self._buttons.get(key) if key is None or isinstance(key, str) else None
        self._group.setExclusive(False)
        for other in self._buttons.values():
            other.setChecked(other is button)
        self._group.setExclusive(True)
