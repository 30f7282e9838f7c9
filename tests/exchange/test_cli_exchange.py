"""`canvas export`, `canvas import` and `canvas validate` as two teammates use them, each with their own store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from canvas.cli import main
from canvas.core.document import Document
from canvas.core.frameworks import ModelSpec, RegionSpec, RegionsSpec
from canvas.core.model import Canvas, Card, Placement
from canvas.exchange.carried import carried_models
from canvas.exchange.scanvas_write import write_scanvas
from canvas.store import open_store

from .samples import workshop


class Teammate:
    """One person's store, driven through the command line."""

    def __init__(self, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
        folder.mkdir()
        self.folder = folder
        self.store = folder / "store.sqlite"
        self.capsys = capsys

    def run(self, *argv: str | Path) -> tuple[int, str]:
        self.capsys.readouterr()
        status = main(["--store", str(self.store), *(str(arg) for arg in argv)])
        captured = self.capsys.readouterr()
        return status, captured.out + captured.err

    def json(self, *argv: str | Path) -> dict[str, object]:
        status, out = self.run(*argv, "--json")
        assert status == 0, out
        data: dict[str, object] = json.loads(out)
        return data

    def canvas(self, canvas_id: str) -> Document:
        with open_store(self.store) as store:
            return store.load(canvas_id)


@pytest.fixture
def kari(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Teammate:
    person = Teammate(tmp_path / "kari", capsys)
    with open_store(person.store) as store:
        store.save_document(workshop())
    return person


@pytest.fixture
def tor(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Teammate:
    return Teammate(tmp_path / "tor", capsys)


def canvas_id(person: Teammate) -> str:
    with open_store(person.store) as store:
        return store.list_canvases()[0].id


def test_two_teammates_exchange_files_and_a_conflict_is_kept_and_named(kari: Teammate, tor: Teammate) -> None:
    shared = canvas_id(kari)
    assert kari.run("export", shared, "-o", kari.folder / "workshop.scanvas")[0] == 0
    assert tor.json("import", kari.folder / "workshop.scanvas")["canvas"] == shared

    assert tor.run("card", "edit", shared, "Payroll on Sunday night", "--title", "Payroll late on Sundays")[0] == 0
    assert tor.run("card", "add", shared, "Accountant does it for them")[0] == 0
    assert kari.run("card", "edit", shared, "Payroll on Sunday night", "--notes", "Seen twice in Bergen")[0] == 0
    tor.run("export", shared, "-o", tor.folder / "from-tor.scanvas")

    status, summary = kari.run("import", tor.folder / "from-tor.scanvas")

    assert status == 0
    assert summary.splitlines()[0] == (
        "Imported from-tor.scanvas into canvas 'Payroll onboarding, Oslo workshop' (merged by revision): "
        "1 added, 0 updated, 0 deleted, 1 conflict."
    )
    assert "  conflict: 'Payroll on Sunday night': changed on both sides; both versions are kept" in summary
    titles = {card.title for card in kari.canvas(shared).live_cards()}
    assert {"Payroll on Sunday night", "Payroll late on Sundays", "Accountant does it for them"} <= titles
    again = kari.json("import", tor.folder / "from-tor.scanvas")
    assert again == {"added": 0, "updated": 0, "deleted": 0, "conflicts": 0, "canvas": shared}


def test_a_dry_run_says_what_would_change_and_changes_nothing(kari: Teammate, tor: Teammate) -> None:
    shared = canvas_id(kari)
    kari.run("export", shared, "-o", kari.folder / "workshop.scanvas")
    tor.run("import", kari.folder / "workshop.scanvas")
    tor.run("card", "add", shared, "New from Tor")
    tor.run("export", shared, "-o", tor.folder / "from-tor.scanvas")
    before = kari.store.read_bytes()

    status, out = kari.run("import", tor.folder / "from-tor.scanvas", "--dry-run")
    preview = kari.json("import", tor.folder / "from-tor.scanvas", "--dry-run")

    assert status == 0 and out.startswith("Dry run, nothing changed: importing from-tor.scanvas into canvas")
    assert preview == {"added": 1, "updated": 0, "deleted": 0, "conflicts": 0, "canvas": shared}
    assert kari.store.read_bytes() == before


def test_as_copy_makes_a_new_canvas_that_never_merges_back(kari: Teammate) -> None:
    shared = canvas_id(kari)
    kari.run("export", shared, "-o", kari.folder / "workshop.scanvas")

    copied = kari.json("import", kari.folder / "workshop.scanvas", "--as-copy")

    assert copied["canvas"] != shared and copied["added"] == 7  # six cards and their flow
    copy = kari.canvas(str(copied["canvas"]))
    assert copy.canvas.title == "Payroll onboarding, Oslo workshop (copy)"
    assert not {card.id for card in copy.live_cards()} & {card.id for card in kari.canvas(shared).live_cards()}


def test_interview_notes_join_an_existing_canvas(kari: Teammate) -> None:
    notes = kari.folder / "interviews.csv"
    notes.write_text("title,kind,evidence,source\nLate salary in March,pain,observed,interview 7\n", encoding="utf-8")

    result = kari.json("import", notes, "--into", "Payroll onboarding, Oslo workshop")

    assert result == {"added": 1, "updated": 0, "deleted": 0, "conflicts": 0, "canvas": canvas_id(kari)}
    assert "Late salary in March" in {card.title for card in kari.canvas(canvas_id(kari)).live_cards()}


def test_a_canvas_made_with_a_custom_model_opens_and_travels_on_where_the_model_is_missing(tor: Teammate) -> None:
    kano = ModelSpec(
        id="kano",
        name="Kano model",
        layout="regions",
        regions=RegionsSpec(regions=(RegionSpec(id="must-be", label="Must-be", col=0, row=0),)),
    )
    document = Document.of(Canvas(title="Kano session", models=("journey", "kano")))
    card = Card(title="Payslip arrives on time")
    document.put(card)
    document.put(Placement(card_id=card.id, model="kano", zone="must-be"))
    made_elsewhere = tor.folder / "kano.scanvas"
    made_elsewhere.write_bytes(write_scanvas(document, {"kano": kano, **_installed()}))

    status, out = tor.run("import", made_elsewhere)

    assert status == 0 and "model kept with the canvas (not installed here): 'kano' (Kano model)" in out
    with open_store(tor.store) as store:
        assert [spec.id for spec in carried_models(store)] == ["kano"]
    assert tor.run("export", document.canvas.id, "-o", tor.folder / "again.scanvas")[0] == 0
    assert (tor.folder / "again.scanvas").read_bytes() == made_elsewhere.read_bytes()


def _installed() -> dict[str, ModelSpec]:
    from canvas.core.catalog import load_catalog
    from canvas.paths import builtin_models_dir

    return load_catalog(builtin_models_dir(), None).models


def test_the_export_format_follows_the_extension_unless_given(kari: Teammate) -> None:
    shared = canvas_id(kari)
    for name, marker in (
        ("view.canvas", b'"nodes"'),
        ("report.md", b"# Payroll onboarding"),
        ("cards.csv", b"id,title,notes"),
        ("workshop.scanvas", b'"format": "sensemaking-canvas"'),
    ):
        assert kari.run("export", shared, "-o", kari.folder / name)[0] == 0
        assert marker in (kari.folder / name).read_bytes()
    assert (
        kari.run("export", shared, "-o", kari.folder / "view.json", "--format", "jsoncanvas", "--model", "jtbd")[0] == 0
    )
    assert b"sc-zone:jtbd:outcomes" in (kari.folder / "view.json").read_bytes()


def test_export_mistakes_are_usage_errors_with_a_reason(kari: Teammate) -> None:
    shared = canvas_id(kari)

    status, out = kari.run("export", shared, "-o", kari.folder / "workshop.txt")
    assert status == 2 and "cannot tell the format from the name 'workshop.txt'" in out
    status, out = kari.run("export", shared, "-o", kari.folder / "all.scanvas", "--model", "journey")
    assert status == 2 and "a scanvas export holds the whole canvas" in out
    status, out = kari.run("export", shared, "-o", kari.folder / "view.canvas", "--model", "kano")
    assert status == 1 and "there is no model 'kano' here" in out
    assert not (kari.folder / "view.canvas").exists()


def test_a_picture_is_exported_headless(kari: Teammate) -> None:
    out = kari.folder / "journey.png"

    status, text = kari.run("export", canvas_id(kari), "-o", out, "--model", "journey")

    assert status == 0, text
    assert out.read_bytes().startswith(b"\x89PNG")
