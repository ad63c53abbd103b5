"""Does a background set out problems: deficits, gaps, bad figures, "belum ada", "hanya 6 dari
46"; with negation respected ("tidak ada hambatan berarti" names none).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from advisor.text.background.base import _GOOD, _LACK_PHRASE, _NOT_YET_PHRASE, PROBLEM, _money, _target_group
from advisor.text.background.denial import _denied, _denies_a_problem, spent_on_a_problem
from advisor.text.background.figures import _falls_short, _limited, _limited_low, _read_matches, _short_of
from advisor.text.background.handling import _freed, _handled_thing, _not_meant
from advisor.text.background.trends import _trends
from advisor.text.lexicon import Match, find_all
from advisor.text.negation import NEGATORS, subject_denied
from advisor.text.reading import Reading, from_match
from advisor.text.stem import stem_id
from advisor.text.tokens import Token, places, tokens

_VERB = ("me", "ber", "ter", "di", "pe")
_CAN = frozenset({"bisa", "dapat", "mampu", "sepenuhnya", "banyak", "optimal", "pernah"})
# "belum pernah terjadi konflik": what has never happened is no gap
_HAPPEN = frozenset({"terjadi", "ada", "mengalami", "ditemukan", "muncul", "timbul"})


def _not_yet(text: str) -> Reading | None:
    """ "belum" before a verb ("belum mengenal pemasaran daring", "belum tersertifikasi"): what
    is not yet done is a gap, whatever the verb; unless a negation earlier in its clause denies
    it ("tidak ada temuan yang belum ditindaklanjuti": everything was done)."""
    toks = tokens(text)
    for i, (token, after) in enumerate(pairwise(toks)):
        if token.word != "belum" or after.clause != token.clause:
            continue
        if after.word in _CAN and i + 2 < len(toks) and toks[i + 2].clause == token.clause:
            after = toks[i + 2]  # "belum bisa mengakses", "belum mampu memenuhi"
        # an affixed verb ("belum dikelola"), not a word that only begins like one ("belum di lokasi")
        if not after.word.startswith(_VERB) or stem_id(after.word) == after.word or after.word in _HAPPEN:
            continue
        if not any(t.word in NEGATORS for t in toks[:i] if t.clause == token.clause):
            return from_match(text, "present", "not_yet", Match(_NOT_YET_PHRASE, (token, after), False))
    return None


_NOT_DONE = frozenset({"not", "never", "tidak", "tak"})
_ON_THE_WAY = frozenset({"yet", "been", "fully", "properly", "completely", "entirely", "all", "be", "pernah", "lagi"})


def _not_done(text: str) -> Reading | None:
    """ "not" before what closes a gap, as English says "belum" ("have not been fully rebuilt",
    "has not yet been repaired", "were never connected"); unless a negation earlier in its
    clause denies it ("No road has not been repaired")."""
    toks = tokens(text)
    place = places(text)
    for done in find_all(text, "done_verb"):
        i = place[done.found[0]] - 1
        while i >= 0 and toks[i].word in _ON_THE_WAY and toks[i].clause == done.found[0].clause:
            i -= 1
        if i < 0 or toks[i].word not in _NOT_DONE or toks[i].clause != done.found[0].clause:
            continue
        if not any(t.word in NEGATORS for t in toks[:i] if t.clause == done.found[0].clause):
            return from_match(text, "present", "not_yet", Match(_NOT_YET_PHRASE, (toks[i], *done.found), False))
    return None


_WITHOUT = frozenset({"tanpa", "without", "lacking"})
WITHOUT_REACH = 3  # words between "tanpa"/"without" and what is missing


def _without(text: str) -> Reading | None:
    """Something a place or a business needs, done without ("tanpa merek dan kemasan yang
    layak", "without a business licence")."""
    toks = tokens(text)
    for i, token in enumerate(toks):
        if token.word not in _WITHOUT or _after_a_denied_existence(toks, i):
            continue
        reach = {t for t in toks[i + 1 : i + 1 + WITHOUT_REACH] if t.clause == token.clause}
        needed = next((m for m in find_all(text, "provision") if m.found[0] in reach), None)
        # "tanpa biaya lisensi", "without licence fees": a cost spared, nothing lacking
        if any(reach.intersection(m.found) for m in find_all(text, "bad_measure")):
            continue
        if needed is not None:
            return from_match(text, "present", "lacking", Match(_LACK_PHRASE, (token, *needed.found), False))
    return None


_PAST = frozenset({"sebelumnya", "dahulu", "dulu", "dulunya", "semula", "previously", "formerly", "once"})
_NOW = frozenset({"kini", "sekarang", "now", "longer", "lagi"})


def _in_the_past(text: str, match: Match) -> bool:
    """Is a bad thing said of the past, with its end said after it ("Kawasan ini sebelumnya rawan
    banjir, namun sejak normalisasi sungai tidak lagi tergenang", "The area was previously
    flood-prone but is now protected")? Then no problem remains."""
    toks = tokens(text)
    clause = match.found[0].clause
    if not any(t.word in _PAST and t.clause == clause and t.start < match.found[0].start for t in toks):
        return False
    return any(t.word in _NOW and t.start > match.found[-1].end for t in toks)


NO_MORE_REACH = 6  # words from "tidak lagi"/"no longer" to the problem it ends


def _no_more(text: str, match: Match) -> bool:
    """Is a problem word said to be over by "tidak lagi"/"no longer" before it in its clause ("nelayan
    tidak lagi menjual hasil tangkapan kepada tengkulak"), beyond the negation's own reach?"""
    if match.purpose not in PROBLEM or match.negated:
        return False
    toks = tokens(text)
    i = toks.index(match.found[0])
    before = [t for t in toks[max(0, i - NO_MORE_REACH - 1) : i] if t.clause == match.found[0].clause]
    return any(a.word in NEGATORS and b.word in _NO_MORE for a, b in pairwise(before))


def _after_a_denied_existence(toks: tuple[Token, ...], i: int) -> bool:
    """Is "tanpa" at ``i`` said after "tidak ada"/"no" in its clause ("tidak ada lagi puskesmas tanpa
    dokter": none lacks one)?"""
    before = [t.word for t in toks[max(0, i - WITHOUT_REACH - 2) : i] if t.clause == toks[i].clause]
    pairs = list(pairwise(before))
    return "no" in before or any(a in NEGATORS and b in _EXISTS for a, b in pairs)


@lru_cache(maxsize=8192)  # a pure function of the text; plans repeat their texts
def problems(text: str) -> Reading:
    # good quantities are read only to shadow the bad words inside them ("bank sampah",
    # "pengentasan kemiskinan")
    matches = [m for m in _read_matches(text, *PROBLEM, "assets", "bad_quantity", *_GOOD) if m.purpose not in _GOOD]
    # "bebas banjir", "free of dengue cases", "tidak dimaksudkan untuk mengatasi kekurangan anggaran"
    matches = [m for m in matches if not _freed(text, m) and not _not_meant(text, m)]
    # "Tidak ada lagi desa yang berstatus tertinggal", "No village is classified as underdeveloped"
    denied = _existence_denied(text, matches)
    matches = [
        m
        for m in matches
        if not denied.intersection(m.found)
        and not _in_the_past(text, m)
        and not _no_more(text, m)
        and not _none_recorded(text, m)
    ]
    # "No major social or environmental risks were identified": the negator opening the clause
    # reaches a harm named as its subject however many words stand between
    matches = [_subject_negated(text, m) for m in matches if not _none_needed(text, m)]
    trends = _trends(text)
    # bad, or a high level of something not known to be good ("curah hujan tinggi")
    bad_trend = next(
        (w for w, polarity, _ in trends if polarity == "bad" or (polarity == "unknown" and w.purpose == "level_high")),
        None,
    )
    if bad_trend is not None:  # "pendapatan nelayan menurun", "tingginya biaya logistik"
        return from_match(text, "present", "bad_trend", bad_trend)
    # a bad quantity that fell ("angka kriminalitas menurun tajam") is no problem stated, nor
    # any bad quantity in the clause that says so ("Maternal deaths fell ... after the waiting
    # homes opened")
    good = {t for w, polarity, noun in trends if polarity == "good" for t in (*w.found, *noun)}
    over = _resolved(text, matches)  # "the leaks have stopped", "kebocoran sudah teratasi"
    better = _with_figures(text, {w.found[0].clause for w, polarity, _ in trends if polarity == "good"}) | over
    matches = [
        m
        for m in matches
        if not (m.purpose == "bad_quantity" and m.found[0].clause in better)
        and not (m.purpose in PROBLEM and m.found[0].clause in over)
    ]
    costs = {t for m in find_all(text, "bad_measure") for t in m.found}
    # "ditujukan bagi petani gurem yang memiliki lahan kurang dari 0,5 hektare": whom it is for, no problem,
    # nor a word that denies one
    criterion = _criterion(text)
    matches = [m for m in matches if m.found[0] not in criterion]
    for match in (m for m in matches if good.isdisjoint(m.found)):
        if match.purpose in (*PROBLEM, "bad_quantity") and _handled_thing(text, match):
            continue
        if match.purpose == "bad_quantity" and not costs.isdisjoint(match.found):
            continue  # a cost named without a level or a trend ("biaya pelatihan ditanggung mitra") is no problem
        if match.purpose == "bad_quantity" and _limited_low(text, match):
            continue  # "Waktu tempuh dari bandara hanya 30 menit": low, a strength
        problem = (match.purpose in PROBLEM or match.purpose == "bad_quantity") and not match.negated
        if problem and (_target_group(text, match) or _rank(text, match)):
            continue  # "bantuan sosial kepada keluarga miskin", "the lowest level of local government"
        if problem and _compared_well(text, match):
            continue  # "Angka pengangguran turun menjadi 4,2 persen, di bawah rata-rata nasional"
        if problem and not _denies_a_problem(match, matches, text) and not _of_no_weight(text, match):
            return from_match(text, "present", "bad_figure" if match.purpose == "bad_quantity" else "problem", match)
        if match.purpose == "assets" and (_after(denied, match) or spent_on_a_problem(match, matches, text)):
            continue  # "Tidak ada desa yang kekurangan air sejak SPAM beroperasi", "tidak lagi terkendala jaringan"
        if match.purpose == "assets" and _denied(match, matches, text):
            return from_match(text, "present", "asset_denied", match)
    lacking = _without(text)
    if lacking is not None and not _within(lacking, criterion):  # "dijual tanpa merek", "without a licence"
        return lacking
    denied_adequacy = (m for m in find_all(text, "adequate") if m.negated and m.found[0] not in criterion)
    inadequate = next((m for m in denied_adequacy if not _not_meant(text, m)), None)
    if inadequate is not None:  # "tidak mencukupi", "belum berfungsi", "not enough"
        return from_match(text, "present", "adequacy_denied", inadequate)
    for read in _FALLBACKS:
        found = read(text)
        if found is not None and not _within(found, criterion):
            return found
    return Reading("absent", "no_problem")


_DETERMINER = frozenset(
    {"its", "their", "the", "our", "his", "her", "these", "those", "national", "annual", "of", "and"}
)


def _criterion(text: str) -> frozenset[Token]:
    """The words that say whom a programme or an aid is for, after its cue to the end of the clause
    ("ditujukan bagi petani gurem yang memiliki lahan kurang dari 0,5 hektare", "Sasaran program adalah
    anak putus sekolah", "targets low-income households that lack access to credit"): an eligibility
    criterion, no problem of the place. "targets" is the verb only after no determiner ("missed its
    targets" is a noun)."""
    cues = find_all(text, "target_cue")
    if not cues:  # most texts
        return frozenset()
    toks = tokens(text)
    place = places(text)
    out: set[Token] = set()
    for cue in cues:
        first, last = cue.found[0], cue.found[-1]
        at = place[first]
        if cue.negated or (first.word in ("targets", "targeting") and at and toks[at - 1].word in _DETERMINER):
            continue
        out.update(t for t in toks[place[last] + 1 :] if t.clause == first.clause)
    return frozenset(out)


def _within(reading: Reading, words: frozenset[Token]) -> bool:
    """Do the decisive words of ``reading`` open inside ``words``?"""
    return reading.span is not None and any(t.start == reading.span[0] for t in words)


_STILL = frozenset({"masih", "tetap", "still"})

_TIER = frozenset({"level", "tier", "tingkat", "tingkatan", "jenjang", "lapisan"})
_GOVERNMENT = frozenset({"government", "administration", "pemerintahan", "administrasi", "governance"})
RANK_REACH = 4  # words between a superlative and the government it ranks ("lowest level of local government")


def _rank(text: str, match: Match) -> bool:
    """Is a low or high word a rank in the hierarchy of government ("the lowest level of local
    government", "tingkat pemerintahan terendah")? A tier and a government noun stand by it."""
    toks = tokens(text)
    at, clause = toks.index(match.found[0]), match.found[0].clause
    near = [t.word for t in toks[max(0, at - RANK_REACH) : at + 1 + RANK_REACH] if t.clause == clause]
    return not _TIER.isdisjoint(near) and not _GOVERNMENT.isdisjoint(near)


_NEEDED = frozenset({"required", "needed", "necessary", "diperlukan", "dibutuhkan", "perlu"})


def _none_needed(text: str, match: Match) -> bool:
    """Is a "no" of lack said of something the clause says is needed ("No land acquisition is
    required", "No resettlement is needed")? Nothing needed is nothing lacking."""
    if match.purpose not in PROBLEM or match.found[0].word not in _NO_OPENING:
        return False
    clause = match.found[0].clause
    return any(t.word in _NEEDED for t in tokens(text) if t.clause == clause and t.start > match.found[-1].end)


_NO_OPENING = frozenset({"no", "none"})


def _subject_negated(text: str, match: Match) -> Match:
    """``match`` negated when it is a harm in the subject of an English clause that opens by denying
    it ("No major ... risks were identified", "None of the villages reported ..."); Indonesian "Tidak
    ada X" is a lack by itself, which the lexicon reads."""
    if match.negated or match.purpose not in (*PROBLEM, "bad_quantity"):
        return match
    if match.found[0].word in NEGATORS or not subject_denied(tokens(text), places(text)[match.found[0]], english=True):
        return match
    return match._replace(negated=True)


def _still_not(text: str) -> Reading | None:
    """A state that persists and is denied in one clause ("but most agencies still run separate
    applications that do not exchange data", "most villages still do not use it", "masih tidak
    tersedia"): what is still not the case is a gap."""
    toks = tokens(text)
    for i, token in enumerate(toks):
        if token.word not in _STILL:
            continue
        negator = next((t for t in toks[i + 1 :] if t.clause == token.clause and t.word in NEGATORS), None)
        if negator is not None:
            return from_match(text, "present", "still_not", Match(_NOT_YET_PHRASE, (token, negator), False))
    return None


# a need that persists: "60 percent of licensing services still require a physical visit", "Pelayanan izin
# masih memerlukan kehadiran fisik pemohon"
_NEEDS = frozenset(
    {"require", "requires", "need", "needs", "must", "rely", "relies", "depend", "depends", "memerlukan",
     "membutuhkan", "perlu", "bergantung", "tergantung", "mengandalkan"}
)  # fmt: skip
NEED_REACH = 2  # words between "still"/"masih" and the need ("masih sangat bergantung")


def _still_needed(text: str) -> Reading | None:
    """A need that persists in one clause ("still require a physical visit", "masih memerlukan
    kehadiran fisik", "still rely on diesel generators"): what the situation still needs is a gap."""
    toks = tokens(text)
    for i, token in enumerate(toks):
        if token.word not in _STILL:
            continue
        need = next(
            (t for t in toks[i + 1 : i + 1 + NEED_REACH] if t.clause == token.clause and t.word in _NEEDS), None
        )
        if need is not None:
            return from_match(text, "present", "still_needed", Match(_NOT_YET_PHRASE, (token, need), False))
    return None


_FROM = frozenset({"dari", "from", "menjadi", "to"})


def _with_figures(text: str, clauses: set[int]) -> set[int]:
    """``clauses`` with the clause right after each that only gives its figures ("turun tajam ...,
    dari 86 menjadi 21 kasus per 100.000 penduduk")."""
    toks = tokens(text)
    out = set(clauses)
    for clause in clauses:
        nxt = [t for t in toks if t.clause == clause + 1]
        if nxt and nxt[0].word in _FROM and any(t.word[:1].isdigit() for t in nxt[:3]):
            out.add(clause + 1)
    return out


_AVERAGE = frozenset({"rata-rata", "rerata", "average", "mean"})
_BELOW = frozenset({"bawah", "below", "lower", "under", "kurang"})
_ABOVE = frozenset({"atas", "above", "higher", "over", "melebihi", "exceeds"})
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def _compared_well(text: str, match: Match) -> bool:
    """Is a comparison with an average ("di bawah rata-rata nasional", "above the provincial
    average") good for the quantity its sentence is about: a bad one below it, a good one above it
    ("Angka pengangguran terbuka turun menjadi 4,2 persen, di bawah rata-rata nasional")?"""
    said = {t.word for t in match.found}
    if said.isdisjoint(_AVERAGE):
        return False
    below = not said.isdisjoint(_BELOW)
    if not below and said.isdisjoint(_ABOVE):
        return False
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, match.found[0].start)]
    start = ends[-1] if ends else 0
    subject = next(
        (
            q
            for q in find_all(text, "bad_quantity", "bad_measure", "good_quantity", "good_measure")
            if start <= q.found[0].start < match.found[0].start and not q.negated
        ),
        None,
    )
    if subject is None:
        return False
    bad = subject.purpose in ("bad_quantity", "bad_measure")
    return bad == below


