"""The catalog of sensemaking models: built-in model files, the user's own, and models carried in imported files.

Regenerate the published schema with `python -m canvas.core.catalog --write-schema docs/model.schema.json`.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from canvas.core.frameworks import ModelSpec

#: Built-in models in the order the model switcher offers them; other built-in files follow by file name.
BUILTIN_ORDER: tuple[str, ...] = ("journey", "jtbd", "value-exchange", "empathy", "service-blueprint")
#: Model files larger than this are refused unread: a model is a few kilobytes of text.
MAX_MODEL_FILE_BYTES = 1_000_000
MODEL_SUFFIX = ".toml"

_COLOUR_PATTERN = "^#[0-9a-fA-F]{6}$"
_ID_PATTERN = "^[a-z0-9_-]+$"
#: How a TOML value of the wrong type is described: "col: must be a whole number, not 'two'".
_TYPE_WORDS = {
    "string_type": "text in quotes",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "tuple_type": 'a list, like ["a", "b"]',
    "model_type": "a table (a [section] of its own)",
    "model_attributes_type": "a table (a [section] of its own)",
}


class ModelFileError(ValueError):
    """A model file that cannot be used; the message names the file and the problem in plain words."""


@dataclass(frozen=True)
class Catalog:
    """The models the app knows, in switcher order, with where each came from and what could not be loaded."""

    models: dict[str, ModelSpec] = field(default_factory=dict)
    #: One readable message per model file that was skipped.
    problems: list[str] = field(default_factory=list)
    #: Model id -> the file it was read from (absent for models carried in an imported canvas file).
    sources: dict[str, Path] = field(default_factory=dict)

    def get(self, model_id: str) -> ModelSpec | None:
        return self.models.get(model_id)

    def source(self, model_id: str) -> Path | None:
        """The file a model was read from, or None (unknown id, or a model carried in an imported file)."""
        return self.sources.get(model_id)

    def __contains__(self, model_id: object) -> bool:
        return model_id in self.models

    def learn(self, extra: Iterable[ModelSpec]) -> list[str]:
        """Add models carried in imported files that this catalog does not know yet, in place, so every view
        sharing this catalog can show them. Returns the ids it added; known ids keep their own definition."""
        added = []
        for spec in extra:
            if spec.id not in self.models:
                self.models[spec.id] = spec
                added.append(spec.id)
        return added

    def with_models(self, extra: Iterable[ModelSpec]) -> Catalog:
        """This catalog plus models carried in an imported file. Models already known keep their own definition."""
        models = dict(self.models)
        problems = list(self.problems)
        for spec in extra:
            known = models.get(spec.id)
            if known is None:
                models[spec.id] = spec
            elif known != spec:
                problems.append(
                    f"the imported file carries its own version of the model '{spec.id}'; "
                    f"the installed '{known.name}' is used instead"
                )
        return Catalog(models=models, problems=problems, sources=dict(self.sources))


def load_catalog(builtin_dir: Path, user_dir: Path | None) -> Catalog:
    """Read every model file: built-ins first (journey, jtbd, value-exchange, empathy, service-blueprint, then
    any other built-in by file name), then the user's models by file name. Never raises for a bad file."""
    models: dict[str, ModelSpec] = {}
    sources: dict[str, Path] = {}
    problems: list[str] = []

    builtins: list[tuple[ModelSpec, Path]] = []
    for path in _model_files(builtin_dir, problems, "built-in models"):
        try:
            builtins.append((read_model(path), path))
        except ModelFileError as error:
            problems.append(str(error))
    order = {model_id: index for index, model_id in enumerate(BUILTIN_ORDER)}
    builtins.sort(key=lambda item: (order.get(item[0].id, len(order)), item[1].name))
    for spec, path in builtins:
        _add(models, sources, problems, spec, path, clash="another built-in model file")
    builtin_ids = set(models)

    if user_dir is not None:
        for path in _model_files(user_dir, problems, "your models"):
            try:
                spec = read_model(path)
            except ModelFileError as error:
                problems.append(f"{error} (skipped)")
                continue
            # Built-ins win: a user file cannot replace the journey map everyone's canvases rely on.
            clash = "a built-in model" if spec.id in builtin_ids else "another of your model files"
            _add(models, sources, problems, spec, path, clash=clash)
    return Catalog(models=models, problems=problems, sources=sources)


def _add(
    models: dict[str, ModelSpec],
    sources: dict[str, Path],
    problems: list[str],
    spec: ModelSpec,
    path: Path,
    *,
    clash: str,
) -> None:
    if spec.id in models:
        problems.append(
            f"{path}: the model id '{spec.id}' is already used by {clash} ({sources[spec.id].name}); "
            "give this model an id of its own (skipped)"
        )
        return
    models[spec.id] = spec
    sources[spec.id] = path


def _model_files(folder: Path, problems: list[str], what: str) -> list[Path]:
    if not folder.exists():
        return []
    if not folder.is_dir():
        problems.append(f"{folder}: expected a folder of model files for {what}, found a file")
        return []
    try:
        return sorted(path for path in folder.iterdir() if path.suffix.lower() == MODEL_SUFFIX and not path.is_dir())
    except OSError as error:
        problems.append(f"{folder}: cannot list the folder of {what}: {error.strerror or error}")
        return []


