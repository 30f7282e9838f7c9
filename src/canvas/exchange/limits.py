"""Caps and checks for untrusted input: size, nesting, string length, duplicate keys, NaN, encoding.

Every file a teammate sends goes through `load_json` before anything else looks at it; what comes out is plain
JSON data (dicts, lists, str, int, float, bool, None) that is small enough, shallow enough and unambiguous.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jiter

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """What a file may be at most. The defaults are far above any real canvas (10,000 cards is ~6 MB)."""

    max_bytes: int = 64 * MB
    max_depth: int = 64
    #: Any one string (a card's notes are capped at 20,000 characters by the model; this stops worse first).
    max_string: int = 1_000_000

    def size_text(self) -> str:
        return _size_text(self.max_bytes)


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a file, and where: `place` is a JSON path ("cards[12].id") or "line 3"."""

    place: str
    message: str

    def __str__(self) -> str:
        return f"{self.place}: {self.message}" if self.place else self.message


class FileRejected(ValueError):
    """A file that cannot be read or imported; `problems` lists every reason with its place."""

    def __init__(self, name: str, problems: Sequence[Problem]) -> None:
        self.name = name
        self.problems = tuple(problems)
        super().__init__(self.describe())

    def describe(self) -> str:
        if len(self.problems) == 1:
            return f"{self.name}: {self.problems[0]}"
        lines = [f"{self.name}: {len(self.problems)} problems"]
        lines.extend(f"  {problem}" for problem in self.problems)
        return "\n".join(lines)


