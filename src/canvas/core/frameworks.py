"""Sensemaking model specs ("frameworks"): what a model file says, validated, and how zones are named.

A model is data: a *grid* (columns × rows, e.g. journey stages × lanes), *regions* (named areas on a cell grid,
e.g. forces of progress), or a *network* (actors and flows). Zones carry a guiding question, a colour, the side
they belong to, and the card kinds that usually go there (used to suggest placements).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from canvas.core.model import CardKind, Colour, ModelSettings, Side, ZoneLabel

ZoneId = Annotated[str, StringConstraints(min_length=1, max_length=60, pattern=r"^[a-z0-9_-]+$")]
ModelId = Annotated[str, StringConstraints(min_length=1, max_length=60, pattern=r"^[a-z0-9_-]+$")]
Label = Annotated[str, StringConstraints(min_length=1, max_length=80)]
Question = Annotated[str, StringConstraints(max_length=300)]

#: Separator between a grid's column id and row id in a zone id: "renew.feeling".
GRID_SEPARATOR = "."
#: The one zone of a network model.
NETWORK_ZONE = "network"
#: Zones made for this many (spec, settings record) pairs are kept (see `ModelSpec.zones`).
ZONES_KEPT = 64


class _Spec(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ZoneSpec(_Spec):
    """A column, row or region: its id, label, guiding question, colour, side and usual card kinds."""

    id: ZoneId
    label: Label
    question: Question = ""
    colour: Colour | None = None
    side: Side = Side.SHARED
    kinds: tuple[CardKind, ...] = ()


class GridSpec(_Spec):
    """Columns × rows. `columns_editable` lets each canvas set its own columns (journey stages)."""

    column_noun: Label = "column"
    columns_editable: bool = False
    columns: tuple[ZoneSpec, ...] = Field(min_length=1, max_length=40)
    rows: tuple[ZoneSpec, ...] = Field(min_length=1, max_length=40)
    #: The row whose cards' emotion scores draw a curve across the columns (journey map: "feeling").
    emotion_row: ZoneId | None = None

    @model_validator(mode="after")
    def _unique_ids(self) -> GridSpec:
        _require_unique("column", [c.id for c in self.columns])
        _require_unique("row", [r.id for r in self.rows])
        if self.emotion_row is not None and self.emotion_row not in {r.id for r in self.rows}:
            raise ValueError(f"emotion_row '{self.emotion_row}' is not one of the rows")
        return self


class RegionSpec(ZoneSpec):
    """A named area on a cell grid: it starts at (col, row) and spans `cols` × `rows` cells."""

    col: int = Field(ge=0, le=40)
    row: int = Field(ge=0, le=40)
    cols: int = Field(default=1, ge=1, le=40)
    rows: int = Field(default=1, ge=1, le=40)
    #: Outcome regions: their cards show the opportunity score and the top ones are highlighted.
    scores_opportunity: bool = False


class RegionsSpec(_Spec):
    regions: tuple[RegionSpec, ...] = Field(min_length=1, max_length=60)

    @model_validator(mode="after")
    def _no_overlap(self) -> RegionsSpec:
        _require_unique("region", [r.id for r in self.regions])
        taken: dict[tuple[int, int], str] = {}
        for region in self.regions:
            for col in range(region.col, region.col + region.cols):
                for row in range(region.row, region.row + region.rows):
                    other = taken.setdefault((col, row), region.id)
                    if other != region.id:
                        raise ValueError(f"regions '{other}' and '{region.id}' overlap at cell {col},{row}")
        return self


class NetworkSpec(_Spec):
    """Actors as nodes, flows as labelled directed edges."""

    node_kinds: tuple[CardKind, ...] = (CardKind.ACTOR,)
    flow_labels: tuple[Label, ...] = ()
    question: Question = ""


class ModelSpec(_Spec):
    """One sensemaking model, as read from a model file."""

    format: Literal["sensemaking-model"] = "sensemaking-model"
    version: Literal[1] = 1
    id: ModelId
    name: Label
    short_name: Annotated[str, StringConstraints(min_length=1, max_length=24)] | None = None
    description: Annotated[str, StringConstraints(max_length=2000)] = ""
    layout: Literal["grid", "regions", "network"]
    grid: GridSpec | None = None
    regions: RegionsSpec | None = None
    network: NetworkSpec | None = None

    @model_validator(mode="after")
    def _layout_matches(self) -> ModelSpec:
        given = {name for name in ("grid", "regions", "network") if getattr(self, name) is not None}
        if given != {self.layout}:
            raise ValueError(
                f"layout is '{self.layout}', so the model needs a [{self.layout}] section and no other "
                f"(found: {', '.join(sorted(given)) or 'none'})"
            )
        return self

    @property
    def title(self) -> str:
        """The name the model switcher shows."""
        return self.short_name or self.name

    def columns(self, settings: ModelSettings | None = None) -> tuple[ZoneSpec, ...]:
        """A grid's columns for one canvas: the canvas's own (e.g. its journey stages) or the defaults."""
        assert self.grid is not None, f"{self.id} is not a grid"
        if settings is None or settings.columns is None or not self.grid.columns_editable:
            return self.grid.columns
        defaults = {column.id: column for column in self.grid.columns}
        return tuple(_column_from(label, defaults.get(label.id)) for label in settings.columns)

    def zones(self, settings: ModelSettings | None = None) -> dict[str, ZoneSpec]:
        """Every zone a card can be placed in, by zone id, in reading order.

        Made once per spec and settings record and kept (the dict returned is a copy): the gauge, the inspector and
        layouts ask on every edit, and making a journey's 42 zones costs ~0.3 ms on a slow machine."""
        key = (id(self), id(settings))
        kept = _ZONES_MADE.get(key)
        if kept is None or kept[0] is not self or kept[1] is not settings:
            if len(_ZONES_MADE) >= ZONES_KEPT:
                _ZONES_MADE.clear()
            kept = _ZONES_MADE[key] = (self, settings, self._make_zones(settings))
        return dict(kept[2])

    def _make_zones(self, settings: ModelSettings | None) -> dict[str, ZoneSpec]:
        if self.grid is not None:
            result: dict[str, ZoneSpec] = {}
            for row in self.grid.rows:
                for column in self.columns(settings):
                    zone_id = grid_zone(column.id, row.id)
                    result[zone_id] = ZoneSpec(
                        id=row.id,
                        label=f"{column.label} · {row.label}",
                        question=row.question or column.question,
                        colour=row.colour or column.colour,
                        side=row.side if row.side is not Side.SHARED else column.side,
                        kinds=row.kinds or column.kinds,
                    )
            return result
        if self.regions is not None:
            return {region.id: region for region in self.regions.regions}
        assert self.network is not None
        return {
            NETWORK_ZONE: ZoneSpec(
                id=NETWORK_ZONE,
                label=self.name,
                question=self.network.question,
                kinds=self.network.node_kinds,
            )
        }

    def zone_for_kind(self, kind: CardKind, settings: ModelSettings | None = None) -> str | None:
        """The first zone that usually holds cards of `kind` (for "suggest"), or None."""
        for zone_id, zone in self.zones(settings).items():
            if kind in zone.kinds:
                return zone_id
        return None


def grid_zone(column: str, row: str) -> str:
    return f"{column}{GRID_SEPARATOR}{row}"


def split_grid_zone(zone: str) -> tuple[str, str]:
    column, _, row = zone.partition(GRID_SEPARATOR)
    return column, row


def _column_from(label: ZoneLabel, default: ZoneSpec | None) -> ZoneSpec:
    if default is None:
        return ZoneSpec(id=label.id, label=label.label)
    return default.model_copy(update={"label": label.label})


def _require_unique(what: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for zone_id in ids:
        if zone_id in seen:
            raise ValueError(f"two {what}s have the id '{zone_id}'")
        seen.add(zone_id)


#: ModelSpec.zones's memo, by the identities of the spec and the settings record. Kept outside the specs: pydantic
#: compares and copies a model's __dict__, and a memo there made equal specs compare their memos (and copies share
#: it). The entries hold the spec and the record, so an id is not reused while its entry lives.
_ZONES_MADE: dict[tuple[int, int], tuple[ModelSpec, ModelSettings | None, dict[str, ZoneSpec]]] = {}
