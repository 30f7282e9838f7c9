"""The controller: the one place where the window's wishes become edits committed to the store.

It owns the store, the catalog, the open canvas's document and one undo stack per canvas opened in this window
(grouped, so switching canvases keeps each one's history). Views and panels only listen to its signals.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoGroup, QUndoStack

from canvas.core.catalog import Catalog
from canvas.core.document import ChangeSet, Document
from canvas.core.edits import Edit, EditCanvas, EditError
from canvas.core.frameworks import ModelSpec
from canvas.core.model import Canvas, Side
from canvas.store.editing import commit
from canvas.store.repository import Store, StoreError
from canvas.ui.undo import EditCommand

#: Store meta-state keys: the canvas shown last, and per canvas its model, side and zoom.
LAST_CANVAS = "ui.last_canvas"
VIEW_PREFIX = "ui.view."


class Controller(QObject):
    """Turns edits into undoable, saved steps and tells everybody what changed."""

    #: ChangeSet of an edit, undo or redo (already in the document and the store).
    changed = Signal(object)
    #: Document: another canvas is shown (or the same one reloaded); views rebuild from it.
    documentReplaced = Signal(object)
    #: str: the model now shown.
    modelChanged = Signal(str)
    #: Side | None: whose side the model is seen from (None: both sides, nothing dimmed).
    sideChanged = Signal(object)
    #: str: something the person asked for could not be done; the message says why.
    problem = Signal(str)
    #: bool, str: whether the last write reached the store, and if not, why.
    saveStateChanged = Signal(bool, str)
    #: The list of canvases in the store changed (created, renamed, deleted, card counts).
    canvasesChanged = Signal()

    def __init__(self, store: Store, catalog: Catalog, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.catalog = catalog
        self.undo_group = QUndoGroup(self)
        self._documents: dict[str, Document] = {}
        self._stacks: dict[str, QUndoStack] = {}
        self._document: Document | None = None
        self._model = ""
        self._side: Side | None = None

    # -- what is shown ---------------------------------------------------------------------------------------

    @property
    def document(self) -> Document:
        if self._document is None:
            raise RuntimeError("no canvas is open yet")
        return self._document

    @property
    def canvas(self) -> Canvas:
        return self.document.canvas

    @property
    def model(self) -> str:
        return self._model

    @property
    def model_spec(self) -> ModelSpec | None:
        return self.catalog.get(self._model)

    @property
    def side(self) -> Side | None:
        return self._side

    @property
    def undo_stack(self) -> QUndoStack:
        return self._stacks[self.canvas.id]

    def models_of_canvas(self) -> list[str]:
        """The canvas's enabled models that the catalog knows, in switcher order (plus the one shown)."""
        models = [model for model in self.canvas.models if model in self.catalog]
        if self._model and self._model not in models:
            models.append(self._model)
        return models

    # -- opening ---------------------------------------------------------------------------------------------

    def open_canvas(self, canvas_id: str, model: str | None = None, side: Side | None = None) -> None:
        """Show a canvas: its remembered model (or `model`) and a history of its own."""
        document = self._documents.get(canvas_id)
        if document is None:
            # The placements of the model shown are read first, the others when first needed or while the window
            # is idle after its first frame (ReadAhead): at 10,000 cards over five models, ~75 ms instead of ~300.
            document = self.store.load(canvas_id, lazily=True)
            self._documents[canvas_id] = document
            stack = QUndoStack(self.undo_group)
            self._stacks[canvas_id] = stack
        self._document = document
        self.undo_group.setActiveStack(self._stacks[canvas_id])
        view = self.view_state(canvas_id)
        self._model = self._choose_model(model or view.get("model"))
        self._side = side if side is not None else _side_of(view.get("side"))
        self._remember(LAST_CANVAS, canvas_id)
        self.remember_view(model=self._model, side=_side_value(self._side))
        self.documentReplaced.emit(document)
        self.modelChanged.emit(self._model)
        self.sideChanged.emit(self._side)

    def _choose_model(self, wanted: Any) -> str:
        if isinstance(wanted, str) and wanted in self.catalog:
            return wanted
        for model in self.canvas.models:
            if model in self.catalog:
                return model
        return next(iter(self.catalog.models))

    def set_model(self, model: str) -> None:
        """Look through another model (not an edit: not on the undo stack, but remembered for this canvas)."""
        if model not in self.catalog:
            self.problem.emit(f"There is no model '{model}' in the catalog.")
            return
        if model == self._model:
            return
        self._model = model
        self.remember_view(model=model)
        self.modelChanged.emit(model)

    def set_side(self, side: Side | None) -> None:
        """See the model from the customer's side, the organization's, or both (None). Not an edit; remembered."""
        if side is Side.SHARED:
            side = None
        if side == self._side:
            return
        self._side = side
        self.remember_view(side=_side_value(side))
        self.sideChanged.emit(side)

    # -- editing ---------------------------------------------------------------------------------------------

    def do(self, edit: Edit) -> bool:
        """Apply `edit` as one undoable step, saved at once. False (and a message) if it could not be done."""
        command = EditCommand(edit, self._perform, self.problem.emit)
        self.undo_stack.push(command)
        if command.error is not None:
            self.problem.emit(command.error)
            return False
        return True

    def _perform(self, edit: Edit) -> ChangeSet:
        try:
            changes = commit(self.store, self.document, edit)
        except StoreError as error:
            self.saveStateChanged.emit(False, str(error))
            raise EditError(f"not saved: {error}") from None
        if changes:
            self.saveStateChanged.emit(True, "")
            self.changed.emit(changes)
            if changes.keys(Canvas.table):
                self.canvasesChanged.emit()
        return changes

    # -- canvases in the store -------------------------------------------------------------------------------

    def create_canvas(self, title: str) -> str | None:
        """Make an empty canvas (with the current canvas's models), show it, and return its id."""
        models = self.canvas.models if self._document is not None else Canvas.model_fields["models"].default
        try:
            canvas = Canvas(title=title.strip() or "Untitled canvas", models=models)
            self.store.save_document(Document.of(canvas))
        except (StoreError, ValueError) as error:
            self.problem.emit(f"Could not create the canvas '{title}': {error}")
            return None
        self.canvasesChanged.emit()
        self.open_canvas(canvas.id)
        return canvas.id

    def rename_canvas(self, canvas_id: str, title: str) -> bool:
        """Rename a canvas: an undoable step on the open canvas, a direct (saved) change on another."""
        if self._document is not None and canvas_id == self.canvas.id:
            return self.do(EditCanvas({"title": title.strip()}))
        document = self._documents.get(canvas_id) or self.store.load(canvas_id)
        try:
            commit(self.store, document, EditCanvas({"title": title.strip()}))
        except (EditError, StoreError) as error:
            self.problem.emit(f"Could not rename the canvas: {error}")
            return False
        self.canvasesChanged.emit()
        return True

    def delete_canvas(self, canvas_id: str) -> bool:
        """Delete a canvas and all its cards (the window asks first). Shows another canvas if it was open."""
        try:
            self.store.delete_canvas(canvas_id)
        except StoreError as error:
            self.problem.emit(f"Could not delete the canvas: {error}")
            return False
        self._documents.pop(canvas_id, None)
        stack = self._stacks.pop(canvas_id, None)
        self.remember_view(canvas_id, forget=True)
        if self._document is not None and canvas_id == self.canvas.id:
            self._document = None
            remaining = self.store.list_canvases()
            if remaining:
                self.open_canvas(remaining[0].id)
            else:
                self.create_canvas("Untitled canvas")
        if stack is not None:
            self.undo_group.removeStack(stack)
            stack.deleteLater()
        self.canvasesChanged.emit()
        return True

    # -- remembered state (store meta) -----------------------------------------------------------------------

    def view_state(self, canvas_id: str | None = None) -> dict[str, Any]:
        """What this window remembers of a canvas: model, zoom and centre."""
        key = VIEW_PREFIX + (canvas_id or self.canvas.id)
        try:
            value = self.store.get_state(key)
        except StoreError:
            return {}
        return dict(value) if isinstance(value, dict) else {}

    def remember_view(self, canvas_id: str | None = None, *, forget: bool = False, **values: Any) -> None:
        """Merge `values` into a canvas's remembered view state (written at once, like every edit)."""
        canvas_id = canvas_id or self.canvas.id
        if forget:
            self._remember(VIEW_PREFIX + canvas_id, None)
            return
        state = self.view_state(canvas_id)
        if all(state.get(name) == value for name, value in values.items()):
            return
        state.update(values)
        self._remember(VIEW_PREFIX + canvas_id, state)

    def _remember(self, key: str, value: Any) -> None:
        try:
            self.store.set_state(key, value)
        except StoreError as error:
            # Losing the remembered zoom is not worth interrupting anybody; the status bar says so.
            self.saveStateChanged.emit(False, str(error))


def _side_of(value: Any) -> Side | None:
    """A remembered side ("customer", "organization"); anything else is both sides."""
    return Side(value) if value in (Side.CUSTOMER.value, Side.ORGANIZATION.value) else None


def _side_value(side: Side | None) -> str | None:
    return None if side is None else side.value
