"""The canvas list: every canvas in the store, to switch to, create, rename (in place) and delete."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QSignalBlocker, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from canvas.core.document import ChangeSet
from canvas.core.model import Card
from canvas.store.repository import StoreError
from canvas.ui import theme
from canvas.ui.controller import Controller
from canvas.ui.dialogs.messages import confirm
from canvas.ui.tab_order import descendants_in_chain, place_after

if TYPE_CHECKING:
    from canvas.ui.scene.view import FirstFrame

_ID = Qt.ItemDataRole.UserRole
#: The muted second line of an entry: card count and when it last changed.
_DETAIL = Qt.ItemDataRole.UserRole + 1


class _TwoLines(QStyledItemDelegate):
    """Each canvas as its title with a muted line below it: "60 cards · changed 25 Nov, 11:52"."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + option.fontMetrics.height())

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().paint(painter, option, index)
        detail = index.data(_DETAIL)
        if not detail:
            return
        painter.save()
        font = QFont(option.font)
        font.setPointSizeF(max(font.pointSizeF() * 0.88, 7.0))
        painter.setFont(font)
        painter.setPen(QColor(theme.COLOURS["muted"]))
        area = option.rect.adjusted(9, 0, -8, -6)
        painter.drawText(area, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom), str(detail))
        painter.restore()


