"""Can a goal or an indicator be measured?

A goal is measurable with an amount AND a time: "Meningkatkan kunjungan 20% pada 2027". A
year, a period ("2025-2029") or an agenda number ("SDG 6", "Misi 3 RPJMD") is not an amount; a
period counted from the start ("tahun ketiga", "second year"), one period ("dalam setahun") or
the next ("tahun depan") is a time, a rate ("10% per tahun") is not.
An indicator statement is ``countable`` (a quantity: "Jumlah ...", "Persentase ...", a number,
a cumulative count, a duration or a rate), ``yes_no`` (an output that happens or not:
"Terlaksananya kegiatan", "Penandatanganan PKS", "Training held") or ``abstract`` (an outcome
with nothing to count: "Meningkatnya kesadaran masyarakat", "Peningkatan kapasitas aparatur":
a measure word is no measure as a quality that changes, nor as a place, "di tingkat desa").
"""

from __future__ import annotations

import re
from functools import lru_cache

from advisor.text.lexicon import Match, find_all, is_number
from advisor.text.morph import nominal_root, stative_id
from advisor.text.reading import Reading, from_match, quoted
from advisor.text.tokens import Token, tokens
from advisor.text.voice import passive_verb_id

_YEAR = re.compile(r"^(?:[a-z]+-|fy|ta|q[1-4])?(?:19|20)\d\d$")  # "2026", "mid-2026", "FY2027", "TA2026"
_PERIOD = re.compile(r"^(?:19|20)\d\d[-–/](?:19|20)?\d\d$")
_MONTHS = frozenset(
    [
        "januari",
        "februari",
        "maret",
        "april",
        "mei",
        "juni",
        "juli",
        "agustus",
        "september",
        "oktober",
        "november",
        "desember",
        "january",
        "february",
        "march",
        "may",
        "june",
        "july",
        "august",
        "october",
        "december",
    ]
)


def _is_year(word: str) -> bool:
    return bool(_YEAR.match(word) or _PERIOD.match(word))


_MONEY = re.compile(r"^(?:rp|idr|usd|us\$|\$)\.?\d")  # "Rp45", "Rp1.500": the tokenizer keeps them whole


def _is_amount(word: str) -> bool:
    return word[:1].isdigit() or bool(_MONEY.match(word))


# a period counted from the start of the cooperation: "tahun ketiga", "tahun ke-2", "triwulan IV",
# "second year", "year 3"
_PERIOD_WORDS = frozenset({"tahun", "bulan", "triwulan", "semester", "minggu", "year", "month", "quarter"})
_ORDINALS = frozenset(
    {"pertama", "kedua", "ketiga", "keempat", "kelima", "keenam", "ketujuh", "kedelapan", "kesembilan",
     "kesepuluh", "i", "ii", "iii", "iv", "v", "vi", "first", "second", "third", "fourth", "fifth", "sixth",
     "final", "one", "two", "three", "four", "five"}
)  # fmt: skip


def _ordinal(word: str) -> bool:
    return word in _ORDINALS or bool(re.match(r"^(?:ke-?)?\d+$", word))


def _relative_period(toks: tuple[Token, ...], i: int) -> bool:
    """Is word ``i`` a period with its ordinal ("tahun ketiga", "second year", "year 3")?"""
    word = toks[i].word
    if word not in _PERIOD_WORDS:
        return False
    after = toks[i + 1] if i + 1 < len(toks) and toks[i + 1].clause == toks[i].clause else None
    before = toks[i - 1] if i > 0 and toks[i - 1].clause == toks[i].clause else None
    if after is not None and _ordinal(after.word) and not _is_year(after.word):
        return True
    return before is not None and before.word in _ORDINALS and not before.word[:1].isdigit()


# words before a number written in words that make it an amount of a change or a target ("from
# two to four", "dari dua menjadi empat", "to twenty"); elsewhere a spelt number names a group
# ("the two cities", "satu data") or a frequency word
_SPELT_AMOUNT_AFTER = frozenset({"from", "to", "dari", "menjadi", "hingga", "sampai", "sebanyak", "sejumlah"})


# units after a number in words that make it an amount: "dua poin persentase", "tiga kali lipat"
_SPELT_UNITS = frozenset({"poin", "persen", "kali", "lipat", "point", "points", "percent", "times", "fold"})


