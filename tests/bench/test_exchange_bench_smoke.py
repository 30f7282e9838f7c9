"""The exchange bench runs end to end on a small canvas and reports each step beside the json.loads floor, in wall
and CPU time. Its budgets are the bench's business: nothing here asserts a timing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STEPS = ("export", "validate", "import", "merge")


@pytest.mark.slow
def test_the_exchange_bench_at_300_cards_reports_every_step() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "exchange_bench.py"), "--cards", "300", "--runs", "1", "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)

    assert figures["cards"] == 300 and figures["placements"] == 900 and figures["links"] == 30
    assert set(figures["budgets"]) == set(STEPS) == set(figures["times_floor"])
    assert set(figures["cpu_ms"]) == {"json.loads", *STEPS}
    assert all(value > 0 for value in figures["cpu_ms"].values())
    assert figures["merge_outcome"]["conflicts"] > 0, "the diverged copies share edited cards"