def _resolved(text: str, matches: list[Match]) -> set[int]:
    """The clauses where a problem named is said to be over ("Since the valves were fitted, the
    leaks have stopped", "Masalah banjir sudah teratasi"): a problem before a word of its end."""
    out: set[int] = set()
    for end in (m for m in find_all(text, "resolved") if not m.negated):
        clause = end.found[0].clause
        if any(
            m.found[0].clause == clause and m.found[-1].end <= end.found[0].start and not set(m.found) & set(end.found)
            for m in matches
            if m.purpose in (*PROBLEM, "bad_quantity")
        ):
            out.add(clause)
    return out


_EXISTS = frozenset({"ada", "terdapat"})
_RELATIVE = frozenset({"yang", "who", "which", "that", "is", "are", "was", "were"})
PREDICATE_REACH = 3  # words from "yang"/"is" to the bad thing it predicates
_ABOUT = frozenset({"mengenai", "tentang", "terkait", "soal", "atas", "about", "on", "regarding", "of", "for"})


def _existence_denied(text: str, matches: list[Match]) -> set[Token]:
    """The words of an existential negation whose relative clause or predicate holds a problem,
    and of that problem ("Tidak ada lagi desa yang berstatus tertinggal", "No village in the
    district is classified as underdeveloped"): nothing bad is said to be there. "Tidak ada lagi
    dokter spesialis di RSUD" (no problem word after it) still lacks something."""
    toks = tokens(text)
    place = places(text)
    out: set[Token] = set()
    for none in matches:
        if none.purpose not in PROBLEM:
            continue
        clause, end = none.found[0].clause, place[none.found[-1]]
        happened = _never_happened(toks, none, end)
        if happened is not None:  # "belum pernah ada laporan kebocoran pipa"
            after = toks[happened + 1 : happened + 1 + PREDICATE_REACH]
            bad = [m for m in matches if m.purpose in (*PROBLEM, "bad_quantity") and m.found[0] in after]
            if bad:
                out.update(none.found)
                out.update(t for m in bad for t in m.found)
            continue
        if not _existential(none):
            continue
        # "tidak ada lagi puskesmas tanpa dokter": every one has it
        if any(t.word in _WITHOUT and t.clause == clause for t in toks[end + 1 : end + 1 + WITHOUT_REACH + 1]):
            out.update(none.found)
            continue
        rel = next(
            (i for i in range(end + 1, len(toks)) if toks[i].clause == clause and toks[i].word in _RELATIVE), None
        )
        # "Belum ada data terpadu mengenai nelayan yang terdampak": the relative clause is of the complement
        if rel is None or any(t.word in _ABOUT for t in toks[end + 1 : rel]):
            continue
        # the predicate of the relative clause, right after it ("yang kekurangan air", "is classified as
        # underdeveloped"), not a word further on ("tidak ada data yang akurat tentang warga miskin")
        bad = [
            m
            for m in matches
            if m.purpose in (*PROBLEM, "bad_quantity")
            and m.found[0].clause == clause
            and 0 < place[m.found[0]] - rel <= PREDICATE_REACH
            and m is not none
        ]
        if not bad and _predicate_denied(toks, rel):
            # "Tidak ada lagi desa yang belum teraliri listrik", "There is no village that has not been
            # connected": a denied existence of what is not done says all is done
            out.update(none.found)
            continue
        if bad:
            out.update(none.found)
            out.update(t for m in bad for t in m.found)
    return out