def _spelt_amount(toks: tuple[Token, ...], i: int) -> bool:
    word = toks[i].word
    if word[:1].isdigit() or not is_number(word):
        return False
    before = toks[i - 1] if i > 0 and toks[i - 1].clause == toks[i].clause else None
    after = toks[i + 1] if i + 1 < len(toks) and toks[i + 1].clause == toks[i].clause else None
    return (before is not None and before.word in _SPELT_AMOUNT_AFTER) or (
        after is not None and after.word in _SPELT_UNITS
    )


def _amounts(text: str) -> list[Token]:
    """Numbers that are amounts: not a year, not an agenda's number, not a count of years or
    months of a deadline ("dalam 3 tahun"); a number in words only as the amount of a change or
    a target ("from two to four")."""
    toks = tokens(text)
    agenda = {m.found[-1].start for m in find_all(text, "agenda_number")}
    out = []
    for i, token in enumerate(toks):
        if not (_is_amount(token.word) or _spelt_amount(toks, i)) or _is_year(token.word):
            continue
        if i > 0 and toks[i - 1].word in _PERIOD_WORDS and _relative_period(toks, i - 1):
            continue  # "tahun ke-3": a time
        after = toks[i + 1].word if i + 1 < len(toks) else ""
        if not token.word.endswith("%") and any(
            t.start in agenda and t.clause == token.clause for t in toks[max(0, i - 2) : i]
        ):
            continue  # "SDG 6", "Misi 3", "Prioritas Nasional 2" (not "Target 80%")
        if after in {"tahun", "bulan", "years", "months", "year", "month"} and not token.word.endswith("%"):
            continue  # a duration: part of the time
        out.append(token)
    return out


_ONE_PERIOD = frozenset({"setahun", "sebulan", "seminggu", "semester"})  # "dalam setahun": one year
_NEXT = frozenset({"depan", "mendatang", "berikutnya"})  # "tahun depan", "next year"
_DURATION_UNITS = frozenset({"tahun", "bulan", "years", "months", "year", "month", "minggu", "weeks", "week"})


def _within_a(toks: tuple[Token, ...], i: int) -> bool:
    """ "within a year", "in a month" (not "10% a year", a rate)."""
    return i >= 2 and toks[i - 1].word == "a" and toks[i - 2].word in ("within", "in")


def _times(text: str) -> list[Token]:
    toks = tokens(text)
    out = []
    for i, token in enumerate(toks):
        after = toks[i + 1].word if i + 1 < len(toks) else ""
        before = toks[i - 1].word if i else ""
        if (
            _is_year(token.word)
            or token.word in _MONTHS
            or (is_number(token.word) and after in _DURATION_UNITS)
            or _relative_period(toks, i)
            or (token.word in _ONE_PERIOD and before in ("dalam", "selama"))
            or (token.word in ("tahun", "bulan") and after in _NEXT)
            or (token.word in ("year", "month") and (before == "next" or _within_a(toks, i)))
            or _end_of_term(toks, i)
        ):
            out.append(token)
    return out


# fractions written in words, as written (a lemma would meet "ketiga", "quarterly")
_FRACTIONS = frozenset({"sepertiga", "seperempat", "seperlima", "sepersepuluh", "two-thirds", "three-quarters"})
_FRACTION_PARTS = frozenset({"pertiga", "perempat", "perlima", "third", "thirds", "quarter", "quarters", "fifth"})
_FRACTION_COUNTS = frozenset({"a", "one", "two", "three", "dua", "tiga", "empat"})


def _fractions(text: str) -> list[Token]:
    """Fractions written in words: "sepertiga", "dua pertiga", "a third", "three quarters"."""
    toks = tokens(text)
    out = []
    for i, token in enumerate(toks):
        if token.word in _FRACTIONS:
            out.append(token)
        elif token.word in _FRACTION_PARTS and i > 0 and toks[i - 1].word in _FRACTION_COUNTS:
            out.append(token)  # not "the third quarter of 2026": an ordinal is no count
    return out


