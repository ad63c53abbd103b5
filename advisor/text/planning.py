"""Readings of a plan's budget text for issue 14's checks.

``in_budget_cycle``: the money is already in a document of the regional or national budget
cycle (RKA/DPA SKPD, APBD, DIPA...), even a draft ("sudah masuk rancangan RKA SKPD"); a budget
document named beside "akan diusulkan" is not yet in the cycle.
"""

from __future__ import annotations

from functools import lru_cache

from advisor.text.lexicon import first
from advisor.text.reading import Reading, from_match


@lru_cache(maxsize=4096)  # a pure function of the text
def in_budget_cycle(text: str) -> Reading:
    document = first(text, "budget_cycle")
    if document is None:
        return Reading("absent", "no_budget_document")
    already = first(text, "budget_already")
    if already is None:
        return Reading("absent", "not_yet_in_cycle", document.words)
    return from_match(text, "present", "in_budget_cycle", document, already)
