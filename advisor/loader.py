"""Read a plan file into plain data plus the line and column of every node.

The loader never constructs objects from tags, never follows aliases without a budget,
and turns every way a file can be broken into a :class:`Problem` naming the place.
Scalars are resolved with the YAML 1.2 core schema (``no`` stays a string, so the
country code of Norway is not read as ``False``).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import yaml

from advisor import collector
from advisor.problems import InputError, Problem
from advisor.sources.place import Place, SheetMap

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
# Plain scalars get this internal tag; the builder resolves them with the core schema itself.
_PLAIN = "tag:advisor,2024:plain"
_MERGE = "tag:yaml.org,2002:merge"
_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_ALLOWED_TAGS.add(_PLAIN)
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_INT = re.compile(r"^[-+]?[0-9]+$")
_GROUPED = re.compile(r"^[-+]?[1-9][0-9]{0,2}\.[0-9]{3}$")  # digits grouped like thousands
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def nearest(key: Key, known: dict[Key, Position]) -> Key:
    """``key`` itself when the file has it, else its closest parent that it has (``()`` at worst):
    a finding about a missing field is placed at the section that should hold it."""
    while key and key not in known:
        key = key[:-1]
    return key


@dataclass(frozen=True)
class Document:
    """A parsed file: its data, where each node stands, and where each mapping key stands."""

    file: str
    data: Any
    positions: dict[Key, Position]
    key_positions: dict[Key, Position]
    # A workbook's rows as virtual lines (advisor/sources/place.py); None for a text file.
    sheets: SheetMap | None = None
    # Notes about the file that are not problems (a workbook's macros, never run).
    notes: tuple[Problem, ...] = ()
    # A text file's own text, for excerpts (a workbook's are its rows, in ``sheets``).
    text: str = field(default="", repr=False, compare=False)

    def position(self, key: Key) -> Position | None:
        """The closest known position for ``key``, walking up to its parents."""
        return self.positions.get(nearest(key, self.positions))

    def place(self, line: int | None, col: int | None) -> Place:
        """Where a ``(line, col)`` of this document is, as a person finds it."""
        return self.sheets.place(self.file, line, col) if self.sheets else Place(self.file, line, col)

    def excerpt(self, line: int) -> tuple[str, ...]:
        """What stands at ``line``: a text file's line, or a workbook row's cells (``C5: text``)."""
        if self.sheets is not None:
            return self.sheets.excerpt(line)
        lines = self.text.splitlines()
        return (lines[line - 1],) if 1 <= line <= len(lines) else ()


def read_text(path: Path, display: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Read and decode a plan file, refusing what is not a text file we can trust."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise InputError([Problem("is_directory", display)])
        if not stat.S_ISREG(info.st_mode):  # a pipe or a device would block or never end
            raise InputError([Problem("not_regular", display)])
        if info.st_size > max_bytes:
            raise InputError([Problem("too_large", display, params={"size": info.st_size, "limit": max_bytes})])
        with path.open("rb") as handle:  # never more than the limit, even if the file grows meanwhile
            raw = handle.read(max_bytes + 1)
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
            except UnicodeDecodeError as exc:
                # The text before the bad bytes is readable: count its lines for the place.
                line = raw[: exc.start].decode(codec, errors="ignore").count("\n") + 1
                problem = Problem(
                    "bad_encoding", display, line=line, params={"codec": codec.upper(), "offset": exc.start}
                )
                raise InputError([problem]) from None
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


# C0 control characters other than tab, line feed and carriage return: a binary file.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _check_text(text: str, display: str) -> str:
    found = _CONTROL.search(text)  # one C scan; a loop over the characters was 3 ms a plan
    if found:
        line = text.count("\n", 0, found.start()) + 1
        raise InputError([Problem("binary", display, line=line)])
    return text


def load_file(path: str | Path, display: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read, decode and parse one plan file; raise :class:`InputError` on any problem."""
    path = Path(path)
    display = display or str(path)
    text = read_text(path, display, max_bytes)
    with collector.paused():  # see advisor/collector.py: linear work stays linear
        return parse_text(text, display, is_json=path.suffix.lower() == ".json")


def parse_text(text: str, display: str, is_json: bool = False) -> Document:
    if not text.strip():
        raise InputError([Problem("empty", display)])
    doc = replace(_parse_json(text, display) if is_json else _parse_yaml(text, display), text=text)
    if doc.data is None:
        raise InputError([Problem("empty", display)])
    if not isinstance(doc.data, dict):
        found = "list" if isinstance(doc.data, list) else type(doc.data).__name__
        raise InputError([Problem("top_not_mapping", display, line=1, col=1, params={"found": found})])
    return doc