# the term of the cooperation itself: "pada akhir program", "by the end of the programme"
_TERMS = frozenset(
    {"program", "programme", "project", "proyek", "kegiatan", "kerja", "kerjasama", "cooperation", "agreement",
     "partnership", "periode", "period", "masa", "perjanjian", "pks", "kemitraan",
     # the plan period it serves: "pada akhir RPJMD", "by the end of the RPJMD period"
     "rpjmd", "rpjmn", "renstra", "jabatan", "term"}
)  # fmt: skip
_TERM_REACH = 3  # words between "akhir"/"end" and the term ("end of the programme")


def _end_of_term(toks: tuple[Token, ...], i: int) -> bool:
    """Is word ``i`` the end of the cooperation's own term ("akhir program", "akhir masa kerja
    sama", "end of the programme", "akhir RPJMD"), or the term itself as the span ("selama
    program berjalan", "during the programme")? A deadline as sure as a date."""
    if toks[i].word not in ("akhir", "end", "berakhirnya", "selesainya", "completion", "close", "selama", "during"):
        return False
    after = [t.word for t in toks[i + 1 : i + 1 + _TERM_REACH] if t.clause == toks[i].clause]
    return any(w in _TERMS for w in after)


@lru_cache(maxsize=8192)  # a pure function of the text; plans repeat their texts
def goal_measurable(text: str) -> tuple[Reading, bool, bool]:
    """The reading (``measurable`` or ``not_measurable``), has an amount, has a time."""
    amounts = _amounts(text)
    words = [m for m in find_all(text, "amount_word") if not m.negated]
    amounts += _fractions(text)
    times = _times(text)
    has_amount, has_time = bool(amounts or words), bool(times)
    found = [*amounts, *(t for m in words[:1] for t in m.found), *times]
    said, span = quoted(text, *found)
    if has_amount and has_time:
        return Reading("measurable", "amount_and_time", said, span), True, True
    reason = "no_amount_no_time" if not (has_amount or has_time) else ("no_time" if has_amount else "no_amount")
    return Reading("not_measurable", reason, said, span), has_amount, has_time


_CHANGE_HEAD = ("increase", "decrease", "quality_change")  # "Meningkatnya", "Peningkatan", "Membaiknya"


def _output(text: str, toks: tuple[Token, ...]) -> Reading | None:
    """A deliverable named at the head, or a thing with a di-/ter- result predicate, with
    nothing counted: an output that exists or not."""
    if not toks or find_all(text, "measurable"):
        return None
    deliverable = next((m for m in find_all(text, "deliverable") if m.found[0] == toks[0]), None)
    if deliverable is not None:
        return from_match(text, "yes_no", "happens_or_not", deliverable)
    last = toks[-1].word
    if _counted_done(text, toks):
        return None  # "Kader posyandu terlatih": people trained, a count
    # an abstract quality at the head, or right after a change at the head ("Meningkatnya kualitas
    # pelayanan di pulau terluar"): an outcome, and a ter- word ending its place no predicate
    changed = any(m.found[0] == toks[0] for m in find_all(text, *_CHANGE_HEAD))
    at = 1 if changed and len(toks) > 1 else 0
    abstract_head = any(m.found[0] == toks[at] for m in find_all(text, "abstract_noun"))
    # a predicate nominalised at the head ("Membaiknya layanan ...", "Terbangunnya kepercayaan ..."):
    # the sentence has its predicate; a ter- word at its end qualifies a place ("pulau terluar")
    nominalised = len(toks) > 2 and toks[0].word.endswith("nya")
    if nominalised and (changed or any(m.found[0] == toks[1] for m in find_all(text, "abstract_noun"))):
        return None
    if (passive_verb_id(last) == "di" or stative_id(last)) and not abstract_head:
        said, span = quoted(text, toks[-1])
        return Reading("yes_no", "happens_or_not", said, span)
    return None


_AT = frozenset({"di", "pada", "ke", "at", "on"})
_VALUES = frozenset({"nilai", "values"})  # "di tingkat kabupaten", "at district level"


