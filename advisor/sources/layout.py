"""How a plan is laid out in a workbook: which sheet holds which section, in which columns.

Canonical (English) field names only; the names a person sees, in Indonesian or English, come
from ``knowledge/texts/workbook.yaml`` (sheets) and ``knowledge/plan_format.yaml`` (columns:
the first Indonesian alias of a field). The reader accepts every alias, as YAML keys are.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel

from advisor import knowledge
from advisor.model import (
    Activity,
    Agreement,
    Contribution,
    DataSharing,
    Goal,
    Indicator,
    Partner,
    PillarReasons,
    Plan,
    Risk,
    Signatory,
    Suppression,
)


@dataclass(frozen=True)
class Sheet:
    """One sheet. ``kind``: ``fields`` (key/value rows of a mapping section), ``table`` (one
    record per row), ``items`` (records of a list held by each partner, or a plain text list
    when ``item`` names the text column), ``reasons`` (pillar -> reason rows)."""

    key: str  # the sheet's name in knowledge/texts/workbook.yaml
    kind: str
    path: tuple[str, ...]  # where the section sits in the plan
    model: type[BaseModel]
    columns: tuple[str, ...] = ()  # canonical fields, dotted for a nested one (budget.amount)
    item: str = ""  # for a list of texts held by a partner: the text column


# Plan fields on the "plan" sheet: everything that is not a list of records or a sheet of its own.
_OWN_SHEETS = {"goals", "partners", "activities", "indicators", "risks", "agreement", "data_sharing"}
_OWN_SHEETS |= {"pillars_not_involved", "suppress"}

SHEETS: tuple[Sheet, ...] = (
    Sheet("plan", "fields", (), Plan),
    Sheet("goals", "table", ("goals",), Goal, ("id", "statement", "development_agenda")),
    Sheet("partners", "table", ("partners",), Partner, ("id", "name", "pillar", "country", "donor", "region")),
    Sheet("responsibilities", "items", ("partners", "responsibilities"), Partner, ("partner",), "responsibilities"),
    Sheet(
        "contributions",
        "items",
        ("partners", "contributions"),
        Contribution,
        ("partner", "kind", "description", "share"),
    ),
    Sheet("benefits", "items", ("partners", "benefits"), Partner, ("partner",), "benefits"),
    Sheet(
        "activities",
        "table",
        ("activities",),
        Activity,
        ("id", "name", "lead", "support", "start", "end", "goals", "budget.amount", "budget.source", "budget.line"),
    ),
    Sheet(
        "indicators",
        "table",
        ("indicators",),
        Indicator,
        (
            "id",
            "statement",
            "measures",
            "unit",
            "baseline",
            "target",
            "due",
            "data_source",
            "frequency",
            "responsible",
            "direction",
        ),
    ),
    Sheet("risks", "table", ("risks",), Risk, ("description", "mitigation")),
    Sheet("agreement", "fields", ("agreement",), Agreement),
    Sheet("signatories", "table", ("agreement", "signatories"), Signatory, ("partner", "official", "authorisation")),
    Sheet("data_sharing", "fields", ("data_sharing",), DataSharing),
    Sheet("pillars_not_involved", "reasons", ("pillars_not_involved",), PillarReasons, ("pillar", "reason")),
    Sheet("suppress", "table", ("suppress",), Suppression, ("rule", "reason")),
)

# Fields that hold ids of other entries: one cell may list several, separated by commas.
ID_LISTS = {(Activity, "lead"), (Activity, "support"), (Activity, "goals"), (Indicator, "measures")}
# A model's fields that the "fields" sheet leaves to a sheet of their own.
SKIPPED_FIELDS: dict[type[BaseModel], set[str]] = {Plan: _OWN_SHEETS, Agreement: {"signatories"}}
# Drop-downs: (model, field) -> the enumeration of knowledge/plan_format.yaml `values`.
ENUMS: dict[tuple[type[BaseModel], str], str] = {
    (Partner, "pillar"): "pillar",
    (Plan, "kind"): "kind",
    (Plan, "scope"): "scope",
    (Contribution, "kind"): "contribution",
    (Indicator, "direction"): "direction",
}
# Free text with usual values: a drop-down that suggests, the value written as it is.
SUGGESTED: dict[tuple[type[BaseModel], str], str] = {(Indicator, "frequency"): "frequency"}
# Free-text frequencies and the decision rule offered as drop-downs on the plan sheet too.
FIELD_ENUMS = {"coordination.frequency": "frequency", "monitoring.frequency": "frequency"}


def texts() -> dict[str, Any]:
    data: dict[str, Any] = knowledge.read_text_table("texts/workbook.yaml")
    return data


@cache
def field_type(model: type[BaseModel], name: str) -> str:
    """``date``, ``bool``, ``number``, ``ids``, ``texts`` (a list, or text or list), ``model``
    (a nested section) or ``text``: how a cell of this field is read and written."""
    if (model, name) in ID_LISTS:
        return "ids"
    annotation = model.model_fields[name].annotation
    args = set(_flat(annotation))
    if dt.date in args:
        return "date"
    if bool in args:
        return "bool"
    if any(isinstance(a, type) and issubclass(a, BaseModel) for a in args):
        return "model"
    if float in args or int in args:
        return "number"
    if typing.get_origin(annotation) is list or list in args:
        return "texts"
    return "text"


def _flat(annotation: Any) -> list[Any]:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return [x for arg in typing.get_args(annotation) for x in _flat(arg)]
    if origin is list:
        return [list, *(x for arg in typing.get_args(annotation) for x in _flat(arg))]
    return [annotation]


def nested_model(model: type[BaseModel], name: str) -> type[BaseModel] | None:
    for arg in _flat(model.model_fields[name].annotation):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
    return None


def always_list(model: type[BaseModel], name: str) -> bool:
    """A list field that is never a single text (``TextList``, not ``str | TextList``)."""
    return typing.get_origin(model.model_fields[name].annotation) is list


def fields_rows(model: type[BaseModel], prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """The canonical key paths of a "fields" sheet, nested sections flattened (period.start)."""
    rows: list[tuple[str, ...]] = []
    for name in model.model_fields:
        if name in SKIPPED_FIELDS.get(model, set()) and not prefix:
            continue
        inner = nested_model(model, name)
        if inner is not None and field_type(model, name) == "model":
            rows.extend(fields_rows(inner, (*prefix, name)))
        else:
            rows.append((*prefix, name))
    return rows


def model_at(model: type[BaseModel], path: tuple[str, ...]) -> tuple[type[BaseModel], str]:
    """The model holding the last field of ``path`` and that field's name."""
    for name in path[:-1]:
        inner = nested_model(model, name)
        assert inner is not None
        model = inner
    return model, path[-1]


@cache
def alias_of(section: str, lang: str) -> dict[str, str]:
    """Canonical field -> the name shown in ``lang`` (the first Indonesian alias, or itself)."""
    out: dict[str, str] = {}
    if lang == "id":
        for alias, canonical in knowledge.plan_format().aliases.get(section, {}).items():
            out.setdefault(canonical, alias)
    return out


def section_of(model: type[BaseModel]) -> str:
    from advisor.model import SECTION_NAMES

    return SECTION_NAMES[model]
