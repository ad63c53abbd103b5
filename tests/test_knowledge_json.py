"""knowledge/compiled.json is read by orjson (advisor/knowledge.py): the same data, of the same
types and in the same order, as the standard decoder gives."""

from __future__ import annotations

import json
from typing import Any

from advisor.knowledge_base import KNOWLEDGE_DIR

from advisor.knowledge import COMPILED_FILE, _json_loads


def _typed(value: Any) -> Any:
    """The value with every type and key order made part of what is compared."""
    if isinstance(value, dict):
        return ("dict", [(k, _typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [_typed(v) for v in value])
    return (type(value).__name__, value)


def test_the_compiled_copy_reads_as_the_standard_decoder_reads_it() -> None:
    raw = (KNOWLEDGE_DIR / COMPILED_FILE).read_bytes()
    data = _json_loads(raw)
    assert isinstance(data, dict) and data.get("files")
    assert _typed(data) == _typed(json.loads(raw.decode("utf-8")))


def test_what_orjson_refuses_is_read_the_standard_way() -> None:
    raw = b'{"a": NaN, "b": 100000000000000000000000, "c": 1.5}'
    data = _json_loads(raw)
    assert data["a"] != data["a"]  # NaN
    assert data["b"] == 10**23 and data["c"] == 1.5
