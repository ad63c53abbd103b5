"""Facts linking the plan's parts (issue 14): activities that serve no goal, parties with no
benefit written for them, data exchanged without an arrangement.

- ``goal_links``: the activities whose ``goals`` name no declared goal, when the plan has goals;
- on the ``plan`` fact, the parties (partners) with no ``benefits``, for "benefits for every
  party" (PP 28/2018: mutual benefit; seed 004: meeting the needs of the parties involved);
- ``data_exchange``: data contributed or data sharing written in the plan, and whether a
  ``data_sharing`` arrangement governs it; personal data flagged (UU 27/2022).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from advisor import textscan

if TYPE_CHECKING:
    from advisor.facts import _Extractor

_DATA_EXCHANGE = (
    "berbagi data", "pertukaran data", "bertukar data", "integrasi data", "mengirim data", "menyerahkan data",
    "data sharing", "share data", "shares data", "exchange data", "data exchange", "data pribadi", "nik",
    "personal data", "data penerima", "data balita", "data warga", "data pasien",
)  # fmt: skip
_PERSONAL = ("data pribadi", "nik", "personal data", "data penerima", "data balita", "data warga", "data pasien")


def _mention(text: str, phrases: tuple[str, ...]) -> str | None:
    tokens = textscan.words(text)
    for phrase in phrases:
        wanted = textscan.words(phrase)
        n = len(wanted)
        if any(tokens[i : i + n] == wanted for i in range(len(tokens) - n + 1)):
            return phrase
    return None


def add_facts(ex: _Extractor) -> None:
    _goal_links(ex)
    _benefits(ex)
    _data(ex)


def _goal_links(ex: _Extractor) -> None:
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


def _benefits(ex: _Extractor) -> None:
    """On the plan fact (DP006 keeps its subject, so its findings keep their keys)."""
    partners = ex.plan.partners
    without = [p for p in partners if not p.benefits]
    for fact in ex.facts:
        if fact["kind"] == "plan":
            fact["n_without_benefits"] = len(without)
            fact["without_benefits"] = ", ".join(p.name or p.id for p in without)


def _data(ex: _Extractor) -> None:
    plan = ex.plan
    from advisor.facts_provisional import plan_prose

    prose = plan_prose(ex)
    contributed = [c.description or "data" for p in plan.partners for c in p.contributions if c.kind == "data"]
    written = _mention(prose, _DATA_EXCHANGE)
    sharing = plan.data_sharing
    personal = bool(sharing and sharing.personal_data) or _mention(prose, _PERSONAL) is not None
    ex.add(
        "data_exchange",
        "plan",
        "data_sharing" if sharing is not None else "",
        exchanged=bool(contributed) or written is not None,
        personal=personal,
        has_arrangement=bool(sharing and textscan.filled(sharing.arrangement)),
        has_safeguards=bool(sharing and textscan.filled(sharing.safeguards)),
        evidence=written or "; ".join(contributed),
    )