# --- YAML ------------------------------------------------------------------------------------


class _Budget(Exception):
    """Composition stopped: the document has too many nodes or is nested too deep."""

    def __init__(self, code: str, mark: Any, limit: int):
        super().__init__(code)
        self.code, self.mark, self.limit = code, mark, limit


class _Resolver(yaml.resolver.BaseResolver):
    """No YAML 1.1 implicit types (``=`` or ``yes`` are not special): plain scalars are
    marked as such and typed by the builder with the core schema."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is yaml.ScalarNode:
            if implicit[0]:
                return _MERGE if value == "<<" else _PLAIN
            return _STR
        # What BaseResolver.resolve gives a collection when there are no path resolvers (there
        # are none here), without its call: the composer asks for every node.
        if kind is yaml.MappingNode:
            return _MAP
        if kind is yaml.SequenceNode:
            return _SEQ
        # types-PyYAML leaves BaseResolver.resolve unannotated.
        return super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]


class _BudgetComposer(yaml.composer.Composer):
    """Counts nodes and depth while composing, so that a huge or deeply nested file stops
    early (bounded time and memory, and no RecursionError) with the place where it did."""

    if TYPE_CHECKING:
        # From the parser this composer is mixed with; composing a node, there is always one.
        def peek_event(self) -> yaml.Event: ...

    def compose_node(self, parent: Any, index: Any) -> Any:
        self._nodes = getattr(self, "_nodes", 0) + 1
        self._depth = getattr(self, "_depth", 0) + 1
        try:
            if self._nodes > MAX_NODES:
                raise _Budget("too_many_values", self.peek_event().start_mark, MAX_NODES)
            if self._depth > MAX_DEPTH + 1:
                raise _Budget("too_deep", self.peek_event().start_mark, MAX_DEPTH)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _PyLoader(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, _BudgetComposer, _Resolver):
    """The pure-Python parser: the reference, and the one whose error messages we show."""

    def __init__(self, stream: str):
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        _BudgetComposer.__init__(self)
        _Resolver.__init__(self)


class _Loader(Protocol):
    def get_single_node(self) -> yaml.Node | None: ...
    def dispose(self) -> None: ...


_LOADERS: tuple[Callable[[str], _Loader], ...] = (_PyLoader,)
_NATIVE: Callable[[str], _Loader] | None = None
if getattr(yaml, "__with_libyaml__", False):
    # libyaml's C parser reads a plan several times faster; the composer stays in Python to
    # keep the budgets. Its syntax messages are terser, so a file it rejects is read again by
    # the pure-Python parser, which then decides and words the error.
    from yaml._yaml import CParser  # the C extension; yaml.cyaml uses it without exporting it

    class _CLoader(_BudgetComposer, CParser, _Resolver):
        def __init__(self, stream: str):
            CParser.__init__(self, stream)
            _BudgetComposer.__init__(self)
            _Resolver.__init__(self)

    class _NativeLoader(CParser, _Resolver):
        """libyaml's own composer (in C, about half the time of the Python one), used only on a
        text that :func:`_native_fits` proves within the composer's budgets."""

        # The composer calls these two for every node, for path resolvers, which the plans'
        # resolver has none of: built-ins that do nothing instead of two Python calls a node
        # (a tenth of the composer's time). ``{}.get(parent, index)`` and ``tuple()``.
        descend_resolver = {}.get  # type: ignore[assignment,var-annotated]  # a built-in: not bound
        ascend_resolver = tuple  # type: ignore[assignment]

        def __init__(self, stream: str):
            CParser.__init__(self, stream)
            _Resolver.__init__(self)

    _LOADERS = (_CLoader, _PyLoader)
    _NATIVE = _NativeLoader

# The C composer counts nothing and recurses in C. It is given only a text that cannot break
# the budgets: no more than MAX_NODES nodes (a node takes at least half a character: `?` on
# its own line is a key and a value), and nesting far from anything that could exhaust the C
# stack (a level takes a `[` or `{`, or at least half a column of a line: `- - - x`). Within
# that, the budgets are still the builder's and the Python composer's: a document the
# builder finds a problem in is composed again the reference way, so that every error is
# worded and placed as before.
_NATIVE_MAX_CHARS = MAX_NODES // 2
_NATIVE_MAX_NESTING = 4_000


