"""What a newcomer gets wrong first: blank titles, unknown models, empty searches, `export CANVAS FILE`."""

from __future__ import annotations

from pathlib import Path

from .conftest import Canvas
from .test_commands import one_error_line


def test_a_card_needs_a_title(canvas: Canvas) -> None:
    canvas_id = canvas("new", "Titles").out.strip()
    message = one_error_line(canvas("card", "add", canvas_id, ""))
    assert "title" in message and "at least 1 character" in message
    card_id = canvas("card", "add", canvas_id, "Payroll on Sunday night").out.strip()
    assert "title" in one_error_line(canvas("card", "edit", canvas_id, card_id, "--title", ""))
    assert canvas("show", canvas_id, "--json").json()["cards"][0]["title"] == "Payroll on Sunday night"


def test_unplacing_from_a_model_that_does_not_exist_names_the_model(canvas: Canvas) -> None:
    canvas_id = canvas("new", "Models").out.strip()
    canvas("card", "add", canvas_id, "Late salary")
    message = one_error_line(canvas("unplace", canvas_id, "Late salary", "--model", "nope"))
    assert message.startswith("canvas: there is no model 'nope' (models: journey, jtbd, value-exchange")


def test_an_empty_search_is_a_usage_error(canvas: Canvas) -> None:
    result = canvas("search", "  ")
    assert result.code == 2
    assert "give some words to search for" in result.err


def test_export_takes_the_file_as_its_second_word(canvas: Canvas, tmp_path: Path) -> None:
    canvas_id = canvas("new", "Export").out.strip()
    canvas("card", "add", canvas_id, "Late salary")
    out = tmp_path / "export.md"

    assert canvas("export", canvas_id, str(out)).code == 0
    assert "Late salary" in out.read_text(encoding="utf-8")
    twice = canvas("export", canvas_id, str(out), "-o", str(out))
    assert twice.code == 2 and "say once where to write" in twice.err
