"""A small, realistic canvas built with core edits: a payroll onboarding workshop seen through every built-in model.
Also `grid_of_cards`, a large canvas for the scale tests."""

from __future__ import annotations

from canvas.core.catalog import Catalog
from canvas.core.document import Document
from canvas.core.edits import AddCard, AddLink, PlaceCards, Spot
from canvas.core.frameworks import NETWORK_ZONE
from canvas.core.layout import next_free_offset
from canvas.core.model import Canvas, Card, CardKind, Evidence, Link, Voice

C, ORG = Voice.CUSTOMER, Voice.ORGANIZATION
OBS, REP, ASM = Evidence.OBSERVED, Evidence.REPORTED, Evidence.ASSUMED
K = CardKind

#: (title, kind, voice, evidence, extra fields, {model: zone})
CARDS: list[tuple[str, CardKind, Voice, Evidence, dict[str, object], dict[str, str]]] = [
    ("Hears about us from her accountant", K.SITUATION, C, REP, {}, {"journey": "aware.doing", "jtbd": "locate"}),
    ("Compares three payroll providers on price", K.SITUATION, C, OBS, {"votes": 2}, {"journey": "consider.doing"}),
    (
        "“Is this going to be another system I babysit?”",
        K.QUOTE,
        C,
        OBS,
        {},
        {"journey": "consider.thinking", "jtbd": "habit", "empathy": "says"},
    ),
    (
        "Relieved the first salary run went through",
        K.SITUATION,
        C,
        OBS,
        {"emotion": 2},
        {"journey": "use.feeling", "empathy": "feels"},
    ),
    (
        "Worried about getting tax codes wrong",
        K.PAIN,
        C,
        REP,
        {"emotion": -2, "votes": 5},
        {"journey": "signup.feeling", "jtbd": "anxiety", "empathy": "pains"},
    ),
    ("Curious but sceptical about switching", K.SITUATION, C, ASM, {"emotion": 0}, {"journey": "consider.feeling"}),
    (
        "Annoyed at re-entering employee data",
        K.PAIN,
        C,
        OBS,
        {"emotion": -1, "votes": 3},
        {"journey": "onboard.feeling", "jtbd": "push", "empathy": "pains"},
    ),
    (
        "Proud to pay everyone on time",
        K.GAIN,
        C,
        REP,
        {"emotion": 1},
        {"journey": "renew.feeling", "jtbd": "pull", "empathy": "gains"},
    ),
    (
        "Sign-up asks for the bank's creditor id",
        K.PAIN,
        C,
        OBS,
        {"votes": 4},
        {"journey": "signup.pains", "jtbd": "prepare"},
    ),
    (
        "Bank cut-off on Friday is not explained",
        K.PAIN,
        C,
        REP,
        {"votes": 6},
        {"journey": "use.pains", "jtbd": "confirm", "service-blueprint": "use.customer"},
    ),
    (
        "Onboarding call with a payroll specialist",
        K.TOUCHPOINT,
        ORG,
        OBS,
        {},
        {"journey": "onboard.touchpoints", "service-blueprint": "setup.frontstage"},
    ),
    (
        "Monthly payslip e-mail",
        K.TOUCHPOINT,
        ORG,
        OBS,
        {},
        {"journey": "use.touchpoints", "service-blueprint": "use.evidence"},
    ),
    (
        "Import employees from a spreadsheet",
        K.IDEA,
        ORG,
        ASM,
        {"votes": 3},
        {"journey": "onboard.opportunities", "jtbd": "pull"},
    ),
    ("Remind her two days before the cut-off", K.IDEA, ORG, ASM, {"votes": 2}, {"journey": "use.opportunities"}),
    (
        "Support checks bank details by hand",
        K.SITUATION,
        ORG,
        OBS,
        {},
        {"journey": "signup.backstage", "service-blueprint": "apply.backstage"},
    ),
    (
        "Tax tables updated every January",
        K.SITUATION,
        ORG,
        REP,
        {},
        {"journey": "renew.backstage", "service-blueprint": "use.support"},
    ),
    (
        "When I run payroll, I want it done in minutes, so I can get back to my customers",
        K.JOB,
        C,
        REP,
        {},
        {"jtbd": "main-job"},
    ),
    ("Collect hours from the team", K.SITUATION, C, OBS, {}, {"jtbd": "locate", "journey": "use.doing"}),
    ("Check totals against last month", K.SITUATION, C, OBS, {}, {"jtbd": "monitor"}),
    (
        "Minimise the time to correct a wrong payslip",
        K.OUTCOME,
        C,
        REP,
        {"importance": 9, "satisfaction": 2},
        {"jtbd": "outcomes"},
    ),
    (
        "Minimise the risk of paying late",
        K.OUTCOME,
        C,
        OBS,
        {"importance": 10, "satisfaction": 5},
        {"jtbd": "outcomes"},
    ),
    (
        "Minimise the effort to add a new employee",
        K.OUTCOME,
        C,
        ASM,
        {"importance": 6, "satisfaction": 6},
        {"jtbd": "outcomes"},
    ),
    (
        "Minimise surprises in the tax report",
        K.OUTCOME,
        C,
        REP,
        {"importance": 8, "satisfaction": 3},
        {"jtbd": "outcomes"},
    ),
    ("Small-business owner", K.ACTOR, C, OBS, {}, {"value-exchange": NETWORK_ZONE}),
    ("Payroll provider (us)", K.ACTOR, ORG, OBS, {}, {"value-exchange": NETWORK_ZONE}),
    ("Accountant", K.ACTOR, C, REP, {}, {"value-exchange": NETWORK_ZONE}),
    ("Tax authority", K.ACTOR, ORG, ASM, {}, {"value-exchange": NETWORK_ZONE}),
    ("Employees", K.ACTOR, C, REP, {}, {"value-exchange": NETWORK_ZONE}),
    ("Thinks the old spreadsheet is safer", K.QUESTION, C, ASM, {}, {"empathy": "thinks", "journey": "aware.thinking"}),
    (
        "Does payroll late on Sunday evenings",
        K.SITUATION,
        C,
        OBS,
        {},
        {"empathy": "does", "service-blueprint": "use.customer"},
    ),
    (
        "Fills in the sign-up form",
        K.SITUATION,
        C,
        OBS,
        {},
        {"service-blueprint": "apply.customer", "journey": "signup.doing"},
    ),
    ("Welcome pack with login", K.TOUCHPOINT, ORG, OBS, {}, {"service-blueprint": "setup.evidence"}),
    ("Calls support about a rejected payment", K.SITUATION, C, REP, {}, {"service-blueprint": "help.customer"}),
    ("Support agent", K.ACTOR, ORG, OBS, {}, {"service-blueprint": "help.frontstage"}),
    ("Payment file sent to the bank", K.SITUATION, ORG, OBS, {}, {"service-blueprint": "use.backstage"}),
    ("Card conflict from Anna's copy", K.SITUATION, C, ASM, {"conflict_of": "x1"}, {"journey": "aware.doing"}),
    ("A card waiting in the tray", K.NEED, C, ASM, {}, {}),
]

