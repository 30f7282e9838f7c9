"""The canvas at scale: open, flip, frames, a drag, start-up and memory at 1,000 / 10,000 / 50,000 cards, offscreen,
each beside its bare-Qt floor, against the budgets of issue 5.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/run.py            # a table (make bench)
    .venv/bin/python bench/run.py --json                               # the same figures as JSON
    .venv/bin/python bench/run.py --sizes 1000,10000 --repeats 3       # shorter

Canvases (bench/scale_canvas.py) put every card in every grid and regions model and one in seven in the network;
they are written into a temporary store through canvas.store and opened from there by the app's own code. Figures
are medians of the process's CPU time (offscreen, Qt paints in this thread; CPU time is not inflated by other
programs on a shared machine); wall times are in the JSON. Budgets are checked here, never in tests.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent

#: Budgets in ms by card count (issue 5); a count between two columns gets the next larger column's budget.
BUDGETS_MS: dict[str, dict[int, float]] = {
    "open": {1_000: 150.0, 10_000: 500.0, 50_000: 2500.0},
    "flip": {1_000: 30.0, 10_000: 150.0, 50_000: 600.0},
    "frame_out": {1_000: 8.0, 10_000: 16.0, 50_000: 60.0},
    "frame_in": {1_000: 8.0, 10_000: 8.0, 50_000: 10.0},
    "drag": {1_000: 10.0, 10_000: 10.0, 50_000: 15.0},
}
STARTUP_BUDGET_MS = 1200.0
MEMORY_BUDGET_MB = 300.0
MEMORY_CARDS = 10_000
DEFAULT_SIZES = (1_000, 10_000, 50_000)

#: What each figure is, as the table names it.
NAMES = {
    "open": "open: store → window painted",
    "open_settled": "  … and the window's queued work done",
    "flip": "flip to another model, painted",
    "flip_settled": "  … and the panels updated",
    "frame_out": "frame, zoomed out, all cards",
    "frame_in": "frame, zoomed in (~200 cards)",
    "frame_in_pan": "  … while panning (48 px a frame)",
    "drag": "drag one card: release → saved",
}
FLOORED = ("open", "flip", "frame_out", "frame_in", "frame_in_pan", "drag")


def budget_for(what: str, cards: int) -> float:
    columns = BUDGETS_MS[what]
    larger = [count for count in columns if count >= cards]
    return columns[min(larger)] if larger else columns[max(columns)]


# -- the machine --------------------------------------------------------------------------------------------


class Reference:
    """The store bench's reference task (validating 10,000 cards with pydantic, 25 ms when the budgets were set),
    timed in CPU time whenever asked: the machine's speed drifts during a run on a shared machine."""

    def __init__(self) -> None:
        from pydantic import TypeAdapter

        import store_bench
        from canvas.core.model import Card

        self.document = store_bench.build_canvas(10_000)
        self._data = [card.model_dump() for card in self.document.cards.values()]
        self._adapter = TypeAdapter(list[Card])
        self.then_ms = store_bench.REFERENCE_MS
        self.samples: list[float] = []

    def cpu_ms(self) -> float:
        import statistics

        from scale_timing import sample

        measured = statistics.median(sample(lambda: self._adapter.validate_python(self._data), 5).cpu)
        self.samples.append(measured)
        return measured


def machine(reference: Reference) -> dict[str, Any]:
    """What this machine is and how busy and fast it is now."""
    from PySide6 import __version__ as pyside_version

    import store_bench

    load = os.getloadavg()
    reference_ms = store_bench.reference_task(reference.document)
    reference_cpu_ms = reference.cpu_ms()
    gc.collect()
    return {
        "cpus": os.cpu_count(),
        "load": [round(value, 2) for value in load],
        "python": platform.python_version(),
        "pyside6": pyside_version,
        "reference_ms": round(reference_ms, 1),
        "reference_cpu_ms": round(reference_cpu_ms, 1),
        "reference_ms_then": reference.then_ms,
        "speed": round(reference.then_ms / reference_ms, 2),
        "cpu_speed": round(reference.then_ms / reference_cpu_ms, 2),
    }


# -- one canvas size ----------------------------------------------------------------------------------------


