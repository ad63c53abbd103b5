"""Which way an indicator should move, read from what it counts.

In order: a direction word as written ("meningkatnya", "menurunnya", "tetap"); a count of a
reduction or of something prevented, which rises ("Pengurangan timbulan sampah", "Persentase
penurunan emisi", "kasus yang dicegah") unless the reduction word is followed by the level
itself ("Penurunan angka kemiskinan" falls); a cumulative count, which rises ("pemandu
terlatih"); a bad quantity, which should fall ("Persentase penduduk miskin", "waktu tanggap");
a good one, which should rise ("Tingkat kepuasan"). Only when the statement says nothing is
the direction taken from the goal or activity it measures, and the reading is then marked
inferred: rules never build an error on an inference.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from advisor.text.lexicon import Match, find_all
from advisor.text.reading import Reading, from_match
from advisor.text.tokens import tokens

LEVEL_WINDOW = 4  # words after "penurunan" in which a level word ("angka", "rate") may stand


def _level_after(text: str, reduction: Match) -> bool:
    end = reduction.found[-1].end
    toks = tokens(text)
    after = [i for i, t in enumerate(toks) if t.start >= end][:LEVEL_WINDOW]
    if not after:
        return False
    window = (toks[after[0]].start, toks[after[-1]].end)
    return any(window[0] <= m.found[0].start < window[1] for m in find_all(text, "level"))


def _measure_before(text: str, reduction: Match) -> bool:
    """Is the reduction word the thing measured ("Persentase penurunan ...", "Jumlah kasus
    yang dicegah"), not the head of a falling level?"""
    start = reduction.found[0].start
    return any(m.found[0].start < start for m in find_all(text, "measurable"))


@lru_cache(maxsize=8192)  # a pure function of the text; plans repeat their texts
def statement_direction(text: str) -> Reading:
    """The direction ``text`` itself names, or ``unknown``."""
    for match in find_all(text, "reduction_count", "increase", "decrease", "maintain"):
        if match.negated:
            continue
        if match.purpose == "reduction_count":
            if _level_after(text, match) and not _measure_before(text, match):
                return from_match(text, "decrease", "reduction_of_level", match)
            return from_match(text, "increase", "reduction_counted", match)
        return from_match(text, match.purpose, "direction_word", match)
    for purpose, label, reason in (
        ("count_up", "increase", "cumulative_count"),
        ("bad_quantity", "decrease", "bad_quantity"),
        ("good_quantity", "increase", "good_quantity"),
    ):
        found = next((m for m in find_all(text, purpose) if not m.negated), None)
        if found is not None:
            return from_match(text, label, reason, found)
    return Reading("unknown", "no_direction")


def direction(statement: str, context: Iterable[str] = ()) -> Reading:
    """The statement's direction; else the first of ``context`` (goal, activity) that names
    one, marked inferred."""
    own = statement_direction(statement)
    if own.label != "unknown":
        return own
    for text in context:
        other = statement_direction(text)
        if other.label != "unknown":
            return Reading(other.label, other.reason, other.words, None, inferred=True, detail=text)
    return own
