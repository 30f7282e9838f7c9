"""The demo canvas: a workshop on small-business owners running payroll for the first time.

What a newcomer sees first, so it tells a story: one café owner's first payroll seen through every built-in
model, with the evidence behind each card. Ids and revisions are fixed, so the same demo is the same bytes
everywhere and tests can name its cards.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from canvas.core.document import Document
from canvas.core.layout import NETWORK_STEP, slot_offset
from canvas.core.model import Canvas, Card, CardKind, Evidence, Link, Placement, Voice

DEMO_CANVAS_ID = "demo-payroll-oslo"
DEMO_TITLE = "Payroll for the first time — small-business owners, Oslo workshop"
#: Every demo record's revision: fixed, so two copies of the demo agree until someone edits one.
DEMO_REV = "1-00000000"
DEMO_MODELS = ("journey", "jtbd", "value-exchange", "empathy", "service-blueprint")

ORG = Voice.ORGANIZATION
SEEN, TOLD, GUESS = Evidence.OBSERVED, Evidence.REPORTED, Evidence.ASSUMED

KARI = "interview 3 — Kari, café owner"
TOR = "interview 5 — Tor, bike repair shop"
LINH = "interview 7 — Linh, hair salon"
TICKETS = "support tickets Q3"
SALES = "sales team workshop"
CALLS = "onboarding call recordings"
ANALYTICS = "product analytics, March"
SURVEY = "outcome survey — 42 owners"
ACCOUNTANTS = "accountants' round table"


@dataclass(frozen=True)
class _Spec:
    """One demo card and where it sits in each model ({model id: zone id})."""

    slug: str
    kind: CardKind
    title: str
    notes: str = ""
    voice: Voice = Voice.CUSTOMER
    evidence: Evidence = TOLD
    source: str = ""
    tags: tuple[str, ...] = ()
    emotion: int | None = None
    importance: int | None = None
    satisfaction: int | None = None
    votes: int = 0
    places: dict[str, str] = field(default_factory=dict)


def card_id(slug: str) -> str:
    """The id of the demo card with this slug, e.g. card_id("sunday-payroll")."""
    return f"demo-{slug}"


K = CardKind
# The cards in reading order (stage by stage), kept compact by hand: one card is one short block.
# fmt: off
_CARDS: tuple[_Spec, ...] = (
    # -- Aware --------------------------------------------------------------------------------------------------
    _Spec(
        "first-hires", K.SITUATION, "Hiring her first two employees",
        "The café is busy enough for a barista (Jonas, part time) and a baker (Amira, full time). Kari signs "
        "both contracts before she knows what being an employer involves.",
        evidence=SEEN, source=KARI, tags=("hiring", "first employees"),
        places={"journey": "aware.doing"},
    ),
    _Spec(
        "just-transfer", K.QUOTE, "“I thought payroll was just transferring money.”",
        "Said half laughing, half not, when we asked what she expected of the first month.",
        source=KARI, tags=("expectations",),
        places={"journey": "aware.thinking", "empathy": "says"},
    ),
    _Spec(
        "proud-employer", K.GAIN, "Proud to be somebody's employer",
        "Two people now earn their living at her café. She mentions it three times in the interview.",
        evidence=SEEN, source=KARI, emotion=1,
        places={"journey": "aware.feeling"},
    ),
    _Spec(
        "accountant-mentions", K.TOUCHPOINT, "Her accountant mentions the a-melding in passing",
        "The accountant does the year-end accounts, not payroll. “You'll need to report it monthly” is all "
        "Kari hears, and she does not know what ‘it’ is.",
        source=KARI, tags=("a-melding", "accountant"),
        places={"journey": "aware.touchpoints"},
    ),
    _Spec(
        "new-business-leads", K.SITUATION, "Sales buys lists of newly registered companies",
        "New employers are found in the business register a few weeks after they register, often after the "
        "first hire has already happened.",
        voice=ORG, source=SALES, tags=("acquisition",),
        places={"journey": "aware.backstage", "service-blueprint": "find.backstage"},
    ),
    # -- Consider -----------------------------------------------------------------------------------------------
    _Spec(
        "compares-prices", K.SITUATION, "Compares three payroll services on price per payslip",
        "Tor made a spreadsheet of prices. None of the pages said which duties each service takes off his "
        "hands, so price was the only thing he could compare.",
        evidence=SEEN, source=TOR, tags=("pricing",),
        places={"journey": "consider.doing", "empathy": "does", "service-blueprint": "find.customer"},
    ),
    _Spec(
        "need-a-system", K.QUESTION, "Do I even need a payroll system for two people?",
        source=KARI, places={"journey": "consider.thinking", "empathy": "thinks"},
    ),
    _Spec(
        "one-place", K.NEED, "One place for every employer duty",
        "Salary, withholding tax, employer's contribution, holiday pay, pension, injury insurance: six things, "
        "five websites.",
        source=LINH, tags=("employer duties",), votes=2,
        places={"journey": "consider.thinking"},
    ),
    _Spec(
        "duty-list", K.PAIN, "Overwhelmed by the list of employer duties",
        "Linh printed the tax authority's checklist for new employers and stopped reading halfway down the "
        "first page.",
        evidence=SEEN, source=LINH, tags=("employer duties",), emotion=-1,
        places={"journey": "consider.feeling", "empathy": "feels"},
    ),
    _Spec(
        "price-page", K.TOUCHPOINT, "Price page and a chat with sales",
        source=TOR, places={"journey": "consider.touchpoints", "service-blueprint": "find.frontstage"},
    ),
    _Spec(
        "which-duties", K.PAIN, "Cannot tell which service handles holiday pay and pension",
        source=TOR, tags=("holiday pay", "pension"),
        places={"journey": "consider.pains"},
    ),
    _Spec(
        "checklist-idea", K.IDEA, "A “first employee” checklist before sign-up",
        "What you must have in place on day one, and which of it we do for you.",
        voice=ORG, evidence=GUESS, source=SALES, votes=3,
        places={"journey": "consider.opportunities"},
    ),
    # -- Sign up ------------------------------------------------------------------------------------------------
    _Spec(
        "org-number", K.SITUATION, "Enters organisation number and bank details",
        evidence=SEEN, source=CALLS,
        places={"journey": "signup.doing", "service-blueprint": "apply.customer"},
    ),
    _Spec(
        "fifteen-minutes", K.GAIN, "Relieved: set up in fifteen minutes",
        "“That was easier than opening the bank account.”",
        evidence=SEEN, source=CALLS, emotion=1,
        places={"journey": "signup.feeling", "empathy": "gains"},
    ),
    _Spec(
        "signup-wizard", K.TOUCHPOINT, "Sign-up wizard: 7 of 10 finish in one sitting",
        "Most of those who stop do so at the step asking for the tax deduction account.",
        voice=ORG, evidence=SEEN, source=ANALYTICS,
        places={"journey": "signup.touchpoints", "service-blueprint": "apply.evidence"},
    ),
    _Spec(
        "deduction-account", K.PAIN, "Has to find the tax deduction account number",
        "Withheld tax must sit in a separate bank account. Half the owners in the tickets had never opened one.",
        source=TICKETS, tags=("withholding tax", "bank"),
        places={"journey": "signup.pains"},
    ),
    _Spec(
        "no-handover", K.SITUATION, "Sales hands over new accounts without notes",
        "What the owner told sales (first hire, worried about holiday pay) never reaches onboarding.",
        voice=ORG, source=SALES,
        places={"journey": "signup.backstage", "service-blueprint": "setup.backstage"},
    ),
    # -- Onboard ------------------------------------------------------------------------------------------------
    _Spec(
        "adds-employees", K.SITUATION, "Adds Jonas and Amira: contracts, hourly rate, bank accounts",
        evidence=SEEN, source=KARI, tags=("employees",),
        places={"journey": "onboard.doing", "jtbd": "prepare", "service-blueprint": "setup.customer"},
    ),
    _Spec(
        "holiday-pay-rate", K.QUESTION, "Is holiday pay 10.2 % or 12 %?",
        "The most common question in the first month: it depends on the employment agreement.",
        source=TICKETS, tags=("holiday pay",), votes=2,
        places={"journey": "onboard.thinking", "empathy": "thinks"},
    ),
    _Spec(
        "unsure-holiday", K.PAIN, "Unsure she entered holiday pay right",
        evidence=TOLD, source=KARI, tags=("holiday pay",), emotion=-1,
        places={"journey": "onboard.feeling"},
    ),
    _Spec(
        "tax-cards", K.TOUCHPOINT, "Tax cards arrive automatically from the tax authority",
        "Kari did not know employees have tax cards; she noticed only because the deductions differed.",
        voice=ORG, evidence=SEEN, source=CALLS, tags=("withholding tax",),
        places={"journey": "onboard.touchpoints", "service-blueprint": "setup.support"},
    ),
    _Spec(
        "pension-elsewhere", K.PAIN, "Pension and injury insurance are “somewhere else”",
        "Both are mandatory for employers; neither is set up in the payroll service, and nobody tells her.",
        source=LINH, tags=("pension", "insurance"),
        places={"journey": "onboard.pains", "empathy": "pains"},
    ),
    _Spec(
        "guided-setup", K.IDEA, "Guided setup for pension and insurance",
        voice=ORG, evidence=GUESS, source=SALES, votes=1,
        places={"journey": "onboard.opportunities"},
    ),
    _Spec(
        "holiday-tickets", K.SITUATION, "Support answers holiday-pay questions by hand: 40 tickets a month",
        voice=ORG, evidence=SEEN, source=TICKETS, tags=("holiday pay", "support"),
        places={"journey": "onboard.backstage", "service-blueprint": "help.backstage"},
    ),
    # -- Use ----------------------------------------------------------------------------------------------------
    _Spec(
        "sunday-payroll", K.SITUATION, "Payroll on Sunday night",
        "After closing she counts the week's shifts from the paper rota, types the hours in, and approves the "
        "run at 23:40 so the salaries land on the first.",
        evidence=SEEN, source=KARI, tags=("payroll run", "evenings"), votes=5,
        places={
            "journey": "use.doing",
            "jtbd": "execute",
            "empathy": "does",
            "service-blueprint": "use.customer",
        },
    ),
    _Spec(
        "money-gone", K.QUOTE, "“If I press approve, is the money gone? Can I undo it?”",
        evidence=SEEN, source=KARI, tags=("payroll run",),
        places={"journey": "use.thinking", "jtbd": "confirm", "empathy": "says"},
    ),
    _Spec(
        "went-through", K.NEED, "Needs to know the money and the report went through",
        "After approving, nothing tells her the salaries were paid or the a-melding accepted.",
        source=KARI, tags=("a-melding",),
        places={"journey": "use.thinking"},
    ),
    _Spec(
        "first-run-panic", K.PAIN, "Panic at the first payroll run",
        "Hands on her head at the approve screen; she called her sister before pressing the button.",
        evidence=SEEN, source=KARI, tags=("payroll run",), emotion=-2, votes=4,
        places={"journey": "use.feeling", "jtbd": "anxiety", "empathy": "feels"},
    ),
    _Spec(
        "deadline-dread", K.PAIN, "Dreads the fifth of every month",
        "The a-melding is due on the fifth; Linh has a phone alarm for it and still worries.",
        source=LINH, tags=("a-melding", "deadline"), emotion=-1,
        places={"journey": "use.feeling"},
    ),
    _Spec(
        "approve-screen", K.TOUCHPOINT, "The approve-run screen and the payslip email",
        voice=ORG, evidence=SEEN, source=ANALYTICS,
        places={"journey": "use.touchpoints", "service-blueprint": "use.evidence"},
    ),
    _Spec(
        "hours-twice", K.PAIN, "Hours typed twice: into the rota, then into payroll",
        evidence=SEEN, source=KARI, tags=("hours", "double entry"), votes=3,
        places={"journey": "use.pains", "jtbd": "locate", "empathy": "pains"},
    ),
    _Spec(
        "missed-deadline", K.PAIN, "Missed the a-melding deadline once: a fine",
        "Tor's first report went in on the seventh. The fine was small; the letter was not.",
        source=TOR, tags=("a-melding", "deadline"), votes=3,
        places={"journey": "use.pains"},
    ),
    _Spec(
        "import-rota", K.IDEA, "Import hours straight from the shift rota",
        voice=ORG, evidence=GUESS, source=SALES, votes=6,
        places={"journey": "use.opportunities"},
    ),
    _Spec(
        "forward-receipt", K.IDEA, "Pass the tax authority's receipt on to the owner",
        "We get a confirmation for every a-melding; the owner never sees it.",
        voice=ORG, evidence=GUESS, source="workshop, group 2", votes=4,
        places={"journey": "use.opportunities"},
    ),
    _Spec(
        "we-file", K.SITUATION, "We file the a-melding for the owner before the fifth",
        voice=ORG, evidence=SEEN, source=ANALYTICS, tags=("a-melding",),
        places={"journey": "use.backstage", "service-blueprint": "use.backstage"},
    ),
    # -- Renew --------------------------------------------------------------------------------------------------
    _Spec(
        "phone-approve", K.SITUATION, "Approves the run on her phone between orders",
        "By the third month Tor approves in two minutes at the counter.",
        source=TOR, places={"journey": "renew.doing"},
    ),
    _Spec(
        "stay-for-price", K.QUESTION, "Owners stay because we are cheapest",
        "Said with confidence in the sales workshop; nobody had asked a customer.",
        voice=ORG, evidence=GUESS, source=SALES, tags=("retention",),
        places={"journey": "renew.thinking"},
    ),
    _Spec(
        "sundays-back", K.GAIN, "Sunday evenings back",
        evidence=TOLD, source=TOR, emotion=1,
        places={"journey": "renew.feeling", "empathy": "gains"},
    ),
    _Spec(
        "hire-third", K.GAIN, "Confident enough to hire a third person",
        voice=ORG, evidence=GUESS, source=SALES, emotion=2,
        places={"journey": "renew.feeling"},
    ),
    _Spec(
        "year-end-reports", K.PAIN, "At year end the accountant wants reports she cannot find",
        voice=ORG, source=ACCOUNTANTS, tags=("accountant", "year end"),
        places={"journey": "renew.pains"},
    ),
    _Spec(
        "accountant-access", K.IDEA, "Annual plan with the accountant's access included",
        voice=ORG, evidence=GUESS, source=SALES,
        places={"journey": "renew.opportunities"},
    ),
    _Spec(
        "churn-blind", K.SITUATION, "We learn an owner has left only when they cancel",
        voice=ORG, evidence=TOLD, source=SALES, tags=("retention",),
        places={"journey": "renew.backstage"},
    ),
    # -- The job, its steps and forces ---------------------------------------------------------------------------
    _Spec(
        "main-job", K.JOB, "Pay my people correctly and on time, and stay right with the tax authority",
        "When I take on my first employees, I want salary, tax and holiday pay handled right every month, so "
        "I can run the café without dreading a letter from the tax authority.",
        source="interviews 3, 5 and 7", votes=2,
        places={"jtbd": "main-job"},
    ),
    _Spec(
        "work-out-owed", K.JOB, "Work out what I owe: salary, holiday pay, employer's contribution",
        source=LINH, places={"jtbd": "define"},
    ),
    _Spec(
        "check-paid", K.JOB, "Check that salaries and taxes actually went out",
        "Kari logs in to the bank on the first to see the salaries leave.",
        evidence=SEEN, source=KARI, places={"jtbd": "monitor"},
    ),
    _Spec(
        "fix-payslip", K.SITUATION, "Fixing Jonas's payslip after a missed shift",
        source=TICKETS, tags=("corrections",),
        places={"jtbd": "modify", "service-blueprint": "help.customer"},
    ),
    _Spec(
        "close-month", K.JOB, "Close the month: report accepted, payslips filed",
        source=TOR, places={"jtbd": "conclude"},
    ),
    _Spec(
        "spreadsheet-broke", K.SITUATION, "The payroll spreadsheet broke with the second employee",
        source=LINH, places={"jtbd": "push"},
    ),
    _Spec(
        "colleague-runs", K.QUOTE, "“My neighbour's payroll just runs. I want that.”",
        source=TOR, places={"jtbd": "pull"},
    ),
    _Spec(
        "paper-habit", K.SITUATION, "The accountant has always done it on paper",
        source=ACCOUNTANTS, tags=("accountant",),
        places={"jtbd": "habit"},
    ),
    # -- Desired outcomes (importance and satisfaction, 1–10) -----------------------------------------------------
    _Spec(
        "outcome-time", K.OUTCOME, "Minimize the time it takes to run payroll each month",
        source=SURVEY, importance=8, satisfaction=3,
        places={"jtbd": "outcomes", "journey": "use.opportunities"},
    ),
    _Spec(
        "outcome-wrong-amount", K.OUTCOME, "Minimize the chance of paying someone the wrong amount",
        source=SURVEY, importance=10, satisfaction=6,
        places={"jtbd": "outcomes"},
    ),
    _Spec(
        "outcome-deadline", K.OUTCOME, "Minimize the chance of missing the a-melding deadline",
        source=SURVEY, importance=9, satisfaction=4,
        places={"jtbd": "outcomes", "journey": "use.opportunities"},
    ),
    _Spec(
        "outcome-holiday", K.OUTCOME, "Minimize the effort of working out holiday pay",
        source=SURVEY, importance=7, satisfaction=2,
        places={"jtbd": "outcomes", "journey": "onboard.opportunities"},
    ),
    _Spec(
        "outcome-obligations", K.OUTCOME, "Increase confidence that pension and insurance are in order",
        source=SURVEY, importance=6, satisfaction=5,
        places={"jtbd": "outcomes"},
    ),
    # -- Actors of the value exchange ------------------------------------------------------------------------------
    _Spec("owner", K.ACTOR, "Kari, café owner", evidence=SEEN, source=KARI),
    _Spec("employees", K.ACTOR, "Jonas and Amira, her employees", source=KARI),
    _Spec("service", K.ACTOR, "Our payroll service", voice=ORG, evidence=SEEN),
    _Spec("tax-authority", K.ACTOR, "The tax authority", voice=ORG, evidence=TOLD),
    _Spec("accountant", K.ACTOR, "Her accountant", source=ACCOUNTANTS),
)
# fmt: on

#: Actors around a circle, clockwise from the top: partners who exchange a lot sit next to each other.
_NETWORK_RING = ("owner", "service", "tax-authority", "accountant", "employees")
_NETWORK_RADIUS = 340.0

#: Value flows: (slug, from, to, label, tangible).
_FLOWS: tuple[tuple[str, str, str, str, bool], ...] = (
    ("salary", "owner", "employees", "salary", True),
    ("shifts", "employees", "owner", "shifts worked", True),
    ("payslips", "service", "employees", "payslips", True),
    ("fee", "owner", "service", "monthly fee", True),
    ("hours", "owner", "service", "hours and contracts", True),
    ("time-saved", "service", "owner", "time saved, peace of mind", False),
    ("a-melding", "service", "tax-authority", "a-melding every month", True),
    ("tax-cards", "tax-authority", "service", "tax cards", True),
    # Kari pays and reports; nothing comes back to her from the tax authority (the receipt goes to us).
    ("taxes", "owner", "tax-authority", "withholding tax and employer's contribution", True),
    ("reports", "service", "accountant", "payroll reports", True),
    ("referrals", "accountant", "service", "referrals", False),
    ("advice", "accountant", "owner", "advice at year end", False),
)


def _card(spec: _Spec) -> Card:
    return Card(
        id=card_id(spec.slug),
        title=spec.title,
        notes=spec.notes,
        kind=spec.kind,
        voice=spec.voice,
        evidence=spec.evidence,
        source=spec.source,
        tags=spec.tags,
        emotion=spec.emotion,
        importance=spec.importance,
        satisfaction=spec.satisfaction,
        votes=spec.votes,
        rev=DEMO_REV,
    )


def _zone_placements() -> list[Placement]:
    """Each card in its zones, filling each zone's slots in the order the cards are listed."""
    filled: dict[tuple[str, str], int] = {}
    placements = []
    for spec in _CARDS:
        for model, zone in spec.places.items():
            index = filled.get((model, zone), 0)
            filled[(model, zone)] = index + 1
            x, y = slot_offset(index)
            placements.append(Placement(card_id=card_id(spec.slug), model=model, zone=zone, x=x, y=y, rev=DEMO_REV))
    return placements


