"""The import workflow: read and check the file (store untouched), plan the merge, apply it in one transaction.

    incoming = read_incoming(path, catalog)          # FileRejected for any problem; nothing opened yet
    plan = plan_import(store, incoming, catalog)     # what would happen (the dry run and the GUI preview)
    apply_import(store, plan)                        # one ChangeSet, one transaction (one undo step in the GUI)

A `.scanvas` file whose canvas is already in the store merges into it; `--as-copy` (and every JSON Canvas or CSV
file, which carry no identity of their own) becomes a new canvas, or joins the canvas named with `--into`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

from canvas.core.catalog import Catalog
from canvas.core.document import Change, ChangeSet, Document
from canvas.core.frameworks import ModelSpec
from canvas.core.model import Canvas
from canvas.exchange.carried import remember_models
from canvas.exchange.copying import fresh_copy
from canvas.exchange.jsoncanvas_read import read_jsoncanvas
from canvas.exchange.limits import DEFAULT_LIMITS, FileRejected, Limits, Problem, read_capped
from canvas.exchange.merge import MergeResult, merge
from canvas.exchange.scanvas_read import read_scanvas
from canvas.exchange.tabular import read_interview_notes
from canvas.store import Store, StoreError
from canvas.store.backup import back_up


class FileFormat(StrEnum):
    SCANVAS = "scanvas"
    JSONCANVAS = "jsoncanvas"
    CSV = "csv"


#: What a file's name says it holds.
IMPORT_SUFFIXES = {".scanvas": FileFormat.SCANVAS, ".canvas": FileFormat.JSONCANVAS, ".csv": FileFormat.CSV}


@dataclass(frozen=True)
class Incoming:
    """A file read and checked, ready to import: nothing in the store has been touched."""

    name: str
    format: FileFormat
    document: Document
    #: Model definitions the file carries (a .scanvas file carries every model it uses).
    models: dict[str, ModelSpec] = field(default_factory=dict)
    #: Things left out on the way, each with its place (e.g. an edge that joins a group).
    notes: tuple[str, ...] = ()

    @property
    def has_identity(self) -> bool:
        """True if the file's ids mean something here (a .scanvas file): it can merge into its own canvas."""
        return self.format is FileFormat.SCANVAS


class Mode(StrEnum):
    MERGE = "merge"  # into the canvas with the file's id
    INTO = "into"  # into another canvas, named with --into
    NEW = "new"  # as a canvas new to the store


@dataclass(frozen=True)
class ImportPlan:
    """What an import does: the merge result (counts, conflicts, one change set) and the models to remember."""

    incoming: Incoming
    mode: Mode
    result: MergeResult
    carried: tuple[ModelSpec, ...] = ()
    notes: tuple[str, ...] = ()
    #: For a canvas new to the store: the canvas itself, saved whole (the change set says the same, record by record).
    new_canvas: Document | None = None

    @property
    def changes(self) -> ChangeSet:
        return self.result.changes


def file_format(path: Path) -> FileFormat:
    found = IMPORT_SUFFIXES.get(path.suffix.lower())
    if found is None:
        known = ", ".join(IMPORT_SUFFIXES)
        problem = Problem("", f"cannot tell what the file holds from its name (import reads {known})")
        raise FileRejected(path.name, [problem])
    return found


def read_incoming(path: Path, catalog: Catalog, limits: Limits = DEFAULT_LIMITS) -> Incoming:
    """Read and check `path` completely. Raises FileRejected naming every problem and its place."""
    kind = file_format(path)
    data = read_capped(path, limits)
    title = _title_from(path)
    if kind is FileFormat.SCANVAS:
        content = read_scanvas(data, path.name, catalog.models, limits)
        return Incoming(path.name, kind, content.document, content.models)
    if kind is FileFormat.JSONCANVAS:
        imported = read_jsoncanvas(data, path.name, title, catalog.models, limits)
        return Incoming(path.name, kind, imported.document, notes=imported.notes)
    return Incoming(path.name, kind, read_interview_notes(data, path.name, title, limits))


