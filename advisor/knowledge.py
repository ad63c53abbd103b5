"""Load the knowledge base in ``knowledge/`` and check it against a declared schema.

Domain experts edit these YAML files without touching Python; a mistake in them (an unknown
key, a text missing in one language) fails loudly at load time, naming the file, the line and
the key. Every file's schema is declared in advisor/knowledge_schemas.py as read-only records,
checked by the strict Pydantic models derived from them.

Every file is checked against its schema when it is loaded, in one of two ways. A file read
from its YAML (edited since the build, or not compiled) is checked by Pydantic, here. A file
read from knowledge/compiled.json was checked by tools/build.py, the same way, before it wrote
the copy: the copy is used only while its entry was made from this very text (size and CRC-32), and
taken as checked only while the document was made under this very schema (the CRC-32 of
advisor/knowledge_schemas.py, which the build writes into it); else it is checked here too.
Checking again what the build checked took ~10 ms of a cold `advisor check`.
"""

from __future__ import annotations

import json
import typing
import zlib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from advisor import knowledge_schemas
from advisor.knowledge_base import KNOWLEDGE_DIR
from advisor.knowledge_schemas import (
    AREA_FILES,
    AREA_LINE,
    AREA_LINES,
    Bibliography,
    Bilingual,
    BilingualTable,
    Challenges,
    Coverage,
    Forms,
    Labels,
    Lexicon,
    Phase,
    Phases,
    Pillar,
    Pillars,
    Places,
    PlanFields,
    PlanFormat,
    Principle,
    Principles,
    RuleText,
    RuleTexts,
    Scoring,
    Source,
    StemExceptions,
    Step,
    Steps,
    Thresholds,
    WordList,
    YamlReason,
    YamlReasons,
    build,
    kind_for,
    schema_for,
    validator,
)

if typing.TYPE_CHECKING:
    from pydantic import ValidationError

LANGS = ("id", "en")


class KnowledgeError(Exception):
    """The knowledge base itself is broken: a packaging or editing mistake, not user input."""


def load_yaml(text: str) -> Any:
    """Parse a knowledge file's text (safe tags only).

    The knowledge files ship with the package (trusted, shallow), so libyaml's parser reads
    them when it is there: the pure-Python one made a cold `advisor check` spend ~0.4 s on them.
    User plans go through advisor/loader.py, which bounds node count and depth itself. PyYAML
    is imported here, when a file is parsed: with knowledge/compiled.json current, `advisor
    rules` never needs it (~25 ms)."""
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def read_text_table(name: str) -> Any:
    """A text file's plain data (``texts/click.yaml``), checked against its schema."""
    return checked_data(name)


def _read(name: str) -> Any:
    return _read_checked(name)[0]


def _read_checked(name: str) -> tuple[Any, bool]:
    """A knowledge file's data, and whether the build checked it against its schema: from
    ``knowledge/compiled.json`` when that was made from this very text (same size and CRC-32),
    else parsed from the YAML. The YAML is what experts edit and always wins; the compiled copy
    only spares a start-up the parsing (json.loads is about ten times faster than libyaml here:
    ~30 ms of a cold check) and the checking."""
    path = KNOWLEDGE_DIR / name
    try:
        raw = path.read_bytes()
        entry = _compiled().get(name)
        if entry is not None and entry["size"] == len(raw) and entry["crc32"] == zlib.crc32(raw):
            schemas = schemas_crc()
            return entry["data"], schemas is not None and _compiled_document().get("schemas") == schemas
        return load_yaml(raw.decode("utf-8")), False
    except Exception as exc:  # OSError, UnicodeDecodeError, yaml.YAMLError: the file is broken
        raise KnowledgeError(_read_error(name, exc)) from exc


@cache
def schemas_crc() -> int | None:
    """The CRC-32 of advisor/knowledge_schemas.py, which tools/build.py writes into the compiled
    copy it checked under that schema (None where the source cannot be read: nothing compiled is
    then taken as checked)."""
    try:
        return zlib.crc32(Path(knowledge_schemas.__file__).read_bytes())
    except (OSError, TypeError):
        return None


