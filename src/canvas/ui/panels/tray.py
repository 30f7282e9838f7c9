"""The tray: the cards not yet seen through the model shown. Drag them onto a zone to place them, or ask for
suggestions by kind (Perspective → Suggest placements).

The list is rebuilt only while the tray is visible, after the canvas has had its turn; between rebuilds it follows
change sets card by card. The count in the switcher never walks the cards (see `LiveCount`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from itertools import filterfalse
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QMimeData, QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QPushButton, QVBoxLayout, QWidget

from canvas.core.document import ChangeSet, Document
from canvas.core.model import Card, CardKind
from canvas.ui.controller import Controller
from canvas.ui.panels.looks import NOTE_STYLE
from canvas.ui.scene.style import KIND_COLOURS

if TYPE_CHECKING:
    from canvas.ui.scene.view import FirstFrame

#: The drag payload: a JSON list of card ids.
TRAY_MIME = "application/x-sensemaking-card-ids"
#: Above this many touched cards an edit rebuilds the list instead of following it card by card.
FOLLOW_MAX = 300

Index = QModelIndex | QPersistentModelIndex


def tray_mime(card_ids: Sequence[str], titles: Sequence[str] = ()) -> QMimeData:
    data = QMimeData()
    data.setData(TRAY_MIME, json.dumps(list(card_ids)).encode("utf-8"))
    if titles:
        data.setText("\n".join(titles))
    return data


def card_ids_from(data: QMimeData) -> list[str]:
    """The card ids a tray drag carries ([] for anything else)."""
    if not data.hasFormat(TRAY_MIME):
        return []
    try:
        ids = json.loads(bytes(data.data(TRAY_MIME).data()).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return []
    return [card_id for card_id in ids if isinstance(card_id, str)] if isinstance(ids, list) else []


def tray_phrase(count: int, name: str) -> str:
    """'7 not yet seen through Jobs to be done' (what the switcher and the tray say)."""
    if count == 0:
        return f"Every card is seen through {name}"
    return f"{count} not yet seen through {name}"


class LiveCount:
    """How many live cards the document holds: counted once per canvas, then followed from change sets, so the
    tray count (live cards minus the placements of the model) costs nothing per flip."""

    def __init__(self) -> None:
        self.value = 0

    def reset(self, document: Document) -> None:
        self.value = sum(1 for card in document.cards.values() if not card.deleted)

    def follow(self, changes: ChangeSet) -> None:
        for change in changes:
            if change.table == Card.table:
                self.value += _live(change.after) - _live(change.before)

    def unplaced(self, document: Document, model: str) -> int:
        return max(self.value - len(document.placements_in(model)), 0)


def _live(record: object) -> int:
    return int(isinstance(record, Card) and not record.deleted)


class TrayModel(QAbstractListModel):
    """Card ids in the tray, shown by title with a swatch of their kind; dragged as `TRAY_MIME`."""

    def __init__(self, controller: Controller) -> None:
        super().__init__()
        self._controller = controller
        self.ids: list[str] = []
        self._icons = {kind: _swatch(KIND_COLOURS[kind][0]) for kind in CardKind}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else len(self.ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.ids):
            return None
        card = self._controller.document.card(self.ids[index.row()])
        if card is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return card.title
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icons[card.kind]
        if role == Qt.ItemDataRole.ToolTipRole:
            facts = f"{KIND_COLOURS[card.kind][2]} · {card.voice.value} voice · {card.evidence.value}"
            notes = f"\n{card.notes[:280]}" if card.notes else ""
            return f"{card.title}\n{facts}{notes}\n\nDrag onto a zone to place it in this model."
        if role == Qt.ItemDataRole.UserRole:
            return card.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:
        return [TRAY_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({index.row() for index in indexes if index.isValid()})
        ids = [self.ids[row] for row in rows]
        document = self._controller.document
        titles = [card.title for card in map(document.card, ids) if card is not None]
        return tray_mime(ids, titles)

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def set_ids(self, ids: list[str]) -> None:
        self.beginResetModel()
        self.ids = ids
        self.endResetModel()

    def follow(self, document: Document, model: str, card_ids: Iterable[str]) -> None:
        """Cards whose records or placements changed: in the tray exactly when live and not placed in `model`."""
        placed = document.placements_in(model)
        present = set(self.ids)
        for card_id in card_ids:
            waiting = document.card(card_id) is not None and card_id not in placed
            if waiting and card_id not in present:
                row = len(self.ids)
                self.beginInsertRows(QModelIndex(), row, row)
                self.ids.append(card_id)
                self.endInsertRows()
                present.add(card_id)
            elif not waiting and card_id in present:
                row = self.ids.index(card_id)
                self.beginRemoveRows(QModelIndex(), row, row)
                del self.ids[row]
                self.endRemoveRows()
                present.discard(card_id)
            elif waiting:
                row = self.ids.index(card_id)
                self.dataChanged.emit(self.index(row), self.index(row))


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawRoundedRect(1, 1, 10, 10, 3, 3)
    painter.end()
    return QIcon(pixmap)


class TrayPanel(QWidget):
    """The tray dock's contents: what waits, a Suggest button, and a hint on how to place by hand."""

    #: The person asked for placements by kind (the window opens the suggestion dialog).
    suggestRequested = Signal()

    def __init__(
        self,
        controller: Controller,
        parent: QWidget | None = None,
        *,
        first_frame: FirstFrame | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tray")
        self._controller = controller
        self._dirty = True
        #: Holds a rebuild until the canvas has shown its first frame (CanvasView.after_first_frame).
        self._first_frame = first_frame
        self.model = TrayModel(controller)
        # Widgets are made in the panel, not moved into it (a move passes the style sheet's style down again).
        self.heading = QLabel(self)
        self.heading.setObjectName("sectionLabel")
        self.heading.setWordWrap(True)
        self.list = QListView(self)
        self.list.setObjectName("trayList")
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setIconSize(QSize(12, 12))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setDragEnabled(True)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.list.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.list.setAccessibleName("Cards not yet placed in this model")
        self.hint = QLabel("Drag cards onto a zone to place them, or let Suggest propose zones by kind.", self)
        self.hint.setStyleSheet(NOTE_STYLE)
        self.hint.setWordWrap(True)
        self.suggest = QPushButton("Suggest placements…", self)
        self.suggest.setObjectName("suggestButton")
        self.suggest.setToolTip("Propose a zone for each kind of card waiting here; you confirm before anything moves")
        self.suggest.clicked.connect(self.suggestRequested.emit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.setSpacing(6)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.suggest)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._due)
        controller.documentReplaced.connect(lambda _document: self.invalidate())
        controller.modelChanged.connect(lambda _model: self.invalidate())
        controller.changed.connect(self._follow)

    def selected_ids(self) -> list[str]:
        rows = sorted(index.row() for index in self.list.selectionModel().selectedRows())
        return [self.model.ids[row] for row in rows if row < len(self.model.ids)]

    def set_heading(self, text: str, waiting: int) -> None:
        """Say how many cards wait (`waiting`, from the window's count). Until the list is rebuilt, the hint and the
        Suggest button follow that count, so the panel has its final layout when the window first paints."""
        self.heading.setText(text)
        if self._dirty:
            self._show_state(empty=waiting == 0)

    def invalidate(self) -> None:
        """The model or canvas changed: rebuild the list once the window has painted (now, if not visible)."""
        self._dirty = True
        if self.isVisible():
            self._timer.start()

    def _due(self) -> None:
        """The scheduled rebuild: now, or right after the canvas's first frame while a window opens (the canvas comes
        first: picking out the cards waiting took ~20 ms at 50,000 cards on a slow machine, before the canvas had
        painted). The heading, which says how many wait, is set at once by the window (Perspective)."""
        if self._first_frame is not None and self._first_frame(self.rebuild_now):
            return
        self._rebuild()

    def rebuild_now(self) -> None:
        """Bring the list up to date at once (tests, and before the suggestion dialog reads it)."""
        if self._dirty:
            self._rebuild()

    def _rebuild(self) -> None:
        controller = self._controller
        try:
            document = controller.document
        except RuntimeError:
            return  # no canvas open yet
        # The ids without a placement are picked out in C, then only those records are read: reading every card
        # record to find the live unplaced ones took ~55 ms at 50,000 cards on a slow machine, after each flip.
        cards = document.cards
        unplaced = filterfalse(document.placements_in(controller.model).__contains__, cards)
        self.model.set_ids([card_id for card_id in unplaced if not cards[card_id].deleted])
        self._dirty = False
        self._update_state()

    def _follow(self, changes: ChangeSet) -> None:
        if self._dirty:
            return  # a rebuild is due anyway
        touched = changes.card_ids
        if len(touched) > FOLLOW_MAX:
            self.invalidate()
            return
        controller = self._controller
        self.model.follow(controller.document, controller.model, touched)
        self._update_state()

    def _update_state(self) -> None:
        self._show_state(empty=not self.model.ids)

    def _show_state(self, *, empty: bool) -> None:
        self.suggest.setEnabled(not empty)
        self.hint.setVisible(not empty)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self._timer.start()