def place(path: Iterable[str | int]) -> str:
    """A JSON path for people: ("cards", 12, "id") -> "cards[12].id"."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def read_capped(path: Path, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The bytes of `path`, refusing a file over the size cap before reading it (and reading no more than it)."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise FileRejected(name, [_too_big(size, limits)])
        with path.open("rb") as stream:
            # A file that grows while we read it (or a device) is still read only up to the cap.
            data = stream.read(limits.max_bytes + 1)
    except FileRejected:
        raise
    except IsADirectoryError:
        raise FileRejected(name, [Problem("", "is a folder, not a file")]) from None
    except FileNotFoundError:
        raise FileRejected(name, [Problem("", f"there is no file at {path}")]) from None
    except OSError as error:
        raise FileRejected(name, [Problem("", f"cannot be read: {error.strerror or error}")]) from None
    if len(data) > limits.max_bytes:
        raise FileRejected(name, [_too_big(len(data), limits)])
    return data


def decode_text(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> str:
    """`data` as UTF-8 text (a leading byte-order mark is allowed), or FileRejected saying where it is not."""
    if len(data) > limits.max_bytes:
        raise FileRejected(name, [_too_big(len(data), limits)])
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = data[error.start]
        raise FileRejected(
            name,
            [Problem(f"line {line}", f"is not UTF-8 text (byte 0x{byte:02x} at offset {error.start})")],
        ) from None


def load_json(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> Any:
    """Parse untrusted JSON: capped, strict UTF-8, no duplicate keys, no NaN/Infinity, bounded depth and strings."""
    value, repeated = parse_json(data, name, limits)
    check_shape(value, name, limits, repeated)
    return value


#: For each object that repeats a key (by id; the objects live on in the parsed value, so ids stay): the keys.
Repeated = dict[int, list[str]]


def parse_json(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> tuple[Any, Repeated]:
    """The first half of `load_json`: the parsed value and its objects that repeat a key, limits not yet checked.

    A sound file is parsed by jiter, which refuses repeated keys, NaN and Infinity itself (json.loads needs a
    Python hook on every object for the keys: half again the parse). Anything jiter refuses — or reads otherwise
    than json.loads would — is parsed again below, slowly, to say what is wrong and where in our own words.
    """
    if len(data) > limits.max_bytes:
        raise FileRejected(name, [_too_big(len(data), limits)])
    try:
        return jiter.from_json(data, allow_inf_nan=False, catch_duplicate_keys=True), {}
    except ValueError:
        pass
    text = decode_text(data, name, limits)
    duplicates: Repeated = {}

    def build_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) != len(pairs):
            seen: set[str] = set()
            repeated: set[str] = set()
            for key, _ in pairs:
                (repeated if key in seen else seen).add(key)
            duplicates[id(result)] = sorted(repeated)
        return result

    try:
        # A number too large for a float (1e999) becomes infinity here; the file's own checks refuse it with
        # its place (coordinates must be finite), which is cheaper than a hook on every number.
        value = json.loads(text, object_pairs_hook=build_object, parse_constant=_refuse_constant)
    except _NotANumber as error:
        raise FileRejected(name, [Problem(_constant_place(text, error.token), error.message)]) from None
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        what = "the file ends too early" if error.pos >= len(text) else f"not valid JSON ({error.msg})"
        raise FileRejected(name, [Problem(where, what)]) from None
    except RecursionError:
        raise FileRejected(name, [_too_deep(text, limits)]) from None
    except ValueError as error:
        # e.g. an integer with more digits than Python converts (int_max_str_digits).
        raise FileRejected(name, [Problem("", f"not valid JSON ({error})")]) from None
    return value, duplicates


def check_shape(value: Any, name: str, limits: Limits = DEFAULT_LIMITS, repeated: Repeated | None = None) -> None:
    """The second half of `load_json`: FileRejected naming every place where `value` exceeds the limits."""
    problems = _check_shape(value, limits, repeated or {})
    if problems:
        raise FileRejected(name, problems)


def within_limits(value: Any, limits: Limits = DEFAULT_LIMITS) -> bool:
    """True if `value` (parsed JSON with no repeated keys) is nested and sized within `limits`."""
    return _within(value, limits.max_depth, limits.max_string, {}, 1)


def _check_shape(value: Any, limits: Limits, duplicated: dict[int, list[str]]) -> list[Problem]:
    """Depth, string length and duplicate keys, found with a fast walk; places are worked out only on failure."""
    if _within(value, limits.max_depth, limits.max_string, duplicated, 1):
        return []
    problems: list[Problem] = []
    _locate(value, limits, duplicated, [], problems)
    return problems[:50]


def _within(value: Any, max_depth: int, max_string: int, duplicated: dict[int, list[str]], depth: int) -> bool:
    kind = type(value)
    if kind is dict:
        if max_depth < depth or (duplicated and id(value) in duplicated):
            return False
        for key, item in value.items():
            if len(key) > max_string:
                return False
            item_kind = type(item)
            if item_kind is str:
                if len(item) > max_string:
                    return False
            elif (item_kind is dict or item_kind is list) and not _within(
                item, max_depth, max_string, duplicated, depth + 1
            ):
                return False
        return True
    if kind is list:
        if max_depth < depth:
            return False
        for item in value:
            item_kind = type(item)
            if item_kind is str:
                if len(item) > max_string:
                    return False
            elif (item_kind is dict or item_kind is list) and not _within(
                item, max_depth, max_string, duplicated, depth + 1
            ):
                return False
        return True
    return not (kind is str and len(value) > max_string)


def _locate(
    value: Any,
    limits: Limits,
    duplicated: dict[int, list[str]],
    path: list[str | int],
    problems: list[Problem],
) -> None:
    if len(problems) >= 50:
        return
    if isinstance(value, dict | list) and len(path) >= limits.max_depth:
        problems.append(Problem(place(path), f"is nested more than {limits.max_depth} levels deep"))
        return
    if isinstance(value, str):
        if len(value) > limits.max_string:
            problems.append(
                Problem(place(path), f"text is {len(value):,} characters; the cap is {limits.max_string:,}")
            )
        return
    if isinstance(value, dict):
        repeated = duplicated.get(id(value))
        if repeated:
            keys = ", ".join(f"'{key}'" for key in repeated[:5])
            problems.append(
                Problem(
                    place(path) or "the top level",
                    f"the key {keys} appears more than once in one object (which value is meant is ambiguous)",
                )
            )
        for key, item in value.items():
            if len(key) > limits.max_string:
                problems.append(Problem(place(path), f"a key is {len(key):,} characters long"))
            _locate(item, limits, duplicated, [*path, key], problems)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _locate(item, limits, duplicated, [*path, index], problems)


class _NotANumber(ValueError):
    def __init__(self, token: str) -> None:
        self.token = token
        self.message = f"{token} is not a number a canvas can hold (NaN and Infinity are refused)"
        super().__init__(self.message)


def _refuse_constant(token: str) -> Any:
    raise _NotANumber(token)


def _constant_place(text: str, token: str) -> str:
    match = re.search(r"(?<=[:\[,\s])-?" + re.escape(token.lstrip("-")) + r"\b", text)
    if match is None:
        return ""
    return _line_column(text, match.start())


def _line_column(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"line {line}, column {column}"


_STRUCTURE = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)


def _too_deep(text: str, limits: Limits) -> Problem:
    depth = 0
    for match in _STRUCTURE.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > limits.max_depth:
                return Problem(_line_column(text, match.start()), f"is nested more than {limits.max_depth} levels deep")
        elif token in "]}":
            depth -= 1
    return Problem("", f"is nested more than {limits.max_depth} levels deep")


def _too_big(size: int, limits: Limits) -> Problem:
    return Problem("", f"is {_size_text(size)}; files larger than {limits.size_text()} are refused (as a safety cap)")


def _size_text(size: int) -> str:
    if size >= MB:
        return f"{size / MB:.0f} MB" if size % MB == 0 else f"{size / MB:.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} bytes"
