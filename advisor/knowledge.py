"""Load the knowledge base in ``knowledge/`` and check it against a declared schema.

Domain experts edit these YAML files without touching Python; a mistake in them (an unknown
key, a text missing in one language) fails loudly at load time, naming the file.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from advisor.knowledge_base import KNOWLEDGE_DIR

LANGS = ("id", "en")

# The schema of each file is declared below as frozen dataclasses and checked by _build: a few
# dozen lines instead of Pydantic, which cost `advisor rules` and every cold check ~0.1 s to
# import and build models for files that ship with the package.
_strict = dataclasses.dataclass(frozen=True, kw_only=True)


@_strict
class Bilingual:
    id: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.id


@_strict
class Source:
    citation: str
    seed: str
    topics: list[str]
    # Author and year as reports cite it ("Ansell & Torfing 2018"); the full citation is listed
    # at the end of a report.
    short: str = ""
    # Where the seed's own reference is wrong or the source needs a word of explanation.
    note: str = ""


@_strict
class Pillar:
    label: Bilingual
    definition: Bilingual
    typical_roles: list[str]
    covid_example: Bilingual
    sources: list[str]


@_strict
class Step:
    order: int
    label: Bilingual
    description: Bilingual
    sources: list[str]


@_strict
class PlanFormat:
    aliases: dict[str, dict[str, str]]
    values: dict[str, dict[str, list[str]]]
    implied_scope: dict[str, str] = dataclasses.field(default_factory=dict)
    # Enumeration -> canonical value -> the word shown to a plan written in Indonesian.
    value_words_id: dict[str, dict[str, str]] = dataclasses.field(default_factory=dict)


@_strict
class RuleText:
    title: Bilingual
    message: Bilingual
    recommendation: Bilingual
    why: Bilingual | None = None
    # What in a plan makes the rule fire and which near-identical plans do not (shown in docs).
    trigger: Bilingual | None = None


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
    """A text file's raw data (``texts/click.yaml``), for a module that checks its own shape."""
    return _read(name)


def _read(name: str) -> Any:
    """A knowledge file's data: from ``knowledge/compiled.json`` when that was made from this
    very text (same size and CRC-32), else parsed from the YAML. The YAML is what experts edit
    and always wins; the compiled copy only spares a start-up the parsing (json.loads is about
    ten times faster than libyaml here: ~30 ms of a cold check)."""
    path = KNOWLEDGE_DIR / name
    try:
        raw = path.read_bytes()
        entry = _compiled().get(name)
        if entry is not None and entry["size"] == len(raw) and entry["crc32"] == zlib.crc32(raw):
            return entry["data"]
        return load_yaml(raw.decode("utf-8"))
    except Exception as exc:  # OSError, UnicodeDecodeError, yaml.YAMLError: the file is broken
        raise KnowledgeError(f"{path}: {exc}") from exc


COMPILED_FILE = "compiled.json"


@cache
def _compiled() -> dict[str, Any]:
    files = _compiled_document().get("files")
    return files if isinstance(files, dict) else {}  # missing or damaged: every file is parsed from its YAML


