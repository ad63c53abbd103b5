"""Ratios, quality measures and provision per population or per good."""

from __future__ import annotations

from functools import lru_cache

from advisor.text.lexicon import Match, find_all
from advisor.text.reading import Reading, from_match, quoted
from advisor.text.tokens import tokens

_RATIO = frozenset({"rasio", "ratio"})
_RATIO_LINKS = frozenset({"terhadap", "to", "per", "atas", "banding", "dibanding"})


@lru_cache(maxsize=4096)
def _kind(words: str) -> str:
    """What a side of a ratio names: ``bad``, ``good`` or ``""``."""
    if find_all(words, "bad_quantity"):
        return "bad"
    return "good" if find_all(words, "good_quantity") else ""


def _ratio(text: str) -> Reading | None:
    """A ratio, read by its sides ("Rasio utang terhadap pendapatan", "Ratio of own-source
    revenue to total revenue", "debt-to-revenue ratio"): a harm above the line falls, a good
    thing above it rises. Anything else is a neutral ratio ("Rasio murid terhadap guru")."""
    toks = tokens(text)
    head = next((i for i, t in enumerate(toks) if t.word in _RATIO), None)
    if head is None:
        return None
    clause = toks[head].clause
    if head > 0 and "-" in toks[head - 1].word:  # "debt-to-revenue ratio", "pupil-teacher ratio"
        top = toks[head - 1].word.split("-")[0]
        span = (toks[head - 1], toks[head])
    else:
        rest = [t for t in toks[head + 1 :] if t.clause == clause]
        if rest and rest[0].word == "of":
            rest = rest[1:]
        link = next((k for k, t in enumerate(rest) if t.word in _RATIO_LINKS), None)
        if link is None or link == 0:
            return None
        top = " ".join(t.word for t in rest[:link])
        span = (toks[head], rest[link - 1])
    upper = _kind(top)
    said, where = quoted(text, *span)
    if upper == "bad":
        return Reading("decrease", "ratio_of_harm", said, where)
    if upper == "good":
        return Reading("increase", "ratio_of_good", said, where)
    return None


_OBJECT_LINKS = frozenset({"of", "to", "with", "for", "in", "on", "among", "terhadap", "atas", "untuk"})
_MEASURE_HEAD = frozenset({"tingkat", "indeks", "persentase", "rata-rata", "nilai", "skor", "level", "index", "score"})


def _quality_head(text: str) -> Reading | None:
    """A quality of a service at the head ("Kecepatan respon pengaduan", "Tingkat ketepatan
    sasaran", "Response speed to complaints"; in English before the first preposition and
    before any harm): it rises, whatever harm its object names."""
    toks = tokens(text)
    harms = [m.found[0].start for m in find_all(text, "bad_quantity")]
    for match in find_all(text, "quality_head"):
        if match.negated:
            continue
        i = toks.index(match.found[0])
        before = toks[:i]
        if match.phrase.lang == "id":
            head = all(t.word in _MEASURE_HEAD for t in before)
        else:
            head = len(before) <= 2 and not any(t.word in _OBJECT_LINKS for t in before)
        if head and all(start > match.found[0].start for start in harms):
            return from_match(text, "increase", "quality_head", match)
    return None


_POPULATION = frozenset({"penduduk", "jiwa", "warga", "population", "people", "residents", "inhabitants", "capita"})


def _per_population(text: str) -> Reading | None:
    """A thing, neither good nor bad by name, counted per so many people ("Rasio koleksi buku
    perpustakaan per 1.000 penduduk", "Sports fields per 10,000 residents"): a provision, which
    rises (a harm per population is read before: "Kasus DBD per 100.000 penduduk")."""
    toks = tokens(text)
    for i, token in enumerate(toks[1:-2], start=1):
        after = toks[i + 1 : i + 3]
        if (
            token.word == "per"
            and after[0].word[:1].isdigit()
            and after[1].word in _POPULATION
            and all(t.clause == token.clause for t in after)
        ):
            return Reading("increase", "provision_per_population", *quoted(text, token, after[1]))
    return None


_INDEX = frozenset({"indeks", "index", "skor", "score"})  # a score a plan reports too: "Skor Pola Pangan Harapan"


def _per_good(text: str, good: list[Match]) -> Reading | None:
    """A good thing only as the denominator of a ratio ("Rasio jumlah penduduk per dokter",
    "pupils per teacher"): fewer people share each, so the ratio falls ("Tempat tidur per 1.000
    penduduk", with the good thing above the line, rises)."""
    toks = tokens(text)
    for match in good:
        i = toks.index(match.found[0])
        if i > 0 and toks[i - 1].word == "per" and all(toks.index(m.found[0]) > i for m in good if m is not match):
            said, span = quoted(text, toks[i - 1], match.found[-1])
            return Reading("decrease", "good_per", said, span)
    return None


_PAIR_LINKS = frozenset({"dan", "and", "between", "antara"})
_RATIO_AT = 2  # words from the start in which a ratio heads ("Rasio ...", "The ratio ...")


def _paired_ratio(text: str) -> Reading | None:
    """A ratio of two things set side by side ("Rasio guru dan murid", "Ratio between doctors and
    nurses"): neither stands above the line, so it says no way to go (a goal may); not a ratio
    with a top and a bottom ("Rasio utang terhadap PDRB", read by its sides)."""
    toks = tokens(text)
    head = next((i for i, t in enumerate(toks[:_RATIO_AT]) if t.word in _RATIO), None)
    if head is None:
        return None
    rest = [t for t in toks[head + 1 :] if t.clause == toks[head].clause]
    if any(t.word in _RATIO_LINKS for t in rest):
        return None
    if rest and rest[0].word in ("between", "antara", "of"):
        rest = rest[1:]
    pair = next((k for k, t in enumerate(rest) if t.word in ("dan", "and")), None)
    if pair is None or pair == 0 or pair + 1 >= len(rest):
        return None
    said, where = quoted(text, toks[head], rest[pair + 1])
    return Reading("unknown", "ratio_of_pair", said, where)