# a bad event counted by a record that is denied or says none: "tidak tercatat satu pun kasus gizi buruk",
# "has not recorded a single case of measles", "recorded zero maternal deaths"
_RECORDED = frozenset(
    {"tercatat", "dicatat", "dilaporkan", "ditemukan", "ditemui", "terdeteksi", "terjadi", "recorded", "reported",
     "registered", "found", "detected", "observed", "seen", "occurred", "had"}
)  # fmt: skip
_ZERO = frozenset({"zero", "nol", "nihil"})
_ANY = frozenset({"satu", "pun", "seorang", "sebuah", "lagi", "a", "single", "any", "one"})
_AUX = frozenset({"been", "be", "yet", "pernah", "lagi", "has", "have", "had"})
RECORD_REACH = 4  # words between the record verb and the bad event ("a single case of", "satu pun kasus")
ZERO_REACH = 2  # words between "zero"/"nol" and the bad event it counts ("zero maternal deaths")
# the nouns of an event whose kind follows ("kasus gizi buruk", "cases of dengue")
_EVENT = frozenset({"kasus", "kejadian", "insiden", "case", "cases", "incident", "incidents", "of"})


def _none_recorded(text: str, match: Match) -> bool:
    """Is a bad event counted as none ("recorded zero maternal deaths", "nol kasus") or the object of
    a record that is denied ("Tidak tercatat satu pun kasus gizi buruk", "has not recorded a single
    case of measles")? Then none happened. The record stands before the event: "Kasus gizi buruk
    tidak tercatat dengan baik" (the event first) is a gap in the data."""
    if match.purpose not in (*PROBLEM, "bad_quantity") or match.negated:
        return False
    toks = tokens(text)
    at, clause = places(text)[match.found[0]], match.found[0].clause
    before = [t.word for t in toks[max(0, at - ZERO_REACH) : at] if t.clause == clause]
    if not _ZERO.isdisjoint(before):
        return True
    k = at - 1
    between = 0
    while k >= 0 and toks[k].clause == clause and toks[k].word not in _RECORDED and between < RECORD_REACH:
        if toks[k].word not in _ANY and toks[k].word not in _EVENT:
            return False
        between += 1
        k -= 1
    if k < 0 or toks[k].clause != clause or toks[k].word not in _RECORDED:
        return False
    k -= 1
    while k >= 0 and toks[k].clause == clause and toks[k].word in _AUX:
        k -= 1  # "have not been reported", "belum pernah ditemukan"
    return k >= 0 and toks[k].clause == clause and toks[k].word in NEGATORS


