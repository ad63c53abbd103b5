"""What a background sets out: problems (deficits, gaps, bad figures, "belum ada", "hanya 6
dari 46") and assets or opportunities ("sudah ada", "tersedia", "potensi", "berpengalaman"),
found by meaning with negation respected: "tidak ada hambatan berarti" names no problem, and
an asset denied ("belum tersedia", "tidak memiliki") is a problem.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import pairwise

from advisor import knowledge
from advisor.text.lexicon import Match, Phrase, find_all, is_number
from advisor.text.morph import nominal_root
from advisor.text.negation import NEGATORS, SCOPE, negated
from advisor.text.numbers import parse_number
from advisor.text.reading import Reading, from_match
from advisor.text.stem import stem_id
from advisor.text.tokens import Token, tokens

PROBLEM = ("problems", "problem_forms")  # lemma-matched words, and words matched as written


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
    return any(
        b.found[0].clause == limiter.clause and b.found[-1].end <= limiter.start and not _handled_thing(text, b)
        for b in find_all(text, "bad_quantity", "bad_measure")
    )


_SMALL = frozenset({"hanya", "cuma", "hanyalah", "only", "merely", "just", "kurang", "less", "fewer"})


def _how_near(text: str, match: Match) -> bool:
    """Is a limited figure ("hanya 15", "only 20", "kurang dari 10") a distance or a travel time
    ("hanya 15 menit perjalanan", "only 8 km from the toll road")? That says how near, not how
    little."""
    if match.found[0].word not in _SMALL:
        return False
    number = next((t for t in match.found if t.word[:1].isdigit() or is_number(t.word)), None)
    return number is not None and _distance(text, number)


def _distance(text: str, number: Token) -> bool:
    """Is ``number`` followed by a unit of distance or time, in a clause that speaks of a
    distance or a journey ("jarak", "perjalanan", "from", "drive"; "dari" not before a number:
    "hanya 2 jam dari 8 jam" is a share)?"""
    toks = tokens(text)
    i = toks.index(number)
    units = {t for m in find_all(text, "distance_unit") for t in m.found}
    if i + 1 >= len(toks) or toks[i + 1] not in units or toks[i + 1].clause != number.clause:
        return False
    for m in find_all(text, "nearness"):
        at = toks.index(m.found[-1])
        beyond = toks[at + 1].word if at + 1 < len(toks) else ""
        if m.found[0].clause == number.clause and not is_number(beyond) and not beyond[:1].isdigit():
            return True
    return False


LIMIT_NUMBER_REACH = 3  # words between "hanya"/"only" and the number it limits ("hanya buka 2 jam")
# a share in words: "hanya sebagian kecil petani", "barely a third of the town"
_FRACTIONS = frozenset(
    {
        "sebagian",
        "sepertiga",
        "seperempat",
        "setengah",
        "separuh",
        "segelintir",
        "third",
        "quarter",
        "half",
        "fraction",
        "handful",
        "few",
    }
)


def _amount(word: str) -> bool:
    return word[:1].isdigit() or is_number(word) or word in _FRACTIONS or _money(word)


def _money(word: str) -> bool:
    """A sum written onto its currency ("rp1,2", "usd500")."""
    return word.startswith(("rp", "usd", "idr")) and word.lstrip("rpusdi")[:1].isdigit()


def _near_limit(text: str, limiter: Token) -> bool:
    """Does a limiter limit a distance or a travel time ("hanya 2 km dari pusat kota")?"""
    toks = tokens(text)
    i = toks.index(limiter)
    after = [t for t in toks[i + 1 : i + 1 + LIMIT_NUMBER_REACH] if t.clause == limiter.clause]
    return any(t.word[:1].isdigit() or is_number(t.word) for t in after) and any(
        _distance(text, t) for t in after if t.word[:1].isdigit() or is_number(t.word)
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
    # "Few households have piped water": few, not "a few"
    for i, token in enumerate(toks):
        if token.word == "few" and not (i and toks[i - 1].word in _A_FEW) and i + 1 < len(toks):
            return from_match(text, "present", "limited", Match(_LACK_PHRASE, (token, toks[i + 1]), False))
    return None


def _bare_root(match: Match) -> bool:
    """A one-word Indonesian match on another word of the root than the lexicon wrote, whose
    sense has shifted: the bare root where the lexicon listed only a derived word ("tinggal",
    to live, is not "tertinggal", lagging; "anggur", grapes, not "pengangguran"), or a noun
    made with pe-/ke- ... -an from a root the lexicon wrote otherwise ("keputusan", a decision,
    is not "terputus"; "pembiayaan", financing, not "biaya"). Verb forms and -nya keep the
    root's sense ("terhambat", "rusaknya") and still match."""
    if len(match.found) != 1 or " " in match.phrase.text or match.phrase.lang != "id":
        return False
    word = match.found[0].word
    if word in _written(match.purpose):
        return False
    written = match.phrase.text.lower()
    # "kebanjiran", "kekeringan": ke-...-an of a bad thing written bare is suffering it
    suffered = word.startswith("ke") and stem_id(written) == written
    return stem_id(word) == word or (_made_noun(word) and not _made_noun(written) and not suffered)


