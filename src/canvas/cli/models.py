"""`canvas models`: the sensemaking models available (built-in and the user's own)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from canvas.cli.common import Subparsers, add_command, installed_catalog, print_json
from canvas.paths import builtin_models_dir


def register(subparsers: Subparsers) -> None:
    parser = add_command(subparsers, "models", "list the available sensemaking models (built-in and user)")
    parser.set_defaults(handler=list_models)


def list_models(args: argparse.Namespace) -> int:
    catalog = installed_catalog()
    builtin = builtin_models_dir().resolve()
    rows: list[dict[str, Any]] = []
    for spec in catalog.models.values():
        source = catalog.source(spec.id)
        origin = "built-in" if source is not None and source.resolve().parent == builtin else "user"
        rows.append(
            {
                "id": spec.id,
                "name": spec.name,
                "layout": spec.layout,
                "origin": origin,
                "zones": list(spec.zones()),
                "description": spec.description,
                "file": str(source) if source is not None else None,
            }
        )
    if args.json:
        print_json({"models": rows, "problems": catalog.problems})
    else:
        width = max((len(row["id"]) for row in rows), default=0)
        for row in rows:
            zones = len(row["zones"])
            noun = "zone" if zones == 1 else "zones"
            print(f"{row['id']:<{width}}  {row['name']}  ({row['layout']}, {zones} {noun}, {row['origin']})")
    for problem in catalog.problems:
        print(f"canvas: skipped a model file: {problem}", file=sys.stderr)
    return 0
