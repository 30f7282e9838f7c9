"""Upgrading older `.scanvas` files to the current format, one version step at a time.

Format 1 is the only one so far, so the registry is empty. When format 2 arrives: add `scanvas` classes for it,
raise `scanvas.VERSION`, and register `UPGRADES = {1: upgrade_1_to_2}`, a function that takes the plain JSON
data of a version-1 file and returns version-2 data (and sets "version": 2).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from canvas.exchange.limits import Problem
from canvas.exchange.scanvas import VERSION

Upgrade = Callable[[dict[str, Any]], dict[str, Any]]

#: format version n -> the function that turns version-n data into version n+1.
UPGRADES: Mapping[int, Upgrade] = MappingProxyType({})


class VersionProblem(ValueError):
    """The file's version cannot be read by this build: missing, not an integer, or newer than we know."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


def upgrade(data: dict[str, Any], upgrades: Mapping[int, Upgrade] = UPGRADES, current: int = VERSION) -> dict[str, Any]:
    """`data` brought up to format `current`, or VersionProblem if that cannot be done."""
    version = data.get("version")
    if type(version) is not int:
        raise VersionProblem(Problem("version", f"must be a whole number such as {current}, not {version!r}"))
    if version > current:
        raise VersionProblem(
            Problem(
                "version",
                f"this file was written by a newer Sensemaking Canvas (format {version}); "
                f"this version reads up to format {current}",
            )
        )
    if version < 1:
        raise VersionProblem(Problem("version", f"there is no format {version}; formats start at 1"))
    while version < current:
        step = upgrades.get(version)
        if step is None:
            raise VersionProblem(
                Problem("version", f"format {version} files can no longer be upgraded by this version")
            )
        data = step(data)
        version += 1
        if data.get("version") != version:
            raise AssertionError(f"the upgrade from format {version - 1} did not set version {version}")
    return data
