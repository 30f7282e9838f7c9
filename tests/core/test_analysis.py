"""What each model says, checked against cards counted by hand: opportunity scores, the emotion curve, the
evidence gauge from either side, the value-exchange balance and one-sided flows, and the network auto-layout."""

from __future__ import annotations

import itertools
import json

import pytest

from canvas.core.analysis import (
    Balance,
    EvidenceCount,
    auto_layout,
    emotion_curve,
    evidence_gauge,
    evidence_summary,
    exchange_balance,
    one_sided,
    opportunities,
    opportunity_heat,
    opportunity_score,
    top_opportunities,
)
from canvas.core.catalog import Catalog, load_catalog
from canvas.core.document import Document
from canvas.core.edits import AddCard, AddLink, DeleteCards, DeleteLinks, PlaceCards, SetColumns, Spot, undo
from canvas.core.frameworks import ModelSpec
from canvas.core.layout import card_rect, layout_model
from canvas.core.model import Canvas, Card, Link, Side, ZoneLabel
from canvas.paths import builtin_models_dir

CATALOG: Catalog = load_catalog(builtin_models_dir(), None)


def spec(model_id: str) -> ModelSpec:
    found = CATALOG.get(model_id)
    assert found is not None
    return found


class Workshop:
    """A canvas built the way a facilitator builds one: capture a card, place it, link it."""

    def __init__(self) -> None:
        self.doc = Document.of(Canvas(title="Payroll for the first time"))

    def card(self, title: str, *places: tuple[str, str], **fields: object) -> Card:
        card = Card.model_validate({"title": title, **fields})
        AddCard(card).apply(self.doc)
        if places:
            PlaceCards(tuple(Spot(card.id, model, zone) for model, zone in places)).apply(self.doc)
        return card

    def flow(self, source: Card, target: Card, label: str, tangible: bool = True) -> Link:
        link = Link(source=source.id, target=target.id, label=label, tangible=tangible)
        AddLink(link).apply(self.doc)
        return link


# -- opportunity ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("importance", "satisfaction", "score"),
    [(8, 3, 13.0), (5, 9, 5.0), (10, 10, 10.0), (1, 10, 1.0), (None, 4, None), (7, None, None)],
)
def test_opportunity_score(importance: int | None, satisfaction: int | None, score: float | None) -> None:
    card = Card(title="Minimise the time to run payroll", importance=importance, satisfaction=satisfaction)

    assert opportunity_score(card) == score


def test_top_opportunities_are_the_best_scored_outcomes() -> None:
    w = Workshop()
    w.card("Know the tax is right", ("jtbd", "outcomes"), kind="outcome", importance=9, satisfaction=2)  # 16
    w.card("Pay staff on time", ("jtbd", "outcomes"), kind="outcome", importance=10, satisfaction=8)  # 12
    w.card("Spend under an hour", ("jtbd", "outcomes"), kind="outcome", importance=7, satisfaction=3)  # 11
    w.card("Nice payslips", ("jtbd", "outcomes"), kind="outcome", importance=3, satisfaction=3)  # 3
    w.card("Unscored outcome", ("jtbd", "outcomes"), kind="outcome")
    w.card("Scored but a push force", ("jtbd", "push"), importance=10, satisfaction=1)
    gone = w.card("Deleted outcome", ("jtbd", "outcomes"), importance=10, satisfaction=1)
    DeleteCards((gone.id,)).apply(w.doc)

    top = top_opportunities(w.doc, spec("jtbd"))

    assert [(o.card.title, o.score, o.zone) for o in top] == [
        ("Know the tax is right", 16.0, "outcomes"),
        ("Pay staff on time", 12.0, "outcomes"),
        ("Spend under an hour", 11.0, "outcomes"),
    ]
    assert len(opportunities(w.doc, spec("jtbd"))) == 4
    assert top_opportunities(w.doc, spec("jtbd"), n=1)[0].card.title == "Know the tax is right"
    assert top_opportunities(w.doc, spec("journey")) == [], "the journey map has no outcome zone"


def test_opportunity_heat_over_journey_stages() -> None:
    w = Workshop()
    w.card("Know the tax is right", ("journey", "use.pains"), importance=9, satisfaction=2)  # 16
    w.card("Spend under an hour", ("journey", "use.doing"), importance=7, satisfaction=3)  # 11
    w.card("Quick sign-up", ("journey", "signup.pains"), importance=4, satisfaction=6)  # 4
    w.card("Unscored", ("journey", "use.pains"))

    heat = {h.column: h for h in opportunity_heat(w.doc, spec("journey"), None)}

    assert (heat["use"].total, heat["use"].best, heat["use"].count) == (27.0, 16.0, 2)
    assert (heat["signup"].total, heat["signup"].best) == (4.0, 4.0)
    assert (heat["aware"].total, heat["aware"].best, heat["aware"].count) == (0.0, None, 0)
    assert opportunity_heat(w.doc, spec("jtbd"), None) == []


