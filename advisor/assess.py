"""The assessment: the readiness verdict (siap / perlu perbaikan / belum siap) and a 0-100
score per dimension, both from a plan's findings (and, for coverage ratios, its facts).

The scoring formula is data, documented in ``knowledge/scoring.yaml``:
``score = max(0, round(100 x ratio - sum of severity weights of the dimension's findings))``.
Everything here is a pure function of its inputs, so the same plan always scores the same.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import Any

from advisor import rules
from advisor.findings import Finding
from advisor.knowledge import scoring, thresholds
from advisor.rules.base import SEVERITY_RANK
from advisor.rules.conditions import Option

Fact = dict[str, Any]

# The verdict's option (a team's config may set it): more warnings than this -> needs revision.
READY_MAX_WARNINGS = Option("ready_max_warnings", "count")
INDICATOR_FIELDS = ("has_target", "has_unit", "has_baseline", "has_due", "has_source")


def verdict(findings: Sequence[Finding]) -> str:
    """``not_ready`` with any error; ``needs_revision`` with more warnings than the
    threshold allows; else ``ready``. Suppressed findings do not count."""
    active = [f for f in findings if f.suppressed is None]
    if any(f.severity == "error" for f in active):
        return "not_ready"
    # A derived conclusion (RL008, CH003, KS...) restates problems its premises already count.
    warnings = sum(1 for f in active if f.severity == "warning" and not counted_in_premises(f, active))
    if warnings > thresholds()[READY_MAX_WARNINGS.name]:
        return "needs_revision"
    return "ready"


# --- coverage ratios (named in knowledge/scoring.yaml `ratio`) ---------------------------------


def _of_kind(facts: Sequence[Fact], kind: str) -> list[Fact]:
    return [f for f in facts if f.get("kind") == kind]


def _pillars_present(facts: Sequence[Fact]) -> float:
    """Share of the five pillars present, for plans that promise all five (pentahelix)."""
    plan = next(iter(_of_kind(facts, "plan")), {})
    pillars = _of_kind(facts, "pillar")
    if plan.get("plan_kind") != "pentahelix" or not pillars:
        return 1.0
    return sum(1 for p in pillars if p.get("present")) / len(pillars)


def _clear_responsibilities(facts: Sequence[Fact]) -> float:
    partners = _of_kind(facts, "partner")
    total: int = sum(p.get("n_responsibilities", 0) for p in partners)
    if not total:
        return 0.0  # no responsibility written at all: no role is clear
    clear: int = sum(p.get("n_clear", 0) for p in partners)
    return clear / total


def _indicator_completeness(facts: Sequence[Fact]) -> float:
    indicators = _of_kind(facts, "indicator")
    if not indicators:
        return 0.0  # nothing to measure the plan by
    filled = sum(1 for ind in indicators for field in INDICATOR_FIELDS if ind.get(field))
    return filled / (len(indicators) * len(INDICATOR_FIELDS))


RATIOS: dict[str, Callable[[Sequence[Fact]], float]] = {
    "pillars_present": _pillars_present,
    "clear_responsibilities": _clear_responsibilities,
    "indicator_completeness": _indicator_completeness,
}


def dimension_of(finding: Finding) -> str | None:
    """The dimension a finding is scored in: its rule's own, else its family's (the rule and
    family records, rules/)."""
    try:
        return rules.dimension_of(rules.get(finding.rule_id))
    except KeyError:
        return None


def counted_in_premises(finding: Finding, active: Sequence[Finding]) -> bool:
    """A derived conclusion whose premises are all among the active findings: the problem is
    counted there already (one problem, one count)."""
    if not finding.based_on:
        return False
    keys = {f.key for f in active}
    return all(key in keys for key in finding.based_on)


def scores(findings: Iterable[Finding], facts: Sequence[Fact]) -> dict[str, int]:
    """Each dimension's 0-100 score, in the order of knowledge/scoring.yaml. A derived
    conclusion is not penalised on top of its premises."""
    config = scoring()
    penalties: dict[str, int] = {name: 0 for name in config.dimensions}
    active = [f for f in findings if f.suppressed is None]
    for finding in active:
        if counted_in_premises(finding, active):
            continue
        penalised = dimension_of(finding)
        if penalised is not None:
            penalties[penalised] += config.weights[finding.severity]
    out: dict[str, int] = {}
    for name, dimension in sorted(config.dimensions.items(), key=lambda kv: kv[1].order):
        ratio = RATIOS[dimension.ratio](facts) if dimension.ratio else 1.0
        out[name] = max(0, round(100 * ratio - penalties[name]))
    return out


# --- the order of "top problems" -----------------------------------------------------------

# How much of the plan a finding's subject covers: the plan as a whole (or one of its
# sections), one partner or pillar or goal, or one indicator, activity, role or risk.
_PLAN_WIDE = frozenset(
    {
        "plan", "governance", "form", "budget", "budget_detail", "dates", "communication",
        "agreement_terms", "goal_links", "data_exchange", "decision", "reliance", "foreign_reliance",
    }
)  # fmt: skip
_PART = frozenset({"partner", "pillar", "pillar_gap", "goal", "role_unclear"})


def reach(finding: Finding) -> int:
    """2 for the plan as a whole, 1 for a partner, pillar or goal, 0 for one item."""
    kind = finding.subject.split(":", 1)[0]
    return 2 if kind in _PLAN_WIDE else 1 if kind in _PART else 0


@cache
def inferred(rule_id: str) -> bool:
    """Whether the rule's conditions read an attribute that is a reading of text (rules/base.py
    INFERRED_ATTRIBUTES): its findings are less certain than those on stated values."""
    from advisor.rule_reads import tested_attributes
    from advisor.rules.base import INFERRED_ATTRIBUTES

    read = {a for attributes in tested_attributes(rule_id).values() for a in attributes}
    return bool(read & set(INFERRED_ATTRIBUTES))


def top_rank(finding: Finding) -> tuple[Any, ...]:
    """Worst first: severity, then certain before inferred, then the widest reach, then the
    place in the plan (not the rule id)."""
    return (
        SEVERITY_RANK[finding.severity],
        inferred(finding.rule_id),
        -reach(finding),
        finding.line,
        finding.col,
        finding.rule_id,
        finding.subject,
    )


def top_problems(findings: Iterable[Finding], limit: int) -> list[Finding]:
    """The errors and warnings a reader should see first, at most ``limit``, derived
    conclusions left out when their premises are listed."""
    active = [f for f in findings if f.suppressed is None and f.severity != "info"]
    shown = [f for f in active if not counted_in_premises(f, active)]
    return sorted(shown, key=top_rank)[:limit]
