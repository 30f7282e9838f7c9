"""Every `canvas` (the desktop app's start too) builds the whole parser; what only some commands use is not loaded
then. Checked in a fresh process."""

from __future__ import annotations

import json
import subprocess
import sys

BUILD_PARSER = """
import json, sys
from canvas.cli import build_parser
build_parser()
print(json.dumps(list(sys.modules)))
"""

#: Loaded by the commands that use them: import and validate, desktop install, a wrong zone's hint, demo.
NOT_FOR_EVERY_COMMAND = ("canvas.exchange.importing", "subprocess", "difflib", "canvas.core.demo", "networkx")


def test_building_the_parser_loads_no_importer_subprocess_difflib_or_demo() -> None:
    done = subprocess.run([sys.executable, "-c", BUILD_PARSER], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    loaded = set(json.loads(done.stdout))
    assert not [name for name in NOT_FOR_EVERY_COMMAND if name in loaded]
