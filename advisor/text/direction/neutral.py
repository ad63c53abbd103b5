"""Statistics that say no way to go: a population, the weather, a price, a register, referrals."""

from __future__ import annotations

from advisor.text.lexicon import Match, find_all
from advisor.text.negation import NEGATORS
from advisor.text.reading import Reading, from_match, quoted
from advisor.text.tokens import Token, tokens

_DOERS = frozenset({"yang", "that", "who", "which"})
# -ing words that are no doer's participle ("during", "including"; "housing" is a thing)
_NOT_PARTICIPLES = frozenset({"during", "including", "regarding", "concerning", "according", "following", "housing"})
_DEED_REACH = 3  # words after "yang" in which the verb and its object stand
# what the counted have or lack: "households with rooftop solar", "without any social assistance"
_HAVING_OR_NOT = NEGATORS | {"with", "dengan"}
# a circumstance: "Luas wilayah saat hujan lebat" is the area it makes, no statistic
_WHEN = frozenset({"saat", "ketika", "sewaktu", "semasa", "during", "amid"})
_UNIT = frozenset({"per", "setiap", "tiap"})  # "per 1.000 penduduk": the unit of a rate, not what it counts
# prepositions of where a thing is counted or what a rate is levied on: a good thing after them is a
# place or a base ("Jumlah penduduk di wilayah layanan PDAM", "Tax rate on restaurant sales", "Bed
# occupancy rate of the district hospital")
_WHERE = frozenset({"di", "ke", "pada", "atas", "in", "at", "to", "on", "of"})


def _as_unit(toks: tuple[Token, ...], match: Match) -> bool:
    """Does ``match`` stand in the unit of a rate ("Lapangan olahraga per 10.000 penduduk")?"""
    i = toks.index(match.found[0])
    return any(t.word in _UNIT and t.clause == match.found[0].clause for t in toks[max(0, i - 2) : i])


# words before the whole a share is taken of: "terhadap jumlah penduduk", "of total land area"
_WHOLE = frozenset({"terhadap", "total", "seluruh", "keseluruhan"})


def _in_whole(toks: tuple[Token, ...], match: Match) -> bool:
    """Does ``match`` stand in the whole a share or ratio is taken of ("Forest area as a
    proportion of total land area", "terhadap jumlah penduduk"), not in what is counted?"""
    i = toks.index(match.found[0])
    return any(t.word in _WHOLE and t.clause == match.found[0].clause for t in toks[max(0, i - 2) : i])


def _after_where(toks: tuple[Token, ...], match: Match, neutral: list[Match]) -> bool:
    """Does a good ``match`` stand in a phrase of place or base after a neutral word?"""
    i = toks.index(match.found[0])
    first = min(toks.index(m.found[0]) for m in neutral)
    return i > first and any(t.word in _WHERE and t.clause == match.found[0].clause for t in toks[first:i])


def _deeds_neutral(text: str, toks: tuple[Token, ...], inside: set[Token], deeds: set[Token]) -> bool:
    """Do the doers the statement counts ("yang ...", an English -ing) do something neutral: a
    neutral word among the verb and its object ("yang mengikuti les privat", "attending private
    tutoring"), or a verb of record, of a required document or of a move after a neutral head
    ("kendaraan bermotor yang terdaftar", "dokumen Renja yang disusun")?"""
    for i, token in enumerate(toks):
        if token.word in _WHEN:
            return False  # "Luas wilayah saat hujan lebat": the area a circumstance makes, no statistic
        if token.word.startswith("un") and token.word.endswith("ed") and len(token.word) > 6:
            return False  # "Households still unserved by piped water": a lack
        if token.word in _HAVING_OR_NOT and not inside.intersection(toks[i + 1 : i + 1 + _DEED_REACH]):
            return False  # "households with rooftop solar", "without any social assistance": had or lacked
        participle = (
            i > 0
            and token.word.endswith("ing")
            and token.word not in _NOT_PARTICIPLES
            and not text[token.start : token.start + 1].isupper()  # "residents of Kuching": a name
        )
        if token.word not in _DOERS and not participle:
            continue
        start = i if participle else i + 1
        after = [t for t in toks[start : start + _DEED_REACH] if t.clause == token.clause]
        verb = next((t for t in after if t.word not in ("telah", "sudah", "have", "has", "been")), None)
        if inside.intersection(after):
            continue
        if verb is not None and verb in deeds and inside.intersection(toks[:i]):
            continue
        return False
    return True


def _neutral(text: str, good: list[Match], bad: list[Match]) -> Reading | None:
    """A statistic that says by itself no way to go ("Jumlah rumah tangga di Kecamatan ...",
    "Suhu udara rata-rata bulanan", "Harga eceran minyak goreng", "Jumlah kendaraan bermotor yang
    terdaftar", "Outpatient visits", "Jumlah dokumen RKPD yang ditetapkan"): nothing else in it
    names a harm, a good, a thing done or a place it should not be. ``good`` and ``bad`` are the
    statement's quantities; one that the neutral words hold ("kunjungan" in "kunjungan pasien") or,
    for a good one, that stands in a place after them, does not count."""
    toks = tokens(text)
    neutral = [
        m
        for m in find_all(text, "neutral_quantity")
        if not m.negated and not _as_unit(toks, m) and not _in_whole(toks, m)
    ]
    if not neutral:
        return None
    inside = {t for m in neutral for t in m.found}
    for match in bad:
        # "sakit" in "rumah sakit": a harm's word inside a good thing is the good thing's
        if not inside.issuperset(match.found) and not any(set(match.found) <= set(g.found) for g in good):
            return None
    for match in good:
        if not inside.issuperset(match.found) and not _after_where(toks, match, neutral):
            return None
    said = find_all(
        text, "count_up", "irregular", "encroached_place", "harm_level", "countermeasure", "use_head", "diminisher"
    )
    others = [m for m in said if not m.negated]
    # a good or a harm denied ("households without electricity") is a lack, read elsewhere
    others += [m for m in find_all(text, "good_quantity", "bad_quantity") if m.negated]
    deeds = {t for m in find_all(text, "neutral_deed") for t in m.found}
    if any(
        not inside.union(deeds).issuperset(m.found)
        # "at the coastal station": a means in a phrase of place is where the count is made
        and not (m.purpose == "countermeasure" and _after_where(toks, m, neutral))
        for m in others
    ):
        return None
    if not _deeds_neutral(text, toks, inside, deeds):
        return None
    return from_match(text, "unknown", "neutral_quantity", neutral[0])


_SHARES = frozenset({"proporsi", "porsi", "komposisi", "perbandingan", "proportion", "share", "composition", "mix"})
_AND = frozenset({"dan", "serta", "and"})


def _mixed_share(text: str, good: list[Match], bad: list[Match]) -> Reading | None:
    """A share of a good and a harm together ("Proporsi belanja modal dan belanja pegawai", "Share
    of capital and personnel spending"): a composition, which says no way to go."""
    toks = tokens(text)
    if not toks or toks[0].word not in _SHARES or not good or not bad:
        return None
    for g in good:
        for b in bad:
            if set(g.found) & set(b.found):
                continue
            i, j = sorted((toks.index(g.found[-1]), toks.index(b.found[-1])))
            between = toks[i + 1 : j]
            if any(t.word in _AND for t in between) and all(t.clause == toks[0].clause for t in between):
                return Reading("unknown", "neutral_measure", *quoted(text, toks[0]))
    return None
