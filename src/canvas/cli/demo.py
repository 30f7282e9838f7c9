"""`canvas demo`: store the demo canvas (once) and print its id."""

from __future__ import annotations

import argparse
import sys

from canvas.cli.common import Subparsers, add_command, opened_store, print_json


def register(subparsers: Subparsers) -> None:
    demo = add_command(subparsers, "demo", "create the demo canvas (a payroll workshop) and print its id")
    demo.set_defaults(handler=create_demo)


def create_demo(args: argparse.Namespace) -> int:
    from canvas.core.demo import DEMO_CANVAS_ID, build_demo  # not at the start of every `canvas`

    with opened_store(args) as store:
        existed = store.has_canvas(DEMO_CANVAS_ID)
        if not existed:
            store.save_document(build_demo())
    if existed:
        print(f"canvas: the demo canvas already exists: {DEMO_CANVAS_ID}", file=sys.stderr)
    if args.json:
        print_json({"id": DEMO_CANVAS_ID, "created": not existed})
    else:
        print(DEMO_CANVAS_ID)
    return 0