def _made_noun(word: str) -> bool:
    """A noun made with pe(r)-/ke- ... -an ("keputusan", "pembiayaan", "pertemuan")."""
    return word.startswith(("pe", "ke")) and nominal_root(word) is not None


@cache
def _written(purpose: str) -> frozenset[str]:
    """The words of ``purpose`` as the lexicon writes them."""
    entry = knowledge.lexicon()[purpose]
    return frozenset(w.lower() for lang in (entry.id, entry.en) for w in lang)


def _not_asset(text: str) -> set[Token]:
    """The words of near misses of assets ("pertukaran pengalaman", "telah ditutup"); a count of
    places is a size ("memiliki 88 desa"), unless what they hold follows ("memiliki 112 desa
    dengan jaringan internet 4G")."""
    found = find_all(text, "assets_not")
    if not found:
        return set()
    toks = tokens(text)
    out: set[Token] = set()
    for m in found:
        at = toks.index(m.found[-1]) + 1
        holding = at < len(toks) and toks[at].word in _WITH and toks[at].clause == m.found[-1].clause
        if not (holding and "num" in m.phrase.text.lower().split()):
            out.update(m.found)
    return out


_WITH = frozenset({"dengan", "yang", "with", "that", "which", "whose"})


def _number_sign(text: str, match: Match) -> bool:
    """ "No." or "No" before a number ("Perda No. 3 Tahun 2020") abbreviates "number"."""
    if match.words != "no":
        return False
    after = text[match.found[-1].end :].lstrip()
    return after[:1] == "." or after[:1].isdigit()


def _denies_a_problem(match: Match, matches: list[Match], text: str) -> bool:
    """Is ``match`` a negator phrase ("tidak ada", "no") whose scope is a problem word ("tidak
    ada hambatan berarti": no problem is named)?"""
    if not any(t.word in NEGATORS for t in match.found):
        return False
    end = match.found[-1].end
    # a bad thing a service handles is no problem denied: "has no waste collection service" lacks the service
    return any(
        m.purpose != "assets" and m.negated and m.found[0].start >= end and not _handled_thing(text, m) for m in matches
    )


_ACHIEVED_PHRASE = Phrase("assets", "id", "sudah/telah + verb", ())
_NOT_YET_PHRASE = Phrase("problems", "id", "belum + verb", ())
_LACK_PHRASE = Phrase("problems", "id", "tanpa/without + provision", ())
_LIMITERS = frozenset(
    {"hanya", "cuma", "segelintir", "only", "just", "none", "neither", "nor", "nowhere", "fewer", "handful", "few"}
)
_A_FEW = frozenset({"a", "quite"})  # "a few households have solar panels" limits nothing
LIMIT_REACH = 6  # words before an asset in which "tidak ada ... yang", "hanya", "only" deny it


