"""The command line through a real process: a facilitator builds a canvas from the terminal, no display needed."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from canvas import __version__
from canvas.core.demo import DEMO_CANVAS_ID, card_id
from canvas.core.edits import AddCard, Batch
from canvas.core.layout import slot_offset, zone_across
from canvas.core.model import Card, Placement
from canvas.store import open_store
from canvas.store.editing import commit

from .conftest import Canvas, Result

pytestmark = pytest.mark.slow  # one Python process per command: about a second each


def one_error_line(result: Result) -> str:
    assert result.code == 1, result
    assert result.out == ""
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    assert "Traceback" not in result.err
    return lines[0]


def test_version_and_help(canvas: Canvas) -> None:
    assert canvas("--version", store=False).out.strip() == f"canvas {__version__}"
    helped = canvas("--help", store=False)
    assert helped.code == 0
    for command in ("models", "new", "list", "show", "card", "place", "unplace", "link", "search", "demo", "open"):
        assert command in helped.out


def test_models_lists_the_built_in_models(canvas: Canvas) -> None:
    listed = canvas("models")
    assert listed.code == 0
    assert listed.out.splitlines()[0].startswith("journey")

    data = canvas("models", "--json").json()
    by_id = {model["id"]: model for model in data["models"]}
    assert list(by_id)[:3] == ["journey", "jtbd", "value-exchange"]
    assert by_id["journey"]["layout"] == "grid" and "use.pains" in by_id["journey"]["zones"]
    assert by_id["value-exchange"]["zones"] == ["network"]
    assert {model["origin"] for model in data["models"]} == {"built-in"}
    assert data["problems"] == []


def test_a_broken_user_model_is_named_and_skipped(canvas: Canvas, home: Path) -> None:
    models = home / "config" / "sensemaking-canvas" / "models"
    models.mkdir(parents=True)
    (models / "kano.toml").write_text('id = "kano"\nname = ', encoding="utf-8")

    listed = canvas("models")

    assert listed.code == 0
    assert "journey" in listed.out
    assert "kano.toml" in listed.err


def test_a_canvas_built_from_the_terminal(canvas: Canvas, store_path: Path) -> None:
    canvas_id = canvas("new", "Oslo workshop").out.strip()
    assert canvas_id

    sunday = canvas(
        "card", "add", "Oslo workshop", "Payroll on Sunday night",
        "--notes", "After closing, alone with the tax portal.", "--kind", "pain", "--voice", "customer",
        "--evidence", "observed", "--source", "interview 3", "--tag", "payroll", "--tag", "evening",
        "--emotion", "-2",
    ).out.strip()  # fmt: skip
    owner = canvas("card", "add", canvas_id, "Café owner", "--kind", "actor").out.strip()
    service = canvas("card", "add", canvas_id, "Our payroll service", "--kind", "actor", "--voice", "organization")
    assert service.code == 0

    placed = canvas("place", "Oslo workshop", "Payroll on Sunday night", "--model", "journey", "--zone", "use.feeling")
    assert placed.code == 0 and "use.feeling" in placed.out
    assert canvas("place", canvas_id, owner, "--model", "value-exchange", "--zone", "network").code == 0
    flow = canvas("link", canvas_id, "Café owner", "Our payroll service", "--label", "trust", "--intangible")
    assert flow.code == 0 and flow.out.strip()

    shown = canvas("show", canvas_id, "--json").json()
    assert (shown["id"], shown["title"]) == (canvas_id, "Oslo workshop")
    cards = {card["title"]: card for card in shown["cards"]}
    assert cards["Payroll on Sunday night"] == {
        "id": sunday,
        "title": "Payroll on Sunday night",
        "notes": "After closing, alone with the tax portal.",
        "kind": "pain",
        "voice": "customer",
        "evidence": "observed",
        "source": "interview 3",
        "tags": ["payroll", "evening"],
        "colour": None,
        "emotion": -2,
        "importance": None,
        "satisfaction": None,
        "votes": 0,
        "placements": {"journey": "use.feeling"},
    }
    assert cards["Café owner"]["placements"] == {"value-exchange": "network"}
    (link,) = shown["links"]
    assert (link["source"], link["label"], link["tangible"]) == (owner, "trust", False)

    text = canvas("show", "Oslo workshop")
    assert "Payroll on Sunday night" in text.out and "journey → use.feeling" in text.out
    assert "Café owner → Our payroll service [trust] (intangible)" in text.out

    listed = canvas("list", "--json").json()
    assert [(item["id"], item["title"], item["cards"]) for item in listed] == [(canvas_id, "Oslo workshop", 3)]
    assert canvas_id in canvas("list").out
    assert sqlite3.connect(store_path).execute("PRAGMA user_version").fetchone()[0] >= 1


def test_editing_and_deleting_a_card(canvas: Canvas) -> None:
    canvas_id = canvas("new", "Edits").out.strip()
    card = canvas("card", "add", canvas_id, "Holiday pay", "--tag", "money", "--importance", "8").out.strip()

    edited = canvas(
        "card", "edit", canvas_id, "holiday pay", "--title", "Holiday pay is a mystery", "--satisfaction", "2",
        "--importance", "none", "--tag", "holiday pay", "--json",
    )  # fmt: skip
    assert edited.code == 0
    data = edited.json()
    assert (data["title"], data["importance"], data["satisfaction"], data["tags"]) == (
        "Holiday pay is a mystery",
        None,
        2,
        ["holiday pay"],
    )
    assert canvas("card", "edit", canvas_id, card, "--clear-tags", "--json").json()["tags"] == []

    assert canvas("card", "delete", canvas_id, card).code == 0
    assert canvas("show", canvas_id, "--json").json()["cards"] == []
    assert "has no card" in one_error_line(canvas("card", "delete", canvas_id, card))


def test_place_picks_the_first_free_slot_and_unplace_sends_the_card_back_to_the_tray(canvas: Canvas) -> None:
    canvas_id = canvas("new", "Slots").out.strip()
    first = canvas("card", "add", canvas_id, "First").out.strip()
    second = canvas("card", "add", canvas_id, "Second").out.strip()
    third = canvas("card", "add", canvas_id, "Third").out.strip()

    spots = [
        canvas("place", canvas_id, card, "--model", "journey", "--zone", "use.pains", "--json").json()
        for card in (first, second, third)
    ]
    assert [(spot["x"], spot["y"]) for spot in spots] == [(0.0, 0.0), (212.0, 0.0), (0.0, 96.0)]
    moved = canvas("place", canvas_id, second, "--model", "journey", "--zone", "use.pains", "--x", "500", "--y", "40")
    assert moved.code == 0 and "(500, 40)" in moved.out

    assert canvas("unplace", canvas_id, first, "--model", "journey").code == 0
    cards = {card["id"]: card for card in canvas("show", canvas_id, "--json").json()["cards"]}
    assert cards[first]["placements"] == {}
    assert cards[third]["placements"] == {"journey": "use.pains"}
    assert "is not placed in journey" in one_error_line(canvas("unplace", canvas_id, first, "--model", "journey"))


def test_place_fills_a_crowded_zone_in_rows_as_wide_as_the_zone_is_drawn(canvas: Canvas, store_path: Path) -> None:
    canvas_id = canvas("new", "Crowded").out.strip()
    with open_store(store_path) as store:
        document = store.load(canvas_id)
        held = 42  # more than 2 across × 8 rows: the zone is drawn wider than its usual two slots
        across = zone_across(held)
        adds = [
            AddCard(
                Card(id=f"k{n:02}", title=f"Card {n}"),
                (Placement(card_id=f"k{n:02}", model="journey", zone="use.pains", x=x, y=y),),
            )
            for n, (x, y) in enumerate(slot_offset(n, across) for n in range(held))
        ]
        commit(store, document, Batch(adds))
    newcomer = canvas("card", "add", canvas_id, "One more").out.strip()

    spot = canvas("place", canvas_id, newcomer, "--model", "journey", "--zone", "use.pains", "--json").json()

    assert zone_across(held + 1) == zone_across(held) == 5
    assert (spot["x"], spot["y"]) == slot_offset(held, 5)  # the next slot of the zone's rows, not a third column


def test_placing_in_a_model_the_canvas_does_not_use_yet_enables_it(canvas: Canvas) -> None:
    canvas_id = canvas("new", "Empathy").out.strip()
    card = canvas("card", "add", canvas_id, "Dreads the fifth of the month").out.strip()
    placed = canvas("place", canvas_id, card, "--model", "empathy", "--zone", "feels")
    assert placed.code == 0 and "enabled the empathy map" in placed.out
    assert canvas("show", canvas_id, "--json").json()["models"][-1] == "empathy"


def test_a_zone_the_model_does_not_have_is_refused_with_the_zones_it_has(canvas: Canvas) -> None:
    canvas_id = canvas("new", "Zones").out.strip()
    canvas("card", "add", canvas_id, "Payroll on Sunday night")

    message = one_error_line(
        canvas("place", canvas_id, "Payroll on Sunday night", "--model", "journey", "--zone", "stage:renew")
    )

    assert message.startswith(
        "canvas: card 'Payroll on Sunday night' cannot go in zone 'stage:renew': the customer journey map of this "
        "canvas has no such zone ("
    )
    assert "zones are stage.lane — stages: aware, consider, signup, onboard, use, renew; lanes: doing," in message
    assert len(message) < 400, "the message points the way instead of listing all 42 zones"
    near = one_error_line(
        canvas("place", canvas_id, "Payroll on Sunday night", "--model", "journey", "--zone", "renew.feelings")
    )
    assert "did you mean 'renew.feeling'?" in near
    unknown = one_error_line(canvas("place", canvas_id, "Payroll on Sunday night", "--model", "kano", "--zone", "x"))
    assert "there is no model 'kano' (models: journey, jtbd, value-exchange" in unknown


def test_search_finds_cards_across_canvases_and_within_one(canvas: Canvas) -> None:
    assert canvas("demo").code == 0
    other = canvas("new", "Bergen").out.strip()
    canvas("card", "add", other, "Payroll by the accountant")

    everywhere = canvas("search", "payroll", "--json").json()
    assert {hit["canvas"] for hit in everywhere} == {DEMO_CANVAS_ID, other}
    only_bergen = canvas("search", "payroll", "--canvas", "Bergen", "--json").json()
    assert [hit["title"] for hit in only_bergen] == ["Payroll by the accountant"]
    assert card_id("sunday-payroll") in canvas("search", "sunday night").out
    for tricky in ('"unbalanced', "NOT", "NEAR(", "-"):
        result = canvas("search", tricky)
        assert result.code == 0, (tricky, result)


def test_the_demo_is_created_once(canvas: Canvas) -> None:
    created = canvas("demo")
    assert (created.code, created.out.strip(), created.err) == (0, DEMO_CANVAS_ID, "")

    again = canvas("demo")

    assert (again.code, again.out.strip()) == (0, DEMO_CANVAS_ID)
    assert again.err.strip() == f"canvas: the demo canvas already exists: {DEMO_CANVAS_ID}"
    (listed,) = canvas("list", "--json").json()
    assert listed["cards"] == len(canvas("show", DEMO_CANVAS_ID, "--json").json()["cards"])
    assert canvas("demo", "--json").json() == {"id": DEMO_CANVAS_ID, "created": False}


def test_the_store_comes_from_the_environment_or_the_data_folder(canvas: Canvas, home: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "shared" / "team.sqlite"
    canvas("new", "From the environment", store=False, env={"CANVAS_STORE": str(elsewhere)})
    assert elsewhere.is_file()

    assert canvas("list", store=False).out.startswith("No canvases yet in ")
    default = home / "data" / "sensemaking-canvas" / "canvas.sqlite"
    assert default.is_file(), "the default store lives in the data folder"
    assert canvas("list", "--json", store=False).json() == [], "and opening it creates no demo"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("show", "Nowhere"), "canvas: there is no canvas 'Nowhere': the store .* has no canvases yet"),
        (("card", "add", "Nowhere", "A card"), "there is no canvas 'Nowhere'"),
        (("search", "x", "--canvas", "Nowhere"), "there is no canvas 'Nowhere'"),
    ],
)
def test_naming_a_canvas_that_does_not_exist_is_one_clear_line(
    canvas: Canvas, args: tuple[str, ...], message: str
) -> None:
    assert re.search(message, one_error_line(canvas(*args)))


def test_ambiguous_and_invalid_input_is_one_clear_line(canvas: Canvas) -> None:
    first = canvas("new", "Twin").out.strip()
    second = canvas("new", "Twin")
    assert "another canvas is also titled 'Twin'" in second.err
    assert f"2 canvases are titled 'Twin' (ids {first}" in one_error_line(canvas("show", "Twin"))

    canvas("card", "add", first, "Same")
    canvas("card", "add", first, "Same")
    assert "2 cards on canvas 'Twin' are titled 'Same'" in one_error_line(canvas("card", "delete", first, "Same"))
    assert "emotion" in one_error_line(canvas("card", "add", first, "Too sad", "--emotion", "-5"))
    plain = canvas("card", "add", first, "Plain").out.strip()
    assert "nothing to change" in one_error_line(canvas("card", "edit", first, plain))
    assert "colour" in one_error_line(canvas("card", "add", first, "Odd colour", "--colour", "blue"))


@pytest.mark.parametrize(
    "args",
    [
        ("frobnicate",),
        ("card",),
        ("card", "add", "only-a-canvas"),
        ("card", "add", "c", "t", "--kind", "feeling"),
        ("card", "add", "c", "t", "--emotion", "very"),
        ("place", "c", "card", "--zone", "use.pains"),
        ("place", "c", "card", "--model", "journey", "--zone", "use.pains", "--x", "10"),
        ("open", "--side", "both"),
        ("list", "--bogus"),
    ],
)
def test_usage_errors_exit_with_status_2(canvas: Canvas, args: tuple[str, ...]) -> None:
    result = canvas(*args)
    assert result.code == 2, result
    assert "usage:" in result.err and "Traceback" not in result.err


def test_a_file_that_is_not_a_store_is_refused_untouched(canvas: Canvas, store_path: Path) -> None:
    store_path.write_text("Kari's notes, not a database\n", encoding="utf-8")
    message = one_error_line(canvas("list"))
    assert message == f"canvas: {store_path} is not a Sensemaking Canvas store (it is not an SQLite database)"
    assert store_path.read_text(encoding="utf-8") == "Kari's notes, not a database\n"