# -- emotion curve -------------------------------------------------------------------------------------------


def test_the_emotion_curve_follows_the_feeling_lane_across_stages() -> None:
    w = Workshop()
    w.card("Relieved it looks simple", ("journey", "signup.feeling"), emotion=1)
    w.card("Excited to hire", ("journey", "signup.feeling"), emotion=2)
    w.card("Dread on payday", ("journey", "use.feeling"), emotion=-2)
    w.card("Unscored feeling", ("journey", "use.feeling"))
    w.card("A pain with a score", ("journey", "aware.pains"), emotion=-2)
    gone = w.card("Deleted", ("journey", "renew.feeling"), emotion=2)
    DeleteCards((gone.id,)).apply(w.doc)

    curve = emotion_curve(w.doc, spec("journey"), w.doc.model_settings("journey"))

    assert [(p.column, p.emotion, p.count) for p in curve] == [
        ("aware", None, 0),
        ("consider", None, 0),
        ("signup", 1.5, 2),
        ("onboard", None, 0),
        ("use", -2.0, 1),
        ("renew", None, 0),
    ]
    assert curve[2].label == "Sign up"


def test_the_curve_uses_the_canvas_own_stages() -> None:
    w = Workshop()
    SetColumns("journey", (ZoneLabel(id="payday", label="Payday"), ZoneLabel(id="use", label="Every week"))).apply(
        w.doc
    )
    w.card("Panic", ("journey", "payday.feeling"), emotion=-1)

    curve = emotion_curve(w.doc, spec("journey"), w.doc.model_settings("journey"))

    assert [(p.column, p.label, p.emotion) for p in curve] == [("payday", "Payday", -1.0), ("use", "Every week", None)]
    assert emotion_curve(w.doc, spec("jtbd"), None) == []


# -- evidence gauge ------------------------------------------------------------------------------------------


def evidence_workshop() -> Workshop:
    w = Workshop()
    observed = {"voice": "customer", "evidence": "observed"}
    reported = {"voice": "customer", "evidence": "reported"}
    assumed = {"voice": "customer", "evidence": "assumed"}
    ours = {"voice": "organization", "evidence": "observed"}
    # customer zones
    w.card("Does payroll on Sunday night", ("journey", "use.doing"), **observed)
    w.card("'I never know if the tax is right'", ("journey", "use.thinking"), **reported)
    w.card("They probably feel confident", ("journey", "use.feeling"), **assumed)
    w.card("Our support line says owners are fine", ("journey", "use.pains"), **ours)
    # shared zone
    w.card("Payslip e-mail", ("journey", "use.touchpoints"), **observed)
    # organization zones
    w.card("A reminder would help", ("journey", "use.opportunities"), **assumed)
    w.card("Tax tables updated by hand", ("journey", "use.backstage"), **ours)
    # placed elsewhere only: not in the journey gauge
    w.card("Unplaced in journey", ("jtbd", "push"), **observed)
    gone = w.card("Deleted", ("journey", "use.doing"), **observed)
    DeleteCards((gone.id,)).apply(w.doc)
    return w


def test_the_customer_side_sees_customer_and_shared_zones() -> None:
    w = evidence_workshop()

    gauge = evidence_gauge(w.doc, spec("journey"), None, Side.CUSTOMER)

    # Counted by hand: doing (observed), thinking (reported), touchpoints (observed) rest on customer evidence;
    # feeling (assumed) and pains (organization's voice) are assumptions. Opportunities and backstage are hidden.
    assert gauge.overall == EvidenceCount(customer_evidence=3, assumptions=2)
    assert (gauge.overall.total, gauge.overall.share) == (5, 0.6)
    assert gauge.zones["use.pains"] == EvidenceCount(0, 1)
    assert gauge.zones["aware.doing"] == EvidenceCount(0, 0) and gauge.zones["aware.doing"].share is None
    assert "use.backstage" not in gauge.zones and "use.opportunities" not in gauge.zones
    assert "use.touchpoints" in gauge.zones
    assert gauge.side is Side.CUSTOMER


