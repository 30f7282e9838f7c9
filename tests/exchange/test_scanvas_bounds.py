"""A file that validates skips the limits walk over its records only where its schema already keeps it within the
limits; every file beyond them is still refused with the limit, its place, and nothing else."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Annotated, Any

import pytest
from pydantic import BaseModel, StringConstraints

from canvas.exchange.limits import DEFAULT_LIMITS, FileRejected, Limits
from canvas.exchange.scanvas import ScanvasFile
from canvas.exchange.scanvas_bounds import BOUNDS, RecordBounds, record_bounds, validated_within_limits
from canvas.exchange.scanvas_read import read_scanvas

VALID = Path(__file__).resolve().parent / "corpus" / "valid.scanvas"


def valid() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(VALID.read_bytes())
    return data


def refusal(data: dict[str, Any], limits: Limits = DEFAULT_LIMITS) -> str:
    with pytest.raises(FileRejected) as refused:
        read_scanvas(json.dumps(data).encode(), "file.scanvas", limits=limits)
    return str(refused.value)


def test_the_schema_bounds_every_record_text_and_list_so_a_sound_file_takes_the_shortcut() -> None:
    assert BOUNDS["cards"] == RecordBounds(
        longest_text=20_000,  # a card's notes
        depth=2,  # a card, and its tags and history
        number_fields=(),  # strict: never filled from a text
        text_fields=("colour",),  # bounded by its pattern only, so measured
    )
    assert BOUNDS["placements"].number_fields == ()
    assert BOUNDS["links"] == RecordBounds(longest_text=200, depth=2, number_fields=(), text_fields=())

    assert isinstance(validated_within_limits(valid(), DEFAULT_LIMITS), ScanvasFile)


def test_a_number_written_as_an_enormous_text_is_refused_with_the_string_cap() -> None:
    data = valid()
    data["placements"][0]["x"] = "0" * 2_000_000 + "1.5"  # a lax float field would read this as 1.5
    data["cards"][1]["votes"] = "0" * 1_500_000 + "3"

    assert validated_within_limits(data, DEFAULT_LIMITS) is None
    message = refusal(data)
    assert "cards[1].votes: text is 1,500,001 characters; the cap is 1,000,000" in message
    assert "placements[0].x: text is 2,000,003 characters; the cap is 1,000,000" in message


def test_a_number_written_as_text_or_true_is_a_wrong_type() -> None:
    data = valid()
    data["placements"][0]["x"] = "12.5"
    data["cards"][0]["votes"] = True

    message = refusal(data)
    assert "cards[0].votes: Input should be a valid integer" in message
    assert "placements[0].x: Input should be a valid number" in message


def test_limits_tighter_than_the_schema_are_still_enforced_on_every_record() -> None:
    data = valid()
    data["cards"][0]["notes"] = "n" * 500
    data["cards"][1]["colour"] = "#ffcc00"

    assert "cards[0].notes: text is 500 characters; the cap is 300" in refusal(data, Limits(max_string=300))
    assert "cards[1].colour: text is 7 characters; the cap is 5" in refusal(data, Limits(max_string=5))
    assert "is nested more than 3 levels deep" in refusal(data, Limits(max_depth=3))


def test_the_parts_outside_the_records_are_always_walked() -> None:
    data = valid()
    data["canvas"]["description"] = "d" * 1_000
    data["models"][0]["description"] = "m" * 1_000

    message = refusal(data, Limits(max_string=999))
    assert "canvas.description: text is 1,000 characters" in message
    assert "models[0].description: text is 1,000 characters" in message


def test_a_repeated_key_or_an_older_version_never_takes_the_shortcut() -> None:
    text = VALID.read_text(encoding="utf-8").replace('"title": "Bank"', '"title": "Bank", "title": "Bank"')
    with pytest.raises(FileRejected, match="the key 'title' appears more than once"):
        read_scanvas(text.encode(), "repeated.scanvas")

    older = valid()
    older["version"] = 0
    assert validated_within_limits(older, DEFAULT_LIMITS) is None


class Loose(BaseModel):
    """A record class a later format might bring: fields the schema leaves open turn the shortcut off."""

    code: Annotated[str, StringConstraints(pattern=r"^a+$")]
    count: int = 0  # lax: pydantic also fills it from a numeric text of any length
    scores: list[float] = []
    extra: dict[str, Any] = {}


def test_fields_the_schema_leaves_open_are_measured_or_turn_the_shortcut_off() -> None:
    bounds = record_bounds(Loose)

    assert bounds.text_fields == ("code",), "a text bounded by a pattern only is measured"
    assert bounds.number_fields == ("count", "scores"), "lax numbers are measured"
    assert bounds.longest_text == math.inf and bounds.depth == math.inf, "numbers in a list, a free object"
    assert bounds.longest_text > DEFAULT_LIMITS.max_string
