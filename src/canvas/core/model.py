"""The records a canvas is made of: Canvas, Card, Placement, Link and per-canvas model settings.

Every record is immutable and versioned: `rev` changes on every edit and `history` keeps the revisions it
replaced, so a merge can tell "changed here, there, or both". A deletion is a record too (a tombstone with
`deleted=True`), so deletions travel through files and merges like any other edit.
"""

from __future__ import annotations

import secrets
from enum import StrEnum
from typing import Annotated, Any, ClassVar, Self

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

#: How many earlier revisions a record remembers. Enough for any realistic divergence between two copies.
HISTORY_DEPTH = 32

Id = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")]
Title = Annotated[str, StringConstraints(min_length=1, max_length=500)]
Text = Annotated[str, StringConstraints(max_length=20_000)]
Tag = Annotated[str, StringConstraints(min_length=1, max_length=80)]
Colour = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]


class CardKind(StrEnum):
    """What a card states. One colour family per kind in the UI."""

    SITUATION = "situation"
    NEED = "need"
    PAIN = "pain"
    GAIN = "gain"
    JOB = "job"
    OUTCOME = "outcome"
    QUOTE = "quote"
    IDEA = "idea"
    ACTOR = "actor"
    TOUCHPOINT = "touchpoint"
    QUESTION = "question"


class Voice(StrEnum):
    """Whose perspective a card states."""

    CUSTOMER = "customer"
    ORGANIZATION = "organization"


class Evidence(StrEnum):
    """How we know: seen with customers, told by them, or assumed by us."""

    OBSERVED = "observed"
    REPORTED = "reported"
    ASSUMED = "assumed"


class Side(StrEnum):
    """Which side of the relationship a zone (or a perspective) belongs to."""

    CUSTOMER = "customer"
    ORGANIZATION = "organization"
    SHARED = "shared"


def new_id() -> str:
    """A stable, random, URL-safe id for a new record."""
    return secrets.token_hex(8)


def new_rev(previous: str | None) -> str:
    """A new revision: an edit counter (for people reading files) and a random token (for uniqueness)."""
    count = int(previous.split("-", 1)[0]) + 1 if previous else 1
    return f"{count}-{secrets.token_hex(4)}"


class Record(BaseModel):
    """Common shape of every versioned record."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=False)

    #: The record's table name, used in change sets and by the store.
    table: ClassVar[str] = ""

    rev: str = Field(default_factory=lambda: new_rev(None), max_length=40)
    history: tuple[str, ...] = Field(default=(), max_length=HISTORY_DEPTH)
    deleted: bool = False

    @property
    def key(self) -> str:
        raise NotImplementedError

    def revised(self, **changes: Any) -> Self:
        """This record with `changes` applied and a fresh revision that remembers the current one."""
        history = (self.rev, *self.history)[:HISTORY_DEPTH]
        return self.model_copy(update={**changes, "rev": new_rev(self.rev), "history": history})

    def descends_from(self, other: Record) -> bool:
        """True if this record is `other` or a later edit of it."""
        return self.rev == other.rev or other.rev in self.history

    def same_content(self, other: Record) -> bool:
        """True if both records say the same thing, whatever their revisions."""
        skip = {"rev", "history"}
        return self.model_dump(exclude=skip) == other.model_dump(exclude=skip)


class Card(Record):
    """A customer situation (or need, pain, quote, actor…) as the team captured it."""

    table: ClassVar[str] = "cards"

    id: Id = Field(default_factory=new_id)
    title: Title
    notes: Text = ""
    kind: CardKind = CardKind.SITUATION
    voice: Voice = Voice.CUSTOMER
    evidence: Evidence = Evidence.ASSUMED
    source: Annotated[str, StringConstraints(max_length=300)] = ""
    tags: tuple[Tag, ...] = Field(default=(), max_length=50)
    colour: Colour | None = None
    emotion: int | None = Field(default=None, ge=-2, le=2)
    importance: int | None = Field(default=None, ge=1, le=10)
    satisfaction: int | None = Field(default=None, ge=1, le=10)
    votes: int = Field(default=0, ge=0, le=10_000)
    #: Set on a card kept from a merge conflict: the id of the card it competes with.
    conflict_of: Id | None = None

    @property
    def key(self) -> str:
        return self.id

    @property
    def rests_on_customer_evidence(self) -> bool:
        """Observed or reported, in the customer's voice: what the evidence gauge counts as customer evidence."""
        return self.voice is Voice.CUSTOMER and self.evidence is not Evidence.ASSUMED


#: Card fields a person edits (the inspector, `canvas card edit`, CSV import).
CARD_FIELDS: tuple[str, ...] = (
    "title",
    "notes",
    "kind",
    "voice",
    "evidence",
    "source",
    "tags",
    "colour",
    "emotion",
    "importance",
    "satisfaction",
    "votes",
    "conflict_of",
)


class Placement(Record):
    """Where a card sits in one model: a zone, and its offset from the zone's top-left corner."""

    table: ClassVar[str] = "placements"

    card_id: Id
    model: Id
    zone: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    x: float = Field(default=0.0, allow_inf_nan=False)
    y: float = Field(default=0.0, allow_inf_nan=False)

    @property
    def key(self) -> str:
        return placement_key(self.card_id, self.model)


def placement_key(card_id: str, model: str) -> str:
    return f"{card_id}@{model}"


class Link(Record):
    """A directed relation between two cards; in the value-exchange model, a flow of value."""

    table: ClassVar[str] = "links"

    id: Id = Field(default_factory=new_id)
    source: Id
    target: Id
    label: Annotated[str, StringConstraints(max_length=200)] = ""
    tangible: bool = True

    @property
    def key(self) -> str:
        return self.id


class ZoneLabel(BaseModel):
    """A per-canvas column (e.g. a journey stage) replacing or extending a model's default columns."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: Annotated[str, StringConstraints(min_length=1, max_length=60, pattern=r"^[a-z0-9_-]+$")]
    label: Annotated[str, StringConstraints(min_length=1, max_length=80)]


class ModelSettings(Record):
    """A canvas's own settings for one model, e.g. the journey map's stages."""

    table: ClassVar[str] = "model_settings"

    model: Id
    #: For grid models: the columns this canvas uses instead of the model's defaults (None: the defaults).
    columns: tuple[ZoneLabel, ...] | None = Field(default=None, max_length=40)

    @property
    def key(self) -> str:
        return self.model


class Canvas(Record):
    """A named workspace holding cards, links, and the models enabled for it."""

    table: ClassVar[str] = "canvases"

    id: Id = Field(default_factory=new_id)
    title: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    description: Text = ""
    #: Enabled model ids, in the order the model switcher shows them.
    models: tuple[Id, ...] = ("journey", "jtbd", "value-exchange")

    @property
    def key(self) -> str:
        return self.id


RECORD_TYPES: dict[str, type[Record]] = {cls.table: cls for cls in (Canvas, Card, Placement, Link, ModelSettings)}
