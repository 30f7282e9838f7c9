"""Validating a canvas against the catalog: each problem in words a workshop facilitator understands."""

from __future__ import annotations

import pytest

from canvas.core.catalog import Catalog, load_catalog
from canvas.core.document import Document
from canvas.core.edits import AddLink, DeleteCards, PlaceCards, SetColumns, Spot
from canvas.core.model import Canvas, Card, CardKind, Link, ModelSettings, Placement, ZoneLabel
from canvas.core.validation import Problem, model_phrase, validate_document
from canvas.paths import builtin_models_dir


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(builtin_models_dir(), None)


def workshop() -> tuple[Document, Card, Card]:
    payroll = Card(title="Payroll on Sunday night", kind=CardKind.PAIN)
    owner = Card(title="Business owner", kind=CardKind.ACTOR)
    doc = Document.of(Canvas(title="Payroll onboarding"), cards=[payroll, owner])
    PlaceCards(
        (
            Spot(payroll.id, "journey", "use.pains"),
            Spot(payroll.id, "jtbd", "push"),
            Spot(owner.id, "value-exchange", "network", 40, 40),
        )
    ).apply(doc)
    return doc, payroll, owner


def messages(problems: list[Problem]) -> list[str]:
    return [problem.message for problem in problems]


def test_a_well_formed_canvas_has_no_problems(catalog: Catalog) -> None:
    doc, _, _ = workshop()

    assert validate_document(doc, catalog) == []


def test_a_card_in_a_zone_the_model_does_not_have(catalog: Catalog) -> None:
    doc, payroll, _ = workshop()
    PlaceCards((Spot(payroll.id, "journey", "stage:renew"),)).apply(doc)

    [problem] = validate_document(doc, catalog)

    assert problem.message == (
        "card 'Payroll on Sunday night' is placed in zone 'stage:renew' which the customer journey map "
        "of this canvas does not have"
    )
    assert problem.where == f"placement {payroll.id}@journey"


def test_removing_a_stage_strands_the_cards_placed_in_it(catalog: Catalog) -> None:
    doc, _, _ = workshop()
    SetColumns("journey", (ZoneLabel(id="aware", label="Aware"), ZoneLabel(id="renew", label="Renew"))).apply(doc)

    assert messages(validate_document(doc, catalog)) == [
        "card 'Payroll on Sunday night' is placed in zone 'use.pains' which the customer journey map of this "
        "canvas does not have"
    ]


def test_a_stage_the_canvas_added_is_a_real_zone(catalog: Catalog) -> None:
    doc, payroll, _ = workshop()
    SetColumns("journey", (ZoneLabel(id="payday", label="Payday"),)).apply(doc)
    PlaceCards((Spot(payroll.id, "journey", "payday.pains"),)).apply(doc)

    assert validate_document(doc, catalog) == []


def test_placements_of_deleted_and_missing_cards(catalog: Catalog) -> None:
    doc, payroll, _ = workshop()
    # A file merged from elsewhere can carry what no edit would produce: a live placement of a deleted card...
    doc.put(payroll.revised(deleted=True))
    # ...and a placement of a card that never arrived.
    doc.put(Placement(card_id="ghost", model="jtbd", zone="pull"))

    assert messages(validate_document(doc, catalog)) == [
        "card 'Payroll on Sunday night' was deleted but is still placed in zone 'use.pains' of model 'journey'",
        "card 'Payroll on Sunday night' was deleted but is still placed in zone 'push' of model 'jtbd'",
        "a placement in model 'jtbd' refers to card ghost, which does not exist",
    ]


def test_deleting_a_card_by_edit_leaves_nothing_behind(catalog: Catalog) -> None:
    doc, payroll, owner = workshop()
    AddLink(Link(source=owner.id, target=payroll.id, label="time")).apply(doc)
    DeleteCards((payroll.id,)).apply(doc)

    assert validate_document(doc, catalog) == []


def test_links_to_missing_or_deleted_cards(catalog: Catalog) -> None:
    doc, payroll, owner = workshop()
    money = Link(source=owner.id, target="nobody", label="money")
    doc.put(money)
    doc.put(Link(source=owner.id, target=payroll.id))
    doc.put(payroll.revised(deleted=True))

    found = validate_document(doc, catalog)

    assert "the link 'money' from card 'Business owner' to card nobody ends at card nobody, which does not exist" in (
        messages(found)
    )
    assert (
        "the link from card 'Business owner' to card 'Payroll on Sunday night' ends at card "
        "'Payroll on Sunday night', which was deleted"
    ) in messages(found)
    assert f"link {money.id}" in [problem.where for problem in found]


def test_a_canvas_enabling_a_model_that_is_not_installed(catalog: Catalog) -> None:
    doc, _, _ = workshop()
    doc.put(doc.canvas.revised(models=("journey", "kano", "journey")))

    assert messages(validate_document(doc, catalog)) == [
        "the model 'journey' is enabled 2 times on this canvas",
        "this canvas uses the model 'kano', which is not installed here; its placements are kept but cannot be shown",
    ]


def test_stage_settings_with_duplicate_ids(catalog: Catalog) -> None:
    doc, _, _ = workshop()
    # SetColumns refuses duplicates; a hand-edited or merged file can still carry them.
    doc.put(
        ModelSettings(
            model="journey",
            columns=(ZoneLabel(id="use", label="Use"), ZoneLabel(id="use", label="Use again")),
        )
    )

    [problem] = validate_document(doc, catalog)

    assert problem.message == (
        "the customer journey map of this canvas has 2 stages with the id 'use' ('Use', 'Use again'); "
        "each stage needs its own id"
    )
    assert problem.where == "settings of model journey"


def test_columns_set_for_a_model_whose_columns_are_fixed(catalog: Catalog) -> None:
    doc, _, _ = workshop()
    doc.put(ModelSettings(model="value-exchange", columns=(ZoneLabel(id="a", label="A"),)))

    assert messages(validate_document(doc, catalog)) == [
        "this canvas sets its own columns for the value exchange, whose columns are fixed"
    ]


def test_flows_between_cards_not_placed_in_the_network_are_just_links(catalog: Catalog) -> None:
    doc, _, owner = workshop()
    accountant = Card(title="Accountant", kind=CardKind.ACTOR)
    doc.put(accountant)
    AddLink(Link(source=accountant.id, target=owner.id, label="advice")).apply(doc)

    assert validate_document(doc, catalog) == []


def test_model_phrase_reads_inside_a_sentence(catalog: Catalog) -> None:
    jtbd = catalog.get("jtbd")
    assert jtbd is not None

    assert model_phrase(jtbd) == "the jobs to be done"
    assert model_phrase(jtbd.model_copy(update={"name": "JTBD canvas"})) == "the JTBD canvas"
