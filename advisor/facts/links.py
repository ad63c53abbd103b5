"""Facts linking the plan's parts (issue 14): activities that serve no goal, parties with no
benefit written for them, data exchanged without an arrangement.

- ``goal_links``: the activities whose ``goals`` name no declared goal, when the plan has goals;
- on the ``plan`` fact, the parties (partners) with no ``benefits``, for "benefits for every
  party" (PP 28/2018: mutual benefit; seed 004: meeting the needs of the parties involved);
- ``data_exchange``: data contributed or data sharing written in the plan, and whether a
  ``data_sharing`` arrangement governs it; personal data flagged (UU 27/2022).
"""

from __future__ import annotations

from advisor.facts import schema
from advisor.facts.base import FactSink
from advisor.text import filled, find_each


class GoalLinksFact(schema.Fact):
    n_goals: int
    n_unlinked: int
    unlinked: str
    evidence: str


class DataExchangeFact(schema.Fact):
    exchanged: bool
    personal: bool
    has_arrangement: bool
    has_safeguards: bool
    evidence: str


schema.register("goal_links", GoalLinksFact)
schema.register("data_exchange", DataExchangeFact)


def add_facts(ex: FactSink) -> None:
    _goal_links(ex)
    _benefits(ex)
    _data(ex)


def _goal_links(ex: FactSink) -> None:
    plan = ex.plan
    goals = {g.id for g in plan.goals}
    unlinked = [a for a in plan.activities if not (set(a.goals) & goals)]
    first = plan.activities.index(unlinked[0]) if unlinked else None
    ex.add(
        "goal_links",
        "plan",
        f"activities[{first}]" if first is not None else "",
        n_goals=len(goals),
        n_unlinked=len(unlinked) if goals else 0,
        unlinked=", ".join(a.id for a in unlinked),
        evidence=", ".join(a.name or a.id for a in unlinked),
    )


def _benefits(ex: FactSink) -> None:
    """On the plan fact (DP006 keeps its subject, so its findings keep their keys)."""
    partners = ex.plan.partners
    without = [p for p in partners if not p.benefits]
    for fact in ex.facts:
        if fact["kind"] == "plan":
            fact["n_without_benefits"] = len(without)
            fact["without_benefits"] = ", ".join(p.name or p.id for p in without)


def _data(ex: FactSink) -> None:
    plan = ex.plan
    # every text of the plan: data may be exchanged in an activity's name as well as in prose;
    # an indicator's data source only says where a figure is read ("Data pelanggan Perumda"): the
    # figure reported is an aggregate, not the records handed over
    sources = {i.data_source for i in plan.indicators if i.data_source}
    texts = [t for t in ex.index.texts if t not in sources] if sources else ex.index.texts
    contributed = [c.description or "data" for p in plan.partners for c in p.contributions if c.kind == "data"]
    # the plan's texts scanned once for the three purposes
    found = find_each(texts, "data_exchange", "personal_data", "data_arrangement")
    # sharing written out, or personal data named (collected, held or handed over)
    written = found["data_exchange"] or found["personal_data"]
    sharing = plan.data_sharing
    personal = bool(sharing and sharing.personal_data) or found["personal_data"] is not None
    ex.add(
        "data_exchange",
        "plan",
        "data_sharing" if sharing is not None else "",
        exchanged=bool(contributed) or written is not None,
        personal=personal,
        # its own field, or an arrangement written in the prose ("data agregat", "perjanjian
        # berbagi data"): issue 14's statements anywhere
        has_arrangement=bool(sharing and filled(sharing.arrangement)) or found["data_arrangement"] is not None,
        has_safeguards=bool(sharing and filled(sharing.safeguards)),
        evidence=written or "; ".join(contributed),
    )
