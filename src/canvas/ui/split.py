"""Side by side: the canvas split into two views of the same document — another model, or the same model from
the other side. The second view has a scene of its own, fed the same change sets; selecting cards in one view
selects them in the other and brings them into view there.

The second scene exists only while the split is open (at 50,000 cards a scene is not free).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPointF, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from canvas.core.document import ChangeSet, Document
from canvas.core.model import Side
from canvas.ui import theme
from canvas.ui.controller import Controller
from canvas.ui.editor import CanvasEditor
from canvas.ui.panels.looks import NOTE_STYLE
from canvas.ui.panels.where_else import CardTooltips
from canvas.ui.scene.scene import CanvasScene
from canvas.ui.scene.view import CanvasView
from canvas.ui.tray_drop import TrayDrops
from canvas.ui.view_memory import HOME_MIN_ZOOM

SIDES: tuple[tuple[str, Side | None], ...] = (
    ("Both sides", None),
    ("Customer side", Side.CUSTOMER),
    ("Organization side", Side.ORGANIZATION),
)


class SecondPane(QWidget):
    """The second view with its own model and side choosers above it."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("secondPane")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._controller = controller
        self.scene = CanvasScene(controller.catalog, self)
        self.view = CanvasView(self.scene)
        self.view.setObjectName("secondView")
        self.view.setAccessibleName("Second canvas view")
        self.model = QComboBox()
        self.model.setObjectName("secondModel")
        self.model.setToolTip("The model the second view looks through")
        self.side = QComboBox()
        self.side.setObjectName("secondSide")
        self.side.setToolTip("Whose side the second view looks from")
        for text, side in SIDES:
            self.side.addItem(text, side)
        self.close_button = QToolButton()
        self.close_button.setIcon(theme.icon("close"))
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip("Close the second view (Ctrl+\\)")
        header = QHBoxLayout()
        header.setContentsMargins(10, 4, 6, 4)
        header.setSpacing(6)
        label = QLabel("Beside it:")
        label.setStyleSheet(NOTE_STYLE)
        header.addWidget(label)
        header.addWidget(self.model)
        header.addWidget(self.side)
        header.addStretch(1)
        header.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addWidget(self.view, 1)
        self.model.activated.connect(lambda _index: self._model_chosen())
        self.side.activated.connect(lambda _index: self.scene.set_side(self.side.currentData()))

    def fill_models(self, models: list[str], current: str) -> None:
        with QSignalBlocker(self.model):
            self.model.clear()
            for model in models:
                spec = self._controller.catalog.get(model)
                self.model.addItem(spec.name if spec is not None else model, model)
            self.model.setCurrentIndex(max(self.model.findData(current), 0))

    def show_model(self, model: str, side: Side | None) -> None:
        """Look through `model` from `side` (the choosers follow)."""
        with QSignalBlocker(self.model), QSignalBlocker(self.side):
            self.model.setCurrentIndex(self.model.findData(model))
            self.side.setCurrentIndex(self.side.findData(side))
        if self.scene.document is not self._controller.document:
            self.scene.show_document(self._controller.document, model, side)
        else:
            if self.scene.model != model:
                self.scene.flip_to(model)
            self.scene.set_side(side)

    def _model_chosen(self) -> None:
        model = self.model.currentData()
        if isinstance(model, str) and model != self.scene.model:
            self.scene.flip_to(model)