def read_model(path: Path) -> ModelSpec:
    """Read and check one model file. Raises ModelFileError naming the file and the problem."""
    try:
        size = path.stat().st_size
        if size > MAX_MODEL_FILE_BYTES:
            raise ModelFileError(f"{path}: the file is {size / 1_000_000:.1f} MB; a model file may be at most 1 MB")
        raw = path.read_bytes()
    except OSError as error:
        raise ModelFileError(f"{path}: cannot be read: {error.strerror or error}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ModelFileError(f"{path}: is not UTF-8 text (bad byte at position {error.start})") from None
    return parse_model(text, str(path))


def parse_model(text: str, where: str) -> ModelSpec:
    """Parse the TOML text of a model file; `where` names the file in messages. Raises ModelFileError."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ModelFileError(f"{where}: is not valid TOML: {error}") from None
    try:
        return ModelSpec.model_validate(data)
    except ValidationError as error:
        lines = [_describe(problem, data) for problem in _most_specific(error.errors())]
        if len(lines) == 1:
            raise ModelFileError(f"{where}: {lines[0]}") from None
        listed = "\n".join(f"  - {line}" for line in lines)
        raise ModelFileError(f"{where}: {len(lines)} problems:\n{listed}") from None


def _most_specific(problems: list[ErrorDetails]) -> list[ErrorDetails]:
    """Drop a list's "too short" when an item inside it has its own error: pydantic counts only valid items, and
    the item's own error says more."""
    places = [tuple(problem["loc"]) for problem in problems]

    def inside(outer: tuple[int | str, ...]) -> bool:
        return any(len(place) > len(outer) and place[: len(outer)] == outer for place in places)

    return [p for p in problems if p["type"] != "too_short" or not inside(tuple(p["loc"]))]


def _describe(problem: ErrorDetails, data: Mapping[str, Any]) -> str:
    """'grid → rows → 3 (feeling) → colour: must look like #aabbcc' (items numbered from 1, as a person counts)."""
    place = _place(problem["loc"], data)
    message = _plain(problem)
    return f"{place}: {message}" if place else message


def _place(loc: Sequence[int | str], data: Any) -> str:
    parts: list[str] = []
    node: Any = data
    for part in loc:
        if isinstance(part, int):
            item = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
            named = item.get("id") if isinstance(item, dict) else None
            parts.append(f"{part + 1} ({named})" if isinstance(named, str) else str(part + 1))
            node = item
        else:
            parts.append(part)
            node = node.get(part) if isinstance(node, dict) else None
    return " → ".join(parts)


def _plain(problem: ErrorDetails) -> str:
    kind = problem["type"]
    ctx: dict[str, Any] = dict(problem.get("ctx") or {})
    if kind == "missing":
        return "is missing"
    if kind == "extra_forbidden":
        return "is not a setting model files know (check the spelling)"
    if kind == "string_pattern_mismatch":
        if ctx.get("pattern") == _COLOUR_PATTERN:
            return f"must look like #aabbcc, not {problem['input']!r}"
        if ctx.get("pattern") == _ID_PATTERN:
            return f"may use only lowercase letters, digits, '-' and '_', not {problem['input']!r}"
    if kind == "string_too_short" and ctx.get("min_length") == 1:
        return "must not be empty"
    if kind == "string_too_long":
        return f"is too long (at most {ctx.get('max_length')} characters)"
    if kind in ("too_short", "too_long"):
        bound = ctx.get("min_length") if kind == "too_short" else ctx.get("max_length")
        entries = "entry" if bound == 1 else "entries"
        return f"needs {'at least' if kind == 'too_short' else 'at most'} {bound} {entries}"
    if kind == "literal_error" and tuple(problem["loc"]) == ("version",):
        return f"the file is written for version {problem['input']!r} of the model format; this app reads version 1"
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = ctx.get("ge") if kind == "greater_than_equal" else ctx.get("le")
        return f"must be {'at least' if kind == 'greater_than_equal' else 'at most'} {bound}, not {problem['input']!r}"
    if kind in _TYPE_WORDS:
        return f"must be {_TYPE_WORDS[kind]}, not {problem['input']!r}"
    if kind in ("literal_error", "enum"):
        return f"must be one of {ctx.get('expected')}, not {problem['input']!r}"
    if kind == "value_error":
        return str(ctx.get("error", problem["msg"]))
    message = problem["msg"]
    return message[:1].lower() + message[1:]


# -- the published schema -----------------------------------------------------------------------------------


def model_schema() -> dict[str, Any]:
    """The JSON Schema of a model file (TOML files are checked against it as the equivalent JSON)."""
    schema = ModelSpec.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
        "title": "Sensemaking Canvas model file",
    }


def model_schema_text() -> str:
    """The schema as the committed `docs/model.schema.json` holds it (stable key order, final newline)."""
    return json.dumps(model_schema(), indent=2, ensure_ascii=False) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m canvas.core.catalog", description="Sensemaking model files: schema and checks."
    )
    parser.add_argument("--write-schema", metavar="PATH", type=Path, help="write the JSON Schema of model files")
    parser.add_argument("--check", metavar="FILE", type=Path, nargs="*", default=[], help="check model files")
    args = parser.parse_args(argv)
    if args.write_schema is None and not args.check:
        parser.error("nothing to do: give --write-schema PATH or --check FILE")
    if args.write_schema is not None:
        args.write_schema.write_text(model_schema_text(), encoding="utf-8")
        print(f"wrote {args.write_schema}")
    status = 0
    for path in args.check:
        try:
            spec = read_model(path)
        except ModelFileError as error:
            print(error, file=sys.stderr)
            status = 1
        else:
            count = len(spec.zones())
            print(f"{path}: ok — '{spec.name}' ({spec.layout}, {count} zone{'' if count == 1 else 's'})")
    return status


if __name__ == "__main__":
    sys.exit(main())
