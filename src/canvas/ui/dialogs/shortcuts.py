"""The shortcut sheet (F1), generated from the window's actions plus the keys of quick capture and the canvas."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

Row = tuple[str, str]

#: Quick capture is a text line, not a set of actions; its keys are listed here (see capture.py).
CAPTURE: tuple[Row, ...] = (
    ("Capture a card where the mouse is", "start typing"),
    ("Add the card and start the next one below", "Enter"),
    ("Stop capturing", "Esc"),
    ("Next / previous kind", "Alt+K  Alt+Shift+K"),
    ("Customer ↔ organization voice", "Alt+V"),
    ("Evidence: observed → reported → assumed", "Alt+E"),
    ("Kind as a prefix", "pain: …   idea: …"),
    ("Tag, voice and evidence in the text", "#tag  @org  !observed"),
    ("A quote card", '"in quotes"'),
)

#: Gestures the canvas understands (see ui/scene/interactions.py).
CANVAS: tuple[Row, ...] = (
    ("Move cards into a zone (snaps to a free slot)", "drag"),
    ("Select several cards", "Ctrl+click  rubber band"),
    ("Draw a flow from one actor to another", "Shift+drag"),
    ("Edit a card's title in place", "double-click"),
    ("Zoom around the mouse", "wheel"),
    ("Pan", "middle button  Space+drag"),
    ("Edit or remove a journey stage", "right-click a stage"),
)


def action_rows(actions: Sequence[QAction]) -> list[Row]:
    """(what it does, its keys) for every shown action that has keys, as the menus name them: a hidden action (the
    key of a model this canvas does not have) is not listed."""
    rows = []
    for action in actions:
        if not action.isVisible():
            continue
        keys = [shortcut.toString(QKeySequence.SequenceFormat.NativeText) for shortcut in action.shortcuts()]
        if keys:
            rows.append((action.text().replace("&", "").rstrip("…"), "  ".join(keys)))
    return rows


def sheet_sections(menus: Mapping[str, Sequence[QAction]]) -> dict[str, list[Row]]:
    """Every section of the sheet: one per menu (from the actions), then quick capture and the canvas."""
    sections = {menu.replace("&", ""): action_rows(actions) for menu, actions in menus.items()}
    sections = {title: rows for title, rows in sections.items() if rows}
    sections["Quick capture"] = list(CAPTURE)
    sections["On the canvas"] = list(CANVAS)
    return sections


#: Sections shown in the right-hand column (the rest go left): what a facilitator needs most while working.
_RIGHT = ("View", "Quick capture", "On the canvas")


def _column(sections: Mapping[str, Sequence[Row]]) -> QGridLayout:
    """One column of the sheet: each section's heading, then its rows, keys aligned down the whole column."""
    grid = QGridLayout()
    grid.setHorizontalSpacing(16)
    grid.setVerticalSpacing(5)
    line = 0
    for title, rows in sections.items():
        heading = QLabel(title)
        heading.setObjectName("sheetHeading")
        bold = heading.font()
        bold.setBold(True)
        heading.setFont(bold)
        grid.addWidget(heading, line, 0, 1, 2)
        line += 1
        for text, keys in rows:
            grid.addWidget(QLabel(text), line, 0)
            key_label = QLabel(keys)
            key_label.setObjectName("keys")
            key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(key_label, line, 1, Qt.AlignmentFlag.AlignLeft)
            line += 1
    grid.setColumnStretch(0, 1)
    grid.setRowStretch(line, 1)
    return grid


class ShortcutSheet(QDialog):
    """Two columns of sections; opens with F1 and closes with Esc."""

    def __init__(self, menus: Mapping[str, Sequence[QAction]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutSheet")
        self.setWindowTitle("Keyboard shortcuts")
        self.sections = sheet_sections(menus)
        columns = QHBoxLayout()
        columns.setSpacing(36)
        left = {title: rows for title, rows in self.sections.items() if title not in _RIGHT}
        right = {title: rows for title, rows in self.sections.items() if title in _RIGHT}
        columns.addLayout(_column(left), 1)
        columns.addLayout(_column(right), 1)
        body = QWidget()
        body.setLayout(columns)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 14)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(1000, 780)