class SideBySide(QObject):
    """Splits the canvas area on demand. `action` (checkable) opens and closes the split.

    `splitter` holds the main view from the start (the window makes the view in it: moved into it afterwards, the
    view and its children would be styled again)."""

    def __init__(
        self,
        controller: Controller,
        editor: CanvasEditor,
        view: CanvasView,
        scene: CanvasScene,
        action: QAction,
        splitter: QSplitter,
    ) -> None:
        super().__init__(view)
        self._controller = controller
        self._editor = editor
        self._view = view
        self._scene = scene
        self._action = action
        self._syncing = False
        self.pane: SecondPane | None = None
        self.splitter = splitter
        action.toggled.connect(self.set_open)
        scene.cardSelectionChanged.connect(self._from_main)
        controller.changed.connect(self._apply_changes)
        controller.documentReplaced.connect(self._document_replaced)
        controller.canvasesChanged.connect(self._refresh_models)

    @property
    def scene(self) -> CanvasScene | None:
        """The second view's scene while the split is open."""
        return self.pane.scene if self.pane is not None else None

    def set_open(self, on: bool) -> None:
        if on == (self.pane is not None):
            return
        if on:
            self._open()
        else:
            self._close()
        if self._action.isChecked() != on:
            self._action.setChecked(on)

    def show(self, model: str, side: Side | None) -> None:
        """Open the split (if closed) with the second view on `model` from `side`."""
        self.set_open(True)
        assert self.pane is not None
        self.pane.show_model(model, side)

    def _open(self) -> None:
        controller = self._controller
        pane = SecondPane(controller)
        self.pane = pane
        models = controller.models_of_canvas()
        model, side = self._default_view(models)
        pane.fill_models(models, model)
        pane.show_model(model, side)
        editor, scene = self._editor, pane.scene
        scene.cardsMoved.connect(editor.move)
        scene.titleEdited.connect(editor.retitle)
        scene.flowRequested.connect(editor.draw_flow_between)
        scene.cardSelectionChanged.connect(self._from_second)
        pane.close_button.clicked.connect(lambda: self.set_open(False))
        TrayDrops(controller, pane.view, scene)
        CardTooltips(controller, pane.view, scene)
        self.splitter.addWidget(pane)
        half = max(self.splitter.width() // 2, 200)
        self.splitter.setSizes([half, half])
        scene.select_cards(self._scene.card_ids_selected())
        QTimer.singleShot(0, self.first_look)

    def first_look(self) -> None:
        """Once the second view has its size: the whole model if its cards stay readable, else its top-left corner
        at a readable zoom; then the last selected card, if that model shows it."""
        pane = self.pane
        if pane is None:
            return
        view = pane.view
        view.fit()
        if view.zoom < HOME_MIN_ZOOM:
            view.set_zoom(HOME_MIN_ZOOM)
            corner = pane.scene.content_rect().topLeft() - QPointF(24, 24)
            view.centerOn(corner + view.mapToScene(view.viewport().rect().center()) - view.mapToScene(0, 0))
        selected = [card_id for card_id in pane.scene.card_ids_selected() if pane.scene.card_rect(card_id)]
        if selected:
            pane.scene.reveal(selected[-1])

    def _default_view(self, models: list[str]) -> tuple[str, Side | None]:
        """The next model of the canvas; with only one model, the same model from the other side."""
        current, side = self._controller.model, self._controller.side
        others = [model for model in models if model != current]
        if others:
            after = models[models.index(current) + 1 :] if current in models else []
            return (next((m for m in after if m != current), others[0])), side
        return current, Side.ORGANIZATION if side is Side.CUSTOMER else Side.CUSTOMER

    def _close(self) -> None:
        pane, self.pane = self.pane, None
        if pane is not None:
            pane.hide()
            pane.setParent(None)
            pane.deleteLater()

    # -- following the document and the main view --------------------------------------------------------------

    def _apply_changes(self, changes: ChangeSet) -> None:
        if self.pane is not None:
            self.pane.scene.apply_changes(changes)

    def _document_replaced(self, document: Document) -> None:
        if self.pane is None:
            return
        models = self._controller.models_of_canvas()
        model = self.pane.scene.model if self.pane.scene.model in models else self._default_view(models)[0]
        self.pane.fill_models(models, model)
        self.pane.scene.show_document(document, model, self.pane.side.currentData())
        QTimer.singleShot(0, self.first_look)

    def _refresh_models(self) -> None:
        if self.pane is not None:
            self.pane.fill_models(self._controller.models_of_canvas(), self.pane.scene.model)

    def _from_main(self, card_ids: list[str]) -> None:
        if self.pane is not None:
            self._mirror(card_ids, self.pane.scene, self.pane.view)

    def _from_second(self, card_ids: list[str]) -> None:
        self._mirror(card_ids, self._scene, self._view)

    def _mirror(self, card_ids: list[str], scene: CanvasScene, view: CanvasView) -> None:
        """Select the same cards in the other view and bring the last one into view there (if it is placed)."""
        if self._syncing:
            return
        self._syncing = True
        try:
            scene.select_cards(card_ids)
            if card_ids and scene.card_rect(card_ids[-1]) is not None:
                scene.reveal(card_ids[-1])
        finally:
            self._syncing = False