class CanvasList(QWidget):
    """Lists the store's canvases, the open one highlighted. Double-click or Enter opens; F2 renames."""

    def __init__(
        self,
        controller: Controller,
        parent: QWidget | None = None,
        *,
        first_frame: FirstFrame | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        #: Holds the first filling of the list until the canvas has shown its first frame (see _document_replaced).
        self._first_frame = first_frame
        self._due = QTimer(self)
        self._due.setSingleShot(True)
        self._due.setInterval(0)
        self._due.timeout.connect(self._fill_when_due)

        self.new_action = QAction(theme.icon("canvas-new"), "New canvas", self)
        self.new_action.setToolTip("Start an empty canvas")
        self.new_action.triggered.connect(self.create_canvas)
        self.rename_action = QAction(theme.icon("rename"), "Rename canvas", self)
        self.rename_action.setToolTip("Rename the selected canvas (F2)")
        self.rename_action.triggered.connect(self.rename_selected)
        self.delete_action = QAction(theme.icon("delete"), "Delete canvas…", self)
        self.delete_action.setToolTip("Delete the selected canvas and all its cards")
        self.delete_action.triggered.connect(self.delete_selected)

        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        # In a dock, the list and its buttons are made when the dock first shows: a window opens with this panel
        # behind the inspector's tab, where it was still made, polished and laid out (~3 ms of an open).
        self._list: QListWidget | None = None
        if isinstance(parent, QDockWidget):
            parent.visibilityChanged.connect(self._dock_shown)
        else:
            self._make()  # filled as a canvas is shown, or on refresh()

        controller.canvasesChanged.connect(self.refresh)
        controller.documentReplaced.connect(lambda _document: self._document_replaced())
        controller.changed.connect(self._on_changed)

    @property
    def list(self) -> QListWidget:
        """The canvases (made when first shown or asked for)."""
        return self._list if self._list is not None else self._build()

    def _dock_shown(self, visible: bool) -> None:
        if visible and self._list is None:
            self._build()

    def _build(self) -> QListWidget:
        listing = self._make()
        # Filled right away in a window on screen; in one opening (a layout that shows this tab at once), right after
        # the canvas's first frame, as _document_replaced does.
        handle = self.window().windowHandle()
        if handle is not None and handle.isExposed():
            self._fill_when_due()
        else:
            self._due.start()
        return listing

    def _make(self) -> QListWidget:
        # Widgets are made in the panel, not moved into it (a move passes the style sheet's style down again).
        listing = self._list = QListWidget(self)
        listing.setObjectName("canvasList")
        listing.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        listing.setTextElideMode(Qt.TextElideMode.ElideRight)
        listing.setItemDelegate(_TwoLines(listing))
        listing.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.SelectedClicked
        )
        listing.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        listing.customContextMenuRequested.connect(self._context_menu)
        listing.itemActivated.connect(self._open)
        listing.itemChanged.connect(self._renamed)
        self._layout.addWidget(listing, 1)
        self._layout.addWidget(self._button_row())
        place_after(self, descendants_in_chain(self, listing))  # in the Tab order where they were made with the panel
        return listing

    def _button_row(self) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.setSpacing(2)
        for action in (self.new_action, self.rename_action, self.delete_action):
            button = QToolButton(row)
            button.setDefaultAction(action)
            layout.addWidget(button)
        layout.addStretch(1)
        return row

    # -- showing ---------------------------------------------------------------------------------------------

    def _document_replaced(self) -> None:
        """Another canvas is shown: a window on screen marks it in the list at once. A window opening fills its list
        right after the canvas's first frame: the list waits behind the inspector's tab, and the store counts every
        canvas's cards for it (~20 ms at 50,000 cards on a slow machine)."""
        if self._list is None:
            return  # filled when made
        if self.window().isVisible():
            self.refresh()
        else:
            self._due.start()

    def _fill_when_due(self) -> None:
        if self._first_frame is not None and self._first_frame(self.refresh):
            return
        self.refresh()

    def refresh(self) -> None:
        if self._list is None:
            return  # filled when made
        try:
            canvases = self._controller.store.list_canvases()
        except StoreError as error:
            self._controller.problem.emit(str(error))
            return
        current = self._controller.canvas.id
        with QSignalBlocker(self.list):
            self.list.clear()
            for summary in canvases:
                cards = "1 card" if summary.card_count == 1 else f"{summary.card_count} cards"
                item = QListWidgetItem(summary.title)
                item.setData(_ID, summary.id)
                item.setData(_DETAIL, f"{cards} · changed {summary.modified.astimezone():%d %b, %H:%M}")
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                item.setToolTip(f"{summary.title}\n{cards} · changed {summary.modified:%d %b %Y, %H:%M}")
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                if summary.id == current:
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                self.list.addItem(item)
                if summary.id == current:
                    self.list.setCurrentItem(item)

    def _on_changed(self, changes: ChangeSet) -> None:
        # Card counts in the tool tips follow additions and deletions; moves and field edits do not matter.
        if any(
            change.table == Card.table
            and (change.before is None or change.after is None or change.before.deleted != change.after.deleted)
            for change in changes
        ):
            self.refresh()

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(_ID))

    # -- doing -----------------------------------------------------------------------------------------------

    def _open(self, item: QListWidgetItem) -> None:
        canvas_id = str(item.data(_ID))
        if canvas_id != self._controller.canvas.id:
            self._controller.open_canvas(canvas_id)

    def create_canvas(self) -> None:
        """Make a canvas and let the person type its title right away."""
        if self._controller.create_canvas("Untitled canvas") is not None:
            self.rename_selected()

    def rename_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.list.setFocus()
            self.list.editItem(item)

    def _renamed(self, item: QListWidgetItem) -> None:
        title = item.text().strip()
        if title:
            self._controller.rename_canvas(str(item.data(_ID)), title)
        self.refresh()

    def delete_selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        canvas_id = str(item.data(_ID))
        document = self._controller.store.load(canvas_id)
        count = len(document.live_cards())
        if confirm(
            self,
            "Delete canvas",
            f"Delete the canvas '{item.text()}' and its {count} card{'s' if count != 1 else ''}?",
            "This cannot be undone. Export the canvas first if you may want it back.",
            "Delete canvas",
        ):
            self._controller.delete_canvas(canvas_id)

    def _context_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        item = self.list.itemAt(position)
        if item is not None:
            self.list.setCurrentItem(item)
            menu.addAction("Open", lambda: self._open(item))
            menu.addAction(self.rename_action)
            menu.addAction(self.delete_action)
            menu.addSeparator()
        menu.addAction(self.new_action)
        menu.exec(self.list.viewport().mapToGlobal(position))
