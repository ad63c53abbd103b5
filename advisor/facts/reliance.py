"""``reliance`` facts: one per foreign or donor partner the plan relies on, with its parts.

A partner is relied on when it is the main supplier of at least ``dependency_share`` of a
critical resource (funding, technology, expertise; read from the ``resource`` facts). One fact
per partner, however many resources it supplies, so that DP001 is one finding that lists the
resources and which safeguards the ``dependency`` section provides and which it lacks
(issue 14: a donor with no dependency section is one problem, not ten findings).

Which safeguard answers which resource (seed 004; seed 000 after Grieco, Ikenberry and
Mastanduno): an exit strategy for outside funding, a technology-transfer plan for outside
technology, capacity building of domestic staff for outside expertise.
"""

from __future__ import annotations

from typing import Any

from advisor.facts import schema
from advisor.facts.base import FactSink
from advisor.facts.index import CRITICAL_RESOURCES as CRITICAL
from advisor.knowledge import thresholds
from advisor.text import filled


class RelianceFact(schema.Fact):
    top_partner: str
    top_name: str
    top_of: str  # the resources it is the main supplier of, comma-separated
    top_share_pct: int
    shares: str
    n_resources: int
    missing_safeguards: str
    present_safeguards: str
    n_missing: int
    evidence: str


schema.register("reliance", RelianceFact)
SAFEGUARD_FOR = {"funding": "exit_strategy", "technology": "technology_transfer", "expertise": "capacity_building"}


def add_facts(ex: FactSink) -> None:
    minimum = round(thresholds()["dependency_share"] * 100)
    dependency = ex.plan.dependency
    provided = {
        "exit_strategy": bool(dependency and filled(dependency.exit_strategy)),
        "technology_transfer": bool(dependency and filled(dependency.technology_transfer)),
        "capacity_building": bool(dependency and filled(dependency.capacity_building)),
    }
    relied: dict[str, list[dict[str, Any]]] = {}
    for fact in ex.facts:
        if fact["kind"] != "resource" or fact["resource"] not in CRITICAL:
            continue
        if fact["top_share_pct"] < minimum or not (fact["top_foreign"] or fact["top_donor"]):
            continue
        relied.setdefault(fact["top_partner"], []).append(fact)
    for partner_id, resources in sorted(relied.items(), key=lambda kv: ex.partner_index[kv[0]]):
        resources.sort(key=lambda f: CRITICAL.index(f["resource"]))
        needed = [SAFEGUARD_FOR[f["resource"]] for f in resources]
        missing = [s for s in needed if not provided[s]]
        present = [s for s in needed if provided[s]]
        first = resources[0]
        ex.add(
            "reliance",
            partner_id,
            first["path"],
            top_partner=partner_id,
            top_name=first["top_name"],
            top_of=",".join(f["resource"] for f in resources),
            top_share_pct=max(f["top_share_pct"] for f in resources),
            shares=", ".join(f"{f['top_share_pct']}%" for f in resources),
            n_resources=len(resources),
            missing_safeguards=",".join(missing) or "none",
            present_safeguards=",".join(present) or "none",
            n_missing=len(missing),
            evidence="; ".join(str(f.get("evidence", "")) for f in resources),
        )
