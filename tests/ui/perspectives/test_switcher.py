"""The model switcher: Ctrl+1…9, flips that keep the selection in view and are remembered per canvas (with the
side) but never undone, and the menu that enables any model of the catalog — built in or the person's own."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from canvas.core.catalog import Catalog, load_catalog
from canvas.core.edits import AddCard
from canvas.core.model import Card, CardKind, Placement, Side
from canvas.paths import builtin_models_dir
from canvas.store.repository import Store
from canvas.ui.app import Desktop
from canvas.ui.main_window import MainWindow
from canvas.ui.user_settings import UserSettings

from .gestures import in_view, open_window, press

CTRL = Qt.KeyboardModifier.ControlModifier


def add_card(window: MainWindow, title: str, kind: CardKind, **zones: str) -> str:
    card = Card(title=title, kind=kind)
    placements = tuple(Placement(card_id=card.id, model=model.replace("_", "-"), zone=z) for model, z in zones.items())
    assert window.controller.do(AddCard(card, placements))
    return card.id


def test_a_flip_keeps_the_selection_in_view_is_not_undone_and_is_remembered(
    qtbot: QtBot, desktop: Desktop, store_path: Path, store: Store
) -> None:
    window = open_window(qtbot, desktop, store_path)
    controller, scene, view = window.controller, window.scene, window.view
    for index in range(12):
        add_card(window, f"Situation {index}", CardKind.SITUATION, journey="use.doing", jtbd="execute")
    late = add_card(window, "Worried about tax codes", CardKind.OUTCOME, journey="aware.thinking", jtbd="outcomes")
    steps = controller.undo_stack.index()

    # Look at the jobs map zoomed in on its top-left corner (the main job), and leave it so: it is remembered.
    press(qtbot, Qt.Key.Key_2, CTRL)
    view.set_zoom(1.6)
    view.centerOn(scene.model_layout().zones["main-job"].rect.x + 300, scene.model_layout().zones["main-job"].rect.y)
    window.memory.save_now()
    assert not in_view(view, late)

    # Back on the journey, select the outcome card; flipping to the jobs map brings it into view there.
    press(qtbot, Qt.Key.Key_1, CTRL)
    scene.select_cards([late])
    press(qtbot, Qt.Key.Key_2, CTRL)
    assert controller.model == "jtbd"
    assert scene.card_ids_selected() == [late]
    assert view.zoom == 1.6, "the remembered zoom of this model"
    assert in_view(view, late), "the selected card is brought into view"
    assert controller.undo_stack.index() == steps, "a flip is not an edit"

    # A key past the canvas's models does nothing; the models' keys are named after them.
    press(qtbot, Qt.Key.Key_7, CTRL)
    assert controller.model == "jtbd"
    assert window.commands.model_2.text() == "&2  Jobs to be done" and window.commands.model_2.isChecked()
    assert not window.commands.model_7.isVisible()

    # From the customer's side, then close: the window reopens on the jobs map, from the customer's side.
    press(qtbot, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert scene.side is Side.CUSTOMER
    window.close()
    again = open_window(qtbot, desktop, store_path)
    assert again.controller.model == "jtbd" and again.scene.model == "jtbd"
    assert again.controller.side is Side.CUSTOMER and again.scene.side is Side.CUSTOMER
    assert again.commands.side_customer.isChecked()
    assert again.controller.undo_stack.index() == 0


def test_any_model_of_the_catalog_can_be_enabled_for_the_canvas_as_one_undoable_step(
    qtbot: QtBot, tmp_path: Path, store_path: Path, store: Store
) -> None:
    # The person's own model: the empathy map's layout under another id and name, in their models folder.
    mine = tmp_path / "my-models"
    mine.mkdir()
    text = (builtin_models_dir() / "empathy.toml").read_text(encoding="utf-8")
    text = text.replace('id = "empathy"', 'id = "team-map"', 1)
    text = text.replace('name = "Empathy map"', 'name = "Team map"', 1)
    (mine / "team-map.toml").write_text(text, encoding="utf-8")
    catalog: Catalog = load_catalog(builtin_models_dir(), mine)
    assert "team-map" in catalog and not catalog.problems
    desktop = Desktop(catalog, UserSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)))
    window = open_window(qtbot, desktop, store_path)
    controller, perspective = window.controller, window.perspective
    try:
        perspective.fill_enable_menu()
        menu = {action.objectName(): action for action in perspective.enable_menu.actions()}
        assert set(menu) == {f"enable_{model}" for model in catalog.models}
        assert [m for m, a in menu.items() if a.isChecked()] == [
            "enable_journey",
            "enable_jtbd",
            "enable_value-exchange",
        ]
        assert menu["enable_team-map"].text() == "Team map  (your model)"

        menu["enable_team-map"].trigger()
        assert controller.canvas.models == ("journey", "jtbd", "value-exchange", "team-map")
        assert store.load(controller.canvas.id).canvas.models[-1] == "team-map"
        assert controller.model == "team-map" and window.scene.model == "team-map"
        assert window.strip.models[-1] == "team-map"
        assert controller.undo_stack.undoText() == "Enable Team map"
        press(qtbot, Qt.Key.Key_1, CTRL)
        press(qtbot, Qt.Key.Key_4, CTRL)
        assert controller.model == "team-map"

        window.commands.undo.trigger()
        assert controller.canvas.models == ("journey", "jtbd", "value-exchange")
        assert store.load(controller.canvas.id).canvas.models == ("journey", "jtbd", "value-exchange")

        # Take the journey away while it is shown: the window looks through the next model.
        press(qtbot, Qt.Key.Key_1, CTRL)
        perspective.fill_enable_menu()
        {a.objectName(): a for a in perspective.enable_menu.actions()}["enable_journey"].trigger()
        assert controller.canvas.models == ("jtbd", "value-exchange")
        assert controller.model == "jtbd"
        perspective.fill_enable_menu()
        {a.objectName(): a for a in perspective.enable_menu.actions()}["enable_jtbd"].trigger()
        perspective.fill_enable_menu()
        last = {a.objectName(): a for a in perspective.enable_menu.actions()}["enable_value-exchange"]
        assert last.isChecked() and not last.isEnabled(), "a canvas keeps at least one model"
    finally:
        window.close()
