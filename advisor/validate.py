"""From a parsed document to a validated :class:`Plan`, or every problem with its place.

Three passes, each reporting all it finds rather than stopping at the first:
1. normalise: Indonesian key aliases -> English names, enumerated synonyms -> canonical
   values, unknown keys and values reported with a "did you mean";
2. Pydantic: types and required fields;
3. references: ``lead``, ``support``, ``measures``, ``responsible``, ``goals`` must name
   declared ids, and ids must be unique.
"""

from __future__ import annotations

import difflib
import math
import re
import sys
import types
import typing
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from advisor import knowledge
from advisor.loader import Document, Key, Position, nearest
from advisor.model import ENUM_FIELDS, SECTION_NAMES, Plan
from advisor.problems import InputError, Problem, format_path
from advisor.sources.place import SheetMap


@dataclass(frozen=True)
class ValidatedPlan:
    """A plan together with the place in its file of every node (by canonical path)."""

    file: str
    plan: Plan
    positions: dict[Key, Position]
    data: dict[str, Any]
    # A workbook's rows (advisor/sources/place.py), to turn positions into sheets and cells.
    sheets: SheetMap | None = None
    # Notes about the file that are not problems (a workbook's macros, never run).
    notes: tuple[Problem, ...] = ()
    # Canonical path -> the path as the plan wrote it (`mitra[4].tanggung_jawab`), and whether
    # the plan is written with the Indonesian keys: reports point at and name what the plan
    # says, not the English field names behind it.
    raw_paths: dict[Key, Key] = field(default_factory=dict)
    indonesian_keys: bool = False
    # A text file's own text (advisor.loader.Document.text): the review takes from it the lines
    # a report quotes, so that no report reads the file again.
    text: str = field(default="", repr=False, compare=False)

    def position(self, key: Key) -> Position:
        return self.positions.get(nearest(key, self.positions), (1, 1))

    def written(self, key: Key) -> str:
        """``key`` (canonical) as the plan writes it."""
        return format_path(written_path(key, self.raw_paths, self.indonesian_keys))


def written_path(key: Key, raw_paths: dict[Key, Key], indonesian: bool) -> Key:
    """The longest part of ``key`` the plan has, as written; the rest (a field or section the
    plan lacks) named in the plan's key language."""
    for end in range(len(key), 0, -1):
        if key[:end] in raw_paths:
            head, rest = raw_paths[key[:end]], key[end:]
            break
    else:
        head, rest = (), key
    if not indonesian or not rest:
        return (*head, *rest)
    model: type[BaseModel] | None = Plan
    for part in key[: len(key) - len(rest)]:
        if isinstance(part, str) and model is not None:
            model = _field_model(model, part) if part in model.model_fields else None
    named: list[str | int] = []
    for part in rest:
        if isinstance(part, str) and model is not None:
            named.append(indonesian_key(SECTION_NAMES[model], part))
            model = _field_model(model, part) if part in model.model_fields else None
        else:
            named.append(part)
    return (*head, *named)


@cache
def _indonesian_keys(section: str) -> dict[str, str]:
    """Canonical field -> its first Indonesian alias in knowledge/plan_format.yaml."""
    out: dict[str, str] = {}
    for alias, name in knowledge.plan_format().aliases.get(section, {}).items():
        out.setdefault(name, alias)
    return out


def indonesian_key(section: str, name: str) -> str:
    return _indonesian_keys(section).get(name, name)


def _document_in_indonesian(doc: Document) -> bool:
    """Whether the plan names its keys in Indonesian: a text file by its keys; a workbook, whose
    reader gives the English keys, by its sheet and column names (`Mitra`, `judul`)."""
    if doc.sheets is None:
        return writes_indonesian_keys(doc.data)
    from advisor.sources.convert import key_language

    return key_language(doc) == "id"


def writes_indonesian_keys(data: Any) -> bool:
    """Whether a plan's top-level keys are mostly the Indonesian aliases (`judul`, `mitra`)."""
    if not isinstance(data, dict):
        return False
    aliases = knowledge.plan_format().aliases["plan"]
    indonesian = sum(1 for key in data if key in aliases and key not in Plan.model_fields)
    return indonesian > len(data) - indonesian