def _read_error(name: str, exc: Exception) -> str:
    """One line: PyYAML's own message spans several, with the place in the middle."""
    mark = getattr(exc, "problem_mark", None)
    if mark is not None:
        problem, context = getattr(exc, "problem", None), getattr(exc, "context", None)
        reason = f"{problem} ({context})" if problem and context else problem or context or "not YAML"
        return f"knowledge/{name}:{mark.line + 1}:{mark.column + 1}: {reason}"
    return f"knowledge/{name}: {' '.join(str(exc).split())}"


COMPILED_FILE = "compiled.json"


@cache
def _compiled() -> dict[str, Any]:
    files = _compiled_document().get("files")
    return files if isinstance(files, dict) else {}  # missing or damaged: every file is parsed from its YAML


@cache
def _compiled_document() -> dict[str, Any]:
    try:
        document = _json_loads((KNOWLEDGE_DIR / COMPILED_FILE).read_bytes())
    except (OSError, ValueError):
        return {}
    return document if isinstance(document, dict) else {}


def _json_loads(raw: bytes) -> Any:
    """JSON data: by orjson (the 0.8 MB compiled copy in 6 ms instead of 20, a cold check's
    start), by the standard decoder where orjson refuses a text (``NaN``, integers over 64 bits,
    which the standard decoder reads) or is missing."""
    try:
        import orjson

        return orjson.loads(raw)
    except (ImportError, ValueError):  # orjson.JSONDecodeError is a ValueError
        return json.loads(raw.decode("utf-8"))


@cache
def stems_source_crc() -> int:
    """The CRC-32 of what the lexicon's stems are made from (lexicon and exceptions)."""
    return zlib.crc32((KNOWLEDGE_DIR / "lexicon.yaml").read_bytes() + (KNOWLEDGE_DIR / STEMS_FILE).read_bytes())


STEMS_FILE = "stem_exceptions.yaml"


@cache
def precomputed_phrases() -> dict[str, Any]:
    """The lexicon's compiled phrases from ``knowledge/compiled.json`` when made from the
    current lexicon, as advisor/text/lexicon.py's table reads them (empty when stale: they are
    compiled at run time then)."""
    raw = _compiled_document().get("phrases", {})
    try:
        if raw.get("crc32") == stems_source_crc():
            return dict(raw["table"])
    except (KeyError, TypeError, AttributeError, ValueError):
        pass
    return {}


@cache
def table_crc(source: str, inputs: tuple[str, ...] = ()) -> int | None:
    """The CRC-32 of what a table of advisor/text/ahead.py is made from: the lexicon, the stem
    exceptions, the source file of the module that computes it and the knowledge files
    ``inputs`` (None when one cannot be read: the table is then computed at run time)."""
    try:
        crc = zlib.crc32(Path(source).read_bytes(), stems_source_crc())
        for name in inputs:
            crc = zlib.crc32((KNOWLEDGE_DIR / name).read_bytes(), crc)
        return crc
    except OSError:
        return None


def precomputed_table(name: str, source: str, inputs: tuple[str, ...] = ()) -> Any | None:
    """A table of advisor/text/ahead.py from ``knowledge/compiled.json`` when it was made from the
    current lexicon, exceptions, ``source`` and ``inputs``, else None."""
    try:
        entry = _compiled_document().get("tables", {}).get(name)
        crc = table_crc(source, inputs)
        if entry is not None and crc is not None and entry["crc32"] == crc:
            return entry["data"]
    except (KeyError, TypeError, AttributeError):
        pass
    return None


def precomputed_stems() -> dict[str, dict[str, str]]:
    """The lexicon's stems from ``knowledge/compiled.json`` when made from the current lexicon."""
    try:
        raw = _compiled_document().get("stems", {})
        if raw.get("crc32") == stems_source_crc():
            return {"id": dict(raw["id"]), "en": dict(raw["en"])}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    return {"id": {}, "en": {}}


_R = TypeVar("_R")


