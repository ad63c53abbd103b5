"""Statements a plan may make anywhere in its prose: sovereignty and non-interference, mutual
benefit, trust-building, each side's interests, regulatory differences, conflict-of-interest
safeguards. Near misses are not taken ("kedaulatan pangan" is food sovereignty, "konflik
kepentingan" is not a statement of interests, "pemangku kepentingan" are stakeholders), nor
negated statements ("tidak saling menguntungkan").
"""

from __future__ import annotations

from functools import lru_cache

from advisor.text.lexicon import find_all
from advisor.text.reading import Reading, from_match

TOPICS = (
    "sovereignty",
    "mutual_benefit",
    "trust_building",
    "interests",
    "regulatory_differences",
    "conflict_of_interest",
)


@lru_cache(maxsize=16384)  # a pure function of the text; plans repeat their texts
def _read(text: str, topics: tuple[str, ...]) -> dict[str, Reading]:
    """Each topic's first statement in ``text``, in one scan."""
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
    return {t: out.get(t) or Reading("absent", f"no_{t}") for t in topics}


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
    return {t: out.get(t) or Reading("absent", f"no_{t}") for t in TOPICS}
