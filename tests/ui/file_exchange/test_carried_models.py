"""A canvas made with a model that is not installed here opens on that model in the window, and its picture exports."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from canvas.core.catalog import load_catalog
from canvas.core.document import Document
from canvas.core.frameworks import ModelSpec, RegionSpec, RegionsSpec
from canvas.core.model import Canvas, Card, Placement
from canvas.exchange.scanvas_write import write_scanvas
from canvas.paths import builtin_models_dir
from canvas.ui.app import Desktop
from canvas.ui.render import export_picture

from .teammates import Teammate


def _kano_file(folder: Path) -> tuple[Path, Document]:
    kano = ModelSpec(
        id="kano",
        name="Kano model",
        layout="regions",
        regions=RegionsSpec(
            regions=(
                RegionSpec(id="must-be", label="Must-be", col=0, row=0),
                RegionSpec(id="delighter", label="Delighters", col=1, row=0),
            )
        ),
    )
    document = Document.of(Canvas(title="Kano session", models=("kano", "journey")))
    card = Card(title="Payslip arrives on time")
    document.put(card)
    document.put(Placement(card_id=card.id, model="kano", zone="must-be"))
    installed = load_catalog(builtin_models_dir(), None).models
    path = folder / "kano.scanvas"
    path.write_bytes(write_scanvas(document, {"kano": kano, **installed}))
    return path, document


def test_a_carried_model_is_shown_and_switchable_in_the_window(
    qtbot: QtBot, desktop: Desktop, tor: Teammate, tmp_path: Path
) -> None:
    path, document = _kano_file(tmp_path)
    assert "Kano model" in tor.run("import", path)

    window = desktop.open(tor.store, document.canvas.id, "kano")
    qtbot.addWidget(window)

    assert window.controller.model == "kano"
    assert window.controller.models_of_canvas() == ["kano", "journey"]
    assert window.scene.model == "kano"
    assert [card.title for card in window.controller.document.live_cards()] == ["Payslip arrives on time"]


def test_a_carried_model_exports_as_a_picture_headless(tor: Teammate, tmp_path: Path) -> None:
    path, document = _kano_file(tmp_path)
    assert "Kano model" in tor.run("import", path)
    out = tmp_path / "kano.png"

    export_picture(tor.store, document.canvas.id, "kano", None, "png", out)

    assert out.stat().st_size > 1000
