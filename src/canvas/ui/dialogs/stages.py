"""Journey stages (a grid model's editable columns) per canvas: the dialog, the column menu, and the edit they make.

Removing a stage sends its cards back to the tray (unplaced in this model, kept everywhere else), in the same
undoable step as the new stage list.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from canvas.core.document import Document
from canvas.core.edits import Batch, Edit, SetColumns, UnplaceCards
from canvas.core.frameworks import ModelSpec, split_grid_zone
from canvas.core.layout import ModelLayout
from canvas.core.model import ZoneLabel
from canvas.ui.controller import Controller
from canvas.ui.dialogs.messages import confirm
from canvas.ui.placing import Spots

_ID = Qt.ItemDataRole.UserRole


def stage_columns(spec: ModelSpec, document: Document) -> list[ZoneLabel]:
    """The canvas's columns for a grid model, as editable labels."""
    return [ZoneLabel(id=column.id, label=column.label) for column in spec.columns(document.model_settings(spec.id))]


def new_column_id(label: str, taken: Sequence[str]) -> str:
    """A readable, unique column id from a label: 'After sales' -> 'after-sales' (or 'after-sales-2')."""
    base = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")[:50] or "stage"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def cards_in_columns(document: Document, model: str, column_ids: set[str]) -> list[str]:
    return [
        card_id
        for card_id, placement in document.placements_in(model).items()
        if split_grid_zone(placement.zone)[0] in column_ids
    ]


def stages_edit(document: Document, spec: ModelSpec, columns: Sequence[ZoneLabel], name: str) -> Edit:
    """The edit that gives the canvas these columns; cards in removed columns go back to the tray."""
    before = {column.id for column in stage_columns(spec, document)}
    removed = before - {column.id for column in columns}
    set_columns = SetColumns(spec.id, tuple(columns))
    orphans = cards_in_columns(document, spec.id, removed)
    if not orphans:
        return Batch([set_columns], name=name)
    return Batch([UnplaceCards(tuple(orphans), spec.id), set_columns], name=name)


