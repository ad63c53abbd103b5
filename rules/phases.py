"""PS - Ratner's three phases of collaboration (seed 003, after Astuti et al. 2020).

1. barriers and opportunities identified: the background says what stands in the way and what
   can be built on; 2. strategies debated: the alternatives weighed before choosing this one;
3. collaborative action planned with measurement and continuity. Phase 3 is a conclusion:
PS003 chains on GV005's ``continuity_gap`` and adds that nothing is measured either.
The phases are listed in knowledge/phases.yaml.
"""

from __future__ import annotations

from advisor.rules.base import Family, Rule
from advisor.rules.conditions import c, m

FAMILY = Family(code="PS", dimension="planning_steps", module=__name__)

RULES = [
    Rule(
        id="PS001",
        at="background",
        name="phases.barriers-opportunities-not-identified",
        severity="warning",
        step="goal",
        sources=("astuti2020", "seed003"),
        when=lambda: [c.f << (m.kind == "governance") & (m.background_analysis != "complete")],
    ),
    Rule(
        id="PS002",
        at="alternatives_considered",
        name="phases.strategies-not-debated",
        severity="warning",
        step="goal",
        sources=("astuti2020", "seed003"),
        when=lambda: [c.f << (m.kind == "governance") & (m.n_alternatives == 0)],
    ),
    Rule(
        id="PS003",
        at="monitoring",
        name="phases.action-without-measurement-or-continuity",
        severity="warning",
        step="action_plan",
        sources=("astuti2020", "seed003"),
        when=lambda: [
            c.k << (m.kind == "continuity_gap"),
            c.f << (m.kind == "governance")
            & (m.n_activities > 0)
            & ((m.n_indicators == 0) | (m.has_monitoring == False)),  # noqa: E712
        ],
        based_on=("GV005",),
    ),
]