def _denied(match: Match, matches: list[Match], text: str) -> bool:
    """Is an asset denied: negated ("belum tersedia"), limited ("hanya 6 dari 46 puskesmas yang
    memiliki"), in the scope of an existential negation ("belum ada perusahaan yang bersedia"),
    or followed by one ("have no registered body")?"""
    if match.negated:
        return True
    toks = tokens(text)
    first = toks.index(match.found[0])
    last = toks.index(match.found[-1])
    clause = match.found[0].clause
    # a negator before it, unless its scope is a problem word ("sudah tidak lagi kekurangan sejak
    # PLTMH beroperasi": the shortage is denied, not the plant)
    spent = {t for m in matches if m.purpose in PROBLEM and m.negated for t in m.found}
    for k in range(max(0, first - LIMIT_REACH), first):
        negator = toks[k].clause == clause and toks[k].word in NEGATORS
        # spent on a problem in its scope or before the asset ("belum pernah terjadi konflik lahan")
        if negator and not spent.intersection(toks[k + 1 : max(first, k + 1 + SCOPE)]):
            return True
    if _in_denied_phrase(toks[:first], clause, spent):
        return True
    # a limiter quantifies the clause's subject: "Only 14 of the 52 villages have a functioning ..."
    # (not one that says how near: "hanya 2 km dari pusat kota dan mudah dijangkau")
    before = [t for t in toks[:first] if t.clause == clause]
    if any(
        (t.word in _LIMITERS or (t.word == "baru" and k + 1 < len(before) and _amount(before[k + 1].word)))
        and not _near_limit(text, t)
        and not (t.word == "few" and k and before[k - 1].word in _A_FEW)
        for k, t in enumerate(before)
    ):
        return True
    if last + 1 < len(toks) and toks[last + 1].word in NEGATORS and toks[last + 1].clause == clause:
        return True
    # denied by its predicate: "Cadangan pangan desa belum tersedia", "Jaringan irigasi di hulu belum berfungsi"
    predicate = (t for t in toks[last + 1 : last + 1 + LIMIT_REACH] if t.clause == clause)
    if any(t.word in NEGATORS and _denied_state(text, t) for t in predicate):
        return True
    # a limiter with an amount right after it: "Anggaran yang tersedia hanya Rp150.000.000", "of 3,400
    # registered MSMEs only 212 hold a certificate"
    after = [t for t in toks[last + 1 : last + 1 + LIMITED_AFTER] if t.clause == clause]
    if any(
        t.word in _LIMITERS and k + 1 < len(after) and _amount(after[k + 1].word) and not _near_limit(text, t)
        for k, t in enumerate(after)
    ):
        return True
    # in the scope of a problem: "shortage of 250 certified welders", "aktif kurang dari enam kali"
    reach = (toks[max(0, first - LIMIT_REACH)].start, toks[min(len(toks) - 1, last + 2)].end)
    costs = {t for m in find_all(text, "bad_measure") for t in m.found}  # "a tariff path": a cost named, no problem
    return any(
        (m.purpose in PROBLEM or (m.purpose == "bad_quantity" and costs.isdisjoint(m.found)))
        and not m.negated
        and m.found[0].clause == clause
        and reach[0] <= m.found[0].start < reach[1]
        and not _handled_thing(text, m)  # "Satgas Penanggulangan Kemiskinan aktif"
        and not _denies_a_problem(m, matches, text)  # "belum pernah terjadi konflik lahan"
        for m in matches
    )


def _denied_state(text: str, negator: Token) -> bool:
    """Does ``negator`` deny an asset or an adequacy right after it ("belum tersedia", "tidak berfungsi")?"""
    return any(
        m.negated and m.found[0].start > negator.start and m.found[0].start - negator.end <= 1
        for m in find_all(text, "assets", "adequate")
    )


LIMITED_AFTER = 4  # words between an asset and the limiter after it ("registered food MSMEs only 212")
_EXIST = frozenset({"ada", "terdapat"})
_WHO = frozenset({"yang", "who", "which", "that", "whose"})
_BECAUSE = frozenset({"karena", "sebab", "sehingga", "padahal", "because", "since", "so"})


def _in_denied_phrase(before: tuple[Token, ...], clause: int, spent: set[Token]) -> bool:
    """Is a word in the noun phrase of an existential negation, through a relative clause ("belum
    ada data tentang pelaku usaha yang telah mengikuti pelatihan", "There is no register of the
    farmers who have already obtained certification")? ``before`` are the words before it; a
    reason ("karena", "because") opens a statement of its own, and a negation spent on a problem
    ("tidak ada hambatan berarti") denies nothing else."""
    relative = False
    for k in range(len(before) - 1, -1, -1):
        token = before[k]
        if token.clause != clause or token.word in _BECAUSE:
            return False
        relative = relative or token.word in _WHO
        existential = token.word in ("no", "none") or (
            token.word in _EXIST and k > 0 and before[k - 1].word in NEGATORS and before[k - 1].clause == clause
        )
        if existential and relative:
            return spent.isdisjoint(before[k + 1 : k + 1 + SCOPE])
    return False


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
        if not after.word.startswith(_VERB) or after.word in _HAPPEN:
            continue
        if not any(t.word in NEGATORS for t in toks[:i] if t.clause == token.clause):
            return from_match(text, "present", "not_yet", Match(_NOT_YET_PHRASE, (token, after), False))
    return None