@cache
def _loaded(name: str, kind: Any) -> Any:
    data, checked = _read_checked(name)
    if not checked:
        check(name, data, kind)
    return build(kind, data)


def _checked(name: str, kind: type[_R]) -> _R:
    """``knowledge/<name>`` as ``kind`` (its records), or a :class:`KnowledgeError` naming file,
    line and key."""
    hashable: Any = kind  # a class or a type alias (`dict[str, Bilingual]`)
    return typing.cast(_R, _loaded(name, hashable))


def check(name: str, data: Any, kind: Any) -> None:
    """Pydantic's check of ``knowledge/<name>``'s data against ``kind``: a :class:`KnowledgeError`
    naming file, line and key for the first mistake."""
    from pydantic import ValidationError

    try:
        validator(kind)(data)
    except ValidationError as exc:
        raise schema_error(name, exc, data) from None


def checked_data(name: str) -> Any:
    """``knowledge/<name>``'s plain data, checked against its schema (advisor/knowledge_schemas.py),
    for a module that reads it as plain data: read once, and checked unless the build did."""
    data, checked = _read_checked(name)
    if not checked:
        check(name, data, _kind(name))
    return data


def check_file(name: str) -> None:
    """``knowledge/<name>`` parsed from its YAML and checked by Pydantic, whatever the compiled
    copy holds: what tools/build.py and the tests check every file with."""
    check(name, _read_yaml(name), _kind(name))


def _read_yaml(name: str) -> Any:
    try:
        return load_yaml((KNOWLEDGE_DIR / name).read_bytes().decode("utf-8"))
    except Exception as exc:  # OSError, UnicodeDecodeError, yaml.YAMLError: the file is broken
        raise KnowledgeError(_read_error(name, exc)) from exc


def _kind(name: str) -> Any:
    kind = kind_for(name)
    if kind is None:
        raise KnowledgeError(f"knowledge/{name}: no schema is declared for this file")
    return kind


def schema_error(name: str, exc: ValidationError, data: Any) -> KnowledgeError:
    """The first mistake Pydantic found, as one line: ``knowledge/<name>:line:col: key: reason``.
    The line comes from the plan loader's positions (advisor/loader.py), read only now."""
    error = exc.errors(include_url=False)[0]
    kind, loc = error["type"], error["loc"]
    path = _data_path(loc, data)
    if kind == "missing":
        reason = f"missing key {loc[-1]!r}"
    elif kind == "extra_forbidden":
        allowed = _allowed_keys(schema_for(name), path[:-1])
        reason = f"unknown key {path[-1]!r}" + (f" (allowed: {', '.join(allowed)})" if allowed else "")
    elif kind in _EXPECTED:
        reason = f"expected {_EXPECTED[kind]}, found {_kind_of(error['input'])}"
    elif error["msg"].startswith("Input should be "):  # a choice or a bound: say what was found
        reason = f"expected {error['msg'].removeprefix('Input should be ')}, found {error['input']!r}"
    else:
        reason = error["msg"][:1].lower() + error["msg"][1:]
    place = _place(name, tuple(path))
    dotted = ".".join(map(str, path[:-1] if kind == "extra_forbidden" else path))
    return KnowledgeError(f"knowledge/{name}{place}: {dotted + ': ' if dotted else ''}{reason}")


_EXPECTED = {
    "string_type": "str",
    "int_type": "int",
    "float_type": "a number",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
}


def _kind_of(value: Any) -> str:
    return "nothing" if value is None else type(value).__name__


def _data_path(loc: tuple[str | int, ...], data: Any) -> list[str | int]:
    """The keys of Pydantic's error location that are keys of the data (it adds the names of
    union members and ``[key]`` markers): the path a person finds in the file."""
    path: list[str | int] = []
    node = data
    for part in loc:
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if not in_list and not (isinstance(node, dict) and part in node):
            continue
        node = typing.cast(Any, node)[part]
        path.append(part)
    return path


