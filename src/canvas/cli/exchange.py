"""`canvas export`, `canvas validate` and `canvas import`: canvas files in and out of the store.

A file to import is read and checked completely before the store is opened, so a bad file can never change it.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from canvas.cli.common import (
    CliError,
    Subparsers,
    UsageError,
    add_command,
    installed_catalog,
    load_canvas,
    opened_store,
    print_json,
    store_catalog,
    store_path_of,
)
from canvas.core.catalog import Catalog
from canvas.core.model import Side
from canvas.exchange.exporting import (
    ExportError,
    ExportFormat,
    default_model,
    export_bytes,
    format_for,
    write_atomically,
)
from canvas.exchange.scanvas_write import MissingModels
from canvas.store import Store

if TYPE_CHECKING:
    # Reading files loads with `canvas validate` and `canvas import`, not with every `canvas` (the desktop app's
    # start too): the export formats are needed to list them, the importers are not.
    from canvas.exchange.limits import FileRejected


def register(subparsers: Subparsers) -> None:
    export = add_command(subparsers, "export", "write a canvas to a file: .scanvas, .canvas, .md, .csv or a picture")
    export.add_argument("canvas", metavar="CANVAS", help="canvas id or unique title")
    export.add_argument("file", metavar="FILE", type=Path, nargs="?", help="the file to write (or give it with -o)")
    export.add_argument("-o", "--output", type=Path, metavar="FILE", help="the file to write")
    export.add_argument(
        "--format",
        choices=[fmt.value for fmt in ExportFormat],
        help="what to write (default: from the file's extension)",
    )
    export.add_argument("--model", metavar="M", help="the model view to export (default: the canvas's first)")
    export.add_argument(
        "--side",
        choices=[side.value for side in Side],
        help="whose side the view is seen from (default: both)",
    )
    export.set_defaults(handler=export_canvas)

    validate = add_command(subparsers, "validate", "check a .scanvas, .canvas or .csv file; list every problem")
    validate.add_argument("file", metavar="FILE", type=Path)
    validate.set_defaults(handler=validate_file)

    imported = add_command(subparsers, "import", "import a .scanvas file (merging it), a .canvas or a .csv file")
    imported.add_argument("file", metavar="FILE", type=Path)
    imported.add_argument("--into", metavar="CANVAS", help="merge into this canvas (id or unique title)")
    imported.add_argument("--as-copy", action="store_true", help="import as a new canvas with fresh ids")
    imported.add_argument("--dry-run", action="store_true", help="show what would change, change nothing")
    imported.set_defaults(handler=import_file)


def _catalog_with_carried(store: Store) -> Catalog:
    return store_catalog(store)


# -- export -----------------------------------------------------------------------------------------------------


def export_canvas(args: argparse.Namespace) -> int:
    if (args.file is None) == (args.output is None):
        raise UsageError("say once where to write: canvas export CANVAS FILE (or -o FILE)")
    args.output = args.output or args.file
    out: Path = args.output
    try:
        fmt = format_for(out, args.format)
    except ExportError as error:
        raise UsageError(str(error)) from None
    if (args.model or args.side) and fmt in (ExportFormat.SCANVAS, ExportFormat.CSV):
        raise UsageError(f"--model and --side choose a view; a {fmt.value} export holds the whole canvas")
    if fmt.is_picture:
        return _export_picture(args, fmt)
    side = Side(args.side) if args.side else None
    with opened_store(args) as store:
        document = load_canvas(store, args.canvas)
        models = _catalog_with_carried(store).models
    try:
        data = export_bytes(document, models, fmt, args.model, side)
    except (ExportError, MissingModels) as error:
        raise CliError(str(error)) from None
    try:
        write_atomically(out, data)
    except OSError as error:
        raise CliError(f"cannot write {out}: {error.strerror or error}") from None
    cards = len(document.live_cards())
    if args.json:
        print_json({"path": str(out), "format": fmt.value, "canvas": document.canvas.id, "cards": cards})
    else:
        view = ""
        if fmt is ExportFormat.JSONCANVAS:
            view = f", the {args.model or default_model(document, models)} view"
        print(f"wrote {out} ({fmt.value}{view}) from canvas '{document.canvas.title}'")
    return 0


def _export_picture(args: argparse.Namespace, fmt: ExportFormat) -> int:
    try:
        render = importlib.import_module("canvas.ui.render")
    except ModuleNotFoundError as error:
        if error.name is not None and not error.name.startswith(("canvas", "PySide6")):
            raise
        raise CliError("picture export needs the desktop renderer, which is not installed here") from None
    with opened_store(args) as store:
        canvas_id = store.find_canvas(args.canvas)
    try:
        render.export_picture(store_path_of(args), canvas_id, args.model, args.side, fmt.value, args.output)
    except (ValueError, OSError) as error:
        raise CliError(str(error)) from None
    if args.json:
        print_json({"path": str(args.output), "format": fmt.value, "canvas": canvas_id})
    else:
        print(f"wrote {args.output} ({fmt.value})")
    return 0


# -- validate ---------------------------------------------------------------------------------------------------


def validate_file(args: argparse.Namespace) -> int:
    from canvas.exchange.importing import read_incoming
    from canvas.exchange.limits import FileRejected

    try:
        incoming = read_incoming(args.file, installed_catalog())
    except FileRejected as rejected:
        if args.json:
            problems = [{"place": p.place, "message": p.message} for p in rejected.problems]
            print_json({"file": str(args.file), "valid": False, "problems": problems})
        else:
            _print_rejected(rejected)
        return 1
    document = incoming.document
    summary: dict[str, Any] = {
        "file": str(args.file),
        "valid": True,
        "format": incoming.format.value,
        "canvas": document.canvas.title,
        "cards": len(document.live_cards()),
        "links": len(document.live_links()),
        "models": sorted(incoming.models),
    }
    if args.json:
        print_json(summary)
    else:
        defined = f"; models defined in it: {', '.join(summary['models'])}" if summary["models"] else ""
        print(
            f"{args.file}: valid ({incoming.format.value}): canvas '{document.canvas.title}', "
            f"{_count(summary['cards'], 'card')}, {_count(summary['links'], 'link')}{defined}"
        )
        for note in incoming.notes:
            print(f"  note: {note}")
    return 0


# -- import -----------------------------------------------------------------------------------------------------


def import_file(args: argparse.Namespace) -> int:
    if args.as_copy and args.into:
        raise UsageError("--as-copy makes a new canvas and --into names an existing one: choose one")
    from canvas.exchange.importing import apply_import, describe_plan, plan_import, read_incoming
    from canvas.exchange.limits import FileRejected

    try:
        incoming = read_incoming(args.file, installed_catalog())
    except FileRejected as rejected:
        _print_rejected(rejected, prefix="nothing imported: ")
        return 1
    with opened_store(args) as store:
        plan = plan_import(store, incoming, _catalog_with_carried(store), into=args.into, as_copy=args.as_copy)
        if not args.dry_run:
            apply_import(store, plan)
    if args.json:
        print_json(plan.result.as_json())
    else:
        print(describe_plan(plan, dry_run=args.dry_run))
    return 0


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _print_rejected(rejected: FileRejected, prefix: str = "") -> None:
    print(f"canvas: {prefix}{rejected.describe()}", file=sys.stderr)


__all__ = ["register"]
