"""Edits as data: each applies, reports what changed, fails cleanly, and is undone exactly by its inverse."""

from __future__ import annotations

import pytest

from canvas.core.document import Document
from canvas.core.edits import (
    AddCard,
    AddLink,
    Batch,
    DeleteCards,
    EditCanvas,
    EditCard,
    EditError,
    PlaceCards,
    SetColumns,
    Spot,
    UnplaceCards,
    undo,
)
from canvas.core.model import Canvas, Card, CardKind, Link, ZoneLabel


@pytest.fixture
def document() -> Document:
    return Document.of(Canvas(title="Payroll onboarding, Oslo workshop"))


def test_capture_a_card_then_edit_it_bumps_the_revision_and_remembers_the_old_one(document: Document) -> None:
    card = Card(title="Payroll on Sunday night", kind=CardKind.PAIN)
    AddCard(card).apply(document)

    changes = EditCard(card.id, {"importance": 8, "tags": ("payroll",)}).apply(document)

    edited = document.card(card.id)
    assert edited is not None
    assert (edited.importance, edited.tags) == (8, ("payroll",))
    assert edited.rev != card.rev and edited.history == (card.rev,)
    assert edited.descends_from(card) and not card.descends_from(edited)
    assert changes.keys("cards") == {card.id}


def test_a_bad_value_is_refused_with_a_readable_message_and_changes_nothing(document: Document) -> None:
    card = Card(title="Late salary")
    AddCard(card).apply(document)
    before = document.snapshot()

    with pytest.raises(EditError, match="importance: Input should be less than or equal to 10"):
        EditCard(card.id, {"importance": 11}).apply(document)
    with pytest.raises(EditError, match="cards have no field colour_name"):
        EditCard(card.id, {"colour_name": "red"}).apply(document)

    assert document.snapshot() == before


def test_editing_a_field_to_its_current_value_is_not_an_edit(document: Document) -> None:
    card = Card(title="Same")
    AddCard(card).apply(document)
    assert not EditCard(card.id, {"title": "Same"}).apply(document)


def test_deleting_a_card_leaves_tombstones_for_it_its_placements_and_links(document: Document) -> None:
    owner, bureau = (
        Card(title="Café owner", kind=CardKind.ACTOR),
        Card(title="Tax office", kind=CardKind.ACTOR),
    )
    AddCard(owner).apply(document)
    AddCard(bureau).apply(document)
    PlaceCards((Spot(owner.id, "value-exchange", "network", 0, 0),)).apply(document)
    flow = Link(source=owner.id, target=bureau.id, label="payroll tax")
    AddLink(flow).apply(document)

    changes = DeleteCards((owner.id,)).apply(document)

    assert document.card(owner.id) is None
    assert document.cards[owner.id].deleted
    assert document.links[flow.id].deleted
    assert document.placement(owner.id, "value-exchange") is None
    assert [card.title for card in document.unplaced_in("value-exchange")] == ["Tax office"]
    undo(document, changes)
    assert document.card(owner.id) == owner
    assert document.links_of(owner.id) == [flow]


def test_placing_again_after_unplacing_revives_the_same_placement_record(document: Document) -> None:
    card = Card(title="Checks the bank twice")
    AddCard(card).apply(document)
    PlaceCards((Spot(card.id, "journey", "use.doing"),)).apply(document)
    first = document.placement(card.id, "journey")
    UnplaceCards((card.id,), "journey").apply(document)
    PlaceCards((Spot(card.id, "journey", "renew.doing"),)).apply(document)

    again = document.placement(card.id, "journey")
    assert first is not None and again is not None
    assert again.zone == "renew.doing" and first.rev in again.history


def test_a_batch_that_fails_half_way_leaves_nothing_behind(document: Document) -> None:
    card = Card(title="Fine")
    before = document.snapshot()
    with pytest.raises(EditError):
        Batch((AddCard(card), EditCard("no-such-card", {"title": "x"}))).apply(document)
    assert document.snapshot() == before


def test_stages_and_canvas_settings_are_edits_too(document: Document) -> None:
    stages = (ZoneLabel(id="aware", label="Hears of us"), ZoneLabel(id="signup", label="Signs up"))
    changes = SetColumns("journey", stages).apply(document)
    renamed = EditCanvas({"title": "Renamed"}).apply(document)
    settings = document.model_settings("journey")
    assert settings is not None and settings.columns == stages
    assert document.canvas.title == "Renamed"
    undo(document, renamed)
    undo(document, changes)
    assert document.model_settings("journey") is None
    assert document.canvas.title == "Payroll onboarding, Oslo workshop"
    with pytest.raises(EditError, match="share an id"):
        SetColumns("journey", (stages[0], stages[0])).apply(document)