def _allowed_keys(model: Any, path: list[str | int]) -> list[str]:
    """The keys the schema (a Pydantic type) allows in the mapping at ``path``."""
    from pydantic import BaseModel

    for part in [None, *path]:
        while typing.get_origin(model) in (typing.Union, typing.Annotated) or isinstance(model, type(int | None)):
            model = next(a for a in typing.get_args(model) if a is not type(None))
        if part is None:
            continue
        if isinstance(model, type) and issubclass(model, BaseModel):
            field = model.model_fields.get(str(part))
            model = field.annotation if field else None
        elif typing.get_origin(model) in (dict, list):
            model = typing.get_args(model)[-1]
        else:
            return []
    while isinstance(model, type(int | None)) or typing.get_origin(model) is typing.Union:
        model = next(a for a in typing.get_args(model) if a is not type(None))
    if isinstance(model, type) and issubclass(model, BaseModel):
        return list(model.model_fields)
    return []


def _place(name: str, path: tuple[str | int, ...]) -> str:
    """``:line:col`` of the key at ``path`` (or of its closest parent) in ``knowledge/<name>``."""
    from advisor import loader
    from advisor.problems import InputError

    try:
        doc = loader.locate((KNOWLEDGE_DIR / name).read_text(encoding="utf-8"), name)
    except (OSError, UnicodeDecodeError, InputError):
        return ""
    found = doc.key_positions.get(path) or doc.positions.get(loader.nearest(path, doc.positions))
    return f":{found[0]}:{found[1]}" if found else ""


@cache
def sources() -> dict[str, Source]:
    """Works the rules and reports cite, by key (``knowledge/bibliography.yaml``)."""
    return _checked("bibliography.yaml", Bibliography).sources


@cache
def pillars() -> dict[str, Pillar]:
    """The five pentahelix pillars and their typical roles, by key (``knowledge/pillars.yaml``)."""
    return _checked("pillars.yaml", Pillars).pillars


@cache
def steps() -> dict[str, Step]:
    """The six planning steps, in the order a plan is written and a report is grouped."""
    return _checked("steps.yaml", Steps).steps


@cache
def plan_format() -> PlanFormat:
    """Indonesian key aliases and value synonyms the plan loader accepts (``knowledge/plan_format.yaml``)."""
    return _checked("plan_format.yaml", PlanFormat)


@cache
def lexicon() -> Mapping[str, WordList]:
    """Word lists by purpose (:class:`advisor.knowledge_schemas.WordList`), lower case."""
    return _LowerCased(_checked("lexicon.yaml", Lexicon))


class _LowerCased(Mapping[str, WordList]):
    """The lexicon's entries, each lower-cased when it is first read: a review reads a few dozen
    of its ~300 purposes (its phrases are compiled ahead), and lower-casing all 19,000 phrases
    at once was ~3 ms of a cold start."""

    def __init__(self, entries: dict[str, WordList]) -> None:
        self._entries = entries
        self._lowered: dict[str, WordList] = {}

    def __getitem__(self, purpose: str) -> WordList:
        entry = self._lowered.get(purpose)
        if entry is None:
            written = self._entries[purpose]
            entry = written.replaced(id=[w.lower() for w in written.id], en=[w.lower() for w in written.en])
            self._lowered[purpose] = entry
        return entry

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)


@cache
def places() -> Places:
    """How a text names the administrative areas (``knowledge/places/places.yaml``)."""
    return _checked("places/places.yaml", Places)


class Area(NamedTuple):
    """An administrative area of the Kemendagri list: its code ("13.71", Kota Padang) and its
    name as the list writes it ("Kota Padang"); the code's parts tell its level and parents."""

    code: str
    name: str


