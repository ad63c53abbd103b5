"""The declared schema of every knowledge file in ``knowledge/``, as read-only records.

``FILES`` maps each file (a glob pattern relative to ``knowledge/``) to the type of its whole
content: a record (a :class:`Record` of this module) or a table of them. advisor/knowledge.py
checks a file's data against that type when it reads the file, then builds its records. The
check is Pydantic's: :func:`schema_for` derives a strict model from each record, which forbids
unknown keys (a number is not a text, ``yes`` is not a number), and advisor/knowledge.py
reports the first mismatch with the file, line and key (``knowledge/pillars.yaml:12:5: ...``).
The compiled copy of the files (knowledge/compiled.json) is checked so by tools/build.py
before it is written, and read without checking again only while it matches both the file and
this module (advisor/knowledge.py).

Why records and not Pydantic models: declaring the 47 models took ~13 ms of every cold
``advisor check`` and checking the files it reads ~10 ms more, for data the build had checked
already. A record class costs a few microseconds; its Pydantic model is made only when a file
must be checked (an edited file, the build, the tests).
"""

import fnmatch
import inspect
import operator
import re
import typing
from collections.abc import Callable
from functools import cache, reduce
from types import UnionType
from typing import Annotated, Any, ClassVar, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic.fields import FieldInfo

# No `from __future__ import annotations` here: the records' annotations are read at run time
# (to build records and to derive their models), as the types themselves.

_CONFIG = ConfigDict(extra="forbid", strict=True, frozen=True)


class Record:
    """A read-only record of a knowledge file, made from a mapping that passed its schema: each
    annotated name is an attribute (a name missing from the mapping takes the class's
    default). Equal to a record of the same class and values; printed as Pydantic prints a
    model, ``Bilingual(id='...', en='...')``."""

    _kinds: ClassVar[dict[str, Any]] = {}  # name -> annotated type
    _defaults: ClassVar[dict[str, Any]] = {}
    _built: ClassVar[tuple[tuple[str, Any], ...]] = ()  # (name, type) of the values holding records

    def __init_subclass__(cls) -> None:
        cls._kinds = inspect.get_annotations(cls)
        cls._defaults = {name: _default(cls.__dict__[name]) for name in cls._kinds if name in cls.__dict__}
        cls._built = tuple((name, kind) for name, kind in cls._kinds.items() if _holds_record(kind))

    def __init__(self, **values: Any) -> None:
        for name in self._kinds:
            object.__setattr__(self, name, values[name] if name in values else self._defaults[name])

    @classmethod
    def of(cls, data: dict[str, Any]) -> Any:
        """The record of ``data`` (checked against :func:`schema_for` already)."""
        values = dict(data)
        for name, kind in cls._built:
            if name in values:
                values[name] = build(kind, values[name])
        return cls(**values)

    def replaced(self, **changes: Any) -> Any:
        """A copy with ``changes``."""
        return type(self)(**{**vars(self), **changes})

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and vars(other) == vars(self)

    def __hash__(self) -> int:
        return hash((type(self), *vars(self).values()))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in vars(self).items())})"


def _default(value: Any) -> Any:
    """A field's default: ``Field(default=None, ge=1)`` holds it, a plain value is it; a
    ``Field`` without one marks a required field that only carries constraints."""
    if isinstance(value, FieldInfo):
        return None if value.is_required() else value.get_default(call_default_factory=True)
    return value


def _holds_record(kind: Any) -> bool:
    if isinstance(kind, type):
        return issubclass(kind, Record)
    return any(_holds_record(arg) for arg in typing.get_args(kind) if not isinstance(arg, str | FieldInfo))


def build(kind: Any, data: Any) -> Any:
    """The value of type ``kind`` (a record, a table of them, or plain data) made from
    ``data``, which passed ``kind``'s schema: plain data is used as it is."""
    if isinstance(kind, type) and issubclass(kind, Record):
        return kind.of(data)
    if not _holds_record(kind):
        return data
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin is Annotated:
        return build(args[0], data)
    if origin is dict:
        return {key: build(args[1], value) for key, value in data.items()}
    if origin is list:
        return [build(args[0], value) for value in data]
    # A union: of a record and plain types (``str | Bilingual``, ``Bilingual | None``), the
    # record is the one a mapping stands for.
    record = next(arg for arg in args if _holds_record(arg))
    return build(record, data) if isinstance(data, dict) else data


