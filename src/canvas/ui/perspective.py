"""Looking through models and from sides: the window's perspective tools wired together.

The model switcher's keys (Ctrl+1…9) and the models enabled for the canvas, the tray and its count in the
switcher, the us ↔ customer switch with the evidence gauge, "where else" jumps, suggestions, the network's
automatic layout and the side-by-side split. None of these is an edit except placing cards, enabling models and
arranging the network, which go through the controller as single undoable steps.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPointF, Qt
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QDockWidget, QMenu, QToolButton, QWidget

from canvas.core.analysis import auto_layout
from canvas.core.document import ChangeSet, Document
from canvas.core.edits import Batch, EditCanvas, PlaceCards
from canvas.core.model import Side
from canvas.paths import builtin_models_dir
from canvas.ui.panels.gauge import GaugeChip, GaugePanel
from canvas.ui.panels.tray import TrayPanel, tray_phrase
from canvas.ui.panels.where_else import CardTooltips
from canvas.ui.split import SideBySide
from canvas.ui.suggest import group_by_kind, suggested_spots
from canvas.ui.tray_drop import TrayDrops

if TYPE_CHECKING:
    from canvas.ui.dialogs.suggest import SuggestDialog
    from canvas.ui.main_window import MainWindow

#: How many models have a key (Ctrl+1…9).
MODEL_KEYS = 9


class Perspective(QObject):
    """Builds the tray and gauge docks, the side switch and the split, and keeps them in step with the controller."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        controller = self._controller = window.controller
        commands = window.commands
        self.live = window.live
        # Each panel is made inside its dock (see MainWindow.__init__: a polished panel moved later is polished again).
        self.tray_dock = self._new_dock("Tray", "trayDock")
        self.tray = TrayPanel(controller, self.tray_dock, first_frame=window.view.after_first_frame)
        self.gauge_dock = self._new_dock("Evidence", "gaugeDock")
        self.gauge = GaugePanel(controller, self.gauge_dock, first_frame=window.view.after_first_frame)
        self._dock(self.tray_dock, self.tray, Qt.DockWidgetArea.LeftDockWidgetArea, "Alt+4")
        self._dock(self.gauge_dock, self.gauge, Qt.DockWidgetArea.LeftDockWidgetArea, "Alt+5")
        # The left column: what waits to be placed above, what the map rests on below; the canvas keeps the middle.
        window.resizeDocks([self.tray_dock], [290], Qt.Orientation.Horizontal)
        window.resizeDocks([self.tray_dock, self.gauge_dock], [420, 480], Qt.Orientation.Vertical)

        self.count = QToolButton(window.strip)
        self.count.setObjectName("trayCount")
        self.count.setAutoRaise(True)
        self.count.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.count.setToolTip("Cards not yet placed in this model wait in the tray: click to show it (Alt+4)")
        self.count.clicked.connect(self.show_tray)
        window.strip.extras.addWidget(self.count, 0, Qt.AlignmentFlag.AlignVCenter)

        self.models = [getattr(commands, f"model_{n}") for n in range(1, MODEL_KEYS + 1)]
        model_group = QActionGroup(self)
        for index, action in enumerate(self.models):
            action.setCheckable(True)
            action.setActionGroup(model_group)
            action.triggered.connect(lambda _checked=False, i=index: self.flip_to_number(i))
        self.sides = {None: commands.side_both, Side.CUSTOMER: commands.side_customer}
        self.sides[Side.ORGANIZATION] = commands.side_organization
        side_group = QActionGroup(self)
        for side, action in self.sides.items():
            action.setActionGroup(side_group)
            action.triggered.connect(lambda _checked=False, s=side: controller.set_side(s))
        self.chip = GaugeChip()
        self.chip.clicked.connect(self.show_gauge)
        self.gauge.updated.connect(self.chip.show_gauge)
        self.gauge.zoneChosen.connect(self.show_zone)
        self._build_menu()
        self._build_toolbar()

        TrayDrops(controller, window.view, window.scene)
        CardTooltips(controller, window.view, window.scene)
        self.split = SideBySide(
            controller, window.editor, window.view, window.scene, commands.side_by_side, window.canvas_area
        )
        window.find_bar.matchesChanged.connect(self._highlight_second)

        commands.suggest.triggered.connect(self.suggest)
        self.tray.suggestRequested.connect(self.suggest)
        commands.auto_layout.triggered.connect(self.arrange_network)
        window.inspector.jumpRequested.connect(self.jump)
        controller.documentReplaced.connect(self._document_replaced)
        controller.modelChanged.connect(lambda _model: self._refresh())
        controller.canvasesChanged.connect(self._refresh)
        controller.changed.connect(self._changed)
        controller.sideChanged.connect(self._side_changed)
        self.dialog: SuggestDialog | None = None

    # -- building --------------------------------------------------------------------------------------------

    def _new_dock(self, title: str, name: str) -> QDockWidget:
        dock = QDockWidget(title, self._window)
        dock.setObjectName(name)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        return dock

    def _dock(self, dock: QDockWidget, widget: QWidget, area: Qt.DockWidgetArea, key: str) -> None:
        window = self._window
        dock.setWidget(widget)
        window.addDockWidget(area, dock)
        title = dock.windowTitle()
        toggle = dock.toggleViewAction()
        toggle.setObjectName(f"show_{dock.objectName()}")
        toggle.setText(f"{title} panel")
        toggle.setShortcut(key)
        toggle.setStatusTip(f"Show or hide the {title.lower()} panel")
        window.commands.add_to_menu("&View", toggle)
        view_menu = self._menu("menu_view")
        if view_menu is not None:
            view_menu.addAction(toggle)

    def _menu(self, name: str) -> QMenu | None:
        return self._window.menuBar().findChild(QMenu, name)

    def _build_menu(self) -> None:
        menu = self._menu("menu_perspective")
        if menu is None:
            return
        c = self._window.commands
        before_sides = menu.insertSeparator(c.side_both)
        self.enable_menu = QMenu("&Models on this canvas", menu)
        self.enable_menu.setObjectName("menu_models")
        self.enable_menu.setToolTipsVisible(True)
        self.enable_menu.aboutToShow.connect(self.fill_enable_menu)
        menu.insertMenu(before_sides, self.enable_menu)
        menu.insertSeparator(c.side_by_side)
        menu.insertSeparator(c.suggest)
        view_menu = self._menu("menu_view")
        if view_menu is not None:
            # Splitting the canvas is also a way of viewing it: the View menu offers it too.
            view_menu.insertAction(c.present, c.side_by_side)

    def _build_toolbar(self) -> None:
        bar = self._window.toolbar
        bar.addSeparator()
        short = {None: "Both sides", Side.CUSTOMER: "Customer", Side.ORGANIZATION: "Organization"}
        for side, action in self.sides.items():
            action.setIconText(short[side])  # the tool bar's words; the menu keeps the action's full text
            bar.addAction(action)
            button = bar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        spacer = QWidget()
        spacer.setFixedWidth(8)
        bar.addWidget(spacer)
        bar.addWidget(self.chip)

    # -- the models of the canvas ----------------------------------------------------------------------------

    def flip_to_number(self, index: int) -> None:
        models = self._controller.models_of_canvas()
        if 0 <= index < len(models):
            self._controller.set_model(models[index])

    def fill_enable_menu(self) -> None:
        """Every model in the catalog, ticked when the canvas is seen through it; user models are marked."""
        menu, controller = self.enable_menu, self._controller
        menu.clear()
        enabled = list(dict.fromkeys(model for model in controller.canvas.models if model in controller.catalog))
        builtin = builtin_models_dir().resolve()
        for model, spec in controller.catalog.models.items():
            source = controller.catalog.source(model)
            yours = source is not None and source.resolve().parent != builtin
            action = menu.addAction(f"{spec.name}{'  (your model)' if yours else ''}")
            action.setObjectName(f"enable_{model}")
            action.setCheckable(True)
            action.setChecked(model in enabled)
            action.setToolTip(str(source) if source is not None else spec.description.strip()[:200])
            action.setEnabled(not (model in enabled and len(enabled) == 1))  # a canvas keeps at least one model
            action.toggled.connect(lambda on, m=model: self.enable_model(m, on))

    def enable_model(self, model: str, on: bool) -> bool:
        """Add a model to the canvas (and look through it) or take it away; one undoable step."""
        controller = self._controller
        spec = controller.catalog.get(model)
        if spec is None:
            return False
        models = [m for m in controller.canvas.models if m != model]
        if on:
            models.append(model)
        elif not [m for m in models if m in controller.catalog]:
            controller.problem.emit("A canvas is seen through at least one model.")
            return False
        name = f"{'Enable' if on else 'Disable'} {spec.name}"
        if not controller.do(Batch([EditCanvas({"models": tuple(models)})], name=name)):
            return False
        if on:
            controller.set_model(model)
        elif controller.model == model:
            controller.set_model(controller.models_of_canvas()[0])
        return True

    # -- following the controller ----------------------------------------------------------------------------

    def _document_replaced(self, _document: Document) -> None:
        self._refresh()

    def _changed(self, _changes: ChangeSet) -> None:
        self._refresh_count()

    def _side_changed(self, side: Side | None) -> None:
        if self._window.scene.side != side:
            self._window.scene.set_side(side)
        action = self.sides.get(side)
        if action is not None:
            action.setChecked(True)

    def _refresh(self) -> None:
        controller = self._controller
        try:
            models = controller.models_of_canvas()
        except RuntimeError:
            return  # no canvas open yet
        for index, action in enumerate(self.models):
            if index < len(models):
                spec = controller.catalog.get(models[index])
                name = spec.name if spec is not None else models[index]
                action.setText(f"&{index + 1}  {name}")
                action.setToolTip(f"Look through {name} (Ctrl+{index + 1})")
                action.setChecked(models[index] == controller.model)
                action.setVisible(True)
            else:
                action.setVisible(False)
        spec = controller.model_spec
        self._window.commands.auto_layout.setEnabled(spec is not None and spec.network is not None)
        self._refresh_count()

    def _refresh_count(self) -> None:
        controller = self._controller
        waiting = self.live.unplaced(controller.document, controller.model)
        spec = controller.model_spec
        self.count.setText(tray_phrase(waiting, spec.title if spec is not None else controller.model))
        self.count.setEnabled(waiting > 0)
        self.tray.set_heading(tray_phrase(waiting, spec.name if spec is not None else controller.model), waiting)
        self._window.commands.suggest.setEnabled(waiting > 0)

    # -- what the person asks for ----------------------------------------------------------------------------

    def show_tray(self) -> None:
        self.tray_dock.show()
        self.tray_dock.raise_()

    def show_gauge(self) -> None:
        self.gauge_dock.show()
        self.gauge_dock.raise_()

    def show_zone(self, zone: str) -> None:
        """Bring a zone of the model shown into view (from the gauge's zone list)."""
        layout = self._window.scene.model_layout()
        box = layout.zones.get(zone)
        if box is not None:
            self._window.view.centerOn(QPointF(box.rect.x + box.rect.w / 2, box.rect.y + box.rect.h / 2))

    def jump(self, model: str, card_id: str) -> None:
        """Look at a card in another model: flip there, select it, and centre it."""
        window = self._window
        self._controller.set_model(model)
        window.scene.select_cards([card_id])
        window.view.center_on(card_id)

    def keep_selection_in_view(self) -> None:
        """After a flip: the focus card (the one selected last), or else another selected card, stays in view."""
        window = self._window
        scene, view = window.scene, window.view
        for card_id in reversed(window.editor.selected):
            rect = scene.card_rect(card_id)
            if rect is None:
                continue
            if not view.mapToScene(view.viewport().rect()).boundingRect().contains(rect):
                view.centerOn(rect.center())
            return

    def suggest(self) -> None:
        """Open the suggestion dialog for the tray's selected cards (or all of them)."""
        controller = self._controller
        spec = controller.model_spec
        if spec is None:
            return
        self.tray.rebuild_now()
        card_ids = self.tray.selected_ids() or list(self.tray.model.ids)
        groups = group_by_kind(controller.document, spec, card_ids)
        if not groups:
            self._window.statusBar().showMessage(f"Every card is already placed in {spec.name}.", 6000)
            return
        from canvas.ui.dialogs.suggest import SuggestDialog  # loaded when first asked for, not at start-up

        dialog = SuggestDialog(spec, controller.document.model_settings(spec.id), groups, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.confirmed.connect(lambda zones, m=spec.id: self.place_suggested(m, zones))
        self.dialog = dialog
        dialog.finished.connect(self._dialog_closed)
        dialog.open()

    def _dialog_closed(self) -> None:
        """The keyboard goes back to the canvas (the window system may not hand it back to the window by itself)."""
        self.dialog = None
        self._window.activateWindow()
        self._window.view.setFocus()

    def place_suggested(self, model: str, zones: dict[str, str]) -> bool:
        """Place the confirmed cards in one step (free slots of their zones) and select them."""
        controller = self._controller
        spec = controller.catalog.get(model)
        if spec is None:
            return False
        spots = suggested_spots(controller.document, spec, zones)
        if not spots:
            return False
        count = len(spots)
        name = "Place suggested card" if count == 1 else f"Place {count} suggested cards"
        if not controller.do(PlaceCards(spots, name=name)):
            return False
        if controller.model == model:
            self._window.scene.select_cards(spot.card_id for spot in spots)
        return True

    def arrange_network(self) -> bool:
        """Arrange the value network shown (networkx) as one undoable step."""
        controller = self._controller
        spec = controller.model_spec
        if spec is None or spec.network is None:
            self._window.statusBar().showMessage("Arrange works on a value-exchange network.", 6000)
            return False
        spots = auto_layout(controller.document, spec.id, spec)
        if not spots:
            self._window.statusBar().showMessage("There are no actors in the network to arrange yet.", 6000)
            return False
        if not controller.do(PlaceCards(spots, name="Arrange network")):
            return False
        self._window.view.fit()
        return True

    def _highlight_second(self, card_ids: list[str]) -> None:
        scene = self.split.scene
        if scene is not None:
            scene.highlight(card_ids)
