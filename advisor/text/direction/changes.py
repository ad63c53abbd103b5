"""The change words: by their roots and forms, as phrasal verbs, "dari X menjadi Y" and bands."""

from __future__ import annotations

import re
from functools import lru_cache

from advisor.text.direction._common import _ALREADY
from advisor.text.lexicon import Match, find_all
from advisor.text.numbers import read_number
from advisor.text.reading import Reading, from_match, quoted
from advisor.text.stem import stem_id
from advisor.text.tokens import Token, tokens

_PARTICLES = {"down": ("down_verb", "decrease"), "up": ("up_verb", "increase")}


def _phrasal(text: str) -> Reading | None:
    """An English phrasal verb of change in any form ("phasing down coal", "winding down levies",
    "building up food reserves", "topped up"): its particle says which way."""
    toks = tokens(text)
    for i, token in enumerate(toks[1:], start=1):
        particle = _PARTICLES.get(token.word)
        if particle is None or toks[i - 1].clause != token.clause:
            continue
        purpose, label = particle
        verb = next((m for m in find_all(text, purpose) if m.found[-1] == toks[i - 1]), None)
        if verb is not None and not verb.negated:
            return from_match(text, label, "direction_word", verb, Match(verb.phrase, (token,), False))
    return None


_ROOTS = ("rise_root", "rise_derived", "fall_root", "fall_derived")
# the affix classes in which each kind of root names a change (see the lexicon's comments)
_FORMS = {
    "rise_root": frozenset({"bare", "verb", "ber", "ter", "pe_an", "ke_an"}),
    "rise_derived": frozenset({"verb", "pe_an"}),
    "fall_root": frozenset({"bare", "verb", "ber", "ter", "pe_an"}),
    "fall_derived": frozenset({"verb", "ber", "pe_an"}),
}


@lru_cache(maxsize=8192)
def _form(word: str) -> str:
    """The affix class of an Indonesian word over its root: ``bare`` ("naik", "naiknya"),
    ``verb`` (me-, di-, memper-, diper-), ``ber``, ``ter``, ``pe_an`` ("penurunan",
    "perluasan"), ``ke_an`` ("kenaikan"), ``an`` ("tambahan") or ``other``."""
    root = stem_id(word)
    base = word[:-3] if word.endswith("nya") and not root.endswith("nya") else word
    if base == root:
        return "bare"
    if base.startswith("ke") and base.endswith("an"):
        return "ke_an"
    if base.startswith("pe") and base.endswith("an"):
        return "pe_an"
    if base.startswith("ter"):
        return "ter"
    if base.startswith("ber"):
        return "ber"
    if base.startswith(("me", "di")):
        return "verb"
    return "an" if base.startswith(root) and base.endswith("an") else "other"


def _by_root(text: str, match: Match) -> str | None:
    """The change a root match names in its form: ``increase``, ``decrease``,
    ``reduction_count`` (a nominalisation, or a passive after "yang", of a fall: "penurunan
    emisi", "sampah yang berhasil ditekan") or None (a form that names no change: "tingkat",
    "kekurangan", "tumbuhan")."""
    rise = match.purpose.startswith("rise")
    if match.phrase.lang == "en":
        return "increase" if rise else "decrease"
    word = match.found[0].word
    form = _form(word)
    if form not in _FORMS[match.purpose]:
        return None
    if rise:
        return "increase"
    if form == "pe_an" or (word.startswith("di") and _after_yang(text, match.found[0])):
        return "reduction_count"
    return "decrease"


def _after_yang(text: str, token: Token) -> bool:
    toks = tokens(text)
    i = toks.index(token)
    before = [t for t in toks[max(0, i - 3) : i] if t.clause == token.clause and t.word not in _ALREADY]
    return bool(before) and before[-1].word == "yang"


_FROM_TO = {"dari": frozenset({"menjadi", "ke", "hingga", "sampai"}), "from": frozenset({"to"})}
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_TO_REACH = 4  # words between "dari 12" and "menjadi" (a unit: "dari 90 menit menjadi 45 menit")
# a currency before the digits ("IDR 150,000", "US$2.10") or written onto them ("Rp1.500")
_CURRENCIES = frozenset({"rp", "idr", "usd", "us", "eur", "aud", "jpy", "krw", "sgd"})
_GLUED = re.compile(r"^rp(?=\d)")


