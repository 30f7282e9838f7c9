"""An import in the window: the planned change set applied as one undoable step on the canvas it changes.

A merge (or cards added to an existing canvas) is a `Restore` of the plan's change set pushed through the
controller, so one Undo takes every record back and the store follows. A file that becomes a canvas of its own is
saved whole; undoing that step removes the new canvas again and shows the one that was open before.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from canvas.core.edits import Restore
from canvas.exchange.carried import remember_models
from canvas.exchange.importing import ImportPlan, apply_import, back_up_before_merge
from canvas.store import StoreError
from canvas.ui.controller import Controller


class _Abandoned(Exception):
    """The edit was refused (the controller has said why): roll back what was written with it."""


def apply_plan(controller: Controller, plan: ImportPlan) -> bool:
    """Apply a planned import as one transaction and one undo step. False (and a message) if nothing changed."""
    label = f"Import {plan.incoming.name}"
    # The scenes share the controller's catalog: models the file brings must be known before its cards arrive.
    controller.catalog.learn(plan.carried)
    if plan.new_canvas is not None:
        return _add_canvas(controller, plan, label)
    if plan.result.canvas_id != controller.canvas.id:
        controller.open_canvas(plan.result.canvas_id)
    store = controller.store
    try:
        back_up_before_merge(store, plan)
        # The controller's write becomes a savepoint inside this transaction, so models the file carries are kept
        # with its cards or not at all.
        with store.transaction():
            remember_models(store, plan.carried)
            if not controller.do(Restore(plan.changes, name=label)):
                raise _Abandoned
    except _Abandoned:
        return False
    except StoreError as error:
        controller.problem.emit(f"Nothing imported from {plan.incoming.name}: {error}")
        return False
    return True


def _add_canvas(controller: Controller, plan: ImportPlan, label: str) -> bool:
    shown_before = controller.canvas.id
    try:
        apply_import(controller.store, plan)
    except StoreError as error:
        controller.problem.emit(f"Nothing imported from {plan.incoming.name}: {error}")
        return False
    canvas_id = plan.result.canvas_id
    controller.canvasesChanged.emit()
    controller.open_canvas(canvas_id)
    controller.undo_stack.push(_NewCanvas(controller, canvas_id, shown_before, label))
    return True


class _NewCanvas(QUndoCommand):
    """The first step on a canvas made by an import. Undo deletes that canvas (and with it this history)."""

    def __init__(self, controller: Controller, canvas_id: str, shown_before: str, label: str) -> None:
        super().__init__(label)
        self._controller = controller
        self._canvas_id = canvas_id
        self._shown_before = shown_before

    def redo(self) -> None:
        # Pushed after the canvas was saved; it can only be redone before it was ever undone.
        pass

    def undo(self) -> None:
        controller = self._controller
        if controller.store.has_canvas(self._shown_before):
            controller.open_canvas(self._shown_before)
        # The stack holding this command is dropped with the canvas; Qt deletes it later, after this call returns.
        controller.delete_canvas(self._canvas_id)