_RELATIVE_AUX = frozenset({"has", "have", "is", "are", "was", "were", "does", "do", "did"})


def _predicate_denied(toks: tuple[Token, ...], rel: int) -> bool:
    """Does the relative clause opened at ``rel`` ("yang", "that") begin with a negator, after an
    English auxiliary at most ("yang belum teraliri", "that has not been connected")?"""
    k = rel + 1
    if k < len(toks) and toks[k].word in _RELATIVE_AUX:
        k += 1
    return k < len(toks) and toks[k].clause == toks[rel].clause and toks[k].word in _NOT_DONE | {"belum"}


_NEVER = (["belum", "pernah"], ["tidak", "pernah"], ["tak", "pernah"], ["never"])
_REPORTS = frozenset({"laporan", "catatan", "kejadian", "kasus", "temuan", "report", "reports", "record", "records"})
_HAPPENS = frozenset({"ada", "terjadi", "ditemukan", "dilaporkan", "muncul", "timbul", "mengalami", "reported", "been"})


def _never_happened(toks: tuple[Token, ...], match: Match, end: int) -> int | None:
    """ "belum pernah"/"never" before a verb of happening ("belum pernah ada laporan kebocoran",
    "tidak pernah lagi terjadi kekosongan obat"); or "tidak ada" before a report of it ("tidak ada
    laporan kasus rabies"): what follows never happened. The place of the word after which it is
    named, or None."""
    words = [t.word for t in match.found]
    at = end + 1
    if at < len(toks) and toks[at].word == "lagi":  # "tidak pernah lagi terjadi", "tidak ada lagi laporan"
        at += 1
    if at >= len(toks) or toks[at].clause != match.found[0].clause:
        return None
    if words in _NEVER and toks[at].word in _HAPPENS:
        return at
    if _existential(match) and toks[at].word in _REPORTS:
        return at
    return None


