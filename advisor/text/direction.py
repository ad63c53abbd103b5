"""Which way an indicator should move, read from what it counts.

In order: a direction word as written ("meningkatnya", "menurunnya", "tetap"); a count of a
reduction or of something prevented, which rises ("Pengurangan timbulan sampah", "Persentase
penurunan emisi", "kasus yang dicegah") unless the reduction word is followed by the level
itself ("Penurunan angka kemiskinan" falls); a cumulative count, which rises ("pemandu
terlatih"); a bad quantity, which should fall ("Persentase penduduk miskin", "waktu tanggap");
a good one, which should rise ("Tingkat kepuasan"). Only when the statement says nothing is
the direction taken from the goal or activity it measures, and the reading is then marked
inferred: rules never build an error on an inference.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from advisor.text.lexicon import Match, find_all
from advisor.text.negation import NEGATORS
from advisor.text.reading import Reading, from_match
from advisor.text.tokens import tokens

LEVEL_WINDOW = 4  # words after "penurunan" in which a level word ("angka", "rate") may stand


def _level_after(text: str, reduction: Match) -> bool:
    end = reduction.found[-1].end
    toks = tokens(text)
    after = [i for i, t in enumerate(toks) if t.start >= end][:LEVEL_WINDOW]
    if not after:
        return False
    window = (toks[after[0]].start, toks[after[-1]].end)
    return any(window[0] <= m.found[0].start < window[1] for m in find_all(text, "level"))


def _measure_before(text: str, reduction: Match) -> bool:
    """Is the reduction word the thing measured ("Persentase penurunan ...", "Jumlah kasus
    yang dicegah"), not the head of a falling level?"""
    start = reduction.found[0].start
    return any(m.found[0].start < start for m in find_all(text, "measurable"))


_DONE_TO = ("di", "ter")  # "sampah yang dipilah", "kasus yang tertangani"
_RECEIVES = frozenset({"menerima", "mendapat", "mendapatkan", "memperoleh", "keluar", "lulus", "kembali", "beralih"})
_ALREADY = frozenset({"berhasil", "telah", "sudah", "dapat", "bisa"})
NOUN_REACH = 3  # words of the bad thing's noun phrase before its "yang"


def _handled(text: str, bad: Match) -> bool:
    """Is the bad thing followed by what was done to it ("keluarga miskin yang menerima bantuan",
    "sampah yang berhasil dipilah", "kasus yang ditangani")? Then the statement counts it handled,
    which rises; not when the verb is bad itself ("sampah yang dibuang") or negated ("yang belum
    diselesaikan")."""
    toks = tokens(text)
    start = toks.index(bad.found[-1]) + 1
    clause = bad.found[-1].clause
    for k in range(start, min(start + NOUN_REACH, len(toks))):
        if toks[k].clause != clause:
            return False
        if toks[k].word != "yang":
            continue
        rest = [t for t in toks[k + 1 : k + 3] if t.clause == clause]
        if rest and rest[0].word in _ALREADY:
            rest = rest[1:]
        if not rest or rest[0].word in NEGATORS:
            return False
        bad_words = {t for m in find_all(text, "bad_quantity") for t in m.found}
        return rest[0] not in bad_words and (rest[0].word.startswith(_DONE_TO) or rest[0].word in _RECEIVES)
    return False


_NO_LONGER = frozenset({"lagi", "longer"})  # "tidak lagi", "no longer": the lack has ended
_ACTIVE = ("me", "ber")


def _change_denied(text: str, match: Match) -> bool:
    """Is a change denied right before it ("tidak berkurang", "tidak meningkat")?"""
    toks = tokens(text)
    i = toks.index(match.found[0])
    return i > 0 and toks[i - 1].word in NEGATORS and toks[i - 1].clause == match.found[0].clause


def _counted(text: str) -> Reading | None:
    """What a count at the head ("Jumlah", "Persentase", "Number of") counts, by the form of its
    qualifier: a lack ("yang belum memiliki", "without") should fall; a thing done or had ("yang
    memiliki", "yang menerapkan") should rise."""
    toks = tokens(text)
    head = next((m for m in find_all(text, "measurable") if m.found[0] is toks[0]), None)
    if head is None:
        return None
    clause = toks[0].clause
    rest = [t for t in toks[len(head.found) :] if t.clause == clause]
    bad = {t for m in find_all(text, "bad_quantity") for t in m.found}
    for i, token in enumerate(rest):
        if token.word not in NEGATORS:
            continue
        after = rest[i + 1 : i + 3]
        said = Match(head.phrase, (token,), False)
        if after and (after[0].word in _NO_LONGER or after[0] in bad or (len(after) > 1 and after[1] in bad)):
            # "yang tidak lagi ...", "yang tidak stunting": a lack or a harm that has ended rises
            return from_match(text, "increase", "count_of_harm_denied", head, said)
        return from_match(text, "decrease", "count_of_lack", head, said)
    for i, token in enumerate(rest[:-1]):
        verb = rest[i + 1]
        if token.word in ("yang", "that", "who") and (
            verb.word.startswith(_ACTIVE) or verb.word in ("have", "has", "use")
        ):
            return from_match(text, "increase", "count_of_doers", head, Match(head.phrase, (token, verb), False))
    return None


@lru_cache(maxsize=8192)  # a pure function of the text; plans repeat their texts
def statement_direction(text: str) -> Reading:
    """The direction ``text`` itself names, or ``unknown``."""
    for match in find_all(text, "reduction_count", "increase", "decrease", "maintain"):
        if match.negated:
            if match.purpose in ("decrease", "reduction_count", "increase") and _change_denied(text, match):
                # "tidak berkurang", "not to decline": the level is held
                return from_match(text, "maintain", "change_denied", match)
            continue
        if match.purpose == "reduction_count":
            if _level_after(text, match) and not _measure_before(text, match):
                return from_match(text, "decrease", "reduction_of_level", match)
            return from_match(text, "increase", "reduction_counted", match)
        return from_match(text, match.purpose, "direction_word", match)
    # A bad noun inside a good thing ("bank sampah", "pengolahan sampah", "waste bank") is not a
    # bad quantity: the good thing's words are set aside first.
    # Where a good and a bad phrase overlap, the longer names the thing: "harga pokok produksi"
    # is a cost, though "produksi" alone is good.
    bad = [m for m in find_all(text, "bad_quantity") if not m.negated]
    good = [
        m
        for m in find_all(text, "good_quantity")
        if not m.negated and not any(len(b.found) > len(m.found) and set(m.found) <= set(b.found) for b in bad)
    ]
    inside_good = {t for m in good for t in m.found}
    for purpose, label, reason in (
        ("count_up", "increase", "cumulative_count"),
        ("neutral_measure", "unknown", "neutral_measure"),
        ("bad_quantity", "decrease", "bad_quantity"),
    ):
        found = next(
            (
                m
                for m in find_all(text, purpose)
                if not m.negated and not (purpose == "bad_quantity" and inside_good.intersection(m.found))
            ),
            None,
        )
        if found is not None:
            if purpose == "bad_quantity" and _handled(text, found):
                return from_match(text, "increase", "bad_handled", found)
            return from_match(text, label, reason, found)
    counted = _counted(text)
    if counted is not None:
        return counted
    if good:
        return from_match(text, "increase", "good_quantity", good[0])
    # a good thing denied ("rumah tangga tanpa akses listrik") is a bad quantity
    denied = next((m for m in find_all(text, "good_quantity") if m.negated), None)
    if denied is not None:
        return from_match(text, "decrease", "good_denied", denied)
    return Reading("unknown", "no_direction")


_WEAK = ("good_quantity", "count_of_doers")  # readings a goal that names a direction overrides


def _says_nothing(reading: Reading) -> bool:
    """Is there nothing in the statement to read a direction from (not even a neutral measure)?"""
    return reading.label == "unknown" and reading.reason == "no_direction"


def direction(statement: str, context: Iterable[str] = ()) -> Reading:
    """The statement's direction; else the first of ``context`` (goal, activity) that names
    one, marked inferred."""
    own = statement_direction(statement)
    if not _says_nothing(own) and own.reason not in _WEAK:
        return own
    # A good quantity ("kunjungan", "income") usually should rise, but a goal that says
    # otherwise ("Membatasi kunjungan sesuai daya dukung") is the better evidence.
    for text in context:
        other = statement_direction(text)
        if other.label != "unknown":
            if own.reason in _WEAK and other.reason in _WEAK:
                break
            return Reading(other.label, other.reason, other.words, None, inferred=True, detail=text)
    return own
