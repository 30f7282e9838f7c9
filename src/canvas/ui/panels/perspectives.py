"""The strip above the canvas: the canvas's title and one tab per model it is seen through.

The perspective work (model shortcuts, tray counts, the us ↔ customer switch and gauge) adds its widgets to
`extras`, on the right of the strip.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QTabBar, QWidget

from canvas.ui.controller import Controller


class ElidedLabel(QLabel):
    """A one-line label that ends in "…" when there is no room for all of its text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self._elide()

    def full_text(self) -> str:
        return self._full

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + 8, hint.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(40, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = self.contentsRect().width()
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(width, 0)))


class PerspectiveStrip(QWidget):
    """Shows which canvas and which model; clicking a tab looks through another model (not an edit)."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("perspectiveStrip")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._controller = controller
        self.title = ElidedLabel(self)
        self.title.setObjectName("canvasTitle")
        self.title.setMinimumWidth(120)
        self.tabs = QTabBar(self)
        self.tabs.setObjectName("perspectives")
        self.tabs.setDrawBase(False)
        self.tabs.setExpanding(False)
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # The tabs keep their room (every model visible); the canvas title gives way and ends in "…".
        self.tabs.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.tabs.setUsesScrollButtons(False)
        self.tabs.currentChanged.connect(self._tab_chosen)
        self.extras = QHBoxLayout()
        self.extras.setSpacing(6)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 4, 10, 0)
        layout.setSpacing(8)
        layout.addWidget(self.title, 1)
        layout.addWidget(self.tabs, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(self.extras)
        self._models: list[str] = []
        controller.documentReplaced.connect(lambda _document: self.refresh())
        controller.modelChanged.connect(lambda _model: self.refresh())
        controller.canvasesChanged.connect(self.refresh)

    @property
    def models(self) -> list[str]:
        return list(self._models)

    def refresh(self) -> None:
        controller = self._controller
        self.title.set_full_text(controller.canvas.title)
        # The full title first (the strip may have elided it), then what the canvas is about.
        canvas = controller.canvas
        self.title.setToolTip(f"{canvas.title}\n\n{canvas.description}" if canvas.description else canvas.title)
        models = controller.models_of_canvas()
        with QSignalBlocker(self.tabs):
            if models != self._models:
                while self.tabs.count():
                    self.tabs.removeTab(0)
                for model in models:
                    spec = controller.catalog.get(model)
                    index = self.tabs.addTab(spec.title if spec else model)
                    tip = f"{spec.name}\n\n{spec.description.strip()}" if spec else model
                    self.tabs.setTabToolTip(index, tip)
                self._models = models
            if controller.model in self._models:
                self.tabs.setCurrentIndex(self._models.index(controller.model))

    def _tab_chosen(self, index: int) -> None:
        if 0 <= index < len(self._models):
            self._controller.set_model(self._models[index])
