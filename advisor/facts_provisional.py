"""Provisional readings that the text layer (issue 13) will own.

Each function adds one attribute the calibrated rules (issue 14) read, computed here with the
existing :mod:`advisor.textscan` until the new text layer provides it; the merge replaces
each function by the text layer's reading and deletes it here. Functions only add
attributes to facts already extracted, never change one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from advisor import textscan

if TYPE_CHECKING:
    from advisor.facts import _Extractor
    from advisor.model import Partner

Fact = dict[str, Any]


def _by_kind(ex: _Extractor, kind: str) -> list[Fact]:
    return [f for f in ex.facts if f["kind"] == kind]


def indicator_direction_inferred(ex: _Extractor) -> None:
    """``direction_inferred`` on indicator facts: True when the direction was not stated in
    the indicator (its ``direction`` field or its own statement) but taken from the goal or
    activity it measures."""
    indicators = {ind.id: ind for ind in ex.plan.indicators}
    for fact in _by_kind(ex, "indicator"):
        ind = indicators[fact["indicator"]]
        stated = bool(ind.direction) or textscan.direction(ind.statement or "") is not None
        fact["direction_inferred"] = fact.get("direction", "unknown") != "unknown" and not stated


def _first_named(ex: _Extractor, text: str) -> Partner | None:
    """The partner named earliest in ``text`` (by id as a word, or by name): in "Final decision
    by X after consultation with Y" the decider is X whatever the order of the partner list."""
    lowered, words = text.lower(), textscan.words(text)
    best: tuple[int, int] | None = None
    found = None
    for index, partner in enumerate(ex.plan.partners):
        positions = [lowered.find(partner.name.lower())] if partner.name else []
        if partner.id.lower() in words:
            positions.append(lowered.find(partner.id.lower()))
        positions = [p for p in positions if p >= 0]
        if positions and (best is None or (min(positions), index) < best):
            best, found = (min(positions), index), partner
    return found


def decision_decider(ex: _Extractor) -> None:
    """``decider`` and ``decider_name`` on decision facts, and ``by_strong`` recomputed from
    that decider (the old reading took the first partner of the list that the text named)."""
    for fact in _by_kind(ex, "decision"):
        if fact.get("style") != "unilateral":
            fact["by_strong"] = False
            continue
        partner = _first_named(ex, str(fact.get("evidence", "")))
        if partner is None:
            fact["by_strong"] = False
            continue
        fact["decider"] = partner.id
        fact["decider_name"] = partner.name or partner.id
        fact["by_strong"] = bool(partner.donor or _foreign(partner) or partner.id in ex._top_contributors())


def _foreign(partner: Partner) -> bool:
    country = (partner.country or "").strip().lower()
    return bool(country) and country not in textscan.HOME_COUNTRIES


def add_all(ex: _Extractor) -> None:
    indicator_direction_inferred(ex)
    decision_decider(ex)
