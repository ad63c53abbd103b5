"""Words that diminish what they qualify or name a lack that persists: "kurang aktif", "yang masih"."""

from __future__ import annotations

from advisor.text.direction._common import _ALREADY, _ALREADY_AUX, _NO_LONGER
from advisor.text.lexicon import find_all
from advisor.text.negation import NEGATORS
from advisor.text.reading import Reading, from_match, quoted
from advisor.text.tokens import Token, tokens

_BEFORE_ID = frozenset({"kurang", "minim", "minimnya", "belum", "tidak"})  # "kurang aktif", "minim fasilitas"
_DIMINISH_REACH = 3  # words before an Indonesian diminisher in which what it qualifies stands
_INTENSIFIERS = frozenset({"kian", "semakin", "makin", "lebih", "paling", "sangat", "more", "most", "even"})
_EN_REACH = 2  # words after an English one ("low reading scores"; not "Limited liability companies registered")

_RATE_UNIT = frozenset({"per", "setiap", "tiap"})  # the base of a rate follows them


_DIMINISHING_ADVERBS = frozenset({"kurang", "poorly", "inadequately", "insufficiently", "badly"})


def _after_diminisher(text: str, token: Token) -> bool:
    toks = tokens(text)
    i = toks.index(token)
    return i > 0 and toks[i - 1].word in _DIMINISHING_ADVERBS and toks[i - 1].clause == token.clause


def _diminished(text: str) -> Reading | None:
    """A good thing diminished is a harm ("Desa dengan produktivitas rendah", "akses jalan
    terbatas", "posyandu yang kurang aktif", "Students with low reading scores", "Poorly
    maintained roads", "Low-performing schools"); a harm diminished a good ("low-cost housing",
    "biaya rendah"). A neutral thing diminished names no direction ("suku bunga rendah")."""
    toks = tokens(text)
    good = {t for m in find_all(text, "good_quantity", "merit") if not m.negated for t in m.found}
    harms = [m for m in find_all(text, "bad_quantity") if not m.negated]
    bad = {t for m in harms for t in m.found}
    done = [m.found[0] for m in find_all(text, "count_up") if not m.negated]
    for d in find_all(text, "diminisher"):
        if d.negated or any(set(d.found) <= set(m.found) for m in harms):
            continue  # "kurang gizi", "berat badan lahir rendah", "low birth weight": a harm's own word
        if any(t.start > d.found[-1].start and t.clause == d.found[0].clause for t in done):
            # "Number of low-income households connected to the piped network": whom a deed reached,
            # counted as it adds up (read below)
            continue
        i, j = toks.index(d.found[0]), toks.index(d.found[-1])
        clause = d.found[0].clause
        word = d.found[0].word
        if "-" in word and len(d.found) == 1 and word not in ("under-resourced", "under-funded", "under-staffed"):
            continue  # a compound is read below, by its parts
        if d.phrase.lang == "en" or word in _BEFORE_ID:
            target = [t for t in toks[j + 1 : j + 1 + _EN_REACH] if t.clause == clause]
        else:
            # after its noun ("produktivitas rendah"); in a compound before it ("rendah emisi")
            target = [t for t in toks[max(0, i - _DIMINISH_REACH) : i] if t.clause == clause][::-1]
            if not (i > 0 and toks[i - 1].word in _INTENSIFIERS):  # "kian rendah angka kematian": a change
                target += [t for t in toks[j + 1 : j + 2] if t.clause == clause]
        if word.endswith("ly") and target and target[0].word.endswith("ed"):
            return from_match(text, "decrease", "good_diminished", d)  # "poorly maintained", "inadequately staffed"
        if d.phrase.lang == "en" and word.startswith("under") and word not in ("under",):
            return from_match(text, "decrease", "good_diminished", d)  # "under-resourced health posts"
        kind = next(("good" if t in good else "bad" for t in target if t in good or t in bad), None)
        if kind == "good":
            return from_match(text, "decrease", "good_diminished", d)
        if kind == "bad":
            return from_match(text, "increase", "harm_diminished", d)
    for token in toks:  # "low-performing", "low-cost", "low-emission"
        first, _, rest = token.word.partition("-")
        if not rest or first not in ("low", "poor", "poorly", "weak", "limited"):
            continue
        if any(t.start > token.start and t.clause == token.clause for t in done):
            continue  # "low-income households connected": whom a deed reached
        if find_all(rest, "good_quantity", "merit"):
            return Reading("decrease", "good_diminished", *quoted(text, token))
        if find_all(rest, "bad_quantity"):
            return Reading("increase", "harm_diminished", *quoted(text, token))
    return None


