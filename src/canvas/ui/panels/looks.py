"""Small style sheets the perspective panels share, built from the theme's colours."""

from __future__ import annotations

from canvas.ui import theme

_C = theme.COLOURS

#: Quiet explanatory text (the style sheet's panel hints are padded for a whole empty panel, too much in a row).
NOTE_STYLE = f"QLabel {{ color: {_C['muted']}; }}"
#: A row that reads as a link (a click jumps), aligned left like the text around it.
LINK_STYLE = (
    f"QPushButton {{ text-align: left; border: none; padding: 3px 4px; color: {_C['accent']}; }}"
    f" QPushButton:hover {{ background: {_C['hover']}; border-radius: 4px; }}"
)
#: A row naming something absent, aligned with the link rows.
MISSING_STYLE = f"QLabel {{ padding: 3px 4px; color: {_C['muted']}; }}"