def _measures(text: str, toks: tuple[Token, ...], match: Match) -> bool:
    """Is a measure word a measure here? Not a place ("di tingkat kabupaten", "at the village
    level"), nor a quality that changes ("Peningkatan kapasitas aparatur", "Enhanced capacity
    of village officials"): those count nothing."""
    i = toks.index(match.found[0])
    before = [t.word for t in toks[max(0, i - 3) : i] if t.clause == match.found[0].clause]
    if before and (before[-1] in _AT or (match.found[0].word == "level" and "at" in before)):
        return False
    quality = any(m.found[0] == match.found[0] for m in find_all(text, "abstract_noun"))
    # "Enhanced capacity", "Strengthened institutional capacity": the change before it, an
    # adjective between at most
    before_it = {t for t in toks[max(0, i - 2) : i] if t.clause == match.found[0].clause}
    changed = any(m.found[-1] in before_it for m in find_all(text, *_CHANGE))
    if quality and changed:
        return False
    # "nilai budaya", "nilai kearifan lokal": the values of a culture, not a value measured
    j = toks.index(match.found[-1])
    return not (
        match.found[-1].word in _VALUES
        and j + 1 < len(toks)
        and any(m.found[0] == toks[j + 1] for m in find_all(text, "abstract_noun"))
    )


_QUALIFIERS = frozenset({"yang", "dengan", "tanpa"})
_QUALIFIER_REACH = 4  # words of the head's noun phrase before its qualifier ("Pelaku UMKM binaan yang")


def _counted_id(text: str, toks: tuple[Token, ...]) -> Reading | None:
    """An Indonesian count head with its qualifier ("Desa yang memiliki perdes", "Balita yang
    diimunisasi", "Desa dengan BUMDes aktif"): who or what is counted."""
    head = next((m for m in find_all(text, "counted_head") if m.found[0] == toks[0] and m.phrase.lang == "id"), None)
    if head is None:
        return None
    start = len(head.found)
    near = [t for t in toks[start : start + _QUALIFIER_REACH] if t.clause == toks[0].clause]
    qualifier = next((t for t in near if t.word in _QUALIFIERS), None)
    if qualifier is None:
        return None
    return from_match(text, "countable", "measure_noun", head, Match(head.phrase, (qualifier,), False))


_BRACKETS = re.compile(r"\(([^()]{1,30})\)\s*$")
_YES_NO_UNITS = re.compile(r"^(?:ada|ya|yes|sudah)\s*/\s*(?:tidak|no|belum)$")
_UNIT = re.compile(r"^[a-z%][a-z0-9%/. ]*$")  # "orang", "ton per bulan", "liter/detik", "%"


def _unit_in_brackets(text: str) -> Reading | None:
    """A unit written after the statement ("Pelatihan kader posyandu (orang)", "Luas lahan (ha)",
    "Capaian SPM (%)"): what is counted in it; "(ada/tidak)" is a yes/no. An acronym in brackets
    ("(RAD)", "(NTN)") names, it does not count."""
    found = _BRACKETS.search(text)
    if found is None:
        return None
    unit = found.group(1).strip()
    if _YES_NO_UNITS.match(unit.lower()):
        return Reading("yes_no", "happens_or_not", found.group(0).strip(), (found.start(), found.end()))
    if not _UNIT.match(unit):
        return None  # written in capitals: a name
    return Reading("countable", "measure_noun", found.group(0).strip(), (found.start(), found.end()))


def _counted_done(text: str, toks: tuple[Token, ...]) -> bool:
    """Are people or places at the head with a predicate of what was done to them ("Kader
    posyandu terlatih", "Rumah tangga tersambung")? Then they are counted."""
    head = any(m.found[0] == toks[0] for m in find_all(text, "counted_head"))
    formed = any(m.found[-1] == toks[-1] for m in find_all(text, "yes_no"))  # "Kelompok kerja terbentuk": one output
    return head and not formed and any(m.found[-1] == toks[-1] for m in find_all(text, "count_up"))


_SINGULAR_OUTPUT_REACH = 4  # words of "Early warning system installed" before the participle
_WHERE_WHEN = frozenset({"in", "at", "on", "along", "across", "by", "before", "within", "for"})


def _one_thing_done(toks: tuple[Token, ...], match: Match) -> bool:
    """Is an English participle at the end said of one thing ("Early warning system installed",
    "Sea wall built"), an output that exists or not, rather than of a plural counted ("Houses
    built")?"""
    if match.phrase.lang != "en":
        return False
    j = toks.index(match.found[-1])
    # at the end, or before where or when it was done ("installed in the river basin", "built by 2026")
    if j + 1 < len(toks) and toks[j + 1].word not in _WHERE_WHEN:
        return False
    if not 2 <= j + 1 <= _SINGULAR_OUTPUT_REACH + 1:
        return False
    before = [t.word for t in toks[:j]][-_SINGULAR_OUTPUT_REACH:]
    return not any(w.endswith("s") and not w.endswith("ss") for w in before) and not any(
        w[:1].isdigit() for w in before
    )