def test_the_organization_side_sees_its_own_and_shared_zones() -> None:
    w = evidence_workshop()

    gauge = evidence_gauge(w.doc, spec("journey"), None, Side.ORGANIZATION)

    # touchpoints (observed, customer voice) is evidence; opportunities (assumed) and backstage (our voice) are not.
    assert gauge.overall == EvidenceCount(customer_evidence=1, assumptions=2)
    assert set(gauge.zones) == {
        zone for zone in spec("journey").zones() if zone.split(".")[1] in {"touchpoints", "opportunities", "backstage"}
    }


def test_no_side_counts_every_placed_card() -> None:
    w = evidence_workshop()

    gauge = evidence_gauge(w.doc, spec("journey"), None, None)

    assert gauge.overall == EvidenceCount(customer_evidence=3, assumptions=4)
    assert len(gauge.zones) == len(spec("journey").zones())
    assert evidence_gauge(w.doc, spec("journey"), None, Side.SHARED).overall == gauge.overall


def test_a_map_built_on_assumptions_shows_it() -> None:
    w = Workshop()
    for n in range(9):
        w.card(f"We think {n}", ("journey", "use.doing"), voice="organization", evidence="assumed")
    w.card("Seen once", ("journey", "use.doing"), voice="customer", evidence="observed")

    share = evidence_gauge(w.doc, spec("journey"), None, Side.CUSTOMER).overall.share

    assert share == pytest.approx(0.1)


def test_in_a_network_the_cards_voice_decides_what_a_side_sees() -> None:
    w = Workshop()
    w.card("Business owner", ("value-exchange", "network"), kind="actor", voice="customer", evidence="observed")
    w.card("Accountant", ("value-exchange", "network"), kind="actor", voice="customer", evidence="assumed")
    w.card("Payroll service", ("value-exchange", "network"), kind="actor", voice="organization", evidence="observed")

    def counts(side: Side | None) -> EvidenceCount:
        return evidence_gauge(w.doc, spec("value-exchange"), None, side).overall

    assert counts(Side.CUSTOMER) == EvidenceCount(1, 1)
    assert counts(Side.ORGANIZATION) == EvidenceCount(0, 1)
    assert counts(None) == EvidenceCount(1, 2)


def test_evidence_summary_reports_every_enabled_model_and_side_as_json() -> None:
    w = evidence_workshop()
    w.doc.put(w.doc.canvas.revised(models=("journey", "jtbd", "value-exchange", "kano")))

    summary = evidence_summary(w.doc, CATALOG)

    assert list(summary) == ["journey", "jtbd", "value-exchange"], "an unknown model is left out"
    assert set(summary["journey"]) == {"customer", "organization", "all"}
    customer = summary["journey"]["customer"]
    assert {k: customer[k] for k in ("customer_evidence", "assumptions", "total", "share")} == {
        "customer_evidence": 3,
        "assumptions": 2,
        "total": 5,
        "share": 0.6,
    }
    assert customer["zones"]["use.doing"] == {"customer_evidence": 1, "assumptions": 0, "total": 1, "share": 1.0}
    assert "aware.doing" not in customer["zones"], "empty zones are left out of the summary"
    assert summary["jtbd"]["all"]["total"] == 1
    assert summary["value-exchange"]["all"]["share"] is None
    json.dumps(summary)


# -- value exchange ------------------------------------------------------------------------------------------


def exchange_workshop() -> tuple[Workshop, dict[str, Card]]:
    w = Workshop()
    actor = {"kind": "actor"}
    cast = {
        name: w.card(name, ("value-exchange", "network"), **actor)
        for name in ("Business owner", "Payroll service", "Tax office", "Employees")
    }
    owner, service, tax, staff = (cast[n] for n in ("Business owner", "Payroll service", "Tax office", "Employees"))
    w.flow(owner, service, "monthly fee")
    w.flow(service, owner, "payslips")
    w.flow(service, owner, "peace of mind", tangible=False)
    w.flow(owner, tax, "payroll tax")
    w.flow(owner, tax, "reports")
    w.flow(owner, staff, "wages")
    w.flow(staff, owner, "work")
    w.flow(owner, staff, "trust", tangible=False)
    # An accountant who is not (yet) placed in the network: flows to it are links, not part of the exchange.
    accountant = w.card("Accountant", kind="actor")
    w.flow(owner, accountant, "questions")
    deleted = w.flow(tax, owner, "penalty letters")
    DeleteLinks((deleted.id,)).apply(w.doc)
    return w, cast