def validate_document(doc: Document, lang: str = "id") -> ValidatedPlan:
    """Validate a parsed document; raise :class:`InputError` listing every problem."""
    return _validate_as_written(doc, lang) or _validate_normalised(doc, lang)


def _validate_as_written(doc: Document, lang: str) -> ValidatedPlan | None:
    """A plan written with the English keys and the canonical values, as most are, passes
    Pydantic as it is: every model forbids unknown keys and every enumerated field is a Literal
    of the canonical values (tests/test_validate.py holds both), so there is nothing for the
    normaliser to rename and its walk over every node would change nothing. Its positions are
    the file's own, a key's line preferred to its value's, as the normaliser places them.
    Anything else (an alias, a synonym, an error of any kind) returns None, and the full path
    runs and reports it."""
    if not isinstance(doc.data, dict) or not Plan.model_fields.keys() >= doc.data.keys():
        return None  # an Indonesian or unknown key at the top: no need to ask Pydantic
    try:
        plan = Plan.model_validate(doc.data)
    except ValidationError:
        return None
    normaliser = _Normaliser(doc, lang)
    normaliser.positions = {**doc.positions, **doc.key_positions}
    _report_references(plan, normaliser, lang)
    if normaliser.problems:
        return None
    # English keys: paths as they are (a workbook's named in the language of its sheets)
    return ValidatedPlan(
        doc.file,
        plan,
        normaliser.positions,
        doc.data,
        sheets=doc.sheets,
        notes=doc.notes,
        indonesian_keys=normaliser.indonesian,
        text=doc.text,
    )


def _validate_normalised(doc: Document, lang: str) -> ValidatedPlan:
    normaliser = _Normaliser(doc, lang)
    data = normaliser.mapping(doc.data, Plan, (), ())
    plan: Plan | None = None
    try:
        plan = Plan.model_validate(data)
    except ValidationError as exc:
        _report_pydantic(exc, data, normaliser, lang)
    if plan is not None:
        _report_references(plan, normaliser, lang)
    problems = normaliser.problems
    if problems:
        raise InputError(sorted(problems, key=lambda p: (p.line or 0, p.col or 0, p.code)))
    assert plan is not None
    return ValidatedPlan(
        doc.file,
        plan,
        normaliser.positions,
        data,
        sheets=doc.sheets,
        notes=doc.notes,
        raw_paths=normaliser.written_paths,
        indonesian_keys=normaliser.indonesian,
        text=doc.text,
    )


def _suggest(word: str, choices: list[str]) -> str | None:
    """The closest known spelling, rendered as "did you mean" by Problem.render."""
    # 0.75 keeps real slips (`mitraa`, `partnrs`, `indikatr`, a plural for a singular) and drops
    # look-alikes that mislead (`sasaran` -> `anggaran`, `version` -> `risiko`: ratios ~0.6).
    match = difflib.get_close_matches(word.lower(), choices, n=1, cutoff=0.75)
    return match[0] if match else None


@cache
def _field_model(model: type[BaseModel], name: str) -> type[BaseModel] | None:
    """:func:`_model_of` a field's annotation, once per field: it was a third of validation."""
    return _model_of(model.model_fields[name].annotation)


def _listed(ids: list[str], limit: int = 8) -> str:
    """The declared ids a reference may name, for a hint when none is close to what was written."""
    shown = ", ".join(f"`{i}`" for i in ids[:limit])
    return f"{shown}, …" if len(ids) > limit else shown


@cache
def _fields_of(model: type[BaseModel]) -> dict[str, tuple[str | None, type[BaseModel] | None]]:
    """Each field of ``model`` with its enumeration (``ENUM_FIELDS``) and the model it holds:
    looked up once per model instead of three times per key of every plan."""
    return {name: (ENUM_FIELDS.get((model, name)), _field_model(model, name)) for name in model.model_fields}


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds directly or as list items, if any."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType) or origin is list:
        for arg in typing.get_args(annotation):
            found = _model_of(arg)
            if found:
                return found
        return None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