class StagesDialog(QDialog):
    """Add, rename (double-click or F2), reorder and remove the stages of a grid model on this canvas."""

    def __init__(self, spec: ModelSpec, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stagesDialog")
        assert spec.grid is not None
        noun = spec.grid.column_noun
        self.setWindowTitle(f"{noun.capitalize()}s of {spec.title}")
        self._spec, self._document = spec, document
        self.list = QListWidget()
        self.list.setObjectName("stagesList")
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        for column in stage_columns(spec, document):
            self._add_item(column.label, column.id)
        self.list.setCurrentRow(0)
        hint = QLabel(f"Double-click a {noun} to rename it; drag to reorder. Cards in a removed {noun} go to the tray.")
        hint.setObjectName("fieldLabel")
        hint.setWordWrap(True)
        side = QVBoxLayout()
        for text, slot in (
            (f"Add {noun}", self._add),
            ("Move up", lambda: self._move(-1)),
            ("Move down", lambda: self._move(1)),
            ("Remove", self._remove),
        ):
            button = QPushButton(text)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            side.addWidget(button)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(side)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)
        self.resize(420, 380)

    def _add_item(self, label: str, column_id: str | None, row: int | None = None) -> QListWidgetItem:
        item = QListWidgetItem(label)
        item.setData(_ID, column_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list.insertItem(self.list.count() if row is None else row, item)
        return item

    def _add(self) -> None:
        row = self.list.currentRow() + 1 if self.list.currentRow() >= 0 else self.list.count()
        item = self._add_item("New stage", None, row)
        self.list.setCurrentItem(item)
        self.list.editItem(item)

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def _remove(self) -> None:
        if self.list.count() > 1 and self.list.currentRow() >= 0:
            self.list.takeItem(self.list.currentRow())

    def columns(self) -> list[ZoneLabel]:
        """The stages as the dialog shows them, new ones with fresh ids."""
        taken = [str(self.list.item(i).data(_ID)) for i in range(self.list.count()) if self.list.item(i).data(_ID)]
        result = []
        for index in range(self.list.count()):
            item = self.list.item(index)
            label = item.text().strip()[:80] or "Stage"
            column_id = item.data(_ID)
            if not column_id:
                column_id = new_column_id(label, taken)
                taken.append(column_id)
            result.append(ZoneLabel(id=str(column_id), label=label))
        return result

    def edit(self) -> Edit:
        noun = self._spec.grid.column_noun if self._spec.grid else "column"
        return stages_edit(self._document, self._spec, self.columns(), f"Change {noun}s")


def column_at(layout: ModelLayout, x: float) -> str | None:
    """The grid column under scene x (its header or any of its zones), or None."""
    for header in layout.columns:
        if header.rect.x <= x < header.rect.right:
            return header.id
    return None


class StageMenu:
    """The context menu of a journey stage: rename, add before or after, move, remove, or edit them all."""

    def __init__(self, controller: Controller, parent: QWidget) -> None:
        self._controller = controller
        self._parent = parent

    def editable_spec(self) -> ModelSpec | None:
        spec = self._controller.model_spec
        return spec if spec is not None and spec.grid is not None and spec.grid.columns_editable else None

    def add_to(self, menu: QMenu, x: float) -> None:
        """Add the stage entries for the column under scene x (if the model has editable columns)."""
        spec = self.editable_spec()
        if spec is None or spec.grid is None:
            return
        document = self._controller.document
        column = column_at(Spots(document, spec).layout, x)
        noun = spec.grid.column_noun
        columns = stage_columns(spec, document)
        ids = [c.id for c in columns]
        if column in ids:
            index = ids.index(column)
            label = columns[index].label
            menu.addAction(f"Rename {noun} '{label}'…", lambda: self.rename(index))
            menu.addAction(f"Add {noun} before '{label}'…", lambda: self.insert(index))
            menu.addAction(f"Add {noun} after '{label}'…", lambda: self.insert(index + 1))
            left = menu.addAction(f"Move '{label}' left", lambda: self.move(index, -1))
            left.setEnabled(index > 0)
            right = menu.addAction(f"Move '{label}' right", lambda: self.move(index, 1))
            right.setEnabled(index < len(columns) - 1)
            remove = menu.addAction(f"Remove {noun} '{label}'…", lambda: self.remove(index))
            remove.setEnabled(len(columns) > 1)
        menu.addAction(f"Edit {noun}s…", self.edit_all)

    def _commit(self, columns: list[ZoneLabel], name: str) -> None:
        spec = self.editable_spec()
        if spec is not None:
            self._controller.do(stages_edit(self._controller.document, spec, columns, name))

    def _ask(self, title: str, text: str = "") -> str | None:
        answer, ok = QInputDialog.getText(self._parent, title, "Name:", text=text)
        return answer.strip()[:80] if ok and answer.strip() else None

    def rename(self, index: int) -> None:
        spec = self.editable_spec()
        if spec is None or spec.grid is None:
            return
        columns = stage_columns(spec, self._controller.document)
        label = self._ask(f"Rename {spec.grid.column_noun}", columns[index].label)
        if label:
            columns[index] = ZoneLabel(id=columns[index].id, label=label)
            self._commit(columns, f"Rename {spec.grid.column_noun}")

    def insert(self, index: int) -> None:
        spec = self.editable_spec()
        if spec is None or spec.grid is None:
            return
        columns = stage_columns(spec, self._controller.document)
        label = self._ask(f"New {spec.grid.column_noun}")
        if label:
            columns.insert(index, ZoneLabel(id=new_column_id(label, [c.id for c in columns]), label=label))
            self._commit(columns, f"Add {spec.grid.column_noun}")

    def move(self, index: int, step: int) -> None:
        spec = self.editable_spec()
        if spec is None or spec.grid is None:
            return
        columns = stage_columns(spec, self._controller.document)
        if 0 <= index + step < len(columns):
            columns.insert(index + step, columns.pop(index))
            self._commit(columns, f"Move {spec.grid.column_noun}")

    def remove(self, index: int) -> None:
        spec = self.editable_spec()
        if spec is None or spec.grid is None:
            return
        document = self._controller.document
        columns = stage_columns(spec, document)
        removed = columns.pop(index)
        count = len(cards_in_columns(document, spec.id, {removed.id}))
        noun = spec.grid.column_noun
        if count and not confirm(
            self._parent,
            f"Remove {noun}",
            f"Remove the {noun} '{removed.label}'?",
            f"Its {count} card{'s' if count != 1 else ''} go back to the tray (they stay on the canvas and in the "
            "other models). Undo brings the stage and the cards back.",
            f"Remove {noun}",
        ):
            return
        self._commit(columns, f"Remove {noun}")

    def edit_all(self) -> None:
        spec = self.editable_spec()
        if spec is None:
            self._controller.problem.emit("This model has no stages to edit.")
            return
        dialog = StagesDialog(spec, self._controller.document, self._parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._controller.do(dialog.edit())