def run_size(app: Any, desktop: Any, catalog: Any, cards: int, repeats: int, folder: Path) -> dict[str, Any]:
    from canvas.store import open_store
    from scale_canvas import big_canvas
    from scale_floor import measure_floor, positions_by_model
    from scale_window import measure_window

    document = big_canvas(catalog, cards)
    store = folder / f"scale-{cards}.sqlite"
    with open_store(store) as opened:
        opened.save_document(document)
    flips = [m for m, spec in catalog.models.items() if spec.network is None and m != "journey"] + ["journey"]
    seen = measure_window(app, desktop, store, document.canvas.id, repeats, flips)
    floor = measure_floor(
        app, store, document.canvas.id, positions_by_model(document, catalog, flips), seen, repeats, folder
    )
    figures: dict[str, Any] = {}
    for key, measured in seen.samples.items():
        row = measured.as_dict()
        if key in floor:
            row["floor_ms"] = round(floor[key].median, 2)
            row["ratio"] = round(measured.median / max(floor[key].median, 1e-3), 2)
        if key in BUDGETS_MS:
            row["budget_ms"] = budget_for(key, cards)
            row["met"] = measured.median <= row["budget_ms"]
        figures[key] = row
    del document
    gc.collect()
    return {"cards": cards, "store": str(store), "canvas": seen.info.get("canvas", ""), **seen.info, **figures}


# -- fresh processes: start-up and memory -------------------------------------------------------------------


def child(*args: str, bytecode: Path) -> tuple[dict[str, Any], dict[str, Any], float]:
    """Run bench/scale_child.py; its two JSON lines (painted, settled) and the wall ms until the first.

    The children keep compiled bytecode in `bytecode`, so the first start compiles the app's modules and the others
    load them, as every start of an installed app does (installing compiles them). Without it, a shell with
    PYTHONDONTWRITEBYTECODE set would have each start compile the app's ~90 modules again (~0.25 s here)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPYCACHEPREFIX": str(bytecode)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, str(BENCH / "scale_child.py"), *args],
            stdout=subprocess.PIPE,
            stderr=errors,
            stdin=subprocess.DEVNULL,
            env=env,
            text=True,
        )
        assert process.stdout is not None
        first = process.stdout.readline()
        wall_ms = (time.perf_counter() - started) * 1000.0
        second = process.stdout.readline()
        process.wait(timeout=300)
        if not first or not second or process.returncode != 0:
            errors.seek(0)
            said = errors.read().decode("utf-8", "replace").strip()
            raise RuntimeError(f"bench/scale_child.py {' '.join(args)} failed ({process.returncode}): {said}")
    return json.loads(first), json.loads(second), wall_ms


def startup(folder: Path, runs: int, viewport: list[int]) -> dict[str, Any]:
    """Start to the first painted window on the demo canvas, in a fresh process each time (the first start creates
    the demo in an empty store and compiles the bytecode; the figure is the median of the starts after it)."""
    import statistics

    store = folder / "demo.sqlite"
    bytecode = folder / "bytecode"
    first, _, first_wall = child("app", str(store), bytecode=bytecode)
    starts = [child("app", str(store), bytecode=bytecode) for _ in range(runs)]
    size = (str(first["cards"]), str(viewport[0]), str(viewport[1]))
    floors = [child("floor", *size, bytecode=bytecode) for _ in range(runs)]
    measured = statistics.median(s[0]["cpu_ms"] for s in starts)
    floor = statistics.median(f[0]["cpu_ms"] for f in floors)
    return {
        "ms": round(measured, 1),
        "wall_ms": round(statistics.median(s[2] for s in starts), 1),
        "first_start_ms": round(first["cpu_ms"], 1),
        "first_start_wall_ms": round(first_wall, 1),
        "cards": first["cards"],
        "floor_ms": round(floor, 1),
        "floor_wall_ms": round(statistics.median(f[2] for f in floors), 1),
        "ratio": round(measured / floor, 2),
        "budget_ms": STARTUP_BUDGET_MS,
        "met": measured <= STARTUP_BUDGET_MS,
        "runs": runs,
        "how": "a fresh process per start: interpreter start → Desktop.open → first paint of the canvas view "
        "(bytecode compiled by the first start, loaded by the others)",
    }


def memory(store: Path, cards: int, viewport: list[int]) -> dict[str, Any]:
    """Resident memory of a fresh app process with the canvas open and painted (and its queued work done)."""
    bytecode = store.parent / "bytecode"
    painted, settled, _ = child("app", str(store), bytecode=bytecode)
    _, floor, _ = child("floor", str(cards), str(viewport[0]), str(viewport[1]), bytecode=bytecode)
    return {
        "cards": cards,
        "rss_mb": settled["rss_mb"],
        "peak_mb": settled["peak_mb"],
        "rss_painted_mb": painted["rss_mb"],
        "floor_rss_mb": floor["rss_mb"],
        "ratio": round(settled["rss_mb"] / floor["rss_mb"], 2),
        "budget_mb": MEMORY_BUDGET_MB,
        "met": settled["rss_mb"] <= MEMORY_BUDGET_MB,
    }


# -- the whole run ------------------------------------------------------------------------------------------


def run(sizes: list[int], repeats: int, startup_runs: int) -> dict[str, Any]:
    """Every figure for every size, in one process (start-up and memory in fresh child processes)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from canvas.core.catalog import load_catalog
    from canvas.paths import builtin_models_dir
    from canvas.ui.app import OFFSCREEN_NOTES, Desktop, application

    reference = Reference()
    result: dict[str, Any] = {"machine": machine(reference), "timing": "median process CPU time, ms", "sizes": {}}
    app: QApplication = application()
    # What the offscreen platform says about what only a window system can do says nothing about the app.
    qInstallMessageHandler(
        lambda _kind, _context, message: (
            None if message.startswith(OFFSCREEN_NOTES) else print(message, file=sys.stderr)
        )
    )
    catalog = load_catalog(builtin_models_dir(), None)
    desktop = Desktop(catalog, None)
    with tempfile.TemporaryDirectory(prefix="canvas-scale-") as name:
        folder = Path(name)
        for cards in sizes:
            before = reference.cpu_ms()
            figures = run_size(app, desktop, catalog, cards, repeats, folder)
            # The machine's speed while this size was measured: the reference task timed before and after it.
            figures["reference_cpu_ms"] = round((before + reference.cpu_ms()) / 2, 1)
            figures["cpu_speed"] = round(reference.then_ms / figures["reference_cpu_ms"], 2)
            result["sizes"][str(cards)] = figures
        viewport = next(iter(result["sizes"].values()))["viewport"]
        result["startup"] = startup(folder, startup_runs, viewport)
        memory_cards = MEMORY_CARDS if MEMORY_CARDS in sizes else max(sizes)
        result["memory"] = memory(Path(result["sizes"][str(memory_cards)]["store"]), memory_cards, viewport)
        result["startup"]["cpu_speed"] = round(reference.then_ms / reference.cpu_ms(), 2)
    result["machine"]["load_after"] = [round(value, 2) for value in os.getloadavg()]
    result["machine"]["reference_cpu_ms_during"] = [round(value, 1) for value in reference.samples]
    scale_to_reference(result)
    result["misses"] = misses(result)
    result["misses_at_reference_speed"] = misses(result, "met_at_reference_speed")
    return result


