"""The scale bench runs end to end on a small canvas and reports every figure beside its floor. Its budgets are the
bench's business: nothing here asserts a timing."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUN = ROOT / "bench" / "run.py"
TIMED = ("open", "flip", "frame_out", "frame_in", "drag")


def load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("scale_bench_run", RUN)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_importing_the_bench_starts_nothing() -> None:
    before = set(sys.modules)
    bench = load_bench()

    assert not {"scale_window", "scale_floor", "scale_canvas"} & (set(sys.modules) - before), "measuring is lazy"
    assert set(bench.BUDGETS_MS) == set(TIMED)
    assert bench.budget_for("open", 200) == 150.0 and bench.budget_for("open", 10_000) == 500.0
    assert bench.budget_for("frame_in", 80_000) == 10.0, "past the last column, the last budget holds"


@pytest.mark.slow
def test_the_bench_at_200_cards_reports_every_figure_beside_its_floor() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    args = ["--sizes", "200", "--repeats", "1", "--startup-runs", "1", "--json"]
    done = subprocess.run(
        [sys.executable, str(RUN), *args], capture_output=True, text=True, timeout=600, env=env, check=False
    )
    assert done.returncode == 0, done.stderr

    result = json.loads(done.stdout)
    assert {"machine", "sizes", "startup", "memory", "misses", "misses_at_reference_speed"} <= set(result)
    assert result["machine"]["reference_ms"] > 0 and result["machine"]["cpus"] >= 1
    figures = result["sizes"]["200"]
    assert figures["cards"] == 200
    for key in TIMED:
        row = figures[key]
        assert {"ms", "wall_ms", "floor_ms", "ratio", "budget_ms", "met", "ms_at_reference_speed"} <= set(row), key
        assert row["ms"] > 0 and row["floor_ms"] > 0
    assert 0 < figures["visible_in"] <= 200
    assert result["startup"]["cards"] > 0 and result["startup"]["floor_ms"] > 0
    assert result["memory"]["cards"] == 200 and result["memory"]["rss_mb"] > result["memory"]["floor_rss_mb"] / 4
    assert set(result["misses"]) == {name for name in ("startup", "memory") if not result[name]["met"]} | {
        f"{key} at 200" for key in TIMED if not figures[key]["met"]
    }
