"""The inspector's building blocks: its choices, its small field widgets, and reading values shared by many cards."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from canvas.core.model import Card

EMOTIONS: tuple[tuple[str, int | None], ...] = (
    ("—", None),
    ("−2  very negative", -2),
    ("−1  negative", -1),
    ("0  neutral", 0),
    ("+1  positive", 1),
    ("+2  very positive", 2),
)
#: What a field shows when the selected cards disagree on it.
MIXED = "(several values)"
#: What the inspector says when nothing is selected: how to get going without the mouse.
HINT = """<p><b>Nothing selected.</b> Click a card to see and edit all its fields here.</p>
<p><b>Capture</b>: just start typing over the canvas. <i>Enter</i> adds the card where the mouse is and
starts the next one below it; <i>Esc</i> stops.</p>
<p><i>pain:</i> or <i>idea:</i> in front sets the kind; <i>#tag</i>, <i>@org</i> and <i>!observed</i> set
tags, voice and evidence. <i>Alt+K</i>, <i>Alt+V</i> and <i>Alt+E</i> change them as you type.</p>
<p><i>F1</i> lists every shortcut.</p>"""


def choice_box(values: Sequence[tuple[str, Any]], parent: QWidget | None = None) -> QComboBox:
    """A drop-down of (what the person reads, the value it stands for)."""
    combo = QComboBox(parent)
    for text, value in values:
        combo.addItem(text, value)
    return combo


def score_box(maximum: int, empty: str | None, parent: QWidget | None = None) -> QSpinBox:
    """A spin box committing on Enter, focus loss or an arrow click (not on every typed digit)."""
    box = QSpinBox(parent)
    box.setKeyboardTracking(False)
    box.setRange(0, maximum)
    if empty is not None:
        # 0 stands for "no score": importance and satisfaction run from 1 to 10.
        box.setSpecialValueText(empty)
    return box


class CommitOnFocusOut(QObject):
    """Commits a multi-line text field when it loses focus (a plain-text edit has no editingFinished)."""

    def __init__(self, widget: QPlainTextEdit, commit: Callable[[], None]) -> None:
        super().__init__(widget)
        self._commit = commit
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self._commit()
        return False


#: Fields shown for several cards at once: a value they share, or "(several values)".
_SHARED_FIELDS = (
    "source",
    "tags",
    "kind",
    "voice",
    "evidence",
    "emotion",
    "colour",
    "importance",
    "satisfaction",
    "votes",
)
_read_shared = attrgetter(*_SHARED_FIELDS)


def shared_values(cards: Sequence[Card]) -> dict[str, Any]:
    """Each field's value if every card has the same one, else MIXED: one pass, however many are selected."""
    first = _read_shared(cards[0])
    mixed: set[str] = set()
    for card in cards[1:]:
        values = _read_shared(card)
        if values != first:
            mixed.update(name for name, a, b in zip(_SHARED_FIELDS, first, values, strict=True) if a != b)
            if len(mixed) == len(_SHARED_FIELDS):
                break
    return {name: MIXED if name in mixed else value for name, value in zip(_SHARED_FIELDS, first, strict=True)}


def show_start(line: QLineEdit, text: str) -> None:
    """Show a long text from its beginning (a line edit otherwise scrolls to the end)."""
    line.setText(text)
    line.setCursorPosition(0)


def tags_text(tags: Any) -> Any:
    """Tags as the person types them: "payroll, weekend" (or MIXED as it is)."""
    return ", ".join(tags) if isinstance(tags, tuple) else tags