def _after(words: set[Token], match: Match) -> bool:
    """Is a word of ``words`` before ``match`` in its clause?"""
    return any(t.clause == match.found[0].clause and t.start < match.found[0].start for t in words)


def _existential(match: Match) -> bool:
    """ "tidak ada", "belum ada", "no", "none": a negator that denies a thing exists."""
    words = [t.word for t in match.found]
    if words in (["no"], ["none"], ["tiada"]):
        return True
    return len(words) == 2 and words[0] in NEGATORS and words[1] in _EXISTS


MAGNITUDE_REACH = 6  # words after "tidak ada"/"no" in which "berarti"/"significant" may stand


def _of_no_weight(text: str, match: Match) -> bool:
    """Is ``match`` an existential negation whose noun is said to have no weight ("tidak ada
    perbedaan regulasi yang berarti", "no significant delays")? It names nothing lacking."""
    if not any(t.word in NEGATORS for t in match.found):
        return False
    toks = tokens(text)
    end = toks.index(match.found[-1])
    reach = {t for t in toks[end + 1 : end + 1 + MAGNITUDE_REACH] if t.clause == match.found[0].clause}
    return any(reach.intersection(m.found) for m in find_all(text, "magnitude"))


_NO_MORE = frozenset({"lagi", "longer"})