_STILL = frozenset({"masih", "still"})  # "yang masih menggunakan kayu bakar": a lack that persists
_QUALIFIER_REACH = 5  # words of the head's noun phrase before its qualifier
_LATER_RELIEF = frozenset({"yang", "who", "that", "receiving", "getting", "menerima", "mendapat", "mendapatkan"})


def _lacking(text: str) -> Reading | None:
    """A count, whatever heads it, qualified by what its members still lack or do ("Temuan BPK
    yang belum ditindaklanjuti", "Children without birth certificates", "Households still cooking
    with firewood", "Youth not in employment"): it should fall; what is no longer lacking ("tidak
    lagi", "no longer") or a harm denied ("tanpa kasus gizi buruk") rises. Not when a later
    qualifier says the lack is relieved ("rumah tangga tidak mampu yang menerima bantuan")."""
    toks = tokens(text)
    if len(toks) < 3 or toks[0].word in NEGATORS or toks[0].word in _STILL:
        return None
    clause = toks[0].clause
    matches = find_all(text, "bad_quantity")
    good = {t for m in find_all(text, "good_quantity") for t in m.found}
    for i in range(1, min(len(toks) - 1, _QUALIFIER_REACH + 1)):
        token = toks[i]
        if token.clause != clause:
            return None
        if token.word in NEGATORS and any(token in m.found and not m.negated for m in matches):
            continue  # "penyakit tidak menular": the negator is part of a harm's name, read as the harm
        if token.word in _RATE_UNIT:
            return None  # "Insidensi HIV per 1.000 penduduk tidak terinfeksi": the base of a rate follows
        if (
            token.word in NEGATORS
            and i >= 2
            and i + 1 < len(toks)
            and toks[i - 1].word in ("dan", "atau", "and", "or")
            and toks[i - 2].word == toks[i + 1].word
        ):
            # "pulau berpenghuni dan tidak berpenghuni": both states counted, a breakdown
            return Reading("unknown", "neutral_measure", *quoted(text, toks[i - 2], toks[i + 1]))
        if token.word in _STILL or token.word in NEGATORS:
            after = [t for t in toks[i + 1 : i + 3] if t.clause == clause]
            later = [t.word for t in toks[i + 3 :] if t.clause == clause]
            if token.word in _STILL:
                after = [t for t in toks[i + 1 : i + 4] if t.clause == clause]
            if not after or _LATER_RELIEF.intersection(later):
                return None
            if token.word in _STILL and good.intersection(after):
                return None  # "jalan yang masih dalam kondisi baik", "hutan yang masih utuh": a good kept
            said, span = quoted(text, token, after[0])
            # a harm after the negator, not one that holds it ("rumah tidak layak huni", "tanpa izin")
            bad = {t for m in matches if token not in m.found for t in m.found}
            if token.word in _STILL:
                return Reading("decrease", "count_of_lack", said, span)
            if after[0].word in _NO_LONGER or after[0] in bad or (len(after) > 1 and after[1] in bad):
                return Reading("increase", "count_of_harm_denied", said, span)
            return Reading("decrease", "count_of_lack", said, span)
        if token.word in ("yang", "that", "who", "which"):
            continue
        if token.word in _ALREADY or token.word in _ALREADY_AUX:
            return None  # "yang sudah menggunakan": a thing done
    return None
