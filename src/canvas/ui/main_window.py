"""The main window: a thin shell wiring the canvas view, the panels, the menus and the controller together."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QMenu,
    QSplitter,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from canvas.core.document import ChangeSet, Document
from canvas.ui.actions import Actions
from canvas.ui.canvas_input import CanvasInput
from canvas.ui.capture import QuickCapture
from canvas.ui.controller import Controller
from canvas.ui.dialogs.stages import StageMenu
from canvas.ui.editor import CanvasEditor
from canvas.ui.exchange_actions import FileExchange
from canvas.ui.find import FindBar
from canvas.ui.panels.canvases import CanvasList
from canvas.ui.panels.history import History
from canvas.ui.panels.inspector import Inspector
from canvas.ui.panels.perspectives import PerspectiveStrip
from canvas.ui.panels.status import StatusLine
from canvas.ui.panels.tray import LiveCount
from canvas.ui.perspective import Perspective
from canvas.ui.placing import reading_order
from canvas.ui.presentation import PresentationMode
from canvas.ui.read_ahead import ReadAhead
from canvas.ui.scene.scene import CanvasScene
from canvas.ui.scene.style import Style
from canvas.ui.scene.view import CanvasView
from canvas.ui.store_files import StoreFiles
from canvas.ui.user_settings import UserSettings
from canvas.ui.view_memory import HOME_MIN_ZOOM, ViewMemory

#: Card actions act on the canvas only when it has the keyboard (Delete in the canvas list deletes no cards).
_CANVAS_ONLY = ("delete", "duplicate", "cut", "copy", "paste", "select_all")
#: Menu entries followed by a separator.
_SEPARATED_AFTER = {"open_store", "export_picture", "redo", "select_all", "edit_stages", "present"}


class MainWindow(QMainWindow):
    """One store, one window. Opening another store asks the app for a new window (`files.openRequested`)."""

    #: Emitted once the window has closed (the app closes the store then).
    closed = Signal()

    def __init__(self, controller: Controller, settings: UserSettings | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.controller = controller
        self.settings = settings
        # How many live cards the canvas holds, for the status line and the tray count: counted once per canvas
        # (10,000 cards: ~1.5 ms), then followed from change sets. Connected first, so it is current for both.
        self.live = LiveCount()
        controller.documentReplaced.connect(self.live.reset)
        controller.changed.connect(self.live.follow)
        # Widgets are made inside their final parents (see the docks below), in the order they were once moved into
        # them: the central widget first (below the docks), the strip above the canvas, then the canvas (in the
        # splitter that opens a second view beside it) with the bars floating over it; the keyboard's Tab order
        # follows that order.
        central = QWidget(self)
        self.scene = CanvasScene(controller.catalog, self)
        self.strip = PerspectiveStrip(controller, central)
        self.canvas_area = QSplitter(Qt.Orientation.Horizontal, central)
        self.canvas_area.setObjectName("sideBySide")
        self.canvas_area.setChildrenCollapsible(False)
        self.view = CanvasView(self.scene, self.canvas_area)
        self.canvas_area.addWidget(self.view)
        self.view.setObjectName("canvasView")
        self.view.setAccessibleName("Canvas")
        self.view.setAccessibleDescription("The cards on the model shown; start typing to capture a card")
        self.find_bar = FindBar(controller, self._reading_order, self.view)
        self.capture = QuickCapture(controller, self.view, self.pointer, self._focused_card)
        self.commands = Actions(self)
        self.editor = CanvasEditor(controller, self)
        # Each panel is made inside its dock: moved into a dock afterwards, every widget of an already polished panel
        # would be polished again (the style sheet's style passes down to a moved widget's children).
        self.inspector_dock = self._new_dock("Inspector", "inspectorDock")
        self.inspector = Inspector(controller, self.inspector_dock)
        self.canvases_dock = self._new_dock("Canvases", "canvasesDock")
        self.canvas_list = CanvasList(controller, self.canvases_dock, first_frame=self.view.after_first_frame)
        self.history_dock = self._new_dock("History", "historyDock")
        self.history = History(controller.undo_group, self.history_dock)
        self.stage_menu = StageMenu(controller, self)
        self.presentation = PresentationMode(self, self._set_canvas_look)
        self.memory = ViewMemory(controller, self.view, self.scene)
        self.files = StoreFiles(self, controller.store.path, settings)
        self.input = CanvasInput(self.view, self.scene, self.capture, self._canvas_menu, self.find_bar)
        self.exchange = FileExchange(self, controller, [self.view.viewport()])

        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.strip)
        layout.addWidget(self.canvas_area, 1)
        self.setCentralWidget(central)
        self._build_docks()
        self._build_menus()
        self._build_toolbar()
        self.status = StatusLine(controller, self.statusBar(), self.live)
        self._wire()
        self.perspective = Perspective(self)
        self.resize(1400, 900)
        layout_saved = settings.window_layout() if settings is not None else None
        if layout_saved is not None:
            self.restoreGeometry(layout_saved[0])
            self.restoreState(layout_saved[1])

    # -- building --------------------------------------------------------------------------------------------

    def _new_dock(self, title: str, name: str) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        return dock

    def _dock(self, dock: QDockWidget, widget: QWidget, area: Qt.DockWidgetArea) -> None:
        dock.setWidget(widget)
        self.addDockWidget(area, dock)

    def _build_docks(self) -> None:
        right = Qt.DockWidgetArea.RightDockWidgetArea
        # One column on the right keeps the canvas wide: the inspector (with the canvas list as a second tab) above
        # the history. Every dock can be moved, closed and brought back (View menu, Alt+1…3).
        self._dock(self.inspector_dock, self.inspector, right)
        self._dock(self.canvases_dock, self.canvas_list, right)
        self._dock(self.history_dock, self.history, right)
        self.setTabPosition(right, QTabWidget.TabPosition.North)
        self.tabifyDockWidget(self.inspector_dock, self.canvases_dock)
        self.inspector_dock.raise_()
        self.resizeDocks([self.inspector_dock], [300], Qt.Orientation.Horizontal)
        self.resizeDocks([self.inspector_dock, self.history_dock], [640, 220], Qt.Orientation.Vertical)
        for dock in (self.inspector_dock, self.canvases_dock, self.history_dock):
            dock.visibilityChanged.connect(self._sync_dock_titles)
            dock.dockLocationChanged.connect(self._sync_dock_titles)
        self._sync_dock_titles()
        for dock, shortcut in (
            (self.canvases_dock, "Alt+1"),
            (self.inspector_dock, "Alt+2"),
            (self.history_dock, "Alt+3"),
        ):
            toggle = dock.toggleViewAction()
            toggle.setObjectName(f"show_{dock.objectName()}")
            toggle.setText(f"{dock.windowTitle()} panel")
            toggle.setShortcut(shortcut)
            toggle.setStatusTip(f"Show or hide the {dock.windowTitle().lower()} panel")
            self.commands.add_to_menu("&View", toggle)

    def _sync_dock_titles(self, *_args: object) -> None:
        """A dock sharing its place with others is named by its tab; only a dock on its own shows a title bar."""
        # The docks are the window's own children: looking only there skips walking every widget of every panel,
        # which this did several times as the window first showed (each dock's visibility changes then).
        for dock in self.findChildren(QDockWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            tabbed = any(other.isVisible() for other in self.tabifiedDockWidgets(dock))
            has_bar = dock.titleBarWidget() is None
            if tabbed and has_bar:
                dock.setTitleBarWidget(QWidget(dock))
            elif not tabbed and not has_bar:
                dock.setTitleBarWidget(None)  # type: ignore[arg-type]

    def _build_menus(self) -> None:
        bar = self.menuBar()
        for title, actions in self.commands.menus().items():
            menu = bar.addMenu(title)
            menu.setObjectName(f"menu_{title.replace('&', '').lower()}")
            for action in actions:
                menu.addAction(action)
                if action.objectName() == "open_store":
                    self.recent_menu = menu.addMenu("Recent stores")
                    self.recent_menu.aboutToShow.connect(lambda: self.files.fill_recent(self.recent_menu))
                if action.objectName() in _SEPARATED_AFTER:
                    menu.addSeparator()
        for name in _CANVAS_ONLY:
            action = getattr(self.commands, name)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.view.addAction(action)

    def _build_toolbar(self) -> None:
        bar = QToolBar("Tools", self)
        bar.setObjectName("tools")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        c = self.commands
        groups = (
            (c.capture, c.draw_flow),
            (c.undo, c.redo),
            (c.duplicate, c.delete),
            (c.edit_stages,),
            (c.zoom_out, c.zoom_in, c.fit),
            (c.find, c.present),
        )
        for index, group in enumerate(groups):
            if index:
                bar.addSeparator()
            for action in group:
                bar.addAction(action)
        for action in (c.capture, c.draw_flow, c.present):
            button = bar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.toolbar = bar

    def _wire(self) -> None:
        c, controller, scene = self.commands, self.controller, self.scene
        group = controller.undo_group
        c.undo.triggered.connect(group.undo)
        c.redo.triggered.connect(group.redo)
        group.canUndoChanged.connect(c.undo.setEnabled)
        group.canRedoChanged.connect(c.redo.setEnabled)
        group.undoTextChanged.connect(lambda text: c.undo.setText(f"&Undo {text}".strip()))
        group.redoTextChanged.connect(lambda text: c.redo.setText(f"&Redo {text}".strip()))
        c.undo.setEnabled(group.canUndo())
        c.redo.setEnabled(group.canRedo())

        c.new_canvas.triggered.connect(self.canvas_list.create_canvas)
        c.open_store.triggered.connect(self.files.ask_open)
        c.new_store.triggered.connect(self.files.ask_new)
        c.import_file.triggered.connect(self.exchange.ask_import)
        c.export_file.triggered.connect(self.exchange.ask_export)
        c.export_picture.triggered.connect(self.exchange.ask_export_picture)
        c.inspect.triggered.connect(self.edit_in_inspector)
        c.close_window.triggered.connect(self.close)
        c.quit.triggered.connect(self._quit)
        c.capture.triggered.connect(lambda: self.capture.start(""))
        c.cut.triggered.connect(self.editor.cut)
        c.copy.triggered.connect(self.editor.copy)
        c.paste.triggered.connect(lambda: self.editor.paste(self.pointer()))
        c.duplicate.triggered.connect(self.editor.duplicate)
        c.delete.triggered.connect(self.editor.delete)
        c.select_all.triggered.connect(self.editor.select_all)
        c.draw_flow.triggered.connect(self.editor.draw_flow)
        c.edit_stages.triggered.connect(self.stage_menu.edit_all)
        c.find.triggered.connect(self.find_bar.open_bar)
        c.find_next.triggered.connect(self._find_next)
        c.find_previous.triggered.connect(self._find_previous)
        c.zoom_in.triggered.connect(self.view.zoom_in)
        c.zoom_out.triggered.connect(self.view.zoom_out)
        c.fit.triggered.connect(self.view.fit)
        c.present.toggled.connect(self.presentation.set_active)
        self.presentation.toggled.connect(c.present.setChecked)
        c.shortcuts.triggered.connect(self.show_shortcuts)
        c.about.triggered.connect(self.show_about)

        controller.documentReplaced.connect(self._show_document)
        # A canvas opens with the placements of the model it shows; the others are read while the window is idle.
        self.read_ahead = ReadAhead(self.view.viewport())
        controller.documentReplaced.connect(self.read_ahead.follow)
        controller.modelChanged.connect(self._show_model)
        controller.changed.connect(self._apply_changes)
        controller.canvasesChanged.connect(self._update_title)
        self.editor.selectRequested.connect(scene.select_cards)
        self.editor.flowDrawn.connect(self._show_new_flow)
        self.editor.hint.connect(lambda text: self.statusBar().showMessage(text, 6000))
        scene.cardsMoved.connect(self.editor.move)
        scene.titleEdited.connect(self.editor.retitle)
        scene.flowRequested.connect(self.editor.draw_flow_between)
        scene.captureRequested.connect(self.capture.start_at)
        scene.cardSelectionChanged.connect(self._selection_changed)
        scene.linkSelected.connect(self._link_selected)
        self.capture.captured.connect(lambda card_id: scene.select_cards([card_id]))
        self.find_bar.matchesChanged.connect(scene.highlight)
        self.find_bar.current.connect(self._reveal)
        self.find_bar.closed.connect(lambda: self.view.setFocus())
        self.inspector.finished.connect(lambda: self.view.setFocus())

    # -- following the controller -----------------------------------------------------------------------------

    def _show_document(self, document: Document) -> None:
        self.scene.show_document(document, self.controller.model, self.controller.side)
        self._update_title()
        if self.presentation.active:
            self._present_fit()
        else:
            self.memory.restore()
        self._update_actions()

    def _show_model(self, model: str) -> None:
        if self.scene.model != model:
            self.scene.flip_to(model)
            if self.presentation.active:
                self._present_fit()  # projected, every model fills the screen's width, not its remembered view
            else:
                self.memory.restore()
                self.perspective.keep_selection_in_view()
        self._update_actions()

    def _apply_changes(self, changes: ChangeSet) -> None:
        self.scene.apply_changes(changes)

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.controller.canvas.title} — Sensemaking Canvas")
        self.setWindowFilePath(str(self.controller.store.path))

    def _update_actions(self) -> None:
        spec = self.controller.model_spec
        network = spec is not None and spec.network is not None
        self.commands.draw_flow.setEnabled(network)
        self.commands.edit_stages.setEnabled(self.stage_menu.editable_spec() is not None)

    def _selection_changed(self, card_ids: list[str]) -> None:
        self.editor.set_selection(card_ids)
        if card_ids or self.inspector.link_id is None:
            self.inspector.show_cards(self.editor.selected)

    def _link_selected(self, link_id: str) -> None:
        self.editor.set_link(link_id)
        self.inspector.show_link(link_id)

    def _show_new_flow(self, link_id: str) -> None:
        self.scene.select_link(link_id)
        self._link_selected(link_id)
        self.inspector_dock.show()
        self.inspector.focus_first_field()
        self.statusBar().showMessage("Type what flows (money, data, trust…) and press Enter.", 6000)

    # -- find ------------------------------------------------------------------------------------------------

    def _reading_order(self, card_ids: Sequence[str]) -> list[str]:
        spec = self.controller.model_spec
        return [] if spec is None else reading_order(self.controller.document, spec, card_ids)

    def _reveal(self, card_id: str) -> None:
        self.scene.select_cards([card_id])
        self.view.center_on(card_id)

    def _find_next(self) -> None:
        if not self.find_bar.isVisible():
            self.find_bar.open_bar()
        else:
            self.find_bar.next()

    def _find_previous(self) -> None:
        if not self.find_bar.isVisible():
            self.find_bar.open_bar()
        else:
            self.find_bar.previous()

    # -- the canvas's keyboard and mouse ----------------------------------------------------------------------

    def _focused_card(self) -> str | None:
        """The card the keyboard works from: the one selected last."""
        selected = self.editor.selected
        return selected[-1] if selected else None

    def pointer(self) -> QPointF | None:
        """The scene point under the mouse, if the mouse is over the canvas."""
        return self.input.pointer()

    def _canvas_menu(self, point: QPointF) -> QMenu:
        """The right-click menu: capture and paste here, the selection's commands, and the stage under `point`."""
        menu = QMenu(self)
        c = self.commands
        for action in (c.capture, c.paste):
            menu.addAction(action)
        if self.editor.selected:
            menu.addSeparator()
            for action in (c.inspect, c.cut, c.copy, c.duplicate, c.delete):
                menu.addAction(action)
        if self.stage_menu.editable_spec() is not None:
            menu.addSeparator()
            self.stage_menu.add_to(menu, point.x())
        return menu

    # -- dialogs ---------------------------------------------------------------------------------------------

    def edit_in_inspector(self) -> None:
        """F2: the inspector takes the keyboard, at the selected card's title (or the selected flow's label)."""
        if not self.editor.selected and self.inspector.link_id is None:
            self.statusBar().showMessage("Select a card first (click it, or find it with Ctrl+F).", 6000)
            return
        self.inspector_dock.show()
        self.inspector_dock.raise_()
        self.inspector.focus_first_field()

    def show_shortcuts(self) -> None:
        from canvas.ui.dialogs.shortcuts import ShortcutSheet  # loaded when first asked for, not at start-up

        ShortcutSheet(self.commands.menus(), self).exec()

    def show_about(self) -> None:
        from canvas.ui.dialogs.about import AboutDialog

        AboutDialog(self.controller.store.path, self).exec()

    def _set_canvas_look(self, presenting: bool) -> None:
        self.scene.set_look(Style.presentation_mode() if presenting else Style.standard())
        policy = Qt.ScrollBarPolicy.ScrollBarAlwaysOff if presenting else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        self.view.setHorizontalScrollBarPolicy(policy)
        self.view.setVerticalScrollBarPolicy(policy)
        # Full screen arrives as a resize a moment later; while presenting, the model fills the screen's width
        # (read across, scroll down) at a zoom where every card shows its title.
        self.input.fit_on_resize = self._present_fit if presenting else None
        if presenting:
            self._present_fit()
        else:
            self.view.fit()

    def _present_fit(self) -> None:
        """The whole model if its cards still read at that zoom; else its width, to be scrolled down."""
        self.view.fit()
        if self.view.zoom < HOME_MIN_ZOOM:
            self.view.fit_width(HOME_MIN_ZOOM)

    # -- life ------------------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.memory.restore()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.capture.line.close_line()
        self.memory.save_now()
        if self.settings is not None and not self.presentation.active:
            self.settings.save_window_layout(self.saveGeometry(), self.saveState())
        super().closeEvent(event)
        self.closed.emit()

    def _quit(self) -> None:
        for window in self.findChildren(QMainWindow):
            window.close()
        self.close()