def schema_for_type(kind: Any) -> Any:
    """The Pydantic type that checks data of type ``kind``: each record replaced by its model."""
    if isinstance(kind, type) and issubclass(kind, Record):
        return _model(kind)
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin is Annotated:
        return Annotated[(schema_for_type(args[0]), *kind.__metadata__)]
    if origin in (dict, list):
        return origin[tuple(schema_for_type(arg) for arg in args)]
    if origin in (typing.Union, UnionType):
        return reduce(operator.or_, (schema_for_type(arg) for arg in args))
    return kind


def _model(record: type[Record]) -> type[BaseModel]:
    """The strict Pydantic model of ``record``: same fields, defaults and constraints."""
    from pydantic import create_model

    model = _MODELS.get(record)
    if model is None:
        fields: dict[str, Any] = {
            name: (schema_for_type(kind), record.__dict__.get(name, ...)) for name, kind in record._kinds.items()
        }
        model = _MODELS[record] = create_model(record.__name__, __config__=_CONFIG, __doc__=record.__doc__, **fields)
    return model


_MODELS: dict[type[Record], type[BaseModel]] = {}


@cache
def validator(kind: Any) -> Callable[[Any], Any]:
    """Pydantic's check of data of type ``kind`` (it raises ``pydantic.ValidationError``)."""
    from pydantic import TypeAdapter

    schema = schema_for_type(kind)
    if isinstance(schema, type) and issubclass(schema, BaseModel):
        return schema.model_validate
    return TypeAdapter(schema, config=ConfigDict(strict=True)).validate_python


def _not_blank(text: str) -> str:
    if not text.strip():
        raise ValueError("empty phrase")
    return text


Phrase = Annotated[str, AfterValidator(_not_blank)]


class Bilingual(Record):
    id: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.id


# --- bibliography, pillars, steps, principles, phases, challenges, forms, scoring -----------


class Source(Record):
    # A plain string when the reference reads the same in both languages; {id, en} when it
    # carries a date or a description that a report in the other language must not show.
    citation: str | Bilingual
    seed: str
    topics: list[str]
    # Author and year as reports cite it ("Ansell & Torfing 2018"); the full citation is listed
    # at the end of a report. {id, en} for an undated source: "(t.t.)" in Indonesian, "(n.d.)".
    short: str | Bilingual = ""
    # Where the seed's own reference is wrong or the source needs a word of explanation.
    note: str = ""

    def label(self, lang: str) -> str:
        """The author-year label as a report in ``lang`` writes it; "" when the source has none."""
        return self.short if isinstance(self.short, str) else self.short.get(lang)

    def cited(self, lang: str) -> str:
        """The full reference as a report in ``lang`` lists it."""
        return self.citation if isinstance(self.citation, str) else self.citation.get(lang)


class Bibliography(Record):
    sources: dict[str, Source]


class Pillar(Record):
    label: Bilingual
    definition: Bilingual
    typical_roles: list[str]
    covid_example: Bilingual
    sources: list[str]


class Pillars(Record):
    pillars: dict[str, Pillar]


class Step(Record):
    order: int
    label: Bilingual
    description: Bilingual
    sources: list[str]


class Steps(Record):
    steps: dict[str, Step]


class Principle(Record):
    label: Bilingual
    definition: Bilingual
    sources: list[str]
    rules: list[str]
    seigler: int | None = None


class Principles(Record):
    principles: dict[str, Principle]


class Phase(Record):
    order: int
    label: Bilingual
    definition: Bilingual
    plan_section: str
    sources: list[str]
    rules: list[str]


class Phases(Record):
    phases: dict[str, Phase]


class Challenge(Record):
    label: Bilingual
    definition: Bilingual
    sources: list[str]
    rules: list[str]


class Challenges(Record):
    challenges: dict[str, Challenge]
    coordination_min_partners: int


class Form(Record):
    label: Bilingual
    definition: Bilingual
    sources: list[str]
    min_countries: int | None = None
    max_countries: int | None = None
    max_regions: int | None = None
    pillars: int | None = None


class Forms(Record):
    forms: dict[str, Form]
    pentahelix_missing_for_mislabel: int
    regions: dict[str, list[str]]
    # Groupings whose members lie in more than one region of ``regions`` (issue 14).
    groupings: dict[str, list[str]]
    # Removed from forms.yaml with KS008 (no source for a five-year limit); kept optional so
    # that a knowledge file that still has it loads.
    regional_max_years: int | None = None


class Dimension(Record):
    order: int
    label: Bilingual
    ratio: str | None = None


class Scoring(Record):
    weights: dict[str, int]
    dimensions: dict[str, Dimension]
    heading: Bilingual
    explanation: Bilingual


