"""Material for the exchange tests: a small workshop canvas, copies of it, and .scanvas round trips."""

from __future__ import annotations

from pathlib import Path

from canvas.core.document import Document
from canvas.core.edits import AddCard, AddLink, PlaceCards, SetColumns, Spot
from canvas.core.frameworks import ModelSpec
from canvas.core.layout import slot_offset
from canvas.core.model import Canvas, Card, CardKind, Evidence, Link, ZoneLabel
from canvas.exchange.scanvas_read import read_scanvas
from canvas.exchange.scanvas_write import write_scanvas


def workshop() -> Document:
    """Payroll onboarding as a workshop left it: five cards on the journey, two actors exchanging money."""
    document = Document.of(Canvas(title="Payroll onboarding, Oslo workshop"))
    cards = [
        Card(title="Payroll on Sunday night", kind=CardKind.PAIN, evidence=Evidence.OBSERVED, source="interview 3"),
        Card(title="Unsure which tax table applies", kind=CardKind.QUESTION, evidence=Evidence.REPORTED),
        Card(title="Relief when the first payslip is right", kind=CardKind.SITUATION, emotion=2),
        Card(title="Pay employees correctly", kind=CardKind.JOB, importance=9, satisfaction=4),
        Card(title="Small-business owner", kind=CardKind.ACTOR),
        Card(title="Bank", kind=CardKind.ACTOR),
    ]
    zones = ["use.pains", "signup.thinking", "use.feeling", "use.doing"]
    for card in cards:
        AddCard(card).apply(document)
    spots = [Spot(card.id, "journey", zone, *slot_offset(0)) for card, zone in zip(cards, zones, strict=False)]
    spots += [Spot(cards[4].id, "value-exchange", "network", 0.0, 0.0)]
    spots += [Spot(cards[5].id, "value-exchange", "network", 424.0, 0.0)]
    spots += [Spot(cards[3].id, "jtbd", "outcomes", 0.0, 0.0)]
    PlaceCards(tuple(spots)).apply(document)
    AddLink(Link(source=cards[4].id, target=cards[5].id, label="money")).apply(document)
    SetColumns("journey", (ZoneLabel(id="signup", label="Sign up"), ZoneLabel(id="use", label="Use"))).apply(document)
    return document


def clone(document: Document) -> Document:
    """A second copy of the same canvas (records are immutable, so sharing them is safe)."""
    return Document.of(
        document.canvas,
        document.cards.values(),
        document.placements.values(),
        document.links.values(),
        document.settings.values(),
    )


def through_file(document: Document, models: dict[str, ModelSpec]) -> Document:
    """What a teammate gets: the canvas written to a .scanvas file and read back."""
    return read_scanvas(write_scanvas(document, models), "teammate.scanvas").document


def write_file(path: Path, document: Document, models: dict[str, ModelSpec]) -> Path:
    path.write_bytes(write_scanvas(document, models))
    return path


def card_titled(document: Document, title: str) -> Card:
    [card] = [card for card in document.live_cards() if card.title == title]
    return card
