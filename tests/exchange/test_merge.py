"""Merging a teammate's canvas file: additions arrive, one-sided edits are taken, conflicts keep both versions."""

from __future__ import annotations

from canvas.core.document import Document
from canvas.core.edits import (
    AddCard,
    AddLink,
    DeleteCards,
    EditCanvas,
    EditCard,
    EditLink,
    PlaceCards,
    SetColumns,
    Spot,
)
from canvas.core.frameworks import ModelSpec
from canvas.core.model import Card, Link, ZoneLabel
from canvas.exchange.merge import CONFLICT_LABEL, MergeResult, merge

from .samples import card_titled, clone, through_file, workshop


def exchange(mine: Document, theirs: Document, models: dict[str, ModelSpec]) -> MergeResult:
    """Import `theirs` (as its file) into `mine`, as `canvas import` does, and return what happened."""
    result = merge(mine, through_file(theirs, models))
    mine.apply_changes(result.changes)
    return result


def test_a_card_only_in_the_file_is_added_with_its_placement(models: dict[str, ModelSpec]) -> None:
    mine = workshop()
    theirs = clone(mine)
    new = Card(title="Accountant does it for them")
    AddCard(new).apply(theirs)
    PlaceCards((Spot(new.id, "journey", "use.doing", 212.0, 0.0),)).apply(theirs)

    result = exchange(mine, theirs, models)

    assert result.as_json() == {"added": 1, "updated": 0, "deleted": 0, "conflicts": 0, "canvas": mine.canvas.id}
    placement = mine.placement(new.id, "journey")
    assert placement is not None and (placement.zone, placement.x) == ("use.doing", 212.0)


def test_importing_the_same_file_twice_changes_nothing_the_second_time(models: dict[str, ModelSpec]) -> None:
    mine = workshop()
    theirs = clone(mine)
    AddCard(Card(title="New on their side")).apply(theirs)
    first, second = clone(mine).live_cards()[:2]
    EditCard(first.id, {"title": "Their title"}).apply(theirs)
    EditCard(first.id, {"title": "My title"}).apply(mine)
    DeleteCards((second.id,)).apply(theirs)

    assert exchange(mine, theirs, models).changes
    before = mine.snapshot()
    again = exchange(mine, theirs, models)

    assert not again.changes and mine.snapshot() == before
    assert again.as_json() == {"added": 0, "updated": 0, "deleted": 0, "conflicts": 0, "canvas": mine.canvas.id}


def test_an_edit_on_one_side_is_taken_and_an_older_file_changes_nothing(models: dict[str, ModelSpec]) -> None:
    mine = workshop()
    older = clone(mine)
    card = mine.live_cards()[0]
    EditCard(card.id, {"notes": "Seen again in Bergen"}).apply(mine)
    newer = clone(mine)
    EditCard(card.id, {"importance": 8}).apply(newer)

    assert not exchange(mine, older, models).changes
    result = exchange(mine, newer, models)

    assert result.updated == 1 and not result.conflicts
    edited = mine.card(card.id)
    assert edited is not None and (edited.notes, edited.importance) == ("Seen again in Bergen", 8)


def test_a_card_changed_on_both_sides_keeps_both_versions_linked_as_a_conflict(
    models: dict[str, ModelSpec],
) -> None:
    mine = workshop()
    theirs = clone(mine)
    card = mine.live_cards()[0]
    EditCard(card.id, {"title": "Payroll on Sunday night, every month"}).apply(mine)
    EditCard(card.id, {"title": "Payroll late on Sundays"}).apply(theirs)

    result = exchange(mine, theirs, models)

    assert result.conflicting_cards == ["'Payroll on Sunday night, every month'"]
    assert "changed on both sides; both versions are kept" in str(result.conflicts[0])
    titles = {c.title for c in mine.live_cards()}
    assert {"Payroll on Sunday night, every month", "Payroll late on Sundays"} <= titles
    [copy] = [c for c in mine.live_cards() if c.conflict_of == card.id]
    [link] = [link for link in mine.live_links() if link.label == CONFLICT_LABEL]
    assert (link.source, link.target) == (copy.id, card.id)
    assert set(mine.placements_of(copy.id)) == set(mine.placements_of(card.id)) == {"journey"}


def test_exchanging_files_both_ways_leaves_both_sides_with_the_same_cards(models: dict[str, ModelSpec]) -> None:
    mine = workshop()
    theirs = clone(mine)
    first, second, third = mine.live_cards()[:3]
    EditCard(first.id, {"title": "Mine"}).apply(mine)
    EditCard(first.id, {"title": "Theirs"}).apply(theirs)
    DeleteCards((second.id,)).apply(mine)
    EditCard(third.id, {"emotion": -2}).apply(theirs)
    AddCard(Card(title="Only mine")).apply(mine)
    my_file, their_file = through_file(mine, models), through_file(theirs, models)

    mine.apply_changes(merge(mine, their_file).changes)
    theirs.apply_changes(merge(theirs, my_file).changes)

    assert mine.snapshot() == theirs.snapshot()
    assert not merge(mine, through_file(theirs, models)).changes


def test_a_deletion_on_one_side_removes_the_card_with_its_placements_and_links(
    models: dict[str, ModelSpec],
) -> None:
    mine = workshop()
    theirs = clone(mine)
    owner = card_titled(mine, "Small-business owner")
    DeleteCards((owner.id,)).apply(theirs)

    result = exchange(mine, theirs, models)

    assert result.as_json()["deleted"] == 1
    assert mine.card(owner.id) is None and mine.placements_of(owner.id) == {}
    assert not mine.links_of(owner.id)


