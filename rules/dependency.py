"""DP - dependency: does the cooperation leave one side relying on, or ruled by, the other?

Knowledge: dependency theory (seed 000, after Mastanduno 2018) points at asymmetric relations
between developed and developing partners, which lasting and fair cooperation must overcome;
seed 002 names power inequality, which lets the stronger partner dominate; seed 004 warns that
technology cooperation often breeds excessive one-sided dependency unless a long-term solution
is found, and that foreign experts should only bridge the time until domestic experts can take
over.

Who supplies a resource matters. A domestic government funding its own programme is ownership,
not dependency: no finding. Reliance on a foreign partner or a donor is the asymmetric case
(warning; it asserts ``foreign_reliance`` for later conclusions). Reliance on one domestic
private sponsor is a continuity risk rather than an asymmetry of power (advice). The shares come
from the ``resource`` facts (advisor/facts.py): per resource kind, its largest supplier.
"""

from __future__ import annotations

from typing import Any

from advisor.durable.lang import c, m
from advisor.rules.base import Rule

from advisor.knowledge import thresholds

# The resources a programme cannot run without and that a partner can withhold. Data,
# regulation, facilities, network and labour are contributions too, but rarely a lever.
_CRITICAL = ("funding", "technology", "expertise")


def _dependency_pct() -> int:
    share: float = thresholds()["dependency_share"]
    return round(share * 100)


def _critical(resource: object) -> object:
    test = resource == _CRITICAL[0]
    for kind in _CRITICAL[1:]:
        test = test | (resource == kind)
    return test


def _outside_supplier() -> object:
    # The branches must exclude each other: durable-rules fires a rule once per matching branch
    # of a disjunction, so a foreign donor would fire twice (and assert its derived fact twice).
    return (m.top_foreign == True) | ((m.top_foreign == False) & (m.top_donor == True))  # noqa: E712


def _foreign_reliance() -> list[Any]:
    return [
        c.f << (m.kind == "resource")
        & _critical(m.resource)
        & (m.top_share_pct >= _dependency_pct())
        & _outside_supplier()
    ]


def _single_private_sponsor() -> list[Any]:
    return [
        c.f << (m.kind == "resource")
        & (m.resource == "funding")
        & (m.top_share_pct >= _dependency_pct())
        & (m.top_pillar == "industry")
        & (m.top_foreign == False)  # noqa: E712
        & (m.top_donor == False)  # noqa: E712
    ]


def _outside_supply_without(resource: str, safeguard: str) -> list[Any]:
    """An outside partner is the main supplier of ``resource`` and the plan lacks ``safeguard``."""
    return [
        c.f << (m.kind == "resource") & (m.resource == resource) & _outside_supplier(),
        c.plan << (m.kind == "plan") & (getattr(m, safeguard) == False),  # noqa: E712
    ]


RULES = [
    Rule(
        id="DP001",
        name="dependency.foreign-reliance",
        severity="warning",
        step="roles",
        sources=("mastanduno2018", "seed000", "seed002", "seed004"),
        # A foreign or donor partner supplies at least dependency_share of funding, technology or expertise.
        when=_foreign_reliance,
        params=("resource", "top_name", "top_share_pct"),
        asserts="foreign_reliance",
        # one reliance per partner, however many resources it supplies: the conclusions drawn
        # on it (CH003, CH012) are about the partner, not each resource
        key_by="top_partner",
        carries=("resource", "top_partner", "top_name", "top_share_pct", "top_of"),
    ),
    Rule(
        id="DP002",
        name="dependency.single-private-sponsor",
        severity="info",
        step="roles",
        sources=("seed004", "febrian2016"),
        # One domestic business (not a donor) pays at least dependency_share of the funding.
        when=_single_private_sponsor,
        params=("top_name", "top_share_pct"),
    ),
    Rule(
        id="DP003",
        name="dependency.technology-without-transfer",
        severity="warning",
        step="action_plan",
        sources=("seed004", "mastanduno2018", "seed002"),
        # The main technology supplier is foreign or a donor and dependency.technology_transfer is empty.
        when=lambda: _outside_supply_without("technology", "has_technology_transfer"),
        params=("top_name",),
    ),
    Rule(
        id="DP004",
        name="dependency.expertise-without-capacity-building",
        severity="warning",
        step="action_plan",
        sources=("seed004", "seed000"),
        # The main expertise supplier is foreign or a donor and dependency.capacity_building is empty.
        when=lambda: _outside_supply_without("expertise", "has_capacity_building"),
        params=("top_name",),
    ),
    Rule(
        id="DP005",
        name="dependency.donor-funding-without-exit-strategy",
        severity="warning",
        step="action_plan",
        sources=("seed004", "mastanduno2018"),
        # The largest funder is foreign or a donor (any share) and dependency.exit_strategy is empty.
        when=lambda: _outside_supply_without("funding", "has_exit_strategy"),
        params=("top_name", "top_share_pct"),
    ),
    Rule(
        id="DP006",
        at="partners",
        name="dependency.one-sided-benefits",
        severity="warning",
        step="roles",
        sources=("seed000", "seed002", "mastanduno2018"),
        # Of two or more sides (countries, or partners in a domestic plan) exactly one lists benefits;
        # none at all is a different gap.
        when=lambda: [c.f << (m.kind == "plan") & (m.benefit_sides == 1) & (m.sides >= 2)],
        params=("benefit_holders", "sides"),
    ),
    Rule(
        id="DP007",
        at="coordination.decision_making",
        name="dependency.decisions-by-strong-partner",
        severity="warning",
        step="communication",
        sources=("seed002", "mastanduno2018", "febrian2016"),
        # decision_making names one partner, and it is a top supplier, foreign or a donor (facts.py).
        when=lambda: [c.f << (m.kind == "plan") & (m.decision_by_strong == True)],  # noqa: E712
        params=("decision_text",),
    ),
]
