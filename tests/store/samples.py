"""A small canvas holding every kind of record, including tombstones and awkward text, for store tests."""

from __future__ import annotations

from canvas.core.document import Document
from canvas.core.model import (
    Canvas,
    Card,
    CardKind,
    Evidence,
    Link,
    ModelSettings,
    Placement,
    Voice,
    ZoneLabel,
)


def workshop(canvas_id: str = "oslo-workshop", title: str = "Payroll onboarding, Oslo workshop") -> Document:
    canvas = Canvas(
        id=canvas_id,
        title=title,
        description="Café owners hiring their first employees",
        models=("journey", "jtbd", "value-exchange"),
    )
    sunday = Card(
        id="sunday",
        title="Payroll on Sunday night",
        notes="Kari runs payroll after closing, alone, with a spreadsheet and the tax portal open.",
        kind=CardKind.PAIN,
        voice=Voice.CUSTOMER,
        evidence=Evidence.OBSERVED,
        source="interview 3 — Kari, café owner",
        tags=("payroll", "first run", 'said "never again"', "back\\slash"),
        emotion=-2,
        votes=4,
    )
    holiday = Card(
        id="holiday",
        title="Holiday pay is a mystery",
        notes="Nobody explained feriepenger; she guessed 10.2 %.",
        kind=CardKind.QUESTION,
        evidence=Evidence.REPORTED,
        source="support tickets Q3",
        tags=("feriepenger",),
        importance=8,
        satisfaction=2,
        colour="#ffcc00",
    )
    owner = Card(id="owner", title="Café owner", kind=CardKind.ACTOR, tags=())
    service = Card(
        id="service",
        title="Our payroll service",
        kind=CardKind.ACTOR,
        voice=Voice.ORGANIZATION,
        evidence=Evidence.ASSUMED,
    )
    gone = Card(id="gone", title="Owners love spreadsheets", voice=Voice.ORGANIZATION).revised(deleted=True)
    conflict = Card(id="sunday-theirs", title="Payroll on Sunday evening", conflict_of="sunday")
    placements = [
        Placement(card_id="sunday", model="journey", zone="use.feeling", x=0.0, y=0.0),
        Placement(card_id="holiday", model="journey", zone="onboard.thinking", x=212.0, y=96.0),
        Placement(card_id="sunday", model="jtbd", zone="execute", x=10.5, y=-3.25),
        Placement(card_id="owner", model="value-exchange", zone="network", x=400.0, y=80.0),
        Placement(card_id="service", model="value-exchange", zone="network", x=700.0, y=300.0),
        Placement(card_id="holiday", model="jtbd", zone="confirm").revised(deleted=True),
    ]
    links = [
        Link(id="fee", source="owner", target="service", label="subscription fee", tangible=True),
        Link(id="trust", source="owner", target="service", label="trust", tangible=False),
        Link(id="old", source="service", target="owner", label="invoices").revised(deleted=True),
    ]
    settings = [
        ModelSettings(
            model="journey",
            columns=(ZoneLabel(id="aware", label="Hears of us"), ZoneLabel(id="use", label="Runs payroll")),
        ),
        ModelSettings(model="jtbd").revised(deleted=True),
    ]
    return Document.of(canvas, [sunday, holiday, owner, service, gone, conflict], placements, links, settings)
