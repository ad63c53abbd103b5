"""Level and trend words read with the quantity they qualify: "tingginya angka putus sekolah" is
bad, "permintaan kopi terus meningkat" good.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from advisor import knowledge
from advisor.text.background.base import _GOOD, _longest
from advisor.text.lexicon import Match, find_all
from advisor.text.tokens import Token, places, tokens

TREND_REACH = 4  # words between a level or trend word and the quantity it qualifies
Trend = tuple[Match, str, tuple[Token, ...]]  # the word, its polarity, the quantity it qualifies


@cache
def _before_noun() -> frozenset[str]:
    """Level words that qualify the word right after them (``level_before_noun``)."""
    return frozenset(knowledge.lexicon()["level_before_noun"].id)


def _trends(text: str) -> list[Trend]:
    """Each level or trend word ("tinggi", "menurun", "low", "rising") read with the quantity
    nearest to it in its clause: ``bad`` when a bad quantity is high or rising or a good one low
    or falling ("tingginya angka putus sekolah", "pendapatan nelayan menurun"), ``good`` for the
    reverse ("biaya logistik rendah", "permintaan kopi terus meningkat"), ``unknown`` when it
    qualifies no known quantity; with the words of the quantity."""
    words = _longest([m for m in find_all(text, "trend_up", "level_high", "trend_down") if not m.negated])
    if not words:
        return []
    near_miss = {t for m in find_all(text, "problems_not") for t in m.found}  # "dataran tinggi", "high school"
    toks = tokens(text)
    place = places(text)
    words = [w for w in words if near_miss.isdisjoint(w.found) and not _beats_a_target(w, toks, place)]
    quantities = _longest(find_all(text, "bad_quantity", "bad_measure", *_GOOD))
    nouns = _longest([*quantities, *find_all(text, "assets")])
    producers = find_all(text, "producer_side")
    out: list[Trend] = []
    for word in words:
        at = place[word.found[0]]
        priced = _attributive_price(word, toks, place)
        if priced is not None:  # "face rising prices for synthetic dyes": the price, not the subject
            out.append(priced)
            continue
        # a quantity inside an asset phrase still takes a level ("memiliki potensi ... yang tinggi")
        near = [
            (min(abs(place[n.found[0]] - at), abs(place[n.found[-1]] - at)), n)
            for n in quantities
            if n.found[0].clause == word.found[0].clause and not set(n.found) & set(word.found)
        ]
        # the nearest quantity, or else the subject of its clause ("Permintaan kopi spesialti
        # dari kafe di Makassar terus meningkat")
        subject = [(d, n) for d, n in near if place[n.found[-1]] < at]
        if word.found[-1].word in _before_noun():  # "minim fasilitas ... terendam": the facilities
            near = [(d, n) for d, n in near if place[n.found[0]] == place[word.found[-1]] + 1]
        else:
            near = [(d, n) for d, n in near if d <= TREND_REACH] or subject[:1]
        if not near:
            out.append((word, "unknown", ()))
            continue
        nearest = min(near, key=lambda e: e[0])[1]
        if place[nearest.found[-1]] < at:  # the subject: the head of its noun phrase
            nearest = _subject_head(nearest, quantities, toks, place)
        noun = _head(nearest, nouns, place, word.phrase.lang)
        up = word.purpose != "trend_down"
        # a price the producer receives is good ("Harga cabai di tingkat petani anjlok")
        bad = noun.purpose in ("bad_quantity", "bad_measure") and not _producer_side(noun, producers, place)
        out.append((word, "bad" if up == bad else "good", noun.found))
    return out


_TARGET = frozenset({"target", "sasaran", "targetnya", "capaian"})


def _beats_a_target(word: Match, toks: tuple[Token, ...], place: Mapping[Token, int]) -> bool:
    """ "melampaui target": an achievement, not a rise of the quantity."""
    at = place[word.found[-1]] + 1
    return at < len(toks) and toks[at].word in _TARGET


PRODUCER_REACH = 4  # words between a price and the producer it is paid to ("Harga cabai di tingkat petani")


def _producer_side(noun: Match, producers: list[Match], place: Mapping[Token, int]) -> bool:
    """Is the price ``noun`` said to be the producer's ("di tingkat petani", "farmgate")?"""
    first, last = place[noun.found[0]], place[noun.found[-1]]
    return any(
        p.found[0].clause == noun.found[0].clause
        and (0 < place[p.found[0]] - last <= PRODUCER_REACH or 0 < first - place[p.found[-1]] <= 1)
        for p in producers
    )