def _longest(matches: list[Match]) -> list[Match]:
    """``matches`` without those inside a longer one: "perguruan tinggi" (an asset) holds no
    problem "tinggi"."""
    return [
        m for m in matches if not any(len(o.found) > len(m.found) and set(m.found) <= set(o.found) for o in matches)
    ]


FREED_REACH = 4  # words after "neither", "tak satu pun" that they deny
FREE_REACH = 2  # words after "bebas", "free of": what they head ("bebas dari banjir", "free of dengue cases")
_FREE = frozenset({"bebas", "terbebas", "free"})


def _freed(text: str, match: Match) -> bool:
    """Is a problem denied by a word that is no negator elsewhere ("bebas banjir", "free of
    dengue cases", "Neither partner reported any difficulty")? "bebas"/"free" deny only the
    problem they head: a freedom to act ("bebas berkeliaran dan merusak tanaman", "free of
    charge services are scarce") denies nothing."""
    if match.purpose not in (*PROBLEM, "bad_quantity"):
        return False
    toks = tokens(text)
    at = toks.index(match.found[0])
    for n in find_all(text, "problem_negator"):
        end = toks.index(n.found[-1])
        free = n.found[0].word in _FREE
        if n.found[0].clause != match.found[0].clause or not 0 < at - end <= (FREE_REACH if free else FREED_REACH):
            continue
        if not (free and any(t.word.startswith(_ACT) for t in toks[end + 1 : at])):
            return True
    return False


_ACT = ("me", "ber")  # an active verb between "bebas" and a problem: a freedom to act


def _not_meant(text: str, match: Match) -> bool:
    """Is a problem in the scope of a denied purpose ("tidak dimaksudkan untuk mengatasi
    kekurangan anggaran", "not meant to cover a budget shortfall")? The negation reaches over
    the whole purpose, to the end of its clause."""
    if match.purpose not in (*PROBLEM, "bad_quantity", "adequate"):
        return False
    toks = tokens(text)
    for purpose in find_all(text, "purpose_word"):
        i = toks.index(purpose.found[0])
        denied = i > 0 and toks[i - 1].word in NEGATORS and toks[i - 1].clause == purpose.found[0].clause
        if (
            denied
            and purpose.found[0].clause == match.found[0].clause
            and purpose.found[0].start < match.found[0].start
        ):
            return True
    return False


_WITHOUT = frozenset({"tanpa", "without", "lacking"})
WITHOUT_REACH = 3  # words between "tanpa"/"without" and what is missing


def _without(text: str) -> Reading | None:
    """Something a place or a business needs, done without ("tanpa merek dan kemasan yang
    layak", "without a business licence")."""
    toks = tokens(text)
    for i, token in enumerate(toks):
        if token.word not in _WITHOUT:
            continue
        reach = {t for t in toks[i + 1 : i + 1 + WITHOUT_REACH] if t.clause == token.clause}
        needed = next((m for m in find_all(text, "provision") if m.found[0] in reach), None)
        # "tanpa biaya lisensi", "without licence fees": a cost spared, nothing lacking
        if any(reach.intersection(m.found) for m in find_all(text, "bad_measure")):
            continue
        if needed is not None:
            return from_match(text, "present", "lacking", Match(_LACK_PHRASE, (token, *needed.found), False))
    return None


HANDLED_REACH = 3  # words before a bad thing in which a remedy ("mengurangi timbulan sampah") may stand


