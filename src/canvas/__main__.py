"""`python -m canvas` runs the command line (and the desktop app with no arguments)."""

from canvas.cli import main

raise SystemExit(main())