def scale_to_reference(result: dict[str, Any]) -> None:
    """An estimate beside each timing: the figure on a machine as fast as when the budgets were set (CPU time ×
    this machine's speed on the reference task). A guide on a busy shared machine, not a measurement."""
    timed = [(row, figures["cpu_speed"]) for figures in result["sizes"].values() for row in figures.values()]
    for row, speed in [*timed, (result["startup"], result["startup"]["cpu_speed"])]:
        if isinstance(row, dict) and "ms" in row and "budget_ms" in row:
            row["ms_at_reference_speed"] = round(row["ms"] * speed, 2)
            row["met_at_reference_speed"] = row["ms_at_reference_speed"] <= row["budget_ms"]
    result["memory"]["met_at_reference_speed"] = result["memory"]["met"]


def misses(result: dict[str, Any], met: str = "met") -> list[str]:
    found = []
    for cards, figures in result["sizes"].items():
        found += [f"{key} at {int(cards):,}" for key in BUDGETS_MS if not figures[key][met]]
    found += [name for name in ("startup", "memory") if not result[name][met]]
    return found


def rows(result: dict[str, Any]) -> list[list[str]]:
    """The table's rows: what, cards, measured, floor, ratio, budget, mark, estimate at reference speed, mark."""
    table = []

    def mark(row: dict[str, Any], key: str) -> str:
        return ("ok" if row[key] else "MISS") if key in row else ""

    for cards, figures in result["sizes"].items():
        for key, name in NAMES.items():
            row = figures[key]
            table.append(
                [
                    name,
                    f"{int(cards):,}",
                    f"{row['ms']:.1f} ms",
                    f"{row['floor_ms']:.1f}" if "floor_ms" in row else "—",
                    f"{row['ratio']:.1f}×" if "ratio" in row else "",
                    f"≤ {row['budget_ms']:g}" if "budget_ms" in row else "",
                    mark(row, "met"),
                    f"{row['ms_at_reference_speed']:.1f}" if "ms_at_reference_speed" in row else "",
                    mark(row, "met_at_reference_speed"),
                ]
            )
    s, r = result["startup"], result["memory"]
    table.append(
        [
            "start → first painted window (demo)",
            f"{s['cards']:,}",
            f"{s['ms']:.0f} ms",
            f"{s['floor_ms']:.0f}",
            f"{s['ratio']:.1f}×",
            f"≤ {s['budget_ms']:g}",
            mark(s, "met"),
            f"{s['ms_at_reference_speed']:.0f}",
            mark(s, "met_at_reference_speed"),
        ]
    )
    table.append(
        [
            "resident memory, window open",
            f"{r['cards']:,}",
            f"{r['rss_mb']:.0f} MB",
            f"{r['floor_rss_mb']:.0f}",
            f"{r['ratio']:.1f}×",
            f"≤ {r['budget_mb']:g}",
            mark(r, "met"),
            "",
            "",
        ]
    )
    return table