class _Normaliser:
    def __init__(self, doc: Document, lang: str):
        self.doc = doc
        self.lang = lang
        self.problems: list[Problem] = []
        self.positions: dict[Key, Position] = {}
        # canonical path -> raw path, to place problems found after renaming
        self.raw_paths: dict[Key, Key] = {}
        fmt = knowledge.plan_format()
        self.aliases = fmt.aliases
        self.values = fmt.values
        self.indonesian = _document_in_indonesian(doc)
        # The paths as the person wrote them, to name places: a workbook's reader already gave
        # the English keys, so its paths are named from the canonical ones in its language.
        self.written_paths = self.raw_paths if doc.sheets is None else {}
        self.value_words = fmt.value_words_id if self.indonesian else {}
        self.implied_scope = fmt.implied_scope
        self._key_positions, self._value_positions = doc.key_positions, doc.positions

    def _place(self, raw: Key, canonical: Key) -> None:
        # A person looks for the line of the key ("pillar: ..."), so prefer it to the value's.
        pos = self._key_positions.get(raw) or self._value_positions.get(raw)
        if pos:
            self.positions[canonical] = pos
        self.raw_paths[canonical] = raw

    def problem(self, code: str, raw: Key, canonical: Key, *, key_line: bool = False, **params: Any) -> None:
        pos = (self.doc.key_positions.get(raw) if key_line else None) or self.doc.position(raw) or (None, None)
        path = format_path(written_path(canonical, self.written_paths, self.indonesian))
        self.problems.append(Problem(code, self.doc.file, pos[0], pos[1], path, params))

    def key_names(self, section: str, fields: Any) -> str:
        """The keys a section takes, as this plan would write them."""
        if not self.indonesian:
            return ", ".join(sorted(fields))
        return ", ".join(sorted(indonesian_key(section, name) for name in fields))

    def mapping(self, value: Any, model: type[BaseModel], raw: Key, canonical: Key) -> Any:
        self._place(raw, canonical)
        if not isinstance(value, dict):
            return value  # Pydantic reports the wrong type
        section = SECTION_NAMES[model]
        aliases = self.aliases.get(section, {})
        fields = _fields_of(model)
        out: dict[str, Any] = {}
        for key, item in value.items():
            name = aliases.get(key, key) if key not in fields else key
            if name not in fields:
                self.problem(
                    "unknown_key",
                    (*raw, key),
                    (*canonical, key),
                    key_line=True,
                    key=key,
                    suggestion=_suggest(key, sorted(set(fields) | set(aliases))),
                    allowed_keys=self.key_names(section, fields),
                )
                continue
            if name in out:
                self.problem("duplicate_key", (*raw, key), (*canonical, name), key_line=True, key=key)
                continue
            # key + (name,), not (*key, name): in Python 3.11 unpacking builds a list first
            out[name] = self.field(item, fields[name], raw + (key,), canonical + (name,))  # noqa: RUF005
        if model is Plan:
            self.imply_scope(value, out)
        return out

    def imply_scope(self, written: dict[Any, Any], out: dict[str, Any]) -> None:
        """``jenis: KSDD`` says the scope too (local); a scope the plan writes wins."""
        if "scope" in out:
            return
        for key, item in written.items():
            if (key == "kind" or self.aliases["plan"].get(key) == "kind") and isinstance(item, str):
                scope = self.implied_scope.get(" ".join(item.lower().split()))
                if scope:
                    out["scope"] = scope

    def field(self, item: Any, kind: tuple[str | None, type[BaseModel] | None], raw: Key, canonical: Key) -> Any:
        """A field's value; ``kind``: its enumeration and the model it holds (:func:`_fields_of`)."""
        self._place(raw, canonical)
        enum, inner = kind
        if enum and item is not None:
            return self.enum_value(item, enum, raw, canonical)
        if inner is None:
            if isinstance(item, list):
                for i in range(len(item)):
                    self._place(raw + (i,), canonical + (i,))  # noqa: RUF005 (see mapping)
            return item
        if isinstance(item, list):
            return [self.mapping(x, inner, raw + (i,), canonical + (i,)) for i, x in enumerate(item)]  # noqa: RUF005
        return self.mapping(item, inner, raw, canonical)

    def enum_value(self, item: Any, enum: str, raw: Key, canonical: Key) -> Any:
        if not isinstance(item, str):
            return item
        table = self.values[enum]
        wanted = " ".join(item.lower().replace("_", " ").replace("-", " ").split())
        for canon, spellings in table.items():
            if wanted == canon or wanted in spellings:
                return canon
        every = sorted({s for spellings in table.values() for s in spellings})
        words = self.value_words.get(enum, {})
        self.problem(
            "unknown_value",
            raw,
            canonical,
            value=item,
            field=raw[-1] if raw and isinstance(raw[-1], str) else canonical[-1],
            suggestion=_suggest(wanted, every),
            allowed=", ".join(words.get(canon, canon) for canon in table),
        )
        return item