_ACTIVITY_EN = ("tion", "sion", "ing", "ment", "ance")
_OBJECT_REACH = 2  # words after an activity in which an abstract outcome is its object
_LOAN_ACTIVITY = ("si",)  # "sosialisasi", "rehabilitasi", "renovasi", "instalasi"


def _outcome_of(toks: tuple[Token, ...], abstract: Match) -> bool:
    """Is an abstract noun the activity's outcome: its object ("Pelestarian budaya lokal") or
    a quality said of it ("Pelayanan publik yang prima"), not a word deep in a concrete object
    ("Pelatihan pemandu wisata cagar budaya")?"""
    i = toks.index(abstract.found[0])
    return i <= _OBJECT_REACH or any(t.word == "yang" for t in toks[max(0, i - 2) : i])


def _activity(text: str, toks: tuple[Token, ...]) -> Reading | None:
    """A nominalised activity at the head with nothing counted ("Pelatihan kader posyandu",
    "Pembangunan embung desa", "Sosialisasi perda", "Construction of a sea wall"): held or not.
    Not a change in a quality or an institution ("Pengembangan ekonomi lokal", "Penguatan
    kelembagaan", "Strengthening of village institutions"), nor anything with an abstract
    outcome ("Pembentukan karakter wirausaha")."""
    if not toks or find_all(text, "quality_change", "increase", "decrease"):
        return None
    if any(_outcome_of(toks, m) for m in find_all(text, "abstract_noun")):
        return None  # "Pelestarian budaya lokal"; not "Pelatihan pemandu wisata cagar budaya"
    word = toks[0].word
    if any(m.found[0] == toks[0] and not m.negated for m in find_all(text, "bad_quantity")):
        return None  # "Fluktuasi harga cabai", "Deforestasi hutan lindung": a harm measured, no activity
    if all(t.clause == toks[0].clause for t in toks[:2]) and len(toks) > 1:
        nominal = (word.startswith("pe") and nominal_root(word) is not None) or (
            word.endswith(_LOAN_ACTIVITY) and len(word) > 7 and not word.endswith("nsi")
        )
        english = word.endswith(_ACTIVITY_EN) and len(word) > 6 and toks[1].word == "of"
        if nominal or english:
            said, span = quoted(text, toks[0])
            return Reading("yes_no", "activity_held", said, span)
    return None


def _quantity_head(text: str, toks: tuple[Token, ...]) -> Reading | None:
    """A quantity named at the head ("Timbulan sampah rumah tangga", "Waste sent to landfill",
    "Emisi gas rumah kaca"): a harm or a good that is measured in its own units. Not an abstract
    good ("Kesejahteraan masyarakat"), a quality with no scale ("Kepuasan masyarakat"), a change
    or a countermeasure ("Penanganan banjir"), an output ("Waste bank operational")."""
    if find_all(text, "abstract_noun", "quality_change", "increase", "decrease", "yes_no"):
        return None  # "Waste bank operational by June 2026": an output
    if any(m.found[0] == toks[0] for m in find_all(text, "countermeasure", "quality_head")):
        return None  # "Kepuasan masyarakat terhadap layanan": a quality, with no scale named
    if len(toks) < 2:
        return None  # "Kemiskinan" alone names a field, not what is measured in it
    head = next((m for m in find_all(text, "bad_quantity", "good_quantity") if m.found[0] == toks[0]), None)
    return None if head is None or head.negated else from_match(text, "countable", "quantity_noun", head)


_CHANGE = ("increase", "decrease", "abstract_noun")  # "Meningkatnya", "Enhanced", "Stronger"
_USE_AT = {"id": 0, "en": 1}  # where the use word heads: "Konsumsi ikan", "Groundwater extraction"


def _the_group(toks: tuple[Token, ...], i: int) -> bool:
    """Is a number in words after "the" a group named ("the two provinces", "the three partner
    universities"), not an amount?"""
    return not toks[i].word[:1].isdigit() and i > 0 and toks[i - 1].word == "the"


