"""A teammate's file is untrusted: every broken or hostile file is refused with the problem and its place, the
command exits 1, and the store stays byte-for-byte as it was."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from canvas.cli import main
from canvas.store import open_store

from .samples import workshop

CORPUS = Path(__file__).resolve().parent / "corpus"

#: Each broken file of the corpus, and what the refusal must say about it (problem and place).
REFUSALS = {
    "truncated.scanvas": "line 8, column 19: the file ends too early",
    "empty.scanvas": "line 1, column 1: the file ends too early",
    "binary-garbage.scanvas": "line 2: is not UTF-8 text (byte 0x80 at offset 128)",
    "latin-1.scanvas": "is not UTF-8 text (byte 0xe9",
    "wrong-types.scanvas": "cards[0].title: Input should be a valid string (found 42)",
    "dangling-references.scanvas": "placements[1]: card 'c9' does not exist",
    "duplicate-keys.scanvas": "cards[1]: the key 'title' appears more than once in one object",
    "nan.scanvas": "line 15, column 103: NaN is not a number a canvas can hold",
    "newer-version.scanvas": "this file was written by a newer Sensemaking Canvas (format 3); "
    "this version reads up to format 1",
    "not-a-canvas-file.scanvas": 'format: is missing: a Sensemaking Canvas file starts with "format"',
    "broken.canvas": "edges[0].toNode: node 'n9' does not exist",
    "bad-rows.csv": "line 5: importance: Input should be a valid integer",
    "unknown-column.csv": "line 1: unknown column 'titel'",
}


def make_store(folder: Path) -> Path:
    """A store holding the workshop canvas, closed again (as a person's store is between commands)."""
    path = folder / "store.sqlite"
    with open_store(path) as store:
        store.save_document(workshop())
    return path


@pytest.fixture
def store(tmp_path: Path) -> Path:
    return make_store(tmp_path)


def run(*argv: str | Path) -> int:
    return main([str(arg) for arg in argv])


def test_every_file_of_the_corpus_is_one_the_tests_expect() -> None:
    broken = {p.name for p in CORPUS.iterdir() if p.suffix in (".scanvas", ".canvas", ".csv")} - {"valid.scanvas"}
    assert broken == set(REFUSALS)


@pytest.mark.parametrize("name", sorted(REFUSALS))
def test_a_broken_file_is_refused_with_its_problem_and_place_and_the_store_is_untouched(
    name: str, store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = store.read_bytes()

    status = run("--store", store, "import", CORPUS / name)

    err = capsys.readouterr().err
    assert status == 1
    assert f"canvas: nothing imported: {name}" in err and REFUSALS[name] in err
    assert "Traceback" not in err and "unexpected error" not in err
    assert store.read_bytes() == before
    assert not (store.parent / "store.sqlite-journal").exists()


@pytest.mark.parametrize("name", sorted(REFUSALS))
def test_validate_lists_the_problem_and_exits_1(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("validate", CORPUS / name) == 1
    assert REFUSALS[name] in capsys.readouterr().err


def test_validate_lists_every_problem_of_a_file_each_with_its_place(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("validate", CORPUS / "dangling-references.scanvas") == 1

    assert capsys.readouterr().err.splitlines() == [
        "canvas: dangling-references.scanvas: 3 problems",
        "  canvas.models[1]: model 'kano' is not defined in this file and not installed here",
        "  placements[1]: card 'c9' does not exist",
        "  links[0].target: card 'c7' does not exist",
    ]


def test_validate_says_a_good_file_is_valid_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("validate", CORPUS / "valid.scanvas") == 0
    assert "valid.scanvas: valid (scanvas): canvas 'Corpus canvas', 2 cards, 1 link" in capsys.readouterr().out


def test_a_100_mb_file_is_refused_unread_and_the_message_says_the_cap(
    tmp_path: Path, store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    huge = tmp_path / "huge.scanvas"
    with huge.open("wb") as stream:  # sparse: 100 MB on paper, nothing on disk
        stream.write(b'{"format": "sensemaking-canvas", ')
        stream.seek(100 * 1024 * 1024 - 1)
        stream.write(b"}")
    before = store.read_bytes()

    assert run("--store", store, "import", huge) == 1

    assert "huge.scanvas: is 100 MB; files larger than 64 MB are refused" in capsys.readouterr().err
    assert store.read_bytes() == before


def test_a_deeply_nested_file_is_refused_with_the_depth_cap(
    tmp_path: Path, store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = tmp_path / "deep.scanvas"
    deep.write_text('{"format": "sensemaking-canvas", "version": 1, "canvas": ' + "[" * 100_000 + "]" * 100_000 + "}")
    shallow_enough_to_parse = tmp_path / "nested.scanvas"
    shallow_enough_to_parse.write_text('{"format": "sensemaking-canvas", "notes": ' + "[" * 80 + "]" * 80 + "}")
    before = store.read_bytes()

    assert run("--store", store, "import", deep) == 1
    assert "deep.scanvas: line 1, column 121: is nested more than 64 levels deep" in capsys.readouterr().err
    assert run("--store", store, "import", shallow_enough_to_parse) == 1
    assert "nested.scanvas: notes" in capsys.readouterr().err
    assert store.read_bytes() == before


def test_an_enormous_text_is_refused_with_the_string_cap(
    tmp_path: Path, store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads((CORPUS / "valid.scanvas").read_bytes())
    data["cards"][0]["notes"] = "x" * 2_000_000
    big = tmp_path / "big-notes.scanvas"
    big.write_text(json.dumps(data))

    assert run("--store", store, "import", big) == 1

    assert "cards[0].notes: text is 2,000,000 characters; the cap is 1,000,000" in capsys.readouterr().err


def test_a_number_too_large_for_a_float_is_refused_not_turned_into_infinity(
    tmp_path: Path, store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (CORPUS / "valid.scanvas").read_text(encoding="utf-8").replace('"x": 424.0', '"x": 1e999')
    huge_number = tmp_path / "far-away.scanvas"
    huge_number.write_text(text, encoding="utf-8")

    assert run("--store", store, "import", huge_number) == 1

    assert "placements[1].x: Input should be a finite number" in capsys.readouterr().err


def test_a_file_is_never_executed_or_fetched_only_described(
    tmp_path: Path, store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "secret.txt"
    target.write_text("do not read me")
    nodes = [
        {"id": "f", "type": "file", "file": str(target), "x": 0, "y": 0, "width": 200, "height": 80},
        {"id": "u", "type": "link", "url": "http://127.0.0.1:9/steal", "x": 0, "y": 100, "width": 200, "height": 80},
    ]
    canvas_file = tmp_path / "links.canvas"
    canvas_file.write_text(json.dumps({"nodes": nodes, "edges": []}))

    assert run("--store", store, "import", canvas_file, "--json") == 0

    canvas_id = json.loads(capsys.readouterr().out)["canvas"]
    with open_store(store) as opened:
        cards = opened.load(canvas_id).live_cards()
    assert sorted(card.title for card in cards) == ["http://127.0.0.1:9/steal", "secret.txt"]
    assert all("do not read me" not in card.notes for card in cards)


# -- mutated files ----------------------------------------------------------------------------------------------

VALID = json.loads((CORPUS / "valid.scanvas").read_bytes())
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**40), 2**40) | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += paths(item, (*prefix, index))
    return found


def _leaves() -> list[Any]:
    """Values found in the valid file: put where another belongs, such a value often still imports."""
    records = (VALID["cards"][0], VALID["placements"][1], VALID["links"][0])
    found = {json.dumps(value, sort_keys=True) for record in records for value in record.values()}
    found |= {"true", "null", "3"}
    return [json.loads(text) for text in sorted(found)]


LEAVES = _leaves()


@st.composite
def mutated_files(draw: st.DrawFn) -> bytes:
    """The valid corpus file with one to three mutations: values replaced, keys dropped or added, bytes cut."""
    data = json.loads(json.dumps(VALID))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(paths(data)[1:]))
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["replace", "drop", "add", "copy-id", "plausible", "plausible"]))
        if action == "plausible":
            parent[path[-1]] = draw(st.sampled_from(LEAVES))
        elif action == "replace":
            parent[path[-1]] = draw(json_values)
        elif action == "drop":
            del parent[path[-1]]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.text(max_size=8))] = draw(json_values)
        elif action == "copy-id" and isinstance(parent, dict):
            parent[path[-1]] = draw(st.sampled_from(["c1", "c2", "l1", "corpus-canvas", "network", "journey"]))
    raw = json.dumps(data, ensure_ascii=False).encode()
    if draw(st.integers(0, 4)) == 0:
        cut = draw(st.integers(0, len(raw)))
        raw = raw[:cut] + draw(st.binary(max_size=4))
    return raw


# capsys is shared by the examples on purpose: each example reads (and so empties) it before running.
@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(raw=mutated_files())
def test_a_mutated_file_either_imports_or_is_refused_cleanly_leaving_the_store_untouched(
    raw: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = make_store(Path(folder))
        before = store.read_bytes()
        mutated = Path(folder) / "mutated.scanvas"
        mutated.write_bytes(raw)
        capsys.readouterr()

        status = run("--store", store, "import", mutated)

        out, err = capsys.readouterr()
        event("imported" if status == 0 else "refused")
        assert "unexpected error" not in err and "Traceback" not in err
        if status == 0:
            assert out.startswith(("Imported mutated.scanvas", "Nothing to import from mutated.scanvas"))
            with open_store(store) as opened:
                for summary in opened.list_canvases():
                    opened.load(summary.id)  # every canvas still loads whole
        else:
            assert status == 1 and err.startswith("canvas: nothing imported: mutated.scanvas")
            assert store.read_bytes() == before
        shutil.rmtree(folder, ignore_errors=True)