def test_each_actor_shows_what_it_gives_and_receives() -> None:
    w, cast = exchange_workshop()

    balance = exchange_balance(w.doc, "value-exchange")

    owner = balance[cast["Business owner"].id]
    assert owner == Balance(
        gives_tangible=4, gives_intangible=1, receives_tangible=2, receives_intangible=1, partners=3
    )
    assert (owner.gives, owner.receives, owner.net) == (5, 3, -2)
    assert balance[cast["Tax office"].id] == Balance(receives_tangible=2, partners=1)
    assert balance[cast["Payroll service"].id].net == -1, "gives payslips and peace of mind for one fee"
    assert set(balance) == {card.id for card in cast.values()}


def test_one_sided_relationships_stand_out() -> None:
    w, cast = exchange_workshop()

    pairs = one_sided(w.doc, "value-exchange")

    assert pairs == [(cast["Business owner"].id, cast["Tax office"].id)]


def test_an_actor_without_flows_has_an_empty_balance() -> None:
    w, _ = exchange_workshop()
    bank = w.card("Bank", ("value-exchange", "network"), kind="actor")

    balance = exchange_balance(w.doc, "value-exchange")[bank.id]

    assert balance == Balance() and balance.net == 0


# -- auto-layout ---------------------------------------------------------------------------------------------


def assert_no_overlap(doc: Document, model_id: str) -> None:
    layout = layout_model(spec(model_id), None, doc.placements_in(model_id))
    rects = [card_rect(layout, p) for p in doc.placements_in(model_id).values()]
    for i, a in enumerate(rects):
        assert a is not None and layout.zones["network"].content.contains_rect(a)
        for b in rects[i + 1 :]:
            assert b is not None and not a.intersects(b)


def test_auto_layout_arranges_the_network_in_one_undoable_step() -> None:
    w, cast = exchange_workshop()
    loner = w.card("Bank", ("value-exchange", "network"), kind="actor")
    before = w.doc.snapshot()

    spots = auto_layout(w.doc, "value-exchange", spec("value-exchange"))
    changes = PlaceCards(spots, name="Arrange network").apply(w.doc)

    assert {s.card_id for s in spots} == {c.id for c in cast.values()} | {loner.id}
    assert all(s.model == "value-exchange" and s.zone == "network" and s.x >= 0 and s.y >= 0 for s in spots)
    assert_no_overlap(w.doc, "value-exchange")
    undo(w.doc, changes)
    assert w.doc.snapshot() == before


def test_auto_layout_is_repeatable_and_keeps_groups_apart() -> None:
    w = Workshop()
    left = [w.card(f"A{n}", ("value-exchange", "network"), kind="actor") for n in range(5)]
    right = [w.card(f"B{n}", ("value-exchange", "network"), kind="actor") for n in range(3)]
    for group in (left, right):
        for a, b in itertools.pairwise(group):
            w.flow(a, b, "data")

    spots = auto_layout(w.doc, "value-exchange", spec("value-exchange"))

    assert spots == auto_layout(w.doc, "value-exchange", spec("value-exchange"))
    by_id = {s.card_id: s for s in spots}

    def box(cards: list[Card]) -> tuple[float, float, float, float]:
        xs = [by_id[c.id].x for c in cards]
        ys = [by_id[c.id].y for c in cards]
        return min(xs), min(ys), max(xs), max(ys)

    a, b = box(left), box(right)
    assert a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1], "the two groups do not interleave"


def test_auto_layout_of_a_large_network_has_no_overlaps() -> None:
    w = Workshop()
    actors = [w.card(f"Actor {n}", ("value-exchange", "network"), kind="actor") for n in range(220)]
    for n in range(1, 220):
        w.flow(actors[n], actors[(n * 7) % n], "money")

    spots = auto_layout(w.doc, "value-exchange", spec("value-exchange"))
    PlaceCards(spots).apply(w.doc)

    assert len(spots) == 220
    assert_no_overlap(w.doc, "value-exchange")


def test_auto_layout_refuses_a_model_that_is_not_a_network() -> None:
    w = Workshop()

    with pytest.raises(ValueError, match="arranges a network; 'Customer journey map' is a grid model"):
        auto_layout(w.doc, "journey", spec("journey"))


def test_cards_outside_the_network_zone_and_deleted_cards_are_not_actors() -> None:
    w, cast = exchange_workshop()
    DeleteCards((cast["Employees"].id,)).apply(w.doc)

    balance = exchange_balance(w.doc, "value-exchange")

    assert cast["Employees"].id not in balance
    assert balance[cast["Business owner"].id].partners == 2
