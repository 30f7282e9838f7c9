"""The status bar's lasting part: which canvas, which model, how many cards, and whether everything is saved."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar

from canvas.ui.controller import Controller
from canvas.ui.panels.tray import LiveCount


class StatusLine:
    """Four labels on the right of the status bar, kept current from the controller's signals."""

    def __init__(self, controller: Controller, bar: QStatusBar, live: LiveCount) -> None:
        self._controller = controller
        self._bar = bar
        self.canvas = QLabel()
        self.model = QLabel()
        self.cards = QLabel()
        self.saved = QLabel("Saved")
        self.saved.setObjectName("savedState")
        self.saved.setToolTip("Every edit is written to the store the moment it is made")
        for label in (self.canvas, self.model, self.cards, self.saved):
            bar.addPermanentWidget(label)
        # The window's count of live cards, followed from change sets, not counted after every edit (10,000 cards:
        # ~3 ms an edit); current before this line hears of a new canvas or an edit.
        self._live = live
        controller.documentReplaced.connect(lambda _document: self.refresh())
        controller.modelChanged.connect(lambda _model: self.refresh())
        controller.canvasesChanged.connect(self.refresh)
        controller.changed.connect(lambda _changes: self.refresh())
        controller.saveStateChanged.connect(self.show_saved)
        controller.problem.connect(lambda message: bar.showMessage(message, 8000))

    def refresh(self) -> None:
        controller = self._controller
        self.canvas.setText(controller.canvas.title)
        spec = controller.model_spec
        self.model.setText(spec.name if spec is not None else controller.model)
        count = self._live.value
        placed = len(controller.document.placements_in(controller.model))
        self.cards.setText(f"{count} card{'s' if count != 1 else ''}")
        waiting = count - placed
        self.cards.setToolTip(
            f"{placed} shown in this model, {waiting} not yet placed in it" if waiting else "All shown in this model"
        )

    def show_saved(self, ok: bool, why: str) -> None:
        self.saved.setText("Saved" if ok else "Not saved")
        self.saved.setToolTip(
            "Every edit is written to the store the moment it is made" if ok else f"The last edit was not saved: {why}"
        )
        self.saved.setProperty("failed", not ok)
        self.saved.style().unpolish(self.saved)
        self.saved.style().polish(self.saved)