class CoverageRule(Record):
    level: int = Field(ge=0, le=100)
    pillar: str | None = None


class Coverage(Record):
    """The pentahelix coverage chart of the HTML report (knowledge/coverage.yaml)."""

    full: int
    rules: dict[str, CoverageRule]


# Numbers the rules compare against, by name (knowledge/thresholds.yaml).
Thresholds = dict[str, int | float]


# --- the plan format and the text layer ------------------------------------------------------


class PlanFormat(Record):
    aliases: dict[str, dict[str, str]]
    values: dict[str, dict[str, list[str]]]
    implied_scope: dict[str, str] = Field(default_factory=dict)
    # Enumeration -> canonical value -> the word shown to a plan written in Indonesian.
    value_words_id: dict[str, dict[str, str]] = Field(default_factory=dict)


class WordList(Record):
    """One purpose of ``knowledge/lexicon.yaml``: phrases per language, matched on lemmas (the
    stems of advisor/text/stem.py) unless ``match: surface`` asks for the words as written
    (direction words: "tingkat" is a level, "meningkat" a rise, and both stem to "tingkat").
    A phrase "A ~ B" matches A and B in one clause, at most five words apart."""

    id: list[Phrase]
    en: list[Phrase]
    match: Literal["lemma", "surface"] = "lemma"


def _relations_written(lexicon: dict[str, Any]) -> dict[str, Any]:
    """The lexicon's official groups of people (``hypernym_people``, read by
    advisor/text/matching.py) are there, each line written "GROUP = members": one name for the
    group, one or more for its members."""
    entry = lexicon.get("hypernym_people")
    if entry is None:
        raise ValueError("missing purpose 'hypernym_people' (official groups of people)")
    for line in (*entry.id, *entry.en):
        group, equals, members = line.partition("=")
        if not equals or len(group.split()) != 1 or not members.split():
            raise ValueError(f"hypernym_people: {line!r} is not written 'GROUP = members'")
    return lexicon


Lexicon = Annotated[dict[str, WordList], AfterValidator(_relations_written)]


class StemExceptions(Record):
    """Roots the stemmers get wrong, per language (knowledge/stem_exceptions.yaml)."""

    id: dict[str, str] = Field(default_factory=dict)
    en: dict[str, str] = Field(default_factory=dict)


class PlaceWords(Record):
    """Words of a text about places, per language (knowledge/places/places.yaml)."""

    id: list[Phrase]
    en: list[Phrase]


def _province_code(code: str) -> str:
    if not re.fullmatch(r"\d{2}", code):
        raise ValueError("a province's code is two digits")
    return code


class Places(Record):
    """How a text names Indonesia's administrative areas (knowledge/places/places.yaml): the cue
    words of each level, the cues of cities and of kabupaten only, the words before a phrase of
    place, and the provinces' other names by their code."""

    cues: dict[Literal["province", "regency", "district", "village"], PlaceWords]
    cities: list[Phrase]
    regencies_only: list[Phrase]
    before: PlaceWords
    aliases: dict[Annotated[str, AfterValidator(_province_code)], list[Phrase]]


# The gazetteer's lines (knowledge/places/areas.tsv and villages.tsv, made by
# tools/build_places.py): comment lines, then "code<TAB>name", a code per level (province 2 digits,
# regency 2 more, district 2 more, village 4 more, each part after a full stop) lying in its
# parent, whose line comes before it; a name not blank. advisor/knowledge.py checks each line
# against this when it reads one.
AREA_LINE = re.compile(r"(\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?)\t(\S[^\t]*)")
AREA_LINES = re.compile(r"(?:\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?\t\S[^\t\n]*\n)*")  # lines of AREA_LINE
AREA_FILES = ("places/areas.tsv", "places/villages.tsv")


# --- texts -------------------------------------------------------------------------------------


class RuleText(Record):
    title: Bilingual
    message: Bilingual
    recommendation: Bilingual
    why: Bilingual | None = None
    # What makes the rule fire and what does not, in a paragraph (the generated docs show it).
    trigger: Bilingual | None = None


RuleTexts = dict[str, RuleText]


# ``key -> {id, en}``: texts/ui.yaml, texts/errors.yaml, texts/workbook_errors.yaml.
BilingualTable = dict[str, Bilingual]


Labels = dict[str, dict[str, Bilingual]]


class YamlReason(Record):
    problem: str
    id: str
    en: str
    context: str = ""


YamlReasons = list[YamlReason]


