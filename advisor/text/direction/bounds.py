"""A bound on an indicator's level: a cap ("maksimal 5 persen", "paling lama 3 hari kerja", "at
most 5 percent", "below 9% in 2029") or a floor ("minimal 80 persen", "tidak kurang dari 12 unit",
"at least 90 percent").

With no verb of change, a bound reads as the good direction of what it bounds: a cap on a harm
falls, a floor on a good thing rises, and a bound on a thing that says no way by itself goes the
bound's way (a cap down, a floor up). A bound against what it bounds (a cap on visitors, a good
thing) holds the level: ``maintain``. Words of keeping ("tetap", "dipertahankan", "kept") and a
change that must not happen ("tidak turun di bawah") are read as ``maintain`` before this, and a
verb of change ("ditekan hingga maksimal 3%") decides over the bound, which is then its target.

A bound is the subject's only where it stands: not inside what qualifies who is counted ("ibu
hamil yang mengonsumsi minimal 90 tablet", "villages with more than 80 percent coverage",
"pengaduan yang selesai dalam waktu paling lama 5 hari"), where it only says which are counted.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

from advisor.text.direction.counts import _ING_NOT_VERBS
from advisor.text.lexicon import Match, Phrase, find_all
from advisor.text.reading import Reading, quoted
from advisor.text.stem import stem_id
from advisor.text.tokens import Token, tokens

_KIND = {"bound_cap": "cap", "bound_floor": "floor", "compare_below": "cap", "compare_above": "floor"}
_PLAIN = frozenset({"compare_below", "compare_above"})  # a bound only on a share or a rate
_STRONG = frozenset({"bound_cap", "bound_floor"})

# words that open what qualifies who or what is counted: a bound after them is theirs
_QUALIFIERS = frozenset(
    {"yang", "that", "which", "who", "whose", "whom", "where", "dengan", "with", "having", "berukuran", "sized",
     "usia", "aged", "berusia"}
)  # fmt: skip
# a bound right after these is a time limit of a deed ("dalam waktu paling lama 5 hari", "within at most")
_PURPOSE = frozenset({"agar", "supaya", "sehingga"})
_WITHIN = frozenset({"dalam", "within", "in", "selama"})
_ARTICLES = frozenset(
    {"a", "an", "the", "untuk", "for", "sebesar", "sebanyak", "of", "minus", "plus", "rp", "idr", "usd", "us$", "eur"}
)  # fmt: skip
_GLUED = re.compile(r"^(?:rp|us\$|\$|[<>≤≥])?\d")  # "Rp2.000/kg", "≤5"
_SHARES = frozenset({"%", "persen", "percent", "per cent", "pct"})
_NUMBER_REACH = 2  # words between a bound and its value ("minimal untuk 3 hari", "a minimum of 60%")


class Bound(NamedTuple):
    kind: str  # cap | floor
    match: Match
    span: tuple[int, int]  # where its words stand in the text (quoted, and blanked to read the rest)


def _bound(text: str, kind: str, match: Match) -> Bound:
    return Bound(kind, match, (match.found[0].start, match.found[-1].end))


def _number(word: str) -> bool:
    return bool(_GLUED.match(word))


def _share(toks: tuple[Token, ...], k: int) -> bool:
    """Is the value at word ``k`` a share or a rate ("9%", "5 persen", "3,5 percent")?"""
    word = toks[k].word
    return word.endswith("%") or (k + 1 < len(toks) and toks[k + 1].word in _SHARES)


_ABBREVIATED = frozenset({"maks", "max", "min"})  # "maks. 5%": the stop is no end of the clause


def _value_after(toks: tuple[Token, ...], j: int) -> int | None:
    """Where the value after the bound ending at word ``j`` stands, a few linking words aside."""
    clause = toks[j].clause
    for k in range(j + 1, min(len(toks), j + 2 + _NUMBER_REACH)):
        if toks[k].clause != clause and not (k == j + 1 and toks[j].word in _ABBREVIATED):
            return None
        if _number(toks[k].word):
            return k
        if toks[k].word not in _ARTICLES:
            return None
    return None


def _qualified(toks: tuple[Token, ...], i: int) -> bool:
    """Does the bound at word ``i`` stand in what qualifies the counted thing?"""
    clause = toks[i].clause
    before = [t for t in toks[:i] if t.clause == clause]
    # a clause of purpose has a subject of its own: "Improve cocoa quality so that moisture content
    # is no more than 7.5 percent", "agar kadar air tidak melebihi 16 persen"
    opened = [
        k for k, t in enumerate(before) if t.word in _PURPOSE or (t.word == "that" and k and before[k - 1].word == "so")
    ]
    if opened:
        before = before[opened[-1] + 1 :]
    if any(t.word in _QUALIFIERS for t in before):
        return True
    # an English participle after the head: "households living more than 5 km from a health centre"
    if any(
        k and t.word.endswith("ing") and t.word not in _ING_NOT_VERBS and before[k - 1].word.endswith("s")
        for k, t in enumerate(before)
    ):
        return True
    # "dalam waktu paling lama 5 hari", "within at most 14 days": the time a deed takes
    last = [t.word for t in before[-2:]]
    return bool(last) and (last[-1] in _WITHIN or last == ["dalam", "waktu"])


def _valued(text: str, toks: tuple[Token, ...], match: Match) -> int | None:
    """The word of the value the bound sets, or None when it sets none. "5 percent or less" has
    it before; a grade may stand for the value ("Predikat SAKIP minimal BB", "Opini BPK minimal
    WTP"); a denied comparison may bound a reference instead ("tidak melampaui baku mutu", "does
    not exceed the carrying capacity"), whose place is the bound's own."""
    i, j = toks.index(match.found[0]), toks.index(match.found[-1])
    if match.found[0].word == "or":  # "95 percent or more"
        return next((k for k in (i - 1, i - 2) if k >= 0 and _number(toks[k].word)), None)
    after = _value_after(toks, j)
    if after is not None:
        return after
    grade = toks[j + 1] if j + 1 < len(toks) and toks[j + 1].clause == toks[j].clause else None
    if match.purpose in _STRONG and grade is not None and text[grade.start : grade.end].isupper():
        return j + 1
    if match.purpose in _STRONG and (match.found[0].word in ("tidak", "not", "does", "do") or len(match.found) > 2):
        return j  # a reference ("baku mutu", "daya dukung kawasan", "HPP") or a threshold named in it
    return None


# measures of a level at the head: a plain comparison after them bounds that level ("Kandungan
# merkuri dalam air sungai di bawah 0,001 mg/l"); not a count ("Jumlah anak di bawah 5 tahun")
_LEVELS = frozenset(
    {"kadar", "kandungan", "konsentrasi", "tingkat", "angka", "persentase", "proporsi", "rasio", "prevalensi",
     "indeks", "laju", "rata-rata", "waktu", "lama", "suhu", "level", "levels", "rate", "concentration", "content",
     "share", "percentage", "proportion", "ratio", "prevalence", "index", "average", "time", "temperature"}
)  # fmt: skip


def _level_head(text: str, toks: tuple[Token, ...]) -> bool:
    first = 1 if toks and toks[0].word == "the" else 0
    return first < len(toks) and toks[first].word in _LEVELS


@lru_cache(maxsize=8192)
def bound_of(text: str) -> Bound | None:
    """The bound the statement sets on its own level, or None."""
    toks = tokens(text)
    for match in find_all(text, *_KIND):
        if match.negated:
            continue
        i = toks.index(match.found[0])
        value = _valued(text, toks, match)
        if value is None or (_qualified(toks, i) and not _subjects_value(toks, value)):
            continue
        if match.purpose in _PLAIN and not (value > i and (_share(toks, value) or _level_head(text, toks))):
            continue  # "kapal di bawah 5 GT": a plain comparison bounds a share, a rate or a level only
        return _bound(text, _KIND[match.purpose], match)
    return _symbol(text, toks)


# a bound written as a sign before its value: "≤ 16 per 1.000", "≥ 80", "< 1%"
_SIGNS = re.compile(r"(≤|<=|=<|≥|>=|=>|<|>)\s*$")
_SIGN_KIND = {
    **dict.fromkeys(("≤", "<=", "=<", "<"), "cap"),
    **dict.fromkeys(("≥", ">=", "=>", ">"), "floor"),
}


def _symbol(text: str, toks: tuple[Token, ...]) -> Bound | None:
    for k, token in enumerate(toks):
        sign = _SIGNS.search(text[max(0, token.start - 3) : token.start])
        if not _number(token.word) or sign is None or _qualified(toks, k):
            continue
        start = max(0, token.start - 3) + sign.start(1)
        if "(" in text[max(0, start - 2) : start]:
            continue  # "Jumlah balita (<5 tahun) yang ditimbang": an aside on who is counted
        phrase = Phrase("bound_cap" if _SIGN_KIND[sign.group(1)] == "cap" else "bound_floor", "id", sign.group(1), ())
        return Bound(_SIGN_KIND[sign.group(1)], Match(phrase, (token,), False), (start, start + len(sign.group(1))))
    return None


# the measure at the head and the units its own value is written in: after a relative clause
# ("Jumlah kendaraan yang masuk kota lama maksimal 500 unit per hari", "Luas lahan yang terbakar
# maksimal 100 ha") a bound in them is the subject's, not the clause's ("yang mengonsumsi minimal
# 90 tablet", "dengan cakupan minimal 80 persen" under "Jumlah desa")
_COUNTERS = frozenset(
    {"unit", "units", "orang", "jiwa", "buah", "ekor", "kasus", "titik", "kk", "people", "persons", "cases",
     "vehicles", "kendaraan", "kapal", "vessels", "ships"}
)  # fmt: skip
_HEAD_UNITS: dict[str, frozenset[str]] = {
    "jumlah": _COUNTERS, "number": _COUNTERS, "banyaknya": _COUNTERS,
    "luas": frozenset({"ha", "hektare", "hektar", "km2", "m2"}), "area": frozenset({"ha", "hectares", "km2"}),
    "hectares": frozenset({"ha", "hectares"}),
    **{head: _SHARES for head in ("persentase", "proporsi", "cakupan", "percentage", "proportion", "share")},
}  # fmt: skip


def _subjects_value(toks: tuple[Token, ...], value: int) -> bool:
    """Is the value a bound sets written in the unit of the measure at the head, and last in its
    clause (a time or a place aside)?"""
    units = _HEAD_UNITS.get(toks[0].word) if toks else None
    if units is None:
        return False
    word = toks[value].word
    unit = toks[value + 1].word if value + 1 < len(toks) and toks[value + 1].clause == toks[value].clause else ""
    if not (unit in units or (units is _SHARES and word.endswith("%"))):
        return False
    rest = [t.word for t in toks[value + 2 :] if t.clause == toks[value].clause]
    return not rest or rest[0] in ("per", "pada", "setiap", "tiap", "in", "by", "a", "each")


def target_bound(text: str, change: Match) -> Bound | None:
    """A bound that is the target of a change ("turun menjadi paling tinggi 3 persen", "reduced to
    at most 5%", "raised to a minimum of 60%")."""
    toks = tokens(text)
    j = toks.index(change.found[-1])
    for match in find_all(text, *_KIND):
        i = toks.index(match.found[0])
        between = [t.word for t in toks[j + 1 : i]]
        if (
            0 < i - j <= 2
            and all(w in _TO_TARGET for w in between)
            and not match.negated
            and _valued(text, toks, match) is not None
        ):
            return _bound(text, _KIND[match.purpose], match)
    return None


_TO_TARGET = frozenset({"hingga", "menjadi", "sampai", "ke", "to", "at"})
# units of a time or a distance: a bound on them in what qualifies the counted says whether it is
# within reach or in time ("yang menunggu paling lama 60 menit", "tinggal paling jauh 1 km dari")
_REACH_UNITS = frozenset(
    {"menit", "jam", "hari", "minggu", "pekan", "km", "kilometer", "meter", "m", "minutes", "minute", "hours",
     "hour", "days", "day", "weeks", "week", "kilometres", "kilometers", "metres", "meters", "miles", "mile"}
)  # fmt: skip


_DISTANCES = frozenset(
    {"km", "kilometer", "meter", "m", "kilometres", "kilometers", "metres", "meters", "miles", "mile"}
)  # fmt: skip
# a wait, a journey or a delay: "menunggu", "mengantre", "menempuh", "tertunda"; "waiting", "travel"
_WAIT_ROOTS = frozenset({"tunggu", "antre", "antri", "tempuh", "tunda", "lambat"})
_WAIT_EN = frozenset(
    {"wait", "waits", "waiting", "waited", "queue", "queuing", "queueing", "travel", "travelling", "traveling",
     "pending", "delayed", "walking", "walk"}
)  # fmt: skip


def _waits(word: str) -> bool:
    return word in _WAIT_EN or stem_id(word) in _WAIT_ROOTS


@lru_cache(maxsize=8192)
def within_bound(text: str) -> Reading | None:
    """A bound on a time or a distance in what qualifies the things counted ("Persentase pasien
    yang menunggu paling lama 60 menit", "Jumlah KK yang tinggal paling jauh 1 km dari sumber air",
    "households living more than 5 km from a health centre"): a cap counts those served in time or
    within reach, which rises; a floor those kept waiting or far away, which falls. Not an age
    ("yang menikah di bawah usia 19 tahun": no value right after the bound)."""
    toks = tokens(text)
    for match in find_all(text, *_KIND):
        i = toks.index(match.found[0])
        if match.negated or match.found[0].word == "or" or not _qualified(toks, i):
            continue
        value = _value_after(toks, toks.index(match.found[-1]))
        if value is None or value + 1 >= len(toks) or toks[value + 1].word not in _REACH_UNITS:
            continue
        said, span = quoted(text, *match.found, toks[value + 1])
        if _KIND[match.purpose] == "cap":
            return Reading("increase", "within_bound", said, span)
        # a floor keeps waiting or far away only on a wait or a distance: "mengikuti pelatihan
        # minimal 3 hari" is a training long enough, read by what it counts
        if toks[value + 1].word in _DISTANCES or any(_waits(t.word) for t in toks[:i]):
            return Reading("decrease", "beyond_bound", said, span)
    return None


_AGREES = {"cap": "decrease", "floor": "increase"}


def bounded(text: str, bound: Bound, inner: Reading) -> Reading:
    """The reading of a statement whose level is bounded, from what the rest of it (``inner``)
    says of the quantity."""
    span = bound.span
    said = text[span[0] : span[1]]
    way = _AGREES[bound.kind]
    if inner.label == "maintain":
        return inner
    if inner.label == "unknown":
        return Reading(way, bound.kind, said, span, bound=bound.kind, bound_words=said)
    if inner.label == way:
        reason = "cap_on_harm" if bound.kind == "cap" else "floor_on_good"
        return Reading(way, reason, said, span, bound=bound.kind, bound_words=said)
    # a cap on a good thing ("Jumlah kunjungan wisatawan maksimal 500 orang per hari"), a floor on a
    # harm: the level is held within it
    return Reading("maintain", f"{bound.kind}_against_{inner.label}", said, span, bound=bound.kind, bound_words=said)


def with_target(text: str, reading: Reading, change: Match) -> Reading:
    """``reading`` (of a change) with the bound that is its target as evidence, when the bound goes
    the change's way ("ditekan hingga maksimal 3%": a cap on a fall)."""
    bound = target_bound(text, change)
    if bound is None or _AGREES[bound.kind] != reading.label:
        return reading
    return replace(reading, bound=bound.kind, bound_words=text[bound.span[0] : bound.span[1]])


def limit_named(text: str) -> Reading | None:
    """A limit named at the head ("Batas maksimal kunjungan per hari", "Upper limit of daily
    visitors"): what is measured is the limit itself, a level held."""
    toks = tokens(text)
    first = 1 if toks and toks[0].word == "the" else 0
    head = next((m for m in find_all(text, "limit_head") if first < len(toks) and m.found[0] == toks[first]), None)
    if head is None or head.negated:
        return None
    said, span = quoted(text, *head.found)
    return Reading("maintain", "limit_named", said, span)


def blanked(text: str, bound: Bound) -> str:
    """``text`` with the bound's words blanked (the places of the other words hold)."""
    start, end = bound.span
    return text[:start] + " " * (end - start) + text[end:]
