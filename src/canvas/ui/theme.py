"""The app's look: one light palette with one accent colour, the style sheet and the icons from resources/."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QColor, QFont, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from canvas.paths import resources_dir

#: Every colour the chrome uses. The style sheet names them as @name; the QPalette is built from the same values.
COLOURS: dict[str, str] = {
    "window": "#f4f6f9",
    "surface": "#ffffff",
    "hover": "#edf1f7",
    "border": "#e1e5eb",
    "border_strong": "#cfd5de",
    "scroll": "#d3d9e2",
    "text": "#1d2530",
    "muted": "#5a6576",
    "faint": "#9aa3b0",
    "accent": "#2d5bd3",
    "accent_dark": "#2249ad",
    "accent_soft": "#e6edfc",
    "accent_line": "#b9cbf4",
    "on_accent": "#ffffff",
    "danger": "#b93a32",
    "ok": "#2f7d5b",
}

_NAME = re.compile(r"@([a-z_]+)")


class ThemeError(LookupError):
    """The style sheet names a colour the theme does not define."""


def style_sheet(folder: Path | None = None) -> str:
    """The application style sheet with every @name replaced by its colour."""
    root = folder or resources_dir()
    path = root / "style" / "canvas.qss"
    # Image urls name our icons as @icons/NAME.svg; Qt wants a plain path (forward slashes on every platform).
    icons = (root / "icons").as_posix()

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name == "icons":
            return icons
        try:
            return COLOURS[name]
        except KeyError:
            raise ThemeError(f"{path} uses @{name}, which is not one of the theme's colours") from None

    return _NAME.sub(fill, path.read_text(encoding="utf-8"))


def palette() -> QPalette:
    """A light palette matching the style sheet, so widgets the sheet does not reach still fit in."""
    c = {name: QColor(value) for name, value in COLOURS.items()}
    result = QPalette()
    roles = {
        QPalette.ColorRole.Window: c["window"],
        QPalette.ColorRole.WindowText: c["text"],
        QPalette.ColorRole.Base: c["surface"],
        QPalette.ColorRole.AlternateBase: c["window"],
        QPalette.ColorRole.Text: c["text"],
        QPalette.ColorRole.Button: c["surface"],
        QPalette.ColorRole.ButtonText: c["text"],
        QPalette.ColorRole.Highlight: c["accent"],
        QPalette.ColorRole.HighlightedText: c["on_accent"],
        QPalette.ColorRole.ToolTipBase: c["text"],
        QPalette.ColorRole.ToolTipText: c["surface"],
        QPalette.ColorRole.PlaceholderText: c["faint"],
        QPalette.ColorRole.Link: c["accent"],
        QPalette.ColorRole.Mid: c["border_strong"],
        QPalette.ColorRole.Midlight: c["border"],
    }
    for role, colour in roles.items():
        result.setColor(role, colour)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        result.setColor(QPalette.ColorGroup.Disabled, role, c["faint"])
    return result


#: The icons read so far, by file. Reading one parses its SVG (~0.1 ms here) and a window asks for ~30 as it is
#: built: a second window (another store, a restored backup) takes copies of these.
_icons: dict[Path, QIcon] = {}


def icon(name: str, folder: Path | None = None) -> QIcon:
    """One of the app's own icons (resources/icons/NAME.svg); a missing file is a programming error."""
    path = (folder or resources_dir()) / "icons" / f"{name}.svg"
    read = _icons.get(path)
    if read is None:
        if not path.is_file():
            raise FileNotFoundError(f"the icon {path} is missing")
        read = _icons[path] = QIcon(str(path))
    return QIcon(read)  # a copy shares the parsed icon; changing it leaves the others alone


def app_icon() -> QIcon:
    return icon("app")


#: The widget style, the same on every platform.
STYLE = "Fusion"


def apply(app: QApplication, *, set_style: bool = True) -> None:
    """Give `app` the Fusion style (the same on every platform), the palette, the style sheet and a UI font.

    `set_style=False`: the app was made with `-style Fusion` on its command line (see app.application)."""
    if set_style:
        app.setStyle(STYLE)
    app.setPalette(palette())
    font = QFont(app.font())
    # 10 pt reads well on a laptop and on a projector; the canvas has its own, zoomable type.
    font.setPointSizeF(max(font.pointSizeF(), 10.0))
    app.setFont(font)
    app.setStyleSheet(style_sheet())
    app.setWindowIcon(app_icon())