NETWORK = {
    "Small-business owner": (40.0, 300.0),
    "Payroll provider (us)": (520.0, 300.0),
    "Accountant": (280.0, 20.0),
    "Tax authority": (960.0, 120.0),
    "Employees": (520.0, 620.0),
}

#: (source title, target title, label, tangible)
FLOWS = [
    ("Small-business owner", "Payroll provider (us)", "monthly fee", True),
    ("Payroll provider (us)", "Small-business owner", "time back", False),
    ("Payroll provider (us)", "Employees", "payslips", True),
    ("Payroll provider (us)", "Tax authority", "tax report", True),
    ("Accountant", "Small-business owner", "advice", False),
    ("Small-business owner", "Accountant", "fee", True),
    ("Small-business owner", "Employees", "salary", True),
]


def workshop(catalog: Catalog) -> Document:
    """The payroll workshop: ~37 cards placed across all five built-in models, flows between the actors."""
    document = Document.of(Canvas(title="Payroll onboarding, Oslo workshop", models=tuple(catalog.models)))
    ids: dict[str, str] = {}
    for title, kind, voice, evidence, extra, _ in CARDS:
        card = Card(title=title, kind=kind, voice=voice, evidence=evidence, **extra)  # type: ignore[arg-type]
        AddCard(card).apply(document)
        ids[title] = card.id
    for title, _, _, _, _, zones in CARDS:
        for model, zone in zones.items():
            if model == "value-exchange":
                x, y = NETWORK[title]
            else:
                taken = [(p.x, p.y) for p in document.placements_in(model).values() if p.zone == zone]
                x, y = next_free_offset(taken)
            PlaceCards((Spot(ids[title], model, zone, x, y),)).apply(document)
    for source, target, label, tangible in FLOWS:
        AddLink(Link(source=ids[source], target=ids[target], label=label, tangible=tangible)).apply(document)
    return document


def card_id(document: Document, title: str) -> str:
    return next(card.id for card in document.live_cards() if card.title == title)


def grid_of_cards(catalog: Catalog, count: int) -> Document:
    """`count` cards spread over the zones of every built-in model (records built directly: fast at 50,000).
    Each zone's cards fill a roughly square block, as a person arranging thousands of cards would."""
    import math

    from canvas.core.model import Placement

    kinds = list(CardKind)
    cards = [
        Card(
            title=f"Situation {i}: something a customer told us",
            kind=kinds[i % len(kinds)],
            evidence=list(Evidence)[i % 3],
        )
        for i in range(count)
    ]
    placements = []
    for model_id, spec in catalog.models.items():
        zones = list(spec.zones(None))
        filled = dict.fromkeys(zones, 0)
        share = count / len(zones) / (7 if model_id == "value-exchange" else 1)
        across = max(2, round(math.sqrt(share * 96.0 / 212.0)))
        for i, card in enumerate(cards):
            if model_id == "value-exchange" and i % 7:
                continue  # only some cards are actors in the network
            zone = zones[(i + len(model_id)) % len(zones)]
            index = filled[zone]
            filled[zone] += 1
            x, y = (index % across) * 212.0, (index // across) * 96.0
            placements.append(Placement(card_id=card.id, model=model_id, zone=zone, x=x, y=y))
    return Document.of(Canvas(title=f"{count} cards", models=tuple(catalog.models)), cards, placements)