# --- Pydantic errors -------------------------------------------------------------------------

_EXPECTED = {
    "string_type": "text",
    "int_type": "number",
    "int_parsing": "number",
    "float_type": "number",
    "float_parsing": "number",
    "bool_type": "boolean",
    "bool_parsing": "boolean",
    "list_type": "list",
    "dict_type": "mapping",
    "model_type": "mapping",
    "model_attributes_type": "mapping",
    "date_type": "date",
    "date_parsing": "date",
    "date_from_datetime_parsing": "date",
    "date_from_datetime_inexact": "date",
    "literal_error": "allowed_value",
    "too_short": "non_empty",
    "string_too_short": "non_empty",
    "greater_than_equal": "share",
    "less_than_equal": "share",
}


def _found(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, list):
        return "[…]"
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "…")


def _has_child(node: object, part: str | int) -> bool:
    return (isinstance(node, dict) and part in node) or (
        isinstance(node, list) and isinstance(part, int) and part < len(node)
    )


def _report_pydantic(exc: ValidationError, data: Any, norm: _Normaliser, lang: str) -> None:
    grouped: dict[Key, list[ErrorDetails]] = {}
    for error in exc.errors():
        found: list[str | int] = []
        node = data
        for part in error["loc"]:
            # Union members appear in ``loc`` as type names; keep only real keys and indices.
            if _has_child(node, part):
                node = node[part]
                found.append(part)
            elif error["type"] == "missing" and isinstance(part, str) and part == error["loc"][-1]:
                found.append(part)
        grouped.setdefault(tuple(found), []).append(error)
    # An unknown enumerated value is already reported, with a suggestion, by the normaliser.
    reported = {p.path for p in norm.problems}
    for path, errors in grouped.items():
        if format_path(written_path(path, norm.written_paths, norm.indonesian)) in reported:
            continue
        raw = norm.raw_paths.get(path) or norm.raw_paths.get(path[:-1], ())
        if errors[0]["type"] == "missing":
            written = written_path(path, norm.written_paths, norm.indonesian)
            norm.problem("missing_field", raw, path, field=written[-1] if written else "")
            continue
        expected = []
        for error in errors:
            word = _EXPECTED.get(error["type"], "valid_value")
            if word not in expected:
                expected.append(word)
        norm.problem("wrong_type", raw, path, expected_types=tuple(expected), found=_found(errors[0].get("input")))


# --- references and ids ----------------------------------------------------------------------


# The work a review does grows with the things the rules reason about: partners, goals,
# activities, indicators and each partner's role in each activity (one fact and often one
# finding each, ~10-30 KB of memory in all). A real plan holds tens to hundreds of them; at
# this limit a review peaks at a few hundred MB and takes seconds.
MAX_SUBJECTS = 5_000


def subjects(plan: Plan) -> int:
    """How many things of ``plan`` the rules reason about (see MAX_SUBJECTS)."""
    roles = sum(
        (len(a.lead) if isinstance(a.lead, list) else 1 if a.lead else 0) + len(a.support) for a in plan.activities
    )
    return len(plan.partners) + len(plan.goals) + len(plan.activities) + len(plan.indicators) + roles