def _network_placements() -> list[Placement]:
    """The actors on a ring, snapped to the network's grid, with the ring's top-left card at (0, 0)."""
    spots = []
    for i, slug in enumerate(_NETWORK_RING):
        angle = -math.pi / 2 + 2 * math.pi * i / len(_NETWORK_RING)
        spots.append((slug, _NETWORK_RADIUS * math.cos(angle), _NETWORK_RADIUS * math.sin(angle)))
    left = min(x for _, x, _ in spots)
    top = min(y for _, _, y in spots)
    return [
        Placement(
            card_id=card_id(slug),
            model="value-exchange",
            zone="network",
            x=_snap(x - left),
            y=_snap(y - top),
            rev=DEMO_REV,
        )
        for slug, x, y in spots
    ]


def _snap(value: float) -> float:
    return float(round(value / NETWORK_STEP) * NETWORK_STEP)


def build_demo() -> Document:
    """The demo canvas, the same every time."""
    canvas = Canvas(
        id=DEMO_CANVAS_ID,
        title=DEMO_TITLE,
        description=(
            "Three café and shop owners in Oslo hired their first employees this year and ran payroll for the "
            "first time with our service. This canvas collects what we saw in the interviews, what support and "
            "sales told us, and what we only assume. Flip between the models: the journey shows where it hurts "
            "(the first payroll run), the job map what they are really trying to get done, the value exchange "
            "who gives what to whom. Then look at the evidence gauge: the later stages rest on our guesses."
        ),
        models=DEMO_MODELS,
        rev=DEMO_REV,
    )
    links = [
        Link(
            id=f"demo-flow-{slug}",
            source=card_id(source),
            target=card_id(target),
            label=label,
            tangible=tangible,
            rev=DEMO_REV,
        )
        for slug, source, target, label, tangible in _FLOWS
    ]
    return Document.of(
        canvas,
        cards=[_card(spec) for spec in _CARDS],
        placements=[*_zone_placements(), *_network_placements()],
        links=links,
    )