@cache
def areas() -> tuple[Area, ...]:
    """The provinces, regencies and cities, and districts (``knowledge/places/areas.tsv``), each
    line checked against :data:`advisor.knowledge_schemas.AREA_LINE` and lying in an area listed
    before it: a :class:`KnowledgeError` names the file and line of the first that does not."""
    name = AREA_FILES[0]
    lines = _area_text(name).splitlines()
    head = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
    body = lines[head:]
    # the lines checked at once (one pattern over the text: a tenth of the cost of a line each),
    # one by one only to name the first that fails
    if not AREA_LINES.fullmatch("\n".join(body) + "\n" if body else ""):
        for number, line in enumerate(body, start=head + 1):
            _area(name, number, line)
    out = [_new(Area, line.split("\t")) for line in body]
    codes = [area.code for area in out]
    known = set(codes)
    # a code's parent is the code without its last part, ".NN" here (checked as sets: the loop
    # below runs only to name the first line that fails)
    if len(known) != len(codes) or not {code[:-3] for code in codes if len(code) > 2} <= known:
        seen: set[str] = set()
        for number, code in enumerate(codes, start=head + 1):
            if code in seen or (len(code) > 2 and code[:-3] not in known):
                raise KnowledgeError(f"knowledge/{name}:{number}: {code} is listed twice or lies in no listed area")
            seen.add(code)
    return tuple(out)


_new = tuple.__new__  # an Area made from its two fields at a third of a named tuple's cost


@cache
def area_codes() -> frozenset[str]:
    """The codes of :func:`areas`."""
    return frozenset(area.code for area in areas())


def _area(name: str, number: int, line: str) -> Area:
    found = AREA_LINE.fullmatch(line)
    if found is None:
        raise KnowledgeError(f"knowledge/{name}:{number}: not 'code<TAB>name' of an area: {line[:60]!r}")
    return Area(found.group(1), found.group(2))


def _area_text(name: str) -> str:
    try:
        return _area_bytes(name).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise KnowledgeError(_read_error(name, exc)) from exc


def _area_bytes(name: str) -> bytes:
    try:
        return (KNOWLEDGE_DIR / name).read_bytes()
    except OSError as exc:
        raise KnowledgeError(_read_error(name, exc)) from exc


@cache
def _villages() -> tuple[bytes, bytes]:
    """``knowledge/places/villages.tsv`` as written and with its ASCII letters lower-cased, read
    the first time a village is looked up (as bytes: a name is found without decoding the
    file's 2 MB, and only its line is decoded)."""
    raw = _area_bytes(AREA_FILES[1])
    return raw, raw.lower()


@lru_cache(maxsize=4096)
def villages_named(name: str) -> tuple[Area, ...]:
    """The villages (desa, kelurahan) named ``name`` (lower case, words one space apart), each
    line found checked as :func:`areas` checks its lines, its district among :func:`areas`. The
    83,762 villages are not indexed: a lookup searches the file's text (about a millisecond), so
    a process that names no village never reads them, and one that does pays no index."""
    raw, lowered = _villages()
    districts = area_codes()
    out = []
    needle = b"\t" + name.encode("utf-8") + b"\n"
    at = lowered.find(needle)
    while at >= 0:
        start = lowered.rfind(b"\n", 0, at) + 1
        found = AREA_LINE.fullmatch(raw[start : at + len(needle) - 1].decode("utf-8", errors="replace"))
        if found is None or found.group(1).count(".") != 3 or found.group(1).rpartition(".")[0] not in districts:
            number = raw.count(b"\n", 0, start) + 1  # (counted only for the message)
            reason = "not 'code<TAB>name' of a village of a listed district"
            raise KnowledgeError(f"knowledge/{AREA_FILES[1]}:{number}: {reason}")
        out.append(Area(found.group(1), found.group(2)))
        at = lowered.find(needle, at + 1)
    return tuple(out)


@cache
def stem_exceptions() -> dict[str, dict[str, str]]:
    """Roots the stemmers get wrong, per language (``knowledge/stem_exceptions.yaml``)."""
    table = _checked(STEMS_FILE, StemExceptions)
    return {lang: {k.lower(): v.lower() for k, v in getattr(table, lang).items()} for lang in LANGS}


@cache
def base_thresholds() -> dict[str, Any]:
    """``knowledge/thresholds.yaml`` as shipped, without a team's overrides: see :func:`thresholds`."""
    return dict(_checked("thresholds.yaml", Thresholds))


