"""``json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)``, byte for byte, faster.

With ``indent`` the standard library drops its C encoder for a generator-based one in pure
Python, which was about a tenth of a batch's time with ``--format json``. Here strings go
through the C string encoder and containers are walked once into a list of parts; anything
unusual (a float, a non-string key) is left to the standard encoder, so the bytes never differ
(tests/test_render.py compares them on random data and on the golden reports).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from json.encoder import encode_basestring  # the C function when the accelerator is there
from typing import Any

try:  # about eight times faster on a review; optional, the encoder below always gives the same bytes
    import orjson as _orjson

    # Anything orjson encodes its own way (dataclasses such as Encoded, dates, subclasses of
    # str, int, dict and list) is passed through, and so raises: the standard way takes it.
    _ORJSON_OPTIONS = (
        _orjson.OPT_INDENT_2
        | _orjson.OPT_SORT_KEYS
        | _orjson.OPT_PASSTHROUGH_DATACLASS
        | _orjson.OPT_PASSTHROUGH_DATETIME
        | _orjson.OPT_PASSTHROUGH_SUBCLASS
    )
except ImportError:  # pragma: no cover - installed with the package
    _orjson = None  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class Encoded:
    """A value already encoded by :func:`dumps` at ``depth`` levels of nesting, to be placed
    as it is (e.g. a review rendered in a batch worker)."""

    text: str
    depth: int


def dumps(value: Any, depth: int = 0, *, floats: bool = True) -> str:
    """``value`` encoded as it reads ``depth`` levels deep in a larger document. ``floats=False``
    is the caller's word that ``value`` holds no float (a review's JSON: counts, lines and
    scores are integers): it is then encoded by orjson, whose output is the standard encoder's
    byte for byte for strings, integers, ``true``, ``false``, ``null``, lists and dicts with
    text keys (it writes floats its own way: ``1e16``, and NaN as ``null``)."""
    if not floats and _orjson is not None:
        try:
            encoded: str = _orjson.dumps(value, option=_ORJSON_OPTIONS).decode()
        except TypeError:  # a part already encoded, an integer beyond 64 bits, a key not text, a date
            pass
        else:
            return encoded.replace("\n", "\n" + "  " * depth) if depth else encoded
    out: list[str] = []
    try:
        _encode(value, out, "\n" + "  " * depth)
    except TypeError:  # a key that is not a string: the standard encoder converts it
        if depth:
            raise  # it cannot place its output at a depth
        return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)
    return "".join(out)


def _leaf(value: Any) -> str | None:
    """A string, an integer, ``true``, ``false`` or ``null`` encoded; None for anything else."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if kind is int:
        return int.__repr__(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    return None


def _encode(value: Any, out: list[str], newline: str) -> None:
    leaf = _leaf(value)
    if leaf is not None:
        out.append(leaf)
    elif isinstance(value, Encoded):
        if newline != "\n" + "  " * value.depth:
            raise ValueError(f"a part encoded {value.depth} levels deep placed at another depth")
        out.append(value.text)
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = newline + "  "
        sep = "{" + inner
        for key in sorted(value):
            if type(key) is not str:
                raise TypeError(key)
            item = value[key]
            leaf = encode_basestring(item) if type(item) is str else _leaf(item)  # most values are text
            out.append(f"{sep}{encode_basestring(key)}: {leaf if leaf is not None else ''}")
            if leaf is None:
                _encode(item, out, inner)
            sep = "," + inner
        out.append(newline + "}")
    elif isinstance(value, list | tuple):
        if not value:
            out.append("[]")
            return
        inner = newline + "  "
        if all(type(item) is str for item in value):  # e.g. a finding's sources: in one join
            out.append("[" + inner + ("," + inner).join(map(encode_basestring, value)) + newline + "]")
            return
        sep = "[" + inner
        for item in value:
            leaf = encode_basestring(item) if type(item) is str else _leaf(item)
            out.append(sep + (leaf if leaf is not None else ""))
            if leaf is None:
                _encode(item, out, inner)
            sep = "," + inner
        out.append(newline + "]")
    else:  # floats (NaN, Infinity) and rarer types: in the standard encoder's own words
        out.append(json.dumps(value, ensure_ascii=False))
