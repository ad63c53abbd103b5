"""Read a plan file into plain data plus the line and column of every node.

The loader never constructs objects from tags, never follows aliases without a budget,
and turns every way a file can be broken into a :class:`Problem` naming the place.
Scalars are resolved with the YAML 1.2 core schema (``no`` stays a string, so the
country code of Norway is not read as ``False``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from advisor.problems import InputError, Problem

Key = tuple[str | int, ...]
Position = tuple[int, int]

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
MAX_NODES = 200_000
MAX_DEPTH = 64

_ALLOWED_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Document:
    """A parsed file: its data, where each node stands, and where each mapping key stands."""

    file: str
    data: Any
    positions: dict[Key, Position]
    key_positions: dict[Key, Position]

    def position(self, key: Key) -> Position | None:
        """The closest known position for ``key``, walking up to its parents."""
        while True:
            if key in self.positions:
                return self.positions[key]
            if not key:
                return None
            key = key[:-1]


def read_text(path: Path, display: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Read and decode a plan file, refusing what is not a text file we can trust."""
    try:
        if path.is_dir():
            raise InputError([Problem("is_directory", display)])
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError([Problem("too_large", display, params={"size": size, "limit": max_bytes})])
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError([Problem("not_found", display)]) from None
    except PermissionError:
        raise InputError([Problem("unreadable", display, params={"reason": "permission denied"})]) from None
    except OSError as exc:
        raise InputError([Problem("unreadable", display, params={"reason": exc.strerror or str(exc)})]) from None
    if len(raw) > max_bytes:
        raise InputError([Problem("too_large", display, params={"size": len(raw), "limit": max_bytes})])
    return decode(raw, display)


def decode(raw: bytes, display: str) -> str:
    """UTF-8 (with or without BOM) and UTF-16/32 with a BOM are read; anything else is refused."""
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if raw.startswith(bom):
            try:
                return _check_text(raw.decode(codec), display)
            except UnicodeDecodeError:
                raise InputError([Problem("not_utf8", display, line=1)]) from None
    if b"\x00" in raw:
        raise InputError([Problem("binary", display, line=raw[: raw.index(b"\x00")].count(b"\n") + 1)])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(
            [Problem("not_utf8", display, line=line, col=col, params={"byte": f"0x{raw[exc.start]:02x}"})]
        ) from None
    return _check_text(text, display)


def _check_text(text: str, display: str) -> str:
    for index, char in enumerate(text):
        if char == "\x00" or (ord(char) < 32 and char not in "\t\n\r"):
            line = text.count("\n", 0, index) + 1
            raise InputError([Problem("binary", display, line=line)])
    return text


def load_file(path: str | Path, display: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read, decode and parse one plan file; raise :class:`InputError` on any problem."""
    path = Path(path)
    display = display or str(path)
    text = read_text(path, display, max_bytes)
    return parse_text(text, display, is_json=path.suffix.lower() == ".json")


def parse_text(text: str, display: str, is_json: bool = False) -> Document:
    if not text.strip():
        raise InputError([Problem("empty", display)])
    doc = _parse_json(text, display) if is_json else _parse_yaml(text, display)
    if doc.data is None:
        raise InputError([Problem("empty", display)])
    if not isinstance(doc.data, dict):
        found = "list" if isinstance(doc.data, list) else type(doc.data).__name__
        raise InputError([Problem("top_not_mapping", display, line=1, col=1, params={"found": found})])
    return doc


# --- YAML ------------------------------------------------------------------------------------


def _parse_yaml(text: str, display: str) -> Document:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        reason = (exc.problem or exc.context or "").strip()
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        raise InputError([Problem("yaml_syntax", display, line=line, col=col, params={"reason": reason})]) from None
    except yaml.YAMLError as exc:
        raise InputError([Problem("yaml_syntax", display, params={"reason": str(exc)})]) from None
    except RecursionError:
        raise InputError([Problem("too_deep", display, params={"limit": MAX_DEPTH})]) from None
    if root is None:
        raise InputError([Problem("empty", display)])
    builder = _Builder(display)
    data = builder.build(root, (), 0)
    if builder.problems:
        raise InputError(builder.problems)
    return Document(display, data, builder.positions, builder.key_positions)


class _Builder:
    """Turns a composed YAML node graph into data, with budgets against alias bombs."""

    def __init__(self, display: str):
        self.display = display
        self.positions: dict[Key, Position] = {}
        self.key_positions: dict[Key, Position] = {}
        self.problems: list[Problem] = []
        self.nodes = 0

    def _problem(self, code: str, node: yaml.Node, **params: Any) -> None:
        mark = node.start_mark
        self.problems.append(Problem(code, self.display, mark.line + 1, mark.column + 1, params=params))

    def build(self, node: yaml.Node, key: Key, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            self._problem("too_many_nodes", node, limit=MAX_NODES)
            raise InputError(self.problems)
        if depth > MAX_DEPTH:
            self._problem("too_deep", node, limit=MAX_DEPTH)
            raise InputError(self.problems)
        self.positions[key] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if node.tag not in _ALLOWED_TAGS:
            self._problem("tag_refused", node, tag=node.tag)
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, key, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*key, i), depth + 1) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, key: Key, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self._problem("merge_key", key_node)
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self._problem("complex_key", key_node)
                continue
            name = str(key_node.value)
            if name in out:
                self._problem("duplicate_key", key_node, key=name)
                continue
            self.key_positions[(*key, name)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            out[name] = self.build(value_node, (*key, name), depth + 1)
        return out

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        value: str = node.value
        if node.style is not None or node.tag == "tag:yaml.org,2002:str":
            return value
        if _NULL.match(value):
            return None
        if _BOOL.match(value):
            return value.lower() == "true"
        if _INT.match(value):
            return int(value)
        if _FLOAT.match(value):
            return float(value)
        if _DATE.match(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                return value
        return value


# --- JSON ------------------------------------------------------------------------------------


def _parse_json(text: str, display: str) -> Document:
    duplicates: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for k, v in items:
            if k in out:
                duplicates.append(k)
            out[k] = v
        return out

    try:
        data = json.loads(text, object_pairs_hook=pairs)
    except json.JSONDecodeError as exc:
        raise InputError(
            [Problem("json_syntax", display, line=exc.lineno, col=exc.colno, params={"reason": exc.msg})]
        ) from None
    except RecursionError:
        raise InputError([Problem("too_deep", display, params={"limit": MAX_DEPTH})]) from None
    # JSON is valid YAML flow syntax, so the YAML composer gives positions (and reports
    # duplicate keys with their lines). If it cannot read a construct, the data stays right and
    # locations fall back to the top of the file.
    try:
        located = _parse_yaml(text, display)
    except InputError as err:
        if duplicates:
            raise InputError([Problem("duplicate_key", display, params={"key": k}) for k in duplicates]) from err
        return Document(display, data, {(): (1, 1)}, {})
    return Document(display, data, located.positions, located.key_positions)
