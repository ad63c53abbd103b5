"""CH - challenges of cooperation: does the plan answer the known obstacles?

Knowledge (seed 002): differing national interests, lack of trust, power inequality that lets
the stronger dominate, bureaucracy and weak coordination, and too little funding. Seed 000:
international planning meets cultural, language and regulatory differences, and good planning
weighs political, social and economic dynamics (risks and their mitigation).

Chaining on DP001's ``foreign_reliance`` (one foreign partner or donor supplies most of a
critical resource): with no balancing mechanism in decisions, it is unchecked power
inequality (CH003; decisions the strong partner takes itself are DP007, not also CH003). The
former CH012 (asymmetric dependency high) is now part of DP001's one finding, which lists the
missing safeguards. The challenges are listed in knowledge/challenges.yaml.
"""

from __future__ import annotations

from typing import Any

from advisor.rules.base import Family, Rule
from advisor.rules.conditions import Test, c, m

from advisor.knowledge import challenges


def _gov(condition: Test) -> list[Any]:
    return [c.f << (m.kind == "governance") & condition]


def _international(condition: Test) -> list[Any]:
    return _gov((m.international == True) & condition)  # noqa: E712


def _stated_nowhere(attribute: str) -> list[Any]:
    """An international plan that states ``attribute`` neither in its field nor in any prose
    (the form fact's reading); the finding stays about the governance fact, its key unchanged."""
    return [
        c.f << (m.kind == "governance") & (m.international == True),  # noqa: E712
        c.x << (m.kind == "form") & (getattr(m, attribute) == False),  # noqa: E712
    ]


FAMILY = Family(code="CH", dimension="governance_principles", module=__name__)

RULES = [
    Rule(
        id="CH013",
        name="challenges.budget-amount-or-source-missing",
        severity="warning",
        step="action_plan",
        sources=("seed000", "seed002"),
        # Money is mentioned (a budget text, an activity budget or a funding contribution) but
        # neither the plan nor every activity gives an amount and a source. No money mentioned at
        # all is CH005. The branches exclude each other.
        when=lambda: [
            c.f << (m.kind == "budget_detail")
            & (m.n_missing_budget > 0)
            & ((m.stated == True) | ((m.stated == False) & (m.has_funding == True)))  # noqa: E712
        ],
        params=("missing_budget", "unbudgeted"),
    ),
    Rule(
        id="CH001",
        at="interests",
        name="challenges.interests-not-reconciled",
        severity="warning",
        step="stakeholders",
        sources=("seed002", "seed000", "seed004", "grieco2018"),
        when=lambda: _stated_nowhere("has_interests"),
    ),
    Rule(
        id="CH002",
        at="trust_building",
        name="challenges.no-trust-building",
        severity="warning",
        step="communication",
        sources=("seed002", "seed004"),
        when=lambda: _stated_nowhere("has_trust_building"),
    ),
    Rule(
        id="CH003",
        at="coordination.decision_making",
        name="challenges.power-imbalance-unchecked",
        severity="warning",
        step="communication",
        sources=("seed002", "seed000", "ansell_gash2007"),
        # DP007 covers decisions openly reserved to the strong partner; this is the quieter case
        # of a dominant supplier and nothing in the decision rules that gives the others a voice.
        when=lambda: [
            c.f << (m.kind == "foreign_reliance"),
            c.d << (m.kind == "decision")
            & (m.about == "coordination")
            & (m.style != "consensus")
            & (m.by_strong == False),  # noqa: E712 - decided by the strong partner itself is DP007
            c.g << (m.kind == "governance") & (m.has_conflict_resolution == False),  # noqa: E712
        ],
        params=("top_name", "top_of"),
        based_on=("DP001",),
        dimension="dependency_balance",
    ),
    Rule(
        id="CH004",
        at="coordination",
        name="challenges.ad-hoc-coordination",
        severity="warning",
        step="communication",
        sources=("seed002",),
        when=lambda: _gov(
            (m.n_partners >= challenges().coordination_min_partners)
            & (m.has_mechanism == True)  # noqa: E712
            # a stated minimum ("paling sedikit dua bulan sekali, dan sewaktu-waktu bila perlu") is
            # a schedule, whatever it adds for urgent matters
            & (m.coordination_regular == False)  # noqa: E712
        ),
        params=("n_partners",),
    ),
    Rule(
        id="CH005",
        name="challenges.budget-not-identified",
        severity="warning",
        step="action_plan",
        sources=("seed002",),
        when=lambda: [
            c.f << (m.kind == "budget")
            & (m.status == "missing")
            & (m.has_funding == False)  # noqa: E712
            & (m.n_activities > 0)
        ],
        dimension="planning_steps",
    ),
    Rule(
        id="CH006",
        name="challenges.budget-not-secured",
        severity="warning",
        step="action_plan",
        sources=("seed002",),
        # money in the regional budget cycle ("sudah masuk rancangan RKA SKPD", DPA, APBD) is
        # on its way through the procedure, not unsecured
        when=lambda: [
            c.f << (m.kind == "budget") & (m.status == "unfunded") & (m.in_budget_cycle == False)  # noqa: E712
        ],
        dimension="planning_steps",
    ),
    Rule(
        id="CH007",
        at="differences.culture",
        name="challenges.cultural-differences-not-addressed",
        severity="info",
        step="communication",
        sources=("seed000",),
        when=lambda: _international(m.has_culture_note == False),  # noqa: E712
    ),
    Rule(
        id="CH008",
        at="differences.language",
        name="challenges.language-barrier-not-addressed",
        severity="info",
        step="communication",
        sources=("seed000",),
        when=lambda: _international(m.has_language_note == False),  # noqa: E712
    ),
    Rule(
        id="CH009",
        at="differences.regulation",
        name="challenges.regulatory-differences-not-addressed",
        severity="warning",
        step="stakeholders",
        sources=("seed000",),
        when=lambda: _stated_nowhere("has_regulatory_differences"),
    ),
    Rule(
        id="CH010",
        name="challenges.risk-without-mitigation",
        severity="warning",
        step="monitoring",
        sources=("seed000", "zartman_touval2010"),
        when=lambda: [c.f << (m.kind == "risk") & (m.has_mitigation == False)],  # noqa: E712
    ),
    Rule(
        id="CH011",
        at="risks",
        name="challenges.no-risks-listed",
        severity="info",
        step="monitoring",
        sources=("seed000", "zartman_touval2010"),
        when=lambda: _gov(m.n_risks == 0),
    ),
]
