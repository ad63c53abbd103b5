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


def add_all(ex: _Extractor) -> None:
    indicator_direction_inferred(ex)
