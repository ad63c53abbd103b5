"""A bad thing acted on is a field of work, not a problem stated: its handling ("pengelolaan
sampah", "flood early warning"), a remedy before it ("mengurangi timbulan sampah"), freedom from it
("bebas banjir"), or a purpose denied ("tidak dimaksudkan untuk mengatasi kekurangan anggaran").
"""

from __future__ import annotations

from functools import cache

from advisor import knowledge
from advisor.text.background.base import PROBLEM
from advisor.text.lexicon import Match, find_all
from advisor.text.morph import nominal_root
from advisor.text.negation import NEGATORS
from advisor.text.stem import stem_id
from advisor.text.tokens import Token, tokens

FREED_REACH = 4  # words after "neither", "tak satu pun" that they deny
FREE_REACH = 2  # words after "bebas", "free of": what they head ("bebas dari banjir", "free of dengue cases")
_FREE = frozenset({"bebas", "terbebas", "free"})


def _freed(text: str, match: Match) -> bool:
    """Is a problem denied by a word that is no negator elsewhere ("bebas banjir", "free of
    dengue cases", "Neither partner reported any difficulty")? "bebas"/"free" deny only the
    problem they head: a freedom to act ("bebas berkeliaran dan merusak tanaman", "free of
    charge services are scarce") denies nothing."""
    if match.purpose not in (*PROBLEM, "bad_quantity"):
        return False
    toks = tokens(text)
    at = toks.index(match.found[0])
    for n in find_all(text, "problem_negator"):
        end = toks.index(n.found[-1])
        free = n.found[0].word in _FREE
        if n.found[0].clause != match.found[0].clause or not 0 < at - end <= (FREE_REACH if free else FREED_REACH):
            continue
        if not (free and any(t.word.startswith(_ACT) for t in toks[end + 1 : at])):
            return True
    return False


_ACT = ("me", "ber")  # an active verb between "bebas" and a problem: a freedom to act


def _not_meant(text: str, match: Match) -> bool:
    """Is a problem in the scope of a denied purpose ("tidak dimaksudkan untuk mengatasi
    kekurangan anggaran", "not meant to cover a budget shortfall")? The negation reaches over
    the whole purpose, to the end of its clause."""
    if match.purpose not in (*PROBLEM, "bad_quantity", "adequate"):
        return False
    toks = tokens(text)
    for purpose in find_all(text, "purpose_word"):
        i = toks.index(purpose.found[0])
        denied = i > 0 and toks[i - 1].word in NEGATORS and toks[i - 1].clause == purpose.found[0].clause
        if (
            denied
            and purpose.found[0].clause == match.found[0].clause
            and purpose.found[0].start < match.found[0].start
        ):
            return True
    return False


HANDLED_REACH = 3  # words before a bad thing in which a remedy ("mengurangi timbulan sampah") may stand


def _handled_thing(text: str, match: Match) -> bool:
    """Is a bad thing the object of a handling noun ("pengelolaan sampah", "penanganan banjir",
    "pencegahan stunting") or of a remedy in any form ("mengurangi timbulan sampah", "reduce
    waste", "penurunan angka kemiskinan"), not a problem stated? A change noun ("peningkatan
    kemiskinan") is not handling: the thing still grows."""
    toks = tokens(text)
    i = toks.index(match.found[0])
    english_noun = match.phrase.lang == "en" and match.purpose == "bad_quantity"  # not "not yet managed"
    if english_noun and _handled_after(toks, toks.index(match.found[-1]), text):
        return True  # "flood early warning system", "disaster risk reduction"
    if match.phrase.lang == "en" and _desk_after(toks, toks.index(match.found[-1]), text):
        return True  # "the complaints officer", not "poor management"
    if _a_priority(toks, toks.index(match.found[-1])):
        return True  # "Stunting merupakan prioritas nasional": a policy topic, not a problem set out
    if i == 0 or toks[i - 1].clause != match.found[0].clause:
        return False
    before = toks[i - 1].word
    if find_all(before, "focus_noun", "body_noun"):  # "desa lokus stunting", "petugas pengaduan": a target, a desk
        return True
    # a topic named two words back ("KKN tematik stunting", "on the topic of malaria")
    if i > 1 and toks[i - 2].clause == match.found[0].clause and find_all(toks[i - 2].word, "focus_noun"):
        return True
    if match.purpose in PROBLEM:  # "Forum Pengurangan Risiko Bencana"; not "pelayanan buruk"
        return _handling_noun(before) or _remedied(toks, i, text)
    if find_all(before, "countermeasure"):  # "tim siaga rabies", "posko banjir": a body or a means against it
        return True
    # "pengelolaan sampah", not "kecamatan kekurangan bidan" (a place)
    if nominal_root(before) is not None and not find_all(before, "increase", "decrease", "place_noun", *PROBLEM):
        return True
    start = toks[max(0, i - HANDLED_REACH)].start
    return any(
        not m.negated
        and m.found[0].clause == match.found[0].clause
        and start <= m.found[0].start < match.found[0].start
        for m in find_all(text, "remedy")
    )