HEADINGS = ["what", "cards", "measured", "floor", "ratio", "budget", "", "≈ at ref. speed", ""]


def machine_line(result: dict[str, Any]) -> str:
    m = result["machine"]
    during = m.get("reference_cpu_ms_during") or [m["reference_cpu_ms"]]
    return (
        f"machine: {m['cpus']} CPUs, load {' / '.join(map(str, m['load']))} (1/5/15 min) at start, "
        f"{' / '.join(map(str, m.get('load_after', [])))} at end; reference task (bench/store_bench.py) "
        f"{m['reference_ms']:.0f} ms wall, {m['reference_cpu_ms']:.0f} ms CPU ({m['reference_ms_then']:.0f} ms "
        f"when the budgets were set): speed {m['speed']:.2f}× wall, {m['cpu_speed']:.2f}× CPU at start, reference "
        f"task {min(during):.0f}–{max(during):.0f} ms CPU during the run; Python {m['python']}, PySide6 {m['pyside6']}"
    )


def details(result: dict[str, Any]) -> list[str]:
    lines = []
    for cards, figures in result["sizes"].items():
        opens = " / ".join(f"{ms:.0f}" for ms in figures.get("opens_ms", []))
        lines.append(
            f"{int(cards):,} cards: zoomed in at {figures['zoom_in']:g} with {figures['visible_in']} cards visible, "
            f"zoomed out at {figures['zoom_out']:g}, viewport {figures['viewport'][0]}×{figures['viewport'][1]}; "
            f"machine speed meanwhile {figures['cpu_speed']:.2f}× (reference task "
            f"{figures['reference_cpu_ms']:.0f} ms); each open in turn {opens} ms CPU (the first makes what the "
            "process keeps for later windows: styles, icons)"
        )
    s, r = result["startup"], result["memory"]
    lines.append(
        f"start-up: a fresh process each start, wall {s['wall_ms']:.0f} ms; the first start, which creates the demo: "
        f"{s['first_start_ms']:.0f} ms CPU; machine speed then {s['cpu_speed']:.2f}×"
    )
    lines.append(f"memory: peak {r['peak_mb']:.0f} MB; the floor is a plain view of as many rectangles")
    lines.append("budgets: all met" if not result["misses"] else f"budgets missed: {', '.join(result['misses'])}")
    at_reference = result["misses_at_reference_speed"]
    lines.append(
        "at reference speed (estimate): all met"
        if not at_reference
        else f"at reference speed (estimate), missed: {', '.join(at_reference)}"
    )
    return lines


def table(result: dict[str, Any]) -> str:
    body = rows(result)
    widths = [max(len(row[i]) for row in [HEADINGS, *body]) for i in range(len(HEADINGS))]
    right = {1, 2, 3, 4, 5, 7}

    def line(cells: list[str]) -> str:
        return "  ".join(
            c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        )

    out = [
        "Scale bench: medians of process CPU time; floor = plain QGraphicsRectItems, same counts and viewport, "
        "same run",
        machine_line(result),
        "",
        line(HEADINGS).rstrip(),
        "-" * len(line(HEADINGS)),
    ]
    out += [line(row).rstrip() for row in body]
    return "\n".join([*out, "", *details(result)])


def markdown(result: dict[str, Any]) -> str:
    lines = ["| " + " | ".join(HEADINGS) + " |", "|" + "---|" * len(HEADINGS)]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows(result)]
    return "\n".join([machine_line(result), "", *lines, "", *(f"- {line}" for line in details(result))])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The canvas at scale, beside bare Qt, against the budgets.")
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="card counts, comma-separated")
    parser.add_argument("--repeats", type=int, default=5, help="runs of each measurement (default 5)")
    parser.add_argument("--startup-runs", type=int, default=5, help="fresh processes to start (default 5)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown (for the docs)")
    args = parser.parse_args(argv)
    try:
        sizes = [int(size.replace("_", "")) for size in args.sizes.split(",") if size.strip()]
    except ValueError:
        parser.error(f"--sizes takes card counts separated by commas, e.g. 1000,10000 (not '{args.sizes}')")
    if not sizes or min(sizes) < 10:
        parser.error("--sizes needs card counts of at least 10")
    result = run(sizes, max(args.repeats, 1), max(args.startup_runs, 1))
    if args.json:
        json.dump(result, sys.stdout, indent=2)
        print()
    elif args.markdown:
        print(markdown(result))
    else:
        print(table(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
