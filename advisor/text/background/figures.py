"""Figures a background sets against what they should be: the phrases it is read from, a limited
figure ("hanya buka 2 jam sehari") unless it says how near or how fast, a figure short of a
reference ("jauh di bawah target RPJMD", "rata-rata provinsi 5,2 ton").
"""

from __future__ import annotations

import re

from advisor.text.background.base import (
    _A_FEW,
    _GOOD,
    _LACK_PHRASE,
    _SMALL,
    LIMIT_NUMBER_REACH,
    PROBLEM,
    _amount,
    _bare_root,
    _distance,
    _how_near,
    _longest,
    _money,
    _not_asset,
    _number_sign,
)
from advisor.text.background.handling import _handled_thing
from advisor.text.lexicon import Match, find_all
from advisor.text.numbers import parse_number
from advisor.text.reading import Reading, from_match
from advisor.text.tokens import Token, tokens


def _read_matches(text: str, *purposes: str) -> list[Match]:
    """The phrases of ``purposes`` in ``text``, without those inside a longer one and without
    problem words that a near miss holds ("kurang lebih 200 KK", "perseroan terbatas", "no
    later than") or that abbreviate "number" ("Perda No. 3")."""
    found = find_all(text, *purposes)
    if not found:
        return []
    near = {t for m in find_all(text, "problems_not") for t in m.found}
    not_asset = _not_asset(text)
    bad = (*PROBLEM, "bad_quantity")
    kept = [
        m
        for m in found
        if not (m.purpose in bad and (near.intersection(m.found) or _number_sign(text, m) or _bare_root(m)))
        and not (m.purpose == "assets" and not_asset.intersection(m.found))
        and not (m.purpose in PROBLEM and (_how_near(text, m) or _spared(text, m)))
    ]
    return _longest(kept)


def _spared(text: str, match: Match) -> bool:
    """Is a limited figure ("hanya dua") spared by its context ("tidak hanya", "dalam waktu hanya
    dua tahun": how fast, not how little)?"""
    first = match.found[0]
    kept_under = first.word in _SMALL or any(first in m.found for m in find_all(text, "at_most"))
    return kept_under and _spared_limiter(text, first)


def _spared_limiter(text: str, limiter: Token) -> bool:
    """Does a limiter limit nothing bad: "tidak hanya", "dalam waktu hanya dua tahun" (how fast),
    or a bad quantity before it in its clause, which it calls low ("Angka pengangguran di
    kecamatan ini hanya 3 persen")?"""
    if any(limiter in m.found for m in find_all(text, "limiter_not")):
        return True
    # a bad word inside a good quantity is none ("lama tinggal wisatawan hanya 1,2 hari": a stay, not "tertinggal")
    goods = [set(g.found) for g in find_all(text, "good_quantity")]
    return any(
        b.found[0].clause == limiter.clause
        and b.found[-1].end <= limiter.start
        and not _handled_thing(text, b)
        and not _bare_root(b)
        and not any(set(b.found) <= g for g in goods)
        for b in find_all(text, "bad_quantity", "bad_measure")
    )


def _good_before(text: str, limiter: Token) -> bool:
    """Is a good quantity ("pendapatan", "income") named before ``limiter`` in its clause?"""
    return any(
        g.found[0].clause == limiter.clause and g.found[-1].end <= limiter.start
        for g in find_all(text, "good_quantity")
    )


def _limited_low(text: str, match: Match) -> bool:
    """Is a bad quantity said to be low by a limiter before its figure ("Waktu tempuh dari bandara
    hanya 30 menit", "Poverty is only 4 percent")? Then it is no problem."""
    toks = tokens(text)
    end = toks.index(match.found[-1])
    spared = {t for m in find_all(text, "limiter_not") for t in m.found}
    # "hanya 30 menit", and what it is kept under: "rata-rata kurang dari 30 menit", "under 15 minutes"
    for limiter in find_all(text, "limiter", "at_most"):
        word = limiter.found[0]
        i = toks.index(word)
        if word in spared or word.clause != match.found[0].clause or i <= end:
            continue
        after = [t for t in toks[i + 1 : i + 1 + LIMIT_NUMBER_REACH] if t.clause == word.clause]
        if any(_amount(t.word) for t in after):
            return True
    return False


