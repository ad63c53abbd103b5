"""What every fact module needs to know about a plan, computed once per plan: countries and
whether the plan is international, who leads what, what each indicator measures, each
partner's share of the resources, the partner the plan depends on most, its prose and every
text it holds."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from typing import Literal, get_args, get_origin

from pydantic import BaseModel

from advisor.model import Activity, Indicator, Partner, Plan
from advisor.text import HOME_COUNTRIES, joined

CRITICAL_RESOURCES = ("funding", "technology", "expertise")  # what dependency theory is about


def leads_of(activity: Activity) -> list[str]:
    if isinstance(activity.lead, list):
        return activity.lead
    return [activity.lead] if activity.lead else []


def measures_of(indicator: Indicator) -> list[str]:
    if isinstance(indicator.measures, list):
        return indicator.measures
    return [indicator.measures] if indicator.measures else []


def is_foreign(partner: Partner) -> bool:
    if not partner.country or not partner.country.strip():
        return False
    return partner.country.strip().lower() not in HOME_COUNTRIES


def _prose(plan: Plan) -> list[str]:
    """Every free text of the plan where a statement of principle may stand, in document order."""
    texts: list[str] = [plan.background or "", *plan.alternatives_considered]
    texts += [g.statement or "" for g in plan.goals]
    texts += [t for p in plan.partners for t in (*p.responsibilities, *p.benefits)]
    texts += [c.description or "" for p in plan.partners for c in p.contributions]
    if plan.dependency:
        d = plan.dependency
        texts += [joined(d.capacity_building), joined(d.technology_transfer), joined(d.exit_strategy)]
    if plan.coordination:
        c = plan.coordination
        texts += [c.mechanism or "", c.decision_making or "", c.conflict_resolution or ""]
    if plan.communication:
        texts += [*plan.communication.channels, joined(plan.communication.public_disclosure)]
    texts += [t for r in plan.risks for t in (r.description, r.mitigation or "")]
    if plan.agreement:
        texts += [*plan.agreement.principles, joined(plan.agreement.legal_basis)]
    texts += [plan.sustainability or "", joined(plan.interests), joined(plan.trust_building)]
    texts += [joined(plan.conflict_of_interest), joined(plan.institutional_change), plan.goal_setting or ""]
    texts += [joined(plan.budget)]
    if plan.differences:
        d2 = plan.differences
        texts += [joined(d2.culture), joined(d2.language), joined(d2.regulation)]
    return [t for t in texts if t and t.strip()]


def strings_of(value: object, out: list[str]) -> list[str]:
    """Every string under ``value`` (a model, a list, a text) appended to ``out``, in document
    order: the model's field order, list order, as ``model_dump(exclude_none=True)`` would hold
    them, read off the model without building the dump."""
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, list):
        _strings_of_list(value, out)
    elif isinstance(value, BaseModel):
        _strings_of_model(value, out)
    return out


def _strings_of_list(values: list[object], out: list[str]) -> None:
    for item in values:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, BaseModel):  # a list of sections: goals, partners, contributions
            _strings_of_model(item, out)
        else:
            strings_of(item, out)


def _strings_of_model(model: BaseModel, out: list[str]) -> None:
    fields = model.__dict__  # a model's field values (getattr is slower by half)
    for name, texts in _text_fields(type(model)):
        item = fields[name]
        if isinstance(item, str):
            out.append(item)
        elif texts and type(item) is list:
            out += item  # a list of texts, as validated: responsibilities, benefits, channels
        elif item is not None:
            strings_of(item, out)


@cache
def _text_fields(model: type[BaseModel]) -> tuple[tuple[str, bool], ...]:
    """The fields of ``model`` that may hold a text, in field order (not a date, flag or number
    alone), each with whether a list in it holds only texts."""
    return tuple(
        (name, _texts_only(info.annotation))
        for name, info in model.model_fields.items()
        if _may_hold_text(info.annotation)
    )


def _texts_only(annotation: object) -> bool:
    """Is a list in a field of this type a list of texts (``list[str]``, alone or in a union)?"""
    lists = [arg for arg in (annotation, *get_args(annotation)) if get_origin(arg) is list]
    return bool(lists) and all(get_args(arg) == (str,) for arg in lists)


def _may_hold_text(annotation: object) -> bool:
    if annotation is str or get_origin(annotation) is Literal:  # a choice of words is text too
        return True
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_may_hold_text(arg) for arg in get_args(annotation))


def _texts(plan: Plan) -> list[str]:
    """Every text of the plan but its suppressions (a date, a number or a flag is not one)."""
    out: list[str] = []
    for name, _ in _text_fields(Plan):
        if name != "suppress":
            strings_of(getattr(plan, name), out)
    return out


@dataclass
class PlanIndex:
    plan: Plan
    partner_index: dict[str, int] = field(default_factory=dict)
    countries: list[str] = field(default_factory=list)
    international: bool = False
    leads_by_partner: dict[str, int] = field(default_factory=dict)
    measures: dict[str, list[str]] = field(default_factory=dict)  # indicator id -> what it measures
    shares_by_kind: dict[str, dict[str, float]] = field(default_factory=dict)
    strongest: str = ""  # the partner the plan depends on most ("" when none supplies a critical resource)
    prose: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # every text of the plan, suppressions aside
    _tops: dict[str, str] | None = None

    @classmethod
    def of(cls, plan: Plan) -> PlanIndex:
        index = cls(plan)
        index.partner_index = {p.id: i for i, p in enumerate(plan.partners)}
        index.countries = sorted({p.country.strip().upper() for p in plan.partners if p.country and p.country.strip()})
        foreign = any(c.lower() not in HOME_COUNTRIES for c in index.countries)
        index.international = plan.scope == "international" or len(index.countries) > 1 or foreign
        leads: dict[str, int] = defaultdict(int)
        for activity in plan.activities:
            for lead in leads_of(activity):
                leads[lead] += 1
        index.leads_by_partner = leads
        index.measures = {i.id: measures_of(i) for i in plan.indicators}
        index.shares_by_kind = _shares_by_kind(plan)
        index.strongest = _strongest(index.shares_by_kind)
        index.prose = _prose(plan)
        index.texts = _texts(plan)
        return index

    def tops(self) -> dict[str, str]:
        """The main supplier of each resource kind."""
        if self._tops is None:
            self._tops = self._main_suppliers()
        return self._tops

    def _main_suppliers(self) -> dict[str, str]:
        return {
            kind: max(shares.items(), key=lambda kv: (kv[1], kv[0]))[0]
            for kind, shares in self.shares_by_kind.items()
            if shares
        }


def _shares_by_kind(plan: Plan) -> dict[str, dict[str, float]]:
    """Per resource kind, each partner's share: declared shares where given, else an equal split
    among those who contribute it."""
    by_kind: dict[str, dict[str, float]] = defaultdict(dict)
    for partner in plan.partners:
        for contribution in partner.contributions:
            current = by_kind[contribution.kind].get(partner.id, 0.0)
            by_kind[contribution.kind][partner.id] = current + (
                contribution.share if contribution.share is not None else -1.0
            )
    out: dict[str, dict[str, float]] = {}
    for kind, shares in by_kind.items():
        declared = {k: v for k, v in shares.items() if v >= 0}
        if declared and len(declared) == len(shares):
            total = sum(declared.values()) or 1.0
            out[kind] = {k: v / total if total > 1 else v for k, v in declared.items()}
        else:
            out[kind] = {k: 1.0 / len(shares) for k in shares}
    return out


def _strongest(shares_by_kind: dict[str, dict[str, float]]) -> str:
    """The partner the plan depends on most: the main supplier of its funding, else of its
    technology, else of its expertise ("" when nobody supplies any of them)."""
    for kind in CRITICAL_RESOURCES:
        shares = shares_by_kind.get(kind)
        if shares:
            return max(shares.items(), key=lambda kv: (kv[1], kv[0]))[0]
    return ""
