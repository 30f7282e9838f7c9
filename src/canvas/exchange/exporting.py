"""Exporting a canvas: which format a file name asks for, the bytes of each format, and a safe write.

Pictures (PNG, SVG, PDF) need the desktop renderer and are made in `canvas.ui.render`; the rest is here.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path

from canvas.core.document import Document
from canvas.core.frameworks import ModelSpec
from canvas.core.model import Side
from canvas.exchange.jsoncanvas_write import write_jsoncanvas
from canvas.exchange.report import markdown_report
from canvas.exchange.scanvas_write import write_scanvas
from canvas.exchange.tabular import write_cards_csv


class ExportFormat(StrEnum):
    SCANVAS = "scanvas"
    JSONCANVAS = "jsoncanvas"
    MARKDOWN = "markdown"
    CSV = "csv"
    PNG = "png"
    SVG = "svg"
    PDF = "pdf"

    @property
    def is_picture(self) -> bool:
        return self in (ExportFormat.PNG, ExportFormat.SVG, ExportFormat.PDF)

    @property
    def shows_one_model(self) -> bool:
        """Formats that draw a model view (`--model`, `--side` apply); a report may also cover one model."""
        return self in (ExportFormat.JSONCANVAS, ExportFormat.PNG, ExportFormat.SVG, ExportFormat.PDF)


EXPORT_SUFFIXES: dict[str, ExportFormat] = {
    ".scanvas": ExportFormat.SCANVAS,
    ".canvas": ExportFormat.JSONCANVAS,
    ".md": ExportFormat.MARKDOWN,
    ".markdown": ExportFormat.MARKDOWN,
    ".csv": ExportFormat.CSV,
    ".png": ExportFormat.PNG,
    ".svg": ExportFormat.SVG,
    ".pdf": ExportFormat.PDF,
}


class ExportError(ValueError):
    """An export that cannot be made; the message is for the person who asked."""


def format_for(path: Path, given: str | None = None) -> ExportFormat:
    """The format asked for with --format, else the one the file name's extension says."""
    if given:
        return ExportFormat(given)
    found = EXPORT_SUFFIXES.get(path.suffix.lower())
    if found is None:
        known = ", ".join(EXPORT_SUFFIXES)
        raise ExportError(f"cannot tell the format from the name '{path.name}': use --format, or end it in {known}")
    return found


def default_model(document: Document, models: Mapping[str, ModelSpec]) -> str:
    """The model a view export shows when none is named: the canvas's first enabled, installed model."""
    for model_id in document.canvas.models:
        if model_id in models:
            return model_id
    raise ExportError(f"canvas '{document.canvas.title}' has no installed model to show; name one with --model")


def export_bytes(
    document: Document,
    models: Mapping[str, ModelSpec],
    fmt: ExportFormat,
    model: str | None = None,
    side: Side | None = None,
) -> bytes:
    """The exported file's bytes for every format except pictures."""
    if fmt is ExportFormat.SCANVAS:
        return write_scanvas(document, models)
    if fmt is ExportFormat.CSV:
        return write_cards_csv(document)
    if model is not None and model not in models:
        raise ExportError(f"there is no model '{model}' here (models: {', '.join(models)})")
    if fmt is ExportFormat.MARKDOWN:
        return markdown_report(document, models, only=model, side=side).encode("utf-8")
    if fmt is ExportFormat.JSONCANVAS:
        spec = models[model or default_model(document, models)]
        return write_jsoncanvas(document, spec, side)
    raise ExportError(f"{fmt.value.upper()} pictures are made by the desktop renderer, not here")


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that the file is either the old one or the complete new one, never half."""
    folder = path.parent if str(path.parent) else Path(".")
    # mkstemp makes a private file; an export is meant to be shared, so it gets ordinary permissions.
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    try:
        os.fchmod(handle, mode)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
