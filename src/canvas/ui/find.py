"""The find bar: search the open canvas's cards (the store's full-text index) and step through the matches."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from canvas.store.repository import StoreError
from canvas.ui import theme
from canvas.ui.controller import Controller
from canvas.ui.tab_order import place_after

#: Typing waits this long before searching, so a fast typist is not slowed down by one query per key.
SEARCH_DELAY_MS = 120
#: Enough to step through every match on a big canvas; the full-text index answers that many in milliseconds.
MAX_MATCHES = 10_000


class FindBar(QFrame):
    """Ctrl+F opens it; typing searches; Enter / F3 go to the next match, Shift+Enter / Shift+F3 back; Esc closes.

    `order` sorts the matching card ids the way the canvas shows them (reading order in the current model) and
    drops the ones not shown; `matchesChanged` carries the ordered ids and `current` the one to reveal.
    """

    #: list[str]: every match, in reading order (empty when the bar closes).
    matchesChanged = Signal(list)
    #: str: the match to select and reveal.
    current = Signal(str)
    closed = Signal()

    def __init__(self, controller: Controller, order: Callable[[Sequence[str]], list[str]], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self._controller = controller
        self._order = order
        self._matches: list[str] = []
        self._index = -1
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(8, 3, 4, 3)
        self._layout.setSpacing(2)
        # The field, the count and the buttons are made when the bar is first needed: hidden, they were still
        # polished and laid out as every window opened (~5 ms). The bar's width is set from outside (its corner of
        # the canvas, at least 420 px, more than its contents ask for); its height follows them once they are made.
        self._edit: QLineEdit | None = None
        self._count: QLabel | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search)
        controller.documentReplaced.connect(lambda _document: self.close_bar())
        self.hide()

    def _build(self) -> tuple[QLineEdit, QLabel]:
        edit = self._edit = QLineEdit(self)
        edit.setObjectName("findEdit")
        edit.setPlaceholderText("Find cards: title, notes, tags, source")
        edit.setClearButtonEnabled(True)
        edit.installEventFilter(self)
        count = self._count = QLabel(self)
        count.setObjectName("findCount")
        layout = self._layout
        icon = QLabel(self)
        icon.setPixmap(theme.icon("find").pixmap(16, 16))
        layout.addWidget(icon)
        layout.addWidget(edit, 1)
        layout.addWidget(count)
        buttons: list[QWidget] = []
        for name, tip, slot in (
            ("previous", "Previous match (Shift+F3)", self.previous),
            ("next", "Next match (F3)", self.next),
            ("close", "Close (Esc)", self.close_bar),
        ):
            button = QToolButton(self)
            button.setIcon(theme.icon(name))
            button.setToolTip(tip)
            button.setAutoRaise(True)
            button.clicked.connect(slot)
            layout.addWidget(button)
            buttons.append(button)
        edit.textChanged.connect(lambda _text: self._timer.start())
        place_after(self, [edit, *buttons])  # in the Tab order where they were when made with the bar
        self.adjustSize()
        return edit, count

    @property
    def edit(self) -> QLineEdit:
        """The search field (made when first asked for)."""
        return self._edit if self._edit is not None else self._build()[0]

    @property
    def count(self) -> QLabel:
        """Says how many cards match, and which one is shown."""
        return self._count if self._count is not None else self._build()[1]

    @property
    def matches(self) -> list[str]:
        return list(self._matches)

    @property
    def index(self) -> int:
        return self._index

    def open_bar(self) -> None:
        edit = self.edit  # made before the bar shows, so that it shows with it
        self.show()
        self.raise_()
        edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        edit.selectAll()
        if edit.text():
            self.search()

    def close_bar(self) -> None:
        if not self.isVisible():
            return
        self._timer.stop()
        self.hide()
        self._matches, self._index = [], -1
        self.matchesChanged.emit([])
        self.closed.emit()

    def search(self) -> None:
        """Run the search now (typing runs it after a short pause)."""
        self._timer.stop()
        text = self.edit.text().strip()
        hits: list[str] = []
        if text:
            try:
                found = self._controller.store.search(text, self._controller.canvas.id, limit=MAX_MATCHES)
            except StoreError as error:
                self._controller.problem.emit(str(error))
                found = []
            hits = self._order([hit.card_id for hit in found])
        self._matches = hits
        self._index = 0 if hits else -1
        self.matchesChanged.emit(list(hits))
        self._show_count()
        if hits:
            self.current.emit(hits[0])

    def next(self) -> None:
        self._step(1)

    def previous(self) -> None:
        self._step(-1)

    def _step(self, step: int) -> None:
        if self._timer.isActive():
            # The person pressed Enter before the pause ended: search now; the first match is the next one.
            self.search()
            if step > 0:
                return
        if not self._matches:
            return
        self._index = (self._index + step) % len(self._matches)
        self._show_count()
        self.current.emit(self._matches[self._index])

    def _show_count(self) -> None:
        if not self.edit.text().strip():
            text = ""
        elif not self._matches:
            text = "No cards found"
        else:
            text = f"{self._index + 1} of {len(self._matches)}"
        self.count.setText(text)
        self.count.setProperty("empty", bool(self.edit.text().strip()) and not self._matches)
        self.count.style().unpolish(self.count)
        self.count.style().polish(self.count)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not (watched is self._edit and isinstance(event, QKeyEvent)):
            return False
        if event.type() == QEvent.Type.ShortcutOverride and event.key() == Qt.Key.Key_Escape:
            event.accept()  # Esc closes the bar, even in presentation mode (where Esc is a window shortcut)
            return True
        if event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self.previous() if shift else self.next()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return False
