"""GV - collaborative-governance principles: is the cooperation governed as a collaboration?

Knowledge: Seigler's eight principles (seed 003): citizens co-produce the public good, the
community mobilises its own resources, professionals empower it, decisions are taken by
deliberation, the partnership lasts, policy is strategic, it changes institutions and it is
accountable. Ansell & Gash (seed 003) and Ansell (seed 000): consensus-oriented, deliberative
decisions; transparency, accountability and participation; government as facilitator and
coordinator. Purwanti (Febrian 2016, seed 003): partners stand as equals in setting goals.
Seed 004: officials may not use the state's name for personal interest.

Public disclosure (formerly GV009, and GV010 "transparency principle at risk") is part of the
one communication finding, ST016 (rules/steps.py).
The principles and the rules that check them are listed in knowledge/principles.yaml.
"""

from __future__ import annotations

from typing import Any

from advisor.rules.base import Family, Rule
from advisor.rules.conditions import Test, c, m


def _gov(condition: Test) -> list[Any]:
    return [c.f << (m.kind == "governance") & condition]


def _community(condition: Test) -> list[Any]:
    """The community pillar is in the plan, and the plan-wide ``condition`` holds."""
    return [
        c.f << (m.kind == "pillar") & (m.pillar == "community") & (m.present == True),  # noqa: E712
        c.g << (m.kind == "governance") & condition,
    ]


FAMILY = Family(code="GV", dimension="governance_principles", module=__name__)

RULES = [
    Rule(
        id="GV014",
        at="data_sharing",
        name="governance.data-sharing-without-arrangement",
        severity="warning",
        step="communication",
        sources=("seed000", "seed002", "uu27_2022"),
        # Data is contributed or exchanged (advisor/facts/links.py) and no data_sharing.arrangement
        # says what is shared, by whom, for what and how it is protected.
        when=lambda: [
            c.f << (m.kind == "data_exchange") & (m.exchanged == True) & (m.has_arrangement == False)  # noqa: E712
        ],
        params=("evidence",),
        # Personal data needs its arrangement by law (UU 27/2022); for other data (statistics,
        # survey results) an arrangement is good practice, not a condition of signing.
        severity_when=(("f", "personal", False, "info"),),
    ),
    Rule(
        id="GV001",
        at="coordination.decision_making",
        name="governance.decision-not-deliberative",
        severity="warning",
        step="communication",
        sources=("seigler2011", "ansell_gash2007", "seed003"),
        # Decisions reserved to the top funder, a foreign partner or a donor are DP007's case.
        when=lambda: [
            c.f << (m.kind == "decision")
            & (m.about == "coordination")
            & (m.style != "consensus")
            & (m.by_strong == False)  # noqa: E712
            # decided by a council or a regional head (style "authority") after a forum discussed
            # it: each party keeps its own authority (seed 003); an authority alone ("Ditetapkan
            # oleh Bupati") is not deliberation
            & (m.deliberated == False)  # noqa: E712
        ],
    ),
    Rule(
        id="GV002",
        name="governance.community-not-in-delivery",
        severity="warning",
        step="roles",
        sources=("seigler2011", "seed003", "ansell2018"),
        when=lambda: _community((m.community_roles == 0) & (m.n_activities > 0)),
        params=("names",),
    ),
    Rule(
        id="GV003",
        name="governance.community-resources-not-mobilised",
        severity="info",
        step="roles",
        sources=("seigler2011", "seed003"),
        when=lambda: _community(m.community_contributions == 0),
        params=("names",),
    ),
    Rule(
        id="GV004",
        name="governance.no-professional-empowerment",
        severity="info",
        step="roles",
        sources=("seigler2011", "seed003"),
        when=lambda: _community((m.n_empowering == 0) & (m.has_capacity_building == False)),  # noqa: E712
        params=("names",),
    ),
    Rule(
        id="GV005",
        at="sustainability",
        name="governance.partnership-not-sustained",
        severity="warning",
        step="monitoring",
        sources=("seigler2011", "astuti2020", "seed003"),
        when=lambda: _gov(m.has_sustainability == False),  # noqa: E712
        asserts="continuity_gap",
    ),
    Rule(
        id="GV006",
        at="goals",
        name="governance.no-strategic-link",
        severity="warning",
        step="goal",
        sources=("seigler2011", "seed003", "seed002"),
        # an agenda named in the goal's own statement ("... sesuai RPJMD 2025-2029") counts
        when=lambda: _gov((m.n_goals > 0) & (m.n_goals_with_agenda_any == 0)),
    ),
    Rule(
        id="GV007",
        at="institutional_change",
        name="governance.no-institutional-change",
        severity="info",
        step="action_plan",
        sources=("seigler2011", "seed003"),
        when=lambda: _gov(m.has_institutional_change == False),  # noqa: E712
    ),
    Rule(
        id="GV008",
        at="monitoring.reporting_to",
        name="governance.accountability-unclear",
        severity="warning",
        step="monitoring",
        sources=("seigler2011", "ansell2018", "seed000"),
        when=lambda: _gov(m.has_reporting_line == False),  # noqa: E712
    ),
    Rule(
        id="GV011",
        at="goal_setting",
        name="governance.goals-set-unilaterally",
        severity="warning",
        step="goal",
        sources=("febrian2016", "seed003"),
        when=lambda: [c.f << (m.kind == "decision") & (m.about == "goals") & (m.style == "unilateral")],
    ),
    Rule(
        id="GV012",
        at="conflict_of_interest",
        name="governance.no-conflict-of-interest-safeguard",
        severity="warning",
        step="roles",
        sources=("seed004",),
        # a safeguard written in any prose of the plan counts, not only in conflict_of_interest
        when=lambda: [
            c.f << (m.kind == "governance") & (m.coi_exposed == True),  # noqa: E712
            c.x << (m.kind == "form") & (m.has_conflict_safeguard == False),  # noqa: E712
        ],
    ),
    Rule(
        id="GV013",
        name="governance.government-not-coordinating",
        severity="info",
        step="communication",
        sources=("ansell2018", "seed000"),
        when=lambda: [
            c.f << (m.kind == "pillar") & (m.pillar == "government") & (m.present == True),  # noqa: E712
            c.g << (m.kind == "governance") & (m.gov_coordinating == False) & (m.n_partners >= 3),  # noqa: E712
        ],
        params=("names",),
    ),
]