# the first word of a state held: "Terjaganya kerukunan", "Terpeliharanya ketertiban"
_HELD = frozenset({"terjaganya", "terpeliharanya", "terjaga", "terpelihara", "lestarinya", "terjaminnya", "terawatnya"})


@lru_cache(maxsize=8192)  # a pure function of the text; plans repeat their texts
def indicator_measurable(text: str) -> Reading:
    toks = tokens(text)
    if text.lstrip().startswith("#"):  # "# of MSMEs accessing finance": a logframe's count
        said, span = quoted(text, *toks[:1])
        return Reading("countable", "measure_noun", said, span)
    number = next(
        (
            t
            for i, t in enumerate(toks)
            if (is_number(t.word) or _MONEY.match(t.word)) and not _is_year(t.word) and not _the_group(toks, i)
        ),
        None,
    )
    if number is not None:
        said, span = quoted(text, number)
        return Reading("countable", "number", said, span)
    unit = _unit_in_brackets(text)
    if unit is not None:
        return unit
    counted = _counted_id(text, toks)
    if counted is not None:
        return counted
    # an output named at the head ("Beroperasinya rumah produksi", "Tersusunnya dokumen") happens
    # or not, whatever measure noun stands later in its object
    # unless its noun is an abstract outcome ("Terbangunnya kepercayaan antarmitra")
    head = next((m for m in find_all(text, "yes_no") if m.found[0] == toks[0]), None)
    if head is not None:
        after = toks[len(head.found)] if len(toks) > len(head.found) else None
        if after is None or not any(m.found[0] == after for m in find_all(text, "abstract_noun")):
            return from_match(text, "yes_no", "happens_or_not", head)
    # a thing with a result predicate ("SOP pelayanan terpadu disahkan", "Dokumen RAD tersusun")
    # or a deliverable named alone ("Dokumen RAD", "Laporan evaluasi akhir tahun") exists or not
    output = _output(text, toks)
    if output is not None:
        return output
    for purpose, reason in (("measurable", "measure_noun"), ("count_up", "cumulative_count")):
        found = next((m for m in find_all(text, purpose) if not m.negated and _measures(text, toks, m)), None)
        if found is not None and purpose == "count_up" and _one_thing_done(toks, found):
            return from_match(text, "yes_no", "happens_or_not", found)
        if found is not None:
            return from_match(text, "countable", reason, found)
    # a duration ("Lama penyelesaian berkas") or a plural of what is counted ("Households
    # connected", "Cooperatives with audited accounts") at the head
    head = next(
        (
            m
            for m in find_all(text, "duration_word", "counted_head")
            if m.found[0] == toks[0] and not (m.purpose == "counted_head" and m.phrase.lang == "id")
        ),
        None,
    )
    if head is not None and len(toks) > len(head.found):
        return from_match(text, "countable", "measure_noun", head)
    use = next((m for m in find_all(text, "use_head") if toks.index(m.found[0]) <= _USE_AT[m.phrase.lang]), None)
    if use is not None and len(toks) > len(use.found) and not find_all(text, "abstract_noun"):
        # "Konsumsi ikan per kapita", "Penggunaan pupuk organik", "Groundwater extraction": an
        # amount used, though its noun has the form of an activity
        return from_match(text, "countable", "measure_noun", use)
    activity = _activity(text, toks) or _quantity_head(text, toks)
    if activity is not None:
        return activity
    yes_no = next(iter(find_all(text, "yes_no")), None)
    abstract = next(iter(find_all(text, "abstract_noun")), None)
    if yes_no is not None and abstract is None:
        return from_match(text, "yes_no", "happens_or_not", yes_no)
    if abstract is None and toks and toks[0].word in _HELD and len(toks) > 1:
        # "Terjaganya stabilitas harga pangan": a state held, with nothing counted
        said, span = quoted(text, toks[0])
        return Reading("abstract", "state_held", said, span)
    if abstract is None and toks and toks[0].word.endswith("nya") and toks[0].word[:2] in ("te", "di"):
        said, span = quoted(text, toks[0])
        return Reading("yes_no", "happens_or_not", said, span)
    if abstract is not None:
        return from_match(text, "abstract", "abstract_outcome", abstract)
    said, span = quoted(text, *toks[:3])
    return Reading("abstract", "nothing_to_count", said, span)