def _handled_thing(text: str, match: Match) -> bool:
    """Is a bad thing the object of a handling noun ("pengelolaan sampah", "penanganan banjir",
    "pencegahan stunting") or of a remedy in any form ("mengurangi timbulan sampah", "reduce
    waste", "penurunan angka kemiskinan"), not a problem stated? A change noun ("peningkatan
    kemiskinan") is not handling: the thing still grows."""
    toks = tokens(text)
    i = toks.index(match.found[0])
    english_noun = match.phrase.lang == "en" and match.purpose == "bad_quantity"  # not "not yet managed"
    if english_noun and _handled_after(toks, toks.index(match.found[-1]), text):
        return True  # "flood early warning system", "disaster risk reduction"
    if i == 0 or toks[i - 1].clause != match.found[0].clause:
        return False
    before = toks[i - 1].word
    if find_all(before, "focus_noun"):  # "desa lokus stunting": a programme's target named
        return True
    if match.purpose in PROBLEM:  # "Forum Pengurangan Risiko Bencana"; not "pelayanan buruk"
        return _handling_noun(before)
    if find_all(before, "countermeasure"):  # "tim siaga rabies", "posko banjir": a body or a means against it
        return True
    # "pengelolaan sampah", not "kecamatan kekurangan bidan" (a place)
    if nominal_root(before) is not None and not find_all(before, "increase", "decrease", "place_noun", *PROBLEM):
        return True
    start = toks[max(0, i - HANDLED_REACH)].start
    return any(
        not m.negated
        and m.found[0].clause == match.found[0].clause
        and start <= m.found[0].start < match.found[0].start
        for m in find_all(text, "remedy")
    )


def _handling_noun(word: str) -> bool:
    """A noun of acting on a bad thing: a countermeasure ("penanggulangan") or a remedy made a
    noun with pe-...-an ("pengurangan" of "mengurangi"), not any noun ("pelayanan")."""
    if find_all(word, "countermeasure", "handling_noun"):
        return True
    root = nominal_root(word) if word.startswith("pe") else None
    return root is not None and root in _remedy_roots()


@cache
def _remedy_roots() -> frozenset[str]:
    """The roots of the Indonesian remedy verbs ("kurang" of "mengurangi")."""
    return frozenset(stem_id(w.lower()) for w in knowledge.lexicon()["remedy"].id if " " not in w)


def _handled_after(toks: tuple[Token, ...], last: int, text: str) -> bool:
    """Is an English bad thing the modifier of a handling noun right after it ("flood control
    unit", "drought early warning", "risk reduction")?"""
    after = [t for t in toks[last + 1 : last + 3] if t.clause == toks[last].clause]
    if not after or after[0].word.endswith(("ed", "ing")):  # a verb after it: "flood managed by", "waste piling up"
        return False
    span = text[after[0].start : after[-1].end]
    return any(m.found[0].start == 0 for m in find_all(span, "countermeasure", "handling_noun", "focus_noun"))


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
        if ref is not None:
            return from_match(text, "present", "short_of_reference", below, ref)
    return None


TREND_REACH = 4  # words between a level or trend word and the quantity it qualifies
_GOOD = ("good_quantity", "good_measure")


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
    words = [w for w in words if near_miss.isdisjoint(w.found)]
    quantities = _longest(find_all(text, "bad_quantity", "bad_measure", *_GOOD))
    nouns = _longest([*quantities, *find_all(text, "assets")])
    toks = tokens(text)
    place = {t: i for i, t in enumerate(toks)}
    out: list[Trend] = []
    for word in words:
        at = place[word.found[0]]
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
        noun = _head(min(near, key=lambda e: e[0])[1], nouns, place, word.phrase.lang)
        up = word.purpose != "trend_down"
        bad = noun.purpose in ("bad_quantity", "bad_measure")
        out.append((word, "bad" if up == bad else "good", noun.found))
    return out


def _head(noun: Match, nouns: list[Match], place: dict[Token, int], lang: str) -> Match:
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


