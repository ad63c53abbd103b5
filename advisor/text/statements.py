"""Statements a plan may make anywhere in its prose: sovereignty and non-interference, mutual
benefit, trust-building, each side's interests, regulatory differences, conflict-of-interest
safeguards. Near misses are not taken ("kedaulatan pangan" is food sovereignty, "konflik
kepentingan" is not a statement of interests, "pemangku kepentingan" are stakeholders), nor
negated statements ("tidak saling menguntungkan").
"""

from __future__ import annotations

from functools import lru_cache
from itertools import pairwise

from advisor.text.lexicon import Match, find_all, phrases_in
from advisor.text.reading import Reading, from_match

TOPICS = (
    "sovereignty",
    "mutual_benefit",
    "trust_building",
    "interests",
    "regulatory_differences",
    "conflict_of_interest",
)

# A topic stated by two word classes in one clause: any regulation word with any word of
# difference, any power with its keeping.
_PAIRS = {"regulatory_differences": ("regulation_noun", "differ"), "sovereignty": ("power_noun", "kept")}
_ABSENT = {t: Reading("absent", f"no_{t}") for t in TOPICS}
# the purposes a statement needs one of (a phrase, a pair's word, a gain); a text with none of
# them states nothing, as most prose does
_PURPOSES = frozenset([f"stmt_{t}" for t in TOPICS] + [p for pair in _PAIRS.values() for p in pair] + ["gain"])


@lru_cache(maxsize=16384)  # a pure function of the text; plans repeat their texts
def _read(text: str, topics: tuple[str, ...]) -> dict[str, Reading]:
    """Each topic's first statement in ``text``, in one scan."""
    if _PURPOSES.isdisjoint(phrases_in(text)):
        return {t: _ABSENT[t] for t in topics}
    purposes = tuple(f"stmt_{t}" for t in topics)
    matches = find_all(text, *purposes, "stmt_not")
    excluded = {t for m in matches if m.purpose == "stmt_not" for t in m.found}
    out: dict[str, Reading] = {}
    for match in matches:
        topic = match.purpose[len("stmt_") :]
        if topic not in topics or topic in out or match.negated:
            continue
        if topic != "conflict_of_interest" and any(t in excluded for t in match.found):
            continue
        out[topic] = from_match(text, "present", topic, match)
    for topic, found in _by_form(text).items():
        if topic in topics and topic not in out:
            out[topic] = from_match(text, "present", topic, *found)
    return {t: out.get(t) or _ABSENT[t] for t in topics}


def _by_form(text: str) -> dict[str, tuple[Match, ...]]:
    """Statements read from the form of the sentence rather than a phrase: two word classes in
    one clause; a conflict-of-interest safeguard, which is itself a negation ("menyatakan
    tidak memiliki benturan kepentingan"); a gain on each side of a contrast ("desa memperoleh
    bagi hasil, sedangkan investor mendapatkan kepastian lahan")."""
    out: dict[str, tuple[Match, ...]] = {}
    for topic, (a, b) in _PAIRS.items():
        firsts = [m for m in find_all(text, a) if not m.negated]
        seconds = [m for m in find_all(text, b) if not m.negated]  # "tidak sama", "belum selaras" hold their negator
        pair = next(((x, y) for x in firsts for y in seconds if x.found[0].clause == y.found[0].clause), None)
        if pair is not None:
            out[topic] = pair
    safeguard = next(iter(find_all(text, "stmt_conflict_of_interest")), None)
    if safeguard is not None and safeguard.negated:
        out["conflict_of_interest"] = (safeguard,)
    gains = [m for m in find_all(text, "gain") if not m.negated]
    contrasts = find_all(text, "contrast")
    for first, second in pairwise(gains):
        between = [c for c in contrasts if first.found[-1].end <= c.found[0].start < second.found[0].start]
        if between and first.found[0].clause != second.found[0].clause:
            out["mutual_benefit"] = (first, between[0], second)
            break
    return out


def statement(text: str, topic: str) -> Reading:
    if topic not in TOPICS:
        raise ValueError(f"unknown statement topic {topic!r}")
    return _read(text, (topic,))[topic]


def statements(texts: list[str]) -> dict[str, Reading]:
    """Each topic's first statement in ``texts`` (the plan's prose, in document order)."""
    out: dict[str, Reading] = {}
    for text in texts:
        for topic, reading in _read(text, TOPICS).items():
            if topic not in out and reading.label == "present":
                out[topic] = reading
        if len(out) == len(TOPICS):
            break
    return {t: out.get(t) or _ABSENT[t] for t in TOPICS}
