"""Untrusted JSON is read by jiter when it is sound, and by json.loads (to say what is wrong) when it is not:
either way the value is the one json.loads gives, and the same files are refused."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from canvas.exchange.limits import FileRejected, load_json, parse_json

text = st.text(max_size=20).map(lambda s: s.encode("utf-8", "replace").decode("utf-8"))
scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | text
json_values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(text, inner, max_size=4), max_leaves=20
)


@settings(max_examples=150, deadline=None)
@given(value=json_values, indent=st.sampled_from([None, 1]), ascii_only=st.booleans())
def test_a_sound_file_reads_as_json_loads_reads_it(value: Any, indent: int | None, ascii_only: bool) -> None:
    data = json.dumps(value, indent=indent, ensure_ascii=ascii_only).encode("utf-8")

    parsed, repeated = parse_json(data, "f.json")

    assert parsed == json.loads(data) and repeated == {}


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'{"a": 1, "a": 2}', "the key 'a' appears more than once"),
        (b'{"\\u0061": 1, "a": 2}', "the key 'a' appears more than once"),  # the same key, written another way
        (b'{"x": NaN}', "NaN is not a number a canvas can hold"),
        (b'{"x": -Infinity}', "-Infinity is not a number a canvas can hold"),
        (b'{"x": "tab\tinside"}', "not valid JSON (Invalid control character"),
        (b'{"x": 1} trailing', "not valid JSON (Extra data)"),
        (b'{"x": [1, 2', "the file ends too early"),
        (b'{"x": "\xc3("}', "is not UTF-8 text"),
        (b"[" * 100 + b"]" * 100, "is nested more than 64 levels deep"),
    ],
)
def test_what_jiter_refuses_is_described_as_before(data: bytes, expected: str) -> None:
    with pytest.raises(FileRejected) as refused:
        load_json(data, "f.json")

    assert expected in str(refused.value)


def test_what_only_json_loads_accepts_is_still_read() -> None:
    # A byte-order mark and a lone surrogate escape: jiter refuses both, the slower path reads them as before.
    assert load_json(b'\xef\xbb\xbf{"a": 1}', "f.json") == {"a": 1}
    assert load_json(b'{"a": "\\ud800"}', "f.json") == {"a": "\ud800"}