@lru_cache(maxsize=8192)  # a pure function of the text; plans repeat their texts
def problems(text: str) -> Reading:
    # good quantities are read only to shadow the bad words inside them ("bank sampah",
    # "pengentasan kemiskinan")
    matches = [m for m in _read_matches(text, *PROBLEM, "assets", "bad_quantity", *_GOOD) if m.purpose not in _GOOD]
    # "bebas banjir", "free of dengue cases", "tidak dimaksudkan untuk mengatasi kekurangan anggaran"
    matches = [m for m in matches if not _freed(text, m) and not _not_meant(text, m)]
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
    better = {w.found[0].clause for w, polarity, _ in trends if polarity == "good"}
    matches = [m for m in matches if not (m.purpose == "bad_quantity" and m.found[0].clause in better)]
    costs = {t for m in find_all(text, "bad_measure") for t in m.found}
    for match in (m for m in matches if good.isdisjoint(m.found)):
        if match.purpose in (*PROBLEM, "bad_quantity") and _handled_thing(text, match):
            continue
        if match.purpose == "bad_quantity" and not costs.isdisjoint(match.found):
            continue  # a cost named without a level or a trend ("biaya pelatihan ditanggung mitra") is no problem
        if match.purpose == "bad_quantity" and _limited_low(text, match):
            continue  # "Waktu tempuh dari bandara hanya 30 menit": low, a strength
        problem = (match.purpose in PROBLEM or match.purpose == "bad_quantity") and not match.negated
        if problem and not _denies_a_problem(match, matches, text) and not _of_no_weight(text, match):
            return from_match(text, "present", "bad_figure" if match.purpose == "bad_quantity" else "problem", match)
        if match.purpose == "assets" and _denied(match, matches, text):
            return from_match(text, "present", "asset_denied", match)
    lacking = _without(text)
    if lacking is not None:  # "dijual tanpa merek dan kemasan", "operate without a business licence"
        return lacking
    inadequate = next((m for m in find_all(text, "adequate") if m.negated and not _not_meant(text, m)), None)
    if inadequate is not None:  # "tidak mencukupi", "belum berfungsi", "not enough"
        return from_match(text, "present", "adequacy_denied", inadequate)
    return (
        _short_of(text)
        or _falls_short(text)
        or _not_yet(text)
        or _limited(text)
        or _no_longer(text)
        or Reading("absent", "no_problem")
    )


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


_ACHIEVED = frozenset({"sudah", "telah"})
# "telah mengoperasikan", "sudah berjalan", "sudah terhubung", "telah disusun": what is already
# done or in place is an asset
_ACTIVE = ("me", "ber", "ter", "di")


def _achieved(text: str, matches: list[Match]) -> Reading | None:
    """ "sudah"/"telah" before an active verb, outside any negation or problem."""
    toks = tokens(text)
    for i, token in enumerate(toks[:-1]):
        after = toks[i + 1]
        # ber- before a root in "er" or "r" is "be-": "telah bekerja sama", "sudah beternak"
        verb = after.word.startswith(_ACTIVE) or (after.word.startswith("be") and stem_id(after.word) != after.word)
        if token.word in _ACHIEVED and after.clause == token.clause and verb:
            found = (token, after)
            if not _not_asset(text).isdisjoint(found):  # "telah ditutup", "sudah terjadi"
                continue
            match = Match(_ACHIEVED_PHRASE, found, negated(toks, i, found))
            if not _denied(match, matches, text):
                return from_match(text, "present", "achieved", match)
    return None


@lru_cache(maxsize=8192)  # a pure function of the text; plans repeat their texts
def assets(text: str) -> Reading:
    trends = _trends(text)
    good = {t for w, polarity, noun in trends if polarity == "good" for t in (*w.found, *noun)}
    matches = [m for m in _read_matches(text, "assets", *PROBLEM, "bad_quantity", *_GOOD) if good.isdisjoint(m.found)]
    worse = {w.found[0].clause for w, polarity, _ in trends if polarity == "bad"}  # "naik ... sejak 2022"
    for match in (m for m in matches if m.purpose == "assets" and m.found[0].clause not in worse):
        if _potential_harm(text, match, matches) or _land_harmed(text, match, matches):
            continue
        if not _denied(match, matches, text) and not _pledges_a_principle(text, match):
            return from_match(text, "present", "asset", match)
    # a rise as a state ("permintaan terus meningkat"), not a nominal that names a goal
    # ("Meningkatnya kesadaran masyarakat")
    untapped = next((m for m in find_all(text, "untapped") if not m.negated), None)
    if untapped is not None:  # "cadangan panas bumi yang belum dimanfaatkan": an opportunity
        return from_match(text, "present", "untapped", untapped)
    good_trend = _good_trend(trends, matches, text)
    if good_trend is not None:  # "permintaan kopi terus meningkat"
        return from_match(text, "present", "good_trend", good_trend)
    return _achieved(text, matches) or _good_figure(text, matches) or Reading("absent", "no_asset")


_LAND = frozenset({"lahan", "tanah", "land"})
_AT = frozenset({"di", "pada", "ke", "dari", "dalam", "in", "on", "at", "into", "from", "across"})