@cache
def _compiled_document() -> dict[str, Any]:
    try:
        document = json.loads((KNOWLEDGE_DIR / COMPILED_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return document if isinstance(document, dict) else {}


@cache
def stems_source_crc() -> int:
    """The CRC-32 of what the lexicon's stems are made from (lexicon and exceptions)."""
    return zlib.crc32((KNOWLEDGE_DIR / "lexicon.yaml").read_bytes() + (KNOWLEDGE_DIR / STEMS_FILE).read_bytes())


STEMS_FILE = "stem_exceptions.yaml"


@cache
def precomputed_phrases() -> dict[str, list[Any]]:
    """The lexicon's compiled phrases from ``knowledge/compiled.json`` when made from the
    current lexicon, by purpose (empty when stale: they are compiled at run time then)."""
    raw = _compiled_document().get("phrases", {})
    try:
        if raw.get("crc32") == stems_source_crc():
            return dict(raw["purposes"])
    except (KeyError, TypeError, AttributeError):
        pass
    return {}


def precomputed_stems() -> dict[str, dict[str, str]]:
    """The lexicon's stems from ``knowledge/compiled.json`` when made from the current lexicon."""
    try:
        raw = _compiled_document().get("stems", {})
        if raw.get("crc32") == stems_source_crc():
            return {"id": dict(raw["id"]), "en": dict(raw["en"])}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    return {"id": {}, "en": {}}


_T = TypeVar("_T")


def _checked(schema: type[_T], data: Any, where: str) -> _T:
    """``data`` as ``schema``, or a :class:`KnowledgeError` naming the file and the key."""
    try:
        value: _T = _build(schema, data, ())
    except _SchemaError as exc:
        place = ".".join(map(str, exc.path))
        raise KnowledgeError(f"knowledge/{where}{': ' + place if place else ''}: {exc.reason}") from None
    return value


class _SchemaError(Exception):
    def __init__(self, path: tuple[str | int, ...], reason: str):
        super().__init__(reason)
        self.path, self.reason = path, reason


@cache
def _fields(schema: type) -> dict[str, tuple[Any, bool]]:
    """Field name -> (type, required) of a schema dataclass."""
    hints = typing.get_type_hints(schema)
    return {
        f.name: (hints[f.name], f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING)
        for f in dataclasses.fields(schema)
    }


def _build(schema: Any, data: Any, path: tuple[str | int, ...]) -> Any:
    """Check ``data`` against a type (a schema dataclass, str, int, list[...], dict[str, ...] or
    ``X | None``) and return it built; unknown and missing keys are errors."""
    origin, args = typing.get_origin(schema), typing.get_args(schema)
    if isinstance(schema, type) and dataclasses.is_dataclass(schema):
        if not isinstance(data, dict):
            raise _SchemaError(path, f"expected a mapping, found {type(data).__name__}")
        fields = _fields(schema)
        unknown = sorted(set(map(str, data)) - set(fields))
        if unknown:
            raise _SchemaError(path, f"unknown key {unknown[0]!r} (allowed: {', '.join(fields)})")
        missing = [name for name, (_, required) in fields.items() if required and name not in data]
        if missing:
            raise _SchemaError(path, f"missing key {missing[0]!r}")
        return schema(**{k: _build(fields[k][0], v, (*path, k)) for k, v in data.items()})
    if origin in (typing.Union, types.UnionType):
        if data is None and type(None) in args:
            return None
        return _build(next(a for a in args if a is not type(None)), data, path)
    if origin is list:
        if not isinstance(data, list):
            raise _SchemaError(path, f"expected a list, found {type(data).__name__}")
        return [_build(args[0], item, (*path, i)) for i, item in enumerate(data)]
    if origin is dict:
        if not isinstance(data, dict):
            raise _SchemaError(path, f"expected a mapping, found {type(data).__name__}")
        for key in data:
            _build(args[0], key, (*path, key))
        return {k: _build(args[1], v, (*path, k)) for k, v in data.items()}
    if (schema is int and isinstance(data, bool)) or not isinstance(data, schema):
        raise _SchemaError(path, f"expected {schema.__name__}, found {type(data).__name__}")
    return data


@cache
def sources() -> dict[str, Source]:
    raw = _read("bibliography.yaml")["sources"]
    return {key: _checked(Source, value, f"bibliography.yaml: {key}") for key, value in raw.items()}


@cache
def pillars() -> dict[str, Pillar]:
    raw = _read("pillars.yaml")["pillars"]
    return {key: _checked(Pillar, value, f"pillars.yaml: {key}") for key, value in raw.items()}


@cache
def steps() -> dict[str, Step]:
    raw = _read("steps.yaml")["steps"]
    return {key: _checked(Step, value, f"steps.yaml: {key}") for key, value in raw.items()}


@cache
def plan_format() -> PlanFormat:
    return _checked(PlanFormat, _read("plan_format.yaml"), "plan_format.yaml")


@_strict
class WordList:
    """One purpose of ``knowledge/lexicon.yaml``: phrases per language, matched on lemmas (the
    stems of advisor/text/stem.py) unless ``match: surface`` asks for the words as written
    (direction words: "tingkat" is a level, "meningkat" a rise, and both stem to "tingkat").
    A phrase "A ~ B" matches A and B in one clause, at most five words apart."""

    id: list[str]
    en: list[str]
    match: str = "lemma"


@cache
def lexicon() -> dict[str, WordList]:
    """Word lists by purpose, checked against :class:`WordList` (errors name the purpose)."""
    raw = _read("lexicon.yaml")
    if not isinstance(raw, dict):
        raise KnowledgeError("knowledge/lexicon.yaml: expected a mapping of purposes")
    out: dict[str, WordList] = {}
    for purpose, value in raw.items():
        entry = _checked(WordList, value, f"lexicon.yaml: {purpose}")
        if entry.match not in ("lemma", "surface"):
            raise KnowledgeError(f"knowledge/lexicon.yaml: {purpose}.match: expected lemma or surface")
        for lang in LANGS:
            for i, phrase in enumerate(getattr(entry, lang)):
                if not phrase.strip():
                    raise KnowledgeError(f"knowledge/lexicon.yaml: {purpose}.{lang}.{i}: empty phrase")
        entry.id[:] = [w.lower() for w in entry.id]
        entry.en[:] = [w.lower() for w in entry.en]
        out[purpose] = entry
    return out


@cache
def stem_exceptions() -> dict[str, dict[str, str]]:
    """Roots the stemmers get wrong, per language (``knowledge/stem_exceptions.yaml``)."""
    raw = _read(STEMS_FILE)
    out: dict[str, dict[str, str]] = {"id": {}, "en": {}}
    if not isinstance(raw, dict) or not set(raw) <= set(out):
        raise KnowledgeError(f"{KNOWLEDGE_DIR / 'stem_exceptions.yaml'}: top-level keys must be id and en")
    for lang, table in raw.items():
        if not isinstance(table, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in table.items()):
            raise KnowledgeError(f"{KNOWLEDGE_DIR / 'stem_exceptions.yaml'}: {lang}: must map words to roots")
        out[lang] = {k.lower(): v.lower() for k, v in table.items()}
    return out


@cache
def base_thresholds() -> dict[str, Any]:
    return dict(_read("thresholds.yaml"))


# A team config may override thresholds for one run (advisor/config.py). Rule conditions get
# them as data (advisor/engine.py builds rules per option set); what reads them during a review
# (the reliance facts, the verdict) reads thresholds() with the run's overrides active.
_threshold_overrides: ContextVar[tuple[tuple[str, Any], ...]] = ContextVar("threshold_overrides", default=())


def thresholds() -> dict[str, Any]:
    """``knowledge/thresholds.yaml``, with the overrides of :func:`thresholds_overridden` if active."""
    return {**base_thresholds(), **dict(_threshold_overrides.get())}


@contextmanager
def thresholds_overridden(overrides: tuple[tuple[str, Any], ...]) -> Iterator[None]:
    token = _threshold_overrides.set(overrides)
    try:
        yield
    finally:
        _threshold_overrides.reset(token)


@cache
def labels() -> dict[str, dict[str, Bilingual]]:
    """Display names for enumerated values (pillars, resource kinds, verdicts, severities)."""
    raw = _read("texts/labels.yaml")
    return {
        group: {key: _checked(Bilingual, value, f"texts/labels.yaml: {group}.{key}") for key, value in items.items()}
        for group, items in raw.items()
    }


@cache
def ui_texts() -> dict[str, Bilingual]:
    raw = _read("texts/ui.yaml")
    return {key: _checked(Bilingual, value, f"texts/ui.yaml: {key}") for key, value in raw.items()}


@_strict
class YamlReason:
    problem: str
    id: str
    en: str
    context: str = ""


@cache
def yaml_reasons() -> tuple[YamlReason, ...]:
    """PyYAML's syntax-error wording mapped to plain words in both languages."""
    raw = _read("texts/yaml_errors.yaml")
    return tuple(_checked(YamlReason, item, f"texts/yaml_errors.yaml: {i}") for i, item in enumerate(raw))


@cache
def error_texts() -> dict[str, Bilingual]:
    raw = {**_read("texts/errors.yaml"), **_read("texts/workbook_errors.yaml")}  # workbooks: advisor/sources/
    return {key: _checked(Bilingual, value, f"texts/errors.yaml: {key}") for key, value in raw.items()}


@cache
def rule_texts() -> dict[str, RuleText]:
    """Every ``knowledge/texts/rules/<FAMILY>.yaml`` merged into one ``rule id -> texts`` map."""
    out: dict[str, RuleText] = {}
    folder = KNOWLEDGE_DIR / "texts" / "rules"
    for path in sorted(folder.glob("*.yaml")):
        raw = _read(f"texts/rules/{path.name}") or {}
        for rule_id, value in raw.items():
            if rule_id in out:
                raise KnowledgeError(f"{path}: texts for {rule_id} are defined twice")
            out[rule_id] = _checked(RuleText, value, f"texts/rules/{path.name}: {rule_id}")
    return out


def knowledge_path(*parts: str) -> Path:
    return KNOWLEDGE_DIR.joinpath(*parts)


# --- issue 3: principles, phases, challenges, forms, scoring ---------------------------------


@_strict
class Principle:
    label: Bilingual
    definition: Bilingual
    sources: list[str]
    rules: list[str]
    seigler: int | None = None


@_strict
class Phase:
    order: int
    label: Bilingual
    definition: Bilingual
    plan_section: str
    sources: list[str]
    rules: list[str]


@_strict
class Challenge:
    label: Bilingual
    definition: Bilingual
    sources: list[str]
    rules: list[str]


@_strict
class Form:
    label: Bilingual
    definition: Bilingual
    sources: list[str]
    min_countries: int | None = None
    max_countries: int | None = None
    max_regions: int | None = None
    pillars: int | None = None


@_strict
class Forms:
    forms: dict[str, Form]
    pentahelix_missing_for_mislabel: int
    regions: dict[str, list[str]]
    # Groupings whose members lie in more than one region of ``regions`` (issue 14).
    groupings: dict[str, list[str]]
    # Removed from forms.yaml with KS008 (no source for a five-year limit); kept optional so
    # that a knowledge file that still has it loads.
    regional_max_years: int | None = None


@_strict
class Challenges:
    challenges: dict[str, Challenge]
    coordination_min_partners: int


@_strict
class Dimension:
    order: int
    label: Bilingual
    ratio: str | None = None


@_strict
class Scoring:
    weights: dict[str, int]
    dimensions: dict[str, Dimension]
    heading: Bilingual
    explanation: Bilingual


@cache
def principles() -> dict[str, Principle]:
    raw = _read("principles.yaml")["principles"]
    return {key: _checked(Principle, value, f"principles.yaml: {key}") for key, value in raw.items()}


@cache
def phases() -> dict[str, Phase]:
    raw = _read("phases.yaml")["phases"]
    return {key: _checked(Phase, value, f"phases.yaml: {key}") for key, value in raw.items()}


@cache
def challenges() -> Challenges:
    return _checked(Challenges, _read("challenges.yaml"), "challenges.yaml")


@cache
def forms() -> Forms:
    return _checked(Forms, _read("forms.yaml"), "forms.yaml")


@_strict
class CoverageLevel:
    level: int
    pillar: str | None = None  # for a rule always about one pillar; else the finding's `pillar`


@_strict
class Coverage:
    """Pentahelix coverage by pillar in the HTML report (knowledge/coverage.yaml)."""

    full: int
    rules: dict[str, CoverageLevel]


@cache
def coverage() -> Coverage:
    return _checked(Coverage, _read("coverage.yaml"), "coverage.yaml")


@cache
def scoring() -> Scoring:
    return _checked(Scoring, _read("scoring.yaml"), "scoring.yaml")


@_strict
class PlanFields:
    """What each section and field of the plan format means (knowledge/texts/plan_fields.yaml)."""

    words: dict[str, Bilingual]
    sections: dict[str, Bilingual]
    fields: dict[str, dict[str, Bilingual]]


@cache
def plan_fields() -> PlanFields:
    return _checked(PlanFields, _read("texts/plan_fields.yaml"), "texts/plan_fields.yaml")