def _native_fits(text: str) -> bool:
    if len(text) > _NATIVE_MAX_CHARS:
        return False
    widest = max(map(len, text.splitlines()), default=0)
    return 2 * widest + text.count("[") + text.count("{") + 2 <= _NATIVE_MAX_NESTING


def _compose_native(text: str) -> yaml.Node | None:
    """The document by libyaml's composer, or None when it cannot be used on ``text`` (no
    libyaml, a text outside the guard, or any error: the reference way decides those)."""
    if _NATIVE is None or not _native_fits(text):
        return None
    loader = _NATIVE(text)
    try:
        return loader.get_single_node()
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()


def _compose(text: str) -> yaml.Node | None:
    *fast, reference = _LOADERS
    for loader_class in fast:
        loader = loader_class(text)
        try:
            return loader.get_single_node()
        except yaml.YAMLError:
            break
        finally:
            loader.dispose()
    loader = reference(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _parse_yaml(text: str, display: str, merge_keys: bool = False) -> Document:
    root = _compose_native(text)
    if root is not None:
        builder = _Builder(display, merge_keys)
        try:
            data = builder.build(root, (), 0)
        except InputError:
            data = None  # a budget met: composed again below, as the reference reports it
        else:
            if not builder.problems:
                return Document(display, data, builder.positions, builder.key_positions)
    return _parse_yaml_reference(text, display, merge_keys)


def _parse_yaml_reference(text: str, display: str, merge_keys: bool = False) -> Document:
    try:
        root = _compose(text)
    except _Budget as exc:
        line, col = exc.mark.line + 1, exc.mark.column + 1
        raise InputError([Problem(exc.code, display, line, col, params={"limit": exc.limit})]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context == "while scanning a quoted scalar" and exc.context_mark is not None:
            mark = exc.context_mark  # the unclosed quote is what needs fixing, not the end of the file
        reason = (exc.problem or exc.context or "").strip()
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        params: dict[str, Any] = {"reason": reason, "problem": exc.problem or "", "context": exc.context or ""}
        if exc.context_mark is not None:
            params["context_line"] = exc.context_mark.line + 1
        raise InputError([Problem("yaml_syntax", display, line=line, col=col, params=params)]) from None
    except yaml.YAMLError as exc:
        raise InputError([Problem("yaml_syntax", display, params={"reason": str(exc)})]) from None
    except RecursionError:
        raise InputError([Problem("too_deep", display, params={"limit": MAX_DEPTH})]) from None
    if root is None:
        raise InputError([Problem("empty", display)])
    builder = _Builder(display, merge_keys)
    data = builder.build(root, (), 0)
    if builder.problems:
        raise InputError(builder.problems)
    return Document(display, data, builder.positions, builder.key_positions)


def locate(text: str, display: str) -> Document:
    """Any YAML text with the place of every node, merge keys (``<<: *plan``) followed: where
    advisor/knowledge.py finds the line of a knowledge file's mistake. Plans refuse merge keys."""
    return _parse_yaml(text, display, merge_keys=True)


# The first characters a plain scalar other than text can start with (the empty string: null);
# a plain scalar starting with anything else (most of a plan's: words) is text without a test.
_TYPED_START = frozenset("~nNtTfF0123456789+-.") | {""}
_TEXT_TAGS = frozenset({_PLAIN, _STR})


class _Builder:
    """Turns a composed YAML node graph into data, with budgets against alias bombs."""

    def __init__(self, display: str, merge_keys: bool = False):
        self.display = display
        self.merge_keys = merge_keys
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
            return self._sequence(node, key, depth)
        assert isinstance(node, yaml.ScalarNode)  # the composer makes no other kind of node
        return self._scalar(node)

    def _child(self, node: yaml.Node, key: Key, depth: int) -> Any:
        """:meth:`build` of a node inside a collection at ``depth - 1``. Most are plain or
        quoted scalars within the budgets: those are built here, with the same effects
        (counted, placed, typed), without the calls; anything else goes through build."""
        if type(node) is yaml.ScalarNode and node.tag in _TEXT_TAGS and self.nodes < MAX_NODES and depth <= MAX_DEPTH:
            self.nodes += 1
            mark = node.start_mark
            self.positions[key] = (mark.line + 1, mark.column + 1)
            value: str = node.value
            if node.style or node.tag == _STR or value[:1] not in _TYPED_START:
                return value
            return self._typed(value)
        return self.build(node, key, depth)

    def _sequence(self, node: yaml.SequenceNode, key: Key, depth: int) -> list[Any]:
        child = self._child
        # key + (i,), not (*key, i): in Python 3.11 unpacking builds a list first, twice the time
        return [child(item, key + (i,), depth + 1) for i, item in enumerate(node.value)]  # noqa: RUF005

    def _mapping(self, node: yaml.MappingNode, key: Key, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.merge_keys:  # merged first: the keys written in this mapping win, places too
            for key_node, value_node in node.value:
                if key_node.tag == _MERGE:
                    sources = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
                    for source in reversed(sources):  # the first source listed wins
                        if isinstance(source, yaml.MappingNode):
                            out.update(self._mapping(source, key, depth))
        seen: set[str] = set()
        key_positions, child = self.key_positions, self._child
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                if not self.merge_keys:
                    self._problem("merge_key", key_node)
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self._problem("complex_key", key_node)
                continue
            name = str(key_node.value)
            if name in seen:
                self._problem("duplicate_key", key_node, key=name)
                continue
            seen.add(name)
            mark = key_node.start_mark
            path = key + (name,)  # noqa: RUF005 (see _sequence)
            key_positions[path] = (mark.line + 1, mark.column + 1)
            out[name] = child(value_node, path, depth + 1)
        return out

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        value: str = node.value
        if node.style or node.tag == _STR:  # quoted or block (libyaml: plain is "")
            return value
        return self._typed(value) if value[:1] in _TYPED_START else value

    @staticmethod
    def _typed(value: str) -> Any:
        """A plain scalar typed by the YAML 1.2 core schema."""
        if _NULL.match(value):
            return None
        if _BOOL.match(value):
            return value.lower() == "true"
        if _INT.match(value):
            return _int(value)
        if _FLOAT.match(value):
            # "1.500" is one and a half to YAML and one thousand five hundred to an Indonesian
            # writer: keep the text as written, and the text layer reads it in the plan's
            # language (advisor/text/numbers.py), with a notice when that is ambiguous.
            return value if _GROUPED.match(value) else _float(value)
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
        data = json.loads(
            text, object_pairs_hook=pairs, parse_int=_int, parse_float=_float, parse_constant=lambda word: word
        )
    except json.JSONDecodeError as exc:
        raise InputError(
            [
                Problem(
                    "json_syntax",
                    display,
                    line=exc.lineno,
                    col=exc.colno,
                    params={"reason": exc.msg, "problem": exc.msg, "context": "json"},
                )
            ]
        ) from None
    except RecursionError:
        raise InputError([Problem("too_deep", display, params={"limit": MAX_DEPTH})]) from None
    # The same budgets as YAML, checked before the (slower) pass that finds the positions.
    nodes, depth = _measure(data)
    if depth > MAX_DEPTH:
        raise InputError([Problem("too_deep", display, params={"limit": MAX_DEPTH})])
    if nodes > MAX_NODES:
        raise InputError([Problem("too_many_values", display, params={"limit": MAX_NODES})])
    # JSON is valid YAML flow syntax, so the YAML composer gives positions (and reports
    # duplicate keys with their lines). If it cannot read a construct, the data stays right and
    # locations fall back to the top of the file.
    try:
        located = _parse_yaml(text, display)
    except InputError as err:
        if duplicates:
            located_duplicates = [p for p in err.problems if p.code == "duplicate_key"]  # with their lines
            raise InputError(
                located_duplicates or [Problem("duplicate_key", display, params={"key": k}) for k in duplicates]
            ) from None
        return Document(display, data, {(): (1, 1)}, {})
    return Document(display, data, located.positions, located.key_positions)


def _measure(data: Any) -> tuple[int, int]:
    """Node count and depth of parsed JSON data, without recursion."""
    nodes, deepest = 0, 0
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        item, depth = stack.pop()
        nodes += 1
        deepest = max(deepest, depth)
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return nodes, deepest


# --- numbers ---------------------------------------------------------------------------------
# A number Python cannot hold as written (thousands of digits, 1e999, NaN) stays the text it
# was, so that validation reports it as a value of the wrong type instead of failing later.


def _int(text: str) -> int | str:
    try:
        return int(text)
    except ValueError:  # longer than sys.get_int_max_str_digits()
        return text


def _float(text: str) -> float | str:
    value = float(text)
    return value if math.isfinite(value) else text
