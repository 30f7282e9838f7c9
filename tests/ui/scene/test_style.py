"""The canvas's look: readable text on every card colour, one colour family per kind, both looks."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from canvas.core.model import CardKind, Evidence
from canvas.ui.scene.style import Style, contrast_ratio


@pytest.mark.parametrize("presentation", [False, True])
def test_card_text_reads_on_every_fill_of_every_kind(qtbot: QtBot, presentation: bool) -> None:
    style = Style.presentation_mode() if presentation else Style.standard()
    for kind in CardKind:
        look = style.kind(kind)
        for evidence in Evidence:
            fill = look.fills[evidence].color()
            assert contrast_ratio(style.ink, fill) >= 7.0, (kind, evidence)
            assert contrast_ratio(look.label_colour, fill) >= 4.5, (kind, evidence)
        for tone, pen in style.chip_pens.items():
            assert contrast_ratio(pen.color(), style.chip_brushes[tone].color()) >= 4.5, tone


def test_each_kind_has_its_own_colour_family(qtbot: QtBot) -> None:
    style = Style.standard()
    accents = {style.kind(kind).accent.name() for kind in CardKind}
    overview = {style.kind(kind).overview.color().name() for kind in CardKind}
    assert len(accents) == len(CardKind) and len(overview) == len(CardKind)
