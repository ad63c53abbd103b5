"""What a background sets out: problems (deficits, gaps, bad figures, "belum ada", "hanya 6
dari 46") and assets or opportunities ("sudah ada", "tersedia", "potensi", "berpengalaman"),
found by meaning with negation respected: "tidak ada hambatan berarti" names no problem, and
an asset denied ("belum tersedia", "tidak memiliki") is a problem.
"""

from __future__ import annotations

from functools import lru_cache

from advisor.text.lexicon import Match, find_all
from advisor.text.negation import NEGATORS
from advisor.text.reading import Reading, from_match


def _denies_a_problem(match: Match, matches: list[Match]) -> bool:
    """Is ``match`` a negator phrase ("tidak ada", "no") whose scope is a problem word ("tidak
    ada hambatan berarti": no problem is named)?"""
    if not any(t.word in NEGATORS for t in match.found):
        return False
    end = match.found[-1].end
    return any(m.purpose == "problems" and m.negated and m.found[0].start >= end for m in matches)


@lru_cache(maxsize=8192)  # a pure function of the text; plans repeat their texts
def problems(text: str) -> Reading:
    matches = find_all(text, "problems", "assets")
    for match in matches:
        if match.purpose == "problems" and not match.negated and not _denies_a_problem(match, matches):
            return from_match(text, "present", "problem", match)
        if match.purpose == "assets" and match.negated:
            return from_match(text, "present", "asset_denied", match)
    return Reading("absent", "no_problem")


@lru_cache(maxsize=8192)  # a pure function of the text; plans repeat their texts
def assets(text: str) -> Reading:
    for match in find_all(text, "assets"):
        if not match.negated:
            return from_match(text, "present", "asset", match)
    return Reading("absent", "no_asset")
