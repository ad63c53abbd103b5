"""Who decides, from a decision text or from a responsibility that decides something.

``deliberative``: a forum, consensus, musyawarah. ``authority``: a body acting under its legal
authority (persetujuan DPRD; the regional head deciding under a regulation, after deliberation:
seed 003, each party keeps its own authority). ``unilateral``: one party decides alone
("Keputusan akhir oleh investor", "Memutuskan perubahan desain", "Decide on acceptance of
works"). ``none``: the text says nothing about who decides. ``detail`` holds the decider when
the text names one (the words after "oleh"/"by", as written).
"""

from __future__ import annotations

from functools import lru_cache

from advisor.text.lexicon import Match, find_all, phrases_in
from advisor.text.reading import Reading, from_match
from advisor.text.tokens import tokens

# words after which the decider is named: "oleh investor", "di tangan", "menjadi kewenangan pengembang"
_BY = frozenset({"oleh", "by", "of", "with", "to", "tangan", "kewenangan", "wewenang", "hak", "pada"})


def _decider(text: str, marker: Match) -> str:
    """The words naming who decides after ``marker`` ("... oleh PT Investor"), up to the clause end."""
    toks = tokens(text)
    end = marker.found[-1].end
    clause = marker.found[-1].clause
    after = [t for t in toks if t.start >= end and t.clause == clause]
    if marker.found[-1].word not in _BY:
        if not after or after[0].word not in _BY:
            return ""
        after = after[1:]
    if not after:
        return ""
    return text[after[0].start : after[-1].end]


_AGENT = frozenset({"oleh", "dari", "by", "from"})
AGENT_REACH = 4  # words between a deciding word and the "oleh"/"by" that names who decides


def _decided_by(text: str) -> Reading | None:
    """A deciding word in any form ("keputusan", "persetujuan", "pemilihan", "penentuan",
    "disetujui", "approval") followed in its clause by who decides ("... diambil oleh Kepala
    Dinas", "persetujuan tertulis dari PT ...", "selection ... by the company")."""
    toks = tokens(text)
    for verb in (m for m in find_all(text, "decide_verb") if not m.negated):
        i = toks.index(verb.found[-1])
        clause = verb.found[-1].clause
        for k in range(i + 1, min(len(toks), i + 2 + AGENT_REACH)):
            if toks[k].clause != clause:
                break
            if toks[k].word in _AGENT and k + 1 < len(toks) and toks[k + 1].clause == clause:
                rest = [t for t in toks[k + 1 :] if t.clause == clause]
                decider = text[rest[0].start : rest[-1].end]
                if find_all(decider, "authority"):
                    return from_match(text, "authority", "authority_decides", verb, detail=decider)
                if find_all(decider, "deliberative", "forum_body", "collective"):
                    return from_match(text, "deliberative", "forum_decides", verb, detail=decider)
                return from_match(text, "unilateral", "one_party_decides", verb, detail=decider)
    return None


_NO_DECIDER = Reading("none", "no_decider")
# a text names a decision only through one of these (most responsibilities name none)
_PURPOSES = frozenset({"unilateral", "authority", "deliberative", "decide_verb"})


@lru_cache(maxsize=8192)  # a pure function of the text; plans repeat their texts
def decision(text: str) -> Reading:
    if _PURPOSES.isdisjoint(phrases_in(text)):
        return _NO_DECIDER
    matches = [m for m in find_all(text, "unilateral", "authority", "deliberative") if not m.negated]
    authority = next((m for m in matches if m.purpose == "authority"), None)
    deliberative = next((m for m in matches if m.purpose == "deliberative"), None)
    markers = [m for m in matches if m.purpose == "unilateral"]
    if markers:
        unilateral = next((m for m in markers if _decider(text, m)), markers[0])
        decider = _decider(text, unilateral)
        if decider:
            # who is named after "oleh"/"by" decides: a deliberating body, a legal authority, or one party
            if find_all(decider, "authority"):
                return from_match(text, "authority", "authority_decides", unilateral, authority, detail=decider)
            if find_all(decider, "deliberative", "forum_body"):
                return from_match(text, "deliberative", "forum_decides", unilateral, deliberative, detail=decider)
            return from_match(text, "unilateral", "one_party_decides", unilateral, detail=decider)
        subject = text[: unilateral.found[0].start]
        if subject.strip() and find_all(subject, "deliberative", "forum_body"):  # "Rapat koordinasi memutuskan ..."
            return from_match(text, "deliberative", "forum_decides", deliberative, unilateral)
        if authority is not None:
            return from_match(text, "authority", "authority_decides", unilateral, authority)
        if deliberative is not None and deliberative.found[0].start > unilateral.found[0].start:
            return from_match(text, "deliberative", "decided_by_agreement", unilateral, deliberative)
        return from_match(text, "unilateral", "one_party_decides", unilateral)
    by = _decided_by(text)
    if by is not None:
        return by
    # Nobody is said to decide alone: deliberation among authorities ("Musyawarah mufakat para
    # kepala daerah") is deliberation; an authority's approval alone ("Persetujuan DPRD") is not.
    if deliberative is not None:
        # deliberation, then a body deciding through its legal instrument ("ditetapkan dengan
        # Peraturan Bupati setelah dibahas bersama"): the decision is the authority's (seed 003)
        instrument = next((m for m in find_all(text, "legal_instrument") if not m.negated), None)
        decides = next((m for m in find_all(text, "decide_verb") if not m.negated), None)
        if instrument is not None and decides is not None:
            return from_match(text, "authority", "instrument_after_deliberation", decides, instrument)
        return from_match(text, "deliberative", "deliberation", deliberative)
    if authority is not None:
        return from_match(text, "authority", "legal_authority", authority)
    return _NO_DECIDER


@lru_cache(maxsize=8192)
def deliberated(text: str) -> bool:
    """Is the decision taken in or after a deliberation ("dibahas dalam forum, kemudian
    ditetapkan oleh Bupati")? An authority deciding so keeps each party's say (seed 003)."""
    return any(not m.negated for m in find_all(text, "deliberation", "deliberative"))