def _amount(toks: tuple[Token, ...], k: int) -> tuple[int, str] | None:
    """The number at word ``k`` (its last word and its digits), a currency before it or on it
    set aside; None when no number stands there or it is a year."""
    if k < len(toks) and toks[k].word in _CURRENCIES and k + 1 < len(toks) and toks[k + 1].clause == toks[k].clause:
        k += 1
    if k >= len(toks):
        return None
    digits = _GLUED.sub("", toks[k].word)
    if not digits[:1].isdigit() or _YEAR.match(digits):
        return None
    return k, digits


# a bound before the second value ("to under 3 hours", "menjadi kurang dari 4 jam", "to over 80%"):
# the value is still the change's end
_BOUNDS = frozenset(
    {"under", "below", "over", "above", "less", "fewer", "more", "than", "at", "most", "least", "around", "about",
     "nearly", "almost", "kurang", "lebih", "dari", "di", "bawah", "atas", "maksimal", "minimal", "paling", "sekitar",
     "hampir", "setidaknya", "sedikitnya"}
)  # fmt: skip
_BOUND_REACH = 3  # words of a bound ("paling sedikit", "less than", "di bawah")


def _past_bound(toks: tuple[Token, ...], k: int) -> int:
    """Where the value after a bound starting at word ``k`` stands (``k`` when there is none)."""
    n = k
    while n < min(len(toks), k + _BOUND_REACH) and toks[n].word in _BOUNDS and toks[n].clause == toks[k].clause:
        n += 1
    return n


def _from_to(text: str) -> Reading | None:
    """A change written as its two values: "dari 24% menjadi 14%", "from 55% to 80%", "dari
    Rp1.500 menjadi Rp750", "from IDR 150,000 to IDR 90,000"."""
    toks = tokens(text)
    for i, token in enumerate(toks[:-2]):
        ends = _FROM_TO.get(token.word)
        start = _amount(toks, i + 1) if ends is not None else None
        if ends is None or start is None:
            continue
        first, start_digits = start
        for k in range(first + 1, min(first + 1 + _TO_REACH, len(toks) - 1)):
            if toks[k].clause != token.clause or toks[k + 1].clause != token.clause:
                break
            end = _amount(toks, _past_bound(toks, k + 1)) if toks[k].word in ends else None
            if end is None:
                continue
            unit = toks[first + 1].word if k > first + 1 else None
            if unit is not None and (end[0] + 1 >= len(toks) or toks[end[0] + 1].word != unit):
                break  # "dari 3 gudang ke 12 pasar": two places, not two values of one measure
            lang = "id" if token.word == "dari" else "en"
            before, after = read_number(start_digits, lang), read_number(end[1], lang)
            if before is None or after is None:
                break
            label = (
                "maintain"
                if after.value == before.value
                else ("increase" if after.value > before.value else "decrease")
            )
            said, span = quoted(text, token, toks[end[0]])
            return Reading(label, "from_to", said, span)
    return None


# a target written as a band: "pada 60–70 persen", "antara 60 dan 70 persen", "within 60-70%"
_BAND = re.compile(
    r"(?i)\b(?:pada|di|dalam|antara|sekitar|at|within|between|around)\s+(?:kisaran\s+|rentang\s+)?"
    r"(\d+(?:[.,]\d+)?)\s*(?:%|persen|percent)?\s*(?:[-–—]|s\.?d\.?|sampai|hingga|dan|and|to)\s*"
    r"(\d+(?:[.,]\d+)?)\s*(?:%|persen|percent)"
)


def _band(text: str) -> Reading | None:
    """A level to be kept within a band ("membatasi tingkat hunian pada 60–70 persen"): whatever
    the verb, the level is held."""
    found = _BAND.search(text)
    if found is None:
        return None
    return Reading("maintain", "target_band", found.group(0), (found.start(), found.end()))


def _later_change(text: str, match: Match, changes: list[tuple[Match, str]]) -> bool:
    """Does a change word follow ``match`` in its clause ("Mempercepat penurunan ...")?"""
    clause = match.found[0].clause
    return any(m.found[0].start > match.found[-1].start and m.found[0].clause == clause for m, _ in changes)


