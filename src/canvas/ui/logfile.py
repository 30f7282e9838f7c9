"""The desktop app's log: rotating files in the user's log folder, so a problem can be looked at afterwards.

The log says what happened (the app started, which store it opened, imports asked for, unexpected errors with
their traceback); it never holds what the cards say.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

LOG_NAME = "canvas.log"
#: A few hundred kilobytes hold weeks of normal use; five older files are kept beside the current one.
MAX_BYTES = 512_000
BACKUP_COUNT = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d]: %(message)s"
_HANDLER_NAME = "canvas-log-file"

log = logging.getLogger("canvas")


def start_logging(folder: Path, max_bytes: int = MAX_BYTES) -> Path | None:
    """Send the `canvas` loggers to `folder`/canvas.log, rotating. Returns the file, or None if the folder cannot
    be written: the app then runs without a log (and says so on stderr)."""
    stop_logging()
    path = folder / LOG_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=max_bytes, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError as error:
        print(f"canvas: no log file in {folder}: {error.strerror or error}", file=sys.stderr)
        return None
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(logging.Formatter(_FORMAT))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path


def stop_logging() -> None:
    """Close the log file (the app is quitting, or a test is done with it)."""
    for handler in list(log.handlers):
        if handler.get_name() == _HANDLER_NAME:
            log.removeHandler(handler)
            handler.close()