def _no_longer(text: str) -> Reading | None:
    """Something no longer in use ("sepertiga kios tidak lagi ditempati", "no longer used"): a
    loss. What is no longer suffered ("tidak lagi kekurangan air") is none, as it is not a use."""
    toks = tokens(text)
    for use in find_all(text, "in_use"):
        i = toks.index(use.found[0])
        before = [t for t in toks[max(0, i - 2) : i] if t.clause == use.found[0].clause]
        if len(before) == 2 and before[0].word in NEGATORS and before[1].word in _NO_MORE:
            return from_match(text, "present", "no_longer", Match(_NOT_YET_PHRASE, (*before, *use.found), False))
    return None


_SELL = frozenset({"jual"})  # Indonesian roots of selling
_SELL_EN = frozenset({"sell", "sells", "sold", "selling"})
_UNDER_A_SUM = (("di", "bawah"), ("below",), ("under",), ("kurang", "dari"), ("less", "than"))
BELOW_REACH = 2  # words between "di bawah"/"below" and the sum ("below Rp25,000", "di bawah harga Rp6.000")


def _sold_below(text: str) -> Reading | None:
    """A seller's price under a sum ("menjual ... dengan harga di bawah Rp6.000 per liter", "sell their
    beans at prices below Rp25,000"): what producers get falls short. A buyer's price under a sum is a
    saving, and a price above one no shortfall."""
    toks = tokens(text)
    for i, token in enumerate(toks):
        form = next((b for b in _UNDER_A_SUM if tuple(t.word for t in toks[i : i + len(b)]) == b), None)
        if form is None:
            continue
        end = i + len(form)
        clause = token.clause
        after = [t for t in toks[end : end + BELOW_REACH + 1] if t.clause == clause]
        if not any(_money(t.word) for t in after):
            continue
        before = [t for t in toks[:i] if t.clause == clause]
        seller = next((t for t in before if t.word in _SELL_EN or stem_id(t.word) in _SELL), None)
        if seller is not None:
            return from_match(text, "present", "sold_below", Match(_NOT_YET_PHRASE, (seller, token), False))
    return None


# the readings of a gap that do not go through the lexicon's problem words, in the order they are asked
_FALLBACKS = (
    _short_of,
    _falls_short,
    _not_yet,
    _not_done,
    _limited,
    _no_longer,
    _still_not,
    _still_needed,
    _sold_below,
)
