"""The native `.scanvas` file, format version 1, as schema classes of its own (not the core records).

The core records may grow and change; these classes say what a version-1 file holds, validate what a teammate
sends, and generate the published JSON Schema (docs/scanvas.schema.json). A newer format gets new classes and an
upgrade function in `migrations.py`; the domain does not move with it.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from canvas.core.frameworks import ModelSpec
from canvas.core.model import CardKind, Evidence, Voice

FORMAT = "sensemaking-canvas"
VERSION = 1
#: The order of the top-level keys in a written file: the marker first so a glance (or `file`) tells what it is.
TOP_LEVEL_ORDER = ("format", "version", "canvas", "models", "model_settings", "cards", "placements", "links")

EntryId = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")]
Revision = Annotated[str, StringConstraints(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9_.:-]+$")]
ModelRef = Annotated[str, StringConstraints(min_length=1, max_length=60, pattern=r"^[a-z0-9_-]+$")]
Colour = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]


class _Entry(BaseModel):
    """Every record in the file: its revision, the revisions it replaced (newest first), and its tombstone.

    Lists are tuples, as in the core records (the JSON Schema is the same): a validated entry's values are then
    exactly a core record's, and the reader builds the record from them without copying or converting.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    rev: Revision = Field(description="This version of the record; changes on every edit.")
    history: tuple[Revision, ...] = Field(
        default=(), max_length=32, description="Earlier revisions of this record, newest first."
    )
    deleted: bool = Field(default=False, description="A tombstone: the record was deleted.")


class CanvasEntry(_Entry):
    id: EntryId
    title: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    description: Annotated[str, StringConstraints(max_length=20_000)] = ""
    models: tuple[ModelRef, ...] = Field(description="Enabled model ids, in the order the model switcher shows them.")


class CardEntry(_Entry):
    id: EntryId
    title: Annotated[str, StringConstraints(min_length=1, max_length=500)]
    notes: Annotated[str, StringConstraints(max_length=20_000)] = ""
    kind: CardKind = CardKind.SITUATION
    voice: Voice = Voice.CUSTOMER
    evidence: Evidence = Evidence.ASSUMED
    source: Annotated[str, StringConstraints(max_length=300)] = ""
    tags: tuple[Annotated[str, StringConstraints(min_length=1, max_length=80)], ...] = Field(default=(), max_length=50)
    colour: Colour | None = None
    # Numbers are strict: a number, never a numeric text ("3") or true/false read as one.
    emotion: int | None = Field(default=None, ge=-2, le=2, strict=True)
    importance: int | None = Field(default=None, ge=1, le=10, strict=True)
    satisfaction: int | None = Field(default=None, ge=1, le=10, strict=True)
    votes: int = Field(default=0, ge=0, le=10_000, strict=True)
    conflict_of: EntryId | None = Field(
        default=None, description="Set on a card kept from a merge conflict: the id of the card it competes with."
    )


class PlacementEntry(_Entry):
    card_id: EntryId
    model: ModelRef
    zone: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    x: float = Field(
        default=0.0,
        allow_inf_nan=False,
        strict=True,
        description="Offset from the zone's content origin, rounded to 0.01.",
    )
    y: float = Field(default=0.0, allow_inf_nan=False, strict=True)


class LinkEntry(_Entry):
    id: EntryId
    source: EntryId
    target: EntryId
    label: Annotated[str, StringConstraints(max_length=200)] = ""
    tangible: bool = True


class ColumnEntry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: Annotated[str, StringConstraints(min_length=1, max_length=60, pattern=r"^[a-z0-9_-]+$")]
    label: Annotated[str, StringConstraints(min_length=1, max_length=80)]


class ModelSettingsEntry(_Entry):
    model: ModelRef
    columns: list[ColumnEntry] | None = Field(
        default=None, max_length=40, description="A grid model's own columns on this canvas (null: the defaults)."
    )


class ScanvasFile(BaseModel):
    """A whole `.scanvas` file: one canvas with everything needed to open it elsewhere and to merge it back."""

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        title="Sensemaking Canvas file (.scanvas), format version 1",
        json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema"},
    )

    format: Literal["sensemaking-canvas"]
    version: Literal[1]
    canvas: CanvasEntry
    models: list[ModelSpec] = Field(
        default=[], description="Full definitions of every model the canvas uses, so it opens without them."
    )
    model_settings: list[ModelSettingsEntry] = []
    cards: list[CardEntry] = Field(default=[], description="Every card, deleted ones (tombstones) included.")
    placements: list[PlacementEntry] = []
    links: list[LinkEntry] = []


#: Which file list holds which core table's records.
ENTRY_TYPES: dict[str, type[_Entry]] = {
    "canvases": CanvasEntry,
    "cards": CardEntry,
    "placements": PlacementEntry,
    "links": LinkEntry,
    "model_settings": ModelSettingsEntry,
}


def json_schema() -> dict[str, Any]:
    """The published JSON Schema of format version 1 (docs/scanvas.schema.json is this, written out)."""
    return ScanvasFile.model_json_schema(mode="validation")


def json_schema_text() -> str:
    return json.dumps(json_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    # `python -m canvas.exchange.scanvas docs/scanvas.schema.json` rewrites the published schema.
    import sys
    from pathlib import Path

    Path(sys.argv[1]).write_text(json_schema_text(), encoding="utf-8")