def _land_harmed(text: str, match: Match, matches: list[Match]) -> bool:
    """Is land named as where something happens ("sebagian besar di lahan gambut", "fires on peat
    land") or as what a harm is done to ("pembukaan lahan dengan cara membakar")? It is held, an
    asset, when offered or available ("tersedia lahan 5 ha")."""
    if len(match.found) != 1 or match.found[0].word not in _LAND:
        return False
    toks = tokens(text)
    i, clause = toks.index(match.found[0]), match.found[0].clause
    if i > 0 and toks[i - 1].word in _AT and toks[i - 1].clause == clause:
        return True
    return any(
        m.purpose in (*PROBLEM, "bad_quantity")
        and m.found[0].clause == clause
        and not m.negated
        and not _handled_thing(text, m)
        for m in matches
    )


_POTENTIAL = frozenset({"potensi", "potensinya", "berpotensi", "potential", "potentially"})
POTENTIAL_REACH = 3  # words between "potensi"/"potential" (in or after an asset) and the harm it names


def _potential_harm(text: str, match: Match, matches: list[Match]) -> bool:
    """Is an asset the potential of a harm ("Potensi banjir rob", "berpotensi longsor", "has a high
    potential for forest fires")? That is a risk, not an opportunity."""
    toks = tokens(text)
    first, clause = toks.index(match.found[0]), match.found[0].clause
    near = [t for t in toks[first : toks.index(match.found[-1]) + 1 + POTENTIAL_REACH] if t.clause == clause]
    at = next((t for t in near if t.word in _POTENTIAL), None)
    if at is None:
        return False
    reach = [t for t in toks[toks.index(at) + 1 : toks.index(at) + 1 + POTENTIAL_REACH] if t.clause == clause]
    harms = [m for m in matches if m.purpose in (*PROBLEM, "bad_quantity")]
    return any(m.found[0] in reach and not _handled_thing(text, m) for m in harms)


def _good_trend(trends: list[Trend], matches: list[Match], text: str) -> Match | None:
    """A good trend or level ("permintaan kopi terus meningkat"), not a nominal that names a goal
    ("Meningkatnya kesadaran"), nor a high potential of a harm ("a high potential for forest fires")."""
    for word, polarity, noun in trends:
        if polarity != "good" or word.words.endswith("nya"):
            continue
        if noun and _potential_harm(text, Match(word.phrase, noun, False), matches):
            continue
        if not _denied(word, matches, text):
            return word
    return None


_COMMITTED = frozenset({"komitmen", "berkomitmen", "komitmen kuat", "committed", "commitment"})


def _pledges_a_principle(text: str, match: Match) -> bool:
    """Is an asset a commitment to a general principle ("berkomitmen menjalankan tata kelola yang
    baik", "committed to good governance"), with no figure in its clause? It pledges nothing to
    build on, as a commitment of land, money or people does."""
    if match.phrase.text not in _COMMITTED:
        return False
    clause = match.found[0].clause
    if any(t.clause == clause and (t.word[:1].isdigit() or is_number(t.word)) for t in tokens(text)):
        return False
    return any(p.found[0].clause == clause for p in find_all(text, "principle"))


_REACHES = frozenset({"mencapai", "sebesar", "sebanyak", "reaches", "reached", "totals", "exceeds", "melampaui"})


def _good_figure(text: str, matches: list[Match]) -> Reading | None:
    """A good quantity that reaches a figure ("Produksi kopi rakyat mencapai 1.250 ton per
    tahun"): a strength to build on, unless a problem or limiter in its clause denies it."""
    if _short_of(text) is not None:  # "mencapai 41,3 persen, jauh di bawah target": a shortfall
        return None
    toks = tokens(text)
    for good in (m for m in find_all(text, "good_quantity") if not m.negated):
        clause = good.found[0].clause
        after = [t for t in toks if t.clause == clause and t.start >= good.found[-1].end]
        aims = {t for m in find_all(text, "aim_word") if m.found[0].clause == clause for t in m.found}
        for i, token in enumerate(after[:-1]):
            if i and after[i - 1].word in _LIMITERS:  # "hanya mencapai"
                break
            if aims and any(t.start < token.start for t in aims):  # "ditargetkan mencapai": not reached yet
                break
            if token.word in _REACHES and after[i + 1].word[:1].isdigit():
                found = Match(good.phrase, (*good.found, token, after[i + 1]), False)
                if not _denied(found, matches, text):
                    return from_match(text, "present", "good_figure", found)
    return None
