"""The bundle's program: the same command line as the `canvas` script (and the desktop app with no command)."""

import os
import sys

# A windowed program (the Windows "Sensemaking Canvas.exe", a macOS app started from Finder) has no console:
# sys.stdout and sys.stderr are None there, and a one-line message would fail to print.
if sys.stdout is None:
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (lives as long as the process)
if sys.stderr is None:
    sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115

from canvas.cli import main

raise SystemExit(main())