def plan_import(
    store: Store, incoming: Incoming, catalog: Catalog, *, into: str | None = None, as_copy: bool = False
) -> ImportPlan:
    """What importing `incoming` would do, computed without writing anything."""
    document = incoming.document
    if as_copy or not incoming.has_identity:
        title = _free_title(store, document.canvas.title, "copy" if as_copy else "")
        document = fresh_copy(document, title)
    local: Document | None = None
    mode = Mode.NEW
    if into is not None:
        local = store.load(store.find_canvas(into))
        mode = Mode.MERGE if local.canvas.id == document.canvas.id else Mode.INTO
    elif incoming.has_identity and not as_copy:
        local = _existing(store, document.canvas.id)
        mode = Mode.NEW if local is None else Mode.MERGE
    result = merge(local, document)
    if mode is Mode.INTO and local is not None:
        result = _enable_models(result, local, document)
    installed = set(catalog.models)
    carried = tuple(spec for model_id, spec in sorted(incoming.models.items()) if model_id not in installed)
    notes = list(incoming.notes)
    notes += catalog.with_models(incoming.models.values()).problems[len(catalog.problems) :]
    new_canvas = document if mode is Mode.NEW else None
    return ImportPlan(incoming, mode, result, carried, tuple(notes), new_canvas)


def apply_import(store: Store, plan: ImportPlan) -> None:
    """Write the plan in one transaction: the change set, and the definitions of models not installed here."""
    back_up_before_merge(store, plan)
    with store.transaction():
        if plan.new_canvas is not None:
            store.save_document(plan.new_canvas)
        else:
            store.apply(plan.result.canvas_id, plan.changes)
        remember_models(store, plan.carried)


def back_up_before_merge(store: Store, plan: ImportPlan) -> Path | None:
    """A merge rewrites records the store already holds: first keep a copy of the store as it is (None for a new
    canvas, which changes nothing already there). StoreError if the copy cannot be written."""
    if plan.new_canvas is not None or not plan.changes:
        return None
    return back_up(store.path, "before import")


def _existing(store: Store, canvas_id: str) -> Document | None:
    # A canvas the store holds, deleted or not: a file of it must merge, never be added a second time.
    try:
        return store.load(canvas_id)
    except StoreError:
        if store.has_canvas(canvas_id):
            raise
        return None


def _title_from(path: Path) -> str:
    title = " ".join(path.stem.replace("_", " ").split()) or "Imported canvas"
    return title[:200]


def _free_title(store: Store, title: str, word: str) -> str:
    """`title`, or "title (copy)" / "title (2)" if a canvas already has it: titles name canvases on the CLI."""
    taken = {summary.title for summary in store.list_canvases()}
    for number in range(1, 1000):
        if number == 1:
            candidate = title
        elif word:
            candidate = f"{title} ({word})" if number == 2 else f"{title} ({word} {number - 1})"
        else:
            candidate = f"{title} ({number})"
        if candidate not in taken:
            return candidate[:200]
    return title


def _enable_models(result: MergeResult, local: Document, incoming: Document) -> MergeResult:
    """Merging into another canvas: enable there the models the incoming cards are placed in, so they show."""
    used = {p.model for p in incoming.placements.values() if not p.deleted}
    missing = tuple(sorted(used - set(local.canvas.models)))
    if not missing:
        return result
    canvas = local.canvas.revised(models=(*local.canvas.models, *missing))
    enable = Change(Canvas.table, canvas.key, local.canvas, canvas)
    return replace(result, changes=ChangeSet((enable, *result.changes.changes)), updated=result.updated + 1)


def describe_plan(plan: ImportPlan, *, dry_run: bool = False) -> str:
    """The summary a person reads after (or, for a dry run, before) an import."""
    result = plan.result
    name, title = plan.incoming.name, result.canvas_title
    where = {
        Mode.NEW: f"as a new canvas '{title}' (id {result.canvas_id})",
        Mode.MERGE: f"into canvas '{title}' (merged by revision)",
        Mode.INTO: f"into canvas '{title}'",
    }[plan.mode]
    counts = [f"{result.added} added", f"{result.updated} updated", f"{result.deleted} deleted"]
    conflicts = len(result.conflicts)
    counts.append(f"{conflicts} conflict" if conflicts == 1 else f"{conflicts} conflicts")
    if dry_run:
        head = f"Dry run, nothing changed: importing {name} {where} would give {', '.join(counts)}."
    elif not result.changes:
        head = f"Nothing to import from {name}: canvas '{title}' already holds everything in it."
    else:
        head = f"Imported {name} {where}: {', '.join(counts)}."
    lines = [head]
    lines += [f"  conflict: {conflict}" for conflict in result.conflicts]
    lines += [f"  model kept with the canvas (not installed here): '{spec.id}' ({spec.name})" for spec in plan.carried]
    lines += [f"  note: {note}" for note in plan.notes]
    return "\n".join(lines)
