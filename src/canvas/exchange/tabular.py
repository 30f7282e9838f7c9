"""Cards as CSV: an export with a stable column order, and the import of interview notes from a spreadsheet.

The import takes the columns title, notes, kind, voice, evidence, source and tags (separated by ';'), and the
other columns the export writes; a bad row is reported with its line number and then nothing is imported.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from pydantic import ValidationError

from canvas.core.document import Document
from canvas.core.edits import describe_validation_error
from canvas.core.model import CARD_FIELDS, Canvas, Card
from canvas.exchange.limits import DEFAULT_LIMITS, FileRejected, Limits, Problem, decode_text

#: The card columns, in the order the export writes them (zone columns, one per model, follow).
CARD_COLUMNS = ("id", *(name for name in CARD_FIELDS if name != "conflict_of"))
#: The columns of interview notes, as the issue names them; every other card column is accepted too.
NOTE_COLUMNS = ("title", "notes", "kind", "voice", "evidence", "source", "tags")
ZONE_COLUMN_PREFIX = "zone:"
TAG_SEPARATOR = ";"
_TEXT_COLUMNS = {"title", "notes", "source", "tags"}
_NUMBER_COLUMNS = {"emotion", "importance", "satisfaction", "votes"}
#: A cell starting with one of these runs as a formula in a spreadsheet: the export quotes it with "'".
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_PROBLEMS = 50


def write_cards_csv(document: Document) -> bytes:
    """Every live card, one row each, sorted by title; the model columns give the zone the card sits in.

    UTF-8 with a byte-order mark, so spreadsheet programs read the letters right.
    """
    models = list(dict.fromkeys(document.canvas.models))
    models += sorted({p.model for p in document.placements.values() if not p.deleted} - set(models))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*CARD_COLUMNS, *(f"{ZONE_COLUMN_PREFIX}{model}" for model in models)])
    for card in sorted(document.live_cards(), key=lambda c: (c.title.casefold(), c.id)):
        placements = document.placements_of(card.id)
        cells = [_cell(name, card) for name in CARD_COLUMNS]
        cells += [placements[model].zone if model in placements else "" for model in models]
        writer.writerow(cells)
    return out.getvalue().encode("utf-8-sig")


def _cell(name: str, card: Card) -> str:
    value: Any = getattr(card, name)
    if name == "tags":
        text = TAG_SEPARATOR.join(value)
    elif value is None:
        text = ""
    else:
        text = str(value.value if hasattr(value, "value") else value)
    if name in _TEXT_COLUMNS and text.startswith(_FORMULA_STARTS):
        text = "'" + text
    return text


def read_interview_notes(data: bytes, name: str, title: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """The rows as cards of a new canvas titled `title` (not placed yet: they wait in every model's tray).

    Raises FileRejected naming every bad row by line number; a file with a bad row imports nothing.
    """
    text = decode_text(data, name, limits)
    problems: list[Problem] = []
    cards: list[Card] = []
    rows = _rows(text, problems)
    header = next(rows, None)
    if header is None:
        raise FileRejected(name, [Problem("", "is empty: the first line must name the columns (title, notes, …)")])
    columns = _columns(header[1], problems)
    if columns is not None:
        for line, cells in rows:
            if len(problems) >= MAX_PROBLEMS:
                break
            card = _card(line, cells, columns, problems)
            if card is not None:
                cards.append(card)
    if problems:
        raise FileRejected(name, problems[:MAX_PROBLEMS])
    if not cards:
        raise FileRejected(name, [Problem("", "has a header but no rows: there is nothing to import")])
    return Document.of(Canvas(title=title), cards)


def _rows(text: str, problems: list[Problem]) -> Iterator[tuple[int, list[str]]]:
    """(line where the row starts, cells) for each non-blank row; a CSV syntax error ends the file."""
    first_line = text.split("\n", 1)[0]
    # Spreadsheets set to a comma-decimal locale (Norway, Germany…) write ';'; tab-separated files exist too.
    delimiter = max((",", ";", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    start = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            problems.append(Problem(f"line {start}", f"is not valid CSV ({error})"))
            return
        if any(cell.strip() for cell in cells):
            yield start, cells
        start = reader.line_num + 1


def _columns(header: list[str], problems: list[Problem]) -> list[str | None] | None:
    """The card field of each column (None for a column that is read but not used), or None if unusable."""
    known = set(CARD_COLUMNS)
    columns: list[str | None] = []
    unknown = []
    for cell in header:
        name = cell.strip().lower()
        if name == "id" or name.startswith(ZONE_COLUMN_PREFIX):
            columns.append(None)  # what the export writes for other tools; a new card gets its own id
        elif name in known:
            columns.append(name)
        else:
            unknown.append(cell)
            columns.append(None)
    if unknown:
        names = ", ".join(f"'{cell}'" for cell in unknown)
        problems.append(Problem("line 1", f"unknown column {names} (the columns are {', '.join(NOTE_COLUMNS)})"))
    if "title" not in columns:
        problems.append(Problem("line 1", "there is no 'title' column; each row needs a title"))
    duplicates = sorted({c for c in columns if c is not None and columns.count(c) > 1})
    if duplicates:
        problems.append(Problem("line 1", f"the column {', '.join(duplicates)} appears more than once"))
    return None if problems else columns


def _card(line: int, cells: list[str], columns: list[str | None], problems: list[Problem]) -> Card | None:
    where = f"line {line}"
    if len(cells) > len(columns):
        problems.append(Problem(where, f"has {len(cells)} cells; the header names {len(columns)} columns"))
        return None
    fields: dict[str, Any] = {}
    for column, cell in zip(columns, cells, strict=False):
        if column is None:
            continue
        value = _unquoted(cell) if column in _TEXT_COLUMNS else cell.strip()
        if column == "title":
            value = value.strip()
            if not value:
                problems.append(Problem(where, "title is empty"))
                return None
        if column == "tags":
            fields["tags"] = tuple(dict.fromkeys(tag.strip() for tag in value.split(TAG_SEPARATOR) if tag.strip()))
        elif column in _NUMBER_COLUMNS:
            if value:
                fields[column] = value
        elif column in ("kind", "voice", "evidence"):
            if value:
                fields[column] = value.lower()
        elif column == "colour":
            if value:
                fields[column] = value
        else:
            fields[column] = value
    try:
        return Card.model_validate(fields)
    except ValidationError as error:
        problems.append(Problem(where, describe_validation_error(error)))
        return None


def _unquoted(cell: str) -> str:
    """Undo the export's guard against spreadsheet formulas ("'=SUM" back to "=SUM")."""
    if cell.startswith("'") and cell[1:].startswith(_FORMULA_STARTS):
        return cell[1:]
    return cell