def _changes(text: str) -> list[tuple[Match, str]]:
    """The change words of ``text`` in order with what each names; a word found both as written
    and by its root counts once, as written."""
    out: list[tuple[Match, str]] = []
    seen: set[int] = set()
    for match in find_all(text, "reduction_count", "increase", "decrease", "maintain", *_ROOTS):
        start = match.found[0].start
        purpose = match.purpose
        if purpose in _ROOTS:
            named = _by_root(text, match)
            if start in seen or named is None:
                continue
            purpose = named
        elif purpose in ("increase", "decrease") and _threshold(text, match):
            continue  # "seen in less than 30 minutes": a threshold of what is counted, not a change
        elif purpose == "maintain" and _continuing(text, match):
            continue  # "Luas lahan yang tetap terairi": what is counted goes on being watered
        elif (
            purpose == "maintain"
            and match.phrase.lang == "en"
            and match.found[0].word.endswith("ing")
            and match.found[0] != tokens(text)[0]
        ):
            continue  # "Maintaining X" heads a statement; "farmers keeping records" is a participle
        elif purpose == "reduction_count" and _imperative(text, match):
            purpose = "decrease"  # "Cut energy costs": a verb at the head, not a count of cuts
        elif purpose == "decrease" and match.found[0].word.startswith("di") and _after_yang(text, match.found[0]):
            purpose = "reduction_count"  # "kasus hipertensi yang dikendalikan": a count of them
        seen.add(start)
        out.append((match, purpose))
    return out


_CONTINUING = frozenset({"tetap", "terus", "still"})
_VERB_PREFIXES = ("ter", "di", "ber", "me")


def _continuing(text: str, match: Match) -> bool:
    """Is "tetap" an adverb of a verb in a relative clause ("Jumlah sekolah yang tetap
    beroperasi saat banjir"): the count of what goes on doing it, not a level held ("Stok beras
    tetap tersedia", "Status akreditasi tetap terjaga")?"""
    if len(match.found) != 1 or match.found[0].word not in _CONTINUING:
        return False
    toks = tokens(text)
    i = toks.index(match.found[0])
    clause = match.found[0].clause
    after = toks[i + 1] if i + 1 < len(toks) and toks[i + 1].clause == clause else None
    before = [t.word for t in toks[max(0, i - 2) : i] if t.clause == clause]
    verb = after is not None and len(after.word) > 4 and after.word.startswith(_VERB_PREFIXES)
    return verb and "yang" in before


def _imperative(text: str, match: Match) -> bool:
    """Is an English reduction word the bare verb at the head ("Cut energy costs"), not a
    participle or a noun ("Reduced emissions", "Savings")?"""
    word = match.found[0].word
    return match.phrase.lang == "en" and match.found[0] == tokens(text)[0] and not word.endswith(("ed", "ion", "s"))


_COMPARATIVES = frozenset({"more", "less", "fewer", "greater", "higher", "lower", "lebih"})


def _threshold(text: str, match: Match) -> bool:
    """Is a comparative a threshold ("less than 30 minutes", "lebih dari 80 persen")?"""
    if match.found[0].word not in _COMPARATIVES or len(match.found) > 2:
        return False  # "lebih murah dari Rp10.000" too
    toks = tokens(text)
    i = toks.index(match.found[-1])
    after = [t.word for t in toks[i + 1 : i + 3] if t.clause == match.found[0].clause]
    return len(after) == 2 and after[0] in ("than", "dari", "daripada") and after[1][:1].isdigit()


# nouns of a change that name no way ("Perubahan pola konsumsi", "Dinamika harga", "Change in
# household income", "Dynamics of land use"); a way named is read before ("Peningkatan ...")
_UNDIRECTED = frozenset({"perubahan", "dinamika", "change", "changes", "dynamics"})
_INTO = frozenset({"menjadi", "ke", "into", "to", "towards", "dari", "from"})


def _undirected_change(text: str) -> Reading | None:
    """A change noun heading the statement with no way named ("Perubahan pola tanam petani",
    "Change in household income"): what changes does not say which way it should (a goal may);
    not a change into something named ("Perubahan status desa menjadi desa mandiri") nor a
    change word inside a name ("climate change adaptation plans")."""
    toks = tokens(text)
    k = 1 if toks and toks[0].word == "the" else 0
    if k >= len(toks) or toks[k].word not in _UNDIRECTED:
        return None
    rest = [t for t in toks[k + 1 :] if t.clause == toks[k].clause]
    if toks[k].word in ("change", "changes", "dynamics") and (not rest or rest[0].word not in ("in", "of")):
        return None
    if any(t.word in _INTO for t in rest):
        return None
    said, span = quoted(text, toks[k])
    return Reading("unknown", "change_undirected", said, span)
