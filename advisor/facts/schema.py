"""The declared schema of every fact kind: one typed record per kind.

Facts travel as flat dicts (durable-rules takes JSON), so the records are never built: they
are plain classes whose annotations declare what each kind holds (as dataclasses, declaring
them took ~20 ms of every cold start). Two checks use them: :func:`check_fact` (the tests
run every fact of the examples and of the benchmark corpus through it) and
:func:`check_rules`, called when the rules are registered (advisor/engine.py): every attribute
a condition reads must be declared for the kind the condition matches, so that a misspelt
attribute fails loudly instead of never firing. Derived kinds (asserted by rules) hold what
their rules carry, and what the engine adds to them.

Attributes typed ``X | None``, given a default of ``None``, may be absent (a fact never holds
``None``: durable-rules would match it neither way).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from advisor.rules.conditions import reads


class Fact:
    kind: str
    id: str
    path: str


class PlanFact(Fact):
    plan_kind: str
    scope: str
    language: str
    international: bool
    n_partners: int
    n_countries: int
    n_goals: int
    n_activities: int
    n_indicators: int
    n_responsibilities: int
    n_dated_activities: int
    has_period: bool
    has_background: bool
    n_alternatives: int
    has_coordination: bool
    has_mechanism: bool
    has_communication: bool
    has_channels: bool
    has_disclosure: bool
    has_monitoring: bool
    monitoring_has_frequency: bool
    n_evaluations: int
    has_capacity_building: bool
    has_technology_transfer: bool
    has_exit_strategy: bool
    decision: str  # the coordination's decision style, as on the decision fact
    decision_by_strong: bool  # a decision (coordination or a responsibility) left to the strong partner
    decider: str
    decision_text: str
    decision_words: str
    benefit_sides: int
    sides: int
    benefit_holders: str
    has_agreement: bool
    n_risks: int
    n_placeholders: int
    between_governments: bool  # two or more government partners: kerja sama antardaerah
    n_without_benefits: int
    without_benefits: str
    placeholder_path: str | None = None
    placeholder_text: str | None = None


class PillarFact(Fact):
    pillar: str
    present: bool
    n_partners: int
    n_responsibilities: int
    n_passive: int
    n_producing: int
    share_pct: int
    names: str
    reason_given: bool  # pillars_not_involved says why the pillar takes no part
    evidence: str


class PartnerFact(Fact):
    partner: str
    name: str
    pillar: str
    country: str
    foreign: bool
    donor: bool
    n_responsibilities: int
    n_clear: int
    n_vague: int
    n_clear_or_role: int  # clear, or government facilitating/coordinating (its own role)
    n_vague_task: int  # vague, and not government's own role
    vague: str
    vague_evidence: str  # the decisive words of the first vague responsibility
    vague_reason: str
    vague_kind: str  # "vague"; "passive_voice" or "receives" when the quoted line is passive
    n_passive: int  # only receives, or in the passive voice
    n_passive_voice: int  # in the passive voice: the line names no actor the partner is held to
    pillar_producing: int  # what the partner's pillar produces (the pillar fact's n_producing)
    n_contributions: int
    n_benefits: int
    n_leads: int
    share_pct: int
    strongest: bool  # the plan depends on this partner (main supplier of a critical resource)
    evidence: str


class SharedTaskFact(Fact):
    task: str
    partners: str
    n_partners: int
    evidence: str


class ResourceFact(Fact):
    resource: str
    n_contributors: int
    top_partner: str
    top_name: str
    top_pillar: str
    top_share_pct: int
    top_foreign: bool
    top_donor: bool
    top_of: str
    evidence: str


class ActivityFact(Fact):
    activity: str
    name: str
    n_leads: int
    n_support: int
    has_dates: bool
    n_indicators: int
    n_goals: int
    leads: str
    evidence: str


class RoleFact(Fact):
    activity: str
    activity_name: str
    partner: str
    partner_name: str
    role: str
    matched: bool
    matched_words: str
    evidence: str


class IndicatorFact(Fact):
    indicator: str
    statement: str
    name: str
    has_target: bool
    target: float | None = None
    target_text: str | None = None
    has_baseline: bool
    baseline: float | None = None
    baseline_text: str | None = None
    number_ambiguous: bool
    has_unit: bool
    has_due: bool
    due: str | None = None
    due_in_period: str
    has_source: bool
    has_frequency: bool
    has_responsible: bool
    direction: str  # increase | decrease | maintain | unknown
    direction_inferred: bool  # taken from the goal or activity, not from the statement
    direction_basis: str  # e.g. "decrease_judged": the direction and how it was come by (messages)
    direction_quote: str  # '("words")' that decided it, or "" for a declared one (messages)
    direction_judged: bool  # a reading of what is counted, or inferred; not declared, not stated in words of change
    direction_reason: str
    direction_words: str
    direction_bound: str  # cap | floor | none: the level is a bound to stay within ("maksimal 5 persen")
    direction_bound_words: str
    measurability: str  # countable | abstract | yes_no
    measurability_words: str
    quantified: bool  # countable, or a numeric target
    n_measures: int
    missing_parts: str  # what the indicator lacks, comma-separated, or "none"
    n_missing: int
    evidence: str


class GoalFact(Fact):
    goal: str
    statement: str
    name: str
    n_indicators: int
    n_indicators_via_activities: int
    n_measurable_indicators: int
    n_activities: int
    quantified: bool  # an amount AND a time
    has_amount: bool
    has_time: bool
    quantified_words: str
    direction: str
    has_agenda: bool
    evidence: str


class GovernanceFact(Fact):
    international: bool
    n_partners: int
    n_activities: int
    n_indicators: int
    n_goals: int
    n_goals_with_agenda: int
    n_goals_with_agenda_any: int  # the agenda field filled, or an agenda named in the goal
    background_analysis: str
    n_alternatives: int
    has_sustainability: bool
    has_monitoring: bool
    has_reporting_line: bool
    has_disclosure: bool
    has_mechanism: bool
    coordination_regular: bool
    has_conflict_resolution: bool
    has_interests: bool
    has_trust_building: bool
    has_coi: bool
    coi_exposed: bool
    has_institutional_change: bool
    community_roles: int
    community_contributions: int
    n_empowering: int
    has_capacity_building: bool
    has_exit_strategy: bool
    gov_coordinating: bool
    has_culture_note: bool
    has_language_note: bool
    has_regulation_note: bool
    n_risks: int


class BackgroundFact(Fact):
    has_background: bool
    has_problems: bool
    has_assets: bool
    problems_words: str
    assets_words: str
    evidence: str


class DecisionFact(Fact):
    about: str  # coordination | goals | responsibility
    stated: bool
    style: str  # consensus | authority | unilateral | unstated
    deliberated: bool  # taken in or after a deliberation (a forum, a meeting, musyawarah)
    decider: str  # the deciding partner's id, or ""
    decider_name: str
    by_strong: bool  # the decider is the partner the plan depends on most
    style_words: str
    style_reason: str
    evidence: str


class BudgetFact(Fact):
    status: str
    in_budget_cycle: bool  # already in RKA/DPA SKPD, APBD...: not unsecured
    has_funding: bool
    n_activities: int
    evidence: str


class RiskFact(Fact):
    description: str
    has_mitigation: bool
    evidence: str


class FormFact(Fact):
    plan_kind: str
    international: bool
    n_countries: int
    countries: str
    n_foreign: int
    n_regions: int
    regions: str
    n_pillars: int
    has_agreement: bool
    has_legal_basis: bool
    has_sovereignty: bool
    has_mutual_benefit: bool
    has_trust_building: bool
    has_interests: bool
    has_regulatory_differences: bool
    has_conflict_safeguard: bool
    sovereignty_words: str
    mutual_benefit_words: str
    period_months: int
    period_years: float
    in_one_grouping: bool  # every partner's country in one grouping (knowledge/forms.yaml)
    grouping: str | None = None
    evidence: str


KINDS: dict[str, type[Fact]] = {
    "plan": PlanFact,
    "pillar": PillarFact,
    "partner": PartnerFact,
    "shared_task": SharedTaskFact,
    "resource": ResourceFact,
    "activity": ActivityFact,
    "role": RoleFact,
    "indicator": IndicatorFact,
    "goal": GoalFact,
    "governance": GovernanceFact,
    "background": BackgroundFact,
    "decision": DecisionFact,
    "budget": BudgetFact,
    "risk": RiskFact,
    "form": FormFact,
}
# What the engine adds to every derived fact (advisor/engine.py, _assert_derived).
DERIVED = ("kind", "id", "path", "ordinal", "source_rule", "source_subject", "evidence")
ENGINE = ("kind", "id", "sid")


def register(kind: str, record: type[Fact]) -> None:
    """Declare a fact kind written by another module of the package (``advisor/facts/*.py``)."""
    KINDS[kind] = record


class SchemaError(Exception):
    """A fact or a rule condition does not agree with the declared schema."""


_TYPES: dict[str, type] = {"str": str, "int": int, "float": float, "bool": bool, "None": type(None)}


_ATTRIBUTES: dict[str, dict[str, tuple[tuple[type, ...], bool]]] = {}


def attributes(record: type[Fact]) -> dict[str, tuple[tuple[type, ...], bool]]:
    """Attribute -> (accepted types, required) of a record, computed once per record."""
    name = f"{record.__module__}.{record.__qualname__}"
    if name not in _ATTRIBUTES:
        _ATTRIBUTES[name] = _attributes(record)
    return _ATTRIBUTES[name]


def _attributes(record: type[Fact]) -> dict[str, tuple[tuple[type, ...], bool]]:
    """Attribute -> (accepted types, required) of a record, its bases' attributes first (its
    annotations are strings such as "float | None": read directly, faster than
    typing.get_type_hints at every start). An attribute with a default is optional."""
    out = {}
    for klass in reversed(record.__mro__):
        for name, annotation in vars(klass).get("__annotations__", {}).items():
            names = [n.strip() for n in str(annotation).split("|")]
            accepted = tuple(_TYPES[n] for n in names if n != "None")
            if float in accepted:
                accepted = (*accepted, int)
            out[name] = (accepted, not any(name in vars(k) for k in record.__mro__))
    return out


def check_fact(fact: dict[str, Any]) -> None:
    """Raise :class:`SchemaError` unless ``fact`` holds exactly its kind's attributes, typed."""
    record = KINDS.get(fact.get("kind", ""))
    if record is None:
        raise SchemaError(f"fact {fact.get('id')!r}: undeclared kind {fact.get('kind')!r}")
    declared = attributes(record)
    for name, value in fact.items():
        if name not in declared:
            raise SchemaError(f"fact {fact['id']!r}: undeclared attribute {name!r} of kind {fact['kind']!r}")
        accepted, _ = declared[name]
        if not isinstance(value, accepted) or (isinstance(value, bool) and bool not in accepted):
            raise SchemaError(f"fact {fact['id']!r}: {name}={value!r} is not {accepted}")
    missing = [n for n, (_, required) in declared.items() if required and n not in fact]
    if missing:
        raise SchemaError(f"fact {fact['id']!r}: missing attribute {missing[0]!r} of kind {fact['kind']!r}")


def derived_kinds(rules: Iterable[Any]) -> dict[str, set[str]]:
    """Attributes of each kind the rules assert: what they carry and what the engine adds."""
    out: dict[str, set[str]] = {}
    for rule in rules:
        if rule.asserts:
            out.setdefault(rule.asserts, set(DERIVED)).update(rule.carries)
    return out


def check_rules(rules: Iterable[Any]) -> None:
    """Check every attribute each rule's conditions read against the schema.

    The conditions are the rules' patterns (advisor/rules/conditions.py). Raise
    :class:`SchemaError` naming the rule, the kind and the attribute.
    """
    rules = list(rules)
    derived = derived_kinds(rules)
    for rule in rules:
        kinds = {fact.alias: fact.kind for fact in rule.conditions}
        for alias, kind in kinds.items():
            if kind not in derived and kind not in KINDS:
                raise SchemaError(
                    f"{rule.id}: condition {alias!r} matches kind {kind!r}, which no fact module declares"
                )
        for fact in rule.conditions:
            for attribute, other in reads(fact.test):
                if other and other not in kinds:
                    raise SchemaError(f"{rule.id}: condition {fact.alias!r} refers to unknown alias {other!r}")
                _check_attribute(rule.id, kinds[other] if other else fact.kind, attribute, derived)


def _check_attribute(rule_id: str, kind: str | None, attribute: str, derived: dict[str, set[str]]) -> None:
    if kind is None or attribute in ENGINE:
        return  # a condition on any fact (the catch-all) reads nothing of a kind
    known = derived[kind] if kind in derived else set(attributes(KINDS[kind]))
    if attribute not in known:
        raise SchemaError(f"{rule_id}: kind {kind!r} has no attribute {attribute!r} (misspelt?)")