def _limited(text: str) -> Reading | None:
    """A figure limited by "hanya"/"only" a few words before it ("Puskesmas pembantu hanya buka 2
    jam sehari", "only serves 40 households"): a shortfall, unless a distance or a travel time,
    or "tidak hanya", "hanya dalam 2 tahun" (how fast), "not only"."""
    toks = tokens(text)
    for limiter in find_all(text, "limiter"):
        word = limiter.found[0]
        if _spared_limiter(text, word):
            continue
        i = toks.index(word)
        after = [t for t in toks[i + 1 : i + 1 + LIMIT_NUMBER_REACH] if t.clause == word.clause]
        number = next((t for t in after if _amount(t.word)), None)
        # a sum is short only of a good quantity ("Pendapatan petani hanya Rp1,2 juta"), not a price
        if number is not None and _money(number.word) and not _good_before(text, word):
            continue
        if number is not None and not _distance(text, number):
            return from_match(text, "present", "limited", Match(limiter.phrase, (word, number), False))
    # "Few households have piped water": few, not "a few"; "Few problems were reported" has hardly any
    hedged = {t for m in find_all(text, "problems_not") for t in m.found}
    for i, token in enumerate(toks):
        if token.word == "few" and not (i and toks[i - 1].word in _A_FEW) and i + 1 < len(toks) and token not in hedged:
            return from_match(text, "present", "limited", Match(_LACK_PHRASE, (token, toks[i + 1]), False))
    return None


FIGURE_REACH = 6  # words between a reference ("rata-rata provinsi") and its figure
_SENTENCE_END = re.compile(r"[.!?](?=\s)")


def _falls_short(text: str) -> Reading | None:
    """A quantity's figure set against a reference's figure in one sentence, worse than it: a
    good quantity below ("Produktivitas padi rata-rata 3,1 ton per hektare, sementara rata-rata
    provinsi 5,2 ton"), a bad one above ("stunting 36,2 persen; rata-rata nasional 21,5")."""
    toks = tokens(text)
    figures = [t for t in toks if t.word[:1].isdigit()]
    if len(figures) < 2:
        return None
    refs = find_all(text, "reference")
    for quantity in _longest(find_all(text, "bad_quantity", *_GOOD)):
        first = next((t for t in figures if t.start > quantity.found[-1].end), None)
        ref = next((r for r in refs if first is not None and r.found[0].start > first.end), None)
        if first is None or ref is None or _SENTENCE_END.search(text, quantity.found[-1].end, ref.found[0].start):
            continue  # a reference in the next sentence ("A national publisher ...")
        after = [t for t in toks if t.start > ref.found[-1].end][:FIGURE_REACH]
        second = next((t for t in after if t.word[:1].isdigit()), None)
        a, b = (
            parse_number(first.word, quantity.phrase.lang),
            parse_number(second.word if second else "", ref.phrase.lang),
        )
        if a is None or b is None or a == b:
            continue
        if (a < b) == (quantity.purpose != "bad_quantity"):
            return from_match(text, "present", "short_of_reference", quantity, ref)
    return None


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
        if ref is not None and not _bad_before(text, below):
            return from_match(text, "present", "short_of_reference", below, ref)
    return None


def _bad_before(text: str, below: Match) -> bool:
    """Is a bad quantity named before ``below`` in its clause ("Angka stunting telah turun di bawah
    target nasional")? A bad quantity under its reference is a strength."""
    goods = [set(g.found) for g in find_all(text, "good_quantity")]
    toks = tokens(text)
    i = toks.index(below.found[0])
    # "Leakage has been brought down to 12 percent, below the national benchmark": a clause opened by it
    opens = i == 0 or toks[i - 1].clause != below.found[0].clause
    clauses = {below.found[0].clause, below.found[0].clause - 1} if opens else {below.found[0].clause}
    return any(
        b.found[0].clause in clauses
        and b.found[-1].end <= below.found[0].start
        and not _bare_root(b)
        and not any(set(b.found) <= g for g in goods)
        and not _handled_thing(text, b)
        for b in find_all(text, "bad_quantity")
    )
