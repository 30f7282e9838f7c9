"""Help → About: the version, which store file this window edits and how large it is, and where the logs are."""

from __future__ import annotations

from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from canvas import __version__
from canvas.paths import log_dir
from canvas.ui import theme


def app_version() -> str:
    # From the package itself, not its installed metadata: the standalone app (PyInstaller) carries no metadata.
    return __version__


def human_size(size: int) -> str:
    """1234567 -> '1.2 MB' (decimal units, as file managers show them)."""
    value = float(size)
    for unit in ("bytes", "kB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{int(value)} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1000
    raise AssertionError("unreachable")


def store_description(path: Path) -> str:
    try:
        size = human_size(path.stat().st_size)
    except OSError as error:
        size = f"size unknown ({error.strerror})"
    return f"{path}\n{size}"


class AboutDialog(QDialog):
    def __init__(self, store_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about")
        self.setWindowTitle("About Sensemaking Canvas")
        icon = QLabel()
        icon.setPixmap(theme.app_icon().pixmap(72, 72))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        title = QLabel(f"<b style='font-size:16px'>Sensemaking Canvas</b><br>Version {app_version()}")
        blurb = QLabel(
            "Lay out customer situations as cards and look at them through several sensemaking models: "
            "a journey map, jobs to be done, value exchange, and models of your own. Offline, and every edit is "
            "saved the moment it is made."
        )
        blurb.setWordWrap(True)
        self.store_label = QLabel(f"<b>Store</b><br>{store_description(store_path)}".replace("\n", "<br>"))
        self.store_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.store_label.setWordWrap(True)
        self.logs_label = QLabel(f"<b>Logs</b><br>{log_dir()}")
        self.logs_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.logs_label.setWordWrap(True)
        details = QLabel(f"Qt {qVersion()} · PySide6 {pyside_version}")
        details.setObjectName("fieldLabel")
        text = QVBoxLayout()
        text.setSpacing(10)
        for widget in (title, blurb, self.store_label, self.logs_label, details):
            text.addWidget(widget)
        top = QHBoxLayout()
        top.setSpacing(18)
        top.addWidget(icon)
        top.addLayout(text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 20, 22, 14)
        layout.addLayout(top)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
