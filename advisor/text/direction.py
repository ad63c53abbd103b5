"""Which way an indicator should move, read from what it counts.

In order: a direction word, as written or by the root of a change verb in the forms that name a
change ("meningkatnya", "dinaikkan", "diperluas", "menyusutnya", "tetap"; not "tingkat",
"kekurangan", "tumbuhan"), where a comparative before "than"/"dari" and a number is only a
threshold and "Mempercepat penurunan ..." takes the change accelerated; a count of a reduction
or of something prevented, which rises ("Pengurangan timbulan sampah", "Persentase penurunan
emisi", "sampah yang berhasil ditekan") unless the reduction word is followed by the level
itself ("Penurunan angka kemiskinan" falls); a change written as its two values ("dari 24%
menjadi 14%"); a cumulative count, which rises ("pemandu terlatih"); a word that denies what
should rise ("unpaved", "ketidakpatuhan"); the time a service takes, which falls ("lama
pengurusan izin"); a bad quantity, which should fall ("Persentase penduduk miskin", "waktu
tanggap") unless it is handled ("yang tertangani") or is the object of a countermeasure
("peringatan dini banjir", "flood warnings"); what a count at the head counts ("yang belum
memiliki" falls, "yang berhasil graduasi" rises); a good quantity or a countermeasure, which
should rise ("Tingkat kepuasan", "Jumlah posko siaga"). Only when the statement says nothing
(or names only a good quantity that the goal also names) is the direction taken from the goal
or activity it measures, and the reading is then marked inferred: rules never build an error
on an inference.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from advisor.text.lexicon import Match, Phrase, find_all, keys
from advisor.text.morph import nominal_root
from advisor.text.negation import NEGATORS
from advisor.text.numbers import read_number
from advisor.text.reading import Reading, from_match, quoted
from advisor.text.stem import stem_id
from advisor.text.tokens import Token, tokens
from advisor.text.voice import passive_verb_id

LEVEL_WINDOW = 4  # words after "penurunan" in which a level word ("angka", "rate") may stand
# words that link a reduction to what it reduces and do not count in the window
_LINKS = frozenset({"in", "of", "the", "a", "an", "dari", "pada", "atas", "terhadap"})


def _level_after(text: str, reduction: Match) -> bool:
    end = reduction.found[-1].end
    toks = tokens(text)
    after = [i for i, t in enumerate(toks) if t.start >= end and t.word not in _LINKS][:LEVEL_WINDOW]
    if not after:
        return False
    window = (toks[after[0]].start, toks[after[-1]].end)
    # the time a process takes is a level too ("Penyingkatan waktu layanan", "Reduction in waiting time")
    return any(window[0] <= m.found[0].start < window[1] for m in find_all(text, "level", "duration_word"))


# words of occurrence before a change noun: "Terjadi penurunan kasus DBD" says the cases fall
_OCCUR_HEADS = frozenset({"terjadi", "terjadinya", "adanya", "ada", "terdapat", "there"})


def _occurs(text: str, reduction: Match) -> bool:
    """Is a reduction noun the change said to happen ("Terjadi penurunan kasus DBD", "Adanya
    pengurangan sampah ke TPA"), not a count of what was reduced?"""
    toks = tokens(text)
    i = toks.index(reduction.found[0])
    return 0 < i <= 2 and toks[i - 1].word in _OCCUR_HEADS and toks[i - 1].clause == reduction.found[0].clause


_TO_TARGET = frozenset({"to", "menjadi", "hingga", "sampai"})


def _level_reduced(text: str, reduction: Match) -> bool:
    """Is a reduction participle said of a level before it ("Poverty rate reduced", "Angka
    kemiskinan dikurangi"), or does it name the new level ("Stunting prevalence cut to 14%")?
    Then the level falls; "Waste reduced at source" counts what was reduced."""
    toks = tokens(text)
    i, j = toks.index(reduction.found[0]), toks.index(reduction.found[-1])
    clause = reduction.found[0].clause
    after = [t.word for t in toks[j + 1 : j + 3] if t.clause == clause]
    if len(after) == 2 and after[0] in _TO_TARGET and after[1][:1].isdigit():
        return True
    # the level right before the participle ("rate reduced"), not a measure of what was reduced
    # ("Share of waste diverted", "Persentase penurunan")
    participle = reduction.found[0].word.endswith("ed") or reduction.found[0].word in ("cut", "cuts")
    if participle and i == 0 and j + 1 < len(toks):
        # "Reduced number of road crashes": a participle heading the measure it qualifies
        return any(m.found[0] is toks[j + 1] for m in find_all(text, "measurable", "level")) or any(
            0 < toks.index(m.found[0]) - j <= 2 and m.found[0].clause == clause for m in find_all(text, "use_head")
        )
    return (
        participle
        and i > 0
        and toks[i - 1].clause == clause
        and any(m.found[-1] is toks[i - 1] for m in find_all(text, "level"))
    )


# words that open the means, agent or purpose of a change, not its object
_MEANS = frozenset({"melalui", "dengan", "oleh", "lewat", "untuk", "through", "by", "via", "with", "for"})


def _object_kind(text: str, change: Match) -> str:
    """What the first quantity after a change word names, within a few words of it: ``good``,
    ``bad`` or ``""`` ("Penurunan kualitas air": good; "Pengurangan timbulan sampah": bad)."""
    end = change.found[-1].end
    clause = change.found[-1].clause
    toks = tokens(text)
    quantities = find_all(text, "bad_quantity", "good_quantity")
    if any(m.found[0].start < change.found[0].start and m.found[0].clause == clause for m in quantities):
        return ""  # "Jumlah sampah yang berhasil dikurangi": what was reduced stands before
    after: list[Token] = []
    for t in toks[toks.index(change.found[-1]) + 1 :]:
        if t.clause != clause or t.word in _MEANS or len(after) == LEVEL_WINDOW:
            break  # "dikurangi melalui bank sampah": the means, not what was reduced
        if t.word not in _LINKS:
            after.append(t)
    if not after:
        return ""
    stop = after[-1].end
    found = [m for m in quantities if end <= m.found[0].start < stop and not m.negated]
    if not found:
        return ""
    first = min(m.found[0].start for m in found)
    # at one place the longer phrase names the thing ("harga pokok produksi" is a cost)
    here = max((m for m in found if m.found[0].start == first), key=lambda m: len(m.found))
    return "bad" if here.purpose == "bad_quantity" else "good"


def _measure_before(text: str, reduction: Match) -> bool:
    """Is the reduction word the thing measured ("Persentase penurunan ...", "Jumlah kasus
    yang dicegah"), not the head of a falling level?"""
    start = reduction.found[0].start
    return any(m.found[0].start < start for m in find_all(text, "measurable"))


_DONE_TO = ("di", "ter")  # "sampah yang dipilah", "kasus yang tertangani"
_RECEIVES = frozenset(
    {"menerima", "mendapat", "mendapatkan", "memperoleh", "keluar", "lulus", "kembali", "beralih"}
    # recovery ends the harm: "penderita TB yang sembuh", "perokok yang berhenti merokok"
    | {"sembuh", "pulih", "selamat", "bebas", "berhenti", "tuntas", "recovered", "cured"}
    # a case closed: "aduan yang selesai tepat waktu", "sengketa yang rampung"
    | {"selesai", "rampung", "beres"}
)
_ALREADY = frozenset({"berhasil", "telah", "sudah", "dapat", "bisa"})
_PLURALS = frozenset({"children", "people", "women", "men", "youth", "elderly", "staff", "personnel", "police"})
# English verbs of what a person in need receives: "poor households receiving cash transfers"
_RECEIVES_EN = frozenset({"receiving", "getting", "accessing", "obtaining", "benefiting", "receive", "get", "access"})
# disposal is no handling: "sampah yang ditimbun di TPA", "limbah yang dibakar" should fall
_DISPOSED = frozenset({"dibuang", "ditimbun", "dibakar", "ditumpuk", "terbuang", "tertimbun", "menumpuk"})
# a resource consumed is not handled: "Diesel used by the village generators", "BBM yang digunakan"
_CONSUMED = frozenset({"used", "consumed", "burned", "burnt", "digunakan", "dikonsumsi", "dipakai", "terpakai"})
# a harm recorded or occurring is no harm handled: "kasus kekerasan yang dilaporkan", "kasus DBD
# yang terjadi" count the harm
_RECORDED = frozenset({"dilaporkan", "tercatat", "dicatat", "terlapor", "terjadi", "terdapat", "terkena", "terlambat"})
NOUN_REACH = 3  # words of the bad thing's noun phrase before its "yang"
_AND = frozenset({"dan", "atau", "serta", "and", "or"})  # coordination does not lengthen the reach


DISPOSAL_REACH = 3  # words after a verb in which "ke TPA", "to landfill" stands


def _to_disposal(text: str, verb: Token) -> bool:
    """Is what ``verb`` did carried to where waste ends ("diangkut ke TPA", "hauled to landfill")?"""
    toks = tokens(text)
    i = toks.index(verb)
    reach = {t for t in toks[i + 1 : i + 1 + DISPOSAL_REACH] if t.clause == verb.clause}
    # carried there ("ke TPA", "to landfill"), not handled there ("diolah di TPA")
    sites = find_all(text, "disposal_site")
    return any(m.found[0] in reach and toks[toks.index(m.found[0]) - 1].word in _TOWARDS for m in sites)


_TOWARDS = frozenset({"ke", "menuju", "to", "into", "the"})


def _handled(text: str, bad: Match) -> bool:
    """Is the bad thing followed by what was done to it ("keluarga miskin yang menerima bantuan",
    "sampah yang berhasil dipilah", "kasus yang ditangani")? Then the statement counts it handled,
    which rises; not when the verb is bad itself ("sampah yang dibuang") or negated ("yang belum
    diselesaikan")."""
    toks = tokens(text)
    start = toks.index(bad.found[-1]) + 1
    clause = bad.found[-1].clause
    done = {t for m in find_all(text, "count_up") if not _in_place(text, m.found[0]) for t in m.found}
    reach = 0
    for k in range(start, len(toks)):
        if toks[k].word not in _AND and toks[k].word not in _LINKS:
            reach += 1  # "kekerasan terhadap perempuan dan anak yang ...": one noun phrase
        if reach > NOUN_REACH or toks[k].clause != clause:
            return False
        if toks[k].word in _CONSUMED:
            return False
        if bad.phrase.lang == "en" and (toks[k].word in _RECEIVES_EN or toks[k] in done):
            # "survivors of violence receiving legal assistance", "dengue cases treated": people or
            # cases that receive, not a state ("Difficulty accessing credit")
            plural = any((t.word.endswith("s") and not t.word.endswith("ss")) or t.word in _PLURALS for t in toks[:k])
            return plural and not (k > 0 and toks[k - 1].word in NEGATORS)
        if toks[k].word != "yang":
            continue
        rest = [t for t in toks[k + 1 : k + 3] if t.clause == clause]
        if rest and rest[0].word in _ALREADY:
            rest = rest[1:]
        if not rest or rest[0].word in NEGATORS:
            return False
        bad_words = {t for m in find_all(text, "bad_quantity") for t in m.found}
        if (
            rest[0] in bad_words
            or rest[0].word in _DISPOSED
            or rest[0].word in _RECORDED
            or rest[0].word in _CONSUMED
            or _to_disposal(text, rest[0])
        ):
            return False
        return rest[0].word.startswith(_DONE_TO) or rest[0].word in _RECEIVES
    return False


_ACHIEVED = frozenset({"berhasil", "sukses", "lulus", "completed", "graduated", "passed", "finished", "successfully"})
_NO_LONGER = frozenset({"lagi", "longer"})  # "tidak lagi", "no longer": the lack has ended
_ACTIVE = ("me", "ber")
_ALREADY_AUX = frozenset({"telah", "sudah", "have", "has", "already", "had"})


@lru_cache(maxsize=4096)
def _done_or_good(word: str) -> bool:
    return bool(find_all(word, "count_up", "good_quantity"))


_NOT = ("non-", "non", "under-", "under", "un", "dis", "in")  # English prefixes that deny the rest of the word
_NOT_ID = ("ketidak", "ketak")  # "ketidakpatuhan", "ketaksesuaian": the lack of a quality
MIN_REST = 5  # letters after the prefix: "income" is no "in-come"
_EN_SUFFIXES = ("ed", "ity", "ion", "ance", "ence", "able", "ible", "ing", "ment", "ness", "ies", "ers")


def _undone(text: str) -> Reading | None:
    """A word that denies what should rise: an English un-/non-/dis-/in- form of a good or done
    thing ("unpaved roads", "unvaccinated children", "non-compliance", "dissatisfaction",
    "inaccessibility"), an Indonesian ketidak- noun ("ketidakpatuhan", "ketidakcukupan
    pangan"): what should fall."""
    for token in tokens(text):
        word = token.word
        denied = word.startswith(_NOT_ID) and len(word) > len("ketidak") + 3
        if not denied and word.endswith(_EN_SUFFIXES):  # not "industri", "informasi", "untuk"
            prefix = next((p for p in _NOT if word.startswith(p)), None)
            denied = prefix is not None and len(word) - len(prefix) >= MIN_REST and _done_or_good(word[len(prefix) :])
        if denied:
            said, span = quoted(text, token)
            return Reading("decrease", "good_denied", said, span)
    return None


def _harm_ended(text: str) -> Reading | None:
    """A harm said to be over ("Children no longer stunted", "Desa yang tidak lagi kumuh"): the
    count of its end rises."""
    toks = tokens(text)
    for harm in find_all(text, "bad_quantity"):
        i = toks.index(harm.found[0])
        before = [t for t in toks[max(0, i - 2) : i] if t.clause == harm.found[0].clause]
        if len(before) == 2 and before[0].word in NEGATORS and before[1].word in _NO_LONGER:
            return from_match(text, "increase", "harm_ended", harm)
    return None


_FREE_BEFORE = frozenset({"bebas"})  # "desa bebas buang air besar sembarangan", "kelurahan bebas kumuh"
_FREE_AFTER = frozenset({"free"})  # "open defecation free villages"
_FREE_OF = frozenset({"of", "from"})  # "markets free of hazardous additives"


def _freed(text: str, harm: Match) -> bool:
    """Is a harm what a place or group is free of ("bebas kumuh", "open defecation free",
    "free of malaria")? The count of such places rises."""
    toks = tokens(text)
    i, j = toks.index(harm.found[0]), toks.index(harm.found[-1])
    clause = harm.found[0].clause
    before = [t.word for t in toks[max(0, i - 3) : i] if t.clause == clause]
    if before and before[-1] in _FREE_BEFORE:
        return True
    if len(before) >= 2 and before[-2] == "free" and before[-1] in _FREE_OF:
        return True
    if len(before) >= 3 and before[-3] == "free" and before[-2] in _FREE_OF:
        return True  # "free of hazardous additives": one adjective between
    return j + 1 < len(toks) and toks[j + 1].clause == clause and toks[j + 1].word in _FREE_AFTER


@lru_cache(maxsize=4096)
def _harm_word(word: str) -> bool:
    return bool(find_all(word, "bad_quantity"))


def _free_compound(text: str) -> Reading | None:
    """An English compound of a harm and "-free" ("malaria-free districts", "slum-free"), or
    "free of"/"free from" anything ("markets free of hazardous additives"): what is free of it,
    whose count rises."""
    toks = tokens(text)
    for i, token in enumerate(toks):
        word = token.word
        compound = word.endswith("-free") and _harm_word(word[: -len("-free")])
        free_of = word == "free" and i + 1 < len(toks) and toks[i + 1].word in _FREE_OF and i > 0
        if compound or free_of:
            said, span = quoted(text, token)
            return Reading("increase", "harm_free", said, span)
    return None


# words of existence between a negator and the change it denies: "tidak ada kenaikan tarif",
# "tidak terjadi penambahan kasus", "no further increase", "not any rise"
_OCCURS = frozenset({"ada", "terjadi", "adanya", "lagi", "any", "further", "more", "additional"})


# modals and infinitives between a negator and the change it denies
_MODALS = frozenset({"to", "allowed", "permitted", "be", "will", "may", "boleh", "akan", "dapat", "diperbolehkan"})


def _change_denied(text: str, match: Match) -> bool:
    """Is a change denied right before it ("tidak berkurang", "tidak meningkat", "tidak ada
    kenaikan")?"""
    toks = tokens(text)
    i = toks.index(match.found[0])
    clause = match.found[0].clause
    while i > 1 and toks[i - 1].word in _OCCURS | _MODALS and toks[i - 1].clause == clause:
        i -= 1  # "tidak ada lagi kenaikan", "not allowed to fall", "tidak boleh turun"
    return i > 0 and toks[i - 1].word in NEGATORS and toks[i - 1].clause == clause


def _none_of(text: str) -> Reading | None:
    """A statement that a harm does not occur ("Tidak ada kasus gizi buruk baru", "No new
    measles cases", "Tidak terjadi banjir di permukiman"): a target of zero, which falls."""
    toks = tokens(text)
    if not toks or toks[0].word not in NEGATORS or toks[0].word == "non":
        return None
    k = 1
    while k < len(toks) and k < 3 and toks[k].word in _OCCURS:
        k += 1
    reach = {t for t in toks[k : k + 2] if t.clause == toks[0].clause}
    harm = next((m for m in find_all(text, "bad_quantity") if m.found[0] in reach), None)
    return None if harm is None else from_match(text, "decrease", "harm_none", harm)


_PARTICLES = {"down": ("down_verb", "decrease"), "up": ("up_verb", "increase")}


_BEFORE_ID = frozenset({"kurang", "minim", "minimnya", "belum", "tidak"})  # "kurang aktif", "minim fasilitas"
_DIMINISH_REACH = 3  # words before an Indonesian diminisher in which what it qualifies stands
_INTENSIFIERS = frozenset({"kian", "semakin", "makin", "lebih", "paling", "sangat", "more", "most", "even"})
_EN_REACH = 2  # words after an English one ("low reading scores"; not "Limited liability companies registered")


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
    for d in find_all(text, "diminisher"):
        if d.negated or any(set(d.found) <= set(m.found) for m in harms):
            continue  # "kurang gizi", "berat badan lahir rendah", "low birth weight": a harm's own word
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
        if find_all(rest, "good_quantity", "merit"):
            return Reading("decrease", "good_diminished", *quoted(text, token))
        if find_all(rest, "bad_quantity"):
            return Reading("increase", "harm_diminished", *quoted(text, token))
    return None


def _phrasal(text: str) -> Reading | None:
    """An English phrasal verb of change in any form ("phasing down coal", "winding down levies",
    "building up food reserves", "topped up"): its particle says which way."""
    toks = tokens(text)
    for i, token in enumerate(toks[1:], start=1):
        particle = _PARTICLES.get(token.word)
        if particle is None or toks[i - 1].clause != token.clause:
            continue
        purpose, label = particle
        verb = next((m for m in find_all(text, purpose) if m.found[-1] is toks[i - 1]), None)
        if verb is not None and not verb.negated:
            return from_match(text, label, "direction_word", verb, Match(verb.phrase, (token,), False))
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


_ANTI = ("anti-", "anti")


def _anti(text: str) -> Reading | None:
    """A harm named as what something is against ("Indeks persepsi anti korupsi", "desa
    antikorupsi", "anti-corruption"): its count or index rises."""
    toks = tokens(text)
    for i, token in enumerate(toks):
        word = token.word
        if word == "anti" and i + 1 < len(toks) and _harm_word(toks[i + 1].word):
            said, span = quoted(text, token, toks[i + 1])
            return Reading("increase", "harm_against", said, span)
        prefix = next((p for p in _ANTI if word.startswith(p)), None)
        if prefix is not None and len(word) > len(prefix) + 3 and _harm_word(word[len(prefix) :]):
            said, span = quoted(text, token)
            return Reading("increase", "harm_against", said, span)
    return None


def _use_of(text: str) -> Reading | None:
    """The use of a thing, read by what is used: in Indonesian after the use word ("Konsumsi air
    tanah", "Penggunaan pupuk organik"), in English before it too ("mercury use", "fish
    consumption", "groundwater extraction"). A resource to conserve or a harmful input falls, a
    good food or input rises; anything else names no direction ("Konsumsi listrik")."""
    toks = tokens(text)
    heads = [m for m in find_all(text, "use_head") if not m.negated]
    if not heads:
        return None
    objects = [m for m in find_all(text, "use_bad", "use_good", "bad_quantity", "good_quantity") if not m.negated]
    for head in heads:
        i, j = toks.index(head.found[0]), toks.index(head.found[-1])
        clause = head.found[0].clause
        after: list[Token] = []
        for t in toks[j + 1 :]:
            if t.clause != clause or t.word in _MEANS or len(after) == LEVEL_WINDOW:
                break
            if t.word not in _LINKS:
                after.append(t)
        before = [t for t in toks[max(0, i - 2) : i] if t.clause == clause] if head.phrase.lang == "en" else []
        reach = {*after, *before}
        here = [m for m in objects if m.found[0] in reach]
        if not here:
            continue
        # the nearest object, the longest at its place ("pestisida kimia" over "pestisida")
        first = min(here, key=lambda m: (abs(toks.index(m.found[0]) - j), -len(m.found)))
        label = "decrease" if first.purpose in ("use_bad", "bad_quantity") else "increase"
        return from_match(text, label, "use_of_" + ("harm" if label == "decrease" else "good"), head, first)
    return None


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


# -ing words that are prepositions or nouns, not a doer's participle
_ING_NOT_VERBS = frozenset(
    {"during", "including", "regarding", "concerning", "according", "following", "housing", "funding", "training",
     "building", "buildings", "meetings", "spending", "financing", "nothing", "something", "king"}
)  # fmt: skip


def _counted(text: str) -> Reading | None:
    """What a count at the head ("Jumlah", "Persentase", "Number of") counts, by the form of its
    qualifier: a lack ("yang belum memiliki", "without") should fall; a thing done or had ("yang
    memiliki", "yang menerapkan") should rise."""
    toks = tokens(text)
    head = next((m for m in find_all(text, "measurable", "counted_head") if m.found[0] is toks[0]), None)
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
    for i, token in enumerate(rest[:3]):
        if (
            i > 0
            and head.phrase.lang == "en"
            and token.word.endswith("ing")
            and token.word not in _ING_NOT_VERBS
            and rest[i - 1].word != "per"  # "pupils per functioning toilet": the unit's quality
        ):
            # "Percentage of schools meeting the standards", "households using clean fuel": doers
            said = Match(head.phrase, (token,), False)
            if any(m.found[0] is token for m in find_all(text, "state_verb")):
                return Reading("unknown", "no_direction", *quoted(text, token))  # "people living in ..."
            return from_match(text, "increase", "count_of_doers", head, said)
    for i, token in enumerate(rest[:-1]):
        if token.word not in ("yang", "that", "who"):
            continue
        # "yang telah menetapkan", "who have already": the verb after the word of completion
        verb = next((t for t in rest[i + 1 :] if t.word not in _ALREADY_AUX), rest[i + 1])
        said = Match(head.phrase, (token, verb), False)
        if any(m.found[0] is verb for m in find_all(text, "state_verb")):
            # "Jumlah kapal yang bersandar di dermaga": where they are, not what they achieve
            return Reading("unknown", "no_direction", *quoted(text, token, verb))
        if verb.word in _ACHIEVED:
            # "yang berhasil graduasi", "who completed a placement": a count of achievements,
            # which rises whatever the goal says about the harm they end
            return from_match(text, "increase", "count_of_achievers", head, said)
        if verb.word.startswith(_ACTIVE) or verb.word in ("have", "has", "use") or verb.word.endswith("ed"):
            return from_match(text, "increase", "count_of_doers", head, said)
        if passive_verb_id(verb.word) == "di":  # "balita yang ditimbang", "ibu hamil yang diperiksa": a service reached
            return from_match(text, "increase", "count_of_doers", head, said)
    return None


_PARTICIPLE_REACH = 5  # words from the start in which "Hectares of mangrove replanted" has its participle
_NOT_PARTICIPLES = frozenset({"need", "red", "bed", "shed", "seed", "feed", "speed", "hundred", "based", "led"})


def _done_to_plural(text: str, toks: tuple[Token, ...]) -> Reading | None:
    """An English count in the reduced passive: a plural, or a measure of one, followed by what
    was done to it ("Hectares of mangrove replanted", "Audit recommendations followed up", "Km of
    canals desilted"): it adds up. A harm done ("Hectares burned", "Houses flooded") is read
    before, as a bad quantity."""
    plural = next((i for i, t in enumerate(toks[:3]) if t.word.endswith("s") and not t.word.endswith("ss")), None)
    measure = toks[0].word in ("km", "ha", "kg", "m", "m2", "m3") if toks else False
    if plural is None and not measure:
        return None
    start = 0 if plural is None else plural
    clause = toks[0].clause
    for token in toks[start + 1 : _PARTICIPLE_REACH + 1]:
        if token.clause != clause or token.word in ("by", "in", "at", "with", "for", "per"):
            return None
        if token.word.endswith("ed") and len(token.word) > 4 and token.word not in _NOT_PARTICIPLES:
            said, span = quoted(text, toks[start], token)
            return Reading("increase", "count_of_doers", said, span)
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


def _from_to(text: str) -> Reading | None:
    """A change written as its two values: "dari 24% menjadi 14%", "from 55% to 80%"."""
    toks = tokens(text)
    for i, token in enumerate(toks[:-3]):
        ends = _FROM_TO.get(token.word)
        start = toks[i + 1]
        if ends is None or not start.word[:1].isdigit() or _YEAR.match(start.word):
            continue
        for k in range(i + 2, min(i + 2 + _TO_REACH, len(toks) - 1)):
            end = toks[k + 1]
            if toks[k].clause != token.clause or end.clause != token.clause:
                break
            if toks[k].word not in ends or not end.word[:1].isdigit() or _YEAR.match(end.word):
                continue
            unit = toks[i + 2].word if k > i + 2 else None
            if unit is not None and (k + 2 >= len(toks) or toks[k + 2].word != unit):
                break  # "dari 3 gudang ke 12 pasar": two places, not two values of one measure
            lang = "id" if token.word == "dari" else "en"
            before, after = read_number(start.word, lang), read_number(end.word, lang)
            if before is None or after is None:
                break
            label = (
                "maintain"
                if after.value == before.value
                else ("increase" if after.value > before.value else "decrease")
            )
            said, span = quoted(text, token, end)
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
        elif (
            purpose == "maintain"
            and match.phrase.lang == "en"
            and match.found[0].word.endswith("ing")
            and match.found[0] is not tokens(text)[0]
        ):
            continue  # "Maintaining X" heads a statement; "farmers keeping records" is a participle
        elif purpose == "reduction_count" and _imperative(text, match):
            purpose = "decrease"  # "Cut energy costs": a verb at the head, not a count of cuts
        elif purpose == "decrease" and match.found[0].word.startswith("di") and _after_yang(text, match.found[0]):
            purpose = "reduction_count"  # "kasus hipertensi yang dikendalikan": a count of them
        seen.add(start)
        out.append((match, purpose))
    return out


def _imperative(text: str, match: Match) -> bool:
    """Is an English reduction word the bare verb at the head ("Cut energy costs"), not a
    participle or a noun ("Reduced emissions", "Savings")?"""
    word = match.found[0].word
    return match.phrase.lang == "en" and match.found[0] is tokens(text)[0] and not word.endswith(("ed", "ion", "s"))


_COMPARATIVES = frozenset({"more", "less", "fewer", "greater", "higher", "lower", "lebih"})


def _threshold(text: str, match: Match) -> bool:
    """Is a comparative a threshold ("less than 30 minutes", "lebih dari 80 persen")?"""
    if len(match.found) != 1 or match.found[0].word not in _COMPARATIVES:
        return False
    toks = tokens(text)
    i = toks.index(match.found[0])
    after = [t.word for t in toks[i + 1 : i + 3] if t.clause == match.found[0].clause]
    return len(after) == 2 and after[0] in ("than", "dari", "daripada") and after[1][:1].isdigit()


_DURATION_AFTER = frozenset({"rata-rata", "average", "median", "total", "mean"})
# processes whose time is a date, not a service's delay ("waktu pelaksanaan festival")
_EVENTS = frozenset(
    {
        "pelaksanaan",
        "penyelenggaraan",
        "pertemuan",
        "perayaan",
        "pelatihan",
        "pendampingan",
        "pendidikan",
        "pembelajaran",
        "persekolahan",
    }
)  # fmt: skip  (and schooling, whose length should rise: "lama pendidikan")


# time units that measure a wait when a count heads them ("Rata-rata hari pengurusan izin",
# "Jumlah hari yang diperlukan untuk ...", "Average number of days to issue a permit")
_TIME_UNITS = frozenset({"hari", "jam", "menit", "minggu", "days", "hours", "minutes", "weeks"})
_COUNT_HEADS = frozenset({"jumlah", "rata-rata", "average", "number", "of", "mean", "median", "total"})
# what a wait is spent on when no nominalised process follows: "waktu yang diperlukan untuk",
# "time needed to", "days taken to"
_NEEDED = frozenset(
    {"diperlukan", "dibutuhkan", "digunakan", "dihabiskan", "needed", "required", "taken", "spent", "elapsed",
     "it", "to"}
)  # fmt: skip
_WAITS = frozenset({"respon", "respons", "tanggap", "tunggu", "tempuh", "antre", "antri", "reaksi", "proses"})


def _process_after(toks: tuple[Token, ...], k: int, clause: int, lang: str) -> Token | None:
    """The process whose time is measured, from word ``k`` on: a nominalised process
    ("penyelesaian", "verifikasi"), a wait ("respon", "tunggu"), what the time is needed for
    ("yang diperlukan untuk", "needed to", "to issue")."""
    if k >= len(toks) or toks[k].clause != clause:
        return None
    word = toks[k].word
    if lang == "id":
        if word == "yang" and k + 1 < len(toks) and toks[k + 1].word in _NEEDED:
            return toks[k + 1]
        if word in _WAITS or (word == "untuk" and k + 1 < len(toks) and toks[k + 1].word.startswith("me")):
            return toks[k]
        if word in _EVENTS:
            return None
        if word.startswith("pe") and nominal_root(word):
            return toks[k]
        return None
    return toks[k] if word in _NEEDED else None


def _duration(text: str) -> Match | None:
    """The time a process takes, which should fall: a duration word at the head (or after
    "rata-rata", "jumlah"; a run "lama waktu" counts once), or a time unit after a count
    ("rata-rata hari", "number of days"), followed by a process ("waktu penyelesaian", "lama
    pengurusan", "durasi pemadaman", "waktu respon", "hari yang diperlukan untuk ...", "days to
    issue a permit", "time taken to restore power"), or in English preceded by one ("call
    answering time", "resolution time")."""
    toks = tokens(text)
    units = [t for t in toks if t.word in _TIME_UNITS]
    found = find_all(text, "duration_word")
    heads: list[tuple[Token, Token, Match | None]] = [(m.found[0], m.found[-1], m) for m in found if not m.negated]
    heads += [(t, t, None) for t in units]
    for first, last, match in sorted(heads, key=lambda h: h[0].start):
        i, j = toks.index(first), toks.index(last)
        clause = first.clause
        lang = match.phrase.lang if match is not None else ("en" if first.word.endswith("s") else "id")
        before = [t.word for t in toks[max(0, i - 3) : i] if t.clause == clause]
        if match is None and not (before and before[-1] in _COUNT_HEADS) and i != 0:
            continue  # "jam layanan": service hours, no wait
        if lang == "id" or match is None:
            head = i == 0 or before[-1:] == ["rata-rata"] or (before and before[-1] in _COUNT_HEADS)
            k = j + 1
            while k < len(toks) and any(m.found[0] is toks[k] for m in found):
                k += 1  # "lama waktu penerbitan": one duration
            process = _process_after(toks, k, clause, lang) if head else None
            if process is not None:
                return Match(match.phrase if match is not None else _UNIT_PHRASE, (first, process), False)
        elif i > 0 and toks[i - 1].clause == clause and toks[i - 1].word.endswith(("ing", "ion")):
            return Match(match.phrase, (toks[i - 1], last), False)
        elif (i == 0 or (before and before[-1] in _COUNT_HEADS)) and (
            process := _process_after(toks, j + 1, clause, "en")
        ) is not None:
            return Match(match.phrase, (first, process), False)
    return None


_UNIT_PHRASE = Phrase("duration_word", "id", "hari", (("s", "hari"),))


# deliverables that are no document on a subject: a report of a harm is evidence of it ("Laporan
# kasus DBD"), an application a request ("pending permit applications"), a certificate a title
_REPORTS = frozenset({"laporan", "report", "reports", "aplikasi", "application", "sertifikat", "certificate"})
_AGAINST_REACH = 3  # words after a countermeasure in which the harm it acts on stands


def _swallowed(means: Match, bad: list[Match]) -> bool:
    """Is a countermeasure's word part of a longer harm ("rawat" in "lama rawat inap")?"""
    return any(len(b.found) > len(means.found) and set(means.found) <= set(b.found) for b in bad)


def _acted_on(text: str, bad: list[Match]) -> set[Token]:
    """Words of a countermeasure and of the harm right after it ("peringatan dini banjir"):
    the harm is the countermeasure's object, not the quantity measured."""
    if not bad:
        return set()
    toks = tokens(text)
    out: set[Token] = set()
    for means in find_all(text, "countermeasure"):
        if _swallowed(means, bad):
            continue  # "lama rawat inap" is a stay in hospital, not a treatment
        out.update(means.found)
        start, end = toks.index(means.found[0]), toks.index(means.found[-1])
        clause = means.found[0].clause
        after = toks[end + 1 : end + 1 + _AGAINST_REACH]
        if means.phrase.lang == "en":
            # an English noun adjunct stands before its head ("flood warnings"), an object after
            # "of" or "for" ("prevention of stunting", "warning system for floods"), not after a
            # participle ("recorded crimes")
            before = toks[max(0, start - 2) : start]
            link = next((k for k, t in enumerate(after[:2]) if t.word in ("of", "for", "against")), None)
            after = toks[end + 2 + link : end + 2 + link + _AGAINST_REACH] if link is not None else ()
            reach = {t for t in (*before, *after) if t.clause == clause}
        else:
            # the object before a predicate: "Klaim asuransi pertanian yang ditolak" rejects claims
            stop = next((k for k, t in enumerate(after) if t.word == "yang"), len(after))
            reach = {t for t in after[:stop] if t.clause == clause}
        for harm in bad:
            if means.phrase.lang != harm.phrase.lang and means.found[0].start > harm.found[0].start:
                continue  # "Kesalahan data": an English adjunct's order does not hold in Indonesian
            if harm.found[0] in reach or harm.found[-1] in reach:
                out.update(harm.found)
    return out


_SUBJECT_ENDS = frozenset({"yang", "that", "which", "adopted", "approved", "signed", "issued", "completed"})


def _document_subject(text: str) -> set[Token]:
    """The words of a document and of its subject ("Dokumen kajian tarif retribusi sampah yang
    disepakati", "Pedoman penanganan banjir rob", "Guidelines on flood response"): what it is
    about is no quantity measured. A report of a harm is evidence of it ("Laporan kasus DBD"), an
    application a request, a certificate a title: those keep their words."""
    toks = tokens(text)
    out: set[Token] = set()
    for doc in find_all(text, "deliverable"):
        if doc.phrase.text in _REPORTS or doc.negated:
            continue
        end = toks.index(doc.found[-1])
        out.update(doc.found)
        for t in toks[end + 1 :]:
            if t.clause != doc.found[-1].clause or t.word in _SUBJECT_ENDS:
                break
            out.add(t)
    return out


_TITLES = frozenset({"aplikasi", "application", "sertifikat", "certificate"})
_DOC_REACH = 3  # words before a document at the head ("Baseline survey report on ...")


def _document_alone(text: str, bad: list[Match]) -> Match | None:
    """A document named at the head with nothing counted and no predicate of what was done to
    it ("Dokumen Rencana Induk Pengembangan Kebun Raya", "Peta jalur transportasi sungai",
    "Standard operating procedure for rabies management"): an output that exists or not, which
    says nothing of which way is better, whatever its subject names. A report of a harm is
    evidence of it ("Laporan kasus DBD"); "Pedoman ... yang ditetapkan" is a thing made."""
    toks = tokens(text)
    doc = next(
        (
            m
            for m in find_all(text, "deliverable")
            # a participle met through its stem ("parcels mapped") or a title held ("certificate")
            if not m.negated
            and not m.found[0].word.endswith(("ed", "ing"))
            and m.phrase.text not in _TITLES
            # as written, not met through its root ("pelaporan" is no "laporan")
            and m.found[0].word.startswith(m.phrase.text.split()[0][:4])
        ),
        None,
    )
    if doc is None or bad or toks.index(doc.found[0]) >= _DOC_REACH:
        return None
    clause = doc.found[0].clause
    before = toks[: toks.index(doc.found[0])]
    if any(t.clause != clause for t in before) or find_all(" ".join(t.word for t in before), "measurable"):
        return None  # "Jumlah dokumen ...": a count of documents
    if any(t.word in _SUBJECT_ENDS and t.clause == clause for t in toks):
        return None
    return doc


@lru_cache(maxsize=8192)  # a pure function of the text; plans repeat their texts
def statement_direction(text: str) -> Reading:
    """The direction ``text`` itself names, or ``unknown``."""
    # the two values of a change written out ("dari 24% menjadi 14%", "cut from 30% to 10%") say
    # more than the word of the change, and than what is counted
    values = _from_to(text) or _band(text)
    if values is not None:
        return values
    needed = _duration(text)
    if needed is not None and needed.found[-1].word in _NEEDED | {"untuk"}:
        # "Waktu yang dibutuhkan untuk mencapai pelabuhan": a change word in what the time is
        # needed for is no change of the quantity measured
        return from_match(text, "decrease", "duration_of_process", needed)
    changes = _changes(text)
    harms = find_all(text, "bad_quantity")
    subject = _document_subject(text)
    for match, purpose in changes:
        if _swallowed(match, harms):
            continue  # "Penurunan muka tanah": subsidence, a harm, not a fall
        if subject.intersection(match.found):
            continue  # "Dokumen rencana aksi penurunan stunting": the document's subject, no change
        if _after_diminisher(text, match.found[0]):
            continue  # "Poorly maintained roads", "kurang terpelihara": a lack, read below
        if match.negated:
            if purpose in ("decrease", "reduction_count", "increase") and _change_denied(text, match):
                # "tidak berkurang", "not to decline": the level is held
                return from_match(text, "maintain", "change_denied", match)
            continue
        modifier = any(m.found[0] is match.found[0] for m in find_all(text, "change_modifier"))
        if modifier and _later_change(text, match, changes):
            continue  # "Mempercepat penurunan stunting": the change accelerated decides
        if purpose == "reduction_count":
            if _level_reduced(text, match) or _occurs(text, match):
                # "Poverty rate reduced to 8%", "Stunting prevalence cut to 14%": the level itself
                return from_match(text, "decrease", "reduction_of_level", match)
            if _level_after(text, match) and not _measure_before(text, match):
                return from_match(text, "decrease", "reduction_of_level", match)
            if _object_kind(text, match) == "good":
                # "Penurunan produksi padi", "Reduction in crop yields": a good thing that falls is
                # a harm, not a count of what was reduced
                return from_match(text, "decrease", "fall_of_good", match)
            return from_match(text, "increase", "reduction_counted", match)
        return from_match(text, purpose, "direction_word", match)
    written = (
        _phrasal(text)
        or _none_of(text)
        or _anti(text)
        or _quality_head(text)
        or _lacking(text)
        or _ratio(text)
        or _use_of(text)
        or _diminished(text)
    )
    if written is not None:
        return written
    # A bad noun inside a good thing ("bank sampah", "pengolahan sampah", "waste bank") is not a
    # bad quantity: the good thing's words are set aside first.
    # Where a good and a bad phrase overlap, the longer names the thing: "harga pokok produksi"
    # is a cost, though "produksi" alone is good.
    bad = [m for m in find_all(text, "bad_quantity") if not m.negated and not subject.intersection(m.found)]
    good = [
        m
        for m in find_all(text, "good_quantity")
        if not m.negated
        and not subject.intersection(m.found)
        and not _placed(text, m.found[0])
        and not any(len(b.found) > len(m.found) and set(m.found) <= set(b.found) for b in bad)
    ]
    alone = _document_alone(text, bad)
    if alone is not None:
        return from_match(text, "unknown", "output_document", alone)
    toks = tokens(text)
    head = (
        next((m for m in find_all(text, "neutral_measure") if toks and m.found[0] is toks[0]), None)
        or next(
            (
                m
                for m in find_all(text, "attribute_head")
                if toks.index(m.found[0]) == _attribute_at(toks)
                # "Usia 15-24 tahun yang bekerja": an age band qualifies who is counted
                and not (
                    len(toks) > toks.index(m.found[-1]) + 1 and toks[toks.index(m.found[-1]) + 1].word[:1].isdigit()
                )
            ),
            None,
        )
    )
    if head is not None and not quantity_words_of(good, bad).intersection(head.found):
        # "Breakdown of placed migrant workers by destination country": a distribution, whatever it counts
        return from_match(text, "unknown", "neutral_measure", head)
    inside_good = {t for m in good for t in m.found} | _acted_on(text, bad) | subject
    quantity_words = {t for m in (*good, *bad) for t in m.found}
    for purpose, label, reason in (
        ("count_up", "increase", "cumulative_count"),
        ("neutral_measure", "unknown", "neutral_measure"),
        ("bad_quantity", "decrease", "bad_quantity"),
    ):
        found = next(
            (
                m
                for m in find_all(text, purpose)
                if not m.negated
                and not (purpose == "bad_quantity" and inside_good.intersection(m.found))
                # "children out of school": a count word inside a longer harm is the harm's
                and not (
                    purpose == "count_up"
                    and (
                        _swallowed(m, bad)
                        or _to_disposal(text, m.found[-1])
                        or _in_place(text, m.found[0])
                        or _done_badly(text, m, [b for b in bad if not inside_good.intersection(b.found)])
                        or _consumed(text, m, bad)
                        or _after_per(text, m.found[0])
                    )
                )
                # "Share of births attended by skilled personnel": the "by" of an agent, not of a breakdown
                and not (purpose == "neutral_measure" and quantity_words.intersection(m.found))
                # "Kelancaran distribusi logistik": a quality heading the neutral word decides
                and not (purpose == "neutral_measure" and _headed(text, m, quantity_words))
                # "jamban terpisah untuk siswa laki-laki dan perempuan": for whom, not a breakdown
                and not (purpose == "neutral_measure" and _for_whom(text, m.found[0]))
            ),
            None,
        )
        if found is not None:
            if purpose == "bad_quantity" and _handled(text, found):
                return from_match(text, "increase", "bad_handled", found)
            if purpose == "bad_quantity" and _freed(text, found):
                return from_match(text, "increase", "harm_free", found)
            return from_match(text, label, reason, found)
        if purpose == "count_up":  # nothing counted up: something not yet done?
            undone = _undone(text)
            if undone is not None:
                return undone
        if purpose == "neutral_measure":
            duration = _duration(text)
            if duration is not None:
                return from_match(text, "decrease", "duration_of_process", duration)
    ended = _harm_ended(text) or _free_compound(text)
    if ended is not None:
        return ended
    trespass = _trespass(text, good)
    if trespass is not None:
        return trespass
    counted = _counted(text)
    if counted is not None:
        return counted
    if good:
        per = _per_good(text, good)
        if per is not None:
            return per
        return from_match(text, "increase", "good_quantity", good[0])
    toks = tokens(text)
    done = _done_to_plural(text, toks)
    if done is not None:
        return done
    if toks and toks[0].word in _INDEX and len(toks) > 1:
        # "Indeks Desa Membangun", "Indeks Reformasi Birokrasi": an index a plan reports is one of
        # development, which should rise (indices of a harm are read above: "Indeks Gini")
        said, span = quoted(text, toks[0])
        return Reading("increase", "good_quantity", said, span)
    means = next(
        (
            m
            for m in find_all(text, "countermeasure")
            if not m.negated and not _swallowed(m, bad) and not _in_place(text, m.found[0])
        ),
        None,
    )
    if means is not None:
        return from_match(text, "increase", "countermeasure", means)
    # a good thing denied ("rumah tangga tanpa akses listrik") is a bad quantity
    denied = next((m for m in find_all(text, "good_quantity") if m.negated), None)
    if denied is not None:
        return from_match(text, "decrease", "good_denied", denied)
    provision = _per_population(text)
    if provision is not None:
        return provision
    level = next((m for m in find_all(text, "harm_level") if not m.negated and toks.index(m.found[0]) <= 1), None)
    if level is not None and len(toks) > toks.index(level.found[-1]) + 1:
        # "Prevalensi gondok", "Incidence of leptospirosis": measures kept for harms
        return from_match(text, "decrease", "harm_level", level)
    return Reading("unknown", "no_direction")


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


def _consumed(text: str, done: Match, bad: list[Match]) -> bool:
    """Is a harmful resource what was used ("Diesel used by the generators", "BBM yang
    digunakan")? Then the resource is what is counted, and it should fall."""
    if done.found[0].word not in _CONSUMED:
        return False
    toks = tokens(text)
    i = toks.index(done.found[0])
    before = {t for t in toks[max(0, i - 3) : i] if t.clause == done.found[0].clause}
    return any(before.intersection(m.found) for m in bad)


def _headed(text: str, match: Match, quantity_words: set[Token]) -> bool:
    """Is ``match`` right after a quality in ke-an that heads it ("Kelancaran distribusi"; not
    "Proporsi pengunjung domestik dan mancanegara", a breakdown of what is counted)?"""
    toks = tokens(text)
    i = toks.index(match.found[0])
    if i == 0 or toks[i - 1] not in quantity_words or toks[i - 1].clause != match.found[0].clause:
        return False
    word = toks[i - 1].word
    return word.startswith("ke") and word.endswith("an")


_MANNER_REACH = 4  # words after a thing done in which the manner of it stands


def _done_badly(text: str, done: Match, bad: list[Match]) -> bool:
    """Is what was done qualified as a harm right after it ("anggaran yang terserap terlambat",
    "funds disbursed late")? Then the harm is what is counted."""
    toks = tokens(text)
    j = toks.index(done.found[-1])
    if done.found[-1].word in ("of", "from", "dari"):
        return False  # "lifted out of poverty": the harm left behind
    if j + 1 < len(toks) and any(m.found[0] is toks[j + 1] for m in bad):
        return True
    # done against the rules a few words on: "yang dijual ke kolektor tanpa dokumen asal-usul"
    reach = {t for t in toks[j + 1 : j + 1 + _MANNER_REACH] if t.clause == done.found[-1].clause}
    return any(m.found[0] in reach and not m.negated for m in find_all(text, "irregular"))


def quantity_words_of(good: list[Match], bad: list[Match]) -> set[Token]:
    return {t for m in (*good, *bad) for t in m.found}


_AVERAGES = frozenset({"rata-rata", "average", "median", "mean", "the"})


def _attribute_at(toks: tuple[Token, ...]) -> int:
    """Where an attribute heading the statement stands: first, or after an average word."""
    k = 0
    while k < len(toks) and toks[k].word in _AVERAGES:
        k += 1
    return k


def _after_per(text: str, token: Token) -> bool:
    """Does ``token`` stand after "per" in its clause ("Biaya logistik per ton hasil bumi yang
    diangkut"): in the unit of a rate, not in what the rate measures?"""
    toks = tokens(text)
    i = toks.index(token)
    return any(t.word == "per" and t.clause == token.clause for t in toks[1:i])


_FOR_WHOM = frozenset({"untuk", "bagi", "for"})


def _for_whom(text: str, token: Token) -> bool:
    """Does ``token`` follow "untuk"/"bagi"/"for" right before it (within two words)?"""
    toks = tokens(text)
    i = toks.index(token)
    return any(t.word in _FOR_WHOM and t.clause == token.clause for t in toks[max(0, i - 2) : i])


_VERBAL = ("ter", "me", "ber", "di")


def _placed(text: str, token: Token) -> bool:
    """Does ``token`` stand in a phrase of place after the head ("Jumlah kepala keluarga di
    wilayah layanan BUMDes air bersih"): where the count is made, not what it counts? Indonesian
    "di" only (English "in" also links a thing to its field: "women in employment")."""
    toks = tokens(text)
    i = toks.index(token)
    if len(token.word) > 4 and token.word.startswith(_VERBAL):
        return False  # the predicate itself ("terlayani")
    for k in range(i - 1, 0, -1):
        word = toks[k].word
        if toks[k].clause != token.clause or word in _CLAUSE_LINKS or (len(word) > 4 and word.startswith(_VERBAL)):
            return False  # "di perkotaan terlayani air minum": a predicate ends the place
        if word == "di":
            return True
    return False


_ON = frozenset({"di", "pada", "on", "in", "along", "inside", "within", "under", "sepanjang"})
_HEAD_REACH = 2  # words of a count's head ("Tutupan mangrove", "Luas hutan rakyat")


def _trespass(text: str, good: list[Match]) -> Reading | None:
    """People or things counted where they should not be ("Jumlah pedagang kaki lima yang
    berjualan di badan jalan", "keluarga yang bermukim di bantaran sungai", "stalls on the
    sidewalk"): their count should fall. Not a good thing there ("Tutupan mangrove di sempadan
    pantai"). A buffer zone is no such place by itself: what grows there is read from the goal."""
    toks = tokens(text)
    for place in find_all(text, "encroached_place"):
        i = toks.index(place.found[0])
        before = [t for t in toks[max(0, i - 2) : i] if t.clause == place.found[0].clause]
        if not any(t.word in _ON for t in before):
            continue
        if any(toks.index(m.found[0]) <= _HEAD_REACH and not m.found[0].word.startswith(_ACTIVE) for m in good):
            return None  # the good thing is what is counted, not a doer's verb ("yang berjualan")
        return from_match(text, "decrease", "in_prohibited_place", place)
    return None


_PLACE_LINKS = frozenset({"di", "pada", "in", "at"})  # "pada pos duga air", "in densely built wards"
_PLACE_REACH = 3  # words of a phrase of place before the word
_CLAUSE_LINKS = frozenset({"yang", "that", "which", "who"})  # "sampah di TPS yang diolah": a new predicate


def _in_place(text: str, token: Token) -> bool:
    """Does ``token`` stand in a phrase of place, where a word names where the quantity is
    measured ("Debit sungai pada pos pemantauan hulu", "response time in densely built wards",
    "di kawasan terbangun"), not what is counted?"""
    toks = tokens(text)
    i = toks.index(token)
    before = [t.word for t in toks[max(0, i - _PLACE_REACH) : i] if t.clause == token.clause]
    for k in range(len(before) - 1, -1, -1):
        if before[k] in _CLAUSE_LINKS:
            return False
        if before[k] in _PLACE_LINKS:
            return True
    return False


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


# readings a goal that names a direction overrides
_WEAK = ("good_quantity", "count_of_doers", "provision_per_population")


def _says_nothing(reading: Reading) -> bool:
    """Is there nothing in the statement to read a direction from (not even a neutral measure)?"""
    return reading.label == "unknown" and reading.reason in ("no_direction", "output_document")


def direction(statement: str, context: Iterable[str] = ()) -> Reading:
    """The statement's direction; else the first of ``context`` (goal, activity) that names
    one, marked inferred."""
    own = statement_direction(statement)
    if not _says_nothing(own) and own.reason not in _WEAK:
        return own
    # A good quantity ("kunjungan", "income") usually should rise, but a goal that says
    # otherwise ("Membatasi kunjungan sesuai daya dukung") is the better evidence.
    # Only a goal about the same thing: "Share of births attended by skilled personnel" rises under
    # "Reduce maternal deaths", the means of the goal and not its measure.
    for text in context:
        other = _goal_direction(statement, text)
        if other.label != "unknown":
            if own.reason in _WEAK and other.reason in _WEAK:
                break
            if own.reason == "good_quantity" and not _same_thing(statement, text):
                break
            if (
                own.reason == "count_of_doers"
                and _same_thing(statement, text)
                and not _does_what_goal_changes(statement, text)
            ):
                # of the goal's field but not doing what it changes: a means, which rises ("siswa
                # yang membawa botol minum sendiri" under "Mengurangi sampah plastik ... di sekolah")
                break
            return Reading(other.label, other.reason, other.words, None, inferred=True, detail=text)
    return own


def _coordinated_apart(toks: tuple[Token, ...], shared: list[int], changes: list[Match]) -> bool:
    """Does every change of a goal or activity stand after the words it shares with the
    statement, in a coordinated phrase of its own ("Dialog radio kesehatan jiwa dan penghapusan
    stigma": the removal is of stigma, not of the broadcasts)?"""
    first = min(toks.index(m.found[0]) for m in changes)
    if max(shared) > first:
        return False
    between = toks[max(shared) + 1 : first]
    return any(t.word in _AND for t in between) and all(t.clause == toks[first].clause for t in between)


@lru_cache(maxsize=8192)  # a pure function of the two texts, asked again at every review
def _goal_direction(statement: str, goal: str) -> Reading:
    """The direction a goal gives the statement: of its change words, the one nearest a word the
    statement names ("Memperkuat puskesmas ... sehingga rujukan ke RSUD berkurang" gives the
    referrals' fall; "Menurunkan stunting melalui penguatan layanan posyandu" gives the posyandu's
    rise); the goal's first change when it has one or names nothing of the statement."""
    changes = [m for m, _ in _changes(goal) if not m.negated]
    wanted = _content(statement)
    toks = tokens(goal)
    shared = [i for i, t in enumerate(toks) if wanted.intersection(keys(t.word))]
    if changes and shared and _coordinated_apart(toks, shared, changes):
        return Reading("unknown", "no_direction")
    if len(changes) < 2 or not shared:
        return statement_direction(goal)
    nearest = min(changes, key=lambda m: min(abs(toks.index(m.found[0]) - i) for i in shared))
    if nearest is changes[0]:
        return statement_direction(goal)
    start = toks.index(nearest.found[0])
    levels = {t for m in find_all(goal, "level") for t in m.found}
    for back in (1, 2):
        k = start - back
        if k >= 0 and any(toks[k] in m.found for m in changes) and all(t in levels for t in toks[k + 1 : start]):
            # "mempercepat penurunan ...", "mengendalikan laju pertumbuhan penduduk": the change
            # that acts on the change goes with it
            start = k
            break
    return statement_direction(goal[toks[start].start :])


_PLACES = frozenset(
    {"kecamatan", "kelurahan", "provinsi", "wilayah", "kawasan", "pesisir", "district", "districts", "village",
     "villages", "regency", "city", "coastal", "area", "areas", "province"}
)  # fmt: skip


@lru_cache(maxsize=8192)
def _content(text: str) -> frozenset[tuple[str, str]]:
    """The roots and stems of the words of ``text`` that name things: not stopwords, measures,
    numbers or places."""
    skip = {t for m in find_all(text, "stopwords", "measurable") for t in m.found}
    return frozenset(
        k
        for t in tokens(text)
        if t not in skip and t.word not in _PLACES and not t.word[:1].isdigit()
        for k in keys(t.word)
        if k[0] in ("id", "en")
    )


_DOERS = frozenset({"yang", "that", "who", "which"})
# what ends the object of a goal's change: its means, place or purpose
_GOAL_OBJECT_ENDS = _MEANS | frozenset({"di", "ke", "in", "at"})


@lru_cache(maxsize=8192)  # a pure function of the two texts, asked again at every review
def _does_what_goal_changes(statement: str, goal: str) -> bool:
    """Do the doers a statement counts do what the goal changes ("Persentase siswa yang membawa
    botol minum sendiri" does nothing the goal "Mengurangi sampah plastik sekali pakai di sekolah"
    reduces; "Jumlah PMI purna yang membuka usaha" nothing of "Mengurangi keberangkatan ulang PMI
    purna melalui wirausaha"; "pasien yang dirujuk" is what "agar rujukan ... menurun" lowers)?
    Compared: what follows the doers' "yang"/"who" or -ing, and the goal's words outside its
    phrases of means and place (which run to the next change word or clause)."""
    toks = tokens(statement)
    start = next(
        (i + 1 for i, t in enumerate(toks) if t.word in _DOERS or (t.word.endswith("ing") and i > 0)),
        None,
    )
    changes = {t for m, _ in _changes(goal) if not m.negated for t in m.found}
    if start is None or not changes:
        return True
    kept: list[str] = []
    aside = False
    clause = -1
    for t in tokens(goal):
        if t in changes or t.clause != clause:
            aside = False
        clause = t.clause
        if t.word in _GOAL_OBJECT_ENDS:
            aside = True
        if not aside:
            kept.append(t.word)
    deed = " ".join(t.word for t in toks[start - 1 :])
    return bool(_content(deed) & _content(" ".join(kept)))


def _same_thing(statement: str, other: str) -> bool:
    """Does ``other`` (a goal) speak of a thing ``statement`` names, by root or stem?"""
    return bool(_content(statement) & _content(other))
