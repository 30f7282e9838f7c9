"""Copy and paste as JSON text: cards keep their fields, placements and links, get new ids, and never overlap."""

from __future__ import annotations

import json

import pytest

from canvas.core.catalog import Catalog, load_catalog
from canvas.core.document import Document
from canvas.core.edits import AddCard, AddLink
from canvas.core.layout import CARD_H, CARD_W, Rect
from canvas.core.model import Canvas, Card, CardKind, Evidence, Link, Placement
from canvas.paths import builtin_models_dir
from canvas.ui.clipboard import CLIP_FORMAT, cards_to_text, clip_from_text, paste_edit


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(builtin_models_dir(), None)


def canvas_with_two_actors() -> tuple[Document, Card, Card]:
    document = Document.of(Canvas(title="Payroll onboarding"))
    small_business = Card(title="Small business", kind=CardKind.ACTOR, evidence=Evidence.OBSERVED, tags=("smb",))
    bank = Card(title="Bank", kind=CardKind.ACTOR)
    for index, card in enumerate((small_business, bank)):
        placements = (
            Placement(card_id=card.id, model="value-exchange", zone="network", x=300.0 * index, y=0.0),
            Placement(card_id=card.id, model="journey", zone="use.doing", x=212.0 * index, y=0.0),
        )
        AddCard(card, placements).apply(document)
    AddLink(Link(source=small_business.id, target=bank.id, label="money")).apply(document)
    return document, small_business, bank


def test_copied_cards_are_json_text_with_fields_placements_and_links() -> None:
    document, small_business, bank = canvas_with_two_actors()
    payload = json.loads(cards_to_text(document, [small_business.id, bank.id]))
    assert payload["format"] == CLIP_FORMAT
    assert [card["title"] for card in payload["cards"]] == ["Small business", "Bank"]
    assert {(p["model"], p["zone"]) for p in payload["placements"]} == {
        ("journey", "use.doing"),
        ("value-exchange", "network"),
    }
    assert [link["label"] for link in payload["links"]] == ["money"]


def test_pasting_into_another_canvas_copies_cards_with_new_ids_and_keeps_the_flow(catalog: Catalog) -> None:
    source, small_business, _bank = canvas_with_two_actors()
    clip = clip_from_text(cards_to_text(source, [c.id for c in source.live_cards()]))
    assert clip is not None
    target = Document.of(Canvas(title="Renewal interviews"))

    edit, new_ids = paste_edit(target, catalog, clip, "value-exchange", None)
    edit.apply(target)

    assert len(new_ids) == 2 and small_business.id not in new_ids
    pasted = target.card(new_ids[0])
    assert pasted is not None and (pasted.title, pasted.evidence, pasted.tags) == (
        "Small business",
        Evidence.OBSERVED,
        ("smb",),
    )
    assert {placement.zone for placement in target.placements_of(new_ids[0]).values()} == {"network", "use.doing"}
    (flow,) = target.live_links()
    assert (flow.source, flow.target, flow.label) == (new_ids[0], new_ids[1], "money")


def test_pasted_cards_never_overlap_the_cards_already_there(catalog: Catalog) -> None:
    document, *_ = canvas_with_two_actors()
    clip = clip_from_text(cards_to_text(document, [c.id for c in document.live_cards()]))
    assert clip is not None
    edit, _ids = paste_edit(document, catalog, clip, "journey", None)
    edit.apply(document)
    rects = [Rect(p.x, p.y, CARD_W, CARD_H) for p in document.placements_in("journey").values()]
    assert len(rects) == 4
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :])


def test_plain_text_pastes_as_one_card_per_line_read_like_capture() -> None:
    clip = clip_from_text("pain: Payroll on Sunday night #payroll\n\n  Waits for the first payslip  \n")
    assert clip is not None
    assert [(card.title, card.kind, card.tags) for card in clip.cards] == [
        ("Payroll on Sunday night", CardKind.PAIN, ("payroll",)),
        ("Waits for the first payslip", CardKind.SITUATION, ()),
    ]


def test_nothing_or_broken_card_json_pastes_nothing() -> None:
    assert clip_from_text("   ") is None
    assert clip_from_text(json.dumps({"format": CLIP_FORMAT, "cards": [{"title": 5, "kind": "nonsense"}]})) is None