# A team config may override thresholds for one run (advisor/config.py). Rule conditions get
# them as data (advisor/engine.py builds rules per option set); what reads them during a review
# (the reliance facts, the verdict) reads thresholds() with the run's overrides active.
_threshold_overrides: ContextVar[tuple[tuple[str, Any], ...]] = ContextVar("threshold_overrides", default=())


def thresholds() -> dict[str, Any]:
    """``knowledge/thresholds.yaml``, with the overrides of :func:`thresholds_overridden` if active."""
    return {**base_thresholds(), **dict(_threshold_overrides.get())}


@contextmanager
def thresholds_overridden(overrides: tuple[tuple[str, Any], ...]) -> Iterator[None]:
    """Make :func:`thresholds` return ``overrides`` over the file's values inside the block (this context only:
    a thread or task reviewing another plan keeps its own)."""
    token = _threshold_overrides.set(overrides)
    try:
        yield
    finally:
        _threshold_overrides.reset(token)


@cache
def labels() -> dict[str, dict[str, Bilingual]]:
    """Display names for enumerated values (pillars, resource kinds, verdicts, severities)."""
    return _checked("texts/labels.yaml", Labels)


@cache
def ui_texts() -> dict[str, Bilingual]:
    """Fixed words of the reports and the command line, by key; read them through :func:`advisor.texts.ui`."""
    return _checked("texts/ui.yaml", BilingualTable)


@cache
def yaml_reasons() -> tuple[YamlReason, ...]:
    """PyYAML's syntax-error wording mapped to plain words in both languages."""
    return tuple(_checked("texts/yaml_errors.yaml", YamlReasons))


@cache
def error_texts() -> dict[str, Bilingual]:
    """Messages for input problems (plans, workbooks, configurations), by key, in both languages."""
    # workbooks: advisor/sources/
    return {
        **_checked("texts/errors.yaml", BilingualTable),
        **_checked("texts/workbook_errors.yaml", BilingualTable),
    }


@cache
def rule_texts() -> dict[str, RuleText]:
    """Every ``knowledge/texts/rules/<FAMILY>.yaml`` merged into one ``rule id -> texts`` map."""
    out: dict[str, RuleText] = {}
    folder = KNOWLEDGE_DIR / "texts" / "rules"
    for path in sorted(folder.glob("*.yaml")):
        if _read(f"texts/rules/{path.name}") is None:
            continue
        for rule_id, value in _checked(f"texts/rules/{path.name}", RuleTexts).items():
            if rule_id in out:
                raise KnowledgeError(f"{path}: texts for {rule_id} are defined twice")
            out[rule_id] = value
    return out


def knowledge_path(*parts: str) -> Path:
    """The path of a file in the installed knowledge base (``knowledge_path("cases", "PH001.yaml")``)."""
    return KNOWLEDGE_DIR.joinpath(*parts)


@cache
def principles() -> dict[str, Principle]:
    """Principles of collaborative governance the GV rules encode, by key."""
    return _checked("principles.yaml", Principles).principles


@cache
def phases() -> dict[str, Phase]:
    """Ratner's three phases of collaboration, by key."""
    return _checked("phases.yaml", Phases).phases


@cache
def challenges() -> Challenges:
    """The challenges of cooperation a plan must answer, with the limits the CH rules read."""
    return _checked("challenges.yaml", Challenges)


@cache
def forms() -> Forms:
    """Forms of cooperation, with the country counts, regions and limits the KS rules read."""
    return _checked("forms.yaml", Forms)


@cache
def coverage() -> Coverage:
    """How the HTML report's five-axis chart reads each pillar's coverage from the findings."""
    return _checked("coverage.yaml", Coverage)


@cache
def scoring() -> Scoring:
    """Each assessment dimension's base and penalties (advisor/assess.py)."""
    return _checked("scoring.yaml", Scoring)


@cache
def plan_fields() -> PlanFields:
    """What each section and field of a plan means, in both languages: the plan-format reference's source."""
    return _checked("texts/plan_fields.yaml", PlanFields)
