"""What a background sets out: problems (deficits, gaps, bad figures, "belum ada", "hanya 6
dari 46") and assets or opportunities ("sudah ada", "tersedia", "potensi", "berpengalaman"),
found by meaning with negation respected: "tidak ada hambatan berarti" names no problem, and
an asset denied ("belum tersedia", "tidak memiliki") is a problem.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import pairwise

from advisor.text.lexicon import Match, Phrase, find_all
from advisor.text.morph import nominal_root
from advisor.text.negation import NEGATORS, negated
from advisor.text.reading import Reading, from_match
from advisor.text.tokens import tokens


def _denies_a_problem(match: Match, matches: list[Match]) -> bool:
    """Is ``match`` a negator phrase ("tidak ada", "no") whose scope is a problem word ("tidak
    ada hambatan berarti": no problem is named)?"""
    if not any(t.word in NEGATORS for t in match.found):
        return False
    end = match.found[-1].end
    return any(m.purpose != "assets" and m.negated and m.found[0].start >= end for m in matches)


_ACHIEVED_PHRASE = Phrase("assets", "id", "sudah/telah + verb", ())
_NOT_YET_PHRASE = Phrase("problems", "id", "belum + verb", ())
_LIMITERS = frozenset({"hanya", "cuma", "only", "just"})
LIMIT_REACH = 6  # words before an asset in which "tidak ada ... yang", "hanya", "only" deny it


def _denied(match: Match, matches: list[Match], text: str) -> bool:
    """Is an asset denied: negated ("belum tersedia"), limited ("hanya 6 dari 46 puskesmas yang
    memiliki"), in the scope of an existential negation ("belum ada perusahaan yang bersedia"),
    or followed by one ("have no registered body")?"""
    if match.negated:
        return True
    toks = tokens(text)
    first = toks.index(match.found[0])
    last = toks.index(match.found[-1])
    clause = match.found[0].clause
    before = [t.word for t in toks[max(0, first - LIMIT_REACH) : first] if t.clause == clause]
    if any(w in _LIMITERS or w in NEGATORS for w in before):
        return True
    if last + 1 < len(toks) and toks[last + 1].word in NEGATORS and toks[last + 1].clause == clause:
        return True
    # in the scope of a problem: "shortage of 250 certified welders", "aktif kurang dari enam kali"
    reach = (toks[max(0, first - LIMIT_REACH)].start, toks[min(len(toks) - 1, last + 2)].end)
    return any(
        m.purpose == "problems"
        and not m.negated
        and m.found[0].clause == clause
        and reach[0] <= m.found[0].start < reach[1]
        for m in matches
    )


_VERB = ("me", "ber", "ter", "di", "pe")
_CAN = frozenset({"bisa", "dapat", "mampu", "sepenuhnya", "banyak", "optimal"})


def _not_yet(text: str) -> Reading | None:
    """ "belum" before a verb ("belum mengenal pemasaran daring", "belum tersertifikasi"): what
    is not yet done is a gap, whatever the verb; unless a negation earlier in its clause denies
    it ("tidak ada temuan yang belum ditindaklanjuti": everything was done)."""
    toks = tokens(text)
    for i, (token, after) in enumerate(pairwise(toks)):
        if token.word != "belum" or after.clause != token.clause:
            continue
        if after.word in _CAN and i + 2 < len(toks) and toks[i + 2].clause == token.clause:
            after = toks[i + 2]  # "belum bisa mengakses", "belum mampu memenuhi"
        if not after.word.startswith(_VERB):
            continue
        if not any(t.word in NEGATORS for t in toks[:i] if t.clause == token.clause):
            return from_match(text, "present", "not_yet", Match(_NOT_YET_PHRASE, (token, after), False))
    return None


def _longest(matches: list[Match]) -> list[Match]:
    """``matches`` without those inside a longer one: "perguruan tinggi" (an asset) holds no
    problem "tinggi"."""
    return [
        m for m in matches if not any(len(o.found) > len(m.found) and set(m.found) <= set(o.found) for o in matches)
    ]


def _handled_thing(text: str, match: Match) -> bool:
    """Is a bad thing the object of a handling noun ("pengelolaan sampah", "penanganan banjir",
    "pencegahan stunting"), not a problem stated? A change noun ("peningkatan kemiskinan") is
    not handling: the thing still grows."""
    toks = tokens(text)
    i = toks.index(match.found[0])
    if i == 0 or toks[i - 1].clause != match.found[0].clause:
        return False
    before = toks[i - 1].word
    return nominal_root(before) is not None and not find_all(before, "increase", "decrease", "problems")


def _short_of(text: str) -> Reading | None:
    """A figure short of a reference ("jauh di bawah target RPJMD", "below the national average")."""
    for below in (m for m in find_all(text, "below") if not m.negated):
        end = below.found[-1].end
        ref = next(
            (
                m
                for m in find_all(text, "reference")
                if m.found[0].clause == below.found[0].clause and m.found[0].start >= end
            ),
            None,
        )
        if ref is not None:
            return from_match(text, "present", "short_of_reference", below, ref)
    return None


@lru_cache(maxsize=8192)  # a pure function of the text; plans repeat their texts
def problems(text: str) -> Reading:
    matches = _longest(find_all(text, "problems", "assets", "bad_quantity"))
    for match in matches:
        if match.purpose == "bad_quantity" and _handled_thing(text, match):
            continue
        problem = match.purpose in ("problems", "bad_quantity") and not match.negated
        if problem and not _denies_a_problem(match, matches):
            return from_match(text, "present", "problem" if match.purpose == "problems" else "bad_figure", match)
        if match.purpose == "assets" and _denied(match, matches, text):
            return from_match(text, "present", "asset_denied", match)
    inadequate = next((m for m in find_all(text, "adequate") if m.negated), None)
    if inadequate is not None:  # "tidak mencukupi", "belum berfungsi", "not enough"
        return from_match(text, "present", "adequacy_denied", inadequate)
    return _short_of(text) or _not_yet(text) or Reading("absent", "no_problem")


_ACHIEVED = frozenset({"sudah", "telah"})
_ACTIVE = ("me", "ber")  # "telah mengoperasikan", "sudah berjalan": what is already done is an asset


def _achieved(text: str, matches: list[Match]) -> Reading | None:
    """ "sudah"/"telah" before an active verb, outside any negation or problem."""
    toks = tokens(text)
    for i, token in enumerate(toks[:-1]):
        after = toks[i + 1]
        if token.word in _ACHIEVED and after.clause == token.clause and after.word.startswith(_ACTIVE):
            found = (token, after)
            match = Match(_ACHIEVED_PHRASE, found, negated(toks, i, found))
            if not _denied(match, matches, text):
                return from_match(text, "present", "achieved", match)
    return None


@lru_cache(maxsize=8192)  # a pure function of the text; plans repeat their texts
def assets(text: str) -> Reading:
    matches = _longest(find_all(text, "assets", "problems"))
    for match in (m for m in matches if m.purpose == "assets"):
        if not _denied(match, matches, text):
            return from_match(text, "present", "asset", match)
    return _achieved(text, matches) or _good_figure(text, matches) or Reading("absent", "no_asset")


_REACHES = frozenset({"mencapai", "sebesar", "sebanyak", "reaches", "reached", "totals", "exceeds", "melampaui"})


def _good_figure(text: str, matches: list[Match]) -> Reading | None:
    """A good quantity that reaches a figure ("Produksi kopi rakyat mencapai 1.250 ton per
    tahun"): a strength to build on, unless a problem or limiter in its clause denies it."""
    if _short_of(text) is not None:  # "mencapai 41,3 persen, jauh di bawah target": a shortfall
        return None
    toks = tokens(text)
    for good in (m for m in find_all(text, "good_quantity") if not m.negated):
        clause = good.found[0].clause
        after = [t for t in toks if t.clause == clause and t.start >= good.found[-1].end]
        for i, token in enumerate(after[:-1]):
            if i and after[i - 1].word in _LIMITERS:  # "hanya mencapai"
                break
            if token.word in _REACHES and after[i + 1].word[:1].isdigit():
                found = Match(good.phrase, (*good.found, token, after[i + 1]), False)
                if not _denied(found, matches, text):
                    return from_match(text, "present", "good_figure", found)
    return None
