"""Every command of the main window as a QAction with its shortcut, tooltip and status tip, grouped by menu.

The menus, the tool bar and the shortcut sheet (F1) are all built from these, so they can never disagree.
Ctrl+1…9 look through the canvas's models (the Perspective menu; their names are filled in by the window).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from canvas.ui import theme

Keys = Sequence[QKeySequence | QKeySequence.StandardKey | str]


@dataclass(frozen=True)
class _Spec:
    name: str
    text: str
    tip: str
    keys: Keys = ()
    icon: str | None = None
    checkable: bool = False


#: Menu title -> the actions it holds, in order. Docks add their own toggle actions to the View menu.
_MENUS: dict[str, tuple[_Spec, ...]] = {
    "&File": (
        _Spec("new_canvas", "&New canvas…", "Start an empty canvas in this store", ("Ctrl+N",), "canvas-new"),
        _Spec("new_store", "New s&tore…", "Create an empty store file and open it", ("Ctrl+Shift+N",)),
        _Spec("open_store", "&Open store…", "Open another store file", ("Ctrl+O",), "open"),
        _Spec(
            "import_file",
            "&Import…",
            "Import a canvas file (.scanvas, merged), a JSON Canvas (.canvas) or interview notes (.csv); "
            "you see what changes first. Dropping a file on the window does the same",
            ("Ctrl+I",),
        ),
        _Spec(
            "export_file",
            "&Export…",
            "Save the canvas as a file to share (.scanvas), a JSON Canvas of the model shown, a report or a CSV",
            ("Ctrl+E",),
        ),
        _Spec(
            "export_picture",
            "Export &picture…",
            "Save the model shown as a PNG, SVG or PDF picture with title and legend",
            ("Ctrl+Shift+E",),
        ),
        _Spec("close_window", "&Close window", "Close this window; everything is already saved", ("Ctrl+W",)),
        _Spec("quit", "&Quit", "Quit Sensemaking Canvas; everything is already saved", ("Ctrl+Q",)),
    ),
    "&Edit": (
        _Spec("undo", "&Undo", "Undo the last step", (QKeySequence.StandardKey.Undo,), "undo"),
        _Spec("redo", "&Redo", "Redo the step just undone", ("Ctrl+Shift+Z", "Ctrl+Y"), "redo"),
        _Spec(
            "capture",
            "New &card here",
            "Capture a card where the mouse is (or just start typing over the canvas)",
            ("Ctrl+Return",),
            "card-new",
        ),
        _Spec(
            "inspect",
            "Edit card &fields",
            "Put the keyboard in the inspector: Tab moves from field to field, Esc returns to the canvas",
            ("F2",),
            "inspector",
        ),
        _Spec("cut", "Cu&t", "Cut the selected cards to the clipboard", (QKeySequence.StandardKey.Cut,)),
        _Spec("copy", "&Copy", "Copy the selected cards (paste them here or on another canvas)", ("Ctrl+C",), "copy"),
        _Spec("paste", "&Paste", "Paste cards from the clipboard where the mouse is", ("Ctrl+V",), "paste"),
        _Spec("duplicate", "&Duplicate", "Duplicate the selected cards next to them", ("Ctrl+D",), "duplicate"),
        _Spec("delete", "De&lete", "Delete the selected cards or flow", ("Del", "Backspace"), "delete"),
        _Spec("select_all", "Select &all", "Select every card shown in this model", ("Ctrl+A",)),
        _Spec(
            "draw_flow",
            "Draw &flow",
            "Draw a flow from the first selected actor to the second (or Shift+drag from an actor)",
            ("Ctrl+L",),
            "flow",
        ),
        _Spec("edit_stages", "Edit &stages…", "Add, rename, reorder or remove the journey stages", (), "stages"),
        _Spec("find", "&Find…", "Find cards by title, notes, tags or source", ("Ctrl+F",), "find"),
        _Spec("find_next", "Find &next", "Go to the next match", ("F3",)),
        _Spec("find_previous", "Find pre&vious", "Go to the previous match", ("Shift+F3",)),
    ),
    "&View": (
        _Spec("zoom_in", "Zoom &in", "Zoom in", ("Ctrl++", "Ctrl+="), "zoom-in"),
        _Spec("zoom_out", "Zoom &out", "Zoom out", ("Ctrl+-",), "zoom-out"),
        _Spec("fit", "&Fit to window", "Show the whole model", ("Ctrl+0",), "fit"),
        _Spec(
            "present",
            "&Presentation mode",
            "Full screen, larger type, high contrast, no panels (Esc or F5 to leave)",
            ("F5",),
            "present",
            checkable=True,
        ),
    ),
    "&Perspective": (
        *(
            _Spec(f"model_{n}", f"Model {n}", f"Look through model {n} of this canvas (not an edit)", (f"Ctrl+{n}",))
            for n in range(1, 10)
        ),
        _Spec(
            "side_both",
            "&Both sides",
            "See the whole map: the customer's side and the organization's, nothing dimmed",
            ("Ctrl+Shift+B",),
            checkable=True,
        ),
        _Spec(
            "side_customer",
            "&Customer side",
            "See the map from the customer's side: what only the organization sees is dimmed",
            ("Ctrl+Shift+C",),
            checkable=True,
        ),
        _Spec(
            "side_organization",
            "&Organization side",
            "See the map from the organization's side: what only the customer sees is dimmed",
            ("Ctrl+Shift+O",),
            checkable=True,
        ),
        _Spec(
            "side_by_side",
            "Side b&y side",
            "Split the canvas in two: another model, or the same model from the other side; selection follows",
            ("Ctrl+\\",),
            checkable=True,
        ),
        _Spec(
            "suggest",
            "&Suggest placements…",
            "Propose a zone for the cards waiting in the tray, by their kind; you confirm before they are placed",
            ("Ctrl+Shift+P",),
        ),
        _Spec(
            "auto_layout",
            "&Arrange network",
            "Lay the value network out so flows are short and no cards overlap (one step to undo)",
        ),
    ),
    "&Help": (
        _Spec("shortcuts", "&Keyboard shortcuts", "Every action and its keys", ("F1",), "keyboard"),
        _Spec(
            "restore_backup",
            "&Restore from backup…",
            "Put this store back as it was before an import or an upgrade (it is backed up first)",
        ),
        _Spec("about", "&About Sensemaking Canvas", "Version, store file and size, where the logs are", (), "about"),
    ),
}


@cache
def _keys_and_tip(spec: _Spec) -> tuple[list[QKeySequence], str]:
    """An action's key sequences and its tool tip (its text and first shortcut), worked out once per process: each
    window makes its own actions, and reading the keys and writing the shortcut out was a fifth of that."""
    keys = [QKeySequence(key) for key in spec.keys]
    shortcut = keys[0].toString(QKeySequence.SequenceFormat.NativeText) if keys else ""
    plain = spec.text.replace("&", "").rstrip("…")
    return keys, f"{plain} ({shortcut})" if shortcut else plain


class Actions:
    """The main window's actions, by name (`actions.undo`) and by menu (`actions.menus()`)."""

    def __init__(self, parent: QWidget) -> None:
        self._by_name: dict[str, QAction] = {}
        self._menus: dict[str, list[QAction]] = {}
        for menu, specs in _MENUS.items():
            self._menus[menu] = [self._make(parent, spec) for spec in specs]

    def _make(self, parent: QWidget, spec: _Spec) -> QAction:
        action = QAction(spec.text, parent)
        action.setObjectName(spec.name)
        keys, tip = _keys_and_tip(spec)
        if keys:
            action.setShortcuts(keys)
        action.setToolTip(tip)
        action.setStatusTip(spec.tip)
        if spec.icon:
            action.setIcon(theme.icon(spec.icon))
        action.setCheckable(spec.checkable)
        self._by_name[spec.name] = action
        return action

    def __getattr__(self, name: str) -> QAction:
        try:
            return self.__dict__["_by_name"][name]  # type: ignore[no-any-return]
        except KeyError:
            raise AttributeError(f"there is no action named {name!r}") from None

    def __iter__(self) -> Iterator[QAction]:
        return iter(self._by_name.values())

    def menus(self) -> dict[str, list[QAction]]:
        """Menu title -> actions, in menu order."""
        return {menu: list(actions) for menu, actions in self._menus.items()}

    def add_to_menu(self, menu: str, action: QAction) -> None:
        """Add an action made elsewhere (a dock's toggle) so menus and the shortcut sheet show it too."""
        self._menus.setdefault(menu, []).append(action)
        self._by_name.setdefault(action.objectName() or action.text(), action)