def _report_budget(plan: Plan, norm: _Normaliser) -> None:
    found = subjects(plan)
    if found > MAX_SUBJECTS:
        norm.problems.append(Problem("too_much_work", norm.doc.file, params={"found": found, "limit": MAX_SUBJECTS}))


# A number no float can hold (1e308 and beyond) cannot be compared or shown as a share; a
# person never writes one, so it is reported as a wrong value, like a word where a number goes.
_HUGE_NUMBER = re.compile(r"\d[\d.,]{308,}")


def _too_large(value: object) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return abs(value) > sys.float_info.max
    if isinstance(value, float):
        return not math.isfinite(value)
    return isinstance(value, str) and _HUGE_NUMBER.search(value) is not None


def _report_numbers(plan: Plan, norm: _Normaliser) -> None:
    for i, indicator in enumerate(plan.indicators):
        for name in ("baseline", "target"):
            value = getattr(indicator, name)
            if _too_large(value):
                key: Key = ("indicators", i, name)
                norm.problem(
                    "wrong_type", norm.raw_paths.get(key, key), key, expected_types=("number",), found=_found(value)
                )


def _report_references(plan: Plan, norm: _Normaliser, lang: str) -> None:
    _report_budget(plan, norm)
    _report_numbers(plan, norm)
    ids: dict[str, dict[str, Key]] = {"partner": {}, "goal": {}, "activity": {}, "indicator": {}}
    sections = (("partner", "partners"), ("goal", "goals"), ("activity", "activities"), ("indicator", "indicators"))
    for target, section in sections:
        for i, item in enumerate(getattr(plan, section)):
            key: Key = (section, i, "id")
            if item.id in ids[target]:
                first = norm.positions.get(ids[target][item.id], (0, 0))
                norm.problem("duplicate_id", norm.raw_paths.get(key, key), key, value=item.id, first_line=first[0])
            else:
                ids[target][item.id] = key
    all_ids = {**ids["goal"], **ids["activity"]}

    def check(value: str, key: Key, target: str, pool: dict[str, Key]) -> None:
        if value not in pool:
            norm.problem(
                "dangling_reference",
                norm.raw_paths.get(key, key),
                key,
                value=value,
                target_kind=target,
                suggestion=_suggest(value, sorted(pool)),
                declared=_listed(sorted(pool)),
            )

    def once(values: list[str], base: Key) -> None:
        """The same id twice in one list is a slip, never a second role or a double weight:
        reported like a duplicate id (counting it twice would skew shares and counts)."""
        first: dict[str, Key] = {}
        for j, value in enumerate(values):
            key = (*base, j)
            if value in first:
                line = norm.positions.get(first[value], (0, 0))[0]
                norm.problem("duplicate_reference", norm.raw_paths.get(key, key), key, value=value, first_line=line)
            else:
                first[value] = key

    for i, activity in enumerate(plan.activities):
        leads = activity.lead if isinstance(activity.lead, list) else [activity.lead] if activity.lead else []
        for j, lead in enumerate(leads):
            key = ("activities", i, "lead", j) if isinstance(activity.lead, list) else ("activities", i, "lead")
            check(lead, key, "partner", ids["partner"])
        for j, support in enumerate(activity.support):
            check(support, ("activities", i, "support", j), "partner", ids["partner"])
        for j, goal in enumerate(activity.goals):
            check(goal, ("activities", i, "goals", j), "goal", ids["goal"])
        if isinstance(activity.lead, list):
            once(activity.lead, ("activities", i, "lead"))
        once(activity.support, ("activities", i, "support"))
        once(activity.goals, ("activities", i, "goals"))
    for i, indicator in enumerate(plan.indicators):
        measures = indicator.measures if isinstance(indicator.measures, list) else [indicator.measures]
        for j, target in enumerate(m for m in measures if m):
            key = (
                ("indicators", i, "measures", j)
                if isinstance(indicator.measures, list)
                else ("indicators", i, "measures")
            )
            check(target, key, "goal_or_activity", all_ids)
        if isinstance(indicator.measures, list):
            once(indicator.measures, ("indicators", i, "measures"))
        if indicator.responsible:
            check(indicator.responsible, ("indicators", i, "responsible"), "partner", ids["partner"])
