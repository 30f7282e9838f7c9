"""The controller: every edit is one undoable step, saved in the store at once; undo and redo reach the store too."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from canvas.core.catalog import Catalog
from canvas.core.edits import AddCard, EditCard, PlaceCards, Spot
from canvas.core.model import Card, CardKind, Placement
from canvas.store.repository import Store
from canvas.ui.controller import Controller


def stored_cards(store: Store, canvas_id: str) -> dict[str, Card]:
    return {card.id: card for card in store.load(canvas_id).live_cards()}


def test_an_edit_is_saved_at_once_and_undo_and_redo_reach_the_store(controller: Controller, store: Store) -> None:
    card = Card(title="Payroll runs on Sunday night", kind=CardKind.PAIN)
    placement = Placement(card_id=card.id, model="journey", zone="use.pains")

    assert controller.do(AddCard(card, (placement,)))
    canvas_id = controller.canvas.id
    assert stored_cards(store, canvas_id)[card.id].title == "Payroll runs on Sunday night"
    assert controller.undo_stack.count() == 1
    assert controller.undo_stack.undoText() == "Add card 'Payroll runs on Sunday night'"

    controller.undo_group.undo()
    assert stored_cards(store, canvas_id) == {}
    assert store.load(canvas_id).placement(card.id, "journey") is None

    controller.undo_group.redo()
    assert store.load(canvas_id).placement(card.id, "journey") is not None
    assert controller.document.snapshot() == store.load(canvas_id).snapshot()


def test_a_failed_edit_says_why_and_leaves_no_step(controller: Controller, qtbot: QtBot) -> None:
    with qtbot.waitSignal(controller.problem) as problem:
        done = controller.do(EditCard("no-such-card", {"title": "x"}))
    assert not done
    assert "no card with id 'no-such-card'" in problem.args[0]
    assert controller.undo_stack.count() == 0


def test_an_edit_that_changes_nothing_leaves_no_step(controller: Controller) -> None:
    card = Card(title="Sign-up asks for the bank account twice")
    controller.do(AddCard(card))
    controller.do(EditCard(card.id, {"title": "Sign-up asks for the bank account twice"}))
    assert controller.undo_stack.count() == 1


def test_consecutive_moves_of_the_same_card_are_one_step(controller: Controller, store: Store) -> None:
    card = Card(title="Waits for the first payslip")
    controller.do(AddCard(card, (Placement(card_id=card.id, model="journey", zone="use.doing"),)))
    controller.do(PlaceCards((Spot(card.id, "journey", "use.feeling"),)))
    controller.do(PlaceCards((Spot(card.id, "journey", "renew.feeling", 212.0, 0.0),)))
    assert controller.undo_stack.count() == 2

    controller.undo_group.undo()
    placement = store.load(controller.canvas.id).placement(card.id, "journey")
    assert placement is not None and placement.zone == "use.doing"


def test_nudging_a_score_with_the_arrows_is_one_step(controller: Controller) -> None:
    card = Card(title="Wants a reminder before payday", kind=CardKind.NEED)
    controller.do(AddCard(card))
    for importance in (5, 6, 7):
        controller.do(EditCard(card.id, {"importance": importance}))
    assert controller.undo_stack.count() == 2
    controller.undo_group.undo()
    assert controller.document.cards[card.id].importance is None


def test_each_canvas_keeps_its_own_history(controller: Controller, store: Store) -> None:
    first = controller.canvas.id
    controller.do(AddCard(Card(title="On the first canvas")))
    second = controller.create_canvas("Renewal interviews")
    assert second is not None and controller.canvas.id == second
    assert controller.undo_stack.count() == 0
    controller.open_canvas(first)
    assert controller.undo_stack.count() == 1


def test_the_model_shown_is_remembered_per_canvas(controller: Controller, store: Store, catalog: Catalog) -> None:
    controller.set_model("jtbd")
    again = Controller(store, catalog)
    again.open_canvas(controller.canvas.id)
    assert again.model == "jtbd"


def test_an_edit_the_store_cannot_take_is_not_shown_and_says_not_saved(
    controller: Controller, store: Store, qtbot: QtBot
) -> None:
    before = controller.document.snapshot()
    store.close()  # the file is gone from under the app (a pulled USB stick, a full disk)

    with qtbot.waitSignal(controller.saveStateChanged) as saved:
        done = controller.do(AddCard(Card(title="Lost in the void")))

    assert not done
    assert saved.args[0] is False
    assert controller.document.snapshot() == before
    assert controller.undo_stack.count() == 0
