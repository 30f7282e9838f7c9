"""Rewrites the broken-file corpus from one small valid canvas: `python tests/exchange/corpus/make_corpus.py`.

Each file breaks one rule a teammate's file must keep; test_hostile_files.py says what each must be refused for.
The very large and very deep files are made at test time in a temporary folder, never kept here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from canvas.core.catalog import load_catalog
from canvas.core.document import Document
from canvas.core.model import Canvas, Card, CardKind, Link, Placement
from canvas.exchange.scanvas_write import write_scanvas
from canvas.paths import builtin_models_dir

HERE = Path(__file__).resolve().parent


def valid_canvas() -> Document:
    document = Document.of(Canvas(id="corpus-canvas", title="Corpus canvas", models=("value-exchange",), rev="1-01"))
    for record in (
        Card(id="c1", title="Café owner", kind=CardKind.ACTOR, rev="1-0a"),
        Card(id="c2", title="Bank", kind=CardKind.ACTOR, rev="1-0b"),
        Placement(card_id="c1", model="value-exchange", zone="network", rev="1-0c"),
        Placement(card_id="c2", model="value-exchange", zone="network", x=424.0, rev="1-0d"),
        Link(id="l1", source="c1", target="c2", label="fees", rev="1-0e"),
    ):
        document.put(record)
    return document


def main() -> None:
    models = load_catalog(builtin_models_dir(), None).models
    valid = write_scanvas(valid_canvas(), models)
    text = valid.decode("utf-8")

    def dump(name: str, data: Any) -> None:
        (HERE / name).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    def changed() -> dict[str, Any]:
        data: dict[str, Any] = json.loads(valid)
        return data

    (HERE / "valid.scanvas").write_bytes(valid)
    (HERE / "truncated.scanvas").write_bytes(valid[: len(valid) // 2])
    (HERE / "empty.scanvas").write_bytes(b"")
    (HERE / "binary-garbage.scanvas").write_bytes(bytes(range(256)) * 4)
    (HERE / "latin-1.scanvas").write_bytes(text.encode("latin-1", errors="replace"))
    (HERE / "duplicate-keys.scanvas").write_text(
        text.replace('"title": "Bank"', '"title": "Bank", "title": "Lender"'), encoding="utf-8"
    )
    (HERE / "nan.scanvas").write_text(text.replace('"x": 424.0', '"x": NaN'), encoding="utf-8")

    data = changed()
    data["cards"][0]["title"] = 42
    data["cards"][1]["votes"] = "many"
    data["links"] = {"l1": "fees"}
    dump("wrong-types.scanvas", data)

    data = changed()
    data["placements"][1]["card_id"] = "c9"
    data["links"][0]["target"] = "c7"
    data["canvas"]["models"].append("kano")
    dump("dangling-references.scanvas", data)

    data = changed()
    data["version"] = 3
    dump("newer-version.scanvas", data)
    dump("not-a-canvas-file.scanvas", {"nodes": [], "edges": []})

    broken_canvas = {
        "nodes": [
            {"id": "n1", "type": "text", "text": "# Payroll on Sunday", "x": 0, "y": 0, "width": 250, "height": 60},
            {
                "id": "n2",
                "type": "link",
                "url": "https://example.com/payroll",
                "x": 300,
                "y": 0,
                "width": 250,
                "height": 60,
                "color": "purple",
            },
            {"id": "n3", "type": "card", "x": 0, "y": 100, "width": 250, "height": 60},
        ],
        "edges": [{"id": "e1", "fromNode": "n1", "toNode": "n9", "toSide": "middle"}],
    }
    (HERE / "broken.canvas").write_text(json.dumps(broken_canvas, indent="\t") + "\n", encoding="utf-8")

    (HERE / "bad-rows.csv").write_text(
        "title,notes,kind,importance\n"
        "Payroll on Sunday,She approves at 23:40,pain,8\n"
        "Late salary,,pian,8\n"
        ",,,\n"
        "Tax table,Which one?,question,eleven\n",
        encoding="utf-8",
    )
    (HERE / "unknown-column.csv").write_text("titel,notes\nPayroll on Sunday,She approves at 23:40\n", encoding="utf-8")


if __name__ == "__main__":
    main()