MODIFIER_REACH = 6  # words between the head of a subject and a quantity that modifies it
# words that end a noun phrase: a conjunction, a verb's marks, a relative, a number opens another
_PHRASE_END = frozenset(
    {"dan", "serta", "atau", "and", "or", "yang", "which", "that", "who", "sejak", "since", "karena", "because"}
    | {"is", "are", "was", "were", "has", "have", "had", "telah", "sudah", "masih", "still", "akibat", "due"}
)


def _subject_head(noun: Match, quantities: list[Match], toks: tuple[Token, ...], place: Mapping[Token, int]) -> Match:
    """The head of the subject that ``noun`` stands in: a quantity before it in its noun phrase,
    of which ``noun`` is only a modifier ("Birth certificate coverage among children of informal
    workers remains low": the coverage; "Biaya angkut hasil panen naik": the cost, not the
    harvest). The phrase ends at a conjunction, a verb's auxiliary, a relative or a number."""
    while True:
        start = place[noun.found[0]]
        earlier = [
            q
            for q in quantities
            if q.found[0].clause == noun.found[0].clause and 0 < start - place[q.found[-1]] <= MODIFIER_REACH + 1
        ]
        if not earlier:
            return noun
        head = min(earlier, key=lambda q: place[q.found[0]])
        gap = toks[place[head.found[-1]] + 1 : start]
        if any(t.word in _PHRASE_END or t.word[:1].isdigit() for t in gap):
            return noun
        noun = head


def _head(noun: Match, nouns: list[Match], place: Mapping[Token, int], lang: str) -> Match:
    """The head of the chain of quantities ``noun`` stands in: the first in Indonesian ("Biaya
    tenaga kerja": a cost, not the workforce), the last in English ("labour costs")."""
    while True:
        if lang == "id":
            before = place[noun.found[0]] - 1
            nxt = next((n for n in nouns if place[n.found[-1]] == before), None)
        else:
            after = place[noun.found[-1]] + 1
            nxt = next((n for n in nouns if place[n.found[0]] == after), None)
        if nxt is None or nxt.purpose == "assets":
            return noun
        noun = nxt


_PRICES = frozenset({"price", "prices", "tariff", "tariffs", "fee", "fees", "rent", "rents"})
_OF_INPUT = frozenset({"for", "of", "on"})
_HARGA = frozenset({"harga", "tarif"})
_AT = frozenset({"dengan", "pada"})  # "dengan harga murah": a manner adjunct of the price paid


def _attributive_price(word: Match, toks: tuple[Token, ...], place: Mapping[Token, int]) -> Trend | None:
    """A level word in "dengan harga murah" qualifies the price, not the subject; an English trend
    word before a price ("rising prices for synthetic dyes") qualifies the price,
    not the clause's subject. A price paid for or of something is a cost to whoever faces it: a rise
    is bad; a price said of nothing says no way to go. None when no price follows."""
    before = place[word.found[0]]
    if word.phrase.lang == "id" and before >= 2 and toks[before - 1].word in _HARGA and toks[before - 2].word in _AT:
        return (word, "unknown", ())  # "memperoleh benang dengan harga murah": the price's level, not the subject's
    at = place[word.found[-1]] + 1
    if word.phrase.lang != "en" or at >= len(toks) or toks[at].word not in _PRICES:
        return None
    price = toks[at]
    if price.clause != word.found[-1].clause:
        return None
    paid = at + 1 < len(toks) and toks[at + 1].word in _OF_INPUT and toks[at + 1].clause == price.clause
    if not paid:
        return (word, "unknown", ())
    return (word, "bad" if word.purpose != "trend_down" else "good", (price,))
