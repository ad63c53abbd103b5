"""What an indicator or the communication arrangements lack, as one list per subject.

One finding per root cause (issue 14): an indicator's missing attributes are one finding
naming them (IN015), a communication gap is one finding naming its parts (ST016). The parts
are computed here from facts already extracted; the rules only test ``n_missing``.
"""

from __future__ import annotations

from typing import Any

from advisor.facts import schema
from advisor.facts.base import FactSink
from advisor.text import filled


class CommunicationFact(schema.Fact):
    missing_comm: str  # section, channels, disclosure, media (comma-separated), or "none"
    n_missing: int
    has_section: bool
    has_media: bool
    evidence: str


schema.register("communication", CommunicationFact)


def _indicator_missing(fact: dict[str, Any]) -> list[str]:
    missing = []
    if not fact.get("quantified"):
        missing.append("measure")  # not countable and no target: a wish, not an indicator
    elif not fact.get("has_target"):
        missing.append("target")
    if fact.get("has_target") and not fact.get("has_unit"):
        missing.append("unit")
    for attribute, part in (
        ("has_baseline", "baseline"),
        ("has_due", "due"),
        ("has_source", "data_source"),
        ("has_responsible", "responsible"),
    ):
        if not fact.get(attribute):
            missing.append(part)
    return missing


def add_facts(ex: FactSink) -> None:
    for fact in ex.facts:
        if fact["kind"] == "indicator":
            missing = _indicator_missing(fact)
            fact["missing_parts"] = ",".join(missing) or "none"
            fact["n_missing"] = len(missing)
    _communication(ex)


def _communication(ex: FactSink) -> None:
    plan = ex.plan
    communication = plan.communication
    missing = []
    if communication is None:
        missing.append("section")
    else:
        if not communication.channels:
            missing.append("channels")
        if not filled(communication.public_disclosure):
            missing.append("disclosure")
    has_media = any(p.pillar == "media" for p in plan.partners)
    if missing and communication is None:
        missing.append("disclosure")
    if missing and not has_media:
        missing.append("media")  # aggravates the gap; alone it is a pillar finding (PH001-PH003)
    ex.add(
        "communication",
        "plan",
        "communication" if communication is not None else "",
        missing_comm=",".join(missing) or "none",
        n_missing=len(missing),
        has_section=communication is not None,
        has_media=has_media,
        evidence=", ".join(communication.channels) if communication else "",
    )