_AND = frozenset({"dan", "serta", "atau", "and", "or"})


def _remedied(toks: tuple[Token, ...], i: int, text: str) -> bool:
    """Is the problem word at ``i`` the object of a remedy verb right before it, or the later
    conjunct of that object ("mengatasi kekumuhan", "mengatasi kemacetan dan kekumuhan")? The verb
    acts on it; what is still failing says so in words of its own ("belum mampu mengatasi")."""
    clause = toks[i].clause
    k = i - 1
    if k >= 2 and toks[k].word in _AND and toks[k - 1].clause == clause:
        k -= 2  # the first conjunct, one word: "kemacetan dan kekumuhan"
    if k < 0 or toks[k].clause != clause:
        return False
    remedy = toks[k]
    return any(m.found[-1] is remedy and not m.negated for m in find_all(text, "remedy"))


_COPULA = frozenset({"merupakan", "menjadi", "adalah", "ialah", "is", "are", "remains", "remain", "was", "became"})
_FILLER = frozenset({"salah", "satu", "a", "an", "the", "one", "of", "sebagai", "tetap", "masih", "still"})
PRIORITY_REACH = 4  # words of copula and filler between a bad thing and the priority it is named


def _a_priority(toks: tuple[Token, ...], last: int) -> bool:
    """Is a bad thing said to be a priority or a focus ("Stunting merupakan prioritas nasional",
    "Waste is one of the city's priorities")? That names a policy topic, not a problem set out."""
    after = [t for t in toks[last + 1 : last + 2 + PRIORITY_REACH] if t.clause == toks[last].clause]
    if not after or after[0].word not in _COPULA:
        return False
    rest = after[1:]
    while rest and rest[0].word in _FILLER:
        rest = rest[1:]
    return bool(rest) and bool(find_all(rest[0].word, "focus_noun"))


def _handling_noun(word: str) -> bool:
    """A noun of acting on a bad thing: a countermeasure ("penanggulangan") or a remedy made a
    noun with pe-...-an ("pengurangan" of "mengurangi"), not any noun ("pelayanan")."""
    if find_all(word, "countermeasure", "handling_noun"):
        return True
    root = nominal_root(word) if word.startswith("pe") else None
    return root is not None and root in _remedy_roots()


@cache
def _remedy_roots() -> frozenset[str]:
    """The roots of the Indonesian remedy verbs ("kurang" of "mengurangi")."""
    return frozenset(stem_id(w.lower()) for w in knowledge.lexicon()["remedy"].id if " " not in w)


def _desk_after(toks: tuple[Token, ...], last: int, text: str) -> bool:
    """Is an English bad thing the name of the desk or body right after it ("complaints officer",
    "complaints hotline")?"""
    if last + 1 >= len(toks) or toks[last + 1].clause != toks[last].clause:
        return False
    return bool(find_all(toks[last + 1].word, "body_noun"))


def _handled_after(toks: tuple[Token, ...], last: int, text: str) -> bool:
    """Is an English bad thing the modifier of a handling noun right after it ("flood control
    unit", "drought early warning", "risk reduction")?"""
    after = [t for t in toks[last + 1 : last + 3] if t.clause == toks[last].clause]
    if not after or after[0].word.endswith(("ed", "ing")):  # a verb after it: "flood managed by", "waste piling up"
        return False
    span = text[after[0].start : after[-1].end]
    handling = ("countermeasure", "handling_noun", "focus_noun", "body_noun")
    return any(m.found[0].start == 0 for m in find_all(span, *handling))