def test_a_deletion_against_an_edit_made_after_it_keeps_the_card_where_it_was(models: dict[str, ModelSpec]) -> None:
    mine = workshop()
    theirs = clone(mine)
    owner = card_titled(mine, "Small-business owner")
    DeleteCards((owner.id,)).apply(theirs)
    EditCard(owner.id, {"notes": "Runs a bakery, 4 employees"}).apply(mine)

    result = exchange(mine, theirs, models)

    assert [str(c) for c in result.conflicts] == [
        "'Small-business owner': deleted on one side but edited on the other; the card is kept"
    ]
    kept = mine.card(owner.id)
    assert kept is not None and kept.notes == "Runs a bakery, 4 employees"
    assert set(mine.placements_of(owner.id)) == {"value-exchange"}
    assert [link.label for link in mine.links_of(owner.id)] == ["money"]


def test_placements_links_and_stages_follow_the_same_rules(models: dict[str, ModelSpec]) -> None:
    mine = workshop()
    theirs = clone(mine)
    card = card_titled(mine, "Payroll on Sunday night")
    [flow] = mine.live_links()
    PlaceCards((Spot(card.id, "journey", "use.pains", 212.0, 0.0),)).apply(theirs)
    EditLink(flow.id, {"label": "fees"}).apply(theirs)
    stages = (ZoneLabel(id="signup", label="Register"), ZoneLabel(id="use", label="Run payroll"))
    SetColumns("journey", stages).apply(theirs)
    EditCanvas({"title": "Payroll onboarding, Oslo and Bergen"}).apply(theirs)

    result = exchange(mine, theirs, models)

    assert result.as_json() == {"added": 0, "updated": 4, "deleted": 0, "conflicts": 0, "canvas": mine.canvas.id}
    placement = mine.placement(card.id, "journey")
    assert placement is not None and placement.x == 212.0
    assert mine.links[flow.id].label == "fees"
    settings = mine.model_settings("journey")
    assert settings is not None and settings.columns == stages
    assert mine.canvas.title == "Payroll onboarding, Oslo and Bergen"


def test_a_card_moved_on_both_sides_ends_in_one_place_on_both_and_is_reported(
    models: dict[str, ModelSpec],
) -> None:
    mine = workshop()
    theirs = clone(mine)
    card = card_titled(mine, "Payroll on Sunday night")
    PlaceCards((Spot(card.id, "journey", "use.pains", 212.0, 0.0),)).apply(mine)
    PlaceCards((Spot(card.id, "journey", "signup.pains", 0.0, 96.0),)).apply(theirs)
    my_file, their_file = through_file(mine, models), through_file(theirs, models)

    mine_result = merge(mine, their_file)
    theirs_result = merge(theirs, my_file)
    mine.apply_changes(mine_result.changes)
    theirs.apply_changes(theirs_result.changes)

    assert mine.placement(card.id, "journey") == theirs.placement(card.id, "journey")
    assert [c.subject for c in mine_result.conflicts] == ["placement of card 'Payroll on Sunday night' in 'journey'"]
    assert "moved on both sides" in mine_result.conflicts[0].detail


def test_a_conflict_copy_a_teammate_made_arrives_once_and_is_named(models: dict[str, ModelSpec]) -> None:
    mine = workshop()
    theirs = clone(mine)
    third = clone(mine)
    card = mine.live_cards()[0]
    EditCard(card.id, {"title": "Mine"}).apply(mine)
    EditCard(card.id, {"title": "Theirs"}).apply(theirs)
    exchange(theirs, mine, models)  # they merge first and hold both versions

    result = exchange(third, theirs, models)

    assert len([c for c in third.live_cards() if c.conflict_of == card.id]) == 1
    assert any("a competing version of card" in str(c) for c in result.conflicts)
    assert not exchange(third, theirs, models).changes


def test_a_resolved_conflict_stays_resolved_when_the_old_file_comes_again(models: dict[str, ModelSpec]) -> None:
    mine = workshop()
    theirs = clone(mine)
    card = mine.live_cards()[0]
    EditCard(card.id, {"title": "Mine"}).apply(mine)
    EditCard(card.id, {"title": "Theirs"}).apply(theirs)
    exchange(mine, theirs, models)
    [copy] = [c for c in mine.live_cards() if c.conflict_of == card.id]
    DeleteCards((copy.id,)).apply(mine)  # the team chose one version

    again = exchange(mine, theirs, models)

    assert not again.changes and mine.card(copy.id) is None


def test_a_file_merged_into_another_canvas_brings_its_cards_but_keeps_that_canvas(
    models: dict[str, ModelSpec],
) -> None:
    target = workshop()
    source = workshop()
    owner = card_titled(source, "Small-business owner")
    accountant = Card(title="Accountant")
    AddCard(accountant).apply(source)
    AddLink(Link(source=owner.id, target=accountant.id, label="advice")).apply(source)

    result = merge(target, through_file(source, models))
    target.apply_changes(result.changes)

    assert result.canvas_id == target.canvas.id and target.canvas.title == "Payroll onboarding, Oslo workshop"
    assert len(target.live_cards()) == 2 * len(workshop().live_cards()) + 1
    assert result.added == len(source.live_cards()) + len(source.live_links())


def test_a_canvas_new_to_the_store_is_added_whole(models: dict[str, ModelSpec]) -> None:
    source = workshop()

    result = merge(None, through_file(source, models))

    assert result.added == len(source.live_cards()) + len(source.live_links())
    assert result.changes.changes[0].table == "canvases" and result.changes.changes[0].before is None
    rebuilt = Document.of(source.canvas)
    rebuilt.apply_changes(result.changes)
    assert rebuilt.snapshot() == source.snapshot()