class PlanFields(Record):
    """What each section and field of the plan format means (knowledge/texts/plan_fields.yaml)."""

    words: dict[str, Bilingual]
    sections: dict[str, Bilingual]
    fields: dict[str, dict[str, Bilingual]]


# Click's English message templates -> Indonesian (texts/click.yaml); ``plural`` holds the
# messages that have a singular and a plural form.
ClickTexts = dict[str, str | dict[str, str]]


class Workbook(Record):
    """The plan workbook's sheet and column names, drop-down words and instructions."""

    sheets: dict[str, Bilingual]
    columns: dict[str, Bilingual]
    booleans: dict[str, Bilingual]
    choices: dict[str, dict[str, Bilingual]]
    instructions: dict[Literal["id", "en"], list[str]]


# --- templates and cases -----------------------------------------------------------------------


class TemplatePartner(Record):
    id: str
    pillar: str
    country: str
    contribution: str
    name: Bilingual
    region: str | None = None


class TemplateKind(Record):
    scope: str
    international: bool
    label: Bilingual
    note: Bilingual
    partners: list[TemplatePartner] = Field(min_length=2)


class TemplateKinds(Record):
    """What ``advisor init`` fills into the plan template per kind (templates/kinds.yaml)."""

    partner_snippet: Bilingual
    region_line: Bilingual
    pillar_words: dict[str, dict[str, str]]
    contribution_words: dict[str, dict[str, str]]
    scope_words: dict[str, dict[str, str]]
    differences: Bilingual
    principles: dict[Literal["domestic", "international"], dict[str, list[str]]]
    kinds: dict[str, TemplateKind]


class CaseFinding(Record):
    """Attributes the rule's first finding must have (advisor/findings.py; a list stands for
    a tuple: ``params: [[pillar, media]]``)."""

    subject: str | None = None
    path: str | None = None
    severity: Literal["error", "warning", "info"] | None = None
    params: list[Annotated[list[Any], Field(min_length=2, max_length=2)]] | None = None
    sources: list[str] | None = None
    based_on: list[str] | None = None


class Case(Record):
    expect: Literal["fires", "passes"]
    plan: dict[str, Any]
    count: int | None = Field(default=None, ge=1)
    finding: CaseFinding | None = None
    # A team configuration for this case (advisor.toml's keys), for rules with options.
    config: dict[str, Any] | None = None


class Cases(Record):
    """A rule's cases (knowledge/cases/<RULE>.yaml): plans that fire it, plans that do not."""

    rule: str
    cases: dict[str, Case] = Field(min_length=1)


# Every knowledge file read at run time or by the tests, with the model of its whole content.
# templates/plan.*.yaml are text templates with {{markers}}, not YAML until filled in (their
# filled form is a plan, checked by the plan's own model); exercises/*.yaml are plans too.
FILES: dict[str, Any] = {
    "bibliography.yaml": Bibliography,
    "challenges.yaml": Challenges,
    "coverage.yaml": Coverage,
    "forms.yaml": Forms,
    "lexicon.yaml": Lexicon,
    "phases.yaml": Phases,
    "pillars.yaml": Pillars,
    "plan_format.yaml": PlanFormat,
    "principles.yaml": Principles,
    "scoring.yaml": Scoring,
    "stem_exceptions.yaml": StemExceptions,
    "steps.yaml": Steps,
    "thresholds.yaml": Thresholds,
    "texts/click.yaml": ClickTexts,
    "texts/errors.yaml": BilingualTable,
    "texts/labels.yaml": Labels,
    "texts/plan_fields.yaml": PlanFields,
    "texts/rules/*.yaml": RuleTexts,
    "texts/ui.yaml": BilingualTable,
    "texts/workbook.yaml": Workbook,
    "texts/workbook_errors.yaml": BilingualTable,
    "texts/yaml_errors.yaml": YamlReasons,
    "templates/kinds.yaml": TemplateKinds,
    "places/places.yaml": Places,
    "cases/*.yaml": Cases,
}
NOT_DATA = ("templates/plan.*.yaml", "exercises/*.yaml")


def kind_for(name: str) -> Any:
    """The type of ``knowledge/<name>``'s content (a path relative to ``knowledge/``), if declared."""
    found = FILES.get(name)
    if found is None:
        found = next((kind for pattern, kind in FILES.items() if fnmatch.fnmatchcase(name, pattern)), None)
    return found


def schema_for(name: str) -> Any:
    """The Pydantic type that checks ``knowledge/<name>``, if it has one."""
    kind = kind_for(name)
    return None if kind is None else schema_for_type(kind)
